"""The HTTP factory reaches only the tenant's hosts, verifies TLS, and logs every request without secrets."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import msal
import pytest
from werkzeug.wrappers import Request, Response

from securemailmerge.errors import AuthError, ConfigError, HostNotAllowed, InputError, NetworkError
from securemailmerge.m365.net import HttpFactory, NetworkLog, Purpose, mask_path
from securemailmerge.m365.tenant import TenantConfig, load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.certs import create_certificates
from securemailmerge.sandbox.directory import DEMO_USER
from securemailmerge.sandbox.server import LoopbackServer, serve

MICROSOFT = TenantConfig(client_id="11111111-2222-3333-4444-555555555555")
TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl"
ADDRESS = "ada.lovelace@contoso.com"
GRAPH_ID = "AAMkAGI2TG93AAA-ZjYtNDJhZC05ZGVlLTBlZTNjMzM0NWZhZQBGAAAAAAD8cHdJ7AAA="


class Recorder:
    """A MockTransport handler that answers 200 and remembers what reached the network."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = answer or (lambda request: httpx.Response(200, json={"ok": True}))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)


def make_factory(tmp_path: Path, recorder: Recorder, config: TenantConfig = MICROSOFT) -> HttpFactory:
    return HttpFactory(config, log_path=tmp_path / "network.log", transport=httpx.MockTransport(recorder))


SIGN_IN_URL = "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration"
LICENSE_URL = "https://license.securemailmerge.com/api/license"


@pytest.mark.parametrize(
    ("purpose", "url", "allowed"),
    [
        (Purpose.GRAPH, "https://graph.microsoft.com/v1.0/me", True),
        (Purpose.SIGN_IN, SIGN_IN_URL, True),
        (Purpose.LICENSE, LICENSE_URL, True),
        (Purpose.GRAPH, "https://GRAPH.microsoft.com:443/v1.0/me", True),
        (Purpose.GRAPH, "https://evil.example.com/collect", False),
        (Purpose.GRAPH, "http://graph.microsoft.com/v1.0/me", False),
        (Purpose.GRAPH, "https://graph.microsoft.com:8443/v1.0/me", False),
        (Purpose.GRAPH, "https://graph.microsoft.com.evil.example/v1.0/me", False),
        (Purpose.GRAPH, "https://outlook.office.com/api/v2.0/upload", False),
        # Each purpose reaches its own host only.
        (Purpose.GRAPH, SIGN_IN_URL, False),
        (Purpose.GRAPH, LICENSE_URL, False),
        (Purpose.SIGN_IN, "https://graph.microsoft.com/v1.0/me", False),
        (Purpose.SIGN_IN, LICENSE_URL, False),
        (Purpose.LICENSE, "https://graph.microsoft.com/v1.0/me", False),
        (Purpose.LICENSE, SIGN_IN_URL, False),
    ],
)
def test_only_the_tenants_hosts_are_reached(
    tmp_path: Path, purpose: Purpose, url: str, allowed: bool
) -> None:
    recorder = Recorder()
    factory = make_factory(tmp_path, recorder)
    with factory.client(purpose) as client:
        if allowed:
            assert client.get(url).status_code == 200
        else:
            with pytest.raises(HostNotAllowed) as caught:
                client.get(url)
            assert httpx.URL(url).host in str(caught.value)
    assert len(recorder.requests) == (1 if allowed else 0)
    (entry,) = factory.log.entries()
    assert entry["status"] == (200 if allowed else "refused")


def loopback_tenant(scheme: str, license_port: int = 9003) -> TenantConfig:
    """A tenant on this computer: sign-in on port 9001, Graph on 9002, the license on ``license_port``."""
    return TenantConfig(
        client_id="x",
        authority=f"{scheme}://127.0.0.1:9001/organizations",
        graph_url=f"{scheme}://127.0.0.1:9002/v1.0",
        license_url=f"{scheme}://127.0.0.1:{license_port}/api/license",
    )


def test_plain_http_is_allowed_for_loopback_only(tmp_path: Path) -> None:
    config = loopback_tenant("http")
    recorder = Recorder()
    with make_factory(tmp_path, recorder, config).client() as client:
        assert client.get("http://127.0.0.1:9002/v1.0/me").status_code == 200
        with pytest.raises(HostNotAllowed):
            client.get("http://127.0.0.1:9999/v1.0/me")
    assert [str(r.url) for r in recorder.requests] == ["http://127.0.0.1:9002/v1.0/me"]


