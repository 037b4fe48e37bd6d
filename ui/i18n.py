"""Install Qt's translators for the user's language and route the engine's text through them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from securemailmerge import i18n
from securemailmerge.resources import asset_path

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Load the compiled catalogue for ``language`` (default: the user's) and return its code."""
    language = language or i18n.user_language()
    while _installed:
        app.removeTranslator(_installed.pop())
    translator = QTranslator(app)
    if language != "en" and translator.load(
        str(asset_path("translations", f"securemailmerge_{language}.qm"))
    ):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    i18n.set_translator(QCoreApplication.translate)
    return language
