"""Exchange's transport: what happens to a message after Graph answered 202 to its send.

Sources (Microsoft's pages; where a detail is not on them, the choice and why is said here):

- Send and sendMail answer ``202 Accepted``: the message is accepted, not delivered
  (learn.microsoft.com/graph/api/message-send, /graph/api/user-sendmail). The item waits in the Outbox
  and its Sent Items copy appears after ``SendPolicy.submit_delay`` (seeded, 1 to 4 s by default).
- Message rate limit, 30 messages a minute per mailbox: a client such as Outlook or OWA (and Graph) is
  not refused, the excess waits in the Outbox and leaves in the following minutes (Exchange Online
  limits, "Sending limits", learn.microsoft.com/office365/servicedescriptions/exchange-online-service-
  description/exchange-online-limits#sending-limits; only SMTP client submission is refused). A
  message leaves at the first moment fewer than 30 left in the minute before.
- Recipient rate limit, 10,000 recipients in a rolling 24 hours per mailbox (same page). The message
  that would pass it is still accepted with 202 and bounces with 5.1.90 "Your message can't be sent
  because you've reached your daily limit for message recipients" (NDR table, learn.microsoft.com/
  exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online); from then on the
  mailbox cannot send: every message bounces 5.1.90 for ``block_after_limit`` (24 hours). Microsoft's
  page says sending resumes once the last 24 hours drop below the limit; the outbound spam policy's
  default action is "BlockUserForToday". The sandbox blocks for the full 24 hours after the limit was
  hit, the stricter reading.
- Tenant external recipient rate limit (TERRL): 500 x licences^0.7 + 9,500 external recipients in a
  rolling 24 hours for the whole tenant (5,000 for a trial tenant); a recipient outside the tenant's
  domains beyond it bounces 5.7.233 (5.7.232 on trial), NDR table above and "Introducing Exchange
  Online Tenant Outbound Email Limits" (Microsoft Community Hub). Reports themselves do not count.
- Recipients: an address in a tenant domain without a mailbox bounces 5.1.10 "RESOLVER.ADR.
  RecipientNotFound; Recipient not found by SMTP address lookup"; a domain under a reserved name
  (RFC 2606/6761: .invalid, .test, .localhost, .example) or listed in ``undeliverable`` bounces 5.4.310
  "DNS domain does not exist"; an address listed in ``rejecting`` is refused by its server with 5.1.1.
  Every other external address is delivered (the sandbox has no Internet; the demo's example.* domains
  stand for real ones). A tenant mailbox receives a copy in its Inbox.
- Non-delivery reports arrive ``ndr_delay`` (seeded, 5 to 30 s) after the message left, in the Inbox of
  the envelope sender (the From mailbox under Send As, the delegate under Send on Behalf, otherwise
  the mailbox that sent it): see ``ndr.py`` for their form.
- Deferred send (``SystemTime 0x3FEF``, PidTagDeferredSendTime): the item waits in the Outbox until
  its time, then takes the same path (learn.microsoft.com/office/client-developer/outlook/mapi/
  pidtagdeferredsendtime-canonical-property).

Nothing runs in the background: due events run, oldest first and each at its own time, before every
request and inspection, so the same seed and the same requests at the same times give the same
timeline. ``GraphService.settle()`` runs everything still queued at once, keeping each event's time.
"""

from __future__ import annotations

import json
import math
import random
from datetime import UTC, datetime
from typing import Any

from securemailmerge.sandbox.directory import TENANT_DOMAIN, Directory, Mailbox
from securemailmerge.sandbox.graph import ids, ndr, queue
from securemailmerge.sandbox.graph.core import Emulator
from securemailmerge.sandbox.graph.http import now_iso
from securemailmerge.sandbox.graph.messages import move, new_message_data, preview
from securemailmerge.sandbox.graph.mime import header_block, recipient_addresses, to_mime
from securemailmerge.sandbox.graph.store import Item

Json = Any
MINUTE = 60.0
DAY = 24 * 3600.0


