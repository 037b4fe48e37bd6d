"""Sign-in works with real msal against the sandbox, fails clearly, and leaves no secret behind."""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx
import msal
import pytest

from securemailmerge import logfilter, paths
from securemailmerge.errors import AuthError, KeychainUnavailable, NetworkError, SignInRequired
from securemailmerge.m365.auth import Account, DeviceCodePrompt, Session
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.msalerrors import auth_error
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.scopes import SCOPES
from securemailmerge.m365.tenant import TenantConfig, load_tenant_config
from securemailmerge.m365.tokencache import KEYCHAIN_ENTRY, KEYCHAIN_SERVICE, cache_path
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, DEMO_USER_ID, TENANT_ID
from tests.helpers import InMemoryKeyring, record_issued_tokens

OFFLINE = TenantConfig(
    client_id="5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
    authority="https://127.0.0.1:9/organizations",
    graph_url="https://127.0.0.1:10/v1.0",
    license_url="https://127.0.0.1:11/api/license",
)


def no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"nothing should go out, yet {request.url} was asked for")


@pytest.fixture
def offline_session(tmp_path: Path) -> Iterator[Session]:
    """A session whose every network call fails the test."""
    factory = HttpFactory(
        OFFLINE, log_path=tmp_path / "network.log", transport=httpx.MockTransport(no_network)
    )
    with Session(OFFLINE, factory) as session:
        yield session


@pytest.mark.parametrize(
    ("answer", "kind", "words"),
    [
        (
            {
                "error": "invalid_grant",
                "error_description": "AADSTS50173: token revoked",
                "error_codes": [50173],
            },
            SignInRequired,
            "expired or was revoked. Please sign in again (AADSTS50173)",
        ),
        ({"error": "interaction_required", "error_codes": [50076]}, SignInRequired, "Please sign in again"),
        ({"error": "authorization_declined"}, AuthError, "Sign-in was declined"),
        ({"error": "expired_token"}, AuthError, "The sign-in code expired"),
        (
            {
                "error": "access_denied",
                "error_description": "AADSTS65004: User declined to consent.\r\nTrace ID: 1",
            },
            AuthError,
            "refused in the browser: AADSTS65004: User declined to consent.",
        ),
        (
            {"error": "unauthorized_client", "error_description": "AADSTS700016: Application not found"},
            AuthError,
            "not registered for your organisation's tenant",
        ),
        (
            {"error": "temporarily_unavailable", "error_description": "try later"},
            AuthError,
            "Sign-in failed (temporarily_unavailable): try later",
        ),
        ({}, AuthError, "Sign-in failed (unknown_error)"),
    ],
)
def test_msal_errors_become_clear_messages(
    answer: dict[str, object], kind: type[AuthError], words: str
) -> None:
    error = auth_error(answer)
    assert type(error) is kind
    assert words in str(error)
    assert "Trace ID" not in str(error)
    assert error.code == (answer.get("error") or "unknown_error")


def test_the_device_code_prompt_names_the_address_and_the_code() -> None:
    prompt = DeviceCodePrompt(
        verification_uri="https://microsoft.com/devicelogin", user_code="ABCD-EFGH", expires_in=900
    )
    assert (
        prompt.message
        == "On any device, open https://microsoft.com/devicelogin and enter the code ABCD-EFGH to sign in."
    )


def test_a_token_before_signing_in_asks_to_sign_in_without_any_network(offline_session: Session) -> None:
    with pytest.raises(SignInRequired, match="You are not signed in"):
        offline_session.access_token()
    assert offline_session.account is None


def test_stay_signed_in_without_a_keychain_is_refused_with_the_reason(
    tmp_path: Path, no_keychain: None
) -> None:
    factory = HttpFactory(
        OFFLINE, log_path=tmp_path / "network.log", transport=httpx.MockTransport(no_network)
    )
    with pytest.raises(KeychainUnavailable, match="none is available on this computer"):
        Session(OFFLINE, factory, stay_signed_in=True)
    assert not cache_path().exists()


def test_sign_out_wipes_a_saved_sign_in_without_any_network(
    offline_session: Session, memory_keyring: InMemoryKeyring
) -> None:
    offline_session.set_stay_signed_in(True)
    assert cache_path().exists()
    assert (KEYCHAIN_SERVICE, KEYCHAIN_ENTRY) in memory_keyring.secrets
    offline_session.sign_out()
    assert not cache_path().exists()
    assert memory_keyring.secrets == {}
    assert offline_session.account is None


def test_turning_stay_signed_in_off_deletes_what_was_kept(
    offline_session: Session, memory_keyring: InMemoryKeyring
) -> None:
    offline_session.set_stay_signed_in(True)
    assert offline_session.stay_signed_in
    offline_session.set_stay_signed_in(False)
    assert not offline_session.stay_signed_in
    assert not cache_path().exists()
    assert memory_keyring.secrets == {}


