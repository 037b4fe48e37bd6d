"""The number format of each cell of an ``.xlsx`` sheet, read from its XML without a full parse.

calamine gives values (and tells dates from numbers) but not number formats, which decide whether
``12500.5`` shows as ``12.500,50 €``. The styles part maps a cell's style index to a format code;
the sheet part is scanned with a regular expression for the style index of each cell, up to
``SCAN_BYTES`` of it: a sheet that fits is formatted exactly, and below that point each column
keeps the last format seen in it, as columns of amounts and dates do.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import sub
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree

SCAN_BYTES = 32 << 20
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ROW = re.compile(rb'<row r="([0-9]+)"')
# Up to this many styles with a number format, their cells are found style by style.
_BACKWARD_STYLES = 4
# ECMA-376 part 1, 18.8.30: the formats every workbook has without listing them.
BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}


@dataclass
class CellFormats:
    """Format codes by 0-based ``(row, column)``; below ``scanned_rows``, by column.

    ``columns`` holds the last format seen in each column, ``mixed`` the columns with several;
    ``runs`` the columns whose formatted cells are one run of rows with one format, kept as
    ``(first row, last row, code)`` instead of cell by cell; ``text_durations`` says that the
    reader gives a time of a day or more as ISO 8601 text.
    """

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    columns: dict[int, str] = field(default_factory=dict)
    mixed: set[int] = field(default_factory=set)
    runs: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    scanned_rows: int = 1 << 62
    text_durations: bool = False

    def add(self, row: int, column: int, code: str) -> None:
        """Record that the cell at 0-based ``(row, column)`` shows its number as ``code``."""
        self.cells[(row, column)] = code
        if self.columns.setdefault(column, code) != code:
            self.mixed.add(column)
            self.columns[column] = code

    def place(self, rows: Iterable[int], columns: Iterable[int], codes: Iterable[str]) -> None:
        """Record the cells of a whole sheet at once (into empty formats): the 0-based ``rows`` and
        ``columns`` of cells in the sheet's order, and their ``codes``."""
        rows, columns, codes = list(rows), list(columns), list(codes)
        self.columns.update(zip(columns, codes, strict=True))  # the last code of each column wins
        runs = _runs(rows, columns, codes)
        if runs is not None:
            self.runs.update(runs)
            return
        self.cells.update(zip(zip(rows, columns, strict=True), codes, strict=True))
        used = Counter(column for column, _ in set(zip(columns, codes, strict=True)))
        self.mixed.update(column for column, kinds in used.items() if kinds > 1)

    def code(self, row: int, column: int) -> str:
        """The format code of a cell (``General`` when it has none)."""
        if row >= self.scanned_rows:
            return self.columns.get(column, "General")
        run = self.runs.get(column)
        if run is not None:
            return run[2] if run[0] <= row <= run[1] else "General"
        return self.cells.get((row, column), "General")

    def codes(self, first: int, count: int, column: int) -> list[str]:
        """The format codes of ``count`` cells of ``column`` from the 0-based row ``first`` down."""
        stop = min(first + count, max(self.scanned_rows, first))
        run = self.runs.get(column)
        if run is not None:
            low, high = max(run[0], first), min(run[1], stop - 1)
            inside = max(high - low + 1, 0)
            before = low - first if inside else stop - first
            codes = ["General"] * before + [run[2]] * inside + ["General"] * (stop - first - before - inside)
        else:
            get = self.cells.get
            codes = [get((row, column), "General") for row in range(first, stop)]
        if len(codes) < count:
            codes += [self.columns.get(column, "General")] * (count - len(codes))
        return codes


def _runs(rows: list[int], columns: list[int], codes: list[str]) -> dict[int, tuple[int, int, str]] | None:
    """The cells as one run per column when they come row by row in the same columns, each
    column with one format over consecutive rows (a table's columns of dates and amounts, as
    most sheets have them); ``None`` otherwise."""
    width = len(set(columns))
    if not columns or len(columns) % width:
        return None
    runs = {}
    for offset in range(width):
        column, picked, kinds = columns[offset], columns[offset::width], codes[offset::width]
        numbers = rows[offset::width]
        if (
            picked.count(column) != len(picked)
            or kinds.count(kinds[0]) != len(kinds)
            or numbers != list(range(numbers[0], numbers[0] + len(numbers)))
        ):
            return None
        runs[column] = (numbers[0], numbers[-1], kinds[0])
    return runs


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def read_formats(path: Path, sheet: str, data: bytes | None = None) -> CellFormats:
    """The number formats of the cells of ``sheet`` (whose XML is ``data`` when the caller has
    inflated it already); none when the parts are missing or odd."""
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _style_formats(archive)
            part = sheet_part(archive, sheet)
            if not styles or part is None:
                return CellFormats()
            if data is None:
                with archive.open(part) as stream:
                    data = stream.read(SCAN_BYTES + 1)
            return scan_formats(data, styles)
    except (KeyError, zipfile.BadZipFile, ParseError, OSError, ValueError):
        return CellFormats()


