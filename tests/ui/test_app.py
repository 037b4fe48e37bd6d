"""The desktop window: open the sample, preview a row, check it, and sign in to the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.resources import asset_path
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, SALES
from ui.app import MainWindow
from ui.contacts_dialog import ContactsDialog
from ui.controller import Controller
from ui.signin import SignInDialog


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def open_sample(qtbot: QtBot, window: MainWindow) -> None:
    assert window.controller.open_template(asset_path("sample", "template.json"))
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        window.controller.open_recipients(asset_path("sample", "recipients.csv"))


def test_sample_loads_and_previews_first_row(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    recipients = window.controller.recipients
    assert recipients is not None
    assert window.model.rowCount() == len(recipients.rows) + len(recipients.excluded)
    first = recipients.rows[0]
    assert window.model.data(window.model.index(0, 0)) == first.row
    assert first.to[0] in window.subject_label.text()
    assert "Subject:" in window.subject_label.text()
    assert window.preview.toPlainText().strip()


def test_selecting_a_row_previews_that_recipient(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    window.table.selectRow(2)
    recipient = window.model.recipient(2)
    assert recipient is not None
    assert recipient.to[0] in window.subject_label.text()


def test_check_shows_the_report(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    with qtbot.waitSignal(window.controller.report_ready, timeout=10_000):
        window.check_action.trigger()
    text = window.report_view.toPlainText()
    assert "recipients.csv" in text
    assert "ready" in text
    # The row whose attachment is missing is now marked in the table, with the reason as its tooltip.
    report = window.controller.report
    assert report is not None
    missing = report.missing_attachments[0]
    table_row = next(
        r for r in range(window.model.rowCount()) if window.model.recipient(r).row == missing.row
    )
    assert window.model.data(window.model.index(table_row, 1)) == "Check"
    assert window.model.data(window.model.index(table_row, 1), Qt.ItemDataRole.ToolTipRole) == missing.message


def test_bad_file_shows_a_message_not_a_traceback(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.controller.failed, timeout=10_000):
        window.controller.open_recipients(empty)
    assert shown
    assert "empty.csv" in shown[0]


def test_sign_in_dialog_lists_every_permission_with_its_reason(qtbot: QtBot) -> None:
    dialog = SignInDialog(prefer_device_code=False)
    qtbot.addWidget(dialog)
    rows = [dialog.permissions.topLevelItem(i) for i in range(dialog.permissions.topLevelItemCount())]
    scopes = {item.text(0) for item in rows if item is not None}
    assert "Mail.Send" in scopes
    assert all(item is not None and item.text(1) for item in rows)
    # No keychain on this machine: the option is offered greyed out, with the reason next to it.
    assert not dialog.stay_signed_in.isEnabled()
    assert dialog.keychain_note.text()


@pytest.mark.e2e
def test_sign_in_to_the_sandbox_shows_the_account(qtbot: QtBot) -> None:
    with Sandbox(auto_approve=True) as sandbox:
        controller = Controller(load_tenant_config(sandbox.tenant_config_path))
        window = MainWindow(controller)
        qtbot.addWidget(window)
        with qtbot.waitSignal(controller.account_changed, timeout=20_000):
            controller.sign_in(device_code=True, stay_signed_in=False)
        assert DEMO_USER in window.account_label.text()
        assert window.sign_in_action.text() == "Sign out"
        window.sign_in_action.trigger()
        assert window.account_label.text() == "Not signed in"
        window.close()


@pytest.mark.e2e
def test_recipients_from_a_shared_mailboxs_contacts_by_category(qtbot: QtBot) -> None:
    with Sandbox(auto_approve=True) as sandbox:
        controller = Controller(load_tenant_config(sandbox.tenant_config_path))
        window = MainWindow(controller)
        qtbot.addWidget(window)
        assert not window.contacts_action.isEnabled()
        with qtbot.waitSignal(controller.account_changed, timeout=20_000):
            controller.sign_in(device_code=True, stay_signed_in=False)
        assert window.contacts_action.isEnabled()

        dialog = ContactsDialog(controller, window)
        qtbot.addWidget(dialog)
        dialog.mailbox.setText(SALES)
        with qtbot.waitSignal(controller.address_book_opened, timeout=20_000):
            qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
        assert "Contacts of " + SALES in dialog.status.text()
        everyone = dialog.chosen
        assert everyone is not None
        first = dialog.categories.item(0)
        assert first is not None
        first.setCheckState(Qt.CheckState.Checked)
        chosen = dialog.chosen
        assert chosen is not None
        assert 0 < len(chosen.rows) < len(everyone.rows)
        assert all(first.text() in row.fields["Categories"].split("; ") for row in chosen.rows)
        assert dialog.summary.text().startswith(f"{len(chosen.rows) + len(chosen.excluded)} contacts match")

        with qtbot.waitSignal(controller.recipients_changed, timeout=5_000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert window.model.rowCount() == len(chosen.rows) + len(chosen.excluded)
        assert f"Contacts of {SALES}" in window.statusBar().currentMessage()
        window.close()


@pytest.mark.e2e
def test_a_mailbox_without_rights_is_explained_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)
    with Sandbox(auto_approve=True) as sandbox:
        controller = Controller(load_tenant_config(sandbox.tenant_config_path))
        with qtbot.waitSignal(controller.account_changed, timeout=20_000):
            controller.sign_in(device_code=True, stay_signed_in=False)
        dialog = ContactsDialog(controller)
        qtbot.addWidget(dialog)
        dialog.mailbox.setText("nobody@contoso.onmicrosoft.com")
        with qtbot.waitSignal(controller.address_book_failed, timeout=20_000):
            dialog.load()
        assert "nobody@contoso.onmicrosoft.com" in dialog.status.text()
        assert dialog.load_button.isEnabled()
        assert not dialog.ok_button.isEnabled()
        controller.close()
