"""The transport's tables: events waiting for their time, departures per mailbox, deliveries and blocks.

Times are the emulator's wall-clock seconds (floats, so windows scaled down to milliseconds still count
right); they survive a restart of the sandbox with its state file, as Exchange's queues do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from securemailmerge.sandbox.graph.store import Store

Json = Any


@dataclass(frozen=True)
class Event:
    """One thing the transport will do at ``due``: a message leaving (``depart``) or a report (``ndr``)."""

    seq: int
    kind: str
    mailbox: str
    item_pk: int
    due: float
    data: dict[str, Json]


def add(store: Store, kind: str, mailbox: str, item_pk: int, due: float, data: dict[str, Json]) -> None:
    """Schedule an event."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO transport(kind, mailbox, item_pk, due, data) VALUES (?, ?, ?, ?, ?)",
            (kind, mailbox, item_pk, due, json.dumps(data)),
        )


def take_due(store: Store, horizon: float) -> Event | None:
    """Remove and return the earliest event due by ``horizon`` (call inside a transaction)."""
    rows = store.query("SELECT * FROM transport WHERE due <= ? ORDER BY due, seq LIMIT 1", (horizon,))
    if not rows:
        return None
    row = rows[0]
    with store.transaction() as db:
        db.execute("DELETE FROM transport WHERE seq = ?", (row["seq"],))
    return Event(row["seq"], row["kind"], row["mailbox"], row["item_pk"], row["due"], json.loads(row["data"]))


def pending(store: Store, mailbox: str | None = None) -> list[Event]:
    """Every event still waiting (of one mailbox when named), earliest first."""
    if mailbox is None:
        rows = store.query("SELECT * FROM transport ORDER BY due, seq")
    else:
        rows = store.query("SELECT * FROM transport WHERE mailbox = ? ORDER BY due, seq", (mailbox,))
    return [
        Event(r["seq"], r["kind"], r["mailbox"], r["item_pk"], r["due"], json.loads(r["data"])) for r in rows
    ]


def next_number(store: Store) -> int:
    """A counter of accepted messages: the n-th message draws the n-th delays of the seed."""
    with store.transaction():
        number = int(store.meta("transport-count") or 0) + 1
        store.set_meta("transport-count", str(number))
    return number


def departure_times(store: Store, mailbox: str, after: float, until: float) -> list[float]:
    """When the mailbox's messages left in (after, until], oldest first."""
    rows = store.query(
        "SELECT at FROM departures WHERE mailbox = ? AND at > ? AND at <= ? ORDER BY at",
        (mailbox, after, until),
    )
    return [float(r["at"]) for r in rows]


def recipients_since(store: Store, mailbox: str, after: float) -> int:
    """Recipients the mailbox sent to after ``after``."""
    rows = store.query(
        "SELECT COALESCE(SUM(recipients), 0) AS n FROM departures WHERE mailbox = ? AND at > ?",
        (mailbox, after),
    )
    return int(rows[0]["n"])


def external_since(store: Store, after: float) -> int:
    """External recipients the whole tenant sent to after ``after``."""
    rows = store.query("SELECT COALESCE(SUM(external), 0) AS n FROM departures WHERE at > ?", (after,))
    return int(rows[0]["n"])


def record_departure(store: Store, mailbox: str, at: float, recipients: int, external: int) -> None:
    """A message left the mailbox at ``at`` to so many recipients (so many outside the tenant)."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO departures(mailbox, at, recipients, external) VALUES (?, ?, ?, ?)",
            (mailbox, at, recipients, external),
        )


def blocked_until(store: Store, mailbox: str) -> float | None:
    """Until when the mailbox cannot send (None when it never reached its limit)."""
    rows = store.query("SELECT until FROM blocks WHERE mailbox = ?", (mailbox,))
    return float(rows[0]["until"]) if rows else None


def block(store: Store, mailbox: str, since: float, until: float) -> None:
    """The mailbox reached its daily limit at ``since`` and cannot send until ``until``."""
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO blocks(mailbox, since, until) VALUES (?, ?, ?)", (mailbox, since, until)
        )


def record_delivery(
    store: Store,
    sender: str,
    message: tuple[str, str],
    recipient: str,
    at: float,
    code: str | None,
    report_due: float | None,
) -> None:
    """What became of one recipient of a message (``message``: immutable and Internet message ids)."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO deliveries(sender, message_id, internet_message_id, recipient, code, at, report_due)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sender, message[0], message[1], recipient.lower(), code, at, report_due),
        )


def pending_report(store: Store, message_id: str) -> bool:
    """True while a report about the message (by immutable id) is still on its way."""
    rows = store.query(
        "SELECT 1 FROM transport WHERE kind = 'ndr' AND json_extract(data, '$.originalId') = ? LIMIT 1",
        (message_id,),
    )
    return bool(rows)
