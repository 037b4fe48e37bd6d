"""The thin layer between the windows and the engine: it owns the state and runs work off the UI thread.

Widgets call its methods and listen to its signals; it calls the engine through workers and turns
the engine's typed errors into the translated sentences they already carry. No business logic here.
Errors go to the ``on_error`` callback of the call that caused them (so a dialog shows its own),
and to ``failed`` (the window's message box) only when the caller gave none.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from securemailmerge.campaign import (
    CheckStarted,
    ContactsSource,
    Outgoing,
    PreflightReport,
    PreflightSettings,
    available_workers,
    check_rows,
    preflight_in_workers,
)
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import Account, Connection, HttpFactory, LicenseStatus, Profile, TenantConfig
from securemailmerge.recipients import RecipientList, RecipientOptions
from securemailmerge.template import (
    CompiledTemplate,
    Template,
    load_template,
)
from ui.account_control import ErrorHandler, MicrosoftAccount
from ui.pulse import give_way, start_pulse
from ui.recipients_control import RecipientSources
from ui.rendering import Rendering
from ui.worker import Worker, share_the_gil

# Typing in the editor or ticking rows re-runs the check; waiting this long keeps it from running per key.
CHECK_DELAY_MS = 400
PROGRESS_STRIDE = 200  # rows between two progress steps of a long check, at most


class Controller(MicrosoftAccount, RecipientSources, Rendering, QObject):
    """What the user has opened and who is signed in; every slow step runs on a worker."""

    recipients_changed = Signal(object)  # RecipientList | None
    template_changed = Signal(object)  # Template | None
    report_ready = Signal(object)  # PreflightReport
    report_stale = Signal()  # inputs changed; a new report is on its way
    check_progress = Signal(int, int)  # rows checked, rows in all
    check_aborted = Signal()
    check_running = Signal(bool)  # a check started (True) or ended, however it ended (False)
    account_changed = Signal(object)  # Account | None
    graph_waiting = Signal(object)  # RetryEvent: Microsoft throttled or a request is tried again
    profile_changed = Signal(object)  # Profile | None
    sender_changed = Signal(str)  # the address messages go out from ("" when unknown)
    device_code = Signal(object)  # DeviceCodePrompt
    address_book_opened = Signal(object)  # OpenedAddressBook
    address_book_progress = Signal(object)  # FolderLoaded
    address_book_failed = Signal(str)  # a sentence for the contacts dialog
    address_book_aborted = Signal()
    failed = Signal(str)  # a sentence for the user
    browser_unavailable = Signal(str)  # no browser could be opened: the sign-in goes on with a code
    notice = Signal(str)  # a passing sentence for the status line
    busy_changed = Signal(bool)
    network_entry = Signal(object)  # one line of the network log, just written (from any thread)
    do_not_contact_changed = Signal(object)  # dict: source row -> why the do-not-contact list leaves it out

    def __init__(self, tenant: TenantConfig | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        share_the_gil()
        self._pulse = start_pulse()
        self.tenant = tenant
        self.tenant_pending = False  # Settings changed the tenant while a campaign sent: applied when it ends
        self.recipients: RecipientList | None = None
        self.recipients_path: Path | None = None
        self.recipient_options = RecipientOptions()
        self.contacts_source: ContactsSource | None = None  # the mailbox and filter the contacts came from
        self.left_out: set[int] = set()  # source rows the user unticked
        self.blocked: dict[int, str] = {}  # source rows the do-not-contact list leaves out, and why
        self._blocked_generation = 0
        self.template: Template | None = None
        self.template_folder: Path | None = None
        self.report: PreflightReport | None = None
        self.check_stopped = False  # the newest check was stopped before its report: none is on its way
        self.profile: Profile | None = None
        self.shared_sender: str | None = None
        self.license: LicenseStatus | None = None  # as last checked (address book, test, campaign)
        self._compiled: CompiledTemplate | None = None
        self._outgoing: Outgoing | None = None
        self._factory = HttpFactory(tenant) if tenant else None
        if self._factory is not None:
            # Emitted on the thread that sent the request; Qt queues it to the Network activity view.
            self._factory.log.listen(self.network_entry.emit)
        self._connection: Connection | None = None
        self._workers: set[Worker] = set()
        self._check: Worker | None = None
        self._address_book: Worker | None = None
        self.parent_window: int | None = None  # the native window the OS broker's sign-in sits on
        self._check_generation = 0
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_again)
        self.recipients_changed.connect(lambda _list: self.refresh_do_not_contact())
        self.sender_changed.connect(lambda _address: self.refresh_do_not_contact())

    def use_tenant(self, tenant: TenantConfig | None) -> None:
        """Work with ``tenant`` from now on: signed out of the old one (its kept sign-in stays), new HTTP."""
        if tenant == self.tenant:
            return
        self.cancel_all()  # an address book or sign-in of the old tenant is not wanted any more
        self._connected(None)
        self.tenant, self.license = tenant, None
        self._factory = HttpFactory(tenant) if tenant else None
        if self._factory is not None:
            self._factory.log.listen(self.network_entry.emit)

    @property
    def account(self) -> Account | None:
        """The signed-in account, if any."""
        return self._connection.account if self._connection else None

    @property
    def factory(self) -> HttpFactory | None:
        """The HTTP factory of the tenant (None when working offline)."""
        return self._factory

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
        failed: ErrorHandler | None = None,
        aborted: Callable[[], None] | None = None,
        finished: Callable[[], None] | None = None,
    ) -> Worker:
        """Run ``job`` on a worker; its events go to ``progress``, its result to ``done`` (UI thread).

        An error goes, as a sentence, to ``failed`` (the dialog that asked) or else to ``failed``
        the signal; a stop the user asked for goes to ``aborted`` and is never taken for a result.
        ``finished`` is called last, however the job ended (connected before it starts, so a job
        that ends at once is not missed).
        """
        worker = Worker(job)
        self._workers.add(worker)
        self._pulse.hold()
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
        if finished is not None:
            signals.finished.connect(finished)
        return worker.start()

    def _finished(self, worker: Worker) -> None:
        if worker in self._workers:
            self._pulse.release()
        self._workers.discard(worker)
        self.busy_changed.emit(bool(self._workers))

    def describe(self, error: object) -> str:
        """The sentence for an error: the engine's own message, or a plain note for a bug."""
        if isinstance(error, SecureMailMergeError):
            return str(error)
        return self.tr("Something unexpected went wrong: {error}").format(error=error)

    def cancel_all(self) -> None:
        """Ask every running job to stop at its next step."""
        for worker in list(self._workers):
            worker.quit()

    # Template

    def open_template(self, path: Path, on_error: ErrorHandler | None = None) -> bool:
        """Load a template file; a problem goes to ``on_error`` and the previous template stays."""
        try:
            template = load_template(path)
        except SecureMailMergeError as error:
            (on_error or self.failed.emit)(str(error))
            return False
        self.set_template(template, path.parent)
        return True

    def set_template(self, template: Template | None, folder: Path | None = None) -> None:
        """Use ``template`` (edited in the window); attachments are found in ``folder``."""
        self.template = template
        if folder is not None:
            self.template_folder = folder
        self._compiled = None
        self._outgoing = None  # images are read again: the user may have changed them
        self.template_changed.emit(template)
        self.inputs_changed()

    # The check, always about the current inputs

    def inputs_changed(self) -> None:
        """Recipients, template or sender changed: the report is stale until the next check finishes."""
        self.report = None
        self.check_stopped = False
        self._check_generation += 1
        self.cancel_check()
        if self.template is not None and self.recipients is not None:
            self._check_timer.start()
        else:
            self._check_timer.stop()
        self.report_stale.emit()  # after the timer: a check is pending when the window hears of it

    @property
    def check_pending(self) -> bool:
        """Whether a check runs or is about to start (the inputs changed a moment ago)."""
        return self._check is not None or self._check_timer.isActive()

    def _check_again(self) -> None:
        if self.template is not None and self.recipients is not None:
            self.check()

    def check(self) -> Worker | None:
        """Run preflight over every row in the background; only the newest run's report is shown."""
        self._check_timer.stop()
        self.check_stopped = False
        checked, template = self.checked_rows(), self.template
        if template is None or self.recipients is None:
            self.failed.emit(self.tr("Open a recipient list and a template first."))
            return None
        generation = self._check_generation
        sender = self.sender_address() or None
        settings_ = PreflightSettings(self.template_folder, sender=sender, workers=available_workers())

        def job(cancel: threading.Event) -> Generator[tuple[int, int], None, PreflightReport]:
            recipients = checked()
            assert recipients is not None  # made of the list there was when the check started
            total = len(recipients.rows)

            def checked_so_far(done: int) -> None:
                self.check_progress.emit(done, total)

            # A long list goes to new interpreters on the other cores, a stretch at a time.
            checked_so_far(0)
            report = preflight_in_workers(
                recipients, template, settings_, progress=checked_so_far, stop=cancel
            )
            if report is not None:
                return report
            # A short list, or workers that failed, are checked here (a stopped check ends at its first
            # step). A signal per row would flood the window; about a hundred steps show the progress.
            stride = max(1, min(PROGRESS_STRIDE, total // 100))
            for event in check_rows(recipients, template, settings_):
                give_way()
                if isinstance(event, PreflightReport):
                    return event
                if isinstance(event, CheckStarted):
                    yield 0, total
                elif event.position % stride == 0 or event.position == total:
                    yield event.position, total
            raise AssertionError("preflight ends with its report")

        def done(report: object) -> None:
            if generation != self._check_generation or not isinstance(report, PreflightReport):
                return  # the inputs changed meanwhile; a newer check is coming
            self.report = report
            self.report_ready.emit(report)

        def failed(message: str) -> None:
            if generation == self._check_generation:
                self.failed.emit(message)

        def aborted() -> None:
            if generation == self._check_generation:
                self.check_stopped = True
                self.check_aborted.emit()

        self.cancel_check()
        worker = self.run(
            job,
            done,
            progress=lambda step: self.check_progress.emit(*step),
            failed=failed,
            aborted=aborted,
            finished=lambda: self._check_ended(worker),  # called on this thread, once it is assigned
        )
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

    def replay(self) -> None:
        """Tell a newly built window everything already open: list, template, account, sender, report."""
        self.recipients_changed.emit(self.recipients)
        self.template_changed.emit(self.template)
        self.account_changed.emit(self.account)
        self.profile_changed.emit(self.profile)
        self.sender_changed.emit(self.sender_address())
        if self.report is not None:
            self.report_ready.emit(self.report)

    def sign_out(self) -> None:
        """Forget the account, its tokens and any kept sign-in."""
        if self._connection is not None:
            self._connection.session.sign_out()
        self._connected(None)

    def close(self) -> None:
        """Stop background work and close connections."""
        self._check_timer.stop()
        self.cancel_all()
        # A worker still running when Python exits deadlocks the interpreter's shutdown; wait for them.
        QThreadPool.globalInstance().waitForDone(10_000)
        self._disconnect()
