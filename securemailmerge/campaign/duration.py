"""How long sending takes: the pace per minute, and Exchange Online's daily recipient limit.

Exchange Online lets a mailbox send to at most 10,000 recipients in any 24 hours (To, Cc and Bcc
each count). A campaign larger than that sends a day's share, waits until the first message of
that share is 24 hours old, and goes on: 600,000 rows at one recipient each take about 60 days,
however fast the pace.
"""

from __future__ import annotations

from datetime import timedelta

DAILY_RECIPIENT_LIMIT = 10_000
# Exchange Online takes 30 messages a minute from one mailbox and queues the rest: faster gains nothing.
PER_MINUTE_LIMIT = 30
_DAY_MINUTES = 24 * 60


def sending_duration(
    messages: int, recipients: int, per_minute: float, daily_limit: int = DAILY_RECIPIENT_LIMIT
) -> timedelta:
    """The time from the first to the last message of ``messages`` sent to ``recipients`` in all."""
    if messages <= 0:
        return timedelta(0)
    per_message = max(recipients, messages) / messages
    per_day = max(1, int(daily_limit // per_message))  # messages one rolling day allows
    if messages <= per_day or per_minute * _DAY_MINUTES <= per_day:
        return timedelta(minutes=messages / per_minute)
    # Every full day's share takes a whole day (the limit, not the pace, decides); the last share
    # goes at the pace.
    full_days = (messages - 1) // per_day
    return timedelta(minutes=full_days * _DAY_MINUTES + (messages - full_days * per_day) / per_minute)


def limited_by_the_day(messages: int, recipients: int, daily_limit: int = DAILY_RECIPIENT_LIMIT) -> bool:
    """True when the daily recipient limit, not the pace, makes sending take longer than a day."""
    return max(recipients, messages) > daily_limit
