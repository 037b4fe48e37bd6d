"""Preparing one row's draft, complete with attachments, with each step in the journal before the next.

``planned -> drafted(message id) -> ready``: the draft is created (or the template draft copied and
then given the row's content), its id committed, then its attachments added, then ``ready``
committed. A create whose answer was lost may still have made the draft, so before creating again
the row's tag is looked up in Drafts; a draft found there is adopted and any extra one deleted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from securemailmerge.campaign.journal import DRAFTED, READY, Journal, JournalRow
from securemailmerge.campaign.plan import RowMessage
from securemailmerge.campaign.sender import (
    TEMPLATE_KEY,
    Draft,
    Mailbox,
    file_attachment,
    file_name,
    message_body,
    row_tag,
    split_attachments,
    tags,
    transient,
)
from securemailmerge.errors import GraphError, NetworkError
from securemailmerge.i18n import translate

log = logging.getLogger(__name__)

CREATE_TRIES = 6


@dataclass(frozen=True)
class Prepared:
    """A row whose draft is complete: its id, Internet message id and the bytes it uploaded."""

    key: str
    message_id: str
    internet_message_id: str | None
    uploaded: int


class Drafter:
    """Makes drafts for the rows of one campaign."""

    def __init__(self, mailbox: Mailbox, journal: Journal, campaign_id: str) -> None:
        self.mailbox = mailbox
        self.journal = journal
        self.campaign_id = campaign_id
        self.template_id: str | None = journal.setting("template_draft")

    def prepare(self, row: JournalRow, message: RowMessage, deferred: datetime | None) -> Prepared:
        """Make the row's draft complete (or finish one a crash left), committing each step."""
        via_template = self.template_id is not None
        parts = message.attachments + message.images
        inline, posted, sessions = split_attachments(parts, via_template=via_template)
        if via_template:
            # A copy is given its content by PATCH, which cannot carry attachments.
            inline, posted = [], inline + posted
        if row.state == DRAFTED and row.message_id:
            draft = Draft(row.message_id, row.internet_message_id)
            have = set(self.mailbox.attachment_names(draft.id)) if posted or sessions else set()
            posted = [a for a in posted if file_name(a) not in have]
            sessions = [a for a in sessions if file_name(a) not in have]
        else:
            draft = self._create(message, inline, deferred)
            # With nothing left to attach the draft is complete: one commit says so.
            self.journal.update(
                row.key,
                DRAFTED if posted or sessions else READY,
                message_id=draft.id,
                internet_message_id=draft.internet_message_id,
                attempts=row.attempts + 1,
            )
            if not (posted or sessions):
                return Prepared(row.key, draft.id, draft.internet_message_id, 0)
        uploaded = self.mailbox.attach(draft.id, posted, sessions)
        self.journal.update(row.key, READY)
        return Prepared(row.key, draft.id, draft.internet_message_id, uploaded)

    def _create(self, message: RowMessage, inline: list[Any], deferred: datetime | None) -> Draft:
        tag = row_tag(message)
        body = {
            **message_body(message),
            "singleValueExtendedProperties": tags(self.campaign_id, tag, deferred),
        }
        for attempt in range(1, CREATE_TRIES + 1):
            try:
                if self.template_id is not None:
                    copy = self.mailbox.copy(self.template_id)
                    return self.mailbox.update(copy.id, body)
                return self.mailbox.create(
                    {**body, "attachments": [file_attachment(a) for a in inline]} if inline else body
                )
            except (GraphError, NetworkError) as error:
                if not transient(error) or attempt == CREATE_TRIES:
                    raise
                log.info("Creating a draft got no clear answer (%s); looking for it", type(error).__name__)
                found = self.adopt(tag)
                if found is not None:
                    return found
        raise AssertionError("the loop returns or raises")

    def adopt(self, tag: str) -> Draft | None:
        """The draft with this tag if one exists (extra copies deleted), else None."""
        drafts = [f for f in self.mailbox.find("drafts", self.campaign_id, tag) if f.is_draft]
        for extra in drafts[1:]:
            self.mailbox.delete(extra.id)
        if not drafts:
            return None
        return Draft(drafts[0].id, drafts[0].internet_message_id)

    def ensure_template(self, message: RowMessage) -> int:
        """Upload the large common attachments once into a tagged template draft; returns bytes sent."""
        large = [a for a in message.attachments if a.common and a.large]
        if not large or self.template_id is not None:
            return 0
        for leftover in self.mailbox.find("drafts", self.campaign_id, TEMPLATE_KEY):
            self.mailbox.delete(leftover.id)
        body = {
            "subject": translate("Campaign", "SecureMailMerge: attachments shared by a campaign"),
            "body": {"contentType": "Text", "content": ""},
            "singleValueExtendedProperties": tags(self.campaign_id, TEMPLATE_KEY),
        }
        if message.sender:
            body["from"] = {"emailAddress": {"address": message.sender}}
        draft = self._create_template(body)
        uploaded = self.mailbox.attach(draft.id, [], large)
        self.journal.set_setting("template_draft", draft.id)
        self.template_id = draft.id
        return uploaded

    def _create_template(self, body: dict[str, Any]) -> Draft:
        for attempt in range(1, CREATE_TRIES + 1):
            try:
                return self.mailbox.create(body)
            except (GraphError, NetworkError) as error:
                if not transient(error) or attempt == CREATE_TRIES:
                    raise
                found = self.adopt(TEMPLATE_KEY)
                if found is not None:
                    return found
        raise AssertionError("the loop returns or raises")


def deferred_time(moment: float | None) -> datetime | None:
    """A deferred send time for Graph, or None to send at once."""
    return None if moment is None else datetime.fromtimestamp(moment, UTC)
