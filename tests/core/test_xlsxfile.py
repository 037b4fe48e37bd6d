"""Excel sheets load as the user sees them: chosen sheet, first non-empty row as header, dates,
numbers and leading zeros shown as Excel shows them, and a clear error for damaged or empty files."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from securemailmerge.errors import RecipientFileError
from securemailmerge.recipients.excelformat import cell_text
from securemailmerge.recipients.files import load_recipients, sheet_names
from securemailmerge.recipients.model import RecipientOptions
from securemailmerge.recipients.xlsxfile import open_sheet


def workbook(
    path: Path, sheets: dict[str, list[list[object]]], formats: dict[str, str] | None = None
) -> Path:
    """Write ``sheets`` to ``path``; ``formats`` maps cells of the first sheet to number formats."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for coordinate, number_format in (formats or {}).items():
        book.worksheets[0][coordinate].number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("value", "number_format", "language", "shown"),
    [
        (100000, "General", "en", "100000"),
        (100000.0, "General", "en", "100000"),
        (1e20, "General", "en", "100000000000000000000"),
        (0.1 + 0.2, "General", "en", "0.3"),
        (1.5e-7, "General", "en", "0.00000015"),
        (2.5, "General", "de", "2,5"),
        (-2.5, "General", "es", "-2,5"),
        (True, "General", "en", "TRUE"),
        (3.14159, "0.00", "en", "3.14"),
        (2.675, "0.00", "en", "2.68"),
        (1234567.891, "#,##0.00", "en", "1,234,567.89"),
        (1234567.891, "#,##0.00", "de", "1.234.567,89"),
        (0.25, "0%", "en", "25%"),
        (0.255, "0.0%", "de", "25,5%"),
        (1234, "00000", "en", "01234"),
        (-5, "#,##0.00_);(#,##0.00)", "en", "(5.00)"),
        (0, '#,##0.00_);(#,##0.00);"-"', "en", "-"),
        (1234.5, '#,##0.00 "€"', "de", "1.234,50 €"),
        (1234.5, "[$€-407] #,##0.00", "de", "€ 1.234,50"),
        (12345.678, "0.00E+00", "en", "1.23E+04"),
        (date(2024, 1, 15), "mm-dd-yy", "en", "2024-01-15"),
        (datetime(2024, 1, 15, 13, 45), "m/d/yy h:mm", "en", "2024-01-15 13:45"),
        (date(2024, 1, 15), "dd.mm.yyyy", "de", "15.01.2024"),
        (date(2024, 1, 15), "d. mmmm yyyy", "de", "15. Januar 2024"),
        (date(2024, 1, 15), 'dddd, d "de" mmmm "de" yyyy', "es", "lunes, 15 de enero de 2024"),
        (date(2024, 3, 5), "[$-407]d. mmmm yyyy;@", "en", "5. März 2024"),
        (date(2024, 1, 15), "d-mmm-yy", "en", "15-Jan-24"),
        (time(13, 45), "h:mm AM/PM", "en", "1:45 PM"),
        (time(8, 5, 9), "hh:mm:ss", "en", "08:05:09"),
        (timedelta(hours=27, minutes=30), "[h]:mm:ss", "en", "27:30:00"),
        (datetime(2024, 1, 15, 13, 45, 30, 500000), "hh:mm:ss.00", "en", "13:45:30.50"),
        (timedelta(hours=36, minutes=15), "[h]:mm", "en", "36:15"),
        (45306, "dd.mm.yyyy", "de", "15.01.2024"),
        (45306.75, "dd.mm.yyyy hh:mm", "de", "15.01.2024 18:00"),
        (0.3958333333, 'hh":"mm', "de", "09:30"),
        (1.5104166666666667, "[h]:mm", "en", "36:15"),
        (-3, "dd.mm.yyyy", "en", "-3"),
        (2.5, "#,##0.00", "de", "2,50"),
        (1.005, "0.00", "en", "1.01"),
        (-0.0, "0.00", "en", "0.00"),
        (1234567.891, "#,##0.0#", "es", "1.234.567,89"),
        (1234567.8, "#,##0.0#", "en", "1,234,567.8"),
        (None, "General", "en", ""),
        ("01234", "@", "en", "01234"),
    ],
)
def test_cells_read_as_excel_shows_them(value: object, number_format: str, language: str, shown: str) -> None:
    assert cell_text(value, number_format, language) == shown


def test_a_sheet_loads_with_formats_from_the_file(tmp_path: Path) -> None:
    rows = [
        ["Vorname", "E-Mail", "Geburtstag", "Termin", "PLZ", "Kundennummer", "Rabatt", "Betrag"],
        [
            "Jürgen",
            "j@example.de",
            date(1980, 5, 17),
            datetime(2024, 1, 15, 9, 30),
            "01234",
            100000,
            0.15,
            1234.5,
        ],
    ]
    path = workbook(
        tmp_path / "kunden.xlsx",
        {"Kunden": rows},
        {"C2": "dd.mm.yyyy", "D2": "mm-dd-yy", "G2": "0%", "H2": "#,##0.00"},
    )
    result = load_recipients(path)
    assert dict(result.rows[0].fields) == {
        "Vorname": "Jürgen",
        "E-Mail": "j@example.de",
        "Geburtstag": "17.05.1980",
        "Termin": "2024-01-15",
        "PLZ": "01234",
        "Kundennummer": "100000",
        "Rabatt": "15%",
        "Betrag": "1,234.50",
    }
    assert result.details == {"sheet": "Kunden", "header_row": "1"}


