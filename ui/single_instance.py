"""A campaign file opened while the app runs goes to the running window instead of a second app.

Windows and Linux start a new process for every double-click on a file. The running app holds a
lock in the data folder and watches a folder of open requests; a later start that finds the lock
held writes its file's path there as a request and waits for the running app to take it. Only
QtCore is needed (no socket), each user's data folder has its own lock and folder, and a request
that nobody takes in time (the running app is stuck in a dialog of another program, or ending) is
withdrawn, and the new process opens the file itself.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QTimer

from securemailmerge.paths import data_dir
from securemailmerge.safepaths import write_atomically

if TYPE_CHECKING:
    from ui.window import MainWindow

WAIT_SECONDS = 5.0  # how long a later start waits for the running app to take its file


def requests_dir() -> Path:
    """Where later starts leave the files they were asked to open."""
    return data_dir() / "open-requests"


def _lock() -> QLockFile:
    data_dir().mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir() / "window.lock"))
    lock.setStaleLockTime(0)  # stale only when the process that holds it is gone
    return lock


def hand_over(path: Path, wait_seconds: float = WAIT_SECONDS) -> bool:
    """Give ``path`` to the app already running; False when none runs or it did not take it."""
    probe = _lock()
    if probe.tryLock(0):
        probe.unlock()
        return False
    folder = requests_dir()
    folder.mkdir(parents=True, exist_ok=True)
    request = folder / f"{os.getpid()}-{time.time_ns()}.json"
    write_atomically(request, json.dumps({"open": str(path.absolute())}).encode("utf-8"))
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if not request.exists():
            return True
        time.sleep(0.05)
    try:
        request.unlink()  # withdrawn: this process opens the file itself
    except FileNotFoundError:
        return True  # taken in the last moment
    return False


class Receiver(QObject):
    """In the running app: holds the lock and opens each requested file in the window on screen."""

    def __init__(self, current: Callable[[], MainWindow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = current  # a language change replaces the window; this outlives each one
        self.lock = _lock()
        self.listening = self.lock.tryLock(0)  # False: another app of this user already listens
        self.watcher = QFileSystemWatcher(self)
        if self.listening:
            folder = requests_dir()
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.json"):
                stale.unlink(missing_ok=True)  # its sender gave up long ago and opened the file itself
            self.watcher.addPath(str(folder))
            self.watcher.directoryChanged.connect(lambda _folder: self.take())

    def take(self) -> None:
        """Open the files asked for (each after the question about unsaved changes)."""
        for request in sorted(requests_dir().glob("*.json")):
            try:
                wanted = json.loads(request.read_text("utf-8")).get("open")
                request.unlink()
            except (OSError, ValueError, AttributeError):
                continue  # being written, already taken, or not a request
            if isinstance(wanted, str) and wanted:
                # Not inside the watcher's signal: the question needs an event loop of its own.
                QTimer.singleShot(0, lambda path=Path(wanted): self._open(path))

    def _open(self, path: Path) -> None:
        window = self.current()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        window.campaign.open_path(path)
