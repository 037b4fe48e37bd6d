"""The license check: is the signed-in address on a commercial license, or free?

``check_license`` sends ``POST {license_url}`` with exactly ``{"email": "<primary address>"}``
through the app's HTTP factory (the license host is on its allowlist) and no sign-in token. It
runs at exactly three moments: when an address book is loaded, a test message is sent or a
campaign is sent; nothing else calls it. It never raises: a server that cannot be reached,
answers an error or answers something unreadable gives a ``LicenseStatus`` that says so and works
as free, so the user's own mailbox is never blocked.

Every outcome is also kept in ``LAST_CHECK``, in memory for this run of the app and never on disk
(the address would be there with it), so that the window and ``whoami`` can show the license
without asking the server again, or say it has not been checked yet.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from securemailmerge.errors import NetworkError
from securemailmerge.i18n import translate
from securemailmerge.m365.net import HttpFactory, Purpose

log = logging.getLogger(__name__)

FREE = "free"
COMMERCIAL = "commercial"
# A license answer is tiny; a user waiting on an address book should not wait a minute for it.
TIMEOUT = httpx.Timeout(10.0)


@dataclass(frozen=True)
class LicenseStatus:
    """The outcome of a license check: the plan, its last day, and why it is unknown when it is."""

    plan: str
    expires: date | None = None
    problem: str | None = None  # translated; set when the server gave no usable answer

    @property
    def commercial(self) -> bool:
        """True when messages go out without the "Sent with SecureMailMerge" footer."""
        return self.plan == COMMERCIAL

    @property
    def reached(self) -> bool:
        """True when the license server gave a usable answer."""
        return self.problem is None

    def describe(self) -> str:
        """The outcome as one sentence for the user."""
        if self.problem is not None:
            return self.problem
        if self.commercial and self.expires is not None:
            return translate("License", "Commercial license, valid until {date}.").format(
                date=self.expires.isoformat()
            )
        if self.commercial:
            return translate("License", "Commercial license.")
        return translate("License", 'Free plan: messages end with a short "Sent with SecureMailMerge" line.')


def unchecked(reason: str) -> LicenseStatus:
    """A free outcome because the license could not be checked, for ``reason`` (translated)."""
    return LicenseStatus(
        FREE,
        problem=translate("License", "{reason} Working as the free plan.").format(reason=reason.rstrip()),
    )


class LastLicenseCheck:
    """The outcome of this session's last license check and the address it was for, in memory only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[str, LicenseStatus] | None = None

    def remember(self, email: str, status: LicenseStatus) -> None:
        """Keep ``status`` as the last outcome for ``email``, replacing any earlier one."""
        with self._lock:
            self._last = (email.casefold(), status)

    def status(self, email: str | None) -> LicenseStatus | None:
        """The last outcome for ``email`` in this session, or None when it was not checked yet."""
        with self._lock:
            last = self._last
        if last is None or not email or last[0] != email.casefold():
            return None
        return last[1]

    def describe(self, email: str | None) -> str:
        """The last outcome for ``email`` as one sentence, or that it has not been checked yet."""
        status = self.status(email)
        if status is not None:
            return status.describe()
        return translate(
            "License",
            "Not checked yet: the license is checked when you load an address book, send a test "
            "message or send a campaign.",
        )

    def forget(self) -> None:
        """Drop the last outcome (a sign-out, or the next test)."""
        with self._lock:
            self._last = None


LAST_CHECK = LastLicenseCheck()
"""This run's last license check; only ``check_license`` fills it."""


def check_license(
    factory: HttpFactory,
    email: str | None,
    *,
    today: Callable[[], date] = date.today,
    record: LastLicenseCheck = LAST_CHECK,
) -> LicenseStatus:
    """Ask the license server about ``email``, keep the outcome in ``record``; free, with why, on failure.

    Call it only when an address book is loaded, a test message is sent or a campaign is sent.
    """
    if not email:
        return unchecked(
            translate("License", "The license was not checked because your account has no email address.")
        )
    status = _ask(factory, email, today)
    record.remember(email, status)
    return status


def _ask(factory: HttpFactory, email: str, today: Callable[[], date]) -> LicenseStatus:
    """The server's answer about ``email`` as a status; never raises."""
    url = factory.config.license_url
    host = httpx.URL(url).host
    try:
        with factory.client(Purpose.LICENSE) as client:
            response = client.post(url, json={"email": email}, timeout=TIMEOUT)
    except (NetworkError, OSError) as error:
        # OSError: the TLS trust store could not be loaded; the check is a courtesy and must not
        # stop the user's work, whatever keeps it from reaching the server.
        log.info("License check: no answer (%s)", type(error).__name__)
        return unchecked(
            translate("License", "The license server {host} could not be reached.").format(host=host)
        )
    if response.status_code != 200:
        log.info("License check: HTTP %s", response.status_code)
        return unchecked(
            translate("License", "The license server {host} answered with an error (HTTP {status}).").format(
                host=host, status=response.status_code
            )
        )
    status = _status(_json(response), email, today())
    if status is None:
        log.info("License check: an answer that cannot be read")
        return unchecked(
            translate("License", "The license server {host} sent an answer the app cannot read.").format(
                host=host
            )
        )
    return status


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _status(data: Any, email: str, today: date) -> LicenseStatus | None:
    """The status an answer states, or None when it is not a license answer for ``email``."""
    if not isinstance(data, Mapping):
        return None
    answered, plan, expires = data.get("email"), data.get("plan"), data.get("expires")
    if not isinstance(answered, str) or answered.casefold() != email.casefold():
        return None
    if plan not in {FREE, COMMERCIAL}:
        return None
    last_day: date | None = None
    if expires is not None:
        if not isinstance(expires, str):
            return None
        try:
            last_day = date.fromisoformat(expires)
        except ValueError:
            return None
    if plan == FREE:
        return LicenseStatus(FREE)
    # A license that ended is free, even if the server's clock is behind ours.
    if last_day is not None and last_day < today:
        return LicenseStatus(FREE)
    return LicenseStatus(COMMERCIAL, last_day)
