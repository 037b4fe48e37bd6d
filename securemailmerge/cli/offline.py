"""The offline commands, a thin front end over the engine: ``securemailmerge preview|check|export``.

``add_input_arguments`` and ``load_inputs`` (see ``inputs``) are importable from here too, for
later groups that read the same inputs.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from securemailmerge.cli.common import EXIT_BLOCKED, EXIT_READY, Subparsers
from securemailmerge.cli.inputs import (
    Inputs as Inputs,
    add_input_arguments as add_input_arguments,
    load_inputs as load_inputs,
)
from securemailmerge.errors import AttachmentError, InputError, SecureMailMergeError
from securemailmerge.i18n import translate

# The engine (Jinja2, the readers, the MIME writer) is imported by the commands that run, so that
# --help and every other command start without it.
if TYPE_CHECKING:
    from securemailmerge.campaign import PreflightSettings
    from securemailmerge.recipients import Recipient, RecipientList


def register(subparsers: Subparsers) -> None:
    """Add the offline commands: preview, check and export."""
    subparsers.add_command(
        "preview", translate("Cli", "show the message for one recipient"), _preview_arguments
    )
    subparsers.add_command("check", translate("Cli", "check every message before sending"), _check_arguments)
    subparsers.add_command(
        "export", translate("Cli", "write one .eml file per ready recipient"), _export_arguments
    )


def _preview_arguments(preview: argparse.ArgumentParser) -> None:
    add_input_arguments(preview)
    which = preview.add_mutually_exclusive_group()
    which.add_argument("--row", type=int, help=translate("Cli", "the row number as in the file"))
    which.add_argument("--email", metavar="ADDRESS", help=translate("Cli", "the recipient's address"))
    preview.add_argument("--html", action="store_true", help=translate("Cli", "print the HTML body"))
    preview.set_defaults(handler=run_preview, logs=False)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    add_input_arguments(check)
    check.add_argument("--json", action="store_true", help=translate("Cli", "print the report as JSON"))
    check.add_argument(
        "--problems-csv",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "also write the problems to a CSV file"),
    )
    check.set_defaults(handler=run_check, logs=False)


def _export_arguments(export: argparse.ArgumentParser) -> None:
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
    """Print the headers and the text (or HTML) of one recipient's message; exit 1 for a row left out."""
    from securemailmerge.campaign import header_problem, unknown_fields_text
    from securemailmerge.template import compile_template

    inputs = load_inputs(args)
    recipient = _find_recipient(inputs.recipients, args.row, args.email)
    compiled = compile_template(inputs.template, inputs.recipients.columns)
    if compiled.unknown_fields:
        raise InputError(unknown_fields_text(tuple(sorted(compiled.unknown_fields))))
    try:
        rendered = compiled.render(recipient.fields)
        problem = header_problem(rendered, recipient)
        if problem is not None:
            raise problem
    except SecureMailMergeError as error:
        raise InputError(
            f"{inputs.recipients.location(recipient.row)}: {error}", row=recipient.row
        ) from error
    lines = [(translate("Cli", "Row"), inputs.recipients.location(recipient.row))]
    lines += _address_lines(recipient, inputs.settings.sender)
    lines.append((translate("Cli", "Subject"), rendered.subject))
    for attachment in rendered.attachments:
        lines.append((translate("Cli", "Attachment"), _attachment_note(inputs.settings, attachment)))
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}} {value}")
    print()
    print(rendered.html if args.html else rendered.text)
    if any(left is recipient for left in inputs.recipients.excluded):
        reasons = [p.message for p in inputs.recipients.problems if p.row == recipient.row and not p.warning]
        print(
            translate("Cli", "This row is left out and would not be sent: {reasons}").format(
                reasons="; ".join(reasons)
            ),
            file=sys.stderr,
        )
        return EXIT_BLOCKED
    return EXIT_READY


def _address_lines(recipient: Recipient, sender: str | None) -> list[tuple[str, str]]:
    """From, To, Cc, Bcc and Reply-To with the display names the message is written with."""
    from securemailmerge.campaign import named, named_to, shown_address

    lines = [(translate("Cli", "From"), sender)] if sender else []
    to = ", ".join(shown_address(name, address) for name, address in named_to(recipient))
    lines.append((translate("Cli", "To"), to or translate("Cli", "(no valid address)")))
    for label, addresses in (
        (translate("Cli", "Cc"), recipient.cc),
        (translate("Cli", "Bcc"), recipient.bcc),
        (translate("Cli", "Reply-To"), recipient.reply_to),
    ):
        if addresses:
            lines.append((label, ", ".join(shown_address(*pair) for pair in named(recipient, addresses))))
    return lines


