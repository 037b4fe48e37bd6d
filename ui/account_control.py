"""The controller's Microsoft 365 half: signing in, the connection, address books and the sender.

A mixin of ``ui.controller.Controller``, which defines the signals and runs the workers; it is kept
apart so each half of the controller can be read whole. Its texts are translated in the
``Controller`` context, named explicitly because this class is not the QObject. No business logic
here either: sign-in, the connect seam, address books and the choice of sender are the engine's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from securemailmerge.errors import KeychainUnavailable, SecureMailMergeError, SignInRequired
from securemailmerge.m365 import (
    BROWSER,
    DEVICE_CODE,
    LAST_CHECK,
    Account,
    Connection,
    DeviceCodePrompt,
    FolderLoaded,
    HttpFactory,
    LicenseStatus,
    MailboxRef,
    OpenedAddressBook,
    Profile,
    RetryEvent,
    Session,
    SignedIn,
    TenantConfig,
    choose_methods,
    choose_sender,
    connect,
    iter_open_address_book,
    sign_in,
    sign_in_silently,
)
from ui import collector, settings

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance

    from ui.worker import Worker

    _Base = QObject  # for type checkers: the mixin's self is the Controller, a QObject
else:
    _Base = object

ErrorHandler = Callable[[str], None]


class MicrosoftAccount(_Base):
    """Sign-in, the signed-in connection, address books and the sender, for ``Controller``."""

    if TYPE_CHECKING:
        # Defined by Controller (a QObject): its state, signals and worker runner.
        tenant: TenantConfig | None
        profile: Profile | None
        shared_sender: str | None
        license: LicenseStatus | None
        parent_window: int | None
        _factory: HttpFactory | None
        _connection: Connection | None
        _address_book: Worker | None
        account_changed: SignalInstance
        graph_waiting: SignalInstance
        profile_changed: SignalInstance
        sender_changed: SignalInstance
        device_code: SignalInstance
        address_book_opened: SignalInstance
        address_book_progress: SignalInstance
        address_book_failed: SignalInstance
        address_book_aborted: SignalInstance
        failed: SignalInstance
        browser_unavailable: SignalInstance
        notice: SignalInstance

        def inputs_changed(self) -> None: ...
        def run(
            self,
            job: Callable[[threading.Event], Any],
            done: Callable[[Any], None],
            *,
            progress: Callable[[Any], None] | None = None,
            failed: ErrorHandler | None = None,
            aborted: Callable[[], None] | None = None,
        ) -> Worker: ...

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
        self.profile = connection.profile if connection else None
        self.account_changed.emit(connection.account if connection else None)
        self.profile_changed.emit(self.profile)
        self.sender_changed.emit(self.sender_address())
        self.inputs_changed()

    def _disconnect(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def connection(self) -> Connection | None:
        """The signed-in connection (None when offline)."""
        return self._connection

    def sign_in(
        self, *, device_code: bool, stay_signed_in: bool, on_error: ErrorHandler | None = None
    ) -> Worker | None:
        """Sign in with the browser or with a code; the account arrives on ``account_changed``."""
        report = on_error or self.failed.emit
        if self.tenant is None:
            report(
                QCoreApplication.translate(
                    "Controller", "No Microsoft 365 tenant is configured; see the README."
                )
            )
            return None
        self._disconnect()

        signed: list[SignedIn] = []

        def job(cancel: threading.Event) -> Connection:
            tried: list[str] = []

            def started(method: str) -> None:
                # Called on the worker thread: the code follows the browser only when none opened.
                if method == DEVICE_CODE and BROWSER in tried:
                    self.browser_unavailable.emit(
                        QCoreApplication.translate(
                            "Controller",
                            "No web browser could be opened here, so you sign in with a code instead.",
                        )
                    )
                tried.append(method)

            def step(session: Session) -> Account:
                methods = choose_methods(broker=session.broker, device_code=device_code)
                signed.append(
                    sign_in(
                        session,
                        methods,
                        on_prompt=self._prompt,
                        parent_window=self.parent_window,
                        cancel=cancel,
                        on_method=started,
                    )
                )
                return signed[-1].account

            return self._connect(step, stay_signed_in)

        def done(connection: object) -> None:
            self._connected(connection)
            if signed:
                self.notice.emit(signed[-1].message)  # which way the user signed in

        return self.run(job, done, failed=report)

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

        return self.run(job, self._connected, failed=lambda _message: None)

    def set_stay_signed_in(self, enabled: bool) -> None:
        """Keep the sign-in for the next start, or forget the kept one."""
        if self._connection is not None:
            try:
                self._connection.session.set_stay_signed_in(enabled)
            except SecureMailMergeError as error:
                self.failed.emit(str(error))

    @property
    def stays_signed_in(self) -> bool:
        """True when the current sign-in is kept for the next start."""
        return self._connection is not None and self._connection.session.stay_signed_in

    def open_address_book(self, shared_mailbox: str | None) -> Worker | None:
        """Load the user's (or a shared mailbox's) contacts and categories in the background.

        Progress arrives on ``address_book_progress``, errors on ``address_book_failed`` (the
        contacts dialog asked, so they land there), a stop on ``address_book_aborted``.
        """
        connection = self._connection
        if connection is None or connection.account is None:
            self.address_book_failed.emit(
                QCoreApplication.translate("Controller", "Sign in first to use Outlook contacts.")
            )
            return None

        def job(_cancel: threading.Event) -> Generator[FolderLoaded, None, OpenedAddressBook]:
            graph, factory, profile = connection.graph, connection.factory, connection.profile
            # Paused for the whole load, network waits included: a full walk of the contacts read
            # so far (20,000 make a few hundred thousand objects) held the window 40-85 ms.
            with collector.loading():
                for event in iter_open_address_book(graph, factory, profile, shared_mailbox):
                    if isinstance(event, OpenedAddressBook):
                        return event
                    yield event
            raise AssertionError("loading ends with the address book")

        def done(opened: object) -> None:
            assert isinstance(opened, OpenedAddressBook)
            self.license = opened.license
            self.address_book_opened.emit(opened)

        self.cancel_address_book()
        self._address_book = self.run(
            job,
            done,
            progress=self.address_book_progress.emit,
            failed=self.address_book_failed.emit,
            aborted=self.address_book_aborted.emit,
        )
        return self._address_book

    def cancel_address_book(self) -> None:
        """Ask a running contacts load to stop; ``address_book_aborted`` confirms it."""
        if self._address_book is not None:
            self._address_book.quit()

    def license_text(self) -> str:
        """The license state as last checked (free plan or licensed), or that it is not checked yet."""
        # The engine remembers the session's last check (an address book load checks too).
        status = self.license or LAST_CHECK.status(self.profile.mail if self.profile else None)
        if status is None:
            return QCoreApplication.translate(
                "Controller",
                "Not checked yet: the license is checked when you load an address book, send a test or "
                "send a campaign.",
            )
        return status.describe()

    # Who messages go out from

    def set_sender(self, text: str) -> str | None:
        """Send from a shared mailbox (an address) or, with ``""``, from one's own; returns the problem."""
        text = text.strip()
        if text and self.profile is not None and text.casefold() == (self.profile.mail or "").casefold():
            text = ""
        if text:
            try:
                MailboxRef.shared(text)  # the core's check of a typed address, even offline
            except SecureMailMergeError as error:
                return str(error)
            settings.remember("mailboxes", text)
        self.shared_sender = text or None
        settings.SENDER.set(text)
        self.sender_changed.emit(self.sender_address())
        self.inputs_changed()
        return None

    def sender_address(self) -> str:
        """The address messages go out from (chosen by the core), or ``""`` while it cannot be known."""
        if self.profile is None:
            return self.shared_sender or ""
        try:
            return choose_sender(self.profile, self.shared_sender).address
        except SecureMailMergeError:
            return ""  # an account without a mailbox: the Account step says so
