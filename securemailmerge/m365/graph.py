"""The careful Microsoft Graph client: headers, paging, retries and typed errors.

Every call carries a bearer token from a ``TokenProvider``, ``Prefer: IdType="ImmutableId"``, a
fresh ``client-request-id`` and ``Accept: application/json``. Collections are read page by page
over ``@odata.nextLink`` (followed verbatim). Retries follow Graph's rules:

- 429: wait exactly ``Retry-After`` seconds (any method: Graph did not process the request);
- 503 with ``Retry-After``: wait that long; 502/503/504 without it and dropped connections: back
  off exponentially with jitter, capped; a POST or PUT only when the caller says a duplicate
  cannot result (``retry_unsafe=True``);
- 401: fetch a new token once, then ``SignInRequired``; 400/403/404 and the rest: never retried.

Errors are read from ``{"error": {"code", "message", "innerError"}}`` and branch on ``code``.
The ``httpx.Client`` must come from ``HttpFactory.client()``, which turns transport errors into
``NetworkError`` and refuses hosts that are not allowed.
"""

from __future__ import annotations

import json
import logging
import random
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from securemailmerge.errors import (
    AccessDeniedError,
    GraphError,
    HostNotAllowed,
    MailboxNotEnabledError,
    NetworkError,
    NotFoundError,
    SignInRequired,
    ThrottledError,
)
from securemailmerge.i18n import translate
from securemailmerge.m365.net import HttpFactory, mask_path

log = logging.getLogger(__name__)

BACKOFF_BASE = 1.0
BACKOFF_CAP = 60.0
_IDEMPOTENT = frozenset({"GET", "PATCH", "DELETE"})
_TRANSIENT = frozenset({502, 503, 504})


class TokenProvider(Protocol):
    """What the Graph client needs from sign-in: a valid access token."""

    def access_token(self, *, force_refresh: bool = False) -> str:
        """A bearer token for Graph; raises ``SignInRequired`` when the user must sign in."""
        ...


@dataclass(frozen=True)
class Throttled:
    """Microsoft throttled a request; the client waits exactly as long as it was told."""

    reason: str
    wait_seconds: float
    attempt: int

    def __str__(self) -> str:
        return translate("Graph", "Throttled by Microsoft, waiting {seconds} s (attempt {attempt}).").format(
            seconds=_seconds(self.wait_seconds), attempt=self.attempt
        )


@dataclass(frozen=True)
class Retrying:
    """A request failed for a passing reason and is tried again after a pause."""

    reason: str
    wait_seconds: float
    attempt: int

    def __str__(self) -> str:
        return translate("Graph", "{reason}. Trying again in {seconds} s (attempt {attempt}).").format(
            reason=self.reason.rstrip(". "), seconds=_seconds(self.wait_seconds), attempt=self.attempt
        )


RetryEvent = Throttled | Retrying


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


