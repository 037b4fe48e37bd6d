"""Run engine work off the UI thread: a QRunnable that iterates a generator and emits its events.

Modelled on superqt's thread worker: the signals sit on a helper QObject, the worker checks a cancel
flag between steps, and it never touches a widget. The engine's typed errors arrive as ``failed``
with the exception, so the window can show its translated message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from securemailmerge.errors import SecureMailMergeError

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """The signals of one worker; they cross threads, widgets never do."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """Runs ``job(cancel)``: a generator's items become ``progress``, its return value ``finished``."""

    def __init__(self, job: Callable[[threading.Event], Any]) -> None:
        super().__init__()
        # The caller keeps the worker; Qt must not delete it under Python's feet after run().
        self.setAutoDelete(False)
        self.job = job
        self.cancel = threading.Event()
        self.signals = WorkerSignals()

    def run(self) -> None:
        """Run the job on a pool thread; every outcome becomes a signal."""
        try:
            result = self.job(self.cancel)
            if isinstance(result, Generator):
                result = self._drain(result)
        except SecureMailMergeError as error:
            self.signals.failed.emit(error)
            return
        except Exception as error:  # the UI must show something instead of dying silently
            log.exception("unexpected error in a background job")
            self.signals.failed.emit(error)
            return
        self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> Worker:
        """Queue the job on ``pool`` (the global one by default); connect the signals before this."""
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _drain(self, events: Generator[Any, None, Any]) -> Any:
        while not self.cancel.is_set():
            try:
                self.signals.progress.emit(next(events))
            except StopIteration as stop:
                return stop.value
        events.close()
        return None
