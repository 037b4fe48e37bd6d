"""Where SecureMailMerge keeps its files on this computer."""

from __future__ import annotations

import os
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
