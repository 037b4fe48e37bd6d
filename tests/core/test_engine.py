"""A campaign sends every ready row exactly once through the emulator, in order, and reports each step."""

from __future__ import annotations

import email
from pathlib import Path

from securemailmerge.campaign.engine import Campaign
from securemailmerge.campaign.events import Finished, RowSent, Started
from securemailmerge.campaign.journal import SENT
from securemailmerge.sandbox.directory import DEMO_USER
from securemailmerge.sandbox.graph import GraphService
from securemailmerge.template.model import Template
from tests.campaign_support import graph_maker, new_campaign, schema_problems


def addresses(service: GraphService) -> list[str]:
    """The To address of every message that left Ada's mailbox."""
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
    assert len(routes.requests) == 24
    assert schema_problems(routes.requests) == []


def attachment_names(service: GraphService) -> list[list[tuple[str, int]]]:
    """The attachments (name, size) of every sent message, in sending order."""
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
