"""JSON batching: ``POST /$batch`` with up to 20 requests, ``dependsOn`` and a status per request.

Without ``dependsOn`` Graph runs the requests at once, so each counts against the mailbox's four
concurrent requests: the ones beyond the free slots get their own 429. With ``dependsOn`` they run
in order and a request whose dependency failed gets 424 Failed Dependency.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from securemailmerge.sandbox.graph.core import Emulator
from securemailmerge.sandbox.graph.http import (
    GraphHttpError,
    GraphRequest,
    GraphResponse,
    error_response,
    header_items,
)
from securemailmerge.sandbox.graph.limits import Key
from securemailmerge.sandbox.graph.routes import authenticate, serve
from securemailmerge.sandbox.tokens import Grant

Json = Any
MAX_REQUESTS = 20
_METHODS = {"GET", "POST", "PATCH", "PUT", "DELETE"}


def _checked(emulator: Emulator, request: GraphRequest) -> list[dict[str, Json]]:
    body = request.json()
    operation = emulator.schema.match_operation("POST", "/$batch")
    assert operation is not None
    assert operation.body_schema is not None
    if not isinstance(body, dict) or not isinstance(body.get("requests"), list):
        raise GraphHttpError(400, "BadRequest", "Invalid batch payload format.")
    if len(body["requests"]) > MAX_REQUESTS:
        raise GraphHttpError(
            400,
            "BadRequest",
            f"The batch holds {len(body['requests'])} requests; at most {MAX_REQUESTS} are allowed.",
        )
    problems = emulator.schema.check_body(operation.body_schema, body, "$batch")
    if problems:
        raise GraphHttpError(400, "BadRequest", f"Invalid batch payload format: {problems[0]}")
    seen: set[str] = set()
    for item in body["requests"]:
        item_id = item["id"]
        if item_id in seen:
            raise GraphHttpError(400, "BadRequest", "Batch request contains duplicate request ids.")
        if str(item["method"]).upper() not in _METHODS:
            raise GraphHttpError(
                400, "BadRequest", f"Invalid method '{item['method']}' in request id : {item_id}."
            )
        for dependency in item.get("dependsOn") or []:
            if dependency not in seen:
                raise GraphHttpError(
                    400, "BadRequest", f"Request id : {item_id} depends on unknown request id : {dependency}."
                )
        headers = {k.lower() for k in (item.get("headers") or {})}
        if "body" in item and "content-type" not in headers:
            raise GraphHttpError(
                400,
                "BadRequest",
                f"Write request id : {item_id} does not contain Content-Type header or body.",
            )
        if urlsplit(str(item["url"])).scheme:
            raise GraphHttpError(
                400, "BadRequest", f"Request id : {item_id} has an absolute url; batch urls are relative."
            )
        seen.add(item_id)
    return list(body["requests"])


def _inner(request: GraphRequest, item: dict[str, Json], grant: Grant) -> GraphRequest:
    parts = urlsplit("/" + str(item["url"]).lstrip("/"))
    path = parts.path.removeprefix("/v1.0")
    headers = header_items((str(k), str(v)) for k, v in (item.get("headers") or {}).items())
    headers.set("Authorization", request.headers.get("Authorization", ""))
    body = item.get("body")
    payload = b"" if body is None else json.dumps(body).encode()
    return GraphRequest(
        str(item["method"]).upper(),
        path,
        parse_qsl(parts.query, keep_blank_values=True),
        headers,
        payload,
        request.base_url,
        client_request_id=request.client_request_id,
        in_batch=True,
    )


def _key(emulator: Emulator, inner: GraphRequest, grant: Grant) -> Key | None:
    segments = inner.segments
    if not segments or segments[0] not in {"me", "users"} or (segments[0] == "me" and len(segments) == 1):
        return None
    if segments[0] == "users" and len(segments) < 3:
        return None
    mailbox = emulator.directory.find(grant.user_id if segments[0] == "me" else segments[1])
    return (grant.client_id, mailbox.id) if mailbox else None


def _answer(item_id: str, response: GraphResponse) -> dict[str, Json]:
    headers = dict(response.headers)
    if response.body is not None:
        headers.setdefault("Content-Type", "application/json")
    answer: dict[str, Json] = {"id": item_id, "status": response.status, "headers": headers}
    if response.body is not None:
        answer["body"] = response.body
    return answer


def serve_batch(emulator: Emulator, request: GraphRequest) -> tuple[GraphResponse, list[str | None]]:
    """Answer a $batch; also returns the mailbox each inner request counted against."""
    try:
        grant = authenticate(emulator, request)
        items = _checked(emulator, request)
    except GraphHttpError as error:
        return error_response(request, error), []
    sequential = any(item.get("dependsOn") for item in items)
    answers: list[dict[str, Json]] = []
    labels: list[str | None] = []
    held: list[Key] = []
    admitted: list[bool] = []
    if not sequential:
        for item in items:
            key = _key(emulator, _inner(request, item, grant), grant)
            throttle = emulator.limits.enter(key) if key else None
            admitted.append(throttle is None)
            if key and throttle is None:
                held.append(key)
    try:
        failed: set[str] = set()
        for index, item in enumerate(items):
            inner = _inner(request, item, grant)
            if not sequential and not admitted[index]:
                refused = GraphHttpError(
                    429,
                    "ApplicationThrottled",
                    "Application is over its MailboxConcurrency limit.",
                    {"Retry-After": "1"},
                )
                response, label = error_response(inner, refused), _label(emulator, inner, grant)
            elif failed & set(item.get("dependsOn") or []):
                blocked = GraphHttpError(424, "FailedDependency", "A request this request depends on failed.")
                response, label = error_response(inner, blocked), _label(emulator, inner, grant)
            else:
                response, label = serve(emulator, inner, grant, admitted=not sequential)
            if response.status >= 400:
                failed.add(item["id"])
            answers.append(_answer(item["id"], response))
            labels.append(label)
    finally:
        for key in held:
            emulator.limits.leave(key)
    return GraphResponse(200, {"responses": answers}), labels


def _label(emulator: Emulator, inner: GraphRequest, grant: Grant) -> str | None:
    key = _key(emulator, inner, grant)
    mailbox = emulator.directory.find(key[1]) if key else None
    return (mailbox.mail or mailbox.upn) if mailbox else None
