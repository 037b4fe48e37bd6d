"""The sandbox's Microsoft Graph emulator: the WSGI apps for Graph and the uploads host, and its state.

``GraphService`` serves ``/v1.0/...`` (every call of the Graph schema, for ``/me`` and
``/users/{id or address}``) and the inspection API under ``/_sandbox/`` from ``graph_app``, and the
upload sessions' PUTs from ``upload_app``. H4's ``Sandbox`` mounts them on their own HTTPS ports.

Sending is asynchronous, as Exchange's is (``transport.py`` names Microsoft's pages): a 202 means
accepted; the Sent Items copy, the recipients' copies and the non-delivery reports come later, and
the sending limits bite then. For tests and benchmarks:

- fast or instant delivery: ``GraphService(..., sending=SendPolicy.instant())`` (no delays: a message
  leaves at the next request), ``--time-scale`` (every delay and window scaled), or
  ``service.settle()``, which runs everything still queued at once, each event at its own time;
  ``service.wait_delivered(timeout)`` waits for real (scaled) time instead;
- what a recipient received: ``service.inspect.delivered(address)`` (or ``GET /_sandbox/recipients/
  {address}/messages``), each with its MIME text; a tenant mailbox also finds it in its Inbox;
- bounces: ``service.inspect.bounces(sender)`` (``GET /_sandbox/mailboxes/{address}/bounces``), each
  with the original's ids and the status code, and the report itself in the sender's Inbox;
- queued messages and limits: ``inspect.queued(mailbox)`` and ``inspect.limits(mailbox)``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from securemailmerge.i18n import translate
from securemailmerge.sandbox.directory import Directory
from securemailmerge.sandbox.graph.attachments import handle_upload
from securemailmerge.sandbox.graph.batch import serve_batch
from securemailmerge.sandbox.graph.core import DEFAULT_UPLOAD_BASE, Emulator
from securemailmerge.sandbox.graph.faults import FaultDecision, FaultProfile
from securemailmerge.sandbox.graph.http import (
    GraphHttpError,
    GraphRequest,
    GraphResponse,
    drop_connection,
    error_response,
    headers_of,
    read_body,
    status_line,
    wsgi_headers,
)
from securemailmerge.sandbox.graph.inspect import Inspector, inspection_response
from securemailmerge.sandbox.graph.limits import Limits
from securemailmerge.sandbox.graph.policy import SendPolicy
from securemailmerge.sandbox.graph.routes import authenticate, serve
from securemailmerge.sandbox.graph.seed import add_contact_folder, add_contacts, generate_contacts, seed_demo
from securemailmerge.sandbox.graph.store import Store
from securemailmerge.sandbox.graph.transport import next_due, process
from securemailmerge.sandbox.tokens import TokenRegistry

__all__ = ["FaultProfile", "GraphService", "Inspector", "SendPolicy", "generate_contacts"]

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
WSGIApplication = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class GraphService:
    """The Graph emulator: state in SQLite, Graph's rules, seeded faults and an inspection API."""

    def __init__(
        self,
        directory: Directory,
        tokens: TokenRegistry,
        *,
        state: str = ":memory:",
        faults: FaultProfile | None = None,
        time_scale: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        seed: bool = True,
        sending: SendPolicy | None = None,
    ) -> None:
        if time_scale <= 0:
            raise ValueError(translate("Sandbox", "The time scale must be above 0."))
        profile = faults or FaultProfile()
        policy = sending or SendPolicy()
        store = Store(state)
        self.emulator = Emulator(
            directory=directory,
            tokens=tokens,
            store=store,
            limits=Limits(clock=clock, time_scale=time_scale, concurrency=policy.concurrency),
            faults=profile.injector(),
            profile=profile,
            clock=clock,
            wall_clock=wall_clock,
            time_scale=time_scale,
            sleep=sleep,
            policy=policy,
        )
        if seed:
            seed_demo(store, directory)
        self.inspect = Inspector(self.emulator)
        self._lock = threading.Lock()

    def set_upload_base_url(self, url: str) -> None:
        """Where upload sessions point (``https://127.0.0.1:U``), once the uploads port is known."""
        self.emulator.upload_base_url = url.rstrip("/") or DEFAULT_UPLOAD_BASE

    def load_contacts(self, mailbox: str, n: int, *, seed: int = 0, folder: str | None = None) -> str:
        """Add ``n`` generated contacts to a mailbox (in a new top-level contact folder when named); returns
        the folder id."""
        box = self.emulator.directory.find(mailbox)
        if box is None:
            raise KeyError(f"No mailbox {mailbox!r} in the sandbox.")
        store = self.emulator.store
        root = store.folder(box.id, "contact", "contacts")
        assert root is not None
        target = root.id if folder is None else add_contact_folder(store, box.id, folder, root.id).id
        add_contacts(store, box.id, target, generate_contacts(box.id, n, seed))
        return target

    def settle(self) -> int:
        """Run every queued departure and report now, each at its own time; returns how many ran."""
        return process(self.emulator, until=float("inf"))

    def wait_delivered(self, timeout: float = 30.0) -> None:
        """Wait (really, on the service's clock) until nothing is queued; TimeoutError after ``timeout``."""
        emulator = self.emulator
        deadline = emulator.wall_clock() + timeout
        while True:
            process(emulator)
            due = next_due(emulator)
            if due is None:
                return
            now = emulator.wall_clock()
            if now >= deadline:
                raise TimeoutError(f"Messages were still queued after {timeout} seconds.")
            emulator.sleep(max(0.001, min(due, deadline) - now))

    def graph_app(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """WSGI: ``/v1.0/...`` and ``/_sandbox/...``."""
        path = environ.get("PATH_INFO", "")
        if path.startswith("/_sandbox/") or path == "/_sandbox":
            status, content_type, body = inspection_response(self.inspect, environ)
            start_response(
                status_line(status), [("Content-Type", content_type), ("Content-Length", str(len(body)))]
            )
            return [body]
        request = self._request(environ, path.removeprefix("/v1.0"))
        if not (path.startswith("/v1.0/") or path == "/v1.0"):
            version = path.strip("/").split("/")[0]
            response = error_response(
                request, GraphHttpError(400, "BadRequest", f"Invalid version: {version}")
            )
            return self._answer(request, response, start_response)
        decision = self.emulator.faults.next()
        request.delay = decision.delay * self.emulator.time_scale
        if decision.fault == "drop":
            self._count(request, None, [self._label(request)])
            drop_connection()
        early = self._fault_before(request, decision)
        if early is not None:
            self._count(request, early, [self._label(request)])
            return self._answer(request, early, start_response)
        try:
            body = read_body(environ)
        except GraphHttpError as error:
            response = error_response(request, error)
            return self._answer(request, response, start_response)
        request.body = body
        if request.segments == ["$batch"] and request.method == "POST":
            response, labels = serve_batch(self.emulator, request)
        else:
            response, label = serve(self.emulator, request)
            labels = [label]
        if decision.fault in {"timeout_after", "drop_after"} and response.status < 400:
            # The work is committed; the client sees a 504 or no answer at all, and so do the counters.
            if decision.fault == "drop_after":
                self._count(request, None, labels)
                drop_connection()
            gateway = GraphHttpError(
                504,
                "GatewayTimeout",
                "The gateway did not receive a timely response from the upstream server.",
            )
            lost = error_response(request, gateway)
            self._count(request, lost, labels)
            return self._answer(request, lost, start_response)
        self._count(request, response, labels)
        return self._answer(request, response, start_response)

    def upload_app(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """WSGI: the PUTs (and DELETEs) of upload sessions."""
        request = self._request(environ, environ.get("PATH_INFO", ""))
        try:
            response = handle_upload(self.emulator, request, environ)
        except GraphHttpError as error:
            response = error_response(request, error)
        return self._answer(request, response, start_response)

    def close(self) -> None:
        """Release the database."""
        self.emulator.store.close()

    # helpers ---------------------------------------------------------------------------------------

    def _request(self, environ: dict[str, Any], path: str) -> GraphRequest:
        scheme = environ.get("wsgi.url_scheme", "https")
        host = (
            environ.get("HTTP_HOST")
            or f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '')}"
        )
        return GraphRequest(
            environ.get("REQUEST_METHOD", "GET").upper(),
            path or "/",
            parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True),
            headers_of(environ),
            b"",
            f"{scheme}://{host}/v1.0",
            environ=environ,
        )

    def _fault_before(self, request: GraphRequest, decision: FaultDecision) -> GraphResponse | None:
        fault = decision.fault
        if fault == "throttle":
            error = GraphHttpError(
                429,
                "ApplicationThrottled",
                "Application is over its MailboxConcurrency limit.",
                {"Retry-After": str(decision.retry_after)},
            )
        elif fault == "unavailable":
            error = GraphHttpError(
                503,
                "ErrorServerBusy",
                "The server cannot service this request right now. Try again later.",
                {"Retry-After": str(decision.retry_after)} if decision.hint_on_503 else None,
            )
        elif fault == "timeout":
            error = GraphHttpError(
                504,
                "GatewayTimeout",
                "The gateway did not receive a timely response from the upstream server.",
            )
        elif fault == "expired":
            error = GraphHttpError(
                401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired."
            )
        else:
            return None
        return error_response(request, error)

    def _label(self, request: GraphRequest) -> str | None:
        segments = request.segments
        if not segments or segments[0] not in {"me", "users"}:
            return None
        if segments[0] == "users":
            found = self.emulator.directory.find(segments[1]) if len(segments) > 1 else None
        else:
            try:
                grant = authenticate(self.emulator, request)
            except GraphHttpError:
                return None
            found = self.emulator.directory.find(grant.user_id)
        return (found.mail or found.upn) if found else None

    def _count(self, request: GraphRequest, response: GraphResponse | None, labels: list[str | None]) -> None:
        """Count a request per mailbox; ``response`` None is a connection dropped before any answer."""
        if response is None:
            for label in labels:
                if label:
                    self.emulator.counters.count(label, 0, "ConnectionDropped")
            return
        code = None
        if isinstance(response.body, dict) and isinstance(response.body.get("error"), dict):
            code = str(response.body["error"].get("code"))
        if request.segments == ["$batch"] and response.status == 200:
            for label, answer in zip(labels, response.body["responses"], strict=True):
                inner = answer.get("body")
                inner_code = inner["error"]["code"] if isinstance(inner, dict) and "error" in inner else None
                if label:
                    self.emulator.counters.count(label, answer["status"], inner_code)
            return
        for label in labels:
            if label:
                self.emulator.counters.count(label, response.status, code)

    def _answer(
        self, request: GraphRequest, response: GraphResponse, start_response: StartResponse
    ) -> Iterable[bytes]:
        start_response(status_line(response.status), wsgi_headers(request, response))
        return [response.payload()]
