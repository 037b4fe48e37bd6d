"""Attachments: under 3 MB by POST, from 3 MB to 150 MB through an upload session on the uploads host.

An upload session's URL is pre-authenticated: its PUTs carry no Authorization header (one that does
gets 401), send the bytes in order in chunks of at most 4 MB with ``Content-Range``, get 200 with
``nextExpectedRanges`` until the last chunk, which answers 201 with the attachment's ``Location``.
A session expires 15 minutes (times the time scale) after its last chunk; then its URL answers 404.
Sessions on a mailbox other than the signed-in user's fail at the first PUT with 403, as Graph's
known issue with delegated access to shared mailboxes does. Each PUT must say ``Content-Type:
application/octet-stream``, which Microsoft's "Attach large files to Outlook messages" page lists as a
required header (learn.microsoft.com/graph/outlook-large-attachments); without it the sandbox answers
400 ErrorInvalidRequest (Microsoft documents no error for it: the code is the sandbox's choice). A
session below 3 MB is refused with ErrorAttachmentSizeShouldNotBeLessThanMinimumSize; a session or a
small attachment that would take the message past the mailbox's 35 MB (attachments counted
base64-encoded, as Exchange counts them) is refused at once with ErrorMessageSizeExceeded.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, unquote

from securemailmerge.sandbox.graph import ids, odata
from securemailmerge.sandbox.graph.core import Call, Emulator, mail_access, message_or_404
from securemailmerge.sandbox.graph.http import (
    GraphHttpError,
    GraphRequest,
    GraphResponse,
    access_denied,
    not_found,
    now_iso,
    read_body,
)
from securemailmerge.sandbox.graph.listing import options_for
from securemailmerge.sandbox.graph.store import Item

Json = Any
MAX_POST_BYTES = 3 * 1024 * 1024
MIN_SESSION_BYTES = 3 * 1024 * 1024
MAX_SESSION_BYTES = 150 * 1024 * 1024
MAX_CHUNK = 4 * 1024 * 1024
SESSION_LIFETIME = 15 * 60.0
_SESSION_PATH = re.compile(
    r"^/api/v2\.0/Users\('([^']+)'\)/Messages\('([^']+)'\)/AttachmentSessions\('([^']+)'\)$"
)
_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


def attachment_entity(att_id: str, meta: dict[str, Json], content: bytes | None) -> dict[str, Json]:
    """A file attachment as Graph returns it (``contentBytes`` when the content is given)."""
    entity = {
        "@odata.type": "#microsoft.graph.fileAttachment",
        "@odata.mediaContentType": meta.get("contentType"),
        "id": att_id,
        **meta,
    }
    if content is not None:
        entity["contentBytes"] = base64.b64encode(content).decode()
    return entity


def _required(body: dict[str, Json], name: str) -> Json:
    value = next((v for k, v in body.items() if k.lower() == name.lower()), None)
    if value in (None, ""):
        raise GraphHttpError(400, "ErrorRequiredPropertyMissing", f"Required property is missing: {name}.")
    return value


def add_attachment_from_body(call: Call, item: Item, body: dict[str, Json]) -> str:
    """Store a ``fileAttachment`` given in a request body; returns its id."""
    if body.get("@odata.type", "").removeprefix("#") != "microsoft.graph.fileAttachment":
        raise GraphHttpError(
            400,
            "ErrorInvalidRequest",
            "The sandbox stores file attachments only (#microsoft.graph.fileAttachment).",
        )
    name = str(_required(body, "name"))
    try:
        content = base64.b64decode(str(_required(body, "contentBytes")), validate=True)
    except (binascii.Error, ValueError):
        raise GraphHttpError(
            400, "RequestBodyRead", "The value of contentBytes is not valid base64."
        ) from None
    if len(content) >= MAX_POST_BYTES:
        raise GraphHttpError(
            413,
            "RequestEntityTooLarge",
            "Attachments of 3 MB or more must be uploaded through an upload session.",
        )
    check_message_size(call, item, len(content))
    meta = {
        "lastModifiedDateTime": now_iso(call.emulator.now()),
        "name": name,
        "contentType": body.get("contentType") or "application/octet-stream",
        "size": len(content),
        "isInline": bool(body.get("isInline", False)),
        "contentId": body.get("contentId"),
        "contentLocation": None,
    }
    att_id = ids.attachment_id()
    call.store.add_attachment(item.pk, att_id, meta, content)
    return att_id


def encoded(size: int) -> int:
    """Bytes an attachment takes in the message: base64, as Exchange counts it against the size limit."""
    return -(-size // 3) * 4


def check_message_size(call: Call, item: Item, adding: int = 0) -> None:
    """400 ErrorMessageSizeExceeded when the message (with ``adding`` more attachment bytes) is too big."""
    sizes = [int(meta.get("size", 0)) for _, meta in call.store.attachment_meta(item.pk)]
    body = len(str((item.data.get("body") or {}).get("content") or "").encode())
    total = body + sum(encoded(n) for n in sizes) + (encoded(adding) if adding else 0)
    if total > call.emulator.policy.max_message_bytes:
        raise GraphHttpError(
            400,
            "ErrorMessageSizeExceeded",
            "The message exceeds the maximum supported size., Cannot save changes made to an item to store.",
        )


def _draft(call: Call) -> Item:
    item = call.store.item(call.mailbox.id, "message", call.operation.param["message-id"])
    if item is None:
        raise not_found()
    if not item.data.get("isDraft"):
        raise GraphHttpError(
            400, "ErrorInvalidPropertyUpdateSentMessage", "Update operation on a sent message is not allowed."
        )
    return item


def add_attachment(call: Call) -> GraphResponse:
    """``POST .../messages/{id}/attachments``: 201 with the attachment."""
    mail_access(call, write=True)
    item = _draft(call)
    body = call.body_object()
    if "@odata.type" not in body:
        raise GraphHttpError(
            400,
            "RequestBodyRead",
            "A resource without a type name was found, but no expected type was specified. To allow entries "
            "without type information, the expected type must also be specified when the model is specified.",
        )
    with call.store.transaction():
        att_id = add_attachment_from_body(call, item, body)
        item.data["hasAttachments"] = True
        call.store.save_item(item)
    (meta,) = [m for a, m in call.store.attachment_meta(item.pk) if a == att_id]
    context = f"{call.context_base}/messages('{call.operation.param['message-id']}')/attachments/$entity"
    return GraphResponse(201, {"@odata.context": context, **attachment_entity(att_id, meta, None)})


def list_attachments(call: Call) -> GraphResponse:
    """``GET .../messages/{id}/attachments``."""
    mail_access(call, write=False)
    item = message_or_404(call)
    options = options_for(call, "microsoft.graph.fileAttachment", collection=True)
    rows = [attachment_entity(a, m, c) for a, m, c in call.store.attachments(item.pk)]
    shaped = [odata.shape(r, options.select) for r in rows]
    context = f"{call.context_base}/messages('{call.operation.param['message-id']}')/attachments"
    return GraphResponse(200, odata.page(call.request, shaped, options, context=context))


def _upload_spec(call: Call) -> dict[str, Json]:
    """The request's ``AttachmentItem``, which must describe a file attachment."""
    body = call.body_object()
    spec = next((v for k, v in body.items() if k.lower() == "attachmentitem"), None)
    if not isinstance(spec, dict):
        raise GraphHttpError(
            400, "ErrorInvalidParameter", "Value cannot be null. Parameter name: AttachmentItem"
        )
    if str(spec.get("attachmentType", "file")).lower() != "file":
        raise GraphHttpError(400, "ErrorInvalidParameter", "Upload sessions accept file attachments only.")
    return spec


