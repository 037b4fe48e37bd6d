"""Opaque access and refresh tokens the sandbox authority issues and the Graph emulator checks."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

GRAPH_RESOURCE = "https://graph.microsoft.com/"


def short_scope(scope: str) -> str:
    """``https://graph.microsoft.com/Mail.Send`` and ``Mail.Send`` are the same Graph permission."""
    return scope.removeprefix(GRAPH_RESOURCE).removeprefix("https://graph.microsoft.com")


@dataclass(frozen=True)
class Grant:
    """Who a token speaks for, with which Graph permissions, until when."""

    user_id: str
    client_id: str
    scopes: frozenset[str]
    expires_at: float

    def allows(self, scope: str) -> bool:
        """True when the grant includes ``scope`` (short name, e.g. ``Mail.Send``)."""
        return scope in self.scopes


class TokenRegistry:
    """Issues and checks tokens; thread-safe; time comes from an injectable clock."""

    def __init__(
        self,
        *,
        access_lifetime: float = 3600.0,
        refresh_lifetime: float = 90 * 24 * 3600.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.access_lifetime = access_lifetime
        self.refresh_lifetime = refresh_lifetime
        self.clock = clock
        self._lock = threading.Lock()
        self._access: dict[str, Grant] = {}
        self._refresh: dict[str, Grant] = {}

    def issue(self, user_id: str, client_id: str, scopes: frozenset[str]) -> tuple[str, str, Grant]:
        """A new access token and refresh token for ``user_id``; returns both and the access grant."""
        now = self.clock()
        scopes = frozenset(short_scope(s) for s in scopes)
        access = Grant(user_id, client_id, scopes, now + self.access_lifetime)
        refresh = Grant(user_id, client_id, scopes, now + self.refresh_lifetime)
        access_token = "at." + secrets.token_urlsafe(32)
        refresh_token = "rt." + secrets.token_urlsafe(32)
        with self._lock:
            self._access[access_token] = access
            self._refresh[refresh_token] = refresh
        return access_token, refresh_token, access

    def check(self, access_token: str) -> Grant | None:
        """The grant behind a live access token; None when unknown or expired."""
        with self._lock:
            grant = self._access.get(access_token)
        if grant is None or grant.expires_at <= self.clock():
            return None
        return grant

    def is_expired(self, access_token: str) -> bool:
        """True when the token was issued by us and has expired (Graph words that differently)."""
        with self._lock:
            grant = self._access.get(access_token)
        return grant is not None and grant.expires_at <= self.clock()

    def redeem_refresh(self, refresh_token: str) -> Grant | None:
        """Use up a refresh token (they rotate); None when unknown, revoked or expired."""
        with self._lock:
            grant = self._refresh.pop(refresh_token, None)
        if grant is None or grant.expires_at <= self.clock():
            return None
        return grant

    def revoke_user(self, user_id: str) -> None:
        """Revoke every token of ``user_id``, as an admin's "revoke sessions" does."""
        with self._lock:
            for table in (self._access, self._refresh):
                for token in [t for t, g in table.items() if g.user_id == user_id]:
                    del table[token]

    def expire_access_tokens(self) -> None:
        """Make every access token expire now, so clients must refresh (for tests and faults)."""
        with self._lock:
            now = self.clock()
            self._access = {
                t: Grant(g.user_id, g.client_id, g.scopes, min(g.expires_at, now))
                for t, g in self._access.items()
            }
