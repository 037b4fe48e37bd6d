"""One preflight pass whose ready messages are written as they come (``export``): each row is
rendered once, and the report is there after the last."""

from __future__ import annotations

from collections.abc import Iterator

from securemailmerge.campaign.check import (
    CheckStarted,
    PreflightReport,
    PreflightSettings,
    RowChecked,
    check_rows,
)
from securemailmerge.recipients.model import Recipient, RecipientList
from securemailmerge.template.model import RenderedMessage, Template


class CheckPass:
    """One preflight pass that writes as it goes: the ready rows with their messages, then ``report``.

    Compiling happens here, so a template that cannot be used raises before anything is written.
    """

    def __init__(self, recipients: RecipientList, template: Template, settings: PreflightSettings) -> None:
        self._events = check_rows(recipients, template, settings)
        started = next(self._events)
        assert isinstance(started, CheckStarted)
        self.unknown_fields = started.unknown_fields
        self.report: PreflightReport | None = None

    def ready(self) -> Iterator[tuple[Recipient, RenderedMessage]]:
        """The ready rows, each with its message, one at a time; ``report`` is set after the last."""
        for event in self._events:
            if isinstance(event, RowChecked) and event.ready and event.rendered is not None:
                yield event.recipient, event.rendered
            elif isinstance(event, PreflightReport):
                self.report = event


def ready_messages(
    recipients: RecipientList, template: Template, settings: PreflightSettings
) -> Iterator[tuple[Recipient, RenderedMessage]]:
    """The rows preflight counts as ready, each with its rendered message, one at a time."""
    return CheckPass(recipients, template, settings).ready()
