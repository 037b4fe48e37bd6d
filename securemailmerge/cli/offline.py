"""The offline commands, a thin front end over the engine: ``securemailmerge preview|check|export``.

``add_input_arguments`` and ``load_inputs`` are shared with later groups that read the same inputs.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from securemailmerge.campaign import (
    CheckPass,
    PreflightSettings,
    export_eml,
    format_size,
    header_address,
    named_to,
    preflight,
    report_json,
    report_lines,
    unknown_fields_text,
    write_csv,
)
from securemailmerge.cli.common import EXIT_BLOCKED, EXIT_READY, Subparsers, add_subcommand
from securemailmerge.errors import AttachmentError, InputError, SecureMailMergeError
from securemailmerge.i18n import translate
from securemailmerge.recipients import (
    AddressChoice,
    Recipient,
    RecipientList,
    RecipientOptions,
    load_recipients,
)
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template import Template, compile_template, load_template

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
    group.add_argument(
        "--recipients",
        type=Path,
        required=True,
        metavar="FILE",
        help=translate("Cli", "the recipient list (.csv or .xlsx)"),
    )
    group.add_argument(
        "--template",
        type=Path,
        required=True,
        metavar="FILE",
        help=translate("Cli", "the message template (.json or .html)"),
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
    group.add_argument(
        "--address",
        default="first",
        metavar="WHICH",
        help=translate(
            "Cli", "which of a row's addresses get the message: first, all, a number such as 2, or @domain"
        ),
    )
    group.add_argument(
        "--email-column",
        metavar="NAME",
        help=translate("Cli", "the column with the addresses (default: detected)"),
    )
    group.add_argument(
        "--attachments-dir",
        type=Path,
        metavar="DIR",
        help=translate("Cli", "the folder attachments are taken from (default: the template's)"),
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
    group.add_argument(
        "--from",
        dest="sender",
        metavar="ADDRESS",
        help=translate("Cli", "the sender address written into the messages"),
    )
    group.add_argument(
        "--per-minute",
        type=float,
        default=PreflightSettings.messages_per_minute,
        metavar="N",
        help=translate("Cli", "the sending pace used for the time estimate (default: 30)"),
    )


def load_inputs(args: argparse.Namespace) -> Inputs:
    """Load the recipient list and the template the common options name."""
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
    template = load_template(args.template)
    settings = PreflightSettings(
        base_folder=args.attachments_dir or args.template.resolve().parent,
        messages_per_minute=args.per_minute,
        sender=args.sender,
    )
    return Inputs(recipients, template, settings)


def register(subparsers: Subparsers) -> None:
    """Add the offline commands: preview, check and export."""
    preview = add_subcommand(subparsers, "preview", translate("Cli", "show the message for one recipient"))
    add_input_arguments(preview)
    which = preview.add_mutually_exclusive_group()
    which.add_argument("--row", type=int, help=translate("Cli", "the row number as in the file"))
    which.add_argument("--email", metavar="ADDRESS", help=translate("Cli", "the recipient's address"))
    preview.add_argument("--html", action="store_true", help=translate("Cli", "print the HTML body"))
    preview.set_defaults(handler=run_preview)

    check = add_subcommand(subparsers, "check", translate("Cli", "check every message before sending"))
    add_input_arguments(check)
    check.add_argument("--json", action="store_true", help=translate("Cli", "print the report as JSON"))
    check.add_argument(
        "--problems-csv",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "also write the problems to a CSV file"),
    )
    check.set_defaults(handler=run_check)

    export = add_subcommand(subparsers, "export", translate("Cli", "write one .eml file per ready recipient"))
    add_input_arguments(export)
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help=translate("Cli", "the folder for the .eml files"),
    )
    export.add_argument(
        "--force",
        action="store_true",
        help=translate("Cli", "write into a folder that already has files (same names are replaced)"),
    )
    export.set_defaults(handler=run_export)


def _find_recipient(recipients: RecipientList, row: int | None, email: str | None) -> Recipient:
    candidates = [*recipients.rows, *recipients.excluded]
    if row is not None:
        found = next((r for r in candidates if r.row == row), None)
        if found is None:
            raise InputError(
                translate("Cli", "{file} has no recipient in row {row}.").format(
                    file=recipients.source, row=row
                ),
                file=recipients.source,
                row=row,
            )
        return found
    if email is not None:
        wanted = email.strip().casefold()
        found = next((r for r in candidates if any(a.casefold() == wanted for a in r.to)), None)
        if found is None:
            raise InputError(
                translate("Cli", "{file} has no recipient {address}.").format(
                    file=recipients.source, address=email
                ),
                file=recipients.source,
            )
        return found
    if not recipients.rows:
        raise InputError(translate("Cli", "{file} has no ready recipient.").format(file=recipients.source))
    return recipients.rows[0]


def run_preview(args: argparse.Namespace) -> int:
    """Print the headers and the text (or HTML) of one recipient's message."""
    inputs = load_inputs(args)
    recipient = _find_recipient(inputs.recipients, args.row, args.email)
    compiled = compile_template(inputs.template, inputs.recipients.columns)
    if compiled.unknown_fields:
        raise InputError(unknown_fields_text(tuple(sorted(compiled.unknown_fields))))
    try:
        rendered = compiled.render(recipient.fields)
    except SecureMailMergeError as error:
        raise InputError(
            f"{inputs.recipients.location(recipient.row)}: {error}", row=recipient.row
        ) from error
    to = ", ".join(f"{name} <{address}>" if name else address for name, address in named_to(recipient))
    lines = [(translate("Cli", "Row"), inputs.recipients.location(recipient.row))]
    if inputs.settings.sender:
        lines.append((translate("Cli", "From"), inputs.settings.sender))
    lines.append((translate("Cli", "To"), to or translate("Cli", "(no valid address)")))
    for label, addresses in (
        (translate("Cli", "Cc"), recipient.cc),
        (translate("Cli", "Bcc"), recipient.bcc),
        (translate("Cli", "Reply-To"), recipient.reply_to),
    ):
        if addresses:
            lines.append((label, ", ".join(addresses)))
    lines.append((translate("Cli", "Subject"), rendered.subject))
    for attachment in rendered.attachments:
        lines.append((translate("Cli", "Attachment"), _attachment_note(inputs.settings, attachment)))
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}} {value}")
    print()
    print(rendered.html if args.html else rendered.text)
    return EXIT_READY