def moment(at: float) -> datetime:
    """A transport time (wall-clock seconds) as a UTC datetime."""
    return datetime.fromtimestamp(at, UTC)


def accept(
    emulator: Emulator, item: Item, mailbox: Mailbox, *, keep: bool, deferred: datetime | None
) -> None:
    """Queue a message Graph accepted: it waits in the Outbox until it may leave."""
    store, policy, scale = emulator.store, emulator.policy, emulator.time_scale
    number = queue.next_number(store)
    draw = random.Random(f"{policy.seed}/{number}")  # noqa: S311 - a reproducible timeline, not security
    submit = draw.uniform(policy.min_submit_delay, policy.max_submit_delay) * scale
    report = draw.uniform(policy.min_ndr_delay, policy.max_ndr_delay) * scale
    start = emulator.wall_clock()
    if deferred is not None:
        start = max(start, deferred.timestamp())
        item.release_at = now_iso(deferred)
    due = start + submit
    if deferred is None:
        due = _slot(emulator, mailbox, due)
    outbox = store.folder(mailbox.id, "mail", "outbox")
    assert outbox is not None
    move(item, outbox)
    store.save_item(item)
    queue.add(store, "depart", mailbox.id, item.pk, due, {"report": report, "keep": keep})


def _slot(emulator: Emulator, mailbox: Mailbox, due: float) -> float:
    """When a message may leave: in order (never before one submitted earlier), 30 a minute at most.

    The last 30 departures planned are kept, so a burst is spread over the minutes at once instead of
    being put off one message at a time.
    """
    store, per_minute = emulator.store, emulator.policy.messages_per_minute
    key = f"transport-slots/{mailbox.id}"
    slots: list[float] = json.loads(store.meta(key) or "[]")
    if slots:
        due = max(due, slots[-1])
    if per_minute and len(slots) >= per_minute:
        due = max(due, slots[-per_minute] + MINUTE * emulator.time_scale)
    store.set_meta(key, json.dumps([*slots, due][-max(per_minute, 1) :]))
    return due


def process(emulator: Emulator, *, until: float | None = None) -> int:
    """Run every event due by ``until`` (default: now) in time order; returns how many ran."""
    store = emulator.store
    horizon = emulator.wall_clock() if until is None else until
    ran = 0
    while store.query("SELECT 1 FROM transport WHERE due <= ? LIMIT 1", (horizon,)):
        with store.transaction():  # one event at a time, so concurrent requests never run one twice
            event = queue.take_due(store, horizon)
            if event is None:
                break
            if event.kind == "depart":
                _depart(emulator, event)
            else:
                _report(emulator, event)
        ran += 1
    return ran


def tenant_domains(directory: Directory) -> set[str]:
    """The tenant's accepted domains: its own and those of its mailboxes' addresses."""
    domains = {TENANT_DOMAIN}
    for box in directory.mailboxes.values():
        for address in (box.mail, box.upn):
            if address:
                domains.add(address.rpartition("@")[2].lower())
    return domains


def _depart(emulator: Emulator, event: queue.Event) -> None:
    store, policy = emulator.store, emulator.policy
    item = store.item_by_pk(event.item_pk)
    mailbox = emulator.directory.mailboxes.get(event.mailbox)
    outbox = store.folder(event.mailbox, "mail", "outbox")
    if item is None or mailbox is None or outbox is None or item.folder_id != outbox.id:
        return  # deleted or moved out of the Outbox before it left: nothing is sent
    window = MINUTE * emulator.time_scale
    recent = queue.departure_times(store, mailbox.id, event.due - window, event.due)
    if len(recent) >= policy.messages_per_minute:
        slot = recent[len(recent) - policy.messages_per_minute] + window
        queue.add(store, "depart", mailbox.id, item.pk, slot, event.data)
        return
    outcomes = _decide(emulator, mailbox, recipient_addresses(item.data), event.due)
    _leave(emulator, item, mailbox, event, outcomes)


