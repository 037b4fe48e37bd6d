"""Steering a campaign run: pause, resume and cancel from another thread, and when an error stops it.

``Control`` is what a front end holds while ``engine.Campaign.run`` goes on in a worker; the run
looks at it between steps. ``stops_campaign`` tells an error that concerns every row (a missing
right, the daily limit, a lost connection) from one that concerns a single row, and
``recoverable`` which of those pass by themselves, so the run waits and goes on.
"""

from __future__ import annotations

import threading

from securemailmerge.campaign.sender import transient
from securemailmerge.errors import AuthError, GraphError, HostNotAllowed, NetworkError, SignInRequired

RECOVERIES = 5  # waits after a passing campaign-wide error before the run stops
RECOVERY_WAIT = 30.0  # seconds of the first wait; each next one is twice as long
# Codes after which no other row can be sent either: the run stops and says why.
STOP_CODES = frozenset(
    {
        "ErrorAccessDenied",
        "ErrorSendAsDenied",
        "MailboxNotEnabledForRESTAPI",
        "ErrorExceededMessageLimit",
        "ErrorMessageSubmissionBlocked",
        "ErrorQuotaExceeded",
        "ErrorMailboxStoreUnavailable",
    }
)


class Control:
    """Pause, resume and cancel requests from another thread; the run acts on them between steps."""

    def __init__(self) -> None:
        self._paused = threading.Event()
        self._cancelled = threading.Event()

    def pause(self) -> None:
        """Ask the run to pause after the current step."""
        self._paused.set()

    def resume(self) -> None:
        """Let a paused run go on."""
        self._paused.clear()

    def cancel(self) -> None:
        """Ask the run to stop and delete the drafts it made that were not sent."""
        self._cancelled.set()

    @property
    def paused(self) -> bool:
        """True while a pause is asked for."""
        return self._paused.is_set()

    @property
    def cancelled(self) -> bool:
        """True once cancel was asked for."""
        return self._cancelled.is_set()


def stops_campaign(error: Exception) -> bool:
    """True when ``error`` concerns every row, so sending the next one would fail the same way."""
    if isinstance(error, AuthError | HostNotAllowed | NetworkError):
        return True
    return isinstance(error, GraphError) and (
        error.code in STOP_CODES or error.status in {401, 403} or error.status >= 500 or error.status == 429
    )


def recoverable(error: Exception) -> bool:
    """True for a campaign-wide error that passes by itself: a lost connection, throttling, a 5xx."""
    return transient(error) or isinstance(error, SignInRequired)
