"""Contacts are filtered by category, folder and text, and become recipient rows checked like a file's."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.errors import InputError
from securemailmerge.m365.addressbook import (
    MERGE_FIELDS,
    AddressChoice,
    ContactFilter,
    contact_row,
    fold,
    recipient_list,
    select_contacts,
    without_address,
)
from securemailmerge.m365.contacts import AddressBook, Contact, ContactFolder
from securemailmerge.m365.mailbox import MailboxRef
from securemailmerge.recipients.model import DUPLICATE, EMPTY_ADDRESS, INVALID_ADDRESS

ROOT = ContactFolder(None, ())
KUNDEN = ContactFolder("k", ("Kunden",))
SPANIEN = ContactFolder("ks", ("Kunden", "Spanien"))
PARTNERS = ContactFolder("p", ("Partners",))


def person(
    name: str, folder: ContactFolder, emails: tuple[str, ...], *categories: str, **data: Any
) -> Contact:
    given_name, _, surname = name.partition(" ")
    fields = {"displayName": name, "givenName": given_name, "surname": surname, **data}
    return Contact(name, folder, emails, categories, fields)


CONTACTS = [
    person("José Peña", ROOT, ("jose@example.es",), "VIP", "Kunde", companyName="Café Peña S.L."),
    person("Jürgen Müller", KUNDEN, ("juergen@example.de", "jm@privat.example"), "Kunde"),
    person("Lucía Núñez", SPANIEN, ("lucia@example.es",), "kunde", "Newsletter"),
    person("Käthe Groß", SPANIEN, (), "VIP", companyName="Bäckerei Groß GmbH"),
    person(
        "Oliver Smith",
        PARTNERS,
        ("oliver@example.co.uk",),
        businessAddress={"street": "1 Thames St", "city": "London", "postalCode": "SW1A 1AA"},
    ),
]
BOOK = AddressBook(
    MailboxRef("sales@contoso.com", own=False), [ROOT, KUNDEN, SPANIEN, PARTNERS], list(CONTACTS)
)


def names(contacts: list[Contact]) -> list[str]:
    return [contact.display_name for contact in contacts]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (ContactFilter(), ["José Peña", "Jürgen Müller", "Lucía Núñez", "Käthe Groß", "Oliver Smith"]),
        (ContactFilter(categories=("VIP",)), ["José Peña", "Käthe Groß"]),
        (ContactFilter(categories=("KUNDE",)), ["José Peña", "Jürgen Müller", "Lucía Núñez"]),
        (
            ContactFilter(categories=("VIP", "Newsletter")),
            ["José Peña", "Lucía Núñez", "Käthe Groß"],
        ),
        (ContactFilter(categories=("VIP", "Kunde"), match_all=True), ["José Peña"]),
        (ContactFilter(categories=("Lead",)), []),
        (ContactFilter(folder="Kunden"), ["Jürgen Müller", "Lucía Núñez", "Käthe Groß"]),
        (ContactFilter(folder="kunden", subfolders=False), ["Jürgen Müller"]),
        (ContactFilter(folder="Kunden/Spanien"), ["Lucía Núñez", "Käthe Groß"]),
        (ContactFilter(folder=" Kunden / Spanien "), ["Lucía Núñez", "Käthe Groß"]),
        (ContactFilter(folder="/", subfolders=False), ["José Peña"]),
        (ContactFilter(folder="/"), names(CONTACTS)),
        (ContactFilter(search="pena"), ["José Peña"]),
        (ContactFilter(search="NUNEZ"), ["Lucía Núñez"]),
        (ContactFilter(search="bäckerei"), ["Käthe Groß"]),
        (ContactFilter(search="gross"), ["Käthe Groß"]),
        (ContactFilter(search="example.es"), ["José Peña", "Lucía Núñez"]),
        (ContactFilter(search="london"), ["Oliver Smith"]),
        (ContactFilter(search="jürgen privat"), ["Jürgen Müller"]),
        (ContactFilter(search="jürgen london"), []),
        (ContactFilter(categories=("VIP",), folder="Kunden", search="käthe"), ["Käthe Groß"]),
    ],
)
def test_filters_choose_the_contacts_a_user_expects(wanted: ContactFilter, expected: list[str]) -> None:
    assert names(select_contacts(BOOK, wanted)) == expected


def test_an_unknown_folder_lists_the_folders_there_are() -> None:
    with pytest.raises(InputError) as caught:
        select_contacts(BOOK, ContactFilter(folder="Kunden/Italien"))
    assert str(caught.value) == (
        "Contacts of sales@contoso.com has no contact folder 'Kunden/Italien'. Its folders are: /, Kunden, "
        "Kunden/Spanien, Partners (/ is Contacts)."
    )
    assert caught.value.field == "folder"


@pytest.mark.parametrize(
    ("text", "emails", "picked"),
    [
        ("first", ("a@x.de", "b@y.de"), ["a@x.de"]),
        ("ALL", ("a@x.de", "b@y.de"), ["a@x.de", "b@y.de"]),
        ("2", ("a@x.de", "b@y.de"), ["b@y.de"]),
        ("3", ("a@x.de", "b@y.de"), ["a@x.de"]),
        ("@y.de", ("a@x.de", "b@Y.DE"), ["b@Y.DE"]),
        ("@example.de", ("a@x.de", "b@mail.example.de"), ["b@mail.example.de"]),
        ("@example.de", ("a@notexample.de",), ["a@notexample.de"]),
        ("@z.de", ("a@x.de", "b@y.de"), ["a@x.de"]),
        ("all", (), []),
    ],
)
def test_which_address_a_contact_with_several_gets(
    text: str, emails: tuple[str, ...], picked: list[str]
) -> None:
    assert AddressChoice.parse(text).pick(emails) == picked


@pytest.mark.parametrize("text", ["second", "0", "-1", "@", "@localhost", "x@y.de", "1.5", ""])
def test_an_unclear_address_choice_is_refused_with_the_choices(text: str) -> None:
    with pytest.raises(InputError, match="write first, all, a number such as 2, or a domain") as caught:
        AddressChoice.parse(text)
    assert caught.value.field == "address"


DOMAINS = st.sampled_from(["x.de", "Y.de", "mail.x.de", "example.es"])
CHOICES = st.one_of(
    st.sampled_from(["first", "all", "First"]),
    st.integers(1, 5).map(str),
    DOMAINS.map(lambda domain: "@" + domain),
)
ADDRESSES = st.lists(st.builds("{}@{}".format, st.sampled_from(["a", "b.c", "d"]), DOMAINS), max_size=4)


@settings(max_examples=150, deadline=None)
@given(CHOICES, ADDRESSES)
def test_any_choice_picks_only_the_contacts_own_addresses(text: str, emails: list[str]) -> None:
    choice = AddressChoice.parse(text)
    picked = choice.pick(tuple(emails))
    assert set(picked) <= set(emails)
    assert bool(picked) == bool(emails)
    assert len(picked) == (len(emails) if choice.mode == "all" else min(1, len(emails)))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_folding_is_stable_and_ignores_case(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii()


def test_a_contact_becomes_the_merge_fields_of_a_file_row() -> None:
    contact = Contact(
        "c1",
        SPANIEN,
        ("lucia@example.es", "lucia@privat.example"),
        ("Kunde", "Newsletter"),
        {
            "givenName": "Lucía",
            "surname": "Núñez",
            "middleName": "María",
            "nickName": "Lu",
            "title": "Dra.",
            "displayName": "Lucía Núñez",
            "companyName": "Vinos de Castaño",
            "jobTitle": "Directora comercial",
            "department": "Ventas",
            "mobilePhone": "+34 600 000 000",
            "businessPhones": ["", "+34 941 000 000", "+34 941 111 111"],
            "homePhones": ["+34 941 222 222"],
            "businessAddress": {
                "street": "Calle Mayor 1",
                "city": "Logroño",
                "postalCode": "26001",
                "state": "La Rioja",
                "countryOrRegion": "España",
            },
            "birthday": "1980-02-29T11:59:00Z",
            "personalNotes": "never exported",
        },
    )
    row = dict(zip(MERGE_FIELDS, contact_row(contact), strict=True))
    assert row == {
        "FirstName": "Lucía",
        "LastName": "Núñez",
        "DisplayName": "Lucía Núñez",
        "Email": "lucia@example.es",
        "Company": "Vinos de Castaño",
        "JobTitle": "Directora comercial",
        "Department": "Ventas",
        "Categories": "Kunde; Newsletter",
        "MobilePhone": "+34 600 000 000",
        "BusinessPhone": "+34 941 000 000",
        "HomePhone": "+34 941 222 222",
        "Street": "Calle Mayor 1",
        "City": "Logroño",
        "PostalCode": "26001",
        "State": "La Rioja",
        "CountryOrRegion": "España",
        "Title": "Dra.",
        "MiddleName": "María",
        "NickName": "Lu",
        "Birthday": "1980-02-29",
        "Folder": "Kunden/Spanien",
    }
    assert contact_row(contact, AddressChoice("all"))[MERGE_FIELDS.index("Email")] == (
        "lucia@example.es; lucia@privat.example"
    )


@pytest.mark.parametrize(
    ("data", "birthday"),
    [
        ({"birthday": None}, ""),
        ({"birthday": "garbage"}, ""),
        ({"birthday": "2001-12-31T00:00:00Z"}, "2001-12-31"),
    ],
)
def test_birthdays_are_iso_dates_or_empty(data: dict[str, Any], birthday: str) -> None:
    row = contact_row(Contact("c", ROOT, (), (), data))
    assert row[MERGE_FIELDS.index("Birthday")] == birthday
    assert row[MERGE_FIELDS.index("Folder")] == ""


def test_contacts_become_a_recipient_list_checked_like_a_file() -> None:
    chosen = [
        *CONTACTS,
        person("Dup Licate", PARTNERS, ("JOSE@example.es",)),
        person("Bad Address", PARTNERS, ("/o=ExchangeLabs/ou=Exchange/cn=Recipients",)),
    ]
    recipients = recipient_list(BOOK, chosen)
    assert recipients.source == "Contacts of sales@contoso.com"
    assert recipients.columns == MERGE_FIELDS
    assert recipients.email_column == "Email"
    assert [r.row for r in recipients.rows] == [1, 2, 3, 5]
    assert [r.row for r in recipients.excluded] == [4, 6, 7]
    assert recipients.rows[1].to == ("juergen@example.de",)
    assert recipients.rows[0].fields["Categories"] == "VIP; Kunde"
    assert [(p.row, p.code) for p in recipients.problems] == [
        (4, EMPTY_ADDRESS),
        (6, DUPLICATE),
        (7, INVALID_ADDRESS),
    ]
    assert recipients.problems[0].message == (
        "Contacts of sales@contoso.com:4: there is no email address in column 'Email'."
    )
    assert recipients.details == {"mailbox": "sales@contoso.com", "contacts": "5"}
    assert names(without_address(chosen)) == ["Käthe Groß"]


def test_keeping_duplicates_and_invalid_rows_keeps_every_contact() -> None:
    chosen = [*CONTACTS, person("Dup Licate", PARTNERS, ("jose@example.es",))]
    recipients = recipient_list(BOOK, chosen, keep_invalid=True, keep_duplicates=True)
    assert len(recipients.rows) == 6
    assert recipients.problem_counts() == {EMPTY_ADDRESS: 1, DUPLICATE: 1}
