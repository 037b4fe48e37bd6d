"""Who receives what: tenant inboxes, the tenant-wide external limit, refusing servers, Send As reports."""

from __future__ import annotations

import base64
import email
import email.policy
from datetime import datetime
from email.message import EmailMessage
from typing import Any

import httpx
import pytest

from securemailmerge.sandbox.directory import DEMO_USER, SALES, TENANT_DOMAIN, demo_directory
from securemailmerge.sandbox.graph import FaultProfile, GraphService, SendPolicy, harness
from securemailmerge.sandbox.tokens import TokenRegistry
from tests.helpers import Clock


@pytest.fixture
def wall() -> Clock:
    return Clock(1_767_225_600.0)


@pytest.fixture
def graph_options(wall: Clock) -> dict[str, Any]:
    """Instant delivery, a tenant-wide limit of five external recipients, one refusing address."""
    policy = SendPolicy.instant(external_limit=5, rejecting=("gone@fabrikam.com",))
    return {"wall_clock": wall, "sending": policy}


def send(graph: httpx.Client, to: list[str], subject: str = "Hallo", **extra: object) -> str:
    body = {"subject": subject, "toRecipients": [{"emailAddress": {"address": a}} for a in to], **extra}
    message_id = str(graph.post("/me/messages", json=body).json()["id"])
    assert graph.post(f"/me/messages/{message_id}/send").status_code == 202
    return message_id


def test_a_tenant_recipient_finds_the_message_in_its_inbox_without_the_bcc(
    service: GraphService, graph: httpx.Client
) -> None:
    send(graph, [SALES], bccRecipients=[{"emailAddress": {"address": "secret@example.com"}}])
    (received,) = service.inspect.messages(SALES, "inbox")
    assert received["subject"] == "Hallo"
    assert received["isRead"] is False
    assert received["bccRecipients"] == []
    assert received["from"]["emailAddress"]["address"] == DEMO_USER
    assert [d["from"] for d in service.inspect.delivered(SALES)] == [DEMO_USER]


def test_an_inline_image_arrives_beside_its_html_and_a_file_beside_both(
    service: GraphService, graph: httpx.Client
) -> None:
    def attachment(name: str, kind: str, inline: bool) -> dict[str, object]:
        found = {"@odata.type": "#microsoft.graph.fileAttachment", "name": name, "contentType": kind}
        extra = {"isInline": True, "contentId": "logo@example"} if inline else {}
        return {**found, **extra, "contentBytes": base64.b64encode(b"data").decode()}

    send(
        graph,
        ["ok@example.com"],
        body={"contentType": "html", "content": '<p>Hi</p><img src="cid:logo@example">'},
        attachments=[
            attachment("logo.png", "image/png", True),
            attachment("Agenda.pdf", "application/pdf", False),
        ],
    )
    (delivered,) = service.inspect.delivered("ok@example.com")
    message = email.message_from_string(delivered["mime"], policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message.get_content_type() == "multipart/mixed"
    related = message.get_body(("related",))
    assert related is not None
    assert [(p.get_content_type(), p["Content-ID"]) for p in related.iter_parts()] == [
        ("text/html", None),
        ("image/png", "<logo@example>"),
    ]
    assert [p.get_filename() for p in message.iter_attachments()] == ["Agenda.pdf"]


def test_past_the_tenant_external_limit_external_recipients_bounce_with_5_7_233(
    service: GraphService, graph: httpx.Client
) -> None:
    send(graph, [f"p{i}@example.com" for i in range(4)])
    send(graph, ["p4@example.com", "p5@example.com", SALES], "Zu viele")
    bounces = service.inspect.bounces(DEMO_USER)
    assert [(b["recipient"], b["status"]) for b in bounces] == [
        ("p4@example.com", "5.7.233"),
        ("p5@example.com", "5.7.233"),
    ]
    assert len(service.inspect.messages(SALES, "inbox")) == 1  # the tenant recipient still got it
    limits = service.inspect.limits(DEMO_USER)
    assert (limits["tenantExternalLast24Hours"], limits["tenantExternalPerDay"]) == (4, 5)
    (report,) = service.inspect.messages(DEMO_USER, "inbox")
    assert report["subject"] == "Undeliverable: Zu viele"


def test_microsofts_formula_gives_the_tenant_external_limit() -> None:
    assert SendPolicy().external_recipients_per_day(1) == 10_000
    assert SendPolicy(licenses=100).external_recipients_per_day(1) == 22_059
    assert SendPolicy(licenses=1_000).external_recipients_per_day(1) == 72_446
    assert SendPolicy(trial=True, licenses=1_000).external_recipients_per_day(1) == 5_000


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("gone@fabrikam.com", "5.1.1"),
        ("someone@nowhere.invalid", "5.4.310"),
        ("someone@mail.test", "5.4.310"),
        (f"nobody@{TENANT_DOMAIN}", "5.1.10"),
    ],
)
def test_recipients_exchange_cannot_reach_bounce_with_their_code(
    service: GraphService, graph: httpx.Client, address: str, code: str
) -> None:
    message_id = send(graph, [address, "ok@example.com"])
    (bounce,) = service.inspect.bounces(DEMO_USER)
    assert (bounce["messageId"], bounce["recipient"], bounce["status"]) == (message_id, address, code)
    assert [d["messageId"] for d in service.inspect.delivered("ok@example.com")] == [message_id]
    (report,) = service.inspect.messages(DEMO_USER, "inbox")
    mime = service.inspect.mime(str(report["id"]))
    assert mime is not None
    assert f"Status: {code}" in mime


