"""Run engine work off the UI thread: a QRunnable that iterates a generator and emits its events.

Shaped like superqt's ``GeneratorWorker``: the signals sit on a helper QObject; ``started`` first,
then ``yielded`` for every event, then exactly one of ``returned`` (the result), ``aborted`` (the
user asked to stop) or ``errored`` (the exception), and ``finished`` last, always, so the window
resets itself in one place. ``quit()`` only asks: the worker stops before the next step, and an
error raised by a job that was asked to stop counts as aborted. ``run()`` called directly runs the
job in the calling thread, as tests do. It never touches a widget.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from securemailmerge.errors import SecureMailMergeError
from ui.pulse import give_way

log = logging.getLogger(__name__)

# Python hands the GIL to a waiting thread only every "switch interval" (5 ms by default), and the
# UI thread needs it for each call into Python while it paints (a model's data(), a slot). With a
# busy Python thread beside it, a 100,000-row table's repaint took 176-184 ms (median) at 5 ms and
# 116-128 ms at 0.5 ms, its longest stall 430-480 ms against 305-366 ms (a 6 s loaded-machine run).
GIL_SWITCH_INTERVAL = 0.0005


def share_the_gil() -> None:
    """Let the UI thread take the GIL from a busy worker within half a millisecond."""
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))


class WorkerSignals(QObject):
    """The signals of one worker; they cross threads, widgets never do."""

    started = Signal()
    yielded = Signal(object)
    returned = Signal(object)
    aborted = Signal()
    errored = Signal(object)
    finished = Signal()


class _Aborted(Exception):
    """The user asked the job to stop."""


class Worker(QRunnable):
    """Runs ``job(cancel)``: a generator's items become ``yielded``, its return value ``returned``."""

    def __init__(self, job: Callable[[threading.Event], Any]) -> None:
        super().__init__()
        # The caller keeps the worker; Qt must not delete it under Python's feet after run().
        self.setAutoDelete(False)
        self.job = job
        self.cancel = threading.Event()
        self.signals = WorkerSignals()

    def quit(self) -> None:
        """Ask the job to stop at its next step; ``aborted`` confirms it."""
        self.cancel.set()

    @property
    def abort_requested(self) -> bool:
        """True once ``quit`` was called."""
        return self.cancel.is_set()

    def run(self) -> None:
        """Run the job on a pool thread; every outcome becomes a signal, and ``finished`` comes last."""
        self.signals.started.emit()
        try:
            result = self.job(self.cancel)
            if isinstance(result, Generator):
                result = self._drain(result)
        except _Aborted:
            self.signals.aborted.emit()
        except Exception as error:  # the UI must show something instead of dying silently
            if self.cancel.is_set():
                # The stop was asked for; what it broke (a cancelled sign-in, say) is no news.
                self.signals.aborted.emit()
            else:
                if not isinstance(error, SecureMailMergeError):
                    log.exception("unexpected error in a background job")
                self.signals.errored.emit(error)
        else:
            self.signals.returned.emit(result)
        finally:
            self.signals.finished.emit()

    def start(self, pool: QThreadPool | None = None) -> Worker:
        """Queue the job on ``pool`` (the global one by default); connect the signals before this."""
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _drain(self, events: Generator[Any, None, Any]) -> Any:
        try:
            while True:
                if self.cancel.is_set():
                    raise _Aborted
                try:
                    event = next(events)
                except StopIteration as stop:
                    return stop.value
                self.signals.yielded.emit(event)
                give_way()
        finally:
            events.close()
