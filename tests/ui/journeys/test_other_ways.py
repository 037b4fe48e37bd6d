"""Other ways a campaign goes in the real window: drafts only, scheduled, a row left out, cancelled."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge import formatting
from securemailmerge.m365 import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import BOARD, DEMO_USER, SALES
from tests.helpers import sandbox_inspect
from tests.ui.conftest import answer_confirmation, sign_in
from tests.ui.journeys.steps import (
    BAD_ADDRESS,
    PEOPLE,
    WRITTEN,
    a_csv_file,
    go_to,
    left_click,
    parse,
    write_message,
)
from ui.controller import Controller
from ui.i18n import install_translations
from ui.window import MainWindow

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("mode", "question", "counts", "state", "folder"),
    [
        (
            "Only create drafts",
            "Create 3 drafts, to be sent as {me}?",
            "Drafts made 3 · failed 0",
            "draft ready",
            "drafts",
        ),
        (
            "Schedule for later",
            "Schedule 3 messages from {me}?",
            "Scheduled 3 · failed 0 · bounced 0",
            "scheduled",
            "outbox",
        ),
    ],
)
def test_drafts_only_or_scheduled_sends_nothing_now(
    qtbot: QtBot,
    online: MainWindow,
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    question: str,
    counts: str,
    state: str,
    folder: str,
) -> None:
    sign_in(qtbot, online)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    write_message(qtbot, online, tmp_path, monkeypatch)
    go_to(qtbot, online, 5)  # at once: the edit typed a moment ago is the one that goes out
    send = online.send
    send.mode.setFocus()
    while send.mode.currentText() != mode:
        qtbot.keyClick(send.mode, Qt.Key.Key_Down)
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: "Done." in send.log.toPlainText(), timeout=60_000)
    assert seen == [question.format(me=DEMO_USER)]
    assert send.counts.text() == counts
    send.export(tmp_path / "report.csv")
    with (tmp_path / "report.csv").open(encoding="utf-8-sig") as stream:
        assert [row[2] for row in list(csv.reader(stream))[1:]] == [state] * 3
    for _name, address in PEOPLE:
        assert sandbox_inspect(sandbox, f"recipients/{address}/messages") == []
    waiting = sandbox_inspect(sandbox, f"mailboxes/{DEMO_USER}/messages?folder={folder}")
    assert sorted(m["subject"] for m in waiting) == [WRITTEN.subject.format(name=n) for n, _a in PEOPLE]


def test_a_row_left_out_in_the_table_is_not_sent(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    recipients = online.recipients
    table = recipients.table
    bob = next(r for r in range(recipients.proxy.rowCount()) if recipients.proxy.index(r, 3).data() == "Bob")
    table.setFocus()
    table.setCurrentIndex(recipients.proxy.index(bob, 0))
    qtbot.keyClick(table.viewport(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: recipients.summary.text() == "2 ready, 1 left out", timeout=5_000)
    write_message(qtbot, online, tmp_path, monkeypatch)
    go_to(qtbot, online, 4)
    preview = online.preview
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.left_out.isVisible()
    assert (
        preview.left_out.text()
        == "Not sent: this row is left out. You left this row out; it will not be sent."
    )
    go_to(qtbot, online, 5)
    send = online.send
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: "Done." in send.log.toPlainText(), timeout=60_000)
    assert seen == [f"Send 2 messages now from {DEMO_USER}?"]
    received = {a: len(sandbox_inspect(sandbox, f"recipients/{a}/messages")) for _n, a in PEOPLE}
    assert received == {"ada.k@example.com": 1, "bob.b@example.org": 0, BAD_ADDRESS: 0}


def test_a_cancelled_campaign_deletes_its_drafts_and_is_not_offered_again(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    write_message(qtbot, online, tmp_path, monkeypatch)
    go_to(qtbot, online, 5)
    send = online.send
    answer_confirmation(online, QMessageBox.StandardButton.Yes, [])
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: ": sent." in send.log.toPlainText(), timeout=30_000)
    left_click(qtbot, send.cancel_button)
    qtbot.waitUntil(send.start_button.isEnabled, timeout=30_000)
    assert send.log.toPlainText().endswith("Cancelled; 2 unsent drafts deleted.")
    assert send.counts.text() == "Sent 1 · failed 0 · bounced 0"
    assert sandbox_inspect(sandbox, f"mailboxes/{DEMO_USER}/messages?folder=drafts") == []
    assert len(sandbox_inspect(sandbox, f"mailboxes/{DEMO_USER}/sent")) == 1
    assert not send.resume_button.isVisible()
    again = MainWindow(Controller(online.controller.tenant))
    qtbot.addWidget(again)
    again.show()
    qtbot.wait(50)
    assert again.resume_offer is None
    again.close()


def send_from(qtbot: QtBot, window: MainWindow, address: str) -> None:
    """Account step: "A shared mailbox:", its address typed, Enter."""
    go_to(qtbot, window, 1)
    account = window.account
    left_click(qtbot, account.shared_mailbox)
    edit = account.shared_address.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, address)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert account.sender_label.text() == f"Messages go out from {address}."


def test_a_campaign_from_a_shared_mailbox_ada_may_send_as(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    send_from(qtbot, online, SALES)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    write_message(qtbot, online, tmp_path, monkeypatch)
    go_to(qtbot, online, 4)
    assert online.preview.header_labels["from"].text() == SALES
    go_to(qtbot, online, 5)
    send = online.send
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: "Done." in send.log.toPlainText(), timeout=60_000)
    assert seen == [f"Send 3 messages now from {SALES}?"]
    assert f"3 of 3 to go, from {SALES}." in send.log.toPlainText()
    for _name, address in PEOPLE[:2]:
        (message,) = (parse(m["mime"]) for m in sandbox_inspect(sandbox, f"recipients/{address}/messages"))
        assert message["From"] == f"Sales Team <{SALES}>"


def test_a_shared_mailbox_ada_may_not_send_as_fails_each_row_with_the_reason(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    send_from(qtbot, online, BOARD)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    write_message(qtbot, online, tmp_path, monkeypatch)
    go_to(qtbot, online, 5)
    send = online.send
    denied = (
        "You may not send as this mailbox (ErrorSendAsDenied); ask your administrator for Send As rights."
    )
    left_click(qtbot, send.test_button)
    qtbot.waitUntil(lambda: denied in send.log.toPlainText(), timeout=30_000)
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: f"Stopped: {denied}" in send.log.toPlainText(), timeout=60_000)
    assert seen == [f"Send 3 messages now from {BOARD}?"]
    qtbot.waitUntil(send.start_button.isEnabled, timeout=10_000)
    assert send.counts.text() == "Sent 0 · failed 0 · bounced 0"
    for _name, address in PEOPLE:
        assert sandbox_inspect(sandbox, f"recipients/{address}/messages") == []
    assert send.resume_button.isVisible()  # once the rights are granted, it goes on where it stopped


@pytest.fixture
def german() -> Iterator[None]:
    """The app in German for one test, English again after it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "de")
    yield
    install_translations(app, "en")