def _check_session_size(size: Json) -> None:
    """400 unless ``size`` is within the bounds an upload session accepts."""
    if size < MIN_SESSION_BYTES:
        raise GraphHttpError(
            400,
            "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
            "Attachment size must be greater than the minimum size.",
        )
    if size > MAX_SESSION_BYTES:
        raise GraphHttpError(
            400,
            "ErrorAttachmentSizeLimitExceeded",
            "The attachment exceeds 150 MB, the largest an upload session accepts.",
        )


def _store_session(
    call: Call, item: Item, spec: dict[str, Json], name: str, size: Json, lifetime: float
) -> tuple[str, str]:
    """Record a new upload session for ``item``; returns its id and secret."""
    session_id, secret = ids.guid(), ids.secret()
    meta = {
        "name": name,
        "contentType": spec.get("contentType") or "application/octet-stream",
        "isInline": bool(spec.get("isInline", False)),
        "contentId": spec.get("contentId"),
        "graphBase": call.request.base_url,
        "messageId": call.operation.param["message-id"],
    }
    with call.store.transaction() as db:
        db.execute(
            "INSERT INTO uploads(id, secret, mailbox, user_id, client_id, item_pk, data, size, expires)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                secret,
                call.mailbox.id,
                call.user.id,
                call.grant.client_id,
                item.pk,
                json.dumps(meta),
                size,
                call.emulator.clock() + lifetime,
            ),
        )
    return session_id, secret


