"""A campaign process for the kill test: signs in with msal, resumes a campaign, can freeze at one request.

``python -m tests.e2e.campaign_worker TENANT_JSON CAMPAIGN_DIR SCALE [FREEZE]`` where FREEZE is
``when:METHOD:path-end:n`` (``when`` is ``before`` or ``after``): at the n-th such request the
process prints ``FROZEN`` and stops still, so the test can SIGKILL it at exactly that moment.
Every request is printed as it leaves and as its answer comes back.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx

from securemailmerge.campaign.engine import Campaign
from securemailmerge.campaign.journal import Journal
from securemailmerge.m365.connection import connect
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.tenant import load_tenant_config


def freeze_at(spec: str | None) -> None:
    """Make every HTTP request print itself, and freeze the process at the one ``spec`` names."""
    when, method, ending, count = spec.split(":") if spec else ("", "", "", "0")
    seen = {"n": 0}
    original = httpx.HTTPTransport.handle_request

    def matches(request: httpx.Request) -> bool:
        return request.method == method and request.url.path.endswith(ending)

    def freeze(moment: str, request: httpx.Request) -> None:
        if moment == when and matches(request):
            seen["n"] += 1
            if seen["n"] == int(count):
                print("FROZEN", flush=True)
                time.sleep(3600)

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        print(f"REQ {request.method} {request.url.path}", flush=True)
        freeze("before", request)
        response = original(self, request)
        print(f"RESP {response.status_code} {request.method} {request.url.path}", flush=True)
        if response.status_code < 300:
            freeze("after", request)
        return response

    httpx.HTTPTransport.handle_request = handle  # type: ignore[method-assign]


def main() -> None:
    tenant, folder, scale = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    freeze_at(sys.argv[4] if len(sys.argv) > 4 else None)
    start = time.time()

    def clock() -> float:
        return start + (time.time() - start) / scale

    def sleep(seconds: float) -> None:
        time.sleep(max(0.0, seconds) * scale)

    config = load_tenant_config(Path(tenant))
    with connect(config, lambda session: session.sign_in_device_code(lambda prompt: None)) as connection:

        def make(on_retry, sleep_):  # type: ignore[no-untyped-def]
            return GraphClient(
                connection.http,
                connection.graph.base_url,
                connection.session,
                factory=connection.factory,
                on_retry=on_retry,
                sleep=sleep_,
            )

        with Journal.open(folder) as journal:
            campaign = Campaign(journal, make, connection.factory, clock=clock, sleep=sleep, grace=30.0)
            for event in campaign.run():
                print(f"EVENT {type(event).__name__} {getattr(event, 'key', '')}", flush=True)


if __name__ == "__main__":
    main()
