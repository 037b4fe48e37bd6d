"""Master categories are read per mailbox; a shared one that denies them falls back to its contacts' ones."""

from __future__ import annotations

import pytest

from securemailmerge.errors import AccessDeniedError, NotFoundError
from securemailmerge.m365.categories import Category, CategoryList, categories_on, load_categories
from securemailmerge.m365.contacts import Contact, ContactFolder
from securemailmerge.m365.mailbox import MailboxRef
from tests.helpers import FakeGraph, error, graph_for

ME = MailboxRef("ada@contoso.com", own=True)
BOARD = MailboxRef.shared("board@contoso.com")
MASTER = {
    "value": [
        {"id": "1", "displayName": "Kunde", "color": "preset0"},
        {"id": "2", "displayName": "VIP", "color": "preset1"},
        {"id": "3", "displayName": " ", "color": "preset2"},
        {"id": "4", "displayName": "Événements", "color": None},
    ]
}


def person(n: int, *categories: str) -> Contact:
    return Contact(f"c{n}", ContactFolder(None, ()), (f"p{n}@x.de",), categories, {})


CONTACTS = [
    person(1, "Investor"),
    person(2, "aufsichtsrat", "Investor"),
    person(3),
    person(4, "Aufsichtsrat"),
]


@pytest.mark.parametrize("mailbox", [ME, BOARD])
def test_the_master_list_is_read_in_the_mailboxs_order(mailbox: MailboxRef) -> None:
    fake = FakeGraph({f"{mailbox.path}/outlook/masterCategories": MASTER})
    with graph_for(fake) as graph:
        found = load_categories(graph, mailbox, CONTACTS)
    assert found == CategoryList(
        mailbox, (Category("Kunde", "preset0"), Category("VIP", "preset1"), Category("Événements", None))
    )
    assert found.notice is None
    assert fake.requests[0].url.params["$select"] == "displayName,color"
    assert fake.problems == []


def test_a_shared_list_that_is_denied_falls_back_to_the_contacts_categories_and_says_so() -> None:
    fake = FakeGraph({"/users/board@contoso.com/outlook/masterCategories": error(403, "ErrorAccessDenied")})
    with graph_for(fake) as graph:
        found = load_categories(graph, BOARD, CONTACTS)
    assert found.from_contacts
    assert found.names == ["aufsichtsrat", "Investor"]
    assert found.notice == (
        "The category list of board@contoso.com cannot be read (ErrorAccessDenied: your account has no "
        "reviewer rights on its calendar, where Outlook keeps the list). Showing the 2 categories found on "
        "its contacts instead."
    )


def test_ones_own_list_denied_is_an_error_naming_the_permission() -> None:
    fake = FakeGraph({"/me/outlook/masterCategories": error(403, "ErrorAccessDenied")})
    with graph_for(fake) as graph, pytest.raises(AccessDeniedError) as caught:
        load_categories(graph, ME, CONTACTS)
    assert "Reading the category list of your mailbox ada@contoso.com was refused" in str(caught.value)
    assert "the permission MailboxSettings.Read" in str(caught.value)


def test_a_shared_mailbox_that_does_not_exist_is_not_hidden_behind_a_fallback() -> None:
    fake = FakeGraph({"/users/board@contoso.com/outlook/masterCategories": error(404, "ErrorInvalidUser")})
    with (
        graph_for(fake) as graph,
        pytest.raises(NotFoundError, match=r"There is no mailbox board@contoso\.com"),
    ):
        load_categories(graph, BOARD, CONTACTS)


@pytest.mark.parametrize(
    ("wanted", "missing"),
    [(["vip", "KUNDE"], []), (["VIP", "Lead"], ["Lead"]), (["evenements"], ["evenements"]), ([], [])],
)
def test_names_not_in_the_list_are_found_without_regard_to_case(
    wanted: list[str], missing: list[str]
) -> None:
    found = CategoryList(ME, (Category("Kunde"), Category("VIP"), Category("Événements")))
    assert found.missing(wanted) == missing


def test_categories_on_contacts_are_listed_once_in_alphabetical_order() -> None:
    assert categories_on([person(1, "b", "A"), person(2, "a", "C")]) == (
        Category("A"),
        Category("b"),
        Category("C"),
    )
    assert categories_on([]) == ()
