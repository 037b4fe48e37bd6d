"""The Settings dialog's page for IT: the tenant configuration in effect, and where each value came from.

What IT's machine-wide file sets is shown read-only; the other values can be set in the user's own
file, which the core checks (``m365.tenantlayers``) and writes atomically; a bad value names its field.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.errors import ConfigError
from securemailmerge.m365 import (
    BUILT_IN,
    EDITABLE,
    LOOPBACK_HOSTS,
    MACHINE,
    USER,
    TenantLayers,
    TenantSource,
    cloud_name,
    find_tenant_config,
    save_user_tenant,
    tenant_layers,
)
from ui import settings
from ui.dialogs import say


def tenant_in_settings() -> TenantSource | None:
    """The tenant the settings name: the file chosen in Settings, else IT's file, else the user's own."""
    chosen = settings.TENANT_CONFIG.get()
    return find_tenant_config(Path(chosen) if chosen else None)


class TenantPage(QWidget):
    """One row per setting: its value (editable unless IT set it) and where it comes from."""

    def __init__(self, running: TenantSource | None, applies: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.applies = applies  # when a change takes effect, as the window knows it
        layout = QVBoxLayout(self)
        in_use = running.description if running else self.tr("none: the app works offline only")
        self.in_use = QLabel(self.tr("In use now: {where}").format(where=in_use), self)
        self.in_use.setWordWrap(True)
        layout.addWidget(self.in_use)
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.origins: dict[str, QLabel] = {}
        labels = {
            "client_id": self.tr("Application (client) ID"),
            "tenant": self.tr("Tenant"),
            "authority": self.tr("Sign-in address"),
            "graph_url": self.tr("Microsoft Graph address"),
            "license_url": self.tr("License server"),
            "proxy": self.tr("Proxy"),
        }
        for name in EDITABLE:
            row = QHBoxLayout()
            edit = QLineEdit(self)
            edit.setAccessibleName(labels[name])
            edit.setToolTip(self.tr("{name} in tenant.json").format(name=name))
            edit.textEdited.connect(lambda _text, name=name: self._show_origin(name))
            origin = QLabel(self)
            origin.setAccessibleName(self.tr("Where {setting} comes from").format(setting=labels[name]))
            row.addWidget(edit, 1)
            row.addWidget(origin)
            self.edits[name], self.origins[name] = edit, origin
            self.form.addRow(labels[name], row)
        self.cloud = QLabel(self)
        self.cloud.setAccessibleName(self.tr("Cloud"))
        self.form.addRow(self.tr("Cloud"), self.cloud)
        layout.addLayout(self.form)
        self.problem = QLabel(self)
        say(self.problem, "")
        layout.addWidget(self.problem)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.layers = TenantLayers()
        self._load()

    def _load(self) -> None:
        try:
            self.layers = tenant_layers()
        except ConfigError as error:
            # A broken file is named and left for IT (or the user) to fix; nothing here overwrites it.
            self._show_problem(str(error))
            for edit in self.edits.values():
                edit.setEnabled(False)
            return
        values = self.layers.values()
        # What an empty field means; only these two have no default value to show.
        empty = {
            "client_id": self.tr("required: the application ID of the app registration"),
            "proxy": self.tr("none: the system's proxy settings"),
        }
        for name, edit in self.edits.items():
            fixed = self.layers.origin(name) == MACHINE
            edit.setReadOnly(fixed)
            edit.setText(values[name] if fixed else str(self.layers.user.get(name) or ""))
            edit.setPlaceholderText(values[name] or empty.get(name, ""))
            self._show_origin(name)
        kept = self.tr(
            "Your own settings are kept in {file}. IT's settings for every user of this computer are "
            "in {machine}."
        ).format(file=self.layers.user_path, machine=self.layers.machine_path)
        self.note.setText(f"{kept} {self.applies}")

    def _show_origin(self, name: str) -> None:
        edit = self.edits[name]
        origin = self.layers.origin(name)
        if origin != MACHINE:
            origin = USER if edit.text().strip() else BUILT_IN
        text = {
            MACHINE: self.tr("set by IT for every user (read-only)"),
            USER: self.tr("your own file"),
            BUILT_IN: self.tr("built-in default"),
        }[origin]
        self.origins[name].setText(text)
        graph = self.edits["graph_url"].text().strip() or self.edits["graph_url"].placeholderText()
        host = urlsplit(graph).hostname or ""
        if host in LOOPBACK_HOSTS:
            self.cloud.setText(self.tr("the built-in sandbox on this computer"))
        else:
            self.cloud.setText(cloud_name(host) or self.tr("other ({host})").format(host=host))

    def _show_problem(self, text: str) -> None:
        say(self.problem, text, problem=True)

    def changed(self) -> bool:
        """True when the user's own values differ from their file."""
        if not all(edit.isEnabled() for edit in self.edits.values()):
            return False
        return any(
            edit.text().strip() != str(self.layers.user.get(name) or "")
            for name, edit in self.edits.items()
            if not edit.isReadOnly()
        )

    def save(self) -> bool:
        """Write the user's own file if it changed; False (the bad field named and focused) when refused."""
        if not self.changed():
            return True
        values = {name: edit.text() for name, edit in self.edits.items() if not edit.isReadOnly()}
        try:
            self.layers = save_user_tenant(values)
        except ConfigError as error:
            self._show_problem(str(error))
            if error.field in self.edits:
                self.edits[error.field].setFocus()
                self.edits[error.field].selectAll()
            return False
        self._show_problem("")
        return True
