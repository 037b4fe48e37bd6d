"""Preflight: render every message once and report what would block or spoil the campaign.

The check streams: ``check_rows`` yields one event per row (with its rendered message) and the report
last, and keeps only counts, problems and the largest size, so 100,000 rows cost little more memory
than the recipient list itself. ``preflight`` wants only the report; ``checkpass.CheckPass`` lets
``export`` write the messages of the same pass, so each row is rendered once. A bad row becomes a
problem in the report; only input that spoils every row (a template syntax error) raises. Rows are
taken a stretch at a time (see ``columnar``): the common rows are rendered and sized column-wise,
and every other row one by one, with the same result.
"""

from __future__ import annotations

import threading
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any, cast

from securemailmerge.campaign import parallel
from securemailmerge.campaign.columnar import Stretch, stretches
from securemailmerge.campaign.duration import DAILY_RECIPIENT_LIMIT, sending_duration
from securemailmerge.campaign.mime import estimate_size, header_problem, recipient_name
from securemailmerge.errors import AttachmentError, InputError, RenderError
from securemailmerge.i18n import current_language, translate, use_catalogue
from securemailmerge.recipients.model import DUPLICATE, Recipient, RecipientList, RowProblem
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template.model import RenderedMessage, Template, compile_template


@dataclass(frozen=True)
class PreflightSettings:
    """How to check: where attachments live, the sending pace, the sender and the size limit."""

    # A Template does not know the file it came from, so front ends pass the template's folder (or
    # the one the user chose); None means the current folder.
    base_folder: Path | None = None
    messages_per_minute: float = 30.0
    sender: str | None = None
    max_message_bytes: int = 35 * 1024 * 1024
    daily_recipient_limit: int = DAILY_RECIPIENT_LIMIT
    # Worker processes ``preflight`` may use for a long list (see ``parallel``); 1 checks in this one.
    workers: int = 1


@dataclass(frozen=True)
class PreflightReport:
    """What preflight found: counts, fields, per-row problems, the largest message and the duration."""

    ready: int
    invalid: int
    duplicates: int
    total_rows: int
    unknown_fields: tuple[str, ...]
    empty_fields: Mapping[str, tuple[int, ...]]
    missing_attachments: tuple[RowProblem, ...]
    render_errors: tuple[RowProblem, ...]
    problems: tuple[RowProblem, ...]
    largest_message_bytes: int
    largest_message_row: int | None
    estimated_duration: timedelta
    too_large: tuple[RowProblem, ...] = ()
    source: str = ""
    messages_per_minute: float = PreflightSettings.messages_per_minute
    recipients: int = 0  # of the ready messages: To, Cc and Bcc, as Exchange counts them
    daily_recipient_limit: int = DAILY_RECIPIENT_LIMIT
    encoding: str | None = None

    @property
    def ok(self) -> bool:
        """True when nothing blocks sending: at least one ready row and no error in any of them."""
        blocked = self.unknown_fields or self.render_errors or self.missing_attachments or self.too_large
        return self.ready > 0 and not blocked


@dataclass
class _RowResult:
    rendered: RenderedMessage | None
    size: int = 0
    problems: list[RowProblem] = field(default_factory=list)


