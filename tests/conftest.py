"""Shared test setup: no display, no keychain, no network, English, a private data folder per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from securemailmerge.i18n import set_language, set_translator
from securemailmerge.m365.license import LAST_CHECK
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import demo_directory
from securemailmerge.sandbox.graph import GraphService, SendPolicy, harness
from securemailmerge.sandbox.tokens import TokenRegistry
from tests.helpers import InMemoryKeyring, NetworkGuard

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SMM_LANG"] = "en"


@pytest.fixture(autouse=True)
def network_guard() -> Iterator[NetworkGuard]:
    """Nothing may reach the internet: a connection to any address but loopback fails the test."""
    guard = NetworkGuard()
    with guard.installed():
        yield guard
    if guard.attempts:
        pytest.fail(f"the test tried to reach the network: {', '.join(guard.attempts)}", pytrace=False)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own app data folder."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("SMM_DATA_DIR", str(folder))
    # Nor does a machine-wide tenant configuration of the computer running the tests reach them.
    monkeypatch.setenv("SMM_MACHINE_CONFIG_DIR", str(tmp_path / "machine"))
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


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """``--lang`` installs a catalogue for the whole process; the next test starts in English again."""
    yield
    set_translator(None)
    set_language("en")


@pytest.fixture(autouse=True)
def license_not_checked() -> Iterator[None]:
    """The session's last license check is the test's own: none at the start, none left behind."""
    LAST_CHECK.forget()
    yield
    LAST_CHECK.forget()


@pytest.fixture
def graph_options() -> dict[str, Any]:
    """Extra GraphService arguments for ``service``; a test file overrides this to inject its clocks."""
    return {}


@pytest.fixture
def service(graph_options: dict[str, Any]) -> Iterator[GraphService]:
    """The Graph emulator over the demo tenant, closed after the test."""
    graph = GraphService(demo_directory(), TokenRegistry(), **graph_options)
    yield graph
    graph.close()


@pytest.fixture
def graph(service: GraphService) -> Iterator[httpx.Client]:
    """An in-process client of ``service``, signed in as Ada with the app's scopes."""
    with harness.client(service) as client:
        yield client


@pytest.fixture
def instant_sandbox() -> Iterator[Sandbox]:
    """A running Sandbox whose messages leave, and whose reports arrive, at the next request.

    What a recipient received: ``instant_sandbox.graph.inspect.delivered(address)``; bounces:
    ``.inspect.bounces(sender)``; to keep Exchange's delays instead, use ``Sandbox()`` and
    ``sandbox.graph.settle()`` (everything queued, now) or ``wait_delivered(timeout)``.
    """
    with Sandbox(sending=SendPolicy.instant()) as sandbox:
        yield sandbox
