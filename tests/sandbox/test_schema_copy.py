"""The sandbox ships the very Graph schema in ../shared that every request must match."""

from __future__ import annotations

import pytest

from securemailmerge.resources import resources_root
from tests.helpers import REPO, SHARED


def test_bundled_schema_is_microsofts() -> None:
    shared = SHARED / "graph-openapi-subset.json"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    bundled = REPO / "securemailmerge" / "sandbox" / "graph-openapi-subset.json"
    assert bundled.read_bytes() == shared.read_bytes()


def test_resources_folder_is_found() -> None:
    assert resources_root().is_dir()
