"""Whatever the sign-in service answers (a server error, a redirect, garbage), the user reads one line.

The corpus is generated here: each stage of a sign-in (the authority's discovery document, the
device-code request, the token poll) answered with every server error, every redirect and a
collection of bodies that are not what msal expects. Every outcome must be an ``AuthError``
whose message is one line; the command line must print that line and exit 2, no traceback.
"""

from __future__ import annotations

import itertools
import json
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from securemailmerge import cli
from securemailmerge.errors import AuthError, BrowserUnavailable
from securemailmerge.m365.auth import Session
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.tenant import TenantConfig

CONFIG = TenantConfig(client_id="11111111-2222-3333-4444-555555555555")
BASE = "https://login.microsoftonline.com/organizations"
DISCOVERY = {
    "authorization_endpoint": f"{BASE}/oauth2/v2.0/authorize",
    "token_endpoint": f"{BASE}/oauth2/v2.0/token",
    "device_authorization_endpoint": f"{BASE}/oauth2/v2.0/devicecode",
    "issuer": "https://login.microsoftonline.com/{tenantid}/v2.0",
}
DEVICE_FLOW = {
    "user_code": "ABCD-EFGH",
    "device_code": "device",
    "verification_uri": "https://microsoft.com/devicelogin",
    "expires_in": 900,
    "interval": 0,
    "message": "Enter the code",
}
Answer = Callable[[], httpx.Response]


def hostile_answers() -> Iterator[tuple[str, Answer]]:
    for status in (500, 502, 503, 504):
        yield f"http-{status}", lambda status=status: httpx.Response(status, text="Service Unavailable")
    for status in (301, 302, 303, 307, 308):
        yield (
            f"redirect-{status}",
            lambda status=status: httpx.Response(
                status, headers={"Location": "https://evil.example/collect"}
            ),
        )
    bodies: list[tuple[str, bytes]] = [
        ("html", b"<html><body>Sign-in is down for maintenance</body></html>"),
        ("empty", b""),
        ("truncated", b'{"token_endpoint": "https://login.micro'),
        ("list", b"[1, 2, 3]"),
        ("string", b'"hello"'),
        ("number", b"42"),
        ("null", b"null"),
        ("binary", bytes(range(256))),
        ("wrong-types", json.dumps({key: 5 for key in [*DISCOVERY, *DEVICE_FLOW]}).encode()),
        ("error-not-text", json.dumps({"error": ["x"], "error_description": {"a": 1}}).encode()),
    ]
    for name, body in bodies:
        yield (
            f"garbage-{name}",
            lambda body=body: httpx.Response(200, content=body, headers={"Content-Type": "application/json"}),
        )


STAGES = ("discovery", "devicecode", "token")
CORPUS = list(itertools.product(STAGES, hostile_answers()))


def handler_for(stage: str, answer: Answer) -> Callable[[httpx.Request], httpx.Response]:
    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if "openid-configuration" in path or "discovery" in path:
            return answer() if stage == "discovery" else httpx.Response(200, json=DISCOVERY)
        if path.endswith("/devicecode"):
            return answer() if stage == "devicecode" else httpx.Response(200, json=DEVICE_FLOW)
        return answer()  # the token endpoint

    return handle


@pytest.mark.parametrize(
    ("stage", "answer"),
    [(stage, answer) for stage, (_, answer) in CORPUS],
    ids=[f"{stage}-{name}" for stage, (name, _) in CORPUS],
)
def test_a_hostile_sign_in_answer_is_one_clear_line(tmp_path: Path, stage: str, answer: Answer) -> None:
    factory = HttpFactory(
        CONFIG, log_path=tmp_path / "network.log", transport=httpx.MockTransport(handler_for(stage, answer))
    )
    with Session(CONFIG, factory) as session, pytest.raises(AuthError) as caught:
        session.sign_in_device_code(lambda prompt: None)
    message = str(caught.value)
    assert message
    assert "\n" not in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (
            503,
            "The sign-in service login.microsoftonline.com is not available right now (HTTP 503). "
            "Try again later.",
        ),
        (
            302,
            "The sign-in service login.microsoftonline.com answered with a redirect (HTTP 302), "
            "which is refused.",
        ),
    ],
)
def test_server_errors_and_redirects_are_named(tmp_path: Path, status: int, expected: str) -> None:
    factory = HttpFactory(
        CONFIG,
        log_path=tmp_path / "network.log",
        transport=httpx.MockTransport(
            lambda request: httpx.Response(status, headers={"Location": "https://x/"})
        ),
    )
    with Session(CONFIG, factory) as session, pytest.raises(AuthError) as caught:
        session.sign_in_device_code(lambda prompt: None)
    assert str(caught.value) == expected


@pytest.mark.parametrize("name", ["http-503", "redirect-302", "garbage-list", "garbage-html"])
def test_the_command_line_prints_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    answer = dict(hostile_answers())[name]
    mock = httpx.MockTransport(handler_for("discovery", answer))
    monkeypatch.setattr(httpx, "HTTPTransport", lambda **kwargs: mock)
    tenant = tmp_path / "tenant.json"
    tenant.write_text(CONFIG.to_json(), encoding="utf-8")
    code = cli.main(["signin", "--device-code", "--tenant-config", str(tenant)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.startswith("securemailmerge: The sign-in service ")
    assert err.count("\n") == 1


def _refuses(url: str) -> bool:
    return False


def _raises_browser_error(url: str) -> bool:
    raise webbrowser.Error("could not locate runnable browser")


def _raises_os_error(url: str) -> bool:
    raise FileNotFoundError(2, "No such file or directory: 'xdg-open'")


@pytest.mark.parametrize("opener", [_refuses, _raises_browser_error, _raises_os_error])
def test_a_browser_that_cannot_be_opened_is_a_typed_error(
    tmp_path: Path, opener: Callable[[str], bool]
) -> None:
    factory = HttpFactory(
        CONFIG,
        log_path=tmp_path / "network.log",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, json=DISCOVERY)),
    )
    with Session(CONFIG, factory) as session, pytest.raises(BrowserUnavailable) as caught:
        session.sign_in_interactive(open_browser=opener, timeout=5)
    assert str(caught.value) == "No web browser could be opened here. Sign in with a code instead."
