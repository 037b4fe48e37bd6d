"""Long work on several cores: each worker process does one stretch of the rows.

Rendering is Python, so one core checks some tens of thousands of rows a second, and a million rows
take a minute. ``in_stretches`` cuts the rows into one stretch per worker and asks the caller for
each stretch's job, a function of nothing that gives what the caller keeps of the stretch; the
results come back in row order, so the caller can put together what one process would have made
(``check.preflight`` does; a test holds the two to each other).

On Linux each worker is a fork of this process: it reads the job's data where it is, without
copying it (the cyclic collector is frozen first, or its walks would copy every page). Fork is only
safe in a process that runs one thread (a lock held by another thread at the fork stays held
forever in the child), so beside other threads (the window's) and where there is no safe fork
(Windows, macOS), the workers are new interpreters, sent the jobs of shorter stretches in turn,
pickled, so that none holds much of the list; in the bundled app each is the program itself started
again, which its entry point turns into a worker (``multiprocessing.freeze_support``). They say
how far they are as each stretch ends, and can be stopped between two. A worker that fails in any
way makes the caller do the whole work in this process. ``SMM_START_METHOD``
(``fork`` or ``spawn``) overrides the system's choice, to find out whether workers are at fault.
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

SPAWNED_ROWS = 50_000
"""The rows a new interpreter is sent at a time."""

START_METHOD: str | None = None
"""How workers start (``fork`` or ``spawn``); ``None`` chooses by the system, as the module says."""

START_METHOD_ENV = "SMM_START_METHOD"

PROGRESS_STRETCHES = 8
"""The stretches each new interpreter is sent at least, when someone watches the progress."""

STOP_CHECK_SECONDS = 0.1
"""How often a wait for new interpreters looks whether it was asked to stop."""

Result = TypeVar("Result")


def start_method() -> str:
    """How worker processes start here: ``fork`` or ``spawn``."""
    chosen = START_METHOD or os.environ.get(START_METHOD_ENV, "").strip().lower()
    if chosen == "spawn" or (chosen == "fork" and hasattr(os, "fork")):
        return chosen
    return "fork" if sys.platform == "linux" and hasattr(os, "fork") else "spawn"


def available_workers() -> int:
    """How many worker processes long work may use here: the cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)


def in_stretches(
    rows: int,
    workers: int,
    job: Callable[[int, int], Callable[[], Result]],
    *,
    progress: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> list[Result] | None:
    """What ``job(start, end)()`` gives for consecutive stretches of ``range(rows)``, each in a worker
    (``job`` is asked here; what it gives runs in the worker, and is pickled for a new interpreter).

    The results are in row order; None when the work must be done in this process (few rows, one
    worker, no way to start one, or a worker that failed) or when ``stop`` was set. New interpreters
    tell ``progress`` the rows done as each stretch ends; forks end together, and tell it once.
    """
    workers = min(workers, rows // (PARALLEL_ROWS // 2) or 1)
    if workers < 2 or rows < PARALLEL_ROWS or available_workers() < 2:
        return None
    method = start_method()
    if method == "fork" and _other_threads():
        method = "spawn"  # a fork beside other threads could inherit a lock held for ever
    import multiprocessing  # a tenth of a second: only a long check pays for it

    context: Any = multiprocessing.get_context(method)
    if method == "spawn":
        return _in_new_interpreters(rows, workers, job, context, progress, stop)
    bounds = [rows * number // workers for number in range(workers + 1)]
    gc.freeze()
    started = []
    try:
        for start, end in itertools.pairwise(bounds):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_stretch, args=(job(start, end), sender), daemon=True)
            started.append((process, receiver))
            process.start()
            sender.close()
        results = [_receive(process, receiver) for process, receiver in started]
    except Exception:  # a job that cannot be sent, a process that cannot start: all of it here
        for process, receiver in started:
            receiver.close()
            if process.is_alive():
                process.kill()
        return None
    finally:
        gc.unfreeze()
    if any(result is None for result in results):
        return None
    if progress is not None:
        progress(rows)
    return [result[0] for result in results if result is not None]


def _in_new_interpreters(
    rows: int,
    workers: int,
    job: Callable[[int, int], Callable[[], Result]],
    context: Any,
    progress: Callable[[int], None] | None,
    stop: threading.Event | None,
) -> list[Result] | None:
    """The jobs of stretches of at most ``SPAWNED_ROWS`` rows, at least one for each worker, done in
    turn by ``workers`` new interpreters: a worker holds one stretch at a time, not a share of the
    list as a fork does. A stop leaves the stretches under way to end by themselves, unwaited for."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # Someone watching gets a step at least every ``PROGRESS_STRETCHES``-th of a worker's rows.
    share = workers * (PROGRESS_STRETCHES if progress is not None else 1)
    bounds = [*range(0, rows, min(SPAWNED_ROWS, -(-rows // share))), rows]
    pool = ProcessPoolExecutor(workers, mp_context=context)
    stopped = False
    try:
        sizes = {pool.submit(_run, job(start, end)): end - start for start, end in itertools.pairwise(bounds)}
        results = list(sizes)
        done, pending = 0, set(sizes)
        while pending:
            ended, pending = wait(pending, timeout=STOP_CHECK_SECONDS, return_when=FIRST_COMPLETED)
            if stop is not None and stop.is_set():
                stopped = True
                return None
            if ended and progress is not None:
                done += sum(sizes[future] for future in ended)
                progress(done)
        return [future.result() for future in results]
    except Exception:  # a worker that failed or could not start, a job that cannot be sent
        return None
    finally:
        pool.shutdown(wait=not stopped, cancel_futures=True)


def _other_threads() -> bool:
    """Whether this process runs a thread besides the calling one: on Linux every thread, Qt's and
    a library's too, which Python's ``threading`` knows only once they ran Python code."""
    try:
        return len(os.listdir("/proc/self/task")) > 1
    except OSError:
        return threading.active_count() > 1


def _run(work: Callable[[], Result]) -> Result:
    """In a new interpreter: one stretch's work."""
    return work()


def _stretch(work: Callable[[], Any], sender: Connection) -> None:
    """In a worker: do the stretch's work and send the result back."""
    result: tuple[Any] | None = None
    try:
        result = (work(),)
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
