"""Modules stay small enough to read whole: none in securemailmerge/ or ui/ is over 400 lines.

Counted as ``wc -l`` counts (line ends), from the source, so the limit holds the moment a module
grows past it, whether or not a test imports it.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import REPO

LIMIT = 400
ROOTS = ("securemailmerge", "ui")


def _line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n")


def _modules() -> list[Path]:
    return sorted(path for root in ROOTS for path in (REPO / root).rglob("*.py"))


def test_no_module_is_over_the_limit() -> None:
    too_long = {
        path.relative_to(REPO).as_posix(): _line_count(path)
        for path in _modules()
        if _line_count(path) > LIMIT
    }
    assert too_long == {}, f"modules over {LIMIT} lines; split them along what they hold"
