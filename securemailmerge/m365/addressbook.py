"""Opening a mailbox's address book, choosing contacts from it, and turning them into a recipient list.

``open_address_book`` (``iter_open_address_book`` as it goes, folder by folder) loads what a front end
shows for the signed-in profile: the contacts of the
user's or a shared mailbox, its categories (or why they could not be read) and the license outcome.
``select_contacts`` filters by categories (any or all of them), by folder (with or without its
subfolders) and by text (names, company, email and postal address), ignoring case and accents.
``recipient_list`` turns the chosen contacts into rows with the same merge fields a file's columns
give (``MERGE_FIELDS``) and passes them through ``build_recipient_list``, so validation, duplicates
and problems work exactly as for a CSV file: a contact without an address is reported there
("no email address"), never silently dropped. The row number is the contact's position in the
selection, and the source names the mailbox ("Contacts of sales@contoso.com").
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from securemailmerge.errors import GraphError, InputError
from securemailmerge.i18n import translate
from securemailmerge.m365.categories import CategoryList, load_categories
from securemailmerge.m365.contacts import AddressBook, Contact, FolderLoaded, iter_address_book
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.license import LicenseStatus, check_license
from securemailmerge.m365.mailbox import MailboxRef, Profile
from securemailmerge.m365.net import HttpFactory
from securemailmerge.recipients.builder import build_recipient_list
from securemailmerge.recipients.choice import FIRST_ADDRESS, AddressChoice as AddressChoice
from securemailmerge.recipients.model import RecipientList, RecipientOptions

MERGE_FIELDS = (
    "FirstName",
    "LastName",
    "DisplayName",
    "Email",
    "Company",
    "JobTitle",
    "Department",
    "Categories",
    "MobilePhone",
    "BusinessPhone",
    "HomePhone",
    "Street",
    "City",
    "PostalCode",
    "State",
    "CountryOrRegion",
    "Title",
    "MiddleName",
    "NickName",
    "Birthday",
    "Folder",
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class OpenedAddressBook:
    """A mailbox's contacts with what the user should be told about them."""

    profile: Profile
    book: AddressBook
    categories: CategoryList | None
    category_problem: str | None  # why the categories could not be read; they only help filtering
    license: LicenseStatus


def iter_open_address_book(
    graph: GraphClient, factory: HttpFactory, profile: Profile, shared_mailbox: str | None = None
) -> Iterator[FolderLoaded | OpenedAddressBook]:
    """Load the user's (or ``shared_mailbox``'s) contacts, a ``FolderLoaded`` per folder, then the book.

    The categories are read and the license is checked after the last folder; stop iterating to cancel.
    """
    mailbox = MailboxRef.shared(shared_mailbox) if shared_mailbox else MailboxRef.mine(profile)
    for event in iter_address_book(graph, mailbox):
        if isinstance(event, FolderLoaded):
            yield event
            continue
        book = event.book
        try:
            categories, problem = load_categories(graph, book.mailbox, book.contacts), None
        except GraphError as error:
            categories, problem = None, error.message
        yield OpenedAddressBook(profile, book, categories, problem, check_license(factory, profile.mail))


def open_address_book(
    graph: GraphClient, factory: HttpFactory, profile: Profile, shared_mailbox: str | None = None
) -> OpenedAddressBook:
    """Load the user's (or ``shared_mailbox``'s) contacts and categories, and check the license."""
    last = deque(iter_open_address_book(graph, factory, profile, shared_mailbox), maxlen=1)[0]
    assert isinstance(last, OpenedAddressBook)
    return last


def fold(text: str) -> str:
    """``text`` for comparing as people read it: without case and accents (``Peña`` = ``pena``)."""
    # Compatibility forms (full-width, mathematical letters) fold to their plain letter first, and
    # casefolding can produce new combining marks ("İ" -> "i̇"), hence normalising on both sides.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class ContactFilter:
    """Which contacts to keep; an empty filter keeps them all."""

    categories: tuple[str, ...] = ()
    match_all: bool = False
    folder: str | None = None
    subfolders: bool = True
    search: str = ""

    def folder_path(self) -> tuple[str, ...] | None:
        """The folder as a path (``()`` for the default Contacts folder, written ``/``), or None for all."""
        if self.folder is None:
            return None
        return tuple(part.strip() for part in self.folder.split("/") if part.strip())


