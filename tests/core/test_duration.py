"""The sending time counts Exchange Online's 10,000 recipients per 24 hours, not only the pace."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from securemailmerge.campaign.check import PreflightSettings, preflight
from securemailmerge.campaign.checktext import format_duration, report_lines
from securemailmerge.campaign.duration import sending_duration
from securemailmerge.recipients import load_recipients
from securemailmerge.template.model import Template


@pytest.mark.parametrize(
    ("messages", "recipients", "pace", "shown"),
    [
        (21, 21, 30, "42 s"),
        (10_000, 10_000, 30, "5 h 33 min"),  # one day's share: the pace decides
        (10_001, 10_001, 30, "24 h 0 min"),  # one message more waits for the next day
        (600_000, 600_000, 30, "59 days 6 h"),  # 59 full days, then 10,000 at 30 a minute
        (5_000, 15_000, 30, "24 h 56 min"),  # three recipients a message: 3,333 messages a day
        (100_000, 100_000, 5, "13 days 21 h"),  # 7,200 a day at 5 a minute: the pace decides
    ],
)
def test_duration_includes_the_daily_limit(messages: int, recipients: int, pace: float, shown: str) -> None:
    assert format_duration(sending_duration(messages, recipients, pace)) == shown


def test_600000_rows_are_about_60_days() -> None:
    duration = sending_duration(600_000, 600_000, 30)
    assert timedelta(days=59) < duration < timedelta(days=60)


def test_the_check_says_the_daily_limit_makes_it_longer(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Email,Cc\n" + "".join(f"p{n}@example.com,c{n}@example.com\n" for n in range(5)), "utf-8")
    settings = PreflightSettings(base_folder=tmp_path, daily_recipient_limit=4)
    report = preflight(load_recipients(path), Template(subject="Hi", html="<p>Hi</p>"), settings)
    assert report.recipients == 10
    assert (
        "Sending takes about 2 days 0 h: 30 messages per minute, and Exchange Online sends to at most "
        "4 recipients in 24 hours (10 in all)"
    ) in report_lines(report)
