"""Autosave: unsaved campaigns kept in the data folder, and offered back after a crash.

Each running app writes its own autosave file, named after itself and guarded by a ``QLockFile``
that it holds while it runs. A clean exit deletes the file; a crash, a kill or a power cut leaves
it behind, and its lock goes stale with the process that held it (Qt checks that the process is
gone). So the next start finds exactly the campaigns nobody is working on any more, and a second
window open at the same time never offers to "recover" the first one's work.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QThreadPool, Signal

from securemailmerge.campaign import EXTENSION, CampaignDocument, load_campaign, save_campaign
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.paths import data_dir
from securemailmerge.safepaths import write_atomically

AUTOSAVE_MS = 60_000  # a minute of work is the most a crash can take


def autosave_dir() -> Path:
    """Where autosaved campaigns live."""
    return data_dir() / "autosave"


@dataclass
class LeftBehind:
    """An autosave whose app ended without cleaning up; its lock is held until ``release``."""

    path: Path
    original: Path | None  # the campaign file it was a change of, if it had been saved
    saved_at: float
    lock: QLockFile

    def read(self) -> CampaignDocument:
        """The autosaved campaign; CampaignFileError when it cannot be read."""
        return load_campaign(self.path)

    def discard(self) -> None:
        """Delete the autosave and let go of its lock."""
        _remove(self.path)
        self.lock.unlock()


def _meta(path: Path) -> Path:
    return path.with_suffix(".json")


def _remove(path: Path) -> None:
    for file in (path, _meta(path)):
        file.unlink(missing_ok=True)


class AutosaveSignals(QObject):
    """What the writing thread tells the window (queued to the UI thread)."""

    failed = Signal(str)


class Autosave:
    """This app's autosave file: written while there are unsaved changes, deleted when there are none.

    The writing (JSON, fsync of the file and of its folder: some 50 ms on an ordinary disk) runs on a
    thread of its own, one step after another, so the window never waits for the disk and a later
    deletion never overtakes an earlier write.
    """

    def __init__(self) -> None:
        self.path: Path | None = None
        self.signals = AutosaveSignals()
        self._lock: QLockFile | None = None
        self._written: CampaignDocument | None = None
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)

    def write(self, document: CampaignDocument, original: Path | None) -> None:
        """Keep ``document`` (unless it is what was written last); ``signals.failed`` says a problem."""
        if self.path is not None and document == self._written:
            return
        if self.path is None:
            folder = autosave_dir()
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{os.getpid()}-{time.time_ns()}"
            lock = QLockFile(str(folder / f"{name}.lock"))
            lock.setStaleLockTime(0)  # stale only when the process is gone, however long it ran
            lock.tryLock(0)
            self._lock, self.path = lock, folder / f"{name}{EXTENSION}"
        path, self._written = self.path, document
        meta = {"original": None if original is None else str(original.absolute())}

        def job() -> None:
            try:
                # The note first: an autosave found after a crash always has the note it belongs with.
                write_atomically(_meta(path), json.dumps(meta).encode("utf-8"))
                save_campaign(document, path)
            except (SecureMailMergeError, OSError) as error:
                self.signals.failed.emit(str(error))

        self._pool.start(job)

    def clear(self) -> None:
        """Nothing is unsaved any more (saved, discarded, or the app closes cleanly)."""
        if self.path is not None:
            self._pool.start(lambda path=self.path: _remove(path))
        self._written = None

    def wait(self) -> None:
        """Until every write and deletion asked for is done."""
        self._pool.waitForDone()

    def close(self) -> None:
        """The app ends cleanly: delete the autosave and release its lock."""
        self.clear()
        self.wait()
        if self._lock is not None:
            self._lock.unlock()
        self._lock, self.path = None, None


def left_behind() -> list[LeftBehind]:
    """Autosaves of apps that ended without cleaning up, newest first, each locked for this app."""
    folder = autosave_dir()
    found = []
    for path in sorted(folder.glob(f"*{EXTENSION}")) if folder.is_dir() else []:
        lock = QLockFile(str(path.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # its app is still running
        original = None
        try:
            meta = json.loads(_meta(path).read_text("utf-8"))
            original = Path(meta["original"]) if isinstance(meta.get("original"), str) else None
        except (OSError, ValueError, AttributeError):
            pass  # the campaign itself is what matters; without its note it is recovered as untitled
        found.append(LeftBehind(path, original, path.stat().st_mtime, lock))
    return sorted(found, key=lambda item: item.saved_at, reverse=True)