def test_upload_host_is_reachable_only_after_an_upload_session_names_it(tmp_path: Path) -> None:
    upload = "https://outlook.office.com/api/v2.0/Users('a@b.com')/AttachmentSessions('x')?authtoken=k"
    recorder = Recorder()
    factory = make_factory(tmp_path, recorder)
    with factory.client() as client:
        with pytest.raises(HostNotAllowed):
            client.put(upload, content=b"data")
        factory.allow_upload_url(upload)
        assert client.put(upload, content=b"data").status_code == 200
        with pytest.raises(HostNotAllowed, match="token"):
            client.put(upload, content=b"data", headers={"Authorization": f"Bearer {TOKEN}"})
    assert len(recorder.requests) == 1
    assert factory.is_upload_url(upload)
    assert not factory.is_upload_url(upload + "x")


@pytest.mark.parametrize("purpose", [Purpose.SIGN_IN, Purpose.LICENSE])
def test_only_graph_requests_carry_a_token(tmp_path: Path, purpose: Purpose) -> None:
    recorder = Recorder()
    factory = make_factory(tmp_path, recorder)
    url = SIGN_IN_URL if purpose is Purpose.SIGN_IN else LICENSE_URL
    with factory.client(purpose) as client, pytest.raises(HostNotAllowed, match="token"):
        client.get(url, headers={"Authorization": f"Bearer {TOKEN}"})
    assert recorder.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "https://outlook.office.com/api/v2.0/Users('a@b.com')/Messages('m')/AttachmentSessions('x')?authtoken=k",
        "https://outlook.office365.com/api/gv1.0/users('a')/messages('m')/AttachmentSessions('x')",
        "https://outlook.office365.us/api/v2.0/AttachmentSessions('x')",
        "https://partner.outlook.cn/api/v2.0/AttachmentSessions('x')",
        "https://graph.microsoft.com/v1.0/upload/x",
        "https://uploads.microsoft.com/session/x",  # the Graph host's own domain
    ],
)
def test_upload_urls_on_microsoft_365_upload_hosts_are_accepted(tmp_path: Path, url: str) -> None:
    factory = make_factory(tmp_path, Recorder())
    factory.allow_upload_url(url)
    assert factory.is_upload_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/upload",
        "https://outlook.office.com.evil.example/upload",
        "https://microsoft.com.evil.example/upload",
        "https://login.microsoftonline.com/organizations/upload",
        "https://license.securemailmerge.com/api/license",
    ],
)
def test_an_upload_url_a_graph_answer_names_elsewhere_is_refused(tmp_path: Path, url: str) -> None:
    recorder = Recorder()
    factory = make_factory(tmp_path, recorder)
    with pytest.raises(HostNotAllowed, match="is not an upload host of Microsoft 365"):
        factory.allow_upload_url(url)
    with factory.client() as client, pytest.raises(HostNotAllowed):
        client.put(url, content=b"the user's file")
    assert recorder.requests == []


def test_the_sandbox_upload_host_on_loopback_is_accepted_but_not_its_license_host(tmp_path: Path) -> None:
    config = loopback_tenant("https", license_port=9004)
    recorder = Recorder()
    factory = make_factory(tmp_path, recorder, config)
    factory.allow_upload_url("https://127.0.0.1:9003/upload/abc?key=k")
    for refused in (
        "https://127.0.0.1:9004/api/license",
        "https://127.0.0.1:9001/upload",
        "https://10.0.0.1/u",
    ):
        with pytest.raises(HostNotAllowed):
            factory.allow_upload_url(refused)
    with factory.client() as client:
        assert client.put("https://127.0.0.1:9003/upload/abc?key=k", content=b"x").status_code == 200
    assert len(recorder.requests) == 1


def test_an_upload_url_without_https_is_refused(tmp_path: Path) -> None:
    factory = make_factory(tmp_path, Recorder())
    with pytest.raises(HostNotAllowed, match="HTTPS"):
        factory.allow_upload_url("http://outlook.office.com/upload")


