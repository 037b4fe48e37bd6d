"""Where the window's stalls come from: every thread's stack, sampled while the UI thread is late.

A thread wakes every millisecond; when the stall meter's last tick is older than the threshold,
it records the Python stack of every other thread. A thread can only sample once it holds the
GIL, so a single C call that keeps the GIL (a big ``str.split``, a regex over a long text) shows
as one sample at the line that made it, taken the moment it returned; a stall made of many short
steps of a busy worker shows as many samples at many lines. The UI thread's own stack says
whether it was running Python (a slot, a model's ``data``) or was inside Qt (``processEvents``).
Used by the window benchmarks when ``SMM_STALL_SAMPLE`` names a threshold in milliseconds:
``SMM_STALL_SAMPLE=35 QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_window.py``.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable

DEPTH = 7  # innermost frames kept of each stack


class StallSampler:
    """Samples every thread's stack while ``last_tick()`` is more than ``threshold`` seconds old."""

    def __init__(self, last_tick: Callable[[], float], threshold: float) -> None:
        self.last_tick = last_tick
        self.threshold = threshold
        self.samples: list[tuple[float, dict[str, str]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        """Start sampling."""
        self.samples = []
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(0.001):
            now = time.perf_counter()
            if now - self.last_tick() <= self.threshold:
                continue
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            stacks = {
                names.get(ident, str(ident)): _stack(frame)
                for ident, frame in sys._current_frames().items()
                if ident != me
            }
            self.samples.append((now, stacks))

    def report(self, stalls: list[tuple[float, float, float]]) -> str:
        """For each stall (start, end, the UI thread's CPU seconds in it), how often each thread was
        seen at each stack."""
        lines = []
        for start, end, cpu in stalls:
            inside = [stacks for at, stacks in self.samples if start < at <= end]
            lines.append(
                f"  stall of {(end - start) * 1000:.0f} ms (UI thread on a CPU {cpu * 1000:.0f} ms), "
                f"{len(inside)} samples, monotonic {start:.4f}-{end:.4f}"
            )
            seen: Counter[tuple[str, str]] = Counter(
                (name, stack) for stacks in inside for name, stack in stacks.items()
            )
            for (name, stack), count in seen.most_common(8):
                lines.append(f"    {count} x {name}:\n{stack}")
        return "\n".join(lines)


def _stack(frame: object) -> str:
    """The innermost frames of ``frame``, one line each, innermost last."""
    summary = traceback.extract_stack(frame)[-DEPTH:]  # type: ignore[arg-type]
    places = ("/".join(entry.filename.split("/")[-2:]) for entry in summary)
    return "\n".join(
        f"      {place}:{entry.lineno} {entry.name}: {entry.line}"
        for place, entry in zip(places, summary, strict=True)
    )
