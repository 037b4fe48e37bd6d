"""Sign-in picks the OS broker where it can, else the browser, else a code, and says which signed in.

The broker itself (WAM on Windows, Company Portal on macOS) is tried on those systems by a person
(README); here msal runs for real against the sandbox, where it switches the broker off as it does
on any computer without one, so the fallback is msal's own answer, not a stand-in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from securemailmerge.errors import AuthError
from securemailmerge.m365 import (
    BROKER,
    BROWSER,
    DEVICE_CODE,
    DeviceCodePrompt,
    HttpFactory,
    Session,
    TenantConfig,
    broker_redirect_uris,
    broker_usable,
    choose_methods,
    sign_in,
)
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER

pytestmark = pytest.mark.e2e

MICROSOFT = TenantConfig(client_id="app")
SANDBOX_LIKE = TenantConfig(
    client_id="app",
    authority="https://127.0.0.1:4000/organizations",
    graph_url="https://127.0.0.1:4001/v1.0",
    license_url="https://127.0.0.1:4003/api/license",
)


@pytest.mark.parametrize(
    ("config", "platform", "machine", "installed", "usable"),
    [
        (MICROSOFT, "win32", "AMD64", True, True),
        (MICROSOFT, "win32", "ARM64", True, True),
        (MICROSOFT, "darwin", "arm64", True, True),
        (MICROSOFT, "darwin", "x86_64", True, False),  # msal has no broker on Intel Macs
        (MICROSOFT, "linux", "x86_64", True, False),
        (MICROSOFT, "win32", "AMD64", False, False),  # msal[broker] not installed
        (SANDBOX_LIKE, "win32", "AMD64", True, False),  # the sandbox has no broker
    ],
)
def test_where_the_broker_is_tried(
    config: TenantConfig, platform: str, machine: str, installed: bool, usable: bool
) -> None:
    assert broker_usable(config, platform=platform, machine=machine, installed=installed) is usable


@pytest.mark.parametrize(
    ("broker", "device_code", "then_code", "methods"),
    [
        (True, False, True, (BROKER, BROWSER, DEVICE_CODE)),
        (False, False, True, (BROWSER, DEVICE_CODE)),
        (True, False, False, (BROKER, BROWSER)),
        (True, True, True, (DEVICE_CODE,)),
        (False, True, False, (DEVICE_CODE,)),
    ],
)
def test_the_order_of_methods(
    broker: bool, device_code: bool, then_code: bool, methods: tuple[str, ...]
) -> None:
    assert choose_methods(broker=broker, device_code=device_code, then_code=then_code) == methods


def test_the_broker_redirect_uris_name_the_client() -> None:
    assert broker_redirect_uris("1234") == [
        "ms-appx-web://Microsoft.AAD.BrokerPlugin/1234",
        "msauth.com.securemailmerge.desktop://auth",
        "msauth.com.msauth.unsignedapp://auth",
        "https://login.microsoftonline.com/common/oauth2/nativeclient",
    ]


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(auto_approve=True, data_dir=tmp_path / "sandbox") as running:
        yield running


def session_of(sandbox: Sandbox) -> Session:
    config = load_tenant_config(sandbox.tenant_config_path)
    # Asked for the broker although none is here: msal itself must decline it.
    return Session(config, HttpFactory(config), broker=True)


def test_no_broker_here_falls_back_to_the_browser(sandbox: Sandbox) -> None:
    started: list[str] = []
    browser = sandbox.browser()
    with session_of(sandbox) as session:
        signed = sign_in(
            session,
            (BROKER, BROWSER, DEVICE_CODE),
            on_prompt=lambda _prompt: None,
            open_browser=browser.open,
            on_method=started.append,
        )
    assert (signed.account.username, signed.method) == (DEMO_USER, BROWSER)
    assert started == [BROKER, BROWSER]
    assert signed.message == f"Signed in as {DEMO_USER} in the browser."


def test_no_browser_falls_back_to_a_code(sandbox: Sandbox) -> None:
    prompts: list[DeviceCodePrompt] = []
    with session_of(sandbox) as session:
        signed = sign_in(
            session, (BROKER, BROWSER, DEVICE_CODE), on_prompt=prompts.append, open_browser=lambda _url: False
        )
    assert (signed.account.username, signed.method) == (DEMO_USER, DEVICE_CODE)
    assert len(prompts) == 1
    assert signed.message == f"Signed in as {DEMO_USER} with a code."


def test_a_declined_browser_sign_in_is_the_answer_not_a_reason_to_try_a_code(sandbox: Sandbox) -> None:
    prompts: list[DeviceCodePrompt] = []
    browser = sandbox.browser(decline=True)
    with session_of(sandbox) as session, pytest.raises(AuthError) as raised:
        sign_in(session, (BROWSER, DEVICE_CODE), on_prompt=prompts.append, open_browser=browser.open)
    assert raised.value.code != "no_browser"
    assert prompts == []
    assert session.account is None


def test_the_last_method_says_why_when_nothing_works(sandbox: Sandbox) -> None:
    with session_of(sandbox) as session, pytest.raises(AuthError) as raised:
        sign_in(session, (BROKER, BROWSER), on_prompt=lambda _p: None, open_browser=lambda _url: False)
    assert raised.value.code == "no_browser"


def test_a_cancelled_sign_in_does_not_go_on_to_the_next_method(sandbox: Sandbox) -> None:
    cancel = threading.Event()
    cancel.set()
    prompts: list[DeviceCodePrompt] = []
    with session_of(sandbox) as session, pytest.raises(AuthError):
        sign_in(
            session,
            (BROKER, BROWSER, DEVICE_CODE),
            on_prompt=prompts.append,
            open_browser=lambda _url: False,
            cancel=cancel,
        )
    assert prompts == []
