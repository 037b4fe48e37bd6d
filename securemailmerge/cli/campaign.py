"""The campaign commands: ``send``, ``resume``, ``status``, ``report``, ``bounces`` and ``donotcontact``.

A thin front end over ``securemailmerge.campaign``: it prints the run's events. The progress bar
and its ETA are drawn by rich on stderr (typed, and it falls back to plain lines when stderr is not
a terminal). ``send`` asks before anything leaves, stating the count, the mailbox and the mode
(``--yes`` skips the question); after any interruption the command that continues is printed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from securemailmerge.cli.common import EXIT_BLOCKED, EXIT_READY, Subparsers
from securemailmerge.cli.m365 import add_sign_in_argument, add_tenant_argument, signed_in
from securemailmerge.cli.offline import Inputs, add_input_arguments, load_inputs
from securemailmerge.errors import InputError
from securemailmerge.i18n import translate

# Imported by the commands that run them: the engine and the Microsoft 365 libraries take longer
# to load than --help takes to answer.
if TYPE_CHECKING:
    from securemailmerge.campaign import CampaignOptions
    from securemailmerge.m365 import Connection, LicenseStatus


def _campaign_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--campaign",
        type=Path,
        required=required,
        metavar="DIR",
        help=translate("Cli", "the campaign's folder (its journal lives there)"),
    )


def register(subparsers: Subparsers) -> None:
    """Add send, resume, status, report, bounces and donotcontact to the command line."""
    subparsers.add_command(
        "send", translate("Cli", "send a campaign: one message per recipient"), _send_arguments
    )
    subparsers.add_command("resume", translate("Cli", "continue an interrupted campaign"), _resume_arguments)
    subparsers.add_command(
        "status", translate("Cli", "show a campaign's state, or list campaigns"), _status_arguments
    )
    subparsers.add_command(
        "report", translate("Cli", "write a campaign's report (.csv or .xlsx)"), _report_arguments
    )
    subparsers.add_command(
        "bounces", translate("Cli", "look for bounces and opt-out replies"), _bounces_arguments
    )
    subparsers.add_command(
        "donotcontact", translate("Cli", "show or change the do-not-contact list"), _donotcontact_arguments
    )


def _send_arguments(send: argparse.ArgumentParser) -> None:
    from securemailmerge.campaign import MODES, NOW

    add_input_arguments(send)
    add_tenant_argument(send)
    add_sign_in_argument(send)
    _campaign_argument(send, required=False)
    send.add_argument(
        "--mode",
        choices=(*MODES, "test"),
        default=NOW,
        help=translate("Cli", "now, drafts (leave them in Drafts), scheduled, or test (one to you)"),
    )
    send.add_argument(
        "--at", metavar="TIME", help=translate("Cli", "scheduled mode: when, e.g. 2026-05-04 09:30")
    )
    send.add_argument(
        "--at-column", metavar="NAME", help=translate("Cli", "scheduled mode: a column of times")
    )
    _add_pacing_arguments(send)
    send.add_argument("--row", type=int, metavar="N", help=translate("Cli", "test mode: the row to send"))
    send.add_argument("--yes", action="store_true", help=translate("Cli", "do not ask before sending"))
    send.set_defaults(handler=run_send)


def _add_pacing_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``send`` that set the campaign's pace, cap and sending window."""
    parser.add_argument(
        "--random-pause",
        type=float,
        default=0.0,
        metavar="S",
        help=translate("Cli", "up to S more seconds between messages, at random"),
    )
    parser.add_argument(
        "--daily-cap",
        type=int,
        default=10_000,
        metavar="N",
        help=translate("Cli", "at most N recipients per rolling 24 hours (default: 10000)"),
    )
    parser.add_argument(
        "--window",
        metavar="DAYS HH:MM-HH:MM",
        help=translate("Cli", "send only then, e.g. 'mon-fri 08:00-18:00'"),
    )
    parser.add_argument(
        "--time-zone",
        metavar="ZONE",
        help=translate("Cli", "the zone of --window and --at (default: the mailbox's)"),
    )


def _resume_arguments(resume: argparse.ArgumentParser) -> None:
    _campaign_argument(resume)
    add_tenant_argument(resume)
    add_sign_in_argument(resume)
    resume.add_argument(
        "--send-drafts",
        action="store_true",
        help=translate("Cli", "a drafts-only campaign: send its drafts now, at the campaign's pace"),
    )
    resume.add_argument(
        "--retry-failed", action="store_true", help=translate("Cli", "also try the rows that failed again")
    )
    resume.set_defaults(handler=run_resume)


def _status_arguments(status: argparse.ArgumentParser) -> None:
    _campaign_argument(status, required=False)
    status.set_defaults(handler=run_status)


def _report_arguments(report: argparse.ArgumentParser) -> None:
    _campaign_argument(report)
    report.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=translate("Cli", "the report file")
    )
    report.set_defaults(handler=run_report)


