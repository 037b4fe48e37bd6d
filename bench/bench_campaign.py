"""Campaign figures against the sandbox, signed in through msal, with Graph's limits scaled in time.

Run: ``.venv/bin/python bench/bench_campaign.py [--rows 200]``. Prints:

- requests per message without attachments (target: at most 2; the Inbox look for bounces counted);
- attachment bytes uploaded per campaign with a 5 MB attachment common to every message, for two
  campaign sizes (target: the common file once, whatever the number of recipients);
- the campaign's duration against the ideal for its pace, 30 a minute (target: within 2 %);
- drafts-only throughput against the ceiling of four requests in flight (target: within 10 %), the
  ceiling being 4 / the mean time of one create request measured alone.

The sandbox runs at ``--scale`` (0.01: a minute lasts 0.6 s) and the campaign's clock at the same speed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from securemailmerge.campaign import (  # noqa: E402
    Campaign,
    CampaignOptions,
    Pacing,
    PreflightSettings,
    RowDrafted,
    RowSent,
    start_campaign,
)
from securemailmerge.m365 import Connection, GraphClient, RetryEvent, connect, load_tenant_config  # noqa: E402
from securemailmerge.recipients import load_recipients  # noqa: E402
from securemailmerge.sandbox.directory import DEMO_USER  # noqa: E402
from securemailmerge.template import Template  # noqa: E402

MB = 1024 * 1024


class ScaledTime:
    """The campaign's clock and sleep, running as fast as the sandbox's scaled time."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.start = time.time()

    def clock(self) -> float:
        return self.start + (time.time() - self.start) / self.scale

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) * self.scale)


def graph_maker(
    connection: Connection,
) -> Callable[[Callable[[RetryEvent], None], Callable[[float], None]], GraphClient]:
    def make(on_retry: Callable[[RetryEvent], None], sleep: Callable[[float], None]) -> GraphClient:
        return GraphClient(
            connection.http,
            connection.graph.base_url,
            connection.session,
            factory=connection.factory,
            on_retry=on_retry,
            sleep=sleep,
        )

    return make


def campaign(
    connection: Connection,
    folder: Path,
    rows: int,
    *,
    mode: str = "now",
    common_mb: float = 0.0,
    scale: float = 0.01,
    per_minute: float = 30.0,
) -> tuple[Campaign, list[object], float]:
    """Plan and run one campaign of ``rows`` recipients; the run, its events and its real seconds."""
    folder.mkdir(parents=True)
    (folder / "list.csv").write_text(
        "Name,Email\n" + "".join(f"P {i},p{i}@example.com\n" for i in range(rows)), encoding="utf-8"
    )
    attachments: tuple[str, ...] = ()
    if common_mb:
        (folder / "brochure.pdf").write_bytes(b"%" * int(common_mb * MB))
        attachments = ("brochure.pdf",)
    template = Template(subject="Hello {{ Name }}", html="<p>Dear {{ Name }}</p>", attachments=attachments)
    started = start_campaign(
        folder / "campaign",
        connection,
        load_recipients(folder / "list.csv"),
        template,
        PreflightSettings(base_folder=folder),
        CampaignOptions(mode=mode, pacing=Pacing(per_minute=per_minute)),
    )
    assert started is not None
    scaled = ScaledTime(scale)
    run = Campaign(
        started.journal,
        graph_maker(connection),
        connection.factory,
        clock=scaled.clock,
        sleep=scaled.sleep,
        bounce_every=120.0,
    )
    began = time.perf_counter()
    events = list(run.run())
    return run, events, time.perf_counter() - began


class Served:
    """A sandbox in its own process (so its TLS and its work do not share this process's GIL)."""

    def __init__(self, line: dict[str, str]) -> None:
        self.line = line

    def signed_in(self) -> Connection:
        config = load_tenant_config(Path(self.line["tenant_config"]))
        return connect(config, lambda session: session.sign_in_device_code(lambda prompt: None))

    def inspect(self, path: str, method: str = "GET") -> dict[str, object]:
        base = self.line["graph"].rsplit("/v1.0", 1)[0]
        with httpx.Client(verify=self.line["ca_file"], trust_env=False) as client:
            answer = client.request(method, f"{base}/_sandbox/{path}")
            return answer.json() if answer.content else {}


