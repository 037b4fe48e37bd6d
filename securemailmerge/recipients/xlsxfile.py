"""Reading recipient sheets from workbooks (``.xlsx``, ``.xlsm``, ``.xlsb``, ``.xls``, ``.ods``).

python-calamine (a Rust reader) reads the cells: formulas give their last calculated value and
macros never run. Numbers, dates and times become the text Excel shows for the cell's number
format (``xlsxstyles``, ``xlsbstyles``, ``xlsstyles`` and ``odsstyles`` find the formats of an
``.xlsx``, ``.xlsb``, ``.xls`` and ``.ods``, ``excelformat`` applies them), read while calamine
parses the sheet. A sheet is converted in blocks of rows, column by column, so a column of text
costs nothing and a column of numbers one formatter. The default sheet is the first visible one;
the header row is found below title and blank rows (``columns.find_header_row``) unless the user
names it. Before calamine opens a file, ``workbookcheck`` refuses what is not a workbook, what is
encrypted, and what would inflate beyond bounds. calamine's errors are translated here only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import count, islice
from pathlib import Path
from typing import Any

import python_calamine as calamine

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate, user_language
from securemailmerge.recipients.columns import find_header_row
from securemailmerge.recipients.excelformat import value_formatter
from securemailmerge.recipients.odsstyles import read_ods_formats
from securemailmerge.recipients.workbookcheck import check_workbook, not_a_workbook, password_error
from securemailmerge.recipients.xlsbstyles import read_xlsb_formats
from securemailmerge.recipients.xlsstyles import read_xls_formats
from securemailmerge.recipients.xlsxstyles import CellFormats, read_formats

Row = tuple[int, tuple[str, ...]]
_HEADER_SEARCH = 30
_BLOCK_ROWS = 4096
_DATE_TYPES = frozenset({str, date, datetime, time, timedelta})
# calamine gives a time of a day or more in an .ods as the text LibreOffice keeps (PT36H15M00S).
_DURATION = re.compile(r"(-?)PT([0-9]+)H([0-9]+)M([0-9]+(?:[.,][0-9]+)?)S")
_DURATION_STARTS = frozenset({"PT0", "PT1", "PT2", "PT3", "PT4", "PT5", "PT6", "PT7", "PT8", "PT9", "-PT"})


def column_letter(index: int) -> str:
    """The letters Excel shows for the 0-based column ``index`` (``0`` -> ``A``, ``27`` -> ``AB``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class XlsxSheet:
    """An open worksheet: its title, header, where the table starts, and an iterator of ``(row, cells)``.

    ``notes`` says what the user should know about how the sheet was read (columns left out).
    """

    title: str
    header: tuple[str, ...]
    header_row: int
    first_column: int
    rows: Iterator[Row]
    notes: dict[str, str] = field(default_factory=dict)
    positions: tuple[int, ...] = ()

    def column_label(self, index: int) -> str:
        """The column letter the user sees for the header's 0-based ``index`` (``C``)."""
        position = self.positions[index] if index < len(self.positions) else index
        return column_letter(self.first_column - 1 + position)


def _error(path: Path, text: str, **values: object) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    check_workbook(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as error:
        raise password_error(path) from error
    except (calamine.CalamineError, OSError, ValueError) as error:
        raise not_a_workbook(path) from error
    try:
        yield book
    finally:
        book.close()


def _worksheets(book: Any) -> list[Any]:
    return [meta for meta in book.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet]


def sheet_names(path: Path) -> list[str]:
    """The visible worksheet names of the workbook at ``path``, in order (chart sheets left out)."""
    with _workbook(path) as book:
        return [meta.name for meta in _worksheets(book) if meta.visible == calamine.SheetVisibleEnum.Visible]


@contextmanager
def open_sheet(
    path: Path, sheet: str | None = None, language: str | None = None, *, header_row: int | None = None
) -> Iterator[XlsxSheet]:
    """Open one worksheet (the first visible one when ``sheet`` is ``None``) and stream its rows as text.

    ``language`` (``en``, ``de`` or ``es``; default the app's) decides the decimal separator, month
    names and TRUE/FALSE; ``header_row`` (as Excel numbers rows) overrides the header found.
    Raises ``RecipientFileError`` for a damaged or encrypted file, a missing sheet or an empty one.
    """
    language = language or user_language()
    with _workbook(path) as book:
        chosen = _choose_sheet(path, book, sheet)
        try:
            worksheet, formats = _sheet_and_formats(path, book, chosen)
            yield _table(path, chosen, worksheet, _Text(worksheet, formats, language), header_row)
        except calamine.CalamineError as error:
            raise not_a_workbook(path) from error


def _sheet_and_formats(path: Path, book: Any, sheet: str) -> tuple[Any, CellFormats]:
    """The cells of ``sheet`` and their number formats, read at the same time: calamine parses the
    sheet in Rust without holding the interpreter, so the formats are read meanwhile."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="calamine") as pool:
        cells = pool.submit(book.get_sheet_by_name, sheet)
        try:
            formats = _formats(path, sheet)
        finally:
            worksheet = cells.result()
    return worksheet, formats


def _formats(path: Path, sheet: str) -> CellFormats:
    """The number formats of the cells of ``sheet``, read as the workbook's kind keeps them."""
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return read_formats(path, sheet)
    if suffix == ".xls":
        return read_xls_formats(path, sheet)
    if suffix == ".ods":
        return read_ods_formats(path, sheet)
    return read_xlsb_formats(path, sheet)


def _choose_sheet(path: Path, book: Any, sheet: str | None) -> str:
    sheets = _worksheets(book)
    if not sheets:
        raise _error(path, translate("XlsxFile", "{file} has no worksheet."))
    names = [meta.name for meta in sheets]
    if sheet is None:
        visible = [meta.name for meta in sheets if meta.visible == calamine.SheetVisibleEnum.Visible]
        return str((visible or names)[0])
    if sheet not in names:
        raise _error(
            path,
            translate("XlsxFile", "{file} has no sheet named {sheet!r}. Its sheets are: {sheets}."),
            sheet=sheet,
            sheets=", ".join(names),
        )
    return sheet


class _Text:
    """The cells of a sheet as the text Excel shows, row by row, numbered as Excel numbers them.

    ``cut`` columns are left out of each row (those left of the table), once the header says how many.
    """

    def __init__(self, worksheet: Any, formats: CellFormats, language: str) -> None:
        self.worksheet = worksheet
        self.formats = formats
        self.language = language
        start: tuple[int, int] = worksheet.start or (0, 0)
        self.left = start[1]
        self.cut = 0
        self.shown: dict[str, Callable[[object], str]] = {}
        # A column in which no cell has a number format shows every cell in General: no lookup per cell.
        general = self._formatter("General")
        columns = range(self.left, self.left + worksheet.width)
        self.by_column = {column: general for column in columns if column not in formats.columns}

    def lines(self, head: int) -> Iterator[Row]:
        """Every row from the sheet's row 1, numbered from 1: the first ``head`` rows whole, from
        column A, the rest without the ``cut`` columns that the header left out."""
        # iter_rows starts at row 1 but at the first used column, and gives every row the same width.
        rows = self.worksheet.iter_rows()
        prefix = ("",) * self.left
        number = 0
        for texts in zip(*self._columns(0, list(islice(rows, head)), 0), strict=True):
            number += 1
            yield number, prefix + texts
        drop = max(self.cut - self.left, 0)
        while block := list(islice(rows, _BLOCK_ROWS)):
            yield from zip(count(number + 1), zip(*self._columns(number, block, drop), strict=True))
            number += len(block)

    def _columns(self, first: int, block: list[Any], drop: int) -> list[tuple[str, ...]]:
        """A block of rows whose first is ``first`` (0-based) as text, column by column: a column of
        text is kept as it is, and the cells of a column of numbers or dates share their formatters."""
        columns = list(zip(*block, strict=True)) if block else []
        return [self._column(first, index, cells) for index, cells in enumerate(columns) if index >= drop]

    def _column(self, first: int, index: int, cells: tuple[Any, ...]) -> tuple[str, ...]:
        """One column's cells of a block whose first row is ``first`` (0-based), as text."""
        column = self.left + index
        if self.formats.text_durations and column in self.formats.columns:
            starts = _DURATION_STARTS
            cells = tuple([_duration(v) if v.__class__ is str and v[:3] in starts else v for v in cells])
        kinds = set(map(type, cells))
        if kinds == {str}:
            return cells
        shown = self.by_column.get(column)
        if shown is None and kinds <= _DATE_TYPES and column not in self.formats.mixed:
            # calamine gives a date only for a cell with a date format, so a column with one
            # format gives it to all its dates.
            shown = self._formatter(self.formats.columns[column])
        if shown is None:
            codes = self.formats.codes(first, len(cells), column)
            if len(set(codes)) > 1:
                formatter = self._formatter
                pairs = zip(cells, codes, strict=True)
                return tuple([v if v.__class__ is str else formatter(c)(v) for v, c in pairs])
            shown = self._formatter(codes[0])
        return tuple([v if v.__class__ is str else shown(v) for v in cells])

    def _formatter(self, code: str) -> Callable[[object], str]:
        shown = self.shown.get(code)
        if shown is None:
            shown = self.shown[code] = value_formatter(code, self.language)
        return shown


def _duration(text: str) -> object:
    """An ISO 8601 duration (``PT36H15M00S``) as a ``timedelta``; other text as it is."""
    match = _DURATION.fullmatch(text)
    if match is None:
        return text
    sign, hours, minutes, seconds = match.groups()
    length = timedelta(hours=int(hours), minutes=int(minutes), seconds=float(seconds.replace(",", ".")))
    return -length if sign else length


def _table(path: Path, title: str, worksheet: Any, text: _Text, wanted: int | None) -> XlsxSheet:
    searched = _HEADER_SEARCH if wanted is None else max(wanted, 1)
    lines = text.lines(searched)
    head = list(islice(lines, searched))
    number = wanted or find_header_row(head) or next((n for n, cells in head if any(cells)), 0)
    cells = next((c for n, c in head if n == number), ())
    if not any(cells):
        if wanted is not None:
            raise _error(
                path,
                translate(
                    "XlsxFile",
                    "Row {row} of the sheet {sheet!r} of {file} is empty: it cannot be the header.",
                ),
                row=wanted,
                sheet=title,
            )
        raise _error(
            path,
            translate(
                "XlsxFile", "The sheet {sheet!r} of {file} is empty: it has no header row and no recipients."
            ),
            sheet=title,
        )
    _check_merged(path, worksheet, number, cells)
    offset = next(index for index, cell in enumerate(cells) if cell)
    header = list(cells[offset:])
    while not header[-1]:
        header.pop()
    # The rows below the head come without the cells left of the table (not part of it).
    text.cut = offset
    rest = ((n, values[offset:]) for n, values in head if n > number)
    sheet = XlsxSheet(title, tuple(header), number, offset + 1, _chain(rest, lines))
    if "" in header:
        _drop_empty_columns(path, sheet)
    return sheet


def _chain(first: Iterator[Row], then: Iterator[Row]) -> Iterator[Row]:
    yield from first
    yield from then


def _check_merged(path: Path, worksheet: Any, number: int, cells: Sequence[str]) -> None:
    """A header cell merged over several columns leaves the others without a name: say so."""
    for (top, left), (bottom, right) in worksheet.merged_cell_ranges or ():
        if (
            top <= number - 1 <= bottom
            and right > left
            and any(not cells[c] for c in range(left + 1, right + 1) if c < len(cells))
        ):
            merged = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
            raise _error(
                path,
                translate(
                    "XlsxFile",
                    "{file}: the header cell {cell} is merged over {merged}, so its other columns have no "
                    "name. Unmerge the header cells and give each column its own name.",
                ),
                cell=f"{column_letter(left)}{number}",
                merged=merged,
            )


def _drop_empty_columns(path: Path, sheet: XlsxSheet) -> None:
    """Leave out columns without a name and without any value (a spacer column); a column without
    a name that holds values is the user's to name."""
    rows = list(sheet.rows)
    unnamed = [index for index, name in enumerate(sheet.header) if not name]
    filled = [index for index in unnamed if any(values[index] for _, values in rows)]
    if filled:
        letters = ", ".join(sheet.column_label(index) for index in filled)
        raise _error(
            path,
            translate(
                "XlsxFile",
                "{file}: column(s) {columns} hold values but have no name in the header row {row}. "
                "Give each column a name.",
            ),
            columns=letters,
            row=sheet.header_row,
        )
    keep = [index for index in range(len(sheet.header)) if sheet.header[index]]
    sheet.notes["ignored_columns"] = ", ".join(sheet.column_label(index) for index in unnamed)
    sheet.header = tuple(sheet.header[index] for index in keep)
    sheet.positions = tuple(keep)
    sheet.rows = iter([(number, tuple(values[index] for index in keep)) for number, values in rows])
