"""Long engine work gives a front end's hook a turn between its blocks, and runs alike without one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from securemailmerge import yielding
from securemailmerge.m365 import NetworkLog
from securemailmerge.recipients import RecipientOptions, load_recipients


@pytest.fixture
def turns() -> Iterator[list[int]]:
    """The turns the installed hook was given; uninstalled afterwards."""
    given: list[int] = []
    yielding.install(lambda: given.append(1))
    yield given
    yielding.install(None)


def test_a_long_csv_gives_the_hook_turns_while_it_is_read(tmp_path: Path, turns: list[int]) -> None:
    path = tmp_path / "long.csv"
    rows = "".join(f"N{n},n{n}@example.com\n" for n in range(30_000))
    path.write_text("Name,Email\n" + rows, encoding="utf-8")
    loaded = load_recipients(path, RecipientOptions())
    assert len(loaded.rows) == 30_000
    assert len(turns) >= 10  # about one per 64 KB block


def test_a_long_network_log_gives_the_hook_turns_while_it_is_read(tmp_path: Path, turns: list[int]) -> None:
    log = NetworkLog(tmp_path / "network.log", max_bytes=1 << 30)
    path_text = "/v1.0/me/messages/{id}/send"
    for _ in range(8_000):
        log.write({"method": "POST", "host": "graph.microsoft.com", "path": path_text, "status": 202})
    turns.clear()
    assert len(log.lines()) == 8_000
    assert len(turns) >= 2  # one per 256 KB block


def test_without_a_hook_the_work_runs_as_before(tmp_path: Path) -> None:
    yielding.between_steps()  # nothing installed: nothing happens
    path = tmp_path / "short.csv"
    path.write_text("Name,Email\nAna,ana@example.com\n", encoding="utf-8")
    assert [r.to for r in load_recipients(path, RecipientOptions()).rows] == [("ana@example.com",)]
