"""Autosave: unsaved work is kept while the app runs, a crash leaves it behind, the next start recovers it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.campaign import CampaignDocument, save_campaign
from securemailmerge.template import Template
from tests.helpers import REPO
from tests.ui.test_campaign_files import answer, new_window
from ui.app import first_campaign
from ui.autosave import autosave_dir
from ui.window import MainWindow

# The app, with unsaved changes, autosaving every 50 ms; killed (SIGKILL: no clean-up at all)
# as soon as its autosave is on disk.
CRASHING_APP = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from ui.controller import Controller
    from ui.window import MainWindow

    app = QApplication([])
    window = MainWindow(Controller(None))
    if len(sys.argv) > 1:
        window.campaign.write(Path(sys.argv[1]))
    window.message.subject.setText("Unsaved {{Name}}")
    window.message.publish()
    window.send.cap.setValue(4321)
    window.campaign.autosave_timer.setInterval(50)

    def crash_once_saved():
        path = window.campaign.autosave.path
        if path is not None and path.exists():
            print("autosaved", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    timer = QTimer()
    timer.timeout.connect(crash_once_saved)
    timer.start(20)
    app.exec()
    """
)


def crash(data_dir: Path, saved_as: Path | None = None) -> None:
    """Run the app in a process of its own, let it autosave, and kill it."""
    env = {**os.environ, "SMM_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen", "SMM_LANG": "en"}
    arguments = [sys.executable, "-c", CRASHING_APP, *([str(saved_as)] if saved_as else [])]
    result = subprocess.run(arguments, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert "autosaved" in result.stdout, result.stderr
    assert result.returncode == -9
    assert list(autosave_dir().glob("*.smmcampaign"))


def autosaves() -> list[Path]:
    return sorted(autosave_dir().glob("*.smmcampaign")) if autosave_dir().is_dir() else []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is how the test crashes the app")
def test_after_a_crash_the_next_start_recovers_the_unsaved_campaign(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash(data_dir)
    window = new_window(qtbot)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    first_campaign(window, None, sample=True)  # as the app starts
    assert asked == [
        "SecureMailMerge did not close properly. Recover the unsaved changes to Untitled campaign?"
    ]
    assert window.recipients.model.rowCount() == 0  # the recovered campaign, not the sample
    assert window.message.subject.text() == "Unsaved {{Name}}"
    assert window.send.cap.value() == 4321
    assert window.isWindowModified()  # recovered work is not saved work
    assert window.windowTitle() == "Untitled campaign[*] — SecureMailMerge"
    # The crashed app's file is gone; this window keeps the work in its own autosave meanwhile.
    window.campaign.autosave.wait()  # the disk is written off the UI thread
    assert autosaves() == [window.campaign.autosave.path]
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.close()
    assert autosaves() == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is how the test crashes the app")
def test_recovered_changes_of_a_saved_campaign_belong_to_its_file(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "spring.smmcampaign"
    crash(data_dir, saved)
    window = new_window(qtbot)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert window.campaign.offer_recovery()
    assert asked == [
        "SecureMailMerge did not close properly. Recover the unsaved changes to spring.smmcampaign?"
    ]
    assert window.windowTitle() == "spring.smmcampaign[*] — SecureMailMerge"
    window.menu_actions.campaign.save.trigger()  # no dialog: the campaign has its file
    assert '"Unsaved {{Name}}"' in saved.read_text("utf-8")
    assert not window.isWindowModified()
    window.campaign.autosave.wait()  # the disk is written off the UI thread
    assert autosaves() == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is how the test crashes the app")
def test_declining_the_recovery_deletes_it_and_it_is_not_offered_again(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash(data_dir)
    window = new_window(qtbot)
    answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.campaign.offer_recovery()
    assert window.message.subject.text() == ""
    assert autosaves() == []
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert not new_window(qtbot).campaign.offer_recovery()
    assert asked == []


def test_the_autosave_of_a_window_still_open_is_not_offered(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.send.cap.setValue(1234)
    window.campaign.autosave_now()
    window.campaign.autosave.wait()
    assert len(autosaves()) == 1
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert not new_window(qtbot).campaign.offer_recovery()
    assert asked == []
    assert len(autosaves()) == 1


def test_the_autosave_follows_unsaved_changes_and_goes_with_a_save_or_a_clean_exit(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.campaign.autosave_timer.setInterval(30)
    window.send.pace.setValue(7)
    qtbot.waitUntil(lambda: len(autosaves()) == 1)
    assert '"per_minute": 7' in autosaves()[0].read_text("utf-8")
    window.send.pace.setValue(8)
    qtbot.waitUntil(lambda: '"per_minute": 8' in autosaves()[0].read_text("utf-8"))
    window.campaign.write(tmp_path / "saved.smmcampaign")
    window.campaign.autosave.wait()  # the disk is written off the UI thread
    assert autosaves() == []
    window.send.pace.setValue(9)
    qtbot.waitUntil(lambda: len(autosaves()) == 1)
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.close()
    assert autosaves() == []
    assert not list(autosave_dir().glob("*.lock"))


def leave_behind(subject: str, saved_at: float, original: Path | None = None) -> Path:
    """An autosave as a crashed app leaves it: the campaign, its note, and no lock held by anyone."""
    folder = autosave_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{int(saved_at)}-1.smmcampaign"
    save_campaign(CampaignDocument(template=Template(subject, "<p>Hi</p>")), path)
    note = {"original": None if original is None else str(original)}
    path.with_suffix(".json").write_text(json.dumps(note), encoding="utf-8")
    os.utime(path, (saved_at, saved_at))
    return path


def test_after_a_crash_with_several_autosaves_each_is_offered(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    leave_behind("Oldest", 1_700_000_000, tmp_path / "spring.smmcampaign")
    leave_behind("Middle", 1_700_000_100)
    leave_behind("Fourth", 1_700_000_050)
    newest = leave_behind("Newest", 1_700_000_200, tmp_path / "autumn.smmcampaign")
    window = new_window(qtbot)
    seen: list[list[str]] = []

    def decide() -> None:
        dialog = window.campaign.recovery_dialog
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen.append(texts)
        dialog.list.setCurrentRow(3)  # spring: saved as a file of its own
        assert dialog.save(tmp_path / "spring again")
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.list.setCurrentRow(0)
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, decide)
    assert window.campaign.offer_recovery()
    names = [text.split(",")[0] for text in seen[0]]
    assert names == ["autumn.smmcampaign", "Untitled campaign", "Untitled campaign", "spring.smmcampaign"]
    assert all(", changed " in text for text in seen[0])
    assert [text.split(",")[0] for text in seen[1]] == ["autumn.smmcampaign", *["Untitled campaign"] * 2]
    assert window.message.subject.text() == "Newest"
    assert window.windowTitle() == "autumn.smmcampaign[*] — SecureMailMerge"
    assert '"Oldest"' in (tmp_path / "spring again.smmcampaign").read_text("utf-8")
    assert window.statusBar().currentMessage() == ("2 unsaved campaigns are kept for the next start.")
    window.campaign.autosave.wait()
    assert newest not in autosaves()
    # The ones nobody decided on are offered again at the next start.
    kept = [path for path in autosaves() if path != window.campaign.autosave.path]
    assert sorted('"Middle"' in path.read_text("utf-8") for path in kept) == [False, True]
    again: list[list[str]] = []

    def later() -> None:
        dialog = new.campaign.recovery_dialog
        again.append([dialog.list.item(i).text().split(",")[0] for i in range(dialog.list.count())])
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)

    new = new_window(qtbot)
    QTimer.singleShot(0, later)
    assert not new.campaign.offer_recovery()
    assert again == [["Untitled campaign", "Untitled campaign"]]
    assert len(autosaves()) == 3  # both kept, and the first window's own