def _decide(
    emulator: Emulator, mailbox: Mailbox, recipients: list[str], at: float
) -> list[tuple[str, str | None]]:
    """Each recipient with the status code that stops it, or None when it is delivered."""
    store, policy = emulator.store, emulator.policy
    day = DAY * emulator.time_scale
    blocked = queue.blocked_until(store, mailbox.id)
    if blocked is not None and blocked > at:
        queue.record_departure(store, mailbox.id, at, 0, 0)
        return [(r, "5.1.90") for r in recipients]
    if queue.recipients_since(store, mailbox.id, at - day) + len(recipients) > policy.recipients_per_day:
        queue.block(store, mailbox.id, at, at + policy.block_after_limit * emulator.time_scale)
        queue.record_departure(store, mailbox.id, at, 0, 0)
        return [(r, "5.1.90") for r in recipients]
    domains = tenant_domains(emulator.directory)
    external = [r for r in recipients if r.rpartition("@")[2].lower() not in domains]
    users = sum(1 for m in emulator.directory.mailboxes.values() if not m.shared)
    over = queue.external_since(store, at - day) + len(external) > policy.external_recipients_per_day(users)
    queue.record_departure(store, mailbox.id, at, len(recipients), 0 if over else len(external))
    outcomes: list[tuple[str, str | None]] = []
    for recipient in recipients:
        domain = recipient.rpartition("@")[2].lower()
        if domain in domains:
            found = emulator.directory.find(recipient)
            outcomes.append((recipient, None if found is not None else "5.1.10"))  # on-premises ones too
        elif over:
            outcomes.append((recipient, "5.7.232" if policy.trial else "5.7.233"))
        elif policy.cannot_receive(domain):
            outcomes.append((recipient, "5.4.310"))
        elif recipient.lower() in policy.rejecting:
            outcomes.append((recipient, "5.1.1"))
        else:
            outcomes.append((recipient, None))
    return outcomes


def _leave(
    emulator: Emulator,
    item: Item,
    mailbox: Mailbox,
    event: queue.Event,
    outcomes: list[tuple[str, str | None]],
) -> None:
    """The message leaves at ``event.due``: Sent Items, the MIME log, tenant inboxes and reports."""
    store = emulator.store
    at = event.due
    stamp = now_iso(moment(at))
    item.data.update(sentDateTime=stamp, receivedDateTime=stamp, isDraft=False, isRead=True)
    item.release_at = None
    attachments = store.attachments(item.pk)
    mime = to_mime(item, attachments, moment(at))
    message = (item.immutable_id, str(item.data.get("internetMessageId") or ""))
    failures = [ndr.Failure(r, code) for r, code in outcomes if code is not None]
    report_due = at + float(event.data["report"]) if failures else None
    if len(failures) < len(outcomes):
        store.log_sent(mailbox.id, item.immutable_id, stamp, len(outcomes) - len(failures), mime)
    for recipient, code in outcomes:
        queue.record_delivery(store, mailbox.id, message, recipient, at, code, report_due if code else None)
        if code is None:
            _into_inbox(emulator, item, attachments, recipient, mime, stamp)
    if failures and report_due is not None:
        target = _envelope_sender(emulator, item, mailbox)
        data = {
            "failures": [[f.recipient, f.code] for f in failures],
            "subject": item.data.get("subject") or "",
            "internetMessageId": message[1],
            "originalId": item.immutable_id,
            "conversationId": item.data.get("conversationId"),
            "headers": header_block(mime),
            "sentAt": at,
        }
        queue.add(store, "ndr", target.id, item.pk, report_due, data)
    if event.data.get("keep", True):
        sent = store.folder(mailbox.id, "mail", "sentitems")
        assert sent is not None
        move(item, sent)
        store.save_item(item)
    else:
        store.delete_item(item)


def _envelope_sender(emulator: Emulator, item: Item, mailbox: Mailbox) -> Mailbox:
    address = str(((item.data.get("sender") or {}).get("emailAddress") or {}).get("address") or "")
    found = emulator.directory.find(address) if address else None
    return found if found is not None and found.cloud else mailbox


