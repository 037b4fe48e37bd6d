"""Reading recipient sheets from Excel ``.xlsx`` files, streamed, with cells as the user sees them.

openpyxl reads the file with ``read_only=True`` (streaming) and ``data_only=True`` (a formula's
last calculated value, never the formula). Numbers, dates and times become the text Excel shows
for the cell's number format, through ``excelformat``; text cells stay as they are, leading zeros
included. The first non-empty row is the header row. openpyxl's errors are translated into
``RecipientFileError`` here and nowhere else.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate, user_language

Row = tuple[int, tuple[str, ...]]

# What a damaged or foreign file makes openpyxl raise while opening or streaming it.
_READ_ERRORS = (
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    SyntaxError,
)


@dataclass
class XlsxSheet:
    """An open worksheet: its title, header, where the table starts, and an iterator of ``(row, cells)``."""

    title: str
    header: tuple[str, ...]
    header_row: int
    first_column: int
    rows: Iterator[Row]

    def column_label(self, index: int) -> str:
        """The column letter the user sees for the header's 0-based ``index`` (``C``)."""
        return get_column_letter(self.first_column + index)


def _error(path: Path, text: str, **values: object) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, **values), file=str(path))


def _not_readable(path: Path) -> RecipientFileError:
    return _error(
        path,
        translate(
            "XlsxFile",
            "{file} cannot be read as an Excel workbook (.xlsx): it is damaged or in another format. "
            "Open it in Excel and save it again as .xlsx, or export the recipients as CSV.",
        ),
    )


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    # Excel files often carry features openpyxl skips with a UserWarning (data validation,
    # conditional formats); they do not change cell values, so the user need not hear of them.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except OSError as error:
            text = translate("XlsxFile", "Cannot open {path}: {reason}")
            reason = error.strerror or error
            raise RecipientFileError(text.format(path=path, reason=reason), file=str(path)) from error
        except _READ_ERRORS as error:
            raise _not_readable(path) from error
        try:
            yield book
        finally:
            book.close()


def sheet_names(path: Path) -> list[str]:
    """The worksheet names of the workbook at ``path``, in order (chart sheets left out)."""
    with _workbook(path) as book:
        return [sheet.title for sheet in book.worksheets]


@contextmanager
def open_xlsx(path: Path, sheet: str | None = None, language: str | None = None) -> Iterator[XlsxSheet]:
    """Open one worksheet (the first when ``sheet`` is ``None``) and stream its rows as text.

    ``language`` (``en``, ``de`` or ``es``; default the app's) decides the decimal separator and
    month names. Raises ``RecipientFileError`` for a damaged file, a missing sheet or an empty one.
    """
    language = language or user_language()
    with _workbook(path) as book:
        names = [each.title for each in book.worksheets]
        if not names:
            raise _error(path, translate("XlsxFile", "{file} has no worksheet."))
        if sheet is not None and sheet not in names:
            raise _error(
                path,
                translate("XlsxFile", "{file} has no sheet named {sheet!r}. Its sheets are: {sheets}."),
                sheet=sheet,
                sheets=", ".join(names),
            )
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        # Some writers store wrong dimensions; without them openpyxl reads every row there is.
        worksheet.reset_dimensions()
        lines = _lines(path, worksheet, language)
        number, cells = next(((n, c) for n, c in lines if any(c)), (0, ()))
        if not cells:
            raise _error(
                path,
                translate(
                    "XlsxFile",
                    "The sheet {sheet!r} of {file} is empty: it has no header row and no recipients.",
                ),
                sheet=worksheet.title,
            )
        offset = next(index for index, cell in enumerate(cells) if cell)
        header = cells[offset:]
        yield XlsxSheet(worksheet.title, header, number, offset + 1, _rows(lines, offset, len(header)))


def _lines(path: Path, worksheet: Any, language: str) -> Iterator[Row]:
    """Every row of the sheet as text, numbered from 1, translating openpyxl's parse errors."""
    number = 0
    try:
        for cells in worksheet.iter_rows():
            number += 1
            texts: list[str] = []
            for cell in cells:
                value = cell.value
                # Looking up a cell's number format is not free; text and blank cells do not need it.
                if value is None or isinstance(value, str):
                    texts.append(value or "")
                else:
                    texts.append(_shown(value, cell.number_format, language))
            yield number, tuple(texts)
    except _READ_ERRORS as error:
        raise _error(
            path,
            translate(
                "XlsxFile", "{file}: row {row} of the sheet {sheet!r} cannot be read; the file is damaged."
            ),
            row=number + 1,
            sheet=worksheet.title,
        ) from error


