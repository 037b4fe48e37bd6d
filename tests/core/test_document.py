"""Campaign files round-trip, keep paths relative, hold no secrets and refuse bad files by file and field."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from securemailmerge.campaign import (
    CampaignDocument,
    ContactsSource,
    FileSource,
    SendSettings,
    load_campaign,
    save_campaign,
)
from securemailmerge.errors import CampaignFileError
from securemailmerge.m365 import ContactFilter
from securemailmerge.recipients import AddressChoice, RecipientOptions
from securemailmerge.template import Template


def full_document(folder: Path) -> CampaignDocument:
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "data" / "list.xlsx").write_bytes(b"")
    (folder / "files").mkdir(exist_ok=True)
    return CampaignDocument(
        template=Template(
            "Hello {{ name }}", "<p>Hi {{ name }}</p>", "Hi {{ name }}", ("offer.pdf",), "Attachment"
        ),
        template_folder=folder / "files",
        settings=SendSettings(
            sender="team@contoso.com",
            mode="scheduled",
            per_minute=12,
            daily_cap=500,
            window=("08:30", "17:00"),
            send_at=datetime(2026, 12, 24, 9, 0, tzinfo=UTC),
        ),
        source=FileSource(
            folder / "data" / "list.xlsx",
            RecipientOptions(
                sheet="Customers",
                header_row=3,
                email_column="Mail",
                cc_column="Boss",
                bcc_column=None,
                reply_to_column="Desk",
                address=AddressChoice.parse("@contoso.de"),
            ),
        ),
        excluded_rows=(4, 9),
    )


def test_a_saved_campaign_opens_as_it_was_saved(tmp_path: Path) -> None:
    document = full_document(tmp_path)
    save_campaign(document, tmp_path / "spring.smmcampaign")
    assert load_campaign(tmp_path / "spring.smmcampaign") == document


def test_contacts_as_the_source_round_trip(tmp_path: Path) -> None:
    document = CampaignDocument(
        source=ContactsSource(
            "shared@contoso.com",
            ContactFilter(categories=("VIP", "Press"), match_all=True, folder="Clients/EU", search="gmbh"),
            AddressChoice.parse("2"),
        ),
        settings=SendSettings(mode="drafts"),
    )
    save_campaign(document, tmp_path / "c.smmcampaign")
    assert load_campaign(tmp_path / "c.smmcampaign") == document


def test_paths_are_relative_so_a_moved_folder_still_opens(tmp_path: Path) -> None:
    first = tmp_path / "first"
    save_campaign(full_document(first), first / "spring.smmcampaign")
    saved = json.loads((first / "spring.smmcampaign").read_text("utf-8"))
    assert saved["recipients"]["path"] == "data/list.xlsx"
    assert saved["template"]["folder"] == "files"
    moved = tmp_path / "moved"
    first.rename(moved)
    opened = load_campaign(moved / "spring.smmcampaign")
    assert isinstance(opened.source, FileSource)
    assert opened.source.path == moved / "data" / "list.xlsx"
    assert opened.template_folder == moved / "files"


def test_a_campaign_file_moved_alone_still_finds_its_list(tmp_path: Path) -> None:
    save_campaign(full_document(tmp_path), tmp_path / "spring.smmcampaign")
    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    (tmp_path / "spring.smmcampaign").rename(elsewhere / "spring.smmcampaign")
    opened = load_campaign(elsewhere / "spring.smmcampaign")
    assert isinstance(opened.source, FileSource)
    assert opened.source.path == tmp_path / "data" / "list.xlsx"


def test_the_file_holds_the_settings_and_no_secret(tmp_path: Path) -> None:
    save_campaign(full_document(tmp_path), tmp_path / "spring.smmcampaign")
    saved = json.loads((tmp_path / "spring.smmcampaign").read_text("utf-8"))
    assert saved["format"] == "securemailmerge-campaign"
    assert saved["version"] == 1
    assert saved["settings"]["send_at"] == "2026-12-24T09:00:00Z"
    assert saved["settings"]["window"] == {"start": "08:30", "end": "17:00"}
    text = (tmp_path / "spring.smmcampaign").read_text("utf-8").lower()
    for secret in ("token", "password", "secret", "refresh", "bearer"):
        assert secret not in text


def test_saving_replaces_the_file_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "spring.smmcampaign"
    save_campaign(CampaignDocument(), path)
    before = path.read_bytes()
    with pytest.raises(CampaignFileError, match="cannot be saved"):
        save_campaign(CampaignDocument(), tmp_path / "missing-folder" / "x.smmcampaign")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["spring.smmcampaign"]


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "bad.smmcampaign"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def good() -> dict[str, Any]:
    return {"format": "securemailmerge-campaign", "version": 1}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"version": 2, "send_later": True}, "version", "newer SecureMailMerge (format 2)"),
        ({"version": "1"}, "version", "whole number"),
        ({"token": "eyJ0"}, "token", "this field is unknown"),
        ({"settings": []}, "settings", "JSON object"),
        ({"settings": {"per_minute": 31}}, "settings.per_minute", "from 1 to 30"),
        ({"settings": {"daily_cap": True}}, "settings.daily_cap", "whole number"),
        ({"settings": {"mode": "later"}}, "settings.mode", "now, drafts, scheduled"),
        ({"settings": {"window": {"start": "8", "end": "17:00"}}}, "settings.window.start", "08:30"),
        ({"settings": {"send_at": "2026-12-24 09:00"}}, "settings.send_at", "UTC"),
        ({"template": {"html": "<p>"}}, "template.subject", "missing"),
        ({"template": {"subject": "Hi {{ name", "html": ""}}, "template.subject", "line 1"),
        ({"template": {"subject": "", "html": "", "attachments": [""]}}, "template.attachments", "list"),
        ({"recipients": {"kind": "ftp"}}, "recipients.kind", "“file” or “contacts”"),
        ({"recipients": {"kind": "file"}}, "recipients.path", "missing"),
        ({"recipients": {"kind": "file", "path": "a.csv", "encoding": "klingon"}}, "recipients.encoding", ""),
        ({"recipients": {"kind": "file", "path": "a.csv", "header_row": 0}}, "recipients.header_row", ""),
        ({"recipients": {"kind": "file", "path": "a.csv", "address": "some"}}, "recipients.address", "first"),
        ({"recipients": {"kind": "contacts", "categories": "VIP"}}, "recipients.categories", "list"),
        ({"excluded_rows": [2, -1]}, "excluded_rows", "row numbers"),
    ],
)
def test_a_wrong_field_is_named_with_the_file(
    tmp_path: Path, change: dict[str, Any], field: str, words: str
) -> None:
    path = write(tmp_path, good() | change)
    with pytest.raises(CampaignFileError) as raised:
        load_campaign(path)
    assert raised.value.field == field
    assert str(path) in str(raised.value)
    assert words in str(raised.value)
    assert "Traceback" not in str(raised.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "securemailmerge-campaign", "vers', "damaged: not valid JSON at line 1"),
        (b"\xff\xfe\x00binary", "is not a SecureMailMerge campaign file"),
        (b'{"subject": "a template, not a campaign"}', "is not a SecureMailMerge campaign file"),
        (b"[1, 2]", "is not a SecureMailMerge campaign file"),
    ],
)
def test_a_broken_or_foreign_file_says_so(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "broken.smmcampaign"
    path.write_bytes(content)
    with pytest.raises(CampaignFileError, match=words):
        load_campaign(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CampaignFileError, match=r"gone\.smmcampaign cannot be read"):
        load_campaign(tmp_path / "gone.smmcampaign")


def test_an_empty_new_campaign_round_trips(tmp_path: Path) -> None:
    save_campaign(CampaignDocument(), tmp_path / "new.smmcampaign")
    assert load_campaign(tmp_path / "new.smmcampaign") == CampaignDocument()
