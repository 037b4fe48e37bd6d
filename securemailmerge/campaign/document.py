"""Campaign files (``.smmcampaign``): the template, the send settings and where the recipients come from.

A campaign file is versioned JSON, written atomically: everything needed to reopen a mail merge
as it was left (the message, its attachments and attachment column, the sender, mode, pace, cap,
window and schedule, the recipient file with how it is read, or the contacts with their filter, and
the rows the user left out), and nothing else: never a token, a password or a recipient's data, so
a campaign file can be mailed to a colleague. Paths are stored relative to the campaign file, so a
folder moved or shared as a whole still opens; the absolute path is kept beside a file's relative
one as a fallback for a campaign file moved on its own. ``documentread`` reads the JSON back and
names the file and the field of any problem.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from securemailmerge.campaign.modes import NOW
from securemailmerge.errors import CampaignFileError
from securemailmerge.i18n import translate
from securemailmerge.m365.addressbook import ContactFilter
from securemailmerge.recipients.choice import FIRST_ADDRESS, AddressChoice
from securemailmerge.recipients.model import RecipientOptions
from securemailmerge.safepaths import write_atomically
from securemailmerge.template.model import Template

FORMAT = "securemailmerge-campaign"
VERSION = 1  # raise when a field changes meaning; readers refuse what is newer than they know
EXTENSION = ".smmcampaign"  # the same in build.spec, the Windows installer and the Linux MIME type
MIME_TYPE = "application/x-securemailmerge-campaign"


@dataclass(frozen=True)
class FileSource:
    """Recipients from a CSV or Excel file, read with ``options`` (sheet, header row, columns...)."""

    path: Path
    options: RecipientOptions = field(default_factory=RecipientOptions)


@dataclass(frozen=True)
class ContactsSource:
    """Recipients from a mailbox's contacts (``None``: one's own), chosen by ``filter``."""

    mailbox: str | None = None
    filter: ContactFilter = field(default_factory=ContactFilter)
    address: AddressChoice = FIRST_ADDRESS


Source = FileSource | ContactsSource


@dataclass(frozen=True)
class SendSettings:
    """How the campaign goes out: from whom, the mode, the pace, the cap, the window, the time.

    ``sender`` is a shared mailbox's address (``None``: the signed-in user's own); ``window`` is
    ``("08:00", "18:00")`` in the computer's time zone; ``send_at`` is the scheduled time (UTC).
    """

    sender: str | None = None
    mode: str = NOW
    per_minute: int = 30
    daily_cap: int = 2000
    window: tuple[str, str] | None = None
    send_at: datetime | None = None


@dataclass(frozen=True)
class CampaignDocument:
    """One campaign as the user left it; ``excluded_rows`` are the source rows the user left out."""

    template: Template | None = None
    template_folder: Path | None = None
    settings: SendSettings = field(default_factory=SendSettings)
    source: Source | None = None
    excluded_rows: tuple[int, ...] = ()


def address_text(choice: AddressChoice) -> str:
    """How an address choice is written: ``first``, ``all``, ``2`` or ``@example.com``."""
    if choice.mode == "index":
        return str(choice.index)
    if choice.mode == "domain":
        return "@" + choice.domain
    return choice.mode


def relative_path(target: Path, folder: Path) -> str:
    """``target`` relative to ``folder`` with ``/`` (also on Windows), or absolute on another drive."""
    try:
        relative = os.path.relpath(os.path.abspath(target), os.path.abspath(folder))
    except ValueError:  # Windows: another drive has no relative path
        return str(target)
    return relative.replace(os.sep, "/")


def _template(template: Template, folder: Path | None, base: Path) -> dict[str, Any]:
    data: dict[str, Any] = {
        "subject": template.subject,
        "html": template.html,
        "text": template.text,
        "attachments": list(template.attachments),
        "attachment_column": template.attachment_column,
    }
    if folder is not None:
        data["folder"] = relative_path(folder, base)
        data["folder_absolute"] = str(folder.absolute())
    return data


def _settings(settings: SendSettings) -> dict[str, Any]:
    send_at = settings.send_at
    return {
        "sender": settings.sender,
        "mode": settings.mode,
        "per_minute": settings.per_minute,
        "daily_cap": settings.daily_cap,
        "window": None
        if settings.window is None
        else {"start": settings.window[0], "end": settings.window[1]},
        "send_at": None if send_at is None else send_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def _source(source: Source, base: Path) -> dict[str, Any]:
    if isinstance(source, ContactsSource):
        wanted = source.filter
        return {
            "kind": "contacts",
            "mailbox": source.mailbox,
            "folder": wanted.folder,
            "subfolders": wanted.subfolders,
            "categories": list(wanted.categories),
            "match_all": wanted.match_all,
            "search": wanted.search,
            "address": address_text(source.address),
        }
    options = source.options
    return {
        "kind": "file",
        "path": relative_path(source.path, base),
        "path_absolute": str(source.path.absolute()),
        "sheet": options.sheet,
        "header_row": options.header_row,
        "encoding": options.encoding,
        "delimiter": options.delimiter,
        "email_column": options.email_column,
        "cc_column": options.cc_column,
        "bcc_column": options.bcc_column,
        "reply_to_column": options.reply_to_column,
        "address": address_text(options.address),
        "keep_invalid": options.keep_invalid,
        "keep_duplicates": options.keep_duplicates,
    }


def campaign_json(document: CampaignDocument, path: Path) -> dict[str, Any]:
    """The JSON object of ``document`` as it is saved at ``path`` (paths relative to its folder)."""
    base = path.absolute().parent
    return {
        "format": FORMAT,
        "version": VERSION,
        "template": None
        if document.template is None
        else _template(document.template, document.template_folder, base),
        "settings": _settings(document.settings),
        "recipients": None if document.source is None else _source(document.source, base),
        "excluded_rows": sorted(set(document.excluded_rows)),
    }


def save_campaign(document: CampaignDocument, path: Path) -> None:
    """Write ``document`` to ``path``: the whole new file appears at once, or the old one stays."""
    text = json.dumps(campaign_json(document, path), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        message = translate("CampaignFile", "The campaign cannot be saved to {file}: {reason}.")
        raise CampaignFileError(
            message.format(file=path, reason=error.strerror or error), file=str(path)
        ) from None
