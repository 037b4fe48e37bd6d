"""The browser side of the sandbox authority: the authorize endpoint and the device login page.

``GET .../authorize`` checks the request as Entra does. Problems that make the redirect URI
untrustworthy (unknown app, unregistered redirect URI) are shown as an error page; the others go
back to the app as ``error``/``error_description``. A good request gets the sign-in and consent
page; its ``POST`` answers the app with ``code``, ``client_info``, ``state`` and
``session_state``, as an auto-posting form for ``response_mode=form_post`` (what msal uses) or as
a 302 redirect with a query for ``response_mode=query``. Only loopback ``http://localhost`` and
``http://127.0.0.1`` redirect URIs are registered, as for a desktop app; PKCE with S256 is required.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from securemailmerge.sandbox import pages
from securemailmerge.sandbox.grants import (
    AuthRequest,
    DeviceCodeError,
    UnknownScope,
    device_code_problem,
    parse_scopes,
)
from securemailmerge.sandbox.idtoken import client_info
from securemailmerge.sandbox.responses import html_response

if TYPE_CHECKING:
    from securemailmerge.sandbox.authority import Authority

REGISTERED_REDIRECT_HOSTS = frozenset({"localhost", "127.0.0.1"})
RESPONSE_MODES = frozenset({"form_post", "query"})


def _registered(redirect_uri: str) -> bool:
    parts = urlsplit(redirect_uri)
    return (
        parts.scheme == "http"
        and parts.hostname in REGISTERED_REDIRECT_HOSTS
        and parts.path in {"", "/"}
        and not parts.query
        and not parts.fragment
    )


def _deliver(redirect_uri: str, response_mode: str, state: str | None, fields: dict[str, str]) -> Response:
    """Send the authorization answer back to the app the way it asked for."""
    if state is not None:
        fields = {**fields, "state": state}
    if response_mode == "form_post":
        return html_response(pages.form_post_page(redirect_uri, fields))
    return redirect(f"{redirect_uri}?{urlencode(fields)}", 302)


def _error_fields(error: str, code: int, description: str) -> dict[str, str]:
    return {"error": error, "error_description": f"AADSTS{code}: {description}"}


class _Refused(Exception):
    """An authorize request the app is told about with ``error``/``error_description``."""

    def __init__(self, error: str, code: int, description: str) -> None:
        super().__init__(error, code, description)
        self.fields = _error_fields(error, code, description)


def _untrusted_redirect_page(authority: Authority, client_id: str, redirect_uri: str) -> Response | None:
    """The error page for an unknown app or an unregistered redirect URI, else None."""
    if client_id not in authority.client_ids:
        message = f"AADSTS700016: Application with identifier '{client_id}' was not found in the directory."
    elif not _registered(redirect_uri):
        message = (
            f"AADSTS50011: The redirect URI '{redirect_uri}' specified in the request does not match the "
            "redirect URIs configured for the application."
        )
    else:
        return None
    return html_response(pages.message_page("Sign in", message, error=True), 400)


def _auth_request(request: Request, client_id: str, redirect_uri: str, response_mode: str) -> AuthRequest:
    """The pending sign-in the request asks for; raises ``_Refused`` for what Entra would refuse."""
    args = request.args
    if args.get("response_type") != "code":
        raise _Refused("unsupported_response_type", 700054, "The response_type must be 'code' for this app.")
    try:
        scopes = parse_scopes(args.get("scope", ""))
    except UnknownScope as error:
        raise _Refused("invalid_scope", 70011, f"The scope {error.scope} is not valid.") from error
    challenge = args.get("code_challenge", "")
    if not challenge or args.get("code_challenge_method") != "S256":
        raise _Refused(
            "invalid_request",
            9002325,
            "Proof Key for Code Exchange with code_challenge_method S256 is required.",
        )
    if args.get("prompt") == "none":
        raise _Refused("login_required", 50058, "A silent sign-in request was sent but no user is signed in.")
    return AuthRequest(
        client_id=client_id,
        redirect_uri=redirect_uri,
        scopes=scopes,
        state=args.get("state"),
        nonce=args.get("nonce"),
        code_challenge=challenge,
        response_mode=response_mode,
        client_info=args.get("client_info") == "1",
        login_hint=args.get("login_hint", ""),
    )


def authorize(authority: Authority, request: Request, tenant: str) -> Response:
    """``/{tenant}/oauth2/v2.0/authorize``: the sign-in page (GET) and its answer (POST)."""
    if request.method == "POST":
        return _answer(authority, request, tenant)
    args = request.args
    client_id = args.get("client_id", "")
    redirect_uri = args.get("redirect_uri", "")
    page = _untrusted_redirect_page(authority, client_id, redirect_uri)
    if page is not None:
        return page
    state = args.get("state")
    response_mode = args.get("response_mode", "query")
    if response_mode not in RESPONSE_MODES:
        return _deliver(
            redirect_uri,
            "query",
            state,
            _error_fields(
                "invalid_request", 900352, f"The response_mode '{response_mode}' is not supported."
            ),
        )
    try:
        pending = _auth_request(request, client_id, redirect_uri, response_mode)
    except _Refused as refusal:
        return _deliver(redirect_uri, response_mode, state, refusal.fields)
    return _sign_in_form(authority, tenant, pending)


def _sign_in_form(
    authority: Authority, tenant: str, pending: AuthRequest, error: str | None = None
) -> Response:
    request_id = authority.auth_codes.remember(pending)
    action = f"{authority.base_url}/{tenant}/oauth2/v2.0/authorize"
    return html_response(
        pages.sign_in_page(action, request_id, pending.login_hint, pending.scopes.graph, error)
    )


def _answer(authority: Authority, request: Request, tenant: str) -> Response:
    form = request.form
    pending = authority.auth_codes.take_request(form.get("request_id", ""))
    if pending is None:
        return html_response(
            pages.message_page(
                "Sign in",
                "This sign-in request is unknown or was already answered. "
                "Start the sign-in again from the app.",
                error=True,
            ),
            400,
        )
    if form.get("action") != "accept":
        return _deliver(
            pending.redirect_uri,
            pending.response_mode,
            pending.state,
            {
                **_error_fields("access_denied", 65004, "User declined to consent to access the app."),
                "error_subcode": "cancel",
            },
        )
    login = form.get("login", "")
    mailbox, problem = authority.user_problem(login)
    if mailbox is None:
        return _sign_in_form(authority, tenant, pending, problem)
    fields = {"code": authority.auth_codes.issue(pending, mailbox.id, authority.tokens.clock())}
    if pending.client_info:
        fields["client_info"] = client_info(mailbox.id)
    fields["session_state"] = str(uuid.uuid4())
    return _deliver(pending.redirect_uri, pending.response_mode, pending.state, fields)


def device_login(authority: Authority, request: Request) -> Response:
    """``/devicelogin``: a person enters the code the app shows and signs in (or declines)."""
    action = f"{authority.base_url}/devicelogin"
    if request.method == "GET":
        return html_response(pages.device_login_page(action, request.args.get("otc", "")))
    form = request.form
    user_code = form.get("user_code", "").strip()
    user_id = None
    if form.get("action") == "accept":
        mailbox, problem = authority.user_problem(form.get("login", ""))
        if mailbox is None:
            return html_response(pages.device_login_page(action, user_code, problem))
        user_id = mailbox.id
    try:
        authority.device_codes.decide(user_code, user_id, authority.tokens.clock())
    except DeviceCodeError as error:
        return html_response(
            pages.device_login_page(action, user_code, device_code_problem(error.reason, user_code))
        )
    if user_id is None:
        return html_response(
            pages.message_page("Sign-in declined", "You declined to sign in on the other device.")
        )
    return html_response(
        pages.message_page(
            "You're signed in",
            f"You have signed in to the {pages.APP_NAME} application on your device. "
            "You may now close this window.",
        )
    )
