"""Settings stored by the window are read back at once and reach their file without the window waiting."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui import settings
from ui.settingswriter import WRITER


def on_disk(key: str) -> object:
    """What a fresh reader of the settings file (the app's next start) finds under ``key``."""
    return QSettings(settings.settings_file(), QSettings.Format.IniFormat).value(key)


def test_a_stored_value_is_read_back_at_once_and_is_in_the_file_after_a_flush() -> None:
    settings.MESSAGES_PER_MINUTE.set(12)
    settings.remember("mailboxes", "news@contoso.com")
    assert settings.MESSAGES_PER_MINUTE.get() == 12
    assert settings.recent("mailboxes") == ["news@contoso.com"]
    assert WRITER.flush()
    assert on_disk(settings.MESSAGES_PER_MINUTE.key) in (12, "12")
    assert on_disk("recent/mailboxes") in (["news@contoso.com"], "news@contoso.com")


def test_a_slow_disk_holds_up_only_the_writer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    disk_free = threading.Event()
    syncing = threading.Event()
    real_sync = QSettings.sync

    def slow_sync(self: QSettings) -> None:
        syncing.set()
        disk_free.wait(10)
        real_sync(self)

    monkeypatch.setattr(QSettings, "sync", slow_sync)
    settings.DAILY_CAP.set(300)
    assert syncing.wait(5)  # the writer is stuck on the disk now
    settings.DAILY_CAP.set(400)  # returns although the disk has not answered
    settings.WINDOW_START.set("08:00")
    assert settings.DAILY_CAP.get() == 400
    assert settings.WINDOW_START.get() == "08:00"
    assert not WRITER.flush(timeout=0.05)
    disk_free.set()
    assert WRITER.flush()
    assert on_disk(settings.DAILY_CAP.key) in (400, "400")
    assert on_disk(settings.WINDOW_START.key) == "08:00"
