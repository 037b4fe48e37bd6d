"""Sending: ``send`` (202; the draft goes to the Outbox), ``sendMail`` (202) and ``copy`` (201).

What Graph checks before it answers: at least one recipient, each resolvable, at most 500 per message
(Exchange Online limits, "Recipient limit"), the message within the mailbox's 35 MB (its MaxSendSize,
attachments counted base64-encoded as they travel), and ``from`` set to another mailbox needs
Mail.Send.Shared and Send As or Send on Behalf there, else 403 ErrorSendAsDenied. Everything after the
202 (the Sent Items copy, rate and daily limits, bounces, deferred send) is the transport's: see
``transport.py``. Every message that leaves is kept as RFC 5322 MIME for the inspection API.
"""

from __future__ import annotations

import re
from typing import Any

from securemailmerge.sandbox.directory import Mailbox
from securemailmerge.sandbox.graph import ids, odata, transport
from securemailmerge.sandbox.graph.attachments import check_message_size
from securemailmerge.sandbox.graph.core import Call, folder_or_404, mail_access, message_or_404
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphResponse, access_denied, now_iso
from securemailmerge.sandbox.graph.messages import create_item, message_entity
from securemailmerge.sandbox.graph.mime import recipient_addresses
from securemailmerge.sandbox.graph.props import DEFERRED_SEND_TIME, parse_time
from securemailmerge.sandbox.graph.store import Item

Json = Any
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SEND_AS_DENIED = (
    "The user account which was used to submit this request does not have the right to send mail on "
    "behalf of "
    "the specified sending account., Cannot submit message."
)


def _param(body: dict[str, Json], name: str) -> Json:
    return next((v for k, v in body.items() if k.lower() == name.lower()), None)


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
    recipients = recipient_addresses(item.data)
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
    most = call.emulator.policy.recipients_per_message
    if len(recipients) > most:
        raise GraphHttpError(
            400,
            "ErrorExceededMaxRecipientLimit",
            f"The message has {len(recipients)} recipients; Exchange accepts at most {most}.",
        )
    check_message_size(call, item)
    return len(recipients)


def submit(call: Call, item: Item, *, keep: bool = True) -> None:
    """Accept a draft for sending: to the Outbox, to leave now or at its deferred send time."""
    _check_sendable(call, item)
    sender_from, sender = _sender(call, item.data)
    item.data["from"], item.data["sender"] = sender_from, sender
    item.data["isDraft"] = False
    deferred = call.store.props(item.pk).get(DEFERRED_SEND_TIME)
    due = parse_time(deferred) if deferred else None
    transport.accept(call.emulator, item, call.mailbox, keep=keep, deferred=due)


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
        submit(call, item, keep=keep is not False)
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
