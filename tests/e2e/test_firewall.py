"""One firewall list: the README's table, what HttpFactory lets through, and a full session's log."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from securemailmerge import cli, paths
from securemailmerge.errors import HostNotAllowed
from securemailmerge.m365 import HttpFactory, NetworkLog, TenantConfig
from securemailmerge.m365.hosts import (
    CLOUD_NAMES,
    ENDPOINTS,
    GRAPH,
    LICENSE,
    SIGN_IN,
    UPLOAD,
    endpoint,
    markdown_table,
)
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.browser import as_default_browser
from tests.helpers import REPO, InMemoryKeyring

MB = 1024 * 1024


def test_the_readme_shows_the_table_of_the_code() -> None:
    assert markdown_table() in (REPO / "README.md").read_text("utf-8")


def cloud_config(cloud: str) -> TenantConfig:
    return TenantConfig(
        client_id="app",
        authority=f"https://{endpoint(SIGN_IN).hosts[cloud][0]}/organizations",
        graph_url=f"https://{endpoint(GRAPH).hosts[cloud][0]}/v1.0",
    )


@pytest.mark.parametrize("cloud", list(CLOUD_NAMES))
def test_the_factory_lets_through_the_tables_hosts_of_the_cloud_and_nothing_else(
    cloud: str, tmp_path: Path
) -> None:
    reached: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        reached.append(f"{request.method} {request.url.host}")
        return httpx.Response(200, json={})

    factory = HttpFactory(cloud_config(cloud), transport=httpx.MockTransport(answer), log_path=tmp_path / "n")
    expected = []
    with factory.client() as client:
        for entry in (endpoint(SIGN_IN), endpoint(GRAPH), endpoint(LICENSE)):
            for host in entry.hosts[cloud]:
                client.request(entry.methods[-1], f"https://{host}/x")
                expected.append(f"{entry.methods[-1]} {host}")
        for host in endpoint(UPLOAD).hosts[cloud]:
            upload = f"https://{host}/api/v2.0/AttachmentSessions('1')?authtoken=t"
            with pytest.raises(HostNotAllowed):
                client.put(upload, content=b"x")  # not before an upload session named it
            factory.allow_upload_url(upload)
            client.put(upload, content=b"x")
            expected.append(f"PUT {host}")
        others = {host for entry in ENDPOINTS for c in CLOUD_NAMES if c != cloud for host in entry.hosts[c]}
        for host in sorted(others - {h for entry in ENDPOINTS for h in entry.hosts[cloud]}):
            with pytest.raises(HostNotAllowed):
                client.get(f"https://{host}/x")
    assert reached == expected


def test_a_full_session_uses_only_the_tables_hosts_and_methods(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    """Sign in in the browser, read the profile and the contacts, send a campaign with a large attachment."""
    (tmp_path / "list.csv").write_text("Name,Email\nAna,ana@example.com\nBen,ben@example.com\n", "utf-8")
    (tmp_path / "Katalog.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * (3 * MB + 5))
    (tmp_path / "invite.json").write_text(
        json.dumps({"subject": "Hi {{ Name }}", "html": "<p>{{ Name }}</p>", "attachments": ["Katalog.pdf"]}),
        "utf-8",
    )
    inputs = ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "invite.json")]
    with Sandbox(licensed={}, sending="min_submit_delay=0,max_submit_delay=0") as sandbox:
        monkeypatch.setenv("SMM_TENANT_CONFIG", str(sandbox.tenant_config_path))
        roles = {
            httpx.URL(url).netloc.decode(): role
            for url, role in (
                (sandbox.authority_url, SIGN_IN),
                (sandbox.graph_url, GRAPH),
                (sandbox.upload_url, UPLOAD),
                (sandbox.license_url, LICENSE),
            )
        }
        with as_default_browser(sandbox.browser()) as browser:
            assert cli.main(["signin", "--stay-signed-in"]) == 0
            browser.wait()
        assert cli.main(["whoami"]) == 0
        assert cli.main(["contacts", "--out", str(tmp_path / "mine.csv")]) == 0
        campaign = ["--campaign", str(tmp_path / "campaign")]
        assert cli.main(["send", *inputs, *campaign, "--per-minute", "600", "--yes"]) == 0
        assert cli.main(["status", *campaign]) == 0
        assert cli.main(["signout"]) == 0
    used: dict[str, set[str]] = {}
    for entry in NetworkLog(paths.log_dir() / "network.log").entries():
        assert isinstance(entry["status"], int), entry  # nothing refused, nothing failed
        used.setdefault(roles[entry["host"]], set()).add(entry["method"])
    assert set(used) == {SIGN_IN, GRAPH, UPLOAD, LICENSE}
    for role, methods in used.items():
        assert methods <= set(endpoint(role).methods), role
