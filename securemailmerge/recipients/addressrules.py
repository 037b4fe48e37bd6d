"""The letters and limits of an email address as email-validator has them, without importing it.

Importing email-validator compiles its many regular expressions, a good part of the start of a
small ``check``. The few of its constants the fast paths need are written here (a test holds
them equal to email-validator's own), and ``plain_domain`` vouches for the common domain, so that
email-validator is imported only for an address the fast paths cannot vouch for.
"""

from __future__ import annotations

import re

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
