"""Fault profiles parse strictly, one seed gives one fault sequence, and each fault looks as Graph's."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from securemailmerge.sandbox.directory import DEMO_USER, demo_directory
from securemailmerge.sandbox.graph import FaultProfile, GraphService, harness
from securemailmerge.sandbox.server import serve
from securemailmerge.sandbox.tokens import TokenRegistry


@pytest.mark.parametrize(
    ("text", "checks"),
    [
        ("42:storm", {"seed": 42, "name": "storm", "throttle": 0.08}),
        ("0:none", {"throttle": 0.0, "drop": 0.0}),
        ("7:light,drop=0.5,max_retry_after=9", {"drop": 0.5, "max_retry_after": 9, "throttle": 0.02}),
    ],
)
def test_profiles_parse(text: str, checks: dict[str, object]) -> None:
    profile = FaultProfile.parse(text)
    for name, value in checks.items():
        assert getattr(profile, name) == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("storm", "SEED:PROFILE"),
        ("x:storm", "SEED:PROFILE"),
        ("1:hurricane", "Unknown fault profile 'hurricane'"),
        ("1:none,bogus=1", "Unknown fault setting 'bogus=1'"),
        ("1:none,drop=lots", "needs a number"),
        ("1:none,drop=2", "between 0 and 1"),
        ("1:none,drop=0.6,throttle=0.6", "add up to more than 1"),
    ],
)
def test_bad_profiles_say_why(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        FaultProfile.parse(text)


def test_same_seed_same_sequence() -> None:
    def sequence(text: str) -> list[object]:
        injector = FaultProfile.parse(text).injector()
        return [injector.next() for _ in range(200)]

    assert sequence("42:storm") == sequence("42:storm")
    assert sequence("42:storm") != sequence("43:storm")
    faults = [d.fault for d in sequence("42:storm")]  # type: ignore[attr-defined]
    assert {"throttle", "unavailable", "timeout_after", "drop"} <= set(faults)
    assert None in faults


def only(fault: str) -> FaultProfile:
    return FaultProfile.parse(f"3:none,{fault}=1")


@pytest.mark.parametrize(
    ("fault", "status", "code"),
    [
        ("throttle", 429, "ApplicationThrottled"),
        ("unavailable", 503, "ErrorServerBusy"),
        ("timeout", 504, "GatewayTimeout"),
        ("expired", 401, "InvalidAuthenticationToken"),
    ],
)
def test_faults_before_the_work_change_nothing(fault: str, status: int, code: str) -> None:
    service = GraphService(demo_directory(), TokenRegistry(), faults=only(fault))
    with harness.client(service) as graph:
        response = graph.post("/me/messages", json={"subject": "x"})
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    if fault == "throttle":
        assert 1 <= int(response.headers["Retry-After"]) <= 3
    assert service.inspect.messages(DEMO_USER) == []
    service.close()


def test_timeout_after_the_work_leaves_the_draft() -> None:
    service = GraphService(demo_directory(), TokenRegistry(), faults=only("timeout_after"))
    with harness.client(service) as graph:
        response = graph.post("/me/messages", json={"subject": "still created"})
    assert response.status_code == 504
    assert [m["subject"] for m in service.inspect.messages(DEMO_USER)] == ["still created"]
    service.close()


@pytest.fixture
def dropping() -> Iterator[tuple[GraphService, str]]:
    service = GraphService(demo_directory(), TokenRegistry(), faults=only("drop_after"))
    server = serve(service.graph_app)
    yield service, server.url
    server.stop()
    service.close()


def test_dropped_connection_after_the_work_over_loopback(dropping: tuple[GraphService, str]) -> None:
    service, url = dropping
    token = harness.token(service)
    with httpx.Client(trust_env=False) as client, pytest.raises(httpx.RemoteProtocolError):
        client.post(
            f"{url}/v1.0/me/messages",
            json={"subject": "lost answer"},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert [m["subject"] for m in service.inspect.messages(DEMO_USER)] == ["lost answer"]
    assert service.inspect.counters()["requests"] == {DEMO_USER: 1}


def test_latency_is_scaled(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    profile = FaultProfile.parse("5:none,latency=1,min_latency=2,max_latency=2")
    service = GraphService(
        demo_directory(), TokenRegistry(), faults=profile, time_scale=0.01, sleep=slept.append
    )
    with harness.client(service) as graph:
        assert graph.get("/me/messages").status_code == 200
    assert slept == [pytest.approx(0.02)]
    service.close()
