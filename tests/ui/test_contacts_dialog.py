"""Outlook contacts: a shared mailbox's contacts filtered by category chips and text, listed by name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from securemailmerge.sandbox.directory import SALES
from tests.ui.conftest import sign_in
from ui.contacts_dialog import category_colour
from ui.window import MainWindow


@pytest.mark.parametrize(
    ("preset", "colour"),
    [("preset0", "#e74856"), ("preset7", "#0078d4"), ("preset24", "#9b0062"), (None, "#a6a6a6")],
)
def test_categories_have_outlooks_colours(preset: str | None, colour: str) -> None:
    assert category_colour(preset).name() == colour


@pytest.mark.e2e
def test_recipients_from_a_shared_mailbox_by_category(qtbot: QtBot, online: MainWindow) -> None:
    sign_in(qtbot, online)
    online.go_to(1)
    assert online.recipients.contacts_button.isEnabled()
    qtbot.mouseClick(online.recipients.contacts_button, Qt.MouseButton.LeftButton)
    dialog = online.recipients.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.mailbox, SALES)
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=20_000)
    assert f"Contacts of {SALES}" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.chosen is not None and "contacts match" in dialog.summary.text())
    everyone = len(dialog.matches.contacts)
    chips = [dialog.categories.item(i) for i in range(dialog.categories.count())]
    assert "Kunde" in [chip.text() for chip in chips]
    kunde = next(chip for chip in chips if chip.text() == "Kunde")
    assert kunde.data(Qt.ItemDataRole.UserRole) == "preset0"
    kunde.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: 0 < len(dialog.matches.contacts) < everyone, timeout=10_000)
    chosen = dialog.chosen
    assert chosen is not None
    assert all("Kunde" in row.fields["Categories"].split("; ") for row in chosen.rows)
    # The matched contacts are listed by name and address, not only counted.
    first = dialog.matches.contacts[0]
    assert dialog.matches.data(dialog.matches.index(0)).startswith(first.display_name)
    assert dialog.summary.text().startswith(f"{len(dialog.matches.contacts)} contacts match")

    qtbot.keyClicks(dialog.search, "zzzz-nobody")
    qtbot.waitUntil(lambda: len(dialog.matches.contacts) == 0, timeout=10_000)
    assert not dialog.ok_button.isEnabled()
    dialog.search.clear()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert online.recipients.model.rowCount() == len(chosen.rows) + len(chosen.excluded)
    assert online.recipients.source_label.text() == f"Contacts of {SALES}"


@pytest.mark.e2e
def test_a_mailbox_without_rights_is_explained_in_the_dialog_only(
    qtbot: QtBot, online: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.window.show_error", lambda _parent, message: shown.append(message))
    sign_in(qtbot, online)
    dialog = online.recipients.dialog
    dialog.open()
    qtbot.keyClicks(dialog.mailbox, "nobody@contoso.onmicrosoft.com")
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert "nobody@contoso.onmicrosoft.com" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.matches.rowCount() == 0
    assert shown == []
