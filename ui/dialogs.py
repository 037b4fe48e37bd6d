"""Readable dialogs: errors (the sentence first, details to copy, no traceback) and the unsaved question."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ui import theme

log = logging.getLogger(__name__)


def error_box(parent: QWidget | None, message: str, details: str | None = None) -> QMessageBox:
    """The dialog for ``message``; ``details`` (copyable) sit behind "Show Details…"."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, QCoreApplication.translate("Dialogs", "SecureMailMerge"), message
    )
    box.setParent(parent, box.windowFlags())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    if details:
        box.setDetailedText(details)
    return box


def show_error(parent: QWidget | None, message: str, details: str | None = None) -> None:
    """Show ``message`` without blocking the caller's signal handler."""
    box = error_box(parent, message, details)
    box.setModal(True)
    box.open()
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box))


_open_boxes: list[QMessageBox] = []


def say(label: QLabel, text: str, problem: bool = False) -> None:
    """Show ``text`` in ``label`` (hidden when empty); a problem in red that reads at 4.5:1 in any theme."""
    theme.show_as_error(label, problem)
    label.setWordWrap(True)
    label.setText(text)
    label.setVisible(bool(text))


def install_excepthook() -> None:
    """A bug on the UI thread becomes a short sentence with the traceback as copyable details."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        message = QCoreApplication.translate(
            "Dialogs", "Something unexpected went wrong: {error}. Your work is kept; please report this."
        ).format(error=error)
        show_error(None, message, "".join(traceback.format_exception(kind, error, trace)))

    sys.excepthook = hook


def unsaved_question(parent: QWidget | None, name: str) -> QMessageBox:
    """The question before unsaved changes would be lost: Save, Don't Save or Cancel."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("CampaignFiles", "Unsaved campaign"),
        QCoreApplication.translate("CampaignFiles", "Do you want to save the changes to {name}?").format(
            name=name
        ),
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate("CampaignFiles", "Your changes will be lost if you don't save them.")
    )
    discard = box.button(buttons.Discard)
    assert discard is not None
    # Qt names this button "Discard" outside macOS; every document app says "Don't Save".
    discard.setText(QCoreApplication.translate("CampaignFiles", "Don't Save"))
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    return box


def ask_to_save(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Ask whether to save the changes to ``name``; the button chosen (Cancel when closed)."""
    return QMessageBox.StandardButton(unsaved_question(parent, name).exec())