class _RowChecker:
    """Renders and checks one row at a time against a template compiled once."""

    def __init__(self, recipients: RecipientList, template: Template, settings: PreflightSettings) -> None:
        if settings.messages_per_minute <= 0:
            raise InputError(translate("Preflight", "The pace must be more than 0 messages per minute."))
        self.recipients = recipients
        self.settings = settings
        self.base_folder = settings.base_folder or Path.cwd()
        self.compiled = compile_template(template, recipients.columns)
        self.unknown_fields = tuple(sorted(self.compiled.unknown_fields))
        self.used_columns = tuple(sorted(set(self.compiled.fields_used) & set(recipients.columns)))
        # An unknown field would fail every row alike; it is reported once, and the rows are still
        # rendered with it blank so that their other problems show up in the same report.
        self.blanks: dict[str, str] = dict.fromkeys(self.unknown_fields, "")
        # One stat per distinct attachment name: common files are shared by every row.
        self.attachment_sizes: dict[str, int | AttachmentError] = {}

    def _problem(
        self, recipient: Recipient, code: str, error: InputError, value: str | None = None
    ) -> RowProblem:
        message = translate("Preflight", "{location}: {problem}").format(
            location=self.recipients.location(recipient.row), problem=error
        )
        return RowProblem(recipient.row, code, message, field=error.field, value=value)

    def attachment_size(self, name: str) -> int | AttachmentError:
        known = self.attachment_sizes.get(name)
        if known is None:
            try:
                known = resolve_attachment(self.base_folder, name).stat().st_size
            except AttachmentError as error:
                known = error
            except OSError as error:
                known = AttachmentError(
                    translate("Preflight", "The attachment {name} cannot be read: {reason}").format(
                        name=name, reason=error.strerror or error
                    ),
                    file=name,
                )
            self.attachment_sizes[name] = known
        return known

    def check(self, recipient: Recipient) -> _RowResult:
        """Render one row and collect its problems; never raises for the row's own data."""
        fields = ChainMap(dict(recipient.fields), self.blanks) if self.blanks else recipient.fields
        try:
            rendered = self.compiled.render(fields)
        except RenderError as error:
            return _RowResult(None, problems=[self._problem(recipient, "render-error", error)])
        result = _RowResult(rendered)
        row_name = recipient_name(recipient.fields)  # both checks below need it
        too_long = header_problem(rendered, recipient, row_name=row_name)
        if too_long is not None:
            return _RowResult(None, problems=[self._problem(recipient, "render-error", too_long)])
        sizes: list[int] = []
        for name in rendered.attachments:
            size = self.attachment_size(name)
            if isinstance(size, AttachmentError):
                result.problems.append(self._problem(recipient, "missing-attachment", size, value=name))
            else:
                sizes.append(size)
        result.size = estimate_size(rendered, recipient, sizes, row_name=row_name)
        if result.size > self.settings.max_message_bytes:
            too_large = InputError(
                translate("Preflight", "The message would be {size} MB; the limit is {limit} MB.").format(
                    size=round(result.size / 1_048_576, 1),
                    limit=round(self.settings.max_message_bytes / 1_048_576, 1),
                )
            )
            result.problems.append(self._problem(recipient, "too-large", too_large))
        return result

    def empty_columns(self, recipient: Recipient) -> list[str]:
        """The used columns that are blank in this row."""
        fields = recipient.fields
        return [column for column in self.used_columns if not fields.get(column, "").strip()]


@dataclass(frozen=True)
class CheckStarted:
    """Preflight compiled the template: how many rows it will render, and the fields the list lacks."""

    rows: int
    unknown_fields: tuple[str, ...]


@dataclass(frozen=True)
class RowChecked:
    """Preflight rendered one row (``position`` of ``CheckStarted.rows``): its message, size and problems.

    ``rendered`` is None when the row cannot be rendered; ``ready`` says whether it would be sent.
    """

    recipient: Recipient
    position: int
    rendered: RenderedMessage | None = field(repr=False)
    size: int
    problems: tuple[RowProblem, ...]
    ready: bool


# One pass: CheckStarted, then a RowChecked per row, then the PreflightReport.
PreflightEvent = CheckStarted | RowChecked | PreflightReport


def check_rows(
    recipients: RecipientList, template: Template, settings: PreflightSettings
) -> Iterator[PreflightEvent]:
    """Render every ready row once, yielding an event per row and the report last.

    Stop iterating to cancel. The messages are not kept: a consumer that needs them (``export``)
    takes them from the ``RowChecked`` events of the same pass.
    """
    checker = _RowChecker(recipients, template, settings)
    yield CheckStarted(len(recipients.rows), checker.unknown_fields)
    tally = _Tally()
    rows = recipients.rows
    for stretch in stretches(checker, 0, len(rows)):
        tally.take_empty(stretch)
        for offset, size in enumerate(stretch.sizes, start=stretch.start):
            recipient = rows[offset]
            if size is None:
                yield tally.add(checker, recipient, offset + 1, empties=stretch.empty is None)
            else:
                ready = tally.vouched(checker, recipient.row, size)
                message = stretch.message(offset - stretch.start)
                yield RowChecked(recipient, offset + 1, message, size, (), ready)
    yield tally.report(checker, recipients, settings)


