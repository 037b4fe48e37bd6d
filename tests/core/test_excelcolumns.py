"""A column formatted all at once shows every cell as the cell formatted alone shows it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings, strategies as st

from securemailmerge.recipients.excelcolumns import column_formatter
from securemailmerge.recipients.excelformat import value_formatter

CODES = [
    "General",
    "@",
    "0",
    "0.00",
    "#,##0",
    "#,##0.00",
    '#,##0.00 "€"',
    "#,##0.00 [$€-407]",
    "[$$-409]#,##0.00",
    "0.0#",
    "0%",
    "0.00E+00",
    "#,##0.00;[Red]-#,##0.00",
    '0.00;"minus";"null"',
    "000",
    "dd.mm.yyyy",
    "d.m.yyyy",
    "yyyy-mm-dd hh:mm",
    "dd/mm/yy hh:mm:ss",
    'dd"%"mm.yyyy',
    "mm-dd-yy",
    "[$-407]dd.mm.yyyy",
    "d mmmm yyyy",
    "[h]:mm",
    "# ?/?",
]
NUMBER = st.one_of(
    st.floats(min_value=-1e16, max_value=1e16, allow_nan=False),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.sampled_from([0.0, -0.0, 2.675, 1.005, 0.125, 1e15, 123456789012345.6, 0.1 + 0.2, 12500.5, 45306]),
    st.decimals(min_value=0, max_value=100000, places=3, allow_nan=False).map(float),
)
MOMENT = st.one_of(
    st.dates(min_value=date(1900, 3, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)),
)
CELL = st.one_of(NUMBER, MOMENT, st.booleans(), st.sampled_from(["", "Ana", "12,5", "=1+2"]))
COLUMN = st.one_of(
    st.lists(CELL, min_size=1, max_size=40),
    st.lists(NUMBER, min_size=1, max_size=40),
    st.lists(st.one_of(NUMBER, st.just("")), min_size=1, max_size=40),
    st.lists(MOMENT, min_size=1, max_size=40),
    # Columns of dates alone, or of dates with times alone, are shown by strftime where it can.
    st.lists(st.dates(min_value=date(1, 1, 1)), min_size=1, max_size=40),
    st.lists(st.dates(min_value=date(1900, 1, 1)), min_size=1, max_size=40),
    st.lists(st.datetimes(min_value=datetime(1900, 1, 1)), min_size=1, max_size=40),
)


def one_by_one(code: str, language: str, cells: list[object]) -> list[str]:
    shown = value_formatter(code, language)
    return [cell if isinstance(cell, str) else shown(cell) for cell in cells]


@settings(max_examples=600, deadline=None)
@given(code=st.sampled_from(CODES), language=st.sampled_from(["en", "de", "es"]), cells=COLUMN)
def test_a_column_shows_each_cell_as_the_cell_alone_shows_it(
    code: str, language: str, cells: list[object]
) -> None:
    assert list(column_formatter(code, language)(cells)) == one_by_one(code, language, cells)


@settings(max_examples=100, deadline=None)
@given(cells=st.lists(st.one_of(st.dates(), st.just("")), min_size=1, max_size=20), repeat=st.integers(1, 4))
def test_dates_kept_from_one_block_show_the_same_in_the_next(cells: list[object], repeat: int) -> None:
    show = column_formatter("dd.mm.yyyy", "de")
    for _ in range(repeat):
        assert list(show(cells)) == one_by_one("dd.mm.yyyy", "de", cells)


def test_amounts_and_dates_show_as_a_german_excel_shows_them() -> None:
    amounts = column_formatter('#,##0.00 "€"', "de")([12500.5, 2.675, 1000000, -3.5, ""])
    assert list(amounts) == ["12.500,50 €", "2,68 €", "1.000.000,00 €", "-3,50 €", ""]
    days = column_formatter("dd.mm.yyyy", "de")([date(2024, 1, 15), date(2024, 1, 15), time(9, 30)])
    assert list(days) == ["15.01.2024", "15.01.2024", "30.12.1899"]
    general = column_formatter("General", "de")([12500.5, 3.0, 10, 1e20, 0.1 + 0.2])
    assert list(general) == ["12500,5", "3", "10", "100000000000000000000", "0,3"]
