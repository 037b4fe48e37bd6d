"""Log records that hold tokens, secrets, addresses, query values or bodies come out redacted."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.logfilter import RedactingFilter, configure, install, redact

JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEiLCJ0aWQiOiI5MTg4In0.c2lnbmF0dXJlLXBhcnQ"
REFRESH = "1.AXkAq3Ud9bT0kEW1nR7XqgAAAIRPZ3n2sVdAn5Xf0jgUuCRUAAA.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P8"


@pytest.mark.parametrize(
    ("text", "secret", "marker"),
    [
        (f"headers: Authorization: Bearer {JWT}", JWT, "Bearer [redacted]"),
        (f"token was {JWT} and more", JWT, "[redacted]"),
        ("Authorization: bearer opaque-sandbox-token-123", "opaque-sandbox-token-123", "bearer [redacted]"),
        (
            f"grant_type=refresh_token&refresh_token={REFRESH}&client_id=x",
            REFRESH,
            "refresh_token=[redacted]",
        ),
        (f"cache holds {REFRESH} for later", REFRESH, "[redacted]"),
        ("https://localhost/#access_token=abc123secret&state=1", "abc123secret", "access_token=[redacted]"),
        ("client_secret: s3cr3t-value", "s3cr3t-value", "client_secret: [redacted]"),
        ("password = hunter2", "hunter2", "password = [redacted]"),
        (
            "PUT https://outlook.office.com/api/v2.0/x?authtoken=eyJhbGc.xyz",
            "eyJhbGc.xyz",
            "authtoken=[redacted]",
        ),
        ("sent to ada.lovelace@contoso.com today", "ada.lovelace@contoso.com", "[address]"),
        ("GET /v1.0/users/sales%40contoso.com/contacts", "sales%40contoso.com", "/users/[address]/contacts"),
        ("From: \"O'Neil, Pat\" <pat.o'neil+news@mail.example.org>", "pat.o'neil+news", "<[address]>"),
        (
            "GET /v1.0/me/messages?$filter=singleValueExtendedProperties/Any(ep: ep/value eq 'cmp-7')&$top=5",
            "cmp-7",
            "$filter=[redacted]&$top=[redacted]",
        ),
        ("GET /v1.0/me/contacts?%24search=%22Ada%22", "Ada", "%24search=[redacted]"),
        (
            'request body {"subject": "Quarterly plans", "toRecipients": []}',
            "Quarterly plans",
            "request body [body]",
        ),
        ("answer [{'displayName': 'Ada'}] done", "Ada", "answer [body] done"),
        ("<html><body><p>Dear Ada, your invoice</p></body></html>", "Dear Ada", "[body]"),
        ("mime: Content-Type: text/plain\r\n\r\nHello Ada, the numbers", "Hello Ada", "mime: [body]"),
    ],
)
def test_each_kind_of_secret_is_redacted(text: str, secret: str, marker: str) -> None:
    redacted = redact(text)
    assert secret not in redacted
    assert marker in redacted


@pytest.mark.parametrize(
    "text",
    [
        "GET /v1.0/users/{user}/contacts/{id} 404 ErrorItemNotFound",
        "403 (ErrorSendAsDenied) request id 6f1c2a4e-1b2c-4d5e-8f90-123456789abc",
        "loaded 2000 contacts from 12 folders in 1.5 s",
        "opened /home/someone/Documents/campaigns/2024-spring-newsletter-for-members/recipients.xlsx",
        "Throttled by Microsoft, waiting 12 s (attempt 1).",
    ],
)
def test_what_support_needs_survives(text: str) -> None:
    assert redact(text) == text


@settings(max_examples=150, deadline=None)
@given(address=st.emails())
def test_no_address_survives(address: str) -> None:
    redacted = redact(f"sending to {address} now")
    assert address not in redacted
    assert "@" not in redacted


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A private logger tree with one handler writing to a string, restored afterwards."""
    root = logging.getLogger("smm-test-root")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield root, stream
    root.removeHandler(handler)
    root.filters.clear()


def test_install_redacts_records_propagated_from_child_loggers(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    root, stream = captured
    chosen = install(root)
    assert install(root) is chosen
    assert root.filters == [chosen]
    assert root.handlers[0].filters == [chosen]
    logging.getLogger("smm-test-root.msal").debug(
        "Token response %s for %s", {"refresh_token": REFRESH}, "ada@contoso.com"
    )
    logging.getLogger("smm-test-root.graph").info("Bearer %s", JWT)
    output = stream.getvalue()
    assert REFRESH not in output
    assert JWT not in output
    assert "ada@contoso.com" not in output
    assert output.splitlines() == [
        "smm-test-root.msal Token response [body] for [address]",
        "smm-test-root.graph Bearer [redacted]",
    ]


def test_install_quiets_httpx_which_logs_full_urls(captured: tuple[logging.Logger, io.StringIO]) -> None:
    install(captured[0])
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING


def test_tracebacks_are_redacted_too(captured: tuple[logging.Logger, io.StringIO]) -> None:
    root, stream = captured
    install(root)
    try:
        raise RuntimeError(f"refresh failed for ada@contoso.com with refresh_token={REFRESH}")
    except RuntimeError:
        logging.getLogger("smm-test-root.auth").exception("sign-in failed")
    output = stream.getvalue()
    assert "Traceback" in output
    assert "RuntimeError: refresh failed for [address] with refresh_token=[redacted]" in output
    assert REFRESH not in output
    assert "ada@contoso.com" not in output


def test_the_filter_never_drops_a_record() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "user %s", ("ada@contoso.com",), None)
    assert RedactingFilter().filter(record) is True
    assert (record.getMessage(), record.args) == ("user [address]", None)


def test_the_programs_log_to_the_data_folder_redacted(data_dir: Path) -> None:
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), list(root.filters))
    try:
        configure(stderr=False)
        configure(stderr=False)  # a second call adds nothing
        logging.getLogger("securemailmerge.test").warning("sent to ana@example.com with Bearer abc.def.ghi")
        for handler in root.handlers:
            handler.flush()
        text = (data_dir / "logs" / "app.log").read_text(encoding="utf-8")
        assert text.count("sent to") == 1
        assert "ana@example.com" not in text
        assert "abc.def.ghi" not in text
    finally:
        for handler in root.handlers[len(saved[1]) :]:
            handler.close()
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
        root.filters[:] = saved[2]
