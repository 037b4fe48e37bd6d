"""Step 5, Send: how and when messages go out, a test to oneself, and the campaign's progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from securemailmerge.campaign import (
    DAILY_RECIPIENT_LIMIT,
    DRAFTS,
    NOW,
    PER_MINUTE_LIMIT,
    SCHEDULED,
    CampaignOptions,
    Pacing,
)
from securemailmerge.errors import SecureMailMergeError
from ui import settings
from ui.controller import Controller
from ui.sending import Confirmation, Sending, interrupted_campaigns
from ui.steps.base import Step
from ui.steps.send_log import CampaignLog


class SendStep(CampaignLog, Step):
    """Mode, pace, daily cap and sending window; test send; progress, counts, log and report."""

    bounced = Signal(int, str)  # source row, reason: the window marks it in the recipients table
    run_ended = Signal()  # the campaign's run ended, however it ended

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.sending = Sending(controller, self)
        self.counts_by: dict[str, int] = {}
        self.pending = 0
        self.resumable: Path | None = None
        # The window points this at the Preview step: a test sends the row the user looked at.
        self.previewed_row: Callable[[], int | None] = lambda: None
        self.resume_row = QHBoxLayout()
        self.resume_note = QLabel(self)
        self.resume_note.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume that campaign"), self)
        self.resume_button.clicked.connect(self.resume_interrupted)
        self.resume_row.addWidget(self.resume_note, 1)
        self.resume_row.addWidget(self.resume_button)
        self.layout_.addLayout(self.resume_row)
        self.layout_.addWidget(self._settings_box())
        self.layout_.addWidget(self._progress_box(), 1)
        self._wire(connect=True)
        self._offer_resume()

    def _wire(self, *, connect: bool) -> None:
        """Listen to the run's signals (or stop: a window built in a new language takes the run over)."""
        sending = self.sending
        for signal, slot in (
            (sending.confirm_needed, self._confirm),
            (sending.progressed, self._show_event),
            (sending.started, self._started),
            (sending.ended, self._ended),
            (sending.test_sent, self._test_sent),
            (sending.failed, self._failed),
            (sending.bounces_checked, self._bounces_checked),
            (sending.checking_changed, self._enable_bounces),
        ):
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def take_over(self, previous: SendStep) -> None:
        """Carry on the step of the window this one replaces (a new language): a sending campaign goes on."""
        previous._wire(connect=False)
        self._wire(connect=False)
        self.sending.deleteLater()
        self.sending = previous.sending
        self.sending.setParent(self)
        self._wire(connect=True)
        self.counts_by, self.pending = dict(previous.counts_by), previous.pending
        self.log.setPlainText(previous.log.toPlainText())
        self.progress.setRange(previous.progress.minimum(), previous.progress.maximum())
        self.progress.setValue(previous.progress.value())
        self.counts.setText(self._counts_text() if previous.counts.text() else "")
        self.eta.setText(previous.eta.text())
        mine, theirs = self._run_buttons(), previous._run_buttons()
        for button, before in zip(mine, theirs, strict=True):
            button.setEnabled(before.isEnabled())
        self._offer_resume()

    def _run_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.start_button,
            self.test_button,
            self.pause_button,
            self.resume_button_,
            self.cancel_button,
            self.export_button,
            self.bounces_button,
        )

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
        self.when.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.when.setEnabled(False)
        self.mode.currentIndexChanged.connect(
            lambda _i: self.when.setEnabled(self.mode.currentData() == SCHEDULED)
        )
        self.pace = QSpinBox(box)
        self.pace.setAccessibleName(self.tr("Messages per minute"))
        self.pace.setRange(1, PER_MINUTE_LIMIT)
        self.pace.setValue(min(settings.MESSAGES_PER_MINUTE.get(), PER_MINUTE_LIMIT))
        self.pace.setSuffix(self.tr(" per minute"))
        self.cap = QSpinBox(box)
        self.cap.setAccessibleName(self.tr("Daily cap"))
        self.cap.setRange(1, DAILY_RECIPIENT_LIMIT)
        self.cap.setValue(settings.DAILY_CAP.get())
        self.cap.setSuffix(self.tr(" recipients a day"))
        window = QHBoxLayout()
        self.use_window = QCheckBox(self.tr("Only between"), box)
        # The window set in Settings, if any, is where a new campaign starts.
        start, end = (
            QTime.fromString(settings.WINDOW_START.get(), "HH:mm"),
            QTime.fromString(settings.WINDOW_END.get(), "HH:mm"),
        )
        self.use_window.setChecked(start.isValid() and end.isValid())
        self.window_start = QTimeEdit(start if start.isValid() else QTime(8, 0), box)
        self.window_start.setAccessibleName(self.tr("Sending window start"))
        self.window_end = QTimeEdit(end if end.isValid() else QTime(18, 0), box)
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
        self.test_button.clicked.connect(self.send_test)
        self.start_button = QPushButton(self.tr("Start…"), box)
        self.start_button.clicked.connect(self.start)
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
        self.resume_button_ = QPushButton(self.tr("Resume"), box)
        self.cancel_button = QPushButton(self.tr("Cancel campaign"), box)
        self.export_button = QPushButton(self.tr("Export report…"), box)
        self.bounces_button = QPushButton(self.tr("Check for bounces"), box)
        self.bounces_button.setToolTip(self.tr("Look in your Inbox for messages that came back"))
        self.bounces_button.clicked.connect(self.sending.check_bounces)
        self.pause_button.clicked.connect(self.sending.pause)
        self.resume_button_.clicked.connect(self.sending.resume_run)
        self.cancel_button.clicked.connect(self.sending.cancel)
        self.export_button.clicked.connect(self.ask_export)
        buttons = (self.pause_button, self.resume_button_, self.cancel_button, self.export_button)
        for button in (*buttons, self.bounces_button):
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

    # What the user asks for

    def options(self) -> CampaignOptions:
        """The campaign options the controls describe; InputError names a bad one."""
        window = None
        if self.use_window.isChecked():
            window = (
                f"{self.window_start.time().toString('HH:mm')}-{self.window_end.time().toString('HH:mm')}"
            )
        mode = self.mode.currentData()
        zone = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
        return CampaignOptions(
            mode=mode,
            pacing=Pacing(per_minute=float(self.pace.value()), daily_cap=self.cap.value()),
            window=window,
            time_zone=zone,
            shared_mailbox=self.controller.shared_sender,
            send_at=float(self.when.dateTime().toSecsSinceEpoch()) if mode == SCHEDULED else None,
        )

    def send_test(self) -> None:
        """Send the message of the row the Preview step shows (else the first ready one) to the user."""
        row = self.previewed_row()
        if row is None:
            self.log.appendPlainText(self.tr("Sending a test message to you…"))
        else:
            self.log.appendPlainText(
                self.tr("Sending row {row}, as the Preview shows it, to you as a test…").format(row=row)
            )
        self.sending.send_test(row)

    def start(self) -> None:
        """Plan the campaign; the confirmation follows before anything is sent."""
        try:
            options = self.options()
        except SecureMailMergeError as error:
            self._failed(str(error))
            return
        settings.MESSAGES_PER_MINUTE.set(self.pace.value())
        settings.DAILY_CAP.set(self.cap.value())
        self.start_button.setEnabled(False)
        self.sending.start(options)
        if not self.sending.running:
            self.start_button.setEnabled(True)

    def resume_interrupted(self) -> None:
        """Continue the interrupted campaign offered above."""
        if self.resumable is not None:
            self.start_button.setEnabled(False)
            self.sending.resume(self.resumable)

    def ask_export(self) -> None:
        """Save the campaign's report as CSV or Excel."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), "report.csv", self.tr("Reports (*.csv *.xlsx)")
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the report to ``path``."""
        try:
            count = self.sending.export_report(path)
        except SecureMailMergeError as error:
            self._failed(str(error))
            return
        self.log.appendPlainText(self.tr("Wrote %Ln rows to {file}.", "", count).format(file=path.name))

    # What the engine tells

    def _confirm(self, asked: Confirmation) -> None:
        modes = {
            NOW: self.tr("Send %Ln messages now from {mailbox}?", "", asked.ready),
            DRAFTS: self.tr("Create %Ln drafts, to be sent as {mailbox}?", "", asked.ready),
            SCHEDULED: self.tr("Schedule %Ln messages from {mailbox}?", "", asked.ready),
        }
        text = modes[asked.mode].format(mailbox=asked.mailbox)
        details = [asked.license.describe()]
        if asked.skipped:
            details.append(
                self.tr("%Ln rows are left out (do-not-contact list or unsubscribed).", "", asked.skipped)
            )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Start the campaign"), text, parent=self)
        box.setInformativeText("\n".join(details))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirmation = box
        asked.answer = box.exec() == QMessageBox.StandardButton.Yes
        asked.done.set()
        if not asked.answer:
            self.log.appendPlainText(self.tr("Nothing was sent."))

    def _started(self, folder: Path) -> None:
        self.counts_by = {}
        self.log.appendPlainText(self.tr("Campaign {folder} started.").format(folder=folder.name))
        for button in (self.pause_button, self.cancel_button):
            button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.bounces_button.setEnabled(False)
        self.resume_note.clear()
        self.resume_button.hide()

    def _ended(self) -> None:
        for button in (self.pause_button, self.resume_button_, self.cancel_button):
            button.setEnabled(False)
        self.start_button.setEnabled(True)
        self._enable_bounces()
        self._offer_resume()
        self.run_ended.emit()

    def _enable_bounces(self) -> None:
        """The Inbox can be looked at once a campaign ran, when no run and no other look is going on."""
        sending = self.sending
        self.bounces_button.setEnabled(
            sending.folder is not None and not sending.running and not sending.checking
        )

    def _bounces_checked(self, count: int) -> None:
        self.log.appendPlainText(self.tr("%Ln new bounces found.", "", count))

    def cancelled_text(self, deleted: int) -> str:
        """The log's line for a cancelled run (a plural, so translated in this class's own context)."""
        return self.tr("Cancelled; %Ln unsent drafts deleted.", "", deleted)

    def _test_sent(self, text: str) -> None:
        self.log.appendPlainText(text)
        self.status.emit(text)

    def _failed(self, message: str) -> None:
        self.log.appendPlainText(message)
        self.status.emit(message)
        self.start_button.setEnabled(not self.sending.running)

    def entered(self) -> None:
        """Offer an interrupted campaign each time the step opens."""
        self._offer_resume()

    def _offer_resume(self) -> None:
        found = [] if self.sending.running else interrupted_campaigns()
        self.resumable = found[0] if found else None
        self.resume_button.setVisible(self.resumable is not None)
        if self.resumable is not None:
            self.resume_note.setText(
                self.tr("The campaign {folder} did not finish. Resume it? Nothing is sent twice.").format(
                    folder=self.resumable.name
                )
            )
        else:
            self.resume_note.clear()
