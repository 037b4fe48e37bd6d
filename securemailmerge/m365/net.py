"""The one HTTP client factory: host allowlist, TLS, timeouts and the network log.

Every network call of the app goes through an ``httpx.Client`` made by ``HttpFactory.client()``
for one ``Purpose`` (Graph, the license check) or through ``HttpFactory.msal_http_client()``
(sign-in, adapted to msal in ``msalhttp``). All send through ``_GuardedTransport``, which writes
one line per request to the ``NetworkLog``, is the one place where httpx's transport errors
become ``NetworkError``, and refuses before sending whatever the purpose's allowlist does not hold:

- sign-in reaches only the authority's origin (scheme, host, port), the license check only the
  license origin, and neither carries an ``Authorization`` header;
- Graph reaches the Graph origin, the only one that receives the Graph bearer token, and the
  upload URLs a ``createUploadSession`` answer named, without a token. An upload URL must be on
  one of Outlook's upload hosts or in the Graph host's own domain, never the authority or the
  license host: a URL a Graph answer names (``@odata.nextLink``, ``uploadUrl``) cannot send the
  token, or the user's files, anywhere else.
"""

from __future__ import annotations

import json
import re
import shutil
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import httpx

from securemailmerge import __version__, paths
from securemailmerge.errors import ConfigError, HostNotAllowed, InputError, NetworkError
from securemailmerge.i18n import translate
from securemailmerge.m365.hosts import UPLOAD, endpoint
from securemailmerge.m365.msalhttp import MsalHttpClient
from securemailmerge.m365.proxy import ProxyRoutingTransport, system_tls_context
from securemailmerge.m365.tenant import LOOPBACK_HOSTS, TenantConfig
from securemailmerge.safepaths import atomic_output
from securemailmerge.yielding import between_steps

# Graph answers within seconds; a slow upload chunk of 4 MB still fits in a minute.
TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=30.0)
# Graph allows 4 requests in flight per mailbox; a little headroom for sign-in and the license check.
LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=8)
LOG_MAX_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 3

Origin = tuple[str, str, int]

# The hosts Exchange Online names in an attachment upload session, in every cloud: the one
# firewall table (``hosts``) lists them for IT departments.
OUTLOOK_UPLOAD_HOSTS = frozenset(host for hosts in endpoint(UPLOAD).hosts.values() for host in hosts)


class Purpose(Enum):
    """What a client is for: each reaches only its own host, and only Graph's carries a token."""

    SIGN_IN = "sign-in"
    GRAPH = "graph"
    LICENSE = "license"


_EMAIL = re.compile(r"[^\s/'\"(),;:<>@]+@[^\s/'\"(),;:<>@]+")
# GUIDs are masked even when they happen to hold no digit and would pass for a word below.
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Path segments kept as they are: Graph's own vocabulary, API versions and $-segments. Anything
# else (ids of any shape, names) is masked, so an unexpected id can never reach the log.
_KEEP_SEGMENT = re.compile(r"^(?:\.?[A-Za-z][A-Za-z.\-_]*|v\d+\.\d+|oauth2|\$[a-z]+|\{id\}|\{user\})?$")
# A user named in the path (``/users/{upn}``) is logged as ``{user}``, whatever its form.
_USER_COLLECTIONS = frozenset({"users"})


def origin_of(url: str | httpx.URL) -> Origin:
    """The (scheme, host, port) of ``url``, with the scheme's default port filled in."""
    parts = httpx.URL(url) if isinstance(url, str) else url
    scheme = parts.scheme.lower()
    return scheme, (parts.host or "").lower(), parts.port or (443 if scheme == "https" else 80)


