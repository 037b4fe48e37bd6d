"""CSV files we write open in Excel with every cell as text the user typed, never as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.campaign.csvout import safe_csv_cell, write_csv
from securemailmerge.errors import InputError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
        ("+49 30 1234567", "'+49 30 1234567"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("＝1+1", "'＝1+1"),
        ("-5", "-5"),
        ("+3,5", "+3,5"),
        ("Jürgen Müller", "Jürgen Müller"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_cells_are_quoted(cell: str, written: str) -> None:
    assert safe_csv_cell(cell) == written


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_cell_starts_a_formula_and_the_text_is_kept(cell: str) -> None:
    safe = safe_csv_cell(cell)
    if safe.startswith(FORMULA_STARTS):
        float(safe.replace(",", "."))  # only a plain number may keep its sign
    assert safe in (cell, "'" + cell)


def test_written_file_reads_back_in_excel_form(tmp_path: Path) -> None:
    path = tmp_path / "problems.csv"
    count = write_csv(path, ("row", "value"), [(2, "=1+1"), (3, "Peña; Müller"), (4, None)])
    assert count == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["row", "value"], ["2", "'=1+1"], ["3", "Peña; Müller"], ["4", ""]]


def test_unwritable_path_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.csv"
    with pytest.raises(InputError, match=r"out\.csv"):
        write_csv(target, ("a",), [])