def _attachment_note(settings: PreflightSettings, name: str) -> str:
    from securemailmerge.formatting import size
    from securemailmerge.safepaths import resolve_attachment

    try:
        path = resolve_attachment(settings.base_folder or Path.cwd(), name)
    except AttachmentError as error:
        return translate("Cli", "{name} (problem: {reason})").format(name=name, reason=error)
    return translate("Cli", "{name} ({size})").format(name=name, size=size(path.stat().st_size))


def run_check(args: argparse.Namespace) -> int:
    """Run preflight and print the report; exit 1 when something blocks sending."""
    from securemailmerge.campaign import available_workers, preflight, report_json, report_lines, write_csv

    inputs = load_inputs(args)
    settings = dataclasses.replace(inputs.settings, workers=available_workers())  # on every core
    report = preflight(inputs.recipients, inputs.template, settings)
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
        import json

        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(report)))
    return EXIT_READY if report.ok else EXIT_BLOCKED


def run_export(args: argparse.Namespace) -> int:
    """Write one .eml file per ready recipient; exit 1 when rows were left out for problems."""
    from securemailmerge.campaign import CheckPass, export_eml, unknown_fields_text

    inputs = load_inputs(args)
    if not inputs.settings.sender:
        sender = _signed_in_sender(args)
        if sender:
            inputs = dataclasses.replace(inputs, settings=dataclasses.replace(inputs.settings, sender=sender))
            print(
                translate("Cli", "From: {sender} (the signed-in mailbox)").format(sender=sender),
                file=sys.stderr,
            )
    # One pass: the messages written are the ones the check rendered, so each row renders once.
    checked = CheckPass(inputs.recipients, inputs.template, inputs.settings)
    if checked.unknown_fields:
        raise InputError(unknown_fields_text(checked.unknown_fields))
    last_row = max((r.row for r in inputs.recipients.rows), default=1)
    result = export_eml(
        checked.ready(),
        args.out,
        sender=inputs.settings.sender,
        base_folder=inputs.settings.base_folder or Path.cwd(),
        last_row=last_row,
        force=args.force,
        fingerprint=_fingerprint(args, inputs),
    )
    report = checked.report
    assert report is not None  # export_eml read every ready row, so the pass ran to its report
    print(
        translate("Cli", "Wrote {count} messages to {folder}").format(
            count=len(result.written), folder=args.out
        )
    )
    if result.kept:
        print(
            translate(
                "Cli", "{count} messages were already there from an earlier run of this export."
            ).format(count=result.kept)
        )
    if not inputs.settings.sender:
        print(
            translate(
                "Cli",
                "The messages have no From address: Outlook fills in your account when you open one "
                "(add --from ADDRESS to write it into the files).",
            ),
            file=sys.stderr,
        )
    if not report.ok:
        print(translate("Cli", "Some rows were left out; run check to see why."), file=sys.stderr)
    return EXIT_READY if report.ok else EXIT_BLOCKED


def _signed_in_sender(args: argparse.Namespace) -> str | None:
    """The kept sign-in's name and primary address, when a tenant is configured; else None.

    Only a sign-in kept with ``signin --stay-signed-in`` is used, silently; nothing else is asked.
    """
    from securemailmerge.cli.m365 import TENANT_ENV, tenant_config

    if not (getattr(args, "tenant_config", None) or os.environ.get(TENANT_ENV)):
        return None
    from securemailmerge.m365 import connect, sign_in_silently  # the Microsoft 365 libraries, only now

    try:
        with connect(tenant_config(args), sign_in_silently, stay_signed_in=True) as connection:
            address = connection.sender().address
            name = connection.profile.display_name
    except SecureMailMergeError:
        return None  # not signed in here: the file still opens as a draft Outlook completes
    return f'"{name}" <{address}>' if name and '"' not in name else address


def _fingerprint(args: argparse.Namespace, inputs: Inputs) -> str:
    """A digest of what decides the messages: the list file, the options, the template and sender."""
    import hashlib

    digest = hashlib.sha256()
    with args.recipients.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    # Every option that shapes the list or the messages; not where they go, the language or the pace.
    options = sorted((k, str(v)) for k, v in vars(args).items() if k not in _NOT_IN_FINGERPRINT)
    digest.update(repr((options, inputs.template, inputs.settings)).encode("utf-8"))
    return digest.hexdigest()


_NOT_IN_FINGERPRINT = frozenset({"handler", "out", "force", "lang", "per_minute", "command"})
