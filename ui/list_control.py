"""The controller's half about which rows go out: the user's ticks, the do-not-contact list, a new window.

A mixin of ``ui.controller.Controller`` (which defines the signals and runs the workers), kept apart
as ``account_control`` is, so each half can be read whole. Rows on the do-not-contact list are found
on a worker by the engine (``campaign.suppression.left_out_rows``); nothing is decided here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from securemailmerge.campaign import DoNotContact, PreflightReport, left_out_rows
from securemailmerge.recipients import RecipientList
from securemailmerge.template import Template

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance

    from securemailmerge.m365 import Account, Profile
    from ui.worker import Worker

    _Base = QObject  # for type checkers: the mixin's self is the Controller, a QObject
else:
    _Base = object


class RecipientsSeen(_Base):
    """The lists the check and the campaign use, the do-not-contact marks, and telling a new window."""

    if TYPE_CHECKING:
        # Defined by Controller (a QObject): its state, signals and worker runner.
        recipients: RecipientList | None
        template: Template | None
        report: PreflightReport | None
        profile: Profile | None
        left_out: set[int]
        blocked: dict[int, str]
        blocked_generation: int
        recipients_changed: SignalInstance
        template_changed: SignalInstance
        account_changed: SignalInstance
        profile_changed: SignalInstance
        sender_changed: SignalInstance
        report_ready: SignalInstance
        do_not_contact_changed: SignalInstance

        @property
        def account(self) -> Account | None: ...
        def sender_address(self) -> str: ...
        def inputs_changed(self) -> None: ...
        def run(
            self,
            job: Callable[[threading.Event], Any],
            done: Callable[[Any], None],
            *,
            progress: Callable[[Any], None] | None = None,
            failed: Callable[[str], None] | None = None,
            aborted: Callable[[], None] | None = None,
        ) -> Worker: ...

    def sending_list(self) -> RecipientList | None:
        """The recipients as the campaign will use them: rows the user left out join the excluded ones.

        Rows on the do-not-contact list stay in: the campaign leaves them out itself when it starts
        (with the list as it is then) and names them in its confirmation and report.
        """
        return self._without(self.left_out)

    def checked_list(self) -> RecipientList | None:
        """The recipients the check speaks of: without the rows left out by the user or the list."""
        return self._without(self.left_out | self.blocked.keys())

    def _without(self, out: set[int]) -> RecipientList | None:
        if self.recipients is None or not out:
            return self.recipients
        rows = [r for r in self.recipients.rows if r.row not in out]
        unticked = [r for r in self.recipients.rows if r.row in out]
        return replace(self.recipients, rows=rows, excluded=[*self.recipients.excluded, *unticked])

    # The do-not-contact list of the mailbox messages go out from

    def refresh_do_not_contact(self) -> None:
        """Find, on a worker, the rows the do-not-contact list or the list's own marks leave out."""
        self.blocked_generation += 1
        generation, recipients = self.blocked_generation, self.recipients

        def done(found: object) -> None:
            if generation == self.blocked_generation and isinstance(found, dict):
                changed = found != self.blocked
                self.blocked = found
                self.do_not_contact_changed.emit(found)
                if changed:
                    self.inputs_changed()

        if recipients is None:
            done({})
            return
        sender = self.sender_address()
        # Reading the list file and testing 100,000 rows stays off the UI thread.
        self.run(
            lambda _cancel: left_out_rows(recipients, DoNotContact.for_mailbox(sender) if sender else None),
            done,
        )

    def replay(self) -> None:
        """Tell a newly built window everything already open: list, template, account, sender, report."""
        self.recipients_changed.emit(self.recipients)
        self.template_changed.emit(self.template)
        self.account_changed.emit(self.account)
        self.profile_changed.emit(self.profile)
        self.sender_changed.emit(self.sender_address())
        if self.report is not None:
            self.report_ready.emit(self.report)
