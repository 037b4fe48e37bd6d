"""In dark and high-contrast themes every colour the window picks itself reads at 4.5:1 (WCAG)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from securemailmerge.recipients import RecipientOptions, load_recipients
from ui import theme
from ui.contacts_dialog import OUTLOOK_COLOURS, category_dot
from ui.controller import Controller
from ui.recipients_model import RecipientsModel
from ui.signin import SignInDialog
from ui.steps.preview import SafeBrowser

Role = QPalette.ColorRole


def _palette(window: str, text: str, base: str, placeholder: str, highlight: str) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (Role.Window, window),
        (Role.Button, window),
        (Role.WindowText, text),
        (Role.ButtonText, text),
        (Role.Text, text),
        (Role.Base, base),
        (Role.AlternateBase, base),
        (Role.PlaceholderText, placeholder),
        (Role.Highlight, highlight),
    ):
        palette.setColor(role, QColor(colour))
    return palette


PALETTES = {
    # A dark theme whose grey placeholder text is too dim to read on its base (3.1:1).
    "dark": _palette("#202020", "#f0f0f0", "#2b2b2b", "#6e6e6e", "#2f6fd6"),
    # Windows' "High Contrast Black" and "High Contrast White" (GrayText as the placeholder colour).
    "contrast-black": _palette("#000000", "#ffffff", "#000000", "#3ff23f", "#1aebff"),
    "contrast-white": _palette("#ffffff", "#000000", "#ffffff", "#600000", "#37006e"),
}


@pytest.fixture(params=sorted(PALETTES))
def themed(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    """The app drawn with one of the palettes, as the system would hand it over."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(PALETTES[request.param])
    yield app.palette()
    app.setPalette(before)


def _pixels(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


def strongest(image: QImage, background: QColor) -> float:
    """The contrast of the grabbed pixel that stands out most against ``background``."""
    return max(theme.contrast(pixel, background) for pixel in _pixels(image))


def big(widget: QWidget) -> None:
    """Large bold text, so its strokes have pixels of the full colour and not only antialiased edges."""
    font = QFont(widget.font())
    font.setPointSize(28)
    font.setBold(True)
    widget.setFont(font)


def test_the_contrast_ratio_is_wcags() -> None:
    assert theme.contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert theme.contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


def test_error_sentences_read_on_every_theme(qtbot: QtBot, themed: QPalette) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("Fehler", holder)
    QVBoxLayout(holder).addWidget(label)
    big(label)
    theme.show_as_error(label)
    holder.show()
    colour = label.palette().color(Role.WindowText)
    assert colour.red() > colour.green()  # still red, not plain text
    background = themed.color(Role.Window)
    assert strongest(label.grab().toImage(), background) >= theme.MINIMUM_CONTRAST
    theme.show_as_error(label, False)
    assert label.palette().color(Role.WindowText) == themed.color(Role.WindowText)


def test_an_error_recolours_when_the_system_switches_to_dark(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        app.setPalette(PALETTES["contrast-white"])
        label = QLabel("Error")
        qtbot.addWidget(label)
        theme.show_as_error(label)
        app.setPalette(PALETTES["dark"])
        window = PALETTES["dark"].color(Role.Window)
        qtbot.waitUntil(
            lambda: theme.contrast(label.palette().color(Role.WindowText), window) >= theme.MINIMUM_CONTRAST
        )
    finally:
        app.setPalette(before)


def test_left_out_rows_stay_readable(qtbot: QtBot, tmp_path: Path, themed: QPalette) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,Email\nAna,ana@example.com\nBen,not an address\n", encoding="utf-8")
    model = RecipientsModel()
    model.set_list(load_recipients(path, RecipientOptions()))
    left_out = next(row for row in range(model.rowCount()) if not model.is_ready(row))
    brush = model.data(model.index(left_out, 3), Qt.ItemDataRole.ForegroundRole)
    assert theme.contrast(brush.color(), themed.color(Role.Base)) >= theme.MINIMUM_CONTRAST
    assert brush.color() != themed.color(Role.Text)  # greyed, not like the rows that go out


@pytest.mark.parametrize("preset", [3, 13, 14, 10])  # yellow, dark grey, black, light grey
def test_category_chips_stand_out(qtbot: QtBot, themed: QPalette, preset: int) -> None:
    icon = category_dot(QColor(OUTLOOK_COLOURS[preset]), themed)
    background = themed.color(Role.Base)
    image = QImage(QSize(14, 14), QImage.Format.Format_ARGB32)
    image.fill(background)
    painter = QPainter(image)
    icon.paint(painter, image.rect())
    painter.end()
    assert strongest(image, background) >= theme.MINIMUM_CONTRAST


def test_the_big_sign_in_code_reads(qtbot: QtBot, themed: QPalette) -> None:
    dialog = SignInDialog(Controller(None))
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentIndex(1)
    dialog.code.setText("ABCD-1234")
    dialog.show()
    image = dialog.code.grab().toImage()
    assert strongest(image, image.pixelColor(0, 0)) >= theme.MINIMUM_CONTRAST


def test_the_preview_shows_the_message_on_white_paper(qtbot: QtBot, themed: QPalette) -> None:
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    big(browser)
    browser.setPlainText("Hallo Ana")
    browser.resize(300, 120)
    browser.show()
    image = browser.viewport().grab().toImage()
    assert image.pixelColor(image.width() - 2, image.height() - 2) == QColor("white")
    assert strongest(image, QColor("white")) >= theme.MINIMUM_CONTRAST


def test_the_left_out_banner_reads() -> None:
    assert theme.contrast(theme.BANNER_TEXT, theme.ERROR_RED) >= theme.MINIMUM_CONTRAST
