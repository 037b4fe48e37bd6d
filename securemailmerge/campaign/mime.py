"""RFC 5322 messages: build one personal message, estimate its size cheaply, export ``.eml`` files.

Messages are ``multipart/alternative`` (plain text and HTML), wrapped in ``multipart/mixed`` when they
carry attachments. Headers are 7-bit: display names and the subject use RFC 2047 encoded words,
attachment names RFC 2231, and internationalised domains their IDNA (punycode) form. Only an address
whose local part is not ASCII cannot be written that way; such a message is written as RFC 6532
(UTF-8 headers), which is the one standard way to carry it.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from pathlib import Path

import idna

from securemailmerge.errors import InputError, RenderError
from securemailmerge.i18n import translate
from securemailmerge.recipients.addresses import BadAddress, parse_mailbox, reason_text
from securemailmerge.recipients.model import Recipient
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template.fields import FieldResolver
from securemailmerge.template.model import RenderedMessage

# CRLF line ends as RFC 5322 wants; 7-bit headers (SMTPUTF8 off) unless an address demands otherwise.
ASCII_POLICY = policy.SMTP
UTF8_POLICY = policy.SMTPUTF8

# Everything str.splitlines() breaks on: in a header any of them could start a new header line.
_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other control characters are invisible and not allowed raw in a header, so they are dropped.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")

# Bytes of headers and MIME structure that every message carries (Date, Message-ID, boundaries, part
# headers); measured on built messages and rounded up so the estimate errs on the large side.
_FIXED_OVERHEAD = 900
_PART_OVERHEAD = 260


@lru_cache(maxsize=64)
def _name_columns(columns: tuple[str, ...]) -> tuple[str | None, str | None, str | None]:
    """The full-name, first-name and last-name columns among ``columns`` (the template's aliases)."""
    resolver = FieldResolver(columns)
    return resolver.resolve("DisplayName"), resolver.resolve("FirstName"), resolver.resolve("LastName")


def recipient_name(fields: Mapping[str, str]) -> str:
    """The display name for a row: its full-name column, else first and last name, else empty."""
    # Every row of a list has the same columns, so matching them is done once per list.
    full, first, last = (fields[column].strip() if column else "" for column in _name_columns(tuple(fields)))
    # A name only decorates the address, so a line break typed into a name cell becomes a space.
    return _CONTROL.sub("", _LINE_BREAK.sub(" ", full or f"{first} {last}")).strip()


def named_to(recipient: Recipient) -> list[tuple[str, str]]:
    """``(display name, address)`` of each To address, named as the message will name them."""
    # A name typed with the address wins; the row's name columns only name a lone To address.
    row_name = recipient_name(recipient.fields) if len(recipient.to) == 1 else ""
    return [(recipient.display_name(address) or row_name, address) for address in recipient.to]


def header_address(text: str, display_name: str = "") -> Address:
    """One address (``Name <addr>`` or bare) as a header object with its domain in IDNA form."""
    parsed = parse_mailbox(text)
    if isinstance(parsed, BadAddress):
        raise RenderError(
            translate("Mime", "{address!r} cannot be used as an address: {reason}.").format(
                address=text, reason=reason_text(parsed.reason)
            )
        )
    local, _, domain = parsed.address.rpartition("@")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise RenderError(
            translate("Mime", "The domain of {address!r} cannot be encoded: {reason}").format(
                address=text, reason=error
            )
        ) from error
    return Address(parsed.name or display_name, local, ascii_domain)


def _needs_utf8(addresses: Iterable[Address]) -> bool:
    return any(not address.username.isascii() for address in addresses)


def build_message(
    rendered: RenderedMessage,
    recipient: Recipient,
    *,
    sender: str | None,
    base_folder: Path,
    now: datetime | None = None,
) -> EmailMessage:
    """The complete message for one recipient, attachments read from inside ``base_folder``."""
    if not recipient.to:
        raise RenderError(translate("Mime", "There is no address to send this message to."))
    if _LINE_BREAK.search(rendered.subject):
        raise RenderError(translate("Mime", "The subject contains a line break."), field="subject")
    to = [header_address(address, name) for name, address in named_to(recipient)]
    cc = [header_address(address, recipient.display_name(address)) for address in recipient.cc]
    bcc = [header_address(address, recipient.display_name(address)) for address in recipient.bcc]
    reply_to = [header_address(address, recipient.display_name(address)) for address in recipient.reply_to]
    sender_box = header_address(sender) if sender else None
    everyone = [*to, *cc, *bcc, *reply_to, *([sender_box] if sender_box else [])]
    message = EmailMessage(policy=UTF8_POLICY if _needs_utf8(everyone) else ASCII_POLICY)
    if sender_box:
        message["From"] = sender_box
    message["To"] = to
    if cc:
        message["Cc"] = cc
    if bcc:
        message["Bcc"] = bcc
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = _CONTROL.sub("", rendered.subject)
    message["Date"] = format_datetime((now or datetime.now()).astimezone())
    message["Message-ID"] = make_msgid(domain=sender_box.domain if sender_box else "securemailmerge.local")
    # Outlook opens a message with X-Unsent: 1 as a draft ready to send instead of a received mail.
    message["X-Unsent"] = "1"
    message.set_content(rendered.text, cte="quoted-printable")
    message.add_alternative(rendered.html, subtype="html", cte="quoted-printable")
    for name in rendered.attachments:
        path = resolve_attachment(base_folder, name)
        maintype, subtype = _content_type(path)
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    for part in message.walk():
        # The email package repeats MIME-Version in every part it creates; it belongs to the top only.
        if part is not message:
            del part["MIME-Version"]
    return message


def _content_type(path: Path) -> tuple[str, str]:
    guessed, encoding = mimetypes.guess_type(path.name)
    if guessed is None or encoding is not None:
        return "application", "octet-stream"
    maintype, _, subtype = guessed.partition("/")
    return maintype, subtype


def base64_size(size: int) -> int:
    """Bytes that ``size`` bytes take base64-encoded in lines of 76 characters with CRLF."""
    encoded = 4 * ((size + 2) // 3)
    return encoded + 2 * ((encoded + 75) // 76)


def _body_size(text: str) -> int:
    """An upper bound of the quoted-printable size of ``text``, from counts alone (no encoding pass)."""
    size = len(text.encode("utf-8"))
    # Each byte of a non-ASCII character becomes =XX; there are at most twice as many such bytes as
    # the bytes UTF-8 adds over one per character. '=' is escaped, LF becomes CRLF, and a soft line
    # break (=CRLF) may follow every 75 characters.
    escaped = size + 4 * (size - len(text)) + 2 * text.count("=")
    return escaped + text.count("\n") + 3 * (escaped // 75)


def estimate_size(rendered: RenderedMessage, recipient: Recipient, attachment_sizes: Sequence[int]) -> int:
    """The encoded size of the message ``build_message`` would make, from its parts' sizes alone."""
    addresses = sum(len(address) for address in (*recipient.to, *recipient.cc, *recipient.bcc))
    subject = len(rendered.subject.encode("utf-8"))
    headers = _FIXED_OVERHEAD + 2 * subject + 2 * addresses + 3 * len(recipient_name(recipient.fields))
    bodies = _body_size(rendered.text) + _body_size(rendered.html)
    files = sum(base64_size(size) + _PART_OVERHEAD for size in attachment_sizes)
    names = sum(3 * len(name.encode("utf-8")) for name in rendered.attachments)
    return headers + bodies + files + names


def message_bytes(message: EmailMessage) -> bytes:
    """The message as it goes into a ``.eml`` file (CRLF line ends)."""
    return message.as_bytes()


def file_stem(recipient: Recipient, digits: int = 4) -> str:
    """A file name stem that sorts by row and says who it is for, e.g. ``0002-jurgen-muller``."""
    label = recipient_name(recipient.fields) or (recipient.to[0].split("@")[0] if recipient.to else "")
    folded = unicodedata.normalize("NFKD", label.replace("ß", "ss")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].rstrip("-")
    number = f"{recipient.row:0{digits}d}"
    return f"{number}-{slug}" if slug else number


def export_eml(
    messages: Iterable[tuple[Recipient, RenderedMessage]],
    out_dir: Path,
    *,
    sender: str | None,
    base_folder: Path,
    last_row: int = 1,
    force: bool = False,
) -> list[Path]:
    """Write one ``.eml`` per message into ``out_dir``; refuse a folder with files unless ``force``."""
    try:
        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(
                translate("Mime", "{folder} is a file, not a folder.").format(folder=out_dir),
                file=str(out_dir),
            )
        if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
            raise InputError(
                translate(
                    "Mime", "The folder {folder} is not empty; choose an empty folder or allow overwriting."
                ).format(folder=out_dir),
                file=str(out_dir),
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        digits = max(4, len(str(last_row)))
        written: list[Path] = []
        for recipient, rendered in messages:
            message = build_message(rendered, recipient, sender=sender, base_folder=base_folder)
            path = out_dir / f"{file_stem(recipient, digits)}.eml"
            path.write_bytes(message_bytes(message))
            written.append(path)
        return written
    except OSError as error:
        raise InputError(
            translate("Mime", "Cannot write to {path}: {reason}").format(
                path=error.filename or out_dir, reason=error.strerror or error
            ),
            file=str(error.filename or out_dir),
        ) from error
