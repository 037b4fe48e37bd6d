"""Hostile Graph answers cannot send the Graph token, or the user's files, anywhere but where they belong.

The corpus is generated here: every URL a Graph answer may name (an ``@odata.nextLink``, an
``uploadUrl``), pointed at each host the app knows and at hosts it does not, in the spellings that
fool naive checks (case, ports, userinfo, look-alike suffixes, plain HTTP).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import httpx
import pytest

from securemailmerge.errors import HostNotAllowed
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.tenant import TenantConfig

CONFIG = TenantConfig(client_id="11111111-2222-3333-4444-555555555555")
GRAPH = "https://graph.microsoft.com/v1.0"
TOKEN = "graph-bearer-token"

# Hosts an answer may name that must never see the Graph token.
FOREIGN = [
    "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
    "https://license.securemailmerge.com/api/license",
    "https://LICENSE.securemailmerge.com:443/api/license?page=2",
    "https://evil.example.com/v1.0/me/contacts",
    "https://graph.microsoft.com.evil.example/v1.0/me/contacts",
    "https://graph.microsoft.com@evil.example/v1.0/me/contacts",
    "https://graph.microsoft.com:8443/v1.0/me/contacts",
    "http://graph.microsoft.com/v1.0/me/contacts",
    "https://outlook.office.com/api/v2.0/me/contacts",
    "https://127.0.0.1/v1.0/me/contacts",
]
UPLOAD_PATHS = ["/api/v2.0/Users('a')/Messages('m')/AttachmentSessions('s')?authtoken=k", "/upload"]


class Recorder:
    """Answers a contacts page whose nextLink is ``link``, and records what reached the network."""

    def __init__(self, link: str) -> None:
        self.link = link
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"value": [{"id": "1"}], "@odata.nextLink": self.link})


class Tokens:
    def access_token(self, *, force_refresh: bool = False) -> str:
        return TOKEN


def graph_over(recorder: Recorder, tmp_path: Path) -> tuple[GraphClient, HttpFactory]:
    factory = HttpFactory(CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(recorder))
    return GraphClient(factory.client(), GRAPH, Tokens(), factory=factory), factory


@pytest.mark.parametrize("link", FOREIGN)
def test_a_next_link_to_another_host_never_receives_the_token(tmp_path: Path, link: str) -> None:
    recorder = Recorder(link)
    graph, factory = graph_over(recorder, tmp_path)
    with pytest.raises(HostNotAllowed):
        list(graph.iter_collection("/me/contacts", params={"$select": "id"}))
    assert [str(request.url.host) for request in recorder.requests] == ["graph.microsoft.com"]
    entries = factory.log.entries()
    assert [entry["status"] for entry in entries] == [200, "refused"]


NOT_UPLOAD_HOSTS = [url for url in FOREIGN if httpx.URL(url).host != "outlook.office.com"]


@pytest.mark.parametrize(("host", "path"), list(itertools.product(NOT_UPLOAD_HOSTS, UPLOAD_PATHS)))
def test_an_upload_url_on_another_host_receives_no_bytes(tmp_path: Path, host: str, path: str) -> None:
    url = str(httpx.URL(host).copy_with(query=None).join(path))
    recorder = Recorder("")
    graph, factory = graph_over(recorder, tmp_path)
    with pytest.raises(HostNotAllowed):
        factory.allow_upload_url(url)
    with pytest.raises(HostNotAllowed):
        graph.upload_chunk(url, b"the user's attachment", 0, 21)
    assert recorder.requests == []


def test_a_next_link_on_graph_itself_is_followed_with_the_token(tmp_path: Path) -> None:
    link = f"{GRAPH}/me/contacts?$skiptoken=abc"
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        more = {"@odata.nextLink": link} if len(requests) == 1 else {}
        return httpx.Response(200, json={"value": [{"id": str(len(requests))}], **more})

    factory = HttpFactory(CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(answer))
    graph = GraphClient(factory.client(), GRAPH, Tokens(), factory=factory)
    items = graph.iter_collection("/me/contacts", params={"$select": "id"})
    assert [item["id"] for item in items] == ["1", "2"]
    assert [request.headers["Authorization"] for request in requests] == [f"Bearer {TOKEN}"] * 2
