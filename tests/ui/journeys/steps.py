"""The steps of the journeys through the window, shared by every journey: each clicks and types as a user.

Each journey starts differently (Outlook contacts filtered by a category, a CSV file, an imported
Outlook message) and then goes the same way: row 3 in the preview, a test to oneself, the campaign
confirmed, paused and resumed, a bounce, the report as CSV and XLSX. What the sandbox's mailboxes
received is read through its ``/_sandbox/`` inspection API.
"""

from __future__ import annotations

import csv
import email
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.core.test_importers import write_eml, write_outlook
from tests.helpers import add_sandbox_contacts, sandbox_inspect
from tests.ui.conftest import answer_confirmation, choose_field
from ui.window import MainWindow

BAD_ADDRESS = "nobody@nowhere.example"  # a reserved name: the sandbox answers with a non-delivery report
PEOPLE = [("Ada", "ada.k@example.com"), ("Bob", "bob.b@example.org"), ("Cy", BAD_ADDRESS)]


@dataclass(frozen=True)
class Message:
    """What each recipient's message says: its subject and greeting, its name field and its files."""

    subject: str  # with {name} where the recipient's name goes
    greeting: str
    column: str
    attachment: str
    inline_image: str | None = None


WRITTEN = Message("Summer party for {name}", "Liebe", "FirstName", "Programm.pdf")
IMPORTED = Message("Einladung für {name}", "Hallo", "First Name", "Agenda.pdf", inline_image="logo.png")


def left_click(qtbot: QtBot, widget: object) -> None:
    """A left click on ``widget``, as the user gives it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def go_to(qtbot: QtBot, window: MainWindow, number: int) -> None:
    """Ctrl+1 ... Ctrl+5: the step of that number (1 Account ... 5 Send)."""
    window.activateWindow()  # a closed dialog hands the focus back (the offscreen platform does not)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() is window.steps[number - 1]


# The three ways in


def contacts_with_a_category(qtbot: QtBot, window: MainWindow, sandbox: Sandbox) -> None:
    """Ada's own contacts, only those in the category "Sommerfest" (one more contact is not in it)."""
    add_sandbox_contacts(
        sandbox,
        DEMO_USER,
        "Sommerfest",
        [(name, address, ["Sommerfest"]) for name, address in PEOPLE] + [("Dora", "dora@example.com", [])],
    )
    go_to(qtbot, window, 2)
    left_click(qtbot, window.recipients.contacts_button)
    dialog = window.recipients.dialog
    qtbot.waitUntil(dialog.isVisible)
    left_click(qtbot, dialog.load_button)
    qtbot.waitUntil(
        lambda: bool(dialog.categories.findItems("Sommerfest", Qt.MatchFlag.MatchExactly)), timeout=30_000
    )
    chip = dialog.categories.findItems("Sommerfest", Qt.MatchFlag.MatchExactly)[0]
    dialog.categories.setFocus()
    dialog.categories.setCurrentItem(chip)
    qtbot.keyClick(dialog.categories, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("3 contacts match"), timeout=10_000)
    assert dialog.matches.rowCount() == 3
    left_click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 3, timeout=10_000)


def a_csv_file(
    qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch, column: str = "FirstName"
) -> None:
    """A CSV file (the names in ``column``) chosen through File > Open recipients…."""
    path = folder / "people.csv"
    lines = [f"{column},Email"] + [f"{name},{address}" for name, address in PEOPLE]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    window.menu_actions.open_recipients.trigger()
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 3, timeout=10_000)


# The way on, the same for every start


