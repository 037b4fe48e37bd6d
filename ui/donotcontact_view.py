"""The do-not-contact list of the sending mailbox: shown, added to, removed from, imported and exported.

The list is the engine's (``campaign.suppression``); every change is saved at once and the Recipients
step marks again the rows it leaves out (``Controller.refresh_do_not_contact``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import DoNotContact, DoNotContactEntry as Entry
from ui.controller import Controller
from ui.dialogs import say

_Index = QModelIndex | QPersistentModelIndex
FILTER_DELAY_MS = 200


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


class DoNotContactModel(QAbstractTableModel):
    """The list's entries (address, added, reason), sorted by address, and the ones a search keeps.

    A model, not a table of items: a list of 10,000 opens, and is searched, without a pause.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._shown: list[Entry] = []
        self._headers = (self.tr("Address"), self.tr("Added"), self.tr("Reason"))

    def set_entries(self, entries: list[Entry], *, show: bool = True) -> None:
        """Take ``entries`` (the whole list, as the engine sorted it) and show them, or with ``show``
        False keep showing what a search found until the next search's result comes."""
        self._entries = entries
        if show:
            self.show_only(entries)

    def entries(self) -> list[Entry]:
        """The whole list, shown or not."""
        return self._entries

    @staticmethod
    def matching(entries: list[Entry], text: str) -> list[Entry]:
        """The entries whose address contains ``text`` (case ignored; empty keeps all), for a worker."""
        wanted = text.strip().casefold()
        return [e for e in entries if wanted in e.address.casefold()] if wanted else entries

    def show_only(self, shown: list[Entry]) -> None:
        """Show ``shown`` (what ``matching`` kept of the list)."""
        self.beginResetModel()
        self._shown = shown
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        """The entry shown in ``row``."""
        return self._shown[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per address shown."""
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Address, date added, reason."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """The column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The address, the day it was added, and why."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self._shown[index.row()]
        return (entry.address, entry.added, entry.reason)[index.column()]


class DoNotContactDialog(QDialog):
    """The addresses that never get a message from this mailbox, with when and why they were added."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.list: DoNotContact | None = None
        self.setWindowTitle(self.tr("Do-not-contact list"))
        layout = QVBoxLayout(self)
        self.mailbox_label = QLabel(self)
        self.mailbox_label.setWordWrap(True)
        layout.addWidget(self.mailbox_label)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Find an address"))
        self.search.setPlaceholderText(self.tr("Find an address…"))
        self.search.setClearButtonEnabled(True)
        # Searched on a worker after a pause in typing: 10,000 addresses are not tested per key.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._filter)
        self.search.textChanged.connect(lambda _text: self._filter_timer.start())
        layout.addWidget(self.search)
        self.model = DoNotContactModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Addresses on the do-not-contact list"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("firstname.lastname@example.com") + 24)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("2026-12-01") + 48)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._add_row())
        self.message = QLabel(self)
        say(self.message, "")
        layout.addWidget(self.message)
        layout.addLayout(self._file_row())
        self.busy = False  # a change is being saved
        self.searching = False  # the search runs on a worker; the table shows its result when done
        self._generation = 0
        self._search_generation = 0
        controller.sender_changed.connect(self._sender_changed)  # a method: it goes with this view
        # Enter belongs to the field it is typed in (Add, or nothing in the search), not to a button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.reload()
        self.resize(640, 480)

    def _add_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.address = QLineEdit(self)
        self.address.setAccessibleName(self.tr("Address to add"))
        self.address.setPlaceholderText(self.tr("name@example.com"))
        self.address.returnPressed.connect(lambda: self.add_address(self.address.text()))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(lambda: self.add_address(self.address.text()))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.address, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        return row

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setToolTip(self.tr("Add every address of a CSV or Excel file"))
        self.import_button.clicked.connect(self.ask_import)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.clicked.connect(self.ask_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(buttons)
        return row

    def _sender_changed(self, _address: str) -> None:
        self.reload()

    def reload(self) -> None:
        """Show the list of the mailbox messages go out from now (read on a worker: it may be long)."""
        sender = self.controller.sender_address()
        self.list = None
        self._enable()
        if not sender:
            self.mailbox_label.setText(
                self.tr("Sign in, or choose the mailbox to send from, to see its do-not-contact list.")
            )
            self.model.set_entries([])
            return
        self.mailbox_label.setText(
            self.tr("Nobody on this list gets a message from {mailbox}.").format(mailbox=sender)
        )
        self._generation += 1
        generation = self._generation

        def read(_cancel: object) -> tuple[DoNotContact, list[Entry]]:
            dnc = DoNotContact.for_mailbox(sender)
            return dnc, dnc.entries()

        def done(result: object) -> None:
            if generation == self._generation and isinstance(result, tuple):
                self.list, entries = result
                self._show(entries)

        self.controller.run(read, done, failed=self._problem)

    def _enable(self) -> None:
        ready = self.list is not None and not self.busy
        for widget in (self.add_button, self.import_button, self.export_button):
            widget.setEnabled(ready)
        self.address.setEnabled(self.list is not None)
        self.search.setEnabled(self.list is not None)
        self._selection_changed()

    def _show(self, entries: list[Entry]) -> None:
        self.model.set_entries(entries, show=not self.search.text().strip())
        self._filter()
        self._enable()

    def _filter(self) -> None:
        """Show the entries the search keeps, found on a worker; only the newest search is shown."""
        self._filter_timer.stop()
        self._search_generation += 1
        generation, entries, text = self._search_generation, self.model.entries(), self.search.text()

        def done(shown: object) -> None:
            if generation == self._search_generation and isinstance(shown, list):
                self.searching = False
                self.model.show_only(shown)
                self._selection_changed()

        if not text.strip():
            done(entries)
            return
        self.searching = True
        self.controller.run(lambda _cancel: DoNotContactModel.matching(entries, text), done)

    def addresses(self) -> list[str]:
        """The addresses the table shows, in order (those the search hides left out)."""
        return [self.model.entry(row).address for row in range(self.model.rowCount())]

    def _selection_changed(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(chosen and self.list is not None and not self.busy)

    def _say(self, message: str, problem: bool = False) -> None:
        say(self.message, message, problem)

    def _problem(self, message: str) -> None:
        say(self.message, message, problem=True)

    def _change(self, job: Callable[[DoNotContact], object], told: Callable[[object], str]) -> None:
        """Change the list on a worker, one change at a time: saving a list of 10,000 takes a moment."""
        dnc = self.list
        if dnc is None or self.busy:
            return
        self.busy = True
        self._enable()

        def done(result: object) -> None:
            assert isinstance(result, tuple)
            outcome, entries = result
            self.busy = False
            self._say(told(outcome))
            self._show(entries)
            self.controller.refresh_do_not_contact()

        def failed(message: str) -> None:
            self.busy = False
            self._enable()
            self._problem(message)
            self.address.setFocus()

        # Both ends say so themselves: a worker may finish before a "finished" slot could be connected.
        self.controller.run(lambda _cancel: (job(dnc), dnc.entries()), done, failed=failed)

    def add_address(self, text: str) -> None:
        """Add a typed address, checked first; the reason is shown when it is no address."""
        reason = self.tr("added by hand")

        def told(address: object) -> str:
            self.address.clear()
            return self.tr("{address} is on the list now.").format(address=address)

        self._change(lambda dnc: dnc.add_typed(text, reason), told)

    def remove_selected(self) -> None:
        """Take the selected addresses off the list."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        chosen = [self.model.entry(row).address for row in rows]
        if not chosen:
            return

        def remove(dnc: DoNotContact) -> int:
            return sum(dnc.remove(address) for address in chosen)

        self._change(remove, lambda count: self.tr("%n address(es) taken off the list.", "", _int(count)))

    def ask_import(self) -> None:
        """Choose a CSV or Excel file to import."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import addresses"),
            "",
            self.tr("Lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Add every address of ``path`` on a worker (a large workbook takes a moment); the count is shown."""
        self._say(self.tr("Reading {file}…").format(file=path.name))

        def told(result: object) -> str:
            assert isinstance(result, tuple)
            added, without = result
            text = self.tr("%n new address(es) added from {file}.", "", added).format(file=path.name)
            if without:
                text += " " + self.tr("%n row(s) without a valid address were skipped.", "", without)
            return text

        self._change(lambda dnc: dnc.import_file(path), told)

    def ask_export(self) -> None:
        """Choose where to save the list as CSV."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the do-not-contact list"), "do-not-contact.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        """Write the list to ``path`` as CSV, atomically, on a worker; the outcome is shown."""
        dnc = self.list
        if dnc is None:
            return

        def done(count: object) -> None:
            self._say(self.tr("%n address(es) saved to {file}.", "", _int(count)).format(file=path.name))

        self.controller.run(
            lambda _cancel: dnc.export_csv(path),
            done,
            failed=self._problem,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete removes the selected addresses, as in a file manager."""
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)
