"""Outlook's master category list of a mailbox, with a fallback for shared mailboxes that hide it.

``GET .../outlook/masterCategories`` needs MailboxSettings.Read in one's own mailbox. A shared
mailbox keeps the list in a hidden item of its Calendar folder, so reading it needs
Calendars.Read.Shared and at least reviewer rights on that calendar; many users have full access
to a shared mailbox's contacts but not that. Then (403) ``load_categories`` falls back to the
categories found on the mailbox's contacts and says so in ``CategoryList.notice``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from securemailmerge.errors import AccessDeniedError, GraphError
from securemailmerge.i18n import translate
from securemailmerge.m365.contacts import Contact
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.mailbox import MailboxRef, explain


@dataclass(frozen=True)
class Category:
    """One Outlook category: its name and its colour preset (``preset0``...; None when unknown)."""

    name: str
    color: str | None = None


@dataclass(frozen=True)
class CategoryList:
    """A mailbox's categories; ``from_contacts`` when they were gathered from contacts, with ``notice``."""

    mailbox: MailboxRef
    categories: tuple[Category, ...]
    from_contacts: bool = False
    notice: str | None = None

    @property
    def names(self) -> list[str]:
        """The category names in the mailbox's order."""
        return [category.name for category in self.categories]

    def missing(self, wanted: Iterable[str]) -> list[str]:
        """The names in ``wanted`` that are not categories of this mailbox (compared without case)."""
        known = {category.name.casefold() for category in self.categories}
        return [name for name in wanted if name.casefold() not in known]


def load_categories(
    graph: GraphClient, mailbox: MailboxRef, contacts: Iterable[Contact] = ()
) -> CategoryList:
    """The master categories of ``mailbox``; for a shared mailbox that denies them, those of ``contacts``."""
    try:
        items = list(
            graph.iter_collection(
                f"{mailbox.path}/outlook/masterCategories", params={"$select": "displayName,color"}
            )
        )
    except AccessDeniedError as error:
        if mailbox.own:
            raise _explained(error, mailbox) from None
        found = categories_on(contacts)
        notice = translate(
            "Categories",
            "The category list of {mailbox} cannot be read ({code}: your account has no reviewer rights "
            "on its calendar, where Outlook keeps the list). Showing the {count} categories found on its "
            "contacts instead.",
        ).format(mailbox=mailbox.address, code=error.code, count=len(found))
        return CategoryList(mailbox, found, from_contacts=True, notice=notice)
    except GraphError as error:
        raise _explained(error, mailbox) from None
    categories = tuple(category for item in items if (category := _category(item)) is not None)
    return CategoryList(mailbox, categories)


def categories_on(contacts: Iterable[Contact]) -> tuple[Category, ...]:
    """Every category used on ``contacts``, once each (first spelling wins), sorted without case."""
    found: dict[str, str] = {}
    for contact in contacts:
        for name in contact.categories:
            found.setdefault(name.casefold(), name)
    return tuple(Category(name) for _, name in sorted(found.items()))


def _explained(error: GraphError, mailbox: MailboxRef) -> GraphError:
    return explain(
        error,
        mailbox,
        translate("Categories", "the category list"),
        permission="MailboxSettings.Read",
        right=translate("Categories", "reviewer rights on its calendar"),
    )


def _category(item: Mapping[str, Any]) -> Category | None:
    name = item.get("displayName")
    if not isinstance(name, str) or not name.strip():
        return None
    color = item.get("color")
    return Category(name.strip(), color if isinstance(color, str) and color else None)
