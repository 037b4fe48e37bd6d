"""Mail folders and messages: create drafts, get, list, update and delete them.

A draft looks as Graph returns it: ``sentDateTime`` and ``receivedDateTime`` are its creation time,
an HTML body is kept as a whole ``<html><head>...<body>`` document, and a recipient given without a
name gets the directory's display name (the address when the directory does not know it). These are
what Graph's answers show (the response examples of learn.microsoft.com/graph/api/user-post-messages
carry an ``<html>`` document and a set ``sentDateTime``); the message resource page does not spell
them out. Drafts need
Mail.ReadWrite (Mail.ReadWrite.Shared and full access in another mailbox); reading
needs Mail.Read. ``internetMessageHeaders`` can be set only when a message is created and every
name must start with ``x-``. Ids follow ``Prefer: IdType="ImmutableId"``: immutable ids stay the
same for the item's life, REST ids change whenever it moves to another folder.
"""

from __future__ import annotations

import base64
import html
import re
import secrets
from typing import Any

from securemailmerge.sandbox.directory import TENANT_DOMAIN, Directory
from securemailmerge.sandbox.graph import ids, odata
from securemailmerge.sandbox.graph.attachments import add_attachment_from_body, attachment_entity
from securemailmerge.sandbox.graph.core import Call, Emulator, folder_or_404, mail_access, message_or_404
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphResponse, bad_request, now_iso
from securemailmerge.sandbox.graph.listing import list_items, options_for
from securemailmerge.sandbox.graph.props import read_props
from securemailmerge.sandbox.graph.store import Folder, Item

Json = Any
MESSAGE = "microsoft.graph.message"
MAIL_FOLDERS = (
    ("inbox", "Inbox"),
    ("drafts", "Drafts"),
    ("sentitems", "Sent Items"),
    ("outbox", "Outbox"),
    ("deleteditems", "Deleted Items"),
    ("junkemail", "Junk Email"),
    ("archive", "Archive"),
)
# Properties Graph computes itself; a body may carry them (e.g. a message read back) but they are ignored.
READ_ONLY = {
    "id",
    "createdDateTime",
    "lastModifiedDateTime",
    "changeKey",
    "hasAttachments",
    "bodyPreview",
    "conversationId",
    "conversationIndex",
    "parentFolderId",
    "webLink",
    "isDraft",
    "sentDateTime",
    "receivedDateTime",
    "uniqueBody",
    "sender",
}
DRAFT_ONLY = {
    "subject",
    "body",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "from",
    "replyTo",
    "importance",
}
_TAGS = re.compile(r"<[^>]+>")


def message_id(item: Item, immutable: bool) -> str:
    """The id a client sees, in the format it asked for."""
    return item.immutable_id if immutable else item.rest_id


def message_entity(
    emulator: Emulator, item: Item, options: odata.Options, *, immutable: bool, base_url: str
) -> dict[str, Json]:
    """A stored message as Graph returns it."""
    data = item.data
    entity: dict[str, Json] = {
        "@odata.etag": f'W/"{data["changeKey"]}"',
        "id": message_id(item, immutable),
        **{k: v for k, v in data.items() if k not in {"internetMessageHeaders", "uniqueBody"}},
        "parentFolderId": item.folder_id,
        "webLink": f"{base_url.rsplit('/v1.0', 1)[0]}/owa/?ItemID={message_id(item, immutable)}&exvsurl=1",
    }
    if options.select is not None:
        entity["internetMessageHeaders"] = data.get("internetMessageHeaders", [])
        entity["uniqueBody"] = data.get("body")
    if options.expand_props is not None:
        props = emulator.store.props(item.pk)
        wanted = options.expand_props or list(props)
        entity["singleValueExtendedProperties"] = [{"id": p, "value": props[p]} for p in wanted if p in props]
    if options.expand_attachments:
        entity["attachments"] = [
            attachment_entity(att_id, meta, content)
            for att_id, meta, content in emulator.store.attachments(item.pk)
        ]
    return entity


def render(call: Call, item: Item, options: odata.Options) -> dict[str, Json]:
    """``message_entity`` for this call's id preference."""
    return message_entity(
        call.emulator,
        item,
        options,
        immutable=call.request.prefers_immutable_ids,
        base_url=call.request.base_url,
    )


def recipient(entry: Json, directory: Directory | None = None) -> dict[str, Json]:
    """A recipient as Exchange stores it: without a name, the directory's display name, else the address."""
    address = (entry.get("emailAddress") or {}) if isinstance(entry, dict) else {}
    name = address.get("name")
    if not name and directory is not None and address.get("address"):
        known = directory.find(str(address["address"]))
        name = known.display_name if known is not None else None
    return {"emailAddress": {"name": name or address.get("address"), "address": address.get("address")}}


def html_document(content: str) -> str:
    """An HTML body as Exchange stores it: a whole document, with the UTF-8 meta line it adds."""
    if re.match(r"\s*(<!doctype[^>]*>\s*)?<html[\s>]", content, re.IGNORECASE):
        return content
    return (
        '<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n'
        f"</head>\r\n<body>\r\n{content}\r\n</body>\r\n</html>\r\n"
    )


