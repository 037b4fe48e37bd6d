"""Preflight renders each row once and reports counts, fields, row problems, size and time; no row raises."""

from __future__ import annotations

import dataclasses
import json
import tracemalloc
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from securemailmerge import formatting
from securemailmerge.campaign import check as preflight_module
from securemailmerge.campaign.check import (
    CheckStarted,
    PreflightReport,
    PreflightSettings,
    RowChecked,
    check_rows,
    preflight,
)
from securemailmerge.campaign.checkpass import CheckPass, ready_messages
from securemailmerge.campaign.checktext import format_duration, report_json, report_lines
from securemailmerge.errors import InputError, TemplateSyntaxError
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import RecipientList, RowProblem
from securemailmerge.template.files import load_template
from securemailmerge.template.model import CompiledTemplate, Template

HEADER = "Vorname;E-Mail;Firma;Anhang\r\n"
# Row 2 fine; 3 invalid address; 4 empty address; 5 duplicate of 2; 6 missing attachment; 7 empty Firma.
PROBLEM_ROWS = (
    "Jürgen;juergen@example.com;Müller GmbH;agenda.pdf\r\n"
    "Lucía;lucia@@example.org;Peña S.L.;agenda.pdf\r\n"
    "Käthe;;Löwe Verlag;agenda.pdf\r\n"
    "Jürgen;JUERGEN@example.com;Müller GmbH;agenda.pdf\r\n"
    "Ángela;angela@example.org;Domínguez;agenda-fr.pdf\r\n"
    "Björn;bjoern@example.com;;agenda.pdf\r\n"
)
TEMPLATE = {
    "subject": "Hallo {{ FirstName }}",
    "html": "<p>Hallo {{ FirstName | default('du') }}{% if Company %} von {{ Company }}{% endif %}</p>",
    "attachments": ["common.txt"],
    "attachment_column": "Anhang",
}


