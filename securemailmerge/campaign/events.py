"""What a running campaign reports, one small frozen event at a time (for the CLI and the window).

A run yields ``Started`` first and exactly one of ``Finished``, ``Paused``, ``Stopped`` or
``Cancelled`` last (a run closed from outside, as Ctrl+C does, ends without one). Between them come
the rows' events and the waits. ``Throttled`` is the Graph client's own event, passed through.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from securemailmerge.i18n import translate
from securemailmerge.m365.retry import Retrying, Throttled

__all__ = [
    "Cancelled",
    "Event",
    "Finished",
    "Paused",
    "Reconciled",
    "Resumed",
    "Retrying",
    "RowBounced",
    "RowDrafted",
    "RowFailed",
    "RowScheduled",
    "RowSent",
    "Started",
    "Stopped",
    "Throttled",
    "Waiting",
]


@dataclass(frozen=True)
class Started:
    """The run began: how many rows the campaign has, how many are left, from which mailbox, how.

    ``counts`` are the rows per state as the run finds them, so a resumed run can show the whole
    campaign (what earlier runs sent as well as what this one sends).
    """

    campaign: str
    total: int
    pending: int
    mailbox: str
    mode: str
    counts: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Reconciled:
    """After a restart, a row's state was settled from what the mailbox holds."""

    key: str
    row: int
    state: str
    how: str


@dataclass(frozen=True)
class RowDrafted:
    """A row's draft is complete in Drafts, attachments included."""

    key: str
    row: int
    message_id: str


@dataclass(frozen=True)
class RowSent:
    """Exchange accepted a row's message (202); delivery comes later."""

    key: str
    row: int
    message_id: str
    sent_at: float


@dataclass(frozen=True)
class RowScheduled:
    """A row's message waits in the Outbox until its deferred send time."""

    key: str
    row: int
    message_id: str
    send_at: float


@dataclass(frozen=True)
class RowFailed:
    """A row could not be sent: the Graph code (or ours) and a sentence for the user."""

    key: str
    row: int
    code: str
    reason: str


@dataclass(frozen=True)
class RowBounced:
    """A non-delivery report came back for a row: its status code and what it means."""

    key: str
    row: int
    code: str
    reason: str


@dataclass(frozen=True)
class Waiting:
    """Nothing leaves until ``until`` (epoch seconds) because of ``why``: daily-cap, window or copy."""

    until: float
    why: str

    def explained(self) -> str:
        """Why, as the user reads it (the CLI and the window say the same)."""
        texts = {
            "daily-cap": translate("Campaign", "the daily recipient cap is reached"),
            "window": translate("Campaign", "outside the sending window"),
            "copy": translate("Campaign", "sent messages whose copies are still on their way to Sent Items"),
            "connection": translate("Campaign", "Microsoft 365 could not be reached or kept throttling"),
        }
        return texts.get(self.why, self.why)


@dataclass(frozen=True)
class Paused:
    """The run paused: asked by the user, or for a reason that may pass (``reason`` says which)."""

    reason: str = ""


@dataclass(frozen=True)
class Resumed:
    """A paused run goes on."""


@dataclass(frozen=True)
class Stopped:
    """The run stopped for a reason that concerns every row (a missing right, the daily limit)."""

    code: str
    reason: str


@dataclass(frozen=True)
class Cancelled:
    """The user cancelled: the unsent drafts deleted, and those that could not be (by message id)."""

    deleted: int
    left: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finished:
    """Every row has its final state; the counts per state."""

    counts: Mapping[str, int] = field(default_factory=dict)


Event = (
    Started
    | Reconciled
    | RowDrafted
    | RowSent
    | RowScheduled
    | RowFailed
    | RowBounced
    | Waiting
    | Paused
    | Resumed
    | Stopped
    | Cancelled
    | Finished
    | Throttled
    | Retrying
)
