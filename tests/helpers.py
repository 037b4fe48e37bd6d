"""The one module of shared test support: fakes, servers and helpers that several test files use.

Test files import from here, never from each other; fixtures live in ``tests/conftest.py``.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import ssl
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import keyring.backend
import msal
import pytest
import requests

from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryEvent
from securemailmerge.m365.tenant import TenantConfig
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.authority import Authority
from securemailmerge.sandbox.certs import create_certificates
from securemailmerge.sandbox.directory import CLIENT_ID, demo_directory
from securemailmerge.sandbox.graph import generate_contacts
from securemailmerge.sandbox.graph.ids import guid
from securemailmerge.sandbox.graph.seed import add_contact_folder, add_contacts
from securemailmerge.sandbox.graph_schema import validate_request
from securemailmerge.sandbox.server import LoopbackServer, listen
from securemailmerge.sandbox.tokens import TokenRegistry

REPO = Path(__file__).resolve().parent.parent
# The shared design folder sits beside the checkout, or higher up for a checkout kept in a subfolder.
SHARED = next((up / "shared" for up in REPO.parents if (up / "shared").is_dir()), REPO.parent / "shared")
CONFIG = TenantConfig(client_id="11111111-2222-3333-4444-555555555555")
GRAPH = CONFIG.graph_url


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in memory for one test, as this machine has no real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


Answer = Any  # a list (a collection to page), a dict (one resource) or an httpx.Response


class FakeGraph:
    """Answers Graph paths from a table like Graph does: pages by $top with an opaque nextLink.

    Every request is checked against Graph's schema; ``problems`` collects what Graph would refuse.
    """

    def __init__(self, routes: Mapping[str, Answer]) -> None:
        self.routes = dict(routes)
        self.requests: list[httpx.Request] = []
        self.problems: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.problems.extend(validate_request(request.method, str(request.url), None))
        path = request.url.path.removeprefix("/v1.0")
        answer = self.routes.get(path)
        if answer is None:
            return error(404, "ErrorItemNotFound")
        if isinstance(answer, httpx.Response):
            return answer
        if isinstance(answer, dict):
            return httpx.Response(200, json=answer)
        query = dict(parse_qsl(request.url.query.decode()))
        top = int(query.get("$top", "10"))
        start = int(query.get("$skiptoken", "0"))
        page: dict[str, Any] = {"value": answer[start : start + top]}
        if start + top < len(answer):
            rest = [(k, v) for k, v in parse_qsl(request.url.query.decode()) if k != "$skiptoken"]
            page["@odata.nextLink"] = str(request.url.copy_with(params=[*rest, ("$skiptoken", start + top)]))
        return httpx.Response(200, json=page)

    def paths(self) -> list[str]:
        """The paths asked for, in order, without /v1.0."""
        return [r.url.path.removeprefix("/v1.0") for r in self.requests]


def error(status: int, code: str, request_id: str = "req-1") -> httpx.Response:
    """A Graph error answer."""
    body = {"error": {"code": code, "message": "Graph's own words", "innerError": {"request-id": request_id}}}
    return httpx.Response(status, json=body, headers={"request-id": request_id})


class Tokens:
    """A token provider for unit tests."""

    def access_token(self, *, force_refresh: bool = False) -> str:
        return "token"


@contextmanager
def graph_for(fake: Callable[[httpx.Request], httpx.Response]) -> Iterator[GraphClient]:
    """The app's Graph client wired to ``fake`` through the real HTTP factory."""
    factory = HttpFactory(CONFIG, transport=httpx.MockTransport(fake))
    with factory.client() as http:
        yield GraphClient(http, GRAPH, Tokens(), factory=factory, sleep=lambda _: None)


@dataclass
class Served:
    """An authority served over real HTTPS on loopback, with its tokens, clock, address and CA."""

    authority: Authority
    tokens: TokenRegistry
    clock: Clock
    url: str
    ca_file: Path

    def app(self, client_id: str = CLIENT_ID) -> msal.PublicClientApplication:
        session = requests.Session()
        session.trust_env = False
        session.verify = str(self.ca_file)
        return msal.PublicClientApplication(
            client_id, authority=f"{self.url}/organizations", instance_discovery=False, http_client=session
        )


def serve_authority(folder: Path) -> Iterator[Served]:
    """An authority on a real HTTPS loopback port with a hand-moved clock, for as long as the test runs."""
    certificates = create_certificates(folder / "certs")
    clock = Clock(time.time())  # a wall clock the test moves forward by hand
    tokens = TokenRegistry(access_lifetime=3600, clock=clock)
    sock = listen()
    url = f"https://127.0.0.1:{sock.getsockname()[1]}"
    authority = Authority(demo_directory(), tokens, url)
    server = LoopbackServer(authority, sock, certificates.server_context()).start()
    yield Served(authority, tokens, clock, url, certificates.ca_file)
    server.stop()


ScriptedAnswer = httpx.Response | Exception


