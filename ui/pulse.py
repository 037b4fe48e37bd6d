"""The UI thread's heartbeat, read by workers so that they give way to the window when it falls behind.

Python threads share one GIL and the UI thread gets only about half of it beside a busy worker: a
repaint that takes 50 ms alone took 120-180 ms beside a checking worker. The heartbeat is a 10 ms
timer on the UI thread; a worker that finds it late (the window is painting or handling input)
sleeps a little, leaving the GIL to the window, and goes on as soon as the timer beats again. A
worker never waits long (the window may be late for reasons of its own), and not at all while the
window keeps up.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from securemailmerge import yielding

BEAT_MS = 10
LATE = 0.015  # seconds since the last beat after which the window counts as behind
NAP = 0.002  # one sleep of a worker giving way
LONGEST_WAIT = 0.05  # a worker gives way at most this long per call, whatever the window does


class Pulse(QObject):
    """A timer on the UI thread that notes when it last ran; it beats only while workers are held."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last = time.monotonic()
        self.beating = False  # read by workers: no beat, nothing to wait for
        self._holders = 0
        self._timer = QTimer(self)
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.last = time.monotonic()

    def hold(self) -> None:
        """A worker starts: beat until every holder has released (an idle app never wakes for it)."""
        self._holders += 1
        if self._holders == 1:
            self.last = time.monotonic()
            self.beating = True
            self._timer.start()

    def release(self) -> None:
        """A worker ended."""
        self._holders = max(self._holders - 1, 0)
        if self._holders == 0:
            self.beating = False
            self._timer.stop()

    def behind(self) -> bool:
        """True when the UI thread has not run its timer for a while."""
        return self.beating and time.monotonic() - self.last > LATE

    def give_way(self) -> float:
        """From a worker: sleep while the window is behind (briefly); returns the seconds waited."""
        started = now = time.monotonic()
        while self.beating and now - self.last > LATE and now - started < LONGEST_WAIT:
            time.sleep(NAP)
            now = time.monotonic()
        return now - started


_pulse: list[Pulse] = []


def start_pulse() -> Pulse:
    """The app's heartbeat, started on first use; call it on the UI thread. The engine's long work
    gives way to the window between its blocks from then on."""
    if not _pulse:
        _pulse.append(Pulse())
        yielding.install(give_way)
    return _pulse[0]


def give_way() -> None:
    """From a worker, between two small steps: let a window that fell behind catch up first."""
    if _pulse:
        _pulse[0].give_way()
