"""Drafts, attachments and sends through Microsoft Graph, each request through the scheduler's four slots.

Every draft lives in the signed-in user's mailbox (``/me``; ``from`` names a shared mailbox when
sending as one, since upload sessions inside a shared mailbox fail with delegated rights) and is
tagged with two single-value extended properties under one fixed GUID: ``CampaignId`` (the
campaign) and ``RecipientKey`` (the row key and its content fingerprint, ``r17.ab12...``). Only the
values vary, so the mailbox's quota of property names is never used up.

Attachments under 3 MB travel in the create call while the request stays under about 4 MB, else by
``POST .../attachments``; from 3 MB through an upload session whose chunks of at most 4 MB carry no
Authorization header. Large attachments common to every message go once into a template draft that
is copied (``/copy``) per recipient. When an answer is lost (a dropped connection, a 504 after the
work), the draft's attachments are listed to see what arrived before anything is uploaded again.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from securemailmerge.campaign.mime import named_to
from securemailmerge.campaign.pacing import Scheduler
from securemailmerge.campaign.plan import Attachment, RowMessage
from securemailmerge.errors import GraphError, NetworkError, SecureMailMergeError
from securemailmerge.i18n import translate
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory

log = logging.getLogger(__name__)

TAG_GUID = "66f5a359-4659-4830-9070-00047ec6ac6e"
CAMPAIGN_PROP = f"String {{{TAG_GUID}}} Name CampaignId"
KEY_PROP = f"String {{{TAG_GUID}}} Name RecipientKey"
DEFERRED_SEND_PROP = "SystemTime 0x3FEF"
TEMPLATE_KEY = "template"
CHUNK = 4 * 1024 * 1024 - 64 * 1024  # under 4 MB, and a multiple of 320 KiB as Graph recommends
INLINE_BUDGET = 2_500_000  # raw bytes: base64 makes them about 3.3 MB, the request stays under 4 MB
LARGE = 3 * 1024 * 1024
UPLOAD_TRIES = 5
FOLDERS = ("drafts", "outbox", "sentitems")
_SELECT = "id,isDraft,internetMessageId,subject"
_EXPAND = f"singleValueExtendedProperties($filter=id eq '{KEY_PROP}' or id eq '{CAMPAIGN_PROP}')"


@dataclass(frozen=True)
class Draft:
    """A draft as created: its immutable id and its Internet message id."""

    id: str
    internet_message_id: str | None


@dataclass(frozen=True)
class Found:
    """A tagged message found in a folder."""

    id: str
    folder: str
    tag: str
    is_draft: bool
    internet_message_id: str | None


def transient(error: Exception) -> bool:
    """True for errors after which the request may or may not have been done (lost answer, 5xx)."""
    if isinstance(error, NetworkError):
        return True
    return isinstance(error, GraphError) and (error.status >= 500 or error.status == 429)


def row_tag(message: RowMessage) -> str:
    """The RecipientKey value of a row's draft: its key and content fingerprint."""
    return f"{message.key}.{message.fingerprint}"


def _address(address: str, name: str = "") -> dict[str, Any]:
    entry: dict[str, str] = {"address": address}
    if name:
        entry["name"] = name
    return {"emailAddress": entry}


def file_attachment(attachment: Attachment) -> dict[str, Any]:
    """A small attachment as a ``fileAttachment`` with its bytes (inline with its content id for an image)."""
    body = {
        "@odata.type": "#microsoft.graph.fileAttachment",
        "name": file_name(attachment),
        "contentType": attachment.content_type,
        "contentBytes": base64.b64encode(attachment.read()).decode("ascii"),
    }
    return {**body, **_inline(attachment)}


def _inline(attachment: Attachment) -> dict[str, Any]:
    if attachment.content_id is None:
        return {}
    return {"isInline": True, "contentId": attachment.content_id}


def file_name(attachment: Attachment) -> str:
    """The name the recipient sees: the file's own name, without the folders."""
    return attachment.name.replace("\\", "/").rsplit("/", 1)[-1]