def select_contacts(book: AddressBook, wanted: ContactFilter) -> list[Contact]:
    """The contacts of ``book`` that pass ``wanted``, in the book's order."""
    path = wanted.folder_path()
    if path is not None:
        known = {tuple(fold(p) for p in folder.path) for folder in book.folders}
        if tuple(fold(p) for p in path) not in known:
            raise InputError(_unknown_folder(book, wanted.folder or ""), field="folder")
    folded_path = None if path is None else tuple(fold(p) for p in path)
    categories = [fold(name) for name in wanted.categories if name.strip()]
    words = fold(wanted.search).split()
    chosen = []
    for contact in book.contacts:
        if folded_path is not None and not _in_folder(contact, folded_path, wanted.subfolders):
            continue
        if categories and not _has_categories(contact, categories, wanted.match_all):
            continue
        if words and not _matches(contact, words):
            continue
        chosen.append(contact)
    return chosen


def _unknown_folder(book: AddressBook, name: str) -> str:
    names = ", ".join(folder.name or "/" for folder in book.folders)
    return translate(
        "AddressBook",
        "{source} has no contact folder {folder!r}. Its folders are: {folders} (/ is Contacts).",
    ).format(source=book.source, folder=name, folders=names)


def _in_folder(contact: Contact, path: tuple[str, ...], subfolders: bool) -> bool:
    own = tuple(fold(p) for p in contact.folder.path)
    return own == path or (subfolders and own[: len(path)] == path)


def _has_categories(contact: Contact, wanted: list[str], match_all: bool) -> bool:
    present = {fold(name) for name in contact.categories}
    hits = [name in present for name in wanted]
    return all(hits) if match_all else any(hits)


def _matches(contact: Contact, words: list[str]) -> bool:
    fields = ("displayName", "givenName", "surname", "middleName", "nickName", "companyName")
    parts = [contact.text(name) for name in fields]
    parts.extend(contact.emails)
    address = contact.data.get("businessAddress")
    if isinstance(address, dict):
        parts.extend(str(value) for value in address.values() if isinstance(value, str))
    haystack = fold(" ".join(parts))
    return all(word in haystack for word in words)


def contact_row(contact: Contact, choice: AddressChoice = FIRST_ADDRESS) -> tuple[str, ...]:
    """The cells of one contact in the order of ``MERGE_FIELDS``."""
    address = contact.data.get("businessAddress")
    postal = address if isinstance(address, dict) else {}
    birthday = contact.text("birthday")[:10]
    return (
        contact.text("givenName"),
        contact.text("surname"),
        contact.display_name,
        "; ".join(choice.pick(contact.emails)),
        contact.text("companyName"),
        contact.text("jobTitle"),
        contact.text("department"),
        "; ".join(contact.categories),
        contact.text("mobilePhone"),
        _first(contact.data.get("businessPhones")),
        _first(contact.data.get("homePhones")),
        *(_plain(postal.get(part)) for part in ("street", "city", "postalCode", "state", "countryOrRegion")),
        contact.text("title"),
        contact.text("middleName"),
        contact.text("nickName"),
        birthday if _DATE.fullmatch(birthday) else "",
        contact.folder.name,
    )


def _first(values: object) -> str:
    if isinstance(values, list):
        return next((text for value in values if (text := _plain(value))), "")
    return ""


def _plain(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def recipient_list(
    book: AddressBook,
    contacts: Iterable[Contact],
    choice: AddressChoice = FIRST_ADDRESS,
    *,
    keep_invalid: bool = False,
    keep_duplicates: bool = False,
) -> RecipientList:
    """The chosen contacts as a checked recipient list, numbered by their position (1, 2, ...)."""
    rows = ((position, contact_row(contact, choice)) for position, contact in enumerate(contacts, start=1))
    checked = RecipientOptions(
        email_column="Email", keep_invalid=keep_invalid, keep_duplicates=keep_duplicates
    )
    details = {"mailbox": book.mailbox.address, "contacts": str(len(book.contacts))}
    return build_recipient_list(book.source, MERGE_FIELDS, rows, checked, details=details)


def without_address(contacts: Iterable[Contact]) -> list[Contact]:
    """The contacts that have no email address at all (they cannot receive a message)."""
    return [contact for contact in contacts if not contact.emails]
