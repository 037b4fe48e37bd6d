"""The window as a user sees it: offline, or signed in to the built-in sandbox by typing and clicking."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.m365 import load_tenant_config
from securemailmerge.resources import asset_path
from securemailmerge.sandbox.app import Sandbox
from ui.controller import Controller
from ui.editor import RichEditor
from ui.window import MainWindow


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt closes windows after each test: unsaved edits are discarded, not asked about."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr("ui.campaign_files.ask_to_save", lambda *_args: QMessageBox.StandardButton.Discard)


@pytest.fixture(autouse=True)
def thawed_after() -> Iterator[None]:
    """What a test's loads froze (ui.collector) is thawed after it, so its windows can be collected."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def no_dialog_left_open() -> Iterator[None]:
    """A modal dialog a test leaves open would stand in front of the next test's window: close it."""
    yield
    for _attempt in range(10):  # bounded: a dialog that refuses to close must not hang the run
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        modal.hide()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The window working offline (no tenant)."""
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.message.dirty = False
    window.close()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """The built-in Microsoft 365, approving sign-in codes at once."""
    # Exchange's delays kept short (their real range is the sandbox default) so tests wait seconds.
    with Sandbox(auto_approve=True, sending="submit_delay=0-1,ndr_delay=1-2") as running:
        yield running


@pytest.fixture
def online(qtbot: QtBot, sandbox: Sandbox) -> Iterator[MainWindow]:
    """The window on the sandbox, not signed in yet."""
    window = MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path)))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.message.dirty = False
    window.close()


def sign_in(qtbot: QtBot, window: MainWindow) -> None:
    """Click Sign in, then "Sign in with a code", and wait for the mailbox to show."""
    window.go_to(0)
    qtbot.mouseClick(window.account.sign_in_button, Qt.MouseButton.LeftButton)
    dialog = window.account.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.account.sign_in_button.text() == "Sign out", timeout=20_000)


def open_sample(qtbot: QtBot, window: MainWindow) -> None:
    """Open the sample template and recipients as the app does on its first start."""
    window.go_to(1)
    assert window.message.open(asset_path("sample", "template.json"))
    window.recipients.open_file(asset_path("sample", "recipients.csv"))
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() > 0, timeout=10_000)


def answer_confirmation(window: MainWindow, answer: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``answer`` in the campaign's confirmation as soon as it opens; its text goes to ``seen``."""

    def click() -> None:
        box = getattr(window.send, "confirmation", None)
        if box is None or not box.isVisible():
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        box.button(answer).click()

    QTimer.singleShot(50, click)


def choose_field(qtbot: QtBot, editor: RichEditor, name: str) -> None:
    """Click "Insert field" in the editor's toolbar and pick ``name`` from its menu with the keyboard."""
    menu = editor.fields

    def pick() -> None:
        if not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == name))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(20, pick)
    qtbot.mouseClick(editor.field_button, Qt.MouseButton.LeftButton)