def mask_path(path: str) -> str:
    """``path`` with every id, GUID and address replaced by ``{id}`` or ``{user}``."""
    masked: list[str] = []
    for segment in path.split("/"):
        if masked and masked[-1].lower() in _USER_COLLECTIONS and segment:
            masked.append("{user}")
            continue
        value = _EMAIL.sub("{user}", segment)
        value = _GUID.sub("{id}", value)
        masked.append(value if _KEEP_SEGMENT.match(value) else "{id}")
    return "/".join(masked)


def query_names(url: httpx.URL) -> list[str]:
    """The names of the query options of ``url`` in order, without their values."""
    return list(dict.fromkeys(url.params.keys()))


LINES_BLOCK = 1 << 18  # bytes decoded and split at a time


def _blocks(data: bytes) -> Iterator[str]:
    """``data`` decoded in blocks, each ending after a newline (never inside a line or a character)."""
    # Decoding and splitting a 5 MB file in one call held the GIL for 20-30 ms, and a window beside
    # the reading thread waited as long; a block of 256 KB holds it about a millisecond.
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + LINES_BLOCK)
        end = len(data) if end < 0 else end + 1
        yield data[start:end].decode("utf-8")
        start = end


class NetworkLog:
    """The local network log: one JSON line per request, rotated, exportable for an IT department."""

    def __init__(self, path: Path, *, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self._lock = threading.Lock()
        self._listeners: list[Callable[[Mapping[str, Any]], None]] = []

    def listen(self, listener: Callable[[Mapping[str, Any]], None]) -> None:
        """Call ``listener`` with each entry once it is written (on the thread that sent the request)."""
        self._listeners.append(listener)

    def write(self, entry: Mapping[str, Any]) -> None:
        """Append one entry, rotating first when the file has grown past ``max_bytes``."""
        line = self.line_of(entry) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and self.path.stat().st_size + len(line) > self.max_bytes:
                self._rotate()
            with self.path.open("a", encoding="utf-8") as stream:
                stream.write(line)
        # Outside the lock: a listener (the window's live view) must never hold up another request.
        for listener in list(self._listeners):
            listener(entry)

    def files(self) -> list[Path]:
        """The log's files, oldest first."""
        rotated = [self.path.with_name(f"{self.path.name}.{n}") for n in range(self.backups, 0, -1)]
        return [path for path in [*rotated, self.path] if path.exists()]

    def entries(self) -> list[dict[str, Any]]:
        """Every entry still kept, oldest first."""
        return [json.loads(line) for line in self.lines()]

    def lines(self) -> list[str]:
        """Every entry still kept as its JSON line, oldest first (a viewer parses only what it shows)."""
        with self._lock:
            # Only the bytes are read under the lock: a request waiting to log is held up for
            # the reading, never for the decoding.
            contents = [path.read_bytes() for path in self.files()]
        lines: list[str] = []
        for data in contents:
            for block in _blocks(data):
                lines.extend(filter(None, block.splitlines()))
                between_steps()
        return lines

    @staticmethod
    def line_of(entry: Mapping[str, Any]) -> str:
        """The JSON line ``write`` writes for ``entry``."""
        return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))

    def export(self, destination: Path) -> Path:
        """Copy the whole log (rotated files included, oldest first) to ``destination``, atomically."""
        try:
            with self._lock, atomic_output(destination) as target:
                for path in self.files():
                    with path.open("rb") as source:
                        shutil.copyfileobj(source, target)
        except OSError as error:
            raise InputError(
                translate("Network", "The network log cannot be written to {file}: {reason}").format(
                    file=destination, reason=error.strerror or error
                ),
                file=str(destination),
            ) from None
        return destination

    def _rotate(self) -> None:
        for number in range(self.backups, 0, -1):
            source = self.path.with_name(f"{self.path.name}.{number - 1}") if number > 1 else self.path
            if source.exists():
                source.replace(self.path.with_name(f"{self.path.name}.{number}"))


