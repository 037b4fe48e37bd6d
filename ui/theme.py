"""Colours that stay readable in light, dark and high-contrast themes, and the system's colour scheme.

Every colour the window picks itself (error text, left-out rows, category chips) is checked against
the palette it is shown on with the WCAG contrast ratio and moved towards black or white until it
reads at 4.5:1. Widgets that use them recompute on a palette change, so switching the system to dark
mode while the app runs recolours them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

MINIMUM_CONTRAST = 4.5  # WCAG AA for normal text
ERROR_RED = QColor("#b00020")
BANNER_TEXT = QColor("#ffffff")  # on ERROR_RED: 7.2:1 whatever the theme
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange)


def luminance(colour: QColor) -> float:
    """The WCAG relative luminance of ``colour`` (0 black, 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor, background: QColor, minimum: float = MINIMUM_CONTRAST) -> QColor:
    """``colour``, made lighter on a dark background or darker on a light one until it reads."""
    towards = QColor(Qt.GlobalColor.black) if luminance(background) > 0.18 else QColor(Qt.GlobalColor.white)
    shade = QColor(colour)
    step = 0.0
    while contrast(shade, background) < minimum and step < 1.0:
        step = min(step + 0.05, 1.0)
        shade = QColor.fromRgbF(
            colour.redF() + (towards.redF() - colour.redF()) * step,
            colour.greenF() + (towards.greenF() - colour.greenF()) * step,
            colour.blueF() + (towards.blueF() - colour.blueF()) * step,
        )
    return shade


def error_colour(palette: QPalette) -> QColor:
    """The red of error sentences, readable on the palette's window colour."""
    return readable(ERROR_RED, palette.color(QPalette.ColorRole.Window))


def muted_colour(palette: QPalette) -> QColor:
    """Greyed text for rows that will not be sent, still readable on the palette's base colour."""
    return readable(palette.color(QPalette.ColorRole.PlaceholderText), palette.color(QPalette.ColorRole.Base))


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window's text is lighter than its background."""
    palette = palette or QApplication.palette()
    return luminance(palette.color(QPalette.ColorRole.Window)) < luminance(
        palette.color(QPalette.ColorRole.WindowText)
    )


class _PaletteWatcher(QObject):
    """Calls ``changed`` whenever the watched widget's palette or style changes."""

    def __init__(self, widget: QWidget, changed: Callable[[], None]) -> None:
        super().__init__(widget)
        self._changed = changed
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Recolour after the palette changed; the event goes on as usual."""
        if event.type() in _PALETTE_EVENTS:
            self._changed()
        return False


def on_palette_change(widget: QWidget, changed: Callable[[], None]) -> None:
    """Run ``changed`` now and again each time ``widget``'s palette changes (a theme switch)."""
    _PaletteWatcher(widget, changed)
    changed()


def show_as_error(label: QLabel, error: bool = True) -> None:
    """Colour ``label``'s text as an error (readable red in every theme), or back to normal."""
    label.setProperty("smmError", error)
    if label.property("smmWatched"):
        _colour_label(label)
        return
    label.setProperty("smmWatched", True)
    on_palette_change(label, lambda: _colour_label(label))


def _colour_label(label: QLabel) -> None:
    parent = label.parentWidget()
    inherited = parent.palette() if parent is not None else QApplication.palette()
    normal = inherited.color(QPalette.ColorRole.WindowText)
    wanted = error_colour(inherited) if label.property("smmError") else normal
    if label.palette().color(QPalette.ColorRole.WindowText) != wanted:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        label.setPalette(palette)


def follow_system_scheme(app: QGuiApplication) -> None:
    """Use a style that draws the system's dark scheme where the native one cannot (Windows' old style)."""

    def apply() -> None:
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        if dark and isinstance(app, QApplication) and app.style().name().lower() == "windowsvista":
            app.setStyle("fusion")

    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply())
    apply()