def create_upload_session(call: Call) -> GraphResponse:
    """``POST .../attachments/createUploadSession``: 201 with the upload URL on the uploads host."""
    mail_access(call, write=True)
    item = _draft(call)
    spec = _upload_spec(call)
    name = str(_required(spec, "name"))
    size = _required(spec, "size")
    _check_session_size(size)
    check_message_size(call, item, size)
    emulator = call.emulator
    lifetime = SESSION_LIFETIME * emulator.time_scale
    session_id, secret = _store_session(call, item, spec, name, size, lifetime)
    url = (
        f"{emulator.upload_base_url}/api/v2.0/Users('{call.mailbox.id}')/Messages('{item.immutable_id}')"
        f"/AttachmentSessions('{session_id}')?authtoken={secret}"
    )
    return GraphResponse(
        201,
        {
            "@odata.context": f"{call.request.base_url}/$metadata#microsoft.graph.uploadSession",
            "uploadUrl": url,
            "expirationDateTime": now_iso(emulator.now() + timedelta(seconds=lifetime)),
            "nextExpectedRanges": ["0-"],
        },
    )


def _session(emulator: Emulator, environ: dict[str, Any]) -> Any:
    match = _SESSION_PATH.match(unquote(environ.get("PATH_INFO", "")))
    secret = parse_qs(environ.get("QUERY_STRING", "")).get("authtoken", [""])[0]
    if not match:
        raise not_found("The upload session was not found or has expired.")
    rows = emulator.store.query("SELECT * FROM uploads WHERE id = ?", (match.group(3),))
    if not rows or rows[0]["secret"] != secret or rows[0]["expires"] <= emulator.clock():
        raise not_found("The upload session was not found or has expired.")
    return rows[0]


def handle_upload(emulator: Emulator, request: GraphRequest, environ: dict[str, Any]) -> GraphResponse:
    """One PUT (a chunk) or DELETE (cancel) on an upload URL."""
    if request.headers.get("Authorization"):
        raise GraphHttpError(
            401,
            "InvalidAuthenticationToken",
            "The upload URL is pre-authenticated: send no Authorization header.",
        )
    session = _session(emulator, environ)
    if request.method == "DELETE":
        with emulator.store.transaction() as db:
            db.execute("DELETE FROM upload_chunks WHERE upload_id = ?", (session["id"],))
            db.execute("DELETE FROM uploads WHERE id = ?", (session["id"],))
        return GraphResponse(204)
    if request.method != "PUT":
        raise GraphHttpError(405, "BadRequest", "Upload URLs accept PUT and DELETE only.")
    if session["mailbox"] != session["user_id"]:
        raise access_denied()
    key = (session["client_id"], session["mailbox"])
    throttle = emulator.limits.enter(key, int(environ.get("CONTENT_LENGTH") or 0))
    if throttle is not None:
        raise GraphHttpError(
            429, "ApplicationThrottled", throttle.message, {"Retry-After": str(throttle.retry_after)}
        )
    try:
        return _put_chunk(emulator, request, session, environ)
    finally:
        emulator.limits.leave(key)


