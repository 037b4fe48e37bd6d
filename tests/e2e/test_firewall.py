"""One firewall list: the README's table, what HttpFactory lets through, and a full session's log."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from securemailmerge.errors import HostNotAllowed
from securemailmerge.m365 import GraphClient, HttpFactory, Session, TenantConfig, check_license
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
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from tests.helpers import REPO

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


def test_a_full_session_uses_only_the_tables_hosts_and_methods(tmp_path: Path) -> None:
    with Sandbox(auto_approve=True) as sandbox:
        config = load_tenant_config(sandbox.tenant_config_path)
        roles = {
            httpx.URL(sandbox.authority_url).netloc.decode(): SIGN_IN,
            httpx.URL(sandbox.graph_url).netloc.decode(): GRAPH,
            httpx.URL(sandbox.upload_url).netloc.decode(): UPLOAD,
            httpx.URL(sandbox.license_url).netloc.decode(): LICENSE,
        }
        factory = HttpFactory(config)
        with Session(config, factory) as session, factory.client() as http:
            session.sign_in_device_code(lambda _prompt: None)
            graph = GraphClient(http, config.graph_url, session, factory=factory)
            me = graph.get("/me", params={"$select": "mail,userPrincipalName"})
            check_license(factory, me.get("mail") or me["userPrincipalName"])
            draft = graph.post("/me/messages", {"subject": "Katalog"})
            assert draft is not None
            content = b"x" * (3 * MB + 5)
            upload = graph.post(
                f"/me/messages/{draft['id']}/attachments/createUploadSession",
                {"AttachmentItem": {"attachmentType": "file", "name": "Katalog.pdf", "size": len(content)}},
            )
            assert upload is not None
            factory.allow_upload_url(upload["uploadUrl"])
            graph.upload_chunk(upload["uploadUrl"], content, 0, len(content))
            graph.patch(f"/me/messages/{draft['id']}", {"subject": "Katalog 2026"})
            graph.delete(f"/me/messages/{draft['id']}")
        entries = factory.log.entries()
    used: dict[str, set[str]] = {}
    for entry in entries:
        assert isinstance(entry["status"], int), entry  # nothing refused, nothing failed
        used.setdefault(roles[entry["host"]], set()).add(entry["method"])
    assert set(used) == {SIGN_IN, GRAPH, UPLOAD, LICENSE}
    for role, methods in used.items():
        assert methods <= set(endpoint(role).methods), role
