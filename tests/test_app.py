"""The desktop app starts and shows its main window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.app import MainWindow


def test_main_window_shows_title(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "SecureMailMerge"
