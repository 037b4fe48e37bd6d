"""Finding the text encoding of a recipient CSV file, and reading a mostly UTF-8 file line by line.

UTF-8 with or without BOM and UTF-16 with BOM are recognised; anything else that decodes is taken
as Windows-1252, what Excel on Windows writes. A UTF-8 file with a few Windows-1252 lines pasted in
is read line by line (``MixedLines``) so each such row can be named. Compressed (.xlsx) and binary
files are refused here with a message naming the file.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate

_SAMPLE_BYTES = 64 * 1024
_CHUNK_BYTES = 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_MARK_BEYOND_ASCII = bytes.maketrans(bytes(range(128, 256)) + b"\r", b"x" * 128 + b"\n")
_ASCII_TEXT = bytes(code for code in range(128) if code not in b"\r\n")


def encoding_label(encoding: str) -> str:
    """The name a user knows an encoding by (``Windows-1252``, ``UTF-8 with BOM``)."""
    names = {
        "utf-8": "UTF-8",
        "utf-8-sig": translate("CsvFile", "UTF-8 with BOM"),
        "cp1252": "Windows-1252",
        "utf-16": "UTF-16",
    }
    return names.get(encoding, encoding)


def file_error(path: Path, text: str, **values: object) -> RecipientFileError:
    """The error for ``path`` whose message is ``text`` (translated) filled in with the file name."""
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


def detect_encoding(path: Path) -> str:
    """The encoding of the CSV at ``path``; raises ``RecipientFileError`` for empty or binary files."""
    return sniff_encoding(path)[0]


def sniff_encoding(path: Path) -> tuple[str, bool]:
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
        raise cannot_open(path, error) from error


def cannot_open(path: Path, error: OSError) -> RecipientFileError:
    """The error for a file the system would not open, with the system's reason."""
    return RecipientFileError(
        translate("CsvFile", "Cannot open {path}: {reason}").format(
            path=path, reason=error.strerror or error
        ),
        file=str(path),
    )


def _reject_zip(path: Path, head: bytes) -> None:
    if head.startswith(_ZIP_MAGIC):
        raise file_error(
            path,
            translate(
                "CsvFile",
                "{file} is not a CSV text file: it is a compressed file, probably an Excel workbook. "
                "Save it as .xlsx or export it as CSV from Excel.",
            ),
        )


def _reject_nul(path: Path, chunk: bytes) -> None:
    if b"\x00" in chunk:
        raise file_error(
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
    (each line with UTF-8 letters beyond ASCII counts one). The letters beyond ASCII only matter
    when some line is not UTF-8, so they are counted in a second reading, only then.
    """
    invalid = _scan_chunks(path, handle, head, letters=False)[1]
    if not invalid:
        return 0, 0
    handle.seek(len(head))
    return _scan_chunks(path, handle, head, letters=True)


def _scan_chunks(path: Path, handle: io.BufferedReader, head: bytes, *, letters: bool) -> tuple[int, int]:
    multibyte = invalid = 0
    rest = b""
    chunk = head
    while chunk:
        _reject_nul(path, chunk)
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        data, rest = data[:cut], data[cut:]
        good, bad = _decodes(data, letters)
        multibyte, invalid = multibyte + good, invalid + bad
        chunk = handle.read(_CHUNK_BYTES)
    good, bad = _decodes(rest, letters)
    return multibyte + good, invalid + bad


def _cp1252(path: Path, handle: io.BufferedReader) -> tuple[str, bool]:
    try:
        while chunk := handle.read(_CHUNK_BYTES):
            chunk.decode("cp1252")
        return "cp1252", False
    except UnicodeDecodeError:
        pass
    raise file_error(
        path,
        translate(
            "CsvFile",
            "{file} is neither UTF-8 nor Windows-1252 text. Choose its encoding, or export it again as "
            "CSV UTF-8.",
        ),
    )


def _decodes(data: bytes, letters: bool) -> tuple[int, int]:
    """The lines of ``data`` (whole lines) with UTF-8 letters beyond ASCII (when ``letters`` are
    counted), and those not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return (_lines_beyond_ascii(data) if letters and not data.isascii() else 0), 0
    multibyte = invalid = 0
    for line in data.splitlines():
        try:
            multibyte += len(line.decode("utf-8")) != len(line)
        except UnicodeDecodeError:
            invalid += 1
    return multibyte, invalid


def _lines_beyond_ascii(data: bytes) -> int:
    """How many lines of ``data`` (split as ``bytes.splitlines`` splits) hold a byte beyond ASCII,
    counted in C: such bytes become ``x``, line ends line feeds, and all else is deleted."""
    pieces = data.translate(_MARK_BEYOND_ASCII, _ASCII_TEXT).split(b"\n")
    return len(pieces) - pieces.count(b"")


class MixedLines:
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


def check_encoding(path: Path, encoding: str) -> str:
    """The canonical name of the encoding the user chose; raises ``RecipientFileError`` if unknown."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise file_error(
            path, translate("CsvFile", "Unknown encoding {encoding!r} chosen for {file}."), encoding=encoding
        ) from None
