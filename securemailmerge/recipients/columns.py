"""Recipient columns: the header checked, and the email, CC, BCC and Reply-To columns found by name.

Header names are compared without case, accents, spaces, dashes, dots, colons and underscores, in
English, German and Spanish (``E-Mail-Adresse``, ``Correo electrónico``), as the exports of Outlook,
outlook.com, Google Contacts, Thunderbird, Mailchimp and HubSpot name them; a contact's second and
third address columns are found too. A column named like Cc (Mailchimp's country code is "CC") is
taken only when its cells look like addresses. A column the user names is found exactly or ignoring
case and surrounding spaces. Problems name the file and the column positions the user sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from securemailmerge.errors import ColumnError, RecipientFileError
from securemailmerge.i18n import translate


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Header names compared without case, accents, spaces, dashes, dots, colons and underscores, best
# match first. "email1value" is Google Contacts, "primaryemail" Thunderbird.
_EMAIL_NAMES = (
    _names("email emailaddress emailadresse email1 email1address emailadresse1 email1value primaryemail"),
    _names("correoelectronico direcciondecorreoelectronico correoelectronico1"),
    _names("mail mailaddress mailadresse correo direcciondecorreo"),
    _names("courriel adresse"),
)
# The second, third, ... address of one contact: "E-mail 2 Address" (Outlook), "E-Mail 2: Adresse"
# (Outlook in German), "Dirección del correo electrónico 3" (in Spanish), "E-mail 2 - Value"
# (Google), "Email2"; Thunderbird calls its second one "Secondary Email".
_NUMBERED_EMAIL = re.compile(
    r"(?:e?mail|emailaddress|correo|correoelectronico|direcciondel?correoelectronico)"
    r"([1-9]\d?)(?:address|adresse|value)?"
)
_SECOND_EMAIL_NAMES = _names("secondaryemail")
# The name Outlook shows for each of a contact's addresses: "E-mail Display Name", "E-mail 2 Display
# Name" (English), "E-Mail: Angezeigter Name", "E-Mail 2: Angezeigter Name" (German), "Nombre de
# pantalla de correo electrónico", "... 2" (Spanish).
_DISPLAY_NAME = re.compile(
    r"e?mail([1-9]\d?)?(?:displayname|angezeigtername)|nombredepantalladecorreoelectronico([1-9]\d?)?"
)
# The names of the optional columns, compared the same way.
CC_NAMES = _names("cc ccaddress ccadresse ccemail kopie kopiean copia copiaa concopia")
BCC_NAMES = _names("bcc bccaddress bccadresse bccemail blindkopie cco copiaoculta blindcopy")
REPLY_TO_NAMES = _names("replyto antwortan antwortenan antwortadresse responder respondera")
# Outlook adds the address to the name it shows: "Jürgen Weiß (juergen@example.de)".
_ADDRESS_SUFFIX = re.compile(r"\s*\([^()]*@[^()]*\)$")
_NAME_NOISE = re.compile(r"[\s\-_.:]+")
# How many sample cells must hold an "@" for a column to count as one of addresses.
_ADDRESS_SHARE = 0.5
_CANDIDATES_SHOWN = 6
_NAME_SHOWN = 40
_HEADER_SEARCH_ROWS = 20


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return _NAME_NOISE.sub("", "".join(char for char in decomposed if not unicodedata.combining(char)))


def detect_email_column(columns: Sequence[str]) -> str | None:
    """The column that holds email addresses, judged by its name in English, German or Spanish."""
    keys = [_key(column) for column in columns]
    for names in _EMAIL_NAMES:
        for column, key in zip(columns, keys, strict=True):
            if key in names:
                return column
    return None


def more_address_columns(columns: Sequence[str], first: str) -> tuple[str, ...]:
    """The columns holding a contact's other addresses after ``first`` ("E-mail 2 Address", ...), in order."""
    numbered: list[tuple[int, int, str]] = []
    for position, column in enumerate(columns):
        if column == first:
            continue
        key = _key(column)
        match = _NUMBERED_EMAIL.fullmatch(key)
        if match is not None and int(match.group(1)) > 1:
            numbered.append((int(match.group(1)), position, column))
        elif key in _SECOND_EMAIL_NAMES:
            numbered.append((2, position, column))
    return tuple(column for _, _, column in sorted(numbered))


def display_name_columns(columns: Sequence[str], address_columns: Sequence[str]) -> tuple[str | None, ...]:
    """For each address column, the column of the names Outlook shows for its addresses, if any.

    The first address column gets "E-mail Display Name", "E-mail 2 Address" gets "E-mail 2 Display
    Name", and so on, in English, German and Spanish.
    """
    by_number: dict[int, str] = {}
    for column in columns:
        match = _DISPLAY_NAME.fullmatch(_key(column))
        if match is not None:
            by_number.setdefault(int(match.group(1) or match.group(2) or 1), column)
    if not by_number:
        return (None,) * len(address_columns)
    return tuple(by_number.get(_address_number(column)) for column in address_columns)


