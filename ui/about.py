"""The About box: the version, the license state, where the tenant configuration came from, and every host."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from securemailmerge import __version__
from securemailmerge.m365 import ENDPOINTS, PORT, TenantSource, hosts_text
from ui.icons import app_icon, sharp_pixmap

ABOUT_ICON_SIZE = 64


class AboutDialog(QDialog):
    """Version and configuration at the top, the firewall list (as in the README) below."""

    def __init__(
        self, source: TenantSource | None, license_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SecureMailMerge"))
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        icon = QLabel(self)
        self.icon = icon
        icon.setPixmap(sharp_pixmap(app_icon(), ABOUT_ICON_SIZE, self.devicePixelRatioF()))
        header.addWidget(icon)
        self.version_label = QLabel(self.tr("SecureMailMerge {version}").format(version=__version__), self)
        header.addWidget(self.version_label, 1)
        layout.addLayout(header)
        self.license_label = QLabel(self.tr("License: {state}").format(state=license_text), self)
        self.license_label.setWordWrap(True)
        self.license_label.setAccessibleName(self.tr("License"))
        self.license_label.setVisible(bool(license_text))
        layout.addWidget(self.license_label)
        where = source.description if source else self.tr("none: the app works offline only")
        self.config_label = QLabel(self.tr("Tenant configuration: {where}").format(where=where), self)
        self.config_label.setWordWrap(True)
        layout.addWidget(self.config_label)
        layout.addWidget(
            QLabel(self.tr("The app contacts only these hosts, over HTTPS on port {port}:").format(port=PORT))
        )
        self.hosts = QTableWidget(len(ENDPOINTS), 4, self)
        self.hosts.setHorizontalHeaderLabels(
            [self.tr("Purpose"), self.tr("Hosts"), self.tr("Methods"), self.tr("When")]
        )
        self.hosts.verticalHeader().hide()
        self.hosts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.hosts.setWordWrap(True)
        for row, entry in enumerate(ENDPOINTS):
            cells = [entry.purpose_text(), hosts_text(entry), ", ".join(entry.methods), entry.when_text()]
            for column, text in enumerate(cells):
                self.hosts.setItem(row, column, QTableWidgetItem(text))
        columns = self.hosts.horizontalHeader()
        for column in range(3):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Rows grow with the wrapped "when" text, whatever width the dialog is given.
        self.hosts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.hosts)
        self.hosts.setAccessibleName(self.tr("Hosts the app contacts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 460)
