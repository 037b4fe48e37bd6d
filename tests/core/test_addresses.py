"""Address cells split on ; and , (names with commas included), normalise as email-validator does,
and reject line breaks, missing @ signs and bad domains with a reason the user can read."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings, strategies as st

from securemailmerge.recipients.addresses import (
    BAD_DOMAIN,
    BAD_LOCAL,
    BAD_NAME,
    LINE_BREAK,
    NO_AT,
    Mailbox,
    normalise_address,
    parse_address_cell,
    plain_address,
    reason_text,
    split_addresses,
)


@pytest.mark.parametrize(
    ("cell", "pieces"),
    [
        ("", []),
        ("  ", []),
        (" ; , ", []),
        ("a@example.de", ["a@example.de"]),
        ("a@example.de; b@example.de", ["a@example.de", "b@example.de"]),
        ("a@example.de,b@example.de;c@example.de;", ["a@example.de", "b@example.de", "c@example.de"]),
        ('"Müller, Hans" <h@example.de>; b@example.de', ['"Müller, Hans" <h@example.de>', "b@example.de"]),
        (
            "Müller, Hans <h@example.de>, Ann <a@example.de>",
            ["Müller, Hans <h@example.de>", "Ann <a@example.de>"],
        ),
        ("nobody, a@example.de", ["nobody", "a@example.de"]),
        ('"a;b" <x@example.de>', ['"a;b" <x@example.de>']),
    ],
)
def test_cells_split_into_pieces(cell: str, pieces: list[str]) -> None:
    assert split_addresses(cell) == pieces


@pytest.mark.parametrize(
    ("cell", "good", "bad"),
    [
        ("Hans.Mueller@Example.COM", [Mailbox("Hans.Mueller@example.com")], []),
        ("Postmaster@Example.com", [Mailbox("postmaster@example.com")], []),
        ("jörg@münchen.de", [Mailbox("jörg@münchen.de")], []),
        ("a@XN--MNCHEN-3YA.de", [Mailbox("a@münchen.de")], []),
        ("Dr. Hans Müller <hans@example.de>", [Mailbox("hans@example.de", "Dr. Hans Müller")], []),
        ('"Weiß, Jürgen" <j@example.de>', [Mailbox("j@example.de", "Weiß, Jürgen")], []),
        ("<j@example.de>", [Mailbox("j@example.de")], []),
        ("a@example.de\n", [Mailbox("a@example.de")], []),
        ("a@example.de\r\nBcc: victim@example.com", [], [LINE_BREAK]),
        ("Hans\nMüller <h@example.de>", [], [LINE_BREAK]),
        ("Hans\x07 <h@example.de>", [], [BAD_NAME]),
        ("a@example.de\u2028b@example.de", [], [LINE_BREAK]),
        ("hans.example.de", [], [NO_AT]),
        ("a@localhost", [], [BAD_DOMAIN]),
        ("a@example..de", [], [BAD_DOMAIN]),
        ("a@-example.de", [], [BAD_DOMAIN]),
        ("a..b@example.de", [], [BAD_LOCAL]),
        ("a b@example.de", [], [BAD_LOCAL]),
        (
            "ok@example.de; kaputt@; b@example.es",
            [Mailbox("ok@example.de"), Mailbox("b@example.es")],
            [BAD_DOMAIN],
        ),
    ],
)
def test_pieces_parse_to_normalised_mailboxes_or_a_reason(
    cell: str, good: list[Mailbox], bad: list[str]
) -> None:
    parsed, rejected = parse_address_cell(cell)
    assert parsed == good
    assert [piece.reason for piece in rejected] == bad


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        (LINE_BREAK, "line break"),
        (NO_AT, "no @"),
        (BAD_DOMAIN, "after the @"),
        (BAD_LOCAL, "before the @"),
        (BAD_NAME, "control character"),
        ("syntax", "not written like an email address"),
    ],
)
def test_each_reason_reads_as_a_sentence(reason: str, words: str) -> None:
    assert words in reason_text(reason)


def _reference(address: str) -> str | None:
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


_LOCAL = st.text(st.sampled_from("abcXYZ09.+-_!#'~äßé\u0301\u00a0\u200b\"() "), min_size=0, max_size=12)
_LABEL = st.text(st.sampled_from("abcMNZ019-äü_"), min_size=0, max_size=8)
_TLD = st.sampled_from(["de", "COM", "es", "test", "localhost", "123", "xn--p1ai", "x", "онлайн"])
_DOMAIN = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(_LABEL, max_size=3), _TLD)


@settings(max_examples=200, deadline=None)
@given(local=_LOCAL, domain=_DOMAIN)
def test_the_fast_path_agrees_with_email_validator(local: str, domain: str) -> None:
    address = f"{local}@{domain}"
    ours = normalise_address(address)
    assert (ours if isinstance(ours, str) else None) == _reference(address)


@settings(max_examples=200, deadline=None)
@given(local=st.text(st.sampled_from("abcdefghij0123456789._-+"), min_size=1, max_size=70))
def test_long_and_odd_local_parts_agree_with_email_validator(local: str) -> None:
    address = f"{local}@example-{len(local)}.de"
    ours = normalise_address(address)
    assert (ours if isinstance(ours, str) else None) == _reference(address)


_ADDRESS = st.builds(
    "{}@{}.{}".format,
    st.text(st.sampled_from("abcdefxyz0123.-_+"), min_size=1, max_size=10).filter(
        lambda local: not local.startswith(".") and not local.endswith(".") and ".." not in local
    ),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=10),
    st.sampled_from(["de", "es", "com", "org"]),
)
_NAME = st.one_of(
    st.just(""),
    st.text(st.sampled_from("Hans Müller.Dr "), min_size=1, max_size=12).map(str.strip),
    st.text(st.sampled_from('Weiß, Jürgen;\\"'), min_size=1, max_size=12).map(str.strip),
)


def _written(name: str, address: str) -> str:
    """How a user (or Outlook) writes a name before an address: quoted when it holds a separator."""
    if not name:
        return address
    if any(char in name for char in ',;"\\'):
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}" <{address}>'
    return f"{name} <{address}>"


@settings(max_examples=200, deadline=None)
@given(
    entries=st.lists(st.tuples(_NAME, _ADDRESS), min_size=1, max_size=5),
    separators=st.lists(st.sampled_from([";", ",", "; ", " , ", ";\t", ";;"]), min_size=5, max_size=5),
)
def test_splitting_returns_every_address_with_its_name(
    entries: list[tuple[str, str]], separators: list[str]
) -> None:
    cell = "".join(
        _written(name, address) + separator
        for (name, address), separator in zip(entries, separators, strict=False)
    )
    parsed, rejected = parse_address_cell(cell)
    assert rejected == []
    assert [(box.name, box.address) for box in parsed] == [
        (name, address.lower()) for name, address in entries
    ]


@settings(max_examples=200, deadline=None)
@given(local=_LOCAL, domain=_DOMAIN, padding=st.sampled_from(["", " ", ";", "Name <"]))
def test_the_plain_cell_path_agrees_with_parsing_the_cell(local: str, domain: str, padding: str) -> None:
    cell = f"{padding}{local}@{domain}{'>' if padding.endswith('<') else ''}"
    good, bad = parse_address_cell(cell)
    plain = plain_address(cell)
    if plain is not None:
        assert (good, bad) == ([Mailbox(plain)], [])


def test_the_plain_cell_path_takes_the_common_cells_only() -> None:
    assert plain_address("Anna.Weiss@Example.DE") == "Anna.Weiss@example.de"
    cell = "anna@example.de"
    assert plain_address(cell) is cell, "an address already normalised is kept as the same string"
    assert [plain_address(c) for c in ("Anna <a@example.de>", "a@example.de; b@example.de", "a@x", "")] == [
        None
    ] * 4
