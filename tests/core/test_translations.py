"""The app speaks English, German and Spanish: catalogues are complete, current, and used."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from securemailmerge import i18n
from securemailmerge.resources import asset_path
from tests.helpers import REPO

LANGUAGES = ("de", "es")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]")


def messages(language: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(asset_path("translations", f"securemailmerge_{language}.ts")).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def test_catalogues_hold_every_text_of_the_code() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_translated_with_its_placeholders(language: str) -> None:
    problems = []
    for context, source, translation in messages(language):
        # A plural text ("%Ln rows") has one translation per plural form, each checked alike.
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if translation.get("type") == "unfinished" or not text.strip():
                problems.append(f"{context}: untranslated: {source}")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: placeholders differ: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_match_their_sources(language: str, tmp_path: Path) -> None:
    source = asset_path("translations", f"securemailmerge_{language}.ts")
    shutil.copy(source, tmp_path)
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease
    subprocess.run([lrelease, "-silent", str(tmp_path / source.name)], check=True)
    compiled = asset_path("translations", f"securemailmerge_{language}.qm")
    assert (tmp_path / source.with_suffix(".qm").name).read_bytes() == compiled.read_bytes()


@pytest.mark.parametrize(("language", "word"), [("de", "Empfänger"), ("es", "destinatarios")])
def test_the_window_speaks_the_users_language(qtbot: QtBot, language: str, word: str) -> None:
    from ui.controller import Controller
    from ui.i18n import install_translations
    from ui.window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, language)
    try:
        window = MainWindow(Controller(None))
        qtbot.addWidget(window)
        assert word in window.menu_actions.open_recipients.text()
    finally:
        install_translations(app, "en")


@pytest.mark.parametrize(("language", "word"), [("de", "Zeilen"), ("es", "filas")])
def test_the_command_line_speaks_the_users_language(language: str, word: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "securemailmerge",
            "--lang",
            language,
            "check",
            "--recipients",
            str(asset_path("sample", "recipients.csv")),
            "--template",
            str(asset_path("sample", "template.json")),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 1, result.stderr
    assert word in result.stdout


def test_engine_falls_back_to_english_without_a_catalogue() -> None:
    i18n.set_translator(None)
    assert i18n.translate("Preflight", "{count} bytes") == "{count} bytes"
