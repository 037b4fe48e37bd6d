"""What the sandbox authority remembers between two requests: scopes asked for, device codes, auth codes.

All of it is in memory and thread-safe; time comes from the caller (the token registry's clock),
so tests can make codes expire without waiting.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from enum import Enum

from securemailmerge.i18n import translate
from securemailmerge.sandbox.tokens import short_scope

# Scopes of OpenID Connect itself: they never reach Graph.
OIDC_SCOPES = ("openid", "profile", "offline_access", "email")

# Delegated Microsoft Graph permissions that exist (a misspelt scope is refused as Entra refuses it).
GRAPH_PERMISSIONS = {
    name.casefold(): name
    for name in (
        "User.Read",
        "User.ReadWrite",
        "User.ReadBasic.All",
        "User.Read.All",
        "Mail.Read",
        "Mail.ReadBasic",
        "Mail.ReadWrite",
        "Mail.Send",
        "Mail.Read.Shared",
        "Mail.ReadWrite.Shared",
        "Mail.Send.Shared",
        "Contacts.Read",
        "Contacts.ReadWrite",
        "Contacts.Read.Shared",
        "Contacts.ReadWrite.Shared",
        "Calendars.Read",
        "Calendars.ReadWrite",
        "Calendars.Read.Shared",
        "Calendars.ReadWrite.Shared",
        "MailboxSettings.Read",
        "MailboxSettings.ReadWrite",
        "People.Read",
    )
}

# Base32 without the letters and digits people confuse (0/O, 1/I/L), as Entra's user codes look.
USER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
USER_CODE_LENGTH = 9
AUTH_CODE_LIFETIME = 600.0


class UnknownScope(ValueError):
    """A requested scope is not a Graph permission nor an OpenID Connect scope."""

    def __init__(self, scope: str) -> None:
        super().__init__(scope)
        self.scope = scope


@dataclass(frozen=True)
class Scopes:
    """A parsed ``scope`` parameter: Graph permissions (short names) and OpenID scopes."""

    graph: frozenset[str]
    oidc: frozenset[str]
    # The Graph scopes as the client spelt them: msal finds cached tokens by these exact strings.
    spelled: tuple[str, ...]

    def response_scope(self) -> str:
        """The ``scope`` of a token answer: Graph scopes as asked, then openid and profile."""
        return " ".join([*self.spelled, *(s for s in ("openid", "profile") if s in self.oidc)])


def parse_scopes(text: str) -> Scopes:
    """Split a space-separated ``scope`` parameter; UnknownScope names the first bad one."""
    graph: set[str] = set()
    oidc: set[str] = set()
    spelled: list[str] = []
    for scope in text.split():
        if scope in OIDC_SCOPES:
            oidc.add(scope)
            continue
        name = GRAPH_PERMISSIONS.get(short_scope(scope).casefold())
        if name is None:
            raise UnknownScope(scope)
        if name not in graph:
            graph.add(name)
            spelled.append(scope)
    return Scopes(frozenset(graph), frozenset(oidc), tuple(spelled))


def pkce_s256(verifier: str) -> str:
    """The S256 code challenge of a PKCE code verifier (RFC 7636)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class DeviceState(Enum):
    """Where a device code stands."""

    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    REDEEMED = "redeemed"


@dataclass
class DeviceCode:
    """One device-code sign-in under way."""

    device_code: str
    user_code: str
    client_id: str
    scopes: Scopes
    expires_at: float
    state: DeviceState = DeviceState.PENDING
    user_id: str | None = None


