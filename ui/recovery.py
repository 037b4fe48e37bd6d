"""After a crash with several unsaved campaigns left behind: each one offered, to recover, save or discard.

One window holds one campaign, so one of them is recovered here; each other one can be saved to a
campaign file of its own (to open later, from Recent campaigns too) or discarded. What the user does
not decide on stays in the data folder and is offered again at the next start.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import EXTENSION, save_campaign
from securemailmerge.errors import SecureMailMergeError
from ui import formatting, settings
from ui.autosave import LeftBehind
from ui.dialogs import say

RECENT = "campaigns"  # the recent-campaigns list of the File menu (``campaign_files``)


def autosave_name(item: LeftBehind) -> str:
    """The name the user knows an autosaved campaign by: its file's, or "Untitled campaign"."""
    if item.original is not None:
        return item.original.name
    return QCoreApplication.translate("CampaignFiles", "Untitled campaign")


class RecoveryDialog(QDialog):
    """The autosaves left behind, newest first: Recover one here, Save another as a file, or Discard it."""

    def __init__(self, found: list[LeftBehind], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = list(found)
        self.chosen: LeftBehind | None = None
        self.setWindowTitle(self.tr("Recover campaigns"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "SecureMailMerge did not close properly. These campaigns have unsaved changes; "
                "recover one here, save the others as files to open later, or discard them."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Unsaved campaigns"))
        layout.addWidget(self.list, 1)
        self.problem = QLabel(self)
        say(self.problem, "")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.recover_button = self._button(self.tr("&Recover"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = self._button(self.tr("&Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.discard_button = self._button(self.tr("&Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = self._button(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        self.save_button.clicked.connect(self.ask_save)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill()
        self.resize(560, 320)

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(text, self)
        self.buttons.addButton(button, role)
        return button

    def _fill(self) -> None:
        self.list.clear()
        for item in self.found:
            saved = formatting.when(datetime.fromtimestamp(item.saved_at).astimezone())
            text = self.tr("{name}, changed {time}").format(name=autosave_name(item), time=saved)
            QListWidgetItem(text, self.list).setToolTip(str(item.original or item.path))
        self.list.setCurrentRow(0)
        for button in (self.recover_button, self.save_button, self.discard_button):
            button.setEnabled(bool(self.found))

    def selected(self) -> LeftBehind | None:
        """The autosave chosen in the list."""
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def recover(self) -> None:
        """Recover the chosen campaign into the window; the others stay for later."""
        self.chosen = self.selected()
        if self.chosen is not None:
            self.found.remove(self.chosen)
            self.accept()

    def ask_save(self) -> None:
        """Ask where to save the chosen campaign, then save it there."""
        item = self.selected()
        if item is None:
            return
        start = str(item.original or Path.home() / (self.tr("Recovered campaign") + EXTENSION))
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save campaign"),
            start,
            self.tr("Campaigns (*{extension})").format(extension=EXTENSION),
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> bool:
        """Save the chosen campaign to ``path`` and take it off the list (it is in Recent campaigns)."""
        item = self.selected()
        if item is None:
            return False
        if not path.name.endswith(EXTENSION):
            path = path.with_name(path.name + EXTENSION)
        try:
            save_campaign(item.read(), path)
        except SecureMailMergeError as error:
            say(self.problem, str(error), problem=True)
            return False
        say(self.problem, self.tr("Saved {file}.").format(file=path.name))
        settings.remember(RECENT, str(path.absolute()))
        self._drop(item)
        return True

    def discard(self) -> None:
        """Delete the chosen campaign's unsaved changes for good."""
        item = self.selected()
        if item is not None:
            self._drop(item)

    def _drop(self, item: LeftBehind) -> None:
        item.discard()
        self.found.remove(item)
        self._fill()
        if not self.found:
            self.reject()

    def ask(self) -> LeftBehind | None:
        """Show the dialog until the user closes it; the campaign to recover here, if one was chosen.

        The autosaves left undecided (still in ``found``) are let go of, so the next start offers them.
        """
        self.exec()
        for item in self.found:
            item.lock.unlock()
        return self.chosen
