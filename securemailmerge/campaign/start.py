"""Starting a campaign and sending a test: what both front ends do before the run, written once.

``start_campaign`` checks the license (once: this is the campaign send), leaves out the rows on
the sender's do-not-contact list or marked unsubscribed, schedules rows when asked, and writes the
plan into a new journal. ``send_test`` renders one row, sends it to the signed-in user with the
subject prefixed (checking the license once, for the test send) and counts nowhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from securemailmerge.campaign.check import PreflightSettings, RowChecked
from securemailmerge.campaign.checkpass import ready_messages
from securemailmerge.campaign.footer import footer_text
from securemailmerge.campaign.journal import Journal
from securemailmerge.campaign.modes import DRAFTS, MODES, NOW, SCHEDULED
from securemailmerge.campaign.outgoing import Outgoing
from securemailmerge.campaign.pacing import Pacing, Scheduler, SendWindow, zone
from securemailmerge.campaign.plan import Attachment, AttachmentFiles, RowMessage, build_plan, fingerprint
from securemailmerge.campaign.sender import Mailbox, file_attachment, message_body, split_attachments, tags
from securemailmerge.campaign.suppression import DoNotContact
from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.m365.connection import Connection
from securemailmerge.m365.license import LicenseStatus, check_license
from securemailmerge.recipients.model import Recipient, RecipientList
from securemailmerge.template.model import Template

__all__ = [
    "DRAFTS",
    "MODES",
    "NOW",
    "SCHEDULED",
    "CampaignOptions",
    "NewCampaign",
    "send_test",
    "start_campaign",
]


@dataclass(frozen=True)
class CampaignOptions:
    """How to send: the mode, the pace, the window, a shared mailbox, and when (scheduled mode)."""

    mode: str = NOW
    pacing: Pacing = field(default_factory=Pacing)
    window: str | None = None
    time_zone: str | None = None
    shared_mailbox: str | None = None
    send_at: float | None = None
    send_at_column: str | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InputError(translate("Campaign", "Unknown mode {mode}.").format(mode=self.mode))
        if self.mode == SCHEDULED and self.send_at is None and self.send_at_column is None:
            raise InputError(
                translate("Campaign", "A scheduled campaign needs a time (--at) or a column of times.")
            )


@dataclass(frozen=True)
class NewCampaign:
    """A new campaign's journal and the license outcome it was planned under."""

    journal: Journal
    license: LicenseStatus
    ready: int
    skipped: int


