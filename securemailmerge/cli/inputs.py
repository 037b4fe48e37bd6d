"""The options every command that reads a recipient list and a template shares, and their loading.

``add_input_arguments`` adds them to a command (grouped by what they shape: the recipient file,
its columns, the template, the pace); ``load_inputs`` reads what they name into ``Inputs``. Used
by the offline commands and by ``send``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from securemailmerge.i18n import translate

# The engine (Jinja2, the readers) is imported when the inputs are loaded, so that --help and
# every other command start without it.
if TYPE_CHECKING:
    from securemailmerge.campaign import PreflightSettings
    from securemailmerge.recipients import RecipientList
    from securemailmerge.template import Template

_DELIMITERS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}


@dataclass(frozen=True)
class Inputs:
    """What the common options name: the recipient list, the template and the preflight settings."""

    recipients: RecipientList
    template: Template
    settings: PreflightSettings


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that name and shape the recipient list and the template."""
    group = parser.add_argument_group(translate("Cli", "input"))
    _add_source_arguments(group)
    _add_column_arguments(group)
    _add_template_arguments(group)
    group.add_argument(
        "--per-minute",
        type=float,
        default=30.0,  # PreflightSettings.messages_per_minute, without importing the engine
        metavar="N",
        help=translate("Cli", "the sending pace used for the time estimate (default: 30)"),
    )


# argparse names no public type for an argument group.
_Group = argparse._ArgumentGroup


def _add_source_arguments(group: _Group) -> None:
    """The recipient file and how to read it: encoding, delimiter, sheet, header row."""
    group.add_argument(
        "--recipients",
        type=Path,
        required=True,
        metavar="FILE",
        help=translate("Cli", "the recipient list (.csv or .xlsx)"),
    )
    group.add_argument("--encoding", help=translate("Cli", "the CSV encoding (default: detected)"))
    group.add_argument(
        "--delimiter", help=translate("Cli", "the CSV delimiter: , ; or tab (default: detected)")
    )
    group.add_argument("--sheet", help=translate("Cli", "the Excel sheet (default: the first visible one)"))
    group.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help=translate("Cli", "the row number of the header (default: found below any title rows)"),
    )


def _add_column_arguments(group: _Group) -> None:
    """Which column and which of a row's addresses get the message, and which rows are kept."""
    group.add_argument(
        "--email-column",
        metavar="NAME",
        help=translate("Cli", "the column with the addresses (default: detected)"),
    )
    group.add_argument(
        "--address",
        default="first",
        metavar="WHICH",
        help=translate(
            "Cli", "which of a row's addresses get the message: first, all, a number such as 2, or @domain"
        ),
    )
    group.add_argument(
        "--keep-invalid",
        action="store_true",
        help=translate("Cli", "keep rows whose address is invalid or empty"),
    )
    group.add_argument(
        "--keep-duplicates",
        action="store_true",
        help=translate("Cli", "keep rows whose address appeared in an earlier row"),
    )


def _add_template_arguments(group: _Group) -> None:
    """The template, where its attachments are taken from, and the sender written into it."""
    group.add_argument(
        "--template",
        type=Path,
        required=True,
        metavar="FILE",
        help=translate("Cli", "the message template (.json or .html)"),
    )
    group.add_argument(
        "--attachments-dir",
        type=Path,
        metavar="DIR",
        help=translate("Cli", "the folder attachments are taken from (default: the template's)"),
    )
    group.add_argument(
        "--from",
        dest="sender",
        metavar="ADDRESS",
        help=translate("Cli", "the sender address written into the messages"),
    )


def load_inputs(args: argparse.Namespace) -> Inputs:
    """Load the recipient list and the template the common options name."""
    from securemailmerge.campaign import PreflightSettings, header_address
    from securemailmerge.recipients import AddressChoice, RecipientOptions, load_recipients
    from securemailmerge.template import load_template

    delimiter = _DELIMITERS.get(args.delimiter, args.delimiter) if args.delimiter else None
    options = RecipientOptions(
        encoding=args.encoding,
        delimiter=delimiter,
        sheet=args.sheet,
        header_row=args.header_row,
        address=AddressChoice.parse(args.address),
        email_column=args.email_column,
        keep_invalid=args.keep_invalid,
        keep_duplicates=args.keep_duplicates,
    )
    if args.sender:
        header_address(args.sender)  # a bad sender is bad input, found before any work starts
    recipients = load_recipients(args.recipients, options)
    template = load_template(args.template, recipients.columns)  # compiled once, for the check too
    settings = PreflightSettings(
        base_folder=args.attachments_dir or args.template.resolve().parent,
        messages_per_minute=args.per_minute,
        sender=args.sender,
    )
    return Inputs(recipients, template, settings)
