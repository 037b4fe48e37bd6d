"""The Graph client against the sandbox over HTTPS: paging, refresh, lost sign-in, uploads, fault storms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import msal
import pytest

from securemailmerge.errors import (
    HostNotAllowed,
    SignInRequired,
)
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryEvent, Retrying, Throttled
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER_ID

SCOPES = ["User.Read", "Contacts.Read", "Mail.ReadWrite"]


class MsalTokens:
    """A real msal sign-in through the factory's adapter, approved in the sandbox by device code."""

    def __init__(self, sandbox: Sandbox, factory: HttpFactory) -> None:
        config = factory.config
        self.app = msal.PublicClientApplication(
            config.client_id,
            authority=config.authority,
            http_client=factory.msal_http_client(),
            instance_discovery=False,
        )
        result = self.app.acquire_token_by_device_flow(self.app.initiate_device_flow(scopes=SCOPES))
        assert "access_token" in result, result
        self.calls: list[bool] = []

    def access_token(self, *, force_refresh: bool = False) -> str:
        self.calls.append(force_refresh)
        (account,) = self.app.get_accounts()
        result = self.app.acquire_token_silent(SCOPES, account, force_refresh=force_refresh)
        if not result or "access_token" not in result:
            raise SignInRequired("Please sign in again.")
        return str(result["access_token"])


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox (auto-approving sign-ins) for the end-to-end tests of this module."""
    with Sandbox(auto_approve=True) as running:
        yield running


def sandbox_graph(
    sandbox: Sandbox, tmp_path: Path, **options: Any
) -> tuple[GraphClient, HttpFactory, MsalTokens]:
    factory = HttpFactory(load_tenant_config(sandbox.tenant_config_path), log_path=tmp_path / "network.log")
    tokens = MsalTokens(sandbox, factory)
    graph = GraphClient(factory.client(), factory.config.graph_url, tokens, factory=factory, **options)
    return graph, factory, tokens


CONTACT_SELECT = {"$select": "id,displayName,emailAddresses"}


@pytest.mark.e2e
def test_e2e_paging_loses_and_repeats_nothing_and_an_expired_token_is_refreshed(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    graph, factory, tokens = sandbox_graph(sandbox, tmp_path)
    assert graph.get("/me", params={"$select": "displayName"})["displayName"] == "Ada Lovelace"
    one_page = [
        c["id"] for c in graph.iter_collection("/me/contacts", params={**CONTACT_SELECT, "$top": "1000"})
    ]
    sandbox.tokens.expire_access_tokens()
    paged = [c["id"] for c in graph.iter_collection("/me/contacts", params={**CONTACT_SELECT, "$top": "7"})]
    assert len(one_page) > 7
    assert paged == one_page
    assert tokens.calls.count(True) == 1
    statuses = [entry["status"] for entry in factory.log.entries() if entry["path"] == "/v1.0/me/contacts"]
    assert statuses.count(401) == 1
    assert statuses.count(200) == 1 + -(-len(one_page) // 7)


@pytest.mark.e2e
def test_e2e_a_revoked_sign_in_asks_to_sign_in_again(sandbox: Sandbox, tmp_path: Path) -> None:
    graph, _, tokens = sandbox_graph(sandbox, tmp_path)
    sandbox.tokens.revoke_user(DEMO_USER_ID)
    with pytest.raises(SignInRequired):
        graph.get("/me", params={"$select": "displayName"})
    assert tokens.calls == [False, True]


@pytest.mark.e2e
def test_e2e_an_upload_session_uploads_to_its_own_host_without_a_token(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    graph, factory, _ = sandbox_graph(sandbox, tmp_path)
    draft = graph.post("/me/messages", {"subject": "Upload test"}, retry_unsafe=True)
    assert draft is not None
    size = 3 * 1024 * 1024 + 10
    session = graph.post(
        f"/me/messages/{draft['id']}/attachments/createUploadSession",
        {"AttachmentItem": {"attachmentType": "file", "name": "big.bin", "size": size}},
    )
    assert session is not None
    upload_url = session["uploadUrl"]
    assert httpx.URL(upload_url).port != httpx.URL(factory.config.graph_url).port
    with pytest.raises(HostNotAllowed):
        graph.upload_chunk(upload_url, b"x" * 10, 0, size)
    factory.allow_upload_url(upload_url)
    first = 320 * 1024 * 5
    assert graph.upload_chunk(upload_url, b"a" * first, 0, size) is not None
    graph.upload_chunk(upload_url, b"b" * (size - first), first, size)
    attachments = graph.get(f"/me/messages/{draft['id']}/attachments", params={"$select": "name,size"})
    assert [(a["name"], a["size"]) for a in attachments["value"]] == [("big.bin", size)]
    hosts = {entry["host"] for entry in factory.log.entries()}
    allowed = {httpx.URL(u).netloc.decode() for u in (sandbox.authority_url, sandbox.graph_url, upload_url)}
    assert hosts == allowed


@pytest.mark.e2e
def test_e2e_a_storm_of_faults_is_survived_with_no_contact_lost_or_repeated(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    graph, _, _ = sandbox_graph(sandbox, tmp_path)
    expected = [
        c["id"] for c in graph.iter_collection("/me/contacts", params={**CONTACT_SELECT, "$top": "1000"})
    ]
    faults = "11:storm,throttle=0.2,unavailable=0.1,drop=0.05,expired=0.02,max_retry_after=2"
    with Sandbox(auto_approve=True, faults=faults, time_scale=0.01) as stormy:
        events: list[RetryEvent] = []
        sleeps: list[float] = []
        graph, _, _ = sandbox_graph(
            stormy, tmp_path / "storm", sleep=sleeps.append, on_retry=events.append, max_attempts=12
        )
        got = [
            c["id"] for c in graph.iter_collection("/me/contacts", params={**CONTACT_SELECT, "$top": "10"})
        ]
    assert len(got) == len(expected) == len(set(got))
    assert any(isinstance(event, Throttled) for event in events)
    assert any(isinstance(event, Retrying) for event in events)
    assert sleeps == [event.wait_seconds for event in events]
