"""Reading a campaign file back: every field checked, every problem naming the file and the field.

A campaign file comes from disk, perhaps from a colleague or a newer version of the app, so nothing
in it is trusted: an unknown field, a value of the wrong kind or out of range, a newer format
version or a file that is not JSON at all is refused with a ``CampaignFileError`` whose sentence
names the file and the field (``settings.per_minute``), never with a traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from securemailmerge.campaign.document import (
    FORMAT,
    VERSION,
    CampaignDocument,
    ContactsSource,
    FileSource,
    SendSettings,
    Source,
)
from securemailmerge.campaign.modes import MODES
from securemailmerge.errors import CampaignFileError, InputError, TemplateSyntaxError
from securemailmerge.i18n import translate
from securemailmerge.m365.addressbook import ContactFilter
from securemailmerge.recipients.choice import AddressChoice
from securemailmerge.recipients.model import RecipientOptions
from securemailmerge.template.model import Template, compile_template

MAX_BYTES = 64 * 1024 * 1024  # images inline in a template make large files; more is not a campaign
_TOP = ("format", "version", "template", "settings", "recipients", "excluded_rows")
_TEMPLATE = ("subject", "html", "text", "attachments", "attachment_column", "folder", "folder_absolute")
_SETTINGS = ("sender", "mode", "per_minute", "daily_cap", "window", "send_at")
_FILE = (
    "kind", "path", "path_absolute", "sheet", "header_row", "encoding", "delimiter", "email_column",
    "cc_column", "bcc_column", "reply_to_column", "address", "keep_invalid", "keep_duplicates",
)  # fmt: skip
_CONTACTS = ("kind", "mailbox", "folder", "subfolders", "categories", "match_all", "search", "address")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_NUMBER_LIMITS = {"per_minute": (1, 30), "daily_cap": (1, 10_000), "header_row": (1, 1_000_000)}


class _Reader:
    """Checks the values of one file; each check names the field in its message."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, name: str, reason: str) -> CampaignFileError:
        message = translate("CampaignFile", "The campaign file {file} cannot be used (“{field}”): {reason}.")
        return CampaignFileError(
            message.format(file=self.path, field=name, reason=reason.rstrip(".")),
            file=str(self.path),
            field=name,
        )

    def section(self, data: Any, name: str, keys: tuple[str, ...]) -> dict[str, Any] | None:
        """The object under ``name`` (None for null), with no key outside ``keys``."""
        if data is None:
            return None
        if not isinstance(data, dict):
            raise self.fail(name or "/", translate("CampaignFile", "it must be a JSON object"))
        for key in data:
            if key not in keys:
                reason = translate("CampaignFile", "this field is unknown; the fields here are {keys}")
                raise self.fail(_join(name, key), reason.format(keys=", ".join(keys)))
        return data

    def text(self, data: Mapping[str, Any], section: str, key: str, *, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(_join(section, key), translate("CampaignFile", "it is missing"))
            return None
        if not isinstance(value, str):
            raise self.fail(_join(section, key), translate("CampaignFile", "it must be text"))
        return value

    def name(self, data: Mapping[str, Any], section: str, key: str) -> str | None:
        """Text that, when given, is not blank (a column or mailbox name)."""
        value = self.text(data, section, key)
        if value is not None and not value.strip():
            raise self.fail(_join(section, key), translate("CampaignFile", "it must not be blank"))
        return value

    def number(self, data: Mapping[str, Any], section: str, key: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        low, high = _NUMBER_LIMITS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            reason = translate("CampaignFile", "it must be a whole number from {low} to {high}")
            raise self.fail(_join(section, key), reason.format(low=low, high=high))
        return value

    def flag(self, data: Mapping[str, Any], section: str, key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(_join(section, key), translate("CampaignFile", "it must be true or false"))
        return value

    def names(self, data: Mapping[str, Any], section: str, key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.fail(_join(section, key), translate("CampaignFile", "it must be a list of names"))
        return tuple(value)

    def address(self, data: Mapping[str, Any], section: str) -> AddressChoice:
        text = self.text(data, section, "address") or "first"
        try:
            return AddressChoice.parse(text)
        except InputError as error:
            raise self.fail(_join(section, "address"), str(error)) from None

    def location(
        self, data: Mapping[str, Any], section: str, key: str, *, required: bool = False
    ) -> Path | None:
        """A path written relative to the campaign file; the absolute one when only that still exists."""
        written = self.text(data, section, key, required=required)
        if written is None:
            return None
        path = Path(os.path.normpath(self.path.absolute().parent / written))
        absolute = self.text(data, section, f"{key}_absolute")
        if not path.exists() and absolute is not None and Path(absolute).exists():
            return Path(absolute)
        return path


def _join(section: str, key: str) -> str:
    return f"{section}.{key}" if section else key


def load_campaign(path: Path) -> CampaignDocument:
    """Read the campaign file at ``path``; CampaignFileError names the file and field of any problem."""
    data = _read_json(path)
    reader = _Reader(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        message = translate("CampaignFile", "{file} is not a SecureMailMerge campaign file.")
        raise CampaignFileError(message.format(file=path), file=str(path), field="format")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise reader.fail("version", translate("CampaignFile", "it must be a whole number from 1"))
    if version > VERSION:
        message = translate(
            "CampaignFile",
            "The campaign file {file} was saved by a newer SecureMailMerge (format {version}); this "
            "version opens format {supported} and older. Please update SecureMailMerge to open it.",
        )
        raise CampaignFileError(
            message.format(file=path, version=version, supported=VERSION), file=str(path), field="version"
        )
    # Only now: a newer version's new fields are reported as a newer version, not as unknown fields.
    top = reader.section(data, "", _TOP) or {}
    template, folder = _template(reader, top.get("template"))
    return CampaignDocument(
        template=template,
        template_folder=folder,
        settings=_settings(reader, top.get("settings", {})),
        source=_source(reader, top.get("recipients")),
        excluded_rows=_rows(reader, top.get("excluded_rows", [])),
    )


def _read_json(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_BYTES:
            message = translate("CampaignFile", "{file} is too large to be a campaign file.")
            raise CampaignFileError(message.format(file=path), file=str(path))
        raw = path.read_bytes()
    except OSError as error:
        message = translate("CampaignFile", "The campaign file {file} cannot be read: {reason}.")
        raise CampaignFileError(
            message.format(file=path, reason=error.strerror or error), file=str(path)
        ) from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        message = translate("CampaignFile", "{file} is not a SecureMailMerge campaign file.")
        raise CampaignFileError(message.format(file=path), file=str(path)) from None
    except json.JSONDecodeError as error:
        message = translate(
            "CampaignFile",
            "The campaign file {file} is damaged: not valid JSON at line {line}, column {column} ({reason}).",
        )
        raise CampaignFileError(
            message.format(file=path, line=error.lineno, column=error.colno, reason=error.msg), file=str(path)
        ) from None


def _template(reader: _Reader, value: Any) -> tuple[Template | None, Path | None]:
    data = reader.section(value, "template", _TEMPLATE)
    if data is None:
        return None, None
    template = Template(
        subject=reader.text(data, "template", "subject", required=True) or "",
        html=reader.text(data, "template", "html", required=True) or "",
        text=reader.text(data, "template", "text"),
        attachments=reader.names(data, "template", "attachments"),
        attachment_column=reader.name(data, "template", "attachment_column"),
    )
    try:
        compile_template(template, ())  # a syntax error is found on opening, naming the file
    except TemplateSyntaxError as error:
        raise reader.fail(f"template.{error.part}", error.message) from None
    return template, reader.location(data, "template", "folder")


def _settings(reader: _Reader, value: Any) -> SendSettings:
    data = reader.section(value, "settings", _SETTINGS) or {}
    mode = reader.text(data, "settings", "mode") or MODES[0]
    if mode not in MODES:
        reason = translate("CampaignFile", "it must be one of {modes}").format(modes=", ".join(MODES))
        raise reader.fail("settings.mode", reason)
    defaults = SendSettings()
    per_minute = reader.number(data, "settings", "per_minute")
    daily_cap = reader.number(data, "settings", "daily_cap")
    return SendSettings(
        sender=reader.name(data, "settings", "sender"),
        mode=mode,
        per_minute=defaults.per_minute if per_minute is None else per_minute,
        daily_cap=defaults.daily_cap if daily_cap is None else daily_cap,
        window=_window(reader, data.get("window")),
        send_at=_time(reader, data),
    )


def _window(reader: _Reader, value: Any) -> tuple[str, str] | None:
    data = reader.section(value, "settings.window", ("start", "end"))
    if data is None:
        return None
    ends = []
    for key in ("start", "end"):
        text = reader.text(data, "settings.window", key, required=True) or ""
        if not _TIME.fullmatch(text):
            raise reader.fail(
                f"settings.window.{key}", translate("CampaignFile", "it must be a time like 08:30")
            )
        ends.append(text)
    return ends[0], ends[1]


def _time(reader: _Reader, data: Mapping[str, Any]) -> datetime | None:
    text = reader.text(data, "settings", "send_at")
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        reason = translate("CampaignFile", "it must be a time in UTC like 2026-03-01T09:00:00Z")
        raise reader.fail("settings.send_at", reason)
    return moment.astimezone(UTC)


def _source(reader: _Reader, value: Any) -> Source | None:
    if value is None:
        return None
    kind = value.get("kind") if isinstance(value, dict) else None
    if kind == "contacts":
        data = reader.section(value, "recipients", _CONTACTS) or {}
        wanted = ContactFilter(
            categories=reader.names(data, "recipients", "categories"),
            match_all=reader.flag(data, "recipients", "match_all", False),
            folder=reader.text(data, "recipients", "folder"),
            subfolders=reader.flag(data, "recipients", "subfolders", True),
            search=reader.text(data, "recipients", "search") or "",
        )
        return ContactsSource(
            reader.name(data, "recipients", "mailbox"), wanted, reader.address(data, "recipients")
        )
    if kind != "file":
        raise reader.fail("recipients.kind", translate("CampaignFile", "it must be “file” or “contacts”"))
    data = reader.section(value, "recipients", _FILE) or {}
    encoding = reader.name(data, "recipients", "encoding")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise reader.fail(
                "recipients.encoding", translate("CampaignFile", "no such text encoding")
            ) from None
    delimiter = reader.text(data, "recipients", "delimiter")
    if delimiter is not None and len(delimiter) != 1:
        raise reader.fail("recipients.delimiter", translate("CampaignFile", "it must be one character"))
    options = RecipientOptions(
        encoding=encoding,
        delimiter=delimiter,
        sheet=reader.name(data, "recipients", "sheet"),
        email_column=reader.name(data, "recipients", "email_column"),
        cc_column=reader.name(data, "recipients", "cc_column"),
        bcc_column=reader.name(data, "recipients", "bcc_column"),
        reply_to_column=reader.name(data, "recipients", "reply_to_column"),
        keep_invalid=reader.flag(data, "recipients", "keep_invalid", False),
        keep_duplicates=reader.flag(data, "recipients", "keep_duplicates", False),
        header_row=reader.number(data, "recipients", "header_row"),
        address=reader.address(data, "recipients"),
    )
    path = reader.location(data, "recipients", "path", required=True)
    assert path is not None
    return FileSource(path, options)


def _rows(reader: _Reader, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(
        isinstance(row, int) and not isinstance(row, bool) and row >= 1 for row in value
    ):
        raise reader.fail("excluded_rows", translate("CampaignFile", "it must be a list of row numbers"))
    return tuple(sorted(set(value)))
