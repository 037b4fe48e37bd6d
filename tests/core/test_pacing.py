"""The scheduler keeps the pace, the daily recipient cap and the sending window on an injected clock."""

from __future__ import annotations

import bisect
import random
import threading
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from securemailmerge.campaign.pacing import Pacing, Scheduler, SendWindow
from securemailmerge.errors import InputError
from securemailmerge.m365.retry import Retrying, Throttled


class FakeTime:
    """A clock that only sleeping moves."""

    def __init__(self, now: float) -> None:
        self.now = now

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def send_all(scheduler: Scheduler, time: FakeTime, counts: list[int]) -> list[float]:
    """Send one message per count when its slot comes, as the engine does; the departure times."""
    departures = []
    for count in counts:
        slot = scheduler.reserve(count)
        assert scheduler.wait_until(slot.at)
        departures.append(time.now)
    return departures


def most_in_any_window(times: list[float], weights: list[int], width: float) -> int:
    """The largest total weight of departures in any half-open window [t, t + width)."""
    best = 0
    for index, start in enumerate(times):
        end = bisect.bisect_left(times, start + width)
        best = max(best, sum(weights[index:end]))
    return best


@pytest.mark.parametrize(("per_minute", "pause"), [(30, 0.0), (30, 3.0), (7.5, 1.0), (10, 0.0), (120, 0.5)])
def test_the_pace_is_never_exceeded_in_any_minute(per_minute: float, pause: float) -> None:
    time = FakeTime(1_700_000_000.0)
    scheduler = Scheduler(
        Pacing(per_minute=per_minute, random_pause=pause),
        clock=time.clock,
        sleep=time.sleep,
        rng=random.Random(4),
    )
    departures = send_all(scheduler, time, [1] * 400)
    assert most_in_any_window(departures, [1] * 400, 60.0) <= int(per_minute)
    if pause == 0:
        # Evenly spaced: the campaign takes exactly the ideal time.
        assert departures[-1] - departures[0] == pytest.approx(399 * 60 / per_minute)


def test_the_daily_cap_holds_in_any_24_hours_and_the_campaign_then_continues() -> None:
    time = FakeTime(1_700_000_000.0)
    scheduler = Scheduler(Pacing(per_minute=600, daily_cap=100), clock=time.clock, sleep=time.sleep)
    counts = [3, 1, 7] * 40
    departures = send_all(scheduler, time, counts)
    assert most_in_any_window(departures, counts, 24 * 3600) <= 100
    assert departures[-1] - departures[0] > 24 * 3600  # it waited, then went on


def test_earlier_sends_of_the_mailbox_count_against_the_cap() -> None:
    time = FakeTime(1_700_000_000.0)
    history = [(time.now - 3600, 99)]
    scheduler = Scheduler(Pacing(daily_cap=100), clock=time.clock, sleep=time.sleep, history=history)
    slot = scheduler.reserve(2)
    assert (slot.at, slot.waited_for) == (time.now - 3600 + 24 * 3600, "daily-cap")


def test_the_window_is_kept_in_local_time_across_the_daylight_saving_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # Friday 2026-03-27 17:50 local; the clocks go forward on Sunday 29 March.
    start = datetime(2026, 3, 27, 17, 50, tzinfo=berlin).timestamp()
    time = FakeTime(start)
    window = SendWindow.parse("mon-fri 08:00-18:00", "W. Europe Standard Time")
    scheduler = Scheduler(Pacing(per_minute=1, window=window), clock=time.clock, sleep=time.sleep)
    departures = send_all(scheduler, time, [1] * 30)
    local = [datetime.fromtimestamp(t, berlin) for t in departures]
    assert all(d.weekday() < 5 and 8 <= d.hour < 18 for d in local)
    assert [d.strftime("%a %H:%M %Z") for d in local[9:12]] == [
        "Fri 17:59 CET",
        "Mon 08:00 CEST",
        "Mon 08:01 CEST",
    ]
    assert local[10].astimezone(UTC).hour == 6  # 08:00 summer time is 06:00 UTC, no longer 07:00


@pytest.mark.parametrize(
    "text", ["mon-fri 18:00-08:00", "someday 08:00-09:00", "08-09", "mon-fri 25:00-26:00"]
)
def test_a_bad_window_is_named(text: str) -> None:
    with pytest.raises(InputError, match="is not like mon-fri 08:00-18:00"):
        SendWindow.parse(text, "UTC")


def test_an_unknown_time_zone_is_named() -> None:
    with pytest.raises(InputError, match="The time zone Mars Standard Time is not known"):
        SendWindow.parse("08:00-18:00", "Mars Standard Time")


@pytest.mark.parametrize("pacing", [{"per_minute": 0}, {"daily_cap": 0}, {"random_pause": -1}])
def test_impossible_pacing_is_refused(pacing: dict[str, float]) -> None:
    with pytest.raises(InputError):
        Pacing(**pacing)  # type: ignore[arg-type]


def test_a_throttle_holds_every_request_for_its_retry_after() -> None:
    time = FakeTime(1000.0)
    scheduler = Scheduler(Pacing(), clock=time.clock, sleep=time.sleep)
    scheduler.on_retry(Retrying("503", 9.0, 1))  # a backoff of one request holds nobody else
    with scheduler.request():
        assert time.now == 1000.0
    scheduler.on_retry(Throttled("429", 7.0, 1))
    with scheduler.request():
        assert time.now == 1007.0


def test_never_more_than_four_requests_are_in_flight() -> None:
    scheduler = Scheduler(Pacing())
    gate = threading.Barrier(4, timeout=5)

    def work() -> None:
        with scheduler.request():
            gate.wait()  # four at a time meet here: a fifth in flight would never be let in

    threads = [threading.Thread(target=work) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (scheduler.peak_in_flight, scheduler.requests) == (4, 12)
