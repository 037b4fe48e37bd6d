"""Contacts are read from every nested folder exactly once, in minimum pages, with clear 403/404 messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from securemailmerge.errors import (
    AccessDeniedError,
    GraphError,
    InputError,
    MailboxNotEnabledError,
    NotFoundError,
)
from securemailmerge.m365.contacts import (
    CONTACT_FIELDS,
    PAGE_SIZE,
    AddressBookLoaded,
    ContactFolder,
    FolderLoaded,
    iter_address_book,
    load_address_book,
)
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.mailbox import MailboxRef
from securemailmerge.m365.net import HttpFactory
from tests.helpers import CONFIG, GRAPH, Answer, FakeGraph, Tokens, error, graph_for

ME = MailboxRef("ada@contoso.com", own=True)
SALES = MailboxRef.shared("sales@contoso.com")


def contact(n: int, **fields: Any) -> dict[str, Any]:
    """A contact as Graph returns it."""
    return {
        "id": f"c{n}",
        "displayName": f"Person {n}",
        "emailAddresses": [{"name": f"Person {n}", "address": f"p{n}@example.com"}],
        "categories": [],
        **fields,
    }


def folder(folder_id: str, name: str) -> dict[str, str]:
    return {"id": folder_id, "displayName": name}


NESTED = {
    "/me/contacts": [contact(1), contact(2)],
    "/me/contactFolders": [folder("K", "Kunden"), folder("P", "Partners")],
    "/me/contactFolders/K/childFolders": [folder("KS", "Spanien"), folder("KD", "Deutschland")],
    "/me/contactFolders/KS/childFolders": [folder("KSM", "Madrid")],
    "/me/contactFolders/KSM/childFolders": [],
    "/me/contactFolders/KD/childFolders": [],
    "/me/contactFolders/P/childFolders": [],
    "/me/contactFolders/K/contacts": [contact(3)],
    "/me/contactFolders/KS/contacts": [contact(4), contact(5)],
    "/me/contactFolders/KSM/contacts": [contact(6)],
    "/me/contactFolders/KD/contacts": [],
    "/me/contactFolders/P/contacts": [contact(7)],
}


def test_every_nested_folder_is_walked_depth_first_and_every_contact_arrives_once() -> None:
    fake = FakeGraph(NESTED)
    with graph_for(fake) as graph:
        book = load_address_book(graph, ME)
    assert [f.name for f in book.folders] == [
        "",
        "Kunden",
        "Kunden/Spanien",
        "Kunden/Spanien/Madrid",
        "Kunden/Deutschland",
        "Partners",
    ]
    assert [(c.id, c.folder.name) for c in book.contacts] == [
        ("c1", ""),
        ("c2", ""),
        ("c3", "Kunden"),
        ("c4", "Kunden/Spanien"),
        ("c5", "Kunden/Spanien"),
        ("c6", "Kunden/Spanien/Madrid"),
        ("c7", "Partners"),
    ]
    assert book.folder_counts()["Kunden/Deutschland"] == 0
    assert book.source == "Contacts of ada@contoso.com"
    assert fake.problems == []


def test_every_request_selects_its_fields_and_asks_for_the_largest_page() -> None:
    fake = FakeGraph(NESTED)
    with graph_for(fake) as graph:
        load_address_book(graph, ME)
    for request in fake.requests:
        query = dict(parse_qsl(request.url.query.decode()))
        assert query["$top"] == str(PAGE_SIZE) == "1000"
        selected = query["$select"].split(",")
        if request.url.path.endswith("/contacts"):
            assert selected == list(CONTACT_FIELDS)
        else:
            assert selected == ["displayName"]
        assert "personalNotes" not in query["$select"]


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (999, 1), (1000, 1), (1001, 2), (2500, 3)])
def test_a_big_folder_is_read_in_the_fewest_pages_top_allows(count: int, pages: int) -> None:
    fake = FakeGraph({"/me/contacts": [contact(n) for n in range(count)], "/me/contactFolders": []})
    with graph_for(fake) as graph:
        book = load_address_book(graph, ME)
    assert len(book.contacts) == len({c.id for c in book.contacts}) == count
    assert fake.paths().count("/me/contacts") == pages


def test_a_contact_or_folder_listed_twice_is_kept_once() -> None:
    routes = {
        "/me/contacts": [contact(1), contact(2), contact(1)],
        "/me/contactFolders": [folder("A", "A"), folder("A", "A")],
        "/me/contactFolders/A/childFolders": [],
        "/me/contactFolders/A/contacts": [contact(3)],
    }
    fake = FakeGraph(routes)
    with graph_for(fake) as graph:
        book = load_address_book(graph, ME)
    assert [c.id for c in book.contacts] == ["c1", "c2", "c3"]
    assert fake.paths().count("/me/contactFolders/A/contacts") == 1


def test_addresses_and_categories_are_read_leniently() -> None:
    routes = {
        "/me/contacts": [
            contact(1, emailAddresses=[{"address": " a@x.de "}, {"address": ""}, {"name": "no address"}]),
            contact(2, emailAddresses=None, categories=None),
            contact(3, categories=["VIP", " ", "Kunde"], displayName="", givenName="Ana", surname="Peña"),
            {"displayName": "no id"},
        ],
        "/me/contactFolders": [],
    }
    with graph_for(FakeGraph(routes)) as graph:
        book = load_address_book(graph, ME)
    assert [(c.emails, c.categories, c.display_name) for c in book.contacts] == [
        (("a@x.de",), (), "Person 1"),
        ((), (), "Person 2"),
        (("p3@example.com",), ("VIP", "Kunde"), "Ana Peña"),
    ]


def test_a_shared_mailbox_is_read_through_users_and_named_in_the_source() -> None:
    routes = {
        "/users/sales@contoso.com/contacts": [contact(1)],
        "/users/sales@contoso.com/contactFolders": [folder("L", "Leads")],
        "/users/sales@contoso.com/contactFolders/L/childFolders": [],
        "/users/sales@contoso.com/contactFolders/L/contacts": [contact(2)],
    }
    fake = FakeGraph(routes)
    with graph_for(fake) as graph:
        book = load_address_book(graph, SALES)
    assert book.source == "Contacts of sales@contoso.com"
    assert [c.folder.name for c in book.contacts] == ["", "Leads"]
    assert fake.problems == []


def test_progress_is_reported_per_folder() -> None:
    with graph_for(FakeGraph(NESTED)) as graph:
        *events, loaded = iter_address_book(graph, ME)
    assert all(isinstance(event, FolderLoaded) for event in events)
    assert isinstance(loaded, AddressBookLoaded)
    assert len(loaded.book.contacts) == 7
    assert [(e.folder.name, e.contacts_in_folder, e.contacts_so_far) for e in events] == [
        ("", 2, 2),
        ("Kunden", 1, 3),
        ("Kunden/Spanien", 2, 5),
        ("Kunden/Spanien/Madrid", 1, 6),
        ("Kunden/Deutschland", 0, 6),
        ("Partners", 1, 7),
    ]
    assert events[0].folder == ContactFolder(None, ())


def test_stopping_the_load_sends_no_further_request() -> None:
    fake = FakeGraph(NESTED)
    with graph_for(fake) as graph:
        events = iter_address_book(graph, ME)
        first = next(events)
        assert isinstance(first, FolderLoaded)
        asked = len(fake.requests)
        events.close()
    assert len(fake.requests) == asked
    assert "/me/contactFolders/K/contacts" not in fake.paths()


@pytest.mark.parametrize(
    ("mailbox", "failing", "answer", "kind", "words"),
    [
        (
            SALES,
            "/users/sales@contoso.com/contacts",
            error(403, "ErrorAccessDenied"),
            AccessDeniedError,
            "You have no right to read the contacts of the mailbox sales@contoso.com (ErrorAccessDenied). "
            "Ask its owner or your administrator for full access to that mailbox",
        ),
        (
            ME,
            "/me/contacts",
            error(403, "ErrorAccessDenied"),
            AccessDeniedError,
            "the app lacks the permission Contacts.Read",
        ),
        (
            SALES,
            "/users/sales@contoso.com/contacts",
            error(404, "ErrorInvalidUser"),
            NotFoundError,
            "There is no mailbox sales@contoso.com in your organisation",
        ),
        (
            SALES,
            "/users/sales@contoso.com/contacts",
            error(404, "MailboxNotEnabledForRESTAPI"),
            MailboxNotEnabledError,
            "The mailbox sales@contoso.com is not in Exchange Online",
        ),
        (
            ME,
            "/me/contactFolders/K/childFolders",
            error(404, "ErrorItemNotFound"),
            NotFoundError,
            "A folder of ada@contoso.com disappeared while reading the contacts",
        ),
        (
            ME,
            "/me/contactFolders",
            error(400, "ErrorInvalidRequest"),
            GraphError,
            "Microsoft Graph answered 400 (ErrorInvalidRequest): Graph's own words",
        ),
    ],
)
def test_graph_refusals_name_the_mailbox_and_what_is_missing(
    mailbox: MailboxRef, failing: str, answer: httpx.Response, kind: type[GraphError], words: str
) -> None:
    routes: dict[str, Answer] = {
        path.replace("/me", mailbox.path, 1): value for path, value in NESTED.items()
    }
    routes[failing] = answer
    with graph_for(FakeGraph(routes)) as graph, pytest.raises(kind) as caught:
        load_address_book(graph, mailbox)
    assert type(caught.value) is kind
    assert words in str(caught.value)
    assert "Request id: req-1." in str(caught.value)
    assert caught.value.request_id == "req-1"


def test_a_mailbox_address_with_path_characters_is_refused_before_any_request() -> None:
    with pytest.raises(InputError, match="is not a mailbox address"):
        MailboxRef.shared("sales@contoso.com/../../me")


def test_requests_are_logged_without_the_shared_address(tmp_path: Path) -> None:
    routes = {
        "/users/sales@contoso.com/contacts": [contact(1)],
        "/users/sales@contoso.com/contactFolders": [],
    }
    factory = HttpFactory(
        CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(FakeGraph(routes))
    )
    with factory.client() as http:
        load_address_book(GraphClient(http, GRAPH, Tokens(), factory=factory), SALES)
    log = (tmp_path / "network.log").read_text("utf-8")
    assert [json.loads(line)["path"] for line in log.splitlines()] == [
        "/v1.0/users/{user}/contacts",
        "/v1.0/users/{user}/contactFolders",
    ]
    assert "sales" not in log
    assert "@" not in log