def test_the_header_is_the_first_non_empty_row_wherever_the_table_starts(tmp_path: Path) -> None:
    rows = [[], [None, None], [None, "Name", "Email", "Name"], [None, "Ann", "a@example.de", "x"]]
    path = workbook(tmp_path / "versetzt.xlsx", {"Tabelle1": rows})
    with pytest.raises(RecipientFileError, match=r"repeats 'Name' in columns B, D"):
        load_recipients(path)
    rows[2][3] = "Note"
    rows.insert(4, [])
    rows.append([None, "Bob", "b@example.de", None, "stray"])
    result = load_recipients(workbook(path, {"Tabelle1": rows}))
    assert result.columns == ("Name", "Email", "Note")
    assert result.details["header_row"] == "3"
    assert [r.row for r in result.rows] == [4]
    assert [(p.row, p.code) for p in result.problems] == [(6, "ragged-row")]
    assert result.problems[0].message.startswith("versetzt.xlsx:6: this row has 4 cells but the header has 3")


def test_short_rows_are_not_ragged_in_a_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "kurz.xlsx", {"S": [["Email", "Name", "Note"], ["a@example.de"]]})
    result = load_recipients(path)
    assert result.problems == []
    assert dict(result.rows[0].fields) == {"Email": "a@example.de", "Name": "", "Note": ""}


def test_the_user_chooses_the_sheet(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mappe.xlsx",
        {"Übersicht": [["Titel"], ["Kampagne"]], "Empfänger": [["Correo"], ["ana@example.es"]]},
    )
    assert sheet_names(path) == ["Übersicht", "Empfänger"]
    result = load_recipients(path, RecipientOptions(sheet="Empfänger"))
    assert [r.to for r in result.rows] == [("ana@example.es",)]
    with pytest.raises(
        RecipientFileError,
        match=r"mappe\.xlsx has no sheet named 'Kunden'. Its sheets are: Übersicht, Empfänger",
    ):
        load_recipients(path, RecipientOptions(sheet="Kunden"))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], r"The sheet 'Leer' of leer\.xlsx is empty"),
        ([[], [None, ""]], r"The sheet 'Leer' of leer\.xlsx is empty"),
        ([["Name", "Email"]], r"leer\.xlsx has a header row but no recipients below it"),
    ],
)
def test_sheets_without_header_or_recipients_are_an_error(
    tmp_path: Path, rows: list[list[object]], message: str
) -> None:
    with pytest.raises(RecipientFileError, match=message):
        load_recipients(workbook(tmp_path / "leer.xlsx", {"Leer": rows}))


@pytest.mark.parametrize(
    "content",
    [b"Name,Email\r\nAnn,a@example.de\r\n", b"PK\x03\x04 truncated zip", b"\x89PNG\r\n\x1a\n\x00\x00", b""],
)
def test_damaged_or_foreign_files_are_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kaputt.xlsx"
    path.write_bytes(content)
    with pytest.raises(
        RecipientFileError, match=r"kaputt\.xlsx cannot be read as an Excel workbook"
    ) as caught:
        load_recipients(path)
    assert caught.value.file == str(path)
    with pytest.raises(RecipientFileError):
        sheet_names(path)


def test_the_language_sets_separators_and_month_names(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "de.xlsx",
        {"S": [["Email", "Datum", "Betrag"], ["a@example.de", date(2024, 3, 1), 0.5]]},
        {"B2": "d. mmmm yyyy", "C2": "0.00"},
    )
    with open_sheet(path, language="de") as sheet:
        assert list(sheet.rows) == [(2, ("a@example.de", "1. März 2024", "0,50"))]
    with open_sheet(path, language="en") as sheet:
        assert list(sheet.rows) == [(2, ("a@example.de", "1. March 2024", "0.50"))]


def test_each_cell_keeps_its_own_format_across_blocks_of_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("securemailmerge.recipients.sheettext._BLOCK_ROWS", 3)
    book = Workbook()
    sheet = book.active
    sheet.append(["E-Mail", "Termin", "Betrag", "Aktiv"])
    for number in range(8):
        sheet.append([f"p{number}@example.de", date(2024, 1, 1 + number), 1000.5 + number, number % 2 == 0])
        sheet.cell(row=number + 2, column=2).number_format = "dd.mm.yyyy" if number < 5 else "d. mmmm yyyy"
        if number % 3 == 0:
            sheet.cell(row=number + 2, column=3).number_format = '#,##0.00 "€"'
    sheet.append(["last@example.de", "offen", 7, None])
    book.save(tmp_path / "termine.xlsx")
    with open_sheet(tmp_path / "termine.xlsx", language="de") as opened:
        rows = [values for _, values in opened.rows]
    assert [values[1] for values in rows] == [
        *(f"0{day}.01.2024" for day in range(1, 6)),
        *(f"{day}. Januar 2024" for day in range(6, 9)),
        "offen",
    ]
    assert [values[2] for values in rows] == [
        "1.000,50 €",
        "1001,5",
        "1002,5",
        "1.003,50 €",
        "1004,5",
        "1005,5",
        "1.006,50 €",
        "1007,5",
        "7",
    ]
    assert [values[3] for values in rows] == ["WAHR", "FALSCH"] * 4 + [""]
