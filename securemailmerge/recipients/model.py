"""Recipient lists: rows from a CSV file, an Excel sheet or an address book, checked and ready to send.

Every source goes through ``build_recipient_list``: it checks the header, finds the email column
(and the optional CC, BCC and Reply-To columns; see ``columns``), validates the addresses, finds
duplicates and records each problem with the row number the user sees in the source, so every
message can name ``file:row``. Rows with an invalid, empty or duplicate address are left out unless
the user keeps them; warnings (a cell that looks like a spreadsheet formula) never leave a row out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from securemailmerge.errors import ColumnError, RecipientFileError
from securemailmerge.i18n import translate
from securemailmerge.recipients.addresses import Mailbox, parse_address_cell, reason_text
from securemailmerge.recipients.columns import (
    BCC_NAMES,
    CC_NAMES,
    REPLY_TO_NAMES,
    check_header,
    detect_column,
    detect_email_column,
    resolve_column,
)
from securemailmerge.recipients.csvfile import open_csv

INVALID_ADDRESS = "invalid-address"
EMPTY_ADDRESS = "empty-address"
DUPLICATE = "duplicate"
RAGGED_ROW = "ragged-row"
FORMULA = "formula"


# "=" starts a formula; "+", "-" and "@" do when a function call or a DDE link ("cmd|...") follows,
# so phone numbers like "+49 30 123" and notes like "- call back" stay unremarked.
_FORMULA = re.compile(r"=.|[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!]")
_ANY_FORMULA = re.compile(r"(?:^|\x00)(?:=[^\x00]|[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!])")


@dataclass(frozen=True)
class RecipientOptions:
    """How to read a recipient file; ``None`` means detect."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    email_column: str | None = None
    cc_column: str | None = None
    bcc_column: str | None = None
    reply_to_column: str | None = None
    keep_invalid: bool = False
    keep_duplicates: bool = False


class RowFields(Mapping[str, str]):
    """The cells of one row by column name: one shared column index over the row's tuple of cells."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: tuple[str, ...]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: str) -> str:
        return self._values[self._index[key]]

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
    ``header_row`` of a CSV file, ``sheet`` and ``header_row`` of a workbook.
    """

    source: str
    columns: tuple[str, ...]
    email_column: str
    rows: list[Recipient]
    excluded: list[Recipient]
    problems: list[RowProblem]
    cc_column: str | None = None
    bcc_column: str | None = None
    reply_to_column: str | None = None
    details: Mapping[str, str] = field(default_factory=dict)

    def location(self, row: int) -> str:
        """``file.csv:12``: how messages name a row."""
        return f"{Path(self.source).name}:{row}"

    def problem_counts(self) -> Counter[str]:
        """How many problems of each code were found."""
        return Counter(problem.code for problem in self.problems)


def _position(index: int) -> str:
    return str(index + 1)


def build_recipient_list(
    source: str,
    columns: Sequence[str],
    rows: Iterable[tuple[int, Sequence[str]]],
    options: RecipientOptions = RecipientOptions(),
    *,
    column_label: Callable[[int], str] = _position,
    details: Mapping[str, str] | None = None,
) -> RecipientList:
    """Check any source of rows (a CSV, a sheet, an address book) and turn it into a ``RecipientList``.

    ``source`` is the file as the user named it (messages show its last path part, so an address
    book passes a short label without "/"); ``columns`` is the raw header (trimmed and checked
    here); ``rows`` yields ``(row number as the user sees it, cells)``; blank rows are skipped.
    Raises ``RecipientFileError`` for a bad header and ``ColumnError`` when no email column is found.
    """
    names = check_header(source, columns, column_label)
    builder = _Builder(source, names, options)
    for row, values in rows:
        builder.add(row, tuple(values))
    return RecipientList(
        source=source,
        columns=names,
        email_column=builder.email,
        rows=builder.ready,
        excluded=builder.excluded,
        problems=builder.problems,
        cc_column=builder.cc,
        bcc_column=builder.bcc,
        reply_to_column=builder.reply_to,
        details=dict(details or {}),
    )