def write_message(qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subject and a body with the FirstName field from "Insert field", and a PDF for everybody."""
    go_to(qtbot, window, 3)
    step = window.message
    qtbot.keyClicks(step.subject, "Summer party for ")
    step.subject.setFocus()
    qtbot.keyClicks(step.subject, "{{First")
    qtbot.waitUntil(lambda: step.subject.completer_.popup().isVisible(), timeout=5_000)
    qtbot.keyClick(step.subject.completer_.popup(), Qt.Key.Key_Return)
    assert step.subject.text() == "Summer party for {{FirstName}}"
    left_click(qtbot, step.editor.text)
    qtbot.keyClicks(step.editor.text, "Liebe ")
    choose_field(qtbot, step.editor, "FirstName")
    qtbot.keyClicks(step.editor.text, ", wir feiern!")
    agenda = folder / "Programm.pdf"
    agenda.write_bytes(b"%PDF-1.4 programm")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(agenda)], ""))
    left_click(qtbot, step.add_button)
    assert step.attachments.item(step.attachments.count() - 1).text() == "Programm.pdf"


def import_outlook_message(
    qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """File > Import from Outlook… ``name`` (.eml, .msg or .oft): a field, an inline logo and a PDF."""
    source = write_eml(folder / name) if name.endswith(".eml") else write_outlook(folder / name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    window.menu_actions.import_message.trigger()
    step = window.message
    assert step.subject.text() == "Einladung für {{First Name}}"
    assert [step.attachments.item(i).text() for i in range(step.attachments.count())] == ["Agenda.pdf"]


def preview_row_3(qtbot: QtBot, window: MainWindow, message: Message) -> None:
    """Jump to the third recipient in the Preview: Cy, with the greeting, the sender and the file."""
    go_to(qtbot, window, 4)
    preview = window.preview
    preview.jump.setFocus()
    preview.jump.selectAll()
    qtbot.keyClicks(preview.jump, "3")
    qtbot.keyClick(preview.jump, Qt.Key.Key_Return)
    recipient = window.recipients.model.recipient(2)
    assert recipient is not None
    assert (recipient.fields[message.column], recipient.to) == ("Cy", (BAD_ADDRESS,))
    qtbot.waitUntil(lambda: f"{message.greeting} Cy" in preview.body.toPlainText(), timeout=10_000)
    assert preview.header_labels["subject"].text() == message.subject.format(name="Cy")
    assert preview.header_labels["to"].text() == BAD_ADDRESS
    assert preview.position.text() == f"of 3 (row {recipient.row})"  # as the table and the log number it
    assert preview.header_labels["from"].text() == DEMO_USER
    assert message.attachment in preview.header_labels["attachments"].text()
    qtbot.waitUntil(lambda: preview.verdict.text() == "Ready to send.", timeout=10_000)
    assert ", ready 3, invalid 0, duplicates 0" in preview.report_label.text()
    assert preview.problems.count() == 0
    if message.inline_image:
        assert preview.body.refused == []
        assert len(shown_images(preview.body.document())) == 1


def shown_images(document: QTextDocument) -> list[str]:
    """The names of the images in a document whose data it found (a missing file is left out)."""
    names = []
    block = document.begin()
    while block.isValid():
        for fragment in (it.fragment() for it in block):
            image = fragment.charFormat().toImageFormat()
            kind = QTextDocument.ResourceType.ImageResource
            if image.isValid() and document.resource(kind, QUrl(image.name())) is not None:
                names.append(image.name())
        block = block.next()
    return names


def assert_parts(received: EmailMessage, message: Message) -> None:
    """The file arrives as an attachment; an imported inline image as an image part its HTML names by cid."""
    files = [p.get_filename() for p in received.walk() if p.get_content_disposition() == "attachment"]
    assert files == [message.attachment]
    images = [p for p in received.walk() if p.get_content_maintype() == "image" and p["Content-ID"]]
    assert len(images) == (1 if message.inline_image else 0)
    html = received.get_body(("html",))
    assert html is not None
    for image in images:
        assert f"cid:{image['Content-ID'].strip('<>')}" in html.get_content()


def send_test(qtbot: QtBot, window: MainWindow, sandbox: Sandbox, message: Message) -> None:
    """ "Send test to me": the test arrives in Ada's own mailbox, with the previewed row's (Cy's) fields."""
    go_to(qtbot, window, 5)
    send = window.send
    left_click(qtbot, send.test_button)
    qtbot.waitUntil(lambda: f"sent to {DEMO_USER}" in send.log.toPlainText(), timeout=30_000)
    received = [parse(m["mime"]) for m in sandbox_inspect(sandbox, f"recipients/{DEMO_USER}/messages")]
    assert f"Test message for row {window.preview.previewed_row()} sent to" in send.log.toPlainText()
    assert [m["Subject"] for m in received] == [f"[Test] {message.subject.format(name='Cy')}"]
    assert_parts(received[0], message)


def send_campaign(qtbot: QtBot, window: MainWindow) -> None:
    """Start, confirm, pause, resume, and wait until it is done."""
    send = window.send
    seen: list[str] = []
    answer_confirmation(window, QMessageBox.StandardButton.Yes, seen)
    left_click(qtbot, send.start_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == [f"Send 3 messages now from {DEMO_USER}?"]
    qtbot.waitUntil(send.pause_button.isEnabled, timeout=30_000)
    left_click(qtbot, send.pause_button)
    qtbot.waitUntil(send.resume_button_.isEnabled, timeout=30_000)
    assert "Paused" in send.log.toPlainText()
    left_click(qtbot, send.resume_button_)
    qtbot.waitUntil(lambda: "Done." in send.log.toPlainText(), timeout=60_000)
    assert "Resumed." in send.log.toPlainText()
    assert send.progress.value() == send.progress.maximum()
    qtbot.waitUntil(send.start_button.isEnabled, timeout=10_000)
    assert not any(b.isEnabled() for b in (send.pause_button, send.resume_button_, send.cancel_button))
    assert send.export_button.isEnabled()
    assert send.bounces_button.isEnabled()
    assert send.eta.text() == "0 s"


def see_the_bounce(qtbot: QtBot, window: MainWindow) -> None:
    """Cy's address cannot receive mail: after "Check for bounces" the counts and Cy's row say so."""
    send = window.send

    def bounced() -> bool:
        if "bounced 1" not in send.counts.text() and send.bounces_button.isEnabled():
            left_click(qtbot, send.bounces_button)
        return "bounced 1" in send.counts.text()

    qtbot.waitUntil(bounced, timeout=30_000)
    assert send.counts.text() == "Sent 3 · failed 0 · bounced 1"
    model = window.recipients.model
    row = next(r for r in range(model.rowCount()) if BAD_ADDRESS in model.recipient(r).to)
    assert model.data(model.index(row, 2)) == "Bounced"
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == "The domain does not exist."
    assert "bounced (5.4.310): The domain does not exist." in send.log.toPlainText()
    go_to(qtbot, window, 2)
    recipients = window.recipients
    recipients.status_filter.setFocus()
    while recipients.status_filter.currentText() != "Bounced":
        qtbot.keyClick(recipients.status_filter, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: recipients.proxy.rowCount() == 1, timeout=5_000)
    assert recipients.proxy.index(0, 2).data() == "Bounced"
    go_to(qtbot, window, 5)


def export_reports(qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Export report…" twice: as CSV and as XLSX; both list every row with its state."""
    send = window.send
    for name in ("report.csv", "report.xlsx"):
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *_a, name=name, **_k: (str(folder / name), "")
        )
        left_click(qtbot, send.export_button)
        assert f"Wrote 3 rows to {name}." in send.log.toPlainText()
    with (folder / "report.csv").open(encoding="utf-8-sig") as stream:
        from_csv = list(csv.reader(stream))
    sheet = load_workbook(folder / "report.xlsx", read_only=True).active
    from_xlsx = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    for rows in (from_csv, from_xlsx):
        assert rows[0][:3] == ["Row", "To", "State"]
        states = {row[1]: row[2] for row in rows[1:]}
        assert states == {address: "bounced" if address == BAD_ADDRESS else "sent" for _n, address in PEOPLE}
    assert not list(folder.glob(".report-*"))


def mailboxes_received(sandbox: Sandbox, expected: Message) -> None:
    """Each good address got exactly one message with its own name and files; Cy's bounced."""
    for name, address in PEOPLE:
        received = sandbox_inspect(sandbox, f"recipients/{address}/messages")
        if address == BAD_ADDRESS:
            assert received == []
            continue
        assert len(received) == 1, address
        message = parse(received[0]["mime"])
        assert message["Subject"] == expected.subject.format(name=name)
        body = message.get_body(("related", "html"))
        assert body is not None
        html = message.get_body(("html",))
        assert html is not None
        assert f"{expected.greeting} {name}" in html.get_content()
        assert_parts(message, expected)
    bounces = sandbox_inspect(sandbox, f"mailboxes/{DEMO_USER}/bounces")
    assert [b["recipient"] for b in bounces] == [BAD_ADDRESS]


def parse(mime: str) -> EmailMessage:
    """A sent message as the recipient's mail program reads it."""
    message = email.message_from_string(mime, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def from_the_preview_on(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: Sandbox,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    message: Message,
) -> None:
    """Everything after the recipients and the message: the same for each journey."""
    preview_row_3(qtbot, window, message)
    send_test(qtbot, window, sandbox, message)
    send_campaign(qtbot, window)
    see_the_bounce(qtbot, window)
    export_reports(qtbot, window, folder, monkeypatch)
    mailboxes_received(sandbox, message)
