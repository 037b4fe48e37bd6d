"""Sign-in with msal: the OS broker, the browser, a device code, silently from the cache; refresh; sign-out.

``Session`` is the token provider ``GraphClient`` uses. It asks for exactly the scopes of
``securemailmerge.m365.scopes``; msal adds ``openid profile offline_access``. All msal traffic goes
through the app's one HTTP factory (allowlist and network log). msal answers errors as dicts
(``error``, ``error_description``, ``error_codes``) or, for a broken protocol exchange, with
``ValueError``; both become ``AuthError``/``SignInRequired`` in ``_msal_boundary`` (exceptions) and
``securemailmerge.m365.msalerrors`` (dicts and wording) only. Tokens stay in memory unless the user
chose "stay signed in", which keeps the msal cache encrypted on disk (``securemailmerge.m365.tokencache``).

The browser sign-in is msal's ``acquire_token_interactive`` in its two public steps
(``initiate_auth_code_flow``, ``acquire_token_by_auth_code_flow``: PKCE and state checked by msal)
around our own redirect listener (``securemailmerge.m365.redirect``), because msal's cannot take a browser
opener or a cancel request, listens on every interface inside containers, and raises in a thread
when it times out.
"""

from __future__ import annotations

import json
import threading
import time
import webbrowser
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import msal
from msal.oauth2cli.oidc import decode_part

from securemailmerge.errors import AuthError, BrowserUnavailable, SignInRequired
from securemailmerge.i18n import translate
from securemailmerge.m365.broker import broker_usable
from securemailmerge.m365.msalerrors import auth_error, broker_registration, checked, unusable_answer
from securemailmerge.m365.msalhttp import MsalHttpClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.redirect import RedirectListener
from securemailmerge.m365.scopes import SCOPES
from securemailmerge.m365.tenant import LOOPBACK_HOSTS, TenantConfig
from securemailmerge.m365.tokencache import EncryptedTokenCache, SharedTokenCache, forget_saved_sign_in

# msal's device-flow poll answers while the user has not finished yet.
_PENDING = frozenset({"authorization_pending", "slow_down"})


@dataclass(frozen=True)
class Account:
    """Who is signed in: the address to show (UPN), their name, their tenant and msal's account id."""

    username: str
    display_name: str
    tenant_id: str
    home_account_id: str


@dataclass(frozen=True)
class DeviceCodePrompt:
    """What the user must do to finish a device-code sign-in on another device."""

    verification_uri: str
    user_code: str
    expires_in: int

    @property
    def message(self) -> str:
        """The instruction to show, in the user's language."""
        return translate("Auth", "On any device, open {url} and enter the code {code} to sign in.").format(
            url=self.verification_uri, code=self.user_code
        )


@contextmanager
def _msal_boundary(authority: str, http: MsalHttpClient) -> Iterator[None]:
    """The one place msal's exceptions become ``AuthError``: a server error, a redirect, or garbage.

    msal raises its ``MsalServiceError`` for an HTTP error, ``RuntimeError`` for a discovery
    answered with something else than 200 or 4xx, ``ValueError`` for a document it cannot parse,
    and ``AttributeError``/``TypeError``/``KeyError`` when JSON has another shape than it expects.
    """
    http.take_failure()
    try:
        yield
    except (
        msal.exceptions.MsalError,
        RuntimeError,
        ValueError,
        AttributeError,
        TypeError,
        KeyError,
    ) as error:
        raise unusable_answer(authority, error, http.take_failure()) from None


def _opened(opener: Callable[[str], bool], url: str) -> bool:
    """Whether the browser opened ``url``; a browser that fails to start is no browser."""
    try:
        return bool(opener(url))
    except (webbrowser.Error, OSError):
        return False


