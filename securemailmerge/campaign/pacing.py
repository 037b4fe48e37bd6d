"""One scheduler for a campaign's pace and Graph's limits, on an injected clock.

It decides when each message may leave: at most ``per_minute`` messages in any 60 seconds (evenly
spaced, plus an optional random pause), at most ``daily_cap`` recipients (To, CC and BCC) in any
rolling 24 hours, and only inside the sending window when one is set (local time of the mailbox's
time zone, so a daylight-saving change moves the window with the clock on the wall). It also holds
the app's four request slots (Graph's limit per app, whatever the mailbox), the 150 MB per
5 minutes upload budget, and the pause that a 429 imposes on every request of the campaign.
``clock`` (epoch seconds) and ``sleep`` are injected, so tests cross days in milliseconds.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time as clock_time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.m365.retry import RetryEvent, Throttled

MINUTE = 60.0
DAY = 24 * 3600.0
UPLOAD_WINDOW = 300.0
UPLOAD_BUDGET = 150 * 1024 * 1024
MAX_IN_FLIGHT = 4
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WINDOW = re.compile(
    r"^\s*(?:(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+)?(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})\s*$"
)
# Exchange names time zones the Windows way; the common ones, mapped to the IANA zone of their city.
WINDOWS_ZONES = {
    "UTC": "UTC",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "E. Europe Standard Time": "Europe/Chisinau",
    "GTB Standard Time": "Europe/Bucharest",
    "FLE Standard Time": "Europe/Kiev",
    "Eastern Standard Time": "America/New_York",
    "Central Standard Time": "America/Chicago",
    "Mountain Standard Time": "America/Denver",
    "Pacific Standard Time": "America/Los_Angeles",
    "Canada Central Standard Time": "America/Regina",
    "Central Standard Time (Mexico)": "America/Mexico_City",
    "SA Pacific Standard Time": "America/Bogota",
    "Argentina Standard Time": "America/Buenos_Aires",
    "India Standard Time": "Asia/Kolkata",
    "Tokyo Standard Time": "Asia/Tokyo",
    "AUS Eastern Standard Time": "Australia/Sydney",
}


def zone(name: str) -> ZoneInfo:
    """The time zone for a Windows or IANA name; InputError naming it when unknown."""
    try:
        return ZoneInfo(WINDOWS_ZONES.get(name, name))
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            translate(
                "Pacing", "The time zone {name} is not known; name an IANA zone such as Europe/Berlin."
            ).format(name=name)
        ) from None


@dataclass(frozen=True)
class SendWindow:
    """Days of the week and a time of day, in one time zone, when messages may leave."""

    days: frozenset[int]
    start: clock_time
    end: clock_time
    zone_name: str

    @classmethod
    def parse(cls, text: str, zone_name: str) -> SendWindow:
        """``mon-fri 08:00-18:00`` or ``08:00-18:00`` (every day); InputError with the text otherwise."""
        match = _WINDOW.match(text.lower())
        bad = InputError(
            translate(
                "Pacing", "The sending window {text} is not like mon-fri 08:00-18:00 (days optional)."
            ).format(text=repr(text))
        )
        if match is None:
            raise bad
        first, last = match["first"], match["last"] or match["first"]
        if first is None:
            days = frozenset(range(7))
        elif first in _DAYS and last in _DAYS:
            a, b = _DAYS.index(first), _DAYS.index(last)
            days = frozenset(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            raise bad
        try:
            start = clock_time.fromisoformat(match["start"].zfill(5))
            end = clock_time.fromisoformat(match["end"].zfill(5))
        except ValueError:
            raise bad from None
        if end <= start:
            raise bad
        zone(zone_name)
        return cls(days, start, end, zone_name)

    def next_open(self, moment: float) -> float:
        """``moment`` when it lies inside the window, else the next time the window opens."""
        tz = zone(self.zone_name)
        day: date = datetime.fromtimestamp(moment, tz).date()
        for _ in range(8):
            if day.weekday() in self.days:
                opens = datetime.combine(day, self.start, tzinfo=tz).timestamp()
                closes = datetime.combine(day, self.end, tzinfo=tz).timestamp()
                if moment < opens:
                    return opens
                if moment < closes:
                    return moment
            day += timedelta(days=1)
        raise AssertionError("a window with at least one day opens within a week")


@dataclass(frozen=True)
class Pacing:
    """How fast a campaign may send: per minute, random pause, daily recipient cap, window."""

    per_minute: float = 30.0
    random_pause: float = 0.0
    daily_cap: int = 10_000
    window: SendWindow | None = None

    def __post_init__(self) -> None:
        if not self.per_minute > 0:
            raise InputError(translate("Pacing", "The pace must be more than 0 messages per minute."))
        if self.daily_cap < 1:
            raise InputError(translate("Pacing", "The daily recipient cap must be at least 1."))
        if self.random_pause < 0:
            raise InputError(translate("Pacing", "The random pause cannot be negative."))


def pacing_from(settings: Mapping[str, Any]) -> Pacing:
    """The campaign's pacing as its settings hold it."""
    window = settings.get("window")
    return Pacing(
        per_minute=float(settings.get("per_minute", 30.0)),
        random_pause=float(settings.get("random_pause", 0.0)),
        daily_cap=int(settings.get("daily_cap", 10_000)),
        window=SendWindow.parse(window, settings.get("window_zone") or "UTC") if window else None,
    )


@dataclass(frozen=True)
class Slot:
    """When a message may leave, and what made it wait (``pace``, ``daily-cap``, ``window`` or None)."""

    at: float
    waited_for: str | None


