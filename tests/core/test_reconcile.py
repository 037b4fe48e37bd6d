"""After a crash at any step, resume settles each row from the mailbox: nobody gets two messages or none."""

from __future__ import annotations

import email
from pathlib import Path

from securemailmerge.campaign.engine import Campaign
from securemailmerge.campaign.events import Finished, Reconciled, Waiting
from securemailmerge.campaign.journal import DRAFTED, PLANNED, SENDING, SENT, Journal
from securemailmerge.campaign.pacing import Pacing, Scheduler
from securemailmerge.campaign.plan import Renderer
from securemailmerge.campaign.reconcile import UNCONFIRMED
from securemailmerge.campaign.sender import Mailbox, message_body, row_tag, tags
from securemailmerge.sandbox.directory import DEMO_USER, DEMO_USER_ID
from securemailmerge.sandbox.graph import GraphService
from tests.campaign_support import graph_maker, new_campaign


class Crash:
    """What a process killed at some step leaves: a journal and a mailbox that may not agree."""

    def __init__(self, service: GraphService, tmp_path: Path, rows: int = 3) -> None:
        self.service = service
        self.tmp_path = tmp_path
        self.journal = new_campaign(tmp_path, rows)
        self.journal.set_setting("started", True)
        make, self.factory, _ = graph_maker(service, tmp_path)
        self.make = make
        self.mailbox = Mailbox(make(lambda e: None, lambda s: None), self.factory, Scheduler(Pacing()))
        self.renderer = Renderer(self.journal.settings())

    def draft(self, key: str, *, fingerprint: str | None = None) -> str:
        """A tagged draft for the row, as the create call makes it."""
        row = self.journal.row(key)
        message = self.renderer.message(key, row.recipient)
        tag = f"{key}.{fingerprint}" if fingerprint else row_tag(message)
        body = {
            **message_body(message),
            "singleValueExtendedProperties": tags(self.journal.setting("id"), tag),
        }
        return self.mailbox.create(body).id

    def resume(self, **options: object) -> list[object]:
        journal = Journal.open(self.journal.folder)
        return list(Campaign(journal, self.make, self.factory, grace=0.5, **options).run())  # type: ignore[arg-type]

    def delivered(self) -> list[str]:
        self.service.settle()
        return sorted(
            str(email.message_from_string(m["mime"])["To"]) for m in self.service.inspect.sent(DEMO_USER)
        )


EVERYONE = [f"Person {i} <r{i}@example.com>" for i in range(3)]


def test_a_draft_made_before_the_journal_knew_is_adopted(service: GraphService, tmp_path: Path) -> None:
    crash = Crash(service, tmp_path)
    crash.draft("r2")  # killed between the create and its commit: the row is still planned
    events = crash.resume()
    assert crash.delivered() == EVERYONE
    assert any(isinstance(e, Reconciled) and e.key == "r2" and e.state == DRAFTED for e in events)
    assert service.inspect.messages(DEMO_USER, "drafts") == []


def test_a_stale_or_doubled_draft_is_replaced(service: GraphService, tmp_path: Path) -> None:
    crash = Crash(service, tmp_path)
    crash.draft("r2", fingerprint="0000000000000000")  # made from content the plan no longer has
    crash.draft("r3")
    crash.draft("r3")  # a create whose answer was lost, then made again
    crash.resume()
    assert crash.delivered() == EVERYONE
    sent = service.inspect.messages(DEMO_USER, "sentitems")
    assert len(sent) == 3
    assert len(service.inspect.messages(DEMO_USER, "deleteditems")) == 2


def test_a_send_that_was_accepted_before_the_kill_is_not_sent_again(
    service: GraphService, tmp_path: Path
) -> None:
    crash = Crash(service, tmp_path)
    draft = crash.draft("r2")
    crash.journal.update("r2", SENDING, message_id=draft, sent_at=1.0)
    crash.mailbox.send(draft)  # the 202 came, the process died before committing "sent"
    service.settle()  # by the time it is resumed, the copy is in Sent Items
    events = crash.resume()
    assert crash.delivered() == EVERYONE
    assert crash.journal.row("r2").state == SENT
    assert any(isinstance(e, Reconciled) and e.key == "r2" and "Sent Items" in e.how for e in events)


def test_a_send_that_never_arrived_is_asked_for_again_with_the_same_draft(
    service: GraphService, tmp_path: Path
) -> None:
    crash = Crash(service, tmp_path)
    draft = crash.draft("r2")
    crash.journal.update("r2", SENDING, message_id=draft, sent_at=1.0)  # killed before the request left
    crash.resume()
    assert crash.delivered() == EVERYONE
    assert crash.journal.row("r2").message_id == draft


def test_a_send_whose_copy_has_not_arrived_is_waited_for_never_resent(
    service: GraphService, tmp_path: Path
) -> None:
    crash = Crash(service, tmp_path)
    draft = crash.draft("r2")
    crash.journal.update("r2", SENDING, message_id=draft, sent_at=1.0)
    crash.mailbox.send(draft)
    service.settle()
    # The copy is on its way: no folder shows it yet (as Exchange may, for a while).
    store = service.emulator.store
    folder = store.folder(DEMO_USER_ID, "mail", "sentitems")
    assert folder is not None
    with store.transaction():
        for item in store.items(DEMO_USER_ID, "message", [folder.id]):
            store.delete_item(item)
    events = crash.resume()
    assert any(isinstance(e, Waiting) and e.why == "copy" for e in events)
    row = crash.journal.row("r2")
    assert (row.state, row.code) == (SENT, UNCONFIRMED)
    assert crash.delivered() == EVERYONE  # r2 once (before the crash), the others once now
    assert isinstance(events[-1], Finished)


def test_a_row_with_no_draft_starts_again(service: GraphService, tmp_path: Path) -> None:
    crash = Crash(service, tmp_path)
    crash.journal.update("r2", DRAFTED, message_id="AAMk-gone")  # the user deleted the draft
    crash.resume()
    assert crash.delivered() == EVERYONE
    assert crash.journal.row("r2").state == SENT
    assert PLANNED not in {row.state for row in crash.journal.rows()}


def test_a_send_whose_copy_waits_in_the_outbox_counts_as_sent(service: GraphService, tmp_path: Path) -> None:
    crash = Crash(service, tmp_path)
    draft = crash.draft("r2")
    crash.journal.update("r2", SENDING, message_id=draft, sent_at=1.0)
    crash.mailbox.send(draft)  # accepted; Exchange holds it in the Outbox for a few seconds
    assert [m["id"] for m in service.inspect.messages(DEMO_USER, "outbox")] == [draft]
    events = crash.resume()
    assert any(isinstance(e, Reconciled) and e.key == "r2" and "on its way" in e.how for e in events)
    assert crash.delivered() == EVERYONE