class Session:
    """One user's sign-in to one tenant; the token provider of ``GraphClient``; thread-safe."""

    def __init__(
        self,
        config: TenantConfig,
        http: HttpFactory,
        *,
        stay_signed_in: bool = False,
        broker: bool | None = None,
    ) -> None:
        """Prepare sign-in (no network yet); KeychainUnavailable when "stay signed in" cannot work here.

        ``broker`` lets msal use the OS broker (default: where ``broker_usable`` says it can).
        """
        self.config = config
        self.broker = broker_usable(config) if broker is None else broker
        self.account: Account | None = None
        self._cache = SharedTokenCache()
        self._store = EncryptedTokenCache(self._cache) if stay_signed_in else None
        if self._store is not None:
            self._store.load()
        self._http = http.msal_http_client()
        # One lock around every cache read-refresh-write: the sandbox and Entra rotate refresh
        # tokens, so two threads refreshing at once would spend the same token twice.
        self._lock = threading.RLock()
        self._app: Any = None

    @property
    def stay_signed_in(self) -> bool:
        """True when the sign-in is kept, encrypted, for the next start of the app."""
        return self._store is not None

    def set_stay_signed_in(self, enabled: bool) -> None:
        """Start or stop keeping the sign-in on disk; stopping deletes what was kept."""
        with self._lock:
            if enabled and self._store is None:
                self._store = EncryptedTokenCache(self._cache)
                self._store.save(force=True)
            elif not enabled and self._store is not None:
                self._store.detach()
                self._store.forget()
                self._store = None

    def sign_in_interactive(
        self,
        *,
        open_browser: Callable[[str], bool] | None = None,
        timeout: float | None = None,
        cancel: threading.Event | None = None,
    ) -> Account:
        """Sign in in the system browser (``open_browser`` replaces it, e.g. in tests); blocks until done."""
        app = self._application()
        opener = open_browser or webbrowser.open
        with closing(RedirectListener()) as listener:
            with _msal_boundary(self.config.authority, self._http):
                flow = app.initiate_auth_code_flow(
                    list(SCOPES),
                    redirect_uri=f"http://localhost:{listener.port}",
                    prompt="select_account",
                    response_mode="form_post",
                )
            if not _opened(opener, flow["auth_uri"]):
                raise BrowserUnavailable(
                    translate("Auth", "No web browser could be opened here. Sign in with a code instead."),
                    code="no_browser",
                )
            response = listener.wait(flow["state"], timeout=timeout, cancel=cancel)
        with self._lock, _msal_boundary(self.config.authority, self._http):
            result = app.acquire_token_by_auth_code_flow(flow, response, scopes=list(SCOPES))
            return self._signed_in(checked(result))

    def sign_in_broker(self, parent_window: int | None = None) -> Account:
        """Sign in through the OS broker (WAM, Company Portal) over ``parent_window`` (None: a console)."""
        app = self._application()
        if not getattr(app, "_enable_broker", False):
            # msal switches the broker off quietly when its runtime cannot start on this computer;
            # its private flag is the only place that says so.
            raise AuthError(
                translate("Auth", "The sign-in broker of this computer is not available."),
                code="broker_unavailable",
            )
        handle = (
            msal.PublicClientApplication.CONSOLE_WINDOW_HANDLE if parent_window is None else parent_window
        )
        with self._lock, _msal_boundary(self.config.authority, self._http), broker_registration():
            result = app.acquire_token_interactive(
                list(SCOPES), prompt="select_account", parent_window_handle=handle
            )
        if "UserCanceled" in str(result.get("_broker_status", "")):
            raise AuthError(translate("Auth", "Sign-in was cancelled."), code="cancelled")
        return self._signed_in(checked(result))

    def sign_in_device_code(
        self, on_prompt: Callable[[DeviceCodePrompt], None], *, cancel: threading.Event | None = None
    ) -> Account:
        """Sign in with a code entered on another device; ``cancel`` (from any thread) stops waiting."""
        app = self._application()
        stop = cancel or threading.Event()
        with _msal_boundary(self.config.authority, self._http):
            flow = app.initiate_device_flow(scopes=list(SCOPES))
            if not isinstance(flow, Mapping) or "user_code" not in flow:
                raise auth_error(checked(flow))
            prompt = DeviceCodePrompt(
                verification_uri=str(flow.get("verification_uri") or flow.get("verification_url")),
                user_code=str(flow["user_code"]),
                expires_in=int(flow["expires_in"]),
            )
        on_prompt(prompt)
        with _msal_boundary(self.config.authority, self._http):
            result = app.acquire_token_by_device_flow(
                flow, exit_condition=lambda f: stop.is_set() or f["expires_at"] < time.time()
            )
        if isinstance(result, Mapping) and str(result.get("error")) in _PENDING:
            if stop.is_set():
                raise AuthError(translate("Auth", "Sign-in was cancelled."), code="cancelled")
            result = {**result, "error": "expired_token"}  # msal stopped polling: the code ran out
        with self._lock, _msal_boundary(self.config.authority, self._http):
            return self._signed_in(checked(result))

    def sign_in_silent(self) -> Account | None:
        """Sign in from the cache without asking the user; None when nobody is remembered."""
        with self._lock:
            accounts = self._application().get_accounts()
            if not accounts:
                return None
            self.account = self._account(accounts[0])
            try:
                self.access_token()
            except BaseException:
                self.account = None
                raise
            return self.account

    def access_token(self, *, force_refresh: bool = False) -> str:
        """A Graph access token, refreshed when expired or asked; SignInRequired when that is impossible."""
        with self._lock:
            if self.account is None:
                raise SignInRequired(
                    translate("Auth", "You are not signed in. Please sign in."), code="no_account"
                )
            app = self._application()
            home = self.account.home_account_id
            found = [entry for entry in app.get_accounts() if entry["home_account_id"] == home]
            try:
                result = None
                if found:
                    with _msal_boundary(self.config.authority, self._http):
                        result = app.acquire_token_silent_with_error(
                            list(SCOPES), found[0], force_refresh=force_refresh
                        )
                return str(checked(result)["access_token"])
            except SignInRequired:
                self._forget_account()
                raise
            finally:
                self._persist()

    def sign_out(self) -> None:
        """Forget the account everywhere: msal, the memory cache, the encrypted file and its keychain key."""
        with self._lock:
            self._forget_account()
            self._cache.deserialize(None)
            if self._store is not None:
                self._store.forget()
            else:
                forget_saved_sign_in()

    def close(self) -> None:
        """Close the sign-in connections."""
        self._http.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _application(self) -> Any:
        with self._lock:
            if self._app is None:
                # Instance discovery asks Microsoft's public cloud about the host: pointless and
                # not allowed for the sandbox on loopback; Microsoft's own hosts keep msal's default.
                loopback = urlsplit(self.config.authority).hostname in LOOPBACK_HOSTS
                with _msal_boundary(self.config.authority, self._http):
                    self._app = msal.PublicClientApplication(
                        self.config.client_id,
                        authority=self.config.authority,
                        http_client=self._http,
                        token_cache=self._cache,
                        instance_discovery=False if loopback else None,
                        enable_broker_on_windows=self.broker or None,
                        enable_broker_on_mac=self.broker or None,
                    )
            return self._app

    def _signed_in(self, result: Mapping[str, Any]) -> Account:
        claims = result.get("id_token_claims") or {}
        app = self._application()
        accounts = app.get_accounts(username=claims.get("preferred_username"))
        if not accounts:
            raise AuthError(
                translate("Auth", "The sign-in service did not say who signed in (no id token)."),
                code="no_id_token",
            )
        kept = accounts[0]
        # One account at a time: a sign-in as someone else must not leave the first one's tokens.
        for other in app.get_accounts():
            if other["home_account_id"] != kept["home_account_id"]:
                app.remove_account(other)
        self.account = self._account(kept, claims)
        self._persist()
        return self.account

    def _account(self, entry: Mapping[str, Any], claims: Mapping[str, Any] | None = None) -> Account:
        claims = claims or self._cached_claims(entry["home_account_id"])
        username = str(entry.get("username") or "")
        return Account(
            username=username,
            display_name=str(claims.get("name") or username),
            # msal's "realm" is the authority's tenant segment ("organizations"); the id token
            # names the user's actual tenant.
            tenant_id=str(claims.get("tid") or entry.get("realm") or ""),
            home_account_id=str(entry["home_account_id"]),
        )

    def _cached_claims(self, home_account_id: str) -> Mapping[str, Any]:
        for entry in self._cache.search(
            msal.TokenCache.CredentialType.ID_TOKEN, query={"home_account_id": home_account_id}
        ):
            try:
                claims = json.loads(decode_part(entry["secret"].split(".")[1]))
            except (IndexError, ValueError):
                continue
            if isinstance(claims, dict):
                return claims
        return {}

    def _forget_account(self) -> None:
        if self._app is not None:
            for account in self._app.get_accounts():
                self._app.remove_account(account)
        self.account = None

    def _persist(self) -> None:
        if self._store is not None:
            self._store.save()
