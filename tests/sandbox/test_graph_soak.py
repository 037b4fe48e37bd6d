"""Soak: 1,000 draft-and-send pairs through a faulty emulator on loopback; nothing is lost or doubled."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from securemailmerge.sandbox.directory import DEMO_USER, demo_directory
from securemailmerge.sandbox.graph import FaultProfile, GraphService, harness
from securemailmerge.sandbox.server import serve
from securemailmerge.sandbox.tokens import TokenRegistry

PAIRS = 1_000
WORKERS = 4
SCALE = 0.001
ATTEMPTS = 50
TAG = "String {3c2b1a09-8f7e-4d6c-9b5a-493827160514} Name RecipientKey"


class Client:
    """A careful client: retries what Graph says it may, and makes creates and sends idempotent with tags."""

    def __init__(self, service: GraphService, url: str) -> None:
        self.service = service
        self.url = f"{url}/v1.0"
        self.token = harness.token(service)
        self.http = httpx.Client(trust_env=False, timeout=10)
        self.sent: Counter[str] = Counter()  # every request that left, by outcome

    def request(self, method: str, path: str, **kwargs: object) -> httpx.Response | None:
        """One attempt; None when the connection dropped without an answer."""
        headers = {"Authorization": f"Bearer {self.token}", "Prefer": 'IdType="ImmutableId"'}
        try:
            response = self.http.request(method, self.url + path, headers=headers, **kwargs)  # type: ignore[arg-type]
        except httpx.RemoteProtocolError:
            self.sent["dropped"] += 1
            return None
        self.sent[str(response.status_code)] += 1
        if response.status_code == 429:
            time.sleep(int(response.headers["Retry-After"]) * SCALE)
        elif response.status_code == 401:
            self.token = harness.token(self.service)  # what a refresh would give
        return response

    def find(self, folder: str, key: str) -> str | None:
        flt = f"singleValueExtendedProperties/Any(ep: ep/id eq '{TAG}' and ep/value eq '{key}')"
        for _ in range(ATTEMPTS):
            response = self.request(
                "GET", f"/me/mailFolders/{folder}/messages", params={"$filter": flt, "$select": "id"}
            )
            if response is not None and response.status_code == 200:
                found = response.json()["value"]
                return str(found[0]["id"]) if found else None
        raise AssertionError(f"no answer to a search after {ATTEMPTS} attempts")

    def draft(self, key: str) -> str:
        body = {
            "subject": f"Soak {key}",
            "toRecipients": [{"emailAddress": {"address": f"{key}@example.com"}}],
            "singleValueExtendedProperties": [{"id": TAG, "value": key}],
            "internetMessageHeaders": [{"name": "x-recipient-key", "value": key}],
        }
        for _ in range(ATTEMPTS):
            response = self.request("POST", "/me/messages", json=body)
            if response is not None and response.status_code == 201:
                return str(response.json()["id"])
            if response is None or response.status_code == 504:
                existing = self.find("drafts", key)  # the create may have happened
                if existing:
                    return existing
        raise AssertionError(f"{key} was not drafted after {ATTEMPTS} attempts")

    def send(self, key: str, message_id: str) -> None:
        for _ in range(ATTEMPTS):
            response = self.request("POST", f"/me/messages/{message_id}/send")
            if response is not None and response.status_code == 202:
                return
            if response is not None and response.status_code == 400:
                assert response.json()["error"]["code"] == "ErrorInvalidOperation"
                return  # an earlier attempt that looked lost was accepted: the message is no draft now
            if (response is None or response.status_code == 504) and (
                self.find("outbox", key) or self.find("sentitems", key)
            ):
                return  # accepted after all: it waits in the Outbox or has left already
        raise AssertionError(f"{key} was not sent after {ATTEMPTS} attempts")


@pytest.fixture
def soak() -> Iterator[tuple[GraphService, str]]:
    profile = FaultProfile.parse("2024:storm,max_latency=2")
    service = GraphService(demo_directory(), TokenRegistry(), faults=profile, time_scale=SCALE)
    server = serve(service.graph_app)
    yield service, server.url
    server.stop()
    service.close()


@pytest.mark.slow
@pytest.mark.e2e
def test_thousand_pairs_nothing_lost_or_doubled(soak: tuple[GraphService, str]) -> None:
    service, url = soak
    clients = [Client(service, url) for _ in range(WORKERS)]

    def work(client: Client, keys: range) -> None:
        for index in keys:
            key = f"k{index:04d}"
            client.send(key, client.draft(key))

    threads = [
        threading.Thread(target=work, args=(client, range(n, PAIRS, WORKERS)))
        for n, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.http.close()

    service.wait_delivered(timeout=60)  # 30 a minute, scaled: the last ones leave a few seconds later
    sent_by_client = sum((c.sent for c in clients), Counter())
    counters = service.inspect.counters()
    # Every request the clients sent was counted once by the emulator, and each 429 as such.
    assert counters["requests"][DEMO_USER] == sum(sent_by_client.values())
    assert counters["throttled"].get(DEMO_USER, 0) == sent_by_client["429"]
    errors = counters["errors"][DEMO_USER]
    assert errors["ConnectionDropped"] == sent_by_client["dropped"]
    assert errors["GatewayTimeout"] == sent_by_client["504"]
    assert errors["ErrorServerBusy"] == sent_by_client["503"]
    assert errors["InvalidAuthenticationToken"] == sent_by_client["401"]
    # The faults really happened, and still every pair went out exactly once.
    for outcome in ("429", "503", "504", "401", "dropped"):
        assert sent_by_client[outcome] > 0, outcome
    sent_items = service.inspect.messages(DEMO_USER, "sentitems")
    keys = Counter(m["subject"].removeprefix("Soak ") for m in sent_items)
    assert len(keys) == PAIRS
    assert set(keys.values()) == {1}
    mime_keys = Counter(
        line.split(": ", 1)[1]
        for record in service.inspect.sent(DEMO_USER)
        for line in record["mime"].splitlines()
        if line.startswith("x-recipient-key: ")
    )
    assert len(mime_keys) == PAIRS
    assert set(mime_keys.values()) == {1}
    assert service.inspect.messages(DEMO_USER, "drafts") == []
