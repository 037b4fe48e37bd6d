"""Which way to sign in, and falling back to the next one: the OS broker, then the browser, then a code.

``choose_methods`` decides the order for this computer and tenant; ``sign_in`` tries them in turn
and says which one was used. A method falls through to the next only when it cannot work here (no
broker, the registration lacks the broker's redirect URIs, no browser can be opened); a refusal,
a cancellation or any other error is the answer and is shown as it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from securemailmerge.errors import AuthError
from securemailmerge.i18n import translate
from securemailmerge.m365.auth import Account, DeviceCodePrompt, Session

log = logging.getLogger(__name__)

BROKER = "broker"
BROWSER = "browser"
DEVICE_CODE = "device_code"

# The errors after which the next method may still work.
_FALLS_THROUGH = {
    BROKER: frozenset({"broker_unavailable", "broker_not_registered", "broker_error"}),
    BROWSER: frozenset({"no_browser"}),
    DEVICE_CODE: frozenset(),
}


def choose_methods(*, broker: bool, device_code: bool = False, then_code: bool = True) -> tuple[str, ...]:
    """The methods to try in order: the broker first where usable, then the browser, then (``then_code``)
    a code; only the code when ``device_code`` asks for it."""
    if device_code:
        return (DEVICE_CODE,)
    interactive = (BROKER, BROWSER) if broker else (BROWSER,)
    return (*interactive, DEVICE_CODE) if then_code else interactive


def method_text(method: str) -> str:
    """How the user signed in, in their language."""
    if method == BROKER:
        return translate("SignIn", "through this computer's sign-in (Web Account Manager or Company Portal)")
    if method == BROWSER:
        return translate("SignIn", "in the browser")
    return translate("SignIn", "with a code")


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and which method did it (``BROKER``, ``BROWSER`` or ``DEVICE_CODE``)."""

    account: Account
    method: str

    @property
    def message(self) -> str:
        """ "Signed in as … in the browser", for the status line and the command line."""
        return translate("SignIn", "Signed in as {address} {how}.").format(
            address=self.account.username, how=method_text(self.method)
        )


def sign_in(
    session: Session,
    methods: tuple[str, ...],
    *,
    on_prompt: Callable[[DeviceCodePrompt], None],
    parent_window: int | None = None,
    open_browser: Callable[[str], bool] | None = None,
    timeout: float | None = None,
    cancel: threading.Event | None = None,
    on_method: Callable[[str], None] | None = None,
) -> SignedIn:
    """Try ``methods`` in order until one signs in (``on_method`` hears each one as it starts);
    the last method's error is raised as it is."""
    attempts: dict[str, Callable[[], Account]] = {
        BROKER: lambda: session.sign_in_broker(parent_window),
        BROWSER: lambda: session.sign_in_interactive(
            open_browser=open_browser, timeout=timeout, cancel=cancel
        ),
        DEVICE_CODE: lambda: session.sign_in_device_code(on_prompt, cancel=cancel),
    }
    for position, method in enumerate(methods):
        if on_method is not None:
            on_method(method)
        try:
            return SignedIn(attempts[method](), method)
        except AuthError as error:
            last = position == len(methods) - 1
            if last or error.code not in _FALLS_THROUGH[method] or (cancel is not None and cancel.is_set()):
                raise
            log.info(
                "sign-in %s did not work here (%s); trying %s", method, error.code, methods[position + 1]
            )
    raise ValueError("sign_in needs at least one method")
