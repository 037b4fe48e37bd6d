"""How fast the sandbox starts and how many requests per second it serves over loopback HTTPS.

Run: ``.venv/bin/python bench/bench_sandbox.py [--seconds 3] [--clients 4]``. Prints the start and stop
time of ``Sandbox().start()`` in process, the time until ``python -m securemailmerge.sandbox``
prints its JSON line, and requests/second for the authority's discovery document and Graph's
``GET /v1.0/me`` with several concurrent httpx clients (each request is a new TLS connection, as
the server closes every connection after its answer).
"""

from __future__ import annotations

import argparse
import json
import resource
import ssl
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from securemailmerge.sandbox.app import Sandbox  # noqa: E402
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER_ID  # noqa: E402


def time_in_process(runs: int) -> tuple[list[float], list[float]]:
    """Seconds to start and to stop a default Sandbox, ``runs`` times."""
    starts, stops = [], []
    for _ in range(runs):
        began = time.perf_counter()
        sandbox = Sandbox().start()
        started = time.perf_counter()
        sandbox.stop()
        starts.append(started - began)
        stops.append(time.perf_counter() - started)
    return starts, stops


def time_subprocess(runs: int) -> list[float]:
    """Seconds from launching ``python -m securemailmerge.sandbox`` until its JSON line."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "securemailmerge.sandbox"], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        json.loads(process.stdout.readline())
        times.append(time.perf_counter() - began)
        process.terminate()
        process.wait(timeout=30)
    return times


def hammer(
    url: str, headers: dict[str, str], context: ssl.SSLContext, clients: int, seconds: float
) -> Counter[int]:
    """GET ``url`` from ``clients`` threads for ``seconds``; counts answers by status."""
    counts: Counter[int] = Counter()
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        local: Counter[int] = Counter()
        with httpx.Client(verify=context, trust_env=False, headers=headers) as client:
            while time.perf_counter() < deadline:
                local[client.get(url).status_code] += 1
        with lock:
            counts.update(local)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    starts, stops = time_in_process(5)
    median_start, fastest = statistics.median(starts) * 1000, min(starts) * 1000
    print(f"Sandbox().start(): median {median_start:.0f} ms, min {fastest:.0f} ms")
    print(f"Sandbox.stop():    median {statistics.median(stops) * 1000:.0f} ms")
    launches = time_subprocess(3)
    print(f"subprocess until its JSON line: median {statistics.median(launches) * 1000:.0f} ms")

    with Sandbox() as sandbox:
        context = ssl.create_default_context(cafile=str(sandbox.ca_file))
        token, _, _ = sandbox.tokens.issue(DEMO_USER_ID, CLIENT_ID, frozenset({"User.Read"}))
        targets = [
            ("authority discovery", f"{sandbox.authority_url}/v2.0/.well-known/openid-configuration", {}),
            ("graph GET /v1.0/me", f"{sandbox.graph_url}/me", {"Authorization": f"Bearer {token}"}),
        ]
        for name, url, headers in targets:
            counts = hammer(url, headers, context, args.clients, args.seconds)
            total = sum(counts.values())
            statuses = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
            print(
                f"{name}: {total / args.seconds:.0f} requests/s with {args.clients} clients "
                f"over {args.seconds:.0f} s ({statuses})"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
