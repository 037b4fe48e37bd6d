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
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple
from urllib.parse import quote

# RFC 5322 recommends lines of at most 78 characters; an encoded word may be 75 (RFC 2047, 2).
LINE = 78
_WORD = 75
_PREFIX = "=?utf-8?q?"
_B_PREFIX = "=?utf-8?b?"
# RFC 2047 (2): a line holding encoded words is at most 76 characters long.
_ENCODED_LINE = 76
# Q encoding in a display name keeps only letters, digits and the signs RFC 2047 (5.3) allows in a
# phrase; in free text (the subject) every printable sign but = ? and _ may stay as it is (5.1).
_PHRASE_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")
_TEXT_SAFE = frozenset(range(0x21, 0x7F)) - frozenset(b"=?_")


def _q_table(safe: frozenset[int]) -> dict[int, str]:
    """A ``str.translate`` table from bytes (decoded as Latin-1) to their Q-encoded form."""
    table = {byte: chr(byte) if byte in safe else f"={byte:02X}" for byte in range(256)}
    table[0x20] = "_"
    return table


PHRASE = _q_table(_PHRASE_SAFE)
TEXT = _q_table(_TEXT_SAFE)
# A display name of these characters needs neither quotes nor encoding (RFC 5322 atext and spaces).
_ATOMS = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+")
# A local part that needs no quotes: atoms (any character but specials, space and controls; UTF-8
# ones only in RFC 6532 messages) joined by single dots.
_ATEXT = r'[^\x00-\x20()<>\[\]:;@\\,."\x7f]+'
_DOT_ATOM = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*")
# Printable ASCII that may stand in a quoted parameter value read by every parser: mblaze and
# mpack do not understand backslash escapes, so names with quotes or backslashes are encoded.
_PLAIN_PARAMETER = re.compile(r"[ !#-\[\]-~]*")
_LONG_WORD = re.compile(r"\S{70,}")
_PIECES = re.compile(r"\s*\S+\s*|\s+")


class HeaderAddress(NamedTuple):
    """One mailbox as a header writes it: display name, local part and ASCII (IDNA) domain."""

    name: str
    local: str
    domain: str

    @property
    def address(self) -> str:
        """``local@domain``."""
        return f"{self.local}@{self.domain}"


def _q(data: bytes, table: Mapping[int, str]) -> str:
    return data.decode("latin-1").translate(table)


def encoded_words(text: str, table: Mapping[int, str] = PHRASE, lead: int = 1) -> list[str]:
    """``text`` as RFC 2047 encoded words, never splitting a character, each line within 76.

    ``lead`` is how many characters precede the first word on its line (``Subject: `` is 9).
    Words end after a space where they can: decoders join adjacent encoded words without a gap,
    but the standard library inserts one, which then falls where a space is anyway.
    """
    data = text.encode("utf-8")
    whole = _q(data, table)
    # Like the standard library, take whichever encoding is shorter: Q for mostly Latin text, B
    # for scripts where nearly every byte would need =XX.
    use_q = len(whole) <= 4 * ((len(data) + 2) // 3)
    limit = _room(use_q, min(_WORD, _ENCODED_LINE - lead))
    if (len(whole) if use_q else len(data)) <= limit:
        return [_word(text, use_q, table)]

    def cost(piece: str) -> int:
        encoded = piece.encode("utf-8")
        return len(_q(encoded, table)) if use_q else len(encoded)

    words: list[str] = []
    current, size = "", 0

    def close() -> None:
        nonlocal current, size, limit
        words.append(_word(current, use_q, table))
        current, size, limit = "", 0, _room(use_q, _WORD)

    # Each piece is a run of text with the spaces after it; only a piece too long for one word is
    # cut between characters.
    for piece in _PIECES.findall(text):
        piece_cost = cost(piece)
        if size + piece_cost > limit and current:
            close()
        if piece_cost <= limit:
            current, size = current + piece, size + piece_cost
            continue
        for char in piece:
            char_cost = cost(char)
            if size + char_cost > limit and current:
                close()
            current, size = current + char, size + char_cost
    words.append(_word(current, use_q, table))
    return words


def _room(use_q: bool, word: int) -> int:
    """How much encoded text (Q characters, or bytes before base64) fits in a word of ``word``."""
    text = word - len(_PREFIX) - 2
    # B words hold whole groups of 3 bytes: 45 bytes make the 60 characters of a full word.
    return text if use_q else 3 * (text // 4)


def _word(text: str, use_q: bool, table: Mapping[int, str]) -> str:
    data = text.encode("utf-8")
    if use_q:
        return _PREFIX + _q(data, table) + "?="
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
    return fold(name, encoded_words(text, TEXT, lead=len(name) + 2))


def phrase(name: str, lead: int = 1) -> list[str]:
    """A display name as the tokens of an RFC 5322 phrase: atoms, a quoted string, or encoded words."""
    if _ATOMS.fullmatch(name):
        return name.split()
    if name.isascii() and '"' not in name and "\\" not in name:
        return [f'"{name}"']
    return encoded_words(name, PHRASE, lead)


def mailbox_tokens(mailbox: HeaderAddress, lead: int = 1) -> list[str]:
    """The tokens of ``Name <local@domain>`` (or the bare address), the local part quoted if it must be."""
    local = mailbox.local if _DOT_ATOM.fullmatch(mailbox.local) else _quoted(mailbox.local)
    address = f"{local}@{mailbox.domain}"
    name = " ".join(mailbox.name.split())
    if not name:
        return [address]
    return [*phrase(name, lead), f"<{address}>"]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def address_header(name: str, mailboxes: Sequence[HeaderAddress]) -> str:
    """``To: A <a@x>, b@y`` folded between (and, for long names, inside) the mailboxes."""
    tokens: list[str] = []
    for number, mailbox in enumerate(mailboxes):
        parts = mailbox_tokens(mailbox, len(name) + 2 if number == 0 else 1)
        if number < len(mailboxes) - 1:
            parts[-1] += ","
        tokens.extend(parts)
    return fold(name, tokens)


def ascii_fallback(name: str) -> str:
    """A file name in printable ASCII for readers that know no RFC 2231: accents dropped, quotes replaced."""
    kept = []
    for char in unicodedata.normalize("NFKD", name.replace("ß", "ss")):
        if char.isascii() and char.isprintable():
            kept.append({'"': "'", "\\": "_"}.get(char, char))
        elif unicodedata.category(char) == "Pd":
            kept.append("-")  # en and em dashes
        elif unicodedata.category(char) not in {"Mn", "Cc", "Cf"}:
            kept.append("_")  # a letter of another script: its place stays visible
    return "".join(kept).strip() or "attachment"


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
