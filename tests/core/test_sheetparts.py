"""A large sheet read in parts on two threads gives the recipient list the whole sheet gives, and a
sheet whose XML is not laid out plainly is read whole."""

from __future__ import annotations

import random
import re
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from securemailmerge.recipients import xlsxparts
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import RecipientList, RecipientOptions
from securemailmerge.recipients.xlsxstyles import CellFormats, scan_formats

HEADER = ["Vorname", "E-Mail", "Geburtstag", "Betrag"]
VALUE = st.one_of(
    st.sampled_from(["", "Ana", "Jürgen", "=1+1", "x" * 30]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 1, 1)),
)
ADDRESS = st.sampled_from(
    ["p{n}@example.de", "P{n}@Example.de", "kaputt", "", "p1@example.de", "info@example.de"]
)
ROW = st.tuples(
    st.sampled_from(["Ana", "", "Björn"]), ADDRESS, VALUE, VALUE, st.sampled_from([None, None, "x", 7])
)


def write_sheet(path: Path, rows: list[tuple[object, ...]], title_rows: int, left: int) -> Path:
    """An .xlsx whose table starts below ``title_rows`` rows and right of ``left`` empty columns; the
    fifth cell of a row, when filled, is right of the header."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Empfänger"
    for number in range(title_rows):
        sheet.append(["Einladung" if number == 0 else None])
    sheet.append([None] * left + HEADER)
    for number, (name, address, born, amount, beyond) in enumerate(rows):
        sheet.append([None] * left + [name, address.format(n=number), born, amount, beyond])
        line = sheet.max_row
        sheet.cell(line, left + 3).number_format = "dd.mm.yyyy" if number % 7 else "d mmmm yyyy"
        sheet.cell(line, left + 4).number_format = '#,##0.00 "€"' if number % 5 else "0.0%"
    book.save(path)
    return path


def seen(result: RecipientList) -> tuple[object, ...]:
    """What a user is shown of a list: its rows and fields, the rows left out, every message."""
    rows = [(r.row, r.to, r.cc, tuple(r.fields.items())) for r in result.rows]
    left_out = [(r.row, tuple(r.fields.items())) for r in result.excluded]
    return rows, left_out, [p.message for p in result.problems], result.columns, result.details


def load(
    path: Path, monkeypatch: pytest.MonkeyPatch, *, parts: bool, options: RecipientOptions
) -> RecipientList:
    with monkeypatch.context() as patch:
        patch.setattr(xlsxparts, "SPLIT_BYTES", 0 if parts else 1 << 40)
        patch.setattr(xlsxparts, "PART_BYTES", 1)
        return load_recipients(path, options)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(ROW, min_size=35, max_size=90),
    title_rows=st.integers(0, 3),
    left=st.integers(0, 2),
    language=st.sampled_from(["en", "de"]),
)
def test_a_sheet_read_in_parts_gives_the_list_the_whole_sheet_gives(
    monkeypatch: pytest.MonkeyPatch, rows: list[tuple[object, ...]], title_rows: int, left: int, language: str
) -> None:
    monkeypatch.setattr("securemailmerge.recipients.xlsxfile.user_language", lambda: language)
    with tempfile.TemporaryDirectory() as folder:
        path = write_sheet(Path(folder) / "liste.xlsx", rows, title_rows, left)
        with zipfile.ZipFile(path) as archive:
            data = archive.read("xl/worksheets/sheet1.xml")
        with monkeypatch.context() as patch:
            patch.setattr(xlsxparts, "SPLIT_BYTES", 0)
            patch.setattr(xlsxparts, "PART_BYTES", 1)
            assert len(xlsxparts.plan(data, 30) or []) > 1  # the sheet is really read in parts
        options = RecipientOptions(keep_duplicates=True) if len(rows) % 2 else RecipientOptions()
        whole = load(path, monkeypatch, parts=False, options=options)
        assert seen(load(path, monkeypatch, parts=True, options=options)) == seen(whole)


def test_a_row_with_a_cell_right_of_the_header_names_its_own_cells(tmp_path: Path) -> None:
    rows = [("Ana", f"p{n}@example.de", "", "", None) for n in range(5)]
    rows[3] = ("Ana", "p3@example.de", "", "", "x")
    result = load_recipients(write_sheet(tmp_path / "liste.xlsx", rows, 0, 0))
    assert [p.message for p in result.problems] == [
        "liste.xlsx:5: this row has 5 cells but the header has 4 columns; a delimiter, a quote or a "
        "header name is probably missing or extra."
    ]


@pytest.mark.parametrize(
    "rows",
    [
        b'<row r="1"><c r="A1"><v>1</v></c></row><!-- <row r="9"> --><row r="2"><c r="A2"><v>2</v></c></row>',
        b'<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<row r="9">]]></t></is></c></row><row r="2"/>',
        b'<row r="1"><c r="A1"><v>1</v></c></row><?pi <row r="9"> ?><row r="2"><c r="A2"><v>2</v></c></row>',
    ],
)
def test_a_sheet_that_could_hide_a_row_in_text_is_read_whole(
    monkeypatch: pytest.MonkeyPatch, rows: bytes
) -> None:
    monkeypatch.setattr(xlsxparts, "SPLIT_BYTES", 0)
    monkeypatch.setattr(xlsxparts, "PART_BYTES", 1)
    assert xlsxparts.plan(b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>", 0) is None


def rewritten(path: Path, change: str) -> Path:
    """The workbook at ``path`` with the row elements of its sheet changed as no program writes them."""
    with zipfile.ZipFile(path) as archive:
        contents = {item.filename: archive.read(item) for item in archive.infolist()}
    sheet = contents["xl/worksheets/sheet1.xml"]
    start, end = sheet.index(b"<sheetData>") + len(b"<sheetData>"), sheet.index(b"</sheetData>")
    rows = re.findall(rb"<row [^>]*/>|<row .*?</row>", sheet[start:end])
    assert b"".join(rows) == sheet[start:end]
    if change == "a row of the top moved to the end":
        rows.append(rows.pop(6))
    elif change == "a row of the end moved to the top":
        rows.insert(0, rows.pop())
    elif change == "a row written twice":
        rows.append(rows[9].replace(b"@example.de", b"@example.es"))
    elif change == "rows without a number":
        rows = [re.sub(rb'^<row r="[0-9]+"', b"<row", row) if n % 3 else row for n, row in enumerate(rows)]
    else:
        rows.reverse()
    contents["xl/worksheets/sheet1.xml"] = sheet[:start] + b"".join(rows) + sheet[end:]
    changed = path.with_name("geändert.xlsx")
    with zipfile.ZipFile(changed, "w") as archive:
        for name, content in contents.items():
            archive.writestr(name, content)
    return changed


@pytest.mark.parametrize(
    "change",
    [
        "a row of the top moved to the end",
        "a row of the end moved to the top",
        "a row written twice",
        "rows without a number",
        "rows in reverse",
    ],
)
def test_rows_out_of_order_read_in_parts_as_the_whole_sheet_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    rows = [("Ana", f"p{n}@example.de", date(2001, 1, 1 + n % 28), 1.5 * n, None) for n in range(60)]
    path = rewritten(write_sheet(tmp_path / "liste.xlsx", rows, 1, 0), change)
    whole = load(path, monkeypatch, parts=False, options=RecipientOptions())
    assert seen(load(path, monkeypatch, parts=True, options=RecipientOptions())) == seen(whole)
    assert sorted(row.row for row in [*whole.rows, *whole.excluded]) == list(range(3, 63))


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["0.00", "dd.mm.yyyy"])),
        unique_by=lambda cell: cell[:2],
    ),
    block=st.tuples(st.integers(0, 40), st.integers(1, 12)),
)
def test_formats_kept_as_runs_give_each_cell_its_own_code(
    cells: list[tuple[int, int, str]], block: tuple[int, int]
) -> None:
    ordered = sorted(cells)
    placed, added = CellFormats(), CellFormats()
    placed.place([r for r, _, _ in ordered], [c for _, c, _ in ordered], [k for _, _, k in ordered])
    for row, column, code in ordered:
        added.add(row, column, code)
    for column in range(5):
        assert placed.codes(*block, column) == added.codes(*block, column)
        assert [placed.code(row, column) for row in range(40)] == [
            added.code(row, column) for row in range(40)
        ]
    assert placed.columns == added.columns
    assert placed.mixed == added.mixed


def test_a_table_of_columns_is_kept_as_runs() -> None:
    formats = CellFormats()
    formats.place([1, 1, 2, 2, 3, 3], [7, 8, 7, 8, 7, 8], ["dd.mm.yyyy", "0.00"] * 3)
    assert formats.runs == {7: (1, 3, "dd.mm.yyyy"), 8: (1, 3, "0.00")}
    assert formats.codes(0, 5, 8) == ["General", "0.00", "0.00", "0.00", "General"]


def sheet_xml(cells: dict[tuple[int, int], int], rng: random.Random | None = None) -> bytes:
    """Sheet XML with a numeric cell at each 0-based ``(row, column)``, styled with the given style
    index (0 for no style attribute); its rows in ascending order, or shuffled by ``rng``."""
    rows = []
    for number in sorted({row for row, _ in cells}):
        row_cells = []
        for column in sorted(column for row, column in cells if row == number):
            style = cells[(number, column)]
            attribute = f' s="{style}"' if style else ""
            row_cells.append(f'<c r="{"ABCDE"[column]}{number + 1}"{attribute}><v>1.5</v></c>')
        rows.append(f'<row r="{number + 1}">{"".join(row_cells)}</row>')
    if rng is not None:
        rng.shuffle(rows)
    return f"<worksheet><sheetData>{''.join(rows)}</sheetData></worksheet>".encode()


STYLES = ["General", "0.00", "dd.mm.yyyy", '#,##0.00 "€"', *["General"] * 8, "0%"]


@settings(max_examples=300, deadline=None)
@given(
    columns=st.dictionaries(
        st.integers(0, 4),
        st.tuples(st.integers(0, 20), st.integers(0, 20), st.sampled_from([1, 2, 3])),
        max_size=5,
    ),
    holes=st.lists(st.tuples(st.integers(0, 25), st.integers(0, 4), st.sampled_from([0, 1, 2, 3, 4, 12]))),
    shuffle=st.one_of(st.none(), st.randoms(use_true_random=False)),
)
def test_each_cell_gets_the_format_of_its_own_style(
    columns: dict[int, tuple[int, int, int]],
    holes: list[tuple[int, int, int]],
    shuffle: random.Random | None,
) -> None:
    cells = {
        (row, column): style
        for column, (top, length, style) in columns.items()
        for row in range(top, top + length)
    }
    cells.update({(row, column): style for row, column, style in holes})
    formats = scan_formats(sheet_xml(cells, shuffle), STYLES)
    for column in range(5):
        expected = [STYLES[cells.get((row, column), 0)] for row in range(30)]
        assert formats.codes(0, 30, column) == expected
        assert [formats.code(row, column) for row in range(30)] == expected
    if not holes and cells and shuffle is None:
        # A table of columns in ascending rows is found without reading each cell's row.
        assert formats.runs
        assert not formats.cells


@pytest.mark.parametrize(
    "second",
    [
        b'<row r="2"><c r="A2" t="n" s="1"><v>2</v></c></row>',
        b'<row r="2" s="1" customFormat="1"><c r="A2" s="1"><v>2</v></c></row>',
    ],
)
def test_a_style_written_after_another_attribute_or_on_a_row_is_found(second: bytes) -> None:
    data = b'<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row>' + second + b"</sheetData>"
    formats = scan_formats(data, ["General", "0.00"])
    assert [formats.code(row, 0) for row in range(2)] == ["0.00", "0.00"]
