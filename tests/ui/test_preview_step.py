"""The Preview: the message as sent (inlined styles, embedded images, free footer), read whole at any size."""

from __future__ import annotations

import email
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from securemailmerge.m365 import LicenseStatus
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.ui.conftest import open_sample, sign_in
from ui.controller import Controller
from ui.i18n import install_translations
from ui.recipients_model import FIXED
from ui.window import MainWindow

HTML = (
    "<html><head><style>p.note { color: #123456 }</style></head>"
    '<body><p class="note">Dear {{ Name }}</p><img src="red.png" width="40" height="40"></body></html>'
)


def open_message(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """A list of two and a message with a style sheet and a red 40x40 image beside it."""
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    assert image.save(str(folder / "red.png"))
    (folder / "invite.json").write_text(json.dumps({"subject": "Hi {{ Name }}", "html": HTML}))
    (folder / "list.csv").write_text("Name,Email\nAda,ada@example.com\nBob,bob@example.com\n")
    window.go_to(1)
    window.recipients.open_file(folder / "list.csv")
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() == 2, timeout=10_000)
    assert window.message.open(folder / "invite.json")
    window.go_to(3)
    qtbot.waitUntil(lambda: "Dear Ada" in window.preview.body.toPlainText(), timeout=5_000)


def red_pixels(window: MainWindow) -> int:
    shot = window.preview.body.viewport().grab().toImage()
    return sum(
        1
        for x in range(0, shot.width(), 2)
        for y in range(0, shot.height(), 2)
        if shot.pixelColor(x, y).name() == "#ff0000"
    )


def test_the_preview_shows_the_inlined_style_and_the_embedded_image(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_message(qtbot, window, tmp_path)
    document = window.preview.body.document()
    cursor = QTextCursor(document.find("Dear Ada"))
    assert cursor.charFormat().foreground().color().name() == "#123456"
    assert red_pixels(window) > 50  # the image shows, loaded from the message's own inline part
    sent = window.controller.outgoing_message({"Name": "Ada", "Email": "ada@example.com"})
    assert not isinstance(sent, str)
    (image,) = sent.images
    assert f'src="cid:{image.content_id}"' in sent.rendered.html
    assert window.preview.body.images == {image.content_id: image.data}


def test_the_free_footer_shows_until_the_license_is_commercial(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_message(qtbot, window, tmp_path)
    assert window.preview.body.toPlainText().rstrip().endswith("Sent with SecureMailMerge")
    window.controller.license = LicenseStatus("free")
    qtbot.mouseClick(window.preview.next_button, Qt.MouseButton.LeftButton)
    assert window.preview.body.toPlainText().rstrip().endswith("Sent with SecureMailMerge")
    window.controller.license = LicenseStatus("commercial")
    qtbot.mouseClick(window.preview.previous_button, Qt.MouseButton.LeftButton)
    assert "Dear Ada" in window.preview.body.toPlainText()
    assert "Sent with SecureMailMerge" not in window.preview.body.toPlainText()


def test_a_missing_image_is_said_in_the_preview(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_message(qtbot, window, tmp_path)
    (tmp_path / "red.png").unlink()
    window.message.open(tmp_path / "invite.json")  # opened again: the images are read again
    qtbot.waitUntil(lambda: "red.png" in window.preview.body.toPlainText(), timeout=5_000)
    assert window.preview.body.toPlainText() == (
        f"The file “red.png” does not exist in the folder {tmp_path}."
    )


@pytest.mark.parametrize(("language", "size"), [("en", "4.9 KB"), ("de", "4,9 KB"), ("es", "4,9 KB")])
@pytest.mark.parametrize(("width", "height"), [(1200, 760), (1024, 700)])
def test_the_check_summary_and_problems_read_whole_at_small_sizes(
    qtbot: QtBot, language: str, size: str, width: int, height: int
) -> None:
    install_translations(QApplication.instance(), language)
    try:
        window = MainWindow(Controller(None))
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        open_sample(qtbot, window)
        window.go_to(3)
        preview = window.preview
        qtbot.waitUntil(lambda: window.controller.report is not None, timeout=10_000)
        qtbot.waitUntil(lambda: preview.problems.count() == 4)
        summary = preview.report_label
        assert f" {size} " in summary.text()  # the window's locale writes the size, not the engine
        verdict = preview.verdict

        def whole(label: QLabel) -> bool:
            return label.height() >= label.heightForWidth(label.width())

        # The layout settles after the report arrives; then no line is cut off.
        qtbot.waitUntil(lambda: whole(summary) and whole(verdict), timeout=2_000)
        problems = preview.problems
        assert problems.horizontalScrollBar().maximum() == 0  # long lines wrap, never scroll sideways
        widest = max(problems.visualItemRect(problems.item(i)).width() for i in range(problems.count()))
        assert widest <= problems.viewport().width()
        finder = preview.finder
        assert finder.width() > finder.fontMetrics().horizontalAdvance(finder.placeholderText())
        window.go_to(1)
        table = window.recipients.table
        email = FIXED + list(window.controller.recipients.columns).index("Email")
        longest = max(r.fields["Email"] for r in window.controller.recipients.rows[:50])
        assert table.columnWidth(email) > table.fontMetrics().horizontalAdvance(longest)
        window.message.dirty = False
        window.close()
    finally:
        install_translations(QApplication.instance(), "en")


@pytest.mark.e2e
def test_the_test_message_sent_from_the_window_is_the_previewed_html(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path
) -> None:
    sign_in(qtbot, online)
    open_message(qtbot, online, tmp_path)
    online.go_to(4)
    qtbot.mouseClick(online.send.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f"sent to {DEMO_USER}" in online.send.log.toPlainText(), timeout=30_000)
    online.go_to(3)  # the license the test send checked now decides the footer here too
    previewed = online.controller.outgoing_message({"Name": "Ada", "Email": "ada@example.com"})
    assert not isinstance(previewed, str)
    sandbox.graph.settle()
    (sent,) = (email.message_from_string(m["mime"]) for m in sandbox.graph.inspect.sent(DEMO_USER))
    html = next(p for p in sent.walk() if p.get_content_type() == "text/html").get_payload(decode=True)
    assert html.decode().strip() == previewed.rendered.html.strip()
    (image,) = (p for p in sent.walk() if p.get_content_type() == "image/png")
    assert image.get_payload(decode=True) == (tmp_path / "red.png").read_bytes()
    assert str(image["Content-ID"]) == f"<{previewed.images[0].content_id}>"


def test_the_position_names_the_lists_own_row_as_the_table_and_the_log_do(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_message(qtbot, window, tmp_path)
    preview = window.preview
    assert preview.position.text() == "of 2 (row 2)"  # a CSV's first recipient is on its line 2
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.jump.value() == 2
    assert preview.position.text() == "of 2 (row 3)"