def _style_formats(archive: zipfile.ZipFile) -> list[str]:
    root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    custom = {
        int(item.get("numFmtId", "0")): item.get("formatCode", "General")
        for item in root.iter(f"{_MAIN}numFmt")
    }
    xfs = root.find(f"{_MAIN}cellXfs")
    if xfs is None:
        return []
    codes = []
    for xf in xfs.iter(f"{_MAIN}xf"):
        number = int(xf.get("numFmtId", "0"))
        codes.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return codes


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip part of the worksheet named ``sheet``."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    wanted = next(
        (item.get(f"{_DOC_RELS}id") for item in book.iter(f"{_MAIN}sheet") if item.get("name") == sheet), None
    )
    return related_part(archive, "xl/_rels/workbook.xml.rels", wanted)


def related_part(archive: zipfile.ZipFile, relations: str, wanted: str | None) -> str | None:
    """The zip part that the relationship ``wanted`` of the workbook's ``relations`` part names."""
    for relation in ElementTree.fromstring(archive.read(relations)).iter(f"{_RELS}Relationship"):
        if relation.get("Id") == wanted:
            target = relation.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    return None


def scan_formats(whole: bytes, styles: list[str]) -> CellFormats:
    """The number formats of the cells of the sheet XML ``whole``, given the format code of each
    style index (``styles``). Columns that each keep one format down a run of rows, as tables do,
    are found from the cells with those styles alone (``_column_runs``)."""
    formats = CellFormats()
    wanted = {index: code for index, code in enumerate(styles) if code not in {"General", "@"}}
    if not wanted:
        return formats
    complete = len(whole) <= SCAN_BYTES
    data = whole if complete else memoryview(whole)[:SCAN_BYTES]  # searched where it is, not copied
    codes = {str(index).encode(): code for index, code in wanted.items()}
    runs = _column_runs(whole, len(data), codes) if len(codes) <= _BACKWARD_STYLES else None
    if runs is not None:
        formats.runs.update(runs)
        formats.columns.update({column: code for column, (_, _, code) in runs.items()})
    else:
        # Only cells whose style shows a number differently from General are matched, in C. Excel,
        # LibreOffice and the Python writers put r= before s=, which a pattern finds fast; a style
        # written elsewhere (another attribute order, a row's style) leaves the count of ` s="N"`
        # higher than the cells found, and the slower pattern that allows any order is used.
        longest_first: list[bytes] = sorted(codes, key=len, reverse=True)
        choices = b"|".join(longest_first)
        matches = re.findall(rb'<c r="([A-Z]{1,3})([0-9]+)" s="(' + choices + rb')"', data)
        if len(matches) != len(re.findall(rb' s="(?:' + choices + rb')"', data)):
            anywhere = rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*?\bs="(' + choices + rb')"'
            matches = re.findall(anywhere, data)
        if matches:
            letters, rows, style_ids = zip(*matches, strict=True)
            column_of = {name: _column_index(name) for name in set(letters)}
            # A hundred thousand cells are placed in C (map, zip, dict), not one by one.
            numbers = map(sub, map(int, rows), repeat(1))
            formats.place(numbers, map(column_of.__getitem__, letters), map(codes.__getitem__, style_ids))
    if not complete:
        last = _ROW.findall(data[-4096:])
        # The last row may be cut off: it and those below are judged by their column.
        formats.scanned_rows = int(last[-1]) - 1 if last else 0
    return formats


def _column_runs(whole: bytes, size: int, codes: dict[bytes, str]) -> dict[int, tuple[int, int, str]] | None:
    """The cells with the styles ``codes`` in the first ``size`` bytes of the sheet XML ``whole``
    as one run per column, or ``None`` when they are not laid out so: each column's cells have one
    style, lie in distinct rows and fill every row from its first to its last.

    A pattern that begins with the cell's reference tries every one of a sheet's cells; in the
    XML read backwards, a styled cell's ``" s="N"`` comes before its reference, so each style's
    attribute is searched for as it is, at the speed of memory, and only those cells are read. An
    attribute not written right after the cell's reference (another order, a row's style) is
    found without a reference, and the caller reads the sheet cell by cell.
    """
    backwards = whole[size - 1 :: -1] if size else b""
    runs: dict[int, tuple[int, int, str]] = {}
    for style, code in codes.items():
        found = re.findall(b'"' + style[::-1] + rb'"=s "(?:([0-9]+)([A-Z]{1,3})"=r c<)?', backwards)
        if not found:
            continue
        digits, letters = zip(*found, strict=True)
        if b"" in letters:
            return None
        numbers = list(map(int, b"\n".join(digits)[::-1].split(b"\n")))[::-1]
        names = set(letters)
        for name in names:
            rows = (
                numbers
                if len(names) == 1
                else [n for n, c in zip(numbers, letters, strict=True) if c == name]
            )
            column = _column_index(name[::-1])
            top, bottom = min(rows), max(rows)
            if column in runs or bottom - top + 1 != len(rows) or len(set(rows)) != len(rows):
                return None
            runs[column] = (top - 1, bottom - 1, code)
    return runs
