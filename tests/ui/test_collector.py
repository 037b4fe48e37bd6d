"""The cyclic collector while loads run: paused during one, the loaded data frozen after, back on after."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from ui import collector


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    """Each test starts and ends with nothing frozen and the collector on."""
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.enable()


def test_what_a_load_made_is_kept_out_of_the_collectors_walks() -> None:
    with collector.loading():
        assert not gc.isenabled()
        loaded = [[n] for n in range(1000)]  # lists are tracked: the collector would walk each
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(loaded)
    assert all(gc.is_tracked(row) for row in loaded)


def test_the_collector_comes_back_only_when_the_last_of_two_overlapping_loads_ends() -> None:
    first_inside, second_done = threading.Event(), threading.Event()

    def second() -> None:
        first_inside.wait()
        with collector.loading():
            pass
        second_done.set()

    helper = threading.Thread(target=second)
    helper.start()
    with collector.loading():
        first_inside.set()
        second_done.wait()
        assert not gc.isenabled()
    helper.join()
    assert gc.isenabled()


def test_a_failing_load_still_turns_the_collector_back_on() -> None:
    with pytest.raises(ValueError, match="unreadable"), collector.loading():
        raise ValueError("unreadable")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector.loading():
        pass
    assert not gc.isenabled()
