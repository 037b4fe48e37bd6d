"""The loopback listener where the browser sign-in ends: one answer, for one sign-in, on 127.0.0.1.

The sign-in page posts its answer (``response_mode=form_post``) to ``http://localhost:<port>``. The
listener takes only a post that carries the state of the sign-in it waits for, answers anything
else with 400, logs no request line, and stops waiting when cancelled or out of time.
"""

from __future__ import annotations

import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs

from securemailmerge.errors import AuthError
from securemailmerge.i18n import translate


class _RedirectHandler(BaseHTTPRequestHandler):
    """Takes the sign-in answer the browser posts back (``response_mode=form_post``)."""

    server: _RedirectServer
    timeout = 5  # a browser's idle pre-connection must not hold the single-threaded listener

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        fields = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        answer = {name: values[0] for name, values in fields.items()}
        if answer.get("state") != self.server.expected_state or not ({"code", "error"} & answer.keys()):
            self.do_GET()
            return
        if "code" in answer:
            text = translate("Auth", "You are signed in to SecureMailMerge. You can close this tab.")
        else:
            text = translate("Auth", "Sign-in did not complete. Return to SecureMailMerge for details.")
        self._reply(200, text)
        self.server.auth_response = answer

    def do_GET(self) -> None:
        # Answers come as a form post (response_mode=form_post), never in the address bar.
        self._reply(400, translate("Auth", "This is not the sign-in answer SecureMailMerge is waiting for."))

    def _reply(self, status: int, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: request lines must never reach a log."""


class _RedirectServer(socketserver.TCPServer):
    expected_state = ""
    auth_response: dict[str, str] | None = None


class RedirectListener:
    """A one-shot loopback listener for ``http://localhost:<port>``, where the browser sign-in ends."""

    def __init__(self) -> None:
        self._server = _RedirectServer(("127.0.0.1", 0), _RedirectHandler)
        self._server.timeout = 0.2  # how often a waiting sign-in looks at its cancel flag and deadline
        self.port = int(self._server.server_address[1])

    def wait(self, state: str, *, timeout: float | None, cancel: threading.Event | None) -> dict[str, str]:
        """The browser's answer for ``state``; AuthError when cancelled or out of time."""
        self._server.expected_state = state
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._server.auth_response is None:
            if cancel is not None and cancel.is_set():
                raise AuthError(translate("Auth", "Sign-in was cancelled."), code="cancelled")
            if deadline is not None and time.monotonic() > deadline:
                raise AuthError(
                    translate("Auth", "Sign-in in the browser was not finished in time. Please try again."),
                    code="timeout",
                )
            self._server.handle_request()
        return self._server.auth_response

    def close(self) -> None:
        """Stop listening."""
        self._server.server_close()
