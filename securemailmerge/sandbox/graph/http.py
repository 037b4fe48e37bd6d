"""Requests and responses of the Graph emulator: parsing, Graph's error bodies and its headers.

Every answer carries ``request-id`` and echoes ``client-request-id`` (Graph makes one up when the
client sent none); every error body is exactly ``{"error": {"code", "message", "innerError":
{"date", "request-id", "client-request-id"}}}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from werkzeug.datastructures import Headers

from securemailmerge.sandbox.graph import ids
from securemailmerge.sandbox.server import DropConnection

Json = Any
JSON_TYPE = (
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
)
MAX_BODY = 4 * 1024 * 1024  # Graph refuses request bodies above 4 MB


class GraphHttpError(Exception):
    """An answer Graph gives instead of doing what was asked."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def bad_request(message: str, code: str = "BadRequest") -> GraphHttpError:
    """A 400 with Graph's wording."""
    return GraphHttpError(400, code, message)


def not_found(message: str = "The specified object was not found in the store.") -> GraphHttpError:
    """A 404 ErrorItemNotFound."""
    return GraphHttpError(404, "ErrorItemNotFound", message)


def access_denied(message: str = "Access is denied. Check credentials and try again.") -> GraphHttpError:
    """A 403 ErrorAccessDenied."""
    return GraphHttpError(403, "ErrorAccessDenied", message)


def now_iso(moment: datetime | None = None) -> str:
    """A UTC time as Graph writes it: ``2024-05-01T09:30:00Z``."""
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class GraphRequest:
    """One request to the emulator, already parsed."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: Headers
    body: bytes
    base_url: str
    request_id: str = field(default_factory=ids.guid)
    client_request_id: str = ""
    environ: dict[str, Any] | None = None
    in_batch: bool = False
    delay: float = 0.0  # seconds the server takes, spent while holding the request's slot

    def __post_init__(self) -> None:
        if not self.client_request_id:
            self.client_request_id = self.headers.get("client-request-id") or self.request_id

    @property
    def segments(self) -> list[str]:
        """The decoded path segments below /v1.0."""
        return [unquote(s) for s in self.path.strip("/").split("/")] if self.path.strip("/") else []

    @property
    def prefers_immutable_ids(self) -> bool:
        """True when the client asked for ``Prefer: IdType="ImmutableId"``."""
        prefer = ",".join(self.headers.getlist("Prefer"))
        return any(p.strip().replace(" ", "").lower() == 'idtype="immutableid"' for p in prefer.split(","))

    def options(self) -> dict[str, str]:
        """The OData system query options ($-names), refusing one given twice as Graph does."""
        seen: dict[str, str] = {}
        for name, value in self.query:
            if not name.startswith("$"):
                continue  # custom query options are ignored by OData services
            key = name.lower()
            if key in seen:
                raise bad_request(
                    f"Query option '{name}' was specified more than once, but it must be specified at most "
                    "once."
                )
            seen[key] = value
        return seen

    def json(self) -> Json:
        """The body as JSON (400 BadRequest with Graph's message when it is not JSON)."""
        if not self.body.strip():
            return None
        try:
            return json.loads(self.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise bad_request(
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload "
                "is of "
                "valid JSON format."
            ) from None


@dataclass
class GraphResponse:
    """What the emulator answers."""

    status: int
    body: Json = None
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        """The body as bytes."""
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body, ensure_ascii=False).encode()


def error_response(request: GraphRequest, error: GraphHttpError) -> GraphResponse:
    """Graph's error body for ``error``, with its headers."""
    body = {
        "error": {
            "code": error.code,
            "message": error.message,
            "innerError": {
                "date": now_iso(),
                "request-id": request.request_id,
                "client-request-id": request.client_request_id,
            },
        }
    }
    return GraphResponse(error.status, body, dict(error.headers))


def wsgi_headers(request: GraphRequest, response: GraphResponse) -> list[tuple[str, str]]:
    """The header list for a WSGI answer, with Graph's ids and content type."""
    headers = dict(response.headers)
    if response.body is not None and "Content-Type" not in headers:
        headers["Content-Type"] = JSON_TYPE if not isinstance(response.body, str | bytes) else "text/plain"
    headers.setdefault("Cache-Control", "no-cache")
    headers["request-id"] = request.request_id
    headers["client-request-id"] = request.client_request_id
    headers["x-ms-ags-diagnostic"] = json.dumps(
        {"ServerInfo": {"DataCenter": "Loopback", "Slice": "E", "Ring": "0", "ScaleUnit": "000"}}
    )
    headers["Content-Length"] = str(len(response.payload()))
    return list(headers.items())


def status_line(status: int) -> str:
    """``201 Created`` for 201."""
    from http import HTTPStatus

    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"


def drop_connection() -> None:
    """End the request with no answer at all: the server closes the connection (a fault we inject)."""
    raise DropConnection("sandbox fault: connection dropped")


def read_body(environ: dict[str, Any]) -> bytes:
    """The request body of a WSGI call (413 when it is over Graph's 4 MB)."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    stream = environ["wsgi.input"]
    if length > MAX_BODY:
        stream.read(length)
        raise GraphHttpError(
            413, "RequestEntityTooLarge", "The request body is larger than 4 MB, the maximum Graph accepts."
        )
    return bytes(stream.read(length)) if length else b""


def headers_of(environ: dict[str, Any]) -> Headers:
    """The request headers of a WSGI call."""
    headers = Headers()
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers.add(key[5:].replace("_", "-").title(), value)
    if environ.get("CONTENT_TYPE"):
        headers.add("Content-Type", environ["CONTENT_TYPE"])
    return headers


def header_items(pairs: Iterable[tuple[str, str]]) -> Headers:
    """Headers from name/value pairs (as a $batch item gives them)."""
    headers = Headers()
    for name, value in pairs:
        headers.add(name, value)
    return headers
