"""Rows checked a block at a time give the list that checking them one by one gives, and the cells the
block check takes as plain are addresses email-validator accepts exactly as written."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings, strategies as st

from securemailmerge.recipients.addresses import plain_address
from securemailmerge.recipients.builder import _Builder, build_recipient_list
from securemailmerge.recipients.model import CellColumns, RecipientOptions
from securemailmerge.recipients.plainrows import is_plain, odd_addresses

_LOCAL = st.one_of(
    st.text(st.sampled_from("abcXYZ09.+-_!#'~`{|}äß\"() @"), min_size=0, max_size=12),
    st.sampled_from(["info", "Info", "POSTMASTER", "abuse", "news", "x" * 64, "y" * 70, "a.b", ".a", "a."]),
)
_DOMAIN = st.sampled_from(
    [
        "example.com",
        "Example.com",
        "EXAMPLE.COM",
        "sub.example.de",
        "xn--p1ai",
        "xn--mller-kva.de",
        "müller.de",
        "localhost",
        "123",
        "1.2.3.4",
        "[1.2.3.4]",
        "ex_ample.de",
        "-a.de",
        "a..de",
        "a.de.",
        "",
        "x" * 63 + ".de",
        "y" * 64 + ".de",
        ".".join(["z" * 60] * 4) + ".de",
    ]
)
_CELL = st.one_of(
    st.builds("{}@{}".format, _LOCAL, _DOMAIN),
    st.sampled_from(
        ["", " a@example.com", "a@example.com ", "a@example.com\nb@example.com", "Ana <a@example.com>"]
    ),
)


def _accepted_as_written(cell: str) -> bool:
    try:
        return validate_email(cell, check_deliverability=False).normalized == cell
    except EmailNotValidError:
        return False


@settings(max_examples=500, deadline=None)
@given(cell=_CELL)
def test_a_plain_cell_is_an_address_email_validator_accepts_as_written(cell: str) -> None:
    if is_plain(cell):
        assert _accepted_as_written(cell)
        assert plain_address(cell) == cell


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(_CELL, min_size=1, max_size=12))
def test_the_block_check_names_exactly_the_cells_that_are_not_plain(cells: list[str]) -> None:
    assert odd_addresses(cells) == [index for index, cell in enumerate(cells) if not is_plain(cell)]


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.one_of(st.sampled_from(["ana@example.com", "bo@example.de", "info@example.com"]), _CELL),
        min_size=1,
        max_size=300,
    )
)
def test_a_long_block_with_a_few_odd_cells_names_exactly_those(cells: list[str]) -> None:
    assert odd_addresses(cells) == [index for index, cell in enumerate(cells) if not is_plain(cell)]


def test_the_common_cells_are_plain_and_the_others_are_not() -> None:
    plain = ["ana@example.com", "Ana.Weiss@example.de", "info@example.com", "o'brien@example.ie"]
    odd = ["Info@example.com", "ana@Example.com", "ana@xn--p1ai", "a..b@example.com", "ana @example.com"]
    assert odd_addresses(plain) == []
    assert odd_addresses(plain + odd) == list(range(len(plain), len(plain) + len(odd)))


HEADER = ("Name", "Email", "Note")
_ROW_CELL = st.one_of(
    _CELL, st.sampled_from(["ana@example.com", "ANA@example.com", "=1+1", "'=x", "Ana", ""])
)
_ROWS = st.lists(st.lists(_ROW_CELL, min_size=0, max_size=4).map(tuple), max_size=40)


def one_by_one(rows: list[tuple[str, ...]], options: RecipientOptions) -> tuple[object, ...]:
    """The list as the builder makes it checking each row alone (its own path for one row)."""
    numbered = list(enumerate(rows, start=2))
    builder = _Builder("list.csv", HEADER, options, [cells for _, cells in numbered[:100]])
    for row, cells in numbered:
        builder.add(row, cells)
    return (builder.ready, builder.excluded, builder.problems)


def as_checked(rows: list[tuple[str, ...]], options: RecipientOptions, by_column: bool) -> tuple[object, ...]:
    numbered = list(enumerate(rows, start=2))
    source: list[object] = list(numbered)
    if by_column and all(len(cells) == len(HEADER) for cells in rows) and rows:
        source = [
            CellColumns([row for row, _ in numbered], [list(column) for column in zip(*rows, strict=True)])
        ]
    result = build_recipient_list("list.csv", HEADER, source, options)
    return (result.rows._items, result.excluded, result.problems)


@settings(max_examples=300, deadline=None)
@given(
    rows=_ROWS,
    keep=st.sampled_from([RecipientOptions(), RecipientOptions(keep_duplicates=True, keep_invalid=True)]),
)
def test_blocks_give_the_list_that_rows_one_by_one_give(
    rows: list[tuple[str, ...]], keep: RecipientOptions
) -> None:
    rows = [cells for cells in rows if any(cells)] or [("Ana", "ana@example.com", "")]
    rows = [("Ana", "ana@example.com", ""), *rows]  # the email column is found by name either way
    expected = one_by_one(rows, keep)
    assert as_checked(rows, keep, by_column=False) == expected
    assert as_checked(rows, keep, by_column=True) == expected