def preview(body: dict[str, Json]) -> str:
    """The first 255 characters of the body's text."""
    text = body.get("content") or ""
    if (body.get("contentType") or "").lower() == "html":
        text = html.unescape(_TAGS.sub(" ", text))
    return " ".join(text.split())[:255]


def check_headers(headers: Json) -> list[dict[str, str]]:
    """``internetMessageHeaders``, refusing names that do not start with ``x-`` as Graph does."""
    result = []
    for header in headers or []:
        name = str(header.get("name") or "")
        if not name.lower().startswith("x-"):
            raise GraphHttpError(
                400,
                "InvalidInternetMessageHeader",
                f"The internet message header name '{name}' should start with 'x-' or 'X-'.",
            )
        result.append({"name": name, "value": str(header.get("value") or "")})
    return result


def apply_fields(data: dict[str, Json], body: dict[str, Json], directory: Directory | None = None) -> None:
    """Copy writable message properties of a request body into stored data."""
    for key, value in body.items():
        if (
            "@" in key
            or key in READ_ONLY
            or key
            in {
                "attachments",
                "singleValueExtendedProperties",
                "multiValueExtendedProperties",
                "internetMessageHeaders",
            }
        ):
            continue
        if key in {"toRecipients", "ccRecipients", "bccRecipients", "replyTo"}:
            data[key] = [recipient(r, directory) for r in value or []]
        elif key == "from":
            data[key] = recipient(value, directory) if value else None
        elif key == "body":
            body_value = value or {}
            kind = str(body_value.get("contentType") or "text").lower()
            content = str(body_value.get("content") or "")
            data[key] = {
                "contentType": kind,
                "content": html_document(content) if kind == "html" else content,
            }
            data["bodyPreview"] = preview(data[key])
        elif key == "importance" and isinstance(value, str):
            data[key] = value.lower()
        else:
            data[key] = value
    data["lastModifiedDateTime"] = now_iso()
    data["changeKey"] = base64.b64encode(secrets.token_bytes(12)).decode()


def new_message_data(emulator: Emulator, folder_id: str) -> dict[str, Json]:
    """A new draft's stored properties before the request body is applied."""
    now = now_iso(emulator.now())
    return {
        "createdDateTime": now,
        "lastModifiedDateTime": now,
        "changeKey": base64.b64encode(secrets.token_bytes(12)).decode(),
        "categories": [],
        "receivedDateTime": now,
        "sentDateTime": now,  # Graph gives a draft its creation time here, not null
        "hasAttachments": False,
        "internetMessageId": f"<{secrets.token_hex(12).upper()}@{TENANT_DOMAIN.split('.')[0]}.sandbox.local>",
        "subject": "",
        "bodyPreview": "",
        "importance": "normal",
        "conversationId": ids.rest_id(),
        "conversationIndex": base64.b64encode(secrets.token_bytes(22)).decode(),
        "isDeliveryReceiptRequested": False,
        "isReadReceiptRequested": False,
        "isRead": True,
        "isDraft": True,
        "inferenceClassification": "focused",
        "body": {"contentType": "text", "content": ""},
        "sender": None,
        "from": None,
        "toRecipients": [],
        "ccRecipients": [],
        "bccRecipients": [],
        "replyTo": [],
        "flag": {"flagStatus": "notFlagged"},
        "internetMessageHeaders": [],
    }


def create_item(call: Call, body: dict[str, Json], folder: Folder) -> Item:
    """Store a new draft from a validated message body, with its extended properties and attachments."""
    headers = check_headers(body.get("internetMessageHeaders"))
    props = read_props(body.get("singleValueExtendedProperties"))
    data = new_message_data(call.emulator, folder.id)
    apply_fields(data, body, call.emulator.directory)
    data["internetMessageHeaders"] = headers
    attachments = body.get("attachments") or []
    with call.store.transaction():
        item = call.store.add_item(
            Item(0, ids.immutable_id(), ids.rest_id(), call.mailbox.id, "message", folder.id, data), props
        )
        for attachment in attachments:
            add_attachment_from_body(call, item, attachment)
        if attachments:
            item.data["hasAttachments"] = True
            call.store.save_item(item)
    return item


def create_message(call: Call) -> GraphResponse:
    """``POST .../messages`` and ``POST .../mailFolders/{id}/messages``: 201 with the new draft."""
    mail_access(call, write=True)
    body = call.body_object()
    folder_name = call.operation.param.get("mailFolder-id", "drafts")
    folder = folder_or_404(call, folder_name)
    item = create_item(call, body, folder)
    entity = render(call, item, odata.Options())
    location = f"{call.request.base_url}/users('{call.mailbox.id}')/messages('{entity['id']}')"
    headers = {"Location": location, **call.ids_header()}
    return GraphResponse(201, {"@odata.context": f"{call.context_base}/messages/$entity", **entity}, headers)


