"""Settings: the language switches at once, pace defaults reach the Send step, IT sees its tenant."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from securemailmerge.m365 import find_tenant_config, load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from tests.helpers import sandbox_inspect
from tests.ui.conftest import answer_confirmation, open_sample, sign_in
from tests.ui.test_send_step import small_list
from ui import relaunch, settings
from ui.controller import Controller
from ui.i18n import install_translations
from ui.settings_dialog import SettingsDialog
from ui.window import MainWindow


@pytest.fixture
def app_window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The window as the app starts it: a language chosen in Settings rebuilds it."""
    relaunch.keep_shown(MainWindow(Controller(None))).show()
    yield relaunch.current()
    close_the_shown_window()


def close_the_shown_window() -> None:
    """Close the window on screen (the last a language change built) and go back to English."""
    # A Settings dialog left open is window-modal: it would hold up the next test's questions.
    while (modal := QApplication.activeModalWidget()) is not None:
        modal.close()
    shown = relaunch.current()
    shown.message.dirty = False
    shown.close()
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.menu_actions.settings.trigger()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def click(qtbot: QtBot, dialog: SettingsDialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, dialog: SettingsDialog, name: str) -> None:
    """Pick a language by typing its name into the focused list, as a keyboard user does."""
    dialog.language.setFocus()
    qtbot.keyClicks(dialog.language, name)
    assert dialog.language.currentText() == name


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_german_is_chosen_and_shown_at_once_then_english_again(qtbot: QtBot, app_window: MainWindow) -> None:
    open_sample(qtbot, app_window)
    app_window.go_to(3)
    rows = app_window.recipients.model.rowCount()
    dialog = open_settings(qtbot, app_window)
    assert dialog.language.currentText() == "System default"
    choose(qtbot, dialog, "Deutsch")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    german = relaunch.current()
    assert german is not app_window
    qtbot.waitUntil(german.isVisible)
    assert menu_titles(german)[:3] == ["&Datei", "&Gehe zu", "&Extras"]
    assert german.current_step().heading.text() == "Vorschau"
    assert german.step_list.item(0).text() == "1  Konto"
    # The same campaign is on screen: the list and the message the controller holds.
    qtbot.waitUntil(lambda: german.recipients.model.rowCount() == rows)
    assert german.message.subject.text() == german.controller.template.subject  # type: ignore[union-attr]
    assert settings.LANGUAGE.get() == "de"

    dialog = open_settings(qtbot, german)
    # Qt's own buttons speak German too (its qtbase catalogue).
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    choose(qtbot, dialog, "English")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    english = relaunch.current()
    qtbot.waitUntil(english.isVisible)
    assert menu_titles(english)[:3] == ["&File", "&Go", "&Tools"]
    assert english.current_step().heading.text() == "Preview"
    assert settings.LANGUAGE.get() == "en"


def test_pace_defaults_are_checked_and_start_the_send_step(qtbot: QtBot, app_window: MainWindow) -> None:
    dialog = open_settings(qtbot, app_window)
    dialog.tabs.setCurrentIndex(1)
    dialog.pace.selectAll()
    qtbot.keyClicks(dialog.pace, "12")
    dialog.cap.selectAll()
    qtbot.keyClicks(dialog.cap, "500")
    qtbot.mouseClick(dialog.use_window, Qt.MouseButton.LeftButton)
    # The arrow keys step the hour, as a keyboard user sets a time: 08:00 to 18:00 becomes 11:00 to 09:00.
    for _ in range(3):
        qtbot.keyClick(dialog.window_start, Qt.Key.Key_Up)
    for _ in range(9):
        qtbot.keyClick(dialog.window_end, Qt.Key.Key_Down)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()
    assert dialog.problem.text() == (
        "The sending window '11:00-09:00' is not like mon-fri 08:00-18:00 (days optional)."
    )
    for _ in range(12):
        qtbot.keyClick(dialog.window_end, Qt.Key.Key_Up)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert (settings.MESSAGES_PER_MINUTE.get(), settings.DAILY_CAP.get()) == (12, 500)

    later = MainWindow(Controller(None))
    qtbot.addWidget(later)
    send = later.send
    assert (send.pace.value(), send.cap.value(), send.use_window.isChecked()) == (12, 500, True)
    assert (send.window_start.time().toString("HH:mm"), send.window_end.time().toString("HH:mm")) == (
        "11:00",
        "21:00",
    )
    # The limits are Exchange Online's: no faster than 30 a minute, no more than 10,000 a day.
    assert (dialog.pace.maximum(), dialog.cap.maximum()) == (30, 10_000)


