"""Numbers, sizes, dates and durations written the way the user's language writes them (4,9 KB).

The one formatter of the app: the window and the command line both write through it, so a size
reads ``4,9 KB`` in German in either. The conventions are those Qt's locales (CLDR) use for the
three languages the app speaks; the language is the one ``i18n`` was set to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from securemailmerge.i18n import current_language, translate

UNITS = ("KB", "MB", "GB", "TB")


@dataclass(frozen=True)
class _Conventions:
    group: str
    decimal: str
    min_grouping: int  # digits a number needs before the first group separator (CLDR's minimumGroupingDigits)
    date_time: str  # strftime pattern, with {hour12} and {ampm} for English's 12-hour clock


_CONVENTIONS = {
    "en": _Conventions(",", ".", 1, "{month}/{day}/%y {hour12}:%M\u202f{ampm}"),
    "de": _Conventions(".", ",", 1, "%d.%m.%y %H:%M"),
    # Spanish groups only from five digits: 1000, but 10.000.
    "es": _Conventions(".", ",", 2, "{day}/{month}/%y {hour}:%M"),
}


def _conventions() -> _Conventions:
    return _CONVENTIONS.get(current_language(), _CONVENTIONS["en"])


def _grouped(digits: str, conventions: _Conventions) -> str:
    if len(digits) < 3 + conventions.min_grouping:
        return digits
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return conventions.group.join(groups)


def number(value: int) -> str:
    """An integer with the language's digit grouping: ``100,000``, ``100.000``."""
    sign = "-" if value < 0 else ""
    return sign + _grouped(str(abs(value)), _conventions())


def decimal(value: float, places: int = 1) -> str:
    """A number with ``places`` decimals in the language's way: ``1,024.5``, ``1.024,5``."""
    conventions = _conventions()
    text = f"{abs(value):.{places}f}"
    whole, _dot, fraction = text.partition(".")
    sign = "-" if value < 0 and float(text) != 0 else ""
    return sign + _grouped(whole, conventions) + (conventions.decimal + fraction if fraction else "")


def size(count: int) -> str:
    """A byte count as Windows and Outlook write it, in the user's language: ``4.9 KB``, ``4,9 KB``."""
    if count < 1024:
        return translate("Formatting", "{count} bytes").format(count=number(count))
    value, unit = count / 1024, 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value, unit = value / 1024, unit + 1
    return f"{decimal(value)} {UNITS[unit]}"


def _local(moment: datetime) -> datetime:
    return moment.astimezone()


def when(moment: datetime) -> str:
    """A date and time, local, in the language's short format: ``12/1/25 2:40 PM``, ``01.12.25 14:40``."""
    local = _local(moment)
    pattern = _conventions().date_time.format(
        month=local.month,
        day=local.day,
        hour=local.hour,
        hour12=local.hour % 12 or 12,
        ampm="AM" if local.hour < 12 else "PM",
    )
    return local.strftime(pattern)


def duration(span: timedelta) -> str:
    """A duration as people say it: ``3 h 20 min``, ``45 s``."""
    seconds = max(int(span.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return translate("Duration", "{hours} h {minutes} min").format(hours=number(hours), minutes=minutes)
    if minutes:
        return translate("Duration", "{minutes} min {seconds} s").format(minutes=minutes, seconds=seconds)
    return translate("Duration", "{seconds} s").format(seconds=seconds)
