"""Reading recipient CSV files as Excel and other tools write them, streamed row by row.

The encoding is detected (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252, what
Excel on Windows writes) unless the user names one; the delimiter is detected among ``,`` ``;``
and tab. Row numbers are record numbers with the header as 1, the row numbers Excel shows when it
opens the file (a quoted field with line breaks is one row). Quotes are read strictly: a quote
left open would otherwise swallow every row after it without a word. ``csv`` and decoding errors
are translated into ``RecipientFileError`` here and nowhere else.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate
from securemailmerge.recipients.columns import find_header_row
from securemailmerge.recipients.model import RowProblem

DELIMITERS = (",", ";", "\t")
_SAMPLE_BYTES = 64 * 1024
_CHUNK_BYTES = 1024 * 1024
_SAMPLE_RECORDS = 50
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = frozenset(chr(code) for code in (*range(0x01, 0x09), *range(0x0E, 0x20)))
_ZIP_MAGIC = b"PK\x03\x04"
_ESCAPED = re.compile("[\udc80-\udcff]")

Row = tuple[int, tuple[str, ...]]
MIXED_ENCODING = "mixed-encoding"


@dataclass
class CsvTable:
    """An open CSV file: its header, what was detected, and an iterator of ``(row, cells)``.

    ``mixed`` holds, once the rows are read, the rows of a UTF-8 file that are not UTF-8 and were
    read as Windows-1252 (see ``mixed_problems``).
    """

    path: Path
    header: tuple[str, ...]
    header_row: int
    encoding: str
    delimiter: str
    rows: Iterator[Row]
    mixed: list[int] = field(default_factory=list)

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


def encoding_label(encoding: str) -> str:
    """The name a user knows an encoding by (``Windows-1252``, ``UTF-8 with BOM``)."""
    names = {
        "utf-8": "UTF-8",
        "utf-8-sig": translate("CsvFile", "UTF-8 with BOM"),
        "cp1252": "Windows-1252",
        "utf-16": "UTF-16",
    }
    return names.get(encoding, encoding)


def _file_error(path: Path, text: str, **values: object) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


def detect_encoding(path: Path) -> str:
    """The encoding of the CSV at ``path``; raises ``RecipientFileError`` for empty or binary files."""
    return _sniff_encoding(path)[0]


def _sniff_encoding(path: Path) -> tuple[str, bool]:
    """The encoding, and whether some lines of a UTF-8 file are not UTF-8 (a Windows-1252 line pasted in)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SAMPLE_BYTES)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16", False
            _reject_zip(path, head)
            utf8, invalid = _scan_utf8(path, handle, head)
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig", invalid > 0
            if not invalid:
                return "utf-8", False
            # More UTF-8 letters than lines that are not UTF-8: a line pasted in from elsewhere.
            if utf8 > invalid:
                return "utf-8", True
            handle.seek(0)
            return _cp1252(path, handle)
    except OSError as error:
        raise _cannot_open(path, error) from error


def _cannot_open(path: Path, error: OSError) -> RecipientFileError:
    return RecipientFileError(
        translate("CsvFile", "Cannot open {path}: {reason}").format(
            path=path, reason=error.strerror or error
        ),
        file=str(path),
    )


def _reject_zip(path: Path, head: bytes) -> None:
    if head.startswith(_ZIP_MAGIC):
        raise _file_error(
            path,
            translate(
                "CsvFile",
                "{file} is not a CSV text file: it is a compressed file, probably an Excel workbook. "
                "Save it as .xlsx or export it as CSV from Excel.",
            ),
        )


def _reject_nul(path: Path, chunk: bytes) -> None:
    if b"\x00" in chunk:
        raise _file_error(
            path,
            translate(
                "CsvFile",
                "{file} is not a CSV text file: it contains binary data (NUL bytes). "
                "Export the recipients as CSV or choose the right file.",
            ),
        )


def _scan_utf8(path: Path, handle: io.BufferedReader, head: bytes) -> tuple[int, int]:
    """How much of the text is UTF-8 beyond ASCII, and how many lines are not UTF-8.

    Read in chunks cut at a line end, never whole; only a chunk that fails is looked at line by line
    (each line with UTF-8 letters beyond ASCII counts one).
    """
    multibyte = invalid = 0
    rest = b""
    chunk = head
    while chunk:
        _reject_nul(path, chunk)
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        data, rest = data[:cut], data[cut:]
        good, bad = _decodes(data)
        multibyte, invalid = multibyte + good, invalid + bad
        chunk = handle.read(_CHUNK_BYTES)
    good, bad = _decodes(rest)
    return multibyte + good, invalid + bad


