"""Graph's throttling: 4 in flight per app, requests and uploads per app per mailbox; scaled, on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER_ID, SALES, demo_directory
from securemailmerge.sandbox.graph import FaultProfile, GraphService, harness
from securemailmerge.sandbox.graph.limits import MAX_UPLOAD_BYTES, Limits
from securemailmerge.sandbox.server import serve
from securemailmerge.sandbox.tokens import TokenRegistry
from tests.helpers import Clock

KEY = ("app", "mailbox")


@pytest.fixture
def clock() -> Clock:
    """A monotonic clock the test moves by hand."""
    return Clock(0.0)


def test_four_in_flight_then_429_until_one_finishes(clock: Clock) -> None:
    limits = Limits(clock=clock)
    assert [limits.enter(KEY) for _ in range(4)] == [None] * 4
    throttle = limits.enter(KEY)
    assert throttle is not None
    assert (throttle.reason, throttle.retry_after) == ("MailboxConcurrency", 1)
    assert throttle.message == "Application is over its MailboxConcurrency limit."
    # Four per app "regardless of whether the requests all access the same mailbox, or different ones".
    assert limits.enter(("app", "other mailbox")) is not None
    assert limits.enter(("other app", "mailbox")) is None
    limits.leave(KEY)
    assert limits.enter(("app", "other mailbox")) is None


def test_concurrency_can_be_counted_per_mailbox(clock: Clock) -> None:
    limits = Limits(clock=clock, concurrency="app+mailbox")
    assert [limits.enter(KEY) for _ in range(4)] == [None] * 4
    assert limits.enter(KEY) is not None
    assert limits.enter(("app", "other mailbox")) is None


@pytest.mark.parametrize(("scale", "retry_after"), [(1.0, 600), (0.01, 6)])
def test_ten_thousand_requests_per_ten_minutes(clock: Clock, scale: float, retry_after: int) -> None:
    limits = Limits(clock=clock, time_scale=scale)
    for _ in range(10_000):
        assert limits.enter(KEY) is None
        limits.leave(KEY)
    throttle = limits.enter(KEY)
    assert throttle is not None
    assert (throttle.reason, throttle.retry_after) == ("RequestCount", retry_after)
    clock.now += 600 * scale
    assert limits.enter(KEY) is None


def test_150_mb_of_uploads_per_five_minutes(clock: Clock) -> None:
    limits = Limits(clock=clock, time_scale=0.1)
    assert limits.enter(KEY, MAX_UPLOAD_BYTES) is None
    limits.leave(KEY)
    clock.now += 10
    throttle = limits.enter(KEY, 1)
    assert throttle is not None
    assert (throttle.reason, throttle.retry_after) == ("IncomingBytes", 20)
    clock.now += 20
    assert limits.enter(KEY, 1) is None


@pytest.fixture
def slow_service() -> Iterator[GraphService]:
    """Every request takes about half a second inside its slot, so five can overlap."""
    profile = FaultProfile.parse("1:none,latency=1,min_latency=0.4,max_latency=0.5")
    service = GraphService(demo_directory(), TokenRegistry(), faults=profile)
    yield service
    service.close()


@pytest.mark.parametrize("mailboxes", [["me"] * 5, ["me", "me", f"users/{SALES}", f"users/{SALES}", "me"]])
def test_fifth_concurrent_request_gets_429_over_loopback(
    slow_service: GraphService, mailboxes: list[str]
) -> None:
    # The same mailbox or different ones: Outlook runs four requests of an app at a time.
    server = serve(slow_service.graph_app)
    token, _, _ = slow_service.emulator.tokens.issue(DEMO_USER_ID, CLIENT_ID, harness.APP_SCOPES)
    responses: list[httpx.Response] = []
    lock = threading.Lock()

    def call(mailbox: str) -> None:
        with httpx.Client(trust_env=False, timeout=10) as client:
            response = client.get(
                f"{server.url}/v1.0/{mailbox}/contacts",
                headers={"Authorization": f"Bearer {token}"},
            )
        with lock:
            responses.append(response)

    try:
        threads = [threading.Thread(target=call, args=(mailbox,)) for mailbox in mailboxes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.stop()
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 200, 200, 200, 429]
    (throttled,) = [r for r in responses if r.status_code == 429]
    assert throttled.headers["Retry-After"] == "1"
    assert throttled.json()["error"]["code"] == "ApplicationThrottled"
    assert sum(slow_service.inspect.counters()["throttled"].values()) == 1
