"""Recipients from Outlook contacts (own or shared mailbox), filtered by folder, category and text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import (
    ContactFilter,
    FolderLoaded,
    OpenedAddressBook,
    RetryEvent,
    recipient_list,
    select_contacts,
    without_address,
)
from securemailmerge.recipients import RecipientList
from ui.controller import Controller


class ContactsDialog(QDialog):
    """Load a mailbox's address book once, then filter it locally; OK uses the chosen contacts."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.opened: OpenedAddressBook | None = None
        self.chosen: RecipientList | None = None
        self.setWindowTitle(self.tr("Recipients from Outlook contacts"))
        layout = QVBoxLayout(self)

        source = QHBoxLayout()
        self.mailbox = QLineEdit(self)
        self.mailbox.setPlaceholderText(self.tr("Your own mailbox, or the address of a shared mailbox"))
        self.load_button = QPushButton(self.tr("Load contacts"), self)
        self.load_button.clicked.connect(self.load)
        source.addWidget(self.mailbox, 1)
        source.addWidget(self.load_button)
        layout.addLayout(source)
        self.status = QLabel(self.tr("Choose a mailbox and load its contacts."), self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        form = QFormLayout()
        self.folder = QComboBox(self)
        self.categories = QListWidget(self)
        self.match = QComboBox(self)
        self.match.addItem(self.tr("any of the checked categories"), False)
        self.match.addItem(self.tr("all of the checked categories"), True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, company or address contains…"))
        form.addRow(self.tr("Folder"), self.folder)
        form.addRow(self.tr("Categories"), self.categories)
        form.addRow(self.tr("Contacts with"), self.match)
        form.addRow(self.tr("Search"), self.search)
        layout.addLayout(form)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use these recipients"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for signal in (self.folder.currentIndexChanged, self.match.currentIndexChanged):
            signal.connect(self.refilter)
        self.search.textChanged.connect(self.refilter)
        self.categories.itemChanged.connect(self.refilter)
        controller.address_book_opened.connect(self._show_book)
        controller.address_book_progress.connect(self._show_progress)
        controller.address_book_failed.connect(self._show_failure)
        controller.address_book_aborted.connect(self._show_stopped)
        controller.graph_waiting.connect(self._show_waiting)
        self.loading = False
        self.resize(560, 560)

    def load(self) -> None:
        """Load the named mailbox's contacts in the background; while loading, the button stops it."""
        if self.loading:
            self.controller.cancel_address_book()
            return
        self.status.setText(self.tr("Loading contacts…"))
        if self.controller.open_address_book(self.mailbox.text().strip() or None) is not None:
            self._set_loading(True)

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self.load_button.setText(self.tr("Stop loading") if loading else self.tr("Load contacts"))

    def _show_progress(self, loaded: FolderLoaded) -> None:
        self.status.setText(
            self.tr("Loading contacts… {count} so far ({folder} read).").format(
                count=loaded.contacts_so_far, folder=loaded.folder.name or self.tr("Contacts")
            )
        )

    def _show_waiting(self, event: RetryEvent) -> None:
        if self.loading:
            self.status.setText(str(event))

    def _show_failure(self, message: str) -> None:
        self._set_loading(False)
        self.status.setText(message)

    def _show_stopped(self) -> None:
        self._set_loading(False)
        self.status.setText(self.tr("Loading was stopped; load again to see the contacts."))

    def reject(self) -> None:
        """Close the dialog, stopping a load that is still running."""
        if self.loading:
            self.controller.cancel_address_book()
        super().reject()

    def _show_book(self, opened: OpenedAddressBook) -> None:
        self.opened = opened
        self._set_loading(False)
        notes = [
            self.tr("{source}: {count} contacts in {folders} folders.").format(
                source=opened.book.source, count=len(opened.book.contacts), folders=len(opened.book.folders)
            ),
            opened.license.describe(),
        ]
        if opened.categories is not None and opened.categories.notice:
            notes.append(opened.categories.notice)
        if opened.category_problem:
            notes.append(opened.category_problem)
        self.status.setText("\n".join(notes))
        self.folder.blockSignals(True)
        self.folder.clear()
        self.folder.addItem(self.tr("All folders"), None)
        for folder in opened.book.folders:
            self.folder.addItem(folder.name or self.tr("Contacts"), folder.name or "/")
        self.folder.blockSignals(False)
        self.categories.blockSignals(True)
        self.categories.clear()
        for name in opened.categories.names if opened.categories else []:
            item = QListWidgetItem(name, self.categories)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.categories.blockSignals(False)
        self.refilter()

    def current_filter(self) -> ContactFilter:
        """The filter the controls describe."""
        checked = [
            item.text()
            for item in (self.categories.item(i) for i in range(self.categories.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        return ContactFilter(
            categories=tuple(checked),
            match_all=bool(self.match.currentData()),
            folder=self.folder.currentData(),
            search=self.search.text(),
        )

    def refilter(self) -> None:
        """Apply the filter to the loaded contacts and say how many remain."""
        if self.opened is None:
            return
        try:
            contacts = select_contacts(self.opened.book, self.current_filter())
        except SecureMailMergeError as error:
            self.summary.setText(str(error))
            self.ok_button.setEnabled(False)
            return
        self.chosen = recipient_list(self.opened.book, contacts)
        self.summary.setText(
            self.tr("{count} contacts match: {ready} ready, {empty} without an address.").format(
                count=len(contacts), ready=len(self.chosen.rows), empty=len(without_address(contacts))
            )
        )
        self.ok_button.setEnabled(bool(self.chosen.rows))

    def accept(self) -> None:
        """Use the chosen contacts as the recipient list."""
        if self.chosen is not None:
            self.controller.set_recipients(self.chosen)
        super().accept()
