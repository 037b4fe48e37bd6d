"""The Message step: subject with field completion, rich text, HTML source, plain text, attachments, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.template import load_template
from tests.core.test_importers import PNG, write_eml, write_outlook
from tests.ui.conftest import open_sample
from tests.ui.test_campaign_files import answer
from ui.window import MainWindow


def fresh_message(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """Recipients with First Name, and an empty message written from scratch."""
    recipients = tmp_path / "people.csv"
    recipients.write_text(
        "First Name,Email,File\nAda,ada@example.com,a.pdf\nBob,bob@example.com,b.pdf\nCy,cy@example.com,\n",
        encoding="utf-8",
    )
    window.go_to(1)
    window.recipients.open_file(recipients)
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 3, timeout=10_000)
    window.go_to(2)


def test_the_subject_completes_fields_after_two_braces(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fresh_message(qtbot, window, tmp_path)
    subject = window.message.subject
    subject.setFocus()
    subject.setText("Hallo {{Fi")
    subject.textEdited.emit(subject.text())
    assert subject.completer_.completionPrefix() == "Fi"
    assert subject.completer_.currentCompletion() == "First Name"
    subject.completer_.popup().hide()
    subject.completer_.activated.emit("First Name")
    assert subject.text() == "Hallo {{First Name}}"


def test_enter_takes_the_highlighted_field_in_the_subject(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fresh_message(qtbot, window, tmp_path)
    subject = window.message.subject
    subject.setFocus()
    qtbot.keyClicks(subject, "Hi {{fi")
    popup = subject.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert popup.currentIndex().data() == "First Name"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert subject.text() == "Hi {{First Name}}"


def test_a_body_with_a_field_reaches_the_preview(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    fresh_message(qtbot, window, tmp_path)
    step = window.message
    qtbot.keyClicks(step.subject, "Fuer {{First Name}}")
    step.editor.text.setFocus()
    qtbot.keyClicks(step.editor.text, "Liebe ")
    menu = step.editor.fields
    assert [action.text() for action in menu.actions()] == ["First Name", "Email", "File"]
    menu.actions()[0].trigger()
    qtbot.keyClicks(step.editor.text, ", willkommen!")
    step.editor.text.selectAll()
    step.editor.bold.trigger()
    window.go_to(3)
    preview = window.preview
    qtbot.waitUntil(lambda: "Liebe Ada, willkommen!" in preview.body.toPlainText(), timeout=5_000)
    assert preview.header_labels["subject"].text() == "Fuer Ada"
    assert "font-weight" in window.controller.template.html
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert "Liebe Bob" in preview.body.toPlainText()


def test_html_source_and_plain_text_can_be_edited(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    fresh_message(qtbot, window, tmp_path)
    step = window.message
    step.tabs.setCurrentWidget(step.source)
    step.source.setPlainText("<p>Hi <b>{{First Name}}</b></p>")
    step.tabs.setCurrentWidget(step.editor)
    assert step.editor.text.toPlainText().strip() == "Hi {{First Name}}"
    step.tabs.setCurrentIndex(2)
    assert step.text.toPlainText().strip() == "Hi {{First Name}}"
    assert step.text.isReadOnly()
    step.derive.setChecked(False)
    step.text.setPlainText("Hello {{First Name}}, in plain words.")
    step.publish()
    assert window.controller.template.text == "Hello {{First Name}}, in plain words."


def test_attachments_for_everybody_and_per_recipient(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fresh_message(qtbot, window, tmp_path)
    step = window.message
    common = tmp_path / "Agenda.pdf"
    common.write_bytes(b"%PDF")
    step.attach(common)
    step.attachment_column.setCurrentIndex(step.attachment_column.findData("File"))
    step.attachment_column.activated.emit(step.attachment_column.currentIndex())
    step.publish()
    window.go_to(3)
    assert window.preview.header_labels["attachments"].text() == "Agenda.pdf; a.pdf"


def test_a_template_saved_as_json_opens_again(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    fresh_message(qtbot, window, tmp_path)
    step = window.message
    qtbot.keyClicks(step.subject, "Hi {{First Name}}")
    qtbot.keyClicks(step.editor.text, "Body text")
    saved = tmp_path / "campaign.json"
    assert step.save(saved)
    assert not step.dirty
    template = load_template(saved)
    assert template.subject == "Hi {{First Name}}"
    assert "Body text" in template.html
    step.subject.clear()
    step.dirty = False
    assert step.open(saved)
    assert step.subject.text() == "Hi {{First Name}}"


def test_unsaved_changes_are_asked_about_before_closing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_message(qtbot, window, tmp_path)
    qtbot.keyClicks(window.message.subject, "Draft")
    # The campaign holds the message, so the window asks about the campaign (tests/ui/test_campaign_files.py).
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible()
    assert asked == ["Do you want to save the changes to Untitled campaign?"]


def test_an_imported_outlook_message_is_previewed_with_its_image(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fresh_message(qtbot, window, tmp_path)
    assert window.message.import_file(write_eml(tmp_path / "Einladung.eml"))
    assert window.message.subject.text() == "Einladung für {{First Name}}"
    assert window.message.attachments.item(0).text() == "Agenda.pdf"
    window.go_to(3)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.header_labels["subject"].text() == "Einladung für Ada", timeout=5_000)
    assert "Agenda.pdf" in preview.header_labels["attachments"].text()
    assert list(preview.body.images.values()) == [PNG]  # the logo shows, as the inline part it is sent as


@pytest.mark.parametrize("name", ["Einladung.msg", "Einladung.oft"])
def test_an_outlook_item_imported_by_the_button_is_previewed_with_its_image_and_attachment(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    fresh_message(qtbot, window, tmp_path)
    source = write_outlook(tmp_path / name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(source), ""))
    qtbot.mouseClick(window.message.import_button, Qt.MouseButton.LeftButton)
    assert window.message.subject.text() == "Einladung für {{First Name}}"
    assert window.message.attachments.item(0).text() == "Agenda.pdf"
    assert (tmp_path / "Einladung files" / "logo.png").read_bytes() == PNG
    window.go_to(3)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.header_labels["subject"].text() == "Einladung für Ada", timeout=5_000)
    assert "Hallo Ada" in preview.body.toPlainText()
    assert preview.header_labels["attachments"].text() == "Agenda.pdf"
    assert list(preview.body.images.values()) == [PNG]


def test_a_damaged_outlook_file_is_said_in_the_step_and_the_message_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_message(qtbot, window, tmp_path)
    qtbot.keyClicks(window.message.subject, "Mine")
    broken = tmp_path / "broken.msg"
    broken.write_bytes(write_outlook(tmp_path / "whole.msg").read_bytes()[:1500])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(broken), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    qtbot.mouseClick(window.message.import_button, Qt.MouseButton.LeftButton)
    assert window.message.subject.text() == "Mine"
    assert len(warned) == 1
    assert warned[0].startswith("broken.msg cannot be read as an Outlook message: ")


def test_the_sample_opens_with_its_attachment_column(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    step = window.message
    assert step.attachment_column.currentData() == "Agenda"
    assert step.attachments.item(0).text() == "attachments/Übersicht.pdf"


def test_an_edit_typed_just_before_leaving_the_step_is_the_one_used(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fresh_message(qtbot, window, tmp_path)
    qtbot.keyClicks(window.message.subject, "Right now")
    window.go_to(4)  # sooner than the pause that hands on an edit while typing
    template = window.controller.template
    assert template is not None
    assert template.subject == "Right now"