class _Tally:
    """What the report keeps while rows stream past: counts, problems, empty fields, the largest size."""

    def __init__(self) -> None:
        self.ready = 0
        self.recipients = 0
        self.largest = 0
        self.largest_row: int | None = None
        self.empty: dict[str, list[int]] = {}
        self.found: list[RowProblem] = []

    def add(
        self, checker: _RowChecker, recipient: Recipient, position: int, *, empties: bool = True
    ) -> RowChecked:
        """Check one row and count it (and its empty fields, unless ``empties`` is False)."""
        result, ready = self.count(checker, recipient, empties=empties)
        return RowChecked(recipient, position, result.rendered, result.size, tuple(result.problems), ready)

    def count(
        self, checker: _RowChecker, recipient: Recipient, *, empties: bool = True
    ) -> tuple[_RowResult, bool]:
        """Check one row and count it; its result, and whether it is ready."""
        if empties:
            for column in checker.empty_columns(recipient):
                self.empty.setdefault(column, []).append(recipient.row)
        result = checker.check(recipient)
        if result.problems:
            self.found.extend(result.problems)
        ready = (
            result.rendered is not None and not result.problems and bool(recipient.to)
        ) and not checker.unknown_fields
        if result.rendered is not None and result.size > self.largest:
            self.largest, self.largest_row = result.size, recipient.row
        self.ready += ready
        if ready:
            self.recipients += len(recipient.to) + len(recipient.cc) + len(recipient.bcc)
        return result, ready

    def vouched(self, checker: _RowChecker, row: int, size: int) -> bool:
        """Count a row the column-wise check vouched for (one address, no problem); whether it is ready."""
        if size > self.largest:
            self.largest, self.largest_row = size, row
        ready = not checker.unknown_fields
        self.ready += ready
        self.recipients += ready
        return ready

    def take_empty(self, stretch: Stretch) -> None:
        """Count the empty fields the column-wise check found in a stretch."""
        for column, rows in (stretch.empty or {}).items():
            self.empty.setdefault(column, []).extend(rows)

    def take(self, checker: _RowChecker, stretch: Stretch) -> None:
        """Count a stretch of rows: those the column-wise check vouched for, and the others one by one."""
        self.take_empty(stretch)
        sizes = stretch.sizes
        if sizes and None not in sizes:  # every row vouched for (most stretches): counted at once
            largest = max(cast("list[int]", sizes))
            if largest > self.largest:
                self.largest, self.largest_row = largest, stretch.row(sizes.index(largest))
            ready = len(sizes) * (not checker.unknown_fields)
            self.ready += ready
            self.recipients += ready
            return
        rows, empties = checker.recipients.rows, stretch.empty is None
        for position, size in enumerate(sizes, start=stretch.start):
            if size is None:
                self.count(checker, rows[position], empties=empties)
            else:
                self.vouched(checker, stretch.row(position - stretch.start), size)

    def kept(self) -> dict[str, Any]:
        """What the report needs of the rows counted, for another process to ``merge``."""
        return {
            "ready": self.ready,
            "recipients": self.recipients,
            "largest": self.largest,
            "largest_row": self.largest_row,
            "empty": self.empty,
            "found": self.found,
        }

    def merge(self, *tallies: Mapping[str, Any]) -> None:
        """Count the rows other tallies ``kept``, which come in turn after the rows counted here."""
        for kept in tallies:
            self.ready += kept["ready"]
            self.recipients += kept["recipients"]
            if kept["largest_row"] is not None and kept["largest"] > self.largest:
                self.largest, self.largest_row = kept["largest"], kept["largest_row"]
            for column, rows in kept["empty"].items():
                self.empty.setdefault(column, []).extend(rows)
            self.found.extend(kept["found"])

    def report(
        self, checker: _RowChecker, recipients: RecipientList, settings: PreflightSettings
    ) -> PreflightReport:
        """The report over every row counted."""
        found = self.found
        problems = sorted([*recipients.problems, *found], key=lambda problem: problem.row)
        return PreflightReport(
            ready=self.ready,
            # Invalid: any problem that leaves a row out other than a duplicate address (bad or empty
            # addresses, ragged rows); warnings such as formula-like cells leave nothing out.
            invalid=len({p.row for p in recipients.problems if not p.warning and p.code != DUPLICATE}),
            duplicates=len({p.row for p in recipients.problems if p.code == DUPLICATE}),
            total_rows=len(recipients.rows) + len(recipients.excluded),
            unknown_fields=checker.unknown_fields,
            empty_fields={column: tuple(rows) for column, rows in sorted(self.empty.items())},
            missing_attachments=tuple(p for p in found if p.code == "missing-attachment"),
            render_errors=tuple(p for p in found if p.code == "render-error"),
            problems=tuple(problems),
            largest_message_bytes=self.largest,
            largest_message_row=self.largest_row,
            estimated_duration=sending_duration(
                self.ready, self.recipients, settings.messages_per_minute, settings.daily_recipient_limit
            ),
            too_large=tuple(p for p in found if p.code == "too-large"),
            source=recipients.source,
            messages_per_minute=settings.messages_per_minute,
            recipients=self.recipients,
            daily_recipient_limit=settings.daily_recipient_limit,
            encoding=recipients.encoding,
        )


