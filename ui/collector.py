"""Python's cyclic garbage collector kept from freezing the window while large data is in memory.

A full collection walks every tracked object of the process while holding the GIL, on whatever
thread happened to allocate: beside 20,000 loaded contacts one walk took 90-240 ms, and the window
stood still for as long. The data a load brings (a recipient list, an address book, the network
log) stays until the next load and holds no reference cycles, so walking it finds nothing. Once a
load has finished, ``keep`` moves everything alive out of the collector's sight (``gc.freeze``):
the walks that follow cover only what was made since. Frozen objects are still freed by reference
counting when the next load replaces them; only a reference cycle among them would stay, and the
loads make none. Full collections also come ten times less often (``calm``): a load allocates
hundreds of thousands of objects before it can be frozen, and each full walk of them is a stall.
"""

from __future__ import annotations

import gc

# Full collections after this many collections of the middle generation (Python's default: 10).
FULL_AFTER = 100


def calm() -> None:
    """Make full collections rarer for the rest of the process (the young ones stay as they are)."""
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, max(FULL_AFTER, _full))


def keep() -> None:
    """A load finished: what is alive now stays, so the collector stops walking it (any thread)."""
    gc.freeze()
