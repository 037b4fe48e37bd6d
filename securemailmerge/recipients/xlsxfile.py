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

import io
import threading
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from xml.etree.ElementTree import ParseError

import python_calamine as calamine

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate, user_language
from securemailmerge.recipients.columns import find_header_row
from securemailmerge.recipients.model import CellColumns
from securemailmerge.recipients.odsstyles import read_ods_formats
from securemailmerge.recipients.sheettext import SheetText, within
from securemailmerge.recipients.workbookcheck import check_workbook, not_a_workbook, password_error
from securemailmerge.recipients.xlsbstyles import read_xlsb_formats
from securemailmerge.recipients.xlsstyles import read_xls_formats
from securemailmerge.recipients.xlsxparts import (
    SPLIT_BYTES,
    RowsOutOfOrder,
    SheetParts,
    parse_part,
    sheet_parts,
)
from securemailmerge.recipients.xlsxstyles import CellFormats, read_formats, sheet_part

Row = tuple[int, tuple[str, ...]]
T = TypeVar("T")
_HEADER_SEARCH = 30


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
    """An open worksheet: its title, header, where the table starts, and its rows below the header,
    single ``(row, cells)`` and blocks of rows by column.

    ``notes`` says what the user should know about how the sheet was read (columns left out).
    """

    title: str
    header: tuple[str, ...]
    header_row: int
    first_column: int
    blocks: Iterator[Row | CellColumns]
    notes: dict[str, str] = field(default_factory=dict)
    positions: tuple[int, ...] = ()

    @property
    def rows(self) -> Iterator[Row]:
        """The rows of ``blocks`` one by one."""
        for item in self.blocks:
            if isinstance(item, CellColumns):
                yield from item.rows()
            else:
                yield item

    def column_label(self, index: int) -> str:
        """The column letter the user sees for the header's 0-based ``index`` (``C``)."""
        position = self.positions[index] if index < len(self.positions) else index
        return column_letter(self.first_column - 1 + position)


def _error(path: Path, text: str, **values: object) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


@contextmanager
def _workbook(path: Path, kept: list[tuple[str, bytes]] | None = None) -> Iterator[Any]:
    """The workbook opened by calamine once it is checked; a large sheet's XML that the check
    inflated is put in ``kept``, and the workbook is then opened whole only if a sheet is parsed
    from it (see ``_LaterBook``)."""
    large = check_workbook(path, SPLIT_BYTES if kept is not None else None)
    if kept is not None and large is not None:
        kept.append(large)
    later = _LaterBook.of(path) if large is not None else None
    try:
        book: Any = later or calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as error:
        raise password_error(path) from error
    except (calamine.CalamineError, OSError, ValueError) as error:
        raise not_a_workbook(path) from error
    try:
        yield book
    finally:
        book.close()


class _LaterBook:
    """A large ``.xlsx`` whose sheets calamine lists from its workbook part alone. Opening it
    whole reads its shared strings (megabytes of them in a workbook Excel saved), which the parts
    of a sheet read in parts hold themselves; it is opened whole only when a sheet is parsed whole."""

    def __init__(self, path: Path, index: Any) -> None:
        self.sheets_metadata = index.sheets_metadata
        index.close()
        self._path = path
        self._lock = threading.Lock()
        self._whole: Any = None

    @classmethod
    def of(cls, path: Path) -> _LaterBook | None:
        """The book, or ``None`` when its workbook part cannot be read alone (it is opened whole)."""
        try:
            buffer = io.BytesIO()
            with zipfile.ZipFile(path) as archive, zipfile.ZipFile(buffer, "w") as index:
                for name in archive.namelist():
                    if name == "[Content_Types].xml" or name.endswith((".rels", "/workbook.xml")):
                        index.writestr(name, archive.read(name))
            buffer.seek(0)
            return cls(path, calamine.CalamineWorkbook.from_filelike(buffer))
        except (calamine.CalamineError, zipfile.BadZipFile, OSError, ValueError):
            return None

    def get_sheet_by_name(self, name: str) -> Any:
        with self._lock:
            if self._whole is None:
                self._whole = calamine.CalamineWorkbook.from_path(str(self._path))
        return self._whole.get_sheet_by_name(name)

    def close(self) -> None:
        if self._whole is not None:
            self._whole.close()


def _worksheets(book: Any) -> list[Any]:
    return [meta for meta in book.sheets_metadata if meta.typ == calamine.SheetTypeEnum.WorkSheet]


