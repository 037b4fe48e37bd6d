"""Every visible text is translated in German and Spanish; plurals, sizes and durations follow language."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from securemailmerge.m365 import SCOPES, load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.ui.conftest import answer_confirmation, open_sample
from ui import formatting
from ui.controller import Controller
from ui.i18n import install_translations
from ui.window import MainWindow

# Texts that are the same in every language: names, codes, symbols.
SAME_EVERYWHERE = {
    "",
    "SecureMailMerge",
    "|",
    "utf-8",
    "Cc",
    "Bcc",
    "Link…",
    "Link",  # a toolbar button shows "Link…" without its dots
    *SCOPES,
    *(f"<b>{scope}</b>" for scope in SCOPES),
}


def widget_texts(widget: QWidget) -> list[str]:
    """What a user reads or hears of one widget: its text, title, placeholder or tabs, name and tip."""
    texts: list[str] = []
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QTabWidget):
        texts.extend(widget.tabText(i) for i in range(widget.count()))
    return [*texts, widget.accessibleName(), widget.toolTip()]


def visible_texts(window: MainWindow) -> list[str]:
    """Every text a user can read in every step and menu, in widget order."""
    texts: list[str] = []
    for index in range(len(window.steps)):
        window.go_to(index)
        for widget in window.findChildren(QWidget):
            texts.extend(widget_texts(widget))
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        menu = menu_action.menu()
        texts.extend(action.text() for action in menu.actions() if menu is not None)
    return texts


def texts_in(qtbot: QtBot, language: str) -> list[str]:
    install_translations(QApplication.instance(), language)
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    open_sample(qtbot, window)
    texts = visible_texts(window)
    window.message.dirty = False
    window.close()
    return texts


@pytest.mark.parametrize("language", ["de", "es"])
def test_no_visible_text_stays_english(qtbot: QtBot, language: str) -> None:
    try:
        english = texts_in(qtbot, "en")
        translated = texts_in(qtbot, language)
    finally:
        install_translations(QApplication.instance(), "en")
    assert len(english) == len(translated)
    columns = {"First Name", "Last Name", "Email", "Company", "City", "Agenda"}
    untranslated = {
        text
        for text, other in zip(english, translated, strict=True)
        if text == other
        and text not in SAME_EVERYWHERE
        and text not in columns
        and any(c.isalpha() for c in text)
        and not text.startswith(("recipients.csv", "attachments/", "juergen", "Sommerfest", "Hallo"))
    }
    assert untranslated == set()


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("en", "Wrote 1 row to r.csv.", "Wrote 2 rows to r.csv."),
        ("de", "1 Zeile in r.csv geschrieben.", "2 Zeilen in r.csv geschrieben."),
        ("es", "Se escribió 1 fila en r.csv.", "Se escribieron 2 filas en r.csv."),
    ],
)
def test_plurals_follow_the_language(qtbot: QtBot, language: str, one: str, many: str) -> None:
    install_translations(QApplication.instance(), language)
    try:
        window = MainWindow(Controller(None))
        qtbot.addWidget(window)
        text = window.send.tr("Wrote %Ln rows to {file}.", "", 1).format(file="r.csv")
        assert text == one
        assert window.send.tr("Wrote %Ln rows to {file}.", "", 2).format(file="r.csv") == many
    finally:
        install_translations(QApplication.instance(), "en")


@pytest.mark.parametrize(
    ("language", "size", "number", "duration"),
    [
        ("en", "4.9 KB", "100,000", "3 h 20 min"),
        ("de", "4,9 KB", "100.000", "3 Std. 20 Min."),
        ("es", "4,9 KB", "100.000", "3 h 20 min"),
    ],
)
def test_sizes_numbers_and_durations_follow_the_language(
    language: str, size: str, number: str, duration: str
) -> None:
    install_translations(QApplication.instance(), language)
    try:
        assert formatting.size(5_018) == size
        assert formatting.number(100_000) == number
        assert formatting.duration(timedelta(hours=3, minutes=20)) == duration
    finally:
        install_translations(QApplication.instance(), "en")


@pytest.mark.e2e
@pytest.mark.parametrize(("language", "footer"), [("de", "Gesendet mit SecureMailMerge")])
def test_the_free_plans_footer_is_in_the_windows_language_in_the_sent_message(
    qtbot: QtBot, sandbox: Sandbox, tmp_path: Path, language: str, footer: str
) -> None:
    app = QApplication.instance()
    install_translations(app, language)
    try:
        window = MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path)))
        qtbot.addWidget(window)
        window.show()
        qtbot.mouseClick(window.account.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(window.account.dialog.isVisible)
        qtbot.mouseClick(window.account.dialog.code_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.controller.account is not None, timeout=20_000)
        (tmp_path / "people.csv").write_text("Name,Email\nAda,ada@example.com\n", encoding="utf-8")
        window.go_to(1)
        window.recipients.open_file(tmp_path / "people.csv")
        qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 1, timeout=10_000)
        window.go_to(2)
        qtbot.keyClicks(window.message.subject, "Hallo {{Name}}")
        window.message.publish()
        window.go_to(4)
        qtbot.mouseClick(window.send.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: DEMO_USER in window.send.log.toPlainText(), timeout=30_000)
        answer_confirmation(window, QMessageBox.StandardButton.Yes, [])
        qtbot.mouseClick(window.send.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Fertig." in window.send.log.toPlainText(), timeout=60_000)
        sandbox.graph.settle()
        sent = [m["mime"].replace("=\r\n", "") for m in sandbox.graph.inspect.sent(DEMO_USER)]
        assert len(sent) == 2  # the test to Ada's own mailbox, then the campaign's message
        for mime in sent:
            assert f"{footer}</p>" in mime
            assert "Sent with SecureMailMerge" not in mime
        window.message.dirty = False
        window.close()
    finally:
        install_translations(app, "en")
