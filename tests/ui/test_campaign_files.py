"""Campaign files in the window: save, reopen every step, unsaved-change prompts, recent files, drops."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.campaign import SCHEDULED, CampaignDocument, FileSource, save_campaign
from securemailmerge.sandbox.directory import SALES
from securemailmerge.template import Template
from tests.ui.conftest import sign_in
from ui import settings
from ui.controller import Controller
from ui.dialogs import ask_to_save, unsaved_question
from ui.i18n import install_translations
from ui.relaunch import switch_language
from ui.window import MainWindow

Asked = list[str]


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> Asked:
    """Answer every question with ``button`` (as a click would); the questions asked are collected."""
    asked: Asked = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    def clicked(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "exec", clicked)
    monkeypatch.setattr("ui.campaign_files.ask_to_save", ask_to_save)  # the real one, not conftest's
    return asked


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The error dialogs the campaign commands show, by their sentence."""
    messages: list[str] = []
    monkeypatch.setattr("ui.campaign_files.show_error", lambda _parent, message: messages.append(message))
    return messages


def choose_file(monkeypatch: pytest.MonkeyPatch, kind: str, path: Path | None) -> None:
    """The file dialog of ``kind`` ("getOpenFileName", "getSaveFileName") picks ``path`` (None: Cancel)."""
    monkeypatch.setattr(QFileDialog, kind, lambda *_args, **_kw: (str(path) if path else "", ""))


def new_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    return window


