"""Which address a recipient with several gets: the first, all, the n-th, or the first in a domain.

A contact of an address book has a list of addresses; a row of a file exported from Outlook or
Google has several address columns ("E-mail Address", "E-mail 2 Address", ...), and a Google cell
may list several values separated by `` ::: ``. Both choose the same way, with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from securemailmerge.errors import InputError
from securemailmerge.i18n import translate

_INDEX = re.compile(r"[1-9]\d*")


@dataclass(frozen=True)
class AddressChoice:
    """Which address a contact with several gets: the first, all, the n-th, or the first in a domain.

    When the n-th address or one in the domain does not exist, the contact's first address is used.
    """

    mode: str = "first"  # "first", "all", "index" or "domain"
    index: int = 1
    domain: str = ""

    @classmethod
    def parse(cls, text: str) -> AddressChoice:
        """``first``, ``all``, a number (``2``: the second address) or a domain (``@example.de``)."""
        value = text.strip()
        if value.casefold() in {"first", "all"}:
            return cls(value.casefold())
        if _INDEX.fullmatch(value):
            return cls("index", index=int(value))
        domain = value.removeprefix("@").strip().casefold()
        if value.startswith("@") and "." in domain and not set(domain) & set(" @/,;"):
            return cls("domain", domain=domain)
        raise InputError(
            translate(
                "AddressBook",
                "{value!r} does not say which address to use: write first, all, a number such as 2, or a "
                "domain such as @example.com.",
            ).format(value=text),
            field="address",
        )

    def chosen(self, emails: Sequence[str]) -> list[int]:
        """The positions of the addresses to use among ``emails`` (none when there is none)."""
        if not emails:
            return []
        if self.mode == "all":
            return list(range(len(emails)))
        if self.mode == "index":
            return [self.index - 1 if self.index <= len(emails) else 0]
        if self.mode == "domain":
            wanted = self.domain
            for position, email in enumerate(emails):
                domain = email.rpartition("@")[2].casefold()
                if domain == wanted or domain.endswith("." + wanted):
                    return [position]
        return [0]

    def pick(self, emails: Sequence[str]) -> list[str]:
        """The addresses to use among ``emails`` (none when the contact has none)."""
        return [emails[position] for position in self.chosen(emails)]


FIRST_ADDRESS = AddressChoice()
"""The default: each recipient gets their first address."""
