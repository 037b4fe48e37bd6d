"""Against the sandbox over HTTPS with real msal: nested, shared and faulty address books load completely."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from securemailmerge import paths
from securemailmerge.errors import AccessDeniedError, MailboxNotEnabledError, SignInRequired
from securemailmerge.m365.auth import Session
from securemailmerge.m365.categories import categories_on, load_categories
from securemailmerge.m365.contacts import load_address_book
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.mailbox import MailboxRef, load_profile
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryEvent, Throttled
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import (
    BOARD,
    BOARD_ID,
    DEMO_USER,
    DEMO_USER_ID,
    SALES,
    SALES_ID,
    Mailbox,
    Rights,
)
from securemailmerge.sandbox.graph import generate_contacts
from securemailmerge.sandbox.graph.seed import CATEGORIES, add_contact_folder, add_contacts

pytestmark = pytest.mark.e2e

HR = "hr@contoso.onmicrosoft.com"  # shared, and Ada has no rights there
ARCHIVE = "archive@contoso.onmicrosoft.com"  # on-premises: not in Exchange Online
# (path, parent path, contacts): 2,000 contacts in nested folders, one of them across two pages.
NESTED = [
    (("Import",), (), 400),
    (("Import", "2024"), ("Import",), 1100),
    (("Import", "2024", "Q4"), ("Import", "2024"), 300),
    (("Messe",), (), 0),
    (("Messe", "Madrid"), ("Messe",), 200),
]


@dataclass
class Connected:
    """A signed-in session against the sandbox and the Graph client using it."""

    sandbox: Sandbox
    session: Session
    graph: GraphClient
    retries: list[RetryEvent]


def nested_sandbox(faults: str | None = None) -> Sandbox:
    """A sandbox (not started) whose directory also has a mailbox without rights and an on-premises one."""
    sandbox = Sandbox(faults=faults)
    sandbox.directory.add(
        Mailbox(id="5d6e7f80-0000-4000-8000-000000000001", upn=HR, display_name="HR", mail=HR, shared=True)
    )
    sandbox.directory.add(
        Mailbox(
            id="5d6e7f80-0000-4000-8000-000000000002",
            upn=ARCHIVE,
            display_name="Archive",
            mail=ARCHIVE,
            shared=True,
            cloud=False,
            rights={DEMO_USER_ID: Rights(full_access=True)},
        )
    )
    return sandbox


def add_nested_contacts(sandbox: Sandbox) -> None:
    """Put the 2,000 contacts of NESTED into Ada's mailbox."""
    store = sandbox.graph.emulator.store
    root = store.folder(DEMO_USER_ID, "contact", "contacts")
    assert root is not None
    made = {(): root.id}
    for seed, (path, parent, count) in enumerate(NESTED, start=100):
        made[path] = add_contact_folder(store, DEMO_USER_ID, path[-1], made[parent]).id
        add_contacts(store, DEMO_USER_ID, made[path], generate_contacts(DEMO_USER_ID, count, seed))


@contextmanager
def connected(sandbox: Sandbox) -> Iterator[Connected]:
    """Sign Ada in with a device code and connect to Graph, as the app does."""
    config = load_tenant_config(sandbox.tenant_config_path)
    factory = HttpFactory(config)
    retries: list[RetryEvent] = []
    with Session(config, factory) as session:
        session.sign_in_device_code(lambda prompt: sandbox.approve_device_code(prompt.user_code))
        with factory.client() as http:
            # Waits are recorded, not slept: the sandbox's faults do not depend on time.
            graph = GraphClient(
                http,
                config.graph_url,
                session,
                factory=factory,
                on_retry=retries.append,
                sleep=lambda _: None,
            )
            yield Connected(sandbox, session, graph, retries)


def stored_ids(sandbox: Sandbox, mailbox_id: str) -> list[str]:
    return [item.immutable_id for item in sandbox.graph.emulator.store.items(mailbox_id, "contact", None)]


def contact_pages() -> dict[str, int]:
    """How many GETs of a contacts collection the network log holds, by masked path."""
    pages: dict[str, int] = {}
    for line in (paths.log_dir() / "network.log").read_text("utf-8").splitlines():
        entry = json.loads(line)
        if entry["method"] == "GET" and entry["path"].endswith("/contacts") and entry["status"] == 200:
            pages[entry["path"]] = pages.get(entry["path"], 0) + 1
    return pages


def test_two_thousand_contacts_in_nested_folders_arrive_exactly_once_in_the_fewest_pages() -> None:
    with nested_sandbox() as sandbox:
        add_nested_contacts(sandbox)
        with connected(sandbox) as c:
            book = load_address_book(c.graph, MailboxRef.mine(load_profile(c.graph)))
        expected = stored_ids(sandbox, DEMO_USER_ID)
    loaded = [contact.id for contact in book.contacts]
    assert len(loaded) == len(set(loaded)) == len(expected) == 315 + 2000
    assert set(loaded) == set(expected)
    counts = book.folder_counts()
    for path, _, count in NESTED:
        assert counts["/".join(path)] == count
    assert book.source == f"Contacts of {DEMO_USER}"
    # One page per folder, two for the folder of 1,100: the minimum $top=1000 allows.
    minimum = sum(max(1, math.ceil(n / 1000)) for n in counts.values())
    assert sum(contact_pages().values()) == minimum == len(counts) + 1