class _Builder:
    """Turns rows into recipients one at a time; holds the duplicate index and the problems."""

    def __init__(self, source: str, columns: tuple[str, ...], options: RecipientOptions) -> None:
        self.source = source
        self.file = Path(source).name
        self.columns = columns
        self.width = len(columns)
        self.options = options
        self.index = {name: position for position, name in enumerate(columns)}
        self.email = self._email_column(options.email_column)
        taken = {self.email}
        self.cc = self._optional(options.cc_column, CC_NAMES, taken)
        self.bcc = self._optional(options.bcc_column, BCC_NAMES, taken)
        self.reply_to = self._optional(options.reply_to_column, REPLY_TO_NAMES, taken)
        self.extra = (self.cc, self.bcc, self.reply_to)
        self.ready: list[Recipient] = []
        self.excluded: list[Recipient] = []
        self.problems: list[RowProblem] = []
        self.first_row_of: dict[str, int] = {}

    def _email_column(self, wanted: str | None) -> str:
        if wanted is not None:
            return resolve_column(self.source, self.columns, wanted)
        found = detect_email_column(self.columns)
        if found is None:
            raise ColumnError(
                translate(
                    "Recipients",
                    "{file} has no column that looks like email addresses (such as Email, E-Mail or Correo). "
                    "Choose the email column among: {columns}.",
                ).format(file=self.file, columns=", ".join(self.columns)),
                file=self.source,
            )
        return found

    def _optional(self, wanted: str | None, names: frozenset[str], taken: set[str]) -> str | None:
        column = (
            resolve_column(self.source, self.columns, wanted)
            if wanted
            else detect_column(self.columns, names, taken)
        )
        if column is not None:
            taken.add(column)
        return column

    def add(self, row: int, values: tuple[str, ...]) -> None:
        """Check one row and file it as ready or excluded, recording its problems."""
        if not any(values):
            return
        problems: list[RowProblem] = []
        if len(values) != self.width:
            values = self._fit(row, values, problems)
        joined = "\x00".join(values)
        # A formula needs "=", "(", "|" or "!": testing for them first keeps the regex off most rows.
        if ("=" in joined or "(" in joined or "|" in joined or "!" in joined) and _ANY_FORMULA.search(joined):
            self._formulas(row, values, problems)
        to = self._addresses(row, self.email, values, problems, required=True)
        boxes = [self._addresses(row, column, values, problems) if column else [] for column in self.extra]
        invalid = bool(problems) and not all(problem.warning for problem in problems)
        duplicate = bool(to) and self._duplicate(row, to[0].address, problems)
        cc, bcc, reply_to = (tuple([box.address for box in group]) for group in boxes)
        recipient = Recipient(
            row,
            RowFields(self.index, values),
            tuple([box.address for box in to]),
            cc,
            bcc,
            reply_to,
            tuple([(box.address, box.name) for group in (to, *boxes) for box in group if box.name]),
        )
        if (invalid and not self.options.keep_invalid) or (duplicate and not self.options.keep_duplicates):
            self.excluded.append(recipient)
        else:
            self.ready.append(recipient)
            if to:
                self.first_row_of.setdefault(to[0].address.casefold(), row)
        if problems:
            self.problems.extend(problems)

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
        for piece in bad:
            text = translate(
                "Recipients",
                "{location}: {value!r} in column {column!r} is not a valid email address: {reason}.",
            )
            reason = reason_text(piece.reason)
            problems.append(self._problem(row, INVALID_ADDRESS, text, column, piece.text, reason=reason))
        if required and not good and not bad:
            text = translate("Recipients", "{location}: there is no email address in column {column!r}.")
            problems.append(self._problem(row, EMPTY_ADDRESS, text, column, cell))
        return good

    def _duplicate(self, row: int, address: str, problems: list[RowProblem]) -> bool:
        first = self.first_row_of.get(address.casefold())
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
        return RowProblem(row, code, message, field=column, value=value, warning=code == FORMULA)


def load_recipients(path: Path, options: RecipientOptions = RecipientOptions()) -> RecipientList:
    """Read a ``.csv`` (or ``.txt``/``.tsv``) or ``.xlsx`` recipient file and check every row."""
    suffix = path.suffix.lower()
    if suffix in {".xls", ".ods", ".numbers"}:
        text = translate(
            "Recipients",
            "{file}: this spreadsheet format cannot be read. Save it as Excel workbook (.xlsx) or CSV.",
        )
        raise RecipientFileError(text.format(file=path.name), file=str(path))
    if suffix in {".xlsx", ".xlsm"}:
        # openpyxl takes longer to import than a small CSV takes to check, so only Excel files pay.
        from securemailmerge.recipients.xlsxfile import open_xlsx

        with open_xlsx(path, options.sheet) as sheet:
            details = {"sheet": sheet.title, "header_row": str(sheet.header_row)}
            result = build_recipient_list(
                str(path), sheet.header, sheet.rows, options, column_label=sheet.column_label, details=details
            )
    else:
        with open_csv(path, options.encoding, options.delimiter) as table:
            details = {
                "encoding": table.encoding,
                "delimiter": table.delimiter,
                "header_row": str(table.header_row),
            }
            result = build_recipient_list(str(path), table.header, table.rows, options, details=details)
    if not result.rows and not result.excluded:
        text = translate("Recipients", "{file} has a header row but no recipients below it.")
        raise RecipientFileError(text.format(file=path.name), file=str(path))
    return result


def sheet_names(path: Path) -> list[str]:
    """The names of the worksheets of an ``.xlsx`` file, in workbook order, for the user to choose."""
    from securemailmerge.recipients.xlsxfile import sheet_names as xlsx_sheet_names

    return xlsx_sheet_names(path)