def _tally(checker: _RowChecker, start: int, end: int) -> _Tally:
    """The rows ``start`` to ``end`` (positions in the list) counted."""
    tally = _Tally()
    for stretch in stretches(checker, start, end):
        tally.take(checker, stretch)
    return tally


def _worker_stretch(
    recipients: RecipientList, template: Template, settings: PreflightSettings, language: str
) -> dict[str, Any]:
    """What the report keeps of the rows of ``recipients`` (one stretch of the list), checked in a
    worker process that writes its messages in ``language``."""
    if current_language() != language:
        use_catalogue(language)
    return _tally(_RowChecker(recipients, template, settings), 0, len(recipients.rows)).kept()


def preflight(recipients: RecipientList, template: Template, settings: PreflightSettings) -> PreflightReport:
    """Render every ready row once and report counts, problems, the largest message and the duration.

    With ``settings.workers`` above 1, a long list is checked by that many processes (see ``parallel``);
    else the same as the last event of ``check_rows``, with no event made for each row.
    """
    report = preflight_in_workers(recipients, template, settings)
    if report is None:
        checker = _RowChecker(recipients, template, settings)
        report = _tally(checker, 0, len(recipients.rows)).report(checker, recipients, settings)
    return report


def preflight_in_workers(
    recipients: RecipientList,
    template: Template,
    settings: PreflightSettings,
    *,
    progress: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> PreflightReport | None:
    """``preflight``'s report made by ``settings.workers`` processes, which tell ``progress`` the rows
    checked; None for a list too short for them, when they failed (check it here) or on ``stop``."""
    rows = len(recipients.rows)
    if settings.workers < 2 or rows < parallel.PARALLEL_ROWS:
        return None
    checker = _RowChecker(recipients, template, settings)  # a template that cannot be used raises here
    language = current_language()

    def job(start: int, end: int) -> Callable[[], dict[str, Any]]:
        return partial(_worker_stretch, recipients.part(start, end), template, settings, language)

    parts = parallel.in_stretches(rows, settings.workers, job, progress=progress, stop=stop)
    if parts is None:
        return None
    tally = _Tally()
    tally.merge(*parts)
    return tally.report(checker, recipients, settings)
