"""The Settings dialog: language, the Send step's pace defaults, and the tenant configuration for IT.

Every value is one of ``ui.settings``' typed options; OK checks the pace with the engine's own rules
(``Pacing``, ``SendWindow``) and the tenant with the core tenant module before anything is kept.
A new language is applied by the window at once (``language_changed``), no restart needed, and so is
a new tenant (``tenant_changed``); the Tenant page says when, as the window tells it (``applies``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import DAILY_RECIPIENT_LIMIT, PER_MINUTE_LIMIT, Pacing, SendWindow
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import TenantSource, load_tenant_config
from ui import settings
from ui.dialogs import say
from ui.i18n import LANGUAGE_NAMES
from ui.tenant_settings import TenantPage

TIME_FORMAT = "HH:mm"


class SettingsDialog(QDialog):
    """General, Sending and Tenant pages over the stored options; OK keeps them, Cancel forgets."""

    language_changed = Signal(str)  # the chosen language code ("" follows the system)
    tenant_changed = Signal()  # the user's tenant file or the chosen configuration file changed

    def __init__(
        self, running: TenantSource | None, parent: QWidget | None = None, applies: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_page(), self.tr("General"))
        self.tabs.addTab(self._sending_page(), self.tr("Sending"))
        self.tenant = TenantPage(running, applies, self)
        self.tabs.addTab(self._tenant_page(), self.tr("Tenant (for IT)"))
        self.tabs.tabBar().setAccessibleName(self.tr("Settings pages"))
        layout.addWidget(self.tabs)
        self.problem = QLabel(self)
        say(self.problem, "")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.LANGUAGE.get()), 0))
        form.addRow(self.tr("&Language"), self.language)
        return page

    def _sending_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(QLabel(self.tr("The Send step starts with these values."), page))
        self.pace = QSpinBox(page)
        self.pace.setAccessibleName(self.tr("Messages per minute"))
        self.pace.setRange(1, PER_MINUTE_LIMIT)
        self.pace.setValue(min(max(settings.MESSAGES_PER_MINUTE.get(), 1), PER_MINUTE_LIMIT))
        self.pace.setSuffix(self.tr(" per minute"))
        self.pace.setToolTip(self.tr("Exchange Online sends at most 30 messages a minute from one mailbox."))
        self.cap = QSpinBox(page)
        self.cap.setAccessibleName(self.tr("Daily cap"))
        self.cap.setRange(1, DAILY_RECIPIENT_LIMIT)
        self.cap.setValue(min(max(settings.DAILY_CAP.get(), 1), DAILY_RECIPIENT_LIMIT))
        self.cap.setSuffix(self.tr(" recipients a day"))
        self.cap.setToolTip(self.tr("Exchange Online allows 10,000 recipients a day per mailbox."))
        start, end = settings.WINDOW_START.get(), settings.WINDOW_END.get()
        self.use_window = QCheckBox(self.tr("Only between"), page)
        self.use_window.setChecked(bool(start and end))
        self.window_start = QTimeEdit(QTime.fromString(start, TIME_FORMAT) if start else QTime(8, 0), page)
        self.window_start.setAccessibleName(self.tr("Sending window start"))
        self.window_end = QTimeEdit(QTime.fromString(end, TIME_FORMAT) if end else QTime(18, 0), page)
        self.window_end.setAccessibleName(self.tr("Sending window end"))
        window = QHBoxLayout()
        for widget in (self.use_window, self.window_start, QLabel(self.tr("and"), page), self.window_end):
            window.addWidget(widget)
        window.addStretch(1)
        form.addRow(self.tr("&Pace"), self.pace)
        form.addRow(self.tr("&Daily cap"), self.cap)
        form.addRow(self.tr("Sending window"), window)
        return page

    def _tenant_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.tenant)
        row = QHBoxLayout()
        self.config_file = QLineEdit(settings.TENANT_CONFIG.get(), page)
        self.config_file.setAccessibleName(self.tr("Tenant configuration file"))
        self.config_file.setPlaceholderText(self.tr("none: IT's file or your own, as shown above"))
        browse = QPushButton(self.tr("Choose…"), page)
        browse.setAccessibleName(self.tr("Choose a tenant configuration file"))
        browse.clicked.connect(self._choose_config)
        row.addWidget(QLabel(self.tr("Use this file instead:"), page))
        row.addWidget(self.config_file, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        return page

    def _choose_config(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Tenant configuration"), "", self.tr("Tenant configuration (*.json)")
        )
        if path:
            self.config_file.setText(path)

    def window_text(self) -> str | None:
        """The sending window the controls describe (``08:00-18:00``), or None for none."""
        if not self.use_window.isChecked():
            return None
        start = self.window_start.time().toString(TIME_FORMAT)
        return f"{start}-{self.window_end.time().toString(TIME_FORMAT)}"

    def check(self) -> str | None:
        """Why the values cannot be kept (the engine's own words), or None when they can."""
        try:
            window = self.window_text()
            Pacing(
                per_minute=float(self.pace.value()),
                daily_cap=self.cap.value(),
                window=SendWindow.parse(window, "UTC") if window else None,
            )
            chosen = self.config_file.text().strip()
            if chosen:
                load_tenant_config(Path(chosen))
        except SecureMailMergeError as error:
            return str(error)
        return None

    def accept(self) -> None:
        """Keep every value when all are valid; otherwise say which one is wrong and stay open."""
        problem = self.check()
        if problem is not None:
            self._show_problem(problem)
            return
        chosen = self.config_file.text().strip()
        tenant_changed = self.tenant.changed() or chosen != settings.TENANT_CONFIG.get()
        if not self.tenant.save():
            self.tabs.setCurrentIndex(2)
            self._show_problem("")
            return
        self._show_problem("")
        settings.MESSAGES_PER_MINUTE.set(self.pace.value())
        settings.DAILY_CAP.set(self.cap.value())
        window = self.window_text()
        settings.WINDOW_START.set(self.window_start.time().toString(TIME_FORMAT) if window else "")
        settings.WINDOW_END.set(self.window_end.time().toString(TIME_FORMAT) if window else "")
        settings.TENANT_CONFIG.set(self.config_file.text().strip())
        language = str(self.language.currentData())
        changed = language != settings.LANGUAGE.get()
        settings.LANGUAGE.set(language)
        super().accept()
        if tenant_changed:
            self.tenant_changed.emit()
        if changed:
            self.language_changed.emit(language)

    def _show_problem(self, text: str) -> None:
        say(self.problem, text, problem=True)
