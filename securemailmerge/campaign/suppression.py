"""The do-not-contact list, kept on this computer, and the unsubscribed columns of exported lists.

Each mailbox has its own list, a CSV file in the data folder (``donotcontact/<address>.csv``:
address, date added, reason), importable from any CSV or Excel file with an address column and
exportable to CSV. Every campaign leaves out
the addresses on it, and also rows that the list itself marks as unsubscribed: Mailchimp exports
carry ``UNSUB_TIME`` (or a ``Member status`` of unsubscribed or cleaned), HubSpot ``Unsubscribed
from all email``, Google and others a plain ``Unsubscribed`` column or an email subscription status.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from securemailmerge.campaign.csvout import write_csv
from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.paths import data_dir
from securemailmerge.recipients.addresses import BadAddress, parse_mailbox, reason_text
from securemailmerge.recipients.choice import AddressChoice
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import Recipient, RecipientList, RecipientOptions
from securemailmerge.yielding import between_steps

HEADER = ("address", "added", "reason")
STEP_ROWS = 1000  # entries read between two chances for a front end to run first
_TRUE = frozenset({"true", "yes", "1", "x", "ja", "sí", "si", "wahr", "verdadero"})
_STATUS_OUT = frozenset({"unsubscribed", "cleaned", "opted out", "opted-out", "opt-out", "bounced"})
# Column name (case and spaces ignored) -> how a cell says "unsubscribed".
_FLAG_COLUMNS = ("unsubscribed", "unsubscribe", "unsubscribedfromallemail", "optedoutofallemail", "optout")
_TIME_COLUMNS = ("unsubtime", "unsubscribedate", "unsubscribedat")
_STATUS_COLUMNS = (
    "memberstatus",
    "emailsubscriptionstatus",
    "subscriptionstatus",
    "emailmarketingstatus",
    "status",
)


@dataclass(frozen=True)
class Entry:
    """One address on the list: when and why it was added."""

    address: str
    added: str
    reason: str


DoNotContactEntry = Entry  # its name outside this module, where "Entry" alone says too little


def _normal(column: str) -> str:
    return re.sub(r"[\s_\-]+", "", column).casefold()


def unsubscribed_test(columns: Sequence[str]) -> Callable[[Recipient], bool] | None:
    """A test for rows a list marks as unsubscribed, or None when it has no such column."""
    by_name = {_normal(column): column for column in columns}
    flags = [by_name[name] for name in _FLAG_COLUMNS if name in by_name]
    times = [by_name[name] for name in _TIME_COLUMNS if name in by_name]
    statuses = [by_name[name] for name in _STATUS_COLUMNS if name in by_name]
    if not (flags or times or statuses):
        return None

    def unsubscribed(recipient: Recipient) -> bool:
        cells = recipient.fields
        return (
            any(cells.get(c, "").strip().casefold() in _TRUE for c in flags)
            or any(cells.get(c, "").strip() for c in times)
            or any(cells.get(c, "").strip().casefold() in _STATUS_OUT for c in statuses)
        )

    return unsubscribed


class DoNotContact:
    """The do-not-contact list of one mailbox."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, Entry] = {}
        if path.exists():
            self._entries = {e.address.casefold(): e for e in read_entries(path)}

    @classmethod
    def for_mailbox(cls, mailbox: str) -> DoNotContact:
        """The list of ``mailbox`` in the data folder."""
        safe = re.sub(r"[^\w.@+-]", "_", mailbox.casefold())
        return cls(data_dir() / "donotcontact" / f"{safe}.csv")

    def __contains__(self, address: object) -> bool:
        return isinstance(address, str) and address.casefold() in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[Entry]:
        """Every entry, sorted by address."""
        return sorted(self._entries.values(), key=lambda e: e.address.casefold())

    def add(self, addresses: Iterable[str], reason: str) -> int:
        """Add addresses (saved at once); returns how many were new."""
        added = 0
        today = datetime.now(UTC).date().isoformat()
        for address in addresses:
            key = address.strip().casefold()
            if key and key not in self._entries:
                self._entries[key] = Entry(address.strip(), today, reason)
                added += 1
        if added:
            self.save()
        return added

    def add_typed(self, text: str, reason: str) -> str:
        """Add one address a user typed, checked first; returns it normalised, InputError says why not."""
        parsed = parse_mailbox(text)
        if isinstance(parsed, BadAddress):
            raise InputError(
                translate("Campaign", "{address} cannot be added: {reason}.").format(
                    address=text.strip() or '""', reason=reason_text(parsed.reason)
                ),
                field="address",
            )
        self.add([parsed.address], reason)
        return parsed.address

    def remove(self, address: str) -> bool:
        """Take an address off the list; False when it was not on it."""
        found = self._entries.pop(address.strip().casefold(), None) is not None
        if found:
            self.save()
        return found

    def save(self) -> None:
        """Write the list: a temporary file renamed over the old one, never half a list."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".dnc-", suffix=".csv")
        os.close(handle)
        try:
            write_csv(Path(temporary), HEADER, ((e.address, e.added, e.reason) for e in self.entries()))
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def import_csv(self, path: Path) -> int:
        """Add every address of a CSV file (the first column that holds addresses); returns how many."""
        return self.add((e.address for e in read_entries(path)), translate("Campaign", "imported"))

    def import_file(self, path: Path) -> tuple[int, int]:
        """Add every address of a CSV or Excel file: each column the recipients loader finds addresses in.

        Returns how many addresses were new and how many rows held no valid address (left alone).
        """
        options = RecipientOptions(keep_duplicates=True, address=AddressChoice("all"))
        recipients = load_recipients(path, options)
        rows = [*recipients.rows, *recipients.excluded]
        addresses = [address for row in rows for address in (*row.to, *row.cc, *row.bcc)]
        without = sum(1 for row in rows if not (row.to or row.cc or row.bcc))
        return self.add(addresses, translate("Campaign", "imported")), without

    def export_csv(self, path: Path) -> int:
        """Write the list to a CSV file the user chose; returns the number of addresses."""
        return write_csv(path, HEADER, ((e.address, e.added, e.reason) for e in self.entries()))

    def exclusion(self, columns: Sequence[str]) -> Callable[[Recipient], str | None]:
        """Why a row is left out (on this list, or unsubscribed in the list itself), or None."""
        return exclusion(self, columns)


def exclusion(dnc: DoNotContact | None, columns: Sequence[str]) -> Callable[[Recipient], str | None]:
    """Why a row is left out: on ``dnc`` (when a mailbox's list is known), or unsubscribed in the list."""
    unsubscribed = unsubscribed_test(columns)
    on_list = translate("Campaign", "On your do-not-contact list.")
    marked = translate("Campaign", "Marked as unsubscribed in the recipient list.")

    def reason(recipient: Recipient) -> str | None:
        if dnc is not None and any(a in dnc for a in (*recipient.to, *recipient.cc, *recipient.bcc)):
            return on_list
        if unsubscribed is not None and unsubscribed(recipient):
            return marked
        return None

    return reason


def left_out_rows(recipients: RecipientList, dnc: DoNotContact | None) -> dict[int, str]:
    """The source rows of ``recipients`` a campaign leaves out because of ``dnc`` or the list's own marks."""
    reason = exclusion(dnc, recipients.columns)
    found = {}
    for recipient in recipients.rows:
        why = reason(recipient)
        if why is not None:
            found[recipient.row] = why
    return found


def read_entries(path: Path) -> list[Entry]:
    """The entries of a do-not-contact CSV (or any CSV with an address column); InputError names the row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            translate("Campaign", "The do-not-contact file {file} cannot be read: {reason}").format(
                file=path, reason=getattr(error, "strerror", None) or error
            ),
            file=str(path),
        ) from error
    entries = []
    for number, row in enumerate(rows, start=1):
        if number % STEP_ROWS == 0:
            between_steps()  # a list of 10,000 is read beside the window that shows it
        cells = [cell.strip() for cell in row]
        address = next((c for c in cells if "@" in c), None)
        if address is None:
            continue
        if isinstance(parse_mailbox(address), BadAddress):
            raise InputError(
                translate("Campaign", "{file}:{row}: {address} is not an email address.").format(
                    file=path.name, row=number, address=address
                ),
                file=str(path),
                row=number,
            )
        added = cells[1] if len(cells) > 1 and cells[0] == address else ""
        reason = cells[2] if len(cells) > 2 and cells[0] == address else ""
        entries.append(Entry(address, added, reason))
    return entries
