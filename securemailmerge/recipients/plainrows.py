"""Plain rows found a block at a time: each column tested at once, in C-level loops over joined text.

Most rows of a list are as wide as the header, hold nothing that could be a formula or a cell
protected as one, and have one address already in its normal form. Asking that of a million rows
one by one costs microseconds each in Python; asked of a block's columns (each joined into one
text, searched with str methods and one regular expression, each domain checked once) it costs a
small part of that.
A row found plain here is one ``builder._Builder.add`` would keep as a tuple; the others are named
so that they take the path of one row at a time, and a test holds both to the same answers.

An address cell is plain when it is an ASCII dot-atom (email-validator's own letters), an ``@``,
and a lower-case domain that email-validator accepts and gives back unchanged, at most 254
characters, and not a role name (``Info@``) that email-validator would lower-case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from securemailmerge.recipients.addresses import normal_domain
from securemailmerge.recipients.addressrules import ATEXT, CASE_INSENSITIVE_MAILBOX_NAMES, EMAIL_MAX_LENGTH
from securemailmerge.recipients.blocks import Block
from securemailmerge.recipients.model import SPECIAL_CHARACTERS, CellColumns
from securemailmerge.recipients.sharing import SharedCells

# A row without any of these has no formula and no protected cell (see builder's _FORMULA).
SPECIAL = re.compile(f"[{re.escape(SPECIAL_CHARACTERS)}]")
# One plain address: a dot-atom, "@", and a domain of the same letters (email-validator judges it).
_ADDRESS = f"[{ATEXT}]+(?:\\.[{ATEXT}]+)*@[{ATEXT}.]+"
_ONE = re.compile(_ADDRESS)
# Cells joined by line feeds, which no plain address holds.
_MANY = re.compile(f"(?:{_ADDRESS}\n)*{_ADDRESS}")
_ROLES = "|".join(CASE_INSENSITIVE_MAILBOX_NAMES)
_ROLE_LINE = re.compile(f"\n(?:{_ROLES})@")
_ROLE_STARTS = tuple(f"\n{name}@" for name in CASE_INSENSITIVE_MAILBOX_NAMES)
# A role name in other than lower case, which email-validator lower-cases (a different string).
_ROLE_NOT_LOWER = re.compile(f"(?!(?:{_ROLES})@)(?i:{_ROLES})@")


class PlainBlocks:
    """Files the plain rows of each block as ready tuples (see ``model.RecipientRows``) and hands
    every other row to ``one_by_one``, in the order of the rows."""

    def __init__(
        self,
        width: int,
        email: int,
        shared: SharedCells,
        ready: list[Any],
        first_row_of: dict[str, int],
        one_by_one: Callable[[int, tuple[str, ...]], None],
    ) -> None:
        self.width = width
        self.email = email
        self.shared = shared
        self.ready = ready
        self.first_row_of = first_row_of
        self.one_by_one = one_by_one

    def add(self, block: Block) -> None:
        """Check one block: runs of plain rows together, each other row alone."""
        if isinstance(block, CellColumns):
            block = self._fitted(block)
        rows: list[tuple[str, ...]] = []
        columns: list[Sequence[str]]
        if isinstance(block, CellColumns):
            numbers, columns = block.numbers, list(block.columns)
            odd = odd_in_columns(columns, self.email, special=block.special)
        else:
            numbers = [row for row, _ in block]
            rows = [tuple(cells) for _, cells in block]
            columns, odd = odd_rows(rows, self.width, self.email)
        if not odd:
            self._add_plain(numbers, columns)
            return
        start = 0
        for stop in (*odd, len(numbers)):
            if stop > start:
                self._add_plain(numbers[start:stop], [column[start:stop] for column in columns])
            if stop < len(numbers):
                self.one_by_one(
                    numbers[stop], rows[stop] if rows else tuple(column[stop] for column in columns)
                )
            start = stop + 1

    def _fitted(self, block: CellColumns) -> Block:
        """Cells under a trailing empty header name ("Email;" as Thunderbird writes it) dropped when
        they are all empty, as the builder drops them; any other block of another width as rows."""
        if len(block.columns) == self.width:
            return block
        if len(block.columns) < self.width or any(map(any, block.columns[self.width :])):
            return list(block.rows())
        return CellColumns(block.numbers, block.columns[: self.width])

    def _add_plain(self, numbers: Sequence[int], columns: list[Sequence[str]]) -> None:
        """File plain rows as ready tuples; a row whose address was seen before goes one by one."""
        for position, seen in self.shared.columns:
            column = columns[position]
            columns[position] = tuple(map(seen.setdefault, column, column))
        emails = columns[self.email]
        joined = "\n".join(emails)
        folded = joined.casefold()
        # Plain addresses are ASCII without line feeds: the folded text splits into their keys.
        keys: Sequence[str] = emails if folded == joined else folded.split("\n")
        first_row_of = self.first_row_of
        if len(set(keys)) == len(keys) and first_row_of.keys().isdisjoint(keys):
            self.ready.extend(zip(numbers, *columns, strict=True))
            first_row_of.update(zip(keys, numbers, strict=True))
            return
        for row, values, key in zip(numbers, zip(*columns, strict=True), keys, strict=True):
            if key in first_row_of:
                self.one_by_one(row, values)
            else:
                self.ready.append((row, *values))
                first_row_of[key] = row


def odd_rows(
    cells: Sequence[tuple[str, ...]], width: int, email: int
) -> tuple[list[Sequence[str]], list[int]]:
    """The block's columns (a row of the wrong width as blanks) and the positions of the rows that
    are not plain, in order."""
    lengths = list(map(len, cells))
    odd: set[int] = set()
    if lengths.count(width) != len(lengths):
        blank = ("",) * width
        odd.update(index for index, length in enumerate(lengths) if length != width)
        cells = [blank if index in odd else values for index, values in enumerate(cells)]
    columns: list[Sequence[str]] = list(zip(*cells, strict=True))
    odd.update(odd_in_columns(columns, email))
    return columns, sorted(odd)


def odd_in_columns(columns: Sequence[Sequence[str]], email: int, *, special: bool = True) -> list[int]:
    """The positions of the rows that are not plain among rows of the right width, by column
    (``special`` False: the reader saw no cell with a character of a formula)."""
    odd: set[int] = set()
    for column in columns if special else ():
        text = "\x00".join(column)
        # str's own search is many times faster than a regular expression's over the same text.
        if any(character in text for character in SPECIAL_CHARACTERS):
            odd.update(index for index, found in enumerate(map(SPECIAL.search, column)) if found)
    odd.update(odd_addresses(columns[email]))
    return sorted(odd)


def odd_addresses(cells: Sequence[str]) -> list[int]:
    """The positions of the cells that are not one plain address in its normal form, in order."""
    if _all_plain(cells):
        return []
    # A list with one bad address in two hundred would send every cell of every block the slow way:
    # the cells that are not even shaped like an address are found in one search, and the rest
    # are asked together again.
    joined = "\n".join(cells)
    if joined.count("\n") == len(cells) - 1:
        misshapen = _misshapen_lines(joined)
        if misshapen and _all_plain([cell for index, cell in enumerate(cells) if index not in misshapen]):
            return sorted(misshapen)
    return [index for index, cell in enumerate(cells) if not is_plain(cell)]


def _misshapen_lines(joined: str) -> set[int]:
    """The numbers (from 0) of the lines of ``joined`` that are not shaped like one plain address."""
    misshapen: set[int] = set()
    line = position = 0
    size = len(joined)
    while position <= size:
        # The longest run of address lines from here ends in, or right before, the next odd line.
        found = _MANY.match(joined, position)
        end = found.end() if found else position
        if found and end == size:
            break
        if found and joined[end] == "\n":
            end += 1
        odd = line + joined.count("\n", position, end)
        misshapen.add(odd)
        following = joined.find("\n", end)
        if following < 0:
            break
        line, position = odd + 1, following + 1
    return misshapen


def _all_plain(cells: Sequence[str]) -> bool:
    """``all(map(is_plain, cells))``, asked of the cells joined by line feeds, in C-level loops."""
    joined = "\n".join(cells)
    if (
        joined.count("\n") != len(cells) - 1
        or _MANY.fullmatch(joined) is None
        or max(map(len, cells)) > EMAIL_MAX_LENGTH
    ):
        return False
    framed = f"\n{joined}"
    lowered = framed.lower()
    # Lower-case role names are common ("info@"); only one written otherwise sends the block the long way.
    if _ROLE_LINE.search(lowered) and any(
        lowered.count(start) != framed.count(start) for start in _ROLE_STARTS
    ):
        return False
    # Each line holds one "@": the domains are every second piece between "@" signs and line feeds.
    return all(map(normal_domain, set(joined.replace("\n", "@").split("@")[1::2])))


def is_plain(cell: str) -> bool:
    """Whether ``cell`` is one plain address in its normal form (see the module's docstring)."""
    return (
        cell.isascii()
        and _ONE.fullmatch(cell) is not None
        and len(cell) <= EMAIL_MAX_LENGTH
        and _ROLE_NOT_LOWER.match(cell) is None
        and normal_domain(cell.rpartition("@")[2])
    )
