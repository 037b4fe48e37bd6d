"""Building a recipient list: rows from a CSV file, an Excel sheet or an address book, checked one by one.

Every source goes through ``build_recipient_list``: it checks the header, finds the email column
(and the optional CC, BCC and Reply-To columns; see ``columns``), validates the addresses, finds
duplicates and records each problem with the row number the user sees in the source, so every
message can name ``file:row``. Rows with an invalid, empty or duplicate address are left out unless
the user keeps them; warnings (a cell that looks like a spreadsheet formula) never leave a row out.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from securemailmerge.errors import ColumnError
from securemailmerge.i18n import translate
from securemailmerge.recipients.addresses import (
    X500,
    BadAddress,
    Mailbox,
    is_x500,
    misleading,
    misleading_text,
    parse_address_cell,
    plain_address,
    reason_text,
)
from securemailmerge.recipients.blocks import Block, blocks, sample_rows
from securemailmerge.recipients.columns import (
    BCC_NAMES,
    CC_NAMES,
    REPLY_TO_NAMES,
    candidates_text,
    check_header,
    detect_column,
    detect_email_by_content,
    detect_email_column,
    looks_like_addresses,
    more_address_columns,
    resolve_column,
)
from securemailmerge.recipients.model import (
    DUPLICATE,
    EMPTY_ADDRESS,
    FORMULA,
    INVALID_ADDRESS,
    MISLEADING_ADDRESS,
    RAGGED_ROW,
    WARNINGS,
    CellColumns,
    Recipient,
    RecipientList,
    RecipientOptions,
    RecipientRows,
    RowFields,
    RowProblem,
)
from securemailmerge.recipients.outlooknames import OutlookNames
from securemailmerge.recipients.plainrows import SPECIAL, PlainBlocks
from securemailmerge.recipients.sharing import SharedCells
from securemailmerge.yielding import between_steps

# "=" starts a formula; "+", "-" and "@" do when a function call or a DDE link ("cmd|...") follows,
# so phone numbers like "+49 30 123" and notes like "- call back" stay unremarked.
_FORMULA = re.compile(r"=.|[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!]")
_ANY_FORMULA = re.compile(r"(?:^|\x00)(?:=[^\x00]|[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!])")
# The apostrophe our CSV files put before a cell that starts like a formula (campaign/csvout.py),
# and before one that already starts with such an apostrophe, so that reading gives the value back.
_PROTECTED = re.compile("'+[=+\\-@\t\r＝＋－＠]")
_ANY_PROTECTED = re.compile("(?:^|\x00)'+[=+\\-@\t\r＝＋－＠]")
# Google Contacts puts a contact's several addresses of one kind in one cell, separated so.
ALTERNATIVES = " ::: "
# The rows looked at before any is checked, to tell address columns from others.
_SAMPLE_ROWS = 100
# The options when none are given: detect everything, keep nothing that has a problem.
_DETECT_ALL = RecipientOptions()


def _position(index: int) -> str:
    return str(index + 1)


def build_recipient_list(
    source: str,
    columns: Sequence[str],
    rows: Iterable[tuple[int, Sequence[str]] | CellColumns],
    options: RecipientOptions = _DETECT_ALL,
    *,
    column_label: Callable[[int], str] = _position,
    details: Mapping[str, str] | None = None,
) -> RecipientList:
    """Check any source of rows (a CSV, a sheet, an address book) and turn it into a ``RecipientList``.

    ``source`` is the file as the user named it (messages show its last path part, so an address
    book passes a short label without "/"); ``columns`` is the raw header (trimmed and checked
    here); ``rows`` yields ``(row number as the user sees it, cells)`` or blocks of such rows by
    column (``CellColumns``); blank rows are skipped.
    The first rows are looked at before any is checked: a column named like Cc is taken only when
    its cells look like addresses, and without a column named like Email the one holding addresses
    is taken. Raises ``RecipientFileError`` for a bad header and ``ColumnError`` when no email
    column is found.
    """
    names = check_header(source, [unprotect_cell(name) for name in columns], column_label)
    stream = iter(rows)
    sample, head = sample_rows(stream, _SAMPLE_ROWS)
    builder = _Builder(source, names, options, sample)
    # A million rows make millions of objects and no reference cycles: the cyclic collector would
    # only walk them again and again (about a tenth of the time), so it waits until the list is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for block in blocks(chain(head, stream)):
            builder.add_block(block)
            between_steps()
    finally:
        if collecting:
            gc.enable()
    return RecipientList(
        source=source,
        columns=names,
        email_column=builder.email,
        rows=RecipientRows(builder.ready, builder.places, builder.email_position + 1),
        excluded=builder.excluded,
        problems=builder.problems,
        cc_column=builder.cc,
        bcc_column=builder.bcc,
        reply_to_column=builder.reply_to,
        details=dict(details or {}),
        address_columns=builder.address_columns,
    )


def unprotect_cell(value: str) -> str:
    """``value`` without the ``'`` that protects a formula-like cell in a CSV we wrote (``'=1+2``)."""
    return value[1:] if _PROTECTED.match(value) else value


class _Builder:
    """Turns rows into recipients one at a time; holds the duplicate index and the problems."""

    def __init__(
        self,
        source: str,
        columns: tuple[str, ...],
        options: RecipientOptions,
        sample: Sequence[tuple[str, ...]],
    ) -> None:
        self.source = source
        self.file = Path(source).name
        self.columns = columns
        self.width = len(columns)
        self.options = options
        self.sample = sample
        self.index = {name: position for position, name in enumerate(columns)}
        self.places = {name: position + 1 for name, position in self.index.items()}  # after the row number
        self.email = self._email_column(options.email_column)
        self.address_columns: tuple[str, ...] = (self.email,)
        if options.email_column is None:
            self.address_columns += more_address_columns(columns, self.email)
        self.address_positions = tuple(self.index[column] for column in self.address_columns)
        self.outlook = OutlookNames(columns, self.address_columns, self.index)
        taken = set(self.address_columns)
        self.cc = self._optional(options.cc_column, CC_NAMES, taken)
        self.bcc = self._optional(options.bcc_column, BCC_NAMES, taken)
        self.reply_to = self._optional(options.reply_to_column, REPLY_TO_NAMES, taken)
        self.extra = (self.cc, self.bcc, self.reply_to)
        self.has_extra = any(self.extra)
        self.email_position = self.index[self.email]
        # One plain address column: most cells take the fast path, the rest the full one.
        self.plain = len(self.address_positions) == 1
        self.shared = SharedCells(sample, self.width)
        # Rows kept as tuples (see RecipientRows) need one plain address column, no name columns for it.
        self.compact = self.plain and not self.has_extra and not self.outlook.positions
        self.ready: list[Recipient | tuple[Any, ...]] = []
        self.excluded: list[Recipient] = []
        self.problems: list[RowProblem] = []
        self.first_row_of: dict[str, int] = {}
        self.plain_blocks = (
            PlainBlocks(self.width, self.email_position, self.shared, self.ready, self.first_row_of, self.add)
            if self.compact
            else None
        )

    def _email_column(self, wanted: str | None) -> str:
        if wanted is not None:
            return resolve_column(self.source, self.columns, wanted)
        found = detect_email_column(self.columns) or detect_email_by_content(self.columns, self.sample)
        if found is None:
            raise ColumnError(
                translate(
                    "Recipients",
                    "{file} has no column that looks like email addresses (such as Email, E-Mail or Correo). "
                    "Choose the email column among: {columns}.",
                ).format(file=self.file, columns=candidates_text(self.columns)),
                file=self.source,
            )
        return found

    def _optional(self, wanted: str | None, names: frozenset[str], taken: set[str]) -> str | None:
        if wanted:
            column: str | None = resolve_column(self.source, self.columns, wanted)
        else:
            column = detect_column(self.columns, names, taken)
            position = self.index[column] if column is not None else 0
            if column is not None and not looks_like_addresses([row[position] for row in self.sample]):
                column = None  # Mailchimp's "CC" is a country code, not copy recipients
        if column is not None:
            taken.add(column)
        return column

    def add_block(self, block: Block) -> None:
        """Check a block of rows: the plain ones together (see plainrows), the others one by one."""
        if self.plain_blocks is not None:
            self.plain_blocks.add(block)
            return
        for row, cells in block.rows() if isinstance(block, CellColumns) else block:
            self.add(row, tuple(cells))

    def add(self, row: int, values: tuple[str, ...]) -> None:
        """Check one row and file it as ready or excluded, recording its problems."""
        if not any(values):
            return
        # Most rows: as wide as the header, nothing that could be a formula or a protected cell, one
        # address already in its normal form and not seen before. Such a row has no problem and is
        # kept as one tuple (see RecipientRows); every other row takes the full path below.
        if self.compact and len(values) == self.width and SPECIAL.search("\x00".join(values)) is None:
            if self.shared:
                values = self.shared.share(values)
            cell = values[self.email_position]
            if plain_address(cell) is cell:
                key = cell.casefold()
                if key not in self.first_row_of:
                    self.ready.append((row, *values))
                    self.first_row_of[cell if key == cell else key] = row
                    return
        self._add(row, values)

    def _add(self, row: int, values: tuple[str, ...]) -> None:
        problems: list[RowProblem] = []
        if len(values) != self.width:
            values = self._fit(row, values, problems)
        joined = "\x00".join(values)
        if "'" in joined and _ANY_PROTECTED.search(joined):
            values = tuple([unprotect_cell(value) for value in values])
            joined = "\x00".join(values)
        # A formula needs "=", "(", "|" or "!": testing for them first keeps the regex off most rows.
        if ("=" in joined or "(" in joined or "|" in joined or "!" in joined) and _ANY_FORMULA.search(joined):
            self._formulas(row, values, problems)
        if self.shared:
            values = self.shared.share(values)
        address = plain_address(values[self.email_position]) if self.plain else None
        addresses: tuple[str, ...]
        names: tuple[tuple[str, str], ...] = ()
        if address is not None:
            addresses = (address,)
            if self.outlook.positions:
                names = self.outlook.names(address, self.email, values)
        else:
            to = self._recipient_addresses(row, values, problems)
            addresses = tuple([box.address for box in to])
            names = tuple([(box.address, box.name) for box in to if box.name])
        cc: tuple[str, ...] = ()
        bcc: tuple[str, ...] = ()
        reply_to: tuple[str, ...] = ()
        if self.has_extra:
            boxes = [
                self._addresses(row, column, values, problems) if column else [] for column in self.extra
            ]
            cc, bcc, reply_to = (tuple([box.address for box in group]) for group in boxes)
            names += tuple([(box.address, box.name) for group in boxes for box in group if box.name])
        invalid = bool(problems) and not all(problem.warning for problem in problems)
        key = addresses[0].casefold() if addresses else ""
        duplicate = bool(addresses) and self._duplicate(row, addresses[0], key, problems)
        recipient = Recipient(row, RowFields(self.index, values), addresses, cc, bcc, reply_to, names)
        if (invalid and not self.options.keep_invalid) or (duplicate and not self.options.keep_duplicates):
            self.excluded.append(recipient)
        else:
            self.ready.append(recipient)
            if addresses:
                # Most addresses are already lower case: keep one string for the key and the address.
                self.first_row_of.setdefault(addresses[0] if key == addresses[0] else key, row)
        if problems:
            self.problems.extend(problems)

    def _recipient_addresses(
        self, row: int, values: tuple[str, ...], problems: list[RowProblem]
    ) -> list[Mailbox]:
        """The To addresses of a row: its one email cell, or those the address choice picks among
        the row's address columns and a cell's `` ::: `` alternatives (X.500 ones are not candidates)."""
        if len(self.address_positions) == 1:
            cell = values[self.address_positions[0]]
            if ALTERNATIVES not in cell and not is_x500(cell):
                boxes = self._addresses(row, self.email, values, problems, required=True)
                return self.outlook.named(boxes, self.email, values)
        candidates: list[tuple[str, str]] = []
        x500: list[tuple[str, str]] = []
        for column, position in zip(self.address_columns, self.address_positions, strict=True):
            for piece in values[position].split(ALTERNATIVES):
                if piece.strip():
                    (x500 if is_x500(piece) else candidates).append((column, piece))
        if not candidates:
            if x500:
                column, piece = x500[0]
                self._bad(row, column, [BadAddress(piece.strip(), X500)], problems)
                return []
            return self._addresses(row, self.email, values, problems, required=True)
        chosen = self.options.address.chosen([piece.strip() for _, piece in candidates])
        found: list[Mailbox] = []
        for index in chosen:
            column, piece = candidates[index]
            good, bad = parse_address_cell(piece)
            self._bad(row, column, bad, problems)
            self._misleading(row, column, good, problems)
            found.extend(self.outlook.named(good, column, values))
        return found

    def _formulas(self, row: int, values: tuple[str, ...], problems: list[RowProblem]) -> None:
        for column, value in zip(self.columns, values, strict=True):
            if _FORMULA.match(value):
                text = translate(
                    "Recipients",
                    "{location}: the cell in column {column!r} looks like a spreadsheet formula ({value}); "
                    "it is used as plain text, never calculated.",
                )
                problems.append(self._problem(row, FORMULA, text, column, value))

    def _addresses(
        self,
        row: int,
        column: str,
        values: tuple[str, ...],
        problems: list[RowProblem],
        required: bool = False,
    ) -> list[Mailbox]:
        cell = values[self.index[column]]
        good, bad = parse_address_cell(cell)
        self._bad(row, column, bad, problems)
        self._misleading(row, column, good, problems)
        if required and not good and not bad:
            text = translate("Recipients", "{location}: there is no email address in column {column!r}.")
            problems.append(self._problem(row, EMPTY_ADDRESS, text, column, cell))
        return good

    def _bad(self, row: int, column: str, bad: Sequence[BadAddress], problems: list[RowProblem]) -> None:
        for piece in bad:
            text = translate(
                "Recipients",
                "{location}: {value!r} in column {column!r} is not a valid email address: {reason}.",
            )
            reason = reason_text(piece.reason)
            problems.append(self._problem(row, INVALID_ADDRESS, text, column, piece.text, reason=reason))

    def _misleading(self, row: int, column: str, good: Sequence[Mailbox], problems: list[RowProblem]) -> None:
        """Warn, as mail clients do, about valid addresses that could mislead (they are still sent to)."""
        for box in good:
            for why in misleading(box):
                text = translate(
                    "Recipients", "{location}: the address {value} in column {column!r}: {reason}."
                )
                reason = misleading_text(why, box)
                problems.append(
                    self._problem(row, MISLEADING_ADDRESS, text, column, box.address, reason=reason)
                )

    def _duplicate(self, row: int, address: str, key: str, problems: list[RowProblem]) -> bool:
        first = self.first_row_of.get(key)
        if first is None:
            return False
        text = translate("Recipients", "{location}: {value} is already the address of row {first}.")
        problems.append(self._problem(row, DUPLICATE, text, self.email, address, first=first))
        return True

    def _fit(self, row: int, values: tuple[str, ...], problems: list[RowProblem]) -> tuple[str, ...]:
        """Cells beyond the header that are empty are dropped; any other mismatch is a ragged row."""
        if len(values) > self.width and not any(values[self.width :]):
            return values[: self.width]
        text = translate(
            "Recipients",
            "{location}: this row has {count} cells but the header has {width} columns; "
            "a delimiter, a quote or a header name is probably missing or extra.",
        )
        problems.append(self._problem(row, RAGGED_ROW, text, None, None, count=len(values), width=self.width))
        return (values + ("",) * self.width)[: self.width]

    def _problem(
        self, row: int, code: str, text: str, column: str | None, value: str | None, **more: object
    ) -> RowProblem:
        """A problem whose message is ``text`` (already translated) filled in for this row."""
        shown = value if value is None or len(value) <= 80 else value[:77] + "..."
        message = text.format(location=f"{self.file}:{row}", column=column, value=shown, **more)
        return RowProblem(row, code, message, field=column, value=value, warning=code in WARNINGS)
