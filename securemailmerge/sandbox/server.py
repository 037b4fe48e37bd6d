"""Serve a WSGI app over HTTPS on 127.0.0.1 from a background thread (werkzeug's threaded server).

``serve(app, port=0, ssl_context=...)`` binds, starts and returns a ``LoopbackServer`` whose
``port`` and ``url`` tell where it listens; ``stop()`` ends it within a few tens of milliseconds.
A busy port raises ``NetworkError`` (werkzeug itself would exit the process).

Dropping a connection (for fault injection): raise ``DropConnection`` inside a WSGI app before
the first byte of the answer is written (before returning or yielding the body). The server then
closes the TCP connection at once, with no HTTP answer and no TLS close_notify, which is what a
network failure looks like to the client (httpx raises ``RemoteProtocolError``: "Server
disconnected without sending a response"). Nothing is logged for it.

The TLS handshake runs in the connection's own thread, so a slow or broken client never holds up
the others. Logs go to this module's logger at DEBUG: method, path without the query, status. No
query strings, headers, bodies or tokens are ever logged. Like werkzeug's server, every answer
closes its connection (no keep-alive).
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
from typing import Any
from wsgiref.types import WSGIApplication

from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from securemailmerge.errors import NetworkError
from securemailmerge.i18n import translate

_log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
# How long a client may stay silent (handshake, headers, body) before its connection is closed.
CLIENT_TIMEOUT = 30.0
# How often the serving loop looks for a stop request: this bounds how long stop() takes.
POLL_INTERVAL = 0.05


class DropConnection(ConnectionAbortedError):
    """Raise inside a WSGI app to close the client's connection without any answer."""


class _QuietHandler(WSGIRequestHandler):
    """werkzeug's handler with the handshake in this thread, real drops and quiet logs."""

    protocol_version = "HTTP/1.1"
    timeout = CLIENT_TIMEOUT

    def handle(self) -> None:
        """Shake hands in this connection's thread, then serve its request."""
        # Without it, Nagle's algorithm and delayed ACKs hold each small TLS record for ~10 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if isinstance(self.connection, ssl.SSLSocket):
            try:
                self.connection.do_handshake()
            except OSError as error:
                _log.debug("TLS handshake with a client failed: %s", error)
                self.close_connection = True
                return
        super().handle()

    def connection_dropped(self, error: BaseException, environ: Any = None) -> None:
        """Close the connection; for ``DropConnection``, at once and without a TLS goodbye."""
        self.close_connection = True
        if isinstance(error, DropConnection):
            # A plain TCP shutdown: the client gets neither an answer nor a TLS goodbye.
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                _log.debug("The connection to drop was already closed")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log method, path without its query, and status at DEBUG."""
        path = getattr(self, "path", "").split("?", 1)[0]
        _log.debug("%s %s %s", getattr(self, "command", "-"), path, code)

    def log_error(self, format: str, *args: Any) -> None:
        """Client mistakes are the client's business: DEBUG only."""
        _log.debug("client error: " + format, *args)

    def log_message(self, format: str, *args: Any) -> None:
        """Anything else the handler says, at DEBUG."""
        _log.debug(format, *args)


class _Server(ThreadedWSGIServer):
    """werkzeug's threaded server, logging through this module instead of printing."""

    def log(self, type: str, message: str, *args: Any) -> None:
        """werkzeug's messages: errors (an app that crashed) at ERROR, the rest at DEBUG."""
        _log.log(logging.ERROR if type == "error" else logging.DEBUG, message, *args)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection that broke is logged at DEBUG, never printed."""
        _log.debug("A connection ended with an error", exc_info=True)


def listen(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1 (port 0 takes a free one); NetworkError when busy."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Lets a restarted sandbox reuse its port at once; two live listeners still cannot share it.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise NetworkError(
            translate("Sandbox", "The sandbox cannot listen on {host}:{port}: {reason}").format(
                host=LOOPBACK, port=port, reason=error.strerror or error
            ),
            host=f"{LOOPBACK}:{port}",
        ) from None
    return sock


class LoopbackServer:
    """One WSGI app served on a socket of 127.0.0.1, over TLS when given a context."""

    def __init__(
        self, app: WSGIApplication, sock: socket.socket, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self.port: int = sock.getsockname()[1]
        # werkzeug duplicates the descriptor, so the caller's socket can be closed right away.
        self._server = _Server(LOOPBACK, self.port, app, handler=_QuietHandler, fd=sock.fileno())
        sock.close()
        if ssl_context is not None:
            # Wrapped here rather than by werkzeug so that each handshake runs in its own thread.
            self._server.socket = ssl_context.wrap_socket(
                self._server.socket, server_side=True, do_handshake_on_connect=False
            )
            self._server.ssl_context = ssl_context
        scheme = "http" if ssl_context is None else "https"
        self.url = f"{scheme}://{LOOPBACK}:{self.port}"
        self._thread: threading.Thread | None = None

    def start(self) -> LoopbackServer:
        """Serve from a daemon thread; returns self."""
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": POLL_INTERVAL},
            name=f"sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket (answers already under way may be cut short)."""
        if self._thread is None:
            self._server.server_close()
            return
        self._server.shutdown()
        self._thread.join()
        self._thread = None


def serve(
    app: WSGIApplication, *, port: int = 0, ssl_context: ssl.SSLContext | None = None
) -> LoopbackServer:
    """Bind 127.0.0.1:``port`` and serve ``app`` from a background thread at once."""
    return LoopbackServer(app, listen(port), ssl_context).start()
