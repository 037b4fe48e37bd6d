"""An ``.xls`` shows its numbers in their formats whether its records are read directly (Excel 97
and later) or by xlrd (the way for older files): both ways find the same format for every cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import xlwt

from securemailmerge.recipients import xlsstyles
from securemailmerge.recipients.xlsxfile import open_sheet

EXPECTED = [
    ("ana@example.es", "12.500,50 €", "15.01.2024", "12,5%", "3"),
    ("jo@example.de", "7,25", "05.03.2024", "", "-80,00"),
]


def accounts(path: Path) -> Path:
    """A sheet of amounts, dates and shares, one amount without a format, a second sheet after it."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Konten")
    euro = xlwt.easyxf(num_format_str='#,##0.00 "€"')
    day = xlwt.easyxf(num_format_str="dd.mm.yyyy")
    share = xlwt.easyxf(num_format_str="0.0%")
    plain = xlwt.easyxf(num_format_str="#,##0.00")
    for column, name in enumerate(("E-Mail", "Betrag", "Termin", "Rabatt", "Saldo")):
        sheet.write(0, column, name)
    sheet.write(1, 0, "ana@example.es")
    sheet.write(1, 1, 12500.5, euro)
    sheet.write(1, 2, date(2024, 1, 15), day)
    sheet.write(1, 3, 0.125, share)
    sheet.write(1, 4, 3)
    sheet.write(2, 0, "jo@example.de")
    sheet.write(2, 1, 7.25)
    sheet.write(2, 2, date(2024, 3, 5), day)
    sheet.write(2, 4, -80, plain)
    book.add_sheet("Notizen").write(0, 0, 1.5, euro)
    book.save(str(path))
    return path


def test_the_records_of_an_xls_give_each_cell_its_format(tmp_path: Path) -> None:
    with open_sheet(accounts(tmp_path / "konten.xls"), language="de") as opened:
        assert [values for _, values in opened.rows] == EXPECTED


def test_xlrd_reads_the_formats_of_an_xls_the_records_do_not_describe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = accounts(tmp_path / "konten.xls")
    direct = xlsstyles.read_xls_formats(path, "Konten")
    monkeypatch.setattr(xlsstyles, "_biff8_formats", lambda data, sheet: None)  # as for an Excel 95 file
    assert xlsstyles.read_xls_formats(path, "Konten") == direct
    with open_sheet(path, language="de") as opened:
        assert [values for _, values in opened.rows] == EXPECTED