def _put_chunk(
    emulator: Emulator, request: GraphRequest, session: Any, environ: dict[str, Any]
) -> GraphResponse:
    if int(environ.get("CONTENT_LENGTH") or 0) > MAX_CHUNK:
        environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"]))
        raise GraphHttpError(413, "RequestEntityTooLarge", "A chunk may hold at most 4 MB.")
    data = read_body(environ)
    if request.headers.get("Content-Type", "").split(";")[0].strip().lower() != "application/octet-stream":
        raise GraphHttpError(
            400, "ErrorInvalidRequest", "A chunk must be sent with Content-Type: application/octet-stream."
        )
    match = _RANGE.match(request.headers.get("Content-Range", ""))
    if not match:
        raise GraphHttpError(400, "ErrorInvalidRequest", "The Content-Range header is missing or malformed.")
    start, end, total = (int(g) for g in match.groups())
    if total != session["size"]:
        raise GraphHttpError(
            400,
            "ErrorInvalidRequest",
            f"The total size {total} differs from the session's {session['size']}.",
        )
    if start != session["received"]:
        raise GraphHttpError(416, "InvalidRange", f"The fragment must start at byte {session['received']}.")
    if end < start or end >= total or len(data) != end - start + 1:
        raise GraphHttpError(
            400, "ErrorInvalidRequest", "The body length does not match the Content-Range header."
        )
    store = emulator.store
    lifetime = SESSION_LIFETIME * emulator.time_scale
    with store.transaction() as db:
        current = db.execute("SELECT received FROM uploads WHERE id = ?", (session["id"],)).fetchone()
        if current is None or current["received"] != start:  # another PUT of this range got here first
            raise GraphHttpError(416, "InvalidRange", "The fragment was uploaded already.")
        db.execute(
            "INSERT INTO upload_chunks(upload_id, offset, data) VALUES (?, ?, ?)",
            (session["id"], start, data),
        )
        db.execute(
            "UPDATE uploads SET received = ?, expires = ? WHERE id = ?",
            (end + 1, emulator.clock() + lifetime, session["id"]),
        )
    if end + 1 < total:
        graph_base = json.loads(session["data"])["graphBase"]
        return GraphResponse(
            200,
            {
                "@odata.context": f"{graph_base}/$metadata#microsoft.graph.uploadSession",
                "expirationDateTime": now_iso(emulator.now() + timedelta(seconds=lifetime)),
                "nextExpectedRanges": [str(end + 1)],
            },
        )
    return _finish(emulator, session)


def _finish(emulator: Emulator, session: Any) -> GraphResponse:
    store = emulator.store
    meta = json.loads(session["data"])
    rows = store.query("SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY offset", (session["id"],))
    content = b"".join(bytes(r["data"]) for r in rows)
    att_id = ids.attachment_id()
    with store.transaction() as db:
        items = store.query("SELECT * FROM items WHERE pk = ?", (session["item_pk"],))
        db.execute("DELETE FROM upload_chunks WHERE upload_id = ?", (session["id"],))
        db.execute("DELETE FROM uploads WHERE id = ?", (session["id"],))
        if not items:
            raise not_found()
        attachment = {
            "lastModifiedDateTime": now_iso(emulator.now()),
            "name": meta["name"],
            "contentType": meta["contentType"],
            "size": len(content),
            "isInline": meta["isInline"],
            "contentId": meta["contentId"],
            "contentLocation": None,
        }
        store.add_attachment(session["item_pk"], att_id, attachment, content)
        data = json.loads(items[0]["data"])
        data["hasAttachments"] = True
        db.execute("UPDATE items SET data = ? WHERE pk = ?", (json.dumps(data), session["item_pk"]))
    message = f"users('{session['mailbox']}')/messages('{meta['messageId']}')"
    location = f"{meta['graphBase']}/{message}/attachments('{att_id}')"
    return GraphResponse(201, None, {"Location": location})
