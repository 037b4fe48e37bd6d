"""IT's machine-wide tenant configuration: where it lives, that it beats the user's own, what it says."""

from __future__ import annotations

import json
from pathlib import Path, PureWindowsPath
from urllib.parse import parse_qs, urlsplit

import pytest

from securemailmerge import cli, paths
from securemailmerge.errors import ConfigError
from securemailmerge.m365 import SCOPES, TenantConfig, admin_consent_url, find_tenant_config
from securemailmerge.m365.tenant import load_tenant_config

CONFIG = {"client_id": "11111111-2222-3333-4444-555555555555", "tenant": "contoso.onmicrosoft.com"}


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("win32", {"ProgramData": r"D:\ProgramData"}, r"D:\ProgramData\SecureMailMerge"),
        ("win32", {}, r"C:\ProgramData\SecureMailMerge"),
        ("darwin", {}, "/Library/Application Support/SecureMailMerge"),
        ("linux", {}, "/etc/securemailmerge"),
    ],
)
def test_the_machine_wide_folder_of_each_system(
    platform: str, environ: dict[str, str], expected: str
) -> None:
    found = paths.machine_config_dir(platform, environ)
    shown = str(PureWindowsPath(found)) if platform == "win32" else str(found)
    assert shown == expected


def write(path: Path, **changes: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**CONFIG, **changes}), encoding="utf-8")
    return path


@pytest.fixture
def machine(tmp_path: Path) -> Path:
    return tmp_path / "machine" / "tenant.json"  # conftest points SMM_MACHINE_CONFIG_DIR there


@pytest.fixture
def user(data_dir: Path) -> Path:
    return data_dir / "tenant.json"


def test_the_machine_wide_file_wins_over_the_users_own(machine: Path, user: Path) -> None:
    write(user, tenant="fabrikam.onmicrosoft.com")
    write(machine)
    found = find_tenant_config()
    assert found is not None
    assert (found.config.tenant, found.path) == ("contoso.onmicrosoft.com", machine)
    assert found.description == f"{machine} (for every user of this computer, set by your IT department)"


def test_without_a_machine_wide_file_the_users_own_is_used(user: Path) -> None:
    write(user)
    found = find_tenant_config()
    assert found is not None
    assert (found.path, found.description) == (user, f"{user} (your own)")


def test_a_file_named_on_the_command_line_is_used_as_asked(machine: Path, tmp_path: Path) -> None:
    write(machine)
    named = write(tmp_path / "other.json", tenant="fabrikam.onmicrosoft.com")
    found = find_tenant_config(named)
    assert found is not None
    assert (found.config.tenant, found.description) == (
        "fabrikam.onmicrosoft.com",
        f"{named} (given when the app was started)",
    )


def test_no_file_anywhere_means_no_tenant() -> None:
    assert find_tenant_config() is None


def test_a_broken_machine_wide_file_is_an_error_not_a_reason_to_use_the_users(
    machine: Path, user: Path
) -> None:
    write(user)
    machine.parent.mkdir(parents=True)
    machine.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="is not valid JSON") as raised:
        find_tenant_config()
    assert str(machine) in str(raised.value)


@pytest.mark.parametrize("proxy", ["proxy.corp:8080", "ftp://proxy.corp", "http://"])
def test_a_proxy_that_is_no_url_is_named(tmp_path: Path, proxy: str) -> None:
    path = write(tmp_path / "tenant.json", proxy=proxy)
    with pytest.raises(ConfigError) as raised:
        load_tenant_config(path)
    assert str(raised.value) == f"The proxy {proxy} in {path} must look like http://host:port."


def test_the_proxy_setting_is_read(tmp_path: Path) -> None:
    config = load_tenant_config(write(tmp_path / "tenant.json", proxy="http://proxy.corp:8080"))
    assert config.proxy == "http://proxy.corp:8080"


def test_the_admin_consent_link_asks_for_exactly_the_apps_permissions() -> None:
    link = admin_consent_url(TenantConfig(**CONFIG), SCOPES)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent"
    )
    query = parse_qs(parts.query)
    assert query["client_id"] == [CONFIG["client_id"]]
    assert query["redirect_uri"] == ["http://localhost"]
    assert query["scope"][0].split() == [f"https://graph.microsoft.com/{scope}" for scope in SCOPES]


def test_the_admin_consent_link_of_a_national_cloud_names_its_hosts() -> None:
    config = TenantConfig(
        client_id="app",
        authority="https://login.microsoftonline.us/contoso.onmicrosoft.us",
        graph_url="https://graph.microsoft.us/v1.0",
    )
    link = admin_consent_url(config, ("User.Read",))
    assert link.startswith("https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/adminconsent?")
    assert parse_qs(urlsplit(link).query)["scope"] == ["https://graph.microsoft.us/User.Read"]


def test_admin_consent_url_prints_the_link_and_says_which_file(
    capsys: pytest.CaptureFixture[str], machine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SMM_TENANT_CONFIG", raising=False)
    write(machine)
    assert cli.main(["admin-consent-url"]) == 0
    out, err = capsys.readouterr()
    assert out == admin_consent_url(TenantConfig(**CONFIG), SCOPES) + "\n"
    assert err == (
        f"Tenant configuration: {machine} (for every user of this computer, set by your IT department)\n"
    )


def test_tenant_info_shows_the_configuration_in_use(
    capsys: pytest.CaptureFixture[str], user: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SMM_TENANT_CONFIG", raising=False)
    write(user)
    assert cli.main(["tenant-info"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["client_id"] == CONFIG["client_id"]
    assert err == f"Tenant configuration: {user} (your own)\n"