def _into_inbox(
    emulator: Emulator,
    item: Item,
    attachments: list[tuple[str, dict[str, Json], bytes]],
    recipient: str,
    mime: str,
    stamp: str,
) -> None:
    """A tenant recipient finds the message in its Inbox, without the Bcc line, as Exchange delivers it."""
    box = emulator.directory.find(recipient)
    if box is None or not box.cloud:
        return  # an on-premises mailbox receives it through the hybrid connector, outside the sandbox
    inbox = emulator.store.folder(box.id, "mail", "inbox")
    assert inbox is not None
    data = {k: v for k, v in item.data.items() if k != "bccRecipients"}
    data.update(bccRecipients=[], isRead=False, isDraft=False, receivedDateTime=stamp, sentDateTime=stamp)
    data["internetMessageHeaders"] = _headers(header_block(mime))
    copy = emulator.store.add_item(
        Item(0, ids.immutable_id(), ids.rest_id(), box.id, "message", inbox.id, data)
    )
    for _, meta, content in attachments:
        emulator.store.add_attachment(copy.pk, ids.attachment_id(), meta, content)


def _headers(block: str) -> list[dict[str, str]]:
    """A header block as Graph's ``internetMessageHeaders`` (folded lines joined)."""
    headers: list[dict[str, str]] = []
    for line in block.split("\n"):
        if line[:1] in {" ", "\t"} and headers:
            headers[-1]["value"] += " " + line.strip()
        elif ":" in line:
            name, _, value = line.partition(":")
            headers.append({"name": name.strip(), "value": value.strip()})
    return headers


def _report(emulator: Emulator, event: queue.Event) -> None:
    """A non-delivery report arrives in the envelope sender's Inbox."""
    store = emulator.store
    target = emulator.directory.mailboxes.get(event.mailbox)
    inbox = store.folder(event.mailbox, "mail", "inbox")
    if target is None or inbox is None:
        return
    data = event.data
    failures = [ndr.Failure(r, code) for r, code in data["failures"]]
    original = ndr.Original(
        data["subject"], data["internetMessageId"], data["headers"], moment(float(data["sentAt"]))
    )
    at = moment(event.due)
    report, report_id = ndr.build(target, failures, original, at)
    text, page = ndr.readable(target, failures, original)
    stamp = now_iso(at)
    item_data = new_message_data(emulator, inbox.id)
    body = {"contentType": "html", "content": page}
    system = {"emailAddress": {"name": ndr.SYSTEM_NAME, "address": ndr.SYSTEM_ADDRESS}}
    item_data.update(
        createdDateTime=stamp,
        lastModifiedDateTime=stamp,
        sentDateTime=stamp,
        receivedDateTime=stamp,
        subject=ndr.subject(target, original.subject),
        body=body,
        bodyPreview=preview({"contentType": "text", "content": text}),
        importance="normal",
        isRead=False,
        isDraft=False,
        internetMessageId=report_id,
        conversationId=data.get("conversationId") or item_data["conversationId"],
        toRecipients=[{"emailAddress": {"name": target.display_name, "address": target.mail or target.upn}}],
        internetMessageHeaders=_headers(header_block(report.as_string())),
    )
    item_data["from"] = item_data["sender"] = system
    item = store.add_item(
        Item(0, ids.immutable_id(), ids.rest_id(), target.id, "message", inbox.id, item_data)
    )
    with store.transaction() as db:
        db.execute(
            "INSERT INTO reports(immutable_id, mailbox, original, at, mime) VALUES (?, ?, ?, ?, ?)",
            (item.immutable_id, target.id, data["originalId"], event.due, report.as_string()),
        )


def next_due(emulator: Emulator) -> float | None:
    """When the next queued event is due (None when nothing waits)."""
    rows = emulator.store.query("SELECT MIN(due) AS due FROM transport")
    due = rows[0]["due"]
    return None if due is None or math.isnan(due) else float(due)