class _GuardedTransport(httpx.BaseTransport):
    """Checks the allowlist, sends through the real transport, logs, and translates errors."""

    def __init__(self, factory: HttpFactory, inner: httpx.BaseTransport, purpose: Purpose) -> None:
        self._factory = factory
        self._inner = inner
        self._purpose = purpose

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        entry: dict[str, Any] = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "purpose": self._purpose_of(request),
            "method": request.method,
            "host": url.netloc.decode("ascii"),
            "path": mask_path(url.path),
            "query": query_names(url),
            "request_bytes": int(request.headers.get("content-length", "0")),
            "client_request_id": request.headers.get("client-request-id"),
        }
        refusal = self._factory.refusal(request, self._purpose)
        if refusal is not None:
            self._factory.log.write({**entry, "status": "refused"})
            raise HostNotAllowed(refusal, host=url.host)
        start = time.perf_counter()
        try:
            response = self._inner.handle_request(request)
            try:
                # Bodies are small JSON pages and upload answers; reading here keeps the byte count,
                # the duration and every transport error inside this one place.
                body = response.read()
            finally:
                response.close()
        except httpx.HTTPError as error:
            self._factory.log.write({**entry, "status": "error", "error": type(error).__name__})
            raise _network_error(error, url.host) from None
        self._factory.log.write(
            {
                **entry,
                "status": response.status_code,
                "response_bytes": len(body),
                "duration_ms": round((time.perf_counter() - start) * 1000),
                "request_id": response.headers.get("request-id") or response.headers.get("x-ms-request-id"),
            }
        )
        # The body is already decoded: drop the headers that describe the wire encoding.
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in {"content-encoding", "content-length", "transfer-encoding"}
        ]
        return httpx.Response(response.status_code, headers=headers, content=body, request=request)

    def _purpose_of(self, request: httpx.Request) -> str:
        # An upload goes out on a Graph client; IT knows it by its own host in the firewall list.
        if self._purpose is Purpose.GRAPH and self._factory.is_upload_url(str(request.url)):
            return UPLOAD
        return self._purpose.value

    def close(self) -> None:
        self._inner.close()


def _network_error(error: httpx.HTTPError, host: str) -> NetworkError:
    if isinstance(error, httpx.TimeoutException):
        message = translate("Network", "{host} did not answer in time.")
    elif isinstance(error, httpx.ConnectError):
        message = translate("Network", "Could not connect to {host}: {reason}")
    else:
        message = translate("Network", "The connection to {host} was interrupted: {reason}")
    return NetworkError(message.format(host=host, reason=str(error) or type(error).__name__), host=host)


