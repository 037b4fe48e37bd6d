"""Benchmark: the window's longest event-loop stall, and the time from launch to an interactive window.

A 5 ms timer runs while the real window (offscreen Qt, the built-in sandbox in a process of its own, as
Microsoft 365 is; ``SMM_SANDBOX_IN_PROCESS=1`` runs it in this one) loads 100,000 recipient
rows and filters them, filters 20,000 Outlook contacts as the user types, and sends a campaign of 20
messages; the longest gap between two ticks is the longest the window froze (target: under 50 ms).
Launch to interactive is the time from creating the QApplication to the first event processed
after the window is shown with the sample open (target: under 1.5 s).
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_window.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SMM_DATA_DIR"] = tempfile.mkdtemp(prefix="smm-bench-window-")

from sandbox_process import sandbox_in_process, sandbox_process
from stallsampler import StallSampler

from ui.sending import Confirmation


class StallMeter:
    """The longest gap between ticks of a fast timer: how long the event loop was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._cpu = time.thread_time()
        self.stalls: list[tuple[float, float, float]] = []
        threshold = os.environ.get("SMM_STALL_SAMPLE")
        self.sampler = StallSampler(lambda: self._last, float(threshold) / 1000) if threshold else None
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        cpu = time.thread_time()
        if self.sampler is not None and now - self._last > self.sampler.threshold:
            self.stalls.append((self._last, now, cpu - self._cpu))
        self._last, self._cpu = now, cpu

    def measure(self, start: Callable[[], None], done: Callable[[], bool], timeout: float = 600) -> float:
        """Run ``start``, spin the event loop until ``done``, and return the longest stall in ms."""
        from PySide6.QtWidgets import QApplication

        self.longest = 0.0
        self.stalls = []
        self._last, self._cpu = time.perf_counter(), time.thread_time()
        self.timer.start()
        if self.sampler is not None:
            self.sampler.start()
        start()
        deadline = time.perf_counter() + timeout
        while not done():
            QApplication.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > deadline:
                raise TimeoutError("the benchmark step did not finish")
        self.timer.stop()
        if self.sampler is not None:
            self.sampler.stop()
            print(self.sampler.report(self.stalls))
        return self.longest * 1000


def launch_time() -> float:
    """Seconds from creating the app to the first event handled with the sample shown."""
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from ui.app import open_sample
    from ui.controller import Controller
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Controller(None))
    open_sample(window)
    window.show()
    app.processEvents()
    elapsed = time.perf_counter() - started
    window.campaign.discard_changes()  # closing asks nothing
    window.close()
    return elapsed


def yes(asked: Confirmation) -> None:
    """Answer the send confirmation with Yes, as the user would."""
    asked.answer = True
    asked.done.set()


AGENDAS = ("de", "en", "es", "de", "en", "es", "de", "en", "es", "missing")


def big_csv(folder: Path, rows: int) -> Path:
    """A CSV file of ``rows`` recipients with the sample template's columns."""
    path = folder / "big.csv"
    # The sample template's columns; every tenth row names an agenda that is missing, so the check
    # finds 10 % of the rows wanting attention, as a real list would.
    lines = ["First Name,Last Name,Email,Company,City,Agenda"]
    lines += [
        f"Ana{n},Núñez,ana{n}@example.com,Firma {n % 977},Sevilla,attachments/agenda-{AGENDAS[n % 10]}.pdf"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    """Print the figures."""
    print(f"launch to interactive: {launch_time():.2f} s")
    from PySide6.QtWidgets import QApplication

    from securemailmerge.m365 import load_tenant_config
    from ui.controller import Controller
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    meter = StallMeter()
    folder = Path(os.environ["SMM_DATA_DIR"])
    sandbox = sandbox_in_process if os.environ.get("SMM_SANDBOX_IN_PROCESS") else sandbox_process
    with sandbox(20_000, "submit_delay=0-1,ndr_delay=1-2") as tenant:
        window = MainWindow(Controller(load_tenant_config(tenant)))
        window.show()
        controller = window.controller
        controller.sign_in(device_code=True, stay_signed_in=False)
        while controller.account is None:
            app.processEvents()
        window.message.open(Path("resources/sample/template.json").resolve())

        path = big_csv(folder, 100_000)
        window.go_to(1)
        stall = meter.measure(
            lambda: window.recipients.open_file(path),
            lambda: window.recipients.model.rowCount() == 100_000 and controller.report is not None,
        )
        print(f"load and check 100,000 rows: longest stall {stall:.0f} ms")

        def type_filter() -> None:
            window.recipients.search.setText("ana9999")

        stall = meter.measure(type_filter, lambda: window.recipients.proxy.rowCount() == 11)
        print(f"filter 100,000 rows by typing: longest stall {stall:.0f} ms")

        dialog = window.recipients.dialog
        dialog.open()
        stall = meter.measure(dialog.load, lambda: dialog.opened is not None and not dialog.loading)
        print(f"load 20,000+ contacts: longest stall {stall:.0f} ms")
        texts = iter(["a", "an", "ana", "ana ", "ana m"])

        def type_search() -> None:
            dialog.search.setText(next(texts))

        stalls = [meter.measure(type_search, lambda: "match" in dialog.summary.text()) for _ in range(5)]
        print(f"filter 20,000 contacts per keystroke: longest stall {max(stalls):.0f} ms")
        dialog.reject()

        small = folder / "twenty.csv"
        small.write_text(
            "First Name,Last Name,Email,Company,City,Agenda\n"
            + "".join(f"P{n},Q,p{n}@example.com,Firma,Köln,attachments/agenda-de.pdf\n" for n in range(20)),
            encoding="utf-8",
        )
        window.recipients.open_file(small)
        while window.recipients.model.rowCount() != 20:
            app.processEvents()
        window.send.pace.setValue(30)
        window.send.sending.confirm_needed.disconnect(window.send._confirm)
        window.send.sending.confirm_needed.connect(yes)
        stall = meter.measure(window.send.start, lambda: not window.send.sending.running)
        if "Done." not in window.send.log.toPlainText():
            raise SystemExit("the campaign did not finish:\n" + window.send.log.toPlainText())
        print(f"send 20 messages: longest stall {stall:.0f} ms")
        window.campaign.discard_changes()  # closing asks nothing
        window.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
