"""Graph's retry rules as the client lives them: waits, backoff, retry events, one token refresh."""

from __future__ import annotations

import random
from pathlib import Path

import httpx
import pytest

from securemailmerge.errors import (
    AccessDeniedError,
    GraphError,
    NetworkError,
    NotFoundError,
    SignInRequired,
    ThrottledError,
)
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.retry import Retrying, Throttled
from tests.helpers import (
    GRAPH,
    GraphHarness as Harness,
    ScriptedAnswer as Answer,
    ok,
    scripted_error as error,
)

RETRIES: list[tuple[str, str, bool, list[Answer], list[float], type[Exception] | None]] = [
    (
        "429 waits exactly Retry-After",
        "GET",
        False,
        [error(429, "TooManyRequests", retry_after="7"), ok()],
        [7],
        None,
    ),
    (
        "429 on POST is retried",
        "POST",
        False,
        [error(429, "TooManyRequests", retry_after="12"), ok()],
        [12],
        None,
    ),
    ("429 without Retry-After backs off", "GET", False, [error(429, "TooManyRequests"), ok()], [1], None),
    (
        "503 storm then success",
        "GET",
        False,
        [error(503, "serviceNotAvailable")] * 4 + [ok()],
        [1, 2, 4, 8],
        None,
    ),
    (
        "503 with Retry-After waits it",
        "GET",
        False,
        [error(503, "serviceNotAvailable", retry_after="3"), ok()],
        [3],
        None,
    ),
    ("504 on POST is not retried", "POST", False, [error(504, "GatewayTimeout")], [], GraphError),
    (
        "503 on POST is not retried",
        "POST",
        False,
        [error(503, "serviceNotAvailable", retry_after="3")],
        [],
        GraphError,
    ),
    ("504 on POST retried when safe", "POST", True, [error(504, "GatewayTimeout"), ok()], [1], None),
    ("504 on PATCH is retried", "PATCH", False, [error(504, "GatewayTimeout"), ok()], [1], None),
    ("dropped connection on GET", "GET", False, [httpx.ReadError("reset"), ok()], [1], None),
    ("dropped connection on POST", "POST", False, [httpx.RemoteProtocolError("closed")], [], NetworkError),
    ("dropped connection, POST safe", "POST", True, [httpx.ReadTimeout("slow"), ok()], [1], None),
    ("403 never retried", "GET", False, [error(403, "ErrorAccessDenied")], [], AccessDeniedError),
    ("404 never retried", "GET", False, [error(404, "ErrorItemNotFound")], [], NotFoundError),
    ("400 never retried", "POST", True, [error(400, "ErrorInvalidRecipients")], [], GraphError),
    ("500 never retried", "GET", False, [error(500, "generalException")], [], GraphError),
    (
        "429 forever",
        "GET",
        False,
        [error(429, "TooManyRequests", retry_after="2")] * 6,
        [2] * 5,
        ThrottledError,
    ),
    ("503 forever", "GET", False, [error(503, "serviceNotAvailable")] * 6, [1, 2, 4, 8, 16], GraphError),
    ("dropped forever", "GET", False, [httpx.ConnectError("refused")] * 6, [1, 2, 4, 8, 16], NetworkError),
]


@pytest.mark.parametrize(
    ("method", "retry_unsafe", "answers", "sleeps", "raised"),
    [case[1:] for case in RETRIES],
    ids=[case[0] for case in RETRIES],
)
def test_retry_rules(
    tmp_path: Path,
    method: str,
    retry_unsafe: bool,
    answers: list[Answer],
    sleeps: list[float],
    raised: type[Exception] | None,
) -> None:
    harness = Harness(tmp_path, *answers)
    graph = harness.graph
    call = {
        "GET": lambda: graph.get("/me/contacts/AAMk"),
        "POST": lambda: graph.post("/me/messages", {"subject": "Hi"}, retry_unsafe=retry_unsafe),
        "PATCH": lambda: graph.patch("/me/messages/AAMk", {"subject": "Hi"}),
    }[method]
    if raised is None:
        assert call() == {"id": "x"}
    else:
        with pytest.raises(raised) as caught:
            call()
        assert type(caught.value) is raised
    assert harness.sleeps == sleeps
    assert [event.wait_seconds for event in harness.events] == sleeps
    assert len(harness.script.requests) == len(answers)
    assert harness.script.answers == []


def test_backoff_is_capped_and_jittered(tmp_path: Path) -> None:
    harness = Harness(tmp_path, *[error(503, "serviceNotAvailable")] * 9, ok(), max_attempts=10)
    harness.graph.get("/me")
    assert harness.sleeps == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    jittered = Harness(tmp_path, *[error(504, "GatewayTimeout")] * 5, ok(), rng=random.Random(3))
    jittered.graph.get("/me")
    steps = [1, 2, 4, 8, 16]
    assert all(step / 2 <= wait <= step for wait, step in zip(jittered.sleeps, steps, strict=True))
    assert jittered.sleeps != [step / 2 for step in steps]
    assert jittered.sleeps != steps


def test_retry_events_tell_the_user_what_happens(tmp_path: Path) -> None:
    harness = Harness(
        tmp_path, error(429, "TooManyRequests", retry_after="12"), httpx.ReadError("connection reset"), ok()
    )
    harness.graph.get("/me")
    throttled, retrying = harness.events
    assert isinstance(throttled, Throttled)
    assert str(throttled) == "Throttled by Microsoft, waiting 12 s (attempt 1)."
    assert "TooManyRequests" in throttled.reason
    assert isinstance(retrying, Retrying)
    assert str(retrying) == (
        "The connection to graph.microsoft.com was interrupted: connection reset. "
        "Trying again in 2 s (attempt 2)."
    )


def test_401_refreshes_the_token_once(tmp_path: Path) -> None:
    harness = Harness(tmp_path, error(401, "InvalidAuthenticationToken"), ok())
    assert harness.graph.get("/me") == {"id": "x"}
    assert harness.tokens.calls == [False, True]
    assert [r.headers["Authorization"] for r in harness.script.requests] == [
        "Bearer cached-token",
        "Bearer fresh-token",
    ]
    assert harness.sleeps == []


def test_a_second_401_asks_the_user_to_sign_in(tmp_path: Path) -> None:
    harness = Harness(
        tmp_path, error(401, "InvalidAuthenticationToken"), error(401, "InvalidAuthenticationToken")
    )
    with pytest.raises(SignInRequired, match="InvalidAuthenticationToken") as caught:
        harness.graph.post("/me/messages", {"subject": "Hi"})
    assert caught.value.code == "InvalidAuthenticationToken"
    assert harness.tokens.calls == [False, True]


def test_no_request_leaves_when_the_user_must_sign_in(tmp_path: Path) -> None:
    harness = Harness(tmp_path)

    class SignedOut:
        def access_token(self, *, force_refresh: bool = False) -> str:
            raise SignInRequired("Please sign in.")

    graph = GraphClient(harness.factory.client(), GRAPH, SignedOut())
    with pytest.raises(SignInRequired):
        graph.get("/me")
    assert harness.script.requests == []