def test_a_send_as_report_goes_to_the_shared_mailbox(service: GraphService, graph: httpx.Client) -> None:
    send(graph, [f"nobody@{TENANT_DOMAIN}"], **{"from": {"emailAddress": {"address": SALES}}})
    assert service.inspect.messages(DEMO_USER, "inbox") == []
    (report,) = service.inspect.messages(SALES, "inbox")
    assert report["subject"] == "Undeliverable: Hallo"


def test_a_burst_leaves_thirty_a_minute_in_the_order_it_was_sent(wall: Clock) -> None:
    service = GraphService(demo_directory(), TokenRegistry(), wall_clock=wall, sending=SendPolicy.instant())
    with harness.client(service) as graph:
        for index in range(95):
            body = {
                "subject": f"{index:03d}",
                "toRecipients": [{"emailAddress": {"address": "a@example.com"}}],
            }
            message_id = graph.post("/me/messages", json=body).json()["id"]
            graph.post(f"/me/messages/{message_id}/send")
        assert service.settle() == 95 - 30  # the first 30 left at once; the rest once each, not put off again
    sent = sorted((m["subject"], m["sentDateTime"]) for m in service.inspect.messages(DEMO_USER, "sentitems"))
    service.close()
    minutes = [
        (datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() - wall.now) // 60
        for _, stamp in sent
    ]
    assert minutes == [0] * 30 + [1] * 30 + [2] * 30 + [3] * 5


def test_the_time_scale_shrinks_the_delays_in_real_time() -> None:
    service = GraphService(demo_directory(), TokenRegistry(), time_scale=0.001)  # 1-4 s become 1-4 ms
    with harness.client(service) as graph:
        send(graph, ["ana@example.es", f"nobody@{TENANT_DOMAIN}"])
        service.wait_delivered(timeout=5)
        assert len(graph.get("/me/mailFolders/sentitems/messages").json()["value"]) == 1
        assert len(graph.get("/me/mailFolders/inbox/messages").json()["value"]) == 1
    service.close()


def test_a_message_deleted_from_the_outbox_never_leaves(wall: Clock) -> None:
    service = GraphService(demo_directory(), TokenRegistry(), wall_clock=wall)
    with harness.client(service) as graph:
        message_id = send(graph, ["ana@example.es"])
        assert graph.delete(f"/me/messages/{message_id}").status_code == 204
        wall.now += 10
        assert graph.get("/me/mailFolders/sentitems/messages").json()["value"] == []
    assert service.inspect.delivered("ana@example.es") == []
    service.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seed=7,submit_delay=0", {"seed": 7, "min_submit_delay": 0.0, "max_submit_delay": 0.0}),
        ("ndr_delay=2-9,licenses=25", {"min_ndr_delay": 2.0, "max_ndr_delay": 9.0, "licenses": 25}),
        (
            "undeliverable=old.example.org+gone.example.net",
            {"undeliverable": ("old.example.org", "gone.example.net")},
        ),
        ("concurrency=app+mailbox,trial=true", {"concurrency": "app+mailbox", "trial": True}),
    ],
)
def test_sending_settings_parse(text: str, expected: dict[str, object]) -> None:
    policy = SendPolicy.parse(text)
    assert {name: getattr(policy, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("seed", "Sending settings look like name=value, not 'seed'."),
        ("speed=3", "Unknown sending setting 'speed'"),
        ("licenses=many", "The sending setting licenses needs a number, not 'many'."),
        ("submit_delay=5-1", "The range of submit_delay must not end before it starts."),
        ("licenses=-1", "The sending setting licenses cannot be negative."),
        ("concurrency=mailbox", "concurrency is app or app+mailbox, not 'mailbox'."),
    ],
)
def test_bad_sending_settings_are_named(text: str, message: str) -> None:
    with pytest.raises(
        ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")
    ):
        SendPolicy.parse(text)


def test_some_injected_503s_carry_retry_after() -> None:
    profile = FaultProfile.parse("9:none,unavailable=1")
    injector = profile.injector()
    hints = [injector.next().hint_on_503 for _ in range(200)]
    assert 50 < sum(hints) < 150
    again = profile.injector()
    assert [again.next().hint_on_503 for _ in range(200)] == hints  # the same seed, the same 503s
    service = GraphService(demo_directory(), TokenRegistry(), faults=profile)
    with harness.client(service) as graph:
        answers = [graph.get("/me/messages") for _ in range(20)]
    service.close()
    assert {a.status_code for a in answers} == {503}
    assert {a.json()["error"]["code"] for a in answers} == {"ErrorServerBusy"}
    with_hint = [a for a in answers if "Retry-After" in a.headers]
    assert 0 < len(with_hint) < len(answers)
    assert all(a.headers["Retry-After"] in {"1", "2", "3"} for a in with_hint)
