"""The thin layer between the windows and the engine: it owns the state and runs work off the UI thread.

Widgets call its methods and listen to its signals; it calls the engine through workers and turns
the engine's typed errors into the translated sentences they already carry. No business logic here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from securemailmerge.campaign import CheckStarted, PreflightReport, PreflightSettings, check_rows
from securemailmerge.errors import KeychainUnavailable, SecureMailMergeError, SignInRequired
from securemailmerge.m365 import (
    Account,
    Connection,
    DeviceCodePrompt,
    FolderLoaded,
    HttpFactory,
    OpenedAddressBook,
    RetryEvent,
    Session,
    SignedIn,
    TenantConfig,
    choose_methods,
    connect,
    iter_open_address_book,
    sign_in,
    sign_in_silently,
)
from securemailmerge.recipients import RecipientList, RecipientOptions, load_recipients
from securemailmerge.template import (
    CompiledTemplate,
    RenderedMessage,
    Template,
    compile_template,
    load_template,
)
from ui.worker import Worker

PROGRESS_STRIDE = 200  # rows between two progress steps of a long check, at most


class Controller(QObject):
    """What the user has opened and who is signed in; every slow step runs on a worker."""

    recipients_changed = Signal(object)  # RecipientList | None
    template_changed = Signal(object)  # Template | None
    report_ready = Signal(object)  # PreflightReport
    check_progress = Signal(int, int)  # rows checked, rows in all
    check_aborted = Signal()
    check_running = Signal(bool)  # a check started (True) or ended, however it ended (False)
    account_changed = Signal(object)  # Account | None
    device_code = Signal(object)  # DeviceCodePrompt
    address_book_opened = Signal(object)  # OpenedAddressBook
    address_book_progress = Signal(object)  # FolderLoaded
    address_book_failed = Signal(str)  # a sentence for the contacts dialog
    address_book_aborted = Signal()
    graph_waiting = Signal(object)  # RetryEvent: Microsoft throttled or a request is tried again
    failed = Signal(str)  # a sentence for the user
    notice = Signal(str)  # a passing sentence for the status line
    busy_changed = Signal(bool)

    def __init__(self, tenant: TenantConfig | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tenant = tenant
        self.recipients: RecipientList | None = None
        self.template: Template | None = None
        self.template_folder: Path | None = None
        self.report: PreflightReport | None = None
        self._compiled: CompiledTemplate | None = None
        self._factory = HttpFactory(tenant) if tenant else None
        self._connection: Connection | None = None
        self._workers: set[Worker] = set()
        self._check: Worker | None = None
        self._address_book: Worker | None = None
        self.parent_window: int | None = None  # the native window the OS broker's sign-in sits on

    @property
    def account(self) -> Account | None:
        """The signed-in account, if any."""
        return self._connection.account if self._connection else None

    def sender_address(self, shared_mailbox: str | None = None) -> str | None:
        """The address messages go out from (the core chooses it); None while nobody is signed in."""
        return self._connection.sender(shared_mailbox).address if self._connection else None

    @property
    def prefers_device_code(self) -> bool:
        """The built-in sandbox signs in with an auto-approved code instead of a browser."""
        return self.tenant is not None and self.tenant.is_loopback

    def run(
        self,
        job: Callable[[threading.Event], Any],
        done: Callable[[Any], None],
        *,
        progress: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
        aborted: Callable[[], None] | None = None,
    ) -> Worker:
        """Run ``job`` on a worker; its events go to ``progress``, its result to ``done`` (UI thread).

        An error goes, as a sentence, to ``failed`` (the dialog that asked) or else to ``failed``
        the signal; a stop the user asked for goes to ``aborted`` and is never taken for a result.
        """
        worker = Worker(job)
        self._workers.add(worker)
        self.busy_changed.emit(True)
        signals = worker.signals
        signals.returned.connect(done)
        if progress is not None:
            signals.yielded.connect(progress)
        if aborted is not None:
            signals.aborted.connect(aborted)
        tell = failed or self.failed.emit
        signals.errored.connect(lambda error: tell(self.describe(error)))
        signals.finished.connect(lambda: self._finished(worker))
        return worker.start()

    def describe(self, error: object) -> str:
        """The sentence the user reads for an error from the engine (or an unexpected one)."""
        if isinstance(error, SecureMailMergeError):
            return str(error)
        return self.tr("Something unexpected went wrong: {error}").format(error=error)

    def _finished(self, worker: Worker) -> None:
        self._workers.discard(worker)
        self.busy_changed.emit(bool(self._workers))

    def cancel_all(self) -> None:
        """Ask every running job to stop at its next step."""
        for worker in list(self._workers):
            worker.quit()

    # Recipients and template

    def open_recipients(self, path: Path, options: RecipientOptions | None = None) -> Worker:
        """Load a CSV or Excel file in the background."""
        return self.run(lambda _cancel: load_recipients(path, options or RecipientOptions()), self._set_list)

    def set_recipients(self, recipients: RecipientList | None) -> None:
        """Use ``recipients`` (from a file or an address book)."""
        self._set_list(recipients)

    def _set_list(self, recipients: object) -> None:
        assert recipients is None or isinstance(recipients, RecipientList)
        self.recipients = recipients
        self._compiled = None
        self.report = None
        self.recipients_changed.emit(recipients)

    def open_template(self, path: Path) -> bool:
        """Load a template file; a problem goes to ``failed`` and the previous template stays."""
        try:
            template = load_template(path)
        except SecureMailMergeError as error:
            self.failed.emit(str(error))
            return False
        self.template = template
        self.template_folder = path.parent
        self._compiled = None
        self.report = None
        self.template_changed.emit(template)
        return True

    def preview(self, fields: Mapping[str, str]) -> RenderedMessage | str:
        """The rendered message for one row, or the sentence saying why it cannot be rendered."""
        if self.template is None or self.recipients is None:
            return self.tr("Open a recipient list and a template to see a preview.")
        try:
            if self._compiled is None:
                self._compiled = compile_template(self.template, self.recipients.columns)
            return self._compiled.render(fields)
        except SecureMailMergeError as error:
            return str(error)

    def check(self) -> Worker | None:
        """Run preflight over every row in the background; progress on ``check_progress``."""
        if self.template is None or self.recipients is None:
            self.failed.emit(self.tr("Open a recipient list and a template first."))
            return None
        recipients, template = self.recipients, self.template
        try:
            sender = self.sender_address()
        except SecureMailMergeError as error:
            self.failed.emit(str(error))
            return None
        settings = PreflightSettings(base_folder=self.template_folder, sender=sender)

        def job(_cancel: threading.Event) -> Generator[tuple[int, int], None, PreflightReport]:
            total = len(recipients.rows)
            # A signal per row would flood the window; about a hundred steps show the progress.
            stride = max(1, min(PROGRESS_STRIDE, total // 100))
            for event in check_rows(recipients, template, settings):
                if isinstance(event, PreflightReport):
                    return event
                if isinstance(event, CheckStarted):
                    yield 0, total
                elif event.position % stride == 0 or event.position == total:
                    yield event.position, total
            raise AssertionError("preflight ends with its report")

        def done(report: object) -> None:
            assert isinstance(report, PreflightReport)
            self.report = report
            self.report_ready.emit(report)

        self.cancel_check()
        worker = self.run(
            job,
            done,
            progress=lambda step: self.check_progress.emit(*step),
            aborted=self.check_aborted.emit,
        )
        worker.signals.finished.connect(lambda: self._check_ended(worker))
        self._check = worker
        self.check_running.emit(True)
        return worker

    def _check_ended(self, worker: Worker) -> None:
        if self._check is worker:
            self._check = None
            self.check_running.emit(False)

    def cancel_check(self) -> None:
        """Ask a running check to stop; ``check_aborted`` confirms it."""
        if self._check is not None:
            self._check.quit()

    # Microsoft 365

    def _connect(self, sign_in: Callable[[Session], Account | None], stay_signed_in: bool) -> Connection:
        """Runs on a worker: the one connect seam, with Graph's waits forwarded as ``graph_waiting``."""
        assert self.tenant is not None
        return connect(
            self.tenant, sign_in, stay_signed_in=stay_signed_in, on_retry=self._waiting, factory=self._factory
        )

    def _waiting(self, event: RetryEvent) -> None:
        # Called on the worker thread: a queued signal carries it to the window.
        self.graph_waiting.emit(event)

    def _connected(self, connection: object) -> None:
        assert connection is None or isinstance(connection, Connection)
        self._disconnect()
        self._connection = connection
        self.account_changed.emit(connection.account if connection else None)

    def _disconnect(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def sign_in(self, *, device_code: bool, stay_signed_in: bool) -> Worker | None:
        """Sign in with the browser or with a code; the account arrives on ``account_changed``."""
        if self.tenant is None:
            self.failed.emit(self.tr("No Microsoft 365 tenant is configured; see the README."))
            return None
        self._disconnect()

        signed: list[SignedIn] = []

        def job(cancel: threading.Event) -> Connection:
            def step(session: Session) -> Account:
                methods = choose_methods(broker=session.broker, device_code=device_code)
                signed.append(
                    sign_in(
                        session,
                        methods,
                        on_prompt=self._prompt,
                        parent_window=self.parent_window,
                        cancel=cancel,
                    )
                )
                return signed[-1].account

            return self._connect(step, stay_signed_in)

        def done(connection: object) -> None:
            self._connected(connection)
            if signed:
                self.notice.emit(signed[-1].message)  # which way the user signed in

        return self.run(job, done)

    def _prompt(self, prompt: DeviceCodePrompt) -> None:
        # Called on the worker thread: a queued signal carries it to the window.
        self.device_code.emit(prompt)

    def sign_in_silent(self) -> Worker | None:
        """Sign in from a kept sign-in, if there is one; quietly does nothing otherwise."""
        if self.tenant is None:
            return None

        def job(_cancel: threading.Event) -> Connection | None:
            try:
                return self._connect(sign_in_silently, stay_signed_in=True)
            except KeychainUnavailable:
                return None  # no keychain: nothing can have been kept
            except SignInRequired as error:
                if error.code == "not_signed_in":
                    return None
                raise

        return self.run(job, self._connected)

    def open_address_book(self, shared_mailbox: str | None) -> Worker | None:
        """Load the user's (or a shared mailbox's) contacts and categories in the background.

        Progress arrives on ``address_book_progress``, errors on ``address_book_failed`` (the
        contacts dialog asked, so they land there), a stop on ``address_book_aborted``.
        """
        connection = self._connection
        if connection is None or connection.account is None:
            self.address_book_failed.emit(self.tr("Sign in first to use Outlook contacts."))
            return None

        def job(_cancel: threading.Event) -> Generator[FolderLoaded, None, OpenedAddressBook]:
            graph, factory, profile = connection.graph, connection.factory, connection.profile
            for event in iter_open_address_book(graph, factory, profile, shared_mailbox):
                if isinstance(event, OpenedAddressBook):
                    return event
                yield event
            raise AssertionError("loading ends with the address book")

        self.cancel_address_book()
        self._address_book = self.run(
            job,
            self.address_book_opened.emit,
            progress=self.address_book_progress.emit,
            failed=self.address_book_failed.emit,
            aborted=self.address_book_aborted.emit,
        )
        return self._address_book

    def cancel_address_book(self) -> None:
        """Ask a running contacts load to stop; ``address_book_aborted`` confirms it."""
        if self._address_book is not None:
            self._address_book.quit()

    def sign_out(self) -> None:
        """Forget the account, its tokens and any kept sign-in."""
        if self._connection is not None:
            self._connection.session.sign_out()
            self._disconnect()
        self.account_changed.emit(None)

    def close(self) -> None:
        """Stop background work and close connections."""
        self.cancel_all()
        self._disconnect()
