"""The ``contacts`` command: a mailbox's contacts, filtered, written as a CSV file, summarised on stderr.

It signs in as the other Microsoft 365 commands do (``securemailmerge.cli.m365``) and reads the
address book through the engine; the summary names what needs the user's attention.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from securemailmerge.cli.common import Subparsers
from securemailmerge.cli.m365 import add_sign_in_argument, add_tenant_argument, signed_in
from securemailmerge.errors import InputError
from securemailmerge.i18n import translate

# The Microsoft 365 libraries are imported when the command runs, so that other commands start fast.
if TYPE_CHECKING:
    from securemailmerge.m365 import AddressBook, CategoryList, Contact, ContactFilter, Profile
    from securemailmerge.recipients import RecipientList

NAMES_SHOWN = 10  # contacts without an address named in the summary before "and N more"


def register(subparsers: Subparsers) -> None:
    """Add the ``contacts`` command and its filters to the command line."""
    subparsers.add_command(
        "contacts", translate("Cli", "write a mailbox's contacts to a CSV file"), _contacts_arguments
    )


def _contacts_arguments(contacts: argparse.ArgumentParser) -> None:
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
        "--out",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "the CSV file to write (default: standard output)"),
    )
    contacts.set_defaults(handler=run_contacts)


def run_contacts(args: argparse.Namespace) -> int:
    """Load a mailbox's contacts, filter them, write them as CSV and summarise on stderr."""
    from securemailmerge.campaign import write_csv, write_rows
    from securemailmerge.m365 import (
        MERGE_FIELDS,
        AddressChoice,
        ContactFilter,
        open_address_book,
        recipient_list,
        select_contacts,
    )

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
    _refuse_unknown_categories(book, wanted, opened.categories)
    chosen = select_contacts(book, wanted)
    recipients = recipient_list(book, chosen, choice)
    everyone = sorted([*recipients.rows, *recipients.excluded], key=lambda recipient: recipient.row)
    rows = ([recipient.fields[name] for name in MERGE_FIELDS] for recipient in everyone)
    summary = _summary(book, chosen, recipients, profile, opened.categories, opened.category_problem)
    summary.append(translate("Cli", "License: {outcome}").format(outcome=opened.license.describe()))
    if args.out is None:
        written = write_rows(sys.stdout, MERGE_FIELDS, rows)
        summary.append(translate("Cli", "Wrote {count} contacts to standard output.").format(count=written))
    else:
        written = write_csv(args.out, MERGE_FIELDS, rows)
        summary.append(
            translate("Cli", "Wrote {count} contacts to {file}.").format(count=written, file=args.out)
        )
    print("\n".join(summary), file=sys.stderr)
    return 0


def _refuse_unknown_categories(
    book: AddressBook, wanted: ContactFilter, categories: CategoryList | None
) -> None:
    """An InputError naming the mailbox's categories when ``--category`` names one it does not have."""
    used = {name.casefold(): name for contact in book.contacts for name in contact.categories}
    known = list(categories.names) if categories is not None else []
    known += sorted(name for folded, name in used.items() if folded not in {k.casefold() for k in known})
    folded_known = {name.casefold() for name in known}
    unknown = [name for name in wanted.categories if name.casefold() not in folded_known]
    if not unknown:
        return
    if not known:
        raise InputError(
            translate("Cli", "No category named {names} in {mailbox}; it has no categories.").format(
                names=", ".join(unknown), mailbox=book.mailbox.address
            )
        )
    raise InputError(
        translate("Cli", "No category named {names} in {mailbox}; its categories are: {known}.").format(
            names=", ".join(unknown), mailbox=book.mailbox.address, known=", ".join(known)
        )
    )


def _summary(
    book: AddressBook,
    chosen: Sequence[Contact],
    recipients: RecipientList,
    profile: Profile,
    categories: CategoryList | None,
    category_problem: str | None,
) -> list[str]:
    """What ``contacts`` tells on stderr: the counts, then whatever needs the user's attention."""
    from securemailmerge.m365 import no_mail_text

    lines = _counts(book, chosen, recipients)
    lines.extend(_without_address(chosen))
    lines.extend(_category_notes(categories, category_problem))
    if not profile.mail:
        lines.append(no_mail_text(profile.user_principal_name))
    return lines


def _counts(book: AddressBook, chosen: Sequence[Contact], recipients: RecipientList) -> list[str]:
    from securemailmerge.recipients import DUPLICATE, EMPTY_ADDRESS, INVALID_ADDRESS

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
    from securemailmerge.m365 import without_address

    missing = without_address(chosen)
    if not missing:
        return []
    names = [_contact_label(contact) for contact in missing[:NAMES_SHOWN]]
    if len(missing) > NAMES_SHOWN:
        names.append(translate("Cli", "and {count} more").format(count=len(missing) - NAMES_SHOWN))
    return [translate("Cli", "Contacts without an address: {names}").format(names=", ".join(names))]


def _category_notes(categories: CategoryList | None, problem: str | None) -> list[str]:
    lines = []
    if categories is not None and categories.notice:
        lines.append(categories.notice)
    if problem:
        lines.append(translate("Cli", "Categories: {problem}").format(problem=problem))
    return lines


def _contact_label(contact: Contact) -> str:
    name = contact.display_name or translate("Cli", "(no name)")
    return f"{name} ({contact.folder.name})" if contact.folder.name else name