def sheet_names(path: Path) -> list[str]:
    """The visible worksheet names of the workbook at ``path``, in order (chart sheets left out)."""
    with _workbook(path) as book:
        return [meta.name for meta in _worksheets(book) if meta.visible == calamine.SheetVisibleEnum.Visible]


@contextmanager
def open_sheet(
    path: Path,
    sheet: str | None = None,
    language: str | None = None,
    *,
    header_row: int | None = None,
    in_parts: bool = True,
) -> Iterator[XlsxSheet]:
    """Open one worksheet (the first visible one when ``sheet`` is ``None``) and stream its rows as text.

    ``language`` (``en``, ``de`` or ``es``; default the app's) decides the decimal separator, month
    names and TRUE/FALSE; ``header_row`` (as Excel numbers rows) overrides the header found.
    Raises ``RecipientFileError`` for a damaged or encrypted file, a missing sheet or an empty one.
    A large sheet is read in parts (``in_parts``), and its rows raise ``RowsOutOfOrder`` when a
    part turns out to hold a row of an earlier one: the caller opens it again with ``in_parts``
    False (``read_whole``).
    """
    language = language or user_language()
    kept: list[tuple[str, bytes]] = []
    with _workbook(path, kept if in_parts else None) as book:
        chosen = _choose_sheet(path, book, sheet)
        searched = _HEADER_SEARCH if header_row is None else max(header_row, 1)
        try:
            with _cells(path, book, chosen, searched, kept, in_parts) as (parts, formats):
                yield _table(path, chosen, parts.first(), SheetText(parts, formats, language), header_row)
        except calamine.CalamineError as error:
            raise not_a_workbook(path) from error


def read_whole(read: Callable[[bool], T]) -> T:
    """``read(in_parts)``: a sheet opened with ``open_sheet(..., in_parts=True)`` and read, or read
    again with ``in_parts=False`` when its parts turn out to hold rows out of order."""
    try:
        return read(True)
    except RowsOutOfOrder:
        return read(False)


@contextmanager
def _cells(
    path: Path, book: Any, sheet: str, head_rows: int, kept: list[tuple[str, bytes]], in_parts: bool
) -> Iterator[tuple[SheetParts, CellFormats]]:
    """The cells of ``sheet`` and their number formats, read at the same time: calamine parses the
    sheet (a large ``.xlsx`` sheet in parts when ``in_parts``, see ``xlsxparts``) in Rust without
    holding the interpreter, so the formats are read meanwhile. ``kept`` may hold the sheet's XML,
    taken out here so that its memory goes once it is read."""

    def parse(workbook: io.BytesIO | None = None) -> Any:
        return book.get_sheet_by_name(sheet) if workbook is None else parse_part(workbook, sheet)

    part, data = _sheet_xml(path, sheet, kept.pop() if kept else None)
    with sheet_parts(path, part, data, head_rows, parse, cut=in_parts) as parts:
        if part is not None:
            formats = read_formats(path, sheet, data)
            del data  # the formats are read: the XML's memory can go while the rows are read
        else:
            formats = _formats(path, sheet)
        parts.release()
        yield parts, formats


def _sheet_xml(path: Path, sheet: str, kept: tuple[str, bytes] | None) -> tuple[str | None, bytes]:
    """The zip part and the XML of ``sheet`` of an ``.xlsx`` or ``.xlsm`` (already checked for its
    inflated size, and inflated already when it is the ``kept`` part); no part for another kind
    of workbook or an odd one."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return None, b""
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, sheet)
            if part is None:
                return None, b""
            return part, kept[1] if kept is not None and kept[0] == part else archive.read(part)
    except (KeyError, zipfile.BadZipFile, ParseError, OSError, ValueError):
        return None, b""


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


def _table(path: Path, title: str, worksheet: Any, text: SheetText, wanted: int | None) -> XlsxSheet:
    searched = _HEADER_SEARCH if wanted is None else max(wanted, 1)
    head = text.head(searched)
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
    text.cut, text.width = offset, len(header)
    rest = ((n, within(values[offset:], len(header))) for n, values in head if n > number)
    sheet = XlsxSheet(title, tuple(header), number, offset + 1, _chain(rest, text.blocks()))
    if "" in header:
        _drop_empty_columns(path, sheet)
    return sheet


def _chain(first: Iterator[Row], then: Iterator[Row | CellColumns]) -> Iterator[Row | CellColumns]:
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
    sheet.blocks = iter([(number, tuple(values[index] for index in keep)) for number, values in rows])