class HttpFactory:
    """Makes every HTTP client of the app; only the tenant's hosts are reachable through them."""

    def __init__(
        self,
        config: TenantConfig,
        *,
        log_path: Path | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if config.ca_file and not config.is_loopback:
            raise ConfigError(
                translate(
                    "Network", "An extra certificate authority is allowed only for the built-in sandbox."
                )
            )
        self.config = config
        self.network_log_path = log_path or paths.log_dir() / "network.log"
        self.log = NetworkLog(self.network_log_path)
        self._transport = transport
        self._origins = {
            Purpose.SIGN_IN: origin_of(config.authority),
            Purpose.GRAPH: origin_of(config.graph_url),
            Purpose.LICENSE: origin_of(config.license_url),
        }
        self._upload_origins: set[Origin] = set()
        self._upload_urls: set[str] = set()
        self._lock = threading.Lock()

    def client(self, purpose: Purpose = Purpose.GRAPH) -> httpx.Client:
        """A new ``httpx.Client`` that reaches only the hosts of ``purpose``; the caller closes it."""
        inner = self._transport or self._routed_transport()
        return httpx.Client(
            transport=_GuardedTransport(self, inner, purpose),
            timeout=TIMEOUT,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": f"SecureMailMerge/{__version__}"},
        )

    def msal_http_client(self) -> MsalHttpClient:
        """The object to give ``msal.PublicClientApplication(http_client=...)``."""
        return MsalHttpClient(self.client(Purpose.SIGN_IN))

    def allow_upload_url(self, url: str) -> None:
        """Allow the upload URL a ``createUploadSession`` answer named, if it is on an upload host."""
        origin = origin_of(url)
        if origin[0] != "https" and origin[1] not in LOOPBACK_HOSTS:
            raise HostNotAllowed(
                translate(
                    "Network", "The upload address on {host} does not use HTTPS and is refused."
                ).format(host=origin[1]),
                host=origin[1],
            )
        if not self._is_upload_origin(origin):
            raise HostNotAllowed(
                translate(
                    "Network", "{host} is not an upload host of Microsoft 365, so nothing is uploaded there."
                ).format(host=origin[1]),
                host=origin[1],
            )
        with self._lock:
            self._upload_origins.add(origin)
            self._upload_urls.add(url)

    def is_upload_url(self, url: str) -> bool:
        """True when ``url`` is exactly an upload URL given to ``allow_upload_url``."""
        with self._lock:
            return url in self._upload_urls

    def export_network_log(self, destination: Path) -> Path:
        """Copy the network log to a file the user chose (for their IT department)."""
        return self.log.export(destination)

    def refusal(self, request: httpx.Request, purpose: Purpose = Purpose.GRAPH) -> str | None:
        """Why ``request``, sent for ``purpose``, must not leave this computer, or None when it may."""
        origin = origin_of(request.url)
        scheme, host, _ = origin
        if scheme != "https" and host not in LOOPBACK_HOSTS:
            return translate("Network", "{host} was refused: only HTTPS is allowed.").format(host=host)
        token = "authorization" in request.headers
        if origin == self._origins[purpose]:
            if token and purpose is not Purpose.GRAPH:
                return translate("Network", "A sign-in token must not be sent to {host}.").format(host=host)
            return None
        with self._lock:
            upload = purpose is Purpose.GRAPH and origin in self._upload_origins
        if upload and token:
            return translate("Network", "A sign-in token must not be sent to the upload host {host}.").format(
                host=host
            )
        if upload:
            return None
        if origin in self._origins.values():
            return translate(
                "Network", "{host} may not be reached for this request, so it was refused."
            ).format(host=request.url.netloc.decode("ascii"))
        return translate(
            "Network", "{host} is not one of the tenant's hosts, so the request was refused."
        ).format(host=request.url.netloc.decode("ascii"))

    def _is_upload_origin(self, origin: Origin) -> bool:
        """True for Outlook's upload hosts and the Graph host's domain (the sandbox: its loopback host)."""
        if origin in {self._origins[Purpose.SIGN_IN], self._origins[Purpose.LICENSE]}:
            return False
        host, graph_host = origin[1], self._origins[Purpose.GRAPH][1]
        if graph_host in LOOPBACK_HOSTS:
            return host == graph_host  # the sandbox serves uploads on a port of its own
        if origin[2] != 443:
            return False
        if host in OUTLOOK_UPLOAD_HOSTS or host == graph_host:
            return True
        labels = graph_host.split(".")
        return len(labels) > 2 and host.endswith("." + ".".join(labels[1:]))

    def _routed_transport(self) -> ProxyRoutingTransport:
        # httpx's own environment handling stays off (trust_env=False): proxy_for decides, so the
        # tenant's proxy wins and loopback is never proxied.
        verify = self._tls()
        return ProxyRoutingTransport(
            lambda proxy: httpx.HTTPTransport(verify=verify, limits=LIMITS, trust_env=False, proxy=proxy),
            self.config.proxy,
        )

    def _tls(self) -> ssl.SSLContext:
        # The sandbox's throw-away CA is trusted only for loopback hosts (checked in __init__);
        # a real tenant is verified by the operating system's trust store.
        if self.config.ca_file:
            return ssl.create_default_context(cafile=self.config.ca_file)
        return system_tls_context()