def _cp1252(path: Path, handle: io.BufferedReader) -> tuple[str, bool]:
    try:
        while chunk := handle.read(_CHUNK_BYTES):
            chunk.decode("cp1252")
        return "cp1252", False
    except UnicodeDecodeError:
        pass
    raise _file_error(
        path,
        translate(
            "CsvFile",
            "{file} is neither UTF-8 nor Windows-1252 text. Choose its encoding, or export it again as "
            "CSV UTF-8.",
        ),
    )


def _decodes(data: bytes) -> tuple[int, int]:
    """The lines of ``data`` (whole lines) with UTF-8 letters beyond ASCII, and those not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return (sum(not line.isascii() for line in text.splitlines()) if len(text) != len(data) else 0), 0
    multibyte = invalid = 0
    for line in data.splitlines():
        try:
            multibyte += len(line.decode("utf-8")) != len(line)
        except UnicodeDecodeError:
            invalid += 1
    return multibyte, invalid


class _MixedLines:
    """The lines of a mostly UTF-8 file as text: a line that is not UTF-8 is read as Windows-1252,
    and its line number (as ``csv.reader.line_num`` counts) is kept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.bad: list[int] = []

    def __iter__(self) -> Iterator[str]:
        number = 0
        rest = b""
        with self.path.open("rb") as handle:
            while chunk := handle.read(_CHUNK_BYTES):
                data = rest + chunk
                cut = data.rfind(b"\n") + 1
                data, rest = data[:cut], data[cut:]
                for line in data.splitlines(keepends=True):
                    number += 1
                    yield self._decode(line, number)
        for line in rest.splitlines(keepends=True):
            number += 1
            yield self._decode(line, number)

    def _decode(self, line: bytes, number: int) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            self.bad.append(number)
            return line.decode("cp1252", errors="replace")


def _check_encoding(path: Path, encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise _file_error(
            path, translate("CsvFile", "Unknown encoding {encoding!r} chosen for {file}."), encoding=encoding
        ) from None


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
        encoding = _check_encoding(path, encoding)
    else:
        encoding, mixed = _sniff_encoding(path)
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise _file_error(
            path,
            translate("CsvFile", "{delimiter!r} cannot separate the columns of {file}."),
            delimiter=delimiter,
        )
    sample = _read_sample(path, encoding)
    if not sample.strip():
        raise _file_error(
            path, translate("CsvFile", "{file} is empty: it has no header row and no recipients.")
        )
    _reject_control_characters(path, sample)
    delimiter = delimiter or detect_delimiter(sample)
    wanted = header_row or find_header_row(_sample_records(sample, delimiter, numbered=True))
    lines = _MixedLines(path) if mixed else None
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as error:
        raise _cannot_open(path, error) from error
    with handle:
        reader = csv.reader(lines if lines is not None else handle, delimiter=delimiter, strict=True)
        counter = _Counter()
        records = _records(path, reader, counter, delimiter, lines)
        header = _header(path, records, counter, wanted)
        table = CsvTable(path, header, counter.row, encoding, delimiter, iter(()))
        table.rows = ((counter.row, tuple(r)) for r in records)
        if lines is not None:
            table.mixed = counter.mixed
        yield table


def _header(
    path: Path, records: Iterator[list[str]], counter: _Counter, wanted: int | None
) -> tuple[str, ...]:
    for record in records:
        if (wanted is None or counter.row >= wanted) and any(cell.strip() for cell in record):
            return (record[0].removeprefix("\ufeff"), *record[1:])
    if wanted is not None and counter.row < wanted:
        raise _file_error(path, translate("CsvFile", "{file} has no row {row} to be its header."), row=wanted)
    raise _file_error(path, translate("CsvFile", "{file} is empty: it has no header row and no recipients."))


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
    lines: _MixedLines | None,
) -> Iterator[list[str]]:
    """The records of ``reader``, counting rows and translating csv and decoding errors."""
    seen_bad = 0
    try:
        for record in reader:
            counter.row += 1
            if lines is not None and len(lines.bad) > seen_bad:
                seen_bad = len(lines.bad)
                counter.mixed.append(counter.row)
            if record:
                yield record
    except csv.Error as error:
        raise _file_error(
            path,
            translate(
                "CsvFile", "{file}:{row}: this row cannot be read as CSV ({reason}); check its quotes."
            ),
            row=counter.row + 1,
            reason=error,
        ) from error
    except UnicodeDecodeError as error:
        raise _file_error(
            path,
            translate(
                "CsvFile", "{file}:{row}: the text is not valid {encoding}; choose the file's encoding."
            ),
            row=_undecodable_row(path, error.encoding, delimiter) or counter.row + 1,
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
        raise _file_error(
            path,
            translate(
                "CsvFile",
                "{file} is not a CSV text file: it contains binary data. "
                "Export the recipients as CSV or choose the right file.",
            ),
        )
