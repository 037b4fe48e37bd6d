"""Campaigns through msal and real HTTPS against the sandbox: one message per recipient, whatever happens."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

import pytest

from securemailmerge.campaign.check import PreflightSettings
from securemailmerge.campaign.engine import Campaign
from securemailmerge.campaign.events import Finished, RowSent, Stopped
from securemailmerge.campaign.journal import SENT, Journal
from securemailmerge.campaign.start import CampaignOptions, start_campaign
from securemailmerge.m365.connection import Connection, connect
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.retry import RetryEvent
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.recipients import load_recipients
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import BOARD, DEMO_USER, SALES
from securemailmerge.template.model import Template

pytestmark = pytest.mark.e2e
HEADERS = HeaderParser()  # the headers are what these tests read; parsing 5 MB bodies is slow
SCALE = 0.01  # one sandbox minute lasts 0.6 s; the campaign's clock runs at the same speed


class ScaledTime:
    """The campaign's clock and sleep in the sandbox's scaled time."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.start = time.time()

    def clock(self) -> float:
        return self.start + (time.time() - self.start) / self.scale

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) * self.scale)


@pytest.fixture
def faults() -> str | None:
    """The sandbox's fault profile; a test parametrizes it to have one."""
    return None


@pytest.fixture
def signed_in(faults: str | None) -> Iterator[tuple[Sandbox, Connection]]:
    """A sandbox with ``faults`` and Ada signed in through msal's device code flow."""
    with Sandbox(auto_approve=True, faults=faults, time_scale=SCALE, licensed={}) as sandbox:
        config = load_tenant_config(sandbox.tenant_config_path)
        with connect(config, lambda session: session.sign_in_device_code(lambda prompt: None)) as connection:
            yield sandbox, connection


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


def inputs(folder: Path, rows: int, brochure_mb: float = 0.2) -> tuple[Path, Template]:
    """A list of ``rows`` recipients; two common attachments; own files, every hundredth over 3 MB."""
    (folder / "brochure.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * int(brochure_mb * 4096))
    (folder / "terms.txt").write_text("Terms and conditions\n", encoding="utf-8")
    (folder / "large-own.bin").write_bytes(b"\x01" * (3 * 1024 * 1024 + 100))
    for index in range(3):
        (folder / f"own{index}.txt").write_text(f"for you {index}\n", encoding="utf-8")
    lines = ["Name,Email,File"]
    for index in range(rows):
        own = "large-own.bin" if index % 100 == 7 else f"own{index % 3}.txt"
        lines.append(f"Person {index},person{index}@example.com,{own}")
    path = folder / "list.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    template = Template(
        subject="Hello {{ Name }}",
        html="<p>Dear {{ Name }}, here is our brochure.</p>",
        attachments=("brochure.pdf", "terms.txt"),
        attachment_column="File",
    )
    return path, template


def plan(
    connection: Connection, folder: Path, rows: int, brochure_mb: float = 0.2, **options: Any
) -> Journal:
    path, template = inputs(folder, rows, brochure_mb)
    started = start_campaign(
        folder / "campaign",
        connection,
        load_recipients(path),
        template,
        PreflightSettings(base_folder=folder),
        CampaignOptions(**options),
    )
    assert started is not None
    return started.journal


def delivered(sandbox: Sandbox, mailbox: str = DEMO_USER) -> Counter[str]:
    """How many messages left the mailbox for each To address (after the last ones leave the Outbox)."""
    sandbox.graph.settle()  # a 202 is accepted, not gone: the last sends may still wait their delay
    return Counter(
        str(HEADERS.parsestr(m["mime"])["To"]).rsplit("<", 1)[-1].rstrip(">")
        for m in sandbox.graph.inspect.sent(mailbox)
    )


@pytest.mark.slow
@pytest.mark.parametrize("faults", ["7:storm"])
def test_500_rows_with_attachments_under_storm_arrive_once_each(
    signed_in: tuple[Sandbox, Connection], tmp_path: Path
) -> None:
    sandbox, connection = signed_in
    journal = plan(connection, tmp_path, 500)
    scaled = ScaledTime(SCALE)
    campaign = Campaign(
        journal, graph_maker(connection), connection.factory, clock=scaled.clock, sleep=scaled.sleep
    )
    # A storm can outlast a request's retries; the run then waits, settles what it did and goes on.
    events = list(campaign.run())
    assert isinstance(events[-1], Finished), events[-3:]
    assert journal.counts()[SENT] == 500
    assert delivered(sandbox) == Counter({f"person{i}@example.com": 1 for i in range(500)})
    sent = sandbox.graph.inspect.sent(DEMO_USER)
    assert sum("brochure.pdf" in m["mime"] for m in sent) == 500
    assert sum("large-own.bin" in m["mime"] for m in sent) == 5


@pytest.mark.slow
@pytest.mark.parametrize("faults", ["11:storm"])
def test_a_large_common_attachment_is_uploaded_once_and_copied_under_storm(
    signed_in: tuple[Sandbox, Connection], tmp_path: Path
) -> None:
    sandbox, connection = signed_in
    journal = plan(connection, tmp_path, 40, brochure_mb=5)
    scaled = ScaledTime(SCALE)
    campaign = Campaign(
        journal, graph_maker(connection), connection.factory, clock=scaled.clock, sleep=scaled.sleep
    )
    events = list(campaign.run())
    assert isinstance(events[-1], Finished), events[-3:]
    assert delivered(sandbox) == Counter({f"person{i}@example.com": 1 for i in range(40)})
    brochure = (tmp_path / "brochure.pdf").stat().st_size
    # Once into the template draft (a chunk lost in the storm is sent again), never per recipient.
    assert brochure <= campaign.uploaded - 3 * 1024 * 1024 < 2 * brochure
    assert sandbox.graph.inspect.messages(DEMO_USER, "drafts") == []


def test_sending_as_a_shared_mailbox_with_send_as(
    signed_in: tuple[Sandbox, Connection], tmp_path: Path
) -> None:
    sandbox, connection = signed_in
    journal = plan(connection, tmp_path, 20, shared_mailbox=SALES)
    scaled = ScaledTime(SCALE)
    events = list(
        Campaign(
            journal, graph_maker(connection), connection.factory, clock=scaled.clock, sleep=scaled.sleep
        ).run()
    )
    assert isinstance(events[-1], Finished)
    froms = {str(HEADERS.parsestr(m["mime"])["From"]) for m in sandbox.graph.inspect.sent(DEMO_USER)}
    assert froms == {f"Sales Team <{SALES}>"}
    assert delivered(sandbox) == Counter({f"person{i}@example.com": 1 for i in range(20)})


def test_sending_as_a_shared_mailbox_without_rights_stops_before_any_message(
    signed_in: tuple[Sandbox, Connection], tmp_path: Path
) -> None:
    sandbox, connection = signed_in
    journal = plan(connection, tmp_path, 5, shared_mailbox=BOARD)
    scaled = ScaledTime(SCALE)
    events = list(
        Campaign(
            journal, graph_maker(connection), connection.factory, clock=scaled.clock, sleep=scaled.sleep
        ).run()
    )
    assert isinstance(events[-1], Stopped)
    assert events[-1].code == "ErrorSendAsDenied"
    assert not any(isinstance(e, RowSent) for e in events)
    assert delivered(sandbox) == Counter()
