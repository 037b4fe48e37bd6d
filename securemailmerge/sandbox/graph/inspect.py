"""Look inside the emulator: in process (``GraphService.inspect``) and over HTTP under ``/_sandbox/``.

HTTP (JSON, no token, loopback clients only), on the Graph port:

- ``GET /_sandbox/mailboxes``: every mailbox (id, address, display name, shared, cloud)
- ``GET /_sandbox/mailboxes/{address}/folders``: its mail folders with item counts
- ``GET /_sandbox/mailboxes/{address}/messages[?folder=sentitems]``: its messages (immutable ids,
  extended properties, attachment names and sizes)
- ``GET /_sandbox/mailboxes/{address}/sent``: every message that left it, with its RFC 5322 MIME text
- ``GET /_sandbox/mailboxes/{address}/queued``: its messages accepted but not yet gone (in the Outbox
  for their deferred time, their submit delay or the 30-a-minute rate), with when they are due
- ``GET /_sandbox/mailboxes/{address}/bounces``: every recipient of its messages that failed: the
  original's immutable and Internet message ids, the status code, when the report arrives (and whether
  it has)
- ``GET /_sandbox/mailboxes/{address}/limits``: recipients in the last 24 hours against the daily
  limit, messages in the last minute, until when it is blocked, and the tenant's external count
- ``GET /_sandbox/recipients/{address}/messages``: every message delivered to an address, with MIME
- ``GET /_sandbox/messages/{immutable id}/mime``: one sent message (or report) as ``message/rfc822``
- ``POST /_sandbox/settle``: run everything queued now (``GraphService.settle``)
- ``GET /_sandbox/counters`` and ``POST /_sandbox/counters/reset``: requests, 429s and error codes per
  mailbox
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, unquote

from securemailmerge.sandbox.directory import Mailbox
from securemailmerge.sandbox.graph import odata, queue, transport
from securemailmerge.sandbox.graph.core import Emulator
from securemailmerge.sandbox.graph.messages import message_entity

Json = Any
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class Inspector:
    """Read-only views of the emulator's state and its counters."""

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator

    def _mailbox(self, mailbox: str) -> Mailbox:
        found = self._emulator.directory.find(mailbox)
        if found is None:
            raise KeyError(f"No mailbox {mailbox!r} in the sandbox.")
        return found

    def mailboxes(self) -> list[dict[str, Json]]:
        """Every mailbox of the tenant."""
        return [
            {
                "id": m.id,
                "address": m.mail or m.upn,
                "displayName": m.display_name,
                "shared": m.shared,
                "cloud": m.cloud,
            }
            for m in self._emulator.directory.mailboxes.values()
        ]

    def folders(self, mailbox: str) -> list[dict[str, Json]]:
        """A mailbox's mail folders with their well-known names and item counts."""
        store = self._emulator.store
        box = self._mailbox(mailbox)
        self.release_due()
        return [
            {
                "id": f.id,
                "wellKnownName": f.well_known,
                "displayName": f.display_name,
                "totalItemCount": store.count_items(f.id),
            }
            for f in store.folders(box.id, "mail")
        ]

    def messages(self, mailbox: str, folder: str | None = None) -> list[dict[str, Json]]:
        """A mailbox's messages (in one folder by well-known name or id), with immutable ids."""
        store = self._emulator.store
        box = self._mailbox(mailbox)
        self.release_due()
        folder_ids = None
        if folder is not None:
            found = store.folder(box.id, "mail", folder)
            if found is None:
                raise KeyError(f"No folder {folder!r} in {mailbox}.")
            folder_ids = [found.id]
        names = {f.id: f.well_known or f.display_name for f in store.folders(box.id, "mail")}
        result = []
        for item in store.items(box.id, "message", folder_ids):
            entity = message_entity(
                self._emulator, item, odata.Options(expand_props=[]), immutable=True, base_url=""
            )
            entity.pop("webLink", None)
            entity["folder"] = names.get(item.folder_id)
            entity["internetMessageHeaders"] = item.data.get("internetMessageHeaders", [])
            entity["attachments"] = [
                {
                    "id": att_id,
                    "name": meta.get("name"),
                    "size": meta.get("size"),
                    "isInline": meta.get("isInline"),
                }
                for att_id, meta in store.attachment_meta(item.pk)
            ]
            result.append(entity)
        return result

    def sent(self, mailbox: str) -> list[dict[str, Json]]:
        """Every message that left a mailbox, oldest first, each with its MIME text."""
        box = self._mailbox(mailbox)
        self.release_due()
        return [
            {
                "id": r["immutable_id"],
                "sentDateTime": r["sent_at"],
                "recipients": r["recipients"],
                "mime": r["mime"],
            }
            for r in self._emulator.store.sent(box.id)
        ]

    def mime(self, message_id: str) -> str | None:
        """The MIME text a sent message left with, or a report's (None when there is no such message)."""
        self.release_due()
        store = self._emulator.store
        rows = store.query("SELECT mime FROM sent WHERE immutable_id = ? ORDER BY seq DESC", (message_id,))
        rows = rows or store.query("SELECT mime FROM reports WHERE immutable_id = ?", (message_id,))
        return str(rows[0]["mime"]) if rows else None

    def counters(self) -> dict[str, Json]:
        """Requests, 429s and error codes counted per mailbox address."""
        counters = self._emulator.counters
        with counters.lock:
            errors: dict[str, dict[str, int]] = {}
            for (mailbox, code), count in counters.errors.items():
                errors.setdefault(mailbox, {})[code] = count
            return {
                "requests": dict(counters.requests),
                "throttled": dict(counters.throttled),
                "errors": errors,
            }

    def reset_counters(self) -> None:
        """Start counting again from zero."""
        self._emulator.counters.reset()

    def release_due(self) -> int:
        """Run the transport's events whose time has come; returns how many ran."""
        return transport.process(self._emulator)

    def queued(self, mailbox: str) -> list[dict[str, Json]]:
        """A mailbox's messages accepted but not yet gone, earliest first."""
        box = self._mailbox(mailbox)
        self.release_due()
        rows = []
        for event in queue.pending(self._emulator.store, box.id):
            if event.kind != "depart":
                continue
            item = self._emulator.store.item_by_pk(event.item_pk)
            if item is not None:
                due = transport.moment(event.due).isoformat()
                rows.append({"id": item.immutable_id, "subject": item.data.get("subject"), "due": due})
        return rows

    def bounces(self, mailbox: str) -> list[dict[str, Json]]:
        """Every failed recipient of a mailbox's messages, oldest first."""
        box = self._mailbox(mailbox)
        self.release_due()
        rows = self._emulator.store.query(
            "SELECT * FROM deliveries WHERE sender = ? AND code IS NOT NULL ORDER BY seq", (box.id,)
        )
        now = self._emulator.wall_clock()
        return [
            {
                "messageId": r["message_id"],
                "internetMessageId": r["internet_message_id"],
                "recipient": r["recipient"],
                "status": r["code"],
                "leftAt": transport.moment(r["at"]).isoformat(),
                "reportDue": transport.moment(r["report_due"]).isoformat(),
                "reported": not queue.pending_report(self._emulator.store, r["message_id"])
                and r["report_due"] <= now,
            }
            for r in rows
        ]

    def delivered(self, recipient: str) -> list[dict[str, Json]]:
        """Every message delivered to an address, oldest first, with the MIME text it received."""
        self.release_due()
        store = self._emulator.store
        rows = store.query(
            "SELECT d.*, s.mime FROM deliveries d JOIN sent s ON s.immutable_id = d.message_id"
            " WHERE d.recipient = ? AND d.code IS NULL ORDER BY d.seq",
            (recipient.lower(),),
        )
        return [
            {
                "messageId": r["message_id"],
                "internetMessageId": r["internet_message_id"],
                "from": self._emulator.directory.mailboxes[r["sender"]].mail
                if r["sender"] in self._emulator.directory.mailboxes
                else r["sender"],
                "deliveredAt": transport.moment(r["at"]).isoformat(),
                "mime": r["mime"],
            }
            for r in rows
        ]

    def limits(self, mailbox: str) -> dict[str, Json]:
        """Where a mailbox stands against Exchange's sending limits now."""
        box = self._mailbox(mailbox)
        self.release_due()
        emulator = self._emulator
        store, policy, scale = emulator.store, emulator.policy, emulator.time_scale
        now = emulator.wall_clock()
        blocked = queue.blocked_until(store, box.id)
        users = sum(1 for m in emulator.directory.mailboxes.values() if not m.shared)
        return {
            "recipientsLast24Hours": queue.recipients_since(store, box.id, now - transport.DAY * scale),
            "recipientsPerDay": policy.recipients_per_day,
            "messagesLastMinute": len(
                queue.departure_times(store, box.id, now - transport.MINUTE * scale, now)
            ),
            "messagesPerMinute": policy.messages_per_minute,
            "blockedUntil": transport.moment(blocked).isoformat() if blocked and blocked > now else None,
            "tenantExternalLast24Hours": queue.external_since(store, now - transport.DAY * scale),
            "tenantExternalPerDay": policy.external_recipients_per_day(users),
        }

    def settle(self) -> int:
        """Run everything queued now, each event at its own time."""
        return transport.process(self._emulator, until=float("inf"))


