"""Benchmark: the event-loop stalls of the Network activity and Do-not-contact views at their largest.

The network log keeps at most 20 MB (5 MB and three rotated files): the view opens on a full log,
and the filter is typed into it; the do-not-contact list of 10,000 addresses marks the rows of a
100,000-row recipient list, then opens and is searched as the user types. Each figure is the
longest gap between ticks of a 5 ms timer (the window's target: under 50 ms), with the wall time
until the result is on screen. ``SMM_STALL_SAMPLE=35`` also prints where each stall came from.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_views.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SMM_DATA_DIR"] = tempfile.mkdtemp(prefix="smm-bench-views-")

from bench_window import StallMeter, big_csv


def full_log() -> int:
    """Fill the network log to its limit with realistic lines; returns how many it keeps."""
    from securemailmerge import paths
    from securemailmerge.m365 import NetworkLog

    log = NetworkLog(paths.log_dir() / "network.log")
    entry = {
        "time": "2026-12-01T11:29:00.123+00:00",
        "purpose": "graph",
        "method": "POST",
        "host": "graph.microsoft.com",
        "path": "/v1.0/me/messages/{id}/send",
        "query": [],
        "request_bytes": 0,
        "client_request_id": "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6",
        "status": 202,
        "response_bytes": 0,
        "duration_ms": 184,
        "request_id": "9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4",
    }
    while len(log.files()) <= log.backups:
        log.write(entry)
    for _ in range(20_000):  # the newest file about full again
        log.write(entry)
    return len(log.entries())


def main() -> None:
    """Print the figures."""
    from PySide6.QtWidgets import QApplication

    from securemailmerge.campaign import DoNotContact
    from ui.controller import Controller
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    meter = StallMeter()
    kept = full_log()
    window = MainWindow(Controller(None))
    window.show()

    started = time.perf_counter()
    stall = meter.measure(
        window.show_network, lambda: bool(window.network_dialog and window.network_dialog.loaded)
    )
    dialog = window.network_dialog
    assert dialog is not None
    print(
        f"open Network activity on {kept:,} requests: longest stall {stall:.0f} ms, "
        f"{time.perf_counter() - started:.1f} s until shown"
    )
    started = time.perf_counter()
    # A text no request holds: every row is tested and the table empties.
    stall = meter.measure(lambda: dialog.filter.setText("/calendar"), lambda: dialog.model.rowCount() == 0)
    print(f"filter {kept:,} requests: longest stall {stall:.0f} ms, {time.perf_counter() - started:.2f} s")
    stall = meter.measure(dialog.filter.clear, lambda: dialog.model.rowCount() == kept)
    print(f"clear the filter: longest stall {stall:.0f} ms")

    folder = Path(os.environ["SMM_DATA_DIR"])
    path = big_csv(folder, 100_000)
    window.message.open(Path("resources/sample/template.json").resolve())  # so that the rows are checked
    controller = window.controller
    controller.set_sender("news@contoso.com")
    DoNotContact.for_mailbox("news@contoso.com").add(
        (f"ana{n * 10}@example.com" for n in range(10_000)), "bench"
    )
    started = time.perf_counter()
    stall = meter.measure(
        lambda: window.recipients.open_file(path),
        lambda: (
            window.recipients.model.rowCount() == 100_000
            and window.recipients.model.blocked_count() == 10_000
            and controller.report is not None
        ),
    )
    print(
        f"load 100,000 rows, mark 10,000 on the do-not-contact list and check the rest: "
        f"longest stall {stall:.0f} ms, "
        f"{time.perf_counter() - started:.1f} s"
    )
    stall = meter.measure(
        window.show_do_not_contact,
        lambda: bool(window.do_not_contact_dialog and window.do_not_contact_dialog.add_button.isEnabled()),
    )
    listed = window.do_not_contact_dialog
    assert listed is not None
    print(f"open the do-not-contact list of 10,000 addresses: longest stall {stall:.0f} ms")
    stalls = []
    for text in ("ana9", "ana99", "ana999", "ana99", "ana9"):  # each shows another number of rows
        wanted = sum(text in f"ana{n * 10}@example.com" for n in range(10_000))
        stalls.append(
            meter.measure(
                lambda text=text: listed.search.setText(text),
                lambda wanted=wanted: not listed.searching and listed.model.rowCount() == wanted,
            )
        )
    print(f"search 10,000 do-not-contact addresses per keystroke: longest stall {max(stalls):.0f} ms")
    window.campaign.discard_changes()  # closing asks nothing
    window.close()
    app.processEvents()
    sys.exit(0)


if __name__ == "__main__":
    main()
