"""Python's cyclic garbage collector kept from freezing the window while large data is in memory.

A full collection walks every tracked object of the process while holding the GIL, on whatever
thread happened to allocate: beside 20,000 loaded contacts one walk took 90-240 ms, and the window
stood still for as long. The data a load brings (a recipient list, an address book, the network
log) stays until the next load and holds no reference cycles, so walking it finds nothing. Once a
load has finished, ``keep`` moves everything alive out of the collector's sight (``gc.freeze``):
the walks that follow cover only what was made since. Frozen objects are still freed by reference
counting when the next load replaces them; only a reference cycle among them would stay: the loads
make none, and the little cyclic garbage other threads have pending at that moment is the price.
A load runs with the collector paused (``loading``), so not even a young collection walks the
objects it makes (100,000 of them took a young collection 30-60 ms); an address book's load too,
network waits included (a full walk of 20,000 contacts read so far took 40-85 ms). Full collections keep
Python's own pace: with them ten times rarer, a non-delivery report waited a minute for something
that lets go of its resource only when it is collected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def keep() -> None:
    """A load finished: what is alive now stays, so the collector stops walking it (any thread)."""
    gc.freeze()


_pausing = threading.Lock()
_loads = {"running": 0, "enabled": True}  # loads running with the collector paused; was it on


@contextmanager
def loading() -> Iterator[None]:
    """Around a short load on a worker: nothing it makes is walked, and it is kept when it ends."""
    with _pausing:
        if _loads["running"] == 0:
            _loads["enabled"] = gc.isenabled()
        _loads["running"] += 1
        gc.disable()
    try:
        yield
    finally:
        with _pausing:
            _loads["running"] -= 1
            keep()
            if _loads["running"] == 0 and _loads["enabled"]:
                gc.enable()