def parse_time(text: str, zone_name: str) -> float:
    """``2026-05-04 09:30`` (in ``zone_name``) or ISO 8601 with an offset, as epoch seconds."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            translate("Campaign", "{text} is not a time like 2026-05-04 09:30.").format(text=repr(text))
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(zone_name))
    return moment.timestamp()


def _schedule(
    recipients: RecipientList, options: CampaignOptions, zone_name: str
) -> Callable[[Recipient], float | None]:
    column = options.send_at_column
    if column is None:
        return lambda recipient: None
    if column not in recipients.columns:
        raise InputError(
            translate("Campaign", "The recipient list has no column {column}.").format(column=column),
            field=column,
        )

    def when(recipient: Recipient) -> float | None:
        cell = recipient.fields.get(column, "").strip()
        if not cell:
            return None
        try:
            return parse_time(cell, zone_name)
        except InputError as error:
            raise InputError(
                translate("Campaign", "{location}, column {column}: {problem}").format(
                    location=recipients.location(recipient.row), column=column, problem=error
                ),
                file=recipients.source,
                row=recipient.row,
                field=column,
            ) from None

    return when


def start_campaign(
    folder: Path,
    connection: Connection,
    recipients: RecipientList,
    template: Template,
    preflight: PreflightSettings,
    options: CampaignOptions,
    *,
    clock: Callable[[], float] = time.time,
    confirm: Callable[[int, int, LicenseStatus], bool] = lambda ready, skipped, license: True,
    checked: Iterable[RowChecked] | None = None,
) -> NewCampaign | None:
    """Check the license, plan the rows and, if ``confirm(ready, skipped, license)``, write the journal.

    ``checked`` are the rows of a check the caller already made (``check_for_plan``): the plan uses
    their messages instead of rendering every row again. None when ``confirm`` declined: nothing
    was written.
    """
    Journal.ensure_new(folder)
    sender = connection.sender(options.shared_mailbox)
    shared = sender.address if options.shared_mailbox else None
    zone_name = options.time_zone or "UTC"
    if options.window:
        SendWindow.parse(options.window, zone_name)  # a bad window is found before anything is written
    license = check_license(connection.factory, connection.profile.mail)
    settings: dict[str, Any] = {
        "mode": options.mode,
        "mailbox": connection.profile.mail,
        "per_minute": options.pacing.per_minute,
        "random_pause": options.pacing.random_pause,
        "daily_cap": options.pacing.daily_cap,
        "window": options.window,
        "window_zone": zone_name,
        "send_at": options.send_at,
        "footer": "" if license.commercial else footer_text(),
        "license": license.describe(),
        "created": clock(),
    }
    exclude = DoNotContact.for_mailbox(sender.address).exclusion(recipients.columns)
    plan = build_plan(
        recipients,
        template,
        replace(preflight, sender=shared),
        settings,
        exclude=exclude,
        schedule=_schedule(recipients, options, zone_name),
        checked=checked,
    )
    skipped = plan.blocked  # the rows the confirmation speaks of; the report names every one left out
    if not confirm(plan.ready, skipped, license):
        return None
    journal = Journal.create(folder, plan.settings, plan.rows, clock=clock)
    return NewCampaign(journal, license, plan.ready, skipped)


def send_test(
    connection: Connection,
    recipients: RecipientList,
    template: Template,
    preflight: PreflightSettings,
    *,
    row: int | None = None,
    shared_mailbox: str | None = None,
) -> tuple[Recipient, LicenseStatus]:
    """Send one row's message to the signed-in user, subject prefixed; returns the row and the license."""
    me = connection.profile.require_mail()
    shared = connection.sender(shared_mailbox).address if shared_mailbox else None
    chosen = next(
        ((r, m) for r, m in ready_messages(recipients, template, preflight) if row is None or r.row == row),
        None,
    )
    if chosen is None:
        raise InputError(
            translate("Campaign", "Row {row} is not a ready row of the list.").format(row=row)
            if row is not None
            else translate("Campaign", "No row is ready to send.")
        )
    recipient, rendered = chosen
    license = check_license(connection.factory, me)
    base_folder = (preflight.base_folder or Path.cwd()).resolve()
    outgoing = Outgoing(base_folder, "" if license.commercial else footer_text()).message(rendered)
    prefix = translate("Campaign", "[Test]")
    rendered = replace(outgoing.rendered, subject=f"{prefix} {rendered.subject}")
    attachments = AttachmentFiles(base_folder).attachments(rendered.attachments, frozenset())
    images = tuple(Attachment.inline_image(image) for image in outgoing.images)
    name = connection.profile.display_name
    to_me = Recipient(row=recipient.row, fields=recipient.fields, to=(me,), display_names=((me, name),))
    message = RowMessage(
        "test", to_me, rendered, attachments, shared, fingerprint(rendered, to_me, shared, ()), images
    )
    mailbox = Mailbox(connection.graph, connection.factory, Scheduler(Pacing()))
    inline, posted, sessions = split_attachments(attachments + images, via_template=False)
    body = {**message_body(message), "singleValueExtendedProperties": tags("test", "test")}
    if inline:
        body["attachments"] = [file_attachment(a) for a in inline]
    draft = mailbox.create(body)
    mailbox.attach(draft.id, posted, sessions)
    mailbox.send(draft.id)
    return recipient, license
