"""A campaign sends every ready row exactly once through the emulator, in order, and reports each step."""

from __future__ import annotations

import email
import time
from pathlib import Path
from typing import Any

from securemailmerge.campaign.engine import Campaign, Control
from securemailmerge.campaign.events import (
    Cancelled,
    Finished,
    RowDrafted,
    RowScheduled,
    RowSent,
    Started,
    Stopped,
)
from securemailmerge.campaign.journal import READY, SCHEDULED, SENT, Journal
from securemailmerge.sandbox.directory import BOARD, DEMO_USER, SALES
from securemailmerge.sandbox.graph import GraphService
from securemailmerge.template.model import Template
from tests.campaign_support import graph_maker, new_campaign, schema_problems


def addresses(service: GraphService) -> list[str]:
    """The To address of every message that left Ada's mailbox, once every queued one has left."""
    service.settle()
    return [str(email.message_from_string(m["mime"])["To"]) for m in service.inspect.sent(DEMO_USER)]


def test_every_row_gets_one_message_with_two_requests_each(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 12)
    make, factory, routes = graph_maker(service, tmp_path)
    events = list(Campaign(journal, make, factory).run())
    assert isinstance(events[0], Started)
    assert isinstance(events[-1], Finished)
    assert events[-1].counts[SENT] == 12
    assert [e.row for e in events if isinstance(e, RowSent)] == list(range(2, 14))
    assert sorted(addresses(service)) == sorted(f"Person {i} <r{i}@example.com>" for i in range(12))
    inbox = [r for r in routes.requests if "/mailFolders/inbox/" in r.url.path]
    assert (len(routes.requests) - len(inbox), len(inbox)) == (24, 1)  # one look for bounces at the end
    assert schema_problems(routes.requests) == []


def attachment_names(service: GraphService) -> list[list[tuple[str, int]]]:
    """The attachments (name, size) of every sent message, in sending order."""
    service.settle()
    result = []
    for sent in service.inspect.sent(DEMO_USER):
        parsed = email.message_from_string(sent["mime"])
        result.append(
            sorted(
                (str(p.get_filename()), len(p.get_payload(decode=True) or b""))
                for p in parsed.walk()
                if p.get_filename()
            )
        )
    return result


def test_a_large_common_attachment_crosses_the_network_once(service: GraphService, tmp_path: Path) -> None:
    (tmp_path / "brochure.pdf").write_bytes(b"%PDF" + b"x" * (5 * 1024 * 1024))
    (tmp_path / "small.txt").write_text("small common file\n", encoding="utf-8")
    template = Template(
        subject="Hello {{ Name }}",
        html="<p>Dear {{ Name }}</p>",
        attachments=("brochure.pdf", "small.txt"),
        attachment_column="File",
    )
    journal = new_campaign(tmp_path, 6, template=template)
    make, factory, routes = graph_maker(service, tmp_path)
    campaign = Campaign(journal, make, factory)
    events = list(campaign.run())
    assert events[-1].counts[SENT] == 6
    big = 5 * 1024 * 1024 + 4
    assert attachment_names(service) == [
        sorted([("brochure.pdf", big), ("small.txt", 18), (f"own{i % 3}.txt", 10)]) for i in range(6)
    ]
    uploaded = sum(len(r.content) for r in routes.requests if r.method == "PUT")
    assert uploaded == big
    assert campaign.uploaded >= big
    assert schema_problems(routes.requests) == []
    # The template draft is gone once every row is sent.
    assert [
        m for m in service.inspect.messages(DEMO_USER, "drafts") if m["subject"].startswith("Secure")
    ] == []


def run(journal: Journal, service: GraphService, tmp_path: Path, **options: Any) -> list[Any]:
    make, factory, _ = graph_maker(service, tmp_path)
    return list(Campaign(journal, make, factory, **options).run())


def test_sending_as_a_shared_mailbox_puts_it_in_from(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 3, sender=SALES)
    events = run(journal, service, tmp_path)
    assert events[-1].counts[SENT] == 3
    service.settle()
    sent = [email.message_from_string(m["mime"]) for m in service.inspect.sent(DEMO_USER)]
    assert {str(m["From"]) for m in sent} == {f"Sales Team <{SALES}>"}
    # The copy lands in Ada's own Sent Items: that is where reconcile looks.
    assert len(service.inspect.messages(DEMO_USER, "sentitems")) == 3


def test_without_send_as_rights_the_campaign_stops_with_the_reason(
    service: GraphService, tmp_path: Path
) -> None:
    journal = new_campaign(tmp_path, 3, sender=BOARD)
    events = run(journal, service, tmp_path)
    stop = events[-1]
    assert isinstance(stop, Stopped)
    assert stop.code == "ErrorSendAsDenied"
    assert "Send As" in stop.reason
    assert journal.counts()[SENT] == 0
    assert journal.setting("status") == "stopped"
    assert service.inspect.sent(DEMO_USER) == []


def test_drafts_only_leaves_every_message_in_drafts(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 5, settings={"mode": "drafts"})
    events = run(journal, service, tmp_path)
    assert [e.row for e in events if isinstance(e, RowDrafted)] == [2, 3, 4, 5, 6]
    assert journal.counts()[READY] == 5
    assert len(service.inspect.messages(DEMO_USER, "drafts")) == 5
    assert service.inspect.sent(DEMO_USER) == []


def test_scheduled_messages_wait_in_the_outbox_paced(service: GraphService, tmp_path: Path) -> None:
    later = time.time() + 3600
    journal = new_campaign(tmp_path, 4, settings={"mode": "scheduled", "send_at": later, "per_minute": 30.0})
    events = run(journal, service, tmp_path)
    scheduled = [e for e in events if isinstance(e, RowScheduled)]
    assert [round(e.send_at - later) for e in scheduled] == [0, 2, 4, 6]
    outbox = service.inspect.messages(DEMO_USER, "outbox")
    assert len(outbox) == 4
    assert service.inspect.sent(DEMO_USER) == []
    assert journal.counts()[SCHEDULED] == 4


def test_cancel_deletes_the_unsent_drafts_it_made(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 30, settings={"per_minute": 60.0})
    make, factory, _ = graph_maker(service, tmp_path)
    control = Control()
    events = []
    for event in Campaign(journal, make, factory, control=control).run():
        events.append(event)
        if isinstance(event, RowSent):
            control.cancel()
    cancelled = events[-1]
    assert isinstance(cancelled, Cancelled)
    assert cancelled.deleted >= 1
    assert cancelled.left == ()
    service.settle()
    assert len(service.inspect.sent(DEMO_USER)) == 1
    assert [m for m in service.inspect.messages(DEMO_USER, "drafts")] == []
    assert journal.counts()[SENT] == 1
    assert journal.setting("status") == "cancelled"
