"""Campaign test support: inputs written into tmp_path, and a Graph client over the in-process emulator."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from securemailmerge.campaign.check import PreflightSettings
from securemailmerge.campaign.journal import Journal
from securemailmerge.campaign.plan import build_plan
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryEvent
from securemailmerge.m365.tenant import TenantConfig
from securemailmerge.recipients import load_recipients
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER
from securemailmerge.sandbox.graph import GraphService, harness
from securemailmerge.sandbox.graph_schema import SCHEMA_PATH, GraphSchema
from securemailmerge.template.model import Template

SCHEMA = GraphSchema.load(SCHEMA_PATH)
CONFIG = TenantConfig(client_id=CLIENT_ID, graph_url=f"{harness.GRAPH_BASE}/v1.0")


class Routes(httpx.BaseTransport):
    """Graph requests to the emulator's Graph app, upload PUTs to its uploads app; every request kept."""

    def __init__(self, service: GraphService) -> None:
        service.set_upload_base_url(harness.UPLOAD_BASE)
        self.graph = httpx.WSGITransport(app=service.graph_app)
        self.uploads = httpx.WSGITransport(app=service.upload_app)
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        upload = str(request.url).startswith(harness.UPLOAD_BASE)
        return (self.uploads if upload else self.graph).handle_request(request)


class Tokens:
    """Fresh emulator tokens for Ada, as a signed-in session would give."""

    def __init__(self, service: GraphService) -> None:
        self.service = service

    def access_token(self, *, force_refresh: bool = False) -> str:
        return harness.token(self.service)


def graph_maker(
    service: GraphService, tmp_path: Path
) -> tuple[
    Callable[[Callable[[RetryEvent], None], Callable[[float], None]], GraphClient], HttpFactory, Routes
]:
    """What ``Campaign`` needs to reach the emulator, and the transport that records the requests."""
    routes = Routes(service)
    factory = HttpFactory(CONFIG, log_path=tmp_path / "network.log", transport=routes)

    def make(on_retry: Callable[[RetryEvent], None], sleep: Callable[[float], None]) -> GraphClient:
        return GraphClient(
            factory.client(),
            CONFIG.graph_url,
            Tokens(service),
            factory=factory,
            on_retry=on_retry,
            sleep=sleep,
        )

    return make, factory, routes


def write_list(folder: Path, count: int, *, addresses: dict[int, str] | None = None) -> Path:
    """A CSV with ``count`` recipients r0..r(count-1)@example.com (or ``addresses[i]``) and a File column."""
    lines = ["Name,Email,File"]
    for index in range(count):
        address = (addresses or {}).get(index, f"r{index}@example.com")
        lines.append(f"Person {index},{address},own{index % 3}.txt")
    path = folder / "list.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def new_campaign(
    folder: Path,
    count: int,
    *,
    template: Template | None = None,
    settings: dict[str, Any] | None = None,
    sender: str | None = None,
    addresses: dict[int, str] | None = None,
) -> Journal:
    """A planned campaign of ``count`` rows in ``folder / 'campaign'``."""
    for index in range(3):
        (folder / f"own{index}.txt").write_text(f"for you {index}\n", encoding="utf-8")
    template = template or Template(subject="Hello {{ Name }}", html="<p>Dear {{ Name }}</p>")
    plan = build_plan(
        load_recipients(write_list(folder, count, addresses=addresses)),
        template,
        PreflightSettings(base_folder=folder, sender=sender),
        {"mode": "now", "mailbox": DEMO_USER, "per_minute": 6000.0, **(settings or {})},
    )
    return Journal.create(folder / "campaign", plan.settings, plan.rows)


def schema_problems(requests: list[httpx.Request], graph_url: str = CONFIG.graph_url) -> list[str]:
    """Every way the recorded requests to Graph break Microsoft's schema (uploads are not Graph calls)."""
    problems: list[str] = []
    for request in requests:
        url = str(request.url)
        if url.startswith(graph_url + "/"):
            body = json.loads(request.content) if request.content else None
            problems.extend(
                f"{request.method} {url}: {p}" for p in SCHEMA.validate_request(request.method, url, body)
            )
    return problems