def _rows(lines: Iterator[Row], offset: int, width: int) -> Iterator[Row]:
    """The rows below the header, cut to start at the header's first column (cells left of the
    table are not part of it), short rows padded: Excel does not store empty trailing cells."""
    for number, cells in lines:
        values = cells[offset:]
        if len(values) < width:
            values += ("",) * (width - len(values))
        yield number, values


# Excel shows these built-in formats in the computer's own short date style; we show ISO dates.
_LOCALE_DATE_FORMATS = {"mm-dd-yy": "yyyy-mm-dd", "m/d/yy h:mm": "yyyy-mm-dd hh:mm", "m/d/yy": "yyyy-mm-dd"}
_SEPARATORS = {"en": (".", ","), "de": (",", "."), "es": (",", ".")}
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
_DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
}
_LCID_LANGUAGE = {0x09: "en", 0x07: "de", 0x0A: "es"}
_DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|AM/PM|am/pm|A/P|a/p|y+|m+|d+|h+|s+|\.0+|[eE]+|.', re.IGNORECASE
)
_NUMBER_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|.')
_EXCEL_EPOCH = datetime(1899, 12, 30)
Formatter = Callable[[Any, str], str]


def cell_text(value: object, number_format: str, language: str = "en") -> str:
    """The text Excel shows for a cell ``value`` with ``number_format``, in ``language`` (en, de, es)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return _shown(value, number_format, language)


# Dates and amounts repeat down a column (an event date, a price), so one formatting serves many rows.
@lru_cache(maxsize=8192, typed=True)
def _shown(value: object, number_format: str, language: str) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date | time | timedelta):
        return _date_formatter(number_format)(value, language)
    if isinstance(value, int | float):
        return _number_formatter(number_format)(value, language)
    return str(value)


def _general(value: float, language: str) -> str:
    """Excel's General format: up to 15 significant digits, never an exponent, no ``.0``."""
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(format(value, ".15g")), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", _decimal_separator(language))


def _sections(code: str) -> list[str]:
    sections, current = [], ""
    for part in _NUMBER_TOKEN.findall(code):
        if part == ";":
            sections.append(current)
            current = ""
        else:
            current += part
    return [*sections, current]


def _literal(token: str) -> str:
    """What a format token that is not a placeholder shows: quoted text, escaped chars, currency."""
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith(("_", "*")):
        return ""  # padding to align columns, invisible in a letter
    if token.startswith("[$"):
        return token[2:-1].split("-")[0]
    if token.startswith("["):
        return ""  # a colour or a condition
    return token


@lru_cache(maxsize=256)
def _number_formatter(code: str) -> Formatter:
    """A function that shows a number as ``code`` says; ``General`` for codes we do not model."""
    if code in {"General", "@", ""} or "/" in code or "?" in code:
        return _general  # fractions and aligned digits do not matter in a letter
    sections = _sections(code)
    if "E+" in code.upper() or "E-" in code.upper():
        digits = sections[0].upper().partition("E")[0].partition(".")[2]
        places = digits.count("0") + digits.count("#")
        return lambda value, language: f"{value:.{places}E}".replace(".", _decimal_separator(language))
    positive, *others = [_compile_section(section) for section in sections[:3]]
    negative = others[0] if others and sections[1] else None
    zero = others[1] if len(others) > 1 else None

    def show(value: Any, language: str) -> str:
        if value == 0 and zero is not None:
            return zero(0, language)
        if value < 0 and negative is not None:
            return negative(-value, language)
        text = positive(abs(value), language)
        return "-" + text if value < 0 and any(char in "123456789" for char in text) else text

    return show


def _decimal_separator(language: str) -> str:
    return _SEPARATORS.get(language, _SEPARATORS["en"])[0]


