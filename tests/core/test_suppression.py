"""The do-not-contact list is kept per mailbox, imported and exported as CSV, and leaves rows out."""

from __future__ import annotations

from pathlib import Path

import pytest

from securemailmerge.campaign.suppression import DoNotContact, unsubscribed_test
from securemailmerge.errors import InputError
from securemailmerge.recipients import load_recipients


def test_the_list_survives_reopening_and_ignores_case(tmp_path: Path) -> None:
    dnc = DoNotContact.for_mailbox("Ada@Contoso.com")
    assert dnc.add(["Bob@Example.com", "bob@example.com", "cy@example.com"], "asked") == 2
    again = DoNotContact.for_mailbox("ada@contoso.com")
    assert "BOB@example.com" in again
    assert len(again) == 2
    assert again.remove("cy@example.com")
    assert not DoNotContact.for_mailbox("ada@contoso.com").remove("cy@example.com")


def test_import_and_export_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "optouts.csv"
    source.write_text("Email,Note\nann@example.com,phoned\nbad@@example.com,\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"optouts.csv:3: bad@@example.com is not an email address"):
        DoNotContact(tmp_path / "list.csv").import_csv(source)
    source.write_text("Email,Note\nann@example.com,phoned\n", encoding="utf-8")
    dnc = DoNotContact(tmp_path / "list.csv")
    assert dnc.import_csv(source) == 1
    out = tmp_path / "out.csv"
    assert dnc.export_csv(out) == 1
    assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("ann@example.com,")


@pytest.mark.parametrize(
    ("header", "row", "left_out"),
    [
        ("Email,UNSUB_TIME", "a@example.com,2024-01-02 10:00:00", True),  # Mailchimp
        ("Email,Member Status", "a@example.com,cleaned", True),
        ("Email,Unsubscribed from all email", "a@example.com,true", True),  # HubSpot
        ("Email,Unsubscribed from all email", "a@example.com,false", False),
        ("E-mail Address,Unsubscribed", "a@example.com,Yes", True),
        ("Email,Status", "a@example.com,subscribed", False),
        ("Email,Name", "a@example.com,Ann", False),
    ],
)
def test_unsubscribed_columns_of_exports_leave_rows_out(
    tmp_path: Path, header: str, row: str, left_out: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    recipients = load_recipients(path)
    reason = DoNotContact(tmp_path / "dnc.csv").exclusion(recipients.columns)(recipients.rows[0])
    assert (reason == "Marked as unsubscribed in the recipient list.") is left_out
    assert (unsubscribed_test(recipients.columns) is None) is (header == "Email,Name")


def test_an_address_on_the_list_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Email,Cc\nann@example.com,\nbo@example.com,ann@example.com\ncy@example.com,\n", encoding="utf-8"
    )
    recipients = load_recipients(path)
    dnc = DoNotContact(tmp_path / "dnc.csv")
    dnc.add(["ANN@example.com"], "asked")
    reasons = [dnc.exclusion(recipients.columns)(r) for r in recipients.rows]
    assert reasons == ["On your do-not-contact list.", "On your do-not-contact list.", None]
