"""SecureMailMerge: personal mail merge for Microsoft 365 that runs entirely on your computer.

This package is the engine. It imports no Qt; the desktop app in ``ui`` and the command line in
``securemailmerge.cli`` are two thin front ends over it.

``__version__`` comes from the installed package's metadata, which pip writes from
``pyproject.toml``, the one place the version is set; ``build.spec`` copies that metadata into the
frozen bundle, so the About box, the User-Agent and the installers all show the same number.
It is read on first use: reading package metadata costs about 40 ms, a sixth of a command's
start-up budget, and most commands never show the version.
"""

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("securemailmerge")
    except PackageNotFoundError:
        # Run from a checkout that was never installed: say so rather than invent a number.
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
