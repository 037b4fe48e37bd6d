"""How the command line shows a running campaign: a progress bar with an ETA, and one line per notable event.

The bar is rich's, on stderr: typed, and it falls back to plain lines when stderr is not a terminal.
After any interruption (Ctrl+C, a stop, a pause) the command that continues is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from securemailmerge import formatting
from securemailmerge.campaign import (
    Campaign,
    Cancelled,
    Event,
    Finished,
    Paused,
    Reconciled,
    RowBounced,
    RowDrafted,
    RowFailed,
    RowScheduled,
    RowSent,
    Started,
    Stopped,
    Waiting,
    counts_text,
)
from securemailmerge.cli.common import EXIT_BLOCKED, EXIT_READY
from securemailmerge.i18n import translate
from securemailmerge.m365 import Retrying, Throttled

EXIT_INTERRUPTED = 130


def resume_hint(folder: Path) -> str:
    """The command that continues the campaign in ``folder``."""
    return translate("Cli", "To continue: securemailmerge resume --campaign {folder}").format(folder=folder)


def run_campaign(campaign: Campaign, folder: Path) -> int:
    """Run the campaign, showing its progress; the exit code."""
    console = Console(stderr=True, highlight=False)
    run = campaign.run()
    code = EXIT_READY
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(translate("Cli", "Sending"), total=None)
        try:
            for event in run:
                code = _show(event, progress, task, console, folder, code)
        except KeyboardInterrupt:
            run.close()
            console.print(translate("Cli", "Interrupted. Every step so far is in the journal."), markup=False)
            console.print(resume_hint(folder), markup=False)
            return EXIT_INTERRUPTED
    return code


def _show(event: Event, progress: Progress, task: TaskID, console: Console, folder: Path, code: int) -> int:
    say: Callable[[str], None] = lambda text: console.print(text, markup=False)  # noqa: E731
    if isinstance(event, Started):
        done = event.total - event.pending
        progress.update(task, total=event.total, completed=done)
        say(
            translate(
                "Cli", "Campaign {folder}: {pending} of {total} to go, from {mailbox}, mode {mode}."
            ).format(
                folder=folder,
                pending=formatting.number(event.pending),
                total=formatting.number(event.total),
                mailbox=event.mailbox,
                mode=event.mode,
            )
        )
    elif isinstance(event, RowSent | RowScheduled | RowDrafted):
        progress.advance(task)
    elif isinstance(event, RowFailed):
        progress.advance(task)
        say(
            translate("Cli", "Row {row} failed ({code}): {reason}").format(
                row=event.row, code=event.code, reason=event.reason
            )
        )
        return EXIT_BLOCKED
    elif isinstance(event, RowBounced):
        say(
            translate("Cli", "Row {row} bounced ({code}): {reason}").format(
                row=event.row, code=event.code, reason=event.reason
            )
        )
    elif isinstance(event, Reconciled):
        say(translate("Cli", "Row {row}: {how}").format(row=event.row, how=event.how))
    elif isinstance(event, Waiting):
        until = formatting.when(datetime.fromtimestamp(event.until).astimezone())
        say(translate("Cli", "Waiting until {time}: {why}.").format(time=until, why=event.explained()))
    elif isinstance(event, Throttled | Retrying):
        progress.update(task, description=str(event))
    elif isinstance(event, Stopped | Paused):
        say(event.reason)
        say(resume_hint(folder))
        return EXIT_BLOCKED
    elif isinstance(event, Cancelled):
        say(
            translate("Cli", "Cancelled; {count} unsent drafts deleted.").format(
                count=formatting.number(event.deleted)
            )
        )
        return EXIT_BLOCKED
    elif isinstance(event, Finished):
        progress.update(task, description=translate("Cli", "Done"))
        say(counts_text(event.counts))
    return code
