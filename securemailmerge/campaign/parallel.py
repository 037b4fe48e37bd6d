"""Long work on several cores: each forked worker process does one stretch of the rows.

Rendering is Python, so one core checks some tens of thousands of rows a second, and a million rows
take a minute. ``in_stretches`` cuts the rows into one stretch per worker. Each worker is a fork of
this process: it reads the recipients and the compiled template where they are, without copying them
(the cyclic collector is frozen first, or its walks would copy every page), does its stretch and
sends back only what the caller keeps of it; the results come back in row order, so the caller can
put together what one process would have made (``check.preflight`` does; a test holds the two to
each other).

Fork is only safe in a process that runs one thread (a lock held by another thread at the fork stays
held forever in the child), so this runs on Linux only, never beside other threads, and a worker that
fails in any way makes the caller do the whole work in this process.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

PARALLEL_ROWS = 20_000
"""Fewer rows than this are done in this process: starting workers would cost more than it saves."""

Result = TypeVar("Result")


def available_workers() -> int:
    """How many worker processes long work may use here: the cores, or 1 where forking is unsafe."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return 1
    return max(1, len(os.sched_getaffinity(0)))


def in_stretches(rows: int, workers: int, work: Callable[[int, int], Result]) -> list[Result] | None:
    """``work(start, end)`` for consecutive stretches of ``range(rows)``, each in a forked worker.

    The results are in row order; None when the work must be done in this process (few rows, one
    worker, no fork, other threads running, or a worker that failed).
    """
    workers = min(workers, rows // (PARALLEL_ROWS // 2) or 1)
    if workers < 2 or rows < PARALLEL_ROWS or available_workers() < 2 or threading.active_count() > 1:
        return None
    import multiprocessing  # a tenth of a second: only a long check pays for it

    bounds = [rows * number // workers for number in range(workers + 1)]
    context = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        started = []
        for start, end in itertools.pairwise(bounds):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_stretch, args=(work, start, end, sender), daemon=True)
            process.start()
            sender.close()
            started.append((process, receiver))
        results = [_receive(process, receiver) for process, receiver in started]
    finally:
        gc.unfreeze()
    if any(result is None for result in results):
        return None
    return [result[0] for result in results if result is not None]


def _stretch(work: Callable[[int, int], Any], start: int, end: int, sender: Connection) -> None:
    """In a worker: do rows ``start`` to ``end`` and send the result back."""
    result: tuple[Any] | None = None
    try:
        result = (work(start, end),)
    except Exception:  # the caller does the work again in its own process, and reports what it finds
        result = None
    finally:
        sender.send(result)
        sender.close()


def _receive(process: Any, receiver: Connection) -> tuple[Any] | None:
    """What one worker sent, or None when it ended without sending a result."""
    try:
        result: tuple[Any] | None = receiver.recv()
    except (EOFError, OSError):
        result = None
    finally:
        receiver.close()
    process.join()
    return result if process.exitcode == 0 else None
