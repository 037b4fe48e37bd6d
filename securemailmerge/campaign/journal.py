"""The campaign journal: one SQLite file (WAL) per campaign, one row per recipient, every step committed.

A campaign folder holds ``journal.sqlite``. Its ``campaign`` table keeps the plan's settings (the
template, its fingerprint, the sender, the mode, the pace, the mailbox); its ``rows`` table keeps
each recipient and the row's state::

    planned -> drafted(message id) -> ready -> sending -> sent -> delivered | bounced(code)
                                                        \\-> scheduled (held in the Outbox)
    any state before sending -> failed(code, reason); skipped (left out, with the reason)

Every transition is committed before the next network step, so after any crash the journal says
what was done and what may have been done; ``sending`` means the send was asked for and may have
been accepted, so such a row is never sent again from a new draft. Each thread that writes uses its
own connection; SQLite serialises the writers.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.paths import data_dir

JOURNAL_FILE = "journal.sqlite"
SCHEMA_VERSION = 1

PLANNED, DRAFTED, READY, SENDING = "planned", "drafted", "ready", "sending"
SENT, SCHEDULED, DELIVERED, BOUNCED = "sent", "scheduled", "delivered", "bounced"
FAILED, SKIPPED = "failed", "skipped"
STATES = (PLANNED, DRAFTED, READY, SENDING, SENT, SCHEDULED, DELIVERED, BOUNCED, FAILED, SKIPPED)
# Rows whose message has left (or is held by Exchange to leave): they are never sent again.
GONE = frozenset({SENDING, SENT, SCHEDULED, DELIVERED, BOUNCED})
FINAL = frozenset({SENT, SCHEDULED, DELIVERED, BOUNCED, FAILED, SKIPPED})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS campaign (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rows (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    row INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    schedule_at REAL,
    state TEXT NOT NULL,
    message_id TEXT,
    internet_message_id TEXT,
    code TEXT,
    reason TEXT,
    updated REAL NOT NULL,
    sent_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS rows_state ON rows(state);
CREATE INDEX IF NOT EXISTS rows_imid ON rows(internet_message_id);
"""


@dataclass(frozen=True)
class PlannedRow:
    """One recipient as the plan holds it: its key, source row, recipient data and content fingerprint."""

    key: str
    row: int
    recipient: Mapping[str, Any]
    recipients: int
    fingerprint: str
    schedule_at: float | None = None
    state: str = PLANNED
    reason: str | None = None
    code: str | None = None  # why a skipped row is left out, as a code (``do-not-contact``, ``duplicate``)


@dataclass(frozen=True)
class JournalRow:
    """One recipient's row as the journal holds it now."""

    seq: int
    key: str
    row: int
    recipient: Mapping[str, Any]
    recipients: int
    fingerprint: str
    schedule_at: float | None
    state: str
    message_id: str | None
    internet_message_id: str | None
    code: str | None
    reason: str | None
    updated: float
    sent_at: float | None
    attempts: int


