"""Non-delivery reports are matched to their rows with readable reasons; a 5.1.90 report pauses the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from securemailmerge.campaign.bounces import BounceReader, reason_text
from securemailmerge.campaign.engine import Campaign
from securemailmerge.campaign.events import Finished, Paused, RowBounced
from securemailmerge.campaign.journal import BOUNCED, SENT, Journal
from securemailmerge.campaign.pacing import Pacing, Scheduler
from securemailmerge.campaign.sender import Mailbox
from securemailmerge.campaign.suppression import DoNotContact
from securemailmerge.sandbox.graph import GraphService, SendPolicy
from tests.campaign_support import graph_maker, new_campaign

REJECTING = "gone@example.com"
NO_MAILBOX = "nobody@contoso.onmicrosoft.com"


@pytest.fixture
def graph_options() -> dict[str, Any]:
    """Exchange without delays: messages leave and reports arrive at the next request."""
    return {"sending": SendPolicy.instant(rejecting=(REJECTING,), recipients_per_day=8)}


def run(journal: Journal, service: GraphService, tmp_path: Path) -> list[Any]:
    make, factory, _ = graph_maker(service, tmp_path)
    return list(Campaign(journal, make, factory, bounce_every=0.0).run())


def test_bounced_rows_get_their_code_and_reason(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 4, addresses={1: REJECTING, 2: NO_MAILBOX})
    events = run(journal, service, tmp_path)
    assert isinstance(events[-1], Finished)
    bounced = {e.row: (e.code, e.reason) for e in events if isinstance(e, RowBounced)}
    assert bounced == {
        3: ("5.1.1", "The address does not exist (unknown recipient)."),
        4: ("5.1.10", "The recipient was not found in their organisation (unknown address)."),
    }
    assert (journal.row("r3").state, journal.row("r3").code) == (BOUNCED, "5.1.1")
    assert journal.counts()[SENT] == 2
    # Reading again finds nothing new.
    mailbox = Mailbox(
        graph_maker(service, tmp_path)[0](lambda e: None, lambda s: None), None, Scheduler(Pacing())
    )
    assert BounceReader(journal, mailbox).check().bounced == []


def test_two_looks_at_the_inbox_at_once_report_a_bounce_once(service: GraphService, tmp_path: Path) -> None:
    """The app and the command line (or two clicks) read the Inbox together: one of them reports."""
    journal = new_campaign(tmp_path, 3, addresses={1: REJECTING})
    run(journal, service, tmp_path)
    # As if the report had come after the run: the row is sent, its report waits in the Inbox.
    journal.update("r3", SENT, code=None, reason=None)
    make, factory, _ = graph_maker(service, tmp_path)

    def reader(journal: Journal) -> BounceReader:
        return BounceReader(
            journal, Mailbox(make(lambda e: None, lambda s: None), factory, Scheduler(Pacing()))
        )

    other = reader(Journal.open(journal.folder))
    found_by_other: list[RowBounced] = []
    matched = journal.by_internet_message_id

    def matched_then_other_looks(message_id: str) -> Any:
        rows = matched(message_id)  # this look has read the row as sent...
        if rows and not found_by_other:
            found_by_other.extend(other.check().bounced)  # ...and the other look records the bounce
        return rows

    journal.by_internet_message_id = matched_then_other_looks  # type: ignore[method-assign]
    mine = reader(journal).check().bounced
    assert [(b.row, b.code) for b in found_by_other + mine] == [(3, "5.1.1")]
    assert (journal.row("r3").state, journal.row("r3").code) == (BOUNCED, "5.1.1")
    other.journal.close()


def test_the_daily_limit_bounce_pauses_the_campaign_with_its_reason(
    service: GraphService, tmp_path: Path
) -> None:
    journal = new_campaign(tmp_path, 12)
    events = run(journal, service, tmp_path)
    paused = events[-1]
    assert isinstance(paused, Paused)
    assert "daily limit" in paused.reason
    assert "5.1.90" in paused.reason
    assert any(isinstance(e, RowBounced) and e.code == "5.1.90" for e in events)
    assert journal.setting("status") == "paused"
    assert journal.counts()[SENT] < 12  # it stopped instead of sending into more bounces


def test_an_unsubscribe_reply_puts_the_sender_on_the_list(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 2)
    run(journal, service, tmp_path)
    make, factory, _ = graph_maker(service, tmp_path)
    graph = make(lambda e: None, lambda s: None)
    reply = {
        "subject": "RE: Hello Person 1",
        "body": {"contentType": "Text", "content": "Unsubscribe\n\nThanks"},
        "from": {"emailAddress": {"address": "r1@example.com"}},
    }
    graph.post("/me/mailFolders/inbox/messages", reply)
    dnc = DoNotContact(tmp_path / "dnc.csv")
    found = BounceReader(journal, Mailbox(graph, factory, Scheduler(Pacing())), dnc).check()
    assert found.unsubscribed == ["r1@example.com"]
    assert "R1@example.com" in DoNotContact(tmp_path / "dnc.csv")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("5.2.2", "mailbox is full"),
        ("5.4.310", "domain does not exist"),
        ("5.7.1", "refused"),
        ("5.3.0", "5.3.0"),
    ],
)
def test_codes_read_as_reasons(code: str, words: str) -> None:
    assert words in reason_text(code)
