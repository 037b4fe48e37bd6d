"""A point between two steps of long engine work where a front end may let its window run first.

Python threads share one GIL. A worker that loads 100,000 rows or reads a long log beside the
window takes the GIL back after every Python call the window makes while it paints (each cell is
several such calls), and a paint that takes 20 ms alone took 80 ms beside it. The engine calls
``between_steps()`` between its blocks (a few milliseconds of work each); it does nothing unless a
front end has installed a hook: the desktop app installs its heartbeat's ``give_way``, which sleeps
briefly only while the window is behind, and the command line installs none.
"""

from __future__ import annotations

from collections.abc import Callable

_hooks: list[Callable[[], object]] = []


def between_steps() -> None:
    """Called by long engine work between two blocks: the installed hook runs, if any."""
    if _hooks:
        _hooks[0]()


def install(hook: Callable[[], object] | None) -> None:
    """Run ``hook`` at every ``between_steps`` from now on (None: nothing)."""
    _hooks[:] = [hook] if hook is not None else []
