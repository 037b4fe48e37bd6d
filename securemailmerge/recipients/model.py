"""What a recipient list is made of: the reading options, the rows, their problems and the list itself.

Every source (CSV, Excel sheet, address book) ends in a ``RecipientList`` built by
``builder.build_recipient_list``; each row and each problem keeps the row number the user sees in
the source, so every message can name ``file:row``. The problem codes are defined here once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast, overload

from securemailmerge.recipients.choice import FIRST_ADDRESS, AddressChoice

INVALID_ADDRESS = "invalid-address"
EMPTY_ADDRESS = "empty-address"
DUPLICATE = "duplicate"
RAGGED_ROW = "ragged-row"
FORMULA = "formula"
MISLEADING_ADDRESS = "misleading-address"
# Warnings never leave a row out.
WARNINGS = frozenset({FORMULA, MISLEADING_ADDRESS})


@dataclass(frozen=True)
class RecipientOptions:
    """How to read a recipient file; ``None`` means detect.

    ``header_row`` is the row number of the header as the user sees it (1 = the first row);
    ``address`` says which of a row's addresses get the message when the file has several address
    columns ("E-mail Address", "E-mail 2 Address", ...) or a cell lists alternatives (`` ::: ``).
    """

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    email_column: str | None = None
    cc_column: str | None = None
    bcc_column: str | None = None
    reply_to_column: str | None = None
    keep_invalid: bool = False
    keep_duplicates: bool = False
    header_row: int | None = None
    address: AddressChoice = FIRST_ADDRESS


class RowFields(Mapping[str, str]):
    """The cells of one row by column name: one shared column index over the row's tuple of cells."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: tuple[str, ...]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: str) -> str:
        return self._values[self._index[key]]

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The cell of column ``key``, or ``default`` (Mapping's own ``get`` costs an exception per miss)."""
        position = self._index.get(key)
        return default if position is None else self._values[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"RowFields({dict(self)!r})"


@dataclass(frozen=True, slots=True)
class Recipient:
    """One row: its source row number, its cells, and its normalised valid addresses."""

    row: int
    fields: Mapping[str, str]
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    reply_to: tuple[str, ...] = ()
    display_names: tuple[tuple[str, str], ...] = ()

    def display_name(self, address: str) -> str:
        """The name typed with ``address`` in a ``Name <addr>`` cell, or ``""``."""
        return next((name for known, name in self.display_names if known == address), "")


class RecipientRows(Sequence[Recipient]):
    """The rows of a list, kept small: a row with one plain address is the tuple ``(row, *cells)``.

    A million rows are a million Recipient objects with their cells, mappings and address tuples
    otherwise, seven times the file in memory. A row whose only address is its email cell as
    written (most rows) is kept as one tuple and becomes a ``Recipient`` each time it is read, equal
    to the one the list would have kept; any other row is kept as its ``Recipient``.
    """

    __slots__ = ("_email", "_index", "_items")

    def __init__(
        self, items: list[Recipient | tuple[Any, ...]], index: Mapping[str, int], email: int
    ) -> None:
        """``index`` maps each column to its place in a tuple, after the row; ``email`` is the address's."""
        self._items = items
        self._index = index
        self._email = email

    def _recipient(self, item: Recipient | tuple[Any, ...]) -> Recipient:
        if type(item) is tuple:
            return Recipient(item[0], RowFields(self._index, item), (item[self._email],))
        assert isinstance(item, Recipient)
        return item

    def __len__(self) -> int:
        return len(self._items)

    def plain(self, start: int, end: int) -> tuple[list[tuple[Any, ...] | None], Mapping[str, int], int]:
        """Rows ``start`` to ``end`` for column-wise work: each as its ``(row, *cells)`` tuple, or None
        where the row is kept as a ``Recipient``; with the column index and the address's place."""
        return (
            [item if type(item) is tuple else None for item in self._items[start:end]],
            self._index,
            self._email,
        )

    def part(self, start: int, end: int) -> RecipientRows:
        """The rows from position ``start`` to ``end``, kept as compact as here."""
        return RecipientRows(self._items[start:end], self._index, self._email)

    def without(self, rows: Set[int]) -> tuple[RecipientRows, list[Recipient]]:
        """These rows without the source ``rows`` (kept as compact as here), and the rows taken out."""
        kept: list[Recipient | tuple[Any, ...]] = []
        taken: list[Recipient] = []
        for item in self._items:
            number = item[0] if type(item) is tuple else cast(Recipient, item).row
            if number in rows:
                taken.append(self._recipient(item))
            else:
                kept.append(item)
        return RecipientRows(kept, self._index, self._email), taken

    @overload
    def __getitem__(self, position: int) -> Recipient: ...

    @overload
    def __getitem__(self, position: slice) -> list[Recipient]: ...

    def __getitem__(self, position: int | slice) -> Recipient | list[Recipient]:
        if isinstance(position, slice):
            return [self._recipient(item) for item in self._items[position]]
        return self._recipient(self._items[position])

    def __iter__(self) -> Iterator[Recipient]:
        make = self._recipient
        for item in self._items:
            yield make(item)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list of rows is not a key, as a list is not

    def __repr__(self) -> str:
        return f"RecipientRows({list(self)!r})"


# A cell that starts a formula or is protected as one ('=1+2) holds one of these.
SPECIAL_CHARACTERS = "'=(|!"


@dataclass(frozen=True, slots=True)
class CellColumns:
    """Rows read together, all as wide as the header: their row numbers and their cells column by
    column (``columns[c][i]`` is cell ``c`` of row ``numbers[i]``), as a fast reader gives them.

    ``special`` is False when the reader saw that no cell holds any of ``SPECIAL_CHARACTERS``.
    """

    numbers: Sequence[int]
    columns: Sequence[Sequence[str]]
    special: bool = True

    def rows(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        """The same rows one by one, as ``(row, cells)``."""
        return zip(self.numbers, zip(*self.columns, strict=True), strict=True)


@dataclass(frozen=True)
class RowProblem:
    """One problem of one row; ``warning`` problems never leave the row out."""

    row: int
    code: str
    message: str
    field: str | None = None
    value: str | None = None
    warning: bool = False


@dataclass
class RecipientList:
    """The rows to send to, the rows left out, and every problem found, all with source row numbers.

    ``details`` says what was detected, for the user to check: ``encoding``, ``delimiter`` and
    ``header_row`` of a CSV file, ``sheet`` and ``header_row`` of a workbook. ``encoding`` is the
    text encoding a CSV file was read in (``None`` for a workbook or an address book), and
    ``address_columns`` every column an address was taken from, the email column first.
    """

    source: str
    columns: tuple[str, ...]
    email_column: str
    rows: Sequence[Recipient]
    excluded: list[Recipient]
    problems: list[RowProblem]
    cc_column: str | None = None
    bcc_column: str | None = None
    reply_to_column: str | None = None
    details: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    address_columns: tuple[str, ...] = ()

    def location(self, row: int) -> str:
        """``file.csv:12``: how messages name a row."""
        return f"{Path(self.source).name}:{row}"

    def part(self, start: int, end: int) -> RecipientList:
        """This list with only the rows from position ``start`` to ``end`` (none left out, no problems)."""
        rows = self.rows
        part = rows.part(start, end) if isinstance(rows, RecipientRows) else list(rows[start:end])
        return replace(self, rows=part, excluded=[], problems=[])

    def without(self, out: Set[int]) -> RecipientList:
        """This list with the source rows ``out`` moved from the rows to the excluded ones."""
        if not out:
            return self
        if isinstance(self.rows, RecipientRows):
            rows, taken = self.rows.without(out)  # no Recipient made for a row that stays
            return replace(self, rows=rows, excluded=[*self.excluded, *taken])
        kept = [r for r in self.rows if r.row not in out]
        taken_out = [r for r in self.rows if r.row in out]
        return replace(self, rows=kept, excluded=[*self.excluded, *taken_out])

    def problem_counts(self) -> Counter[str]:
        """How many problems of each code were found."""
        return Counter(problem.code for problem in self.problems)
