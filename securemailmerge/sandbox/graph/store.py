"""The Graph emulator's state in SQLite: mail and contact folders, items, extended properties, attachments.

One connection serves every thread behind a lock (":memory:" databases exist per connection);
a file database runs in WAL mode so a campaign's state survives a restart of the sandbox.
Items keep two ids, as Exchange does: an immutable one that never changes inside the mailbox, and
a REST id that changes whenever the item moves to another folder.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS folders (
    id TEXT PRIMARY KEY, mailbox TEXT NOT NULL, kind TEXT NOT NULL, well_known TEXT,
    parent_id TEXT, display_name TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS folders_parent ON folders(mailbox, kind, parent_id);
CREATE TABLE IF NOT EXISTS items (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, immutable_id TEXT NOT NULL UNIQUE, rest_id TEXT NOT NULL UNIQUE,
    mailbox TEXT NOT NULL, kind TEXT NOT NULL, folder_id TEXT NOT NULL, data TEXT NOT NULL,
    release_at TEXT
);
CREATE INDEX IF NOT EXISTS items_folder ON items(mailbox, folder_id, pk);
CREATE TABLE IF NOT EXISTS props (
    item_pk INTEGER NOT NULL, prop_id TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (item_pk, prop_id)
);
CREATE INDEX IF NOT EXISTS props_value ON props(prop_id, value);
CREATE TABLE IF NOT EXISTS attachments (
    id TEXT PRIMARY KEY, item_pk INTEGER NOT NULL, data TEXT NOT NULL, content BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_item ON attachments(item_pk);
CREATE TABLE IF NOT EXISTS categories (
    mailbox TEXT NOT NULL, id TEXT NOT NULL, display_name TEXT NOT NULL, color TEXT NOT NULL,
    PRIMARY KEY (mailbox, id)
);
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, secret TEXT NOT NULL, mailbox TEXT NOT NULL, user_id TEXT NOT NULL,
    client_id TEXT NOT NULL, item_pk INTEGER NOT NULL, data TEXT NOT NULL, size INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0, expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS upload_chunks (
    upload_id TEXT NOT NULL, offset INTEGER NOT NULL, data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS sent (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, mailbox TEXT NOT NULL, immutable_id TEXT NOT NULL,
    sent_at TEXT NOT NULL, recipients INTEGER NOT NULL, mime TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sent_mailbox ON sent(mailbox, seq);
CREATE INDEX IF NOT EXISTS sent_item ON sent(immutable_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS transport (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, mailbox TEXT NOT NULL,
    item_pk INTEGER NOT NULL, due REAL NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS transport_due ON transport(due, seq);
CREATE TABLE IF NOT EXISTS departures (
    mailbox TEXT NOT NULL, at REAL NOT NULL, recipients INTEGER NOT NULL, external INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS departures_at ON departures(at);
CREATE TABLE IF NOT EXISTS deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, sender TEXT NOT NULL, message_id TEXT NOT NULL,
    internet_message_id TEXT NOT NULL, recipient TEXT NOT NULL, code TEXT, at REAL NOT NULL,
    report_due REAL
);
CREATE INDEX IF NOT EXISTS deliveries_recipient ON deliveries(recipient);
CREATE INDEX IF NOT EXISTS deliveries_sender ON deliveries(sender, seq);
CREATE TABLE IF NOT EXISTS blocks (mailbox TEXT PRIMARY KEY, since REAL NOT NULL, until REAL NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    immutable_id TEXT PRIMARY KEY, mailbox TEXT NOT NULL, original TEXT NOT NULL, at REAL NOT NULL,
    mime TEXT NOT NULL
);
"""


@dataclass
class Item:
    """A message or contact as stored: ids, where it lives and its Graph properties."""

    pk: int
    immutable_id: str
    rest_id: str
    mailbox: str
    kind: str
    folder_id: str
    data: dict[str, Any]
    release_at: str | None = None


@dataclass(frozen=True)
class Folder:
    """A mail or contact folder of one mailbox."""

    id: str
    mailbox: str
    kind: str
    well_known: str | None
    parent_id: str | None
    display_name: str
    hidden: bool


