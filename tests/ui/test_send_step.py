"""The Send step on the sandbox: test to me, campaign confirmed, paused, resumed, a bounce, the report."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.campaign import DoNotContact
from securemailmerge.m365 import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.ui.conftest import answer_confirmation, sign_in
from ui.controller import Controller
from ui.window import MainWindow


def small_list(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """Three recipients, one at a domain that cannot receive mail, and a message with a field and a file."""
    (folder / "people.csv").write_text(
        "First Name,Email\nAda,ada@example.com\nBob,bob@example.org\nCy,cy@nowhere.example\n",
        encoding="utf-8",
    )
    (folder / "Agenda.pdf").write_bytes(b"%PDF-1.4 agenda")
    window.go_to(1)
    window.recipients.open_file(folder / "people.csv")
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 3, timeout=10_000)
    window.go_to(2)
    step = window.message
    qtbot.keyClicks(step.subject, "Hello {{First Name}}")
    step.editor.text.setFocus()
    qtbot.keyClicks(step.editor.text, "Dear {{First Name}}, see the agenda.")
    step.attach(folder / "Agenda.pdf")
    step.publish()


@pytest.mark.e2e
def test_test_send_then_the_campaign_with_pause_resume_bounce_and_report(
    qtbot: QtBot, online: MainWindow, tmp_path: Path
) -> None:
    sign_in(qtbot, online)
    small_list(qtbot, online, tmp_path)
    online.go_to(4)
    send = online.send
    qtbot.mouseClick(send.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f"sent to {DEMO_USER}" in send.log.toPlainText(), timeout=30_000)

    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(send.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == [f"Send 3 messages now from {DEMO_USER}?"]
    qtbot.waitUntil(send.pause_button.isEnabled, timeout=30_000)
    qtbot.mouseClick(send.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(send.resume_button_.isEnabled, timeout=30_000)
    assert "Paused" in send.log.toPlainText()
    qtbot.mouseClick(send.resume_button_, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Done." in send.log.toPlainText(), timeout=90_000)
    assert "Resumed." in send.log.toPlainText()
    assert send.progress.value() == send.progress.maximum()

    # Non-delivery reports come later; the user looks for them until the one for Cy arrives, clicking
    # again and again: a look already under way takes no second click, and the bounce counts once.
    def bounced() -> bool:
        if "bounced 1" not in send.counts.text() and send.bounces_button.isEnabled():
            send.bounces_button.click()
            assert not send.bounces_button.isEnabled()
            send.bounces_button.click()
        return "bounced 1" in send.counts.text()

    qtbot.waitUntil(bounced, timeout=60_000)
    qtbot.waitUntil(send.bounces_button.isEnabled, timeout=30_000)
    assert send.counts.text() == "Sent 3 · failed 0 · bounced 1"
    assert send.log.toPlainText().count("Row 4 bounced (5.4.310)") == 1
    model = online.recipients.model
    assert model.data(model.index(model.row_of(4), 2)) == "Bounced"

    report = tmp_path / "report.csv"
    send.export(report)
    with report.open(encoding="utf-8-sig") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == 4
    assert "Wrote 3 rows to report.csv." in send.log.toPlainText()


@pytest.mark.e2e
def test_declining_the_confirmation_sends_nothing(qtbot: QtBot, online: MainWindow, tmp_path: Path) -> None:
    sign_in(qtbot, online)
    small_list(qtbot, online, tmp_path)
    online.go_to(4)
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(online.send.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was sent." in online.send.log.toPlainText(), timeout=30_000)
    qtbot.waitUntil(online.send.start_button.isEnabled, timeout=10_000)
    assert QApplication.activeModalWidget() is None


@pytest.mark.e2e
def test_an_interrupted_campaign_is_offered_on_the_next_start(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    sign_in(qtbot, online)
    small_list(qtbot, online, tmp_path)
    online.go_to(4)
    seen: list[str] = []
    answer_confirmation(online, QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(online.send.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Row 2: sent." in online.send.log.toPlainText(), timeout=30_000)
    qtbot.mouseClick(online.send.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(online.send.resume_button_.isEnabled, timeout=30_000)
    sent_before = online.send.log.toPlainText().count(": sent.")
    online.close()  # the app goes away mid-campaign, as after a crash

    again = MainWindow(Controller(load_tenant_config(sandbox.tenant_config_path)))
    qtbot.addWidget(again)
    again.show()
    sign_in(qtbot, again)
    again.go_to(4)
    assert again.send.resume_button.isVisible()
    assert "did not finish" in again.send.resume_note.text()
    qtbot.mouseClick(again.send.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Done." in again.send.log.toPlainText(), timeout=90_000)
    assert not again.send.resume_button.isVisible()
    # The whole campaign, not only this run: the rows sent before the interruption count too.
    log = again.send.log.toPlainText()
    assert f"Before this run: Sent {sent_before} · failed 0 · bounced 0" in log
    assert log.count(": sent.") == 3 - sent_before
    assert log.endswith("Done.\nSent 3 · failed 0 · bounced 0")
    assert again.send.counts.text() == "Sent 3 · failed 0 · bounced 0"
    assert again.send.progress.value() == again.send.progress.maximum() == 3
    report = tmp_path / "report.csv"
    again.send.export(report)
    with report.open(encoding="utf-8-sig") as stream:
        states = [row[2] for row in list(csv.reader(stream))[1:]]
    assert states == ["sent", "sent", "sent"]
    again.close()


@pytest.mark.e2e
def test_start_and_test_say_what_is_missing(qtbot: QtBot, online: MainWindow) -> None:
    sign_in(qtbot, online)
    online.go_to(4)
    send = online.send
    for button in (send.start_button, send.test_button):
        send.log.clear()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert send.log.toPlainText().endswith("Open a recipient list and write a message first.")
    assert send.start_button.isEnabled()


@pytest.mark.e2e
def test_send_test_to_me_sends_the_row_the_preview_shows_and_names_it(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    sign_in(qtbot, online)
    small_list(qtbot, online, tmp_path)
    online.go_to(3)
    qtbot.mouseClick(online.preview.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(online.preview.next_button, Qt.MouseButton.LeftButton)
    assert online.preview.position.text() == "of 3 (row 4)"
    online.go_to(4)
    send = online.send
    qtbot.mouseClick(send.test_button, Qt.MouseButton.LeftButton)
    assert "Sending row 4, as the Preview shows it, to you as a test…" in send.log.toPlainText()
    qtbot.waitUntil(lambda: f"sent to {DEMO_USER}" in send.log.toPlainText(), timeout=30_000)
    assert f"Test message for row 4 sent to {DEMO_USER}." in send.log.toPlainText()
    sandbox.graph.settle()
    (sent,) = sandbox.graph.inspect.sent(DEMO_USER)
    assert "Subject: [Test] Hello Cy" in sent["mime"]


@pytest.mark.e2e
@pytest.mark.parametrize("kind", [".csv", ".xlsx"])
def test_the_exported_report_lists_every_row_left_out_with_its_reason(
    qtbot: QtBot, online: MainWindow, tmp_path: Path, kind: str
) -> None:
    sign_in(qtbot, online)
    DoNotContact.for_mailbox(DEMO_USER).add(["dan@example.com"], "asked us not to write")
    (tmp_path / "people.csv").write_text(
        "First Name,Email,File\nAda,ada@example.com,\nBob,bob@example.org,\nBad,not an address,\n"
        "Ada again,ada@example.com,\nDan,dan@example.com,\nEve,eve@example.com,missing.pdf\n",
        encoding="utf-8",
    )
    online.go_to(1)
    online.recipients.open_file(tmp_path / "people.csv")
    model = online.recipients.model
    qtbot.waitUntil(lambda: model.rowCount() == 6, timeout=10_000)
    bob = model.index(model.row_of(3), 0)
    model.setData(bob, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)  # Bob: left out
    online.go_to(2)
    qtbot.keyClicks(online.message.subject, "Hello {{First Name}}")
    online.message.attachment_column.setCurrentIndex(online.message.attachment_column.findText("File"))
    online.message.publish()
    online.go_to(4)
    answer_confirmation(online, QMessageBox.StandardButton.Yes, [])
    qtbot.mouseClick(online.send.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Done." in online.send.log.toPlainText(), timeout=60_000)

    report = tmp_path / f"report{kind}"
    online.send.export(report)
    if kind == ".csv":
        with report.open(encoding="utf-8-sig") as stream:
            lines = list(csv.reader(stream))
    else:
        sheet = openpyxl.load_workbook(report).active
        lines = [[str(cell.value or "") for cell in row] for row in sheet.iter_rows()]
    by_row = {line[0]: (line[2], line[6], line[7]) for line in lines[1:]}
    assert sorted(by_row, key=int) == ["2", "3", "4", "5", "6", "7"]
    assert by_row["2"][0] == "sent"
    assert by_row["3"] == ("left out", "left-out-by-user", "Left out by you.")
    assert by_row["4"][:2] == ("left out", "invalid-address")
    assert "not an address" in by_row["4"][2]
    assert by_row["5"][:2] == ("left out", "duplicate")
    assert "ada@example.com" in by_row["5"][2]
    assert by_row["6"][:2] == ("left out", "do-not-contact")
    assert by_row["7"][:2] == ("left out", "missing-attachment")
    assert "missing.pdf" in by_row["7"][2]
    assert f"Wrote 6 rows to {report.name}." in online.send.log.toPlainText()
