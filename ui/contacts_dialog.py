"""Recipients from Outlook contacts (own or shared mailbox), filtered by folder, category and text.

The address book is loaded once; each change of the filter runs the engine's selection on a worker
after a short pause in typing (20,000 contacts must not be filtered on the UI thread per key), and
only the newest selection is shown. Errors stay in this dialog.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import ContactsSource
from securemailmerge.m365 import (
    Contact,
    ContactFilter,
    FolderLoaded,
    OpenedAddressBook,
    RetryEvent,
    recipient_list,
    select_contacts,
    without_address,
)
from securemailmerge.recipients import RecipientList
from ui import collector, settings, theme
from ui.controller import Controller

_Index = QModelIndex | QPersistentModelIndex
FILTER_DELAY_MS = 200
DOT = 14  # a category chip's dot, in logical pixels

# Outlook's colours of Graph's categoryColor presets (preset0 red ... preset24 dark cranberry).
OUTLOOK_COLOURS = (
    "#e74856", "#f7630c", "#8e562e", "#fcd116", "#13a10e", "#00b7c3", "#a0ae3b", "#0078d4", "#8764b8",
    "#e3008c", "#a0aeb2", "#567c73", "#a6a6a6", "#525252", "#000000", "#a4262c", "#ca5010", "#7a4e2d",
    "#c19c00", "#0b6a0b", "#038387", "#5b5f1f", "#004e8c", "#5c2e91", "#9b0062",
)  # fmt: skip


def category_colour(preset: str | None) -> QColor:
    """The colour Outlook shows for ``preset3`` and friends; grey for none or an unknown one."""
    if preset and preset.startswith("preset") and preset[6:].isdigit() and int(preset[6:]) < 25:
        return QColor(OUTLOOK_COLOURS[int(preset[6:])])
    return QColor("#a6a6a6")


def category_dot(colour: QColor, palette: QPalette, ratio: float = 1.0) -> QIcon:
    """A chip's coloured dot, ringed in the palette's text colour so it stands out in any theme.

    Outlook's black or dark grey on a dark theme (or yellow on white) would vanish without the ring.
    Drawn at ``ratio`` times its size, so it stays sharp on a high-DPI screen.
    """
    pixmap = QPixmap(QSize(round(DOT * ratio), round(DOT * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
    painter.drawEllipse(QRectF(1, 1, DOT - 2, DOT - 2))
    painter.end()
    return QIcon(pixmap)


@dataclass(frozen=True)
class Selection:
    """What one run of the filter found."""

    contacts: list[Contact]
    chosen: RecipientList
    empty: int


class ContactsModel(QAbstractListModel):
    """The matched contacts, listed by name and address."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.contacts: list[Contact] = []

    def set_contacts(self, contacts: list[Contact]) -> None:
        """Show ``contacts``."""
        self.beginResetModel()
        self.contacts = contacts
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """How many contacts match."""
        return 0 if parent.isValid() else len(self.contacts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """``Name <address>`` and the categories on hover."""
        contact = self.contacts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            address = contact.emails[0] if contact.emails else self.tr("no address")
            return f"{contact.display_name} <{address}>"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "; ".join(contact.categories) or None
        return None


class ContactsDialog(QDialog):
    """Load a mailbox's address book once, then filter it on a worker; OK uses the chosen contacts."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.opened: OpenedAddressBook | None = None
        self.chosen: RecipientList | None = None
        self._generation = 0
        self.loading = False
        self.setWindowTitle(self.tr("Recipients from Outlook contacts"))
        layout = QVBoxLayout(self)
        source = QHBoxLayout()
        self.mailbox = QLineEdit(self)
        self.mailbox.setAccessibleName(self.tr("Mailbox"))
        self.mailbox.setPlaceholderText(self.tr("Your own mailbox, or the address of a shared mailbox"))
        self.mailbox.setCompleter(QCompleter(settings.recent("mailboxes"), self.mailbox))
        self.mailbox.returnPressed.connect(self.load)
        self.load_button = QPushButton(self.tr("Load contacts"), self)
        self.load_button.setDefault(True)
        self.load_button.clicked.connect(self.load)
        source.addWidget(self.mailbox, 1)
        source.addWidget(self.load_button)
        layout.addLayout(source)
        self.status = QLabel(self.tr("Choose a mailbox and load its contacts."), self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addLayout(self._filters())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.matches = ContactsModel(self)
        self.match_view = QListView(self)
        self.match_view.setAccessibleName(self.tr("Matching contacts"))
        self.match_view.setUniformItemSizes(True)
        self.match_view.setModel(self.matches)
        layout.addWidget(self.match_view, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use these recipients"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refilter)
        for signal in (self.folder.currentIndexChanged, self.match.currentIndexChanged):
            signal.connect(self.refilter)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.categories.itemChanged.connect(lambda _i: self.refilter())
        controller.address_book_opened.connect(self._show_book)
        controller.address_book_progress.connect(self._show_progress)
        controller.address_book_failed.connect(self._show_failure)
        controller.address_book_aborted.connect(self._show_stopped)
        controller.graph_waiting.connect(self._show_waiting)
        self.resize(640, 680)

    def _filters(self) -> QFormLayout:
        form = QFormLayout()
        self.folder = QComboBox(self)
        self.folder.setAccessibleName(self.tr("Folder"))
        self.categories = QListWidget(self)
        self.categories.setAccessibleName(self.tr("Categories"))
        self.categories.setFlow(QListWidget.Flow.LeftToRight)
        self.categories.setWrapping(True)
        self.categories.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.categories.setSpacing(4)
        self.categories.setMaximumHeight(120)
        theme.on_palette_change(self.categories, self._paint_dots)
        self.match = QComboBox(self)
        self.match.setAccessibleName(self.tr("Contacts with"))
        self.match.addItem(self.tr("any of the checked categories"), False)
        self.match.addItem(self.tr("all of the checked categories"), True)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setPlaceholderText(self.tr("Name, company or address contains…"))
        self.search.setClearButtonEnabled(True)
        form.addRow(self.tr("Folder"), self.folder)
        form.addRow(self.tr("Categories"), self.categories)
        form.addRow(self.tr("Contacts with"), self.match)
        form.addRow(self.tr("Search"), self.search)
        return form

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
        """A failed load clears what the previous one showed."""
        self._set_loading(False)
        self.status.setText(message)
        self.opened, self.chosen = None, None
        self._generation += 1
        self.folder.clear()
        self.categories.clear()
        self.matches.set_contacts([])
        self.summary.clear()
        self.ok_button.setEnabled(False)

    def _show_stopped(self) -> None:
        self._set_loading(False)
        self.status.setText(self.tr("Loading was stopped; load again to see the contacts."))

    def reject(self) -> None:
        """Close the dialog, stopping a load that is still running."""
        if self.loading:
            self.controller.cancel_address_book()
        super().reject()

    def _show_book(self, opened: OpenedAddressBook) -> None:
        if not self.loading:
            return
        self._set_loading(False)
        self.opened = opened
        if not opened.book.mailbox.own:
            settings.remember("mailboxes", opened.book.mailbox.address)
        book = opened.book
        notes = [
            self.tr("{source}: {count} contacts in {folders} folders.").format(
                source=book.source, count=len(book.contacts), folders=len(book.folders)
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
        for folder in book.folders:
            self.folder.addItem(folder.name or self.tr("Contacts"), folder.name or "/")
        self.folder.blockSignals(False)
        self.categories.blockSignals(True)
        self.categories.clear()
        for category in opened.categories.categories if opened.categories else ():
            item = QListWidgetItem(category.name, self.categories)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, category.color)
        self._paint_dots()
        self.categories.blockSignals(False)
        self.refilter()

    def _paint_dots(self) -> None:
        palette, ratio = self.categories.palette(), self.categories.devicePixelRatioF()
        blocked = self.categories.blockSignals(True)
        for item in (self.categories.item(i) for i in range(self.categories.count())):
            preset = item.data(Qt.ItemDataRole.UserRole)
            item.setIcon(category_dot(category_colour(preset), palette, ratio))
        self.categories.blockSignals(blocked)

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
        """Select the matching contacts on a worker; only the newest selection is shown."""
        self._timer.stop()
        if self.opened is None:
            return
        self._generation += 1
        generation, book, wanted = self._generation, self.opened.book, self.current_filter()
        self.summary.setText(self.tr("Filtering…"))

        def job(_cancel: threading.Event) -> Selection:
            with collector.loading():
                contacts = select_contacts(book, wanted)
                chosen = recipient_list(book, contacts)
            return Selection(contacts, chosen, len(without_address(contacts)))

        def done(result: object) -> None:
            if generation == self._generation and isinstance(result, Selection):
                self._show_selection(result)

        def failed(message: str) -> None:
            if generation == self._generation:
                self.summary.setText(message)
                self.ok_button.setEnabled(False)

        self.controller.run(job, done, failed=failed)

    def _show_selection(self, selection: Selection) -> None:
        self.chosen = selection.chosen
        self.matches.set_contacts(selection.contacts)
        self.summary.setText(
            self.tr("{count} contacts match: {ready} ready, {empty} without an address.").format(
                count=len(selection.contacts), ready=len(selection.chosen.rows), empty=selection.empty
            )
        )
        self.ok_button.setEnabled(bool(selection.chosen.rows))

    def accept(self) -> None:
        """Use the chosen contacts as the recipient list."""
        if self.chosen is not None:
            source = ContactsSource(self.mailbox.text().strip() or None, self.current_filter())
            self.controller.set_recipients(self.chosen, source)
        super().accept()