def _address_number(column: str) -> int:
    """Which of a contact's addresses ``column`` holds: 1 for "E-mail Address", 2 for "E-mail 2
    Address", 0 for a column not named like an address."""
    key = _key(column)
    match = _NUMBERED_EMAIL.fullmatch(key)
    if match is not None:
        return int(match.group(1))
    return 1 if any(key in names for names in _EMAIL_NAMES) else 0


def outlook_name(cell: str) -> str:
    """The name in an Outlook display-name cell: "Jürgen Weiß (juergen@example.de)" gives "Jürgen
    Weiß"; a cell that holds an address, not a name, gives ``""``."""
    # A name only decorates the address: line breaks become spaces, control characters go.
    name = _ADDRESS_SUFFIX.sub("", "".join(char for char in " ".join(cell.split()) if char.isprintable()))
    return "" if "@" in name else name


def looks_like_addresses(cells: Sequence[str]) -> bool:
    """Whether the non-empty ``cells`` are mostly addresses (a column of country codes named "CC" is not)."""
    filled = [cell for cell in cells if cell.strip()]
    return not filled or sum("@" in cell for cell in filled) >= len(filled) * _ADDRESS_SHARE


def detect_email_by_content(columns: Sequence[str], sample: Sequence[Sequence[str]]) -> str | None:
    """The column whose sample cells are mostly addresses, when no column is named like one."""
    best, best_count = None, 0
    for position, column in enumerate(columns):
        cells = [row[position] for row in sample if position < len(row) and row[position].strip()]
        count = sum("@" in cell for cell in cells)
        if count > best_count and count >= len(cells) * _ADDRESS_SHARE:
            best, best_count = column, count
    return best


def candidates_text(columns: Sequence[str]) -> str:
    """A handful of column names, each cut short, for a message: never a whole garbled header."""
    shown = [name if len(name) <= _NAME_SHOWN else name[: _NAME_SHOWN - 1] + "…" for name in columns]
    text = ", ".join(shown[:_CANDIDATES_SHOWN])
    if len(shown) > _CANDIDATES_SHOWN:
        text += " " + translate("Recipients", "and {count} more").format(count=len(shown) - _CANDIDATES_SHOWN)
    return text


def find_header_row(records: Sequence[tuple[int, Sequence[str]]]) -> int | None:
    """The row number of the header among the first ``(row, cells)`` records, or ``None`` for the first.

    A first row with several names and no gap between them is the header. Otherwise (a title
    above the table, a note, blank cells) it is the first row that names an email column, else the
    first row with several names.
    """
    rows = [
        (number, [cell.strip() for cell in cells])
        for number, cells in records
        if any(c.strip() for c in cells)
    ]
    rows = rows[:_HEADER_SEARCH_ROWS]
    if not rows:
        return None
    first = rows[0][1]
    while first and not first[-1]:
        first = first[:-1]
    if len(first) >= 2 and all(first):
        return None
    for number, cells in rows:
        if detect_email_column([cell for cell in cells if cell]) is not None:
            return number
    return next((number for number, cells in rows if sum(map(bool, cells)) >= 2), None)


def detect_column(columns: Sequence[str], names: frozenset[str], taken: set[str]) -> str | None:
    """The first column not in ``taken`` whose name is one of ``names`` (compared as the tables are)."""
    return next((c for c in columns if c not in taken and _key(c) in names), None)


def resolve_column(source: str, columns: Sequence[str], wanted: str) -> str:
    """The column the user named: exactly, else ignoring case and surrounding spaces; else ``ColumnError``."""
    if wanted in columns:
        return wanted
    folded = wanted.strip().casefold()
    for column in columns:
        if column.casefold() == folded:
            return column
    raise ColumnError(
        translate("Recipients", "{file} has no column {column!r}. Its columns are: {columns}.").format(
            file=Path(source).name, column=wanted, columns=", ".join(columns)
        ),
        file=source,
        field=wanted,
    )


def check_header(source: str, header: Sequence[str], label: Callable[[int], str] = str) -> tuple[str, ...]:
    """The header names trimmed, without trailing empty ones; empty or repeated names raise.

    ``label`` turns a 0-based column index into what the user sees (``3`` in a CSV, ``C`` in Excel).
    """
    names = [name.strip() for name in header]
    while names and not names[-1]:
        names.pop()
    file = Path(source).name
    empty = [label(index) for index, name in enumerate(names) if not name]
    if empty:
        raise RecipientFileError(
            translate("Recipients", "{file}: the header row has no name in column(s) {positions}.").format(
                file=file, positions=", ".join(empty)
            ),
            file=source,
        )
    seen: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        seen.setdefault(name.casefold(), []).append(index)
    repeated = [positions for positions in seen.values() if len(positions) > 1]
    if repeated:
        text = "; ".join(
            translate("Recipients", "{name!r} in columns {positions}").format(
                name=names[positions[0]], positions=", ".join(label(index) for index in positions)
            )
            for positions in repeated
        )
        raise RecipientFileError(
            translate(
                "Recipients", "{file}: column names must be unique, but the header repeats {names}."
            ).format(file=file, names=text),
            file=source,
        )
    return tuple(names)
