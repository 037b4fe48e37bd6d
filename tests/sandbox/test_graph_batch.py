"""$batch: up to 20 requests, a status each, in order with dependsOn, at once (and throttled) without."""

from __future__ import annotations

import httpx
import pytest

from securemailmerge.sandbox.directory import DEMO_USER
from securemailmerge.sandbox.graph import GraphService, harness

JSON = {"Content-Type": "application/json"}


def batch(client: httpx.Client, requests: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    response = client.post("/$batch", json={"requests": requests})
    assert response.status_code == 200, response.text
    return {answer["id"]: answer for answer in response.json()["responses"]}


def test_each_request_gets_its_own_status_headers_and_body(graph: httpx.Client) -> None:
    answers = batch(
        graph,
        [
            {"id": "1", "method": "GET", "url": "/me?$select=mail"},
            {
                "id": "2",
                "method": "POST",
                "url": "/me/messages",
                "headers": JSON,
                "body": {"subject": "Hola Begoña"},
            },
            {"id": "3", "method": "GET", "url": "/me/messages/nothere"},
        ],
    )
    assert answers["1"]["status"] == 200
    assert answers["1"]["body"]["mail"] == DEMO_USER  # type: ignore[index]
    assert answers["2"]["status"] == 201
    assert answers["2"]["headers"]["Location"]  # type: ignore[index]
    assert answers["3"]["status"] == 404
    assert answers["3"]["body"]["error"]["code"] == "ErrorItemNotFound"  # type: ignore[index]


def test_depends_on_runs_in_order_and_stops_after_a_failure(graph: httpx.Client) -> None:
    answers = batch(
        graph,
        [
            {"id": "a", "method": "POST", "url": "/me/messages", "headers": JSON, "body": {"subject": "one"}},
            {
                "id": "b",
                "method": "POST",
                "url": "/me/messages",
                "headers": JSON,
                "body": {"bogus": 1},
                "dependsOn": ["a"],
            },
            {
                "id": "c",
                "method": "POST",
                "url": "/me/messages",
                "headers": JSON,
                "body": {"subject": "three"},
                "dependsOn": ["b"],
            },
        ],
    )
    assert [answers[k]["status"] for k in "abc"] == [201, 400, 424]
    subjects = [
        m["subject"] for m in graph.get("/me/messages", params={"$select": "subject"}).json()["value"]
    ]
    assert subjects == ["one"]


def test_parallel_requests_beyond_four_per_mailbox_get_429(
    service: GraphService, graph: httpx.Client
) -> None:
    requests = [{"id": str(i), "method": "GET", "url": "/me/mailFolders/inbox/messages"} for i in range(6)]
    statuses = sorted(a["status"] for a in batch(graph, requests).values())
    assert statuses == [200, 200, 200, 200, 429, 429]
    counters = service.inspect.counters()
    assert counters["requests"][DEMO_USER] == 6
    assert counters["throttled"][DEMO_USER] == 2


@pytest.mark.parametrize(
    ("requests", "words"),
    [
        ([{"id": str(i), "method": "GET", "url": "/me"} for i in range(21)], "at most 20"),
        (
            [{"id": "1", "method": "GET", "url": "/me"}, {"id": "1", "method": "GET", "url": "/me"}],
            "duplicate",
        ),
        ([{"id": "1", "method": "POST", "url": "/me/messages", "body": {"subject": "x"}}], "Content-Type"),
        ([{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["9"]}], "unknown request id"),
        ([{"id": "1", "method": "GET"}], "required property 'url'"),
    ],
)
def test_batches_graph_refuses(graph: httpx.Client, requests: list[dict[str, object]], words: str) -> None:
    response = graph.post("/$batch", json={"requests": requests})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "BadRequest"
    assert words in response.json()["error"]["message"]


def test_batch_needs_a_token(service: GraphService) -> None:
    with harness.client(service) as client:
        del client.headers["Authorization"]
        response = client.post("/$batch", json={"requests": []})
    assert response.status_code == 401
