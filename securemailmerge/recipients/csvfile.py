"""Reading recipient CSV files as Excel and other tools write them, streamed row by row.

The encoding is detected by ``csvencoding`` (UTF-8 with or without BOM, UTF-16 with BOM, else
Windows-1252, what Excel on Windows writes) unless the user names one; the delimiter is detected
among ``,`` ``;`` and tab. Row numbers are record numbers with the header as 1, the row numbers
Excel shows when it opens the file (a quoted field with line breaks is one row). Quotes are read
strictly: a quote left open would otherwise swallow every row after it without a word. ``csv`` and
decoding errors are translated into ``RecipientFileError`` here and in ``csvencoding``, nowhere else.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count, islice
from pathlib import Path
from typing import Any, TextIO

from securemailmerge.i18n import translate
from securemailmerge.recipients.columns import find_header_row
from securemailmerge.recipients.csvencoding import (
    MixedLines,
    cannot_open,
    check_encoding,
    file_error,
    sniff_encoding,
)
from securemailmerge.recipients.csvrecords import numbered_records
from securemailmerge.recipients.model import CellColumns, RowProblem

DELIMITERS = (",", ";", "\t")
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_RECORDS = 50
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = frozenset(chr(code) for code in (*range(0x01, 0x09), *range(0x0E, 0x20)))
_ESCAPED = re.compile("[\udc80-\udcff]")

Row = tuple[int, tuple[str, ...]]
MIXED_ENCODING = "mixed-encoding"


@dataclass
class CsvTable:
    """An open CSV file: its header, what was detected, and an iterator of ``(row, cells)`` and
    blocks of rows by column (``CellColumns``, see ``csvrecords``).

    ``mixed`` holds, once the rows are read, the rows of a UTF-8 file that are not UTF-8 and were
    read as Windows-1252 (see ``mixed_problems``).
    """

    path: Path
    header: tuple[str, ...]
    header_row: int
    encoding: str
    delimiter: str
    records: Iterator[Row | CellColumns]
    mixed: list[int] = field(default_factory=list)

    @property
    def rows(self) -> Iterator[Row]:
        """The rows one by one, ``records``' blocks of columns taken apart."""
        for record in self.records:
            if isinstance(record, CellColumns):
                yield from record.rows()
            else:
                yield record

    def mixed_problems(self) -> list[RowProblem]:
        """A warning for each row that is not in the file's encoding, naming the row."""
        text = translate(
            "CsvFile",
            "{file}:{row}: this row is not UTF-8 like the rest of the file; it was read as Windows-1252. "
            "Check its text (names with ä, ñ or é) before sending.",
        )
        return [
            RowProblem(row, MIXED_ENCODING, text.format(file=self.path.name, row=row), warning=True)
            for row in self.mixed
        ]


