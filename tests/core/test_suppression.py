"""The do-not-contact list is kept per mailbox, imported and exported as CSV, and leaves rows out."""

from __future__ import annotations

from pathlib import Path

import pytest

from securemailmerge.campaign.suppression import DoNotContact, left_out_rows, unsubscribed_test
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


def test_an_excel_file_adds_the_addresses_of_every_address_column(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "E-mail Address", "E-mail 2 Address"])
    sheet.append(["Ada", "ada@example.com", "ada.home@example.org"])
    sheet.append(["Bob", "not an address", ""])
    sheet.append(["Cy", "CY@example.com", ""])
    book.save(tmp_path / "optouts.xlsx")
    dnc = DoNotContact(tmp_path / "list.csv")
    assert dnc.import_file(tmp_path / "optouts.xlsx") == (3, 1)
    assert [entry.address for entry in dnc.entries()] == [
        "ada.home@example.org",
        "ada@example.com",
        "CY@example.com",
    ]
    assert "cy@example.com" in DoNotContact(tmp_path / "list.csv")


def test_a_typed_address_is_checked_before_it_is_added(tmp_path: Path) -> None:
    dnc = DoNotContact(tmp_path / "list.csv")
    with pytest.raises(InputError) as raised:
        dnc.add_typed("ada at example.com", "by hand")
    assert str(raised.value) == "ada at example.com cannot be added: it has no @ sign."
    assert dnc.add_typed(" Ada <Ada@Example.COM> ", "by hand") == "Ada@example.com"
    assert [(e.address, e.reason) for e in DoNotContact(tmp_path / "list.csv").entries()] == [
        ("Ada@example.com", "by hand")
    ]


def test_the_rows_a_campaign_leaves_out_are_named_with_why(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "email,name,unsubscribed\nada@example.com,Ada,\nbob@example.com,Bob,yes\ncy@example.com,Cy,\n",
        encoding="utf-8",
    )
    recipients = load_recipients(source)
    dnc = DoNotContact(tmp_path / "dnc.csv")
    dnc.add(["CY@example.com"], "asked")
    assert left_out_rows(recipients, dnc) == {
        3: "Marked as unsubscribed in the recipient list.",
        4: "On your do-not-contact list.",
    }
    assert left_out_rows(recipients, None) == {3: "Marked as unsubscribed in the recipient list."}
