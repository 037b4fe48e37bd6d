"""Settings written to their file on a thread of their own, so that the window never waits for the disk.

QSettings saves a file through a save file that it flushes to disk (and a lock file it flushes
too): 10-35 ms on an idle disk for each value, and far longer on a busy one, all on the thread
that stored it. Here a value waits in memory, where reads find it at once, until the writer
thread has put it in the file; values stored meanwhile are written together. ``flush`` waits for
everything stored so far, as the app does before it exits (and at interpreter exit).
"""

from __future__ import annotations

import atexit
import threading
from typing import Any

from PySide6.QtCore import QSettings

_Key = tuple[str, str]  # the settings file and the key in it
FLUSH_TIMEOUT = 10.0  # seconds an exiting app waits for a disk that does not answer


class SettingsWriter:
    """Values waiting to be written, and the thread that writes them."""

    def __init__(self) -> None:
        self._waiting: dict[_Key, Any] = {}
        self._writing: dict[_Key, Any] = {}
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def write(self, path: str, key: str, value: object) -> None:
        """Store ``value`` under ``key`` of the file ``path``; it reaches the file shortly after."""
        with self._changed:
            self._waiting[(path, key)] = value
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="settings-writer", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def pending(self, path: str, key: str) -> tuple[bool, Any]:
        """Whether ``key`` of ``path`` is still to be written, and its value if so."""
        with self._changed:
            for values in (self._waiting, self._writing):
                if (path, key) in values:
                    return True, values[(path, key)]
        return False, None

    def flush(self, timeout: float = FLUSH_TIMEOUT) -> bool:
        """Wait until every value stored so far is in its file; False if that took over ``timeout`` s."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._waiting and not self._writing, timeout)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._waiting))
                self._writing, self._waiting = self._waiting, {}
                batch = dict(self._writing)
            files: dict[str, QSettings] = {}
            for (path, key), value in batch.items():
                if path not in files:
                    files[path] = QSettings(path, QSettings.Format.IniFormat)
                files[path].setValue(key, value)
            for settings in files.values():
                settings.sync()
            with self._changed:
                self._writing = {}
                self._changed.notify_all()


WRITER = SettingsWriter()
atexit.register(WRITER.flush)
