"""The Network activity table: the network log's entries, and the ones a filter keeps.

Like the recipients table it filters itself: the rows a filter keeps are found on a worker
(``matching`` reads only Python data) and shown at once (``show_only``), so a full log of some
50,000 requests is never tested row by row on the UI thread. Entries are kept as their JSON lines
and parsed when shown: 50,000 strings cost the garbage collector nothing, 50,000 dicts freeze it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex
PARSED_KEPT = 2000  # parsed entries kept for repainting: a few screens full
# What the CSV for IT holds, in this order: the log's own field names, so both exports agree.
CSV_FIELDS = (
    "time",
    "purpose",
    "method",
    "host",
    "path",
    "query",
    "status",
    "duration_ms",
    "request_bytes",
    "response_bytes",
    "request_id",
    "client_request_id",
    "error",
)


def csv_cell(entry: Mapping[str, Any], name: str) -> str:
    """One field of a log entry as a CSV cell (the query's option names joined by spaces)."""
    value = entry.get(name)
    if value is None:
        return ""
    return " ".join(str(item) for item in value) if isinstance(value, list) else str(value)


class NetworkLogModel(QAbstractTableModel):
    """The log's entries, oldest first: time, purpose, method, host, path, status, duration."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[str] = []  # each entry as the log holds it, oldest first
        self.keys: list[str] = []  # each entry's text to filter on, lower-cased once
        self._parsed: dict[int, Mapping[str, Any]] = {}  # the entries shown lately
        self.needle = ""  # the filter in effect ("" shows every request)
        self._shown: list[int] | None = None  # positions the filter keeps (None: all)
        self._headers = (
            self.tr("Time"),
            self.tr("Purpose"),
            self.tr("Method"),
            self.tr("Host"),
            self.tr("Path"),
            self.tr("Status"),
            self.tr("Duration"),
        )
        self._purposes = {
            "sign-in": self.tr("Sign-in"),
            "graph": self.tr("Microsoft Graph"),
            "upload": self.tr("Attachment upload"),
            "license": self.tr("License check"),
        }
        # Translated once here, so a worker computing filter keys never calls into Qt.
        self._refused = self.tr("refused")
        self._failed = self.tr("failed: {error}")

    def key(self, line: str) -> str:
        """What a filter finds an entry by: its JSON line and its purpose and status as shown.

        Reads only Python data, so the worker that reads the log file computes it for each line.
        """
        entry = json.loads(line)
        return f"{line} {self._purposes.get(str(entry.get('purpose')), '')} {self._status(entry)}".casefold()

    def purpose_names(self) -> list[str]:
        """Each purpose as the Purpose column shows it."""
        return list(self._purposes.values())

    def load(self, lines: Sequence[str], keys: Sequence[str]) -> None:
        """Show a whole log at once (one reset, however long), with the filter keys read with it."""
        self.beginResetModel()
        self.lines, self.keys, self._parsed = list(lines), list(keys), {}  # a copy of references only
        self._shown = self._kept(0) if self.needle else None
        self.endResetModel()

    def add(self, lines: Sequence[str]) -> None:
        """Append new requests at the end; those the filter keeps appear at once."""
        first = len(self.lines)
        self.lines.extend(lines)
        self.keys.extend(self.key(line) for line in lines)
        if self._shown is None:
            self.beginInsertRows(QModelIndex(), first, len(self.lines) - 1)
            self.endInsertRows()
            return
        kept = self._kept(first)
        if kept:
            start = len(self._shown)
            self.beginInsertRows(QModelIndex(), start, start + len(kept) - 1)
            self._shown.extend(kept)
            self.endInsertRows()

    def _kept(self, first: int) -> list[int]:
        return [i for i in range(first, len(self.keys)) if self.needle in self.keys[i]]

    @staticmethod
    def matching(keys: Sequence[str], needle: str) -> list[int]:
        """The positions of the keys holding ``needle``; pure Python, for a worker."""
        return [position for position, key in enumerate(keys) if needle in key]

    def show_only(self, needle: str, positions: list[int] | None, upto: int) -> None:
        """Show the requests at ``positions`` (found among the first ``upto``) and any newer matches."""
        self.beginResetModel()
        self.needle = needle
        self._shown = None if positions is None else [*positions, *self._kept(upto)]
        self.endResetModel()

    def total(self) -> int:
        """How many requests the log holds, shown or not."""
        return len(self.lines)

    def entry(self, row: int) -> Mapping[str, Any]:
        """The request shown in ``row``, parsed from its line (the last few hundred are kept)."""
        position = self._shown[row] if self._shown is not None else row
        found = self._parsed.get(position)
        if found is None:
            if len(self._parsed) > PARSED_KEPT:
                self._parsed.clear()
            found = self._parsed[position] = json.loads(self.lines[position])
        return found

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per request the filter keeps."""
        if parent.isValid():
            return 0
        return len(self._shown) if self._shown is not None else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Time, purpose, method, host, path, status and duration."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The cell's text; the tooltip of a row names its request ids for a support case."""
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("request-id {request}, client-request-id {client}").format(
                request=entry.get("request_id") or "-", client=entry.get("client_request_id") or "-"
            )
        return None

    def cell(self, entry: Mapping[str, Any], column: int) -> str:
        """The text of one column of ``entry``, in the user's language and local time."""
        if column == 0:
            moment = QDateTime.fromString(str(entry.get("time", "")), Qt.DateFormat.ISODateWithMs)
            return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss") if moment.isValid() else ""
        if column == 1:
            purpose = str(entry.get("purpose", ""))
            return self._purposes.get(purpose, purpose)
        if column == 5:
            return self._status(entry)
        if column == 6:
            duration = entry.get("duration_ms")
            return self.tr("{ms} ms").format(ms=duration) if isinstance(duration, int) else ""
        return str(entry.get(("", "", "method", "host", "path")[column], ""))

    def _status(self, entry: Mapping[str, Any]) -> str:
        status = entry.get("status")
        if status == "refused":
            return self._refused
        if status == "error":
            return self._failed.format(error=entry.get("error", ""))
        return "" if status is None else str(status)
