"""``--self-test``: prove a bundle is whole without a person at the screen, then exit 0.

CI runs it on the frozen program (``tools/package.py``): whatever PyInstaller left out (a Qt
plugin, a translation, the sample, the Graph schema the sandbox checks requests against, an SSL
module msal needs) fails one named step instead of a customer's first start. It uses the window
and the controller exactly as a user's start does: the sample is opened, the demo user signs in to
the sandbox with a code, and one message is rendered into a widget.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, SignalInstance
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QTextBrowser

from securemailmerge import __version__
from securemailmerge.m365 import Account
from securemailmerge.resources import asset_path
from securemailmerge.template import RenderedMessage
from ui.controller import Controller
from ui.i18n import install_translations

if TYPE_CHECKING:
    from ui.window import MainWindow

STEP_TIMEOUT_MS = 60_000


class SelfTestFailed(Exception):
    """One step of the self-test did not hold; the message says which and why."""


def _wait(signal: SignalInstance, start: Callable[[], object], failed: SignalInstance) -> Any:
    """Run ``start`` and wait for ``signal``; an error on ``failed`` or a time-out fails the step."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def arrived(value: object) -> None:
        outcome["value"] = value
        loop.quit()

    def refused(message: str) -> None:
        outcome["error"] = message
        loop.quit()

    signal.connect(arrived)
    failed.connect(refused)
    QTimer.singleShot(STEP_TIMEOUT_MS, loop.quit)
    try:
        start()
        loop.exec()
    finally:
        signal.disconnect(arrived)
        failed.disconnect(refused)
    if "error" in outcome:
        raise SelfTestFailed(outcome["error"])
    if "value" not in outcome:
        raise SelfTestFailed(f"no answer within {STEP_TIMEOUT_MS // 1000} s")
    return outcome["value"]


def _check_resources(app: QApplication) -> None:
    if QIcon(str(asset_path("icons", "securemailmerge-256.png"))).isNull():
        raise SelfTestFailed("the app icon is missing from resources/icons")
    for language, expected in (("de", "Anmelden…"), ("es", "Iniciar sesión…")):
        install_translations(app, language)
        if QCoreApplication.translate("MainWindow", "Sign in…") != expected:
            raise SelfTestFailed(f"the {language} translation did not load")
    install_translations(app, "en")


def _render_preview(controller: Controller) -> str:
    recipients = controller.recipients
    if recipients is None or not recipients.rows:
        raise SelfTestFailed("the sample recipients did not load")
    message = controller.preview(recipients.rows[0].fields)
    if not isinstance(message, RenderedMessage):
        raise SelfTestFailed(f"the sample did not render: {message}")
    view = QTextBrowser()
    view.resize(600, 400)
    view.setHtml(message.html)
    if view.grab().isNull() or not view.toPlainText().strip():
        raise SelfTestFailed("the preview widget rendered nothing")
    return message.subject


def self_test(app: QApplication, controller: Controller, window: MainWindow) -> int:
    """Run every step against the sandbox the app was started with; 0 when all held."""
    steps: list[tuple[str, Callable[[], object]]] = [
        ("resources and translations", lambda: _check_resources(app)),
        (
            "sample recipients",
            lambda: _wait(
                controller.recipients_changed,
                lambda: controller.open_recipients(asset_path("sample", "recipients.csv")),
                controller.failed,
            ),
        ),
        ("sample template", lambda: controller.open_template(asset_path("sample", "template.json"))),
        (
            "sign-in to the sandbox",
            lambda: _wait(
                controller.account_changed,
                lambda: controller.sign_in(device_code=True, stay_signed_in=False),
                controller.failed,
            ),
        ),
        ("preview", lambda: _render_preview(controller)),
    ]
    print(f"SecureMailMerge {__version__} self-test", flush=True)
    window.show()
    app.processEvents()
    print("ok window shown", flush=True)  # tools/package.py times the start up to this line
    for name, step in steps:
        try:
            result = step()
        except SelfTestFailed as error:
            print(f"FAILED {name}: {error}", file=sys.stderr, flush=True)
            return 1
        if result is False:
            print(f"FAILED {name}", file=sys.stderr, flush=True)
            return 1
        shown = result.username if isinstance(result, Account) else result if isinstance(result, str) else ""
        print(f"ok {name} {shown}".rstrip(), flush=True)
    window.campaign.discard_changes()  # nobody is there to answer "save the changes?"
    window.close()
    controller.close()
    return 0
