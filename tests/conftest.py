"""Shared test setup: no display, no keychain, no network, and a private data folder per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SMM_LANG"] = "en"

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in memory for one test, as this machine has no real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own app data folder."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("SMM_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_keychain() -> Iterator[None]:
    """Like this machine, tests have no keychain unless they ask for ``memory_keyring``."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(no_keychain: None) -> InMemoryKeyring:
    """Install an in-memory keychain for the test (the autouse fixture restores the previous one)."""
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    return backend
