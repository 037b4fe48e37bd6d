"""The emulator serves profiles, nested contact folders, shared contacts, categories and settings as Graph."""

from __future__ import annotations

import httpx
import pytest

from securemailmerge.sandbox.directory import BOARD, DEMO_USER, SALES
from securemailmerge.sandbox.graph import GraphService, generate_contacts, harness

ADA_CONTACTS = 315  # the seeded tree: 120 + 60 + 40 + 25 + 30 + 20 + 20


def follow(client: httpx.Client, url: str, params: dict[str, str] | None = None) -> list[dict[str, object]]:
    """Every item of a collection, following @odata.nextLink verbatim."""
    items: list[dict[str, object]] = []
    response = client.get(url, params=params)
    while True:
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body["value"])
        if "@odata.nextLink" not in body:
            return items
        response = client.get(body["@odata.nextLink"])


def walk_contacts(client: httpx.Client, prefix: str) -> list[dict[str, object]]:
    """Every contact of a mailbox: the default folder and every folder below it, recursively."""
    select = {"$select": "displayName,emailAddresses,categories"}
    contacts = follow(client, f"{prefix}/contacts", select)
    folders = follow(client, f"{prefix}/contactFolders")
    while folders:
        folder = folders.pop()
        contacts += follow(client, f"{prefix}/contactFolders/{folder['id']}/contacts", select)
        folders += follow(client, f"{prefix}/contactFolders/{folder['id']}/childFolders")
    return contacts


def error_code(response: httpx.Response) -> str:
    return str(response.json()["error"]["code"])


def test_me_is_the_signed_in_user(graph: httpx.Client) -> None:
    response = graph.get("/me", params={"$select": "displayName,mail"})
    assert response.status_code == 200
    body = response.json()
    assert body["mail"] == DEMO_USER
    assert set(body) == {"@odata.context", "id", "displayName", "mail"}


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        (f"/users/{DEMO_USER}", 200, None),
        (f"/users/{SALES}", 403, "Authorization_RequestDenied"),
        ("/users/nobody@contoso.onmicrosoft.com", 404, "Request_ResourceNotFound"),
        ("/users/nobody@contoso.onmicrosoft.com/contacts", 404, "ErrorInvalidUser"),
    ],
)
def test_other_profiles_need_directory_rights(
    graph: httpx.Client, url: str, status: int, code: str | None
) -> None:
    response = graph.get(url)
    assert response.status_code == status
    if code:
        assert error_code(response) == code


def test_default_folder_pages_with_next_links_to_the_end(graph: httpx.Client) -> None:
    contacts = follow(graph, "/me/contacts", {"$select": "displayName", "$top": "7"})
    assert len(contacts) == 120
    assert len({c["id"] for c in contacts}) == 120
    assert set(contacts[0]) == {"@odata.etag", "id", "displayName"}


def test_walking_nested_folders_finds_every_contact(graph: httpx.Client) -> None:
    contacts = walk_contacts(graph, "/me")
    assert len(contacts) == ADA_CONTACTS
    names = " ".join(str(c["displayName"]) for c in contacts)
    assert any(letter in names for letter in "äöüß")
    assert any(letter in names for letter in "ñáéíó")
    counts = {len(c["emailAddresses"]) for c in contacts}  # type: ignore[arg-type]
    assert counts == {0, 1, 2, 3}
    categories = {name for c in contacts for name in c["categories"]}  # type: ignore[attr-defined]
    assert "Alt-Kategorie" in categories  # used on contacts, missing from the master list


def test_grandchild_folder_is_reached_through_child_folders(graph: httpx.Client) -> None:
    top = {f["displayName"]: f["id"] for f in follow(graph, "/me/contactFolders")}
    assert set(top) == {"Kunden", "Clientes", "Partners"}
    child = follow(graph, f"/me/contactFolders/{top['Kunden']}/childFolders")
    assert [f["displayName"] for f in child] == ["Deutschland"]
    grandchild = follow(graph, f"/me/contactFolders/{child[0]['id']}/childFolders")
    assert [f["displayName"] for f in grandchild] == ["Berlin"]
    assert len(follow(graph, f"/me/contactFolders/{grandchild[0]['id']}/contacts")) == 25


