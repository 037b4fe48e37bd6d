"""The sandbox authority's endpoints, driven with plain httpx, answer and fail exactly as Entra's do."""

from __future__ import annotations

import base64
import hashlib
import json
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from securemailmerge.sandbox.directory import (
    BOARD,
    CLIENT_ID,
    DEMO_USER,
    DEMO_USER_ID,
    TENANT_DOMAIN,
    TENANT_ID,
)
from tests.helpers import Served, serve_authority

TOKEN = "/organizations/oauth2/v2.0/token"
DEVICECODE = "/organizations/oauth2/v2.0/devicecode"
AUTHORIZE = "/organizations/oauth2/v2.0/authorize"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
SIGN_IN_SCOPE = "User.Read Mail.Send openid profile offline_access"
VERIFIER = "v" * 43


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    yield from serve_authority(tmp_path)


@pytest.fixture
def client(served: Served) -> Iterator[httpx.Client]:
    context = ssl.create_default_context(cafile=str(served.ca_file))
    with httpx.Client(base_url=served.url, verify=context, trust_env=False) as client:
        yield client


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _device_code(client: httpx.Client, scope: str = SIGN_IN_SCOPE) -> dict[str, Any]:
    response = client.post(DEVICECODE, data={"client_id": CLIENT_ID, "scope": scope})
    assert response.status_code == 200, response.text
    return dict(response.json())


def _poll(client: httpx.Client, device_code: str) -> httpx.Response:
    return client.post(
        TOKEN,
        data={
            "client_id": CLIENT_ID,
            "grant_type": DEVICE_GRANT,
            "device_code": device_code,
            "client_info": "1",
        },
    )


def _signed_in(client: httpx.Client, scope: str = SIGN_IN_SCOPE) -> dict[str, Any]:
    flow = _device_code(client, scope)
    approved = client.post(
        "/_sandbox/devicecode/approve", json={"user_code": flow["user_code"], "upn": DEMO_USER}
    )
    assert approved.status_code == 200, approved.text
    response = _poll(client, flow["device_code"])
    assert response.status_code == 200, response.text
    return dict(response.json())


@pytest.mark.parametrize("tenant", ["organizations", "common", TENANT_ID, TENANT_DOMAIN])
def test_discovery_names_the_tenant_endpoints_and_the_id_tokens_issuer(
    client: httpx.Client, served: Served, tenant: str
) -> None:
    config = client.get(f"/{tenant}/v2.0/.well-known/openid-configuration").json()

    assert config["issuer"] == f"{served.url}/{TENANT_ID}/v2.0"
    assert config["token_endpoint"] == f"{served.url}/{tenant}/oauth2/v2.0/token"
    assert config["authorization_endpoint"] == f"{served.url}/{tenant}/oauth2/v2.0/authorize"
    assert config["device_authorization_endpoint"] == f"{served.url}/{tenant}/oauth2/v2.0/devicecode"
    assert "form_post" in config["response_modes_supported"]


def test_an_unknown_tenant_is_refused_with_entras_error_shape(client: httpx.Client) -> None:
    response = client.get(
        "/fabrikam.example/v2.0/.well-known/openid-configuration", headers={"client-request-id": "corr-1"}
    )

    body = response.json()
    assert response.status_code == 400
    assert body["error"] == "invalid_tenant"
    assert body["error_codes"] == [90002]
    assert body["error_description"].startswith("AADSTS90002: Tenant 'fabrikam.example' not found.")
    assert body["correlation_id"] == "corr-1"
    assert {"timestamp", "trace_id", "error_uri"} <= set(body)


@pytest.mark.parametrize("path", ["/discovery/v2.0/keys", "/organizations/discovery/v2.0/keys"])
def test_id_tokens_are_rs256_signed_with_the_published_key(client: httpx.Client, path: str) -> None:
    tokens = _signed_in(client)
    header, payload, signature = tokens["id_token"].split(".")
    key = client.get(path).json()["keys"][0]
    public = rsa.RSAPublicNumbers(
        int.from_bytes(_b64decode(key["e"]), "big"), int.from_bytes(_b64decode(key["n"]), "big")
    ).public_key()

    public.verify(_b64decode(signature), f"{header}.{payload}".encode(), padding.PKCS1v15(), hashes.SHA256())
    assert json.loads(_b64decode(header)) == {"typ": "JWT", "alg": "RS256", "kid": key["kid"]}
    claims = json.loads(_b64decode(payload))
    assert {claims["oid"], claims["tid"], claims["preferred_username"]} == {
        DEMO_USER_ID,
        TENANT_ID,
        DEMO_USER,
    }
    assert json.loads(_b64decode(tokens["client_info"])) == {"uid": DEMO_USER_ID, "utid": TENANT_ID}


