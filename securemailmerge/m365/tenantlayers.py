"""Where each tenant setting comes from: IT's machine-wide file, the user's own file, or the default.

The machine-wide file wins setting by setting: what IT wrote there the user cannot change, what it
left out the user's own file may set, and the rest keeps Microsoft's public defaults (see
``tenant.TenantConfig``). The Settings dialog shows these layers, and ``save_user_tenant`` writes the
user's file only after the merged result passes the same check as a file read at start-up.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from securemailmerge.errors import ConfigError
from securemailmerge.i18n import translate
from securemailmerge.m365.tenant import (
    COMMAND_LINE,
    MACHINE,
    USER,
    TenantConfig,
    TenantSource,
    load_tenant_config,
    machine_tenant_path,
    read_tenant_file,
    tenant_from,
    user_tenant_path,
)
from securemailmerge.safepaths import write_atomically

BUILT_IN = "built-in"
# What the Settings dialog lets a user edit; ``ca_file`` is the sandbox's own and stays out of it.
EDITABLE = ("client_id", "tenant", "authority", "graph_url", "license_url", "proxy")


@dataclass(frozen=True)
class TenantLayers:
    """The machine-wide and the user's settings, as written in their files (absent files are empty)."""

    machine: Mapping[str, object] = field(default_factory=dict)
    user: Mapping[str, object] = field(default_factory=dict)
    machine_path: Path = field(default_factory=machine_tenant_path)
    user_path: Path = field(default_factory=user_tenant_path)

    def merged(self) -> dict[str, object]:
        """The settings in effect before defaults: the user's, overridden by the machine's."""
        return {**_set(self.user), **_set(self.machine)}

    def origin(self, name: str) -> str:
        """``machine``, ``user`` or ``built-in``: where the value of setting ``name`` comes from."""
        if name in _set(self.machine):
            return MACHINE
        return USER if name in _set(self.user) else BUILT_IN

    def config(self) -> TenantConfig | None:
        """The checked configuration in effect, or None when no file sets anything (offline)."""
        merged = self.merged()
        if not merged:
            return None
        return tenant_from(merged, self.machine_path if self.machine else self.user_path)

    def values(self) -> dict[str, str]:
        """Every setting's value in effect, defaults filled in (empty text for none)."""
        known = TenantConfig.__dataclass_fields__
        merged = {name: str(value) for name, value in self.merged().items() if name in known}
        defaults = asdict(TenantConfig(client_id="", tenant=merged.get("tenant", "organizations")))
        return {name: "" if value is None else str(value) for name, value in {**defaults, **merged}.items()}


def _set(layer: Mapping[str, object]) -> dict[str, object]:
    return {name: value for name, value in layer.items() if value not in (None, "")}


def tenant_layers() -> TenantLayers:
    """Read both files; a broken one is a ConfigError that names it, never silently skipped."""
    machine, user = machine_tenant_path(), user_tenant_path()
    return TenantLayers(
        read_tenant_file(machine) if machine.is_file() else {},
        read_tenant_file(user) if user.is_file() else {},
        machine,
        user,
    )


def save_user_tenant(values: Mapping[str, str]) -> TenantLayers:
    """Write the user's own settings (``values``, empty ones left out), checked merged with IT's.

    A setting IT fixed cannot be changed here; with nothing left to write, the user's file is removed.
    """
    current = tenant_layers()
    machine = _set(current.machine)
    chosen = {name: value.strip() for name, value in values.items() if value.strip()}
    for name, value in chosen.items():
        if name in machine and str(machine[name]) != value:
            raise ConfigError(
                translate(
                    "Tenant", "{name} is set for every user of this computer in {file} and cannot be changed."
                ).format(name=name, file=current.machine_path),
                field=name,
            )
    own = {name: value for name, value in chosen.items() if name not in machine}
    saved = TenantLayers(current.machine, own, current.machine_path, current.user_path)
    if not own:
        current.user_path.unlink(missing_ok=True)
        return saved
    # Checked as the file it becomes would be: a bad value names the field and the user's file.
    tenant_from({**own, **machine}, current.user_path)
    current.user_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(current.user_path, (json.dumps(own, indent=2) + "\n").encode("utf-8"))
    return saved


def find_tenant_config(explicit: Path | None = None) -> TenantSource | None:
    """The tenant configuration to use (``explicit``, else the machine's over the user's); None if none."""
    if explicit is not None:
        return TenantSource(load_tenant_config(explicit), explicit, COMMAND_LINE)
    layers = tenant_layers()
    config = layers.config()
    if config is None:
        return None
    if layers.machine:
        return TenantSource(config, layers.machine_path, MACHINE)
    return TenantSource(config, layers.user_path, USER)
