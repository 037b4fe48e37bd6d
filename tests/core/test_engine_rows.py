"""Rows fail alone with Graph's code and reason and can be tried again; pause and resume act between steps."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from securemailmerge.campaign.engine import Campaign, Control
from securemailmerge.campaign.events import Finished, Paused, Resumed, RowFailed, RowSent
from securemailmerge.campaign.journal import FAILED, SENT, Journal
from securemailmerge.campaign.start import CampaignOptions, parse_time
from securemailmerge.errors import InputError
from securemailmerge.sandbox.graph import GraphService, SendPolicy
from securemailmerge.template.model import Template
from tests.campaign_support import graph_maker, new_campaign

LIMIT = 20_000


@pytest.fixture
def graph_options() -> dict[str, Any]:
    """A mailbox that takes messages of at most 20 kB."""
    return {"sending": SendPolicy.instant(max_message_bytes=LIMIT)}


def test_a_row_too_large_fails_alone_and_is_sent_when_tried_again(
    service: GraphService, tmp_path: Path
) -> None:
    journal = new_campaign(
        tmp_path, 4, template=Template("Hi {{ Name }}", "<p>Hi</p>", attachment_column="File")
    )
    (tmp_path / "own1.txt").write_bytes(b"x" * LIMIT)  # row 3 (Person 1) carries it
    journal.close()
    journal = Journal.open(tmp_path / "campaign")
    make, factory, _ = graph_maker(service, tmp_path)
    events = list(Campaign(journal, make, factory).run())
    failed = [e for e in events if isinstance(e, RowFailed)]
    assert [(e.row, e.code) for e in failed] == [(3, "ErrorMessageSizeExceeded")]
    assert "exceeds the maximum supported size" in failed[0].reason
    assert isinstance(events[-1], Finished)
    assert (events[-1].counts[SENT], events[-1].counts[FAILED]) == (3, 1)

    service.emulator.policy = replace(service.emulator.policy, max_message_bytes=35 * 1024 * 1024)
    assert journal.retry_failed() == 1
    again = list(Campaign(journal, make, factory).run())
    assert [e.row for e in again if isinstance(e, RowSent)] == [3]
    assert journal.counts()[SENT] == 4


def test_pause_and_resume_between_steps(service: GraphService, tmp_path: Path) -> None:
    journal = new_campaign(tmp_path, 6)
    make, factory, _ = graph_maker(service, tmp_path)
    control = Control()
    events = []
    for event in Campaign(journal, make, factory, control=control).run():
        events.append(event)
        if isinstance(event, RowSent) and event.row == 3:
            control.pause()
        if isinstance(event, Paused):
            assert journal.setting("status") == "paused"
            sent_while_paused = journal.counts()[SENT]
            control.resume()
    kinds = [type(e).__name__ for e in events]
    assert kinds.index("Paused") < kinds.index("Resumed") < kinds.index("Finished")
    assert sent_while_paused < 6
    assert journal.counts()[SENT] == 6
    assert any(isinstance(e, Resumed) for e in events)


def test_times_are_read_in_the_mailbox_zone() -> None:
    assert parse_time("2026-03-30 08:00", "W. Europe Standard Time") == parse_time(
        "2026-03-30T06:00:00Z", "UTC"
    )
    with pytest.raises(InputError, match="'next monday' is not a time like 2026-05-04 09:30"):
        parse_time("next monday", "UTC")


def test_a_scheduled_campaign_needs_a_time() -> None:
    with pytest.raises(InputError, match=r"needs a time \(--at\) or a column of times"):
        CampaignOptions(mode="scheduled")