def test_it_sees_where_each_tenant_value_comes_from_and_a_bad_one_is_named(
    qtbot: QtBot, app_window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    machine = tmp_path / "machine" / "tenant.json"
    machine.parent.mkdir(parents=True)
    machine.write_text(json.dumps({"client_id": "it-client", "tenant": "contoso.com"}), encoding="utf-8")
    dialog = open_settings(qtbot, app_window)
    dialog.tabs.setCurrentIndex(2)
    page = dialog.tenant
    assert page.edits["client_id"].text() == "it-client"
    assert page.edits["client_id"].isReadOnly()
    assert page.origins["client_id"].text() == "set by IT for every user (read-only)"
    assert page.origins["graph_url"].text() == "built-in default"
    assert page.edits["authority"].placeholderText() == "https://login.microsoftonline.com/contoso.com"
    assert page.cloud.text() == "Global"

    page.edits["proxy"].setFocus()
    qtbot.keyClicks(page.edits["proxy"], "proxy.contoso.com:8080")
    assert page.origins["proxy"].text() == "your own file"
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    user = data_dir / "tenant.json"
    assert dialog.isVisible()
    assert (
        page.problem.text() == f"The proxy proxy.contoso.com:8080 in {user} must look like http://host:port."
    )
    assert dialog.focusWidget() is page.edits["proxy"]
    assert not user.exists()

    page.edits["proxy"].clear()
    qtbot.keyClicks(page.edits["proxy"], "http://proxy.contoso.com:8080")
    page.edits["graph_url"].setFocus()
    qtbot.keyClicks(page.edits["graph_url"], "https://graph.microsoft.us/v1.0")
    assert page.cloud.text() == "US Government (GCC High)"
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert json.loads(user.read_text(encoding="utf-8")) == {
        "graph_url": "https://graph.microsoft.us/v1.0",
        "proxy": "http://proxy.contoso.com:8080",
    }


def test_every_field_of_settings_has_an_accessible_name(qtbot: QtBot, app_window: MainWindow) -> None:
    dialog = open_settings(qtbot, app_window)
    fields = [
        widget
        for widget in dialog.findChildren(QWidget)
        if isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox)
        and not isinstance(widget.parent(), QComboBox | QAbstractSpinBox)  # their own inner line edit
    ]
    assert len(fields) >= 12
    assert [field for field in fields if not field.accessibleName()] == []
    assert all(field.focusPolicy() & Qt.FocusPolicy.TabFocus for field in fields)


