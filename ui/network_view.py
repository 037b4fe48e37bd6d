"""The Network activity view: every request the app made, live, filterable, and exportable for IT.

The rows come from the network log (``m365.net.NetworkLog``), which holds no body, token or
address and masks every id. The file is read on a worker; new requests arrive through the
controller's ``network_entry`` signal, queued from whatever thread sent them, so nothing waits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QTimer
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
from ui import collector
from ui.controller import Controller
from ui.network_model import CSV_FIELDS, NetworkLogModel, csv_cell
from ui.pulse import give_way

FILTER_DELAY_MS = 200
KEY_STRETCH = 2000  # lines keyed between two chances for the window to take the GIL


class NetworkDialog(QDialog):
    """The log as a live table with a filter, and exports to a JSON lines file and to CSV."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Network activity"))
        self.controller = controller
        factory = controller.factory
        # The factory's own log, so reading shares the lock its writes and rotations take.
        self.log = factory.log if factory else NetworkLog(paths.log_dir() / "network.log")
        self.loaded = False
        self._early: list[str] = []  # lines that arrived while the file was being read
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
        self._filter_generation = 0
        # Filtering a long log per keystroke would stutter; wait until the typing pauses.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _text: self._filter_timer.start())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Requests"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self._size_columns()
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
            lambda _cancel: self._read(model),
            self._loaded,
            failed=self._say,
        )
        self.resize(980, 520)

    def _size_columns(self) -> None:
        # Widths from typical texts, not from the rows: measuring a long log's rows would freeze.
        metrics = self.table.fontMetrics()
        samples = {
            0: "2026-12-01 11:29:00",
            1: max(self.model.purpose_names(), key=metrics.horizontalAdvance),
            2: "DELETE",
            3: "login.microsoftonline.com",
            5: self.model.cell({"status": "refused"}, 5) + "00",
            6: "00000 ms",
        }
        header = self.table.horizontalHeader()
        for column, sample in samples.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

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

    def _read(self, model: NetworkLogModel) -> tuple[list[str], list[str]]:
        """On a worker: the log's lines and their filter keys, ready for the model to take as they are."""
        with collector.loading():
            lines, keys = self.log.lines(), list[str]()
            for start in range(0, len(lines), KEY_STRETCH):
                give_way()  # the dialog paints while its log is read
                keys.extend(model.key(line) for line in lines[start : start + KEY_STRETCH])
            return lines, keys

    def _loaded(self, read: object) -> None:
        assert isinstance(read, tuple)
        lines, keys = read
        self.model.load(lines, keys)
        # Requests sent while the file was read may be in it already: keep each once.
        tail = set(lines[-len(self._early) :]) if self._early else set()
        self.model.add([line for line in self._early if line not in tail])
        self._early, self.loaded = [], True
        self.table.scrollToBottom()  # the newest requests first in sight
        self._count()

    def _arrived(self, entry: object) -> None:
        if not isinstance(entry, Mapping):
            return
        line = NetworkLog.line_of(entry)
        if self.loaded:
            self.model.add([line])
            self._count()
        else:
            self._early.append(line)

    def _follow(self) -> None:
        # Follow the newest request unless the user scrolled up to read an older one.
        bar = self.table.verticalScrollBar()
        if bar.value() >= bar.maximum() - 2:
            self.table.scrollToBottom()

    def apply_filter(self) -> None:
        """Show only the requests holding the filter text (found on a worker; the newest search wins)."""
        self._filter_timer.stop()
        self._filter_generation += 1
        generation, needle = self._filter_generation, self.filter.text().strip().casefold()
        keys, upto = self.model.keys, len(self.model.keys)

        def done(positions: object) -> None:
            if generation == self._filter_generation and isinstance(positions, list):
                self.model.show_only(needle, positions, upto)
                self._count()

        if not needle:
            self.model.show_only("", None, 0)
            self._count()
            return
        self.controller.run(lambda _cancel: NetworkLogModel.matching(keys[:upto], needle), done)

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
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

    def export_csv(self, path: Path) -> None:
        """Write every request of the log to ``path`` as CSV on a worker (written whole or not at all)."""
        lines = list(self.model.lines)

        def job(_cancel: object) -> int:
            entries = (json.loads(line) for line in lines)
            return write_csv(path, CSV_FIELDS, ([csv_cell(e, name) for name in CSV_FIELDS] for e in entries))

        def done(count: object) -> None:
            total = count if isinstance(count, int) else 0
            self._say(self.tr("%Ln request(s) saved to {file}.", "", total).format(file=path))

        self._say(self.tr("Saving {file}…").format(file=path))
        self.controller.run(job, done, failed=self._say)
