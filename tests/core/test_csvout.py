"""CSV files we write open in Excel with every cell as text the user typed, never as a formula."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.campaign.csvout import safe_csv_cell, write_csv
from securemailmerge.errors import InputError
from tests.helpers import REPO

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


KILLED_WRITER = """
import sys, time
from pathlib import Path
from securemailmerge.campaign.csvout import write_csv

def rows():
    yield ("2", "new")
    print("writing", flush=True)
    time.sleep(60)

write_csv(Path(sys.argv[1]), ("row", "value"), rows())
"""


def test_a_kill_while_writing_keeps_the_previous_file(tmp_path: Path) -> None:
    """``contacts --out`` and ``check --problems-csv`` replace a file only once the new one is whole."""
    target = tmp_path / "contacts.csv"
    target.write_text("row,value\n2,old\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", KILLED_WRITER, str(target)]
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        os.kill(process.pid, signal.SIGKILL)
    assert target.read_text(encoding="utf-8") == "row,value\n2,old\n"
    assert [path.name for path in tmp_path.iterdir() if not path.name.startswith(".")] == ["contacts.csv"]