@pytest.mark.e2e
def test_a_new_language_applies_at_once_while_a_campaign_sends(
    qtbot: QtBot, sandbox: Sandbox, tmp_path: Path
) -> None:
    window = relaunch.keep_shown(MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path))))
    window.show()
    try:
        sign_in(qtbot, window)
        small_list(qtbot, window, tmp_path)
        window.go_to(4)
        window.send.pace.setValue(20)  # three seconds apart: the language changes between two rows
        answer_confirmation(window, QMessageBox.StandardButton.Yes, [])
        qtbot.mouseClick(window.send.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Row 2: sent." in window.send.log.toPlainText(), timeout=30_000)
        dialog = open_settings(qtbot, window)
        choose(qtbot, dialog, "Deutsch")
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

        german = relaunch.current()
        assert german is not window
        qtbot.waitUntil(german.isVisible)
        assert menu_titles(german)[:3] == ["&Datei", "&Gehe zu", "&Extras"]
        send = german.send
        assert "Row 2: sent." in send.log.toPlainText()  # the log so far came along
        assert send.pause_button.isEnabled()  # the run is this window's now: it can be paused here
        assert not send.resume_button.isVisible()  # the running campaign is not offered as interrupted
        qtbot.waitUntil(lambda: "Fertig." in send.log.toPlainText(), timeout=60_000)
        assert send.counts.text() == "Gesendet 3 · fehlgeschlagen 0 · unzustellbar 0"
        assert send.progress.value() == send.progress.maximum() == 3
        qtbot.waitUntil(send.start_button.isEnabled)
        sandbox.graph.settle()
        for address in ("ada@example.com", "bob@example.org"):  # each row once, none lost in the switch
            assert len(sandbox_inspect(sandbox, f"recipients/{address}/messages")) == 1, address
    finally:
        close_the_shown_window()


@pytest.mark.e2e
def test_a_tenant_chosen_in_settings_is_used_at_once(
    qtbot: QtBot, app_window: MainWindow, sandbox: Sandbox
) -> None:
    assert app_window.controller.tenant is None  # offline: no tenant yet
    dialog = open_settings(qtbot, app_window)
    dialog.tabs.setCurrentIndex(2)
    assert dialog.tenant.note.text().endswith(
        "Changes take effect when you press OK: you sign in again, to the tenant set here."
    )
    dialog.config_file.setFocus()
    qtbot.keyClicks(dialog.config_file, str(sandbox.tenant_config_path))
    said: list[str] = []
    app_window.statusBar().messageChanged.connect(said.append)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert app_window.controller.tenant == load_tenant_config(sandbox.tenant_config_path)
    assert app_window.tenant_source is not None
    assert f"Now using {app_window.tenant_source.description}." in said
    sign_in(qtbot, app_window)  # against the sandbox, with no restart
    assert app_window.controller.account is not None


@pytest.mark.e2e
def test_a_tenant_changed_while_a_campaign_sends_takes_effect_when_it_ends(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    other = tmp_path / "other-tenant.json"
    other.write_text(json.dumps({"client_id": "00000000-0000-0000-0000-000000000001"}), encoding="utf-8")
    sign_in(qtbot, online)
    small_list(qtbot, online, tmp_path)
    online.go_to(4)
    answer_confirmation(online, QMessageBox.StandardButton.Yes, [])
    qtbot.mouseClick(online.send.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Row 2: sent." in online.send.log.toPlainText(), timeout=30_000)
    dialog = open_settings(qtbot, online)
    dialog.tabs.setCurrentIndex(2)
    assert dialog.tenant.note.text().endswith(
        "A campaign is sending now: changes take effect as soon as it ends."
    )
    dialog.config_file.setFocus()
    qtbot.keyClicks(dialog.config_file, str(other))
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert online.statusBar().currentMessage() == (
        "The new tenant settings take effect as soon as the campaign ends."
    )
    sandbox_tenant = load_tenant_config(sandbox.tenant_config_path)
    assert online.controller.tenant == sandbox_tenant  # the run goes on with the tenant it started with
    said: list[str] = []
    online.statusBar().messageChanged.connect(said.append)
    qtbot.waitUntil(lambda: "Done." in online.send.log.toPlainText(), timeout=60_000)
    qtbot.waitUntil(lambda: online.controller.tenant == load_tenant_config(other), timeout=10_000)
    assert online.controller.account is None  # signed out of the old tenant
    assert f"Now using {other} (given when the app was started)." in said


def test_a_tenant_named_on_the_command_line_stays_and_the_page_says_until_when(
    qtbot: QtBot, app_window: MainWindow, tmp_path: Path
) -> None:
    named = tmp_path / "named.json"
    named.write_text(json.dumps({"client_id": "00000000-0000-0000-0000-000000000002"}), encoding="utf-8")
    app_window.tenant_source = find_tenant_config(named)
    app_window.tenant_follows_settings = False  # as ``--tenant-config named.json`` starts it
    dialog = open_settings(qtbot, app_window)
    assert dialog.tenant.note.text().endswith(
        f"This window keeps the tenant it was started with, {named} (given when the app was started); "
        "changes here take effect the next time the app starts without it."
    )
    dialog.config_file.setText(str(tmp_path / "elsewhere.json"))
    (tmp_path / "elsewhere.json").write_text(named.read_text(encoding="utf-8"), encoding="utf-8")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert app_window.controller.tenant is None  # unchanged for this run
    assert settings.TENANT_CONFIG.get() == str(tmp_path / "elsewhere.json")  # kept for the next start
