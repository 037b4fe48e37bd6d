"""SIGKILL at twenty moments of a campaign, then resume: each recipient gets exactly one message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from email.parser import HeaderParser
from pathlib import Path

import pytest

from securemailmerge.campaign.check import PreflightSettings
from securemailmerge.campaign.journal import SENT, Journal
from securemailmerge.campaign.start import CampaignOptions, start_campaign
from securemailmerge.m365.connection import connect
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.recipients import load_recipients
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from securemailmerge.template.model import Template

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SCALE = 0.01
REPO = Path(__file__).resolve().parents[2]
ROWS = 6
WORKER_TIMEOUT = 300.0  # seconds; a run takes a few on an idle machine

# when:METHOD:path-end:n -- the n-th request of that kind, just before it leaves or just after its answer.
MOMENTS = [
    "before:POST:/me/messages:1",  # creating the template draft
    "after:POST:/me/messages:1",  # the template draft exists, the journal does not know it yet
    "before:PUT::1",  # uploading the large common attachment
    "after:PUT::1",  # uploaded, not yet recorded
    "before:POST:/copy:1",  # copying the template for the first row
    "after:POST:/copy:1",  # a copy that has no row's content yet
    "after:PATCH::1",  # the copy has a row's content; the journal still says planned
    "after:POST:/attachments:1",  # a row's own attachment added, not yet ready
    "before:POST:/send:1",  # the send about to leave
    "after:POST:/send:1",  # the 202 came, "sent" not yet committed
    "after:POST:/send:3",
    "before:POST:/createUploadSession:2",  # a row's own file over 3 MB
    "after:POST:/createUploadSession:2",
    "before:PUT::2",
    "after:PUT::2",
    "after:PATCH::4",
    "before:POST:/send:5",
    "after:POST:/send:6",  # the last 202: its Sent Items copy may still be on its way
    "after:POST:/copy:4",
    "after:POST:/send:2",
]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(auto_approve=True, time_scale=SCALE, licensed={}) as running:
        yield running


def plan(sandbox: Sandbox, folder: Path) -> Path:
    (folder / "brochure.pdf").write_bytes(b"%PDF" + b"b" * (3 * 1024 * 1024 + 500))
    (folder / "large-own.bin").write_bytes(b"o" * (3 * 1024 * 1024 + 100))
    (folder / "own.txt").write_text("yours\n", encoding="utf-8")
    rows = [
        f"Person {i},person{i}@example.com,{'large-own.bin' if i == 2 else 'own.txt'}" for i in range(ROWS)
    ]
    (folder / "list.csv").write_text("Name,Email,File\n" + "\n".join(rows) + "\n", encoding="utf-8")
    template = Template(
        subject="Hi {{ Name }}",
        html="<p>Hi {{ Name }}</p>",
        attachments=("brochure.pdf",),
        attachment_column="File",
    )
    config = load_tenant_config(sandbox.tenant_config_path)
    with connect(config, lambda session: session.sign_in_device_code(lambda prompt: None)) as connection:
        started = start_campaign(
            folder / "campaign",
            connection,
            load_recipients(folder / "list.csv"),
            template,
            PreflightSettings(base_folder=folder),
            CampaignOptions(),
        )
    assert started is not None
    started.journal.close()
    return folder / "campaign"


def run_worker(sandbox: Sandbox, campaign: Path, freeze: str | None) -> list[str]:
    """Run the campaign in its own process; SIGKILL it when it freezes at ``freeze``. Its output lines."""
    command = [
        sys.executable,
        "-m",
        "tests.e2e.campaign_worker",
        str(sandbox.tenant_config_path),
        str(campaign),
        str(SCALE),
        *([freeze] if freeze else []),
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    errors = campaign.parent / "worker-stderr.txt"
    lines = []
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env, cwd=REPO
        ) as process,
    ):
        assert process.stdout is not None
        # A worker that never reaches its moment (or never ends) is killed, so the test fails, never hangs.
        watchdog = threading.Timer(WORKER_TIMEOUT, process.kill)
        watchdog.start()
        for line in process.stdout:
            lines.append(line.strip())
            if line.strip() == "FROZEN":
                process.send_signal(signal.SIGKILL)
                break
        process.stdout.close()
        process.wait(timeout=120)
        watchdog.cancel()
    if freeze is None:
        assert process.returncode == 0, errors.read_text()[-3000:]
    else:
        assert lines
        assert lines[-1] == "FROZEN", f"{freeze} was never reached: {lines[-5:]} {errors.read_text()[-2000:]}"
        assert process.returncode == -signal.SIGKILL
    return lines


def delivered(sandbox: Sandbox) -> Counter[str]:
    sandbox.graph.settle()  # messages accepted just before the end may still wait in the Outbox
    parser = HeaderParser()
    return Counter(
        str(parser.parsestr(m["mime"])["To"]).rsplit("<", 1)[-1].rstrip(">")
        for m in sandbox.graph.inspect.sent(DEMO_USER)
    )


@pytest.mark.parametrize("moment", MOMENTS)
def test_killed_at_any_moment_and_resumed_everyone_gets_one_message(
    sandbox: Sandbox, tmp_path: Path, moment: str
) -> None:
    campaign = plan(sandbox, tmp_path)
    run_worker(sandbox, campaign, moment)
    lines = run_worker(sandbox, campaign, None)
    assert lines[-1].startswith("EVENT Finished"), lines[-5:]
    assert delivered(sandbox) == Counter({f"person{i}@example.com": 1 for i in range(ROWS)})
    with Journal.open(campaign) as journal:
        assert journal.counts()[SENT] == ROWS
        sent_ids = {m["id"] for m in sandbox.graph.inspect.messages(DEMO_USER, "sentitems")}
        assert {row.message_id for row in journal.rows()} <= sent_ids
    assert sandbox.graph.inspect.messages(DEMO_USER, "drafts") == []
