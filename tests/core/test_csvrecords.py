"""The fast CSV record reader gives exactly the csv module's rows, numbers and errors, at any block size."""

from __future__ import annotations

import csv
import io
from itertools import count
from operator import itemgetter
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.errors import RecipientFileError
from securemailmerge.recipients.csvfile import open_csv
from securemailmerge.recipients.csvrecords import numbered_records
from securemailmerge.recipients.model import CellColumns

Outcome = tuple[list[tuple[int, tuple[str, ...]]], int | None]


def csv_module(text: str, delimiter: str) -> Outcome:
    """The non-blank records the csv module reads from ``text``, numbered from 1, and the row it fails on."""
    numbers = count(1)
    rows: list[tuple[int, tuple[str, ...]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows.extend(filter(itemgetter(1), zip(numbers, map(tuple, reader), strict=False)))
    except csv.Error:
        return rows, next(numbers) - 1
    return rows, None


def fast(text: str, delimiter: str, width: int, block_chars: int) -> Outcome:
    """The same from ``numbered_records``, its blocks by column taken apart."""
    numbers = count(1)
    rows: list[tuple[int, tuple[str, ...]]] = []
    try:
        for item in numbered_records(io.StringIO(text, newline=""), delimiter, width, numbers, block_chars):
            rows.extend(item.rows() if isinstance(item, CellColumns) else [item])
    except csv.Error:
        return rows, next(numbers) - 1
    return rows, None


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(st.sampled_from('ab;,"\r\n é\t'), max_size=120),
    delimiter=st.sampled_from([";", ",", "\t"]),
    width=st.integers(1, 4),
    block_chars=st.sampled_from([1, 2, 3, 5, 8, 64, 65536]),
)
def test_records_are_the_csv_modules_at_any_block_size(
    text: str, delimiter: str, width: int, block_chars: int
) -> None:
    assert fast(text, delimiter, width, block_chars) == csv_module(text, delimiter)


@pytest.mark.parametrize(
    "text",
    [
        "a;b\r\nc;d\r\n",  # Excel's line ends
        "a;b\nc;d",  # no line end at the end
        "a;b\rc;d\r",  # the old Macintosh line ends
        "\r\r\n;",  # a blank record, then a line end cut by the end of a block
        "a;b\r\n\r\n;\r\nc;d\r\n",  # blank records count as rows
        'a;"b\r\nc";d\r\ne;f\r\n',  # a quoted line break: one row
        "a;b;c\r\nd;e\r\n",  # rows of other widths
        "x" * 70_000 + ";y\n" + "a;b\n",  # a line longer than a block
        'a;"b\nc;d\n',  # a quote left open
    ],
)
def test_the_shapes_files_come_in_read_as_the_csv_module_reads_them(text: str) -> None:
    for block_chars in (4, 16, 65536):
        assert fast(text, ";", 2, block_chars) == csv_module(text, ";")


def test_a_block_of_rows_as_wide_as_the_header_comes_by_column(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name;Email\nAna;ana@example.es\n\nBea;bea@example.es\n", encoding="utf-8")
    with open_csv(path) as table:
        records = list(table.records)
    assert records == [CellColumns((2, 4), [["Ana", "Bea"], ["ana@example.es", "bea@example.es"]], False)]


def test_a_quote_left_open_after_many_plain_rows_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name;Email\n" + "Ana;ana@example.es\n" * 20_000 + 'Bea;"bea\n', encoding="utf-8")
    with (
        pytest.raises(RecipientFileError, match=r"list\.csv:20002: this row cannot be read as CSV"),
        open_csv(path) as table,
    ):
        list(table.records)
