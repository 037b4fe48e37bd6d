"""The license endpoint answers free or commercial with an expiry, refuses bad bodies and keeps nothing."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from securemailmerge.sandbox.certs import create_certificates
from securemailmerge.sandbox.directory import DEMO_USER, SALES
from securemailmerge.sandbox.license import LicenseService, default_licenses, parse_licensed
from securemailmerge.sandbox.server import serve

TODAY = date(2026, 3, 15)
LICENSED = {
    "Pat@Example.com": None,
    "until@example.com": date(2026, 12, 31),
    "lapsed@example.com": date(2026, 3, 14),
    "lastday@example.com": TODAY,
}


@pytest.fixture
def service() -> LicenseService:
    return LicenseService(LICENSED, today=lambda: TODAY)


@pytest.fixture
def client(service: LicenseService, tmp_path: Path) -> Iterator[httpx.Client]:
    certificates = create_certificates(tmp_path)
    server = serve(service, ssl_context=certificates.server_context())
    context = ssl.create_default_context(cafile=str(certificates.ca_file))
    with httpx.Client(base_url=server.url, verify=context, trust_env=False) as client:
        yield client
    server.stop()


@pytest.mark.parametrize(
    ("email", "plan", "expires"),
    [
        ("pat@example.com", "commercial", None),
        ("Pat@EXAMPLE.COM", "commercial", None),
        ("until@example.com", "commercial", "2026-12-31"),
        ("lastday@example.com", "commercial", "2026-03-15"),
        ("lapsed@example.com", "free", None),
        ("someone@example.com", "free", None),
    ],
)
def test_the_plan_follows_the_licensed_list(
    client: httpx.Client, email: str, plan: str, expires: str | None
) -> None:
    response = client.post("/api/license", json={"email": email})

    assert response.status_code == 200
    assert response.json() == {
        "email": email.replace("EXAMPLE.COM", "example.com"),
        "plan": plan,
        "expires": expires,
    }


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b'{"email": "not an address"}', 400, "invalidEmail"),
        (b'{"email": "a@example.com", "name": "Ada"}', 400, "invalidRequest"),
        (b'{"email": ["a@example.com"]}', 400, "invalidRequest"),
        (b'["a@example.com"]', 400, "invalidRequest"),
        (b"email=a@example.com", 400, "invalidRequest"),
        (b'{"email": "' + b"a" * 5000 + b'@example.com"}', 413, "invalidRequest"),
    ],
    ids=["bad-address", "extra-field", "list-value", "not-object", "not-json", "too-large"],
)
def test_a_body_that_is_not_exactly_one_valid_email_is_refused(
    client: httpx.Client, content: bytes, status: int, code: str
) -> None:
    response = client.post("/api/license", content=content, headers={"Content-Type": "application/json"})

    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


@pytest.mark.parametrize(
    ("method", "path", "status"), [("GET", "/api/license", 405), ("POST", "/api/other", 404)]
)
def test_other_methods_and_paths(client: httpx.Client, method: str, path: str, status: int) -> None:
    assert client.request(method, path, json={"email": "a@example.com"}).status_code == status


def test_asking_stores_and_logs_nothing_about_the_address(
    client: httpx.Client, service: LicenseService, caplog: pytest.LogCaptureFixture
) -> None:
    before = service.licensed
    with caplog.at_level(logging.DEBUG):
        client.post("/api/license", json={"email": "secret.person@example.com"})

    assert service.licensed == before
    assert "secret.person" not in caplog.text
    assert "secret.person" not in client.get("/_sandbox/licenses").text


def test_the_inspection_lists_the_licensed_addresses(client: httpx.Client) -> None:
    listed = client.get("/_sandbox/licenses").json()["licensed"]

    assert {"email": "pat@example.com", "expires": None} in listed
    assert {"email": "until@example.com", "expires": "2026-12-31"} in listed


def test_by_default_the_demo_user_is_free_and_sales_commercial() -> None:
    service = LicenseService(today=lambda: TODAY)

    assert service.plan(DEMO_USER) == ("free", None)
    assert service.plan(SALES) == ("commercial", date(2027, 12, 31))
    assert default_licenses(TODAY) == {SALES: date(2027, 12, 31)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a@example.com", ("a@example.com", None)),
        ("a@example.com=2027-01-31", ("a@example.com", date(2027, 1, 31))),
    ],
)
def test_licensed_command_line_values(text: str, expected: tuple[str, date | None]) -> None:
    assert parse_licensed(text) == expected


@pytest.mark.parametrize(
    ("text", "message"), [("nobody", "nobody"), ("a@example.com=31.01.2027", "2027-12-31")]
)
def test_bad_licensed_values_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_licensed(text)
