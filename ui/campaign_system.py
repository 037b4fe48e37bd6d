"""How the system hands a campaign file to the app: the command line, macOS's open event, a name test.

Windows' file association starts ``SecureMailMerge.exe "%1"`` and the Linux .desktop entry
``SecureMailMerge %f``: both name the file as an argument. macOS starts the app (or finds it
running) and sends a ``QFileOpenEvent`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent

from securemailmerge.campaign import EXTENSION

if TYPE_CHECKING:
    from ui.window import MainWindow


def is_campaign_file(path: Path) -> bool:
    """True for a name ending in ``.smmcampaign`` (any case)."""
    return path.suffix.lower() == EXTENSION


class SystemOpener(QObject):
    """Opens the campaign file macOS hands over (a double-click in Finder, a drop on the Dock icon)."""

    def __init__(self, current: Callable[[], MainWindow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = current  # the window on screen: a language change replaces it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take a ``QFileOpenEvent`` of a campaign file; everything else goes on as usual."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            if is_campaign_file(path):
                # Not inside the event: the unsaved-changes question needs an event loop of its own.
                QTimer.singleShot(0, lambda: self.current().campaign.open_path(path))
                return True
        return super().eventFilter(watched, event)


def campaign_argument(arguments: list[str]) -> tuple[Path | None, list[str]]:
    """The campaign file named on the command line (Windows' ``"%1"``, a .desktop ``%f``), and the rest."""
    for position, argument in enumerate(arguments):
        if not argument.startswith("-") and is_campaign_file(Path(argument)):
            return Path(argument), arguments[:position] + arguments[position + 1 :]
    return None, arguments
