"""Numbers, sizes, dates and durations written the way the user's language writes them (4,9 KB)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

UNITS = ("bytes", "KB", "MB", "GB", "TB")


def size(count: int) -> str:
    """A byte count as Windows and Outlook write it, in the user's language: ``4.9 KB``, ``4,9 KB``."""
    value, unit = float(count), 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value, unit = value / 1024, unit + 1
    if unit == 0:
        return f"{QLocale().toString(count)} {UNITS[0]}"
    return f"{QLocale().toString(value, 'f', 1)} {UNITS[unit]}"


def number(value: int) -> str:
    """An integer with the language's digit grouping: ``100,000``, ``100.000``."""
    return QLocale().toString(value)


def when(moment: datetime) -> str:
    """A date and time in the language's short format."""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def duration(span: timedelta) -> str:
    """A duration as people say it: ``3 h 20 min``, ``45 s``."""
    seconds = max(int(span.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return QCoreApplication.translate("Duration", "{hours} h {minutes} min").format(
            hours=number(hours), minutes=minutes
        )
    if minutes:
        return QCoreApplication.translate("Duration", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=seconds
        )
    return QCoreApplication.translate("Duration", "{seconds} s").format(seconds=seconds)
