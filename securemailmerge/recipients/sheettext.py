"""The cells of a worksheet as the text Excel shows, numbered as Excel numbers its rows.

calamine gives values (``12500.5``, a date); the sheet's number formats (``CellFormats``) say how
Excel shows each. A sheet is converted in blocks of rows, column by column, so a column of text
costs nothing and a column of numbers one formatter (``excelcolumns``). The rows after the header
come in blocks as wide as the header, by column, as the recipient list's builder checks them
fastest; a row with a cell right of the header comes alone, as wide as its last filled cell, for
the builder to name as a ragged row. A sheet parsed in parts (``xlsxparts``) reads as it would whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any

from securemailmerge.recipients.excelcolumns import column_formatter
from securemailmerge.recipients.excelformat import value_formatter
from securemailmerge.recipients.model import CellColumns
from securemailmerge.recipients.xlsxparts import SheetParts
from securemailmerge.recipients.xlsxstyles import CellFormats

Row = tuple[int, tuple[str, ...]]
_BLOCK_ROWS = 4096
_DATE_TYPES = frozenset({str, date, datetime, time, timedelta})
# calamine gives a time of a day or more in an .ods as the text LibreOffice keeps (PT36H15M00S).
_DURATION = re.compile(r"(-?)PT([0-9]+)H([0-9]+)M([0-9]+(?:[.,][0-9]+)?)S")
_DURATION_STARTS = frozenset({"PT0", "PT1", "PT2", "PT3", "PT4", "PT5", "PT6", "PT7", "PT8", "PT9", "-PT"})


class SheetText:
    """The text of a sheet's rows: ``head`` the first rows whole, then ``blocks`` the rest.

    ``cut`` columns are left out of the rows after the head (those left of the table) and ``width``
    is the header's, both set once the header is found.
    """

    def __init__(self, parts: SheetParts, formats: CellFormats, language: str) -> None:
        self.parts = parts
        self.formats = formats
        self.language = language
        start: tuple[int, int] = parts.first().start or (0, 0)
        self.left = start[1]
        self.cut = 0
        self.width = 0
        self.shown: dict[str, Callable[[object], str]] = {}
        self.rows: Iterator[Any] = iter(())
        self.read = 0

    def head(self, count: int) -> list[Row]:
        """The first ``count`` rows from the sheet's row 1, numbered from 1, whole from column A."""
        # iter_rows starts at row 1 but at the first used column, and gives every row the same width.
        self.rows = self.parts.first().iter_rows()
        block = list(islice(self.rows, count))
        self.read = len(block)
        prefix = ("",) * self.left
        texts = zip(*self._columns(0, self.left, block, 0), strict=True)
        return [(number, prefix + cells) for number, cells in enumerate(texts, 1)]

    def blocks(self) -> Iterator[Row | CellColumns]:
        """The rows after the head, of every part of the sheet in turn."""
        yield from self._blocks(self.rows, self.read, self.left)
        for part in self.parts.later():
            if part.start is not None:
                # A later part's rows start at its first used row and column.
                first, left = part.start
                yield from self._blocks(iter(part.to_python(skip_empty_area=True)), first, left)

    def _blocks(self, rows: Iterator[Any], first: int, left: int) -> Iterator[Row | CellColumns]:
        """``rows`` whose first is the 0-based row ``first`` and whose cells start at the 0-based
        column ``left``, in blocks of the table's columns."""
        while block := list(islice(rows, _BLOCK_ROWS)):
            blank = ("",) * len(block)
            texts: list[Sequence[str]] = [blank] * max(left - self.cut, 0)
            texts += self._columns(first, left, block, max(self.cut - left, 0))
            texts += [blank] * (self.width - len(texts))
            numbers = range(first + 1, first + 1 + len(block))
            if any(map(any, texts[self.width :])):
                yield from _wide_rows(numbers, texts, self.width)
            else:
                yield CellColumns(numbers, texts[: self.width])
            first += len(block)

    def _columns(self, first: int, left: int, block: list[Any], drop: int) -> list[Sequence[str]]:
        """A block of rows whose first is ``first`` (0-based) and whose cells start at column
        ``left`` as text, column by column, without its first ``drop`` columns."""
        columns = list(zip(*block, strict=True)) if block else []
        return [
            self._column(first, left + index, cells) for index, cells in enumerate(columns) if index >= drop
        ]

    def _column(self, first: int, column: int, cells: tuple[Any, ...]) -> Sequence[str]:
        """The cells of the 0-based ``column`` of a block whose first row is ``first``, as text: a
        column of text is kept as it is, and the cells of a column of numbers or dates share
        their formatters."""
        if self.formats.text_durations and column in self.formats.columns:
            starts = _DURATION_STARTS
            cells = tuple([_duration(v) if v.__class__ is str and v[:3] in starts else v for v in cells])
        kinds = set(map(type, cells))
        if kinds == {str}:
            return cells
        # A column in which no cell has a number format shows every cell in General.
        code = "General" if column not in self.formats.columns else None
        if code is None and kinds <= _DATE_TYPES and column not in self.formats.mixed:
            # calamine gives a date only for a cell with a date format, so a column with one
            # format gives it to all its dates.
            code = self.formats.columns[column]
        if code is None:
            codes = self.formats.codes(first, len(cells), column)
            if len(set(codes)) > 1:
                formatter = self._formatter
                pairs = zip(cells, codes, strict=True)
                return tuple([v if v.__class__ is str else formatter(c)(v) for v, c in pairs])
            code = codes[0]
        return column_formatter(code, self.language)(cells)

    def _formatter(self, code: str) -> Callable[[object], str]:
        shown = self.shown.get(code)
        if shown is None:
            shown = self.shown[code] = value_formatter(code, self.language)
        return shown


def within(values: tuple[str, ...], width: int) -> tuple[str, ...]:
    """A row's cells as wide as the header when nothing is right of it, else up to its last filled cell."""
    if not any(values[width:]):
        return values[:width]
    cells = list(values)
    while not cells[-1]:
        cells.pop()
    return tuple(cells)


def _wide_rows(numbers: range, texts: list[Sequence[str]], width: int) -> Iterator[Row | CellColumns]:
    """A block in which some rows have a cell right of the header: those rows alone (see
    ``within``), the others in blocks between them."""
    wide = sorted({index for column in texts[width:] for index, value in enumerate(column) if value})
    start = 0
    for stop in (*wide, len(numbers)):
        if stop > start:
            yield CellColumns(numbers[start:stop], [column[start:stop] for column in texts[:width]])
        if stop < len(numbers):
            yield numbers[stop], within(tuple(column[stop] for column in texts), width)
        start = stop + 1


def _duration(text: str) -> object:
    """An ISO 8601 duration (``PT36H15M00S``) as a ``timedelta``; other text as it is."""
    match = _DURATION.fullmatch(text)
    if match is None:
        return text
    sign, hours, minutes, seconds = match.groups()
    length = timedelta(hours=int(hours), minutes=int(minutes), seconds=float(seconds.replace(",", ".")))
    return -length if sign else length
