"""A campaign process for the kill test: signs in with msal, resumes a campaign, can freeze at one request.

``python -m tests.e2e.campaign_worker TENANT_JSON CAMPAIGN_DIR SCALE [FREEZE]`` where FREEZE is
``when:METHOD:path-end:n`` (``when`` is ``before`` or ``after``): at the n-th such request the
process prints ``FROZEN`` and stops still, so the test can SIGKILL it at exactly that moment.
Every request is printed as it leaves and as its answer comes back.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import httpx

from securemailmerge.campaign.engine import Campaign, graphs_of
from securemailmerge.campaign.journal import Journal
from securemailmerge.campaign.pacing import ScaledTime
from securemailmerge.m365.connection import connect
from securemailmerge.m365.tenant import load_tenant_config

_SAY = threading.Lock()


def say(text: str) -> None:
    """One whole line on stdout: draft threads print at once, and a line cut by another's is never read."""
    with _SAY:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


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
                say("FROZEN")
                time.sleep(3600)

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        say(f"REQ {request.method} {request.url.path}")
        freeze("before", request)
        response = original(self, request)
        say(f"RESP {response.status_code} {request.method} {request.url.path}")
        if response.status_code < 300:
            freeze("after", request)
        return response

    httpx.HTTPTransport.handle_request = handle  # type: ignore[method-assign]


def main() -> None:
    tenant, folder, scale = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    freeze_at(sys.argv[4] if len(sys.argv) > 4 else None)
    scaled = ScaledTime(scale)
    config = load_tenant_config(Path(tenant))
    sign_in = lambda session: session.sign_in_device_code(lambda prompt: None)  # noqa: E731
    with connect(config, sign_in) as connection, Journal.open(folder) as journal:
        graphs = graphs_of(connection)
        campaign = Campaign(
            journal, graphs, connection.factory, clock=scaled.clock, sleep=scaled.sleep, grace=30.0
        )
        for event in campaign.run():
            say(f"EVENT {type(event).__name__} {getattr(event, 'key', '')}")


if __name__ == "__main__":
    main()
