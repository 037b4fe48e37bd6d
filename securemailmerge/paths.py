"""Where SecureMailMerge keeps its files on this computer, and where IT puts its settings for everyone."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "SecureMailMerge"


def data_dir() -> Path:
    """The app's data folder (``SMM_DATA_DIR`` overrides it, as tests and portable installs do)."""
    override = os.environ.get("SMM_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The folder of the app's logs, including the network log."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def machine_config_dir(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> Path:
    """The folder IT uses for settings that apply to every user of this computer.

    ``%ProgramData%\\SecureMailMerge`` on Windows, ``/Library/Application Support/SecureMailMerge`` on
    macOS and ``/etc/securemailmerge`` elsewhere; ``SMM_MACHINE_CONFIG_DIR`` overrides it (tests).
    """
    override = environ.get("SMM_MACHINE_CONFIG_DIR")
    if override:
        return Path(override)
    if platform == "win32":
        return Path(environ.get("ProgramData") or environ.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME
    if platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME
    return Path("/etc") / APP_NAME.lower()
