"""Recipient columns: the header checked, and the email, CC, BCC and Reply-To columns found by name.

Header names are compared without case, spaces, dashes, dots and underscores, in English, German
and Spanish (``E-Mail-Adresse``, ``Correo electrónico``); a column the user names is found exactly or
ignoring case and surrounding spaces. Problems name the file and the column positions the user sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from securemailmerge.errors import ColumnError, RecipientFileError
from securemailmerge.i18n import translate


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Header names compared without case, spaces, dashes, dots and underscores, best match first.
_EMAIL_NAMES = (
    _names("email emailaddress emailadresse email1address emailadresse1 primaryemail"),
    _names("correoelectronico correoelectrónico direcciondecorreoelectronico direccióndecorreoelectrónico"),
    _names("mail mailaddress mailadresse correo direcciondecorreo direccióndecorreo"),
    _names("courriel adresse"),
)
# The names of the optional columns, compared the same way.
CC_NAMES = _names("cc ccaddress ccadresse ccemail kopie kopiean copia copiaa concopia")
BCC_NAMES = _names("bcc bccaddress bccadresse bccemail blindkopie cco copiaoculta blindcopy")
REPLY_TO_NAMES = _names("replyto antwortan antwortenan antwortadresse responder respondera")
_NAME_NOISE = re.compile(r"[\s\-_.:]+")


def _key(name: str) -> str:
    return _NAME_NOISE.sub("", name).casefold()


def detect_email_column(columns: Sequence[str]) -> str | None:
    """The column that holds email addresses, judged by its name in English, German or Spanish."""
    keys = [_key(column) for column in columns]
    for names in _EMAIL_NAMES:
        for column, key in zip(columns, keys, strict=True):
            if key in names:
                return column
    return None


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