class Scheduler:
    """The campaign's one scheduler: departure slots, request slots, upload budget and 429 holds."""

    def __init__(
        self,
        pacing: Pacing,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        history: Iterable[tuple[float, int]] = (),
        max_in_flight: int = MAX_IN_FLIGHT,
    ) -> None:
        self.pacing = pacing
        self.clock = clock
        self.sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 - a human-looking pause, not secrecy
        self._lock = threading.Lock()
        self._departures: deque[float] = deque()
        self._recipients: deque[tuple[float, int]] = deque()
        self._recipient_sum = 0
        for moment, count in history:
            self._record(moment, count)
        self._slots = threading.BoundedSemaphore(max_in_flight)
        self._hold_until = 0.0
        self._uploads: deque[tuple[float, int]] = deque()
        self.in_flight = 0
        self.peak_in_flight = 0
        self.requests = 0

    # departures -------------------------------------------------------------------------------------

    def _record(self, moment: float, recipients: int) -> None:
        self._departures.append(moment)
        self._recipients.append((moment, recipients))
        self._recipient_sum += recipients

    def reserve(self, recipients: int, earliest: float | None = None) -> Slot:
        """The next departure slot for a message to ``recipients`` addresses, recorded as taken."""
        if recipients > self.pacing.daily_cap:
            raise InputError(
                translate(
                    "Pacing", "A message to {count} recipients is more than the daily cap of {cap} allows."
                ).format(count=recipients, cap=self.pacing.daily_cap)
            )
        with self._lock:
            now = self.clock()
            at, why = max(now, earliest or now), None
            rate = self.pacing.per_minute
            if self._departures:
                spaced = self._departures[-1] + MINUTE / rate + self._rng.uniform(0, self.pacing.random_pause)
                if spaced > at:
                    at, why = spaced, "pace"
            per_window = max(1, int(rate))
            if len(self._departures) >= per_window and self._departures[-per_window] + MINUTE > at:
                at, why = self._departures[-per_window] + MINUTE, "pace"
            at, why = self._within_cap(at, why, recipients)
            if self.pacing.window is not None:
                opened = self.pacing.window.next_open(at)
                if opened > at:
                    at, why = opened, "window"
            self._record(at, recipients)
            while len(self._departures) > per_window:
                self._departures.popleft()
            return Slot(at, why)

    def _within_cap(self, at: float, why: str | None, recipients: int) -> tuple[float, str | None]:
        """The first moment from ``at`` when ``recipients`` more stay within the rolling 24-hour cap."""
        cap = self.pacing.daily_cap
        while self._recipients and self._recipients[0][0] <= at - DAY:
            self._recipient_sum -= self._recipients.popleft()[1]
        total = self._recipient_sum
        if total + recipients <= cap:
            return at, why
        for moment, count in self._recipients:
            total -= count
            if total + recipients <= cap:
                return max(at, moment + DAY), "daily-cap"
        raise AssertionError("the cap holds once every earlier message has left the window")

    def wait_until(self, moment: float, stop: Callable[[], bool] = lambda: False, step: float = 1.0) -> bool:
        """Sleep until ``moment`` in steps, asking ``stop`` between them; False when stopped first."""
        while True:
            if stop():
                return False
            left = moment - self.clock()
            if left <= 0:
                return True
            self.sleep(min(left, step))

    # requests ----------------------------------------------------------------------------------------

    def hold(self, seconds: float) -> None:
        """Let no request of the campaign start for ``seconds`` (Graph said Retry-After)."""
        with self._lock:
            self._hold_until = max(self._hold_until, self.clock() + seconds)

    def on_retry(self, event: RetryEvent) -> None:
        """The Graph client's retry hook: a 429 holds every request, not only the throttled one."""
        if isinstance(event, Throttled):
            self.hold(event.wait_seconds)

    @contextmanager
    def request(self, upload_bytes: int = 0) -> Iterator[None]:
        """One request slot of four, after any 429 hold and within the upload budget."""
        self._wait_for_hold()
        if upload_bytes:
            self._wait_for_upload_budget(upload_bytes)
        with self._slots:
            with self._lock:
                self.in_flight += 1
                self.requests += 1
                self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            try:
                yield
            finally:
                with self._lock:
                    self.in_flight -= 1

    def _wait_for_hold(self) -> None:
        while True:
            with self._lock:
                left = self._hold_until - self.clock()
            if left <= 0:
                return
            self.sleep(left)

    def _wait_for_upload_budget(self, size: int) -> None:
        while True:
            with self._lock:
                now = self.clock()
                while self._uploads and self._uploads[0][0] <= now - UPLOAD_WINDOW:
                    self._uploads.popleft()
                used = sum(n for _, n in self._uploads)
                if used + size <= UPLOAD_BUDGET or not self._uploads:
                    self._uploads.append((now, size))
                    return
                left = self._uploads[0][0] + UPLOAD_WINDOW - now
            self.sleep(max(left, 0.01))


class ScaledTime:
    """A clock and a sleep that run ``1 / scale`` times as fast as the wall's: a campaign's time against a
    sandbox whose windows are scaled by ``scale`` (benchmarks and long tests cross hours in seconds)."""

    def __init__(self, scale: float, start: float | None = None) -> None:
        self.scale = scale
        self.start = time.time() if start is None else start

    def clock(self) -> float:
        """The scaled epoch seconds now."""
        return self.start + (time.time() - self.start) / self.scale

    def sleep(self, seconds: float) -> None:
        """Sleep ``seconds`` of scaled time."""
        time.sleep(max(0.0, seconds) * self.scale)