def test_a_device_code_is_pending_then_gives_tokens_once(client: httpx.Client, served: Served) -> None:
    flow = _device_code(client, "https://graph.microsoft.com/Mail.Send openid offline_access")
    pending = _poll(client, flow["device_code"])
    client.post("/_sandbox/devicecode/approve", json={"user_code": flow["user_code"]})
    granted = _poll(client, flow["device_code"])
    again = _poll(client, flow["device_code"])

    assert (pending.status_code, pending.json()["error"]) == (400, "authorization_pending")
    assert granted.json()["scope"] == "https://graph.microsoft.com/Mail.Send openid"
    grant = served.tokens.check(granted.json()["access_token"])
    assert grant is not None
    assert (grant.user_id, grant.scopes) == (DEMO_USER_ID, frozenset({"Mail.Send"}))
    assert again.json()["error"] == "invalid_grant"


def test_auto_approve_signs_the_demo_user_in_at_the_first_poll(client: httpx.Client, served: Served) -> None:
    served.authority.auto_approve = True

    response = _poll(client, _device_code(client)["device_code"])

    assert response.status_code == 200
    assert served.tokens.check(response.json()["access_token"]) is not None


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"user_code": "ABCDEFGHJ"}, 404, "unknown"),
        ({"code": "x"}, 400, "invalid_request"),
        ({"user_code": "{code}", "upn": "nobody@" + TENANT_DOMAIN}, 400, "invalid_user"),
        ({"user_code": "{code}", "upn": BOARD}, 400, "invalid_user"),
    ],
    ids=["unknown-code", "bad-body", "unknown-user", "shared-mailbox"],
)
def test_the_approve_control_endpoint_says_what_is_wrong(
    client: httpx.Client, body: dict[str, str], status: int, error: str
) -> None:
    code = _device_code(client)["user_code"]
    body = {key: value.replace("{code}", code) for key, value in body.items()}

    response = client.post("/_sandbox/devicecode/approve", json=body)

    assert (response.status_code, response.json()["error"]) == (status, error)


def test_a_decided_code_cannot_be_decided_again(client: httpx.Client) -> None:
    flow = _device_code(client)
    denied = client.post("/_sandbox/devicecode/deny", json={"user_code": flow["user_code"]})
    approved = client.post("/_sandbox/devicecode/approve", json={"user_code": flow["user_code"]})

    assert denied.json() == {"user_code": flow["user_code"], "status": "declined"}
    assert (approved.status_code, approved.json()["error"]) == (409, "decided")
    assert _poll(client, flow["device_code"]).json()["error"] == "authorization_declined"


@pytest.mark.parametrize(
    ("form", "status", "error", "code"),
    [
        ({"client_id": CLIENT_ID}, 400, "invalid_request", 900144),
        ({"client_id": CLIENT_ID, "grant_type": "password"}, 400, "unsupported_grant_type", 70003),
        ({"grant_type": "refresh_token"}, 400, "invalid_request", 900144),
        ({"client_id": "not-registered", "grant_type": "refresh_token"}, 400, "unauthorized_client", 700016),
        (
            {"client_id": CLIENT_ID, "client_secret": "s", "grant_type": "refresh_token"},
            401,
            "invalid_client",
            700025,
        ),
        (
            {"client_id": CLIENT_ID, "grant_type": DEVICE_GRANT, "device_code": "nope"},
            400,
            "bad_verification_code",
            70000,
        ),
        (
            {"client_id": CLIENT_ID, "grant_type": "refresh_token", "refresh_token": "rt.nope"},
            400,
            "invalid_grant",
            70008,
        ),
        (
            {"client_id": CLIENT_ID, "grant_type": "authorization_code", "code": "nope"},
            400,
            "invalid_grant",
            70000,
        ),
    ],
    ids=["no-grant", "password", "no-client", "unknown-client", "secret", "device", "refresh", "code"],
)
def test_token_endpoint_errors(
    client: httpx.Client, form: dict[str, str], status: int, error: str, code: int
) -> None:
    response = client.post(TOKEN, data=form)

    assert (response.status_code, response.json()["error"], response.json()["error_codes"]) == (
        status,
        error,
        [code],
    )


def test_an_unknown_scope_is_refused_by_name(client: httpx.Client) -> None:
    response = client.post(DEVICECODE, data={"client_id": CLIENT_ID, "scope": "Mail.Sned openid"})

    assert response.json()["error"] == "invalid_scope"
    assert "The scope Mail.Sned is not valid" in response.json()["error_description"]


def test_refresh_tokens_rotate_and_cannot_widen_consent(client: httpx.Client) -> None:
    first = _signed_in(client)
    refresh = {"client_id": CLIENT_ID, "grant_type": "refresh_token", "scope": "User.Read offline_access"}

    renewed = client.post(TOKEN, data={**refresh, "refresh_token": first["refresh_token"]})
    replayed = client.post(TOKEN, data={**refresh, "refresh_token": first["refresh_token"]})
    widened = client.post(
        TOKEN, data={**refresh, "scope": "Contacts.Read", "refresh_token": renewed.json()["refresh_token"]}
    )

    assert renewed.status_code == 200
    assert renewed.json()["scope"] == "User.Read"
    assert replayed.json()["error"] == "invalid_grant"
    assert (widened.json()["error"], widened.json()["suberror"]) == ("invalid_grant", "consent_required")


