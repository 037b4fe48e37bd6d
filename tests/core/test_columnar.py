"""The column-wise check gives every list the report and the row events the row-by-row check gives."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from securemailmerge.campaign import columnar
from securemailmerge.campaign.check import (
    PreflightEvent,
    PreflightReport,
    PreflightSettings,
    RowChecked,
    check_rows,
    preflight,
)
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import RecipientList
from securemailmerge.template.model import CompiledTemplate, Template

HEADER = ["First Name", "Last Name", "E-Mail", "Cc", "Company", "City", "Notes"]
HTML = """<p>Hallo {{ FirstName | default("there") }} {{ LastName }},</p>
<p>see you in {{ City }}{% if Company %} with {{ Company | upper }}{% endif %}.</p>
<ul><li>{{ Notes | truncate(40) }}</li><li>{% if Notes %}{{ Notes }}{% endif %}</li></ul>
<p><a href="https://example.com/{{ City | urlencode }}">{{ FirstName ~ " " ~ LastName }}</a></p>"""
TEMPLATES = {
    "bench-like": Template(subject="Sommerfest, {{ FirstName }}?", html=HTML, attachments=("agenda.pdf",)),
    "subject-from-notes": Template(subject="{{ Notes }}", html="<p>{{ City }} = {{ Notes }}</p>"),
    "own-text": Template(subject="{{ City }}", html="<p>{{ Notes }}</p>", text="{{ Notes | upper }}"),
    "unknown-field": Template(subject="Hi {{ Anrede }} {{ FirstName }}", html="<p>{{ Notes }}</p>"),
    "missing-file": Template(subject="x", html="<b>{{ Company }}</b>", attachments=("fehlt.pdf",)),
    "near-budget": Template(subject="s", html="{{ (Notes ~ 'abcd') * 600000 }}"),
    "loop": Template(subject="{{ City }}", html="{% for w in Notes.split() %}{{ w }}{% endfor %}"),
}
CELL = st.text(alphabet=st.sampled_from(list("aäñ Z\n\t\xa0<>&\"'=%{}·€😀\u2028;,")), max_size=12)
NAME = st.one_of(CELL, st.sampled_from(["", " ", "Ana", "Jürgen", "x" * 300]))
NOTES = st.one_of(CELL, st.sampled_from(["", "=" * 80, "ü" * 1200, "Zeile\nzwei"]))
ADDRESS = st.sampled_from(
    ["p{n}@example.de", "Ana Núñez <p{n}@example.es>", "p{n}@exämple.de", "kaputt@", "", "p1@example.de"]
)
ROW = st.tuples(NAME, NAME, ADDRESS, st.sampled_from(["", "", "", "chef@example.de"]), CELL, CELL, NOTES)


def write_list(folder: Path, rows: list[tuple[str, ...]]) -> Path:
    """A semicolon CSV of ``rows`` (the address's ``{n}`` numbered), beside the common attachment."""
    (folder / "agenda.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 3000)
    path = folder / "liste.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for number, row in enumerate(rows):
            writer.writerow([row[0], row[1], row[2].format(n=number), *row[3:]])
    return path


@pytest.fixture(autouse=True)
def short_lists_go_column_wise(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lists here are short; the check takes such a list row by row unless told otherwise."""
    monkeypatch.setattr(columnar, "FEWEST", 1)


def test_a_short_list_is_checked_row_by_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [("Ana", "Núñez", "p{n}@example.es", "", "Núñez SL", "Sevilla", "")] * 4
    recipients = load_recipients(write_list(tmp_path, rows))
    monkeypatch.setattr(columnar, "FEWEST", 5)
    assert [stretch.sizes for stretch in columnar.stretches(_checker(recipients), 0, 4)] == [[None] * 4]
    monkeypatch.setattr(columnar, "FEWEST", 4)
    (stretch,) = columnar.stretches(_checker(recipients), 0, 4)
    assert None not in stretch.sizes


def both_ways(
    monkeypatch: pytest.MonkeyPatch, recipients: RecipientList, template: Template, folder: Path
) -> tuple[tuple[list[PreflightEvent], PreflightReport], tuple[list[PreflightEvent], PreflightReport]]:
    """The events and report of the check column-wise, then row by row (the columns refused)."""
    check = PreflightSettings(base_folder=folder, max_message_bytes=9_000)
    results = []
    for refused in (False, True):
        with monkeypatch.context() as patch:
            patch.setattr(columnar, "STRETCH", 5)  # many stretches, some with rows of every kind
            if refused:
                patch.setattr(CompiledTemplate, "columns", lambda self: None)
            results.append(
                (list(check_rows(recipients, template, check)), preflight(recipients, template, check))
            )
    return results[0], results[1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(TEMPLATES)), rows=st.lists(ROW, min_size=1, max_size=14))
def test_columns_give_the_events_and_report_rows_give(
    monkeypatch: pytest.MonkeyPatch, name: str, rows: list[tuple[str, ...]]
) -> None:
    assume(any(any(row) for row in rows))  # a list with no row at all is an error of its own
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        recipients = load_recipients(write_list(folder, rows))
        (events, report), (row_events, row_report) = both_ways(
            monkeypatch, recipients, TEMPLATES[name], folder
        )
    assert events == row_events
    assert report == row_report


def test_a_plain_list_is_vouched_for_column_wise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The common list (one address, values that render) goes column-wise, and its figures are the rows'."""
    rows = [("Ana", "Núñez", "p{n}@example.es", "", "Núñez SL", "Sevilla", "")] * 30
    recipients = load_recipients(write_list(tmp_path, rows))
    vouched = [size for stretch in columnar.stretches(_checker(recipients), 0, 30) for size in stretch.sizes]
    assert all(size is not None for size in vouched)
    (events, report), (row_events, row_report) = both_ways(
        monkeypatch, recipients, TEMPLATES["bench-like"], tmp_path
    )
    assert (events, report) == (row_events, row_report)
    assert report.ready == 30
    assert [event.size for event in events if isinstance(event, RowChecked)] == vouched


def test_rows_with_problems_are_checked_one_by_one(tmp_path: Path) -> None:
    """A name too long for a header, a subject with a line break, a Cc: the row-by-row check takes them."""
    rows = [
        ("Ana", "Núñez", "p{n}@example.es", "", "", "Sevilla", "ok"),
        ("x" * 300, "", "p{n}@example.es", "", "", "Sevilla", "ok"),
        ("Ana", "", "p{n}@example.es", "", "", "Sevilla", "Zeile\nzwei"),
        ("Ana", "", "p{n}@example.es", "chef@example.de", "", "Sevilla", "ok"),
    ]
    recipients = load_recipients(write_list(tmp_path, rows))
    template = Template(subject="{{ Notes }}", html="<p>{{ FirstName }}</p>")
    checker = _checker(recipients, template)
    (stretch,) = columnar.stretches(checker, 0, 4)
    assert [size is not None for size in stretch.sizes] == [True, False, False, False]
    report = preflight(recipients, template, PreflightSettings(base_folder=tmp_path))
    assert report.ready == 2
    assert [problem.row for problem in report.render_errors] == [3, 4]


def _checker(recipients: RecipientList, template: Template = TEMPLATES["bench-like"]) -> object:
    from securemailmerge.campaign.check import _RowChecker

    folder = Path(recipients.source).parent
    return _RowChecker(recipients, template, PreflightSettings(base_folder=folder))
