"""The token endpoint of the sandbox authority: device code, authorization code with PKCE, refresh token.

Answers are Entra's: ``token_type``, ``scope`` (the Graph scopes as the client spelt them, so that
msal finds them again in its cache), ``expires_in``, ``access_token``, ``refresh_token`` when
offline_access was asked, an RS256 ``id_token`` when openid was, and ``client_info`` when the
client sent ``client_info=1``. Refresh tokens rotate: each one works once.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from werkzeug.wrappers import Request, Response

from securemailmerge.sandbox.grants import DeviceState, Scopes, UnknownScope, parse_scopes, pkce_s256
from securemailmerge.sandbox.idtoken import client_info, id_token_claims
from securemailmerge.sandbox.responses import json_response

if TYPE_CHECKING:
    from securemailmerge.sandbox.authority import Authority

DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def _answer_with_tokens(
    authority: Authority,
    request: Request,
    user_id: str,
    client_id: str,
    asked: Scopes,
    granted: frozenset[str],
    nonce: str | None,
) -> Response:
    # Entra's access tokens carry every consented Graph scope; the answer names what was asked.
    mailbox = authority.directory.find(user_id)
    if mailbox is None:
        return authority.oauth_error(request, "invalid_grant", 50034, "The user account does not exist.")
    access, refresh, _ = authority.tokens.issue(user_id, client_id, granted)
    lifetime = max(1, math.ceil(authority.tokens.access_lifetime))
    body: dict[str, Any] = {
        "token_type": "Bearer",
        "scope": asked.response_scope(),
        "expires_in": lifetime,
        "ext_expires_in": lifetime,
        "access_token": access,
    }
    if "offline_access" in asked.oidc:
        body["refresh_token"] = refresh
    if "openid" in asked.oidc:
        claims = id_token_claims(
            mailbox, client_id=client_id, issuer=authority.issuer, now=authority.tokens.clock(), nonce=nonce
        )
        body["id_token"] = authority.signing_key.sign(claims)
    if request.form.get("client_info") == "1":
        body["client_info"] = client_info(user_id)
    return json_response(body)


def token(authority: Authority, request: Request, tenant: str) -> Response:
    """``/{tenant}/oauth2/v2.0/token``: redeem a device code, an authorization code or a refresh token."""
    form = request.form
    if form.get("client_secret") or form.get("client_assertion"):
        return authority.oauth_error(
            request,
            "invalid_client",
            700025,
            "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
            status=401,
        )
    client_id = form.get("client_id", "")
    problem = authority.client_problem(request, client_id)
    if problem is not None:
        return problem
    grant_type = form.get("grant_type", "")
    if grant_type == DEVICE_CODE_GRANT:
        return _device_code_grant(authority, request, client_id)
    if grant_type == "authorization_code":
        return _authorization_code_grant(authority, request, client_id)
    if grant_type == "refresh_token":
        return _refresh_grant(authority, request, client_id)
    if not grant_type:
        return authority.oauth_error(
            request,
            "invalid_request",
            900144,
            "The request body must contain the following parameter: 'grant_type'.",
        )
    return authority.oauth_error(
        request,
        "unsupported_grant_type",
        70003,
        f"The app requested an unsupported grant type '{grant_type}'.",
    )


def _device_code_grant(authority: Authority, request: Request, client_id: str) -> Response:
    state, code = authority.device_codes.poll(
        request.form.get("device_code", ""), client_id, authority.tokens.clock()
    )
    if state == "unknown" or code is None:
        return authority.oauth_error(
            request, "bad_verification_code", 70000, "The device code was not recognized."
        )
    if state == "expired":
        return authority.oauth_error(request, "expired_token", 70019, "Verification code expired.")
    if state is DeviceState.PENDING:
        return authority.oauth_error(
            request,
            "authorization_pending",
            70016,
            "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
        )
    if state is DeviceState.DECLINED:
        return authority.oauth_error(
            request,
            "authorization_declined",
            70000,
            "The request was denied because the user declined the sign-in on the device login page.",
        )
    if state is DeviceState.REDEEMED or code.user_id is None:
        return authority.oauth_error(request, "invalid_grant", 54005, "The device code was already redeemed.")
    return _answer_with_tokens(
        authority, request, code.user_id, client_id, code.scopes, code.scopes.graph, None
    )


def _authorization_code_grant(authority: Authority, request: Request, client_id: str) -> Response:
    form = request.form
    record = authority.auth_codes.redeem(form.get("code", ""))
    if record is None:
        return authority.oauth_error(
            request, "invalid_grant", 70000, "Provided grant is invalid or malformed."
        )
    if record.used:
        return authority.oauth_error(
            request, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed."
        )
    if record.expires_at <= authority.tokens.clock():
        return authority.oauth_error(
            request, "invalid_grant", 70008, "The provided authorization code has expired."
        )
    asked = record.request
    if asked.client_id != client_id:
        return authority.oauth_error(
            request, "invalid_grant", 70000, "The authorization code was issued to another application."
        )
    if form.get("redirect_uri", "") != asked.redirect_uri:
        return authority.oauth_error(
            request,
            "invalid_grant",
            50011,
            "The redirect URI does not match the one used in the authorization request.",
        )
    if pkce_s256(form.get("code_verifier", "")) != asked.code_challenge:
        return authority.oauth_error(
            request,
            "invalid_grant",
            501481,
            "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
        )
    return _answer_with_tokens(
        authority, request, record.user_id, client_id, asked.scopes, asked.scopes.graph, asked.nonce
    )


def _refresh_grant(authority: Authority, request: Request, client_id: str) -> Response:
    grant = authority.tokens.redeem_refresh(request.form.get("refresh_token", ""))
    if grant is None or grant.client_id != client_id:
        return authority.oauth_error(
            request,
            "invalid_grant",
            70008,
            "The refresh token has expired, was revoked or is invalid. Send a new interactive "
            "authorization request for this user and resource.",
        )
    try:
        asked = parse_scopes(request.form.get("scope", ""))
    except UnknownScope as error:
        return authority.scope_error(request, error.scope)
    if not asked.graph and not asked.oidc:
        # Without a scope, Entra refreshes everything that was consented.
        asked = Scopes(
            grant.scopes, frozenset({"openid", "profile", "offline_access"}), tuple(sorted(grant.scopes))
        )
    missing = sorted(asked.graph - grant.scopes)
    if missing:
        return authority.oauth_error(
            request,
            "invalid_grant",
            65001,
            f"The user has not consented to use the application for {' '.join(missing)}. "
            "Send an interactive authorization request for this user and resource.",
            suberror="consent_required",
        )
    # Entra's refresh tokens keep everything consented; the answer names what was asked.
    return _answer_with_tokens(authority, request, grant.user_id, client_id, asked, grant.scopes, None)
