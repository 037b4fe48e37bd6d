"""The About box shows the version, where the configuration came from and every host; --self-test holds."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from securemailmerge import __version__
from securemailmerge.m365 import COMMERCIAL, ENDPOINTS, LicenseStatus, TenantConfig
from securemailmerge.m365.tenant import MACHINE, TenantSource
from tests.helpers import REPO
from ui.about import AboutDialog
from ui.i18n import install_translations
from ui.window import MainWindow


def test_the_about_box_lists_version_configuration_and_every_host(qtbot: QtBot) -> None:
    path = REPO / "tenant.json"
    dialog = AboutDialog(TenantSource(TenantConfig(client_id="app"), path, MACHINE))
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == f"SecureMailMerge {__version__}"
    assert dialog.config_label.text() == (
        f"Tenant configuration: {path} (for every user of this computer, set by your IT department)"
    )

    def cell(row: int, column: int) -> str:
        item = dialog.hosts.item(row, column)
        return item.text() if item is not None else ""

    assert dialog.hosts.rowCount() == len(ENDPOINTS)
    for row, entry in enumerate(ENDPOINTS):
        assert all(host in cell(row, 1) for hosts in entry.hosts.values() for host in hosts)
        assert cell(row, 2) == ", ".join(entry.methods)
        assert cell(row, 3) == entry.when


def test_the_about_box_without_a_tenant_says_so(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.config_label.text() == "Tenant configuration: none: the app works offline only"


def test_self_test_opens_the_sample_on_the_sandbox_and_exits_0(data_dir: object) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--self-test"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"SecureMailMerge {__version__} self-test"
    assert [line.split(" ", 2)[1] for line in lines[1:]] == [
        "window",
        "resources",
        "sample",
        "sample",
        "sign-in",
        "preview",
    ]
    assert "ada.lovelace@contoso.onmicrosoft.com" in result.stdout


def test_the_about_box_shows_the_license_state(qtbot: QtBot, window: MainWindow) -> None:
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
    window.menu_actions.about.trigger()
    about = window.about_dialog
    qtbot.waitUntil(about.isVisible)
    assert about.license_label.text().startswith("License: Not checked yet")
    about.close()
    window.controller.license = LicenseStatus(COMMERCIAL)
    window.menu_actions.about.trigger()
    assert window.about_dialog.license_label.text() == "License: Commercial license."
    assert window.about_dialog.hosts.rowCount() == len(ENDPOINTS)
    window.about_dialog.close()  # window-modal: left open, it would hold up the next test's questions
