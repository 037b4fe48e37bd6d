"""A new language without a restart: new translators, then the main window built again in-process.

Qt widgets take their texts when they are built, so the window is rebuilt around the same controller
(which holds the recipients, the template, the account and the check) and shown where the old one was;
the controller then tells the new window what it holds, as it told the old one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import install_translations
from ui.window import MainWindow

# The window on screen: the one the app started with, or the last one a language change built.
_shown: list[MainWindow] = []


def current() -> MainWindow:
    """The main window on screen now (the last one a language change built)."""
    return _shown[0]


def keep_shown(window: MainWindow) -> MainWindow:
    """Let ``window`` (and every window rebuilt from it) switch language when Settings asks."""
    window.language_chosen.connect(lambda language: switch_language(window, language))
    _shown[:] = [window]
    return window


def switch_language(window: MainWindow, language: str) -> MainWindow:
    """Install ``language`` ("" for the system's) and rebuild ``window`` in it, a sending campaign included.

    A running campaign carries on in the new window: its run, counts and log move to the new Send step.
    """
    app = QCoreApplication.instance()
    assert app is not None
    if window.message.dirty:
        window.message.publish()  # the editor's last keystrokes reach the controller first
    install_translations(app, language or None)
    controller = window.controller
    rebuilt = MainWindow(controller)
    rebuilt.tenant_source = window.tenant_source
    rebuilt.tenant_follows_settings = window.tenant_follows_settings
    rebuilt.restoreGeometry(window.saveGeometry())
    path, dirty = window.message.path, window.message.dirty
    left_out = set(controller.left_out)
    bounced = window.recipients.model.bounced()
    step = window.step_list.currentRow()
    # Shown before the old one hides, so the app never has no window (and never quits); the old one
    # goes without its close event, which would stop the controller for good.
    rebuilt.send.take_over(window.send)
    rebuilt.show()
    window.hide()
    window.deleteLater()
    controller.replay()
    rebuilt.message.path, rebuilt.message.dirty = path, dirty
    rebuilt.recipients.model.restore_marks(left_out, bounced)
    rebuilt.campaign.take_over(window.campaign)
    rebuilt.go_to(max(step, 0))
    return keep_shown(rebuilt)