class Script:
    """A MockTransport handler answering each request with the next scripted answer."""

    def __init__(self, *answers: ScriptedAnswer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


class RecordingTokens:
    """A token provider that records whether a fresh token was asked for."""

    def __init__(self) -> None:
        self.calls: list[bool] = []

    def access_token(self, *, force_refresh: bool = False) -> str:
        self.calls.append(force_refresh)
        return "fresh-token" if force_refresh else "cached-token"


class TopOfRange(random.Random):
    """Jitter that always picks the longest wait, so backoff sequences are exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


class GraphHarness:
    """A GraphClient over a scripted transport, with its sleeps and retry events recorded."""

    def __init__(
        self,
        tmp_path: Path,
        *answers: ScriptedAnswer,
        max_attempts: int = 6,
        rng: random.Random | None = None,
    ):
        self.script = Script(*answers)
        self.tokens = RecordingTokens()
        self.sleeps: list[float] = []
        self.events: list[RetryEvent] = []
        self.factory = HttpFactory(
            CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(self.script)
        )
        self.graph = GraphClient(
            self.factory.client(),
            GRAPH,
            self.tokens,
            factory=self.factory,
            sleep=self.sleeps.append,
            rng=rng or TopOfRange(),
            on_retry=self.events.append,
            max_attempts=max_attempts,
        )


def ok(body: Any = None, status: int = 200, **headers: str) -> httpx.Response:
    """A Graph success answer (a small resource unless ``body`` says otherwise)."""
    return httpx.Response(status, json=body if body is not None else {"id": "x"}, headers=headers)


def scripted_error(
    status: int, code: str, *, retry_after: str | None = None, request_id: str = "req-1"
) -> httpx.Response:
    """A Graph error answer whose message names its code, optionally with ``Retry-After``."""
    headers = {"request-id": request_id, **({"Retry-After": retry_after} if retry_after else {})}
    body = {
        "error": {"code": code, "message": f"message for {code}", "innerError": {"request-id": request_id}}
    }
    return httpx.Response(status, json=body, headers=headers)


class NetworkGuard:
    """Refuses every socket connection to an address that is not loopback, and remembers each attempt.

    The test that made one fails when it ends, even if the code under test swallowed the refusal.
    """

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._lock = threading.Lock()

    def check(self, address: object) -> None:
        """Raise ``ConnectionRefusedError`` (and remember it) unless ``address`` is on this computer."""
        if not isinstance(address, tuple):
            return  # a Unix socket or a socket pair never leaves the computer
        host = str(address[0])
        if _is_loopback(host):
            return
        with self._lock:
            self.attempts.append(f"{host}:{address[1]}")
        raise ConnectionRefusedError(f"tests may not connect to {host}: only loopback is allowed")

    @contextmanager
    def installed(self) -> Iterator[NetworkGuard]:
        """Guard ``socket.connect`` and ``connect_ex`` while the block runs."""
        connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

        def guarded_connect(sock: socket.socket, address: Any) -> None:
            self.check(address)
            connect(sock, address)

        def guarded_connect_ex(sock: socket.socket, address: Any) -> int:
            self.check(address)
            return connect_ex(sock, address)

        socket.socket.connect = guarded_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
        try:
            yield self
        finally:
            socket.socket.connect, socket.socket.connect_ex = connect, connect_ex  # type: ignore[method-assign]


def _is_loopback(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False  # a name: resolving it could already leave the computer
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


class Clock:
    """A clock (monotonic or wall seconds) that the test moves by hand through ``now``."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def record_issued_tokens(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that receives every access and refresh token the sandbox issues from now on."""
    issued: list[str] = []
    issue = sandbox.tokens.issue

    def remember(*args: Any, **kwargs: Any) -> Any:
        access, refresh, grant = issue(*args, **kwargs)
        issued.extend([access, refresh])
        return access, refresh, grant

    monkeypatch.setattr(sandbox.tokens, "issue", remember)
    return issued


def add_sandbox_contacts(
    sandbox: Sandbox, mailbox: str, folder: str, people: Sequence[tuple[str, str, list[str]]]
) -> None:
    """Give ``mailbox`` a contact folder of ``people`` (first name, address, categories).

    Each category joins the mailbox's master list (Preset 4, green) as Outlook adds it there.
    """
    emulator = sandbox.graph.emulator
    box = emulator.directory.find(mailbox)
    assert box is not None
    root = emulator.store.folder(box.id, "contact", "contacts")
    assert root is not None
    contacts = list(generate_contacts(box.id, len(people), seed=7, categories=[]))
    for contact, (name, address, categories) in zip(contacts, people, strict=True):
        surname = contact["surname"]
        contact.update(
            givenName=name,
            displayName=f"{name} {surname}",
            categories=categories,
            emailAddresses=[{"name": f"{name} {surname}", "address": address}],
        )
    target = add_contact_folder(emulator.store, box.id, folder, root.id)
    add_contacts(emulator.store, box.id, target.id, iter(contacts))
    for category in sorted({c for _n, _a, names in people for c in names}):
        emulator.store.add_category(box.id, guid(), category, "preset4")


def sandbox_inspect(sandbox: Sandbox, path: str) -> Any:
    """What ``GET /_sandbox/{path}`` on the sandbox's Graph port answers: a list's items, or the object."""
    base = sandbox.graph_url.removesuffix("/v1.0")
    trust = ssl.create_default_context(cafile=str(sandbox.ca_file))
    with httpx.Client(verify=trust, trust_env=False) as client:
        answer = client.get(f"{base}/_sandbox/{path}").raise_for_status().json()
    return answer["value"] if isinstance(answer, dict) and "value" in answer else answer


def tiny_png() -> bytes:
    """A real 1 x 1 PNG (one red pixel) that image readers decode, for messages with inline images."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1 x 1, 8 bits, RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte, then one red pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
