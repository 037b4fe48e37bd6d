"""The do-not-contact list: add, remove, import, export by clicking; its rows are marked and do not go out."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.sandbox.directory import DEMO_USER
from tests.ui.conftest import answer_confirmation, sign_in
from ui.donotcontact_view import DoNotContactDialog
from ui.i18n import install_translations
from ui.recipients_model import DO_NOT_CONTACT
from ui.window import MainWindow

SENDER = "news@contoso.com"


@pytest.fixture(autouse=True)
def english() -> None:
    """The app installs its English catalogue (it holds the plural forms)."""
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]


def open_list(qtbot: QtBot, window: MainWindow) -> DoNotContactDialog:
    assert window.controller.set_sender(SENDER) is None  # a shared mailbox typed while offline
    window.menu_actions.do_not_contact.trigger()
    dialog = window.do_not_contact_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.add_button.isEnabled())
    return dialog


def settled(qtbot: QtBot, dialog: DoNotContactDialog) -> None:
    """Wait until the change is saved (the list is written on a worker)."""
    qtbot.waitUntil(lambda: not dialog.busy and dialog.add_button.isEnabled())


def add(qtbot: QtBot, dialog: DoNotContactDialog, text: str) -> None:
    qtbot.keyClicks(dialog.address, text)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    settled(qtbot, dialog)


def test_addresses_are_added_checked_removed_and_exported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_list(qtbot, window)
    assert dialog.mailbox_label.text() == f"Nobody on this list gets a message from {SENDER}."
    add(qtbot, dialog, "bob at example.com")
    assert dialog.message.text() == "bob at example.com cannot be added: it has no @ sign."
    assert dialog.addresses() == []
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "Bob@Example.com")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)  # Enter adds, as the button does
    settled(qtbot, dialog)
    assert dialog.isVisible()
    add(qtbot, dialog, "cy@example.org")
    assert dialog.addresses() == ["Bob@example.com", "cy@example.org"]
    assert dialog.message.text() == "cy@example.org is on the list now."

    qtbot.keyClicks(dialog.search, "cy@")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.addresses() == ["cy@example.org"])  # searched on a worker
    assert dialog.message.text() == "cy@example.org is on the list now."  # Enter added nothing
    dialog.search.clear()
    qtbot.waitUntil(lambda: len(dialog.addresses()) == 2)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    settled(qtbot, dialog)
    assert dialog.addresses() == ["cy@example.org"]
    assert dialog.message.text() == "1 address taken off the list."

    dialog.export_file(tmp_path / "dnc.csv")
    qtbot.waitUntil(lambda: dialog.message.text() == "1 address saved to dnc.csv.")
    lines = (tmp_path / "dnc.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "address,added,reason"
    assert lines[1].startswith("cy@example.org,")
    assert lines[1].endswith(",added by hand")


def test_an_import_adds_every_address_column_of_a_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "optouts.csv"
    source.write_text(
        "Name,E-mail Address,E-mail 2 Address\nAda,ada@example.com,ada.home@example.org\nBob,,\n",
        encoding="utf-8",
    )
    dialog = open_list(qtbot, window)
    dialog.import_file(source)
    settled(qtbot, dialog)
    assert dialog.addresses() == ["ada.home@example.org", "ada@example.com"]
    assert dialog.message.text() == (
        "2 new addresses added from optouts.csv. 1 row without a valid address was skipped."
    )


def test_rows_on_the_list_are_marked_and_do_not_go_out(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "people.csv"
    source.write_text("email,name\nada@example.com,Ada\nbob@example.com,Bob\n", encoding="utf-8")
    window.recipients.open_file(source)
    model = window.recipients.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    dialog = open_list(qtbot, window)
    add(qtbot, dialog, "bob@example.com")
    qtbot.waitUntil(lambda: model.status(1)[0] == DO_NOT_CONTACT)
    assert model.data(model.index(1, 2)) == "Do not contact"
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole) == "On your do-not-contact list."
    assert model.data(model.index(1, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    checked = window.controller.checked_list()
    assert checked is not None
    assert [r.to for r in checked.rows] == [("ada@example.com",)]
    assert "1 ready, 1 left out" in window.recipients.summary.text()

    window.go_to(3)
    window.preview.show_model_row(1)
    assert window.preview.left_out.isVisible()
    assert window.preview.left_out.text() == "Not sent: this row is left out. On your do-not-contact list."

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    settled(qtbot, dialog)
    qtbot.waitUntil(lambda: model.status(1)[0] != DO_NOT_CONTACT)
    assert model.is_ready(1)


@pytest.mark.e2e
def test_a_campaign_leaves_out_the_rows_on_the_list_and_says_so(
    qtbot: QtBot, online: MainWindow, tmp_path: Path
) -> None:
    sign_in(qtbot, online)
    (tmp_path / "people.csv").write_text(
        "First Name,Email\nAda,ada@example.com\nBob,bob@example.org\n", encoding="utf-8"
    )
    online.recipients.open_file(tmp_path / "people.csv")
    model = online.recipients.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    online.go_to(2)
    qtbot.keyClicks(online.message.subject, "Hello {{First Name}}")
    online.message.publish()
    online.menu_actions.do_not_contact.trigger()
    dialog = online.do_not_contact_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.add_button.isEnabled)
    assert dialog.mailbox_label.text() == f"Nobody on this list gets a message from {DEMO_USER}."
    add(qtbot, dialog, "bob@example.org")
    qtbot.waitUntil(lambda: model.status(1)[0] == DO_NOT_CONTACT)
    dialog.close()
    qtbot.waitUntil(lambda: online.controller.report is not None, timeout=10_000)
    assert online.controller.report.ready == 1  # type: ignore[union-attr]

    online.go_to(4)
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(online.send.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == [f"Send 1 message now from {DEMO_USER}?"]
    assert (
        "1 row is left out (do-not-contact list or unsubscribed)."
        in online.send.confirmation.informativeText()
    )
    qtbot.waitUntil(lambda: "Done." in online.send.log.toPlainText(), timeout=90_000)
    report = tmp_path / "report.csv"
    online.send.export(report)
    with report.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))[1:]
    by_address = {row[1]: (row[2], row[7]) for row in rows}
    assert by_address == {
        "ada@example.com": ("sent", ""),
        "bob@example.org": ("left out", "On your do-not-contact list."),
    }
