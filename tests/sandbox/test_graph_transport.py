"""After the 202, as in Exchange: Sent Items later, NDRs matched by id, limits that bite, one timeline a seed.

Each test signs in with the real msal library (device code) and talks plain HTTPS to the Sandbox; the
Sandbox's wall clock is moved by hand, so each timeline is exact.
"""

from __future__ import annotations

import email
import email.policy
import html
import ssl
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import msal
import pytest
import requests

from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER, TENANT_DOMAIN, Mailbox
from securemailmerge.sandbox.graph import SendPolicy
from tests.helpers import Clock

SCOPES = ["User.Read", "Mail.ReadWrite", "Mail.Send"]
START = 1_767_225_600.0  # 2026-01-01T00:00:00Z
MESSAGE_FIELDS = "subject,sentDateTime,receivedDateTime,internetMessageId,internetMessageHeaders,from,body"


def signed_in(sandbox: Sandbox, upn: str = DEMO_USER) -> httpx.Client:
    """Sign ``upn`` in with msal's device-code flow; a Graph client that sends its token."""
    session = requests.Session()
    session.trust_env = False
    session.verify = str(sandbox.ca_file)
    app = msal.PublicClientApplication(
        CLIENT_ID,
        authority=sandbox.authority_url,
        instance_discovery=False,
        http_client=session,
    )
    flow = app.initiate_device_flow(scopes=SCOPES)
    sandbox.approve_device_code(flow["user_code"], upn)
    result = app.acquire_token_by_device_flow(flow)
    assert "access_token" in result, result
    return httpx.Client(
        base_url=sandbox.graph_url,
        verify=ssl.create_default_context(cafile=str(sandbox.ca_file)),
        trust_env=False,
        timeout=30,
        headers={"Authorization": f"Bearer {result['access_token']}", "Prefer": 'IdType="ImmutableId"'},
    )


@pytest.fixture
def wall() -> Clock:
    """The Sandbox's wall clock, moved by hand."""
    return Clock(START)


@pytest.fixture
def sandbox(wall: Clock) -> Iterator[Sandbox]:
    with Sandbox(wall_clock=wall, sending=SendPolicy(seed=7)) as running:
        yield running


def draft(graph: httpx.Client, to: list[str], subject: str = "Einladung", *, bcc: bool = False) -> str:
    people = [{"emailAddress": {"address": a}} for a in to]
    body = {
        "subject": subject,
        "body": {"contentType": "HTML", "content": "<p>Hallo</p>"},
        "bccRecipients" if bcc else "toRecipients": people,
    }
    response = graph.post("/me/messages", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def send(graph: httpx.Client, message_id: str) -> None:
    response = graph.post(f"/me/messages/{message_id}/send")
    assert response.status_code == 202, response.text
    assert response.content == b""


def folder(graph: httpx.Client, name: str) -> list[dict[str, object]]:
    response = graph.get(
        f"/me/mailFolders/{name}/messages", params={"$select": MESSAGE_FIELDS, "$top": "1000"}
    )
    assert response.status_code == 200, response.text
    return list(response.json()["value"])


def header(message: dict[str, object], name: str) -> str:
    headers = message["internetMessageHeaders"]
    assert isinstance(headers, list)
    return next(h["value"] for h in headers if h["name"].lower() == name.lower())


def at(stamp: object) -> float:
    return datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).timestamp()


def test_the_sent_items_copy_appears_only_after_the_delay(sandbox: Sandbox, wall: Clock) -> None:
    with signed_in(sandbox) as graph:
        message_id = draft(graph, ["ana@example.es"])
        send(graph, message_id)
        assert folder(graph, "sentitems") == []  # accepted is not sent: a client must not conclude "lost"
        waiting = graph.get(f"/me/messages/{message_id}", params={"$select": "isDraft,parentFolderId"}).json()
        assert waiting["isDraft"] is False
        assert waiting["parentFolderId"] == graph.get("/me/mailFolders/outbox").json()["id"]
        wall.now += 5  # the default submit delay is 1 to 4 seconds
        (sent,) = folder(graph, "sentitems")
    assert sent["subject"] == "Einladung"
    assert START < at(sent["sentDateTime"]) <= START + 4
    (delivered,) = sandbox.graph.inspect.delivered("ana@example.es")
    assert delivered["messageId"] == message_id