def _bounces_arguments(bounces: argparse.ArgumentParser) -> None:
    _campaign_argument(bounces)
    add_tenant_argument(bounces)
    add_sign_in_argument(bounces)
    bounces.set_defaults(handler=run_bounces)


def _donotcontact_arguments(dnc: argparse.ArgumentParser) -> None:
    dnc.add_argument(
        "--mailbox", required=True, metavar="ADDRESS", help=translate("Cli", "the mailbox whose list it is")
    )
    group = dnc.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="ADDRESS", action="append", help=translate("Cli", "add an address"))
    group.add_argument("--remove", metavar="ADDRESS", help=translate("Cli", "take an address off"))
    group.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "add the addresses of a CSV file"),
    )
    group.add_argument(
        "--export",
        dest="export_file",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "write the list to a CSV file"),
    )
    dnc.set_defaults(handler=run_donotcontact)


def run_send(args: argparse.Namespace) -> int:
    """Check, confirm, plan and send a campaign (or one test message)."""
    from securemailmerge.campaign import (
        Campaign,
        DoNotContact,
        campaigns_dir,
        check_for_plan,
        graphs_of,
        report_lines,
        start_campaign,
    )
    from securemailmerge.cli.progress import run_campaign

    inputs = load_inputs(args)
    # One pass renders each row: the check's messages are the plan's (the run renders each draft).
    report, checked = check_for_plan(inputs.recipients, inputs.template, inputs.settings)
    if not report.ok:
        print("\n".join(report_lines(report)), file=sys.stderr)
        return EXIT_BLOCKED
    with signed_in(args) as connection:
        own = (connection.profile.mail or "").casefold()
        shared = args.sender if args.sender and args.sender.casefold() != own else None
        if args.mode == "test":
            return _test(connection, inputs, args, shared)
        folder = args.campaign or campaigns_dir() / datetime.now().strftime("%Y-%m-%d-%H%M%S")
        options = _campaign_options(args, connection, shared)
        mailbox = connection.sender(shared).address  # chosen and checked by the core

        def confirm(ready: int, skipped: int, license: LicenseStatus) -> bool:
            return _confirm(args, ready, skipped, mailbox, options.mode, license)

        lists = (inputs.recipients, inputs.template, inputs.settings)
        started = start_campaign(folder, connection, *lists, options, confirm=confirm, checked=checked)
        if started is None:
            print(translate("Cli", "Nothing was sent."), file=sys.stderr)
            return EXIT_BLOCKED
        campaign = Campaign(
            started.journal, graphs_of(connection), connection.factory, dnc=DoNotContact.for_mailbox(mailbox)
        )
        return run_campaign(campaign, folder)


def _campaign_options(
    args: argparse.Namespace, connection: Connection, shared: str | None
) -> CampaignOptions:
    """The mode, pace, window and schedule the options ask for, in the mailbox's time zone."""
    from securemailmerge.campaign import SCHEDULED, CampaignOptions, Pacing, parse_time
    from securemailmerge.m365 import load_mailbox_settings

    zone = args.time_zone
    if zone is None and (args.window or args.at or args.at_column):
        zone = load_mailbox_settings(connection.graph, connection.profile).time_zone or "UTC"
    return CampaignOptions(
        mode=SCHEDULED if args.mode == SCHEDULED else args.mode,
        pacing=Pacing(per_minute=args.per_minute, random_pause=args.random_pause, daily_cap=args.daily_cap),
        window=args.window,
        time_zone=zone,
        shared_mailbox=shared,
        send_at=parse_time(args.at, zone or "UTC") if args.at else None,
        send_at_column=args.at_column,
    )


def _confirm(
    args: argparse.Namespace, ready: int, skipped: int, mailbox: str, mode: str, license: LicenseStatus
) -> bool:
    from securemailmerge.campaign import DRAFTS, NOW, SCHEDULED

    texts = {
        NOW: translate("Cli", "Send {count} messages now from {mailbox}?"),
        DRAFTS: translate(
            "Cli", "Create {count} drafts in the Drafts of your mailbox, to be sent as {mailbox}?"
        ),
        SCHEDULED: translate("Cli", "Schedule {count} messages from {mailbox} (they wait in the Outbox)?"),
    }
    print(license.describe(), file=sys.stderr)
    if skipped:
        print(
            translate("Cli", "{count} rows are left out (do-not-contact list or unsubscribed).").format(
                count=skipped
            ),
            file=sys.stderr,
        )
    question = texts[mode].format(count=ready, mailbox=mailbox)
    if args.yes:
        print(question + " " + translate("Cli", "yes (--yes)"), file=sys.stderr)
        return True
    try:
        answer = input(question + " " + translate("Cli", "[y/N] "))
    except EOFError:
        return False
    return answer.strip().casefold() in {"y", "yes", "j", "ja", "s", "sí", "si"}


