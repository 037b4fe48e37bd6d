"""Workbooks as people make them load as Excel shows them: the first visible sheet, the header below
title rows (or the one the user names), merged and empty header cells explained, amounts in the
user's language, .xlsm, .xls and .ods read; encrypted, HTML and binary files get clear words."""

from __future__ import annotations

import html
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


ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
# The data styles as LibreOffice in German writes them: a euro amount whose negative form is red
# with a minus (the positive form is a second style it maps to), a date, a percentage.
ODS_STYLES = """<office:automatic-styles>
<number:currency-style style:name="N111P0" style:volatile="true">
 <number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"
  number:grouping="true"/><number:text> </number:text>
 <number:currency-symbol number:language="de" number:country="DE">€</number:currency-symbol>
</number:currency-style>
<number:currency-style style:name="N111"><style:text-properties fo:color="#ff0000"/>
 <number:text>-</number:text><number:number number:decimal-places="2" number:min-decimal-places="2"
  number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text>
 <number:currency-symbol number:language="de" number:country="DE">€</number:currency-symbol>
 <style:map style:condition="value()&gt;=0" style:apply-style-name="N111P0"/>
</number:currency-style>
<number:date-style style:name="N37" number:automatic-order="true">
 <number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/>
 <number:text>.</number:text><number:year number:style="long"/>
</number:date-style>
<number:date-style style:name="N79"><number:day-of-week number:style="long"/><number:text>, </number:text>
 <number:day/><number:text>. </number:text><number:month number:textual="true" number:style="long"/>
</number:date-style>
<number:percentage-style style:name="N11"><number:number number:decimal-places="1"
 number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text>
</number:percentage-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N111"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N37"/>
<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="ce1"/>
<style:style style:name="ce4" style:family="table-cell" style:data-style-name="N11"/>
<style:style style:name="ce5" style:family="table-cell" style:data-style-name="N79"/>
<number:time-style style:name="N40"><number:hours number:style="long"/><number:text>:</number:text>
 <number:minutes number:style="long"/></number:time-style>
<number:time-style style:name="N41"><number:hours/><number:text>:</number:text>
 <number:minutes number:style="long"/><number:text> </number:text><number:am-pm/></number:time-style>
<number:time-style style:name="N46" number:truncate-on-overflow="false"><number:hours/>
 <number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text>
 <number:seconds number:style="long"/></number:time-style>
<style:style style:name="ce6" style:family="table-cell" style:data-style-name="N40"/>
<style:style style:name="ce7" style:family="table-cell" style:data-style-name="N41"/>
<style:style style:name="ce8" style:family="table-cell" style:data-style-name="N46"/>
</office:automatic-styles>"""


