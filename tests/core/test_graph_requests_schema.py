"""Every Graph request the client makes matches a path, method, query option and body of Graph's schema."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import httpx
import pytest

from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.tenant import TenantConfig
from securemailmerge.sandbox.graph_schema import GraphSchema
from tests.helpers import SHARED

SCHEMA = GraphSchema.load(SHARED / "graph-openapi-subset.json")
CONFIG = TenantConfig(client_id="11111111-2222-3333-4444-555555555555")
GRAPH = CONFIG.graph_url
SHARED_MAILBOX = "sales@contoso.com"
MESSAGE = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0Aq3Ud9bT0kEW1nR7XqgAAAIRPZwAA"
FOLDER = "AAMkAGI2TG93AAEuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAeJbiAAAA="
UPLOAD = "https://outlook.office.com/api/v2.0/Users('oid@tid')/Messages('AAMk')/AttachmentSessions('AAMk')?authtoken=k"
TAG = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name RecipientKey"


def schema_problems(requests: Iterable[httpx.Request], graph_url: str = GRAPH) -> list[str]:
    """Every way the captured requests to Graph break the schema (requests to other hosts are skipped)."""
    problems: list[str] = []
    for request in requests:
        url = str(request.url)
        if not url.startswith(graph_url + "/"):
            continue
        body = json.loads(request.content) if request.content else None
        problems.extend(
            f"{request.method} {request.url.path}: {p}"
            for p in SCHEMA.validate_request(request.method, url, body)
        )
    return problems


class GraphLike:
    """Answers like Graph: collections page once through a $skiptoken nextLink, creates answer 201."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        operation = SCHEMA.match_operation(request.method, str(request.url))
        if request.method == "PUT":
            return httpx.Response(201)
        if request.url.path.endswith("/send"):
            return httpx.Response(202)
        if request.method == "DELETE":
            return httpx.Response(204)
        if request.method == "GET" and operation is not None and operation.is_collection:
            page: dict[str, object] = {"value": [{"id": FOLDER}]}
            if "skiptoken" not in str(request.url):
                page["@odata.nextLink"] = f"{request.url}&%24skiptoken=R0FNRT0xJlBhZ2U9Mg%3D%3D"
            return httpx.Response(200, json=page)
        if request.url.path.endswith("/createUploadSession"):
            return httpx.Response(201, json={"uploadUrl": UPLOAD, "nextExpectedRanges": ["0-"]})
        return httpx.Response(201 if request.method == "POST" else 200, json={"id": MESSAGE})


class Tokens:
    def access_token(self, *, force_refresh: bool = False) -> str:
        return "token"


DRAFT = {
    "subject": "Your invitation",
    "body": {"contentType": "HTML", "content": "<p>Dear Ada</p>"},
    "toRecipients": [{"emailAddress": {"address": "ada@contoso.com", "name": "Ada Lovelace"}}],
    "from": {"emailAddress": {"address": SHARED_MAILBOX}},
    "internetMessageHeaders": [{"name": "x-securemailmerge-campaign", "value": "c-1"}],
    "singleValueExtendedProperties": [{"id": TAG, "value": "row-17"}],
}
SELECT_CONTACT = "id,givenName,surname,displayName,emailAddresses,companyName,jobTitle,categories"
TAG_FILTER = f"singleValueExtendedProperties/Any(ep: ep/id eq '{TAG}' and ep/value eq 'row-17')"