class Journal:
    """A campaign's journal file: the plan's settings and every row's state, committed step by step."""

    def __init__(self, folder: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.path = folder / JOURNAL_FILE
        self._clock = clock
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    # opening ---------------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        settings: Mapping[str, Any],
        rows: Sequence[PlannedRow],
        *,
        clock: Callable[[], float] = time.time,
    ) -> Journal:
        """A new campaign in ``folder`` (which must not hold one yet) with its settings and plan."""
        cls.ensure_new(folder)
        folder.mkdir(parents=True, exist_ok=True)
        journal = cls(folder, clock=clock)
        now = clock()
        db = journal._db()
        with db:
            db.executemany(
                "INSERT INTO campaign (key, value) VALUES (?, ?)",
                [(key, json.dumps(value)) for key, value in {**settings, "schema": SCHEMA_VERSION}.items()],
            )
            db.executemany(
                "INSERT INTO rows (key, row, recipient, recipients, fingerprint, schedule_at, state, reason,"
                " code, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        r.key,
                        r.row,
                        json.dumps(r.recipient),
                        r.recipients,
                        r.fingerprint,
                        r.schedule_at,
                        r.state,
                        r.reason,
                        r.code,
                        now,
                    )
                    for r in rows
                ),
            )
        return journal

    @staticmethod
    def ensure_new(folder: Path) -> None:
        """InputError when ``folder`` already holds a campaign."""
        if (folder / JOURNAL_FILE).exists():
            raise InputError(
                translate(
                    "Campaign", "{folder} already holds a campaign; resume it or choose another folder."
                ).format(folder=folder),
                file=str(folder),
            )

    @classmethod
    def open(cls, folder: Path, *, clock: Callable[[], float] = time.time) -> Journal:
        """An existing campaign; InputError naming the folder when there is none or it is unreadable."""
        if not (folder / JOURNAL_FILE).is_file():
            raise InputError(
                translate("Campaign", "{folder} holds no campaign (no {file}).").format(
                    folder=folder, file=JOURNAL_FILE
                ),
                file=str(folder),
            )
        journal = cls(folder, clock=clock)
        try:
            journal.settings()
        except sqlite3.DatabaseError as error:
            journal.close()
            raise InputError(
                translate("Campaign", "The campaign journal {file} cannot be read: {reason}").format(
                    file=journal.path, reason=error
                ),
                file=str(journal.path),
            ) from error
        return journal

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            # NORMAL: with WAL, every commit survives a killed process. A power cut may lose the last
            # few; resume then restores them from the drafts' tags, which is what it reconciles on.
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    def close(self) -> None:
        """Close every connection this journal opened."""
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # settings --------------------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """Every setting of the campaign."""
        rows = self._db().execute("SELECT key, value FROM campaign").fetchall()
        return {row["key"]: json.loads(row["value"]) for row in rows}

    def setting(self, key: str, default: Any = None) -> Any:
        """One setting, or ``default``."""
        found = self._db().execute("SELECT value FROM campaign WHERE key = ?", (key,)).fetchone()
        return default if found is None else json.loads(found["value"])

    def set_setting(self, key: str, value: Any) -> None:
        """Store one setting (committed at once)."""
        db = self._db()
        with db:
            db.execute(
                "INSERT INTO campaign (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    # rows ------------------------------------------------------------------------------------------

    def rows(self, states: Sequence[str] | None = None) -> Iterator[JournalRow]:
        """The rows in plan order, only those in ``states`` when given."""
        sql = "SELECT * FROM rows"
        params: tuple[str, ...] = ()
        if states is not None:
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
            params = tuple(states)
        with closing(self._db().execute(sql + " ORDER BY seq", params)) as cursor:
            for found in cursor:
                yield _row(found)

    def row(self, key: str) -> JournalRow:
        """One row by its key."""
        found = self._db().execute("SELECT * FROM rows WHERE key = ?", (key,)).fetchone()
        if found is None:
            raise KeyError(key)
        return _row(found)

    def by_internet_message_id(self, internet_message_id: str) -> list[JournalRow]:
        """The rows whose message carried this Internet message id (one, unless a copy kept its id)."""
        found = (
            self._db()
            .execute("SELECT * FROM rows WHERE internet_message_id = ? ORDER BY seq", (internet_message_id,))
            .fetchall()
        )
        return [_row(row) for row in found]

    def counts(self) -> dict[str, int]:
        """How many rows are in each state (every state named, zero included)."""
        counts = dict.fromkeys(STATES, 0)
        for found in self._db().execute("SELECT state, COUNT(*) AS n FROM rows GROUP BY state"):
            counts[found["state"]] = found["n"]
        return counts

    def sends_since(self, since: float) -> list[tuple[float, int]]:
        """``(sent at, recipients)`` of every message that left at or after ``since``, oldest first."""
        return [
            (found["sent_at"], found["recipients"])
            for found in self._db().execute(
                "SELECT sent_at, recipients FROM rows WHERE sent_at IS NOT NULL AND sent_at >= ? "
                "ORDER BY sent_at",
                (since,),
            )
        ]

    def update(self, key: str, state: str, **values: Any) -> JournalRow:
        """Move a row to ``state`` with the given columns, committed before this returns."""
        allowed = {
            "message_id",
            "internet_message_id",
            "code",
            "reason",
            "sent_at",
            "attempts",
            "schedule_at",
        }
        unknown = set(values) - allowed
        if unknown or state not in STATES:
            raise ValueError(f"journal update of {key}: {state} {sorted(unknown)}")
        columns = ["state = ?", "updated = ?", *(f"{name} = ?" for name in values)]
        db = self._db()
        with db:
            changed = db.execute(
                f"UPDATE rows SET {', '.join(columns)} WHERE key = ?",  # noqa: S608 - names checked above
                (state, self._clock(), *values.values(), key),
            ).rowcount
        if changed != 1:
            raise KeyError(key)
        return self.row(key)

    def record_bounce(self, key: str, code: str, reason: str) -> bool:
        """Mark a row bounced with ``code``; False when it already was, with that code.

        One statement decides, so two looks at the Inbox at once (a click while another look runs, or
        the command line beside the app) report a bounce once between them.
        """
        db = self._db()
        with db:
            changed = db.execute(
                "UPDATE rows SET state = ?, code = ?, reason = ?, updated = ? "
                "WHERE key = ? AND NOT (state = ? AND code IS ?)",
                (BOUNCED, code, reason, self._clock(), key, BOUNCED, code),
            ).rowcount
        return changed == 1

    def send_drafts(self) -> None:
        """Turn a drafts-only campaign into one that sends its drafts (reconciled first) at its pace."""
        if self.setting("mode") == "drafts":
            self.set_setting("mode", "now")

    def retry_failed(self) -> int:
        """Put every failed row back to planned, to be tried again; returns how many."""
        db = self._db()
        with db:
            return db.execute(
                "UPDATE rows SET state = ?, code = NULL, reason = NULL, updated = ? WHERE state = ?",
                (PLANNED, self._clock(), FAILED),
            ).rowcount


def _row(found: sqlite3.Row) -> JournalRow:
    return JournalRow(
        seq=found["seq"],
        key=found["key"],
        row=found["row"],
        recipient=json.loads(found["recipient"]),
        recipients=found["recipients"],
        fingerprint=found["fingerprint"],
        schedule_at=found["schedule_at"],
        state=found["state"],
        message_id=found["message_id"],
        internet_message_id=found["internet_message_id"],
        code=found["code"],
        reason=found["reason"],
        updated=found["updated"],
        sent_at=found["sent_at"],
        attempts=found["attempts"],
    )


def campaigns_dir() -> Path:
    """Where campaigns live unless the user names another folder: ``campaigns`` in the data folder."""
    path = data_dir() / "campaigns"
    path.mkdir(parents=True, exist_ok=True)
    return path


def list_campaigns(root: Path) -> list[Path]:
    """The campaign folders directly inside ``root``, newest first."""
    if not root.is_dir():
        return []
    found = [child for child in root.iterdir() if (child / JOURNAL_FILE).is_file()]
    return sorted(found, key=lambda path: (path / JOURNAL_FILE).stat().st_mtime, reverse=True)
