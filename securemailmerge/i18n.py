"""User-visible text goes through Qt's translation system, without the core importing Qt.

Core code writes ``translate("Context", "Source text {name}")`` (a name that ``pyside6-lupdate``
extracts) and formats the result itself. The desktop app installs Qt's own
``QCoreApplication.translate`` with ``set_translator``; the command line installs a reader of the
same ``.ts`` catalogues with ``use_catalog``. With neither, the English source text is used.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Callable
from pathlib import Path

from securemailmerge.resources import asset_path

Translator = Callable[[str, str], str]

LANGUAGES = ("en", "de", "es")

_translator: Translator | None = None
_language = "en"


def translate(context: str, source: str) -> str:
    """Return ``source`` in the user's language (English when no translation is installed)."""
    if _translator is None:
        return source
    return _translator(context, source) or source


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for extraction without translating it yet (translate it when shown)."""
    return source


def set_translator(translator: Translator | None) -> None:
    """Install the function that translates (``None`` restores English)."""
    global _translator
    _translator = translator


def set_language(language: str) -> None:
    """Say which language the text is in, so numbers, sizes and dates are written its way."""
    global _language
    _language = language if language in LANGUAGES else "en"


def current_language() -> str:
    """The language set last (``en`` until one is)."""
    return _language


def user_language() -> str:
    """The user's language among ``LANGUAGES``, from SMM_LANG, LANGUAGE, LC_ALL, LANG or the OS."""
    candidates = [os.environ.get(name, "") for name in ("SMM_LANG", "LANGUAGE", "LC_ALL", "LANG")]
    candidates.append(locale.getlocale()[0] or "")
    for value in candidates:
        code = value.split(":")[0][:2].lower()
        if code in LANGUAGES:
            return code
    return "en"


def catalogue_path(language: str) -> Path:
    """Where the ``.ts`` catalogue of ``language`` lives."""
    return asset_path("translations", f"securemailmerge_{language}.ts")


def load_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """Read a Qt ``.ts`` file into ``{(context, source): translation}`` (finished entries only)."""
    import xml.etree.ElementTree as ET  # only a German or Spanish start pays for the XML reader

    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()  # noqa: S314 - shipped with the app
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in {"unfinished", "obsolete"}:
                continue
            if node.text:
                table[(name, source)] = node.text
    return table


def use_catalogue(language: str) -> None:
    """Translate with the shipped catalogue of ``language`` (English needs none)."""
    set_language(language)
    if language == "en":
        set_translator(None)
        return
    path = catalogue_path(language)
    if not path.exists():
        set_translator(None)
        set_language("en")
        return
    table = load_catalogue(path)
    set_translator(lambda context, source: table.get((context, source), source))
