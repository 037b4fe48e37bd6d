"""A campaign file names the folder its attachments and images come from; one outside the file's own
folder is used only once the user allows it.

A campaign file can come from someone else (mail, a share). If it could name any folder, opening it
would let the app read, preview and attach files from anywhere the user can read. So such a folder
is named in a warning, and until the user allows it the campaign file's own folder is used. Folders
of campaigns the user saved (or allowed) are remembered with their file and not asked about again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import settings

TRUSTED = "attachment_folders"  # "campaign file\nfolder" pairs the user allowed or saved


def outside_folder(folder: Path | None, campaign: Path) -> Path | None:
    """``folder`` when it lies outside the campaign file's folder and was not allowed for it, else None."""
    if folder is None:
        return None
    own, chosen = campaign.parent.resolve(), folder.resolve()
    if chosen == own or own in chosen.parents:
        return None
    return None if _pair(campaign, folder) in settings.recent(TRUSTED) else folder


def trust(folder: Path | None, campaign: Path) -> None:
    """Remember that ``campaign`` may use ``folder`` (the user saved it so, or allowed it)."""
    if folder is not None:
        settings.remember(TRUSTED, _pair(campaign, folder))


def _pair(campaign: Path, folder: Path) -> str:
    return f"{os.path.abspath(campaign)}\n{os.path.abspath(folder)}"


def folder_warning(parent: QWidget, folder: Path, campaign: Path, allowed: Callable[[], None]) -> QMessageBox:
    """The warning naming ``folder`` (shown without blocking); "Use that folder" calls ``allowed``."""
    text = QCoreApplication.translate(
        "FolderTrust",
        "{file} takes its attachments and images from {folder}, which is outside the campaign file's "
        "folder. Files there are used only if you allow it.",
    ).format(file=campaign.name, folder=folder)
    box = QMessageBox(
        QMessageBox.Icon.Warning, QCoreApplication.translate("FolderTrust", "Attachment folder"), text
    )
    box.setParent(parent, box.windowFlags())
    box.setInformativeText(
        QCoreApplication.translate(
            "FolderTrust",
            "Until then attachments are looked for in {own}. Allow this only for a campaign you trust.",
        ).format(own=campaign.parent)
    )
    use = box.addButton(
        QCoreApplication.translate("FolderTrust", "Use that folder"), QMessageBox.ButtonRole.AcceptRole
    )
    keep = box.addButton(
        QCoreApplication.translate("FolderTrust", "Keep the campaign's folder"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    use.clicked.connect(allowed)
    box.open()
    return box
