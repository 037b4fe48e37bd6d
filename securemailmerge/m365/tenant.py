"""Which Microsoft 365 tenant the app talks to: one small JSON file for a real tenant and the sandbox alike.

The file (``--tenant-config FILE`` on the command line) looks like this; only ``client_id`` is
required for a real tenant, everything else has Microsoft's public defaults::

    {
      "client_id": "00000000-0000-0000-0000-000000000000",
      "tenant": "organizations",
      "authority": "https://login.microsoftonline.com/organizations",
      "graph_url": "https://graph.microsoft.com/v1.0",
      "license_url": "https://license.securemailmerge.com/api/license",
      "ca_file": null
    }

``ca_file`` trusts an extra certificate authority and is accepted only when every host is loopback
(the built-in sandbox); a real tenant always uses the system's trust store.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from securemailmerge.errors import ConfigError
from securemailmerge.i18n import translate

MICROSOFT_AUTHORITY_HOST = "https://login.microsoftonline.com"
MICROSOFT_GRAPH_URL = "https://graph.microsoft.com/v1.0"
LICENSE_URL = "https://license.securemailmerge.com/api/license"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class TenantConfig:
    """Where sign-in, Graph and the license check live for one tenant."""

    client_id: str
    tenant: str = "organizations"
    authority: str = ""
    graph_url: str = MICROSOFT_GRAPH_URL
    license_url: str = LICENSE_URL
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


def load_tenant_config(path: Path) -> TenantConfig:
    """Read and check a tenant configuration file."""
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
    if not isinstance(data, dict) or not isinstance(data.get("client_id"), str) or not data["client_id"]:
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} has no client_id.").format(file=path)
        )
    known = set(TenantConfig.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            translate("Tenant", "The tenant configuration {file} has unknown settings: {names}").format(
                file=path, names=", ".join(unknown)
            )
        )
    for name, value in data.items():
        if value is not None and not isinstance(value, str):
            raise ConfigError(
                translate("Tenant", "The setting {name} in {file} must be text.").format(name=name, file=path)
            )
    config = TenantConfig(**data)
    for url in (config.authority, config.graph_url, config.license_url):
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ConfigError(
                translate("Tenant", "The address {url} in {file} must start with https://.").format(
                    url=url, file=path
                )
            )
    if config.ca_file and not config.is_loopback:
        raise ConfigError(
            translate(
                "Tenant", "ca_file in {file} is allowed only for the built-in sandbox on this computer."
            ).format(file=path)
        )
    return config
