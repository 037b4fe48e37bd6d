"""The campaign plan: preflight's ready rows, each with a fingerprint of its content, and the settings.

A plan is written into the journal once, at ``send``; ``resume`` re-renders each row from the
journal (the template, the list's columns and the row's cells are stored), so a row's message is the
same message whatever process sends it. The fingerprint covers everything the recipient receives:
subject, body, addresses, sender and each attachment's name and size. Rows the user must not write
to (on the do-not-contact list, or marked unsubscribed in the list itself) are kept as ``skipped``
with the reason, so the report accounts for every row.
"""

from __future__ import annotations

import hashlib
import io
import json
import mimetypes
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from securemailmerge.campaign.check import PreflightReport, PreflightSettings, RowChecked, check_rows
from securemailmerge.campaign.journal import SKIPPED, PlannedRow
from securemailmerge.campaign.outgoing import Outgoing
from securemailmerge.errors import AttachmentError, InputError
from securemailmerge.i18n import translate
from securemailmerge.recipients.model import Recipient, RecipientList, RowProblem
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template.model import CompiledTemplate, RenderedMessage, Template, compile_template
from securemailmerge.template.outlook import InlineImage

# From this size an attachment goes through an upload session (Graph's rule), and a common one of
# this size is uploaded once into a template draft that is copied per recipient.
LARGE_ATTACHMENT = 3 * 1024 * 1024

Exclusion = Callable[[Recipient], str | None]

# The codes of skipped rows that no check problem names (the report's Code column).
DO_NOT_CONTACT = "do-not-contact"
BY_THE_USER = "left-out-by-user"
NO_ADDRESS = "no-address"


@dataclass(frozen=True)
class Attachment:
    """One file to attach: its name as the template gives it, where it is, its size, and if it is common.

    An image the HTML shows has a ``content_id`` (it is sent inline) and its bytes in ``data``.
    """

    name: str
    path: Path | None
    size: int
    common: bool
    content_id: str | None = None
    data: bytes | None = None

    @classmethod
    def inline_image(cls, image: InlineImage) -> Attachment:
        """An image embedded in the HTML, sent as an inline part with its content id."""
        return cls(image.name, None, len(image.data), False, image.content_id, image.data)

    @property
    def large(self) -> bool:
        """True when Graph needs an upload session for it (3 MB and more)."""
        return self.size >= LARGE_ATTACHMENT

    @property
    def content_type(self) -> str:
        """Its MIME type, from its name."""
        return mimetypes.guess_type(self.name)[0] or "application/octet-stream"

    def read(self) -> bytes:
        """Its bytes."""
        return self.data if self.data is not None else self._path().read_bytes()

    def open(self) -> BinaryIO:
        """Its bytes as a file to read in chunks."""
        return io.BytesIO(self.data) if self.data is not None else self._path().open("rb")

    def _path(self) -> Path:
        assert self.path is not None, "an attachment without bytes has a file"
        return self.path


@dataclass(frozen=True)
class RowMessage:
    """Everything needed to build one recipient's draft."""

    key: str
    recipient: Recipient
    rendered: RenderedMessage
    attachments: tuple[Attachment, ...]
    sender: str | None
    fingerprint: str
    images: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class Plan:
    """The settings and the rows of a new campaign, ready to be written into a journal."""

    settings: dict[str, Any]
    rows: list[PlannedRow]

    @property
    def ready(self) -> int:
        """How many rows will get a message."""
        return sum(1 for row in self.rows if row.state != SKIPPED)

    @property
    def blocked(self) -> int:
        """How many ready rows the do-not-contact list (or the list's own opt-out marks) leaves out."""
        return sum(1 for row in self.rows if row.code == DO_NOT_CONTACT)


def recipient_data(recipient: Recipient) -> dict[str, Any]:
    """A recipient as JSON data for the journal."""
    return {
        "row": recipient.row,
        "fields": dict(recipient.fields),
        "to": list(recipient.to),
        "cc": list(recipient.cc),
        "bcc": list(recipient.bcc),
        "reply_to": list(recipient.reply_to),
        "display_names": [list(pair) for pair in recipient.display_names],
    }