Call = Callable[[GraphClient], object]
CALLS: dict[str, Call] = {
    "profile": lambda g: g.get("/me", params={"$select": "id,displayName,mail,userPrincipalName"}),
    "time zone": lambda g: g.get("/me/mailboxSettings", params={"$select": "timeZone"}),
    "shared time zone": lambda g: g.get(
        f"/users/{SHARED_MAILBOX}/mailboxSettings", params={"$select": "timeZone"}
    ),
    "contact folders": lambda g: list(
        g.iter_collection(
            "/me/contactFolders", params={"$select": "id,displayName,parentFolderId", "$top": "100"}
        )
    ),
    "child folders": lambda g: list(
        g.iter_collection(f"/me/contactFolders/{FOLDER}/childFolders", params={"$select": "id,displayName"})
    ),
    "default contacts": lambda g: list(
        g.iter_collection("/me/contacts", params={"$select": SELECT_CONTACT, "$top": "1000"})
    ),
    "folder contacts": lambda g: list(
        g.iter_collection(
            f"/me/contactFolders/{FOLDER}/contacts", params={"$select": SELECT_CONTACT, "$top": "1000"}
        )
    ),
    "shared contacts": lambda g: list(
        g.iter_collection(
            f"/users/{SHARED_MAILBOX}/contacts", params={"$select": SELECT_CONTACT, "$top": "1000"}
        )
    ),
    "shared folders": lambda g: list(
        g.iter_collection(f"/users/{SHARED_MAILBOX}/contactFolders", params={"$select": "id,displayName"})
    ),
    "categories": lambda g: list(
        g.iter_collection("/me/outlook/masterCategories", params={"$select": "displayName,color"})
    ),
    "shared categories": lambda g: list(
        g.iter_collection(
            f"/users/{SHARED_MAILBOX}/outlook/masterCategories", params={"$select": "displayName,color"}
        )
    ),
    "tagged drafts": lambda g: list(
        g.iter_collection(
            "/me/mailFolders/drafts/messages", params={"$select": "id,subject", "$filter": TAG_FILTER}
        )
    ),
    "tagged sent items": lambda g: list(
        g.iter_collection(
            "/me/mailFolders/sentitems/messages", params={"$select": "id", "$filter": TAG_FILTER}
        )
    ),
    "create draft": lambda g: g.post("/me/messages", DRAFT, retry_unsafe=True),
    "small attachment": lambda g: g.post(
        f"/me/messages/{MESSAGE}/attachments",
        {"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.pdf", "contentBytes": "JVBERi0xLjQK"},
    ),
    "upload session": lambda g: g.post(
        f"/me/messages/{MESSAGE}/attachments/createUploadSession",
        {"AttachmentItem": {"attachmentType": "file", "name": "big.pdf", "size": 5_000_000}},
    ),
    "schedule": lambda g: g.patch(
        f"/me/messages/{MESSAGE}",
        {"singleValueExtendedProperties": [{"id": "SystemTime 0x3FEF", "value": "2030-01-01T08:00:00Z"}]},
    ),
    "copy": lambda g: g.post(f"/me/messages/{MESSAGE}/copy", {"DestinationId": "drafts"}),
    "send": lambda g: g.post(f"/me/messages/{MESSAGE}/send", None),
    "discard": lambda g: g.delete(f"/me/messages/{MESSAGE}"),
}


def run(tmp_path: Path, call: Call) -> GraphLike:
    graph_like = GraphLike()
    factory = HttpFactory(
        CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(graph_like)
    )
    call(GraphClient(factory.client(), GRAPH, Tokens(), factory=factory))
    return graph_like


@pytest.mark.parametrize("name", list(CALLS))
def test_each_call_the_app_makes_is_valid_graph(tmp_path: Path, name: str) -> None:
    graph_like = run(tmp_path, CALLS[name])
    assert graph_like.requests
    assert schema_problems(graph_like.requests) == []


def test_paging_requests_are_valid_graph_too(tmp_path: Path) -> None:
    graph_like = run(tmp_path, CALLS["folder contacts"])
    first, second = graph_like.requests
    assert ("skiptoken" in str(first.url), "skiptoken" in str(second.url)) == (False, True)
    assert schema_problems([first, second]) == []


def test_an_upload_after_its_session_is_not_a_graph_request_and_carries_no_token(tmp_path: Path) -> None:
    graph_like = GraphLike()
    factory = HttpFactory(
        CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(graph_like)
    )
    graph = GraphClient(factory.client(), GRAPH, Tokens(), factory=factory)
    session = graph.post(
        f"/me/messages/{MESSAGE}/attachments/createUploadSession",
        {"AttachmentItem": {"attachmentType": "file", "name": "big.pdf", "size": 6}},
    )
    assert session is not None
    factory.allow_upload_url(session["uploadUrl"])
    graph.upload_chunk(session["uploadUrl"], b"abcdef", 0, 6)
    create, put = graph_like.requests
    assert schema_problems([create, put]) == []
    assert (put.url.host, put.headers["Content-Range"]) == ("outlook.office.com", "bytes 0-5/6")
    assert "Authorization" not in put.headers


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (lambda g: g.post("/me/messages", {"subjekt": "typo"}), "'subjekt' does not exist"),
        (
            lambda g: g.post(f"/me/messages/{MESSAGE}/send", {"saveToSentItems": True}),
            "takes no request body",
        ),
        (
            lambda g: list(
                g.iter_collection("/me/outlook/masterCategories", params={"$select": "x", "$orderby": "x"})
            ),
            "'$orderby' is not supported",
        ),
        (lambda g: g.get("/me/people", params={"$select": "id"}), "is not an operation"),
        (
            lambda g: g.post("/me/messages", {"body": {"contentType": "markdown", "content": "x"}}),
            "'markdown' was not found",
        ),
    ],
)
def test_the_check_catches_requests_graph_would_refuse(tmp_path: Path, call: Call, problem: str) -> None:
    graph_like = run(tmp_path, call)
    problems = schema_problems(graph_like.requests)
    assert any(problem in p for p in problems), problems