class DeviceCodeError(Exception):
    """A device code cannot be decided: ``reason`` is unknown, expired or decided."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def device_code_problem(reason: str, user_code: str) -> str:
    """What is wrong with a user code, for pages, the control endpoint and in-process callers."""
    if reason == "expired":
        return translate("Sandbox", "The code {code} has expired: start the sign-in again.").format(
            code=user_code
        )
    if reason == "decided":
        return translate("Sandbox", "The code {code} was already used.").format(code=user_code)
    return translate("Sandbox", "The code {code} is not a code of this sandbox.").format(code=user_code)


class DeviceCodes:
    """The device codes of the authority, found by device code or by user code."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_device: dict[str, DeviceCode] = {}
        self._by_user: dict[str, DeviceCode] = {}

    def create(self, client_id: str, scopes: Scopes, expires_at: float) -> DeviceCode:
        """A new pending device code with a fresh user code."""
        with self._lock:
            while True:
                user_code = "".join(secrets.choice(USER_CODE_ALPHABET) for _ in range(USER_CODE_LENGTH))
                if user_code not in self._by_user:
                    break
            code = DeviceCode(secrets.token_urlsafe(48), user_code, client_id, scopes, expires_at)
            self._by_device[code.device_code] = code
            self._by_user[user_code] = code
        return code

    def decide(self, user_code: str, user_id: str | None, now: float) -> DeviceCode:
        """Approve for ``user_id`` (or decline when None) a pending, live code."""
        with self._lock:
            code = self._by_user.get(user_code.strip().upper().replace("-", ""))
            if code is None:
                raise DeviceCodeError("unknown")
            if code.state is not DeviceState.PENDING:
                raise DeviceCodeError("decided")
            if code.expires_at <= now:
                raise DeviceCodeError("expired")
            code.state = DeviceState.DECLINED if user_id is None else DeviceState.APPROVED
            code.user_id = user_id
            return code

    def poll(
        self, device_code: str, client_id: str, now: float
    ) -> tuple[DeviceState | str, DeviceCode | None]:
        """What a token poll gets: a state (APPROVED is redeemed by this call) or "unknown"/"expired"."""
        with self._lock:
            code = self._by_device.get(device_code)
            if code is None or code.client_id != client_id:
                return "unknown", None
            if code.state in {DeviceState.PENDING, DeviceState.APPROVED} and code.expires_at <= now:
                return "expired", code
            state = code.state
            if state is DeviceState.APPROVED:
                code.state = DeviceState.REDEEMED
            return state, code


@dataclass(frozen=True)
class AuthRequest:
    """An authorization request waiting for the user to sign in on the sandbox's page."""

    client_id: str
    redirect_uri: str
    scopes: Scopes
    state: str | None
    nonce: str | None
    code_challenge: str
    response_mode: str
    client_info: bool
    login_hint: str = ""


@dataclass
class AuthCode:
    """An authorization code: one use, short-lived, bound to its client, redirect and PKCE challenge."""

    request: AuthRequest
    user_id: str
    expires_at: float
    used: bool = field(default=False)


class AuthCodes:
    """Pending authorization requests (by an opaque id) and the codes they produced."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[str, AuthRequest] = {}
        self._codes: dict[str, AuthCode] = {}

    def remember(self, request: AuthRequest) -> str:
        """Keep ``request`` until the user answers; returns its id for the sign-in form."""
        request_id = secrets.token_urlsafe(24)
        with self._lock:
            self._requests[request_id] = request
        return request_id

    def take_request(self, request_id: str) -> AuthRequest | None:
        """The request the sign-in form names, forgotten once answered."""
        with self._lock:
            return self._requests.pop(request_id, None)

    def issue(self, request: AuthRequest, user_id: str, now: float) -> str:
        """A new authorization code for ``user_id``."""
        code = secrets.token_urlsafe(48)
        with self._lock:
            self._codes[code] = AuthCode(request, user_id, now + AUTH_CODE_LIFETIME)
        return code

    def redeem(self, code: str) -> AuthCode | None:
        """The code's record, marked used; a second redemption sees ``used`` already True."""
        with self._lock:
            record = self._codes.get(code)
            if record is None:
                return None
            was_used = record.used
            record.used = True
        return AuthCode(record.request, record.user_id, record.expires_at, was_used)
