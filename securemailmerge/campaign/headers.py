"""Header fields written directly as bytes: RFC 2047 encoded words, address lists, file name parameters.

The standard library's ``email.policy.default`` parses every header it is given back into a tree
and folds that tree again, which made it 80 % of an export's time. Messages here are written
once and never edited, so each header is produced in its final form: plain ASCII text as it is,
anything else as encoded words of at most 75 characters, lines folded before 78 characters. The
output is checked with independent parsers (the standard library in both policies, mblaze, mpack)
by the tests.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple
from urllib.parse import quote

# RFC 5322 recommends lines of at most 78 characters; an encoded word may be 75 (RFC 2047, 2).
LINE = 78
_WORD = 75
_PREFIX = "=?utf-8?q?"
_B_PREFIX = "=?utf-8?b?"
# Q encoding in a display name keeps only letters, digits and the signs RFC 2047 (5.3) allows in a
# phrase; in free text (the subject) every printable sign but = ? and _ may stay as it is (5.1).
_PHRASE_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")
_TEXT_SAFE = frozenset(range(0x21, 0x7F)) - frozenset(b"=?_")


def _q_table(safe: frozenset[int]) -> tuple[str, ...]:
    table = [chr(byte) if byte in safe else f"={byte:02X}" for byte in range(256)]
    table[0x20] = "_"
    return tuple(table)


PHRASE = _q_table(_PHRASE_SAFE)
TEXT = _q_table(_TEXT_SAFE)
# A display name of these characters needs neither quotes nor encoding (RFC 5322 atext and spaces).
_ATOMS = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+")
_DOT_ATOM = re.compile(
    r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\x80-\U0010ffff]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\x80-\U0010ffff]+)*"
)
# Printable ASCII that may stand in a quoted parameter value read by every parser: mblaze and
# mpack do not understand backslash escapes, so names with quotes or backslashes are encoded.
_PLAIN_PARAMETER = re.compile(r"[ !#-\[\]-~]*")
_LONG_WORD = re.compile(r"\S{70,}")


class HeaderAddress(NamedTuple):
    """One mailbox as a header writes it: display name, local part and ASCII (IDNA) domain."""

    name: str
    local: str
    domain: str

    @property
    def address(self) -> str:
        """``local@domain``."""
        return f"{self.local}@{self.domain}"


def _q_length(data: bytes, table: Sequence[str]) -> int:
    return sum(len(table[byte]) for byte in data)


def encoded_words(text: str, table: Sequence[str] = PHRASE) -> list[str]:
    """``text`` as RFC 2047 encoded words of at most 75 characters, never splitting a character.

    Words end after a space where one is near: decoders join adjacent encoded words without a
    gap, but the standard library inserts one, which then falls where a space is anyway.
    """
    data = text.encode("utf-8")
    # Like the standard library, take whichever encoding is shorter: Q for mostly Latin text, B
    # for scripts where nearly every byte would need =XX.
    use_q = _q_length(data, table) <= 4 * ((len(data) + 2) // 3)
    room = _WORD - len(_PREFIX) - 2
    # B words hold whole groups of 3 bytes: 45 bytes make the 60 characters of one word's text.
    limit = room if use_q else 3 * (room // 4)
    words: list[str] = []
    current: list[str] = []
    costs: list[int] = []
    for char in text:
        chunk = char.encode("utf-8")
        cost = _q_length(chunk, table) if use_q else len(chunk)
        if current and sum(costs) + cost > limit:
            cut = _last_space(current)
            words.append(_word(current[:cut], use_q, table))
            current, costs = current[cut:], costs[cut:]
        current.append(char)
        costs.append(cost)
    if current or not words:
        words.append(_word(current, use_q, table))
    return words


def _last_space(chars: Sequence[str]) -> int:
    """Where to end a full word: after its last space, unless that leaves too little in it."""
    for index in range(len(chars) - 1, len(chars) // 2, -1):
        if chars[index] == " ":
            return index + 1
    return len(chars)


def _word(chars: Sequence[str], use_q: bool, table: Sequence[str]) -> str:
    data = "".join(chars).encode("utf-8")
    if use_q:
        return _PREFIX + "".join(table[byte] for byte in data) + "?="
    return _B_PREFIX + base64.b64encode(data).decode("ascii") + "?="


def fold(name: str, tokens: Iterable[str]) -> str:
    """``Name: token token ...``, a line break (CRLF, then the space) wherever a line would pass 78.

    Tokens are joined by one space and lines are broken only before such a space, so unfolding
    (removing each CRLF) gives back exactly the joined tokens.
    """
    lines: list[str] = []
    line = f"{name}:"
    started = False
    for token in tokens:
        if started and len(line) + 1 + len(token) > LINE:
            lines.append(line)
            line = ""
        line += " " + token
        started = True
    lines.append(line)
    return "\r\n".join(lines)


def unstructured(name: str, text: str) -> str:
    """A header of free text (the subject): plain when it is short-worded ASCII, else encoded words."""
    text = text.strip()
    if text.isascii() and "=?" not in text and not _LONG_WORD.search(text):
        return fold(name, text.split(" "))
    return fold(name, encoded_words(text, TEXT))


def phrase(name: str) -> list[str]:
    """A display name as the tokens of an RFC 5322 phrase: atoms, or encoded words."""
    if _ATOMS.fullmatch(name):
        return name.split()
    if name.isascii() and '"' not in name and "\\" not in name:
        return [f'"{name}"']
    return encoded_words(name)


def mailbox_tokens(mailbox: HeaderAddress) -> list[str]:
    """The tokens of ``Name <local@domain>`` (or the bare address), the local part quoted if it must be."""
    local = mailbox.local if _DOT_ATOM.fullmatch(mailbox.local) else _quoted(mailbox.local)
    address = f"{local}@{mailbox.domain}"
    name = " ".join(mailbox.name.split())
    if not name:
        return [address]
    return [*phrase(name), f"<{address}>"]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def address_header(name: str, mailboxes: Sequence[HeaderAddress]) -> str:
    """``To: A <a@x>, b@y`` folded between (and, for long names, inside) the mailboxes."""
    tokens: list[str] = []
    for number, mailbox in enumerate(mailboxes):
        parts = mailbox_tokens(mailbox)
        if number < len(mailboxes) - 1:
            parts[-1] += ","
        tokens.extend(parts)
    return fold(name, tokens)


def ascii_fallback(name: str) -> str:
    """A file name in printable ASCII for readers that know no RFC 2231: accents dropped, quotes replaced."""
    folded = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    text = "".join(char for char in folded if char.isascii() and char.isprintable())
    text = text.replace('"', "'").replace("\\", "_").strip()
    return text or "attachment"


def file_parameters(kind: str, name: str, file_name: str) -> str:
    """``Content-Type``/``Content-Disposition`` with the file name as every reader finds it.

    A plain printable ASCII name is quoted as it is. Any other name is written twice: exactly in
    RFC 2231 form (``name*=utf-8''…``, preferred by every current reader) and as an ASCII stand-in
    in the plain parameter for readers without RFC 2231 (mpack). Both never together for the same
    parameter name, since some parsers then take the plain one.
    """
    if _PLAIN_PARAMETER.fullmatch(file_name):
        return fold(name, [f"{kind};", f'{_parameter_name(name)}="{file_name}"'])
    if name == "Content-Type":
        return fold(name, [f"{kind};", f'name="{ascii_fallback(file_name)}"'])
    return fold(name, [f"{kind};", f"filename*=utf-8''{quote(file_name, safe='')}"])


def _parameter_name(header: str) -> str:
    return "name" if header == "Content-Type" else "filename"
