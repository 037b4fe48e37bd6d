"""The careful Microsoft Graph client: headers, paging, retries and typed errors.

Every call carries a bearer token from a ``TokenProvider``, ``Prefer: IdType="ImmutableId"``, a
fresh ``client-request-id`` and ``Accept: application/json``. Collections are read page by page
over ``@odata.nextLink`` (followed verbatim). Retries follow Graph's rules as
``securemailmerge.m365.retry.plan_retry`` states them; a 401 fetches a new token once, then
becomes ``SignInRequired``.

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
from securemailmerge.m365 import jsonpage
from securemailmerge.m365.net import HttpFactory, mask_path
from securemailmerge.m365.retry import (
    IDEMPOTENT,
    Failure,
    RetryEvent,
    Retrying,
    RetryObserver,
    RetryPolicy,
    Throttled,
    parse_retry_after,
    plan_retry,
)

__all__ = ["GraphClient", "RetryEvent", "Retrying", "Throttled", "TokenProvider", "graph_error"]

log = logging.getLogger(__name__)


class TokenProvider(Protocol):
    """What the Graph client needs from sign-in: a valid access token."""

    def access_token(self, *, force_refresh: bool = False) -> str:
        """A bearer token for Graph; raises ``SignInRequired`` when the user must sign in."""
        ...


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
        on_retry: RetryObserver | None = None,
        max_attempts: int = RetryPolicy.max_attempts,
    ) -> None:
        self._http = http
        self.base_url = base_url.rstrip("/")
        self._tokens = tokens
        self._factory = factory
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not secrecy
        self._on_retry = on_retry
        self.policy = RetryPolicy(max_attempts=max_attempts)

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
        """Send until Graph answers for good: refresh the token once on 401, retry as ``plan_retry`` says."""
        url = path if path.startswith(("https://", "http://")) else f"{self.base_url}/{path.lstrip('/')}"
        if body is not None:
            content = json.dumps(body).encode("utf-8")
        may_repeat = method in IDEMPOTENT or retry_unsafe
        refreshed = False
        attempt = 0
        while True:
            attempt += 1
            client_request_id = str(uuid.uuid4())
            request_headers = self._headers(
                client_request_id, headers, authorize, refreshed, body is not None
            )
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
                retry = self._plan(Failure(None, str(error)), attempt, may_repeat)
                if retry is None:
                    raise
                self._wait(retry, method, url)
                continue
            status = response.status_code
            if status < 300:
                return response
            if status == 401 and authorize and not refreshed:
                refreshed = True
                continue
            retry = self._plan(_failure(response), attempt, may_repeat)
            if retry is None:
                raise graph_error(response, client_request_id, authorized=authorize)
            self._wait(retry, method, url)

    def _headers(
        self,
        client_request_id: str,
        extra: Mapping[str, str] | None,
        authorize: bool,
        refreshed: bool,
        json_body: bool,
    ) -> dict[str, str]:
        headers = {"client-request-id": client_request_id, "Accept": "application/json", **(extra or {})}
        if authorize:
            headers["Authorization"] = f"Bearer {self._tokens.access_token(force_refresh=refreshed)}"
            headers["Prefer"] = 'IdType="ImmutableId"'
        if json_body:
            headers["Content-Type"] = "application/json"
        return headers

    def _plan(self, failure: Failure, attempt: int, may_repeat: bool) -> RetryEvent | None:
        return plan_retry(
            failure, attempt, may_repeat=may_repeat, uniform=self._rng.uniform, policy=self.policy
        )

    def _wait(self, event: RetryEvent, method: str, url: str) -> None:
        log.info("%s %s: %s", method, mask_path(httpx.URL(url).path), event)
        if self._on_retry is not None:
            self._on_retry(event)
        self._sleep(event.wait_seconds)

    def _json(self, response: httpx.Response) -> dict[str, Any]:
        try:
            data = jsonpage.loads(response.content)  # a page of 1,000 contacts, never one long C call
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


def _failure(response: httpx.Response) -> Failure:
    reason = translate("Graph", "Microsoft Graph answered {status} ({code}).").format(
        status=response.status_code, code=_code(response)
    )
    return Failure(response.status_code, reason, parse_retry_after(response.headers.get("Retry-After")))


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