def get_message(call: Call) -> GraphResponse:
    """``GET .../messages/{id}``."""
    mail_access(call, write=False)
    item = message_or_404(call)
    options = options_for(call, MESSAGE, collection=False)
    entity = odata.shape(render(call, item, options), options.select)
    return GraphResponse(
        200, {"@odata.context": f"{call.context_base}/messages/$entity", **entity}, call.ids_header()
    )


def update_message(call: Call) -> GraphResponse:
    """``PATCH .../messages/{id}``: 200 with the updated message."""
    mail_access(call, write=True)
    item = message_or_404(call)
    body = call.body_object()
    if "internetMessageHeaders" in body:
        raise GraphHttpError(
            400,
            "InvalidInternetMessageHeader",
            "Internet message headers can only be set when the message is created.",
        )
    if "attachments" in body:
        raise bad_request(
            "The navigation property 'attachments' cannot be updated; POST to .../attachments instead."
        )
    if not item.data.get("isDraft") and DRAFT_ONLY & set(body):
        raise GraphHttpError(
            400, "ErrorInvalidPropertyUpdateSentMessage", "Update operation on a sent message is not allowed."
        )
    props = read_props(body.get("singleValueExtendedProperties"))
    with call.store.transaction():
        item = message_or_404(call)  # the latest version, under the store's lock
        apply_fields(item.data, body, call.emulator.directory)
        call.store.save_item(item)
        if props:
            call.store.set_props(item.pk, props)
    entity = render(call, item, odata.Options())
    return GraphResponse(
        200, {"@odata.context": f"{call.context_base}/messages/$entity", **entity}, call.ids_header()
    )


def move(item: Item, folder: Folder) -> None:
    """Put an item in another folder: its REST id changes, its immutable id stays."""
    item.folder_id = folder.id
    item.rest_id = ids.rest_id()


def delete_message(call: Call) -> GraphResponse:
    """``DELETE .../messages/{id}``: to Deleted Items, or gone for good when it already was there."""
    mail_access(call, write=True)
    with call.store.transaction():
        item = message_or_404(call)
        deleted = folder_or_404(call, "deleteditems")
        if item.folder_id == deleted.id:
            call.store.delete_item(item)
        else:
            move(item, deleted)
            call.store.save_item(item)
    return GraphResponse(204)


def _search_message(entity: dict[str, Json]) -> str:
    people = [entity.get("from") or {}, *list(entity.get("toRecipients") or [])]
    addresses = " ".join(str((p.get("emailAddress") or {}).get("address", "")) for p in people)
    return f"{entity.get('subject', '')} {(entity.get('body') or {}).get('content', '')} {addresses}"


def list_messages(call: Call) -> GraphResponse:
    """``GET .../messages`` (every folder) and ``GET .../mailFolders/{id}/messages``."""
    mail_access(call, write=False)
    folder_name = call.operation.param.get("mailFolder-id")
    folder_ids = None
    context = f"{call.context_base}/messages"
    if folder_name is not None:
        folder = folder_or_404(call, folder_name)
        folder_ids = [folder.id]
        context = f"{call.context_base}/mailFolders('{folder_name}')/messages"
    return list_items(
        call,
        kind="message",
        folder_ids=folder_ids,
        type_name=MESSAGE,
        render=lambda item, options: render(call, item, options),
        context=context,
        searchable=_search_message,
    )


def mail_folder_entity(call: Call, folder: Folder) -> dict[str, Json]:
    """A mail folder with its counts."""
    store = call.store
    return {
        "id": folder.id,
        "displayName": folder.display_name,
        "parentFolderId": folder.parent_id,
        "childFolderCount": len(store.child_folders(folder.mailbox, "mail", folder.id)),
        "unreadItemCount": store.count_items(folder.id, unread=True),
        "totalItemCount": store.count_items(folder.id),
        "isHidden": folder.hidden,
    }


def list_mail_folders(call: Call) -> GraphResponse:
    """``GET .../mailFolders``: the folders at the top of the mailbox."""
    mail_access(call, write=False)
    root = folder_or_404(call, "msgfolderroot")
    options = options_for(call, "microsoft.graph.mailFolder", collection=True)
    rows = [mail_folder_entity(call, f) for f in call.store.child_folders(call.mailbox.id, "mail", root.id)]
    if options.filter:
        rows = [r for r in rows if options.filter.matches(r, {})]
    rows = odata.sort_rows(rows, options.orderby)
    shaped = [odata.shape(r, options.select) for r in rows]
    return GraphResponse(
        200, odata.page(call.request, shaped, options, context=f"{call.context_base}/mailFolders")
    )


def get_mail_folder(call: Call) -> GraphResponse:
    """``GET .../mailFolders/{id or well-known name}``."""
    mail_access(call, write=False)
    folder = folder_or_404(call, call.operation.param["mailFolder-id"])
    entity = mail_folder_entity(call, folder)
    return GraphResponse(200, {"@odata.context": f"{call.context_base}/mailFolders/$entity", **entity})
