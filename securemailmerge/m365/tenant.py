"""Which Microsoft 365 tenant the app talks to: one small JSON file for a real tenant and the sandbox alike.

The file (``--tenant-config FILE`` on the command line) looks like this; only ``client_id`` is
required for a real tenant, everything else has Microsoft's public defaults::

    {
      "client_id": "00000000-0000-0000-0000-000000000000",
      "tenant": "organizations",
      "authority": "https://login.microsoftonline.com/organizations",
      "graph_url": "https://graph.microsoft.com/v1.0",
      "license_url": "https://license.securemailmerge.com/api/license",
      "proxy": null,
      "ca_file": null
    }

``proxy`` (``http://host:port``) sends Microsoft's and the license host's traffic through that
proxy instead of the system's; ``ca_file`` trusts an extra certificate authority and is accepted only
when every host is loopback (the built-in sandbox); a real tenant always uses the operating system's
trust store, where a company's inspecting proxy has put its CA.

Where the file comes from (``tenantlayers.find_tenant_config``): the one the user named
(``--tenant-config``), else the machine-wide file IT deployed (``paths.machine_config_dir()/tenant.json``)
merged with the user's own (``<data folder>/tenant.json``). The machine-wide file wins setting by
setting, and a broken one is an error, never a reason to fall back to the user's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from securemailmerge import paths
from securemailmerge.errors import ConfigError
from securemailmerge.i18n import translate

MICROSOFT_AUTHORITY_HOST = "https://login.microsoftonline.com"
MICROSOFT_GRAPH_URL = "https://graph.microsoft.com/v1.0"
LICENSE_URL = "https://license.securemailmerge.com/api/license"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
TENANT_FILE = "tenant.json"


@dataclass(frozen=True)
class TenantConfig:
    """Where sign-in, Graph and the license check live for one tenant."""

    client_id: str
    tenant: str = "organizations"
    authority: str = ""
    graph_url: str = MICROSOFT_GRAPH_URL
    license_url: str = LICENSE_URL
    proxy: str | None = None
    ca_file: str | None = None

    def __post_init__(self) -> None:
        if not self.authority:
            object.__setattr__(self, "authority", f"{MICROSOFT_AUTHORITY_HOST}/{self.tenant}")

    @property
    def is_loopback(self) -> bool:
        """True when every host is on this computer (the built-in sandbox)."""
        urls = (self.authority, self.graph_url, self.license_url)
        return all(urlsplit(url).hostname in LOOPBACK_HOSTS for url in urls)

    def to_json(self) -> str:
        """The configuration as the JSON text ``load_tenant_config`` reads."""
        return json.dumps(asdict(self), indent=2)


def read_tenant_file(path: Path) -> dict[str, object]:
    """The settings a tenant configuration file holds, not checked yet; ConfigError names the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} does not exist.").format(file=path)
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} is not valid JSON: {error}").format(
                file=path, error=error
            )
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} has no client_id.").format(file=path)
        )
    return data


def load_tenant_config(path: Path) -> TenantConfig:
    """Read and check a tenant configuration file."""
    return tenant_from(read_tenant_file(path), path)


def tenant_from(data: Mapping[str, object], path: Path) -> TenantConfig:
    """Check the settings of a tenant configuration (as read from ``path``); ConfigError names the field."""
    if not isinstance(data.get("client_id"), str) or not data["client_id"]:
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} has no client_id.").format(file=path),
            field="client_id",
        )
    known = set(TenantConfig.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} has unknown settings: {names}").format(
                file=path, names=", ".join(unknown)
            ),
            field=unknown[0],
        )
    for name, value in data.items():
        if value is not None and not isinstance(value, str):
            raise ConfigError(
                translate("Tenant", "The setting {name} in {file} must be text.").format(
                    name=name, file=path
                ),
                field=name,
            )
    config = TenantConfig(**{name: value for name, value in data.items() if isinstance(value, str)})
    for name in ("authority", "graph_url", "license_url"):
        url = getattr(config, name)
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ConfigError(
                translate("Tenant", "The setting {name} in {file} must start with https://: {url}").format(
                    name=name, url=url, file=path
                ),
                field=name,
            )
    if config.ca_file and not config.is_loopback:
        raise ConfigError(
            translate(
                "Tenant", "ca_file in {file} is allowed only for the built-in sandbox on this computer."
            ).format(file=path),
            field="ca_file",
        )
    if config.proxy is not None:
        proxy = urlsplit(config.proxy)
        if proxy.scheme not in {"http", "https"} or not proxy.hostname:
            raise ConfigError(
                translate("Tenant", "The proxy {url} in {file} must look like http://host:port.").format(
                    url=config.proxy, file=path
                ),
                field="proxy",
            )
    return config


COMMAND_LINE = "command line"
MACHINE = "machine"
USER = "user"
SANDBOX = "sandbox"


@dataclass(frozen=True)
class TenantSource:
    """A tenant configuration and where it was found: the command line, the machine or the user."""

    config: TenantConfig
    path: Path
    origin: str

    @property
    def description(self) -> str:
        """Where the configuration came from, for the About box and ``admin-consent-url``."""
        if self.origin == MACHINE:
            text = translate("Tenant", "{file} (for every user of this computer, set by your IT department)")
        elif self.origin == USER:
            text = translate("Tenant", "{file} (your own)")
        elif self.origin == SANDBOX:
            text = translate("Tenant", "{file} (the built-in sandbox on this computer)")
        else:
            text = translate("Tenant", "{file} (given when the app was started)")
        return text.format(file=self.path)


def machine_tenant_path() -> Path:
    """Where IT deploys the tenant configuration for every user of this computer."""
    return paths.machine_config_dir() / TENANT_FILE


def user_tenant_path() -> Path:
    """Where a user keeps their own tenant configuration."""
    return paths.data_dir() / TENANT_FILE


def sandbox_tenant(path: Path) -> TenantSource:
    """The tenant configuration the built-in sandbox wrote to ``path``."""
    return TenantSource(load_tenant_config(path), path, SANDBOX)


def admin_consent_url(
    config: TenantConfig, scopes: tuple[str, ...], redirect_uri: str = "http://localhost"
) -> str:
    """The Microsoft identity platform link where an administrator grants ``scopes`` for the whole tenant.

    Graph's short scope names are written out on the Graph resource of the tenant's cloud
    (``https://graph.microsoft.us/Mail.Send`` for US Government), as the admin consent endpoint wants.
    """
    graph = urlsplit(config.graph_url)
    resource = f"{graph.scheme}://{graph.netloc}"
    query = urlencode(
        {
            "client_id": config.client_id,
            "scope": " ".join(f"{resource}/{scope}" for scope in scopes),
            "redirect_uri": redirect_uri,
        }
    )
    return f"{config.authority.rstrip('/')}/v2.0/adminconsent?{query}"
