"""The Account step: sign in with a code shown large or cancel it, the mailbox, send from, permissions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from securemailmerge.m365 import load_tenant_config, scope_reasons
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, SALES
from tests.ui.conftest import sign_in
from ui import settings
from ui.controller import Controller
from ui.i18n import install_translations
from ui.window import MainWindow


@pytest.mark.e2e
def test_sign_in_with_a_code_shows_the_mailbox_prominently(qtbot: QtBot, online: MainWindow) -> None:
    account = online.account
    assert account.name_label.text() == "Not signed in"
    sign_in(qtbot, online)
    assert account.name_label.text() == "Ada Lovelace"
    assert account.address_label.text() == DEMO_USER
    assert account.name_label.font().pointSizeF() > online.font().pointSizeF() * 1.5
    assert DEMO_USER in online.account_label.text()
    assert account.sender_label.text() == f"Messages go out from {DEMO_USER}."
    # The code was shown large and could be copied before the sandbox approved it.
    dialog = account.dialog
    assert dialog.code.text()
    assert dialog.code.font().pointSizeF() > dialog.font().pointSizeF() * 2
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.code.text()
    assert not dialog.isVisible()

    qtbot.mouseClick(account.sign_in_button, Qt.MouseButton.LeftButton)
    assert account.name_label.text() == "Not signed in"
    assert online.controller.account is None


@pytest.mark.e2e
def test_cancel_stops_a_sign_in_that_waits_for_the_user(qtbot: QtBot) -> None:
    with Sandbox(auto_approve=False) as sandbox:
        window = MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path)))
        qtbot.addWidget(window)
        window.show()
        qtbot.mouseClick(window.account.sign_in_button, Qt.MouseButton.LeftButton)
        dialog = window.account.dialog
        qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialog.code.text()), timeout=20_000)
        assert "enter this code" in dialog.code_instruction.text()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: not window.controller._workers, timeout=20_000)
        assert window.controller.account is None
        assert window.account.name_label.text() == "Not signed in"
        window.close()


@pytest.mark.e2e
def test_send_from_a_shared_mailbox_is_checked_and_remembered(qtbot: QtBot, online: MainWindow) -> None:
    sign_in(qtbot, online)
    account = online.account
    qtbot.mouseClick(account.shared_mailbox, Qt.MouseButton.LeftButton)
    account.shared_address.setCurrentText("")
    qtbot.keyClicks(account.shared_address, "sales at contoso")
    qtbot.mouseClick(account.use_button, Qt.MouseButton.LeftButton)
    assert "is not a mailbox address" in account.sender_problem.text()
    assert online.controller.sender_address() == DEMO_USER

    account.shared_address.setCurrentText("")
    qtbot.keyClicks(account.shared_address, SALES)
    qtbot.keyClick(account.shared_address, Qt.Key.Key_Return)
    assert account.sender_problem.text() == ""
    assert account.sender_label.text() == f"Messages go out from {SALES}."
    assert settings.recent("mailboxes")[0] == SALES
    assert settings.SENDER.get() == SALES

    qtbot.mouseClick(account.own_mailbox, Qt.MouseButton.LeftButton)
    assert online.controller.sender_address() == DEMO_USER


def test_stay_signed_in_is_offered_only_with_a_keychain(qtbot: QtBot, window: MainWindow) -> None:
    # This machine has no keychain: the choice is greyed out and says why.
    assert not window.account.stay_signed_in.isEnabled()
    assert window.account.stay_signed_in.toolTip()
    assert not window.account.dialog.stay_signed_in.isEnabled()
    assert window.account.dialog.keychain_note.text()


def test_offline_work_needs_no_sign_in(window: MainWindow) -> None:
    assert "without signing in" in window.account.note.text()


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_every_permission_is_listed_with_its_full_reason_wrapped(qtbot: QtBot, language: str) -> None:
    install_translations(QApplication.instance(), language)
    try:
        window = MainWindow(Controller(None))
        qtbot.addWidget(window)
        window.show()
        view = window.account.permissions
        expected = dict(scope_reasons())
        window.resize(700, 700)
        view.widget().adjustSize()
        assert set(expected) <= set(view.reasons())
        for name, why in view.rows:
            assert why.wordWrap()
            scope = name.text().removeprefix("<b>").removesuffix("</b>")
            assert why.text() == expected[scope]
            # Never cut off: the label is as tall as its wrapped text needs at its width.
            assert why.height() >= why.heightForWidth(why.width())
    finally:
        install_translations(QApplication.instance(), "en")