# --- end to end: the real msal library over real HTTPS against the sandbox -------------------------


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh sandbox tenant on loopback."""
    with Sandbox() as running:
        yield running


@contextmanager
def connect(sandbox: Sandbox, *, stay_signed_in: bool = False) -> Iterator[tuple[Session, HttpFactory]]:
    """The app's own wiring for the sandbox tenant: its config file, the HTTP factory, a session."""
    config = load_tenant_config(sandbox.tenant_config_path)
    factory = HttpFactory(config)
    with Session(config, factory, stay_signed_in=stay_signed_in) as session:
        yield session, factory


def approve(sandbox: Sandbox) -> Callable[[DeviceCodePrompt], None]:
    """A user who enters the code on their phone and accepts at once."""
    return lambda prompt: sandbox.approve_device_code(prompt.user_code)


def who_am_i(session: Session, factory: HttpFactory) -> str:
    """GET /me through the app's Graph client with the session as its token provider."""
    with factory.client() as http:
        graph = GraphClient(http, factory.config.graph_url, session, factory=factory, sleep=lambda _: None)
        return str(graph.get("/me", params={"$select": "userPrincipalName"})["userPrincipalName"])


ADA = Account(
    username=DEMO_USER,
    display_name="Ada Lovelace",
    tenant_id=TENANT_ID,
    home_account_id=f"{DEMO_USER_ID}.{TENANT_ID}",
)


@pytest.mark.e2e
def test_device_code_sign_in_gets_exactly_the_designed_scopes(sandbox: Sandbox) -> None:
    prompts: list[DeviceCodePrompt] = []

    def show(prompt: DeviceCodePrompt) -> None:
        prompts.append(prompt)
        sandbox.approve_device_code(prompt.user_code)

    with connect(sandbox) as (session, factory):
        assert session.sign_in_device_code(show) == ADA
        assert session.account == ADA
        grant = sandbox.tokens.check(session.access_token())
        assert who_am_i(session, factory) == DEMO_USER
    assert grant is not None
    assert grant.scopes == set(SCOPES)  # test_scopes pins SCOPES to the designed list
    assert prompts[0].verification_uri.startswith(sandbox.authority_url.rsplit("/", 1)[0])
    assert prompts[0].user_code in prompts[0].message


@pytest.mark.e2e
def test_device_code_approved_while_the_app_polls() -> None:
    # time_scale shortens the sandbox's poll interval to one second.
    with Sandbox(time_scale=0.2) as sandbox, connect(sandbox) as (session, _):
        on_prompt = lambda prompt: threading.Timer(  # noqa: E731
            0.3, sandbox.approve_device_code, args=(prompt.user_code,)
        ).start()
        assert session.sign_in_device_code(on_prompt) == ADA


@pytest.mark.e2e
def test_a_declined_device_code_says_so(sandbox: Sandbox) -> None:
    with connect(sandbox) as (session, _), pytest.raises(AuthError, match="Sign-in was declined") as caught:
        session.sign_in_device_code(lambda prompt: sandbox.deny_device_code(prompt.user_code))
    assert caught.value.code == "authorization_declined"
    assert session.account is None


@pytest.mark.e2e
def test_an_expired_device_code_says_to_start_again(sandbox: Sandbox) -> None:
    def let_it_expire(prompt: DeviceCodePrompt) -> None:
        sandbox.tokens.clock = lambda: time.time() + prompt.expires_in + 1

    with connect(sandbox) as (session, _), pytest.raises(AuthError, match="code expired") as caught:
        session.sign_in_device_code(let_it_expire)
    assert caught.value.code == "expired_token"


@pytest.mark.e2e
def test_a_device_code_sign_in_is_cancelled_from_another_thread(sandbox: Sandbox) -> None:
    cancel = threading.Event()
    started = time.monotonic()
    with connect(sandbox) as (session, _), pytest.raises(AuthError, match="cancelled") as caught:
        session.sign_in_device_code(lambda prompt: threading.Timer(0.2, cancel.set).start(), cancel=cancel)
    assert caught.value.code == "cancelled"
    assert time.monotonic() - started < 3
    assert session.account is None


@pytest.mark.e2e
def test_interactive_sign_in_through_the_browser(sandbox: Sandbox) -> None:
    browser = sandbox.browser()
    with connect(sandbox) as (session, factory):
        assert session.sign_in_interactive(open_browser=browser.open, timeout=20) == ADA
        browser.wait()
        assert who_am_i(session, factory) == DEMO_USER


