"""The journal keeps the plan and every row's state on disk, committed at each step, across reopenings."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from securemailmerge.campaign.journal import (
    DRAFTED,
    PLANNED,
    SENT,
    SKIPPED,
    Journal,
    PlannedRow,
    list_campaigns,
)
from securemailmerge.errors import InputError


def planned(n: int) -> list[PlannedRow]:
    return [PlannedRow(f"r{i}", i, {"to": [f"p{i}@example.com"]}, 1, f"fp{i}") for i in range(2, n + 2)]


def test_a_new_campaign_keeps_its_settings_and_rows_after_reopening(tmp_path: Path) -> None:
    folder = tmp_path / "spring"
    with Journal.create(folder, {"mode": "now", "sender": None}, planned(3)):
        pass
    with Journal.open(folder) as journal:
        assert journal.setting("mode") == "now"
        assert [row.key for row in journal.rows()] == ["r2", "r3", "r4"]
        assert journal.counts()[PLANNED] == 3
    assert sqlite3.connect(folder / "journal.sqlite").execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_each_transition_is_on_disk_before_update_returns(tmp_path: Path) -> None:
    journal = Journal.create(tmp_path / "c", {}, planned(2), clock=lambda: 100.0)
    journal.update("r2", DRAFTED, message_id="AAMk1", internet_message_id="<1@x>")
    # Another connection (another process after a crash) sees it at once.
    with Journal.open(tmp_path / "c") as other:
        row = other.row("r2")
        assert (row.state, row.message_id, row.updated) == (DRAFTED, "AAMk1", 100.0)
        assert other.by_internet_message_id("<1@x>") == [row]
    journal.update("r2", SENT, sent_at=101.0)
    assert journal.sends_since(50.0) == [(101.0, 1)]
    journal.close()


def test_an_unknown_state_or_column_is_refused(tmp_path: Path) -> None:
    with Journal.create(tmp_path / "c", {}, planned(1)) as journal:
        with pytest.raises(ValueError, match="r2"):
            journal.update("r2", "lost")
        with pytest.raises(ValueError, match="fingerprint"):
            journal.update("r2", SENT, fingerprint="x")
        with pytest.raises(KeyError):
            journal.update("r9", SENT)


def test_a_folder_with_a_campaign_is_not_overwritten(tmp_path: Path) -> None:
    Journal.create(tmp_path / "c", {}, planned(1)).close()
    with pytest.raises(InputError, match="already holds a campaign; resume it"):
        Journal.create(tmp_path / "c", {}, planned(1))


def test_opening_a_folder_without_a_campaign_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"holds no campaign \(no journal.sqlite\)"):
        Journal.open(tmp_path)


def test_a_damaged_journal_is_named(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(InputError, match="cannot be read"):
        Journal.open(tmp_path)


def test_campaigns_are_listed_newest_first(tmp_path: Path) -> None:
    for index, name in enumerate(["a", "b"]):
        Journal.create(tmp_path / name, {}, planned(1)).close()
        os.utime(tmp_path / name / "journal.sqlite", (1000 + index, 1000 + index))
    (tmp_path / "not-a-campaign").mkdir()
    assert [path.name for path in list_campaigns(tmp_path)] == ["b", "a"]


def test_skipped_rows_keep_their_reason(tmp_path: Path) -> None:
    rows = [PlannedRow("r2", 2, {}, 0, "", state=SKIPPED, reason="On your do-not-contact list.")]
    with Journal.create(tmp_path / "c", {}, rows) as journal:
        assert journal.row("r2").reason == "On your do-not-contact list."