@pytest.mark.usefixtures("german")
def test_in_german_the_send_log_and_the_report_speak_german(
    qtbot: QtBot, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path)))
    qtbot.addWidget(window)
    window.show()
    left_click(qtbot, window.account.sign_in_button)
    qtbot.waitUntil(window.account.dialog.isVisible)
    left_click(qtbot, window.account.dialog.code_button)
    qtbot.waitUntil(lambda: window.account.sign_in_button.text() == "Abmelden", timeout=20_000)
    a_csv_file(qtbot, window, tmp_path, monkeypatch)
    go_to(qtbot, window, 3)
    qtbot.keyClicks(window.message.subject, "Hallo {{FirstName}}")
    qtbot.keyClicks(window.message.editor.text, "Liebe {{FirstName}}")
    go_to(qtbot, window, 5)
    send = window.send
    seen: list[str] = []
    answer_confirmation(window, QMessageBox.StandardButton.Yes, seen)
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: "Fertig." in send.log.toPlainText(), timeout=60_000)
    assert seen == [f"3 Nachrichten jetzt von {DEMO_USER} senden?"]
    log = send.log.toPlainText().splitlines()
    assert log[-6:] == [
        "Zeile 2: gesendet.",
        "Zeile 3: gesendet.",
        "Zeile 4: gesendet.",
        "Zeile 4 unzustellbar (5.4.310): Die Domäne existiert nicht.",
        "Fertig.",
        "Gesendet 3 · fehlgeschlagen 0 · unzustellbar 1",  # the whole campaign's counts
    ]
    assert send.counts.text() == "Gesendet 3 · fehlgeschlagen 0 · unzustellbar 1"
    send.export(tmp_path / "bericht.csv")
    with (tmp_path / "bericht.csv").open(encoding="utf-8-sig") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["Zeile", "An", "Stand"]
    assert [row[2] for row in rows[1:]] == ["gesendet", "gesendet", "unzustellbar"]
    window.close()


def test_outside_the_sending_window_the_log_says_until_when_it_waits(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    write_message(qtbot, online, tmp_path, monkeypatch)
    go_to(qtbot, online, 5)
    send = online.send
    left_click(qtbot, send.use_window)
    # An hour that has passed today, or one still to come, so that the window never spans midnight
    # (a window ends after it starts, on the same day).
    opens = QTime(1, 0) if QTime.currentTime().hour() >= 12 else QTime(22, 0)
    send.window_start.setTime(opens)
    send.window_end.setTime(opens.addSecs(3600))
    answer_confirmation(online, QMessageBox.StandardButton.Yes, [])
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: "Waiting until" in send.log.toPlainText(), timeout=30_000)
    (line,) = (text for text in send.log.toPlainText().splitlines() if text.startswith("Waiting until"))
    assert line.endswith(": outside the sending window.")
    now = datetime.now().astimezone()
    opening = now.replace(hour=opens.hour(), minute=0, second=0, microsecond=0)
    opening += timedelta(days=1) if opening <= now else timedelta(0)
    assert formatting.when(opening) in line  # as the app writes a moment everywhere
    left_click(qtbot, send.cancel_button)
    qtbot.waitUntil(send.start_button.isEnabled, timeout=30_000)
    for _name, address in PEOPLE:
        assert sandbox_inspect(sandbox, f"recipients/{address}/messages") == []
