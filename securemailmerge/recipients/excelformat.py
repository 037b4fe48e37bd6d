"""Showing numbers, dates and times as Excel shows them, for a cell's number format and a language.

A letter should say ``12.500,50 €`` where the sheet shows it, not ``12500.5``: a number format code
(``#,##0.00 [$€-407]``, ``dd.mm.yyyy``) is compiled once into a function, and the language (``en``,
``de``, ``es``) gives the decimal and group separators, the month and day names, and the short
date of Excel's built-in date formats, which follow the computer's regional settings.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from securemailmerge.recipients.formatcodes import layout, literal, sections

# Excel shows these built-in formats in the computer's own short date style; we show ISO dates.
_LOCALE_DATE_FORMATS = {"mm-dd-yy": "yyyy-mm-dd", "m/d/yy h:mm": "yyyy-mm-dd hh:mm", "m/d/yy": "yyyy-mm-dd"}
_SEPARATORS = {"en": (".", ","), "de": (",", "."), "es": (",", ".")}
_DECIMAL_SEPARATORS = {language: pair[0] for language, pair in _SEPARATORS.items()}
_BOOLEANS = {"en": ("TRUE", "FALSE"), "de": ("WAHR", "FALSCH"), "es": ("VERDADERO", "FALSO")}
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
# German short day names have two letters (Excel and LibreOffice show "Di", not "Die").
_SHORT_DAYS = {"de": "Mo Di Mi Do Fr Sa So"}
_LCID_LANGUAGE = {0x09: "en", 0x07: "de", 0x0A: "es"}
_DATE_TOKEN = re.compile(
    r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|AM/PM|am/pm|A/P|a/p|y+|m+|d+|h+|s+|\.0+|[eE]+|.', re.IGNORECASE
)
_EXCEL_EPOCH = datetime(1899, 12, 30)
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.IGNORECASE)
_LAST_SERIAL = 2_958_466  # 1 January 10000
# What is not a date letter in a format code: quoted text, escaped and padding characters,
# colours, conditions and currencies ([h], [mm] and [ss] are elapsed time and stay).
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
Formatter = Callable[[Any, str], str]
_DATES_KEPT = 65536


def cell_text(value: object, number_format: str, language: str = "en") -> str:
    """The text Excel shows for a cell ``value`` with ``number_format``, in ``language`` (en, de, es)."""
    if isinstance(value, str):
        return value
    return value_formatter(number_format, language)(value)


@lru_cache(maxsize=1024)
def value_formatter(number_format: str, language: str) -> Callable[[object], str]:
    """A function that shows a number, date, time, duration or truth value as ``number_format`` says.

    A sheet calls it once per cell: the format is compiled once, and the type of each value decides
    between its number and date forms. Dates repeat down a column (an event date, a birthday
    year), so each date's text is kept for the next row that has it.
    """
    true, false = _BOOLEANS.get(language, _BOOLEANS["en"])
    dates: dict[object, str] = {}
    # Each form is compiled when a value first needs it: a date format may mean nothing as a number.
    number: Formatter | None = None
    moment: Formatter | None = None

    def show(value: object) -> str:
        nonlocal number, moment
        kind = value.__class__
        if kind is float or kind is int:
            number = number or _number_formatter(number_format)
            return number(value, language)
        if kind is date or kind is datetime or kind is time or kind is timedelta:
            text = dates.get(value)
            if text is None:
                moment = moment or _date_formatter(number_format)
                text = dates[value] = moment(value, language)
                if len(dates) > _DATES_KEPT:
                    dates.clear()
            return text
        if kind is bool:
            return true if value else false
        return "" if value is None else str(value)

    return show


def _general(value: float, language: str) -> str:
    """Excel's General format: up to 15 significant digits, never an exponent, no ``.0``."""
    if value.__class__ is int:
        return str(value)
    text = repr(value)
    separator = _DECIMAL_SEPARATORS.get(language, ".")
    # The shortest exact form is what Excel shows when it has at most 15 digits and no exponent (a
    # form of at most 16 characters, one of them the point, has at most 15 digits).
    if (
        "e" not in text
        and "n" not in text
        and (len(text) <= 16 or len(text.lstrip("-").replace(".", "").lstrip("0")) <= 15)
    ):
        text = text.removesuffix(".0")
        return text.replace(".", separator) if separator != "." else text
    text = format(Decimal(format(value, ".15g")), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", separator)


@lru_cache(maxsize=256)
def _number_formatter(code: str) -> Formatter:
    """A function that shows a number as ``code`` says; ``General`` for codes we do not model."""
    if is_date_code(code):
        return _serial_formatter(code)
    if code in {"General", "@", ""} or "/" in code or "?" in code:
        return _general  # fractions and aligned digits do not matter in a letter
    parts = sections(code)
    if "E+" in code.upper() or "E-" in code.upper():
        digits = parts[0].upper().partition("E")[0].partition(".")[2]
        places = digits.count("0") + digits.count("#")
        return lambda value, language: f"{value:.{places}E}".replace(".", separators(language)[0])
    positive, *others = [_compile_section(section) for section in parts[:3]]
    negative = others[0] if others and parts[1] else None
    zero = others[1] if len(others) > 1 else None

    def show(value: Any, language: str) -> str:
        if value > 0:
            return positive(value, language)
        if value == 0:
            return (positive if zero is None else zero)(0, language)
        if negative is not None:
            return negative(-value, language)
        text = positive(-value, language)
        return "-" + text if any(char in "123456789" for char in text) else text

    return show


def is_date_code(code: str) -> bool:
    """Whether ``code`` shows a date, a time or a duration (a letter of one outside quotes and brackets)."""
    if code in {"General", "@", ""}:
        return False
    return any(letter in "dmyhsDMYHS" for letter in _NOT_DATE_PARTS.sub("", code))


def _serial_formatter(code: str) -> Formatter:
    """A date or time format for a number: Excel keeps a date as days since 30 December 1899,
    and a reader that did not see the format (an ``.xlsb``'s whole days, an ``.ods`` number
    styled as a time) gives that number."""
    moment = _date_formatter(code)

    def show(value: Any, language: str) -> str:
        if not 0 <= value < _LAST_SERIAL:
            return _general(value, language)  # Excel shows ##### for a date it cannot show
        # To the millisecond: 9:30 is kept as 0.395833..., a hair below it.
        return moment(_EXCEL_EPOCH + timedelta(milliseconds=round(value * 86_400_000)), language)

    return show


def _compile_section(section: str) -> Formatter:
    """One section of a number format: placeholders with text around them, or text alone."""
    parts = layout(section)
    if parts is None:
        return _general
    if isinstance(parts, str):
        return lambda value, language: parts
    prefix, suffix, percent, min_int = parts.prefix, parts.suffix, parts.percent, parts.min_int
    max_dec, min_dec, grouping = parts.max_dec, parts.min_dec, parts.grouping
    # Python's own fixed-point formatting gives the text of most numbers without a Decimal,
    # grouping with "_" and a point; the language's separators replace them last.
    fixed, direct = parts.fixed, parts.direct
    scale = 10**max_dec

    def show(value: Any, language: str) -> str:
        scaled = value * scale
        if direct and scaled < FIXED_LIMIT and abs(scaled % 1.0 - 0.5) > NEAR_HALF:
            text = format(value, fixed)
        else:
            text = _decimal_text(value, percent, max_dec, min_int, grouping)
        if max_dec > min_dec:
            integer, _, decimals = text.partition(".")
            decimals = decimals[:min_dec] + decimals[min_dec:].rstrip("0")
            text = integer + "." + decimals if decimals else integer
        decimal_sep, group_sep = separators(language)
        if decimal_sep != ".":
            text = text.replace(".", decimal_sep)
        return prefix + text.replace("_", group_sep) + suffix

    return show


def separators(language: str) -> tuple[str, str]:
    """The decimal and the group separator of ``language``."""
    return _SEPARATORS.get(language, _SEPARATORS["en"])


# Formatting rounds the binary number, Excel the shortest decimal form of it (``2.675`` is
# ``2.67499...`` in binary, and Excel shows 2.68): the two differ only on a half, and a number
# whose scaled value is near a half takes the Decimal way. Below the limit the binary error of the
# scaled value stays far below that margin.
FIXED_LIMIT = 2.0**40
NEAR_HALF = 1e-3


def _decimal_text(value: Any, percent: bool, places: int, min_int: int, grouping: bool) -> str:
    """``value`` rounded half up on its shortest decimal form, grouped with "_" and a point."""
    number = Decimal(repr(value)) * (100 if percent else 1)
    digits = format(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    integer, _, decimals = digits.partition(".")
    integer = integer.lstrip("0").rjust(min_int, "0")
    if grouping and integer:
        integer = f"{int(integer):_}"
    return integer + "." + decimals if decimals else integer


@lru_cache(maxsize=256)
def _date_tokens(code: str) -> tuple[list[str], list[str], bool, str | None]:
    """The tokens of the date format ``code``, the kind of each (``y``, ``m``, ``d``, ``h``, ``M``
    for minutes, ``s``, or none for text), whether it counts hours to twelve, and the language its
    locale prefix forces."""
    section = sections(_LOCALE_DATE_FORMATS.get(code, code))[0]
    if section in {"General", ""}:
        section = "yyyy-mm-dd hh:mm:ss"
    tokens = _DATE_TOKEN.findall(section)
    twelve_hours = any(token.upper() in {"AM/PM", "A/P"} for token in tokens)
    language_id = next((t for t in tokens if t.startswith("[$") and "-" in t), "")
    forced = (
        _LCID_LANGUAGE.get(int(language_id[2:-1].split("-")[1] or "0", 16) & 0x3FF) if language_id else None
    )
    kinds = [token[0].lower() if token[0].lower() in "ymdhs" else "" for token in tokens]
    # Elapsed hours and seconds ([h], [ss]) are neighbours of minutes too.
    near = [
        kind or (token[1].lower() if _ELAPSED.fullmatch(token) else "")
        for token, kind in zip(tokens, kinds, strict=True)
    ]
    for index, kind in enumerate(kinds):
        # "m" means minutes right after an hour or right before seconds, as in Excel.
        previous = next((k for k in reversed(near[:index]) if k), "")
        following = next((k for k in near[index + 1 :] if k), "")
        if kind == "m" and len(tokens[index]) <= 2 and (previous == "h" or following == "s"):
            kinds[index] = "M"

    return tokens, kinds, twelve_hours, forced


@lru_cache(maxsize=256)
def _date_formatter(code: str) -> Formatter:
    """A function that shows a date, time or duration as ``code`` says (ISO for the locale default)."""
    tokens, kinds, twelve_hours, forced = _date_tokens(code)
    template = _numeric_date(tokens, kinds, twelve_hours)
    if template is not None:
        fill = template.format

        def numeric(value: Any, language: str) -> str:
            moment = _as_datetime(value)[0]
            return fill(
                y=moment.year,
                yy=moment.year % 100,
                m=moment.month,
                d=moment.day,
                H=moment.hour,
                M=moment.minute,
                S=moment.second,
            )

        return numeric

    def show(value: Any, language: str) -> str:
        moment, elapsed = _as_datetime(value)
        return "".join(
            _date_part(token, kind, moment, elapsed, twelve_hours, forced or language)
            for token, kind in zip(tokens, kinds, strict=True)
        )

    return show


_NUMERIC_PARTS = {
    ("y", 1): "{yy:02d}",
    ("y", 2): "{yy:02d}",
    ("m", 1): "{m}",
    ("m", 2): "{m:02d}",
    ("d", 1): "{d}",
    ("d", 2): "{d:02d}",
    ("h", 1): "{H}",
    ("h", 2): "{H:02d}",
    ("M", 1): "{M}",
    ("M", 2): "{M:02d}",
    ("s", 1): "{S}",
    ("s", 2): "{S:02d}",
}


def _numeric_date(tokens: list[str], kinds: list[str], twelve_hours: bool) -> str | None:
    """A ``str.format`` template for a format of digits and separators only (``dd.mm.yyyy hh:mm``),
    which shows a date in one call; ``None`` when it needs names, AM/PM or elapsed time."""
    pieces = []
    for token, kind in zip(tokens, kinds, strict=True):
        if kind == "y":
            pieces.append("{y:04d}" if len(token) > 2 else "{yy:02d}")
        elif kind:
            piece = _NUMERIC_PARTS.get((kind, len(token)))
            if piece is None or (kind == "h" and twelve_hours):
                return None
            pieces.append(piece)
        elif token.startswith(("[", ".0")) or token.upper() in {"AM/PM", "A/P"}:
            return None
        else:
            pieces.append(literal(token).replace("{", "{{").replace("}", "}}"))
    return "".join(pieces)


_STRFTIME = {
    "y:04d": "%Y",
    "yy:02d": "%y",
    "m:02d": "%m",
    "d:02d": "%d",
    "H:02d": "%H",
    "M:02d": "%M",
    "S:02d": "%S",
}


@lru_cache(maxsize=256)
def strftime_pattern(code: str) -> str | None:
    """The ``strftime`` pattern that shows a date or a date and time of a year from 1000 on as
    ``code`` does, for a format of zero-padded digits and separators only (``dd.mm.yyyy``);
    ``None`` for any other."""
    tokens, kinds, twelve_hours, _ = _date_tokens(code)
    template = _numeric_date(tokens, kinds, twelve_hours)
    if template is None:
        return None
    pieces = []
    for text, name, spec, _ in string.Formatter().parse(template):
        pieces.append(text.replace("%", "%%"))
        if name is not None:
            directive = _STRFTIME.get(f"{name}:{spec}")
            if directive is None:
                return None  # a day or month without its zero has no portable directive
            pieces.append(directive)
    return "".join(pieces)


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
        short = _SHORT_DAYS[language].split()[moment.weekday()] if language in _SHORT_DAYS else day_name[:3]
        return {1: str(moment.day), 2: f"{moment.day:02d}", 3: short}.get(size, day_name)
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
    return literal(token)
