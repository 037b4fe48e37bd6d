"""The loopback HTTPS server: trusted only through the sandbox CA, drops on request, quiet, quick to stop."""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
from collections.abc import Iterable, Iterator
from pathlib import Path
from wsgiref.types import StartResponse, WSGIEnvironment

import httpx
import pytest
from cryptography import x509

from securemailmerge.errors import NetworkError
from securemailmerge.sandbox.certs import SandboxCertificates, create_certificates
from securemailmerge.sandbox.server import DropConnection, LoopbackServer, listen, serve


def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
    if environ["PATH_INFO"] == "/drop":
        raise DropConnection
    body = environ["PATH_INFO"].encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


@pytest.fixture
def certificates(tmp_path: Path) -> SandboxCertificates:
    return create_certificates(tmp_path)


@pytest.fixture
def server(certificates: SandboxCertificates) -> Iterator[LoopbackServer]:
    running = serve(app, ssl_context=certificates.server_context())
    yield running
    running.stop()


def _client(certificates: SandboxCertificates) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=str(certificates.ca_file)), trust_env=False)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_serves_https_trusted_through_the_sandbox_ca(
    server: LoopbackServer, certificates: SandboxCertificates, host: str
) -> None:
    with _client(certificates) as client:
        response = client.get(f"https://{host}:{server.port}/hello")

    assert (response.status_code, response.text) == (200, "/hello")


def test_without_the_sandbox_ca_the_certificate_is_not_trusted(server: LoopbackServer) -> None:
    with (
        httpx.Client(verify=ssl.create_default_context(), trust_env=False) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.get(f"{server.url}/hello")


def test_the_certificate_names_every_loopback_address(certificates: SandboxCertificates) -> None:
    certificate = x509.load_pem_x509_certificate(certificates.cert_file.read_bytes())
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value

    assert names.get_values_for_type(x509.DNSName) == ["localhost"]
    assert set(names.get_values_for_type(x509.IPAddress)) == {
        ipaddress.ip_address("127.0.0.1"),
        ipaddress.ip_address("::1"),
    }
    assert certificates.key_file.stat().st_mode & 0o777 == 0o600


def test_drop_connection_closes_without_an_answer_and_serving_goes_on(
    server: LoopbackServer, certificates: SandboxCertificates
) -> None:
    with _client(certificates) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            client.get(f"{server.url}/drop")
        assert client.get(f"{server.url}/after").text == "/after"


def test_a_client_that_never_says_hello_does_not_hold_up_the_others(
    server: LoopbackServer, certificates: SandboxCertificates
) -> None:
    with socket.create_connection(("127.0.0.1", server.port)), _client(certificates) as client:
        assert client.get(f"{server.url}/still-served", timeout=5).status_code == 200


def test_a_busy_port_is_a_network_error_naming_it(server: LoopbackServer) -> None:
    with pytest.raises(NetworkError, match=f"127.0.0.1:{server.port}"):
        listen(server.port)


def test_stop_frees_the_port(certificates: SandboxCertificates) -> None:
    running = serve(app, ssl_context=certificates.server_context())
    running.stop()

    listen(running.port).close()


def test_logs_name_the_path_but_never_the_query(
    server: LoopbackServer, certificates: SandboxCertificates, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.DEBUG, logger="securemailmerge.sandbox.server"),
        _client(certificates) as client,
    ):
        client.get(f"{server.url}/authorize", params={"code": "s3cret-code"})

    assert "/authorize" in caplog.text
    assert "s3cret-code" not in caplog.text


def test_plain_http_serving_for_loopback_listeners() -> None:
    running = LoopbackServer(app, listen()).start()
    try:
        with httpx.Client(trust_env=False) as client:
            assert client.get(f"{running.url}/plain").text == "/plain"
    finally:
        running.stop()
    assert running.url.startswith("http://127.0.0.1:")