def recipient_from(data: Mapping[str, Any]) -> Recipient:
    """The recipient stored by ``recipient_data``."""
    return Recipient(
        row=int(data["row"]),
        fields=dict(data["fields"]),
        to=tuple(data["to"]),
        cc=tuple(data["cc"]),
        bcc=tuple(data["bcc"]),
        reply_to=tuple(data["reply_to"]),
        display_names=tuple((str(a), str(b)) for a, b in data["display_names"]),
    )


def row_key(recipient: Recipient) -> str:
    """The row's key in the journal and in its draft's tag."""
    return f"r{recipient.row}"


def fingerprint(
    rendered: RenderedMessage, recipient: Recipient, sender: str | None, attachments: Iterable[Attachment]
) -> str:
    """A short hash of everything the recipient receives."""
    content = [
        rendered.subject,
        rendered.html,
        list(recipient.to),
        list(recipient.cc),
        list(recipient.bcc),
        list(recipient.reply_to),
        list(recipient.display_names),
        sender or "",
        [(a.name, a.size) for a in attachments],
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()[:16]


def template_data(template: Template) -> dict[str, Any]:
    """A template as JSON data for the journal."""
    data = asdict(template)
    data["attachments"] = list(template.attachments)
    return data


def template_fingerprint(template: Template) -> str:
    """A short hash of the template itself."""
    return hashlib.sha256(json.dumps(template_data(template), sort_keys=True).encode()).hexdigest()[:16]


class AttachmentFiles:
    """Finds each attachment once inside the base folder and remembers its size."""

    def __init__(self, base_folder: Path) -> None:
        self.base_folder = base_folder
        self._known: dict[str, tuple[Path, int]] = {}

    def find(self, name: str) -> tuple[Path, int]:
        """Where ``name`` is and its size; AttachmentError when it is missing."""
        known = self._known.get(name)
        if known is None:
            path = resolve_attachment(self.base_folder, name)
            try:
                known = (path, path.stat().st_size)
            except OSError as error:
                raise AttachmentError(
                    translate("Campaign", "The attachment {name} cannot be read: {reason}").format(
                        name=name, reason=error.strerror or error
                    ),
                    file=name,
                ) from error
            self._known[name] = known
        return known

    def attachments(self, names: Iterable[str], common: frozenset[str]) -> tuple[Attachment, ...]:
        """The files for a message's attachment names."""
        return tuple(Attachment(name, *self.find(name), common=name in common) for name in names)


def build_plan(
    recipients: RecipientList,
    template: Template,
    preflight: PreflightSettings,
    settings: Mapping[str, Any],
    *,
    exclude: Exclusion = lambda recipient: None,
    schedule: Callable[[Recipient], float | None] = lambda recipient: None,
    checked: Iterable[RowChecked] | None = None,
) -> Plan:
    """The plan for the ready rows; ``exclude`` names why a row is left out (None: it is kept).

    ``checked`` are the rows of a check already made of these inputs (each row rendered once, there);
    without it the rows are checked here. Every row that is not sent is kept as ``skipped`` with its
    reason (invalid, duplicate, left out by the user, a problem the check found, do-not-contact), so
    the report accounts for every row of the list.
    """
    base_folder = (preflight.base_folder or Path.cwd()).resolve()
    files = AttachmentFiles(base_folder)
    outgoing = Outgoing(base_folder, str(settings.get("footer") or ""))
    kept: list[tuple[Recipient, RenderedMessage]] = []
    rows = excluded_rows(recipients)
    names: Counter[str] = Counter()
    for event in checked if checked is not None else checked_rows(recipients, template, preflight):
        recipient, rendered = event.recipient, event.rendered
        if not event.ready or rendered is None:
            rows.append(_skipped(recipient, *_problem_of(event)))
            continue
        reason = exclude(recipient)
        if reason is not None:
            rows.append(_skipped(recipient, DO_NOT_CONTACT, reason))
            continue
        kept.append((recipient, rendered))
        names.update(set(rendered.attachments))
    # A name every message carries is common: uploaded once per campaign when it is large.
    common = frozenset(name for name, count in names.items() if count == len(kept) and len(kept) > 1)
    for recipient, rendered in kept:
        message = outgoing.message(rendered).rendered
        attachments = files.attachments(message.attachments, common)
        rows.append(
            PlannedRow(
                key=row_key(recipient),
                row=recipient.row,
                recipient=recipient_data(recipient),
                recipients=len(recipient.to) + len(recipient.cc) + len(recipient.bcc),
                fingerprint=fingerprint(message, recipient, preflight.sender, attachments),
                schedule_at=schedule(recipient),
            )
        )
    if not kept:
        raise InputError(translate("Campaign", "No row is ready to send, so no campaign was started."))
    rows.sort(key=lambda planned: planned.row)
    full = {
        "id": uuid.uuid4().hex,
        "template": template_data(template),
        "template_fingerprint": template_fingerprint(template),
        "columns": list(recipients.columns),
        "source": recipients.source,
        "base_folder": str(base_folder),
        "sender": preflight.sender,
        "common_attachments": sorted(common),
        **settings,
    }
    return Plan(full, rows)


def checked_rows(
    recipients: RecipientList, template: Template, preflight: PreflightSettings
) -> Iterator[RowChecked]:
    """Each row of one check of the inputs, with its rendered message (None when it cannot render)."""
    return (event for event in check_rows(recipients, template, preflight) if isinstance(event, RowChecked))


def check_for_plan(
    recipients: RecipientList, template: Template, preflight: PreflightSettings
) -> tuple[PreflightReport, list[RowChecked]]:
    """The check's report and its rows with their messages, for ``build_plan`` to use without rendering again.

    The messages are kept until the plan is made: as many as ``build_plan`` holds while it plans.
    """
    rows: list[RowChecked] = []
    for event in check_rows(recipients, template, preflight):
        if isinstance(event, RowChecked):
            rows.append(event)
        elif isinstance(event, PreflightReport):
            return event, rows
    raise AssertionError("a check ends with its report")


def _skipped(recipient: Recipient, code: str, reason: str) -> PlannedRow:
    return PlannedRow(
        row_key(recipient), recipient.row, recipient_data(recipient), 0, "", None, SKIPPED, reason, code
    )


def _problem_of(event: RowChecked) -> tuple[str, str]:
    """Why a checked row is not sent: its first problem, or that it has no address to send to."""
    problem = next((p for p in event.problems if not p.warning), None)
    if problem is not None:
        return problem.code, problem.message
    return NO_ADDRESS, translate("Campaign", "Row {row} has no address to send to.").format(
        row=event.recipient.row
    )


def excluded_rows(recipients: RecipientList) -> list[PlannedRow]:
    """The list's rows that never reach the check (invalid, duplicate, left out by the user), as skipped."""
    problems: dict[int, RowProblem] = {}
    for problem in recipients.problems:
        if not problem.warning:
            problems.setdefault(problem.row, problem)
    rows = []
    for recipient in recipients.excluded:
        found = problems.get(recipient.row)
        if found is not None:
            rows.append(_skipped(recipient, found.code, found.message))
        else:
            rows.append(_skipped(recipient, BY_THE_USER, translate("Campaign", "Left out by you.")))
    return rows


class Renderer:
    """Renders any row of a journal again, exactly as the plan rendered it."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        data = settings["template"]
        self.template = Template(
            subject=data["subject"],
            html=data["html"],
            text=data.get("text"),
            attachments=tuple(data.get("attachments") or ()),
            attachment_column=data.get("attachment_column"),
        )
        self.compiled: CompiledTemplate = compile_template(self.template, tuple(settings["columns"]))
        self.sender: str | None = settings.get("sender")
        self.common = frozenset(settings.get("common_attachments") or ())
        self.files = AttachmentFiles(Path(settings["base_folder"]))
        self.outgoing = Outgoing(self.files.base_folder, str(settings.get("footer") or ""))

    def message(self, key: str, recipient_json: Mapping[str, Any]) -> RowMessage:
        """The row's message now; its fingerprint differs from the plan's when an input changed."""
        recipient = recipient_from(recipient_json)
        outgoing = self.outgoing.message(self.compiled.render(recipient.fields))
        rendered = outgoing.rendered
        attachments = self.files.attachments(rendered.attachments, self.common)
        return RowMessage(
            key=key,
            recipient=recipient,
            rendered=rendered,
            attachments=attachments,
            sender=self.sender,
            fingerprint=fingerprint(rendered, recipient, self.sender, attachments),
            images=tuple(Attachment.inline_image(image) for image in outgoing.images),
        )
