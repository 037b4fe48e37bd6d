"""The campaign report: one line per row (state, time, message ids, codes, reasons), as CSV or XLSX.

No cell can start a formula in either format (``safe_csv_cell``), and the file appears under its
name only when complete. ``summary_lines`` is the campaign's status in sentences, including where
the sent copies are: a message sent as a shared mailbox is built in the signed-in user's Drafts,
so its copy lands in that user's own Sent Items, where reconcile also looks for it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from securemailmerge import formatting
from securemailmerge.campaign import journal as states
from securemailmerge.campaign.csvout import safe_csv_cell, write_csv
from securemailmerge.campaign.journal import Journal, JournalRow
from securemailmerge.errors import InputError
from securemailmerge.i18n import translate


def header() -> list[str]:
    """The report's column titles."""
    return [
        translate("Report", "Row"),
        translate("Report", "To"),
        translate("Report", "State"),
        translate("Report", "Time"),
        translate("Report", "Message id"),
        translate("Report", "Internet message id"),
        translate("Report", "Code"),
        translate("Report", "Reason"),
        translate("Report", "Attempts"),
        translate("Report", "Sent copy in"),
    ]


def state_text(state: str) -> str:
    """A state as the user reads it."""
    texts = {
        states.PLANNED: translate("Report", "planned"),
        states.DRAFTED: translate("Report", "draft started"),
        states.READY: translate("Report", "draft ready"),
        states.SENDING: translate("Report", "sending"),
        states.SENT: translate("Report", "sent"),
        states.SCHEDULED: translate("Report", "scheduled"),
        states.DELIVERED: translate("Report", "delivered"),
        states.BOUNCED: translate("Report", "bounced"),
        states.FAILED: translate("Report", "failed"),
        states.SKIPPED: translate("Report", "left out"),
    }
    return texts.get(state, state)


def _time(moment: float | None) -> str:
    return "" if moment is None else datetime.fromtimestamp(moment).astimezone().isoformat(timespec="seconds")


def report_rows(journal: Journal) -> Iterator[list[str]]:
    """Each row of the report, in plan order."""
    copy_in = journal.setting("mailbox") or ""
    for row in journal.rows():
        yield _line(row, copy_in)


def _line(row: JournalRow, copy_in: str) -> list[str]:
    to = ", ".join(row.recipient.get("to") or [])
    gone = row.state in states.GONE
    return [
        str(row.row),
        to,
        state_text(row.state),
        _time(row.sent_at if row.sent_at is not None else row.updated),
        row.message_id or "",
        row.internet_message_id or "",
        row.code or "",
        row.reason or "",
        str(row.attempts),
        copy_in if gone and row.state != states.SCHEDULED else "",
    ]


def write_report(journal: Journal, path: Path) -> int:
    """Write the report as ``.csv`` or ``.xlsx`` (by the name's ending); returns the number of rows."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise InputError(
            translate("Report", "The report must be a .csv or .xlsx file, not {file}.").format(
                file=path.name
            ),
            file=str(path),
        )
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".report-", suffix=suffix)
    os.close(handle)
    try:
        if suffix == ".csv":
            count = write_csv(Path(temporary), header(), report_rows(journal))
        else:
            count = _write_xlsx(Path(temporary), header(), report_rows(journal))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _write_xlsx(path: Path, titles: Sequence[str], rows: Iterator[list[str]]) -> int:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(translate("Report", "Campaign"))
    sheet.append([safe_csv_cell(t) for t in titles])
    count = 0
    for row in rows:
        # A string that starts with "=" would be stored as a formula; the quote keeps it text.
        sheet.append([safe_csv_cell(cell) for cell in row])
        count += 1
    book.save(path)
    return count


def _mode_text(mode: str) -> str:
    texts = {
        "now": translate("Report", "send now"),
        "drafts": translate("Report", "drafts only"),
        "scheduled": translate("Report", "scheduled"),
    }
    return texts.get(mode, mode)


def _status_text(status: str) -> str:
    texts = {
        "planned": translate("Report", "not started"),
        "running": translate("Report", "running or interrupted"),
        "paused": translate("Report", "paused"),
        "stopped": translate("Report", "stopped"),
        "cancelled": translate("Report", "cancelled"),
        "finished": translate("Report", "finished"),
    }
    return texts.get(status, status)


def counts_text(counts: Mapping[str, int]) -> str:
    """How many rows are in each state, the empty states left out: ``sent 1.204, failed 2``."""
    return ", ".join(
        f"{state_text(state)} {formatting.number(count)}" for state, count in counts.items() if count
    )


def summary_lines(journal: Journal) -> list[str]:
    """The campaign's state in sentences: counts, status, stop reason and where the copies are."""
    settings = journal.settings()
    counts = journal.counts()
    lines = [
        translate("Report", "Campaign {folder} ({mode}), from {sender}: {status}.").format(
            folder=journal.folder,
            mode=_mode_text(settings.get("mode", "now")),
            sender=settings.get("sender") or settings.get("mailbox") or "",
            status=_status_text(settings.get("status", "planned")),
        ),
        counts_text(counts),
    ]
    if settings.get("stop_reason") and settings.get("status") in {"stopped", "paused"}:
        lines.append(str(settings["stop_reason"]))
    if settings.get("sender"):
        lines.append(
            translate(
                "Report",
                "Sent as {shared}: the sent copies are in the Sent Items of {mailbox}, the mailbox that "
                "sent them, not in {shared}'s.",
            ).format(shared=settings["sender"], mailbox=settings.get("mailbox") or "")
        )
    return lines
