"""Graph's retry rules alone: which failures are tried again, after how long, and what the user reads."""

from __future__ import annotations

import pytest

from securemailmerge.m365.retry import (
    Failure,
    Retrying,
    RetryPolicy,
    Throttled,
    parse_retry_after,
    plan_retry,
)


def longest(a: float, b: float) -> float:
    """Jitter that always picks the longest wait."""
    return b


def no_jitter_expected(a: float, b: float) -> float:
    raise AssertionError("a wait Microsoft named is never jittered")


@pytest.mark.parametrize(
    ("failure", "may_repeat", "expected"),
    [
        (Failure(429, "throttled", retry_after=7), False, Throttled("throttled", 7, 1)),
        (Failure(429, "throttled", retry_after=7), True, Throttled("throttled", 7, 1)),
        (Failure(429, "throttled"), False, Retrying("throttled", 1, 1)),
        (Failure(503, "busy", retry_after=3), True, Throttled("busy", 3, 1)),
        (Failure(503, "busy", retry_after=3), False, None),
        (Failure(504, "gateway"), True, Retrying("gateway", 1, 1)),
        (Failure(502, "bad gateway"), False, None),
        (Failure(None, "connection reset"), True, Retrying("connection reset", 1, 1)),
        (Failure(None, "connection reset"), False, None),
        (Failure(400, "bad request"), True, None),
        (Failure(403, "denied"), True, None),
        (Failure(404, "missing"), True, None),
        (Failure(500, "internal"), True, None),
    ],
)
def test_which_failures_are_retried(failure: Failure, may_repeat: bool, expected: object) -> None:
    assert plan_retry(failure, 1, may_repeat=may_repeat, uniform=longest) == expected


def test_a_named_wait_is_taken_exactly_and_never_jittered() -> None:
    event = plan_retry(Failure(429, "x", retry_after=12.5), 3, may_repeat=False, uniform=no_jitter_expected)
    assert event == Throttled("x", 12.5, 3)


def test_the_last_allowed_attempt_is_not_retried() -> None:
    policy = RetryPolicy(max_attempts=3)
    throttled = Failure(429, "x", retry_after=1)
    assert plan_retry(throttled, 2, may_repeat=True, uniform=longest, policy=policy) is not None
    assert plan_retry(throttled, 3, may_repeat=True, uniform=longest, policy=policy) is None


def test_backoff_doubles_up_to_the_cap_and_keeps_at_least_half_a_step() -> None:
    policy = RetryPolicy(max_attempts=20, backoff_base=1.0, backoff_cap=60.0)
    waits = [policy.backoff(attempt, longest) for attempt in range(1, 10)]
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    shortest = [policy.backoff(attempt, lambda a, b: a) for attempt in range(1, 5)]
    assert shortest == [0.5, 1, 2, 4]


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), (" 2.5 ", 2.5), ("0", 0.0), ("-1", None), ("soon", None), ("", None), (None, None)],
)
def test_retry_after_is_read_as_seconds(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header) == seconds


def test_retry_events_read_as_sentences() -> None:
    assert str(Throttled("x", 12, 1)) == "Throttled by Microsoft, waiting 12 s (attempt 1)."
    retrying = Retrying("The line dropped.", 1.5, 2)
    assert str(retrying) == "The line dropped. Trying again in 1.5 s (attempt 2)."
