"""An in-process httpx client for the Graph emulator (no sockets, no TLS), for tests of any module."""

from __future__ import annotations

import httpx

from securemailmerge.m365.scopes import SCOPES
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER_ID
from securemailmerge.sandbox.graph import GraphService

GRAPH_BASE = "https://graph.sandbox.test"
UPLOAD_BASE = "https://uploads.sandbox.test"
# The delegated scopes the app asks for, so a test client holds what the app's token would.
APP_SCOPES = frozenset(SCOPES)


def token(service: GraphService, *, scopes: frozenset[str] = APP_SCOPES, user: str = DEMO_USER_ID) -> str:
    """A fresh access token for ``user`` with ``scopes``, from the service's token registry."""
    access, _, _ = service.emulator.tokens.issue(user, CLIENT_ID, scopes)
    return access


def client(
    service: GraphService,
    *,
    scopes: frozenset[str] = APP_SCOPES,
    user: str = DEMO_USER_ID,
    immutable: bool = True,
) -> httpx.Client:
    """A client whose base URL is the emulator's ``/v1.0``, signed in as ``user``; uploads work too."""
    service.set_upload_base_url(UPLOAD_BASE)
    headers = {"Authorization": f"Bearer {token(service, scopes=scopes, user=user)}"}
    if immutable:
        headers["Prefer"] = 'IdType="ImmutableId"'
    return httpx.Client(
        base_url=f"{GRAPH_BASE}/v1.0",
        headers=headers,
        mounts={
            GRAPH_BASE: httpx.WSGITransport(app=service.graph_app),
            UPLOAD_BASE: httpx.WSGITransport(app=service.upload_app),
        },
    )
