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
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate

DELIMITERS = (",", ";", "\t")
_SAMPLE_BYTES = 64 * 1024
_CHUNK_BYTES = 1024 * 1024
_SAMPLE_RECORDS = 50
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = frozenset(chr(code) for code in (*range(0x01, 0x09), *range(0x0E, 0x20)))
_ZIP_MAGIC = b"PK\x03\x04"
_ESCAPED = re.compile("[\udc80-\udcff]")

Row = tuple[int, tuple[str, ...]]


@dataclass
class CsvTable:
    """An open CSV file: its header, what was detected, and an iterator of ``(row, cells)``."""

    header: tuple[str, ...]
    header_row: int
    encoding: str
    delimiter: str
    rows: Iterator[Row]


def _file_error(path: Path, text: str, **values: object) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


def detect_encoding(path: Path) -> str:
    """The encoding of the CSV at ``path``; raises ``RecipientFileError`` for empty or binary files."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SAMPLE_BYTES)
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16"
            _reject_zip(path, head)
            return _utf8_or_cp1252(path, handle, head)
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


def _utf8_or_cp1252(path: Path, handle: io.BufferedReader, head: bytes) -> str:
    """UTF-8 when the whole file decodes as UTF-8, else Windows-1252; read in chunks, never whole."""
    utf8 = codecs.getincrementaldecoder("utf-8")()
    chunk = head
    try:
        while chunk:
            _reject_nul(path, chunk)
            utf8.decode(chunk)
            chunk = handle.read(_CHUNK_BYTES)
        utf8.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    handle.seek(0)
    try:
        while chunk := handle.read(_CHUNK_BYTES):
            _reject_nul(path, chunk)
            chunk.decode("cp1252")
        return "cp1252"
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
        records = _sample_records(sample, delimiter)
        width = len(records[0]) if records else 0
        rest = records[1:]
        consistency = sum(len(record) == width for record in rest) / len(rest) if rest else 1.0
        score = (width > 1, consistency, width if width > 1 else 0, sample.count(delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _sample_records(sample: str, delimiter: str) -> list[list[str]]:
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        for record in islice(reader, _SAMPLE_RECORDS):
            if any(cell.strip() for cell in record):
                records.append(record)
    except csv.Error:
        pass  # a record cut off by the sample's end: judge on what came before
    return records


@contextmanager
def open_csv(path: Path, encoding: str | None = None, delimiter: str | None = None) -> Iterator[CsvTable]:
    """Open a recipient CSV: detect what was not given, read the header, stream the rows.

    Raises ``RecipientFileError`` naming the file (and the row) for an empty, binary or
    undecodable file, a file without a header, or a record the csv module cannot parse.
    """
    encoding = _check_encoding(path, encoding) if encoding else detect_encoding(path)
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise _file_error(
            path,
            translate("CsvFile", "{delimiter!r} cannot separate the columns of {file}."),
            delimiter=delimiter,
        )
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as error:
        raise _cannot_open(path, error) from error
    with handle:
        sample = _read_sample(path, encoding)
        if not sample.strip():
            raise _file_error(
                path, translate("CsvFile", "{file} is empty: it has no header row and no recipients.")
            )
        _reject_control_characters(path, sample)
        delimiter = delimiter or detect_delimiter(sample)
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        counter = _Counter()
        records = _records(path, reader, counter, delimiter)
        for record in records:
            if any(cell.strip() for cell in record):
                header = tuple(record)
                break
        else:
            raise _file_error(
                path, translate("CsvFile", "{file} is empty: it has no header row and no recipients.")
            )
        header = (header[0].removeprefix("\ufeff"), *header[1:])
        yield CsvTable(header, counter.row, encoding, delimiter, ((counter.row, tuple(r)) for r in records))


class _Counter:
    row = 0


def _records(
    path: Path, reader: Iterator[list[str]], counter: _Counter, delimiter: str
) -> Iterator[list[str]]:
    """The records of ``reader``, counting rows and translating csv and decoding errors."""
    try:
        for record in reader:
            counter.row += 1
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
