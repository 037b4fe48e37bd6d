"""Drafts, attachments, tags, send, sendMail, copy and deferred send behave, and fail, as Graph's do."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from securemailmerge.sandbox.directory import (
    BOARD,
    DEMO_USER,
    DEMO_USER_ID,
    SALES,
    Directory,
    Mailbox,
    Rights,
    demo_directory,
)
from securemailmerge.sandbox.graph import GraphService, SendPolicy, harness
from securemailmerge.sandbox.tokens import TokenRegistry
from tests.helpers import Clock

GUID = "{8a1e4c2b-7d3f-4e5a-9b6c-0d1e2f3a4b5c}"
TAG = f"String {GUID} Name RecipientKey"


@pytest.fixture
def wall() -> Clock:
    """A wall clock (seconds since the epoch) the test moves by hand."""
    return Clock(1_767_225_600.0)  # 2026-01-01T00:00:00Z


@pytest.fixture
def graph_options(wall: Clock) -> dict[str, Any]:
    """The emulator of these tests reads the hand-moved wall clock; messages leave at the next request."""
    return {"wall_clock": wall, "sending": SendPolicy.instant()}


def draft(key: str = "r1", **extra: object) -> dict[str, object]:
    body: dict[str, object] = {
        "subject": f"Hallo {key}",
        "body": {"contentType": "HTML", "content": "<p>Grüße</p>"},
        "toRecipients": [{"emailAddress": {"address": f"{key}@example.de", "name": "Jürgen Müller"}}],
        "singleValueExtendedProperties": [{"id": TAG, "value": key}],
        "internetMessageHeaders": [{"name": "x-recipient-key", "value": key}],
    }
    body.update(extra)
    return body


def create(client: httpx.Client, **extra: object) -> str:
    response = client.post("/me/messages", json=draft(**extra))  # type: ignore[arg-type]
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def error(response: httpx.Response) -> tuple[int, str, str]:
    body = response.json()["error"]
    return response.status_code, body["code"], body["message"]


def tagged(client: httpx.Client, folder: str, key: str) -> list[dict[str, object]]:
    flt = f"singleValueExtendedProperties/Any(ep: ep/id eq '{TAG}' and ep/value eq '{key}')"
    response = client.get(f"/me/mailFolders/{folder}/messages", params={"$filter": flt, "$select": "subject"})
    assert response.status_code == 200, response.text
    return list(response.json()["value"])


def test_create_answers_201_with_graph_headers(graph: httpx.Client) -> None:
    response = graph.post("/me/messages", json=draft(), headers={"client-request-id": "my-request"})
    assert response.status_code == 201
    assert response.headers["client-request-id"] == "my-request"
    assert response.headers["request-id"]
    assert response.headers["Location"].endswith(f"messages('{response.json()['id']}')")
    body = response.json()
    assert body["isDraft"] is True
    assert body["body"]["contentType"] == "html"
    assert "internetMessageHeaders" not in body  # only when selected


def test_error_body_is_exactly_graphs(graph: httpx.Client) -> None:
    response = graph.get("/me/messages/AAkALgAAAnotthere", headers={"client-request-id": "abc"})
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "innerError"}
    assert set(body["error"]["innerError"]) == {"date", "request-id", "client-request-id"}
    assert body["error"]["code"] == "ErrorItemNotFound"
    assert body["error"]["innerError"]["request-id"] == response.headers["request-id"]
    assert body["error"]["innerError"]["client-request-id"] == "abc"


@pytest.mark.parametrize(
    ("extra", "status", "code", "words"),
    [
        (
            {"shoeSize": 42},
            400,
            "RequestBodyRead",
            "The property 'shoeSize' does not exist on type 'microsoft.graph.message'",
        ),
        (
            {"isRead": "yes"},
            400,
            "RequestBodyRead",
            "Cannot convert the literal 'yes' to the expected type 'Edm.Boolean'",
        ),
        ({"importance": "urgent"}, 400, "RequestBodyRead", "Requested value 'urgent' was not found"),
        ({"toRecipients": {"emailAddress": {}}}, 400, "RequestBodyRead", "A 'StartArray' node was expected"),
        (
            {"internetMessageHeaders": [{"name": "Reply-To", "value": "a@b.c"}]},
            400,
            "InvalidInternetMessageHeader",
            "The internet message header name 'Reply-To' should start with 'x-' or 'X-'.",
        ),
        (
            {"singleValueExtendedProperties": [{"id": "String Name Oops", "value": "1"}]},
            400,
            "ErrorInvalidExtendedProperty",
            "The extended property attribute combination is invalid.",
        ),
        (
            {"attachments": [{"name": "a.txt", "contentBytes": "aGk="}]},
            400,
            "RequestBodyRead",
            "A resource without a type name was found",
        ),
    ],
)
def test_bodies_graph_refuses(
    graph: httpx.Client, extra: dict[str, object], status: int, code: str, words: str
) -> None:
    response = graph.post("/me/messages", json=draft(**extra))
    got_status, got_code, message = error(response)
    assert (got_status, got_code) == (status, code)
    assert words in message


def test_not_json_and_unknown_paths(graph: httpx.Client) -> None:
    response = graph.post("/me/messages", content=b"{not json", headers={"Content-Type": "application/json"})
    assert error(response)[:2] == (400, "BadRequest")
    assert error(graph.get("/me/calendars"))[:2] == (400, "BadRequest")
    assert "Resource not found for the segment 'calendars'" in error(graph.get("/me/calendars"))[2]
    assert graph.put("/me/messages").status_code == 405


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Access token is empty."),
        ("Bearer at.nonsense", "Access token validation failure. Invalid audience."),
        ("Basic dXNlcjpwYXNz", "Access token is empty."),
    ],
)
def test_missing_or_bad_token_is_401(service: GraphService, authorization: str | None, message: str) -> None:
    with harness.client(service) as client:
        headers = {"Authorization": authorization} if authorization else {}
        if authorization is None:
            del client.headers["Authorization"]
        response = client.get("/me/messages", headers=headers)
    assert error(response) == (401, "InvalidAuthenticationToken", message)
    assert "WWW-Authenticate" in response.headers


def test_expired_token_is_401(service: GraphService) -> None:
    with harness.client(service) as client:
        service.emulator.tokens.expire_access_tokens()
        response = client.get("/me/messages")
    assert error(response) == (
        401,
        "InvalidAuthenticationToken",
        "Lifetime validation failed, the token is expired.",
    )


@pytest.mark.parametrize(
    ("scopes", "method", "url", "status"),
    [
        ({"Mail.Read"}, "POST", "/me/messages", 403),
        ({"Mail.ReadWrite"}, "POST", "/me/messages", 201),
        ({"Mail.ReadWrite"}, "POST", f"/users/{SALES}/messages", 403),
        ({"Mail.ReadWrite.Shared"}, "POST", f"/users/{SALES}/messages", 201),
        ({"Mail.Send"}, "GET", "/me/messages", 403),
        ({"Mail.Read"}, "GET", "/me/mailFolders/sentitems/messages", 200),
    ],
)
def test_mail_scopes(service: GraphService, scopes: set[str], method: str, url: str, status: int) -> None:
    with harness.client(service, scopes=frozenset(scopes)) as client:
        response = client.request(method, url, json=draft() if method == "POST" else None)
    assert response.status_code == status
    if status == 403:
        assert response.json()["error"]["code"] == "ErrorAccessDenied"


def test_send_moves_the_draft_to_sent_items(service: GraphService, graph: httpx.Client) -> None:
    message_id = create(graph)
    assert graph.post(f"/me/messages/{message_id}/send").status_code == 202
    sent = graph.get(
        f"/me/messages/{message_id}", params={"$select": "isDraft,sentDateTime,parentFolderId"}
    ).json()
    assert sent["isDraft"] is False
    assert sent["sentDateTime"] == "2026-01-01T00:00:00Z"
    assert sent["parentFolderId"] == graph.get("/me/mailFolders/sentitems").json()["id"]
    assert tagged(graph, "drafts", "r1") == []
    assert len(tagged(graph, "sentitems", "r1")) == 1
    (mime,) = [m["mime"] for m in service.inspect.sent(DEMO_USER)]
    assert "x-recipient-key: r1" in mime
    assert "Subject: Hallo r1" in mime
    assert "To: =?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <r1@example.de>" in mime
    again = graph.post(f"/me/messages/{message_id}/send")
    assert error(again)[:2] == (400, "ErrorInvalidOperation")


def test_rest_ids_change_on_move_and_immutable_ids_do_not(service: GraphService) -> None:
    with harness.client(service, immutable=False) as client:
        rest_id = create(client)
        assert client.post(f"/me/messages/{rest_id}/send").status_code == 202
        assert client.get(f"/me/messages/{rest_id}").status_code == 404
        (sent,) = client.get("/me/mailFolders/sentitems/messages").json()["value"]
    assert sent["id"] != rest_id
    with harness.client(service) as client:
        immutable_id = create(client)
        client.post(f"/me/messages/{immutable_id}/send")
        assert client.get(f"/me/messages/{immutable_id}").json()["isDraft"] is False


@pytest.mark.parametrize(
    ("recipients", "code"),
    [(0, "ErrorInvalidRecipients"), (501, "ErrorExceededMaxRecipientLimit")],
)
def test_recipient_counts_exchange_refuses(graph: httpx.Client, recipients: int, code: str) -> None:
    to = [{"emailAddress": {"address": f"p{i}@example.com"}} for i in range(recipients)]
    message_id = create(graph, toRecipients=to)
    assert error(graph.post(f"/me/messages/{message_id}/send"))[:2] == (400, code)


@pytest.mark.parametrize(
    ("sender", "status"),
    [(SALES, 202), (BOARD, 403), ("stranger@fabrikam.com", 403), (DEMO_USER, 202)],
)
def test_send_as_needs_the_right(graph: httpx.Client, sender: str, status: int) -> None:
    message_id = create(graph, **{"from": {"emailAddress": {"address": sender}}})
    response = graph.post(f"/me/messages/{message_id}/send")
    assert response.status_code == status
    if status == 403:
        assert response.json()["error"]["code"] == "ErrorSendAsDenied"


def test_send_on_behalf_names_the_sender(wall: Clock) -> None:
    directory = demo_directory()
    helpdesk = Mailbox(
        id="5d6e7f80-1111-4222-8333-944455566677",
        upn="help@contoso.onmicrosoft.com",
        display_name="Help Desk",
        mail="help@contoso.onmicrosoft.com",
        shared=True,
        rights={DEMO_USER_ID: Rights(full_access=True, send_on_behalf=True)},
    )
    directory.add(helpdesk)
    service = GraphService(directory, TokenRegistry(), wall_clock=wall, sending=SendPolicy.instant())
    with harness.client(service) as client:
        message_id = create(client, **{"from": {"emailAddress": {"address": helpdesk.mail}}})
        assert client.post(f"/me/messages/{message_id}/send").status_code == 202
    (sent,) = service.inspect.sent(DEMO_USER)
    assert "From: Help Desk <help@contoso.onmicrosoft.com>" in sent["mime"]  # the directory's name
    assert "Sender: Ada Lovelace <ada.lovelace@contoso.onmicrosoft.com>" in sent["mime"]
    service.close()


def test_send_without_the_shared_scope_is_denied(service: GraphService) -> None:
    with harness.client(service, scopes=frozenset({"Mail.ReadWrite", "Mail.Send"})) as client:
        message_id = create(client, **{"from": {"emailAddress": {"address": SALES}}})
        assert error(client.post(f"/me/messages/{message_id}/send"))[:2] == (403, "ErrorAccessDenied")


def test_deferred_send_waits_in_the_outbox(service: GraphService, graph: httpx.Client, wall: Clock) -> None:
    later = {"id": "SystemTime 0x3FEF", "value": "2026-01-01T08:00:00Z"}
    message_id = create(graph, singleValueExtendedProperties=[{"id": TAG, "value": "r1"}, later])
    assert graph.post(f"/me/messages/{message_id}/send").status_code == 202
    assert [m["folder"] for m in service.inspect.messages(DEMO_USER)] == ["outbox"]
    assert service.inspect.sent(DEMO_USER) == []
    wall.now += 8 * 3600
    assert len(tagged(graph, "sentitems", "r1")) == 1
    (sent,) = service.inspect.sent(DEMO_USER)
    assert sent["sentDateTime"] == "2026-01-01T08:00:00Z"


@pytest.mark.parametrize(("save", "kept"), [(True, 1), (False, 0), (None, 1)])
def test_send_mail(service: GraphService, graph: httpx.Client, save: bool | None, kept: int) -> None:
    body: dict[str, object] = {"message": draft()}
    if save is not None:
        body["saveToSentItems"] = save
    assert graph.post("/me/sendMail", json=body).status_code == 202
    assert len(tagged(graph, "sentitems", "r1")) == kept
    assert len(service.inspect.sent(DEMO_USER)) == 1


def test_send_mail_refuses_unknown_parameters(graph: httpx.Client) -> None:
    response = graph.post("/me/sendMail", json={"message": draft(), "urgent": True})
    assert error(response) == (
        400,
        "RequestBodyRead",
        "The parameter 'urgent' in the request payload is not a valid parameter for the operation "
        "'sendMail'.",
    )


def test_attachments_and_copy(graph: httpx.Client) -> None:
    message_id = create(graph)
    small = {
        "@odata.type": "#microsoft.graph.fileAttachment",
        "name": "Preisliste.pdf",
        "contentType": "application/pdf",
        "contentBytes": base64.b64encode(b"%PDF-1.4 tiny").decode(),
    }
    added = graph.post(f"/me/messages/{message_id}/attachments", json=small)
    assert added.status_code == 201
    assert added.json()["size"] == len(b"%PDF-1.4 tiny")
    big = {**small, "contentBytes": base64.b64encode(b"x" * (3 * 1024 * 1024)).decode()}
    assert graph.post(f"/me/messages/{message_id}/attachments", json=big).status_code == 413
    untyped = {k: v for k, v in small.items() if k != "@odata.type"}
    assert error(graph.post(f"/me/messages/{message_id}/attachments", json=untyped))[:2] == (
        400,
        "RequestBodyRead",
    )
    copied = graph.post(f"/me/messages/{message_id}/copy", json={"destinationId": "drafts"})
    assert copied.status_code == 201
    copy_id = copied.json()["id"]
    assert copy_id != message_id
    names = [a["name"] for a in graph.get(f"/me/messages/{copy_id}/attachments").json()["value"]]
    assert names == ["Preisliste.pdf"]
    assert len(tagged(graph, "drafts", "r1")) == 2  # the tag travels with the copy


def test_patch_updates_drafts_only(graph: httpx.Client) -> None:
    message_id = create(graph)
    patched = graph.patch(f"/me/messages/{message_id}", json={"subject": "Neu", "categories": ["Kunde"]})
    assert patched.status_code == 200
    assert patched.json()["subject"] == "Neu"
    headers = {"internetMessageHeaders": [{"name": "x-late", "value": "1"}]}
    assert error(graph.patch(f"/me/messages/{message_id}", json=headers))[:2] == (
        400,
        "InvalidInternetMessageHeader",
    )
    graph.post(f"/me/messages/{message_id}/send")
    late = graph.patch(f"/me/messages/{message_id}", json={"subject": "Too late"})
    assert error(late)[:2] == (400, "ErrorInvalidPropertyUpdateSentMessage")
    assert graph.patch(f"/me/messages/{message_id}", json={"isRead": False}).status_code == 200


def test_delete_goes_to_deleted_items_then_away(service: GraphService, graph: httpx.Client) -> None:
    message_id = create(graph)
    assert graph.delete(f"/me/messages/{message_id}").status_code == 204
    assert [m["folder"] for m in service.inspect.messages(DEMO_USER)] == ["deleteditems"]
    assert graph.delete(f"/me/messages/{message_id}").status_code == 204
    assert service.inspect.messages(DEMO_USER) == []


def test_select_and_expand_on_a_message(graph: httpx.Client) -> None:
    message_id = create(graph)
    response = graph.get(
        f"/me/messages/{message_id}",
        params={
            "$select": "subject,internetMessageHeaders",
            "$expand": f"singleValueExtendedProperties($filter=id eq '{TAG}')",
        },
    )
    body = response.json()
    assert set(body) == {
        "@odata.context",
        "@odata.etag",
        "id",
        "subject",
        "internetMessageHeaders",
        "singleValueExtendedProperties",
    }
    assert body["singleValueExtendedProperties"] == [
        {"id": f"String {GUID.lower()} Name RecipientKey", "value": "r1"}
    ]
    assert body["internetMessageHeaders"] == [{"name": "x-recipient-key", "value": "r1"}]


def test_messages_page_across_folders_in_a_shared_mailbox(service: GraphService) -> None:
    scopes = frozenset({"Mail.ReadWrite.Shared"})
    with harness.client(service, scopes=scopes) as graph:
        for index in range(12):
            response = graph.post(f"/users/{SALES}/messages", json=draft(f"s{index}"))
            assert response.status_code == 201
        first = graph.get(f"/users/{SALES}/messages", params={"$select": "subject"}).json()
        second = graph.get(first["@odata.nextLink"]).json()
    assert len(first["value"]) == 10
    assert len(second["value"]) == 2
    assert "@odata.nextLink" not in second


def test_mail_folders_by_well_known_name(graph: httpx.Client) -> None:
    names = [f["displayName"] for f in graph.get("/me/mailFolders").json()["value"]]
    assert {"Inbox", "Drafts", "Sent Items", "Outbox", "Deleted Items"} <= set(names)
    drafts = graph.get("/me/mailFolders/drafts").json()
    create(graph)
    assert graph.get(f"/me/mailFolders/{drafts['id']}").json()["totalItemCount"] == 1


def test_on_premises_mailbox_is_not_enabled_for_rest(wall: Clock) -> None:
    directory = Directory()
    for mailbox in demo_directory().mailboxes.values():
        directory.add(mailbox)
    directory.add(
        Mailbox(
            id="0a0b0c0d-0000-4000-8000-000000000001",
            upn="old@contoso.com",
            display_name="Old",
            mail="old@contoso.com",
            cloud=False,
            rights={DEMO_USER_ID: Rights(full_access=True)},
        )
    )
    service = GraphService(directory, TokenRegistry(), wall_clock=wall, sending=SendPolicy.instant())
    with harness.client(service) as client:
        response = client.get("/users/old@contoso.com/messages")
    assert error(response)[:2] == (404, "MailboxNotEnabledForRESTAPI")
    service.close()
