"""CSV files we write for the user to open in Excel, with no cell that Excel would run as a formula."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.safepaths import atomic_output

# Excel (and LibreOffice, Google Sheets) start a formula at these; the full-width forms count too in
# East Asian locales. Tab and CR matter because some importers strip them and then see the next char.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# A value that already starts with such a protecting apostrophe gets one more, so that our own
# reader (which removes one) gives every value back as it was.
_PROTECTED = re.compile("'+[=+\\-@\t\r＝＋－＠]")


def safe_csv_cell(value: str) -> str:
    """``value`` made inert for spreadsheets: a leading formula character gets a ``'`` before it."""
    if (value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value)) or _PROTECTED.match(value):
        return "'" + value
    return value


def write_rows(handle: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write the header and ``rows`` as CSV to an open text stream; returns the number of rows."""
    writer = csv.writer(handle)
    writer.writerow([safe_csv_cell(str(cell)) for cell in header])
    count = 0
    for row in rows:
        writer.writerow([safe_csv_cell("" if cell is None else str(cell)) for cell in row])
        count += 1
    return count


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a UTF-8 CSV with a BOM (what Excel reads without asking), atomically; returns the row count."""
    try:
        with atomic_output(path) as raw:
            handle = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            count = write_rows(handle, header, rows)
            # The wrapper must not close the file: atomic_output syncs and renames it.
            handle.flush()
            handle.detach()
    except OSError as error:
        raise InputError(
            translate("CsvOut", "Cannot write {path}: {reason}").format(
                path=path, reason=error.strerror or error
            ),
            file=str(path),
        ) from error
    return count
