"""Campaign files in the window: New, Open, Save, Save As, recent campaigns, the title, autosave, recovery.

Whether the campaign has unsaved changes is not a flag that edits set: it is the document the
window shows now compared with the one last saved or opened, so undoing an edit clears the marker.
A reopened campaign's recipients load in the background; until they arrive (or when the file has
moved away) the campaign keeps the source it names, so saving it again never loses the reference.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from securemailmerge.campaign import (
    EXTENSION,
    CampaignDocument,
    ContactsSource,
    FileSource,
    SendSettings,
    load_campaign,
    save_campaign,
)
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import OpenedAddressBook, recipient_list, select_contacts
from securemailmerge.recipients import RecipientList
from securemailmerge.template import Template
from ui import settings
from ui.autosave import AUTOSAVE_MS, Autosave, LeftBehind, left_behind
from ui.campaign_state import send_settings, settings_signals, show_send_settings, show_sender
from ui.campaign_system import is_campaign_file
from ui.dialogs import ask_to_save, show_error
from ui.folder_trust import folder_warning, outside_folder, trust
from ui.recovery import RECENT, RecoveryDialog, autosave_name

if TYPE_CHECKING:
    from ui.window import MainWindow

EMPTY = Template("", "")


class CampaignFiles(QObject):
    """The open campaign: its file, whether it changed, and the commands of the File menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.path: Path | None = None
        self.saved: CampaignDocument | None = CampaignDocument(template=EMPTY)  # None: never saved
        self.pending: FileSource | ContactsSource | None = None  # named by the file, not loaded (yet)
        self.pending_rows: tuple[int, ...] = ()
        self._contacts_asked = False
        self.folder_warning: QMessageBox | None = None  # the last warning about a folder elsewhere
        self.autosave = Autosave()
        self.autosave.signals.failed.connect(self._autosave_failed)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        controller = self.controller
        for signal in settings_signals(window.send):
            signal.connect(self.refresh)
        # The controller can outlive this window (a language switch builds a new one around it), so
        # these are undone when the window closes: a closed window's title is not refreshed.
        self._listening = [
            (controller.report_stale, self.refresh),
            (controller.sender_changed, self.refresh),
            (controller.recipients_changed, self._recipients_arrived),
            (controller.account_changed, self._signed_in),
            (controller.address_book_opened, self._contacts_opened),
            (controller.address_book_failed, self._contacts_failed),
        ]
        for signal, slot in self._listening:
            signal.connect(slot)

    # What the window shows, as a document

    def document(self) -> CampaignDocument:
        """The campaign as the window shows it now."""
        controller = self.controller
        source: FileSource | ContactsSource | None = self.pending
        rows = self.pending_rows
        if source is None:
            rows = tuple(sorted(controller.left_out))
            if controller.recipients_path is not None:
                source = FileSource(controller.recipients_path, controller.recipient_options)
            elif controller.recipients is not None:
                source = controller.contacts_source
        return CampaignDocument(
            template=self.window.message.current_template(),
            template_folder=controller.template_folder,
            settings=send_settings(self.window.send, controller.shared_sender),
            source=source,
            excluded_rows=rows if source is not None else (),
        )

    def is_modified(self) -> bool:
        """True when the window shows something that is not saved."""
        return self.saved is None or self.document() != self.saved

    def name(self) -> str:
        """The campaign's file name, or what an unsaved one is called."""
        return self.path.name if self.path is not None else self.tr("Untitled campaign")

    def refresh(self) -> None:
        """Show the file name and the modified marker in the title bar."""
        self.window.setWindowTitle(self.tr("{name}[*] — SecureMailMerge").format(name=self.name()))
        self.window.setWindowModified(self.is_modified())

    # The File menu

    def new(self) -> bool:
        """Start an empty campaign (after asking about unsaved changes)."""
        if not self.may_discard():
            return False
        preferred = SendSettings(
            sender=settings.SENDER.get() or None,
            per_minute=min(max(settings.MESSAGES_PER_MINUTE.get(), 1), 30),
            daily_cap=min(max(settings.DAILY_CAP.get(), 1), 10_000),
        )
        self._apply(CampaignDocument(template=EMPTY, settings=preferred), None)
        return True

    def _folder(self) -> str:
        """Where the file dialogs start: the campaign's folder, else the recipients', else Documents."""
        if self.path is not None:
            return str(self.path.parent)
        if self.controller.recipients_path is not None:
            return str(self.controller.recipients_path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def ask_open(self) -> None:
        """Ask for a campaign file and open it."""
        if not self.may_discard():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open campaign"),
            self._folder(),
            self.tr("Campaigns (*{extension})").format(extension=EXTENSION),
        )
        if path:
            self.open(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open ``path`` from the system (command line, Finder, a drop): ask about unsaved changes first."""
        return self.may_discard() and self.open(path)

    def open(self, path: Path) -> bool:
        """Open the campaign file ``path``; a problem is shown and the window stays as it was."""
        try:
            document = load_campaign(path)
        except SecureMailMergeError as error:
            if not path.exists():
                settings.forget(RECENT, str(path))
            show_error(self.window, str(error))
            return False
        self.window.statusBar().showMessage(self.tr("Opened {file}.").format(file=path.name), 8000)
        outside = outside_folder(document.template_folder, path)
        self._apply(replace(document, template_folder=path.parent) if outside else document, path)
        settings.remember(RECENT, str(path.absolute()))
        if outside is not None:
            self.folder_warning = folder_warning(
                self.window, outside, path, lambda: self._allow(outside, path)
            )
        return True

    def _allow(self, folder: Path, path: Path) -> None:
        """The user allows the folder the campaign file names: attachments come from there now."""
        trust(folder, path)
        if self.path == path and self.saved is not None:  # still the campaign the warning was about
            self.saved = replace(self.saved, template_folder=folder)
            self.controller.set_template(self.controller.template, folder)

    def save(self) -> bool:
        """Save to the campaign's file (asking for one the first time); True when saved."""
        if self.path is None:
            return self.save_as()
        return self.write(self.path)

    def save_as(self) -> bool:
        """Ask where to save the campaign, then save it there."""
        name = self.path.name if self.path is not None else self.tr("Campaign") + EXTENSION
        start = str(Path(self._folder()) / name)
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save campaign"),
            start,
            self.tr("Campaigns (*{extension})").format(extension=EXTENSION),
        )
        if not path:
            return False
        chosen = Path(path)
        if not is_campaign_file(chosen):
            chosen = chosen.with_name(chosen.name + EXTENSION)
        return self.write(chosen)

    def write(self, path: Path) -> bool:
        """Write the campaign to ``path``; a problem is shown and nothing counts as saved."""
        document = self.document()
        try:
            save_campaign(document, path)
        except SecureMailMergeError as error:
            show_error(self.window, str(error))
            return False
        self.path, self.saved = path, document
        self.autosave.clear()
        settings.remember(RECENT, str(path.absolute()))
        trust(document.template_folder, path)  # the user's own choice, not a stranger's
        self.refresh()
        self.window.statusBar().showMessage(self.tr("Saved {file}.").format(file=path.name), 8000)
        return True

    def may_discard(self) -> bool:
        """Ask about unsaved changes (Save, Don't Save, Cancel); False when the user cancels."""
        if not self.is_modified():
            return True
        answer = ask_to_save(self.window, self.name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def open_untitled(self, document: CampaignDocument) -> None:
        """Show ``document`` as a new, unsaved campaign that has no changes yet (the sample at start)."""
        self._apply(document, None)

    def discard_changes(self) -> None:
        """Take what the window shows as saved, so closing asks nothing (a fresh window, the self-test)."""
        self.saved = self.document()
        self.refresh()

    def take_over(self, previous: CampaignFiles) -> None:
        """Carry on the campaign of the window this one replaces (a new language), with its autosave."""
        previous.autosave_timer.stop()
        show_send_settings(self.window.send, send_settings(previous.window.send, None))
        self.path, self.saved = previous.path, previous.saved
        self.pending, self.pending_rows = previous.pending, previous.pending_rows
        self._contacts_asked = previous._contacts_asked
        self.autosave.close()  # this window's own, still empty
        self.autosave, previous.autosave = previous.autosave, Autosave()
        self.autosave.signals.failed.connect(self._autosave_failed)
        self.refresh()

    def recent(self) -> list[Path]:
        """The recently opened or saved campaigns, newest first."""
        return [Path(entry) for entry in settings.recent(RECENT)]

    def open_recent(self, path: Path) -> None:
        """Open a campaign of the recent list (after asking about unsaved changes)."""
        self.open_path(path)

    def closed(self) -> None:
        """The window closes cleanly: nothing is left to recover, and the controller is not listened to."""
        self.autosave_timer.stop()
        self.autosave.close()
        for signal, slot in self._listening:
            signal.disconnect(slot)
        self._listening = []

    # Autosave and recovery

    def autosave_now(self) -> None:
        """Keep unsaved changes in the data folder; delete the autosave when there are none."""
        if not self.is_modified():
            self.autosave.clear()
            return
        self.autosave.write(self.document(), self.path)

    def _autosave_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Unsaved changes cannot be autosaved: {error}").format(error=message), 8000
        )

    def offer_recovery(self) -> bool:
        """After a crash, offer each campaign autosaved then; True when one was recovered here."""
        found = left_behind()
        if not found:
            return False
        if len(found) > 1:
            self.recovery_dialog = RecoveryDialog(found, self.window)
            chosen = self.recovery_dialog.ask()
            if kept := len(self.recovery_dialog.found):
                note = self.tr("%Ln unsaved campaigns are kept for the next start.", "", kept)
                self.window.statusBar().showMessage(note)
            return chosen is not None and self._recover(chosen)
        answer = QMessageBox.question(
            self.window,
            self.tr("Recover campaign"),
            self.tr("SecureMailMerge did not close properly. Recover the unsaved changes to {name}?").format(
                name=autosave_name(found[0])
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            return self._recover(found[0])
        found[0].discard()
        return False

    def _recover(self, item: LeftBehind) -> bool:
        """Show the autosaved campaign as unsaved changes (kept in this window's own autosave)."""
        try:
            document = item.read()
        except SecureMailMergeError as error:
            show_error(self.window, str(error))
            item.discard()
            return False
        self._apply(document, item.original)
        self.saved = None  # recovered changes are unsaved until the user saves them
        self.refresh()
        self.autosave_now()
        item.discard()
        return True

    # Applying a document

    def _apply(self, document: CampaignDocument, path: Path | None) -> None:
        window, controller = self.window, self.controller
        document = replace(document, template=document.template or EMPTY)  # what the Message step shows
        self.path, self.saved = path, document
        self.pending, self.pending_rows = None, ()
        self._contacts_asked = False
        self.autosave.clear()
        controller.template_folder = document.template_folder
        controller.set_template(document.template or EMPTY, document.template_folder)
        window.message.path, window.message.dirty = None, False
        show_send_settings(window.send, document.settings)
        show_sender(window.account, document.settings.sender)
        controller.set_recipients(None)
        source = document.source
        if source is not None:
            self.pending, self.pending_rows = source, document.excluded_rows
        if isinstance(source, FileSource):
            controller.open_recipients(source.path, source.options, on_error=self._source_failed)
        elif isinstance(source, ContactsSource):
            self._load_contacts()
        self.refresh()

    def _source_failed(self, message: str) -> None:
        show_error(
            self.window, self.tr("The campaign's recipients cannot be loaded: {error}").format(error=message)
        )

    def _recipients_arrived(self, recipients: RecipientList | None) -> None:
        pending = self.pending
        if recipients is None or pending is None:
            self.refresh()
            return
        ours = (isinstance(pending, FileSource) and self.controller.recipients_path == pending.path) or (
            isinstance(pending, ContactsSource) and self.controller.contacts_source == pending
        )
        rows = self.pending_rows
        self.pending, self.pending_rows = None, ()
        if ours:
            self.window.recipients.model.leave_out(rows)
        self.refresh()

    def _load_contacts(self) -> None:
        pending = self.pending
        if not isinstance(pending, ContactsSource):
            return
        if self.controller.account is None:
            note = self.tr("Sign in to load this campaign's contacts.")
            self.window.recipients.source_label.setText(note)  # stays until the contacts arrive
            self.window.statusBar().showMessage(note)
            return
        self._contacts_asked = True
        self.controller.open_address_book(pending.mailbox)

    def _signed_in(self, account: object) -> None:
        if account is not None and isinstance(self.pending, ContactsSource) and not self._contacts_asked:
            self._load_contacts()

    def _contacts_opened(self, opened: OpenedAddressBook) -> None:
        pending = self.pending
        if not self._contacts_asked or not isinstance(pending, ContactsSource):
            return
        self._contacts_asked = False

        def job(_cancel: threading.Event) -> RecipientList:
            return recipient_list(opened.book, select_contacts(opened.book, pending.filter), pending.address)

        def done(chosen: object) -> None:
            if self.pending == pending and isinstance(chosen, RecipientList):
                self.controller.set_recipients(chosen, pending)

        self.controller.run(job, done, failed=self._source_failed)

    def _contacts_failed(self, message: str) -> None:
        if self._contacts_asked:
            self._contacts_asked = False
            self._source_failed(message)