def message_body(message: RowMessage) -> dict[str, Any]:
    """The Graph message of a row: subject, HTML body, addresses and ``from`` when set."""
    recipient = message.recipient
    body: dict[str, Any] = {
        "subject": message.rendered.subject,
        "body": {"contentType": "HTML", "content": message.rendered.html},
        "toRecipients": [_address(address, name) for name, address in named_to(recipient)],
    }
    for key, addresses in (
        ("ccRecipients", recipient.cc),
        ("bccRecipients", recipient.bcc),
        ("replyTo", recipient.reply_to),
    ):
        if addresses:
            body[key] = [_address(a, recipient.display_name(a)) for a in addresses]
    if message.sender:
        body["from"] = _address(message.sender)
    return body


def tags(campaign_id: str, tag: str, deferred: datetime | None = None) -> list[dict[str, str]]:
    """The extended properties that tag a draft (and hold its deferred send time)."""
    props = [{"id": CAMPAIGN_PROP, "value": campaign_id}, {"id": KEY_PROP, "value": tag}]
    if deferred is not None:
        stamp = deferred.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        props.append({"id": DEFERRED_SEND_PROP, "value": stamp})
    return props


def split_attachments(
    attachments: Sequence[Attachment], *, via_template: bool
) -> tuple[list[Attachment], list[Attachment], list[Attachment]]:
    """(inline in the create call, by the attachments call, by upload session); template ones left out."""
    inline: list[Attachment] = []
    posted: list[Attachment] = []
    sessions: list[Attachment] = []
    budget = INLINE_BUDGET
    for attachment in attachments:
        if via_template and attachment.common and attachment.large:
            continue
        if attachment.size >= LARGE:
            sessions.append(attachment)
        elif attachment.size <= budget:
            inline.append(attachment)
            budget -= attachment.size
        else:
            posted.append(attachment)
    return inline, posted, sessions