@pytest.mark.e2e
def test_interactive_sign_in_declined_in_the_browser(sandbox: Sandbox) -> None:
    browser = sandbox.browser(decline=True)
    with connect(sandbox) as (session, _), pytest.raises(AuthError, match="refused in the browser") as caught:
        session.sign_in_interactive(open_browser=browser.open, timeout=20)
    browser.wait()
    assert caught.value.code == "access_denied"


@pytest.mark.e2e
def test_without_a_browser_interactive_sign_in_points_to_the_code(sandbox: Sandbox) -> None:
    with connect(sandbox) as (session, _), pytest.raises(AuthError, match="Sign in with a code instead"):
        session.sign_in_interactive(open_browser=lambda url: False, timeout=5)


@pytest.mark.e2e
def test_an_unregistered_app_is_told_to_ask_it(sandbox: Sandbox, tmp_path: Path) -> None:
    config = replace(load_tenant_config(sandbox.tenant_config_path), client_id=str(uuid.uuid4()))
    factory = HttpFactory(config)
    with Session(config, factory) as session, pytest.raises(AuthError, match="not registered") as caught:
        session.sign_in_device_code(approve(sandbox))
    assert caught.value.code in {"unauthorized_client", "invalid_client"}


@pytest.mark.e2e
def test_an_unknown_tenant_names_the_authority(sandbox: Sandbox) -> None:
    base = load_tenant_config(sandbox.tenant_config_path)
    config = replace(base, authority=base.authority.replace("/organizations", "/no-such-tenant"))
    with (
        Session(config, HttpFactory(config)) as session,
        pytest.raises(AuthError, match="no-such-tenant gave an answer the app cannot use") as caught,
    ):
        session.sign_in_device_code(approve(sandbox))
    assert caught.value.code == "unusable_answer"


def test_an_unreachable_authority_is_a_network_error(tmp_path: Path) -> None:
    (tmp_path / "sandbox").mkdir()
    with Sandbox(data_dir=tmp_path / "sandbox") as stopped:  # keeps its CA file after stopping
        config = load_tenant_config(stopped.tenant_config_path)
    with (
        Session(config, HttpFactory(config)) as session,
        pytest.raises(NetworkError, match=r"connect to 127\.0\.0\.1"),
    ):
        session.sign_in_silent()


