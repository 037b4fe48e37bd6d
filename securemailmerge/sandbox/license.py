"""The sandbox's license endpoint, answering as the real license server does.

``POST /api/license`` with exactly ``{"email": "<address>"}`` answers 200
``{"email": "<address, domain lower-cased>", "plan": "free" | "commercial", "expires": "YYYY-MM-DD" | null}``.
``expires`` is the last day of a commercial license (null when it does not end, and for free);
a license whose last day has passed is free again. Anything else is 400
``{"error": {"code": "invalidRequest" | "invalidEmail", "message"}}``; other methods 405, other paths 404.
The service keeps no record of the addresses it is asked about and logs no bodies.
``GET /_sandbox/licenses`` lists the licensed addresses, for inspection.

By default the demo user is free (so the app adds its footer) and the sales team is commercial.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any
from wsgiref.types import StartResponse, WSGIEnvironment

from email_validator import EmailNotValidError, validate_email
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

from securemailmerge.i18n import translate
from securemailmerge.sandbox.directory import SALES
from securemailmerge.sandbox.responses import json_response

LICENSE_PATH = "/api/license"
INSPECT_PATH = "/_sandbox/licenses"


class _Request(Request):
    # One address fits in far less; a bigger body is not a license request.
    max_content_length = 4096


def default_licenses(today: date) -> dict[str, date | None]:
    """The sandbox's licensed addresses unless told otherwise: the sales team, until the end of next year."""
    return {SALES: date(today.year + 1, 12, 31)}


def parse_licensed(text: str) -> tuple[str, date | None]:
    """``ADDR`` or ``ADDR=YYYY-MM-DD`` from the command line; ValueError says what is wrong."""
    address, _, expiry = text.partition("=")
    try:
        email = validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(
            translate("Sandbox", "--licensed {value}: {reason}").format(value=text, reason=error)
        ) from None
    if not expiry:
        return email, None
    try:
        return email, date.fromisoformat(expiry.strip())
    except ValueError:
        raise ValueError(
            translate("Sandbox", "--licensed {value}: the expiry must be a date like 2027-12-31.").format(
                value=text
            )
        ) from None


class LicenseService:
    """The WSGI app of the license endpoint, with the list of licensed addresses."""

    def __init__(
        self,
        licensed: Mapping[str, date | None] | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.today = today
        source = default_licenses(today()) if licensed is None else licensed
        self._lock = threading.Lock()
        self._licensed = {address.casefold(): expiry for address, expiry in source.items()}

    @property
    def licensed(self) -> dict[str, date | None]:
        """Every licensed address (lower case) and the last day of its license."""
        with self._lock:
            return dict(self._licensed)

    def set_license(self, email: str, expires: date | None) -> None:
        """License ``email`` until ``expires`` (None: no end)."""
        with self._lock:
            self._licensed[email.casefold()] = expires

    def plan(self, email: str) -> tuple[str, date | None]:
        """``("commercial", last day)`` for a current license, else ``("free", None)``."""
        with self._lock:
            known = email.casefold() in self._licensed
            expires = self._licensed.get(email.casefold())
        if known and (expires is None or expires >= self.today()):
            return "commercial", expires
        return "free", None

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self._answer(_Request(environ))
        except RequestEntityTooLarge:
            response = _error("invalidRequest", "The request body is too large.", 413)
        return response(environ, start_response)

    def _answer(self, request: Request) -> Response:
        if request.path == INSPECT_PATH:
            if request.method != "GET":
                return _method_not_allowed("GET")
            return json_response(
                {
                    "licensed": [
                        {"email": email, "expires": expires.isoformat() if expires else None}
                        for email, expires in sorted(self.licensed.items())
                    ]
                }
            )
        if request.path != LICENSE_PATH:
            return _error("notFound", "There is nothing at this address.", 404)
        if request.method != "POST":
            return _method_not_allowed("POST")
        body = _json_body(request.get_data())
        if not isinstance(body, dict) or set(body) != {"email"} or not isinstance(body["email"], str):
            return _error("invalidRequest", 'The body must be exactly {"email": "<address>"}.', 400)
        try:
            email = validate_email(body["email"], check_deliverability=False).normalized
        except EmailNotValidError as error:
            return _error("invalidEmail", f"The email is not a valid address: {error}", 400)
        plan, expires = self.plan(email)
        return json_response(
            {"email": email, "plan": plan, "expires": expires.isoformat() if expires else None}
        )


def _json_body(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None


def _error(code: str, message: str, status: int) -> Response:
    return json_response({"error": {"code": code, "message": message}}, status)


def _method_not_allowed(allowed: str) -> Response:
    response = _error("methodNotAllowed", f"Use {allowed}.", 405)
    response.headers["Allow"] = allowed
    return response
