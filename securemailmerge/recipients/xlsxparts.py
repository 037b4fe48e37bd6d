"""A large ``.xlsx`` sheet parsed in parts, on two cores at once, while its first rows become text.

calamine parses a sheet in Rust without holding the interpreter, but a whole sheet on one core:
the 52 MB of XML of 100,000 rows of nine columns take it 1.5 s, and only then could the first row
be turned into text. So a large sheet's rows are cut into stretches at row boundaries, and each
stretch becomes a workbook of its own, held in memory and stored without compression: the sheet's
XML before and after its rows around the stretch, the workbook's other small parts as they are.
Two threads parse the parts in order, and the rows of the first are read while the others are
parsed. A sheet is cut only when no comment, CDATA section or processing instruction could hide a
``<row`` in text, and only before a row that names its number. Each part's rows must lie between the
number of its first row and that of the next part's, as they do when the rows come in ascending
order (as every program writes them): the first part's are checked before any row is read, and a
later part that breaks this raises ``RowsOutOfOrder``, for the caller to read the sheet again whole
(``read_whole``). A part that calamine cannot open has the whole sheet parsed instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

import python_calamine as calamine

# A sheet's XML below this size is parsed whole: it takes calamine a fraction of a second.
SPLIT_BYTES = 8 << 20
PART_BYTES = 8 << 20
_MAX_PARTS = 8
_WORKERS = 2
_ROW = b'<row r="'
_ROW_NUMBERS = re.compile(rb'<row r="([0-9]+)"')
# Comments and CDATA sections start with "<!", processing instructions with "<?": their signs are
# rare in a sheet's XML, so a search for the sign alone (in C, at memory speed) mostly settles it.
_HIDDEN_TEXT = ((b"!", (b"<!--", b"<![CDATA[")), (b"?", (b"<?",)))
# Parts a reader needs beside the sheet; the others (pictures, macros, other sheets) are left out.
_LEFT_OUT = ("xl/worksheets/", "xl/media/", "xl/drawings/", "xl/charts/")


class RowsOutOfOrder(Exception):
    """A later part of a sheet read in parts holds a row that belongs among an earlier part's
    rows: the sheet must be read again whole."""


class SheetParts:
    """The cells of one sheet in parts, in row order, each parsed or on its way: ``first()`` waits
    for the first, ``later()`` gives the others as they come. ``parse()`` parses the whole sheet and
    ``parse(workbook)`` a part, each handed to a thread by ``submit``. The first part is handed over
    at once, the others' ``workbooks`` on ``release()``, so that the caller's own work before it
    reads rows does not share its core with two parsing threads; a later part that no thread has
    begun is parsed in the caller's own thread. ``starts`` holds the number (as Excel numbers rows)
    of the first row of each part after the first."""

    def __init__(
        self,
        first: Future[Any],
        parse: Callable[..., Any],
        submit: Callable[..., Future[Any]],
        workbooks: list[Any] | None = None,
        starts: tuple[int, ...] = (),
    ) -> None:
        self._first = first
        self._parse = parse
        self._submit = submit
        self._workbooks = workbooks or []
        self.rest: list[Future[Any]] = []
        self._bounds = list(pairwise((1, *starts, 1 << 62))) if self._workbooks else []

    def release(self) -> None:
        """Hand the parts after the first to the threads."""
        if self._workbooks and not self.rest:
            self.rest = [self._submit(self._parse, workbook) for workbook in self._workbooks]

    def first(self) -> Any:
        """The first part (the whole sheet when it was not cut, or when its first part cannot be
        opened or holds a row of a later part)."""
        cut = bool(self._bounds)
        try:
            first = self._first.result()
        except calamine.CalamineError:
            if not cut:
                raise
        else:
            if not cut or self._within(0, first):
                return first
        for future in self.rest:
            future.cancel()
        self.rest, self._workbooks, self._bounds = [], [], []
        self._first = self._submit(self._parse)
        return self._first.result()

    def later(self) -> Iterator[Any]:
        """The parsed parts after the first, each as soon as it is there: a part still waiting for
        a thread is parsed here rather than waited for. Raises ``RowsOutOfOrder`` for a part with
        a row outside its own stretch of rows."""
        self.release()
        for index, future in enumerate(self.rest, 1):
            part = self._parse(self._workbooks[index - 1]) if future.cancel() else future.result()
            if not self._within(index, part):
                raise RowsOutOfOrder
            yield part

    def _within(self, index: int, part: Any) -> bool:
        """Whether the rows of the part ``index`` lie from its first row to before the next part's."""
        if part.start is None:
            return True
        low, high = self._bounds[index]
        return bool(low <= part.start[0] + 1 and part.end[0] + 1 < high)


