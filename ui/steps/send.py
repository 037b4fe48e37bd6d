"""Step 5, Send: how and when messages go out, a test to oneself, and the campaign's progress."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from ui import settings
from ui.controller import Controller
from ui.steps.base import Step

NOW, DRAFTS, SCHEDULED = "now", "drafts", "scheduled"


class SendStep(Step):
    """Mode, pace, daily cap and sending window; test send; progress, counts, log and report."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.layout_.addWidget(self._settings_box())
        self.layout_.addWidget(self._progress_box(), 1)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Send")

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("How to send"), self)
        form = QFormLayout(box)
        self.mode = QComboBox(box)
        self.mode.setAccessibleName(self.tr("Mode"))
        self.mode.addItem(self.tr("Send now"), NOW)
        self.mode.addItem(self.tr("Only create drafts"), DRAFTS)
        self.mode.addItem(self.tr("Schedule for later"), SCHEDULED)
        self.when = QDateTimeEdit(box)
        self.when.setAccessibleName(self.tr("Send at"))
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        self.mode.currentIndexChanged.connect(
            lambda _i: self.when.setEnabled(self.mode.currentData() == SCHEDULED)
        )
        self.pace = QSpinBox(box)
        self.pace.setAccessibleName(self.tr("Messages per minute"))
        self.pace.setRange(1, 30)
        self.pace.setValue(min(settings.MESSAGES_PER_MINUTE.get(), 30))
        self.pace.setSuffix(self.tr(" per minute"))
        self.cap = QSpinBox(box)
        self.cap.setAccessibleName(self.tr("Daily cap"))
        self.cap.setRange(1, 10_000)
        self.cap.setValue(settings.DAILY_CAP.get())
        self.cap.setSuffix(self.tr(" recipients a day"))
        window = QHBoxLayout()
        self.use_window = QCheckBox(self.tr("Only between"), box)
        self.window_start = QTimeEdit(QTime(8, 0), box)
        self.window_start.setAccessibleName(self.tr("Sending window start"))
        self.window_end = QTimeEdit(QTime(18, 0), box)
        self.window_end.setAccessibleName(self.tr("Sending window end"))
        for widget in (self.use_window, self.window_start, QLabel(self.tr("and"), box), self.window_end):
            window.addWidget(widget)
        window.addStretch(1)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Send at"), self.when)
        form.addRow(self.tr("Pace"), self.pace)
        form.addRow(self.tr("Daily cap"), self.cap)
        form.addRow(self.tr("Sending window"), window)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Send test to me"), box)
        self.start_button = QPushButton(self.tr("Start…"), box)
        self.start_button.setDefault(True)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        form.addRow(buttons)
        return box

    def _progress_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Progress"), self)
        form = QFormLayout(box)
        self.progress = QProgressBar(box)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.counts = QLabel(box)
        self.eta = QLabel(box)
        controls = QHBoxLayout()
        self.pause_button = QPushButton(self.tr("Pause"), box)
        self.resume_button = QPushButton(self.tr("Resume"), box)
        self.cancel_button = QPushButton(self.tr("Cancel campaign"), box)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            button.setEnabled(False)
            controls.addWidget(button)
        controls.addStretch(1)
        self.log = QPlainTextEdit(box)
        self.log.setAccessibleName(self.tr("Sending log"))
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        form.addRow(self.progress)
        form.addRow(self.tr("Counts"), self.counts)
        form.addRow(self.tr("Time left"), self.eta)
        form.addRow(controls)
        form.addRow(self.log)
        return box
