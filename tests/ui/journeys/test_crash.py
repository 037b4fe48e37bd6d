"""The window killed mid-campaign: the next start offers to resume, and each row goes out exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from securemailmerge.m365 import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.helpers import REPO, sandbox_inspect
from tests.ui.conftest import sign_in
from ui.controller import Controller
from ui.window import MainWindow

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PEOPLE = [(f"Person {i}", f"person{i}@example.com") for i in range(1, 5)]
WINDOW_TIMEOUT = 120.0  # seconds; the window reaches its first sent row in a few


def run_window_until_a_row_is_sent(sandbox: Sandbox, folder: Path) -> list[str]:
    """Run the window in its own process and SIGKILL it once its log says a row was sent; its lines."""
    recipients = folder / "people.csv"
    recipients.write_text(
        "Name,Email\n" + "".join(f"{name},{address}\n" for name, address in PEOPLE), encoding="utf-8"
    )
    template = folder / "message.json"
    template.write_text(
        json.dumps({"subject": "Hi {{Name}}", "html": "<p>Hi {{Name}}</p>"}), encoding="utf-8"
    )
    command = [sys.executable, "-m", "tests.ui.journeys.window", str(sandbox.tenant_config_path)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    lines: list[str] = []
    with (
        (folder / "window-stderr.txt").open("w") as stderr,
        subprocess.Popen(
            [*command, str(recipients), str(template)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
            cwd=REPO,
        ) as process,
    ):
        assert process.stdout is not None
        # A window that never sends (or never ends) is killed, so the test fails, never hangs.
        watchdog = threading.Timer(WINDOW_TIMEOUT, process.kill)
        watchdog.start()
        for line in process.stdout:
            lines.append(line.strip())
            if line.strip().endswith(": sent."):
                process.send_signal(signal.SIGKILL)  # no goodbye: as a crash or a power cut would
                break
        process.wait()
        watchdog.cancel()
    assert process.returncode == -signal.SIGKILL, (folder / "window-stderr.txt").read_text()
    return lines


def test_a_campaign_killed_mid_send_is_resumed_at_the_next_start_and_sends_each_row_once(
    qtbot: QtBot, sandbox: Sandbox, tmp_path: Path
) -> None:
    before = run_window_until_a_row_is_sent(sandbox, tmp_path)
    assert sum(line.endswith(": sent.") for line in before) == 1

    again = MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path)))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.resume_offer is not None and again.resume_offer.isVisible())
    offer = again.resume_offer
    assert offer is not None
    assert "did not finish" in offer.text()
    sign_in(qtbot, again)
    qtbot.mouseClick(offer.button(offer.StandardButton.Yes), Qt.MouseButton.LeftButton)
    send = again.send
    assert again.current_step() is send
    qtbot.mouseClick(send.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Done." in send.log.toPlainText(), timeout=60_000)
    assert not send.resume_button.isVisible()

    for _name, address in PEOPLE:
        assert len(sandbox_inspect(sandbox, f"recipients/{address}/messages")) == 1, address
    assert len(sandbox_inspect(sandbox, f"mailboxes/{DEMO_USER}/sent")) == len(PEOPLE)
    drafts = sandbox_inspect(sandbox, f"mailboxes/{DEMO_USER}/messages?folder=drafts")
    assert drafts == []
    again.close()
