"""The demo tenant's mailboxes: folders, a few hundred contacts in nested folders, master categories.

Names are German, Spanish and English (umlauts, ñ, accents); contacts have 0 to 3 addresses and
Outlook categories, one of which is missing from the master list as happens in real mailboxes.
``generate_contacts`` makes any number of contacts, the same ones for the same seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from securemailmerge.sandbox.directory import BOARD_ID, DEMO_USER_ID, SALES_ID, Directory
from securemailmerge.sandbox.graph import ids
from securemailmerge.sandbox.graph.messages import MAIL_FOLDERS
from securemailmerge.sandbox.graph.people import CONTACTS_ROOT
from securemailmerge.sandbox.graph.store import Folder, Item, Store

Json = Any
SEEDED = "demo-seeded"


def _table(text: str) -> dict[str, list[str]]:
    """``de: a | b`` lines as {"de": ["a", "b"]}."""
    rows = (line.split(":", 1) for line in text.strip().splitlines())
    return {key.strip(): [v.strip() for v in values.split("|")] for key, values in rows}


GIVEN = _table("""
de: Jürgen | Käthe | Björn | Sören | Anneliese | Günther | Dörte | Maximilian | Lena | Jörg | Ute | Friedrich
es: José | María | Iñigo | Begoña | Ramón | Lucía | Adrián | Nuria | Ángel | Sofía | Íñigo | Mónica
en: Oliver | Charlotte | Harry | Amelia | George | Isla | Jack | Emily | Thomas | Grace | William | Chloe
""")
SURNAMES = _table("""
de: Müller | Schäfer | Weiß | Groß | Köhler | Bäcker | Schröder | Krüger | Hoffmann | Fuß | Öztürk | Lindqvist
es: Muñoz | Peña | Núñez | García | Martínez | Ibáñez | Gómez | Fernández | Ordóñez | Sánchez | Castaño
en: Smith | O'Brien | Taylor | Brown | Wilson | Evans | Thomas | Johnson | Roberts | Walker | Wright | Hughes
""")
COMPANIES = _table("""
de: Bäckerei Groß GmbH | Müller & Söhne KG | Schön Reisen AG | Weißwurst Werke | Stadtwerke Köln
es: Café Peña S.L. | Construcciones Núñez | Vinos de Castaño | Turismo Añil S.A. | Librería Ibáñez
en: Acme Ltd | Thames Logistics | Northwind Traders | Brighton Books | Oak & Ivy Design
""")
# city, country, postal code
CITIES = {
    language: [tuple(place.split(",")) for place in places]
    for language, places in _table("""
de: Berlin,Deutschland,10115 | München,Deutschland,80331 | Köln,Deutschland,50667
es: Madrid,España,28001 | Logroño,España,26001 | A Coruña,España,15001
en: London,United Kingdom,SW1A 1AA | Leeds,United Kingdom,LS1 1UR | York,United Kingdom,YO1 7HH
""").items()
}
DOMAINS = {"de": "example.de", "es": "example.es", "en": "example.co.uk"}
_ASCII = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ñ": "n",
        "á": "a",
        "é": "e",
        "í": "i",
        "ó": "o",
        "ú": "u",
        "'": "",
    }
)

# mailbox -> master categories (name, colour)
CATEGORIES = {
    DEMO_USER_ID: [
        ("Kunde", "preset0"),
        ("VIP", "preset1"),
        ("Newsletter", "preset7"),
        ("Partner", "preset4"),
        ("Presse", "preset9"),
        ("Cliente preferente", "preset3"),
        ("Événements", "preset12"),
    ],
    SALES_ID: [
        ("Lead", "preset2"),
        ("Kunde", "preset0"),
        ("Messe 2024", "preset5"),
        ("Bestandskunde", "preset8"),
    ],
    BOARD_ID: [("Aufsichtsrat", "preset6"), ("Investor", "preset10")],
}
# mailbox -> folder tree: (name, parent name or None for the default Contacts folder, how many contacts)
FOLDERS: dict[str, list[tuple[str | None, str | None, int]]] = {
    DEMO_USER_ID: [
        (None, None, 120),
        ("Kunden", None, 60),
        ("Deutschland", "Kunden", 40),
        ("Berlin", "Deutschland", 25),
        ("Clientes", None, 30),
        ("España", "Clientes", 20),
        ("Partners", None, 20),
    ],
    SALES_ID: [(None, None, 60), ("Leads", None, 30), ("2024", "Leads", 15)],
    BOARD_ID: [(None, None, 25)],
}


def _address(given: str, surname: str, domain: str, index: int) -> str:
    local = f"{given}.{surname}".lower().translate(_ASCII)
    local = "".join(c for c in local if c.isascii() and (c.isalnum() or c in ".-"))
    return f"{local}{index}@{domain}"


def _email_addresses(
    rng: random.Random, language: str, given: str, surname: str, index: int, n: int
) -> list[dict[str, Json]]:
    """Mostly one address, sometimes none or several; the first at the company's domain."""
    count = rng.choices((0, 1, 2, 3), weights=(5, 70, 18, 7))[0]
    return [
        {
            "name": f"{given} {surname}",
            "address": _address(
                given, surname, DOMAINS[language] if i == 0 else "mail.example.com", index + i * n
            ),
        }
        for i in range(count)
    ]


