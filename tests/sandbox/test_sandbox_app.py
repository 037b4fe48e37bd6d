"""The composed Sandbox: four HTTPS ports, a tenant file the app loads, and msal tokens Graph accepts."""

from __future__ import annotations

import os
import socket
import ssl
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import msal
import pytest
import requests

from securemailmerge.errors import InputError, NetworkError
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.browser import as_default_browser
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER, SALES
from securemailmerge.sandbox.server import listen

SCOPES = ["User.Read", "Mail.Send"]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(access_token_lifetime=60, licensed={"pat@example.com": date(2099, 1, 31)}) as running:
        yield running


def _msal(sandbox: Sandbox) -> msal.PublicClientApplication:
    session = requests.Session()
    session.trust_env = False
    session.verify = str(sandbox.ca_file)
    config = load_tenant_config(sandbox.tenant_config_path)
    return msal.PublicClientApplication(
        config.client_id, authority=config.authority, instance_discovery=False, http_client=session
    )


def _https(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=str(sandbox.ca_file)), trust_env=False)


def test_the_tenant_file_points_the_app_at_the_four_services(sandbox: Sandbox) -> None:
    config = load_tenant_config(sandbox.tenant_config_path)

    assert config.client_id == CLIENT_ID
    assert config.is_loopback
    assert (config.authority, config.graph_url, config.license_url) == (
        sandbox.authority_url,
        sandbox.graph_url,
        sandbox.license_url,
    )
    assert config.ca_file == str(sandbox.ca_file)
    ports = {
        urlsplit(url).port
        for url in (config.authority, config.graph_url, config.license_url, sandbox.upload_url)
    }
    assert len(ports) == 4


def test_a_device_code_sign_in_gives_a_token_graph_accepts(sandbox: Sandbox) -> None:
    app = _msal(sandbox)
    flow = app.initiate_device_flow(scopes=SCOPES)
    sandbox.approve_device_code(flow["user_code"])
    result = app.acquire_token_by_device_flow(flow)

    with _https(sandbox) as client:
        me = client.get(
            f"{sandbox.graph_url}/me", headers={"Authorization": f"Bearer {result['access_token']}"}
        )
        anonymous = client.get(f"{sandbox.graph_url}/me")

    assert me.status_code == 200
    assert me.json()["userPrincipalName"] == DEMO_USER
    assert anonymous.status_code == 401


def test_after_the_access_token_expires_msal_refreshes_and_graph_accepts_again(sandbox: Sandbox) -> None:
    app = _msal(sandbox)
    browser = sandbox.browser()
    with as_default_browser(browser):
        result = app.acquire_token_interactive(SCOPES, timeout=10)
    browser.wait()
    sandbox.tokens.expire_access_tokens()

    with _https(sandbox) as client:
        expired = client.get(
            f"{sandbox.graph_url}/me", headers={"Authorization": f"Bearer {result['access_token']}"}
        )
        renewed = app.acquire_token_silent(SCOPES, account=app.get_accounts()[0])
        assert renewed is not None
        again = client.get(
            f"{sandbox.graph_url}/me", headers={"Authorization": f"Bearer {renewed['access_token']}"}
        )

    assert expired.status_code == 401
    assert renewed["token_source"] == "identity_provider"
    assert again.status_code == 200


@pytest.mark.parametrize(
    ("user_code", "upn", "message"),
    [("NOTACODE1", DEMO_USER, "NOTACODE1"), ("{code}", SALES, "shared mailbox")],
    ids=["unknown-code", "shared-mailbox"],
)
def test_approving_in_process_says_what_is_wrong(
    sandbox: Sandbox, user_code: str, upn: str, message: str
) -> None:
    code = _msal(sandbox).initiate_device_flow(scopes=SCOPES)["user_code"]

    with pytest.raises(InputError, match=message):
        sandbox.approve_device_code(user_code.replace("{code}", code), upn)


def test_a_denied_device_code_reaches_msal_as_declined(sandbox: Sandbox) -> None:
    app = _msal(sandbox)
    flow = app.initiate_device_flow(scopes=SCOPES)
    sandbox.deny_device_code(flow["user_code"])

    assert app.acquire_token_by_device_flow(flow)["error"] == "authorization_declined"


def test_the_licensed_list_is_served(sandbox: Sandbox) -> None:
    with _https(sandbox) as client:
        answers = [
            client.post(sandbox.license_url, json={"email": email}).json()
            for email in ("pat@example.com", SALES)
        ]

    assert [(a["plan"], a["expires"]) for a in answers] == [("commercial", "2099-01-31"), ("free", None)]


def _free_port_block() -> int:
    """A base port whose next three ports were free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1]) % 50000 + 10000


def test_a_given_port_numbers_the_four_services_in_order() -> None:
    for _ in range(5):
        base = _free_port_block()
        try:
            with Sandbox(port=base) as sandbox:
                urls = (sandbox.authority_url, sandbox.graph_url, sandbox.upload_url, sandbox.license_url)
                ports = [urlsplit(url).port for url in urls]
        except NetworkError:
            continue  # another process took one of the ports meanwhile
        assert ports == [base, base + 1, base + 2, base + 3]
        return
    pytest.fail("no block of four free ports found")


def test_a_busy_port_fails_start_and_releases_the_ports_already_bound() -> None:
    for _ in range(5):
        base = _free_port_block()
        try:
            taken = listen(base + 2)
        except NetworkError:
            continue
        try:
            with pytest.raises(NetworkError) as failure:
                Sandbox(port=base).start()
        finally:
            taken.close()
        if str(base + 2) not in str(failure.value):
            continue  # one of the first two ports was busy with something else
        for port in (base, base + 1):
            listen(port).close()
        return
    pytest.fail("no block of four free ports found")


def test_a_bad_fault_profile_is_refused_before_anything_starts() -> None:
    sandbox = Sandbox(faults="not-a-profile")

    with pytest.raises(ValueError, match="SEED:PROFILE"):
        sandbox.start()
    sandbox.stop()


def test_data_dir_keeps_the_files_and_a_temporary_one_is_removed(tmp_path: Path) -> None:
    with Sandbox(data_dir=tmp_path) as kept:
        pass
    with Sandbox() as temporary:
        folder = temporary.ca_file.parent
        assert folder.is_dir()

    assert {p.name for p in tmp_path.iterdir()} >= {"tenant.json", "sandbox-ca.pem", "sandbox-server.key"}
    assert kept.tenant_config_path.exists()
    assert os.stat(tmp_path / "sandbox-server.key").st_mode & 0o777 == 0o600
    assert not folder.exists()
