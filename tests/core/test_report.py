"""The report has one line per row with state, ids, codes and reasons; no cell can start a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from securemailmerge.campaign.journal import BOUNCED, SENT, SKIPPED, Journal, PlannedRow
from securemailmerge.campaign.report import summary_lines, write_report
from securemailmerge.errors import InputError


def journal(tmp_path: Path) -> Journal:
    rows = [
        PlannedRow("r2", 2, {"to": ["ann@example.com"]}, 1, "f2"),
        PlannedRow("r3", 3, {"to": ['=HYPERLINK("x")@example.com']}, 1, "f3"),
        PlannedRow(
            "r4", 4, {"to": ["cy@example.com"]}, 0, "", state=SKIPPED, reason="On your do-not-contact list."
        ),
    ]
    created = Journal.create(
        tmp_path / "c",
        {"mode": "now", "mailbox": "ada@contoso.com", "sender": "sales@contoso.com", "status": "finished"},
        rows,
        clock=lambda: 1_700_000_000.0,
    )
    created.update("r2", SENT, message_id="AAMk1", internet_message_id="<1@x>", sent_at=1_700_000_100.0)
    created.update("r3", BOUNCED, code="5.1.1", reason="=cmd|' /C calc'!A0")
    return created


def test_csv_report(tmp_path: Path) -> None:
    with journal(tmp_path) as opened:
        assert write_report(opened, tmp_path / "report.csv") == 3
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Row", "To", "State"]
    assert [r[2] for r in rows[1:]] == ["sent", "bounced", "left out"]
    assert rows[1][4:6] == ["AAMk1", "<1@x>"]
    assert rows[1][9] == "ada@contoso.com"  # the copy is in the signed-in user's Sent Items
    assert rows[2][1].startswith("'=")
    assert rows[2][7].startswith("'=")


def test_xlsx_report_cells_are_text(tmp_path: Path) -> None:
    with journal(tmp_path) as opened:
        write_report(opened, tmp_path / "report.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "report.xlsx").active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[2][6] == "5.1.1"
    assert all(not str(v).startswith("=") for row in values for v in row if v is not None)
    assert {c.data_type for row in sheet.iter_rows() for c in row} <= {"s", "inlineStr", "n"}  # no formula


def test_a_report_of_another_kind_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    with (
        journal(tmp_path) as opened,
        pytest.raises(InputError, match=r"must be a .csv or .xlsx file, not r.pdf"),
    ):
        write_report(opened, tmp_path / "r.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]


def test_the_summary_says_where_the_copies_are(tmp_path: Path) -> None:
    with journal(tmp_path) as opened:
        lines = summary_lines(opened)
    assert lines[1] == "sent 1, bounced 1, left out 1"
    assert "Sent Items of ada@contoso.com" in lines[2]
