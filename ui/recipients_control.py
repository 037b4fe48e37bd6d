"""The controller's recipients half: the list from a file or an address book, ticks, the do-not-contact list.

A mixin of ``ui.controller.Controller`` (which defines the signals and runs the workers), kept apart
as ``ui.account_control`` is, so each part of the controller can be read whole. No business logic:
reading files and the do-not-contact list are the engine's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from securemailmerge.campaign import ContactsSource, DoNotContact, left_out_rows
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.recipients import RecipientList, RecipientOptions, load_recipients
from securemailmerge.template import CompiledTemplate, Template, compile_template
from ui import collector
from ui.pulse import give_way

if TYPE_CHECKING:
    import threading

    from PySide6.QtCore import QObject, SignalInstance

    from ui.account_control import ErrorHandler
    from ui.worker import Worker

    _Base = QObject  # for type checkers: the mixin's self is the Controller, a QObject
else:
    _Base = object

MARK_STRETCH = 2000  # rows tested against the do-not-contact list between two chances for the window


def without(recipients: RecipientList | None, out: frozenset[int]) -> RecipientList | None:
    """``recipients`` with the source rows ``out`` excluded; made on a worker, since taking 10,000
    rows out of 100,000 one Recipient at a time held the UI thread for most of a second."""
    return recipients.without(out) if recipients is not None else None


class RecipientSources(_Base):
    """Which recipients the campaign has and which rows of them go out, for ``Controller``."""

    if TYPE_CHECKING:
        # Defined by Controller (a QObject): its state, signals and worker runner.
        recipients: RecipientList | None
        recipients_path: Path | None
        recipient_options: RecipientOptions
        contacts_source: ContactsSource | None
        left_out: set[int]
        blocked: dict[int, str]
        _blocked_generation: int
        _compiled: CompiledTemplate | None
        template: Template | None
        recipients_changed: SignalInstance
        do_not_contact_changed: SignalInstance
        failed: SignalInstance

        def run(
            self,
            job: Callable[[threading.Event], Any],
            done: Callable[[Any], None],
            *,
            progress: Callable[[Any], None] | None = None,
            failed: ErrorHandler | None = None,
            aborted: Callable[[], None] | None = None,
        ) -> Worker: ...

        def inputs_changed(self) -> None: ...

        def sender_address(self) -> str: ...

    def open_recipients(
        self,
        path: Path,
        options: RecipientOptions | None = None,
        on_error: ErrorHandler | None = None,
        *,
        reading_again: bool = False,
    ) -> Worker:
        """Load a CSV or Excel file in the background; a failure clears what the previous one showed.

        When ``reading_again`` fails the file and the options tried stay, so another choice can follow.
        """
        chosen = options or RecipientOptions()
        template = self.template

        def job(_cancel: threading.Event) -> tuple[RecipientList, CompiledTemplate | None]:
            with collector.loading():
                loaded = load_recipients(path, chosen)
            # The preview shows a row as soon as the list arrives; compiling the template for it on
            # the UI thread froze the window for a tenth of a second.
            try:
                compiled = compile_template(template, loaded.columns) if template else None
            except SecureMailMergeError:
                return loaded, None  # the preview states the template's problem when it asks
            return loaded, compiled

        def done(result: tuple[RecipientList, CompiledTemplate | None]) -> None:
            self.recipients_path, self.recipient_options = path, chosen
            self.contacts_source = None
            loaded, compiled = result
            self._set_list(loaded, compiled if template is self.template else None)

        def failed(message: str) -> None:
            if reading_again:
                self.recipient_options = chosen
            else:
                self.recipients_path = None
            self._set_list(None)
            (on_error or self.failed.emit)(message)

        return self.run(job, done, failed=failed)

    def reload_recipients(self, on_error: ErrorHandler | None = None, **changes: Any) -> Worker | None:
        """Read the same file again with some options changed (sheet, encoding, columns...)."""
        if self.recipients_path is None:
            return None
        options = replace(self.recipient_options, **changes)
        return self.open_recipients(self.recipients_path, options, on_error, reading_again=True)

    def set_recipients(self, recipients: RecipientList | None, source: ContactsSource | None = None) -> None:
        """Use ``recipients`` (from the address book and filter ``source``)."""
        self.recipients_path, self.contacts_source = None, source
        self._set_list(recipients)

    def _set_list(self, recipients: RecipientList | None, compiled: CompiledTemplate | None = None) -> None:
        self.recipients = recipients
        self.left_out = set()
        self._compiled = compiled
        self.recipients_changed.emit(recipients)
        self.inputs_changed()

    def set_left_out(self, row: int, left_out: bool) -> None:
        """Include or leave out one source row (the user's tick in the table)."""
        (self.left_out.add if left_out else self.left_out.discard)(row)
        self.inputs_changed()

    def sending_list(self) -> RecipientList | None:
        """The recipients as the campaign will use them: rows the user left out join the excluded ones.

        Rows on the do-not-contact list stay in: the campaign leaves them out itself when it starts
        (with the list as it is then) and names them in its confirmation and report.
        """
        return self.sending_rows()()

    def sending_rows(self) -> Callable[[], RecipientList | None]:
        """``sending_list`` as the rows left out are now, to be made on a worker (see ``without``)."""
        recipients, out = self.recipients, frozenset(self.left_out)
        return lambda: without(recipients, out)

    def checked_list(self) -> RecipientList | None:
        """The recipients the check speaks of: without the rows left out by the user or the list."""
        return self.checked_rows()()

    def checked_rows(self) -> Callable[[], RecipientList | None]:
        """``checked_list`` as the rows left out are now, to be made on a worker (see ``without``)."""
        recipients, out = self.recipients, frozenset(self.left_out | self.blocked.keys())
        return lambda: without(recipients, out)

    # The do-not-contact list of the mailbox messages go out from

    def refresh_do_not_contact(self) -> None:
        """Find, on a worker, the rows the do-not-contact list or the list's own marks leave out."""
        self._blocked_generation += 1
        generation, recipients = self._blocked_generation, self.recipients

        def done(found: object) -> None:
            if generation == self._blocked_generation and isinstance(found, dict):
                changed = found != self.blocked
                self.blocked = found
                self.do_not_contact_changed.emit(found)
                if changed:
                    self.inputs_changed()

        if recipients is None:
            done({})
            return
        sender = self.sender_address()

        def job(_cancel: threading.Event) -> dict[int, str]:
            # Off the UI thread, in stretches: the window paints the new list meanwhile, and a
            # worker testing 100,000 rows in one go kept the GIL from it for 100 ms at a time.
            dnc = DoNotContact.for_mailbox(sender) if sender else None
            rows, found = recipients.rows, {}
            for start in range(0, len(rows), MARK_STRETCH):
                give_way()
                found.update(left_out_rows(replace(recipients, rows=rows[start : start + MARK_STRETCH]), dnc))
            return found

        self.run(job, done)