def make_inputs(
    folder: Path, rows: str = PROBLEM_ROWS, template: dict[str, object] | None = None, header: str = HEADER
) -> tuple[RecipientList, Template, PreflightSettings]:
    (folder / "liste.csv").write_text(header + rows, encoding="utf-8-sig", newline="")
    (folder / "template.json").write_text(json.dumps(template or TEMPLATE), encoding="utf-8")
    (folder / "agenda.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 3000)
    (folder / "common.txt").write_text("Straße 1\n", encoding="utf-8")
    recipients = load_recipients(folder / "liste.csv")
    return recipients, load_template(folder / "template.json"), PreflightSettings(base_folder=folder)


def run(folder: Path, rows: str = PROBLEM_ROWS, template: dict[str, object] | None = None) -> PreflightReport:
    return preflight(*make_inputs(folder, rows, template))


def test_report_counts_and_row_problems(tmp_path: Path) -> None:
    report = run(tmp_path)
    assert (report.total_rows, report.ready, report.invalid, report.duplicates) == (6, 2, 2, 1)
    assert report.unknown_fields == ()
    assert report.empty_fields == {"Firma": (7,)}
    assert [(p.row, p.value) for p in report.missing_attachments] == [(6, "agenda-fr.pdf")]
    assert report.render_errors == ()
    assert [p.row for p in report.problems] == [3, 4, 5, 6]
    assert all(p.message.startswith(f"liste.csv:{p.row}: ") for p in report.problems)
    assert "agenda-fr.pdf" in report.missing_attachments[0].message
    assert not report.ok


def test_clean_list_is_ok_with_duration_at_pace(tmp_path: Path) -> None:
    rows = "".join(f"Name{n};person{n}@example.com;Firma {n};agenda.pdf\r\n" for n in range(90))
    recipients, template, _ = make_inputs(tmp_path, rows=rows)
    report = preflight(recipients, template, PreflightSettings(base_folder=tmp_path, messages_per_minute=45))
    assert report.ok
    assert (report.ready, report.problems, report.empty_fields) == (90, (), {})
    assert report.estimated_duration == timedelta(minutes=2)


def test_unknown_field_is_reported_once_and_other_problems_still_show(tmp_path: Path) -> None:
    template = {**TEMPLATE, "subject": "Hallo {{ Spitzname }} {{ FirstName }}"}
    report = run(tmp_path, template=template)
    assert report.unknown_fields == ("Spitzname",)
    assert report.ready == 0
    assert report.render_errors == ()
    assert [p.row for p in report.missing_attachments] == [6]
    assert not report.ok


def test_a_row_that_cannot_render_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    rows = (
        'Jürgen;juergen@example.com;"Müller\r\nBcc: victim@example.com";agenda.pdf\r\n'
        "Lucía;lucia@example.org;Peña;agenda.pdf\r\n"
    )
    template = {**TEMPLATE, "subject": "Hallo {{ FirstName }} von {{ Company }}"}
    report = run(tmp_path, rows=rows, template=template)
    assert [p.row for p in report.render_errors] == [2]
    assert report.render_errors[0].message.startswith("liste.csv:2: ")
    assert report.ready == 1
    assert not report.ok


def test_attachment_outside_the_folder_is_a_row_problem(tmp_path: Path) -> None:
    rows = "Jürgen;juergen@example.com;X;../../etc/passwd\r\nLucía;lucia@example.org;Peña;agenda.pdf\r\n"
    report = run(tmp_path, rows=rows)
    assert [(p.row, p.code) for p in report.problems] == [(2, "missing-attachment")]
    assert report.ready == 1


def test_largest_message_and_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.bin").write_bytes(b"\0" * 300_000)
    rows = "Jürgen;juergen@example.com;X;agenda.pdf\r\nLucía;lucia@example.org;Peña;big.bin\r\n"
    recipients, template, settings = make_inputs(tmp_path, rows=rows)
    report = preflight(recipients, template, settings)
    assert report.largest_message_row == 3
    assert 400_000 < report.largest_message_bytes < 420_000
    limited = preflight(
        recipients, template, PreflightSettings(base_folder=tmp_path, max_message_bytes=100_000)
    )
    assert [p.row for p in limited.too_large] == [3]
    assert "liste.csv:3: " in limited.too_large[0].message
    assert (limited.ready, limited.ok) == (1, False)


def test_attachment_sizes_are_looked_up_once_per_distinct_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(
        f"N{n};p{n}@example.com;F;{'agenda.pdf' if n % 2 else 'common.txt'}\r\n" for n in range(50)
    )
    recipients, template, settings = make_inputs(tmp_path, rows=rows)
    looked_up: list[str] = []
    real = preflight_module.resolve_attachment

    def counting(base: Path, name: str) -> Path:
        looked_up.append(name)
        return real(base, name)

    monkeypatch.setattr(preflight_module, "resolve_attachment", counting)
    assert preflight(recipients, template, settings).ready == 50
    assert sorted(looked_up) == ["agenda.pdf", "common.txt"]


def test_memory_stays_flat_because_messages_are_not_kept(tmp_path: Path) -> None:
    body = (
        "<p>" + "Grüße aus Köln. " * 2000 + "{{ FirstName }}</p>"
    )  # about 32 KB per message, twice (html+text)
    rows = "".join(f"N{n};p{n}@example.com;F;agenda.pdf\r\n" for n in range(1500))
    recipients, template, settings = make_inputs(tmp_path, rows=rows, template={**TEMPLATE, "html": body})
    tracemalloc.start()
    try:
        report = preflight(recipients, template, settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.ready == 1500
    assert peak < 10_000_000  # keeping the messages would take about 100 MB


def test_ready_messages_are_exactly_the_ready_rows(tmp_path: Path) -> None:
    recipients, template, settings = make_inputs(tmp_path)
    messages = list(ready_messages(recipients, template, settings))
    assert [(r.row, m.subject) for r, m in messages] == [(2, "Hallo Jürgen"), (7, "Hallo Björn")]
    assert messages[0][1].attachments == ("common.txt", "agenda.pdf")


@pytest.mark.parametrize("pace", [0, -5])
def test_pace_must_be_positive(tmp_path: Path, pace: float) -> None:
    recipients, template, _ = make_inputs(tmp_path)
    with pytest.raises(InputError, match="more than 0"):
        preflight(recipients, template, PreflightSettings(base_folder=tmp_path, messages_per_minute=pace))


def test_template_syntax_error_is_raised_once(tmp_path: Path) -> None:
    with pytest.raises(TemplateSyntaxError):
        run(tmp_path, template={**TEMPLATE, "html": "<p>{% if Company %}unclosed</p>"})


def test_warnings_and_left_out_rows_do_not_block(tmp_path: Path) -> None:
    rows = (
        "Jürgen;juergen@example.com;X;agenda.pdf\r\n"
        'Lucía;lucia@example.org;"=HYPERLINK(""http://x"")";agenda.pdf\r\n'
        "Käthe;kaethe@@example.org;Löwe;agenda.pdf\r\n"
    )
    report = run(tmp_path, rows=rows)
    assert [(p.row, p.code, p.warning) for p in report.problems] == [
        (3, "formula", True),
        (4, "invalid-address", False),
    ]
    assert (report.ready, report.invalid, report.ok) == (2, 1, True)


@pytest.mark.parametrize(
    ("change", "ok"),
    [
        ({}, True),
        ({"ready": 0}, False),
        ({"unknown_fields": ("Spitzname",)}, False),
        ({"render_errors": (RowProblem(2, "render-error", "liste.csv:2: x"),)}, False),
        ({"missing_attachments": (RowProblem(2, "missing-attachment", "liste.csv:2: x"),)}, False),
        ({"too_large": (RowProblem(2, "too-large", "liste.csv:2: x"),)}, False),
    ],
)
def test_ok_is_false_when_anything_blocks(tmp_path: Path, change: dict[str, Any], ok: bool) -> None:
    report = run(tmp_path, rows="Jürgen;juergen@example.com;X;agenda.pdf\r\n")
    assert dataclasses.replace(report, **change).ok is ok


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 bytes"), (725, "725 bytes"), (12_700, "12.4 KB"), (3_250_000, "3.1 MB")],
)
def test_sizes_read_as_people_say_them(count: int, text: str) -> None:
    assert formatting.size(count) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (42, "42 s"), (150, "2 min"), (3599, "1 h 0 min"), (12_000, "3 h 20 min")],
)
def test_durations_read_as_people_say_them(seconds: int, text: str) -> None:
    assert format_duration(timedelta(seconds=seconds)) == text