def test_a_shared_mailbox_with_rights_loads_and_one_without_says_which_right_is_missing() -> None:
    with nested_sandbox() as sandbox, connected(sandbox) as c:
        sales = load_address_book(c.graph, MailboxRef.shared(SALES))
        assert sales.source == f"Contacts of {SALES}"
        assert sorted(contact.id for contact in sales.contacts) == sorted(stored_ids(sandbox, SALES_ID))
        assert sales.folder_counts() == {"": 60, "Leads": 30, "Leads/2024": 15}
        with pytest.raises(AccessDeniedError) as denied:
            load_address_book(c.graph, MailboxRef.shared(HR))
        with pytest.raises(MailboxNotEnabledError) as on_premises:
            load_address_book(c.graph, MailboxRef.shared(ARCHIVE))
    assert str(denied.value).startswith(
        f"You have no right to read the contacts of the mailbox {HR} (ErrorAccessDenied). Ask its owner or "
        "your administrator for full access to that mailbox"
    )
    assert denied.value.request_id
    assert str(on_premises.value).startswith(f"The mailbox {ARCHIVE} is not in Exchange Online")


def test_categories_are_read_where_allowed_and_gathered_from_contacts_where_denied() -> None:
    with nested_sandbox() as sandbox, connected(sandbox) as c:
        sales = load_categories(c.graph, MailboxRef.shared(SALES))
        mine = load_categories(c.graph, MailboxRef.mine(load_profile(c.graph)))
        board_book = load_address_book(c.graph, MailboxRef.shared(BOARD))
        board = load_categories(c.graph, board_book.mailbox, board_book.contacts)
    assert (sales.names, sales.from_contacts, sales.notice) == (
        [name for name, _ in CATEGORIES[SALES_ID]],
        False,
        None,
    )
    assert mine.names == [name for name, _ in CATEGORIES[DEMO_USER_ID]]
    assert board.from_contacts
    assert board.categories == categories_on(board_book.contacts)
    assert set(board.names) <= {name for name, _ in CATEGORIES[BOARD_ID]} | {"Alt-Kategorie"}
    assert board.notice is not None
    assert board.notice.startswith(f"The category list of {BOARD} cannot be read (ErrorAccessDenied")


@pytest.mark.parametrize(
    ("faults", "kinds"),
    [
        (
            "11:storm",
            {"ApplicationThrottled", "ConnectionDropped", "GatewayTimeout", "InvalidAuthenticationToken"},
        ),
        ("5:none,unavailable=0.3,throttle=0.1", {"ApplicationThrottled", "ErrorServerBusy"}),
    ],
)
def test_throttling_and_503_storms_lose_and_duplicate_no_contact(faults: str, kinds: set[str]) -> None:
    with nested_sandbox(faults) as sandbox:
        add_nested_contacts(sandbox)
        with connected(sandbox) as c:
            book = load_address_book(c.graph, MailboxRef.mine(load_profile(c.graph)))
            retries = list(c.retries)
        expected = stored_ids(sandbox, DEMO_USER_ID)
        errors = sandbox.graph.inspect.counters()["errors"][DEMO_USER]
    loaded = [contact.id for contact in book.contacts]
    assert len(loaded) == len(set(loaded)) == len(expected)
    assert set(loaded) == set(expected)
    assert kinds <= set(errors)  # the faults did happen, and were survived
    throttled = [event for event in retries if isinstance(event, Throttled)]
    # Every 429 waits its Retry-After; so does each 503 that carries one (Graph's sometimes do).
    assert errors["ApplicationThrottled"] <= len(throttled)
    assert len(throttled) <= errors["ApplicationThrottled"] + errors.get("ErrorServerBusy", 0)
    assert all(event.wait_seconds in {1, 2, 3} for event in throttled)  # the sandbox's Retry-After values


def test_a_revoked_refresh_token_asks_for_a_new_sign_in_while_loading_contacts() -> None:
    with nested_sandbox() as sandbox, connected(sandbox) as c:
        mine = MailboxRef.mine(load_profile(c.graph))
        sandbox.tokens.revoke_user(DEMO_USER_ID)
        sandbox.tokens.expire_access_tokens()
        with pytest.raises(SignInRequired, match="Please sign in again") as caught:
            load_address_book(c.graph, mine)
        assert caught.value.code == "invalid_grant"
        assert c.session.account is None
        # Signing in again is all it takes.
        c.session.sign_in_device_code(lambda prompt: sandbox.approve_device_code(prompt.user_code))
        assert len(load_address_book(c.graph, mine).contacts) == 315
