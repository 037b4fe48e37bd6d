"""The app asks for exactly the Graph permissions of DESIGN.md section 2, each with a reason to show."""

from __future__ import annotations

import pytest

from securemailmerge import i18n
from securemailmerge.m365.scopes import SCOPE_REASONS, SCOPES, scope_reason, scope_reasons

# Growing this list needs a DESIGN.md change and a security review first.
EXPECTED = [
    "User.Read",
    "Contacts.Read",
    "Contacts.Read.Shared",
    "Calendars.Read.Shared",
    "MailboxSettings.Read",
    "Mail.ReadWrite",
    "Mail.Send",
    "Mail.Send.Shared",
]


def test_the_requested_scopes_are_exactly_the_designed_ones() -> None:
    assert list(SCOPES) == EXPECTED


@pytest.mark.parametrize("reserved", ["openid", "profile", "offline_access"])
def test_reserved_scopes_are_never_requested(reserved: str) -> None:
    assert reserved not in SCOPES


@pytest.mark.parametrize(
    ("scope", "words"),
    [
        ("User.Read", "wrong mailbox"),
        ("Contacts.Read", "all of its contact folders"),
        ("Contacts.Read.Shared", "shared mailbox"),
        ("Calendars.Read.Shared", "calendar"),
        ("MailboxSettings.Read", "time zone"),
        ("Mail.ReadWrite", "drafts"),
        ("Mail.Send", "your own mailbox"),
        ("Mail.Send.Shared", "on behalf of a shared mailbox"),
    ],
)
def test_every_scope_has_its_reason(scope: str, words: str) -> None:
    assert words in scope_reason(scope)


def test_reasons_go_through_the_translator_in_the_scopes_context() -> None:
    seen: list[tuple[str, str]] = []

    def translator(context: str, source: str) -> str:
        seen.append((context, source))
        return f"[{context}] {source}"

    i18n.set_translator(translator)
    try:
        listed = scope_reasons()
    finally:
        i18n.set_translator(None)
    assert [scope for scope, _ in listed] == EXPECTED
    assert seen == [("Scopes", SCOPE_REASONS[scope]) for scope in EXPECTED]
    assert listed[0][1] == "[Scopes] " + SCOPE_REASONS["User.Read"]


def test_a_scope_the_app_never_asks_for_has_no_reason() -> None:
    with pytest.raises(KeyError):
        scope_reason("Mail.Read")