def test_a_redirect_is_never_followed_to_another_host(tmp_path: Path) -> None:
    recorder = Recorder(
        lambda request: (
            httpx.Response(302, headers={"Location": "https://evil.example.com/steal"})
            if request.url.host == "graph.microsoft.com"
            else httpx.Response(200)
        )
    )
    with make_factory(tmp_path, recorder).client() as client:
        assert client.get("https://graph.microsoft.com/v1.0/me").status_code == 302
        with pytest.raises(HostNotAllowed):
            client.get("https://graph.microsoft.com/v1.0/me", follow_redirects=True)
    assert {r.url.host for r in recorder.requests} == {"graph.microsoft.com"}


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "Could not connect to graph.microsoft.com"),
        (httpx.ReadTimeout("timed out"), "graph.microsoft.com did not answer in time"),
        (
            httpx.RemoteProtocolError("peer closed connection"),
            "connection to graph.microsoft.com was interrupted",
        ),
    ],
)
def test_transport_errors_become_network_errors(tmp_path: Path, error: Exception, message: str) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    factory = make_factory(tmp_path, Recorder(fail))
    with factory.client() as client, pytest.raises(NetworkError, match=message) as caught:
        client.get("https://graph.microsoft.com/v1.0/me")
    assert type(caught.value) is NetworkError
    assert caught.value.host == "graph.microsoft.com"
    (entry,) = factory.log.entries()
    assert (entry["status"], entry["error"]) == ("error", type(error).__name__)


@pytest.mark.parametrize(
    ("path", "masked"),
    [
        ("/v1.0/me/contacts", "/v1.0/me/contacts"),
        (f"/v1.0/users/{ADDRESS}/contacts", "/v1.0/users/{user}/contacts"),
        ("/v1.0/users/6f1c2a4e-1b2c-4d5e-8f90-123456789abc", "/v1.0/users/{user}"),
        (f"/v1.0/me/messages/{GRAPH_ID}/attachments", "/v1.0/me/messages/{id}/attachments"),
        (
            "/v1.0/me/contactFolders/AQMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAuAAAD/childFolders",
            "/v1.0/me/contactFolders/{id}/childFolders",
        ),
        (
            "/v1.0/me/outlook/masterCategories/6f1c2a4e-1b2c-4d5e-8f90-123456789abc",
            "/v1.0/me/outlook/masterCategories/{id}",
        ),
        ("/v1.0/me/mailFolders/drafts/messages", "/v1.0/me/mailFolders/drafts/messages"),
        ("/api/v2.0/Users('oid@tid')/AttachmentSessions('AAMkAGI2')", "/api/v2.0/{id}/{id}"),
        ("/9188040d-6c67-4c5b-b112-36a304b66dad/oauth2/v2.0/token", "/{id}/oauth2/v2.0/token"),
        (
            "/organizations/v2.0/.well-known/openid-configuration",
            "/organizations/v2.0/.well-known/openid-configuration",
        ),
        ("/v1.0/$batch", "/v1.0/$batch"),
        (f"/v1.0/me/messages/{GRAPH_ID}/$value", "/v1.0/me/messages/{id}/$value"),
        ("/v1.0/me/messages/msg-00042", "/v1.0/me/messages/{id}"),
    ],
)
def test_paths_are_logged_with_ids_and_addresses_masked(path: str, masked: str) -> None:
    assert mask_path(path) == masked


def test_the_network_log_holds_no_token_address_body_or_query_value(tmp_path: Path) -> None:
    answer = json.dumps({"id": GRAPH_ID, "from": ADDRESS}).encode()
    recorder = Recorder(lambda request: httpx.Response(201, content=answer, headers={"request-id": "req-42"}))
    factory = make_factory(tmp_path, recorder)
    url = f"https://graph.microsoft.com/v1.0/users/{ADDRESS}/messages"
    body = json.dumps({"subject": "Secret plans", "toRecipients": [ADDRESS]}).encode()
    params = {"$filter": f"from/emailAddress/address eq '{ADDRESS}'", "$select": "subject,body"}
    headers = {"Authorization": f"Bearer {TOKEN}", "client-request-id": "crid-7"}
    with factory.client() as client:
        client.post(url, params=params, content=body, headers=headers)
    text = factory.network_log_path.read_text("utf-8")
    for secret in (TOKEN, ADDRESS, "Secret plans", "subject,body", "emailAddress", GRAPH_ID, "ada"):
        assert secret not in text
    (entry,) = factory.log.entries()
    assert entry["method"] == "POST"
    assert entry["host"] == "graph.microsoft.com"
    assert entry["path"] == "/v1.0/users/{user}/messages"
    assert entry["query"] == ["$filter", "$select"]
    assert entry["status"] == 201
    assert entry["request_bytes"] == len(body)
    assert entry["response_bytes"] == len(answer)
    assert (entry["request_id"], entry["client_request_id"]) == ("req-42", "crid-7")
    assert isinstance(entry["duration_ms"], int)
    assert entry["time"].endswith("+00:00")


