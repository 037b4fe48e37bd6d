"""The profile and time zone are read as Graph gives them; an empty address is said, never guessed."""

from __future__ import annotations

import pytest

from securemailmerge.errors import (
    AccessDeniedError,
    GraphError,
    InputError,
    MailboxNotEnabledError,
    NotFoundError,
    ThrottledError,
)
from securemailmerge.m365.mailbox import (
    MailboxRef,
    MailboxSettings,
    Profile,
    Sender,
    choose_sender,
    explain,
    load_mailbox_settings,
    load_profile,
    no_mail_text,
)
from tests.helpers import FakeGraph, error, graph_for

ADA = {
    "id": "3f2a9c1e",
    "displayName": "Ada Lovelace",
    "mail": "ada@contoso.com",
    "userPrincipalName": "ada.lovelace@contoso.onmicrosoft.com",
}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (ADA, Profile("3f2a9c1e", "Ada Lovelace", "ada.lovelace@contoso.onmicrosoft.com", "ada@contoso.com")),
        (
            {**ADA, "mail": None},
            Profile("3f2a9c1e", "Ada Lovelace", "ada.lovelace@contoso.onmicrosoft.com", None),
        ),
        (
            {**ADA, "mail": "  "},
            Profile("3f2a9c1e", "Ada Lovelace", "ada.lovelace@contoso.onmicrosoft.com", None),
        ),
        (
            {**ADA, "displayName": None},
            Profile(
                "3f2a9c1e",
                "ada.lovelace@contoso.onmicrosoft.com",
                "ada.lovelace@contoso.onmicrosoft.com",
                "ada@contoso.com",
            ),
        ),
    ],
)
def test_the_profile_is_read_from_me_with_select(answer: dict[str, object], expected: Profile) -> None:
    fake = FakeGraph({"/me": answer})
    with graph_for(fake) as graph:
        assert load_profile(graph) == expected
    assert fake.requests[0].url.params["$select"] == "id,displayName,mail,userPrincipalName"
    assert fake.problems == []


def test_an_account_without_mail_is_told_so_instead_of_using_its_account_name() -> None:
    profile = Profile("1", "Kiosk", "kiosk@contoso.onmicrosoft.com", None)
    with pytest.raises(InputError) as caught:
        profile.require_mail()
    assert "The account kiosk@contoso.onmicrosoft.com has no email address in Microsoft 365" in str(
        caught.value
    )
    assert caught.value.field == "mail"
    assert MailboxRef.mine(profile) == MailboxRef("kiosk@contoso.onmicrosoft.com", own=True)
    assert Profile("1", "Ada", "ada@x.onmicrosoft.com", "ada@x.com").require_mail() == "ada@x.com"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"timeZone": "W. Europe Standard Time"}, "W. Europe Standard Time"),
        ({"timeZone": ""}, None),
        ({}, None),
    ],
)
def test_the_time_zone_comes_from_the_mailbox_settings(answer: dict[str, str], expected: str | None) -> None:
    fake = FakeGraph({"/me/mailboxSettings": answer})
    with graph_for(fake) as graph:
        assert load_mailbox_settings(graph, Profile("1", "Ada", "ada", "ada@x.com")) == MailboxSettings(
            expected
        )
    assert fake.requests[0].url.params["$select"] == "timeZone"
    assert fake.problems == []


def test_mailbox_settings_of_a_mailbox_outside_exchange_online_say_so() -> None:
    fake = FakeGraph({"/me/mailboxSettings": error(404, "MailboxNotEnabledForRESTAPI")})
    with graph_for(fake) as graph, pytest.raises(MailboxNotEnabledError) as caught:
        load_mailbox_settings(graph, Profile("1", "Ada", "ada@x.onmicrosoft.com", None))
    assert str(caught.value).startswith(
        "The mailbox ada@x.onmicrosoft.com is not in Exchange Online (it is on-premises, inactive or not "
        "licensed), so the mailbox settings cannot be read (MailboxNotEnabledForRESTAPI)."
    )


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("sales@contoso.com", "/users/sales@contoso.com"),
        ("  Sales@Contoso.com ", "/users/Sales@Contoso.com"),
        ("o'neil+news@contoso.com", "/users/o%27neil%2Bnews@contoso.com"),
        ("vertrieb@bäckerei.de", "/users/vertrieb@b%C3%A4ckerei.de"),
    ],
)
def test_a_shared_mailbox_is_addressed_under_users(text: str, path: str) -> None:
    assert MailboxRef.shared(text).path == path
    assert not MailboxRef.shared(text).own


