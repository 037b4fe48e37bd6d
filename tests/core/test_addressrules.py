"""The address rules written out match email-validator's, and a plain domain is one it accepts unchanged."""

from __future__ import annotations

import email_validator
import email_validator.rfc_constants as rfc
from email_validator import EmailNotValidError, validate_email
from hypothesis import assume, given, settings, strategies as st

from securemailmerge.recipients import addressrules


def test_the_constants_are_email_validators_own() -> None:
    assert addressrules.ATEXT == rfc.ATEXT
    assert addressrules.DOT_ATOM_TEXT.pattern == rfc.DOT_ATOM_TEXT.pattern
    assert tuple(rfc.CASE_INSENSITIVE_MAILBOX_NAMES) == addressrules.CASE_INSENSITIVE_MAILBOX_NAMES
    assert addressrules.EMAIL_MAX_LENGTH == rfc.EMAIL_MAX_LENGTH
    assert set(email_validator.SPECIAL_USE_DOMAIN_NAMES) <= addressrules.SPECIAL_USE_DOMAIN_NAMES


def test_the_international_local_part_takes_the_characters_email_validator_takes() -> None:
    every = [chr(code) for code in range(0x110000)]
    ours = [char for char in every if addressrules.DOT_ATOM_TEXT_INTL.match(char)]
    assert ours == [char for char in every if rfc.DOT_ATOM_TEXT_INTL.match(char)]
    for text in ("a.b", "ä.ö", "a..b", ".a", "a.", "a b", "ü@x", "a.\u00e9", "a.\x7f"):
        assert bool(addressrules.DOT_ATOM_TEXT_INTL.match(text)) == bool(
            rfc.DOT_ATOM_TEXT_INTL.match(text)
        ), text


def _as_email_validator_gives_it(domain: str) -> tuple[str, str] | None:
    try:
        result = validate_email("a@" + domain, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.domain, result.ascii_domain


_LABEL = st.one_of(
    st.text(st.sampled_from("abz09-AZ_ä"), min_size=0, max_size=8),
    st.sampled_from(
        ["xn--p1ai", "ab--cd", "a" * 63, "b" * 64, "-a", "a-", "localhost", "test", "onion", "123"]
    ),
)
_DOMAIN = st.lists(_LABEL, min_size=1, max_size=5).map(".".join)


@settings(max_examples=1000, deadline=None)
@given(domain=st.one_of(_DOMAIN, st.sampled_from([".".join(["a" * 60] * 4) + ".de", "example.com", "com"])))
def test_a_plain_domain_is_accepted_by_email_validator_unchanged(domain: str) -> None:
    if addressrules.plain_domain(domain):
        assert _as_email_validator_gives_it(domain) == (domain, domain)


@settings(max_examples=300, deadline=None)
@given(domain=_DOMAIN)
def test_a_plain_domain_in_capitals_is_accepted_lower_cased(domain: str) -> None:
    shouted = domain.upper()
    if addressrules.plain_domain(domain):
        assert _as_email_validator_gives_it(shouted) == (domain, domain)


def test_the_common_domains_are_plain_and_the_unusual_are_not() -> None:
    assert all(map(addressrules.plain_domain, ["example.com", "mail.example.co.uk", "t-online.de", "web.de"]))
    unusual = [
        "Example.com",
        "xn--mller-kva.de",
        "müller.de",
        "localhost",
        "a.test",
        "1.2.3.4",
        "de",
        "a_b.de",
    ]
    assert not any(map(addressrules.plain_domain, unusual))


@settings(max_examples=2000, deadline=None)
@given(
    local=st.text(st.characters(max_codepoint=127), max_size=12),
    domain=st.sampled_from(["example.com", "bäckerei.example", "a..b"]),
)
def test_an_ascii_local_part_that_is_no_dot_atom_is_refused_by_email_validator(
    local: str, domain: str
) -> None:
    assume(not addressrules.DOT_ATOM_TEXT.match(local))
    try:
        validate_email(f"{local}@{domain}", check_deliverability=False)
    except EmailNotValidError:
        return
    raise AssertionError(f"email-validator takes {local!r}@{domain}")


_INTERNATIONAL_LABEL = st.one_of(
    st.text(st.sampled_from("abz09-äöüßñçéøåłœςяшαβ一ا"), min_size=1, max_size=10),
    st.text(st.characters(categories=["Ll", "Lo", "Lu", "Mn", "Nd"]), min_size=1, max_size=6),
    st.sampled_from(["müller", "bäckerei-groß", "xn--mller-kva", "ab--cd", "straße", "ǆ", "ﬁ", "ǅ"]),
)


@settings(max_examples=1500, deadline=None)
@given(
    labels=st.lists(_INTERNATIONAL_LABEL, min_size=1, max_size=3),
    top=st.sampled_from(["de", "es", "example", "com", "test", "local", "xn--p1ai", "ü"]),
)
def test_an_international_domain_is_given_the_forms_email_validator_gives(
    labels: list[str], top: str
) -> None:
    domain = ".".join([*labels, top])
    ours = addressrules.international_domain(domain)
    if ours is not None:
        assert ours == _as_email_validator_gives_it(domain), domain


def test_the_common_international_domains_take_the_quick_way() -> None:
    for domain in ("bäckerei-groß.example", "müller.de", "peña.es", "école.fr", "łódź.pl", "россия.рф.com"):
        assert addressrules.international_domain(domain) == _as_email_validator_gives_it(domain), domain
    for domain in ("Müller.de", "müller.test", "ﬁsch.de", "ab--ü.de", "müller", "a_ü.de"):
        assert addressrules.international_domain(domain) is None, domain
