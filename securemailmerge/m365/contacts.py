"""The contacts of a mailbox, across every contact folder, read from Microsoft Graph.

``/contacts`` is only the default Contacts folder: ``load_address_book`` reads it, then walks
``contactFolders`` (the folders inside it) and each folder's ``childFolders`` depth first, so a
contact in ``Kunden/Spanien`` is found as well. Pages hold up to 1,000 contacts (the largest
``$top`` Graph allows), so 20,000 contacts take about 20 requests. Every request ``$select``s the
fields the app uses (never ``personalNotes``: private). ``iter_address_book`` reports each folder
as it is read (``FolderLoaded``) and can be stopped between folders. A contact seen twice
(Graph's paging is not a snapshot) is kept once. Graph's 403 and 404 answers become messages
that name the mailbox and the missing right (``securemailmerge.m365.mailbox.explain``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from securemailmerge.errors import GraphError
from securemailmerge.i18n import translate
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.mailbox import MailboxRef, explain

PAGE_SIZE = 1000  # Graph's largest $top for contacts and contact folders
CONTACT_FIELDS = (
    "givenName",
    "surname",
    "middleName",
    "nickName",
    "title",
    "displayName",
    "emailAddresses",
    "companyName",
    "jobTitle",
    "department",
    "categories",
    "mobilePhone",
    "businessPhones",
    "homePhones",
    "businessAddress",
    "birthday",
)
FOLDER_FIELDS = ("displayName",)


@dataclass(frozen=True)
class ContactFolder:
    """A contact folder and its path below the default Contacts folder (``()`` is that folder itself)."""

    id: str | None
    path: tuple[str, ...]

    @property
    def name(self) -> str:
        """The path as the user reads it, ``Kunden/Spanien`` (empty for the default Contacts folder)."""
        return "/".join(self.path)


@dataclass(frozen=True)
class Contact:
    """One contact: its id, its folder, its addresses and categories, and the Graph fields read."""

    id: str
    folder: ContactFolder
    emails: tuple[str, ...]
    categories: tuple[str, ...]
    data: Mapping[str, Any] = field(repr=False)

    @property
    def display_name(self) -> str:
        """The name Outlook shows for the contact (given and surname when it has no display name)."""
        name = _text(self.data.get("displayName"))
        if name:
            return name
        return " ".join(p for p in (_text(self.data.get("givenName")), _text(self.data.get("surname"))) if p)

    def text(self, name: str) -> str:
        """A text field of the contact by its Graph name (``""`` when empty or missing)."""
        return _text(self.data.get(name))


@dataclass(frozen=True)
class FolderLoaded:
    """Progress: every contact of one folder has been read."""

    folder: ContactFolder
    contacts_in_folder: int
    contacts_so_far: int


@dataclass
class AddressBook:
    """Every contact of one mailbox, in folder order, with the folders they were found in."""

    mailbox: MailboxRef
    folders: list[ContactFolder]
    contacts: list[Contact]

    @property
    def source(self) -> str:
        """How recipient lists and messages name this address book: ``Contacts of sales@contoso.com``."""
        return translate("Contacts", "Contacts of {mailbox}").format(mailbox=self.mailbox.address)

    def folder_counts(self) -> dict[str, int]:
        """How many contacts each folder holds, by folder name (``""`` is the default folder)."""
        counts = {folder.name: 0 for folder in self.folders}
        for contact in self.contacts:
            counts[contact.folder.name] += 1
        return counts


@dataclass(frozen=True)
class AddressBookLoaded:
    """Every folder has been read: the address book is complete."""

    book: AddressBook


def iter_address_book(graph: GraphClient, mailbox: MailboxRef) -> Iterator[FolderLoaded | AddressBookLoaded]:
    """Read every contact of ``mailbox``, nested folders too: a ``FolderLoaded`` per folder, then the book.

    Stop iterating to cancel; no request is sent after the consumer stops.
    """
    folders: list[ContactFolder] = []
    contacts: list[Contact] = []
    seen: set[str] = set()
    what = translate("Contacts", "the contacts")
    right = translate("Contacts", "full access to that mailbox (or reviewer rights on its contact folders)")
    try:
        for folder in _walk_folders(graph, mailbox):
            folders.append(folder)
            before = len(contacts)
            for item in graph.iter_collection(_contacts_path(mailbox, folder), params=_contact_params()):
                contact = _contact(item, folder)
                if contact is not None and contact.id not in seen:
                    seen.add(contact.id)
                    contacts.append(contact)
            yield FolderLoaded(folder, len(contacts) - before, len(contacts))
    except GraphError as error:
        permission = "Contacts.Read" if mailbox.own else "Contacts.Read.Shared"
        raise explain(error, mailbox, what, permission=permission, right=right) from None
    yield AddressBookLoaded(AddressBook(mailbox, folders, contacts))


def load_address_book(graph: GraphClient, mailbox: MailboxRef) -> AddressBook:
    """Read every contact of ``mailbox`` from every contact folder, nested ones included."""
    last = deque(iter_address_book(graph, mailbox), maxlen=1)[0]
    assert isinstance(last, AddressBookLoaded)
    return last.book


def _walk_folders(graph: GraphClient, mailbox: MailboxRef) -> Iterator[ContactFolder]:
    """The default folder, then each folder followed by its subfolders (depth first, in Graph's order)."""
    yield ContactFolder(None, ())
    params = {"$select": ",".join(FOLDER_FIELDS), "$top": str(PAGE_SIZE)}
    top = [
        _folder(item, ()) for item in graph.iter_collection(f"{mailbox.path}/contactFolders", params=params)
    ]
    stack = [folder for folder in reversed(top) if folder is not None]
    visited: set[str] = set()
    while stack:
        folder = stack.pop()
        if folder.id is None or folder.id in visited:
            continue  # a folder listed twice must not be read twice
        visited.add(folder.id)
        yield folder
        path = f"{mailbox.path}/contactFolders/{folder.id}/childFolders"
        children = [_folder(item, folder.path) for item in graph.iter_collection(path, params=params)]
        stack.extend(child for child in reversed(children) if child is not None)


def _contacts_path(mailbox: MailboxRef, folder: ContactFolder) -> str:
    if folder.id is None:
        return f"{mailbox.path}/contacts"
    return f"{mailbox.path}/contactFolders/{folder.id}/contacts"


def _contact_params() -> dict[str, str]:
    return {"$select": ",".join(CONTACT_FIELDS), "$top": str(PAGE_SIZE)}


def _folder(item: Mapping[str, Any], parent: tuple[str, ...]) -> ContactFolder | None:
    folder_id = item.get("id")
    if not isinstance(folder_id, str) or not folder_id:
        return None
    return ContactFolder(folder_id, (*parent, _text(item.get("displayName")) or folder_id))


def _contact(item: Mapping[str, Any], folder: ContactFolder) -> Contact | None:
    contact_id = item.get("id")
    if not isinstance(contact_id, str) or not contact_id:
        return None
    entries = item.get("emailAddresses")
    emails = tuple(
        address
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict) and (address := _text(entry.get("address")))
    )
    names = item.get("categories")
    categories = tuple(name for value in (names if isinstance(names, list) else []) if (name := _text(value)))
    return Contact(contact_id, folder, emails, categories, item)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
