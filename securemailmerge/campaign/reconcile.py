"""After a restart: settle every row that is not final from what the mailbox holds, never sending twice.

Each row's tag is looked up in Drafts, Outbox and Sent Items (one listing of the campaign's tagged
messages per folder):

- a sent or held item with the row's key: the row is ``sent`` (or ``scheduled``); a draft left
  beside it is deleted, it must never go out;
- a row whose send was asked for (``sending``) and whose draft is still a draft: the send was not
  accepted, so the same draft is sent again (Exchange refuses to send one item twice);
- a ``sending`` row found nowhere: its copy may still be on its way to Sent Items; it is waited
  for and never sent again; after the grace period it counts as sent, unconfirmed;
- a row before sending: a draft whose content matches the plan is kept (and completed), stale or
  extra drafts are deleted, and without a draft the row starts again from ``planned``.

Template drafts other than the campaign's own are leftovers of an interrupted copy and deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from securemailmerge.campaign.events import Event, Reconciled, Waiting
from securemailmerge.campaign.journal import (
    DRAFTED,
    PLANNED,
    READY,
    SCHEDULED,
    SENDING,
    SENT,
    Journal,
    JournalRow,
)
from securemailmerge.campaign.plan import Renderer
from securemailmerge.campaign.sender import TEMPLATE_KEY, Found, Mailbox, row_tag
from securemailmerge.i18n import translate

OPEN = (PLANNED, DRAFTED, READY, SENDING)
UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True)
class Holdings:
    """The campaign's tagged messages by row key, per folder."""

    drafts: dict[str, list[Found]]
    held: dict[str, list[Found]]
    template: list[Found]


def _key(found: Found) -> str:
    return found.tag.split(".", 1)[0]


def holdings(mailbox: Mailbox, campaign_id: str) -> Holdings:
    """List the campaign's messages in Drafts, Outbox and Sent Items."""
    drafts: dict[str, list[Found]] = {}
    held: dict[str, list[Found]] = {}
    template: list[Found] = []
    for folder in ("drafts", "outbox", "sentitems"):
        for found in mailbox.find(folder, campaign_id):
            if found.tag == TEMPLATE_KEY:
                template.append(found)
            elif folder == "drafts" and found.is_draft:
                drafts.setdefault(_key(found), []).append(found)
            else:
                held.setdefault(_key(found), []).append(found)
    return Holdings(drafts, held, template)


class Reconciler:
    """Settles the open rows of one campaign against its mailbox."""

    def __init__(
        self,
        journal: Journal,
        mailbox: Mailbox,
        renderer: Renderer,
        campaign_id: str,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        grace: float = 600.0,
        poll: float = 15.0,
    ) -> None:
        self.journal = journal
        self.mailbox = mailbox
        self.renderer = renderer
        self.campaign_id = campaign_id
        self.clock = clock
        self.sleep = sleep
        self.grace = grace
        self.poll = poll

    def run(self, stop: Callable[[], bool] = lambda: False) -> Iterator[Event]:
        """Settle every open row; yields what was found and any wait for copies on their way."""
        rows = list(self.journal.rows(OPEN))
        found = holdings(self.mailbox, self.campaign_id)
        self._template(found.template)
        waiting: list[JournalRow] = []
        for row in rows:
            event = self._row(row, found)
            if event is None:
                waiting.append(row)
            elif event.how:
                yield event
        yield from self._wait_for_copies(waiting, stop)

    def _template(self, found: list[Found]) -> None:
        keep = self.journal.setting("template_draft")
        if keep is not None and keep not in {f.id for f in found}:
            self.journal.set_setting("template_draft", None)
        for leftover in found:
            if leftover.id != keep and leftover.folder == "drafts":
                self.mailbox.delete(leftover.id)

    def _row(self, row: JournalRow, found: Holdings) -> Reconciled | None:
        drafts = found.drafts.get(row.key, [])
        held = found.held.get(row.key, [])
        if held:
            for draft in drafts:
                self.mailbox.delete(draft.id)
            return self._left(row, held[0])
        if row.state == SENDING:
            if not drafts:
                return None
            keep = next((d for d in drafts if d.id == row.message_id), drafts[0])
            for extra in drafts:
                if extra is not keep:
                    self.mailbox.delete(extra.id)
            self.journal.update(row.key, READY, message_id=keep.id)
            how = translate("Campaign", "still a draft: its send was not accepted and is asked for again")
            return Reconciled(row.key, row.row, READY, how)
        tag = row_tag(self.renderer.message(row.key, row.recipient))
        good = [d for d in drafts if d.tag == tag]
        for other in [d for d in drafts if d not in good[:1]]:
            self.mailbox.delete(other.id)
        if not good:
            if row.state != PLANNED:
                self.journal.update(row.key, PLANNED, message_id=None, internet_message_id=None)
                how = translate("Campaign", "no current draft: it is made again")
                return Reconciled(row.key, row.row, PLANNED, how)
            return Reconciled(row.key, row.row, PLANNED, "")
        draft = good[0]
        if row.state == READY and row.message_id == draft.id:
            return Reconciled(row.key, row.row, READY, "")
        self.journal.update(
            row.key, DRAFTED, message_id=draft.id, internet_message_id=draft.internet_message_id
        )
        how = translate("Campaign", "draft found in Drafts: it is completed and sent")
        return Reconciled(row.key, row.row, DRAFTED, how)

    def _left(self, row: JournalRow, item: Found) -> Reconciled:
        # The Outbox also holds messages on their way out; only a time still ahead makes one scheduled.
        scheduled = item.folder == "outbox" and (row.sent_at or 0.0) > self.clock()
        state = SCHEDULED if scheduled else SENT
        self.journal.update(
            row.key,
            state,
            message_id=item.id,
            internet_message_id=item.internet_message_id or row.internet_message_id,
            sent_at=row.sent_at or self.clock(),
        )
        if scheduled:
            how = translate("Campaign", "found in the Outbox: it leaves at its scheduled time")
        elif item.folder == "outbox":
            how = translate("Campaign", "found in the Outbox: it was accepted and is on its way")
        else:
            how = translate("Campaign", "found in Sent Items: it was sent already")
        return Reconciled(row.key, row.row, state, how)

    def _wait_for_copies(self, waiting: list[JournalRow], stop: Callable[[], bool]) -> Iterator[Event]:
        """Rows whose send may have been accepted: wait for their copies, never send them again."""
        deadline = self.clock() + self.grace
        while waiting:
            if self.clock() >= deadline or stop():
                for row in waiting:
                    self.journal.update(
                        row.key,
                        SENT,
                        sent_at=row.sent_at or self.clock(),
                        code=UNCONFIRMED,
                        reason=translate(
                            "Campaign",
                            "Exchange accepted the message; its copy was not yet in Sent Items when checked.",
                        ),
                    )
                    yield Reconciled(row.key, row.row, SENT, translate("Campaign", "sent, not yet confirmed"))
                return
            until = min(deadline, self.clock() + self.poll)
            yield Waiting(until, "copy")
            while self.clock() < until and not stop():
                self.sleep(min(1.0, until - self.clock()))
            found = holdings(self.mailbox, self.campaign_id)
            still = []
            for row in waiting:
                held = found.held.get(row.key, [])
                if held:
                    yield self._left(row, held[0])
                else:
                    still.append(row)
            waiting = still