@contextmanager
def sandbox(*options: str) -> Iterator[Served]:
    command = [
        sys.executable,
        "-m",
        "securemailmerge.sandbox",
        "--auto-approve",
        "--licensed",
        "x@example.com",
        *options,
    ]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        try:
            yield Served(json.loads(process.stdout.readline()))
        finally:
            process.terminate()
            process.wait(timeout=30)


def requests_per_message(rows: int, scale: float, work: Path) -> None:
    with sandbox("--time-scale", str(scale)) as served, served.signed_in() as connection:
        served.inspect("counters/reset", "POST")
        run, events, _ = campaign(connection, work / "requests", rows, scale=scale)
        sent = sum(isinstance(e, RowSent) for e in events)
        counted = served.inspect("counters")["requests"]
        assert isinstance(counted, dict)
        requests = int(counted.get(DEMO_USER, 0))
    looks = run.bounces.looks
    print(
        f"requests per message (no attachments): {(requests - looks) / sent:.3f} for drafts and sends, "
        f"{requests / sent:.3f} with the {looks} Inbox looks for bounces "
        f"({requests} requests, {sent} messages)"
    )


def bytes_uploaded(scale: float, work: Path) -> None:
    common = 5 * MB
    for rows in (10, 60):
        with sandbox("--time-scale", str(scale)) as served, served.signed_in() as connection:
            run, events, _ = campaign(
                connection, work / f"bytes{rows}", rows, common_mb=common / MB, scale=scale
            )
            sent = sum(isinstance(e, RowSent) for e in events)
        print(
            f"attachment bytes uploaded, {rows:3d} recipients: {run.uploaded:,} = "
            f"{run.uploaded / common:.3f} x the common 5 MB file ({sent} sent)"
        )


def pace(rows: int, scale: float, work: Path) -> None:
    with sandbox("--time-scale", str(scale)) as served, served.signed_in() as connection:
        _, events, real = campaign(connection, work / "pace", rows, scale=scale)
    times = [e.sent_at for e in events if isinstance(e, RowSent)]
    ideal = (len(times) - 1) * 60 / 30.0
    measured = times[-1] - times[0]
    print(
        f"campaign time at 30/min, {len(times)} messages: {measured:.1f} s against the ideal {ideal:.1f} s "
        f"({100 * (measured - ideal) / ideal:+.2f} %; {real:.1f} s real at scale {scale})"
    )


def drafts_throughput(rows: int, work: Path) -> None:
    latency = 0.05
    faults = f"0:none,latency=1,min_latency={latency},max_latency={latency}"
    with sandbox("--faults", faults) as served, served.signed_in() as connection:
        body = {"subject": "probe", "body": {"contentType": "Text", "content": "x"}}
        singles = []
        for _ in range(20):
            began = time.perf_counter()
            connection.graph.post("/me/messages", body)
            singles.append(time.perf_counter() - began)
        one = statistics.mean(singles)
        raw = four_at_once(connection, body, rows)
        _, events, real = campaign(connection, work / "drafts", rows, mode="drafts", scale=1.0)
        drafted = sum(isinstance(e, RowDrafted) for e in events)
    ceiling = 4 / one
    measured = drafted / real
    print(
        f"drafts only: {measured:.1f} drafts/s against the 4-in-flight ceiling 4 / {1000 * one:.1f} ms = "
        f"{ceiling:.1f}/s ({100 * measured / ceiling:.1f} %); four bare clients creating drafts at once "
        f"reach {raw:.1f}/s on this machine ({100 * measured / raw:.1f} %)"
    )


def four_at_once(connection: Connection, body: dict[str, object], count: int) -> float:
    """Drafts per second that four threads reach creating bare drafts, one request each, with no engine."""
    left = list(range(count))

    def work() -> None:
        while True:
            try:
                left.pop()
            except IndexError:
                return
            connection.graph.post("/me/messages", body)

    threads = [threading.Thread(target=work) for _ in range(4)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--scale", type=float, default=0.01, help="the time scale of the first two figures")
    parser.add_argument(
        "--pace-scale",
        type=float,
        default=0.1,
        help="the time scale of the pace figure: a message every 2 s x this, real",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        requests_per_message(args.rows, args.scale, work)
        bytes_uploaded(args.scale, work)
        pace(args.rows, args.pace_scale, work)
        drafts_throughput(args.rows, work)


if __name__ == "__main__":
    main()
