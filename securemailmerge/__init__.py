"""SecureMailMerge: personal mail merge for Microsoft 365 that runs entirely on your computer.

This package is the engine. It imports no Qt; the desktop app in ``ui`` and the command line in
``securemailmerge.cli`` are two thin front ends over it.
"""

__version__ = "0.1.0"
