"""Looking at a workbook before a reader parses it: its kind, its encryption, and its inflated size.

An ``.xlsx`` is a zip of XML parts. A hostile one of 1.5 MB can inflate to gigabytes, or hold
millions of tiny shared strings, and a reader would try to hold all of it: the number of parts, the
bytes each part inflates to (counted while inflating, never trusting the sizes the zip claims) and
the shared strings are bounded here first. An encrypted workbook is an OLE file holding an
"EncryptedPackage"; an HTML page or any other file renamed ``.xlsx`` is named for what it is.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate

MAX_PARTS = 10_000
MAX_INFLATED_BYTES = 1 << 30  # every part together: a million rows of twenty columns fit
MAX_RATIO = 100  # real sheets inflate 5 to 30 times; a bomb, thousands of times
RATIO_FLOOR = 16 << 20  # small parts may inflate more (empty styles, repeated formulas)
MAX_SHARED_STRINGS = 8_000_000
_CHUNK = 1 << 20
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OLE_SCAN = 64 << 20
_HTML_STARTS = (b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta")


def _error(path: Path, text: str, **values: object) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


def password_error(path: Path) -> RecipientFileError:
    """The error for a workbook that is protected with a password."""
    return _error(
        path,
        translate(
            "XlsxFile",
            "{file} is protected with a password. Open it in Excel and save it without a password "
            "(File > Info > Protect Workbook > Encrypt with Password, then clear it), or export it as CSV.",
        ),
    )


def check_workbook(path: Path, keep_from: int | None = None) -> tuple[str, bytes] | None:
    """Refuse a workbook that is not one, is encrypted, or would inflate beyond the bounds above.

    With ``keep_from``, the largest worksheet part of an ``.xlsx`` that claims at least that many
    inflated bytes is kept as it is inflated here and given back with its name, so that its reader
    need not inflate it again.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as error:
        text = translate("XlsxFile", "Cannot open {path}: {reason}")
        raise RecipientFileError(
            text.format(path=path, reason=error.strerror or error), file=str(path)
        ) from error
    if head.startswith(_ZIP):
        return _check_zip(path, keep_from)
    if head.startswith(_OLE):
        if _is_encrypted(path):
            raise password_error(path)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_HTML_STARTS):
        raise _error(
            path,
            translate(
                "XlsxFile",
                "{file} is a web page (HTML) with an Excel name, not a workbook. Open it in Excel and "
                "save it as Excel workbook (.xlsx), or export the recipients as CSV.",
            ),
        )
    else:
        raise not_a_workbook(path)
    return None


def not_a_workbook(path: Path) -> RecipientFileError:
    """The error for a file that is not a workbook in any format we read."""
    return _error(
        path,
        translate(
            "XlsxFile",
            "{file} cannot be read as an Excel workbook (.xlsx): it is damaged or in another format. "
            "Open it in Excel and save it again as .xlsx, or export the recipients as CSV.",
        ),
    )


def _is_encrypted(path: Path) -> bool:
    """Whether an OLE file holds an encrypted Office package (its directory names the stream)."""
    with path.open("rb") as handle:
        data = handle.read(_OLE_SCAN)
    return _ENCRYPTED in data


def _too_large(path: Path) -> RecipientFileError:
    return _error(
        path,
        translate(
            "XlsxFile",
            "{file} is refused: its compressed content would inflate far beyond what a recipient list "
            "needs (it may be built to exhaust memory). Open it in Excel and save it again, or export "
            "the recipients as CSV.",
        ),
    )


def _check_zip(path: Path, keep_from: int | None) -> tuple[str, bytes] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise _too_large(path)
            sheets = [part for part in parts if part.filename.startswith("xl/worksheets/")]
            largest = max(sheets, key=lambda part: part.file_size, default=None)
            if keep_from is None or largest is None or largest.file_size < keep_from:
                largest = None
            total = 0
            kept: list[bytes] | None = None
            for part in parts:
                chunks: list[bytes] | None = [] if part is largest else None
                total += _inflated_size(path, archive, part, MAX_INFLATED_BYTES - total, chunks)
                kept = chunks if chunks is not None else kept
            return (largest.filename, b"".join(kept)) if largest is not None and kept is not None else None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise not_a_workbook(path) from error
    except OSError as error:
        text = translate("XlsxFile", "Cannot open {path}: {reason}")
        raise RecipientFileError(
            text.format(path=path, reason=error.strerror or error), file=str(path)
        ) from error


def _inflated_size(
    path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo, budget: int, chunks: list[bytes] | None
) -> int:
    """The bytes ``part`` really inflates to, stopping as soon as a bound is passed (kept in
    ``chunks`` when given)."""
    if part.file_size > budget:
        raise _too_large(path)
    strings = part.filename.lower().endswith("sharedstrings.xml")
    size = count = 0
    tail = b""
    limit = max(RATIO_FLOOR, MAX_RATIO * max(part.compress_size, 1))
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > budget or size > limit:
                raise _too_large(path)
            if chunks is not None:
                chunks.append(chunk)
            if strings:
                window = tail + chunk
                count += window.count(b"<si>") + window.count(b"<si ")
                tail = window[-3:]
                if count > MAX_SHARED_STRINGS:
                    raise _too_large(path)
    return size
