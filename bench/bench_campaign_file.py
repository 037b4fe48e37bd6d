"""Benchmark: campaign files with 100,000 recipients of whom 10,000 are left out.

Prints the time of the title's unsaved-changes check (it runs at every edit, on the UI thread),
of saving and opening the campaign file, and of one autosave tick on the UI thread (its writing
runs on a thread of its own). Run: ``.venv/bin/python bench/bench_campaign_file.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SMM_DATA_DIR"] = tempfile.mkdtemp(prefix="smm-bench-campaign-file-")

ROWS, LEFT_OUT, RUNS = 100_000, 10_000, 50


def main() -> None:
    """Load the list in the real window, leave rows out, then time each step."""
    from PySide6.QtWidgets import QApplication

    from securemailmerge.campaign import load_campaign, save_campaign
    from ui.controller import Controller
    from ui.window import MainWindow

    app = QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="smm-bench-campaign-"))
    listing = folder / "big.csv"
    with listing.open("w", encoding="utf-8") as handle:
        handle.write("Name,Email\n")
        handle.writelines(f"P{i},p{i}@example.com\n" for i in range(ROWS))
    window = MainWindow(Controller(None))
    window.recipients.open_file(listing)
    while window.recipients.model.rowCount() < ROWS:
        app.processEvents()
    window.recipients.model.leave_out(range(2, 2 + 2 * LEFT_OUT, 2))
    app.processEvents()
    started = time.perf_counter()
    for _ in range(RUNS):
        window.campaign.refresh()
    print(f"unsaved-changes check and title: {(time.perf_counter() - started) / RUNS * 1000:.2f} ms")
    document = window.campaign.document()
    saved = folder / "big.smmcampaign"
    started = time.perf_counter()
    save_campaign(document, saved)
    print(f"save: {(time.perf_counter() - started) * 1000:.1f} ms ({saved.stat().st_size:,} bytes)")
    started = time.perf_counter()
    assert load_campaign(saved) == document
    print(f"open (read and check every field): {(time.perf_counter() - started) * 1000:.1f} ms")
    started = time.perf_counter()
    window.campaign.autosave_now()
    print(f"autosave tick on the UI thread: {(time.perf_counter() - started) * 1000:.1f} ms")
    window.campaign.autosave.wait()
    window.campaign.discard_changes()
    window.close()


if __name__ == "__main__":
    main()
