"""CSV files we write for the user to open in Excel, with no cell that Excel would run as a formula."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from securemailmerge.errors import InputError
from securemailmerge.i18n import translate

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


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a UTF-8 CSV with a BOM (what Excel reads without asking); returns the number of rows."""
    count = 0
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([safe_csv_cell(str(cell)) for cell in header])
            for row in rows:
                writer.writerow([safe_csv_cell("" if cell is None else str(cell)) for cell in row])
                count += 1
    except OSError as error:
        raise InputError(
            translate("CsvOut", "Cannot write {path}: {reason}").format(
                path=path, reason=error.strerror or error
            ),
            file=str(path),
        ) from error
    return count
