"""The real window in a process of its own, driven like a user, for the crash journey to kill mid-send.

``python -m tests.ui.journeys.window TENANT_JSON RECIPIENTS_CSV TEMPLATE_JSON`` signs in with a code,
opens the recipients and the template, starts the campaign, confirms it, and prints each line the
Send step's log gains (``Row 2: sent.`` ...), so the test can SIGKILL it at the moment it chooses.
The data folder is the one ``SMM_DATA_DIR`` names, as for the app itself.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from securemailmerge.m365 import load_tenant_config
from ui.controller import Controller
from ui.window import MainWindow

TIMEOUT = 60.0  # seconds for any one step; the test's own watchdog ends a process that hangs anyway


def wait_until(app: QApplication, done: Callable[[], bool]) -> None:
    """Let the window work until ``done`` holds; SystemExit when it never does."""
    deadline = time.monotonic() + TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("the window never got there")
        app.processEvents()
        time.sleep(0.01)


def click(widget: QWidget) -> None:
    """A left click, as the user gives it."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def main(tenant: Path, recipients: Path, template: Path) -> None:
    """Sign in, open the list and the message, start the campaign and echo the log until killed."""
    app = QApplication([sys.argv[0]])
    window = MainWindow(Controller(load_tenant_config(tenant)))
    window.show()
    click(window.account.sign_in_button)
    wait_until(app, window.account.dialog.isVisible)
    click(window.account.dialog.code_button)
    wait_until(app, lambda: window.account.sign_in_button.text() == "Sign out")
    window.go_to(1)
    window.recipients.open_file(recipients)
    wait_until(app, lambda: window.recipients.model.rowCount() > 0)
    assert window.message.open(template)
    window.go_to(4)
    send = window.send

    def confirm() -> None:
        # The confirmation runs its own event loop; a timer inside that loop clicks Yes.
        box = getattr(send, "confirmation", None)
        if isinstance(box, QMessageBox) and box.isVisible():
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, confirm)

    QTimer.singleShot(20, confirm)
    click(send.start_button)
    shown = 0
    while "Done." not in send.log.toPlainText():
        lines = send.log.toPlainText().splitlines()
        for line in lines[shown:]:
            print(line, flush=True)
        shown = len(lines)
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