@pytest.mark.parametrize(
    ("scopes", "mailbox", "status"),
    [
        ({"Contacts.Read.Shared"}, SALES, 200),
        ({"Contacts.Read.Shared"}, BOARD, 200),
        ({"Contacts.Read"}, SALES, 403),
        ({"Contacts.Read"}, DEMO_USER, 200),
        ({"Mail.Read"}, DEMO_USER, 403),
    ],
)
def test_contact_scopes(service: GraphService, scopes: set[str], mailbox: str, status: int) -> None:
    with harness.client(service, scopes=frozenset(scopes)) as client:
        response = client.get(f"/users/{mailbox}/contacts")
    assert response.status_code == status
    if status == 403:
        assert error_code(response) == "ErrorAccessDenied"


def test_shared_mailbox_contacts_walk(graph: httpx.Client) -> None:
    assert len(walk_contacts(graph, f"/users/{SALES}")) == 105


@pytest.mark.parametrize(
    ("mailbox", "scopes", "status"),
    [
        ("me", {"MailboxSettings.Read"}, 200),
        ("me", {"Contacts.Read"}, 403),
        (f"users/{SALES}", {"Calendars.Read.Shared"}, 200),
        (f"users/{SALES}", {"MailboxSettings.Read", "Contacts.Read.Shared"}, 403),
        (f"users/{BOARD}", {"Calendars.Read.Shared"}, 403),  # full access, but no calendar rights there
    ],
)
def test_master_categories_rights(service: GraphService, mailbox: str, scopes: set[str], status: int) -> None:
    with harness.client(service, scopes=frozenset(scopes)) as client:
        response = client.get(f"/{mailbox}/outlook/masterCategories")
    assert response.status_code == status
    if status == 200:
        colours = {c["displayName"]: c["color"] for c in response.json()["value"]}
        assert colours.get("Kunde") == "preset0"
    else:
        assert error_code(response) == "ErrorAccessDenied"


@pytest.mark.parametrize(("mailbox", "status"), [("me", 200), (f"users/{SALES}", 403)])
def test_mailbox_settings_are_ones_own(graph: httpx.Client, mailbox: str, status: int) -> None:
    response = graph.get(
        f"/{mailbox}/mailboxSettings", params={"$select": "timeZone"} if status == 200 else None
    )
    assert response.status_code == status
    if status == 200:
        assert response.json()["timeZone"] == "W. Europe Standard Time"


@pytest.mark.parametrize(
    ("params", "code", "words"),
    [
        ({"$top": "1001"}, "BadRequest", "The limit of '1000' for Top query has been exceeded"),
        ({"$top": "-1"}, "BadRequest", "non-negative integer"),
        ({"$foo": "1"}, "BadRequest", "The query parameter '$foo' is not supported."),
        (
            {"$select": "nickname,shoeSize"},
            "RequestBroker--ParseUri",
            "Could not find a property named 'shoeSize'",
        ),
        ({"$filter": "displayName eq"}, "BadRequest", "Invalid filter clause"),
        (
            {"$filter": "frobnicate(displayName, 'a')"},
            "BadRequest",
            "An unknown function with name 'frobnicate'",
        ),
    ],
)
def test_query_options_are_checked(
    graph: httpx.Client, params: dict[str, str], code: str, words: str
) -> None:
    response = graph.get("/me/contacts", params=params)
    assert response.status_code == 400
    assert error_code(response) == code
    assert words in response.json()["error"]["message"]


def test_filter_and_count_on_contacts(graph: httpx.Client) -> None:
    everyone = follow(graph, "/me/contacts", {"$select": "categories", "$top": "1000"})
    vip = sum(1 for c in everyone if "VIP" in c["categories"])  # type: ignore[operator]
    response = graph.get(
        "/me/contacts", params={"$filter": "categories/any(c: c eq 'VIP')", "$count": "true", "$top": "1000"}
    )
    assert response.status_code == 200
    assert response.json()["@odata.count"] == vip == len(response.json()["value"])


def test_generated_contacts_are_deterministic_and_load_in_bulk(
    service: GraphService, graph: httpx.Client
) -> None:
    first = list(generate_contacts("mailbox", 50, seed=7))
    assert first == list(generate_contacts("mailbox", 50, seed=7))
    assert first != list(generate_contacts("mailbox", 50, seed=8))
    folder = service.load_contacts(DEMO_USER, 2_500, seed=1, folder="Benchmark")
    contacts = follow(
        graph, f"/me/contactFolders/{folder}/contacts", {"$select": "displayName", "$top": "1000"}
    )
    assert len(contacts) == 2_500
