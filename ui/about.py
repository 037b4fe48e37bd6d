"""The About box: version, license state, and every host the app may contact."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from securemailmerge import __version__
from ui.controller import Controller


class AboutDialog(QDialog):
    """What the app is and where it connects to."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SecureMailMerge"))
        layout = QVBoxLayout(self)
        tenant = controller.tenant
        hosts = (
            sorted(
                {
                    urlsplit(url).hostname or url
                    for url in (tenant.authority, tenant.graph_url, tenant.license_url)
                }
            )
            if tenant
            else []
        )
        lines = [
            f"<h2>SecureMailMerge {__version__}</h2>",
            self.tr("Personal mail merge for Microsoft 365 that runs entirely on your computer."),
            "<p>" + controller.license_text() + "</p>",
            "<p><b>" + self.tr("Hosts this app may contact:") + "</b></p>",
        ]
        if hosts:
            lines.append("<ul>" + "".join(f"<li>{host}</li>" for host in hosts) + "</ul>")
        else:
            lines.append(
                "<p>" + self.tr("None: no Microsoft 365 tenant is configured (offline work).") + "</p>"
            )
        self.text = QLabel("".join(lines), self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
