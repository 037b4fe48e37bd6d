"""Sending: ``send`` (202; the draft moves to Sent Items), ``sendMail`` (202) and ``copy`` (201).

A draft whose ``SystemTime 0x3FEF`` (deferred send time) lies ahead waits in the Outbox and moves to
Sent Items when the emulator's clock passes it. ``from`` set to another mailbox needs Mail.Send.Shared
and Send As or Send on Behalf there, else 403 ErrorSendAsDenied. Exchange's limits: 500 recipients
per message, 10,000 recipients per rolling 24 hours, 35 MB per message. Every message that leaves is
kept as RFC 5322 MIME for the inspection API, whether or not it is saved in Sent Items.
"""

from __future__ import annotations

import email.policy
import re
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from securemailmerge.sandbox.directory import Mailbox
from securemailmerge.sandbox.graph import ids, odata
from securemailmerge.sandbox.graph.core import Call, Emulator, folder_or_404, mail_access, message_or_404
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphResponse, access_denied, now_iso
from securemailmerge.sandbox.graph.limits import MAX_RECIPIENTS_PER_MESSAGE
from securemailmerge.sandbox.graph.messages import create_item, message_entity, move
from securemailmerge.sandbox.graph.props import DEFERRED_SEND_TIME, parse_time
from securemailmerge.sandbox.graph.store import Item

Json = Any
MAX_MESSAGE_BYTES = 35 * 1024 * 1024
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SEND_AS_DENIED = (
    "The user account which was used to submit this request does not have the right to send mail on "
    "behalf of "
    "the specified sending account., Cannot submit message."
)


def _param(body: dict[str, Json], name: str) -> Json:
    return next((v for k, v in body.items() if k.lower() == name.lower()), None)


def _recipients(data: dict[str, Json]) -> list[str]:
    found = []
    for key in ("toRecipients", "ccRecipients", "bccRecipients"):
        for entry in data.get(key) or []:
            found.append(str((entry.get("emailAddress") or {}).get("address") or ""))
    return found


def _sender(call: Call, data: dict[str, Json]) -> tuple[dict[str, Json], dict[str, Json]]:
    """The ``from`` and ``sender`` the message leaves with, after checking the right to use them."""
    mailbox_from = {"emailAddress": {"name": call.mailbox.display_name, "address": call.mailbox.mail}}
    given = data.get("from") or mailbox_from
    address = str((given.get("emailAddress") or {}).get("address") or "")
    owner: Mailbox | None = call.emulator.directory.find(address)
    if owner is not None and owner.id == call.user.id:
        return given, given
    if not call.has_scope("Mail.Send.Shared"):
        raise access_denied()
    rights = call.emulator.directory.rights(call.user.id, owner) if owner else None
    if rights is None or not (rights.send_as or rights.send_on_behalf):
        raise GraphHttpError(403, "ErrorSendAsDenied", _SEND_AS_DENIED)
    if rights.send_as:
        return given, given
    user = call.user
    return given, {"emailAddress": {"name": user.display_name, "address": user.mail}}


def _check_sendable(call: Call, item: Item) -> int:
    """Exchange's checks before it accepts a message; returns its recipient count."""
    recipients = _recipients(item.data)
    if not recipients:
        raise GraphHttpError(
            400,
            "ErrorInvalidRecipients",
            "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
        )
    for address in recipients:
        if not _ADDRESS.match(address):
            raise GraphHttpError(
                400,
                "ErrorInvalidRecipients",
                f"At least one recipient isn't valid., Recipient '{address}' is not resolved. All recipients "
                "must "
                "be resolved before a message can be submitted.",
            )
    if len(recipients) > MAX_RECIPIENTS_PER_MESSAGE:
        raise GraphHttpError(
            400,
            "ErrorExceededMaxRecipientLimit",
            f"The message has {len(recipients)} recipients; Exchange accepts at most "
            f"{MAX_RECIPIENTS_PER_MESSAGE}.",
        )
    size = sum(meta.get("size", 0) for _, meta in call.store.attachment_meta(item.pk))
    if size + len(str(item.data.get("body"))) > MAX_MESSAGE_BYTES:
        raise GraphHttpError(
            400, "ErrorMessageSizeExceeded", "The message exceeds the maximum supported size."
        )
    return len(recipients)


def submit(call: Call, item: Item) -> None:
    """Accept a draft for sending: now, or held in the Outbox until its deferred send time."""
    count = _check_sendable(call, item)
    sender_from, sender = _sender(call, item.data)
    if not call.emulator.limits.send_recipients(call.mailbox.id, count):
        raise GraphHttpError(
            403, "ErrorExceededMessageLimit", "Cannot send mail. Daily Message/Recipient limit exceeded."
        )
    item.data["from"], item.data["sender"] = sender_from, sender
    item.data["isDraft"] = False
    deferred = call.store.props(item.pk).get(DEFERRED_SEND_TIME)
    due = parse_time(deferred) if deferred else None
    if due is not None and due > call.emulator.now():
        move(item, folder_or_404(call, "outbox"))
        item.release_at = now_iso(due)
        call.store.save_item(item)
        return
    deliver(call.emulator, item, call.mailbox)


