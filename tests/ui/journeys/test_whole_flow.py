"""The whole mail merge in the real window on the sandbox, from contacts, from a CSV file, from Outlook."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.ui.conftest import sign_in
from tests.ui.journeys.steps import (
    IMPORTED,
    WRITTEN,
    a_csv_file,
    contacts_with_a_category,
    from_the_preview_on,
    import_outlook_message,
    write_message,
)
from ui.window import MainWindow

pytestmark = pytest.mark.e2e


def test_a_campaign_to_contacts_of_one_category(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    assert online.account_label.text() == f"Signed in as Ada Lovelace <{DEMO_USER}>"
    contacts_with_a_category(qtbot, online, sandbox)
    recipients = online.recipients
    assert recipients.source_label.text() == f"Contacts of {DEMO_USER}"
    assert recipients.summary.text() == "3 ready, 0 left out"
    write_message(qtbot, online, tmp_path, monkeypatch)
    from_the_preview_on(qtbot, online, sandbox, tmp_path, monkeypatch, WRITTEN)


def test_a_campaign_from_a_csv_file(
    qtbot: QtBot, online: MainWindow, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, online)
    a_csv_file(qtbot, online, tmp_path, monkeypatch)
    write_message(qtbot, online, tmp_path, monkeypatch)
    from_the_preview_on(qtbot, online, sandbox, tmp_path, monkeypatch, WRITTEN)


@pytest.mark.parametrize("name", ["Einladung.eml", "Einladung.msg", "Einladung.oft"])
def test_a_campaign_from_an_imported_outlook_message(
    qtbot: QtBot,
    online: MainWindow,
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    sign_in(qtbot, online)
    a_csv_file(qtbot, online, tmp_path, monkeypatch, column="First Name")
    import_outlook_message(qtbot, online, tmp_path, monkeypatch, name)
    from_the_preview_on(qtbot, online, sandbox, tmp_path, monkeypatch, IMPORTED)