def _test(connection: Connection, inputs: Inputs, args: argparse.Namespace, shared: str | None) -> int:
    from securemailmerge.campaign import send_test

    recipient, license = send_test(
        connection, inputs.recipients, inputs.template, inputs.settings, row=args.row, shared_mailbox=shared
    )
    print(license.describe(), file=sys.stderr)
    print(
        translate("Cli", "Test message for row {row} sent to {address}.").format(
            row=recipient.row, address=connection.profile.mail
        )
    )
    return EXIT_READY


def run_resume(args: argparse.Namespace) -> int:
    """Continue a campaign from its journal, settling first what the mailbox already holds."""
    from securemailmerge.campaign import Campaign, DoNotContact, Journal, graphs_of
    from securemailmerge.cli.progress import run_campaign

    journal = Journal.open(args.campaign)
    with signed_in(args) as connection:
        planned_for = str(journal.setting("mailbox") or "")
        if planned_for and planned_for.casefold() != (connection.profile.mail or "").casefold():
            raise InputError(
                translate(
                    "Cli",
                    "This campaign belongs to {planned}, but {signed_in} is signed in; sign in as {planned}.",
                ).format(planned=planned_for, signed_in=connection.profile.mail)
            )
        if args.retry_failed:
            journal.retry_failed()
        if args.send_drafts:
            journal.send_drafts()
        mailbox = journal.setting("sender") or planned_for
        return run_campaign(
            Campaign(
                journal, graphs_of(connection), connection.factory, dnc=DoNotContact.for_mailbox(mailbox)
            ),
            args.campaign,
        )


def run_status(args: argparse.Namespace) -> int:
    """Print a campaign's counts and state, or list the campaigns in the data folder."""
    from securemailmerge.campaign import Journal, campaigns_dir, list_campaigns, summary_lines
    from securemailmerge.cli.progress import resume_hint

    if args.campaign is None:
        for folder in list_campaigns(campaigns_dir()):
            with Journal.open(folder) as journal:
                print(summary_lines(journal)[0])
        return EXIT_READY
    with Journal.open(args.campaign) as journal:
        print("\n".join(summary_lines(journal)))
        if journal.setting("status") not in {"finished", None}:
            print(resume_hint(args.campaign))
    return EXIT_READY


def run_report(args: argparse.Namespace) -> int:
    """Write the campaign's report."""
    from securemailmerge.campaign import Journal, write_report

    with Journal.open(args.campaign) as journal:
        count = write_report(journal, args.out)
    print(
        translate("Cli", "Wrote {count} rows to {file}.").format(count=count, file=args.out), file=sys.stderr
    )
    return EXIT_READY


def run_bounces(args: argparse.Namespace) -> int:
    """Read the Inbox for non-delivery reports and opt-out replies about the campaign."""
    from securemailmerge.campaign import (
        BOUNCED,
        BounceReader,
        DoNotContact,
        Journal,
        Mailbox,
        Pacing,
        Scheduler,
    )

    with Journal.open(args.campaign) as journal, signed_in(args) as connection:
        mailbox = Mailbox(connection.graph, connection.factory, Scheduler(Pacing()))
        dnc = DoNotContact.for_mailbox(journal.setting("sender") or journal.setting("mailbox") or "")
        found = BounceReader(journal, mailbox, dnc).check()
        for bounce in found.bounced:
            print(
                translate("Cli", "Row {row} bounced ({code}): {reason}").format(
                    row=bounce.row, code=bounce.code, reason=bounce.reason
                )
            )
        for address in found.unsubscribed:
            print(
                translate(
                    "Cli", "{address} asked to be unsubscribed; added to the do-not-contact list."
                ).format(address=address)
            )
        total = journal.counts()[BOUNCED]
    print(
        translate("Cli", "{new} new bounces; {total} in all.").format(new=len(found.bounced), total=total),
        file=sys.stderr,
    )
    return EXIT_READY


def run_donotcontact(args: argparse.Namespace) -> int:
    """List, add to, remove from, import into or export the mailbox's do-not-contact list."""
    from securemailmerge.campaign import DoNotContact

    dnc = DoNotContact.for_mailbox(args.mailbox)
    if args.add:
        count = dnc.add(args.add, translate("Cli", "added by hand"))
        print(translate("Cli", "{count} addresses added.").format(count=count), file=sys.stderr)
    elif args.remove:
        if not dnc.remove(args.remove):
            raise InputError(translate("Cli", "{address} is not on the list.").format(address=args.remove))
    elif args.import_file:
        count = dnc.import_csv(args.import_file)
        print(translate("Cli", "{count} addresses added.").format(count=count), file=sys.stderr)
    elif args.export_file:
        count = dnc.export_csv(args.export_file)
        print(
            translate("Cli", "Wrote {count} addresses to {file}.").format(count=count, file=args.export_file),
            file=sys.stderr,
        )
    else:
        for entry in dnc.entries():
            print(f"{entry.address}\t{entry.added}\t{entry.reason}")
    return EXIT_READY