@pytest.mark.e2e
def test_stay_signed_in_lets_a_new_session_sign_in_silently(
    sandbox: Sandbox, memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    with connect(sandbox, stay_signed_in=True) as (session, _):
        session.sign_in_device_code(approve(sandbox))
    assert (data_dir / "token_cache.bin").exists()
    with connect(sandbox, stay_signed_in=True) as (later, factory):
        assert later.sign_in_silent() == ADA
        assert who_am_i(later, factory) == DEMO_USER


@pytest.mark.e2e
def test_without_stay_signed_in_nothing_is_kept(
    sandbox: Sandbox, memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    with connect(sandbox) as (session, factory):
        session.sign_in_device_code(approve(sandbox))
        who_am_i(session, factory)
    assert not (data_dir / "token_cache.bin").exists()
    assert memory_keyring.secrets == {}
    with connect(sandbox) as (later, _):
        assert later.sign_in_silent() is None
        with pytest.raises(SignInRequired):
            later.access_token()


@pytest.mark.e2e
def test_an_access_token_that_expired_at_the_server_is_refreshed(sandbox: Sandbox) -> None:
    with connect(sandbox) as (session, factory):
        session.sign_in_device_code(approve(sandbox))
        first = session.access_token()
        sandbox.tokens.expire_access_tokens()
        assert who_am_i(session, factory) == DEMO_USER  # Graph said 401, the client refreshed once
        assert session.access_token() != first


@pytest.mark.e2e
def test_short_lived_tokens_are_refreshed_and_the_rotated_refresh_token_is_kept(
    memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    # msal renews an access token with less than five minutes left, so each call here refreshes.
    with Sandbox(access_token_lifetime=60) as sandbox:
        with connect(sandbox, stay_signed_in=True) as (session, factory):
            session.sign_in_device_code(approve(sandbox))
            saved = (data_dir / "token_cache.bin").read_bytes()
            tokens = {session.access_token() for _ in range(3)}
            assert len(tokens) == 3
            assert who_am_i(session, factory) == DEMO_USER
            assert (data_dir / "token_cache.bin").read_bytes() != saved
        # The first refresh token was spent: only the kept, rotated one still works.
        with connect(sandbox, stay_signed_in=True) as (later, factory):
            assert later.sign_in_silent() == ADA
            assert who_am_i(later, factory) == DEMO_USER


@pytest.mark.e2e
def test_concurrent_refreshes_never_spend_the_same_refresh_token_twice() -> None:
    with Sandbox(access_token_lifetime=60) as sandbox, connect(sandbox) as (session, _):
        session.sign_in_device_code(approve(sandbox))
        with ThreadPoolExecutor(max_workers=4) as pool:
            tokens = list(pool.map(lambda _: session.access_token(), range(12)))
        assert all(sandbox.tokens.check(token) is not None for token in tokens)
        assert len(set(tokens)) == 12


@pytest.mark.e2e
def test_a_revoked_refresh_token_asks_to_sign_in_again(sandbox: Sandbox) -> None:
    with connect(sandbox) as (session, factory):
        session.sign_in_device_code(approve(sandbox))
        sandbox.tokens.revoke_user(DEMO_USER_ID)
        with pytest.raises(SignInRequired, match="Please sign in again") as caught:
            who_am_i(session, factory)
        assert caught.value.code == "invalid_grant"
        assert session.account is None
        with pytest.raises(SignInRequired, match="not signed in"):
            session.access_token()
        assert session.sign_in_device_code(approve(sandbox)) == ADA


@pytest.mark.e2e
def test_a_kept_sign_in_that_was_revoked_asks_to_sign_in_again(
    sandbox: Sandbox, memory_keyring: InMemoryKeyring
) -> None:
    with connect(sandbox, stay_signed_in=True) as (session, _):
        session.sign_in_device_code(approve(sandbox))
    sandbox.tokens.revoke_user(DEMO_USER_ID)
    sandbox.tokens.expire_access_tokens()
    with connect(sandbox, stay_signed_in=True) as (later, factory):
        # msal trusts its cached access token until Graph refuses it; then the refresh is refused.
        assert later.sign_in_silent() == ADA
        with pytest.raises(SignInRequired, match="Please sign in again"):
            who_am_i(later, factory)
        assert later.account is None
    with connect(sandbox, stay_signed_in=True) as (third, _):
        assert third.sign_in_silent() is None


@pytest.mark.e2e
def test_sign_out_forgets_everything(
    sandbox: Sandbox, memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    with connect(sandbox, stay_signed_in=True) as (session, _):
        session.sign_in_device_code(approve(sandbox))
        session.sign_out()
        assert session.account is None
        with pytest.raises(SignInRequired):
            session.access_token()
    assert not (data_dir / "token_cache.bin").exists()
    assert memory_keyring.secrets == {}
    with connect(sandbox, stay_signed_in=True) as (later, _):
        assert later.sign_in_silent() is None
        # Signing in again after a sign-out is kept again, under a new key.
        later.sign_in_device_code(approve(sandbox))
    with connect(sandbox, stay_signed_in=True) as (third, _):
        assert third.sign_in_silent() == ADA


@pytest.mark.e2e
def test_no_token_or_cache_reaches_the_data_folder_or_a_log_in_plain_text(
    sandbox: Sandbox, memory_keyring: InMemoryKeyring, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = record_issued_tokens(sandbox, monkeypatch)
    # The app's log as the desktop app writes it: everything down to DEBUG (msal, httpx, ours),
    # through the redacting filter.
    root = logging.getLogger()
    handler = logging.FileHandler(paths.log_dir() / "app.log", encoding="utf-8")
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    redactor = logfilter.install(root)
    try:
        with connect(sandbox, stay_signed_in=True) as (session, factory):
            session.sign_in_device_code(approve(sandbox))
            browser = sandbox.browser()
            session.sign_in_interactive(open_browser=browser.open, timeout=20)
            browser.wait()
            sandbox.tokens.expire_access_tokens()
            assert who_am_i(session, factory) == DEMO_USER
            id_tokens = [
                entry["secret"] for entry in session._cache.search(msal.TokenCache.CredentialType.ID_TOKEN)
            ]
    finally:
        root.removeHandler(handler)
        root.removeFilter(redactor)
        root.setLevel(previous_level)
        handler.close()

    files = {
        path.relative_to(data_dir).as_posix(): path.read_bytes()
        for path in data_dir.rglob("*")
        if path.is_file()
    }
    assert {"token_cache.bin", "logs/network.log", "logs/app.log"} <= files.keys()
    assert b"/oauth2/v2.0/token" in files["logs/network.log"]
    assert len(issued) >= 6
    assert id_tokens
    secrets = [token.encode() for token in [*issued, *id_tokens]]
    for name, content in files.items():
        for secret in secrets:
            assert secret not in content, f"a token is readable in {name}"
    # The cache file is one Fernet token (base64, so a short marker may occur in it by chance).
    assert re.fullmatch(rb"gAAAAA[A-Za-z0-9_-]+=*", files.pop("token_cache.bin"))
    for name, content in files.items():
        for marker in (b"RefreshToken", b"credential_type", b"eyJ", b"Bearer at."):
            assert marker not in content, f"{marker!r} is readable in {name}"