@contextmanager
def sheet_parts(
    path: Path, part: str | None, data: bytes, head_rows: int, parse: Callable[..., Any], *, cut: bool = True
) -> Iterator[SheetParts]:
    """The sheet in the zip ``part`` of the workbook at ``path`` (its XML ``data``) parsed by
    calamine in threads: in parts when it is large and plainly laid out (and ``cut``), its first
    part holding at least its first ``head_rows`` rows; else whole (always without a ``part``).
    ``parse()`` parses the whole sheet, ``parse(workbook)`` the sheet of a part's workbook. The
    caller reads meanwhile."""
    with ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="calamine") as pool:
        stretches = plan(data, head_rows) if part is not None and cut else None
        if part is not None and stretches is not None:
            workbooks = part_workbooks(path, part, data, stretches)
            first = pool.submit(parse, next(workbooks))  # parsed while the others are made
            starts = tuple(_row_number(data, start) for start, _ in stretches[1:])
            parts = SheetParts(first, parse, pool.submit, list(workbooks), starts)
        else:
            parts = SheetParts(pool.submit(parse), parse, pool.submit)
        del data  # the caller keeps the sheet's XML as long as it needs it
        try:
            yield parts
        finally:
            for future in parts.rest:
                future.cancel()


def plan(data: bytes, head_rows: int) -> list[tuple[int, int]] | None:
    """The byte ranges of the stretches of rows of the sheet XML ``data``, in order; ``None`` when
    it is small or not plainly laid out. The first stretch holds rows 1 to ``head_rows``."""
    if len(data) < SPLIT_BYTES:
        return None
    start, end = data.find(b"<sheetData>"), data.rfind(b"</sheetData>")
    if start < 0 or end < start or _hidden_text(data, start, end):
        return None
    start += len(b"<sheetData>")
    count = min(_MAX_PARTS, max(2, (end - start) // PART_BYTES))
    cuts = [start]
    for index in range(1, count):
        cut = data.find(_ROW, start + (end - start) * index // count, end)
        if cut > cuts[-1] and _row_number(data, cut) > head_rows:
            cuts.append(cut)
    if len(cuts) < 2:
        return None
    return list(pairwise([*cuts, end]))


def _hidden_text(data: bytes, start: int, end: int) -> bool:
    """Whether the XML between ``start`` and ``end`` holds a comment, a CDATA section or a
    processing instruction, in which a ``<row`` would be text."""
    return any(
        data.find(sign, start, end) >= 0 and any(data.find(mark, start, end) >= 0 for mark in marks)
        for sign, marks in _HIDDEN_TEXT
    )


def _row_number(data: bytes, position: int) -> int:
    """The number of the row whose element starts at ``position``."""
    found = _ROW_NUMBERS.match(data, position)
    return int(found.group(1)) if found else 0


def part_workbooks(
    path: Path, part: str, data: bytes, stretches: list[tuple[int, int]]
) -> Iterator[io.BytesIO]:
    """One workbook in memory for each stretch of rows: the sheet's XML around it, the parts a
    reader needs beside it as they are."""
    with zipfile.ZipFile(path) as archive:
        others = {
            info.filename: archive.read(info)
            for info in archive.infolist()
            if info.filename != part and not info.filename.startswith(_LEFT_OUT) and not info.is_dir()
        }
    head = data[: stretches[0][0]]
    tail = data[stretches[-1][1] :]
    for start, end in stretches:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as book:
            for name, content in others.items():
                book.writestr(name, content)
            book.writestr(part, b"".join((head, memoryview(data)[start:end], tail)))
        buffer.seek(0)
        yield buffer


def parse_part(workbook: io.BytesIO, sheet: str) -> Any:
    """The cells of ``sheet`` of the workbook in ``workbook``, whose memory is let go once calamine
    holds its own copy."""
    book = calamine.CalamineWorkbook.from_filelike(workbook)
    workbook.close()
    try:
        return book.get_sheet_by_name(sheet)
    finally:
        book.close()
