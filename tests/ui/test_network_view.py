"""Network activity: the log's requests appear live while signing in, filter as typed, and export for IT."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import sign_in
from ui.i18n import install_translations
from ui.network_model import CSV_FIELDS
from ui.network_view import NetworkDialog
from ui.window import MainWindow


@pytest.fixture(autouse=True)
def english() -> None:
    """The app installs its English catalogue (it holds the plural forms, "1 request", "2 requests")."""
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]


def shown(dialog: NetworkDialog, column: int) -> list[str]:
    model = dialog.model
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def test_requests_appear_live_filter_and_export(qtbot: QtBot, online: MainWindow, tmp_path: Path) -> None:
    online.menu_actions.network.trigger()
    dialog = online.network_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.model.rowCount() == 0
    assert dialog.summary.text() == "0 requests"

    sign_in(qtbot, online)  # the dialog stays open: the sign-in's requests arrive as they are sent
    qtbot.waitUntil(lambda: "Microsoft Graph" in shown(dialog, 1))
    purposes = set(shown(dialog, 1))
    assert {"Sign-in", "Microsoft Graph"} <= purposes
    assert all(method in {"GET", "POST"} for method in shown(dialog, 2))
    assert "/v1.0/me" in shown(dialog, 4)
    assert all(status == "200" or status.isdigit() for status in shown(dialog, 5))
    assert all(duration.endswith(" ms") for duration in shown(dialog, 6))
    # Nothing in the table names the signed-in person.
    everything = " ".join(text for column in range(7) for text in shown(dialog, column))
    assert "ada.lovelace" not in everything
    assert "@" not in everything
    total = dialog.model.rowCount()
    assert dialog.log.lines() == dialog.model.lines  # every line of the file, each once

    qtbot.keyClicks(dialog.filter, "/v1.0/me")
    qtbot.waitUntil(lambda: dialog.model.rowCount() < total)
    assert dialog.model.rowCount() > 0
    assert all("/v1.0/me" in path for path in shown(dialog, 4))
    assert dialog.summary.text() == f"{total} requests · {dialog.model.rowCount()} shown"
    dialog.filter.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == total)
    qtbot.keyClicks(dialog.filter, "SIGN-IN")  # the purpose as shown, whatever the case
    qtbot.waitUntil(lambda: dialog.model.rowCount() < total)
    assert set(shown(dialog, 1)) == {"Sign-in"}
    dialog.filter.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == total)

    assert dialog.export_log(tmp_path / "for-it.jsonl")
    lines = (tmp_path / "for-it.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == dialog.model.lines
    dialog.export_csv(tmp_path / "for-it.csv")
    qtbot.waitUntil(lambda: "saved to" in dialog.summary.text())
    with (tmp_path / "for-it.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == list(CSV_FIELDS)
    assert len(table) == total + 1
    assert dialog.summary.text() == f"{total} requests saved to {tmp_path / 'for-it.csv'}."
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_export_is_a_sentence_and_leaves_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_network()
    dialog = window.network_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded)
    target = tmp_path / "missing" / "log.csv"
    dialog.export_csv(target)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith(f"Cannot write {target}:"))
    assert not target.parent.exists()
    assert dialog.table.accessibleName() == "Requests"
    assert dialog.filter.accessibleName() == "Filter requests"