def inspection_response(inspector: Inspector, environ: dict[str, Any]) -> tuple[int, str, bytes]:
    """Status, content type and body for a ``/_sandbox/...`` request."""
    if environ.get("REMOTE_ADDR", "127.0.0.1") not in LOOPBACK:
        return _json(
            403,
            {"error": {"code": "Forbidden", "message": "The inspection API answers loopback clients only."}},
        )
    method = environ.get("REQUEST_METHOD", "GET")
    parts = [unquote(p) for p in environ.get("PATH_INFO", "").strip("/").split("/")[1:]]
    query = parse_qs(environ.get("QUERY_STRING", ""))
    try:
        found = _mailbox_view(inspector, method, parts, query) or _other_view(inspector, method, parts)
    except KeyError as error:
        return _json(404, {"error": {"code": "NotFound", "message": str(error.args[0])}})
    if found is not None:
        return found
    return _json(
        404, {"error": {"code": "NotFound", "message": "No such inspection endpoint; see the README."}}
    )


def _mailbox_view(
    inspector: Inspector, method: str, parts: list[str], query: dict[str, list[str]]
) -> tuple[int, str, bytes] | None:
    if method != "GET" or len(parts) != 3 or parts[0] != "mailboxes":
        return None
    views = {
        "folders": inspector.folders,
        "sent": inspector.sent,
        "queued": inspector.queued,
        "bounces": inspector.bounces,
    }
    if parts[2] in views:
        return _json(200, {"value": views[parts[2]](parts[1])})
    if parts[2] == "messages":
        return _json(200, {"value": inspector.messages(parts[1], query.get("folder", [None])[0])})
    if parts[2] == "limits":
        return _json(200, inspector.limits(parts[1]))
    return None


def _other_view(inspector: Inspector, method: str, parts: list[str]) -> tuple[int, str, bytes] | None:
    if method == "GET" and parts == ["mailboxes"]:
        return _json(200, {"value": inspector.mailboxes()})
    if method == "GET" and len(parts) == 3 and parts[0] == "recipients" and parts[2] == "messages":
        return _json(200, {"value": inspector.delivered(parts[1])})
    if method == "GET" and len(parts) == 3 and parts[0] == "messages" and parts[2] == "mime":
        mime = inspector.mime(parts[1])
        if mime is not None:
            return 200, "message/rfc822", mime.encode()
        return _json(404, {"error": {"code": "NotFound", "message": "No sent message has this id."}})
    if method == "GET" and parts == ["counters"]:
        return _json(200, inspector.counters())
    if method == "POST" and parts == ["counters", "reset"]:
        inspector.reset_counters()
        return 204, "application/json", b""
    if method == "POST" and parts == ["settle"]:
        return _json(200, {"ran": inspector.settle()})
    return None


def _json(status: int, body: Json) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(body, ensure_ascii=False).encode()
