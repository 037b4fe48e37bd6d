"""Workers give way to a window that fell behind, briefly, and not at all while it keeps up."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from ui.pulse import LONGEST_WAIT, Pulse


def test_a_worker_waits_for_a_window_that_fell_behind_but_never_long(qtbot: QtBot) -> None:
    pulse = Pulse()
    pulse.hold()  # a worker runs
    pulse.last = time.monotonic() - 1  # the window has not run its timer for a second
    waited = pulse.give_way()
    assert LONGEST_WAIT <= waited < LONGEST_WAIT + 0.05


def test_a_worker_goes_on_at_once_while_the_window_keeps_up(qtbot: QtBot) -> None:
    pulse = Pulse()
    pulse.hold()
    waits: list[float] = []

    def worker() -> None:
        for _ in range(20):
            waits.append(pulse.give_way())
            time.sleep(0.005)

    thread = threading.Thread(target=worker)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5_000)  # the event loop runs meanwhile
    assert len(waits) == 20
    assert sorted(waits)[len(waits) // 2] < 0.005  # most steps did not wait at all


def test_an_idle_app_has_no_heartbeat_and_nothing_waits_on_it(qtbot: QtBot) -> None:
    pulse = Pulse()
    pulse.last = time.monotonic() - 1  # no beat for a second: nobody held it
    assert not pulse.behind()
    assert pulse.give_way() < 0.005
    pulse.hold()
    pulse.release()
    assert not pulse._timer.isActive()
