"""Find the files in ``resources/`` from a checkout, an installed copy and a frozen bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources`` folder: beside the package in a checkout, under ``_MEIPASS`` when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def asset_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``asset_path("sample", "recipients.csv")``."""
    return resources_root().joinpath(*parts)
