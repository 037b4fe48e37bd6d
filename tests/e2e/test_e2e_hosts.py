"""A full session talks only to the tenant's hosts, sends the license host only the address, logs no token."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.wrappers import Request, Response

from securemailmerge import cli, paths
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.browser import as_default_browser
from securemailmerge.sandbox.directory import DEMO_USER, SALES
from tests.helpers import InMemoryKeyring, record_issued_tokens

pytestmark = pytest.mark.e2e

TOKEN = re.compile(r"\b(?:at|rt)\.[A-Za-z0-9_-]{20,}")


@pytest.fixture
def session_traffic(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> Iterator[tuple[Sandbox, list[bytes], list[str]]]:
    """Run a full session on the command line: sign-in in the browser, whoami, contacts of two mailboxes.

    Yields the sandbox, the request bodies its license service received, and every token it issued.
    """
    bodies: list[bytes] = []
    with Sandbox() as sandbox:
        answer = sandbox.license._answer

        def recorded(request: Request) -> Response:
            bodies.append(request.get_data())
            return answer(request)

        monkeypatch.setattr(sandbox.license, "_answer", recorded)
        issued = record_issued_tokens(sandbox, monkeypatch)
        tenant = ["--tenant-config", str(sandbox.tenant_config_path)]
        with as_default_browser(sandbox.browser()) as browser:
            assert cli.main(["signin", "--stay-signed-in", *tenant]) == 0
            browser.wait()
        assert cli.main(["whoami", *tenant]) == 0
        assert cli.main(["contacts", "--out", str(tmp_path / "mine.csv"), *tenant]) == 0
        assert cli.main(["contacts", "--mailbox", SALES, "--out", str(tmp_path / "sales.csv"), *tenant]) == 0
        assert cli.main(["signout", *tenant]) == 0
        yield sandbox, bodies, issued


def log_entries() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (paths.log_dir() / "network.log").read_text("utf-8").splitlines()]


def host_of(url: str) -> str:
    return url.split("/")[2]


def test_only_the_tenants_hosts_are_contacted(
    session_traffic: tuple[Sandbox, list[bytes], list[str]],
) -> None:
    sandbox, _, _ = session_traffic
    entries = log_entries()
    allowed = {host_of(sandbox.authority_url), host_of(sandbox.graph_url), host_of(sandbox.license_url)}
    assert {entry["host"] for entry in entries} == allowed
    assert all(isinstance(entry["status"], int) for entry in entries)  # nothing refused, nothing failed
    assert host_of(sandbox.upload_url) not in {entry["host"] for entry in entries}


def test_the_license_server_receives_the_primary_address_and_nothing_else(
    session_traffic: tuple[Sandbox, list[bytes], list[str]],
) -> None:
    sandbox, bodies, _ = session_traffic
    assert len(bodies) == 3  # whoami and each address book
    assert [json.loads(body) for body in bodies] == [{"email": DEMO_USER}] * 3
    license_requests = [e for e in log_entries() if e["host"] == host_of(sandbox.license_url)]
    assert [(e["method"], e["path"], e["query"]) for e in license_requests] == [
        ("POST", "/api/license", [])
    ] * 3


def test_no_token_or_address_reaches_the_network_log(
    session_traffic: tuple[Sandbox, list[bytes], list[str]],
) -> None:
    _, _, issued = session_traffic
    text = "\n".join(path.read_text("utf-8") for path in paths.log_dir().iterdir())
    assert issued
    assert all(token not in text for token in issued)
    assert TOKEN.search(text) is None
    assert "@" not in text
    assert "%40" not in text
    assert "contoso" not in text
