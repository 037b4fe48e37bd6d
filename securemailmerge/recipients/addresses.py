"""Email addresses as users type them in a cell: split, parsed, validated and normalised.

A cell may hold several addresses separated by ``;`` or ``,`` and each may be written
``Name <addr>``. Validation is email-validator's (syntax and internationalised domains, no DNS).
Calling it costs about 40 µs, too much for 100,000 rows, so the common shape (a dot-atom local
part of letters, digits and the usual signs) is checked with the regular expressions
email-validator itself uses, and only the domain goes through email-validator, once per distinct
domain, unless ``addressrules.plain_domain`` vouches for it (then email-validator is not even
imported). Anything else takes the full path; a test holds both paths to the same answers.

``misleading`` finds what mail clients warn about in a valid address: a name that is itself a
different address (``"boss@company.com" <other@elsewhere.com>``), direction controls (a
right-to-left override reverses what follows it on screen), and a domain whose letters come from
more than one script (a Cyrillic ``а`` in ``pаypal.com``), allowing only the mixes Japanese,
Chinese and Korean names use with Latin letters, as browsers' IDN rules (Unicode UTS #39) do.
The script of a letter is the first word of its Unicode name (``CYRILLIC SMALL LETTER A``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from securemailmerge.i18n import translate
from securemailmerge.recipients.addressrules import (
    ATEXT,
    CASE_INSENSITIVE_MAILBOX_NAMES,
    DOT_ATOM_TEXT,
    DOT_ATOM_TEXT_INTL,
    EMAIL_MAX_LENGTH,
    international_domain,
    plain_domain,
)

# Every character str.splitlines() breaks on: any of them in a header is an injection risk.
_LINE_BREAK = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SEPARATORS = frozenset(";,")
_NEEDS_SPLITTING = re.compile(r"[;,<\"]")
_SHORT_CASE_INSENSITIVE = frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)
# One bare address of ASCII letters, digits and the usual signs, with no name, space or separator.
_PLAIN = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9.\-]+")
# The same with a dot-atom local part (email-validator's own letters), the domain captured.
_PLAIN_DOT_ATOM = re.compile(f"[{ATEXT}]+(?:\\.[{ATEXT}]+)*@([A-Za-z0-9.\\-]+)")

LINE_BREAK = "line-break"
NO_AT = "no-at"
BAD_DOMAIN = "domain"
BAD_LOCAL = "local"
BAD_NAME = "name"
BAD_SYNTAX = "syntax"
X500 = "x500"
# Outlook exports an Exchange contact's internal directory name in place of its address.
_X500 = re.compile(r"\s*/o=", re.IGNORECASE)

NAME_IS_ADDRESS = "name-is-address"
BIDI_CONTROL = "bidi-control"
MIXED_SCRIPTS = "mixed-scripts"

# Direction marks, embeddings, overrides and isolates: they change the order text is shown in.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ADDRESS_IN_NAME = re.compile(r"[^\s<>\"'(),;:@]+@[^\s<>\"'(),;:@]+\.[^\s<>\"'(),;:@]+")
# What a Unicode name's first words say about the script: ideographs are Han, kana and Hangul
# their own; the names of letters of every other script start with the script's name.
_SCRIPT_OF_NAME = {"CJK": "Han", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana", "HANGUL": "Hangul"}
_ALLOWED_MIXES = (
    frozenset({"Latin", "Han", "Hiragana", "Katakana"}),
    frozenset({"Latin", "Han", "Bopomofo"}),
    frozenset({"Latin", "Han", "Hangul"}),
)


@dataclass(frozen=True, slots=True)
class Mailbox:
    """One valid address, normalised (domain lower-cased, IDN in Unicode), with the name typed."""

    address: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class BadAddress:
    """One piece of a cell that is not a usable address, with a reason code (see ``reason_text``)."""

    text: str
    reason: str


def reason_text(reason: str) -> str:
    """The translated explanation of a ``BadAddress.reason`` code."""
    texts = {
        LINE_BREAK: translate("Addresses", "it contains a line break"),
        NO_AT: translate("Addresses", "it has no @ sign"),
        BAD_DOMAIN: translate("Addresses", "the part after the @ sign is not a valid domain"),
        BAD_LOCAL: translate("Addresses", "the part before the @ sign is not valid"),
        BAD_NAME: translate("Addresses", "the name before the address contains a control character"),
        X500: translate(
            "Addresses",
            "it is an Exchange directory (X.500) name, not an internet address; "
            "export the contact again with its SMTP address",
        ),
    }
    return texts.get(reason, translate("Addresses", "it is not written like an email address"))


def is_x500(text: str) -> bool:
    """Whether ``text`` is an Exchange X.500 name (``/O=EXCHANGELABS/OU=...``) rather than an address."""
    return _X500.match(text) is not None


def split_addresses(cell: str) -> list[str]:
    """The trimmed, non-empty pieces of a cell separated by ``;`` or ``,`` outside quotes and ``<...>``.

    An unquoted ``Müller, Hans <hans@example.de>`` stays one piece: a piece without ``@`` that is
    followed by a ``Name <addr>`` piece is the first half of that name, as Outlook writes it.
    """
    if not _NEEDS_SPLITTING.search(cell):
        text = cell.strip()
        return [text] if text else []
    spans: list[tuple[int, int]] = []
    start = 0
    quoted = angled = escaped = False
    for index, char in enumerate(cell):
        if escaped:
            escaped = False
        elif quoted:
            if char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "<":
            angled = True
        elif char == ">":
            angled = False
        elif char in _SEPARATORS and not angled:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(cell)))
    pieces: list[tuple[int, int]] = []
    for begin, end in spans:
        text = cell[begin:end].strip()
        if not text:
            continue
        if pieces and text.endswith(">") and "<" in text:
            previous = cell[pieces[-1][0] : pieces[-1][1]]
            if "@" not in previous and "<" not in previous:
                pieces[-1] = (pieces[-1][0], end)
                continue
        pieces.append((begin, end))
    return [cell[begin:end].strip() for begin, end in pieces]


def parse_mailbox(text: str) -> Mailbox | BadAddress:
    """Parse one ``addr`` or ``Name <addr>`` piece into a normalised ``Mailbox`` or say why it is bad."""
    text = text.strip()
    if not text.endswith(">"):
        parsed = normalise_address(text)
        return Mailbox(parsed) if isinstance(parsed, str) else parsed
    if _LINE_BREAK.search(text):
        return BadAddress(text, LINE_BREAK)
    name, address = _name_and_address(text)
    if _CONTROL.search(name):
        return BadAddress(text, BAD_NAME)
    normalised = normalise_address(address)
    if isinstance(normalised, BadAddress):
        return BadAddress(text, normalised.reason)
    return Mailbox(normalised, name)


def _name_and_address(text: str) -> tuple[str, str]:
    if not text.endswith(">") or "<" not in text:
        return "", text
    cut = text.rindex("<")
    name = text[:cut].strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = re.sub(r"\\(.)", r"\1", name[1:-1])
    return name, text[cut + 1 : -1].strip()


def normalise_address(address: str) -> str | BadAddress:
    """The normalised form of a bare address (as email-validator gives it) or why it is invalid."""
    if _LINE_BREAK.search(address):
        return BadAddress(address, LINE_BREAK)
    local, at, domain = address.rpartition("@")
    if not at:
        return BadAddress(address, X500 if is_x500(address) else NO_AT)
    if DOT_ATOM_TEXT.match(local) or _plain_international(local):
        checked = _check_domain(domain)
        if checked is None:
            return BadAddress(address, BAD_DOMAIN)
        unicode_domain, ascii_domain = checked
        if local.lower() in _SHORT_CASE_INSENSITIVE:
            local = local.lower()
        normalised = f"{local}@{unicode_domain}"
        # An all-ASCII result has the same length in every form email-validator measures.
        longest = (
            len(normalised)
            if normalised.isascii()
            else max(len(address.encode()), len(normalised.encode()), len(f"{local}@{ascii_domain}".encode()))
        )
        if longest <= EMAIL_MAX_LENGTH:
            return normalised
    elif local.isascii():
        # Not a dot-atom: email-validator refuses any such ASCII local part (it takes no quoted one).
        return BadAddress(address, BAD_DOMAIN if _check_domain(domain) is None else BAD_LOCAL)
    return _full_check(address, domain)


def _plain_international(local: str) -> bool:
    """A dot-atom local part whose non-ASCII characters are letters, digits, punctuation or symbols
    and that is already in NFC: email-validator accepts such a local part unchanged."""
    return (
        DOT_ATOM_TEXT_INTL.match(local) is not None
        and unicodedata.is_normalized("NFC", local)
        and all(unicodedata.category(char)[0] in "LNPS" for char in _NON_ASCII.findall(local))
    )


def _full_check(address: str, domain: str) -> str | BadAddress:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        reason = BAD_DOMAIN if _check_domain(domain) is None else BAD_LOCAL
        return BadAddress(address, reason)


@lru_cache(maxsize=8192)
def _check_domain(domain: str) -> tuple[str, str] | None:
    """The domain in Unicode and IDNA forms, or ``None`` when email-validator rejects it."""
    if plain_domain(domain):
        return domain, domain
    lowered = domain.lower()
    if domain.isascii() and plain_domain(lowered):
        return lowered, lowered  # "Example.com": email-validator lower-cases an ASCII domain
    international = international_domain(domain)
    if international is not None:
        return international
    from email_validator import EmailNotValidError, validate_email  # only for a domain out of the common

    try:
        result = validate_email("a@" + domain, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.domain, result.ascii_domain


def normal_domain(domain: str) -> bool:
    """Whether email-validator accepts ``domain`` and gives it back unchanged (its normal form)."""
    checked = _check_domain(domain)
    return checked is not None and checked[0] == domain


def plain_address(cell: str) -> str | None:
    """The normalised address of a cell that holds one plain, valid address and nothing else
    (the common case, checked without splitting or parsing); ``None`` for anything else. The
    cell's own string is returned when it is already normalised."""
    dot_atom = _PLAIN_DOT_ATOM.fullmatch(cell)
    if dot_atom is not None and len(cell) <= EMAIL_MAX_LENGTH:
        # Most cells of a list: an ASCII dot-atom at a domain seen before and already in its normal
        # form, which is what normalise_address would give back unchanged.
        local = cell[: dot_atom.start(1) - 1]
        if normal_domain(dot_atom.group(1)) and local.lower() not in _SHORT_CASE_INSENSITIVE:
            return cell
    if _PLAIN.fullmatch(cell) is None:
        return None
    normalised = normalise_address(cell)
    if not isinstance(normalised, str):
        return None
    return cell if normalised == cell else normalised


