"""How fast the sandbox's Exchange transport takes sends, lets them leave and answers the inspection API.

Run: ``.venv/bin/python bench/bench_sending.py [--messages 1000]``. In process (no TLS, so the figures
are the emulator's own cost): drafts and sends per second through Graph, how long ``settle()`` takes
to let them all leave (30 a minute, each at its own time) with one bounce in ten, and how long the
inspection's ``delivered`` and ``bounces`` views take for that many messages.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from securemailmerge.sandbox.directory import DEMO_USER, TENANT_DOMAIN, demo_directory  # noqa: E402
from securemailmerge.sandbox.graph import GraphService, SendPolicy, harness  # noqa: E402
from securemailmerge.sandbox.tokens import TokenRegistry  # noqa: E402


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1000)
    count = parser.parse_args().messages
    service = GraphService(demo_directory(), TokenRegistry(), sending=SendPolicy(seed=1))
    with harness.client(service) as graph:
        started = time.perf_counter()
        for index in range(count):
            to = f"nobody{index}@{TENANT_DOMAIN}" if index % 10 == 0 else f"p{index}@example.com"
            body = {"subject": f"Bench {index}", "toRecipients": [{"emailAddress": {"address": to}}]}
            message_id = graph.post("/me/messages", json=body).json()["id"]
            assert graph.post(f"/me/messages/{message_id}/send").status_code == 202
        sending = time.perf_counter() - started
    started = time.perf_counter()
    ran = service.settle()
    settling = time.perf_counter() - started
    started = time.perf_counter()
    delivered = sum(len(service.inspect.delivered(f"p{i}@example.com")) for i in range(1, count, 10))
    bounces = len(service.inspect.bounces(DEMO_USER))
    inspecting = time.perf_counter() - started
    service.close()
    print(f"draft + send: {count} messages in {sending:.2f} s = {2 * count / sending:.0f} requests/s")
    print(
        f"settle: {ran} events (departures and reports) in {settling:.2f} s = {ran / settling:.0f} events/s"
    )
    print(f"inspect: {delivered} delivered look-ups and {bounces} bounces in {inspecting:.3f} s")


if __name__ == "__main__":
    main()
