"""The sign-in says which way it goes; without a browser it says so and uses a code; closing ends it."""

from __future__ import annotations

import webbrowser

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.m365.tenant import TenantConfig, load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from ui.controller import Controller
from ui.signin import SignInDialog
from ui.window import MainWindow

NO_BROWSER = "No web browser could be opened here, so you sign in with a code instead."


@pytest.mark.e2e
@pytest.mark.parametrize("failure", ["refused", "raised"])
def test_without_a_browser_the_window_says_so_and_signs_in_with_a_code(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    def no_browser(url: str) -> bool:
        if failure == "raised":
            raise webbrowser.Error("could not locate runnable browser")
        return False

    monkeypatch.setattr(webbrowser, "open", no_browser)
    with Sandbox(auto_approve=True) as sandbox:
        controller = Controller(load_tenant_config(sandbox.tenant_config_path))
        window = MainWindow(controller)
        qtbot.addWidget(window)
        with (
            qtbot.assertNotEmitted(controller.failed),
            qtbot.waitSignal(controller.browser_unavailable, timeout=20_000),
            qtbot.waitSignal(controller.account_changed, timeout=20_000),
        ):
            controller.sign_in(device_code=False, stay_signed_in=False)
        note = window.browser_note
        assert note.isVisible()
        assert note.text() == NO_BROWSER
        assert DEMO_USER in window.account_label.text()
        window.close()


@pytest.mark.e2e
def test_closing_the_window_while_the_browser_sign_in_waits_ends_it_cleanly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        webbrowser, "open", lambda url: opened.append(url) or True
    )  # the user never comes back
    with Sandbox(auto_approve=True) as sandbox:
        controller = Controller(load_tenant_config(sandbox.tenant_config_path))
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.show()
        worker = controller.sign_in(device_code=False, stay_signed_in=False)
        assert worker is not None
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
        with (
            qtbot.assertNotEmitted(controller.failed),
            qtbot.assertNotEmitted(controller.account_changed),
            qtbot.waitSignal(controller.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy),
        ):
            window.close()
        assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        assert window.account_label.text() == "Not signed in"


@pytest.mark.parametrize(
    ("broker", "button", "note"),
    [
        (
            True,
            "Sign in with this computer's account",
            "Signing in goes through this computer's own sign-in (Web Account Manager or Company Portal); "
            "where that is not available your browser opens, and where no browser opens you get a code "
            "to enter on any device.",
        ),
        (
            False,
            "Sign in with the browser",
            "Signing in opens your browser; where no browser opens you get a code to enter on any device.",
        ),
    ],
)
def test_the_dialog_says_which_way_signing_in_goes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, broker: bool, button: str, note: str
) -> None:
    # Whether this computer has a usable broker depends on its OS and msal's runtime: given here.
    monkeypatch.setattr("ui.signin.broker_usable", lambda config: broker)
    dialog = SignInDialog(Controller(TenantConfig(client_id="00000000-0000-0000-0000-000000000001")))
    qtbot.addWidget(dialog)
    assert dialog.browser_button.text() == button
    assert dialog.method_note.text() == note
    assert dialog.method_note.wordWrap()


def test_offline_the_dialog_speaks_of_the_browser(qtbot: QtBot) -> None:
    dialog = SignInDialog(Controller(None))
    qtbot.addWidget(dialog)
    assert dialog.browser_button.text() == "Sign in with the browser"