def detect_delimiter(sample: str) -> str:
    """The delimiter among ``,`` ``;`` and tab that splits ``sample`` into the most consistent table.

    A header split into several columns wins, then rows with as many cells as the header, then
    more columns, then the delimiter seen most often (a line of only delimiters is a blank row);
    remaining ties keep the order of ``DELIMITERS``.
    """
    best, best_score = DELIMITERS[0], (False, 0.0, 0, 0)
    for delimiter in DELIMITERS:
        records = [record for _, record in _sample_records(sample, delimiter)]
        width = len(records[0]) if records else 0
        rest = records[1:]
        consistency = sum(len(record) == width for record in rest) / len(rest) if rest else 1.0
        score = (width > 1, consistency, width if width > 1 else 0, sample.count(delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _sample_records(sample: str, delimiter: str, numbered: bool = False) -> list[tuple[int, list[str]]]:
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        for number, record in enumerate(islice(reader, _SAMPLE_RECORDS), start=1):
            if any(cell.strip() for cell in record):
                records.append((number, record))
    except csv.Error:
        pass  # a record cut off by the sample's end: judge on what came before
    return records


@contextmanager
def open_csv(
    path: Path, encoding: str | None = None, delimiter: str | None = None, *, header_row: int | None = None
) -> Iterator[CsvTable]:
    """Open a recipient CSV: detect what was not given, find the header, stream the rows.

    The header is row ``header_row`` when given, else the first row that names an email column
    within the first rows, else the first row with several names (a title row above is skipped).
    Raises ``RecipientFileError`` naming the file (and the row) for an empty, binary or
    undecodable file, a file without a header, or a record the csv module cannot parse.
    """
    mixed = False
    if encoding:
        encoding = check_encoding(path, encoding)
    else:
        encoding, mixed = sniff_encoding(path)
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise file_error(
            path,
            translate("CsvFile", "{delimiter!r} cannot separate the columns of {file}."),
            delimiter=delimiter,
        )
    sample = _read_sample(path, encoding)
    if not sample.strip():
        raise file_error(
            path, translate("CsvFile", "{file} is empty: it has no header row and no recipients.")
        )
    _reject_control_characters(path, sample)
    delimiter = delimiter or detect_delimiter(sample)
    wanted = header_row or find_header_row(_sample_records(sample, delimiter, numbered=True))
    lines = MixedLines(path) if mixed else None
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as error:
        raise cannot_open(path, error) from error
    with handle:
        reader = csv.reader(lines if lines is not None else handle, delimiter=delimiter, strict=True)
        counter = _Counter()
        records = _records(path, reader, counter, delimiter, lines)
        header = _header(path, records, counter, wanted)
        table = CsvTable(path, header, counter.row, encoding, delimiter, iter(()))
        if lines is not None:
            table.records = ((counter.row, tuple(r)) for r in records)
            table.mixed = counter.mixed
        else:
            table.records = _numbered(path, handle, counter.row + 1, delimiter, len(header))
        yield table


def _header(
    path: Path, records: Iterator[list[str]], counter: _Counter, wanted: int | None
) -> tuple[str, ...]:
    for record in records:
        if (wanted is None or counter.row >= wanted) and any(cell.strip() for cell in record):
            return (record[0].removeprefix("\ufeff"), *record[1:])
    if wanted is not None and counter.row < wanted:
        raise file_error(path, translate("CsvFile", "{file} has no row {row} to be its header."), row=wanted)
    raise file_error(path, translate("CsvFile", "{file} is empty: it has no header row and no recipients."))


class _Counter:
    row = 0
    mixed: list[int]

    def __init__(self) -> None:
        self.mixed = []


def _records(
    path: Path,
    reader: Any,
    counter: _Counter,
    delimiter: str,
    lines: MixedLines | None,
) -> Iterator[list[str]]:
    """The records of ``reader``, counting rows and translating csv and decoding errors."""
    seen_bad = 0
    with _translated(path, delimiter, lambda: counter.row + 1):
        for record in reader:
            counter.row += 1
            if lines is not None and len(lines.bad) > seen_bad:
                seen_bad = len(lines.bad)
                counter.mixed.append(counter.row)
            if record:
                yield record


def _numbered(
    path: Path, handle: TextIO, first: int, delimiter: str, width: int
) -> Iterator[Row | CellColumns]:
    """The non-blank records from row ``first`` on, numbered as ``_records`` numbers them, read in
    blocks (see ``csvrecords``)."""
    numbers = count(first)
    with _translated(path, delimiter, lambda: next(numbers) - 1):
        yield from numbered_records(handle, delimiter, width, numbers)


@contextmanager
def _translated(path: Path, delimiter: str, failing_row: Callable[[], int]) -> Iterator[None]:
    """csv and decoding errors while reading, as ``RecipientFileError`` naming the failing row."""
    try:
        yield
    except csv.Error as error:
        raise file_error(
            path,
            translate(
                "CsvFile", "{file}:{row}: this row cannot be read as CSV ({reason}); check its quotes."
            ),
            row=failing_row(),
            reason=error,
        ) from error
    except UnicodeDecodeError as error:
        raise file_error(
            path,
            translate(
                "CsvFile", "{file}:{row}: the text is not valid {encoding}; choose the file's encoding."
            ),
            row=_undecodable_row(path, error.encoding, delimiter) or failing_row(),
            encoding=error.encoding,
        ) from error


def _undecodable_row(path: Path, encoding: str, delimiter: str) -> int | None:
    """The first row holding bytes that ``encoding`` cannot decode (text is decoded in blocks, so the
    error itself does not tell); read again only when that error happened."""
    try:
        with path.open(encoding=encoding, errors="surrogateescape", newline="") as handle:
            for row, record in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                if any(_ESCAPED.search(cell) for cell in record):
                    return row
    except (csv.Error, UnicodeError, LookupError):
        pass
    return None


def _read_sample(path: Path, encoding: str) -> str:
    """The first 64 KB as text; when the file goes on, cut after the last complete line."""
    with path.open("rb") as raw:
        head = raw.read(_SAMPLE_BYTES)
        more = bool(raw.read(1))
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head).removeprefix("\ufeff")
    if more and "\n" in text:
        text = text[: text.rindex("\n") + 1]
    return text


def _reject_control_characters(path: Path, sample: str) -> None:
    controls = sum(1 for char in sample if char in _CONTROL)
    # Tabs, line ends and the odd vertical tab (FileMaker's line break) are text; much else is not.
    if "\x00" in sample or controls * 10 > len(sample):
        raise file_error(
            path,
            translate(
                "CsvFile",
                "{file} is not a CSV text file: it contains binary data. "
                "Export the recipients as CSV or choose the right file.",
            ),
        )