@pytest.mark.parametrize(
    "text",
    ["sales", "", "sales@contoso", "a b@contoso.com", "x@y.com/../me", "x@y.com?$top=1", "@contoso.com"],
)
def test_a_mailbox_name_that_is_not_an_address_is_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"is not a mailbox address such as sales@contoso\.com") as caught:
        MailboxRef.shared(text)
    assert caught.value.field == "mailbox"


SHARED = MailboxRef("sales@contoso.com", own=False)
MINE = MailboxRef("ada@contoso.com", own=True)


def graph_error(kind: type[GraphError], status: int, code: str) -> GraphError:
    return kind("Graph's words", status=status, code=code, request_id="r-9", client_request_id="c-1")


@pytest.mark.parametrize(
    ("error", "mailbox", "expected"),
    [
        (
            graph_error(AccessDeniedError, 403, "ErrorAccessDenied"),
            SHARED,
            "You have no right to read the list of the mailbox sales@contoso.com (ErrorAccessDenied). "
            "Ask its owner or your administrator for the right. Request id: r-9.",
        ),
        (
            graph_error(AccessDeniedError, 403, "ErrorAccessDenied"),
            MINE,
            "Reading the list of your mailbox ada@contoso.com was refused (ErrorAccessDenied): the app lacks "
            "the permission Some.Read. Ask your administrator to grant it (see the README on registering the "
            "app). Request id: r-9.",
        ),
        (
            graph_error(NotFoundError, 404, "ErrorInvalidUser"),
            SHARED,
            "There is no mailbox sales@contoso.com in your organisation, or it is hidden from you "
            "(ErrorInvalidUser); check the address. Request id: r-9.",
        ),
        (
            graph_error(MailboxNotEnabledError, 404, "MailboxNotEnabledForRESTAPI"),
            SHARED,
            "The mailbox sales@contoso.com is not in Exchange Online (it is on-premises, inactive or not "
            "licensed), so the list cannot be read (MailboxNotEnabledForRESTAPI). Request id: r-9.",
        ),
    ],
)
def test_refusals_are_explained_with_the_mailbox_and_the_right(
    error: GraphError, mailbox: MailboxRef, expected: str
) -> None:
    explained = explain(error, mailbox, "the list", permission="Some.Read", right="the right")
    assert str(explained) == expected
    assert type(explained) is type(error)
    assert (explained.status, explained.code, explained.request_id, explained.client_request_id) == (
        error.status,
        error.code,
        "r-9",
        "c-1",
    )


def test_other_errors_pass_through_unchanged() -> None:
    throttled = graph_error(ThrottledError, 429, "ApplicationThrottled")
    assert explain(throttled, SHARED, "the list", permission="Some.Read") is throttled


def test_profile_requests_match_graphs_schema() -> None:
    fake = FakeGraph({"/me": ADA, "/me/mailboxSettings": {"timeZone": "UTC"}})
    with graph_for(fake) as graph:
        load_mailbox_settings(graph, load_profile(graph))
    assert [r.url.path for r in fake.requests] == ["/v1.0/me", "/v1.0/me/mailboxSettings"]
    assert fake.problems == []


def test_the_sender_is_the_own_primary_address_never_the_account_name() -> None:
    ada = Profile("3f2a9c1e", "Ada Lovelace", "ada.lovelace@contoso.onmicrosoft.com", "ada@contoso.com")
    assert choose_sender(ada) == Sender("ada@contoso.com", MailboxRef("ada@contoso.com", own=True))
    assert choose_sender(ada, "  ") == choose_sender(ada)


def test_a_shared_mailbox_sends_under_its_own_address() -> None:
    ada = Profile("3f2a9c1e", "Ada Lovelace", "ada.lovelace@contoso.onmicrosoft.com", "ada@contoso.com")
    assert choose_sender(ada, " sales@contoso.com ") == Sender(
        "sales@contoso.com", MailboxRef("sales@contoso.com", own=False)
    )
    with pytest.raises(InputError, match="'sales' is not a mailbox address"):
        choose_sender(ada, "sales")


def test_an_account_without_a_mailbox_has_no_sender_and_is_told_why() -> None:
    nobody = Profile("1", "Guest", "guest@contoso.onmicrosoft.com", None)
    with pytest.raises(InputError) as raised:
        choose_sender(nobody)
    assert raised.value.message == no_mail_text("guest@contoso.onmicrosoft.com")
    # A shared mailbox needs no mailbox of one's own.
    assert choose_sender(nobody, "sales@contoso.com").address == "sales@contoso.com"