def test_the_network_log_rotates_and_exports_every_kept_file_oldest_first(tmp_path: Path) -> None:
    log = NetworkLog(tmp_path / "network.log", max_bytes=200, backups=2)
    for number in range(30):
        log.write({"n": number, "padding": "x" * 20})
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["network.log", "network.log.1", "network.log.2"]
    kept = [entry["n"] for entry in log.entries()]
    assert kept == list(range(kept[0], 30))
    assert all(path.stat().st_size <= 200 for path in log.files())
    exported = log.export(tmp_path / "for-it.jsonl")
    assert [json.loads(line)["n"] for line in exported.read_text("utf-8").splitlines()] == kept


def test_exporting_to_an_unusable_place_names_the_file(tmp_path: Path) -> None:
    log = NetworkLog(tmp_path / "network.log")
    log.write({"n": 1})
    target = tmp_path / "missing-folder" / "log.jsonl"
    with pytest.raises(InputError, match="missing-folder") as caught:
        log.export(target)
    assert caught.value.file == str(target)


def test_a_ca_file_is_refused_for_a_real_tenant() -> None:
    config = TenantConfig(client_id="x", ca_file="/tmp/ca.pem")
    with pytest.raises(ConfigError, match="sandbox"):
        HttpFactory(config)


def test_the_log_goes_to_the_apps_log_folder_by_default(data_dir: Path) -> None:
    assert HttpFactory(MICROSOFT).network_log_path == data_dir / "logs" / "network.log"


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LoopbackServer, Path]]:
    """A real HTTPS server on 127.0.0.1 with a throw-away CA."""
    certificates = create_certificates(tmp_path / "certs")

    @Request.application
    def app(request: Request) -> Response:
        return Response(json.dumps({"path": request.path}), content_type="application/json")

    server = serve(app, ssl_context=certificates.server_context())
    yield server, certificates.ca_file
    server.stop()


def loopback_config(url: str, ca_file: Path | None) -> TenantConfig:
    return TenantConfig(
        client_id="x",
        authority=f"{url}/organizations",
        graph_url=f"{url}/v1.0",
        license_url=f"{url}/api/license",
        ca_file=str(ca_file) if ca_file else None,
    )


