"""Inspection shows mailboxes, folders, messages, sent MIME and counters; a state file survives restarts."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from securemailmerge.sandbox.directory import DEMO_USER, SALES, demo_directory
from securemailmerge.sandbox.graph import GraphService, harness
from securemailmerge.sandbox.tokens import TokenRegistry


def inspection(service: GraphService, remote: str = "127.0.0.1") -> httpx.Client:
    transport = httpx.WSGITransport(app=service.graph_app, remote_addr=remote)
    return httpx.Client(transport=transport, base_url="https://graph.sandbox.test/_sandbox")


def send_one(service: GraphService) -> str:
    with harness.client(service) as graph:
        body = {"subject": "Grüße", "toRecipients": [{"emailAddress": {"address": "ana@example.es"}}]}
        message_id = graph.post("/me/messages", json=body).json()["id"]
        assert graph.post(f"/me/messages/{message_id}/send").status_code == 202
        assert graph.get("/me/messages/nothere").status_code == 404
    return str(message_id)


def test_http_views(service: GraphService) -> None:
    message_id = send_one(service)
    with inspection(service) as client:
        (queued,) = client.get(f"/mailboxes/{DEMO_USER}/queued").json()["value"]
        assert queued["id"] == message_id  # accepted, in the Outbox until its submit delay passes
        assert client.post("/settle").json() == {"ran": 1}
        assert client.get(f"/mailboxes/{DEMO_USER}/queued").json()["value"] == []
        mailboxes = {m["address"]: m for m in client.get("/mailboxes").json()["value"]}
        assert mailboxes[SALES]["shared"] is True
        folders = {
            f["wellKnownName"]: f for f in client.get(f"/mailboxes/{DEMO_USER}/folders").json()["value"]
        }
        assert folders["sentitems"]["totalItemCount"] == 1
        (message,) = client.get(f"/mailboxes/{DEMO_USER}/messages", params={"folder": "sentitems"}).json()[
            "value"
        ]
        assert (message["id"], message["subject"], message["folder"]) == (message_id, "Grüße", "sentitems")
        (sent,) = client.get(f"/mailboxes/{DEMO_USER}/sent").json()["value"]
        assert sent["recipients"] == 1
        mime = client.get(f"/messages/{message_id}/mime")
        assert mime.headers["Content-Type"] == "message/rfc822"
        assert mime.text == sent["mime"]
        assert "To: ana@example.es" in mime.text
        (delivered,) = client.get("/recipients/ana@example.es/messages").json()["value"]
        assert (delivered["messageId"], delivered["from"]) == (message_id, DEMO_USER)
        assert delivered["mime"] == sent["mime"]
        assert client.get(f"/mailboxes/{DEMO_USER}/bounces").json()["value"] == []
        limits = client.get(f"/mailboxes/{DEMO_USER}/limits").json()
        assert limits["recipientsLast24Hours"] == 1
        assert (limits["recipientsPerDay"], limits["messagesPerMinute"]) == (10_000, 30)
        assert limits["blockedUntil"] is None
        assert limits["tenantExternalPerDay"] == 10_000  # 500 x 1^0.7 + 9,500 for the one user
        counters = client.get("/counters").json()
        assert counters["requests"] == {DEMO_USER: 3}
        assert counters["errors"] == {DEMO_USER: {"ErrorItemNotFound": 1}}
        assert client.post("/counters/reset").status_code == 204
        assert client.get("/counters").json()["requests"] == {}


@pytest.mark.parametrize(
    ("path", "status"),
    [("/mailboxes/nobody@example.com/folders", 404), ("/messages/unknown/mime", 404), ("/elsewhere", 404)],
)
def test_unknown_things_are_404(service: GraphService, path: str, status: int) -> None:
    with inspection(service) as client:
        assert client.get(path).status_code == status


def test_only_loopback_clients_may_inspect(service: GraphService) -> None:
    with inspection(service, remote="192.0.2.7") as client:
        assert client.get("/mailboxes").status_code == 403


def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    state = str(tmp_path / "graph.sqlite")
    first = GraphService(demo_directory(), TokenRegistry(), state=state)
    message_id = send_one(first)
    first.close()
    second = GraphService(demo_directory(), TokenRegistry(), state=state)
    (waiting,) = second.inspect.messages(DEMO_USER, "outbox")  # the queue survives the restart
    assert waiting["id"] == message_id
    second.settle()
    (message,) = second.inspect.messages(DEMO_USER, "sentitems")
    assert message["id"] == message_id
    with harness.client(second) as graph:
        contacts = graph.get("/me/contacts", params={"$count": "true", "$top": "1"}).json()
    assert contacts["@odata.count"] == 120  # seeded once, not twice
    second.close()
