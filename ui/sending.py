"""The Send step's side of the controller: test send, start, pause, resume, cancel and the report.

It drives the engine (``start_campaign``, ``Campaign.run``, ``send_test``) on workers and hands each
event to the window as a signal; pause, resume and cancel go to the engine's ``Control`` so the run
acts on them between its steps (cancel also deletes the drafts it made). The confirmation happens
inside ``start_campaign`` on the worker: the worker asks the window through ``confirm_needed`` and
waits for the user's answer, so the license is checked and the plan made exactly once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from securemailmerge.campaign import (
    BounceReader,
    Campaign,
    CampaignOptions,
    Control,
    DoNotContact,
    Journal,
    Mailbox,
    Pacing,
    PreflightSettings,
    Scheduler,
    campaigns_dir,
    graphs_of,
    list_campaigns,
    send_test,
    start_campaign,
    write_report,
)
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import Connection, LicenseStatus
from securemailmerge.recipients import RecipientList
from securemailmerge.template import Template
from ui.controller import Controller
from ui.worker import Worker

FINAL = frozenset({"finished", "cancelled"})


@dataclass
class Confirmation:
    """What the user is asked before a campaign starts; ``answer`` is set on the UI thread."""

    ready: int
    skipped: int
    license: LicenseStatus
    mailbox: str
    mode: str
    answer: bool = False
    done: threading.Event = field(default_factory=threading.Event)


def interrupted_campaigns() -> list[Path]:
    """Campaign folders whose run did not finish (newest first): the ones to offer resuming."""
    found = []
    for folder in list_campaigns(campaigns_dir()):
        try:
            with Journal.open(folder) as journal:
                if journal.setting("status") not in FINAL:
                    found.append(folder)
        except SecureMailMergeError:
            continue  # a folder that is not a readable campaign is not offered
    return found


class Sending(QObject):
    """Runs one campaign (or one test) at a time for the Send step."""

    confirm_needed = Signal(object)  # Confirmation, answered by the window
    progressed = Signal(object)  # an engine event of the running campaign
    started = Signal(object)  # the campaign's folder
    ended = Signal()  # the run ended, however it ended
    bounces_checked = Signal(int)  # how many new bounces one look at the Inbox found
    checking_changed = Signal(bool)  # a look at the Inbox started (True) or ended (False)
    test_sent = Signal(str)  # the sentence saying where the test went
    failed = Signal(str)

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.control: Control | None = None
        self.folder: Path | None = None
        self.running = False
        self.checking = False  # one look at the Inbox at a time
        self._worker: Worker | None = None

    def _connection(self) -> Connection | None:
        connection = self.controller.connection
        if connection is None:
            self.failed.emit(self.tr("Sign in first to send."))
        return connection

    def _inputs(self) -> tuple[Connection, Callable[[], RecipientList], Template] | None:
        """The connection, the recipients as sent (made by the worker that calls it) and the message;
        None (and why, said) if one is missing."""
        connection = self._connection()
        if connection is None:
            return None
        sent, template = self.controller.sending_rows(), self.controller.template
        if self.controller.recipients is None or template is None:
            self.failed.emit(self.tr("Open a recipient list and write a message first."))
            return None

        def recipients() -> RecipientList:
            made = sent()
            assert made is not None  # made of the list there was when the send was asked for
            return made

        return connection, recipients, template

    def _preflight(self) -> PreflightSettings:
        return PreflightSettings(base_folder=self.controller.template_folder)

    def send_test(self, row: int | None) -> None:
        """Send the message of source row ``row`` (or the first ready one) to the signed-in user."""
        inputs = self._inputs()
        if inputs is None:
            return
        connection, recipients, template = inputs
        shared = self.controller.shared_sender

        def job(_cancel: threading.Event) -> str:
            recipient, license = send_test(
                connection, recipients(), template, self._preflight(), row=row, shared_mailbox=shared
            )
            self.controller.license = license
            return self.tr("Test message for row {row} sent to {address}.").format(
                row=recipient.row, address=connection.profile.mail
            )

        self.controller.run(job, self.test_sent.emit, failed=self.failed.emit)

    def start(self, options: CampaignOptions) -> None:
        """Plan, confirm and run a new campaign in a new folder of the data folder."""
        inputs = None if self.running else self._inputs()
        if inputs is None:
            return
        connection, recipients, template = inputs
        folder = campaigns_dir() / datetime.now().strftime("%Y-%m-%d-%H%M%S-%f")
        mailbox = self.controller.sender_address()

        def confirm(ready: int, skipped: int, license: LicenseStatus) -> bool:
            asked = Confirmation(ready, skipped, license, mailbox, options.mode)
            self.confirm_needed.emit(asked)
            asked.done.wait()
            return asked.answer

        def job(cancel: threading.Event) -> Generator[object, None, None]:
            started = start_campaign(
                folder, connection, recipients(), template, self._preflight(), options, confirm=confirm
            )
            if started is None:
                return
            self.controller.license = started.license
            yield folder
            yield from self._run(connection, started.journal, mailbox)

        self._go(job)

    def resume(self, folder: Path) -> None:
        """Continue an interrupted campaign, settling first what the mailbox already holds."""
        connection = self._connection()
        if connection is None or self.running:
            return

        def job(_cancel: threading.Event) -> Generator[object, None, bool]:
            journal = Journal.open(folder)
            yield folder
            mailbox = str(journal.setting("sender") or journal.setting("mailbox") or "")
            yield from self._run(connection, journal, mailbox)
            return True

        self._go(job)

    def _run(self, connection: Connection, journal: Journal, mailbox: str) -> Generator[object, None, None]:
        assert self.control is not None
        campaign = Campaign(
            journal,
            graphs_of(connection),
            connection.factory,
            control=self.control,
            dnc=DoNotContact.for_mailbox(mailbox),
        )
        try:
            yield from campaign.run()
        finally:
            journal.close()

    def _go(self, job: Callable[[threading.Event], Any]) -> None:
        self.control = Control()
        self.running = True

        def event(item: object) -> None:
            if isinstance(item, Path):
                self.folder = item
                self.started.emit(item)
            else:
                self.progressed.emit(item)

        # Nothing is done with the result: the events and the journal say what happened.
        self._worker = self.controller.run(
            job, lambda _result: None, progress=event, failed=self.failed.emit, finished=self._ended
        )

    def _ended(self) -> None:
        self.running = False
        self.ended.emit()

    def leave(self) -> None:
        """The app closes: stop the run at its next step and keep it resumable (no draft deleted)."""
        if self.running and self._worker is not None:
            self._worker.quit()
            if self.control is not None:
                self.control.resume()  # a paused run waits inside a step; let it reach the next one

    def pause(self) -> None:
        """Ask the run to pause after its current step."""
        if self.control is not None:
            self.control.pause()

    def resume_run(self) -> None:
        """Let a paused run go on."""
        if self.control is not None:
            self.control.resume()

    def cancel(self) -> None:
        """Stop the run; the drafts it made that were not sent are deleted."""
        if self.control is not None:
            self.control.cancel()
            self.control.resume()

    def check_bounces(self) -> None:
        """Look in the Inbox for non-delivery reports of the current campaign; each arrives as an event."""
        connection = self._connection()
        folder = self.folder
        if connection is None or folder is None or self.running or self.checking:
            return

        def job(_cancel: threading.Event) -> Generator[object, None, int]:
            with Journal.open(folder) as journal:
                mailbox = Mailbox(connection.graph, connection.factory, Scheduler(Pacing()))
                sender = str(journal.setting("sender") or journal.setting("mailbox") or "")
                found = BounceReader(journal, mailbox, DoNotContact.for_mailbox(sender)).check()
            yield from found.bounced
            return len(found.bounced)

        def done(count: object) -> None:
            self.bounces_checked.emit(int(count) if isinstance(count, int) else 0)

        self._set_checking(True)
        self.controller.run(
            job,
            done,
            progress=self.progressed.emit,
            failed=self.failed.emit,
            finished=lambda: self._set_checking(False),
        )

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        self.checking_changed.emit(checking)

    def export_report(self, path: Path) -> int:
        """Write the current campaign's report as CSV or XLSX; returns the number of rows."""
        assert self.folder is not None
        with Journal.open(self.folder) as journal:
            return write_report(journal, path)
