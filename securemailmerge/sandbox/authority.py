"""The sandbox's sign-in authority: Microsoft identity platform v2.0 endpoints that msal signs in against.

``A`` is the authority's base URL and ``{tenant}`` one of organizations, common, the tenant id or
its domain (anything else: 400 invalid_tenant, AADSTS90002)::

    GET  A/{tenant}/v2.0/.well-known/openid-configuration   issuer = A/<tenant id>/v2.0 = the ID token's iss
    GET  A/discovery/v2.0/keys, A/{tenant}/discovery/v2.0/keys      the ID-token signing key (JWKS)
    POST A/{tenant}/oauth2/v2.0/devicecode                  device code, user code, interval, expiry
    POST A/{tenant}/oauth2/v2.0/token                       device code, auth code + PKCE, refresh token
    GET  A/{tenant}/oauth2/v2.0/authorize                   sign-in and consent page (see signin.py)
    GET|POST A/devicelogin                                  where a person enters a device code
    POST A/_sandbox/devicecode/approve {"user_code", "upn"}, .../deny {"user_code"}
         -> 200 {"user_code", "status"}; 400 bad body or user; 404 unknown code; 409 expired or decided

Errors have Entra's shape: ``{"error", "error_description": "AADSTSnnnn: ...", "error_codes",
"timestamp", "trace_id", "correlation_id", "error_uri"}``. Access and refresh tokens are the
opaque ones of ``TokenRegistry``; refresh tokens rotate; ID tokens are RS256 JWTs (``idtoken.py``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from wsgiref.types import StartResponse, WSGIEnvironment

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.sandbox import signin, token_endpoint
from securemailmerge.sandbox.directory import (
    CLIENT_ID,
    DEMO_USER,
    TENANT_DOMAIN,
    TENANT_ID,
    Directory,
    Mailbox,
)
from securemailmerge.sandbox.grants import (
    AuthCodes,
    DeviceCodeError,
    DeviceCodes,
    UnknownScope,
    device_code_problem,
    parse_scopes,
)
from securemailmerge.sandbox.idtoken import SigningKey
from securemailmerge.sandbox.responses import json_response
from securemailmerge.sandbox.tokens import TokenRegistry

KNOWN_TENANTS = frozenset({"organizations", "common", TENANT_ID, TENANT_DOMAIN})
DEVICE_CODE_LIFETIME = 900.0
DEVICE_POLL_INTERVAL = 5


class _Request(Request):
    # Sign-in requests are small; anything bigger is not one.
    max_content_length = 64 * 1024
    max_form_memory_size = 64 * 1024


class Authority:
    """The WSGI app of the sign-in authority, and the in-process way to answer device codes."""

    def __init__(
        self,
        directory: Directory,
        tokens: TokenRegistry,
        base_url: str,
        *,
        signing_key: SigningKey | None = None,
        auto_approve: bool = False,
        poll_interval: int = DEVICE_POLL_INTERVAL,
        device_code_lifetime: float = DEVICE_CODE_LIFETIME,
        client_ids: frozenset[str] = frozenset({CLIENT_ID}),
    ) -> None:
        self.directory = directory
        self.tokens = tokens
        self.base_url = base_url.rstrip("/")
        self.issuer = f"{self.base_url}/{TENANT_ID}/v2.0"
        self.signing_key = signing_key or SigningKey()
        self.auto_approve = auto_approve
        self.poll_interval = poll_interval
        self.device_code_lifetime = device_code_lifetime
        self.client_ids = client_ids
        self.device_codes = DeviceCodes()
        self.auth_codes = AuthCodes()
        self._handlers: dict[str, Callable[..., Response]] = {
            "discovery": self._discovery,
            "keys": self._keys,
            "devicecode": self._devicecode,
            "token": lambda request, tenant: token_endpoint.token(self, request, tenant),
            "authorize": lambda request, tenant: signin.authorize(self, request, tenant),
            "devicelogin": lambda request: signin.device_login(self, request),
            "control": self._control,
        }
        self._urls = Map(
            [
                Rule(
                    "/<tenant>/v2.0/.well-known/openid-configuration", endpoint="discovery", methods=["GET"]
                ),
                Rule("/discovery/v2.0/keys", endpoint="keys", methods=["GET"]),
                Rule("/<tenant>/discovery/v2.0/keys", endpoint="keys", methods=["GET"]),
                Rule("/<tenant>/oauth2/v2.0/devicecode", endpoint="devicecode", methods=["POST"]),
                Rule("/<tenant>/oauth2/v2.0/token", endpoint="token", methods=["POST"]),
                Rule("/<tenant>/oauth2/v2.0/authorize", endpoint="authorize", methods=["GET", "POST"]),
                Rule("/devicelogin", endpoint="devicelogin", methods=["GET", "POST"]),
                Rule(
                    "/_sandbox/devicecode/<any(approve, deny):decision>", endpoint="control", methods=["POST"]
                ),
            ]
        )

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = _Request(environ)
        try:
            endpoint, arguments = self._urls.bind_to_environ(environ).match()
            if "tenant" in arguments and arguments["tenant"] not in KNOWN_TENANTS:
                response = self.oauth_error(
                    request, "invalid_tenant", 90002, f"Tenant '{arguments['tenant']}' not found.", status=400
                )
            else:
                response = self._handlers[str(endpoint)](request, **arguments)
        except HTTPException as error:
            response = json_response(
                {"error": "invalid_request", "error_description": error.description}, error.code or 400
            )
        return response(environ, start_response)

    # -- answers shared by the endpoints ---------------------------------------------------------

    def oauth_error(
        self,
        request: Request,
        error: str,
        code: int,
        description: str,
        *,
        status: int = 400,
        suberror: str | None = None,
    ) -> Response:
        """An error exactly shaped as Entra's token and device-code endpoints send them."""
        trace_id = str(uuid.uuid4())
        correlation_id = request.headers.get("client-request-id") or str(uuid.uuid4())
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
        body: dict[str, Any] = {
            "error": error,
            "error_description": (
                f"AADSTS{code}: {description}\r\nTrace ID: {trace_id}\r\n"
                f"Correlation ID: {correlation_id}\r\nTimestamp: {stamp}"
            ),
            "error_codes": [code],
            "timestamp": stamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
            "error_uri": f"{self.base_url}/error?code={code}",
        }
        if suberror:
            body["suberror"] = suberror
        return json_response(body, status)

    def client_problem(self, request: Request, client_id: str) -> Response | None:
        """The error for a missing or unknown client id, None when the app is registered."""
        if not client_id:
            return self.oauth_error(
                request,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: 'client_id'.",
            )
        if client_id not in self.client_ids:
            return self.oauth_error(
                request,
                "unauthorized_client",
                700016,
                f"Application with identifier '{client_id}' was not found in the directory "
                f"'{TENANT_DOMAIN}'. This can happen if the application has not been installed by the "
                "administrator of the tenant or consented to by any user in the tenant. You may have sent "
                "your authentication request to the wrong tenant.",
            )
        return None

    def user_problem(self, login: str) -> tuple[Mailbox | None, str]:
        """The mailbox of a person who may sign in as ``login``, or why not."""
        mailbox = self.directory.find(login.strip()) if login.strip() else None
        if mailbox is None:
            return None, translate(
                "Sandbox", "AADSTS50034: The user account {login} does not exist in the {tenant} directory."
            ).format(login=login, tenant=TENANT_DOMAIN)
        if mailbox.shared:
            return None, translate(
                "Sandbox",
                "AADSTS50057: The user account {login} is disabled: it is a shared mailbox. "
                "Sign in as a person who has access to it.",
            ).format(login=login)
        return mailbox, ""

    def _discovery(self, request: Request, tenant: str) -> Response:
        base = f"{self.base_url}/{tenant}"
        return json_response(
            {
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "token_endpoint_auth_methods_supported": [
                    "client_secret_post",
                    "private_key_jwt",
                    "client_secret_basic",
                ],
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_modes_supported": ["query", "fragment", "form_post"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "issuer": self.issuer,
                "request_uri_parameter_supported": False,
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                "code_challenge_methods_supported": ["S256"],
                "claims_supported": [
                    "sub",
                    "iss",
                    "aud",
                    "exp",
                    "iat",
                    "nbf",
                    "nonce",
                    "name",
                    "oid",
                    "tid",
                    "ver",
                    "preferred_username",
                ],
                "tenant_region_scope": "EU",
                "cloud_instance_name": "sandbox.securemailmerge.invalid",
            }
        )

    def _keys(self, request: Request, tenant: str | None = None) -> Response:
        return json_response(self.signing_key.jwks(self.issuer))

    # -- device code -----------------------------------------------------------------------------

    def _devicecode(self, request: Request, tenant: str) -> Response:
        client_id = request.form.get("client_id", "")
        problem = self.client_problem(request, client_id)
        if problem is not None:
            return problem
        try:
            scopes = parse_scopes(request.form.get("scope", ""))
        except UnknownScope as error:
            return self.scope_error(request, error.scope)
        code = self.device_codes.create(client_id, scopes, self.tokens.clock() + self.device_code_lifetime)
        demo = self.directory.find(DEMO_USER)
        if self.auto_approve and demo is not None:
            self.device_codes.decide(code.user_code, demo.id, self.tokens.clock())
        verification_uri = f"{self.base_url}/devicelogin"
        return json_response(
            {
                "user_code": code.user_code,
                "device_code": code.device_code,
                "verification_uri": verification_uri,
                "expires_in": int(self.device_code_lifetime),
                "interval": self.poll_interval,
                "message": (
                    f"To sign in, use a web browser to open the page {verification_uri} "
                    f"and enter the code {code.user_code} to authenticate."
                ),
            }
        )

    def decide_device_code(self, user_code: str, login: str | None) -> None:
        """Approve ``user_code`` for ``login`` (or decline it when None); InputError says why not."""
        user_id = None
        if login is not None:
            mailbox, problem = self.user_problem(login)
            if mailbox is None:
                raise InputError(problem, field="upn")
            user_id = mailbox.id
        try:
            self.device_codes.decide(user_code, user_id, self.tokens.clock())
        except DeviceCodeError as error:
            raise InputError(device_code_problem(error.reason, user_code), field="user_code") from None

    def _control(self, request: Request, decision: str) -> Response:
        body = request.get_json(silent=True)
        upn = body.get("upn", DEMO_USER) if isinstance(body, dict) else None
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("user_code"), str)
            or not isinstance(upn, str)
        ):
            return json_response(
                {"error": "invalid_request", "message": 'Send JSON {"user_code": "...", "upn": "..."}.'}, 400
            )
        user_code = body["user_code"]
        user_id = None
        if decision == "approve":
            mailbox, problem = self.user_problem(upn)
            if mailbox is None:
                return json_response({"error": "invalid_user", "message": problem}, 400)
            user_id = mailbox.id
        try:
            self.device_codes.decide(user_code, user_id, self.tokens.clock())
        except DeviceCodeError as error:
            status = 404 if error.reason == "unknown" else 409
            return json_response(
                {"error": error.reason, "message": device_code_problem(error.reason, user_code)}, status
            )
        return json_response({"user_code": user_code, "status": "approved" if user_id else "declined"})

    def scope_error(self, request: Request, scope: str) -> Response:
        """Entra's answer to a scope that is neither a Graph permission nor an OpenID scope."""
        return self.oauth_error(
            request,
            "invalid_scope",
            70011,
            f"The provided value for the input parameter 'scope' is not valid. "
            f"The scope {scope} is not valid.",
        )
