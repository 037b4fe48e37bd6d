"""The Network activity view: every request the app made, live, filterable, and exportable for IT.

The rows come from the network log (``m365.net.NetworkLog``), which holds no body, token or
address and masks every id. The file is read on a worker; new requests arrive through the
controller's ``network_entry`` signal, queued from whatever thread sent them, so nothing waits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from securemailmerge import paths
from securemailmerge.campaign import write_csv
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import NetworkLog
from ui.controller import Controller

_Index = QModelIndex | QPersistentModelIndex
FILTER_DELAY_MS = 200
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's lower-cased filter text
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
        self.entries: list[Mapping[str, Any]] = []
        self.keys: list[str] = []  # each entry's text to filter on, lower-cased once
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

    def key(self, entry: Mapping[str, Any]) -> str:
        """What a filter finds ``entry`` by: its values and its purpose and status as shown.

        Reads only Python data, so the worker that reads the log file computes it for each line.
        """
        shown = [self._purposes.get(str(entry.get("purpose")), ""), self._status(entry)]
        return " ".join([*(csv_cell(entry, name) for name in entry), *shown]).casefold()

    def add(self, entries: Sequence[Mapping[str, Any]], keys: Sequence[str] | None = None) -> None:
        """Append entries at the end (the newest come last), with their filter keys when known."""
        if not entries:
            return
        first = len(self.entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self.entries.extend(entries)
        self.keys.extend(keys if keys is not None else [self.key(entry) for entry in entries])
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per request."""
        return 0 if parent.isValid() else len(self.entries)

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
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == KEY_ROLE:
            return self.keys[index.row()]
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


class NetworkFilter(QSortFilterProxyModel):
    """Keeps the requests whose text holds the filter: one key per row (``KEY_ROLE``), not each cell."""

    def __init__(self, model: NetworkLogModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setFilterRole(KEY_ROLE)
        self.setFilterKeyColumn(0)

    def set_needle(self, text: str) -> None:
        """Filter on ``text`` (case ignored; empty shows every request)."""
        self.setFilterFixedString(text.strip().casefold())


class NetworkDialog(QDialog):
    """The log as a live table with a filter, and exports to a JSON lines file and to CSV."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Network activity"))
        self.controller = controller
        factory = controller.factory
        self.log = NetworkLog(factory.network_log_path if factory else paths.log_dir() / "network.log")
        self.loaded = False
        self._early: list[Mapping[str, Any]] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every request this app sends, as written to {file}. Message contents, tokens and "
                "addresses are never logged; ids are masked."
            ).format(file=self.log.path),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(self.tr("Filter requests"))
        self.filter.setPlaceholderText(self.tr("Filter by host, path, status…"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = NetworkLogModel(self)
        self.proxy = NetworkFilter(self.model, self)
        # Filtering a long log per keystroke would stutter; wait until the typing pauses.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _text: self._filter_timer.start())
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the log's own order until a click
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("networkSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the filter must not save or close anything
        self.model.rowsInserted.connect(self._follow)
        controller.network_entry.connect(self._arrived)
        model = self.model
        controller.run(
            lambda _cancel: [(entry, model.key(entry)) for entry in self.log.entries()],
            self._loaded,
            failed=self._say,
        )
        self.resize(980, 520)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_log_button = QPushButton(self.tr("Save as log file…"), self)
        self.export_log_button.setToolTip(self.tr("The log as it is kept: one JSON object per line"))
        self.export_log_button.clicked.connect(self.ask_export_log)
        self.export_csv_button = QPushButton(self.tr("Save as CSV…"), self)
        self.export_csv_button.setToolTip(self.tr("One row per request, for a spreadsheet"))
        self.export_csv_button.clicked.connect(self.ask_export_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(self.export_log_button)
        row.addWidget(self.export_csv_button)
        row.addStretch(1)
        row.addWidget(buttons)
        return row

    def _loaded(self, pairs: object) -> None:
        assert isinstance(pairs, list)
        entries, keys = [entry for entry, _key in pairs], [key for _entry, key in pairs]
        self.model.add(entries, keys)
        # Requests sent while the file was read may be in it already: keep each once.
        tail = entries[-len(self._early) :] if self._early else []
        self.model.add([entry for entry in self._early if entry not in tail])
        self._early, self.loaded = [], True
        self._count()

    def _arrived(self, entry: object) -> None:
        if not isinstance(entry, Mapping):
            return
        if self.loaded:
            self.model.add([entry])
            self._count()
        else:
            self._early.append(entry)

    def _follow(self) -> None:
        # Follow the newest request unless the user scrolled up to read an older one.
        bar = self.table.verticalScrollBar()
        if bar.value() >= bar.maximum() - 2:
            self.table.scrollToBottom()

    def apply_filter(self) -> None:
        """Show only the requests holding the filter text."""
        self._filter_timer.stop()
        self.proxy.set_needle(self.filter.text())
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%Ln request(s)", "", total)
        if shown != total:
            text += " · " + self.tr("%Ln shown", "", shown)
        self._say(text)

    def _say(self, text: str) -> None:
        self.summary.setText(text)

    def ask_export_log(self) -> None:
        """Choose where to save the log as it is kept (JSON lines)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the network log"), "network-log.jsonl", self.tr("JSON lines (*.jsonl *.log)")
        )
        if path:
            self.export_log(Path(path))

    def ask_export_csv(self) -> None:
        """Choose where to save the log as CSV."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the network log as CSV"), "network-log.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_log(self, path: Path) -> bool:
        """Copy the whole log (older rotated files too) to ``path``; the outcome is shown."""
        try:
            self.log.export(path)
        except SecureMailMergeError as error:
            self._say(str(error))
            return False
        self._say(self.tr("The network log was saved to {file}.").format(file=path))
        return True

    def export_csv(self, path: Path) -> bool:
        """Write every request of the log to ``path`` as CSV (written whole or not at all)."""
        rows = ([csv_cell(entry, name) for name in CSV_FIELDS] for entry in self.model.entries)
        try:
            count = write_csv(path, CSV_FIELDS, rows)
        except SecureMailMergeError as error:
            self._say(str(error))
            return False
        self._say(self.tr("%Ln request(s) saved to {file}.", "", count).format(file=path))
        return True