class Mailbox:
    """The Graph calls of a campaign, each taking one of the scheduler's request slots."""

    def __init__(self, graph: GraphClient, factory: HttpFactory | None, scheduler: Scheduler) -> None:
        self.graph = graph
        self.factory = factory
        self.scheduler = scheduler

    def create(self, body: Mapping[str, Any]) -> Draft:
        """``POST /me/messages``: a new draft in Drafts."""
        with self.scheduler.request():
            answer = self.graph.post("/me/messages", body)
        if answer is None or not isinstance(answer.get("id"), str):
            raise SecureMailMergeError(
                translate("Campaign", "Microsoft Graph created a draft without an id.")
            )
        imid = answer.get("internetMessageId")
        return Draft(answer["id"], imid if isinstance(imid, str) else None)

    def copy(self, template_id: str) -> Draft:
        """``POST /me/messages/{id}/copy`` into Drafts: the template draft with its attachments."""
        with self.scheduler.request():
            answer = self.graph.post(f"/me/messages/{template_id}/copy", {"DestinationId": "drafts"})
        if answer is None or not isinstance(answer.get("id"), str):
            raise SecureMailMergeError(translate("Campaign", "Microsoft Graph copied a draft without an id."))
        return Draft(answer["id"], None)

    def update(self, message_id: str, body: Mapping[str, Any]) -> Draft:
        """``PATCH /me/messages/{id}``."""
        with self.scheduler.request():
            answer = self.graph.patch(f"/me/messages/{message_id}", body)
        imid = answer.get("internetMessageId")
        return Draft(message_id, imid if isinstance(imid, str) else None)

    def send(self, message_id: str) -> None:
        """``POST /me/messages/{id}/send``: 202, accepted (not yet delivered)."""
        with self.scheduler.request():
            self.graph.post(f"/me/messages/{message_id}/send", None)

    def delete(self, message_id: str) -> None:
        """``DELETE /me/messages/{id}``."""
        with self.scheduler.request():
            self.graph.delete(f"/me/messages/{message_id}")

    def attachment_names(self, message_id: str) -> dict[str, int]:
        """The draft's attachments by name, with their sizes."""
        with self.scheduler.request():
            items = list(
                self.graph.iter_collection(
                    f"/me/messages/{message_id}/attachments", params={"$select": "name,size"}
                )
            )
        return {str(item.get("name")): int(item.get("size") or 0) for item in items}

    def find(self, folder: str, campaign_id: str, tag: str | None = None) -> list[Found]:
        """The campaign's tagged messages in a folder (only those with RecipientKey ``tag`` when given)."""
        clause = f"ep/id eq '{CAMPAIGN_PROP}' and ep/value eq '{campaign_id}'"
        if tag is not None:
            clause = f"ep/id eq '{KEY_PROP}' and ep/value eq '{_quoted(tag)}'"
        params = {
            "$select": _SELECT,
            "$filter": f"singleValueExtendedProperties/Any(ep: {clause})",
            "$expand": _EXPAND,
            "$top": "500",
        }
        found = []
        for item in self.pages(f"/me/mailFolders/{folder}/messages", params):
            props = {
                p.get("id", "").casefold(): p.get("value")
                for p in item.get("singleValueExtendedProperties") or []
            }
            if props.get(CAMPAIGN_PROP.casefold()) != campaign_id:
                continue
            imid = item.get("internetMessageId")
            found.append(
                Found(
                    id=str(item["id"]),
                    folder=folder,
                    tag=str(props.get(KEY_PROP.casefold()) or ""),
                    is_draft=bool(item.get("isDraft")),
                    internet_message_id=imid if isinstance(imid, str) else None,
                )
            )
        return found

    def pages(self, path: str, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Every item of a collection, each page taking one request slot."""
        pages = self.graph.iter_collection(path, params=params)
        while True:
            with self.scheduler.request():
                item = next(pages, None)
            if item is None:
                return
            yield item

    # attachments ------------------------------------------------------------------------------------

    def add_small(self, message_id: str, attachment: Attachment) -> None:
        """``POST .../attachments`` with the file's bytes."""
        with self.scheduler.request():
            self.graph.post(f"/me/messages/{message_id}/attachments", file_attachment(attachment))

    def upload(self, message_id: str, attachment: Attachment) -> int:
        """An upload session and its chunks; returns the bytes sent."""
        item = {
            "AttachmentItem": {
                "attachmentType": "file",
                "name": file_name(attachment),
                "size": attachment.size,
                "contentType": attachment.content_type,
                **_inline(attachment),
            }
        }
        with self.scheduler.request():
            session = self.graph.post(f"/me/messages/{message_id}/attachments/createUploadSession", item)
        url = session.get("uploadUrl") if session else None
        if not isinstance(url, str):
            raise SecureMailMergeError(
                translate("Campaign", "Microsoft Graph opened an upload session without an address.")
            )
        if self.factory is not None:
            self.factory.allow_upload_url(url)
        sent = 0
        with attachment.open() as handle:
            start = 0
            while start < attachment.size:
                chunk = handle.read(CHUNK)
                if not chunk:
                    break
                with self.scheduler.request(upload_bytes=len(chunk)):
                    self.graph.upload_chunk(url, chunk, start, attachment.size)
                start += len(chunk)
                sent += len(chunk)
        return sent

    def attach(self, message_id: str, posted: Iterable[Attachment], sessions: Iterable[Attachment]) -> int:
        """Add the attachments, checking after a lost answer what arrived; returns the bytes uploaded."""
        sent = 0
        wanted = [(a, False) for a in posted] + [(a, True) for a in sessions]
        for attachment, by_session in wanted:
            for attempt in range(1, UPLOAD_TRIES + 1):
                try:
                    if by_session:
                        sent += self.upload(message_id, attachment)
                    else:
                        self.add_small(message_id, attachment)
                        sent += attachment.size
                    break
                except (GraphError, NetworkError) as error:
                    if not transient(error) and not (isinstance(error, GraphError) and error.status == 416):
                        raise
                    if attempt == UPLOAD_TRIES:
                        raise
                    log.info("Attachment upload interrupted (%s); checking the draft", type(error).__name__)
                    # Only a finished upload creates the attachment, so its name means it all arrived.
                    if file_name(attachment) in self.attachment_names(message_id):
                        break
        return sent


def _quoted(value: str) -> str:
    return value.replace("'", "''")