@pytest.mark.parametrize(
    ("language", "prefix", "reason"),
    [
        ("en-US", "Undeliverable: ", "wasn't found at"),
        ("de-DE", "Unzustellbar: ", "wurde bei"),
        ("es-ES", "No se puede entregar: ", "No se encontró a"),
    ],
)
def test_a_bounce_for_an_unknown_tenant_address_matches_its_original(
    wall: Clock, language: str, prefix: str, reason: str
) -> None:
    upn = f"jo@{TENANT_DOMAIN}"
    tenant = Sandbox(wall_clock=wall, sending=SendPolicy(seed=7))
    tenant.directory.add(
        Mailbox(id=f"user-{language}", upn=upn, display_name="Jo", mail=upn, language=language)
    )
    with tenant as sandbox:
        nobody = f"nobody@{TENANT_DOMAIN}"
        with signed_in(sandbox, upn) as graph:
            send(graph, draft(graph, [nobody, "ana@example.es"]))
            wall.now += 5
            (sent,) = folder(graph, "sentitems")
            assert folder(graph, "inbox") == []  # the report comes later than the Sent Items copy
            wall.now += 30  # the default report delay is 5 to 30 seconds after the message left
            (report,) = folder(graph, "inbox")
            mime = sandbox.graph.inspect.mime(
                str(graph.get("/me/mailFolders/inbox/messages").json()["value"][0]["id"])
            )
    assert report["subject"] == prefix + "Einladung"
    assert report["from"] == {
        "emailAddress": {
            "name": "Microsoft Outlook",
            "address": f"MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@{TENANT_DOMAIN}",
        }
    }
    original_id = sent["internetMessageId"]
    assert header(report, "In-Reply-To") == original_id
    assert header(report, "References") == original_id
    assert reason in html.unescape(str(report["body"]))
    assert mime is not None
    parsed = email.message_from_string(mime, policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/report"
    assert parsed.get_param("report-type") == "delivery-status"
    (status,) = [part for part in parsed.walk() if part.get_content_type() == "message/delivery-status"]
    blocks = status.get_payload()
    assert isinstance(blocks, list)
    (failed,) = [b for b in blocks if b.get("Final-Recipient")]
    assert failed["Final-Recipient"] == f"rfc822;{nobody}"
    assert (failed["Action"], failed["Status"]) == ("failed", "5.1.10")
    assert "RESOLVER.ADR.RecipientNotFound" in failed["Diagnostic-Code"]
    (headers,) = [part for part in parsed.walk() if part.get_content_type() == "text/rfc822-headers"]
    assert f"Message-ID: {original_id}" in str(headers.get_payload())


def test_the_thirty_first_message_of_a_minute_leaves_in_the_next_minute(
    sandbox: Sandbox, wall: Clock
) -> None:
    with signed_in(sandbox) as graph:
        drafts = [draft(graph, [f"p{i}@example.com"], f"Nachricht {i:02d}") for i in range(31)]
        for message_id in drafts:
            send(graph, message_id)
        wall.now += 5
        assert len(folder(graph, "sentitems")) == 30
        (queued,) = folder(graph, "outbox")  # queued, not refused
        assert queued["subject"] == "Nachricht 30"
        assert [m["id"] for m in sandbox.graph.inspect.queued(DEMO_USER)] == [drafts[30]]
        wall.now += 60
        sent = {str(m["subject"]): at(m["sentDateTime"]) for m in folder(graph, "sentitems")}
    assert len(sent) == 31
    first_minute = [t for s, t in sent.items() if s != "Nachricht 30"]
    assert max(first_minute) < START + 60 <= sent["Nachricht 30"] < START + 65


def test_the_ten_thousand_and_first_recipient_bounces_with_5_1_90_and_blocks_the_mailbox(
    sandbox: Sandbox, wall: Clock
) -> None:
    with signed_in(sandbox) as graph:
        for batch in range(20):
            send(
                graph,
                draft(graph, [f"r{batch}-{i}@example.com" for i in range(500)], f"Teil {batch}", bcc=True),
            )
            wall.now += 2  # 20 messages in 40 seconds: the per-minute rate is not what stops them
        wall.now += 5
        assert len(folder(graph, "sentitems")) == 20
        limits = sandbox.graph.inspect.limits(DEMO_USER)
        assert (limits["recipientsLast24Hours"], limits["blockedUntil"]) == (10_000, None)
        send(graph, draft(graph, ["one.more@example.com"], "Noch einer"))  # still 202
        wall.now += 40
        (report,) = folder(graph, "inbox")
        assert report["subject"] == "Undeliverable: Noch einer"
        assert "daily limit for message recipients" in str(report["body"])
        (bounce,) = sandbox.graph.inspect.bounces(DEMO_USER)
        assert (bounce["recipient"], bounce["status"]) == ("one.more@example.com", "5.1.90")
        limits = sandbox.graph.inspect.limits(DEMO_USER)
        assert limits["blockedUntil"] is not None
        send(graph, draft(graph, ["ana@example.es"], "Blockiert"))  # blocked: accepted, then bounced
        wall.now += 40
        assert [b["status"] for b in sandbox.graph.inspect.bounces(DEMO_USER)] == ["5.1.90", "5.1.90"]
        assert sandbox.graph.inspect.delivered("ana@example.es") == []
        wall.now += 24 * 3600
        send(graph, draft(graph, ["ana@example.es"], "Am nächsten Tag"))
        wall.now += 5
    assert len(sandbox.graph.inspect.delivered("ana@example.es")) == 1
    assert sandbox.graph.inspect.limits(DEMO_USER)["blockedUntil"] is None


def timeline(seed: int) -> list[tuple[str, str, str | None]]:
    """Send the same five messages at the same moments; what left when, and when each report arrived."""
    clock = Clock(START)
    with Sandbox(wall_clock=clock, sending=SendPolicy(seed=seed)) as sandbox, signed_in(sandbox) as graph:
        for index in range(5):
            to = [f"p{index}@example.com"] + ([f"gone{index}@{TENANT_DOMAIN}"] if index % 2 else [])
            send(graph, draft(graph, to, f"Nachricht {index}"))
            clock.now += 1.5
        clock.now += 120
        sent = sorted((str(m["subject"]), str(m["sentDateTime"])) for m in folder(graph, "sentitems"))
        reports = {
            str(m["subject"]).removeprefix("Undeliverable: "): str(m["receivedDateTime"])
            for m in folder(graph, "inbox")
        }
        queued_due = [b["reportDue"] for b in sandbox.graph.inspect.bounces(DEMO_USER)]
    assert len(queued_due) == 2
    return [(subject, stamp, reports.get(subject)) for subject, stamp in sent] + [
        ("due", d, None) for d in queued_due
    ]


def test_the_same_seed_gives_the_same_timeline() -> None:
    first, again, other = timeline(3), timeline(3), timeline(4)
    assert first == again
    assert first != other  # the seed does decide the delays


def test_instant_delivery_for_tests_that_only_want_the_outcome(instant_sandbox: Sandbox) -> None:
    with signed_in(instant_sandbox) as graph:
        send(graph, draft(graph, ["x@nowhere.invalid", "ana@example.es"]))
        (sent,) = folder(graph, "sentitems")
        (report,) = folder(graph, "inbox")
    (bounce,) = instant_sandbox.graph.inspect.bounces(DEMO_USER)
    assert header(report, "In-Reply-To") == sent["internetMessageId"] == bounce["internetMessageId"]
    assert bounce["status"] == "5.4.310"
    (delivered,) = instant_sandbox.graph.inspect.delivered("ana@example.es")
    assert delivered["internetMessageId"] == sent["internetMessageId"]


def test_settle_runs_everything_queued_at_its_own_time() -> None:
    with Sandbox(sending=SendPolicy(seed=1)) as sandbox, signed_in(sandbox) as graph:
        before = time.time()
        send(graph, draft(graph, ["ana@example.es", "nobody@" + TENANT_DOMAIN]))
        assert sandbox.graph.settle() == 2  # the message leaves, then its report arrives
        (sent,) = folder(graph, "sentitems")
        (report,) = folder(graph, "inbox")
    assert at(report["receivedDateTime"]) - at(sent["sentDateTime"]) >= 4  # the report delay kept its place
    assert at(sent["sentDateTime"]) >= int(before)


def test_a_draft_looks_like_graphs(sandbox: Sandbox) -> None:
    with signed_in(sandbox) as graph:
        body = {
            "subject": "Entwurf",
            "body": {"contentType": "HTML", "content": "<p>Grüße</p>"},
            "toRecipients": [
                {"emailAddress": {"address": "sales@" + TENANT_DOMAIN}},
                {"emailAddress": {"address": "x@example.com"}},
            ],
        }
        created = graph.post("/me/messages", json=body).json()
    assert created["sentDateTime"] == created["createdDateTime"] == "2026-01-01T00:00:00Z"
    content = created["body"]["content"]
    assert content.startswith("<html><head>")
    assert "<body>\r\n<p>Grüße</p>\r\n</body>" in content
    assert [r["emailAddress"]["name"] for r in created["toRecipients"]] == ["Sales Team", "x@example.com"]


@pytest.mark.parametrize("top", ["0", "1001"])
def test_top_outside_one_to_a_thousand_is_400(sandbox: Sandbox, top: str) -> None:
    with signed_in(sandbox) as graph:
        response = graph.get("/me/messages", params={"$top": top})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "BadRequest"


def test_over_five_hundred_recipients_is_refused_at_send(sandbox: Sandbox) -> None:
    with signed_in(sandbox) as graph:
        message_id = draft(graph, [f"p{i}@example.com" for i in range(501)], bcc=True)
        response = graph.post(f"/me/messages/{message_id}/send")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ErrorExceededMaxRecipientLimit"


def test_a_deferred_send_waits_in_the_outbox_then_leaves_the_same_way(sandbox: Sandbox, wall: Clock) -> None:
    later = datetime.fromtimestamp(START + 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with signed_in(sandbox) as graph:
        message_id = draft(graph, ["ana@example.es"], "Später")
        patched = graph.patch(
            f"/me/messages/{message_id}",
            json={"singleValueExtendedProperties": [{"id": "SystemTime 0x3FEF", "value": later}]},
        )
        assert patched.status_code == 200
        send(graph, message_id)
        wall.now += 600
        assert folder(graph, "sentitems") == []
        assert [m["subject"] for m in folder(graph, "outbox")] == ["Später"]
        wall.now += 3000 + 5
        (sent,) = folder(graph, "sentitems")
    assert START + 3600 <= at(sent["sentDateTime"]) <= START + 3604
