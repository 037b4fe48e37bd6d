"""RFC 5322 messages: build one personal message, estimate its size cheaply, export ``.eml`` files.

Messages are ``multipart/alternative`` (plain text and HTML), wrapped in ``multipart/mixed`` when they
carry attachments. Headers are 7-bit: display names and the subject use RFC 2047 encoded words,
attachment names RFC 2231 (with an ASCII stand-in for older readers), and internationalised domains
their IDNA (punycode) form. Only an address whose local part is not ASCII cannot be written that
way; such a message is written as RFC 6532 (UTF-8 headers), the one standard way to carry it.
Messages are written as bytes directly (see ``headers``): the standard library's email objects
parse and refold every header, which cost six times the time of the rest of an export.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import mimetypes
import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import idna

from securemailmerge.campaign.headers import (
    HeaderAddress,
    address_header,
    file_parameters,
    unstructured,
)
from securemailmerge.errors import RenderError
from securemailmerge.i18n import translate
from securemailmerge.recipients.addresses import BadAddress, parse_mailbox, reason_text
from securemailmerge.recipients.model import Recipient
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template.fields import FieldResolver
from securemailmerge.template.model import RenderedMessage

# Everything str.splitlines() breaks on: in a header any of them could start a new header line.
_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other control characters are invisible and not allowed raw in a header, so they are dropped.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")

# Bytes of headers and MIME structure that every message carries (Date, Message-ID, boundaries, part
# headers); measured on built messages and rounded up so the estimate errs on the large side.
_FIXED_OVERHEAD = 900
_PART_OVERHEAD = 260
# What one cell may put into a header. Exchange keeps display names to 256 characters, and a
# subject longer than a thousand is no subject; the bounds also keep every header quick to write.
MAX_NAME = 256
MAX_SUBJECT = 1000
# "=_" never occurs in quoted-printable or base64 text, so a boundary starting so cannot occur in a part.
_BOUNDARY = "=_smm_"
# Encoded common attachments kept for the whole campaign, at most this many bytes together.
_ATTACHMENT_CACHE_BYTES = 64 * 1024 * 1024


@lru_cache(maxsize=64)
def _name_columns(columns: tuple[str, ...]) -> tuple[str | None, str | None, str | None]:
    """The full-name, first-name and last-name columns among ``columns`` (the template's aliases)."""
    resolver = FieldResolver(columns)
    return resolver.resolve("DisplayName"), resolver.resolve("FirstName"), resolver.resolve("LastName")


def recipient_name(fields: Mapping[str, str]) -> str:
    """The display name for a row: its full-name column, else first and last name, else empty."""
    # Every row of a list has the same columns, so matching them is done once per list.
    full, first, last = (fields[column].strip() if column else "" for column in _name_columns(tuple(fields)))
    return _shown_name(full or f"{first} {last}")


def recipient_names(columns: tuple[str, ...], cells: Callable[[str], Sequence[str]], count: int) -> list[str]:
    """``recipient_name`` of ``count`` rows with these ``columns``; ``cells`` gives a column's values."""
    full, first, last = (
        [value.strip() for value in cells(column)] if column else [""] * count
        for column in _name_columns(columns)
    )
    return [
        _shown_name(whole or f"{given} {family}")
        for whole, given, family in zip(full, first, last, strict=True)
    ]


def _shown_name(name: str) -> str:
    if name.isprintable():  # no line break and no control character: the common case, kept as it is
        return name.strip()
    # A name only decorates the address, so a line break typed into a name cell becomes a space.
    return _CONTROL.sub("", _LINE_BREAK.sub(" ", name)).strip()


def named_to(recipient: Recipient) -> list[tuple[str, str]]:
    """``(display name, address)`` of each To address, named as the message will name them."""
    # A name typed with the address wins; the row's name columns only name a lone To address.
    row_name = recipient_name(recipient.fields) if len(recipient.to) == 1 else ""
    return [(recipient.display_name(address) or row_name, address) for address in recipient.to]


def named(recipient: Recipient, addresses: Sequence[str]) -> list[tuple[str, str]]:
    """``(display name, address)`` of Cc, Bcc or Reply-To addresses: the name typed with each."""
    return [(recipient.display_name(address), address) for address in addresses]


def shown_address(name: str, address: str) -> str:
    """An address as a mail program shows the header written for it: ``Name <address>``."""
    return f"{name} <{address}>" if name else address


def header_address(text: str, display_name: str = "") -> HeaderAddress:
    """One address (``Name <addr>`` or bare) as a header writes it, its domain in IDNA form."""
    parsed = parse_mailbox(text)
    if isinstance(parsed, BadAddress):
        raise RenderError(
            translate("Mime", "{address!r} cannot be used as an address: {reason}.").format(
                address=text, reason=reason_text(parsed.reason)
            )
        )
    local, _, domain = parsed.address.rpartition("@")
    return HeaderAddress(_CONTROL.sub("", parsed.name or display_name), local, _ascii_domain(domain, text))


@lru_cache(maxsize=4096)
def _ascii_domain(domain: str, text: str) -> str:
    """The IDNA form of ``domain``; a list has few distinct domains, so each is encoded once."""
    if domain.isascii():
        return domain
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise RenderError(
            translate("Mime", "The domain of {address!r} cannot be encoded: {reason}").format(
                address=text, reason=error
            )
        ) from error


def header_problem(
    rendered: RenderedMessage, recipient: Recipient, *, row_name: str | None = None
) -> RenderError | None:
    """Why the row's merge data cannot go into the headers (a name or subject too long), or None.

    ``row_name`` is the row's ``recipient_name`` when the caller has it already.
    """
    if len(rendered.subject) > MAX_SUBJECT:
        return RenderError(
            translate("Mime", "The subject has {count} characters; at most {limit} fit in a message.").format(
                count=len(rendered.subject), limit=MAX_SUBJECT
            ),
            field="subject",
        )
    if recipient.display_names:
        names = [name for name, _ in named_to(recipient)]
        names += [
            recipient.display_name(address)
            for address in (*recipient.cc, *recipient.bcc, *recipient.reply_to)
        ]
    else:  # no name typed with any address: only the row's name columns can name the one To address
        if len(recipient.to) != 1:
            names = []
        else:
            names = [recipient_name(recipient.fields) if row_name is None else row_name]
    longest = max(names, key=len, default="")
    if len(longest) > MAX_NAME:
        return RenderError(
            translate(
                "Mime",
                "A display name has {count} characters (“{start}…”); at most {limit} fit in a message.",
            ).format(count=len(longest), start=longest[:20], limit=MAX_NAME)
        )
    return None


class MessageWriter:
    """Writes the messages of one campaign: the sender and each attachment are encoded only once."""

    def __init__(self, *, sender: str | None, base_folder: Path) -> None:
        self.sender = header_address(sender) if sender else None
        self.base_folder = base_folder
        self.domain = self.sender.domain if self.sender else "securemailmerge.local"
        self._from = [address_header("From", [self.sender])] if self.sender else []
        self._parts: dict[str, bytes] = {}
        self._cached_bytes = 0
        # Message-IDs and boundaries: one random prefix per campaign and a counter are as unique as
        # fresh random values, and asking the system for randomness per message was slow.
        self._prefix = os.urandom(8).hex()
        self._serial = itertools.count(1)
        self._date: tuple[int, str] = (-1, "")

    def _unique(self) -> str:
        return f"{self._prefix}.{next(self._serial)}"

    def _date_header(self, now: datetime | None) -> str:
        """The Date header, formatted once per second (local time with its offset)."""
        from email.utils import format_datetime  # the email package waits for the first message

        if now is not None:
            return format_datetime(now.astimezone())
        second = int(time.time())
        if self._date[0] != second:
            self._date = (second, format_datetime(datetime.fromtimestamp(second).astimezone()))
        return self._date[1]

    def build(self, rendered: RenderedMessage, recipient: Recipient, now: datetime | None = None) -> bytes:
        """The complete message for one recipient as it goes into a ``.eml`` file (CRLF line ends)."""
        if not recipient.to:
            raise RenderError(translate("Mime", "There is no address to send this message to."))
        if _LINE_BREAK.search(rendered.subject):
            raise RenderError(translate("Mime", "The subject contains a line break."), field="subject")
        problem = header_problem(rendered, recipient)
        if problem is not None:
            raise problem
        to = [header_address(address, name) for name, address in named_to(recipient)]
        lists = [("To", to)] + [
            (label, [header_address(address, name) for name, address in named(recipient, addresses)])
            for label, addresses in (
                ("Cc", recipient.cc),
                ("Bcc", recipient.bcc),
                ("Reply-To", recipient.reply_to),
            )
        ]
        headers = [*self._from, *(address_header(label, boxes) for label, boxes in lists if boxes)]
        headers += [
            unstructured("Subject", _CONTROL.sub("", rendered.subject)),
            f"Date: {self._date_header(now)}",
            f"Message-ID: <{self._unique()}@{self.domain}>",
            # Outlook opens a message with X-Unsent: 1 as a draft ready to send, not a received mail.
            "X-Unsent: 1",
            "MIME-Version: 1.0",
        ]
        everyone = [*([self.sender] if self.sender else []), *(box for _, boxes in lists for box in boxes)]
        charset = "utf-8" if any(not box.local.isascii() for box in everyone) else "ascii"
        head = "\r\n".join(headers).encode(charset)
        return head + b"\r\n" + self._body(rendered)

    def _body(self, rendered: RenderedMessage) -> bytes:
        """The MIME structure: text and HTML as alternatives, in a mixed part with any attachments."""
        inner = _BOUNDARY + self._unique()
        alternative = (
            f'Content-Type: multipart/alternative; boundary="{inner}"\r\n\r\n'.encode("ascii")
            + _text_part(inner, "plain", rendered.text)
            + _text_part(inner, "html", rendered.html)
            + f"--{inner}--\r\n".encode("ascii")
        )
        if not rendered.attachments:
            return alternative
        outer = _BOUNDARY + self._unique()
        parts = [f'Content-Type: multipart/mixed; boundary="{outer}"\r\n\r\n--{outer}\r\n'.encode("ascii")]
        parts.append(alternative)
        for name in rendered.attachments:
            parts.append(f"\r\n--{outer}\r\n".encode("ascii"))
            parts.append(self._attachment(name))
        parts.append(f"\r\n--{outer}--\r\n".encode("ascii"))
        return b"".join(parts)

    def _attachment(self, name: str) -> bytes:
        """One attachment part; common files are read and encoded once per campaign (within a budget)."""
        part = self._parts.get(name)
        if part is not None:
            return part
        path = resolve_attachment(self.base_folder, name)
        maintype, subtype = _content_type(path)
        headers = [
            file_parameters(f"{maintype}/{subtype}", "Content-Type", path.name),
            "Content-Transfer-Encoding: base64",
            file_parameters("attachment", "Content-Disposition", path.name),
        ]
        encoded = base64.encodebytes(path.read_bytes()).replace(b"\n", b"\r\n")
        part = "\r\n".join(headers).encode("ascii") + b"\r\n\r\n" + encoded.removesuffix(b"\r\n")
        if self._cached_bytes + len(part) <= _ATTACHMENT_CACHE_BYTES:
            self._parts[name] = part
            self._cached_bytes += len(part)
        return part


def _text_part(boundary: str, subtype: str, text: str) -> bytes:
    """One quoted-printable UTF-8 text part after its boundary line."""
    plain = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    encoded = binascii.b2a_qp(plain, istext=True).replace(b"\n", b"\r\n")
    return (
        (
            f'--{boundary}\r\nContent-Type: text/{subtype}; charset="utf-8"\r\n'
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        ).encode("ascii")
        + encoded
        + b"\r\n"
    )


def build_message(
    rendered: RenderedMessage,
    recipient: Recipient,
    *,
    sender: str | None,
    base_folder: Path,
    now: datetime | None = None,
) -> bytes:
    """The complete message for one recipient (CRLF line ends), attachments read from ``base_folder``."""
    return MessageWriter(sender=sender, base_folder=base_folder).build(rendered, recipient, now)


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


def _body_sizes(texts: Sequence[str]) -> list[int]:
    """An upper bound of the quoted-printable size of each text, from counts alone (no encoding pass)."""
    sizes = map(len, map(str.encode, texts))  # UTF-8
    signs = map(str.count, texts, itertools.repeat("="))
    lines = map(str.count, texts, itertools.repeat("\n"))
    # Each byte of a non-ASCII character becomes =XX; there are at most twice as many such bytes as
    # the bytes UTF-8 adds over one per character. '=' is escaped, LF becomes CRLF, and a soft line
    # break (=CRLF) may follow every 75 characters.
    escaped = [
        size + 4 * (size - chars) + 2 * sign
        for size, chars, sign in zip(sizes, map(len, texts), signs, strict=True)
    ]
    return [size + line + 3 * (size // 75) for size, line in zip(escaped, lines, strict=True)]


def estimate_size(
    rendered: RenderedMessage,
    recipient: Recipient,
    attachment_sizes: Sequence[int],
    *,
    row_name: str | None = None,
) -> int:
    """The encoded size of the message ``build_message`` would make, from its parts' sizes alone.

    ``row_name`` is the row's ``recipient_name`` when the caller has it already.
    """
    if row_name is None:
        row_name = recipient_name(recipient.fields)
    addresses = sum(map(len, recipient.to)) + sum(map(len, recipient.cc)) + sum(map(len, recipient.bcc))
    messages = ([rendered.subject], [rendered.html], [rendered.text])
    return estimate_sizes(messages, [addresses], [row_name], attachment_sizes, rendered.attachments)[0]


def estimate_sizes(
    messages: tuple[Sequence[str], Sequence[str], Sequence[str]],
    addresses: Sequence[int],
    row_names: Sequence[str],
    attachment_sizes: Sequence[int],
    attachments: Sequence[str],
) -> list[int]:
    """``estimate_size`` of many messages with the same attachments, from their columns.

    ``messages`` are the subjects, HTML bodies and texts, row by row beside ``addresses`` (the
    characters of each row's To, Cc and Bcc addresses together) and ``row_names``.
    """
    files = sum(base64_size(size) + _PART_OVERHEAD for size in attachment_sizes)
    fixed = _FIXED_OVERHEAD + files + sum(3 * len(name.encode("utf-8")) for name in attachments)
    subjects, htmls, texts = messages
    columns = zip(
        map(len, map(str.encode, subjects)),
        addresses,
        map(len, row_names),
        _body_sizes(texts),
        _body_sizes(htmls),
        strict=True,
    )
    return [
        fixed + 2 * subject + 2 * address + 3 * name + text + html
        for subject, address, name, text, html in columns
    ]
