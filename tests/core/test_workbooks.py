"""Workbooks as people make them load as Excel shows them: the first visible sheet, the header below
title rows (or the one the user names), merged and empty header cells explained, amounts in the
user's language, .xlsm, .xls and .ods read; encrypted, HTML and binary files get clear words."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

from securemailmerge.errors import RecipientFileError
from securemailmerge.recipients.files import load_recipients, sheet_names
from securemailmerge.recipients.model import RecipientOptions
from securemailmerge.recipients.xlsxfile import open_sheet


def invitation(path: Path, *, hidden_first: bool = False) -> Path:
    """A sheet with a title row, a blank row, then the table; amounts and dates formatted."""
    book = Workbook()
    if hidden_first:
        notes = book.active
        notes.title = "Notizen"
        notes.sheet_state = "hidden"
        notes.append(["nur intern"])
        sheet = book.create_sheet("Gäste")
    else:
        sheet = book.active
        sheet.title = "Gäste"
    sheet.append(["Einladung zum Sommerfest 2026"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["Vorname", "E-Mail", "Beitrag", "Angemeldet"])
    sheet.append(["Jürgen", "juergen@example.de", 12500.5, True])
    sheet.append(["Lucía", "lucia@example.es", 80, False])
    for cell in ("C4", "C5"):
        sheet[cell].number_format = '#,##0.00 "€"'
    book.save(path)
    return path


def test_the_first_visible_sheet_and_the_header_below_the_title_are_found(tmp_path: Path) -> None:
    path = invitation(tmp_path / "fest.xlsx", hidden_first=True)
    assert sheet_names(path) == ["Gäste"]
    result = load_recipients(path)
    assert result.details["sheet"] == "Gäste"
    assert result.details["header_row"] == "3"
    assert result.columns == ("Vorname", "E-Mail", "Beitrag", "Angemeldet")
    assert [(r.row, r.to) for r in result.rows] == [(4, ("juergen@example.de",)), (5, ("lucia@example.es",))]


def test_amounts_and_truth_values_appear_as_excel_shows_them_in_the_users_language(tmp_path: Path) -> None:
    path = invitation(tmp_path / "fest.xlsx")
    shown = {}
    for language in ("de", "en", "es"):
        with open_sheet(path, language=language) as sheet:
            shown[language] = [values for _, values in sheet.rows]
    assert shown["de"][0] == ("Jürgen", "juergen@example.de", "12.500,50 €", "WAHR")
    assert shown["en"][0] == ("Jürgen", "juergen@example.de", "12,500.50 €", "TRUE")
    assert shown["es"][1] == ("Lucía", "lucia@example.es", "80,00 €", "FALSO")


def test_the_user_names_the_header_row(tmp_path: Path) -> None:
    path = invitation(tmp_path / "fest.xlsx")
    result = load_recipients(path, RecipientOptions(header_row=3))
    assert result.columns == ("Vorname", "E-Mail", "Beitrag", "Angemeldet")
    with pytest.raises(RecipientFileError, match=r"Row 2 of the sheet 'Gäste' of fest.xlsx is empty"):
        load_recipients(path, RecipientOptions(header_row=2))


def test_a_merged_header_cell_is_explained(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Kontakt", None, "Ort"])
    sheet.merge_cells("B1:C1")
    sheet.append(["Anna", "anna@example.de", "0221 123", "Köln"])
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(RecipientFileError) as error:
        load_recipients(tmp_path / "merged.xlsx")
    assert str(error.value) == (
        "merged.xlsx: the header cell B1 is merged over B1:C1, so its other columns have no name. "
        "Unmerge the header cells and give each column its own name."
    )


def test_an_empty_spacer_column_is_left_out_and_a_nameless_one_with_values_is_named(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", None, "E-Mail"])
    sheet.append(["Anna", None, "anna@example.de"])
    book.save(tmp_path / "spalte.xlsx")
    result = load_recipients(tmp_path / "spalte.xlsx")
    assert result.columns == ("Name", "E-Mail")
    assert result.details["ignored_columns"] == "B"
    assert dict(result.rows[0].fields) == {"Name": "Anna", "E-Mail": "anna@example.de"}
    sheet["B2"] = "Notiz"
    book.save(tmp_path / "spalte.xlsx")
    with pytest.raises(
        RecipientFileError, match=r"column\(s\) B hold values but have no name in the header row 1"
    ):
        load_recipients(tmp_path / "spalte.xlsx")


def test_an_encrypted_workbook_asks_to_be_saved_without_a_password(tmp_path: Path) -> None:
    plain = invitation(tmp_path / "plain.xlsx")
    locked = tmp_path / "geheim.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("Sommer2026", target)
    with pytest.raises(
        RecipientFileError, match=r"^geheim.xlsx is protected with a password\. Open it in Excel"
    ):
        load_recipients(locked)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!DOCTYPE html><html><body><table><tr><td>Email</td></tr></table>", "is a web page (HTML)"),
        (
            bytes(range(256)) * 8,
            "cannot be read as an Excel workbook (.xlsx): it is damaged or in another format",
        ),
        (b"PK\x03\x04" + b"\x00" * 64, "cannot be read as an Excel workbook"),
    ],
    ids=["html", "binary", "broken-zip"],
)
def test_files_that_are_no_workbook_get_clear_words(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(content)
    with pytest.raises(
        RecipientFileError, match=r"^export\.xlsx " + message.replace("(", r"\(").replace(")", r"\)")
    ):
        load_recipients(path)


def test_a_macro_workbook_loads_without_running_anything(tmp_path: Path) -> None:
    path = invitation(tmp_path / "makros.xlsm")
    result = load_recipients(path)
    assert [r.to for r in result.rows] == [("juergen@example.de",), ("lucia@example.es",)]


def test_an_old_xls_workbook_loads(tmp_path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Liste")
    for row, values in enumerate([("E-Mail", "Name", "Betrag"), ("x@example.de", "Jörg", 12500.5)]):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    book.save(str(tmp_path / "alt.xls"))
    result = load_recipients(tmp_path / "alt.xls")
    assert [r.to for r in result.rows] == [("x@example.de",)]
    assert result.rows[0].fields["Name"] == "Jörg"
    assert result.rows[0].fields["Betrag"] in {"12500.5", "12500,5"}


def test_an_old_xls_workbook_shows_numbers_and_dates_as_excel_does(tmp_path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Liste")
    euro = xlwt.easyxf(num_format_str='#,##0.00 "€"')
    day = xlwt.easyxf(num_format_str="dd.mm.yyyy")
    share = xlwt.easyxf(num_format_str="0.0%")
    for column, name in enumerate(("E-Mail", "Betrag", "Termin", "Rabatt", "Anzahl")):
        sheet.write(0, column, name)
    sheet.write(1, 0, "x@example.de")
    sheet.write(1, 1, 12500.5, euro)
    sheet.write(1, 2, datetime(2024, 1, 15), day)
    sheet.write(1, 3, 0.125, share)
    sheet.write(1, 4, 3)
    sheet.write(2, 0, "y@example.de")
    sheet.write(2, 1, 7.25)  # no format of its own: General, in a column of amounts
    book.save(str(tmp_path / "alt.xls"))
    with open_sheet(tmp_path / "alt.xls", language="de") as opened:
        rows = [values for _, values in opened.rows]
    assert rows == [
        ("x@example.de", "12.500,50 €", "15.01.2024", "12,5%", "3"),
        ("y@example.de", "7,25", "", "", ""),
    ]
    with open_sheet(tmp_path / "alt.xls", language="en") as opened:
        assert next(opened.rows)[1][1:4] == ("12,500.50 €", "15.01.2024", "12.5%")


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Tabelle1">
<table:table-row><table:table-cell office:value-type="string"><text:p>Correo</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Nombre</text:p></table:table-cell></table:table-row>
<table:table-row>
<table:table-cell office:value-type="string"><text:p>ines@example.es</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Inés</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest manifest:version="1.2"
 xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def test_an_open_document_spreadsheet_loads(tmp_path: Path) -> None:
    path = tmp_path / "lista.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        # LibreOffice writes the table without line breaks between cells; calamine expects that.
        archive.writestr("content.xml", ODS_CONTENT.replace(">\n<", "><"), zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
    result = load_recipients(path)
    assert [r.to for r in result.rows] == [("ines@example.es",)]
    assert result.rows[0].fields["Nombre"] == "Inés"


def test_formats_below_the_scanned_part_of_a_sheet_follow_their_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["E-Mail", "Betrag"])
    for number in range(200):
        sheet.append([f"p{number}@example.de", 1000.5 + number])
        sheet.cell(row=number + 2, column=2).number_format = "#,##0.00"
    book.save(tmp_path / "lang.xlsx")
    monkeypatch.setattr("securemailmerge.recipients.xlsxstyles.SCAN_BYTES", 2048)
    with open_sheet(tmp_path / "lang.xlsx", language="de") as opened:
        amounts = [values[1] for _, values in opened.rows]
    assert amounts[0] == "1.000,50"
    assert amounts[-1] == "1.199,50", "a row beyond the scanned bytes takes its column's format"