class GraphClient:
    """Calls Microsoft Graph v1.0 with Graph's headers, paging, retry rules and typed errors."""

    def __init__(
        self,
        http: httpx.Client,
        base_url: str,
        tokens: TokenProvider,
        *,
        factory: HttpFactory | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        on_retry: Callable[[RetryEvent], None] | None = None,
        max_attempts: int = 6,
    ) -> None:
        self._http = http
        self.base_url = base_url.rstrip("/")
        self._tokens = tokens
        self._factory = factory
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
        self._on_retry = on_retry
        self.max_attempts = max_attempts

    def get(self, path: str, *, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        """GET one resource as JSON."""
        return self._json(self._request("GET", path, params=params))

    def iter_collection(
        self, path: str, *, params: Mapping[str, str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every item of a collection, page after page; ``params`` must hold ``$select``."""
        if not params or not params.get("$select"):
            raise ValueError(f"GET {path}: a collection is read with $select naming the fields it needs")
        url: str | None = path
        page_params: Mapping[str, str] | None = params
        while url is not None:
            page = self._json(self._request("GET", url, params=page_params))
            yield from page.get("value", [])
            link = page.get("@odata.nextLink")
            # The link is absolute and opaque and already holds every query option.
            url, page_params = (link, None) if isinstance(link, str) else (None, None)

    def post(
        self, path: str, body: Mapping[str, Any] | None, *, retry_unsafe: bool = False
    ) -> dict[str, Any] | None:
        """POST ``body`` (None: an empty body); the JSON answer, or None for 202/204."""
        response = self._request("POST", path, body=body, retry_unsafe=retry_unsafe)
        return self._json(response) if response.content else None

    def patch(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """PATCH ``body`` onto a resource and return the updated resource."""
        return self._json(self._request("PATCH", path, body=body))

    def delete(self, path: str) -> None:
        """DELETE a resource."""
        self._request("DELETE", path)

    def upload_chunk(self, upload_url: str, data: bytes, start: int, total: int) -> dict[str, Any] | None:
        """PUT one chunk of an upload session (no Authorization header); the JSON answer or None."""
        if self._factory is None or not self._factory.is_upload_url(upload_url):
            host = httpx.URL(upload_url).host
            raise HostNotAllowed(
                translate("Graph", "{host} was not named by an upload session, so nothing was sent.").format(
                    host=host
                ),
                host=host,
            )
        # Microsoft's upload page lists Content-Type: application/octet-stream as required for each chunk.
        headers = {
            "Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}",
            "Content-Type": "application/octet-stream",
        }
        response = self._request("PUT", upload_url, content=data, headers=headers, authorize=False)
        return self._json(response) if response.content else None

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        authorize: bool = True,
        retry_unsafe: bool = False,
    ) -> httpx.Response:
        url = path if path.startswith(("https://", "http://")) else f"{self.base_url}/{path.lstrip('/')}"
        may_repeat = method in _IDEMPOTENT or retry_unsafe
        refreshed = False
        attempt = 0
        while True:
            attempt += 1
            client_request_id = str(uuid.uuid4())
            request_headers = {
                "client-request-id": client_request_id,
                "Accept": "application/json",
                **(headers or {}),
            }
            if authorize:
                request_headers["Authorization"] = (
                    f"Bearer {self._tokens.access_token(force_refresh=refreshed)}"
                )
                request_headers["Prefer"] = 'IdType="ImmutableId"'
            if body is not None:
                content = json.dumps(body).encode("utf-8")
                request_headers["Content-Type"] = "application/json"
            try:
                response = self._http.request(
                    method,
                    url,
                    params=dict(params) if params else None,
                    content=content,
                    headers=request_headers,
                )
            except HostNotAllowed:
                raise
            except NetworkError as error:
                if not may_repeat or attempt >= self.max_attempts:
                    raise
                self._wait(Retrying(str(error), self._backoff(attempt), attempt), method, url)
                continue
            status = response.status_code
            if status < 300:
                return response
            if status == 401 and authorize and not refreshed:
                refreshed = True
                continue
            if attempt < self.max_attempts and (status == 429 or (status in _TRANSIENT and may_repeat)):
                # Graph did not process a throttled request, so even a POST may be sent again.
                reason = translate("Graph", "Microsoft Graph answered {status} ({code}).").format(
                    status=status, code=_code(response)
                )
                retry_after = _retry_after(response)
                if retry_after is not None:
                    self._wait(Throttled(reason, retry_after, attempt), method, url)
                else:
                    self._wait(Retrying(reason, self._backoff(attempt), attempt), method, url)
                continue
            raise graph_error(response, client_request_id, authorized=authorize)

    def _backoff(self, attempt: int) -> float:
        # "Equal jitter": at least half the exponential step, so waits still grow.
        step = min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** (attempt - 1))
        return step / 2 + self._rng.uniform(0, step / 2)

    def _wait(self, event: RetryEvent, method: str, url: str) -> None:
        log.info("%s %s: %s", method, mask_path(httpx.URL(url).path), event)
        if self._on_retry is not None:
            self._on_retry(event)
        self._sleep(event.wait_seconds)

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict):
            raise GraphError(
                translate(
                    "Graph", "Microsoft Graph sent an answer that is not a JSON object (status {status})."
                ).format(status=response.status_code),
                status=response.status_code,
                code="InvalidResponse",
                request_id=response.headers.get("request-id"),
                client_request_id=response.request.headers.get("client-request-id"),
            )
        return data


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def _error_body(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    error = data.get("error") if isinstance(data, dict) else None
    return error if isinstance(error, dict) else {}


def _code(response: httpx.Response) -> str:
    code = _error_body(response).get("code")
    return code if isinstance(code, str) and code else f"HTTP {response.status_code}"


def graph_error(
    response: httpx.Response, client_request_id: str, *, authorized: bool = True
) -> GraphError | SignInRequired:
    """The typed error for a Graph error answer, chosen by status and ``error.code``."""
    status = response.status_code
    code = _code(response)
    error = _error_body(response)
    inner = error.get("innerError")
    inner_id = inner.get("request-id") if isinstance(inner, dict) else None
    request_id = response.headers.get("request-id") or (inner_id if isinstance(inner_id, str) else None)
    if status == 401 and authorized:
        text = translate(
            "Graph", "Microsoft Graph no longer accepts your sign-in ({code}). Please sign in again."
        )
        return SignInRequired(text.format(code=code), code=code)
    kind: type[GraphError] = GraphError
    detail = error.get("message") if isinstance(error.get("message"), str) else ""
    if status == 403 and code == "ErrorSendAsDenied":
        kind = AccessDeniedError
        text = translate(
            "Graph", "You may not send as this mailbox ({code}); ask your administrator for Send As rights."
        )
    elif status == 403:
        kind = AccessDeniedError
        text = translate(
            "Graph", "Access denied ({code}): your account lacks the right to this mailbox or item."
        )
    elif status == 404 and code == "MailboxNotEnabledForRESTAPI":
        kind = MailboxNotEnabledError
        text = translate("Graph", "This mailbox is not an Exchange Online mailbox ({code}).")
    elif status == 404:
        kind = NotFoundError
        text = translate("Graph", "The mailbox, folder or item was not found ({code}).")
    elif status == 429:
        kind = ThrottledError
        text = translate("Graph", "Microsoft kept throttling the requests ({code}); try again later.")
    elif 300 <= status < 400:
        text = translate("Graph", "Microsoft Graph answered with a redirect ({status}), which is refused.")
    elif detail:
        text = translate("Graph", "Microsoft Graph answered {status} ({code}): {detail}")
    else:
        text = translate("Graph", "Microsoft Graph answered {status} ({code}).")
    message = text.format(status=status, code=code, detail=detail)
    if request_id:
        message += " " + translate("Graph", "Request id: {request_id}.").format(request_id=request_id)
    return kind(message, status=status, code=code, request_id=request_id, client_request_id=client_request_id)