def test_tls_to_the_sandbox_trusts_its_ca_and_ignores_proxy_settings(
    tmp_path: Path, tls_server: tuple[LoopbackServer, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, ca_file = tls_server
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # the discard port: any use of it fails
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    factory = HttpFactory(loopback_config(server.url, ca_file), log_path=tmp_path / "network.log")
    with factory.client() as client:
        assert client.get(f"{server.url}/v1.0/me").json() == {"path": "/v1.0/me"}
    assert factory.log.entries()[0]["status"] == 200


def test_tls_without_the_sandbox_ca_fails_even_when_other_tools_variables_name_it(
    tmp_path: Path, tls_server: tuple[LoopbackServer, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, ca_file = tls_server
    # requests' and curl's own variables are not the system's trust store. (SSL_CERT_FILE is: it is
    # how OpenSSL's store is configured on Linux, and tests/core/test_proxy.py uses it that way.)
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, str(ca_file))
    factory = HttpFactory(loopback_config(server.url, None), log_path=tmp_path / "network.log")
    with factory.client() as client, pytest.raises(NetworkError, match="CERTIFICATE_VERIFY_FAILED"):
        client.get(f"{server.url}/v1.0/me")


def oidc_answer(request: httpx.Request) -> httpx.Response:
    """Just enough of login.microsoftonline.com for msal to start a device code flow."""
    base = "https://login.microsoftonline.com/organizations"
    if request.url.path.endswith("/openid-configuration"):
        return httpx.Response(
            200,
            json={
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "issuer": "https://login.microsoftonline.com/{tenantid}/v2.0",
            },
            headers={"x-ms-request-id": "aad-1"},
        )
    if request.url.path.endswith("/devicecode"):
        return httpx.Response(
            200,
            json={
                "device_code": "DEVICE-SECRET",
                "user_code": "ABCD-EFGH",
                "verification_uri": "https://microsoft.com/devicelogin",
                "expires_in": 900,
                "interval": 5,
                "message": "Go to the page and enter ABCD-EFGH",
            },
        )
    return httpx.Response(404, json={"error": "not_found"})


def test_real_msal_works_through_the_adapter_and_is_logged(tmp_path: Path) -> None:
    recorder = Recorder(oidc_answer)
    factory = make_factory(tmp_path, recorder)
    app = msal.PublicClientApplication(
        MICROSOFT.client_id, authority=MICROSOFT.authority, http_client=factory.msal_http_client()
    )
    flow = app.initiate_device_flow(scopes=["User.Read"])
    assert flow["user_code"] == "ABCD-EFGH"
    form = dict(httpx.QueryParams(recorder.requests[-1].content.decode()))
    assert form["client_id"] == MICROSOFT.client_id
    assert "User.Read" in form["scope"]
    entries = factory.log.entries()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/organizations/v2.0/.well-known/openid-configuration", 200),
        ("POST", "/organizations/oauth2/v2.0/devicecode", 200),
    ]
    assert entries[0]["request_id"] == "aad-1"
    assert "DEVICE-SECRET" not in factory.network_log_path.read_text("utf-8")


def test_msal_cannot_reach_an_authority_outside_the_allowlist(tmp_path: Path) -> None:
    recorder = Recorder(oidc_answer)
    factory = make_factory(tmp_path, recorder)
    with pytest.raises(HostNotAllowed, match=r"login\.evil\.example"):
        msal.PublicClientApplication(
            MICROSOFT.client_id,
            authority="https://login.evil.example/organizations",
            http_client=factory.msal_http_client(),
            instance_discovery=False,
        )
    assert recorder.requests == []
    assert factory.log.entries()[0]["status"] == "refused"


def test_the_adapters_answers_raise_a_translated_error_on_http_errors(tmp_path: Path) -> None:
    recorder = Recorder(lambda request: httpx.Response(500, text="boom", headers={"Retry-After": "3"}))
    adapter = make_factory(tmp_path, recorder).msal_http_client()
    response = adapter.post(
        MICROSOFT.authority + "/oauth2/v2.0/token", data="grant_type=x", headers={"A": "b"}
    )
    assert (response.status_code, response.text, response.headers["retry-after"]) == (500, "boom", "3")
    with pytest.raises(AuthError, match=r"microsoftonline\.com answered with HTTP status 500") as caught:
        response.raise_for_status()
    assert caught.value.code == "500"
    assert recorder.requests[0].content == b"grant_type=x"
    adapter.close()


@pytest.mark.e2e
def test_e2e_msal_signs_in_against_the_sandbox_through_the_adapter(tmp_path: Path) -> None:
    with Sandbox(auto_approve=True) as sandbox:
        config = load_tenant_config(sandbox.tenant_config_path)
        factory = HttpFactory(config, log_path=tmp_path / "network.log")
        app = msal.PublicClientApplication(
            config.client_id,
            authority=config.authority,
            http_client=factory.msal_http_client(),
            instance_discovery=False,
        )
        result = app.acquire_token_by_device_flow(app.initiate_device_flow(scopes=["User.Read"]))
    assert result["id_token_claims"]["preferred_username"] == DEMO_USER
    entries = factory.log.entries()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/organizations/v2.0/.well-known/openid-configuration", 200),
        ("POST", "/organizations/oauth2/v2.0/devicecode", 200),
        ("POST", "/organizations/oauth2/v2.0/token", 200),
    ]
    assert {e["host"] for e in entries} == {httpx.URL(config.authority).netloc.decode()}
    text = factory.network_log_path.read_text("utf-8")
    for secret in (result["access_token"], result["refresh_token"], result["id_token"], DEMO_USER):
        assert secret not in text


@pytest.mark.e2e
def test_e2e_msals_instance_discovery_at_microsoft_is_refused_for_the_sandbox(tmp_path: Path) -> None:
    with Sandbox() as sandbox:
        config = load_tenant_config(sandbox.tenant_config_path)
        factory = HttpFactory(config, log_path=tmp_path / "network.log")
        with pytest.raises(HostNotAllowed, match=r"login\.microsoftonline\.com"):
            msal.PublicClientApplication(
                config.client_id, authority=config.authority, http_client=factory.msal_http_client()
            )
    assert [(e["host"], e["status"]) for e in factory.log.entries()] == [
        ("login.microsoftonline.com", "refused")
    ]


def test_a_long_log_reads_back_whole_across_the_blocks_it_is_decoded_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines and characters that straddle a block boundary come back exactly as written."""
    monkeypatch.setattr("securemailmerge.m365.net.LINES_BLOCK", 7)
    log = NetworkLog(tmp_path / "network.log")
    entries = [{"path": f"/v1.0/me/contacts/{'ñ€' * n}", "status": 200} for n in range(40)]
    for entry in entries:
        log.write(entry)
    assert [json.loads(line) for line in log.lines()] == entries
