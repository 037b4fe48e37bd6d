"""The real msal library signs in against the sandbox authority over HTTPS: every flow the app uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import msal
import pytest

from securemailmerge.errors import AuthError
from securemailmerge.sandbox.browser import HeadlessBrowser, as_default_browser
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER, DEMO_USER_ID, SALES
from tests.helpers import Served, serve_authority

SCOPES = ["User.Read", "Mail.Send"]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    yield from serve_authority(tmp_path)


def test_device_code_approved_signs_in_ada_with_the_scopes_asked(served: Served) -> None:
    app = served.app()
    flow = app.initiate_device_flow(scopes=SCOPES)
    assert flow["user_code"] in flow["message"]
    assert flow["verification_uri"] == f"{served.url}/devicelogin"
    served.authority.decide_device_code(flow["user_code"], DEMO_USER)

    result = app.acquire_token_by_device_flow(flow)

    assert "error" not in result, result
    assert result["id_token_claims"]["preferred_username"] == DEMO_USER
    assert result["id_token_claims"]["iss"] == served.authority.issuer
    assert result["id_token_claims"]["aud"] == CLIENT_ID
    grant = served.tokens.check(result["access_token"])
    assert grant is not None
    assert grant.scopes == frozenset(SCOPES)
    assert [a["username"] for a in app.get_accounts()] == [DEMO_USER]


def _decline(served: Served, user_code: str) -> None:
    served.authority.decide_device_code(user_code, None)


def _let_expire(served: Served, user_code: str) -> None:
    served.clock.now += 901  # device codes live 900 seconds


@pytest.mark.parametrize(
    ("happen", "error"),
    [(_decline, "authorization_declined"), (_let_expire, "expired_token")],
    ids=["declined", "expired"],
)
def test_device_code_declined_or_expired_stops_msal_with_the_services_error(
    served: Served, happen: Callable[[Served, str], None], error: str
) -> None:
    app = served.app()
    flow = app.initiate_device_flow(scopes=SCOPES)
    happen(served, flow["user_code"])

    result = app.acquire_token_by_device_flow(flow)

    assert result["error"] == error
    assert "access_token" not in result
    assert app.get_accounts() == []


def test_device_code_not_yet_approved_keeps_msal_polling(served: Served) -> None:
    app = served.app()
    flow = app.initiate_device_flow(scopes=SCOPES)

    result = app.acquire_token_by_device_flow(flow, exit_condition=lambda flow: True)

    assert result["error"] == "authorization_pending"


def test_unknown_client_id_is_refused_as_entra_does(served: Served) -> None:
    flow = served.app("00000000-1111-2222-3333-444444444444").initiate_device_flow(scopes=SCOPES)

    assert flow["error"] == "unauthorized_client"
    assert "AADSTS700016" in flow["error_description"]


def test_interactive_sign_in_through_the_headless_browser(served: Served) -> None:
    app = served.app()
    browser = HeadlessBrowser(served.ca_file)

    with as_default_browser(browser):
        result = app.acquire_token_interactive(SCOPES, timeout=10)
    browser.wait()

    assert "error" not in result, result
    assert result["id_token_claims"]["oid"] == DEMO_USER_ID
    assert [a["username"] for a in app.get_accounts()] == [DEMO_USER]


def test_interactive_sign_in_declined_reaches_msal_as_access_denied(served: Served) -> None:
    with as_default_browser(HeadlessBrowser(served.ca_file, decline=True)):
        result = served.app().acquire_token_interactive(SCOPES, timeout=10)

    assert result["error"] == "access_denied"
    assert "AADSTS65004" in result["error_description"]


def test_auth_code_flow_pair_returns_tokens_with_the_nonce_echoed(served: Served) -> None:
    app = served.app()
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri="http://localhost", response_mode="form_post")
    answer = HeadlessBrowser(served.ca_file).authorize(flow["auth_uri"])

    result = app.acquire_token_by_auth_code_flow(flow, answer)

    assert "error" not in result, result
    assert set(answer) == {"code", "state", "client_info", "session_state"}
    assert result["id_token_claims"]["nonce"]  # msal itself raises when it does not match its own


def test_a_wrong_pkce_verifier_is_rejected(served: Served) -> None:
    app = served.app()
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri="http://localhost", response_mode="form_post")
    answer = HeadlessBrowser(served.ca_file).authorize(flow["auth_uri"])
    flow["code_verifier"] = "x" * 43

    result = app.acquire_token_by_auth_code_flow(flow, answer)

    assert result["error"] == "invalid_grant"
    assert "AADSTS501481" in result["error_description"]


def test_the_browser_cannot_sign_in_as_a_shared_mailbox(served: Served) -> None:
    app = served.app()
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri="http://localhost", response_mode="form_post")

    with pytest.raises(AuthError, match="AADSTS50057"):
        HeadlessBrowser(served.ca_file, upn=SALES).authorize(flow["auth_uri"])


def _signed_in(served: Served) -> tuple[msal.PublicClientApplication, dict[str, object]]:
    app = served.app()
    flow = app.initiate_device_flow(scopes=SCOPES)
    served.authority.decide_device_code(flow["user_code"], DEMO_USER)
    result = app.acquire_token_by_device_flow(flow)
    assert "access_token" in result, result
    return app, result


def test_silent_sign_in_is_served_from_msals_cache(served: Served) -> None:
    app, first = _signed_in(served)

    again = app.acquire_token_silent(SCOPES, account=app.get_accounts()[0])

    assert again is not None
    assert again["token_source"] == "cache"
    assert again["access_token"] == first["access_token"]


def test_an_expired_access_token_is_refreshed_silently(served: Served) -> None:
    app, first = _signed_in(served)
    served.clock.now += 3601
    assert served.tokens.check(str(first["access_token"])) is None

    # msal judges expiry with the real clock; force_refresh makes it use the refresh token now.
    again = app.acquire_token_silent_with_error(SCOPES, account=app.get_accounts()[0], force_refresh=True)

    assert again is not None
    assert again["token_source"] == "identity_provider"
    assert served.tokens.check(again["access_token"]) is not None


def test_short_lived_access_tokens_make_msal_refresh_on_its_own(served: Served) -> None:
    served.tokens.access_lifetime = 60  # under msal's 5-minute margin: every silent call refreshes
    app, first = _signed_in(served)

    again = app.acquire_token_silent(SCOPES, account=app.get_accounts()[0])

    assert again is not None
    assert again["token_source"] == "identity_provider"
    assert again["access_token"] != first["access_token"]
    assert again["expires_in"] == 60


def test_a_revoked_refresh_token_surfaces_invalid_grant(served: Served) -> None:
    app, _ = _signed_in(served)
    served.tokens.revoke_user(DEMO_USER_ID)

    result = app.acquire_token_silent_with_error(SCOPES, account=app.get_accounts()[0], force_refresh=True)

    assert result is not None
    assert result["error"] == "invalid_grant"
