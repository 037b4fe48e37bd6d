"""The one place the Microsoft 365 wiring is written: HTTP factory, sign-in session, Graph client, profile.

``connect`` turns a tenant configuration into a signed-in ``Connection``; the command line, the
window and the benchmarks all connect here, each passing the sign-in step it offers (silently from
a kept sign-in, in the browser, with a code). The profile (``GET /me``) is read once while
connecting, because the license check and the sender both need the primary address it holds.
``Connection.sender`` chooses who messages come from (``mailbox.choose_sender``). The module is
not named after ``connect``: a lazy package attribute and a submodule of the same name would clash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import httpx

from securemailmerge.errors import SignInRequired
from securemailmerge.i18n import translate
from securemailmerge.m365.auth import Account, Session
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.mailbox import Profile, Sender, choose_sender, load_profile
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryObserver
from securemailmerge.m365.tenant import TenantConfig

# The sign-in step a front end offers: an Account, or None when nobody could be signed in.
SignIn = Callable[[Session], Account | None]


@dataclass(frozen=True)
class Connection:
    """A signed-in connection: the HTTP factory, the sign-in session, the Graph client and who it is."""

    factory: HttpFactory
    session: Session
    graph: GraphClient
    profile: Profile
    http: httpx.Client

    @property
    def account(self) -> Account | None:
        """The signed-in account (None once signed out)."""
        return self.session.account

    def sender(self, shared_mailbox: str | None = None) -> Sender:
        """Who messages come from: ``shared_mailbox`` when named, else the own primary address."""
        return choose_sender(self.profile, shared_mailbox)

    def close(self) -> None:
        """Close the Graph and the sign-in connections (a kept sign-in stays kept)."""
        self.http.close()
        self.session.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def sign_in_silently(session: Session) -> Account | None:
    """The sign-in step that only uses a kept sign-in (None when nothing is kept)."""
    return session.sign_in_silent() if session.stay_signed_in else None


def connect(
    config: TenantConfig,
    sign_in: SignIn = sign_in_silently,
    *,
    stay_signed_in: bool = False,
    on_retry: RetryObserver | None = None,
    factory: HttpFactory | None = None,
) -> Connection:
    """Sign in with ``sign_in`` and connect to Graph; ``SignInRequired`` (``not_signed_in``) when nobody is.

    ``stay_signed_in`` keeps the sign-in encrypted for later (``KeychainUnavailable`` when this
    computer cannot); ``on_retry`` hears every Graph retry and throttling wait.
    """
    factory = factory or HttpFactory(config)
    session = Session(config, factory, stay_signed_in=stay_signed_in)
    http: httpx.Client | None = None
    try:
        if sign_in(session) is None:
            raise SignInRequired(
                translate("Auth", "You are not signed in. Please sign in."), code="not_signed_in"
            )
        http = factory.client()
        graph = GraphClient(http, config.graph_url, session, factory=factory, on_retry=on_retry)
        return Connection(factory, session, graph, load_profile(graph), http)
    except BaseException:
        if http is not None:
            http.close()
        session.close()
        raise