def parse_address_cell(cell: str) -> tuple[list[Mailbox], list[BadAddress]]:
    """All mailboxes of one cell, and the pieces that are not valid addresses."""
    good: list[Mailbox] = []
    bad: list[BadAddress] = []
    for piece in split_addresses(cell):
        parsed = parse_mailbox(piece)
        if isinstance(parsed, Mailbox):
            good.append(parsed)
        else:
            bad.append(parsed)
    return good, bad


def misleading(mailbox: Mailbox) -> list[str]:
    """Why ``mailbox`` could mislead whoever reads it, as codes (see ``misleading_text``); [] if nothing."""
    reasons: list[str] = []
    name, address = mailbox.name, mailbox.address
    if name and "@" in name and _names_other_address(name, address):
        reasons.append(NAME_IS_ADDRESS)
    if (name and not name.isascii() and _BIDI.search(name)) or (
        not address.isascii() and _BIDI.search(address)
    ):
        reasons.append(BIDI_CONTROL)
    domain = address.rpartition("@")[2]
    if not domain.isascii() and len(domain_scripts(domain)) > 1:
        reasons.append(MIXED_SCRIPTS)
    return reasons


def misleading_text(reason: str, mailbox: Mailbox) -> str:
    """The translated explanation of a ``misleading`` code for ``mailbox``."""
    if reason == NAME_IS_ADDRESS:
        return translate(
            "Addresses", "its name “{name}” is itself another address; the message goes to {address}"
        ).format(name=_shown(mailbox.name), address=mailbox.address)
    if reason == BIDI_CONTROL:
        return translate(
            "Addresses",
            "it contains characters that reverse the direction of the text, which can hide what it says",
        )
    scripts = ", ".join(sorted(domain_scripts(mailbox.address.rpartition("@")[2])))
    return translate(
        "Addresses",
        "its domain mixes letters of several scripts ({scripts}), which can imitate another domain",
    ).format(scripts=scripts)


def domain_scripts(domain: str) -> set[str]:
    """The scripts of the letters of ``domain``, a mix allowed for CJK names counting as one."""
    scripts = {_script(char) for char in domain if unicodedata.category(char)[0] == "L"}
    if any(scripts <= allowed for allowed in _ALLOWED_MIXES):
        return {"+".join(sorted(scripts))} if scripts else set()
    return scripts


def _script(char: str) -> str:
    word = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return _SCRIPT_OF_NAME.get(word, word.title())


def _names_other_address(name: str, address: str) -> bool:
    for found in _ADDRESS_IN_NAME.findall(name):
        normalised = normalise_address(found.strip(".'\""))
        shown = normalised if isinstance(normalised, str) else found
        if shown.casefold() != address.casefold():
            return True
    return False


def _shown(name: str) -> str:
    """A name as a warning may quote it: direction controls made visible, at most 80 characters."""
    visible = _BIDI.sub(lambda match: f"U+{ord(match.group()):04X}", name)
    return visible if len(visible) <= 80 else visible[:77] + "..."
