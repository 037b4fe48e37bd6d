"""The Graph client sends Graph's headers, pages verbatim, retries by Graph's rules, raises typed errors."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest

from securemailmerge.errors import (
    AccessDeniedError,
    GraphError,
    HostNotAllowed,
    MailboxNotEnabledError,
    NotFoundError,
)
from securemailmerge.m365.graph import GraphClient
from tests.helpers import GRAPH, GraphHarness as Harness, ok, scripted_error as error

UPLOAD = "https://outlook.office.com/api/v2.0/Users('oid@tid')/Messages('AAMk')/AttachmentSessions('AAMk')?authtoken=k"


def test_every_request_carries_graphs_headers(tmp_path: Path) -> None:
    harness = Harness(tmp_path, ok(), ok())
    harness.graph.get("/me", params={"$select": "displayName"})
    harness.graph.get("me/mailboxSettings")
    first, second = harness.script.requests
    for request in (first, second):
        assert request.headers["Authorization"] == "Bearer cached-token"
        assert request.headers["Prefer"] == 'IdType="ImmutableId"'
        assert request.headers["Accept"] == "application/json"
        assert uuid.UUID(request.headers["client-request-id"]).version == 4
    assert first.headers["client-request-id"] != second.headers["client-request-id"]
    assert [str(r.url) for r in (first, second)] == [
        f"{GRAPH}/me?%24select=displayName",
        f"{GRAPH}/me/mailboxSettings",
    ]


def test_paging_follows_next_links_verbatim_across_three_pages(tmp_path: Path) -> None:
    odd = (
        f"{GRAPH}/me/contacts?%24select=givenName%2CemailAddresses&%24top=2&%24skiptoken=a%2Bb%3D%3D~'(x)'!*"
    )
    odder = f"{GRAPH}/me/contacts?$skiptoken=R0FN%2F%2F8%3D&$select=givenName,emailAddresses&$top=2"
    harness = Harness(
        tmp_path,
        ok({"value": [{"n": 1}, {"n": 2}], "@odata.nextLink": odd}),
        ok({"value": [{"n": 3}, {"n": 4}], "@odata.nextLink": odder}),
        ok({"value": [{"n": 5}]}),
    )
    items = list(
        harness.graph.iter_collection(
            "/me/contacts", params={"$select": "givenName,emailAddresses", "$top": "2"}
        )
    )
    assert [item["n"] for item in items] == [1, 2, 3, 4, 5]
    urls = [str(request.url) for request in harness.script.requests]
    assert urls[1:] == [odd, odder]
    assert all(r.headers["Authorization"] == "Bearer cached-token" for r in harness.script.requests)


@pytest.mark.parametrize("params", [None, {}, {"$top": "10"}, {"$select": ""}])
def test_a_collection_without_select_is_refused_before_any_request(
    tmp_path: Path, params: dict[str, str] | None
) -> None:
    harness = Harness(tmp_path)
    with pytest.raises(ValueError, match=r"\$select"):
        list(harness.graph.iter_collection("/me/contacts", params=params))
    assert harness.script.requests == []


@pytest.mark.parametrize(
    ("answer", "kind", "code", "message"),
    [
        (
            error(403, "ErrorAccessDenied"),
            AccessDeniedError,
            "ErrorAccessDenied",
            "Access denied (ErrorAccessDenied)",
        ),
        (error(403, "ErrorSendAsDenied"), AccessDeniedError, "ErrorSendAsDenied", "Send As rights"),
        (
            error(404, "MailboxNotEnabledForRESTAPI"),
            MailboxNotEnabledError,
            "MailboxNotEnabledForRESTAPI",
            "not an Exchange Online mailbox",
        ),
        (
            error(404, "ErrorItemNotFound"),
            NotFoundError,
            "ErrorItemNotFound",
            "was not found (ErrorItemNotFound)",
        ),
        (
            error(400, "ErrorInvalidRecipients"),
            GraphError,
            "ErrorInvalidRecipients",
            "answered 400 (ErrorInvalidRecipients): message for ErrorInvalidRecipients",
        ),
        (
            httpx.Response(502, text="<html>Bad gateway</html>", headers={"request-id": "req-1"}),
            GraphError,
            "HTTP 502",
            "answered 502 (HTTP 502).",
        ),
        (
            httpx.Response(302, headers={"Location": "https://evil.example/", "request-id": "req-1"}),
            GraphError,
            "HTTP 302",
            "redirect (302), which is refused",
        ),
        (
            httpx.Response(
                403,
                json={"error": {"code": "ErrorAccessDenied", "message": "ErrorSendAsDenied"}},
                headers={"request-id": "req-1"},
            ),
            AccessDeniedError,
            "ErrorAccessDenied",
            "lacks the right",
        ),
    ],
)
def test_errors_are_typed_by_status_and_code(
    tmp_path: Path, answer: httpx.Response, kind: type[GraphError], code: str, message: str
) -> None:
    harness = Harness(tmp_path, answer)
    with pytest.raises(GraphError) as caught:
        harness.graph.post("/me/messages/AAMk/send", None)
    failure = caught.value
    assert type(failure) is kind
    assert (failure.status, failure.code, failure.request_id) == (answer.status_code, code, "req-1")
    assert failure.client_request_id == harness.script.requests[0].headers["client-request-id"]
    assert message in str(failure)
    assert str(failure).endswith("Request id: req-1.")


def test_the_request_id_comes_from_the_error_body_when_the_header_is_missing(tmp_path: Path) -> None:
    body = {
        "error": {"code": "ErrorItemNotFound", "message": "gone", "innerError": {"request-id": "inner-9"}}
    }
    harness = Harness(tmp_path, httpx.Response(404, json=body))
    with pytest.raises(NotFoundError) as caught:
        harness.graph.delete("/me/messages/AAMk")
    assert caught.value.request_id == "inner-9"


def test_an_answer_that_is_not_json_is_a_graph_error(tmp_path: Path) -> None:
    harness = Harness(tmp_path, httpx.Response(200, text="<html>captive portal</html>"))
    with pytest.raises(GraphError, match="not a JSON object") as caught:
        harness.graph.get("/me")
    assert caught.value.code == "InvalidResponse"


def test_post_patch_and_delete_send_json_and_read_the_answer(tmp_path: Path) -> None:
    harness = Harness(
        tmp_path,
        ok({"id": "new"}, 201),
        httpx.Response(202),
        ok({"id": "new", "subject": "B"}),
        httpx.Response(204),
    )
    assert harness.graph.post("/me/messages", {"subject": "A"}) == {"id": "new"}
    assert harness.graph.post("/me/messages/new/send", None) is None
    assert harness.graph.patch("/me/messages/new", {"subject": "B"}) == {"id": "new", "subject": "B"}
    assert harness.graph.delete("/me/messages/new") is None
    create, send, patch, delete = harness.script.requests
    assert (create.headers["Content-Type"], json.loads(create.content)) == (
        "application/json",
        {"subject": "A"},
    )
    assert (send.headers["Content-Length"], send.content) == ("0", b"")
    assert [r.method for r in harness.script.requests] == ["POST", "POST", "PATCH", "DELETE"]
    assert json.loads(patch.content) == {"subject": "B"}
    assert delete.url.path == "/v1.0/me/messages/new"


def test_upload_chunks_go_only_to_allowed_upload_urls_and_carry_no_token(tmp_path: Path) -> None:
    harness = Harness(
        tmp_path,
        httpx.Response(200, json={"nextExpectedRanges": ["4-"]}),
        error(429, "TooManyRequests", retry_after="5"),
        httpx.Response(201),
    )
    with pytest.raises(HostNotAllowed, match=r"outlook\.office\.com"):
        harness.graph.upload_chunk(UPLOAD, b"abcd", 0, 10)
    assert harness.script.requests == []
    harness.factory.allow_upload_url(UPLOAD)
    assert harness.graph.upload_chunk(UPLOAD, b"abcd", 0, 10) == {"nextExpectedRanges": ["4-"]}
    assert harness.graph.upload_chunk(UPLOAD, b"efghij", 4, 10) is None
    first, throttled, last = harness.script.requests
    assert [r.headers["Content-Range"] for r in (first, throttled, last)] == [
        "bytes 0-3/10",
        "bytes 4-9/10",
        "bytes 4-9/10",
    ]
    assert all("Authorization" not in r.headers and r.method == "PUT" for r in harness.script.requests)
    assert str(first.url) == UPLOAD
    assert last.content == b"efghij"
    assert harness.sleeps == [5]
    assert harness.tokens.calls == []


def test_an_upload_url_is_refused_without_the_factory(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    harness.factory.allow_upload_url(UPLOAD)
    graph = GraphClient(harness.factory.client(), GRAPH, harness.tokens)
    with pytest.raises(HostNotAllowed):
        graph.upload_chunk(UPLOAD, b"abcd", 0, 4)


def test_the_network_log_records_graphs_request_id_and_ours(tmp_path: Path) -> None:
    harness = Harness(
        tmp_path,
        error(429, "TooManyRequests", retry_after="1", request_id="r-1"),
        ok(**{"request-id": "r-2"}),
    )
    harness.graph.get("/users/ada@contoso.com/contacts/AAMkAGI2TG93AAA=", params={"$select": "givenName"})
    entries = harness.factory.log.entries()
    assert [(e["status"], e["request_id"]) for e in entries] == [(429, "r-1"), (200, "r-2")]
    assert [e["client_request_id"] for e in entries] == [
        r.headers["client-request-id"] for r in harness.script.requests
    ]
    assert {e["path"] for e in entries} == {"/v1.0/users/{user}/contacts/{id}"}
    text = harness.factory.network_log_path.read_text("utf-8")
    assert "cached-token" not in text
    assert "ada@contoso.com" not in text
    assert "givenName" not in text
