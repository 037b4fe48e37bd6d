"""What the window's steps hold, as a campaign document, and back: the send settings and the sender.

The campaign file's contents are read from the controls the user sees (not from a copy kept on the
side), so the file always saves what is on the screen; applying a document sets the same controls,
which then tell the controller as if the user had set them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTime

from securemailmerge.campaign import SCHEDULED, SendSettings

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ui.steps.account import AccountStep
    from ui.steps.send import SendStep

TIME_FORMAT = "HH:mm"


def send_settings(send: SendStep, sender: str | None) -> SendSettings:
    """The send settings the Send step shows, from ``sender`` (a shared mailbox, or None: one's own)."""
    mode = str(send.mode.currentData())
    window = None
    if send.use_window.isChecked():
        window = (
            send.window_start.time().toString(TIME_FORMAT),
            send.window_end.time().toString(TIME_FORMAT),
        )
    send_at = None
    if mode == SCHEDULED:
        send_at = datetime.fromtimestamp(send.when.dateTime().toSecsSinceEpoch(), UTC)
    return SendSettings(
        sender=sender,
        mode=mode,
        per_minute=send.pace.value(),
        daily_cap=send.cap.value(),
        window=window,
        send_at=send_at,
    )


def show_send_settings(send: SendStep, settings: SendSettings) -> None:
    """Set the Send step's controls to ``settings`` (a pace beyond the control's range is clamped)."""
    send.mode.setCurrentIndex(max(send.mode.findData(settings.mode), 0))
    if settings.send_at is not None:
        send.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(settings.send_at.timestamp())))
    send.pace.setValue(settings.per_minute)
    send.cap.setValue(settings.daily_cap)
    send.use_window.setChecked(settings.window is not None)
    if settings.window is not None:
        send.window_start.setTime(QTime.fromString(settings.window[0], TIME_FORMAT))
        send.window_end.setTime(QTime.fromString(settings.window[1], TIME_FORMAT))


def show_sender(account: AccountStep, sender: str | None) -> None:
    """Choose the campaign's mailbox in the Account step, as the user would, so the core checks it."""
    if sender:
        account.shared_address.setCurrentText(sender)
        account.shared_mailbox.setChecked(True)
    else:
        account.own_mailbox.setChecked(True)
    account.apply_sender()


def settings_signals(send: SendStep) -> list[SignalInstance]:
    """The signals of every Send step control a campaign file keeps."""
    return [
        send.mode.currentIndexChanged,
        send.when.dateTimeChanged,
        send.pace.valueChanged,
        send.cap.valueChanged,
        send.use_window.toggled,
        send.window_start.timeChanged,
        send.window_end.timeChanged,
    ]