def _authorize_params(**changes: str) -> dict[str, str]:
    params = {
        "client_id": CLIENT_ID,
        "response_type": "code",
        "redirect_uri": "http://localhost:5000",
        "scope": SIGN_IN_SCOPE,
        "state": "st4te",
        "response_mode": "query",
        "code_challenge": _challenge(VERIFIER),
        "code_challenge_method": "S256",
    }
    return {key: value for key, value in {**params, **changes}.items() if value}


def _sign_in_query_mode(client: httpx.Client, **changes: str) -> dict[str, list[str]]:
    page = client.get(AUTHORIZE, params=_authorize_params(**changes))
    request_id = page.text.split('name="request_id" value="')[1].split('"')[0]
    answer = client.post(AUTHORIZE, data={"request_id": request_id, "login": DEMO_USER, "action": "accept"})
    assert answer.status_code == 302
    location = urlsplit(answer.headers["location"])
    assert f"{location.scheme}://{location.netloc}" == "http://localhost:5000"
    return parse_qs(location.query)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"client_id": "not-registered"}, "AADSTS700016"),
        ({"redirect_uri": "https://attacker.example/callback"}, "AADSTS50011"),
        ({"redirect_uri": "http://localhost:5000/other/path"}, "AADSTS50011"),
    ],
    ids=["unknown-client", "foreign-redirect", "other-path"],
)
def test_untrustworthy_requests_get_an_error_page_and_no_redirect(
    client: httpx.Client, changes: dict[str, str], fragment: str
) -> None:
    response = client.get(AUTHORIZE, params=_authorize_params(**changes))

    assert response.status_code == 400
    assert fragment in response.text
    assert "location" not in response.headers


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"code_challenge": ""}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": "Mail.Everything"}, "invalid_scope"),
        ({"prompt": "none"}, "login_required"),
    ],
    ids=["no-pkce", "plain-pkce", "implicit", "bad-scope", "prompt-none"],
)
def test_bad_authorization_requests_are_answered_to_the_app(
    client: httpx.Client, changes: dict[str, str], error: str
) -> None:
    response = client.get(AUTHORIZE, params=_authorize_params(**changes))

    answer = parse_qs(urlsplit(response.headers["location"]).query)
    assert response.status_code == 302
    assert (answer["error"], answer["state"]) == ([error], ["st4te"])


def test_query_mode_code_is_redeemed_once_with_its_verifier_and_redirect(client: httpx.Client) -> None:
    answer = _sign_in_query_mode(client)
    redeem = {
        "client_id": CLIENT_ID,
        "grant_type": "authorization_code",
        "code": answer["code"][0],
        "redirect_uri": "http://localhost:5000",
        "code_verifier": VERIFIER,
    }

    wrong_redirect = client.post(TOKEN, data={**redeem, "redirect_uri": "http://localhost:5001"})
    answer = _sign_in_query_mode(client)
    redeem["code"] = answer["code"][0]
    first = client.post(TOKEN, data=redeem)
    second = client.post(TOKEN, data=redeem)

    assert wrong_redirect.json()["error_codes"] == [50011]
    assert answer["state"] == ["st4te"]
    assert first.status_code == 200
    assert second.json()["error_codes"] == [54005]


def test_an_authorization_code_expires_after_ten_minutes(client: httpx.Client, served: Served) -> None:
    answer = _sign_in_query_mode(client)
    served.clock.now += 601

    response = client.post(
        TOKEN,
        data={
            "client_id": CLIENT_ID,
            "grant_type": "authorization_code",
            "code": answer["code"][0],
            "redirect_uri": "http://localhost:5000",
            "code_verifier": VERIFIER,
        },
    )

    assert response.json()["error_codes"] == [70008]


@pytest.mark.parametrize(
    ("login", "action", "shown", "poll_error"),
    [
        (DEMO_USER, "accept", "You have signed in", None),
        (DEMO_USER, "decline", "You declined", "authorization_declined"),
        ("nobody@" + TENANT_DOMAIN, "accept", "AADSTS50034", "authorization_pending"),
    ],
    ids=["accept", "decline", "unknown-user"],
)
def test_a_person_can_answer_a_device_code_on_the_device_login_page(
    client: httpx.Client, login: str, action: str, shown: str, poll_error: str | None
) -> None:
    flow = _device_code(client)
    form = client.get("/devicelogin", params={"otc": flow["user_code"]})

    page = client.post(
        "/devicelogin", data={"user_code": flow["user_code"], "login": login, "action": action}
    )
    polled = _poll(client, flow["device_code"]).json()

    assert f'value="{flow["user_code"]}"' in form.text
    assert shown in page.text
    assert polled.get("error") == poll_error
