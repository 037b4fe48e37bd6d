"""A column of cells shown as Excel shows them, all cells of one number format at once.

``excelformat.value_formatter`` shows one value; a sheet of a hundred thousand rows would call it a
hundred thousand times per column. Here a column's numbers are formatted by ``format`` and ``repr``
mapped in C, their separators and the format's text put in place on the column joined into one
text, and a column's dates shown once per distinct date. What these shortcuts cannot show exactly
(a negative amount, a number near a half, a long number in General) is shown by ``value_formatter``
itself, so the column reads as its cells would one by one (a test holds the two equal).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import repeat
from operator import methodcaller, mod, mul, sub
from typing import Any

from securemailmerge.recipients.excelformat import (
    FIXED_LIMIT,
    NEAR_HALF,
    is_date_code,
    separators,
    strftime_pattern,
    value_formatter,
)
from securemailmerge.recipients.formatcodes import Layout, layout, sections

Texts = Sequence[str]
_NUMBERS = frozenset({float, int})
_DATES = frozenset({date, datetime, time, timedelta})
_CALENDAR = frozenset({date, datetime})
# General shows the shortest form of a float as it is when it has at most 15 digits: a form of at
# most 16 characters (one of them the point) has.
_GENERAL_CHARACTERS = 16
_DATES_KEPT = 65536


@lru_cache(maxsize=256)
def column_formatter(code: str, language: str) -> Callable[[Sequence[object]], Texts]:
    """A function that shows a column's cells as ``code`` shows each of them in ``language``
    (text cells stay as they are)."""
    one = value_formatter(code, language)
    numbers = _numbers_formatter(code, language, one)
    dates: dict[object, str] = {}
    serials = is_date_code(code)
    # A column of dates (or of dates with times) in a format of digits is shown in C (_calendar_texts).
    pattern = strftime_pattern(code)

    def values_text(values: list[object], kinds: set[type]) -> Texts:
        if kinds <= _NUMBERS and not serials:
            shown = numbers(values)
            if shown is not None:
                return shown
        elif kinds <= _DATES or kinds <= _NUMBERS:
            # Dates repeat down a column (an event, a birthday year): each distinct date is shown
            # once, and kept for the blocks below. So are the day numbers that a date format shows
            # as dates (equal numbers are the same day, whatever their type).
            if len(dates) > _DATES_KEPT:
                dates.clear()
            new: list[Any] = list(set(values).difference(dates))
            if (
                pattern is not None
                and new
                and len(kinds) == 1
                and kinds <= _CALENDAR
                and min(new).year >= 1000
            ):
                dates.update(zip(new, _calendar_texts(new, pattern, kinds), strict=True))
            else:
                dates.update({value: one(value) for value in new})
            return list(map(dates.__getitem__, values))
        return list(map(one, values))

    def show(cells: Sequence[object]) -> Texts:
        kinds = set(map(type, cells))
        if kinds == {str}:
            return cells  # type: ignore[return-value]  # every cell is a str
        if str not in kinds:
            return values_text(list(cells), kinds)
        places = [index for index, value in enumerate(cells) if value.__class__ is not str]
        texts: list[object] = list(cells)
        shown = values_text([cells[index] for index in places], kinds - {str})
        for index, text in zip(places, shown, strict=True):
            texts[index] = text
        return texts  # type: ignore[return-value]  # every cell is now a str

    return show


# A date's or a date and time's ISO form, and the directives of a strftime pattern as its groups.
_ISO = re.compile(r"([0-9]{2}([0-9]{2}))-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2}))?")
_ISO_GROUPS = {"%Y": 1, "%y": 2, "%m": 3, "%d": 4, "%H": 5, "%M": 6, "%S": 7}


def _calendar_texts(values: list[Any], pattern: str, kinds: set[type]) -> Sequence[str]:
    """Dates, or dates with times, of years from 1000 on (all of one of the two types) shown as
    ``strftime(pattern)`` shows each: their ISO forms, made in C, are rearranged in one substitution."""
    pieces = re.split(r"(%.)", pattern)
    groups = [_ISO_GROUPS.get(piece, 0) for piece in pieces[1::2]]
    # A %% or a directive beyond these, a line feed, or a time of a date alone: strftime itself.
    if 0 in groups or "\n" in pattern or (kinds == {date} and max(groups, default=0) > 4):
        return list(map(methodcaller("strftime", pattern), values))
    template = "".join(
        f"\\g<{_ISO_GROUPS[piece]}>" if index % 2 else piece.replace("\\", "\\\\")
        for index, piece in enumerate(pieces)
    )
    iso = methodcaller("isoformat") if kinds == {date} else methodcaller("isoformat", timespec="seconds")
    return _ISO.sub(template, "\n".join(map(iso, values))).split("\n")


def _numbers_formatter(
    code: str, language: str, one: Callable[[object], str]
) -> Callable[[list[object]], Texts | None]:
    """Numbers shown all at once when ``code`` is General or a plain fixed-point format; ``None``
    for a list it cannot show exactly so (the caller shows it cell by cell)."""
    decimal, group = separators(language)
    if code in {"General", "@", ""}:
        return lambda values: _general(values, decimal)
    if is_date_code(code) or "/" in code or "?" in code or "E+" in code.upper() or "E-" in code.upper():
        return lambda values: None
    positive = layout(sections(code)[0])
    if (
        not isinstance(positive, Layout)
        or not positive.direct
        or positive.max_dec != positive.min_dec
        or "\n" in positive.prefix + positive.suffix
    ):
        return lambda values: None
    return lambda values: _fixed(values, positive, decimal, group, one)


def _general(values: list[object], decimal: str) -> Texts | None:
    """Excel's General for numbers whose shortest form is already what Excel shows."""
    texts = list(map(repr, values))
    joined = "\n".join(texts)
    if "e" in joined or "n" in joined or max(map(len, texts)) > _GENERAL_CHARACTERS:
        return None
    joined = (joined + "\n").replace(".0\n", "\n")[:-1]
    if decimal != ".":
        joined = joined.replace(".", decimal)
    return joined.split("\n")


def _fixed(
    values: list[object], positive: Layout, decimal: str, group: str, one: Callable[[object], str]
) -> Texts | None:
    """Positive numbers in a fixed-point format; one near a half is rounded as Excel rounds it."""
    numbers: list[float] = values  # type: ignore[assignment]  # the caller gives only numbers
    if min(numbers) <= 0:
        return None  # a negative or a zero section may show it
    scaled = list(map(mul, numbers, repeat(10**positive.max_dec)))
    if max(scaled) >= FIXED_LIMIT:
        return None
    halves = list(map(NEAR_HALF.__ge__, map(abs, map(sub, map(mod, scaled, repeat(1.0)), repeat(0.5)))))
    joined = "\n".join(map(format, numbers, repeat(positive.fixed)))
    if decimal != ".":
        joined = joined.replace(".", decimal)
    joined = joined.replace("_", group)
    if positive.prefix or positive.suffix:
        around = f"{positive.suffix}\n{positive.prefix}"
        joined = positive.prefix + joined.replace("\n", around) + positive.suffix
    texts = joined.split("\n")
    if True in halves:
        for index, half in enumerate(halves):
            if half:
                texts[index] = one(numbers[index])
    return texts
