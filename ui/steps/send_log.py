"""The Send step's progress, counts and log as a campaign's events arrive, and handing them to a new window.

A mixin of ``ui.steps.send.SendStep``, kept apart so each half of the step can be read whole. Its
texts are translated in the ``SendStep`` context, named explicitly because this class is not the
widget (as ``ui.account_control`` does for the controller).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from securemailmerge.campaign import (
    BOUNCED,
    DELIVERED,
    DRAFTS,
    FAILED,
    SCHEDULED,
    SENT,
    SKIPPED,
    Cancelled,
    Finished,
    Paused,
    Resumed,
    RowBounced,
    RowDrafted,
    RowFailed,
    RowScheduled,
    RowSent,
    Started,
    Stopped,
    Waiting,
)
from ui import formatting

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QSpinBox

# What the rows earlier runs finished count as, by the journal's states: a bounced row was sent too.
EARLIER = {
    "sent": (SENT, DELIVERED, BOUNCED),
    "scheduled": (SCHEDULED,),
    "failed": (FAILED,),
    "bounced": (BOUNCED,),
}


class CampaignLog:
    """Shows each event of the running campaign in the progress bar, the counts and the log."""

    if TYPE_CHECKING:
        # Defined by SendStep: the widgets this half writes to.
        counts_by: dict[str, int]
        pending: int
        progress: QProgressBar
        counts: QLabel
        eta: QLabel
        log: QPlainTextEdit
        mode: QComboBox
        pace: QSpinBox
        pause_button: QPushButton
        resume_button_: QPushButton
        bounced: SignalInstance

        def cancelled_text(self, deleted: int) -> str: ...

    def _count(self, key: str) -> None:
        self.counts_by[key] = self.counts_by.get(key, 0) + 1
        done = sum(self.counts_by.get(k, 0) for k in ("sent", "failed", "drafted", "scheduled"))
        self.progress.setValue(done)
        self.counts.setText(self._counts_text())
        left = max(self.pending - done, 0)  # pending counts what earlier runs did too
        self.eta.setText(formatting.duration(timedelta(minutes=left / max(self.pace.value(), 1))))

    def _counts_text(self) -> str:
        """Drafts and scheduled messages are not called sent: nothing has left the mailbox yet."""
        counts = {
            key: self.counts_by.get(key, 0) for key in ("sent", "drafted", "scheduled", "failed", "bounced")
        }
        if counts["drafted"]:
            return QCoreApplication.translate("SendStep", "Drafts made {drafted} · failed {failed}").format(
                **counts
            )
        if counts["scheduled"]:
            return QCoreApplication.translate(
                "SendStep", "Scheduled {scheduled} · failed {failed} · bounced {bounced}"
            ).format(**counts)
        return QCoreApplication.translate(
            "SendStep", "Sent {sent} · failed {failed} · bounced {bounced}"
        ).format(**counts)

    def _show_event(self, event: object) -> None:
        if isinstance(event, Started):
            self._show_started(event)
        elif isinstance(event, RowSent | RowScheduled | RowDrafted) and not (
            isinstance(event, RowDrafted) and self.mode.currentData() != DRAFTS
        ):
            key = {RowSent: "sent", RowScheduled: "scheduled", RowDrafted: "drafted"}[type(event)]
            self._count(key)
            lines = {
                "sent": QCoreApplication.translate("SendStep", "Row {row}: sent."),
                "scheduled": QCoreApplication.translate("SendStep", "Row {row}: scheduled."),
                "drafted": QCoreApplication.translate("SendStep", "Row {row}: draft made."),
            }
            self.log.appendPlainText(lines[key].format(row=event.row))
        elif isinstance(event, RowFailed):
            self._count("failed")
            self.log.appendPlainText(
                QCoreApplication.translate("SendStep", "Row {row} failed ({code}): {reason}").format(
                    row=event.row, code=event.code, reason=event.reason
                )
            )
        elif isinstance(event, RowBounced):
            self._count("bounced")
            self.bounced.emit(event.row, event.reason)
            self.log.appendPlainText(
                QCoreApplication.translate("SendStep", "Row {row} bounced ({code}): {reason}").format(
                    row=event.row, code=event.code, reason=event.reason
                )
            )
        else:
            self._show_state(event)

    def _show_started(self, event: Started) -> None:
        """Counts and progress start from what earlier runs of the campaign already did."""
        before = {key: sum(event.counts.get(state, 0) for state in states) for key, states in EARLIER.items()}
        self.counts_by = {key: count for key, count in before.items() if count}
        done = sum(before[key] for key in ("sent", "failed", "scheduled"))
        self.pending = done + event.pending
        self.progress.setMaximum(max(self.pending, 1))
        self._count("none")
        going = event.total - event.counts.get(SKIPPED, 0)
        self.log.appendPlainText(
            QCoreApplication.translate("SendStep", "{pending} of {total} to go, from {mailbox}.").format(
                pending=event.pending, total=going, mailbox=event.mailbox
            )
        )
        if done:
            self.log.appendPlainText(
                QCoreApplication.translate("SendStep", "Before this run: {counts}").format(
                    counts=self._counts_text()
                )
            )

    def _show_state(self, event: object) -> None:
        if isinstance(event, Paused):
            self.pause_button.setEnabled(False)
            self.resume_button_.setEnabled(True)
            self.log.appendPlainText(event.reason or QCoreApplication.translate("SendStep", "Paused."))
        elif isinstance(event, Resumed):
            self.pause_button.setEnabled(True)
            self.resume_button_.setEnabled(False)
            self.log.appendPlainText(QCoreApplication.translate("SendStep", "Resumed."))
        elif isinstance(event, Waiting):
            until = formatting.when(datetime.fromtimestamp(event.until).astimezone())
            self.log.appendPlainText(
                QCoreApplication.translate("SendStep", "Waiting until {time}: {why}.").format(
                    time=until, why=event.explained()
                )
            )
        elif isinstance(event, Stopped):
            self.log.appendPlainText(
                QCoreApplication.translate("SendStep", "Stopped: {reason}").format(reason=event.reason)
            )
        elif isinstance(event, Cancelled):
            self.log.appendPlainText(self.cancelled_text(event.deleted))
        elif isinstance(event, Finished):
            self.progress.setValue(self.progress.maximum())
            self.eta.setText(formatting.duration(timedelta(0)))
            self.log.appendPlainText(QCoreApplication.translate("SendStep", "Done."))
            self.log.appendPlainText(self._counts_text())
        elif event is not None:
            self.log.appendPlainText(str(event))
