"""The check of a long list, a stretch of rows at a time, column by column.

Checking rows one by one costs tens of microseconds of Python each, a minute for a million rows.
Most rows of a real list are alike in every way the check looks at: one plain address, merge values
that render, a message far below every limit. For a stretch of such rows the check renders the
messages column-wise (``template.columns``), estimates their sizes and finds their empty fields in
Python's own loops, and vouches for each row that passes every test the row-by-row check makes.
Any other row (one with Cc or a display name, one the pieces cannot vouch for, a subject or a name
too long, a message too large, a missing attachment) is left to the row-by-row check, which makes
its problems what they always were; a test holds both ways to the same reports and events.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from securemailmerge.campaign.mime import MAX_NAME, MAX_SUBJECT, estimate_sizes, recipient_names
from securemailmerge.errors import AttachmentError
from securemailmerge.recipients.model import Recipient, RecipientRows
from securemailmerge.template.columns import RenderedColumns
from securemailmerge.template.model import RenderedMessage

if TYPE_CHECKING:
    from securemailmerge.campaign.check import _RowChecker

STRETCH = 4096
"""Rows checked together: enough for Python's loops to pay, few enough to keep their messages."""
FEWEST = 128
"""Rows below which a list is checked one row at a time: splitting its template would cost more."""


@dataclass(frozen=True)
class Stretch:
    """What the column-wise check found for rows ``start`` onwards.

    ``sizes`` has one entry per row: the size of a row the check vouches for (ready, no problem), or
    None for a row to check one by one. ``empty`` lists, per used column, the rows blank in it; when it
    is None, the row-by-row check finds them too.
    """

    start: int
    sizes: list[int | None]
    empty: dict[str, list[int]] | None
    rendered: RenderedColumns | None = None
    places: Sequence[int] = ()
    numbers: Sequence[int] = ()

    def row(self, offset: int) -> int:
        """The source row number of the vouched-for row at ``offset`` in the stretch."""
        return self.numbers[self.places[offset]]

    def message(self, offset: int) -> RenderedMessage:
        """The message of the vouched-for row at ``offset`` in the stretch."""
        assert self.rendered is not None
        place = self.places[offset]
        rendered = self.rendered
        return RenderedMessage(
            rendered.subjects[place], rendered.htmls[place], rendered.texts[place], rendered.attachments
        )


def stretches(checker: _RowChecker, start: int, end: int) -> Iterator[Stretch]:
    """The rows ``start`` to ``end`` of the checker's list, a ``Stretch`` at a time."""
    rows = checker.recipients.rows
    renderer = checker.compiled.columns() if end - start >= FEWEST else None
    files = _attachment_sizes(checker, renderer.attachments if renderer is not None else ())
    for first in range(start, end, STRETCH):
        last = min(first + STRETCH, end)
        if renderer is None or files is None or not isinstance(rows, RecipientRows):
            yield Stretch(first, [None] * (last - first), None)
            continue
        items, index, email = rows.plain(first, last)
        kept: dict[int, Recipient] = {}  # the rows that stay Recipients, by offset
        for offset, item in enumerate(items):
            if item is None:
                recipient = rows[first + offset]
                items[offset] = _as_plain(recipient, checker.recipients.email_column)
                if items[offset] is None:
                    kept[offset] = recipient
        plain = [item for item in items if item is not None]
        empty = _empty_fields(checker, kept, items, index)
        rendered = None
        if _texts_only(plain, index, checker.used_columns):
            rendered = renderer.render(_cells(plain, index), len(plain), frozenset(checker.blanks))
        if rendered is None:
            yield Stretch(first, [None] * (last - first), empty)
            continue
        sizes = _vouched_sizes(checker, rendered, plain, index, email, files)
        places = [-1] * len(items)
        out: list[int | None] = [None] * len(items)
        place = 0
        for offset, item in enumerate(items):
            if item is not None:
                places[offset], out[offset] = place, sizes[place]
                place += 1
        yield Stretch(first, out, empty, rendered, places, [item[0] for item in plain])


def _as_plain(recipient: Recipient, email_column: str) -> tuple[Any, ...] | None:
    """A row kept as a ``Recipient`` as the tuple a plain row is, when it is one in all the check sees.

    That is one To address, the email cell as written, and no Cc, Bcc or name typed with an address
    (a list with a Cc column keeps every row so, also those whose Cc cell is empty).
    """
    fields = recipient.fields
    if (
        recipient.cc
        or recipient.bcc
        or recipient.display_names
        or recipient.to != (fields.get(email_column),)
    ):
        return None
    return (recipient.row, *fields.values())


def _attachment_sizes(checker: _RowChecker, names: Sequence[str]) -> list[int] | None:
    """The sizes of the attachments every row has; None when one is missing (each row reports it)."""
    sizes = []
    for name in names:
        size = checker.attachment_size(name)
        if isinstance(size, AttachmentError):
            return None
        sizes.append(size)
    return sizes


def _cells(plain: list[tuple[Any, ...]], index: Any) -> Any:
    """``cells(column)``: the column's value in each plain row, None for a column the rows lack."""

    def cells(column: str) -> list[str] | None:
        place = index.get(column)
        return None if place is None else [item[place] for item in plain]

    return cells


def _texts_only(plain: list[tuple[Any, ...]], index: Any, columns: Sequence[str]) -> bool:
    """Whether the template's columns hold only texts (pieces render nothing else; rows one by one do)."""
    places = [index[column] for column in columns if column in index]
    return all(set(map(type, map(itemgetter(place), plain))) <= {str} for place in places)


def _empty_fields(
    checker: _RowChecker, kept: dict[int, Recipient], items: list[tuple[Any, ...] | None], index: Any
) -> dict[str, list[int]]:
    """The rows blank in each used column, in the order the row-by-row check finds them.

    ``items`` are a stretch's plain rows, None where the row is ``kept[offset]``.
    """
    numbers = [kept[offset].row if item is None else item[0] for offset, item in enumerate(items)]
    empty: dict[str, list[int]] = {}
    for column in checker.used_columns:
        place = index.get(column)
        if kept:
            values = [
                kept[offset].fields.get(column, "")
                if item is None
                else item[place]
                if place is not None
                else ""
                for offset, item in enumerate(items)
            ]
        elif place is None:
            values = [""] * len(items)
        else:
            values = list(map(itemgetter(place), items))  # type: ignore[arg-type]  # no None without kept rows
        # Blank: empty, or only what ``str.strip`` takes away.
        blank = list(
            compress(numbers, map(operator.or_, map(operator.not_, values), map(str.isspace, values)))
        )
        if blank:
            empty[column] = blank
    return empty


def _vouched_sizes(
    checker: _RowChecker,
    rendered: RenderedColumns,
    plain: list[tuple[Any, ...]],
    index: Any,
    email: int,
    files: list[int],
) -> list[int | None]:
    """The size of each plain row's message, or None where the row must be checked one by one."""
    count = len(plain)
    addresses = [len(item[email]) for item in plain]
    names = recipient_names(tuple(index), _cells(plain, index), count)
    messages = (rendered.subjects, rendered.htmls, rendered.texts)
    sizes = estimate_sizes(messages, addresses, names, files, rendered.attachments)
    limit, unsure = checker.settings.max_message_bytes, rendered.unsure
    return [
        None
        if place in unsure or size > limit or len(subject) > MAX_SUBJECT or len(name) > MAX_NAME
        else size
        for place, (size, subject, name) in enumerate(zip(sizes, rendered.subjects, names, strict=True))
    ]
