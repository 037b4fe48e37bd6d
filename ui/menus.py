"""The main window's menu bar, with standard keys (New, Open, Save, Quit) and menu roles (About, Preferences).

New, Open, Save and Save As act on the campaign file, as in any document app; the recipient list
and the template keep their own Open and Save entries without a shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui import settings

if TYPE_CHECKING:
    from ui.window import MainWindow


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


@dataclass(frozen=True)
class CampaignActions:
    """The File menu's campaign commands."""

    new: QAction
    open: QAction
    recent: QMenu
    save: QAction
    save_as: QAction


def _show_recent(window: MainWindow, menu: QMenu) -> None:
    """Fill the recent campaigns menu as it opens, so it always lists what is on disk now."""
    menu.clear()
    for number, path in enumerate(window.campaign.recent(), start=1):
        action = menu.addAction(f"&{number} {path.name}" if number < 10 else path.name)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _c=False, path=path: window.campaign.open_recent(path))
    if menu.isEmpty():
        menu.addAction(QCoreApplication.translate("Menus", "No recent campaigns")).setEnabled(False)
        return
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("Menus", "Clear recent campaigns"))
    clear.triggered.connect(lambda: settings.forget("campaigns"))


def _campaign_actions(window: MainWindow, menu: QMenu) -> CampaignActions:
    campaign, keys = window.campaign, QKeySequence.StandardKey
    new, opened = (
        _action(window, menu, text, slot, key)
        for text, slot, key in (
            (QCoreApplication.translate("Menus", "New campaign"), campaign.new, keys.New),
            (QCoreApplication.translate("Menus", "Open campaign…"), campaign.ask_open, keys.Open),
        )
    )
    recent = menu.addMenu(QCoreApplication.translate("Menus", "Recent campaigns"))
    recent.aboutToShow.connect(lambda: _show_recent(window, recent))
    _show_recent(window, recent)
    save, save_as = (
        _action(window, menu, text, slot, key)
        for text, slot, key in (
            (QCoreApplication.translate("Menus", "Save campaign"), campaign.save, keys.Save),
            (QCoreApplication.translate("Menus", "Save campaign as…"), campaign.save_as, keys.SaveAs),
        )
    )
    menu.addSeparator()
    return CampaignActions(new, opened, recent, save, save_as)


@dataclass(frozen=True)
class MenuActions:
    """The menu actions a test or another part of the window triggers."""

    campaign: CampaignActions
    open_recipients: QAction
    open_template: QAction
    save_template: QAction
    import_message: QAction
    sign_in: QAction
    contacts: QAction
    check: QAction
    stop_check: QAction
    about: QAction
    settings: QAction
    network: QAction
    do_not_contact: QAction


def build_menus(window: MainWindow) -> MenuActions:
    """File, Go, Tools, View and Help, with standard shortcuts and menu roles."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    campaign = _campaign_actions(window, file_menu)
    open_recipients = _action(
        window, file_menu, QCoreApplication.translate("Menus", "Open recipients…"), window.recipients.ask_file
    )
    open_template = _action(
        window, file_menu, QCoreApplication.translate("Menus", "Open template…"), window.message.ask_open
    )
    save_template = _action(
        window, file_menu, QCoreApplication.translate("Menus", "Save template…"), window.message.ask_save
    )
    import_message = _action(
        window,
        file_menu,
        QCoreApplication.translate("Menus", "Import from Outlook…"),
        window.message.ask_import,
    )
    file_menu.addSeparator()
    quit_action = _action(
        window,
        file_menu,
        QCoreApplication.translate("Menus", "Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
    )
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    go_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Go"))
    for action in window.step_actions:
        go_menu.addAction(action)

    tools = bar.addMenu(QCoreApplication.translate("Menus", "&Tools"))
    sign_in = _action(
        window, tools, QCoreApplication.translate("Menus", "Sign in or out…"), window.account.sign_in_or_out
    )
    contacts = _action(
        window,
        tools,
        QCoreApplication.translate("Menus", "Outlook contacts…"),
        window.recipients.ask_contacts,
    )
    check = _action(
        window, tools, QCoreApplication.translate("Menus", "Check now"), window.controller.check, "F5"
    )

    stop_check = _action(
        window, tools, QCoreApplication.translate("Menus", "Stop check"), window.controller.cancel_check
    )
    stop_check.setEnabled(False)
    window.controller.check_running.connect(stop_check.setEnabled)

    do_not_contact = _action(
        window,
        tools,
        QCoreApplication.translate("Menus", "Do-not-contact list…"),
        window.show_do_not_contact,
    )
    tools.addSeparator()
    # Ctrl+, where the platform has no standard key for preferences (Windows, most Linux desktops).
    preferences = QKeySequence(QKeySequence.StandardKey.Preferences)
    settings_action = _action(
        window,
        tools,
        QCoreApplication.translate("Menus", "Settings…"),
        window.show_settings,
        QKeySequence.StandardKey.Preferences if not preferences.isEmpty() else "Ctrl+,",
    )
    settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    network = _action(
        window,
        view_menu,
        QCoreApplication.translate("Menus", "Network activity…"),
        window.show_network,
        "Ctrl+Shift+N",
    )

    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    about = _action(
        window, help_menu, QCoreApplication.translate("Menus", "About SecureMailMerge"), window.show_about
    )
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return MenuActions(
        campaign,
        open_recipients,
        open_template,
        save_template,
        import_message,
        sign_in,
        contacts,
        check,
        stop_check,
        about,
        settings_action,
        network,
        do_not_contact,
    )
