"""Campaign files from the system: a drop on the window, macOS's open event, the command line, the start."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers import REPO
from tests.ui.test_campaign_files import new_window
from ui import settings
from ui.app import first_campaign
from ui.campaign_system import SystemOpener, campaign_argument
from ui.window import MainWindow


def drop(target: object, path: Path) -> bool:
    """Drag ``path`` over ``target`` and drop it; True when the drop was taken."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(20, 20), actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)  # type: ignore[arg-type]
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(
        QPointF(20, 20), actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, dropped)  # type: ignore[arg-type]
    return dropped.isAccepted()


@pytest.mark.parametrize("step", [None, 1, 2])
def test_a_campaign_file_dropped_on_the_window_opens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, step: int | None
) -> None:
    window.send.cap.setValue(444)
    window.campaign.write(tmp_path / "dropped.smmcampaign")
    window.menu_actions.campaign.new.trigger()
    # The Recipients step takes dropped lists and the Message step dropped attachments, not this.
    target = window if step is None else window.steps[step]
    window.go_to(step or 0)
    assert drop(target, tmp_path / "dropped.smmcampaign")
    assert window.send.cap.value() == 444
    assert window.message.attachments.count() == 0
    assert window.windowTitle().startswith("dropped.smmcampaign")


def test_the_system_hands_over_a_file_to_open(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.send.cap.setValue(555)
    window.campaign.write(tmp_path / "finder.smmcampaign")
    window.menu_actions.campaign.new.trigger()
    opener = SystemOpener(lambda: window)
    QApplication.instance().installEventFilter(opener)  # type: ignore[union-attr]
    try:
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(tmp_path / "finder.smmcampaign")))
        qtbot.waitUntil(lambda: window.send.cap.value() == 555)
    finally:
        QApplication.instance().removeEventFilter(opener)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("arguments", "campaign", "rest"),
    [
        (["C:\\Users\\ada\\Spring.smmcampaign"], "C:\\Users\\ada\\Spring.smmcampaign", []),
        (["--lang", "de", "/home/ada/x.SMMCAMPAIGN"], "/home/ada/x.SMMCAMPAIGN", ["--lang", "de"]),
        (["-platform", "offscreen"], None, ["-platform", "offscreen"]),
    ],
)
def test_the_command_line_names_the_campaign_to_open(
    arguments: list[str], campaign: str | None, rest: list[str]
) -> None:
    found, others = campaign_argument(arguments)
    assert (str(found) if found else None) == (campaign and str(Path(campaign)))
    assert others == rest


def test_a_campaign_from_the_command_line_opens_instead_of_the_sample(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.send.cap.setValue(666)
    window.campaign.write(tmp_path / "cli.smmcampaign")
    fresh = new_window(qtbot)
    first_campaign(fresh, tmp_path / "cli.smmcampaign", sample=True)
    assert fresh.send.cap.value() == 666
    assert fresh.recipients.model.rowCount() == 0  # no sample recipients loading behind it
    assert fresh.windowTitle().startswith("cli.smmcampaign")
    fresh.close()


def test_the_sample_at_start_is_an_untitled_campaign_without_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    first_campaign(window, None, sample=True)
    qtbot.waitUntil(lambda: window.recipients.model.rowCount() > 0, timeout=10_000)
    assert window.message.subject.text()
    assert window.windowTitle() == "Untitled campaign[*] — SecureMailMerge"
    assert not window.isWindowModified()  # quitting right away asks nothing


def test_the_app_started_with_a_campaign_file_opens_it(
    window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    """As Windows' association and the .desktop entry start it: the file as the one argument."""
    window.send.cap.setValue(777)
    saved = tmp_path / "double-clicked.smmcampaign"
    window.campaign.write(saved)
    settings.forget("campaigns")
    env = {**os.environ, "SMM_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", "SMM_LANG": "en"}
    app = subprocess.Popen([sys.executable, "-m", "ui", str(saved)], cwd=REPO, env=env)
    try:
        deadline = time.monotonic() + 60
        while str(saved) not in settings.recent("campaigns") and time.monotonic() < deadline:
            assert app.poll() is None, "the app ended"
            time.sleep(0.2)
        assert settings.recent("campaigns") == [str(saved)]  # opened: it is the newest recent campaign
    finally:
        app.kill()
        app.wait(30)


def test_a_second_start_hands_its_file_to_the_running_app(
    window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    """A double-click on a campaign file while the app runs: the running window opens it."""
    saved = tmp_path / "second.smmcampaign"
    window.campaign.write(saved)
    settings.forget("campaigns")
    env = {**os.environ, "SMM_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", "SMM_LANG": "en"}
    running = subprocess.Popen([sys.executable, "-m", "ui", "--no-sample"], cwd=REPO, env=env)
    try:
        deadline = time.monotonic() + 60
        while not (data_dir / "window.lock").exists() and time.monotonic() < deadline:
            assert running.poll() is None, "the app ended"
            time.sleep(0.2)
        second = subprocess.run(
            [sys.executable, "-m", "ui", str(saved)], cwd=REPO, env=env, capture_output=True, timeout=60
        )
        assert second.returncode == 0
        deadline = time.monotonic() + 30
        while str(saved) not in settings.recent("campaigns") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert settings.recent("campaigns") == [str(saved)]  # opened by the app that was running
        assert running.poll() is None
    finally:
        running.kill()
        running.wait(30)