def _attachment_note(settings: PreflightSettings, name: str) -> str:
    try:
        path = resolve_attachment(settings.base_folder or Path.cwd(), name)
    except AttachmentError as error:
        return translate("Cli", "{name} (problem: {reason})").format(name=name, reason=error)
    return translate("Cli", "{name} ({size})").format(name=name, size=format_size(path.stat().st_size))


def run_check(args: argparse.Namespace) -> int:
    """Run preflight and print the report; exit 1 when something blocks sending."""
    inputs = load_inputs(args)
    report = preflight(inputs.recipients, inputs.template, inputs.settings)
    if args.problems_csv:
        write_csv(
            args.problems_csv,
            ("row", "location", "code", "field", "value", "message"),
            (
                (p.row, inputs.recipients.location(p.row), p.code, p.field, p.value, p.message)
                for p in report.problems
            ),
        )
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(report)))
    return EXIT_READY if report.ok else EXIT_BLOCKED


def run_export(args: argparse.Namespace) -> int:
    """Write one .eml file per ready recipient; exit 1 when rows were left out for problems."""
    inputs = load_inputs(args)
    # One pass: the messages written are the ones the check rendered, so each row renders once.
    checked = CheckPass(inputs.recipients, inputs.template, inputs.settings)
    if checked.unknown_fields:
        raise InputError(unknown_fields_text(checked.unknown_fields))
    last_row = max((r.row for r in inputs.recipients.rows), default=1)
    written = export_eml(
        checked.ready(),
        args.out,
        sender=inputs.settings.sender,
        base_folder=inputs.settings.base_folder or Path.cwd(),
        last_row=last_row,
        force=args.force,
    )
    report = checked.report
    assert report is not None  # export_eml read every ready row, so the pass ran to its report
    print(translate("Cli", "Wrote {count} messages to {folder}").format(count=len(written), folder=args.out))
    if not report.ok:
        print(translate("Cli", "Some rows were left out; run check to see why."), file=sys.stderr)
    return EXIT_READY if report.ok else EXIT_BLOCKED
