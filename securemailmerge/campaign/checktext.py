"""Preflight's report for people and for programs: sentences in the user's language, and JSON.

Sizes and durations are rounded as people read them; long lists of rows are cut in the sentences
and kept whole in the JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from securemailmerge import formatting
from securemailmerge.campaign.check import PreflightReport
from securemailmerge.campaign.duration import limited_by_the_day
from securemailmerge.i18n import translate
from securemailmerge.recipients.csvencoding import encoding_label

# Long lists of row numbers are cut in the sentences; report_json carries them all.
_ROWS_SHOWN = 10


def format_duration(duration: timedelta) -> str:
    """A duration rounded as people estimate it: 42 s, 7 min, 3 h 20 min, 59 days 6 h."""
    seconds = round(duration.total_seconds())
    if seconds < 60:
        return translate("Preflight", "{seconds} s").format(seconds=seconds)
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("Preflight", "{minutes} min").format(minutes=minutes)
    if minutes < 48 * 60:
        return translate("Preflight", "{hours} h {minutes} min").format(
            hours=minutes // 60, minutes=minutes % 60
        )
    hours = round(minutes / 60)
    return translate("Preflight", "{days} days {hours} h").format(days=hours // 24, hours=hours % 24)


def unknown_fields_text(names: Sequence[str]) -> str:
    """The sentence that lists fields the template uses but the list does not have."""
    return translate(
        "Preflight", "The template uses fields that are not columns of the list: {names}"
    ).format(names=", ".join(names))


def _rows_text(rows: Sequence[int], number: Callable[[int], str]) -> str:
    shown = ", ".join(str(row) for row in rows[:_ROWS_SHOWN])
    if len(rows) > _ROWS_SHOWN:
        return translate("Preflight", "{rows} and {count} more").format(
            rows=shown, count=number(len(rows) - _ROWS_SHOWN)
        )
    return shown


@dataclass(frozen=True)
class Formats:
    """How the report writes counts and sizes: as the user's language does, unless told otherwise."""

    number: Callable[[int], str] = formatting.number
    size: Callable[[int], str] = formatting.size


PLAIN = Formats()


def report_lines(report: PreflightReport, max_problems: int = 50, formats: Formats = PLAIN) -> list[str]:
    """The report as sentences for a person, then up to ``max_problems`` problems, then the verdict.

    With ``max_problems=0`` only their count is said: the caller lists them itself.
    """
    number = formats.number
    lines = [
        translate(
            "Preflight", "{file}: rows {total}, ready {ready}, invalid {invalid}, duplicates {duplicates}"
        ).format(
            file=Path(report.source).name,
            total=number(report.total_rows),
            ready=number(report.ready),
            invalid=number(report.invalid),
            duplicates=number(report.duplicates),
        )
    ]
    if report.encoding:
        lines.append(
            translate("Preflight", "Read as {encoding}").format(encoding=encoding_label(report.encoding))
        )
    if report.unknown_fields:
        lines.append(unknown_fields_text(report.unknown_fields))
    for name, rows in report.empty_fields.items():
        lines.append(
            translate("Preflight", "The field {name} is empty in these rows: {rows}").format(
                name=name, rows=_rows_text(rows, number)
            )
        )
    if report.largest_message_row is not None:
        lines.append(
            translate("Preflight", "Largest message: {size} (row {row})").format(
                size=formats.size(report.largest_message_bytes), row=report.largest_message_row
            )
        )
    lines.append(_duration_text(report))
    if report.problems:
        lines.append(translate("Preflight", "Problems ({count}):").format(count=number(len(report.problems))))
        for problem in report.problems[:max_problems]:
            text = problem.message
            if problem.warning:
                text = translate("Preflight", "warning: {problem}").format(problem=text)
            lines.append(f"  {text}")
        if len(report.problems) > max_problems > 0:
            lines.append(
                "  "
                + translate("Preflight", "… and {count} more").format(
                    count=number(len(report.problems) - max_problems)
                )
            )
    lines.append(_verdict(report, number))
    return lines


def _verdict(report: PreflightReport, number: Callable[[int], str]) -> str:
    """Ready or not; when ready with rows left out, how many of how many."""
    if not report.ok:
        return translate("Preflight", "Not ready: fix the problems above first.")
    left_out = report.total_rows - report.ready
    if left_out:
        return translate("Preflight", "Ready to send {ready} of {total} rows ({count} left out).").format(
            ready=number(report.ready), total=number(report.total_rows), count=number(left_out)
        )
    return translate("Preflight", "Ready to send.")


def _duration_text(report: PreflightReport) -> str:
    duration = format_duration(report.estimated_duration)
    if limited_by_the_day(report.ready, report.recipients, report.daily_recipient_limit):
        return translate(
            "Preflight",
            "Sending takes about {duration}: {pace:g} messages per minute, and Exchange Online sends "
            "to at most {limit} recipients in 24 hours ({recipients} in all)",
        ).format(
            duration=duration,
            pace=report.messages_per_minute,
            limit=report.daily_recipient_limit,
            recipients=report.recipients,
        )
    return translate("Preflight", "Sending takes about {duration} at {pace:g} messages per minute").format(
        duration=duration, pace=report.messages_per_minute
    )


def report_json(report: PreflightReport) -> dict[str, Any]:
    """The report as plain JSON data, every row included."""
    return {
        "ok": report.ok,
        "source": report.source,
        "encoding": report.encoding,
        "total_rows": report.total_rows,
        "ready": report.ready,
        "invalid": report.invalid,
        "duplicates": report.duplicates,
        "unknown_fields": list(report.unknown_fields),
        "empty_fields": {name: list(rows) for name, rows in report.empty_fields.items()},
        "missing_attachments": len(report.missing_attachments),
        "render_errors": len(report.render_errors),
        "too_large": len(report.too_large),
        "largest_message_bytes": report.largest_message_bytes,
        "largest_message_row": report.largest_message_row,
        "messages_per_minute": report.messages_per_minute,
        "estimated_duration_seconds": round(report.estimated_duration.total_seconds()),
        "recipients": report.recipients,
        "daily_recipient_limit": report.daily_recipient_limit,
        "problems": [asdict(problem) for problem in report.problems],
    }
