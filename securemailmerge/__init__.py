"""SecureMailMerge: personal mail merge for Microsoft 365 that runs entirely on your computer.

This package is the engine. It imports no Qt; the desktop app in ``ui`` and the command line in
``securemailmerge.cli`` are two thin front ends over it.

``__version__`` comes from the installed package's metadata, which pip writes from
``pyproject.toml``, the one place the version is set; ``build.spec`` copies that metadata into the
frozen bundle, so the About box, the User-Agent and the installers all show the same number.
"""

from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    try:
        return version("securemailmerge")
    except PackageNotFoundError:
        # Run from a checkout that was never installed: say so rather than invent a number.
        return "0+unknown"


__version__ = _version()
