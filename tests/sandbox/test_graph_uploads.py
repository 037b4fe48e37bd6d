"""Upload sessions take 3-150 MB in ordered chunks of at most 4 MB, with no token, until they expire."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from securemailmerge.sandbox.directory import SALES
from securemailmerge.sandbox.graph import GraphService, harness
from tests.helpers import Clock

MB = 1024 * 1024


@pytest.fixture
def clock() -> Clock:
    """A monotonic clock the test moves by hand."""
    return Clock(1000.0)


@pytest.fixture
def graph_options(clock: Clock) -> dict[str, Any]:
    """The emulator of these tests reads the hand-moved monotonic clock."""
    return {"clock": clock}


def session(client: httpx.Client, size: int, prefix: str = "/me") -> tuple[str, str]:
    draft = client.post(f"{prefix}/messages", json={"subject": "Katalog"})
    assert draft.status_code == 201
    message_id = draft.json()["id"]
    response = client.post(
        f"{prefix}/messages/{message_id}/attachments/createUploadSession",
        json={"AttachmentItem": {"attachmentType": "file", "name": "Katalog 2026.pdf", "size": size}},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["nextExpectedRanges"] == ["0-"]
    assert body["uploadUrl"].startswith(harness.UPLOAD_BASE)
    return message_id, body["uploadUrl"]


def put(
    client: httpx.Client, url: str, data: bytes, start: int, total: int, **headers: str
) -> httpx.Response:
    content_range = f"bytes {start}-{start + len(data) - 1}/{total}"
    # A bare request: the client's Authorization header must not go to the upload URL.
    sent = {"Content-Range": content_range, "Content-Type": "application/octet-stream", **headers}
    request = httpx.Request("PUT", url, content=data, headers=sent)
    return client.send(request)


def test_chunks_in_order_then_201_with_location(graph: httpx.Client) -> None:
    content = bytes(range(256)) * (5 * MB // 256) + b"tail"
    message_id, url = session(graph, len(content))
    first = put(graph, url, content[: 4 * MB], 0, len(content))
    assert first.status_code == 200
    assert first.json()["nextExpectedRanges"] == [str(4 * MB)]
    last = put(graph, url, content[4 * MB :], 4 * MB, len(content))
    assert last.status_code == 201
    assert last.content == b""
    assert f"messages('{message_id}')/attachments('" in last.headers["Location"]
    (attachment,) = graph.get(f"/me/messages/{message_id}/attachments").json()["value"]
    assert attachment["name"] == "Katalog 2026.pdf"
    assert attachment["size"] == len(content)
    assert base64.b64decode(attachment["contentBytes"]) == content
    assert graph.get(f"/me/messages/{message_id}", params={"$select": "hasAttachments"}).json()[
        "hasAttachments"
    ]
    assert put(graph, url, b"x", 0, len(content)).status_code == 404  # the session is finished


@pytest.mark.parametrize(
    ("start", "size", "headers", "status", "code"),
    [
        (0, MB, {"Authorization": "Bearer at.x"}, 401, "InvalidAuthenticationToken"),
        (MB, MB, {}, 416, "InvalidRange"),
        (0, 4 * MB + 1, {}, 413, "RequestEntityTooLarge"),
        (0, MB, {"Content-Type": "text/plain"}, 400, "ErrorInvalidRequest"),
    ],
)
def test_chunks_graph_refuses(
    graph: httpx.Client, start: int, size: int, headers: dict[str, str], status: int, code: str
) -> None:
    _, url = session(graph, 6 * MB)
    response = put(graph, url, b"a" * size, start, 6 * MB, **headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_missing_content_range_is_400(graph: httpx.Client) -> None:
    _, url = session(graph, 4 * MB)
    response = graph.send(httpx.Request("PUT", url, content=b"abc"))
    assert response.status_code == 400


def test_session_expires_fifteen_minutes_after_the_last_chunk(graph: httpx.Client, clock: Clock) -> None:
    _, url = session(graph, 5 * MB)
    clock.now += 14 * 60
    assert put(graph, url, b"a" * MB, 0, 5 * MB).status_code == 200
    clock.now += 14 * 60
    assert put(graph, url, b"a" * MB, MB, 5 * MB).status_code == 200
    clock.now += 16 * 60
    response = put(graph, url, b"a" * MB, 2 * MB, 5 * MB)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "ErrorItemNotFound"


@pytest.mark.parametrize(
    ("size", "code"),
    [
        (3 * MB - 1, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize"),
        (150 * MB + 1, "ErrorAttachmentSizeLimitExceeded"),
    ],
)
def test_session_sizes_graph_refuses(graph: httpx.Client, size: int, code: str) -> None:
    message_id = graph.post("/me/messages", json={"subject": "x"}).json()["id"]
    response = graph.post(
        f"/me/messages/{message_id}/attachments/createUploadSession",
        json={"AttachmentItem": {"attachmentType": "file", "name": "a.bin", "size": size}},
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code


def test_a_chunk_without_a_content_type_is_refused(graph: httpx.Client) -> None:
    _, url = session(graph, 4 * MB)
    request = httpx.Request(
        "PUT", url, content=b"a" * MB, headers={"Content-Range": f"bytes 0-{MB - 1}/{4 * MB}"}
    )
    response = graph.send(request)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "ErrorInvalidRequest")


@pytest.mark.parametrize(("size", "status"), [(26 * MB, 201), (27 * MB, 400)])
def test_a_session_that_would_pass_the_message_size_limit_is_refused(
    graph: httpx.Client, size: int, status: int
) -> None:
    # 35 MB per message, attachments counted base64-encoded: 26 MB fits, 27 MB (36 MB encoded) does not.
    message_id = graph.post("/me/messages", json={"subject": "x"}).json()["id"]
    response = graph.post(
        f"/me/messages/{message_id}/attachments/createUploadSession",
        json={"AttachmentItem": {"attachmentType": "file", "name": "a.bin", "size": size}},
    )
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"]["code"] == "ErrorMessageSizeExceeded"


def test_sessions_in_a_shared_mailbox_fail_at_the_first_chunk(service: GraphService) -> None:
    with harness.client(service, scopes=frozenset({"Mail.ReadWrite.Shared"})) as client:
        _, url = session(client, 4 * MB, prefix=f"/users/{SALES}")
        response = put(client, url, b"a" * MB, 0, 4 * MB)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "ErrorAccessDenied"


def test_cancelled_session_is_gone(graph: httpx.Client) -> None:
    _, url = session(graph, 4 * MB)
    assert graph.send(httpx.Request("DELETE", url)).status_code == 204
    assert put(graph, url, b"a", 0, 4 * MB).status_code == 404