def deliver(emulator: Emulator, item: Item, mailbox: Mailbox, *, keep: bool = True) -> None:
    """The message leaves: Sent Items (unless ``keep`` is False) and the MIME log."""
    sent_at = emulator.now() if item.release_at is None else parse_time(item.release_at) or emulator.now()
    stamp = now_iso(sent_at)
    item.data.update(sentDateTime=stamp, receivedDateTime=stamp, isDraft=False, isRead=True)
    item.release_at = None
    store = emulator.store
    with store.transaction():
        mime = to_mime(item, store.attachments(item.pk), sent_at)
        store.log_sent(mailbox.id, item.immutable_id, stamp, len(_recipients(item.data)), mime)
        if keep:
            sent = store.folder(mailbox.id, "mail", "sentitems")
            assert sent is not None
            move(item, sent)
            store.save_item(item)
        else:
            store.delete_item(item)


def release_due(emulator: Emulator, mailbox: Mailbox) -> int:
    """Send every deferred message of ``mailbox`` whose time has come; returns how many left."""
    with emulator.store.transaction():  # concurrent requests must not both deliver the same item
        due = emulator.store.due_items(mailbox.id, now_iso(emulator.now()))
        for item in due:
            deliver(emulator, item, mailbox)
    return len(due)


def send(call: Call) -> GraphResponse:
    """``POST .../messages/{id}/send``: 202, no body."""
    call.require_cloud_mailbox()
    call.require("Mail.Send", "Mail.Send.Shared")
    body = call.request.json()
    if isinstance(body, dict) and body:
        name = next(iter(body))
        raise GraphHttpError(
            400,
            "RequestBodyRead",
            f"The parameter '{name}' in the request payload is not a valid parameter for the operation "
            "'send'.",
        )
    with call.store.transaction():  # read and send as one step: two racing sends cannot both see a draft
        item = message_or_404(call)
        if not item.data.get("isDraft"):
            raise GraphHttpError(
                400, "ErrorInvalidOperation", "Only a draft can be sent; this message was sent already."
            )
        submit(call, item)
    return GraphResponse(202)


def send_mail(call: Call) -> GraphResponse:
    """``POST .../sendMail``: 202; the message is saved in Sent Items unless saveToSentItems is false."""
    call.require_cloud_mailbox()
    call.require("Mail.Send", "Mail.Send.Shared")
    body = call.body_object()
    message = _param(body, "message")
    if not isinstance(message, dict):
        raise GraphHttpError(400, "ErrorInvalidParameter", "Value cannot be null. Parameter name: Message")
    keep = _param(body, "saveToSentItems")
    with call.store.transaction():
        item = create_item(call, message, folder_or_404(call, "drafts"))
        submit(call, item)
        if keep is False and item.release_at is None:
            call.store.delete_item(item)
    return GraphResponse(202)


def copy(call: Call) -> GraphResponse:
    """``POST .../messages/{id}/copy``: 201 with the copy, its attachments copied server-side."""
    mail_access(call, write=True)
    item = message_or_404(call)
    body = call.body_object()
    destination = _param(body, "destinationId")
    if not isinstance(destination, str) or not destination:
        raise GraphHttpError(
            400, "ErrorInvalidParameter", "Value cannot be null. Parameter name: DestinationId"
        )
    folder = folder_or_404(call, destination)
    store = call.store
    with store.transaction():
        data = dict(item.data)
        data["createdDateTime"] = data["lastModifiedDateTime"] = now_iso(call.emulator.now())
        clone = store.add_item(
            Item(0, ids.immutable_id(), ids.rest_id(), call.mailbox.id, "message", folder.id, data),
            store.props(item.pk),
        )
        for _, meta, content in store.attachments(item.pk):
            store.add_attachment(clone.pk, ids.attachment_id(), meta, content)
    entity = message_entity(
        call.emulator,
        clone,
        odata.Options(),
        immutable=call.request.prefers_immutable_ids,
        base_url=call.request.base_url,
    )
    return GraphResponse(
        201, {"@odata.context": f"{call.context_base}/messages/$entity", **entity}, call.ids_header()
    )


def _address(entry: dict[str, Json] | None) -> str:
    email_address = (entry or {}).get("emailAddress") or {}
    address = email_address.get("address") or ""
    name = email_address.get("name") or ""
    return formataddr(("" if name == address else name, address))


def to_mime(item: Item, attachments: list[tuple[str, dict[str, Json], bytes]], sent_at: Any) -> str:
    """The message as RFC 5322 text, as the recipients receive it (no Bcc header)."""
    data = item.data
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = _address(data.get("from"))
    if data.get("sender") and data.get("sender") != data.get("from"):
        message["Sender"] = _address(data.get("sender"))
    for header, key in (("To", "toRecipients"), ("Cc", "ccRecipients"), ("Reply-To", "replyTo")):
        if data.get(key):
            message[header] = ", ".join(_address(r) for r in data[key])
    message["Subject"] = data.get("subject") or ""
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = data.get("internetMessageId") or f"<{ids.guid()}@sandbox.local>"
    if data.get("importance") and data["importance"] != "normal":
        message["Importance"] = data["importance"]
    for header in data.get("internetMessageHeaders") or []:
        message[header["name"]] = header["value"]
    body = data.get("body") or {}
    subtype = "html" if (body.get("contentType") or "").lower() == "html" else "plain"
    message.set_content(body.get("content") or "", subtype=subtype, charset="utf-8")
    for _, meta, content in attachments:
        maintype, _, subtype_ = str(meta.get("contentType") or "application/octet-stream").partition("/")
        message.add_attachment(
            content,
            maintype=maintype or "application",
            subtype=subtype_ or "octet-stream",
            filename=meta.get("name"),
            disposition="inline" if meta.get("isInline") else "attachment",
            cid=f"<{meta['contentId']}>" if meta.get("contentId") else None,
        )
    return message.as_string()
