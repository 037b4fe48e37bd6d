"""The do-not-contact list of the sending mailbox: shown, added to, removed from, imported and exported.

The list is the engine's (``campaign.suppression``); every change is saved at once and the Recipients
step marks again the rows it leaves out (``Controller.refresh_do_not_contact``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import DoNotContact
from securemailmerge.errors import SecureMailMergeError
from ui import theme
from ui.controller import Controller


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
        self.search.textChanged.connect(lambda _text: self._filter())
        layout.addWidget(self.search)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Addresses on the do-not-contact list"))
        self.table.setHorizontalHeaderLabels([self.tr("Address"), self.tr("Added"), self.tr("Reason")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._add_row())
        self.message = QLabel(self)
        self.message.setObjectName("dncMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addLayout(self._file_row())
        controller.sender_changed.connect(lambda _address: self.reload())
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

    def reload(self) -> None:
        """Show the list of the mailbox messages go out from now."""
        self.list = self.controller.do_not_contact()
        sender = self.controller.sender_address()
        if self.list is None:
            self.mailbox_label.setText(
                self.tr("Sign in, or choose the mailbox to send from, to see its do-not-contact list.")
            )
        else:
            self.mailbox_label.setText(
                self.tr("Nobody on this list gets a message from {mailbox}.").format(mailbox=sender)
            )
        for widget in (self.address, self.add_button, self.import_button, self.export_button, self.search):
            widget.setEnabled(self.list is not None)
        self._show_entries()

    def _show_entries(self) -> None:
        entries = self.list.entries() if self.list is not None else []
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate((entry.address, entry.added, entry.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._filter()

    def _filter(self) -> None:
        wanted = self.search.text().strip().casefold()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            self.table.setRowHidden(
                row, bool(wanted) and wanted not in (item.text().casefold() if item else "")
            )

    def addresses(self) -> list[str]:
        """The addresses the table shows, in order (hidden ones left out)."""
        shown = (
            self.table.item(row, 0) for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)
        )
        return [item.text() for item in shown if item is not None]

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _changed(self, message: str) -> None:
        self._say(message)
        self._show_entries()
        self.controller.refresh_do_not_contact()

    def _say(self, message: str, problem: bool = False) -> None:
        theme.show_as_error(self.message, problem)
        self.message.setText(message)

    def add_address(self, text: str) -> bool:
        """Add a typed address (checked first); False, with the reason shown, when it is no address."""
        if self.list is None:
            return False
        try:
            address = self.list.add_typed(text, self.tr("added by hand"))
        except SecureMailMergeError as error:
            self._say(str(error), problem=True)
            self.address.setFocus()
            return False
        self.address.clear()
        self._changed(self.tr("{address} is on the list now.").format(address=address))
        return True

    def remove_selected(self) -> None:
        """Take the selected addresses off the list."""
        if self.list is None:
            return
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        chosen = [item.text() for item in (self.table.item(row, 0) for row in rows) if item is not None]
        for address in chosen:
            self.list.remove(address)
        self._changed(self.tr("%n address(es) taken off the list.", "", len(chosen)))

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
        dnc = self.list
        if dnc is None:
            return
        self._say(self.tr("Reading {file}…").format(file=path.name))

        def done(result: object) -> None:
            assert isinstance(result, tuple)
            added, without = result
            text = self.tr("%n new address(es) added from {file}.", "", added).format(file=path.name)
            if without:
                text += " " + self.tr("%n row(s) without a valid address were skipped.", "", without)
            self.list = dnc
            self._changed(text)

        self.controller.run(
            lambda _cancel: dnc.import_file(path),
            done,
            failed=lambda message: self._say(message, problem=True),
        )

    def ask_export(self) -> None:
        """Choose where to save the list as CSV."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the do-not-contact list"), "do-not-contact.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        """Write the list to ``path`` as CSV (atomically); the outcome is shown."""
        if self.list is None:
            return False
        try:
            count = self.list.export_csv(path)
        except SecureMailMergeError as error:
            self._say(str(error), problem=True)
            return False
        self._say(self.tr("%n address(es) saved to {file}.", "", count).format(file=path.name))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete removes the selected addresses, as in a file manager."""
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)
