"""The license check sends only the address, reads free or commercial, and never blocks when it fails."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import pytest

from securemailmerge.m365.license import (
    COMMERCIAL,
    FREE,
    LAST_CHECK,
    LastLicenseCheck,
    LicenseStatus,
    check_license,
)
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.tenant import TenantConfig, load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, SALES

CONFIG = TenantConfig(client_id="11111111-2222-3333-4444-555555555555")
TODAY = date(2025, 6, 1)
ADA = "ada@contoso.com"

Handler = Callable[[httpx.Request], httpx.Response]


def check(
    handler: Handler, tmp_path: Path, email: str | None = ADA
) -> tuple[LicenseStatus, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    factory = HttpFactory(CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(record))
    return check_license(factory, email, today=lambda: TODAY), seen


def answer(body: object, status: int = 200) -> Handler:
    return lambda request: httpx.Response(status, json=body)


def test_the_request_holds_the_address_and_nothing_else(tmp_path: Path) -> None:
    status, seen = check(answer({"email": ADA, "plan": "free", "expires": None}), tmp_path)
    assert status == LicenseStatus(FREE)
    [request] = seen
    assert (request.method, str(request.url)) == ("POST", CONFIG.license_url)
    assert json.loads(request.content) == {"email": ADA}
    assert request.headers["content-type"] == "application/json"
    assert "authorization" not in request.headers
    assert "cookie" not in request.headers


@pytest.mark.parametrize(
    ("body", "expected", "text"),
    [
        (
            {"email": ADA, "plan": "free", "expires": None},
            LicenseStatus(FREE),
            'Free plan: messages end with a short "Sent with SecureMailMerge" line.',
        ),
        (
            {"email": "ada@CONTOSO.com", "plan": "commercial", "expires": "2025-12-31"},
            LicenseStatus(COMMERCIAL, date(2025, 12, 31)),
            "Commercial license, valid until 2025-12-31.",
        ),
        (
            {"email": ADA, "plan": "commercial", "expires": None},
            LicenseStatus(COMMERCIAL),
            "Commercial license.",
        ),
        (
            {"email": ADA, "plan": "commercial", "expires": "2025-06-01"},
            LicenseStatus(COMMERCIAL, date(2025, 6, 1)),
            "Commercial license, valid until 2025-06-01.",
        ),
        (
            {"email": ADA, "plan": "commercial", "expires": "2025-05-31"},
            LicenseStatus(FREE),
            'Free plan: messages end with a short "Sent with SecureMailMerge" line.',
        ),
    ],
)
def test_the_answer_says_free_or_commercial_until_a_day(
    tmp_path: Path, body: dict[str, object], expected: LicenseStatus, text: str
) -> None:
    status, _ = check(answer(body), tmp_path)
    assert status == expected
    assert status.reached
    assert status.describe() == text
    assert status.commercial == (expected.plan == COMMERCIAL)


UNREADABLE = (
    "The license server license.securemailmerge.com sent an answer the app cannot read. "
    "Working as the free plan."
)


def refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("Connection refused", request=request)


def time_out(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


@pytest.mark.parametrize(
    ("handler", "text"),
    [
        (
            refuse,
            "The license server license.securemailmerge.com could not be reached. Working as the free plan.",
        ),
        (
            time_out,
            "The license server license.securemailmerge.com could not be reached. Working as the free plan.",
        ),
        (
            answer({"error": {"code": "invalidEmail"}}, 400),
            "The license server license.securemailmerge.com answered with an error (HTTP 400). "
            "Working as the free plan.",
        ),
        (
            lambda request: httpx.Response(502, text="<html>Bad gateway</html>"),
            "The license server license.securemailmerge.com answered with an error (HTTP 502). "
            "Working as the free plan.",
        ),
        (lambda request: httpx.Response(200, text="<html>captive portal</html>"), UNREADABLE),
        (lambda request: httpx.Response(200, content=b"\xff\xfe{"), UNREADABLE),
        (answer(["free"]), UNREADABLE),
        (answer({"email": ADA, "plan": "gold", "expires": None}), UNREADABLE),
        (answer({"email": ADA, "plan": "commercial", "expires": "next year"}), UNREADABLE),
        (answer({"email": ADA, "plan": "commercial", "expires": 2026}), UNREADABLE),
        (answer({"email": "eve@contoso.com", "plan": "commercial", "expires": None}), UNREADABLE),
        (answer({"plan": "commercial"}), UNREADABLE),
    ],
)
def test_an_unreachable_or_confused_server_means_free_with_the_reason(
    tmp_path: Path, handler: Handler, text: str
) -> None:
    status, _ = check(handler, tmp_path)
    assert status.plan == FREE
    assert not status.reached
    assert status.describe() == text


def test_an_account_without_address_is_not_checked_and_sends_nothing(tmp_path: Path) -> None:
    status, seen = check(answer({"email": ADA, "plan": "commercial", "expires": None}), tmp_path, email=None)
    assert seen == []
    assert status.plan == FREE
    assert status.describe() == (
        "The license was not checked because your account has no email address. Working as the free plan."
    )


def test_the_network_log_names_the_license_host_but_not_the_address(tmp_path: Path) -> None:
    check(answer({"email": ADA, "plan": "free", "expires": None}), tmp_path)
    [entry] = [json.loads(line) for line in (tmp_path / "network.log").read_text("utf-8").splitlines()]
    assert (entry["method"], entry["host"], entry["path"], entry["status"]) == (
        "POST",
        "license.securemailmerge.com",
        "/api/license",
        200,
    )
    assert "ada" not in json.dumps(entry)


@pytest.mark.e2e
def test_the_sandbox_license_service_answers_over_https(tmp_path: Path) -> None:
    with Sandbox(licensed={SALES: date(2099, 12, 31)}, data_dir=tmp_path / "sandbox") as sandbox:
        factory = HttpFactory(load_tenant_config(sandbox.tenant_config_path))
        assert check_license(factory, SALES) == LicenseStatus(COMMERCIAL, date(2099, 12, 31))
        assert check_license(factory, DEMO_USER) == LicenseStatus(FREE)
    # The sandbox has stopped: the same check now finds nobody listening.
    status = check_license(factory, SALES)
    assert status.plan == FREE
    assert status.describe() == "The license server 127.0.0.1 could not be reached. Working as the free plan."


def test_a_trust_store_that_cannot_be_loaded_still_means_free(tmp_path: Path) -> None:
    config = TenantConfig(
        client_id=CONFIG.client_id,
        authority="https://127.0.0.1:9/organizations",
        graph_url="https://127.0.0.1:9/v1.0",
        license_url="https://127.0.0.1:9/api/license",
        ca_file=str(tmp_path / "removed-ca.pem"),
    )
    status = check_license(HttpFactory(config, log_path=tmp_path / "network.log"), ADA)
    assert status.describe() == "The license server 127.0.0.1 could not be reached. Working as the free plan."


NOT_CHECKED = (
    "Not checked yet: the license is checked when you load an address book, send a test message or "
    "send a campaign."
)


def test_the_last_outcome_is_kept_in_memory_for_the_address_it_was_for(
    tmp_path: Path, data_dir: Path
) -> None:
    assert LAST_CHECK.describe(ADA) == NOT_CHECKED
    status, _ = check(answer({"email": ADA, "plan": "commercial", "expires": "2099-01-31"}), tmp_path)
    assert LAST_CHECK.status(ADA.upper()) == status
    assert LAST_CHECK.describe(ADA) == "Commercial license, valid until 2099-01-31."
    # Another account signed in later has not been checked.
    assert LAST_CHECK.status("grace@contoso.com") is None
    assert LAST_CHECK.describe(None) == NOT_CHECKED
    # Memory only: nothing of the address or the outcome is written to the app's data folder.
    written = [path for path in data_dir.rglob("*") if path.is_file()] if data_dir.exists() else []
    assert [path for path in written if ADA.encode() in path.read_bytes()] == []


def test_a_failed_check_is_remembered_as_what_the_user_was_told(tmp_path: Path) -> None:
    factory = HttpFactory(
        CONFIG,
        log_path=tmp_path / "network.log",
        transport=httpx.MockTransport(lambda request: httpx.Response(503)),
    )
    record = LastLicenseCheck()
    status = check_license(factory, ADA, today=lambda: TODAY, record=record)
    assert record.describe(ADA) == status.describe()
    assert record.describe(ADA).endswith("answered with an error (HTTP 503). Working as the free plan.")
    assert LAST_CHECK.status(ADA) is None  # a record of one's own replaces the session's
