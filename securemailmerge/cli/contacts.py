"""The ``contacts`` command: a mailbox's contacts, filtered, written as a CSV file, summarised on stderr.

It signs in as the other Microsoft 365 commands do (``securemailmerge.cli.m365``) and reads the
address book through the engine; the summary names what needs the user's attention.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from securemailmerge.campaign import write_csv
from securemailmerge.cli.common import Subparsers, add_subcommand
from securemailmerge.cli.m365 import add_sign_in_argument, add_tenant_argument, signed_in
from securemailmerge.i18n import translate
from securemailmerge.m365 import (
    MERGE_FIELDS,
    AddressBook,
    AddressChoice,
    CategoryList,
    Contact,
    ContactFilter,
    Profile,
    no_mail_text,
    open_address_book,
    recipient_list,
    select_contacts,
    without_address,
)
from securemailmerge.recipients import DUPLICATE, EMPTY_ADDRESS, INVALID_ADDRESS, RecipientList

NAMES_SHOWN = 10  # contacts without an address named in the summary before "and N more"


def register(subparsers: Subparsers) -> None:
    """Add the ``contacts`` command and its filters to the command line."""
    contacts = add_subcommand(
        subparsers, "contacts", translate("Cli", "write a mailbox's contacts to a CSV file")
    )
    add_tenant_argument(contacts)
    add_sign_in_argument(contacts)
    contacts.add_argument(
        "--mailbox",
        metavar="ADDRESS",
        help=translate("Cli", "a shared mailbox to read instead of your own"),
    )
    contacts.add_argument(
        "--folder",
        metavar="PATH",
        help=translate("Cli", "only this contact folder, such as Kunden/Spanien (/ is the Contacts folder)"),
    )
    contacts.add_argument(
        "--no-subfolders",
        dest="subfolders",
        action="store_false",
        help=translate("Cli", "leave out the subfolders of --folder"),
    )
    contacts.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="NAME",
        help=translate("Cli", "only contacts in this Outlook category (repeatable)"),
    )
    contacts.add_argument(
        "--match",
        choices=("any", "all"),
        default="any",
        help=translate("Cli", "contacts need any (default) or all of the categories"),
    )
    contacts.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help=translate("Cli", "only contacts whose name, company or address contains TEXT"),
    )
    contacts.add_argument(
        "--address",
        default="first",
        metavar="WHICH",
        help=translate("Cli", "for contacts with several addresses: first (default), all, 2, or @domain"),
    )
    contacts.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=translate("Cli", "the CSV file to write")
    )
    contacts.set_defaults(handler=run_contacts)


def run_contacts(args: argparse.Namespace) -> int:
    """Load a mailbox's contacts, filter them, write them as CSV and summarise on stderr."""
    choice = AddressChoice.parse(args.address)
    wanted = ContactFilter(
        categories=tuple(args.category),
        match_all=args.match == "all",
        folder=args.folder,
        subfolders=args.subfolders,
        search=args.search,
    )
    with signed_in(args) as connection:
        opened = open_address_book(connection.graph, connection.factory, connection.profile, args.mailbox)
    book, profile = opened.book, opened.profile
    chosen = select_contacts(book, wanted)
    recipients = recipient_list(book, chosen, choice)
    everyone = sorted([*recipients.rows, *recipients.excluded], key=lambda recipient: recipient.row)
    written = write_csv(
        args.out, MERGE_FIELDS, ([recipient.fields[name] for name in MERGE_FIELDS] for recipient in everyone)
    )
    summary = _summary(book, chosen, recipients, profile, wanted, opened.categories, opened.category_problem)
    summary.append(translate("Cli", "License: {outcome}").format(outcome=opened.license.describe()))
    summary.append(translate("Cli", "Wrote {count} contacts to {file}.").format(count=written, file=args.out))
    print("\n".join(summary), file=sys.stderr)
    return 0


def _summary(
    book: AddressBook,
    chosen: Sequence[Contact],
    recipients: RecipientList,
    profile: Profile,
    wanted: ContactFilter,
    categories: CategoryList | None,
    category_problem: str | None,
) -> list[str]:
    """What ``contacts`` tells on stderr: the counts, then whatever needs the user's attention."""
    lines = _counts(book, chosen, recipients)
    lines.extend(_without_address(chosen))
    lines.extend(_category_notes(book, wanted, categories, category_problem))
    if not profile.mail:
        lines.append(no_mail_text(profile.user_principal_name))
    return lines


def _counts(book: AddressBook, chosen: Sequence[Contact], recipients: RecipientList) -> list[str]:
    counts = recipients.problem_counts()
    return [
        translate(
            "Cli", "{source}: {total} contacts in {folders} contact folder(s); {chosen} match the filters."
        ).format(source=book.source, total=len(book.contacts), folders=len(book.folders), chosen=len(chosen)),
        translate(
            "Cli",
            "Ready: {ready}; without an address: {empty}; invalid addresses: {invalid}; "
            "duplicates: {duplicates}.",
        ).format(
            ready=len(recipients.rows),
            empty=counts[EMPTY_ADDRESS],
            invalid=counts[INVALID_ADDRESS],
            duplicates=counts[DUPLICATE],
        ),
    ]


def _without_address(chosen: Sequence[Contact]) -> list[str]:
    missing = without_address(chosen)
    if not missing:
        return []
    names = [_contact_label(contact) for contact in missing[:NAMES_SHOWN]]
    if len(missing) > NAMES_SHOWN:
        names.append(translate("Cli", "and {count} more").format(count=len(missing) - NAMES_SHOWN))
    return [translate("Cli", "Contacts without an address: {names}").format(names=", ".join(names))]


def _category_notes(
    book: AddressBook, wanted: ContactFilter, categories: CategoryList | None, problem: str | None
) -> list[str]:
    lines = []
    if categories is not None and categories.notice:
        lines.append(categories.notice)
    if problem:
        lines.append(translate("Cli", "Categories: {problem}").format(problem=problem))
    if categories is not None and wanted.categories:
        used = {name.casefold() for contact in book.contacts for name in contact.categories}
        unknown = [name for name in categories.missing(wanted.categories) if name.casefold() not in used]
        if unknown:
            lines.append(
                translate(
                    "Cli", "No category named {names} in {mailbox}; its categories are: {known}."
                ).format(
                    names=", ".join(unknown), mailbox=book.mailbox.address, known=", ".join(categories.names)
                )
            )
    return lines


def _contact_label(contact: Contact) -> str:
    name = contact.display_name or translate("Cli", "(no name)")
    return f"{name} ({contact.folder.name})" if contact.folder.name else name