def test_report_lines_mark_warnings_and_cut_long_problem_lists(tmp_path: Path) -> None:
    rows = "".join(f'N{n};bad{n}@@example.com;"=HYPERLINK(""x{n}"")";agenda.pdf\r\n' for n in range(30))
    rows += "Jürgen;juergen@example.com;Müller;agenda.pdf\r\n"
    lines = report_lines(run(tmp_path, rows=rows), max_problems=3)
    assert lines[0] == "liste.csv: rows 31, ready 1, invalid 30, duplicates 0"
    assert lines[-6:] == [
        "Problems (60):",
        "  warning: liste.csv:2: the cell in column 'Firma' looks like a spreadsheet formula"
        ' (=HYPERLINK("x0")); it is used as plain text, never calculated.',
        "  liste.csv:2: 'bad0@@example.com' in column 'E-Mail' is not a valid email address:"
        " the part before the @ sign is not valid.",
        "  warning: liste.csv:3: the cell in column 'Firma' looks like a spreadsheet formula"
        ' (=HYPERLINK("x1")); it is used as plain text, never calculated.',
        "  … and 57 more",
        "Ready to send 1 of 31 rows (30 left out).",
    ]


def test_report_json_carries_every_row(tmp_path: Path) -> None:
    data = report_json(run(tmp_path))
    assert json.loads(json.dumps(data)) == data
    assert data["empty_fields"] == {"Firma": [7]}
    assert [p["row"] for p in data["problems"]] == [3, 4, 5, 6]
    assert data["estimated_duration_seconds"] == 4  # 2 ready messages at 30 per minute


