#!/usr/bin/env python3
"""Set everything up and run SecureMailMerge: `python3 dev.py run`, `test` or `build`.

Works on a fresh machine with only Python 3.11+: it creates `.venv` beside this file, installs the
project with its test and build extras (again only when pyproject.toml changed), then runs the app
on the built-in sandbox, the whole check suite (ruff, ruff format, mypy, pytest), or builds the
bundle and installer for this system and smoke-tests the frozen program (tools/package.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"


def venv_python() -> Path:
    """The interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_environment() -> Path:
    """Create the virtual environment and install the project when needed."""
    if sys.version_info < (3, 11):
        sys.exit(f"SecureMailMerge needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = venv_python()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Installing SecureMailMerge and its dependencies into .venv ...", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-e",
                f"{ROOT}[test,build]",
            ],
            check=True,
        )
        STAMP.write_text(wanted)
    return python


def run(python: Path, *args: str) -> int:
    """Run one step inside the project directory and return its exit code."""
    print("+", " ".join(args), flush=True)
    return subprocess.run([str(python), *args], cwd=ROOT).returncode


# The X11 libraries Qt's xcb platform needs that a minimal Debian or Ubuntu lacks, by package name.
QT_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}


def missing_qt_libraries() -> list[str]:
    """The Debian packages of Qt's X11 libraries that are not installed (Linux with X11 only)."""
    import ctypes.util

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return []
    return [package for name, package in QT_XCB_LIBRARIES.items() if ctypes.util.find_library(name) is None]


def main(argv: list[str]) -> int:
    """Dispatch `run`, `test` or `build`; anything after them is passed on."""
    if not argv or argv[0] not in {"run", "test", "build"}:
        print(__doc__)
        return 2
    python = ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "run":
        missing = missing_qt_libraries()
        if missing:
            print("Qt cannot open a window: install " + " ".join(missing) + " (e.g. sudo apt install ...)")
            return 1
        return run(python, "-m", "ui", "--sandbox", *rest)
    if command == "build":
        return run(python, "tools/package.py", *rest)
    for step in (
        ("-m", "ruff", "check", "."),
        ("-m", "ruff", "format", "--check", "."),
        ("-m", "mypy"),
    ):
        if code := run(python, *step):
            return code
    # pytest's 5 means no test ran: for us that is a failure like any other.
    return run(python, "-m", "pytest", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