def _compile_section(section: str) -> Formatter:
    """One section of a number format: placeholders with text around them, or text alone."""
    if section.strip() in {"General", ""}:
        return _general
    tokens = _NUMBER_TOKEN.findall(section)
    places = [index for index, token in enumerate(tokens) if token in {"0", "#"}]
    if not places:
        text = "".join(_literal(token) for token in tokens)
        return lambda value, language: text
    first, last = places[0], places[-1]
    pattern = "".join(tokens[first : last + 1])
    prefix = "".join(_literal(token) for token in tokens[:first])
    suffix = "".join(_literal(token) for token in tokens[last + 1 :])
    percent = "%" in prefix + suffix
    whole, _, fraction = pattern.partition(".")
    min_int = whole.count("0")
    max_dec = fraction.count("0") + fraction.count("#")
    min_dec = fraction.count("0")
    grouping = "," in whole

    def show(value: Any, language: str) -> str:
        decimal_sep, group_sep = _SEPARATORS.get(language, _SEPARATORS["en"])
        number = Decimal(repr(value)) * (100 if percent else 1)
        digits = format(number.quantize(Decimal(1).scaleb(-max_dec), rounding=ROUND_HALF_UP), "f")
        integer, _, decimals = digits.partition(".")
        while len(decimals) > min_dec and decimals.endswith("0"):
            decimals = decimals[:-1]
        integer = integer.lstrip("0").rjust(min_int, "0")
        if grouping:
            integer = f"{int(integer or 0):,}".replace(",", group_sep) if integer else integer
        return prefix + integer + (decimal_sep + decimals if decimals else "") + suffix

    return show


@lru_cache(maxsize=256)
def _date_formatter(code: str) -> Formatter:
    """A function that shows a date, time or duration as ``code`` says (ISO for the locale default)."""
    section = _sections(_LOCALE_DATE_FORMATS.get(code, code))[0]
    if section in {"General", ""}:
        section = "yyyy-mm-dd hh:mm:ss"
    tokens = _DATE_TOKEN.findall(section)
    twelve_hours = any(token.upper() in {"AM/PM", "A/P"} for token in tokens)
    language_id = next((t for t in tokens if t.startswith("[$") and "-" in t), "")
    forced = (
        _LCID_LANGUAGE.get(int(language_id[2:-1].split("-")[1] or "0", 16) & 0x3FF) if language_id else None
    )
    kinds = [token[0].lower() if token[0].lower() in "ymdhs" else "" for token in tokens]
    for index, kind in enumerate(kinds):
        # "m" means minutes right after an hour or right before seconds, as in Excel.
        previous = next((k for k in reversed(kinds[:index]) if k), "")
        following = next((k for k in kinds[index + 1 :] if k), "")
        if kind == "m" and len(tokens[index]) <= 2 and (previous == "h" or following == "s"):
            kinds[index] = "M"

    def show(value: Any, language: str) -> str:
        moment, elapsed = _as_datetime(value)
        return "".join(
            _date_part(token, kind, moment, elapsed, twelve_hours, forced or language)
            for token, kind in zip(tokens, kinds, strict=True)
        )

    return show


def _as_datetime(value: Any) -> tuple[datetime, timedelta]:
    if isinstance(value, timedelta):
        return _EXCEL_EPOCH + value, value
    if isinstance(value, datetime):
        return value, value - _EXCEL_EPOCH
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), timedelta(0)
    moment = datetime.combine(_EXCEL_EPOCH.date(), value)
    return moment, moment - _EXCEL_EPOCH


def _date_part(
    token: str, kind: str, moment: datetime, elapsed: timedelta, twelve: bool, language: str
) -> str:
    size = len(token)
    if kind == "y":
        return f"{moment.year:04d}" if size > 2 else f"{moment.year % 100:02d}"
    if kind == "m":
        month_name = _MONTHS.get(language, _MONTHS["en"]).split()[moment.month - 1]
        return {1: str(moment.month), 2: f"{moment.month:02d}", 3: month_name[:3]}.get(size, month_name)
    if kind == "d":
        day_name = _DAYS.get(language, _DAYS["en"]).split()[moment.weekday()]
        return {1: str(moment.day), 2: f"{moment.day:02d}", 3: day_name[:3]}.get(size, day_name)
    if kind == "h":
        hour = (moment.hour % 12 or 12) if twelve else moment.hour
        return str(hour).rjust(size, "0")
    if kind == "M":
        return f"{moment.minute:02d}" if size == 2 else str(moment.minute)
    if kind == "s":
        return f"{moment.second:02d}" if size == 2 else str(moment.second)
    upper = token.upper()
    if upper in {"AM/PM", "A/P"}:
        text = "AM" if moment.hour < 12 else "PM"
        return text if upper == "AM/PM" else text[0]
    if upper.startswith("[") and upper.strip("[]") and set(upper.strip("[]")) <= set("HMS"):
        seconds = int(elapsed.total_seconds())
        unit = {"h": 3600, "m": 60, "s": 1}[upper[1].lower()]
        return str(seconds // unit).rjust(len(upper) - 2, "0")
    if token.startswith(".0"):
        return (decimal := f"{moment.microsecond / 1_000_000:.{size - 1}f}")[decimal.index(".") :]
    return _literal(token)
