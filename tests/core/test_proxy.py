"""Company networks: requests take the proxy, the OS trust store verifies TLS, loopback stays direct.

The recording proxy on loopback answers a CONNECT for graph.microsoft.com itself, the way a
company's TLS-inspecting proxy does: it presents a certificate for that host signed by its own CA.
The test puts that CA where the operating system's trust store is read from (``SSL_CERT_FILE`` for
OpenSSL on Linux), so the app trusts it exactly as it would trust a CA that IT rolled out. Name
resolution is refused for every host but loopback, so nothing can leave this computer.
"""

from __future__ import annotations

import datetime
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from securemailmerge.errors import NetworkError
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.proxy import is_loopback, proxy_for
from securemailmerge.m365.tenant import TenantConfig
from securemailmerge.sandbox.app import Sandbox

GRAPH_ME = "https://graph.microsoft.com/v1.0/me"


def _certificate(
    subject: str, key: ec.EllipticCurvePrivateKey, issuer: tuple[str, ec.EllipticCurvePrivateKey] | None
) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    issuer_name, issuer_key = issuer or (subject, key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
    )
    if issuer is None:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


class RecordingProxy:
    """An HTTP proxy on 127.0.0.1 that records each CONNECT and answers the tunnelled request itself."""

    def __init__(self, folder: Path) -> None:
        ca_key, host_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        ca = _certificate("Contoso Inspection CA", ca_key, None)
        host = _certificate("graph.microsoft.com", host_key, ("Contoso Inspection CA", ca_key))
        self.ca_file = folder / "company-ca.pem"
        self.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        chain = folder / "graph.pem"
        chain.write_bytes(
            host.public_bytes(serialization.Encoding.PEM)
            + host_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._tls.load_cert_chain(chain)
        self.connects: list[str] = []
        self.requests: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            with client:
                client.settimeout(5)
                self._tunnel(client)

    def _tunnel(self, client: socket.socket) -> None:
        head = _read_head(client)
        self.connects.append(head.split("\r\n")[0])
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        try:
            with self._tls.wrap_socket(client, server_side=True) as tls:
                self.requests.append(_read_head(tls).split("\r\n")[0])
                body = b'{"displayName": "answered by the proxy"}'
                tls.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                    + body
                )
        except (ssl.SSLError, OSError):
            pass  # the client refused our certificate: that is what one test wants to see

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._listener.close()


def _read_head(stream: socket.socket) -> str:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = stream.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1")


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[RecordingProxy]:
    server = RecordingProxy(tmp_path)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolving any name but loopback fails, so a request that skipped the proxy cannot go out."""
    resolve: Callable[..., Any] = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if not is_loopback(name):
            raise socket.gaierror(f"test: {name} is not on this computer")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def company_network(monkeypatch: pytest.MonkeyPatch, proxy: RecordingProxy) -> RecordingProxy:
    """HTTPS_PROXY names the recording proxy and its CA is in the system's trust store."""
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("https_proxy", proxy.url)
    monkeypatch.setenv("SSL_CERT_FILE", str(proxy.ca_file))
    return proxy


def get_me(config: TenantConfig) -> httpx.Response:
    with HttpFactory(config).client() as client:
        return client.get(GRAPH_ME)


def test_graph_goes_through_the_system_proxy_and_trusts_the_company_ca(
    company_network: RecordingProxy,
) -> None:
    response = get_me(TenantConfig(client_id="app"))
    assert response.json() == {"displayName": "answered by the proxy"}
    assert company_network.connects == ["CONNECT graph.microsoft.com:443 HTTP/1.1"]
    assert company_network.requests == ["GET /v1.0/me HTTP/1.1"]


def test_a_ca_outside_the_trust_store_is_refused(
    company_network: RecordingProxy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "no-company-ca.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    with pytest.raises(NetworkError, match=r"graph\.microsoft\.com"):
        get_me(TenantConfig(client_id="app"))
    assert company_network.connects == ["CONNECT graph.microsoft.com:443 HTTP/1.1"]
    assert company_network.requests == []


def test_the_tenant_configurations_proxy_wins_over_the_environment(
    company_network: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")
    response = get_me(TenantConfig(client_id="app", proxy=company_network.url))
    assert response.status_code == 200
    assert company_network.connects == ["CONNECT graph.microsoft.com:443 HTTP/1.1"]


def test_the_sandbox_on_loopback_is_never_proxied(company_network: RecordingProxy, tmp_path: Path) -> None:
    with Sandbox(data_dir=tmp_path / "sandbox") as sandbox:
        config = TenantConfig(
            client_id="app",
            authority=sandbox.authority_url,
            graph_url=sandbox.graph_url,
            license_url=sandbox.license_url,
            ca_file=str(sandbox.ca_file),
            proxy=company_network.url,
        )
        with HttpFactory(config).client() as client:
            response = client.get(f"{sandbox.authority_url}/v2.0/.well-known/openid-configuration")
    assert response.status_code == 200
    assert company_network.connects == []


@pytest.mark.parametrize(
    ("url", "configured", "system", "bypassed", "expected"),
    [
        (GRAPH_ME, None, {"https": "http://proxy.corp:8080"}, False, "http://proxy.corp:8080"),
        (GRAPH_ME, None, {"https": "proxy.corp:8080"}, False, "http://proxy.corp:8080"),
        (GRAPH_ME, None, {"all": "http://proxy.corp:3128"}, False, "http://proxy.corp:3128"),
        (GRAPH_ME, None, {"https": "http://proxy.corp:8080"}, True, None),
        (GRAPH_ME, None, {}, False, None),
        (
            GRAPH_ME,
            "http://app-proxy:8080",
            {"https": "http://proxy.corp:8080"},
            True,
            "http://app-proxy:8080",
        ),
        ("https://127.0.0.1:5000/x", "http://app-proxy:8080", {"https": "http://p:1"}, False, None),
        ("https://127.8.9.10/x", None, {"https": "http://p:1"}, False, None),
        ("https://localhost:5000/x", None, {"https": "http://p:1"}, False, None),
        ("https://[::1]:5000/x", None, {"https": "http://p:1"}, False, None),
    ],
)
def test_which_proxy_a_request_takes(
    url: str, configured: str | None, system: dict[str, str], bypassed: bool, expected: str | None
) -> None:
    chosen = proxy_for(httpx.URL(url), configured, system=lambda: system, bypass=lambda _host: bypassed)
    assert chosen == expected
