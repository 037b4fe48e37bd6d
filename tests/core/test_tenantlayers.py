"""Each tenant setting comes from IT's file, the user's own or the default; the user's file is checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from securemailmerge.errors import ConfigError
from securemailmerge.m365 import BUILT_IN, MACHINE, USER, find_tenant_config, save_user_tenant, tenant_layers

CLIENT = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def machine(tmp_path: Path) -> Path:
    return tmp_path / "machine" / "tenant.json"  # conftest points SMM_MACHINE_CONFIG_DIR there


@pytest.fixture
def user(data_dir: Path) -> Path:
    return data_dir / "tenant.json"


def write(path: Path, **values: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")


def test_it_sets_the_client_the_user_adds_a_proxy_and_the_rest_is_default(machine: Path, user: Path) -> None:
    write(machine, client_id=CLIENT, tenant="contoso.onmicrosoft.com")
    write(user, proxy="http://proxy.contoso.com:8080", tenant="fabrikam.onmicrosoft.com")
    layers = tenant_layers()
    origins = {name: layers.origin(name) for name in ("client_id", "tenant", "proxy", "graph_url")}
    assert origins == {"client_id": MACHINE, "tenant": MACHINE, "proxy": USER, "graph_url": BUILT_IN}
    values = layers.values()
    assert values["authority"] == "https://login.microsoftonline.com/contoso.onmicrosoft.com"
    assert values["proxy"] == "http://proxy.contoso.com:8080"
    found = find_tenant_config()
    assert found is not None
    assert (found.config.tenant, found.config.proxy, found.path) == (
        "contoso.onmicrosoft.com",
        "http://proxy.contoso.com:8080",
        machine,
    )


def test_a_bad_value_names_its_field_and_leaves_the_users_file_alone(user: Path) -> None:
    write(user, client_id=CLIENT)
    before = user.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        save_user_tenant({"client_id": CLIENT, "graph_url": "http://graph.microsoft.com/v1.0"})
    assert raised.value.field == "graph_url"
    assert str(raised.value) == (
        f"The setting graph_url in {user} must start with https://: http://graph.microsoft.com/v1.0"
    )
    assert user.read_text(encoding="utf-8") == before
    assert [p.name for p in user.parent.iterdir() if p.name.startswith(".")] == []


def test_what_it_fixed_cannot_be_changed_by_the_user(machine: Path, user: Path) -> None:
    write(machine, client_id=CLIENT)
    with pytest.raises(ConfigError) as raised:
        save_user_tenant({"client_id": "another", "tenant": "fabrikam.onmicrosoft.com"})
    assert raised.value.field == "client_id"
    assert "cannot be changed" in str(raised.value)
    assert not user.exists()


def test_saving_writes_only_the_users_own_values_and_nothing_removes_the_file(
    machine: Path, user: Path
) -> None:
    write(machine, client_id=CLIENT)
    save_user_tenant({"client_id": CLIENT, "tenant": " fabrikam.onmicrosoft.com ", "proxy": ""})
    assert json.loads(user.read_text(encoding="utf-8")) == {"tenant": "fabrikam.onmicrosoft.com"}
    assert tenant_layers().origin("tenant") == USER
    save_user_tenant({"tenant": "", "proxy": ""})
    assert not user.exists()


def test_without_a_client_id_anywhere_the_users_file_is_refused(user: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        save_user_tenant({"tenant": "contoso.onmicrosoft.com"})
    assert raised.value.field == "client_id"
    assert not user.exists()
