"""Non-delivery reports and unsubscribe replies, found in the Inbox and matched back to the campaign's rows.

A report names its original by Message-ID (``In-Reply-To`` and ``References``, and the original's
headers quoted in its body); the row that sent that Internet message id bounced, with the enhanced
status code the report gives for its address. 5.1.90 (the mailbox reached its daily recipient
limit) means every further message would bounce too, so ``InboxCheck.limit_reached`` tells the run
to pause. A reply from a recipient whose subject or first line says "unsubscribe" (in English,
German or Spanish) puts its sender on the do-not-contact list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from securemailmerge.campaign import journal as states
from securemailmerge.campaign.events import RowBounced
from securemailmerge.campaign.journal import Journal, JournalRow
from securemailmerge.campaign.sender import Mailbox
from securemailmerge.campaign.suppression import DoNotContact
from securemailmerge.i18n import translate

DAILY_LIMIT = "5.1.90"
_STATUS = re.compile(r"\b([45]\.\d{1,3}\.\d{1,3})\b")
_MESSAGE_ID = re.compile(r"<[^<>\s@]+@[^<>\s]+>")
_TAG = re.compile(r"<[^>]+>")
_UNSUBSCRIBE = re.compile(
    r"^\W*(?:re|aw|antw|rv|fw|wg)?\W*(unsubscribe|abmelden|austragen|darse de baja|dar de baja|baja|"
    r"cancelar suscripción|desuscribir)\b",
    re.IGNORECASE,
)
_SELECT = "id,subject,body,from,receivedDateTime,internetMessageHeaders"


def reason_text(code: str) -> str:
    """What an enhanced status code means, for the user."""
    texts = {
        "5.1.1": translate("Bounces", "The address does not exist (unknown recipient)."),
        "5.1.10": translate(
            "Bounces", "The recipient was not found in their organisation (unknown address)."
        ),
        "5.1.2": translate("Bounces", "The domain does not exist."),
        "5.4.1": translate("Bounces", "The recipient's server does not accept mail for this address."),
        "5.4.310": translate("Bounces", "The domain does not exist."),
        "5.2.2": translate("Bounces", "The recipient's mailbox is full."),
        "4.2.2": translate("Bounces", "The recipient's mailbox is full."),
        DAILY_LIMIT: translate(
            "Bounces", "Your mailbox reached its daily limit for recipients; it cannot send for a while."
        ),
        "5.7.232": translate("Bounces", "Your organisation reached its daily limit for external recipients."),
        "5.7.233": translate("Bounces", "Your organisation reached its daily limit for external recipients."),
    }
    if code in texts:
        return texts[code]
    if code.startswith("5.7."):
        return translate("Bounces", "The recipient's server refused the message (status {code}).").format(
            code=code
        )
    return translate("Bounces", "The message could not be delivered (status {code}).").format(code=code)


@dataclass
class InboxCheck:
    """What one look at the Inbox found."""

    bounced: list[RowBounced] = field(default_factory=list)
    unsubscribed: list[str] = field(default_factory=list)

    @property
    def limit_reached(self) -> bool:
        """True when a report says the mailbox reached its daily recipient limit."""
        return any(b.code == DAILY_LIMIT for b in self.bounced)


def _text(item: dict[str, object]) -> str:
    body = item.get("body")
    content = body.get("content") if isinstance(body, dict) else ""
    return html.unescape(_TAG.sub(" ", str(content or "")))


def _headers(item: dict[str, object]) -> dict[str, str]:
    found = item.get("internetMessageHeaders")
    if not isinstance(found, list):
        return {}
    return {str(h.get("name", "")).casefold(): str(h.get("value", "")) for h in found if isinstance(h, dict)}


def _sender(item: dict[str, object]) -> str:
    who = item.get("from")
    address = who.get("emailAddress", {}).get("address") if isinstance(who, dict) else None
    return str(address or "")


class BounceReader:
    """Reads the campaign mailbox's Inbox for reports and replies about the campaign."""

    def __init__(self, journal: Journal, mailbox: Mailbox, dnc: DoNotContact | None = None) -> None:
        self.journal = journal
        self.mailbox = mailbox
        self.dnc = dnc
        self._addresses: dict[str, str] | None = None
        self.looks = 0  # requests made to read the Inbox (pages), for the benchmarks

    def check(self, clock: Callable[[], float] | None = None) -> InboxCheck:
        """Read the Inbox since the campaign was created and record every bounce and opt-out found."""
        since = float(self.journal.setting("created") or 0.0)
        stamp = datetime.fromtimestamp(since, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        params = {"$select": _SELECT, "$filter": f"receivedDateTime ge {stamp}", "$top": "100"}
        result = InboxCheck()
        self.looks += 1
        for item in self.mailbox.pages("/me/mailFolders/inbox/messages", params):
            text = _text(item)
            ids = _MESSAGE_ID.findall(
                " ".join(_headers(item).get(n, "") for n in ("in-reply-to", "references"))
            )
            ids += _MESSAGE_ID.findall(text)
            rows = self._rows(ids)
            if rows and _STATUS.search(text):
                for row in rows:
                    bounce = self._bounce(row, text)
                    if bounce is not None:
                        result.bounced.append(bounce)
            elif self._unsubscribe(item, text):
                result.unsubscribed.append(_sender(item))
        if result.unsubscribed and self.dnc is not None:
            self.dnc.add(result.unsubscribed, translate("Campaign", "Replied to ask to be unsubscribed."))
        return result

    def _rows(self, ids: list[str]) -> list[JournalRow]:
        rows: dict[str, JournalRow] = {}
        for message_id in ids:
            for row in self.journal.by_internet_message_id(message_id):
                rows[row.key] = row
        return list(rows.values())

    def _bounce(self, row: JournalRow, text: str) -> RowBounced | None:
        addresses = [a for a in (*row.recipient.get("to", []), *row.recipient.get("cc", [])) if a]
        code = None
        for address in addresses:
            at = text.casefold().find(str(address).casefold())
            if at >= 0:
                found = _STATUS.search(text, at)
                code = found.group(1) if found else None
                break
        if code is None:
            return None
        reason = reason_text(code)
        if not self.journal.record_bounce(row.key, code, reason):
            return None  # already known, or recorded by another look at the same moment
        return RowBounced(row.key, row.row, code, reason)

    def _unsubscribe(self, item: dict[str, object], text: str) -> bool:
        sender = _sender(item).casefold()
        if not sender or sender not in self._recipient_addresses():
            return False
        subject = str(item.get("subject") or "")
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        return bool(_UNSUBSCRIBE.search(subject) or _UNSUBSCRIBE.search(first_line))

    def _recipient_addresses(self) -> dict[str, str]:
        if self._addresses is None:
            self._addresses = {
                str(a).casefold(): row.key
                for row in self.journal.rows(tuple(states.GONE))
                for a in row.recipient.get("to", [])
            }
        return self._addresses
