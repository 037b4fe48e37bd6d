"""Graph's per-app-per-mailbox throttling and Exchange's recipient limits, in scaled time and on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER, DEMO_USER_ID, demo_directory
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
    assert limits.enter(("app", "other mailbox")) is None  # limits are per mailbox
    limits.leave(KEY)
    assert limits.enter(KEY) is None


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


def test_ten_thousand_recipients_per_rolling_day(clock: Clock) -> None:
    limits = Limits(clock=clock, time_scale=0.001)
    assert limits.send_recipients("mailbox", 9_999)
    assert limits.send_recipients("mailbox", 1)
    assert not limits.send_recipients("mailbox", 1)
    assert limits.send_recipients("another", 1)
    clock.now += 24 * 3600 * 0.001
    assert limits.send_recipients("mailbox", 500)


def test_send_beyond_the_daily_recipients_is_refused(clock: Clock) -> None:
    service = GraphService(demo_directory(), TokenRegistry(), clock=clock)
    everyone = [{"emailAddress": {"address": f"p{i}@example.com"}} for i in range(500)]
    with harness.client(service) as graph:
        statuses = []
        for _ in range(21):
            message_id = graph.post("/me/messages", json={"subject": "x", "bccRecipients": everyone}).json()[
                "id"
            ]
            response = graph.post(f"/me/messages/{message_id}/send")
            statuses.append(response.status_code)
        assert statuses == [202] * 20 + [403]
        assert response.json()["error"]["code"] == "ErrorExceededMessageLimit"
        clock.now += 24 * 3600
        assert graph.post(f"/me/messages/{message_id}/send").status_code == 202
    service.close()


@pytest.fixture
def slow_service() -> Iterator[GraphService]:
    """Every request takes about half a second inside its slot, so five can overlap."""
    profile = FaultProfile.parse("1:none,latency=1,min_latency=0.4,max_latency=0.5")
    service = GraphService(demo_directory(), TokenRegistry(), faults=profile)
    yield service
    service.close()


def test_fifth_concurrent_request_gets_429_over_loopback(slow_service: GraphService) -> None:
    server = serve(slow_service.graph_app)
    token, _, _ = slow_service.emulator.tokens.issue(DEMO_USER_ID, CLIENT_ID, harness.APP_SCOPES)
    responses: list[httpx.Response] = []
    lock = threading.Lock()

    def call() -> None:
        with httpx.Client(trust_env=False, timeout=10) as client:
            response = client.get(
                f"{server.url}/v1.0/me/mailFolders/inbox/messages",
                headers={"Authorization": f"Bearer {token}"},
            )
        with lock:
            responses.append(response)

    try:
        threads = [threading.Thread(target=call) for _ in range(5)]
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
    assert slow_service.inspect.counters()["throttled"] == {DEMO_USER: 1}
