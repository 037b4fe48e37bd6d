"""An ``.xlsb`` (Excel's binary workbook) shows numbers, dates and times as Excel shows them: its
number formats are read from its records, a date kept as whole days is a date, and numbers
without a format are shown in Excel's General format."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.xlsxfile import open_sheet
from tests.workbook_files import write_xlsb

HEADER = ["E-Mail", "Betrag", "Termin", "Beginn", "Rabatt", "Menge", "Bestätigt"]
FORMATS = {1: '#,##0.00 "€"', 2: "dd.mm.yyyy", 3: "hh:mm", 4: "0.0%"}


def orders(path: Path) -> Path:
    """Excel's binary records for amounts, dates (whole days, kept as integers), times, shares
    and plain numbers in General format (12.34 kept as 1234 hundredths, as Excel keeps it)."""
    rows = [
        ["Bestellungen 2024"],
        [],
        HEADER,
        ["ana@example.es", 12500.5, date(2024, 1, 15), time(9, 30), 0.125, 12.34, True],
        ["jo@example.de", -80, datetime(2024, 3, 5, 14, 0), time(18, 45), 0.5, 0.1 + 0.2, False],
        ["li@example.de", 7, date(2024, 12, 24), time(0, 5), 1, -7, True],
    ]
    return write_xlsb(path, rows, FORMATS, sheet="Aufträge")


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        (
            "de",
            [
                ("ana@example.es", "12.500,50 €", "15.01.2024", "09:30", "12,5%", "12,34", "WAHR"),
                ("jo@example.de", "-80,00 €", "05.03.2024", "18:45", "50,0%", "0,3", "FALSCH"),
                ("li@example.de", "7,00 €", "24.12.2024", "00:05", "100,0%", "-7", "WAHR"),
            ],
        ),
        (
            "en",
            [
                ("ana@example.es", "12,500.50 €", "15.01.2024", "09:30", "12.5%", "12.34", "TRUE"),
                ("jo@example.de", "-80.00 €", "05.03.2024", "18:45", "50.0%", "0.3", "FALSE"),
                ("li@example.de", "7.00 €", "24.12.2024", "00:05", "100.0%", "-7", "TRUE"),
            ],
        ),
    ],
)
def test_an_xlsb_shows_its_cells_as_excel_does(
    tmp_path: Path, language: str, shown: list[tuple[str, ...]]
) -> None:
    with open_sheet(orders(tmp_path / "auftraege.xlsb"), language=language) as opened:
        assert opened.title == "Aufträge"
        assert opened.header == tuple(HEADER)
        assert opened.header_row == 3
        assert [values for _, values in opened.rows] == shown


def test_an_xlsb_loads_as_a_recipient_list(tmp_path: Path) -> None:
    result = load_recipients(orders(tmp_path / "auftraege.xlsb"))
    assert [(r.row, r.to) for r in result.rows] == [
        (4, ("ana@example.es",)),
        (5, ("jo@example.de",)),
        (6, ("li@example.de",)),
    ]
    assert result.rows[0].fields["Termin"] == "15.01.2024"


def test_a_number_without_a_format_in_a_column_of_amounts_shows_in_general(tmp_path: Path) -> None:
    path = tmp_path / "gemischt.xlsb"
    rows = [["E-Mail", "Betrag"], ["a@example.de", 1234.5], ["b@example.de", 99.95]]
    write_xlsb(path, rows, {1: "#,##0.00"})
    with open_sheet(path, language="de") as opened:
        assert [values for _, values in opened.rows] == [
            ("a@example.de", "1.234,50"),
            ("b@example.de", "99,95"),
        ]
    write_xlsb(path, rows)
    with open_sheet(path, language="de") as opened:
        assert [values for _, values in opened.rows] == [
            ("a@example.de", "1234,5"),
            ("b@example.de", "99,95"),
        ]


def test_xlsb_formats_below_the_scanned_part_follow_their_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["E-Mail", "Betrag", "Datum"]] + [
        [f"p{n}@example.de", 1000.5 + n, date(2024, 1, 1 + n % 28)] for n in range(300)
    ]
    path = write_xlsb(tmp_path / "lang.xlsb", rows, {1: "#,##0.00", 2: "dd.mm.yyyy"})
    monkeypatch.setattr("securemailmerge.recipients.xlsbstyles.SCAN_BYTES", 2048)
    with open_sheet(path, language="de") as opened:
        cells = [values[1:] for _, values in opened.rows]
    assert cells[0] == ("1.000,50", "01.01.2024")
    assert cells[-1] == ("1.299,50", "20.01.2024"), "a row beyond the scanned bytes takes its column's format"
