"""Install Qt's translators for the user's language and route the engine's text through them.

Like Picard, Qt's own ``qtbase_`` catalogue is loaded too, so standard buttons (OK, Cancel, Save)
and dialogs speak the same language as the app. Languages are offered by their own names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from securemailmerge import i18n
from securemailmerge.resources import asset_path

# Each language in its own name, as a speaker looks for it.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "es": "Español"}

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Load the app's and Qt's catalogues for ``language`` (default: the system's) and return its code."""
    language = language if language in LANGUAGE_NAMES else i18n.user_language()
    while _installed:
        app.removeTranslator(_installed.pop())
    # English has a catalogue too: it holds the plural forms ("1 row", "2 rows") and nothing else.
    catalogues = [(str(asset_path("translations", f"securemailmerge_{language}.qm")), "")]
    if language != "en":
        qt = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.append((f"qtbase_{language}", qt))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder) if folder else translator.load(name):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    i18n.set_translator(QCoreApplication.translate)
    i18n.set_language(language)
    return language
