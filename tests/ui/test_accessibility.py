"""Keyboard and screen readers: Tab reaches every control of every step, and each has an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_sample
from ui.window import MainWindow


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def tab_order(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """The widgets Tab visits from the step list, once round."""
    window.step_list.setFocus()
    seen: list[QWidget] = []
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
    return seen


def test_tab_walks_every_step_and_every_control_is_named(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    unnamed: list[str] = []
    for index, step in enumerate(window.steps):
        window.go_to(index)
        visited = tab_order(qtbot, window)
        inside = [widget for widget in visited if step.isAncestorOf(widget)]
        assert inside, f"Tab never enters the {step.title()} step"
        unnamed += [
            f"{step.title()}: {type(widget).__name__}"
            for widget in inside
            if not accessible_name(widget).strip()
        ]
    assert unnamed == []


def test_steps_have_shortcuts_and_default_buttons(window: MainWindow) -> None:
    assert [action.shortcut().toString() for action in window.step_actions] == [
        f"Ctrl+{n}" for n in range(1, 6)
    ]
    assert window.account.dialog.code_button.isDefault() or window.account.dialog.browser_button.isDefault()
    assert window.send.start_button.isDefault()
    assert window.recipients.dialog.load_button.isDefault()
