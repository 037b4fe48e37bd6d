"""The app's own preferences, declared once with their defaults, kept in a file in the data folder.

Modelled on Picard's typed options over QSettings: each option names its key and default, and
reading converts to the default's type, so a setting written by an older version never crashes.
A value is written on a thread of its own (``ui.settingswriter``): QSettings saves through a file
it flushes to disk, which held the window 10-35 ms for each value stored; until it is written, a
read takes the value from the writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from securemailmerge.paths import data_dir
from ui.settingswriter import WRITER

T = TypeVar("T")

RECENT_LIMIT = 8


def settings_file() -> str:
    """The settings file; in the data folder so tests and portable installs keep their own."""
    return str(data_dir() / "settings.ini")


def _value(key: str, default: object = None) -> Any:
    """The value stored under ``key``: the one being written if any, else the file's."""
    path = settings_file()
    found, value = WRITER.pending(path, key)
    return value if found else QSettings(path, QSettings.Format.IniFormat).value(key, default)


def _set(key: str, value: object) -> None:
    WRITER.write(settings_file(), key, value)


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: its key and the default that also fixes its type."""

    key: str
    default: T

    def get(self) -> T:
        """The stored value, or the default when none (or an unreadable one) is stored."""
        value: Any = _value(self.key, self.default)
        if isinstance(self.default, bool):
            result: Any = value if isinstance(value, bool) else str(value).lower() in {"true", "1"}
            return cast(T, result)
        try:
            kind: Any = type(self.default)
            return cast(T, kind(value))
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T) -> None:
        """Store ``value``."""
        _set(self.key, value)


LANGUAGE = Option("general/language", "")  # empty: follow the system
MESSAGES_PER_MINUTE = Option("sending/messages_per_minute", 30)
DAILY_CAP = Option("sending/daily_cap", 2000)
WINDOW_START = Option("sending/window_start", "")
WINDOW_END = Option("sending/window_end", "")
TENANT_CONFIG = Option("tenant/config_file", "")
SENDER = Option("account/send_from", "")


def recent(kind: str) -> list[str]:
    """The most recently used entries of ``kind`` (mailboxes, files), newest first."""
    value = _value(f"recent/{kind}", [])
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value] if isinstance(value, list) else []


def remember(kind: str, entry: str) -> list[str]:
    """Put ``entry`` first in the recent list of ``kind`` and return the new list."""
    entries = [entry, *(item for item in recent(kind) if item.casefold() != entry.casefold())]
    entries = entries[:RECENT_LIMIT]
    _set(f"recent/{kind}", entries)
    return entries


def forget(kind: str, entry: str | None = None) -> list[str]:
    """Remove ``entry`` (or, with None, every entry) from the recent list of ``kind``."""
    entries = [] if entry is None else [item for item in recent(kind) if item.casefold() != entry.casefold()]
    _set(f"recent/{kind}", entries)
    return entries


def window_state(name: str) -> QByteArray | None:
    """A saved geometry or state blob, or None when there is none yet."""
    value = _value(f"window/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_window_state(name: str, value: QByteArray) -> None:
    """Keep a geometry or state blob for the next start."""
    _set(f"window/{name}", value)