def build_campaign(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """Every step set the way a user would set it, offline."""
    folder.mkdir(exist_ok=True)
    people = folder / "people.csv"
    people.write_text(
        "Name;Mail;File\nAda;ada@example.com;a.pdf\nBob;bob@example.com;b.pdf\nCy;cy@example.com;\n",
        encoding="cp1252",
    )
    (folder / "offer.pdf").write_bytes(b"%PDF-1.4 offer")
    window.go_to(1)
    window.recipients.open_file(people)
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 3, timeout=10_000)
    step = window.recipients
    step.reading.encoding.setCurrentText("cp1252")
    step.reading.encoding.activated.emit(step.reading.encoding.currentIndex())
    qtbot.waitUntil(lambda: window.controller.recipient_options.encoding == "cp1252", timeout=10_000)
    model = step.model
    bob = next(row for row in range(model.rowCount()) if model.recipient(row).fields["Name"] == "Bob")
    model.setData(model.index(bob, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert window.controller.left_out == {3}
    window.go_to(2)
    message = window.message
    qtbot.keyClicks(message.subject, "Offer for {{Name}}")
    message.attach(folder / "offer.pdf")
    message.attachment_column.setCurrentIndex(message.attachment_column.findData("File"))
    message.attachment_column.activated.emit(message.attachment_column.currentIndex())
    message.publish()
    window.go_to(0)
    window.account.shared_mailbox.setChecked(True)
    window.account.shared_address.setCurrentText("sales@contoso.com")
    qtbot.mouseClick(window.account.use_button, Qt.MouseButton.LeftButton)
    send = window.send
    send.mode.setCurrentIndex(send.mode.findData(SCHEDULED))
    send.when.setDateTime(QDateTime.fromSecsSinceEpoch(1_798_110_000))
    send.pace.setValue(12)
    send.cap.setValue(500)
    send.use_window.setChecked(True)
    send.window_start.setTime(QTime(9, 30))
    send.window_end.setTime(QTime(16, 0))


def test_a_saved_campaign_reopens_every_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_campaign(qtbot, window, tmp_path / "spring")
    assert window.isWindowModified()
    target = tmp_path / "spring" / "Spring offer"
    choose_file(monkeypatch, "getSaveFileName", target)
    window.menu_actions.campaign.save.trigger()  # never saved: Save asks where
    saved = tmp_path / "spring" / "Spring offer.smmcampaign"
    assert saved.is_file()
    assert window.windowTitle() == "Spring offer.smmcampaign[*] — SecureMailMerge"
    assert not window.isWindowModified()
    stored = json.loads(saved.read_text("utf-8"))
    assert stored["recipients"]["path"] == "people.csv"
    assert stored["template"]["folder"] == "."

    again = new_window(qtbot)
    choose_file(monkeypatch, "getOpenFileName", saved)
    again.menu_actions.campaign.open.trigger()
    qtbot.waitUntil(lambda: again.recipients.model.rowCount() == 3, timeout=10_000)
    assert again.message.subject.text() == "Offer for {{Name}}"
    assert [again.message.attachments.item(i).text() for i in range(again.message.attachments.count())] == [
        "offer.pdf"
    ]
    assert again.message.attachment_column.currentData() == "File"
    assert again.controller.recipient_options.encoding == "cp1252"
    assert again.recipients.reading.encoding.currentText() == "cp1252"
    assert again.controller.left_out == {3}
    assert again.recipients.model.left_out == {3}
    assert again.controller.shared_sender == "sales@contoso.com"
    assert again.account.shared_mailbox.isChecked()
    send = again.send
    assert send.mode.currentData() == SCHEDULED
    assert send.when.dateTime().toSecsSinceEpoch() == 1_798_110_000
    assert (send.pace.value(), send.cap.value()) == (12, 500)
    assert send.use_window.isChecked()
    assert send.window_start.time() == QTime(9, 30)
    assert send.window_end.time() == QTime(16, 0)
    assert again.windowTitle() == "Spring offer.smmcampaign[*] — SecureMailMerge"
    assert not again.isWindowModified()
    again.send.pace.setValue(13)
    assert again.isWindowModified()
    again.send.pace.setValue(12)  # undone: nothing to save any more
    assert not again.isWindowModified()
    again.close()


def test_new_asks_about_unsaved_changes_and_cancel_keeps_them(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.go_to(2)
    qtbot.keyClicks(window.message.subject, "Draft")
    window.message.publish()
    assert window.isWindowModified()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.menu_actions.campaign.new.trigger()
    assert asked == ["Do you want to save the changes to Untitled campaign?"]
    assert window.message.subject.text() == "Draft"
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.menu_actions.campaign.new.trigger()
    assert window.message.subject.text() == ""
    assert not window.isWindowModified()
    assert window.windowTitle() == "Untitled campaign[*] — SecureMailMerge"


def test_a_new_campaign_starts_from_the_preferences(qtbot: QtBot, window: MainWindow) -> None:
    settings.MESSAGES_PER_MINUTE.set(12)
    settings.DAILY_CAP.set(300)
    window.send.cap.setValue(9999)
    window.go_to(4)
    window.menu_actions.campaign.new.trigger()
    assert (window.send.pace.value(), window.send.cap.value()) == (12, 300)
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("language", "buttons"),
    [("en", ["Save", "Don't Save", "Cancel"]), ("de", ["Speichern", "Nicht speichern", "Abbrechen"])],
)
def test_the_question_offers_save_dont_save_and_cancel(
    qtbot: QtBot, language: str, buttons: list[str]
) -> None:
    install_translations(QApplication.instance(), language)
    try:
        box = unsaved_question(None, "spring.smmcampaign")
    finally:
        install_translations(QApplication.instance(), "en")
    qtbot.addWidget(box)
    standard = QMessageBox.StandardButton
    shown = [box.button(kind) for kind in (standard.Save, standard.Discard, standard.Cancel)]
    assert [button.text().replace("&", "") for button in shown if button is not None] == buttons
    assert box.defaultButton() is shown[0]
    assert box.escapeButton() is shown[2]


def test_save_in_the_prompt_saves_before_opening_another(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.send.cap.setValue(999)
    other = tmp_path / "other.smmcampaign"
    window.campaign.write(other)
    window.menu_actions.campaign.new.trigger()
    qtbot.keyClicks(window.message.subject, "Keep me")
    window.message.publish()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Save)
    choose_file(monkeypatch, "getSaveFileName", tmp_path / "kept")
    choose_file(monkeypatch, "getOpenFileName", other)
    window.menu_actions.campaign.open.trigger()
    assert asked == ["Do you want to save the changes to Untitled campaign?"]
    kept = json.loads((tmp_path / "kept.smmcampaign").read_text("utf-8"))
    assert kept["template"]["subject"] == "Keep me"
    assert window.windowTitle().startswith("other.smmcampaign")
    assert window.send.cap.value() == 999
    assert window.message.subject.text() == ""


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.campaign.write(tmp_path / "a.smmcampaign")
    window.send.cap.setValue(77)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.isVisible()
    assert asked == ["Do you want to save the changes to a.smmcampaign?"]
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    window.close()
    assert not window.isVisible()
    saved = json.loads((tmp_path / "a.smmcampaign").read_text("utf-8"))
    assert saved["settings"]["daily_cap"] == 77


def test_recent_campaigns_open_and_a_vanished_one_is_explained_and_dropped(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    for name in ("one", "two"):
        window.send.cap.setValue(100 if name == "one" else 200)
        window.campaign.write(tmp_path / f"{name}.smmcampaign")
    menu = window.menu_actions.campaign.recent
    menu.aboutToShow.emit()
    entries = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert entries[:2] == ["&1 two.smmcampaign", "&2 one.smmcampaign"]
    menu.actions()[1].trigger()
    assert window.windowTitle().startswith("one.smmcampaign")
    assert window.send.cap.value() == 100
    (tmp_path / "two.smmcampaign").unlink()
    menu.aboutToShow.emit()
    menu.actions()[1].trigger()
    assert any("two.smmcampaign cannot be read" in message for message in shown)
    menu.aboutToShow.emit()
    assert next(a.text() for a in menu.actions() if not a.isSeparator()) == "&1 one.smmcampaign"


def test_a_damaged_or_newer_file_is_explained_and_the_window_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    window.send.cap.setValue(321)
    newer = tmp_path / "newer.smmcampaign"
    newer.write_text('{"format": "securemailmerge-campaign", "version": 9}', encoding="utf-8")
    assert not window.campaign.open(newer)
    assert any("newer SecureMailMerge (format 9)" in message for message in shown)
    assert window.send.cap.value() == 321
    assert window.windowTitle().startswith("Untitled campaign")


def test_a_moved_recipient_list_is_reported_and_the_campaign_keeps_naming_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    build_campaign(qtbot, window, tmp_path / "c")
    window.campaign.write(tmp_path / "c" / "x.smmcampaign")
    (tmp_path / "c" / "people.csv").rename(tmp_path / "people.csv")
    again = new_window(qtbot)
    assert again.campaign.open(tmp_path / "c" / "x.smmcampaign")
    qtbot.waitUntil(lambda: any("recipients cannot be loaded" in message for message in shown))
    assert not again.isWindowModified()
    again.campaign.write(tmp_path / "c" / "y.smmcampaign")
    kept = json.loads((tmp_path / "c" / "y.smmcampaign").read_text("utf-8"))
    assert kept["recipients"]["path"] == "people.csv"
    assert kept["excluded_rows"] == [3]
    again.close()


@pytest.mark.e2e
def test_a_campaign_of_outlook_contacts_reloads_them_with_its_filter(
    qtbot: QtBot, online: MainWindow, tmp_path: Path
) -> None:
    sign_in(qtbot, online)
    dialog = online.recipients.dialog
    dialog.open()
    qtbot.keyClicks(dialog.mailbox, SALES)
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.opened is not None and dialog.categories.count() > 0, timeout=20_000)
    everyone = len(dialog.opened.book.contacts) if dialog.opened else 0
    chips = [dialog.categories.item(i) for i in range(dialog.categories.count())]
    next(chip for chip in chips if chip.text() == "Kunde").setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: 0 < len(dialog.matches.contacts) < everyone, timeout=10_000)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    model = online.recipients.model
    chosen = model.rowCount()
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    left_out = set(online.controller.left_out)
    saved = tmp_path / "customers.smmcampaign"
    assert online.campaign.write(saved)
    # Signed in, yet no token of the session (the sandbox's start "at." and "rt.") is in the file.
    assert not re.search(r"\b[ar]t\.[\w-]{20,}", saved.read_text("utf-8"))
    stored = json.loads(saved.read_text("utf-8"))["recipients"]
    assert (stored["kind"], stored["mailbox"], stored["categories"]) == ("contacts", SALES, ["Kunde"])

    online.menu_actions.campaign.new.trigger()
    assert model.rowCount() == 0
    assert online.campaign.open(saved)
    qtbot.waitUntil(lambda: model.rowCount() == chosen, timeout=20_000)
    assert online.controller.left_out == left_out
    assert online.recipients.source_label.text() == f"Contacts of {SALES}"
    assert not online.isWindowModified()

    online.controller.sign_out()
    online.menu_actions.campaign.new.trigger()
    assert online.campaign.open(saved)
    assert online.recipients.source_label.text() == "Sign in to load this campaign's contacts."
    assert not online.isWindowModified()  # the contacts it names are still the campaign's
    sign_in(qtbot, online)
    qtbot.waitUntil(lambda: model.rowCount() == chosen, timeout=20_000)
    assert online.controller.left_out == left_out


def test_a_workbook_reopens_on_its_sheet_and_header_row(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.title = "Last year"
    book.active.append(["Name", "Mail"])
    book.active.append(["Cy", "cy@example.com"])
    sheet = book.create_sheet("Customers")
    for row in (["Name", "Mail"], ["Old", "old@example.com"]):  # last year's table, above this one's
        sheet.append(row)
    sheet.append(["Name", "Mail"])
    sheet.append(["Ada", "ada@example.com"])
    sheet.append(["Bob", "bob@example.com"])
    book.save(tmp_path / "book.xlsx")
    window.go_to(1)
    window.recipients.open_file(tmp_path / "book.xlsx")
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 1, timeout=10_000)
    reading = window.recipients.reading
    qtbot.waitUntil(lambda: reading.sheet.count() == 2, timeout=10_000)
    reading.sheet.setCurrentText("Customers")
    reading.sheet.activated.emit(reading.sheet.currentIndex())
    qtbot.waitUntil(lambda: window.controller.recipient_options.sheet == "Customers", timeout=10_000)
    reading.header_row.setValue(3)
    qtbot.waitUntil(lambda: window.controller.recipient_options.header_row == 3, timeout=10_000)
    assert window.recipients.model.rowCount() == 2
    window.campaign.write(tmp_path / "book.smmcampaign")

    again = new_window(qtbot)
    assert again.campaign.open(tmp_path / "book.smmcampaign")
    qtbot.waitUntil(lambda: again.recipients.model.rowCount() == 2, timeout=10_000)
    assert again.controller.recipients is not None
    assert again.controller.recipients.email_column == "Mail"
    qtbot.waitUntil(lambda: again.recipients.reading.sheet.currentText() == "Customers", timeout=10_000)
    assert again.recipients.reading.header_row.value() == 3
    assert (again.controller.recipient_options.sheet, again.controller.recipient_options.header_row) == (
        "Customers",
        3,
    )
    assert not again.isWindowModified()
    again.close()


def test_a_new_language_keeps_the_campaign_its_file_and_its_autosave(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.send.pace.setValue(11)
    saved = tmp_path / "spring.smmcampaign"
    window.campaign.write(saved)
    window.send.pace.setValue(9)
    window.campaign.autosave_now()
    window.campaign.autosave.wait()  # the disk is written off the UI thread
    before = window.campaign.autosave.path
    try:
        rebuilt = switch_language(window, "de")
        assert rebuilt is not None
        qtbot.addWidget(rebuilt)
    finally:
        install_translations(QApplication.instance(), "en")
    assert rebuilt.windowTitle() == "spring.smmcampaign[*] — SecureMailMerge"
    assert rebuilt.isWindowModified()
    assert rebuilt.send.pace.value() == 9
    assert rebuilt.campaign.autosave.path == before
    assert [path.name for path in before.parent.glob("*.smmcampaign")] == [before.name]
    rebuilt.menu_actions.campaign.save.trigger()  # its file, without asking where
    assert json.loads(saved.read_text("utf-8"))["settings"]["per_minute"] == 9
    assert not rebuilt.isWindowModified()
    rebuilt.campaign.autosave.wait()
    assert not before.exists()


def test_a_campaign_file_naming_a_folder_outside_its_own_warns_and_reads_nothing_there_until_allowed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    inbox, secret = tmp_path / "Downloads", tmp_path / "private"
    inbox.mkdir()
    secret.mkdir()
    (secret / "salaries.pdf").write_bytes(b"%PDF-1.4 private")
    (inbox / "people.csv").write_text("Name,Email\nAda,ada@example.com\n", encoding="utf-8")
    stranger = inbox / "offer.smmcampaign"
    template = Template("Offer", "<p>Hi {{Name}}</p>", attachments=("salaries.pdf",))
    save_campaign(
        CampaignDocument(template=template, template_folder=secret, source=FileSource(inbox / "people.csv")),
        stranger,
    )
    window = new_window(qtbot)
    assert window.campaign.open(stranger)
    warning = window.campaign.folder_warning
    assert warning.isVisible()
    assert warning.text() == (
        f"offer.smmcampaign takes its attachments and images from {secret}, which is outside the campaign "
        "file's folder. Files there are used only if you allow it."
    )
    assert window.controller.template_folder == inbox
    qtbot.waitUntil(lambda: window.controller.report is not None, timeout=10_000)
    assert [p.value for p in window.controller.report.missing_attachments] == ["salaries.pdf"]
    assert not window.isWindowModified()

    (use,) = (b for b in warning.buttons() if b.text() == "Use that folder")
    qtbot.mouseClick(use, Qt.MouseButton.LeftButton)
    assert window.controller.template_folder == secret
    qtbot.waitUntil(lambda: window.controller.report is not None, timeout=10_000)
    assert window.controller.report.missing_attachments == ()
    assert not window.isWindowModified()
    # Allowed once for this file: opening it again asks nothing.
    window.campaign.folder_warning = None
    assert window.campaign.open(stranger)
    assert window.campaign.folder_warning is None
    assert window.controller.template_folder == secret


def test_a_campaign_the_user_saved_with_a_folder_elsewhere_opens_without_a_warning(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = new_window(qtbot)
    window.controller.set_template(Template("Hi", "<p>Hi</p>"), tmp_path / "files")
    (tmp_path / "campaigns").mkdir()
    assert window.campaign.write(tmp_path / "campaigns" / "mine.smmcampaign")
    again = new_window(qtbot)
    assert again.campaign.open(tmp_path / "campaigns" / "mine.smmcampaign")
    assert again.campaign.folder_warning is None
    assert again.controller.template_folder == tmp_path / "files"
