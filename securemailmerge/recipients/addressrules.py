"""The letters and limits of an email address as email-validator has them, without importing it.

Importing email-validator compiles its many regular expressions, a good part of the start of a
small ``check``. The few of its constants the fast paths need are written here (a test holds
them equal to email-validator's own), and ``plain_domain`` vouches for the common domain, so that
email-validator is imported only for an address the fast paths cannot vouch for.
"""

from __future__ import annotations

import re
import unicodedata

# RFC 5322 atext, as a character class body (email_validator.rfc_constants.ATEXT).
ATEXT = r"a-zA-Z0-9_!#\$%&\'\*\+\-/=\?\^`\{\|\}~"
DOT_ATOM_TEXT = re.compile("[" + ATEXT + "]+(?:\\.[" + ATEXT + "]+)*\\Z")
# Any character beyond ASCII may also be in an internationalised local part (RFC 6531). The class is
# written as what it leaves out (the ASCII that is not atext), which compiles in a fraction of a
# millisecond where email-validator's range up to U+10FFFF takes 10 ms; a test holds both equal.
_ATEXT_INTL = r'[^\x00-\x20"(),.:;<>@\[\\\]\x7f]'
DOT_ATOM_TEXT_INTL = re.compile(_ATEXT_INTL + r"+(?:\." + _ATEXT_INTL + r"+)*\Z")
# Role names whose local part email-validator lower-cases.
CASE_INSENSITIVE_MAILBOX_NAMES = (
    "info",
    "marketing",
    "sales",
    "support",
    "abuse",
    "noc",
    "security",
    "postmaster",
    "hostmaster",
    "usenet",
    "news",
    "webmaster",
    "www",
    "uucp",
    "ftp",
)
EMAIL_MAX_LENGTH = 254
# Domains email-validator refuses as not reachable on the internet (RFC 6761 and friends).
SPECIAL_USE_DOMAIN_NAMES = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})

# Lower-case ASCII labels of at most 63 letters, digits and inner hyphens, under a top-level
# domain of letters only: a strict part of what email-validator accepts unchanged.
_PLAIN_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
# Leaves room for "a@" within EMAIL_MAX_LENGTH, as the domain is checked in an address.
_PLAIN_DOMAIN_MAX_LENGTH = 250


def plain_domain(domain: str) -> bool:
    """Whether ``domain`` is one email-validator surely accepts and gives back unchanged: several
    lower-case ASCII labels, no ``--`` (Punycode and its look-alikes take the long way), a top-level
    domain of letters that is not reserved, and short enough."""
    return (
        len(domain) <= _PLAIN_DOMAIN_MAX_LENGTH
        and _PLAIN_DOMAIN.fullmatch(domain) is not None
        and "--" not in domain
        and domain.rpartition(".")[2] not in SPECIAL_USE_DOMAIN_NAMES
    )


# Labels of lower-case letters (any script written left to right), digits and inner hyphens, under
# a top-level domain of ASCII letters: the common internationalised domain, such as müller.de.
_INTERNATIONAL_DOMAIN = re.compile(r"(?:[^\W_](?:[^\W_]|-){0,62}\.)+[a-z]{2,63}")


def international_domain(domain: str) -> tuple[str, str] | None:
    """The Unicode and IDNA forms email-validator gives a common internationalised domain
    (lower-case letters, already normalised, valid IDNA 2008), or None for any other domain, which
    email-validator then decides on."""
    if domain.isascii() or len(domain) > _PLAIN_DOMAIN_MAX_LENGTH:
        return None
    if _INTERNATIONAL_DOMAIN.fullmatch(domain) is None or "--" in domain:
        return None
    if not unicodedata.is_normalized("NFC", domain) or any(
        not char.isascii() and (unicodedata.category(char) != "Ll" or unicodedata.bidirectional(char) != "L")
        for char in domain
    ):
        return None
    import idna  # already loaded by the message writer, which encodes such domains too

    try:
        if idna.uts46_remap(domain, std3_rules=False, transitional=False) != domain:
            return None
        ascii_domain = idna.encode(domain).decode("ascii")
        if idna.decode(ascii_domain) != domain:
            return None
    except idna.IDNAError:
        return None
    # IDNA has refused labels that are too long or end in a hyphen; the whole must leave room for "a@".
    if len(ascii_domain) > _PLAIN_DOMAIN_MAX_LENGTH or domain.rpartition(".")[2] in SPECIAL_USE_DOMAIN_NAMES:
        return None
    return domain, ascii_domain