def text_cell(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def ods(path: Path, rows: str, columns: str = "", name: str = "Kunden") -> Path:
    """An ``.ods`` with the styles above and one sheet of ``rows``, written as LibreOffice does."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">'
        f"{ODS_STYLES}<office:body><office:spreadsheet>"
        f'<table:table table:name="{html.escape(name)}">{columns}{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content.replace(">\n<", "><"), zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def test_an_open_document_spreadsheet_shows_numbers_as_libreoffice_does(tmp_path: Path) -> None:
    header = "".join(text_cell(name) for name in ("Correo", "Importe", "Fecha", "Descuento", "Cita"))
    rows = (
        f"<table:table-row>{text_cell('Clientes 2024')}</table:table-row>"
        f"<table:table-row>{header}</table:table-row>"
        f"<table:table-row>{text_cell('ines@example.es')}"
        '<table:table-cell table:style-name="ce1" office:value-type="currency" office:currency="EUR"'
        ' office:value="12500.5"><text:p>12.500,50 €</text:p></table:table-cell>'
        '<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="2024-01-15">'
        "<text:p>15.01.2024</text:p></table:table-cell>"
        '<table:table-cell table:style-name="ce4" office:value-type="percentage" office:value="0.125">'
        "<text:p>12,5%</text:p></table:table-cell>"
        '<table:table-cell table:style-name="ce5" office:value-type="date" office:date-value="2024-03-05">'
        "<text:p>Dienstag, 5. März</text:p></table:table-cell></table:table-row>"
        f"<table:table-row>{text_cell('jon@example.es')}"
        '<table:table-cell office:value-type="currency" office:currency="EUR" office:value="-12.5">'
        "<text:p>-12,50 €</text:p></table:table-cell>"
        '<table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="3">'
        "<text:p>3</text:p></table:table-cell></table:table-row>"
    )
    # The amounts column gives its cells a style of its own (ce3, whose parent names the euro format).
    columns = (
        '<table:table-column table:default-cell-style-name="Default"/>'
        '<table:table-column table:default-cell-style-name="ce3"/>'
        '<table:table-column table:number-columns-repeated="3" table:default-cell-style-name="Default"/>'
    )
    path = ods(tmp_path / "clientes.ods", rows, columns)
    with open_sheet(path, language="de") as opened:
        assert opened.header_row == 2
        assert [values for _, values in opened.rows] == [
            ("ines@example.es", "12.500,50 €", "15.01.2024", "12,5%", "Dienstag, 5. März"),
            ("jon@example.es", "-12,50 €", "3", "3", ""),
        ]
    result = load_recipients(path, RecipientOptions())
    assert [r.row for r in result.rows] == [3, 4]
    with open_sheet(path, language="es") as opened:
        assert next(opened.rows)[1][1:] == ("12.500,50 €", "15.01.2024", "12,5%", "martes, 5. marzo")


def test_an_ods_sheet_whose_name_the_xml_escapes_keeps_its_formats(tmp_path: Path) -> None:
    rows = (
        f"<table:table-row>{text_cell('Correo')}{text_cell('Importe')}</table:table-row>"
        f"<table:table-row>{text_cell('ines@example.es')}"
        '<table:table-cell table:style-name="ce1" office:value-type="currency" office:currency="EUR"'
        ' office:value="12500.5"><text:p>12.500,50 €</text:p></table:table-cell></table:table-row>'
    )
    path = ods(tmp_path / "clientes.ods", rows, name='Kunden & "Partner" \'24')
    with open_sheet(path, language="de") as opened:
        assert opened.title == 'Kunden & "Partner" \'24'
        assert [values for _, values in opened.rows] == [("ines@example.es", "12.500,50 €")]


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


def test_ods_formats_below_the_scanned_part_follow_their_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    amount = '<table:table-cell table:style-name="ce1" office:value-type="currency" office:value="{}"/>'
    rows = f"<table:table-row>{text_cell('E-Mail')}{text_cell('Betrag')}</table:table-row>" + "".join(
        f"<table:table-row>{text_cell(f'p{n}@example.de')}{amount.format(1000.5 + n)}</table:table-row>"
        for n in range(200)
    )
    path = ods(tmp_path / "lang.ods", rows)
    monkeypatch.setattr("securemailmerge.recipients.odsstyles.SCAN_BYTES", 8192)
    with open_sheet(path, language="de") as opened:
        amounts = [values[1] for _, values in opened.rows]
    assert amounts[0] == "1.000,50 €"
    assert amounts[-1] == "1.199,50 €", "a row beyond the scanned bytes takes its column's format"


def timed(style: str, value: str, kind: str = "time") -> str:
    attribute = {"time": "office:time-value", "date": "office:date-value", "float": "office:value"}[kind]
    return f'<table:table-cell table:style-name="{style}" office:value-type="{kind}" {attribute}="{value}"/>'


def test_ods_times_show_as_libreoffice_shows_them(tmp_path: Path) -> None:
    header = "".join(text_cell(name) for name in ("E-Mail", "Beginn", "Ende", "Dauer", "Abfahrt"))
    rows = (
        f"<table:table-row>{header}</table:table-row>"
        f"<table:table-row>{text_cell('ina@example.de')}{timed('ce6', 'PT09H30M00S')}"
        f"{timed('ce7', 'PT14H05M00S')}{timed('ce8', 'PT36H15M30S')}"
        f"{timed('ce6', '2024-01-15T18:45:00', 'date')}</table:table-row>"
        # A number styled as a time (typed as 0.75, then given the style), and 36 hours in a
        # style that keeps to the hours of a day.
        f"<table:table-row>{text_cell('udo@example.de')}{timed('ce6', '0.75', 'float')}"
        f"{timed('ce7', 'PT00H05M00S')}{timed('ce6', 'PT36H15M00S')}{timed('ce8', 'PT00H45M00S')}"
        "</table:table-row>"
    )
    path = ods(tmp_path / "fahrten.ods", rows)
    with open_sheet(path, language="de") as opened:
        assert [values for _, values in opened.rows] == [
            ("ina@example.de", "09:30", "2:05 PM", "36:15:30", "18:45"),
            ("udo@example.de", "18:00", "12:05 AM", "12:15", "0:45:00"),
        ]