def test_a_huge_name_cell_is_a_row_problem_and_export_skips_it(tmp_path: Path) -> None:
    """A 100,000-character name cell (near the CSV reader's cell limit) is found by check, not by export."""
    csv_path = tmp_path / "list.csv"
    csv_path.write_text(
        f"Name,Email\n{'A' * 100_000},huge@example.com\nAna,ana@example.com\n", encoding="utf-8"
    )
    recipients = load_recipients(csv_path)
    for subject, problem in (
        ("Hola", "A display name has 100000 characters (“AAAAAAAAAAAAAAAAAAAA…”); at most 256 fit"),
        ("Hola {{ Name }}", "The subject has 100005 characters; at most 1000 fit"),
    ):
        template = Template(subject=subject, html="<p>Hola</p>")
        report = preflight(recipients, template, PreflightSettings(base_folder=tmp_path))
        assert not report.ok
        assert [p.message for p in report.render_errors] == [f"list.csv:2: {problem} in a message."]
        ready = list(ready_messages(recipients, template, PreflightSettings(base_folder=tmp_path)))
        assert [recipient.row for recipient, _ in ready] == [3]


def test_the_check_streams_one_event_per_row_then_the_report(tmp_path: Path) -> None:
    recipients, template, settings = make_inputs(tmp_path)
    events = list(check_rows(recipients, template, settings))
    started, *rows, report = events
    assert started == CheckStarted(rows=len(recipients.rows), unknown_fields=())
    assert [event.position for event in rows] == list(range(1, len(recipients.rows) + 1))
    assert [event.recipient.row for event in rows] == [r.row for r in recipients.rows]
    assert [event.recipient.row for event in rows if event.ready] == [2, 7]
    missing = next(event for event in rows if event.recipient.row == 6)
    assert not missing.ready
    assert [p.code for p in missing.problems] == ["missing-attachment"]
    assert report == preflight(recipients, template, settings)


def test_unknown_fields_are_known_before_the_first_row_and_leave_nothing_ready(tmp_path: Path) -> None:
    recipients, template, settings = make_inputs(tmp_path, template={**TEMPLATE, "subject": "{{ Anrede }}"})
    events = check_rows(recipients, template, settings)
    assert next(events) == CheckStarted(rows=len(recipients.rows), unknown_fields=("Anrede",))
    assert not any(isinstance(event, RowChecked) and event.ready for event in events)


def test_stopping_the_stream_stops_rendering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recipients, template, settings = make_inputs(tmp_path)
    renders = count_renders(monkeypatch)
    events = check_rows(recipients, template, settings)
    next(events)
    next(events)
    events.close()
    assert renders == [1]


def test_a_check_pass_hands_over_the_messages_it_rendered_and_then_its_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipients, template, settings = make_inputs(tmp_path)
    renders = count_renders(monkeypatch)
    checked = CheckPass(recipients, template, settings)
    assert checked.report is None
    assert [recipient.row for recipient, _ in checked.ready()] == [2, 7]
    assert checked.report is not None
    assert checked.report.ready == 2
    assert renders == [len(recipients.rows)]


def count_renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A one-item list holding how many messages were rendered since the call."""
    renders = [0]
    render = CompiledTemplate.render

    def counted(self: CompiledTemplate, fields: Any) -> Any:
        renders[0] += 1
        return render(self, fields)

    monkeypatch.setattr(CompiledTemplate, "render", counted)
    return renders