def _contact(
    rng: random.Random,
    index: int,
    names: list[str],
    person: tuple[str, str, str],
    place: tuple[str, str, str],
    addresses: list[dict[str, Json]],
) -> dict[str, Json]:
    """One contact as Graph represents it, drawing the rest of its fields from ``rng``."""
    given, surname, company = person
    city, country, postal = place
    stamp = f"2024-0{1 + index % 9}-{10 + index % 18}T09:{index % 60:02d}:00Z"
    return {
        "createdDateTime": stamp,
        "lastModifiedDateTime": stamp,
        "changeKey": f"EQAAABYAAAB{index:08d}",
        "categories": rng.sample(names, min(len(names), rng.choice((0, 0, 1, 1, 2)))),
        "birthday": None,
        "fileAs": f"{surname}, {given}",
        "displayName": f"{given} {surname}",
        "givenName": given,
        "initials": None,
        "middleName": None,
        "nickName": None,
        "surname": surname,
        "title": rng.choice((None, "Dr.", None, None)),
        "yomiGivenName": None,
        "yomiSurname": None,
        "yomiCompanyName": None,
        "generation": None,
        "imAddresses": [],
        "jobTitle": rng.choice(
            ("Geschäftsführerin", "Directora comercial", "Head of Sales", "Einkauf", None)
        ),
        "companyName": company,
        "department": None,
        "officeLocation": None,
        "profession": None,
        "businessHomePage": None,
        "assistantName": None,
        "manager": None,
        "homePhones": [],
        "mobilePhone": None,
        "businessPhones": [f"+{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(100000, 999999)}"],
        "spouseName": None,
        "personalNotes": "",
        "children": [],
        "emailAddresses": addresses,
        "homeAddress": {},
        "businessAddress": {
            "street": f"{rng.randint(1, 120)} Hauptstraße",
            "city": city,
            "state": None,
            "countryOrRegion": country,
            "postalCode": postal,
        },
        "otherAddress": {},
    }


def generate_contacts(
    mailbox: str, n: int, seed: int, categories: list[str] | None = None
) -> Iterator[dict[str, Json]]:
    """``n`` contacts for ``mailbox`` as Graph represents them; the same for the same arguments."""
    rng = random.Random(f"{mailbox}/{seed}")  # noqa: S311 - reproducible demo data
    names = (
        categories
        if categories is not None
        else [c for c, _ in CATEGORIES.get(mailbox, [])] + ["Alt-Kategorie"]
    )
    # Every field comes from the one rng, so the order of the draws is what keeps the data stable.
    for index in range(n):
        language = rng.choice(("de", "es", "en"))
        given, surname = rng.choice(GIVEN[language]), rng.choice(SURNAMES[language])
        company = rng.choice(COMPANIES[language])
        city, country, postal = rng.choice(CITIES[language])
        addresses = _email_addresses(rng, language, given, surname, index, n)
        yield _contact(rng, index, names, (given, surname, company), (city, country, postal), addresses)


def ensure_mailboxes(store: Store, directory: Directory) -> None:
    """Give every mailbox its mail folders and default Contacts folder (once)."""
    for mailbox in directory.mailboxes.values():
        if store.folder(mailbox.id, "mail", "msgfolderroot") is not None:
            continue
        with store.transaction():
            root = store.add_folder(
                Folder(
                    ids.folder_id(mailbox.id, "msgfolderroot"),
                    mailbox.id,
                    "mail",
                    "msgfolderroot",
                    None,
                    "Top of Information Store",
                    True,
                )
            )
            for name, display in MAIL_FOLDERS:
                store.add_folder(
                    Folder(ids.folder_id(mailbox.id, name), mailbox.id, "mail", name, root.id, display, False)
                )
            store.add_folder(
                Folder(
                    ids.folder_id(mailbox.id, CONTACTS_ROOT),
                    mailbox.id,
                    "contact",
                    CONTACTS_ROOT,
                    None,
                    "Contacts",
                    False,
                )
            )


def add_contacts(store: Store, mailbox: str, folder_id: str, contacts: Iterator[dict[str, Json]]) -> int:
    """Store contacts in a folder; returns how many."""
    count = 0
    with store.transaction():
        for data in contacts:
            store.add_item(Item(0, ids.immutable_id(), ids.rest_id(), mailbox, "contact", folder_id, data))
            count += 1
    return count


def add_contact_folder(store: Store, mailbox: str, name: str, parent_id: str) -> Folder:
    """A new contact folder under ``parent_id``."""
    return store.add_folder(
        Folder(
            ids.folder_id(mailbox, f"contacts/{parent_id}/{name}"),
            mailbox,
            "contact",
            None,
            parent_id,
            name,
            False,
        )
    )


def seed_demo(store: Store, directory: Directory) -> None:
    """Fill the demo mailboxes once: contacts in nested folders and master categories."""
    ensure_mailboxes(store, directory)
    if store.meta(SEEDED) is not None:
        return
    with store.transaction():
        for mailbox_id, tree in FOLDERS.items():
            if mailbox_id not in directory.mailboxes:
                continue
            for name, colour in CATEGORIES.get(mailbox_id, []):
                store.add_category(mailbox_id, ids.guid(), name, colour)
            root = store.folder(mailbox_id, "contact", CONTACTS_ROOT)
            assert root is not None
            made: dict[str | None, str] = {None: root.id}
            for seed, (folder_name, parent, count) in enumerate(tree):
                folder_id = root.id
                if folder_name is not None:
                    folder_id = add_contact_folder(store, mailbox_id, folder_name, made[parent]).id
                made[folder_name] = folder_id
                add_contacts(store, mailbox_id, folder_id, generate_contacts(mailbox_id, count, seed))
        store.set_meta(SEEDED, "1")
