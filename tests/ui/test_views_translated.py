"""Settings, Network activity, Do-not-contact and About speak German and Spanish, every text of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.test_languages import SAME_EVERYWHERE, widget_texts
from ui.about import AboutDialog
from ui.controller import Controller
from ui.donotcontact_view import DoNotContactDialog
from ui.i18n import install_translations
from ui.network_view import NetworkDialog
from ui.settings_dialog import SettingsDialog

# Names, codes and words that read the same in German or Spanish as in English.
SAME = {
    *SAME_EVERYWHERE,
    *("English", "Deutsch", "Español", "CSV (*.csv)", "Proxy", "Host", "Hosts", "Microsoft Graph"),
    *("OK", "Status", "Cloud", "General", "Global", "organizations"),
}


def texts_of(dialog: QWidget) -> list[str]:
    """Every text a user can read or hear in ``dialog``: labels, buttons, tabs, headers, names, tips."""
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        texts.extend(widget_texts(widget))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
            )
    return texts


def build(qtbot: QtBot, language: str, make: Callable[[], QWidget]) -> list[str]:
    install_translations(QApplication.instance(), language)  # type: ignore[arg-type]
    dialog = make()
    qtbot.addWidget(dialog)
    return texts_of(dialog)


VIEWS: dict[str, Callable[[], QWidget]] = {
    "settings": lambda: SettingsDialog(None),
    "network": lambda: NetworkDialog(Controller(None)),
    "do-not-contact": lambda: DoNotContactDialog(Controller(None)),
    "about": lambda: AboutDialog(None, Controller(None).license_text()),
}


@pytest.mark.parametrize("language", ["de", "es"])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_no_text_of_the_view_stays_english(qtbot: QtBot, language: str, view: str) -> None:
    try:
        english = build(qtbot, "en", VIEWS[view])
        translated = build(qtbot, language, VIEWS[view])
    finally:
        install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
    assert len(english) == len(translated)
    untranslated = {
        text
        for text, other in zip(english, translated, strict=True)
        if text == other
        and text not in SAME
        and any(c.isalpha() for c in text)
        and "/" not in text
        and not text.endswith(" in tenant.json")  # a setting's own name in the file
        and not text.startswith("SecureMailMerge ")  # the version
    }
    assert untranslated == set()


def tab_round(qtbot: QtBot, dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``dialog``, once round, from its first one."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.focusNextChild()
    seen: list[QWidget] = []
    for _ in range(100):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_tab_reaches_every_control_and_each_has_a_name(qtbot: QtBot, view: str) -> None:
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
    dialog = VIEWS[view]()
    qtbot.addWidget(dialog)
    if isinstance(dialog, DoNotContactDialog):
        dialog.controller.set_sender("news@contoso.com")  # a known mailbox: every control is enabled
    visited = tab_round(qtbot, dialog)
    focusable = [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.isVisibleTo(dialog)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(widget, QTabWidget)  # its tab bar takes the focus
        and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox)  # their own inner line edit
    ]
    assert [widget for widget in focusable if widget not in visited] == []
    named = [w for w in visited if (isinstance(w, QAbstractButton) and w.text()) or w.accessibleName()]
    assert [type(w).__name__ for w in visited if w not in named] == []