class Store:
    """Thread-safe access to the emulator's SQLite database."""

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        # Upload sessions hold positions of a monotonic clock that restarts with the process.
        self._db.execute("DELETE FROM upload_chunks")
        self._db.execute("DELETE FROM uploads")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run statements as one atomic unit; nested use joins the outer transaction."""
        with self._lock:
            if self._db.in_transaction:
                yield self._db
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only statement."""
        with self._lock:
            return list(self._db.execute(sql, params))

    def meta(self, key: str) -> str | None:
        """A stored setting (e.g. whether the demo tenant was seeded)."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a setting."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # folders -------------------------------------------------------------------------------------

    def add_folder(self, folder: Folder) -> Folder:
        """Store a folder and return it."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO folders(id, mailbox, kind, well_known, parent_id, display_name, hidden)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    folder.id,
                    folder.mailbox,
                    folder.kind,
                    folder.well_known,
                    folder.parent_id,
                    folder.display_name,
                    int(folder.hidden),
                ),
            )
        return folder

    def folder(self, mailbox: str, kind: str, id_or_name: str) -> Folder | None:
        """A folder by id or well-known name (any case), in one mailbox."""
        rows = self.query(
            "SELECT * FROM folders WHERE mailbox = ? AND kind = ? AND (id = ? OR well_known = ?)",
            (mailbox, kind, id_or_name, id_or_name.lower()),
        )
        return _folder(rows[0]) if rows else None

    def child_folders(self, mailbox: str, kind: str, parent_id: str | None) -> list[Folder]:
        """The folders directly under ``parent_id``, in creation order."""
        rows = self.query(
            "SELECT * FROM folders WHERE mailbox = ? AND kind = ? AND parent_id IS ? ORDER BY rowid",
            (mailbox, kind, parent_id),
        )
        return [_folder(r) for r in rows]

    def folders(self, mailbox: str, kind: str) -> list[Folder]:
        """Every folder of one kind in a mailbox."""
        rows = self.query(
            "SELECT * FROM folders WHERE mailbox = ? AND kind = ? ORDER BY rowid", (mailbox, kind)
        )
        return [_folder(r) for r in rows]

    def count_items(self, folder_id: str, *, unread: bool = False) -> int:
        """How many items a folder holds (only unread ones when asked)."""
        rows = self.query("SELECT data FROM items WHERE folder_id = ?", (folder_id,))
        if not unread:
            return len(rows)
        return sum(1 for r in rows if not json.loads(r["data"]).get("isRead", True))

    # items ---------------------------------------------------------------------------------------

    def add_item(self, item: Item, props: dict[str, str] | None = None) -> Item:
        """Store a new item (its ``pk`` is filled in) with its extended properties."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO items(immutable_id, rest_id, mailbox, kind, folder_id, data, release_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    item.immutable_id,
                    item.rest_id,
                    item.mailbox,
                    item.kind,
                    item.folder_id,
                    json.dumps(item.data),
                    item.release_at,
                ),
            )
            item.pk = int(cursor.lastrowid or 0)
            for prop_id, value in (props or {}).items():
                db.execute(
                    "INSERT INTO props(item_pk, prop_id, value) VALUES (?, ?, ?)", (item.pk, prop_id, value)
                )
        return item

    def item(self, mailbox: str, kind: str, item_id: str) -> Item | None:
        """An item by its immutable or REST id, in one mailbox."""
        rows = self.query(
            "SELECT * FROM items WHERE mailbox = ? AND kind = ? AND (immutable_id = ? OR rest_id = ?)",
            (mailbox, kind, item_id, item_id),
        )
        return _item(rows[0]) if rows else None

    def item_by_pk(self, pk: int) -> Item | None:
        """An item by its row number (None once it is deleted)."""
        rows = self.query("SELECT * FROM items WHERE pk = ?", (pk,))
        return _item(rows[0]) if rows else None

    def items(
        self,
        mailbox: str,
        kind: str,
        folder_ids: list[str] | None,
        props: list[tuple[str, str | None]] | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Item]:
        """Items of a mailbox (in some folders), optionally only those carrying extended property values."""
        sql = "SELECT * FROM items WHERE mailbox = ? AND kind = ?"
        params: list[Any] = [mailbox, kind]
        if folder_ids is not None:
            sql += f" AND folder_id IN ({','.join('?' * len(folder_ids))})"
            params.extend(folder_ids)
        for prop_id, value in props or []:
            if value is None:
                sql += " AND pk IN (SELECT item_pk FROM props WHERE prop_id = ?)"
                params.append(prop_id)
            else:
                sql += " AND pk IN (SELECT item_pk FROM props WHERE prop_id = ? AND value = ?)"
                params.extend([prop_id, value])
        sql += " ORDER BY pk"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([limit, offset])
        return [_item(r) for r in self.query(sql, tuple(params))]

    def save_item(self, item: Item) -> None:
        """Write an item's folder, ids, release time and properties back."""
        with self.transaction() as db:
            db.execute(
                "UPDATE items SET rest_id = ?, folder_id = ?, data = ?, release_at = ? WHERE pk = ?",
                (item.rest_id, item.folder_id, json.dumps(item.data), item.release_at, item.pk),
            )

    def delete_item(self, item: Item) -> None:
        """Remove an item with its properties and attachments."""
        with self.transaction() as db:
            db.execute("DELETE FROM items WHERE pk = ?", (item.pk,))
            db.execute("DELETE FROM props WHERE item_pk = ?", (item.pk,))
            db.execute("DELETE FROM attachments WHERE item_pk = ?", (item.pk,))

    def props(self, item_pk: int) -> dict[str, str]:
        """The single-value extended properties of an item, by canonical id."""
        rows = self.query("SELECT prop_id, value FROM props WHERE item_pk = ? ORDER BY prop_id", (item_pk,))
        return {r["prop_id"]: r["value"] for r in rows}

    def set_props(self, item_pk: int, props: dict[str, str]) -> None:
        """Add or replace extended properties of an item."""
        with self.transaction() as db:
            for prop_id, value in props.items():
                db.execute(
                    "INSERT OR REPLACE INTO props(item_pk, prop_id, value) VALUES (?, ?, ?)",
                    (item_pk, prop_id, value),
                )

    # attachments ---------------------------------------------------------------------------------

    def add_attachment(self, item_pk: int, attachment_id: str, data: dict[str, Any], content: bytes) -> None:
        """Attach content to an item."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO attachments(id, item_pk, data, content) VALUES (?, ?, ?, ?)",
                (attachment_id, item_pk, json.dumps(data), content),
            )

    def attachments(self, item_pk: int) -> list[tuple[str, dict[str, Any], bytes]]:
        """An item's attachments: id, metadata and content, in the order they were added."""
        rows = self.query(
            "SELECT id, data, content FROM attachments WHERE item_pk = ? ORDER BY rowid", (item_pk,)
        )
        return [(r["id"], json.loads(r["data"]), bytes(r["content"])) for r in rows]

    def attachment_meta(self, item_pk: int) -> list[tuple[str, dict[str, Any]]]:
        """An item's attachment ids and metadata, without loading their content."""
        rows = self.query("SELECT id, data FROM attachments WHERE item_pk = ? ORDER BY rowid", (item_pk,))
        return [(r["id"], json.loads(r["data"])) for r in rows]

    # categories ----------------------------------------------------------------------------------

    def add_category(self, mailbox: str, category_id: str, name: str, color: str) -> None:
        """Add a category to a mailbox's master list."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO categories(mailbox, id, display_name, color) VALUES (?, ?, ?, ?)",
                (mailbox, category_id, name, color),
            )

    def categories(self, mailbox: str) -> list[dict[str, str]]:
        """A mailbox's master category list as Graph returns it."""
        rows = self.query("SELECT * FROM categories WHERE mailbox = ? ORDER BY rowid", (mailbox,))
        return [{"id": r["id"], "displayName": r["display_name"], "color": r["color"]} for r in rows]

    # sent log ------------------------------------------------------------------------------------

    def log_sent(self, mailbox: str, immutable_id: str, sent_at: str, recipients: int, mime: str) -> None:
        """Record one message that left the mailbox, as the MIME text that was sent."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO sent(mailbox, immutable_id, sent_at, recipients, mime) VALUES (?, ?, ?, ?, ?)",
                (mailbox, immutable_id, sent_at, recipients, mime),
            )

    def sent(self, mailbox: str) -> list[sqlite3.Row]:
        """Every message sent from a mailbox, oldest first."""
        return self.query("SELECT * FROM sent WHERE mailbox = ? ORDER BY seq", (mailbox,))

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


def _folder(row: sqlite3.Row) -> Folder:
    return Folder(
        row["id"],
        row["mailbox"],
        row["kind"],
        row["well_known"],
        row["parent_id"],
        row["display_name"],
        bool(row["hidden"]),
    )


def _item(row: sqlite3.Row) -> Item:
    return Item(
        row["pk"],
        row["immutable_id"],
        row["rest_id"],
        row["mailbox"],
        row["kind"],
        row["folder_id"],
        json.loads(row["data"]),
        row["release_at"],
    )
