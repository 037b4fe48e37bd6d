"""Graph's retry rules as a pure function, and the two events a retry shows the user.

``plan_retry`` decides, from what one attempt ended with, whether to try again and how long to wait
first; it sleeps nothing and sends nothing, so the Graph client's request loop and the campaign's
pacer share it and a test checks it alone. The rules (Microsoft's throttling guidance):

- 429: wait exactly ``Retry-After`` seconds, for any method, because Graph did not process the
  request; without the header, back off;
- 503 with ``Retry-After``: wait that long; 502/503/504 without it and dropped connections: back off
  exponentially with jitter, capped; both only when repeating cannot make a duplicate (GET, PATCH,
  DELETE, or a POST the caller vouches for);
- everything else, and the last allowed attempt, is not retried.

``Throttled`` and ``Retrying`` are the events a front end shows while the client waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from securemailmerge.i18n import translate

IDEMPOTENT = frozenset({"GET", "PATCH", "DELETE"})
TRANSIENT = frozenset({502, 503, 504})


@dataclass(frozen=True)
class Throttled:
    """Microsoft throttled a request; the client waits exactly as long as it was told."""

    reason: str
    wait_seconds: float
    attempt: int

    def __str__(self) -> str:
        return translate("Graph", "Throttled by Microsoft, waiting {seconds} s (attempt {attempt}).").format(
            seconds=_seconds(self.wait_seconds), attempt=self.attempt
        )


@dataclass(frozen=True)
class Retrying:
    """A request failed for a passing reason and is tried again after a pause."""

    reason: str
    wait_seconds: float
    attempt: int

    def __str__(self) -> str:
        return translate("Graph", "{reason}. Trying again in {seconds} s (attempt {attempt}).").format(
            reason=self.reason.rstrip(". "), seconds=_seconds(self.wait_seconds), attempt=self.attempt
        )


RetryEvent = Throttled | Retrying
RetryObserver = Callable[[RetryEvent], None]


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


@dataclass(frozen=True)
class RetryPolicy:
    """How often to try and how long to back off: ``base * 2**(attempt-1)`` seconds, at most ``cap``."""

    max_attempts: int = 6
    backoff_base: float = 1.0
    backoff_cap: float = 60.0

    def backoff(self, attempt: int, uniform: Callable[[float, float], float]) -> float:
        """The pause after failed ``attempt``: "equal jitter", at least half the step so waits still grow."""
        step = min(self.backoff_cap, self.backoff_base * 2.0 ** (attempt - 1))
        return step / 2 + uniform(0, step / 2)


@dataclass(frozen=True)
class Failure:
    """How one attempt failed: Graph's status (None: the connection broke), ``Retry-After`` and why."""

    status: int | None
    reason: str
    retry_after: float | None = None


def plan_retry(
    failure: Failure,
    attempt: int,
    *,
    may_repeat: bool,
    uniform: Callable[[float, float], float],
    policy: RetryPolicy = RetryPolicy(),
) -> RetryEvent | None:
    """The wait before trying ``failure``'s request again, or None when it must not be retried.

    ``may_repeat``: sending the request twice cannot make a duplicate. ``uniform(a, b)`` draws the
    jitter (``random.Random.uniform``); it is called only when the answer is a backoff.
    """
    if attempt >= policy.max_attempts:
        return None
    status = failure.status
    if status is None or status in TRANSIENT:
        if not may_repeat:
            return None
    elif status != 429:
        return None
    # Graph did not process a throttled request, so even a POST may be sent again.
    if status is not None and failure.retry_after is not None:
        return Throttled(failure.reason, failure.retry_after, attempt)
    return Retrying(failure.reason, policy.backoff(attempt, uniform), attempt)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header, or None when it is missing or not a number of seconds."""
    try:
        seconds = float((value or "").strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
