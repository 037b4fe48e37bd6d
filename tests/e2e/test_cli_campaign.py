"""send, resume, status, report, bounces and donotcontact on the command line, signed in through msal."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

import pytest

from securemailmerge import cli
from securemailmerge.campaign import check as check_module
from securemailmerge.cli import m365 as cli_m365
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, SALES
from securemailmerge.template.model import CompiledTemplate, RenderedMessage
from tests.helpers import InMemoryKeyring

pytestmark = pytest.mark.e2e


@pytest.fixture
def sandbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], memory_keyring: InMemoryKeyring
) -> Iterator[Sandbox]:
    """A sandbox that approves device codes at once, with Ada signed in and staying signed in."""
    with Sandbox(auto_approve=True, licensed={}, sending="min_submit_delay=0,max_submit_delay=0") as running:
        monkeypatch.setenv(cli_m365.TENANT_ENV, str(running.tenant_config_path))
        assert cli.main(["signin", "--device-code", "--stay-signed-in"]) == 0
        capsys.readouterr()
        yield running


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def inputs(folder: Path, rows: int = 4) -> list[str]:
    (folder / "list.csv").write_text(
        "Name,Email\n" + "".join(f"Person {i},person{i}@example.com\n" for i in range(rows)), encoding="utf-8"
    )
    (folder / "invite.json").write_text(
        json.dumps({"subject": "Hello {{ Name }}", "html": "<p>Dear {{ Name }}</p>"}), encoding="utf-8"
    )
    return ["--recipients", str(folder / "list.csv"), "--template", str(folder / "invite.json")]


def sent_to(sandbox: Sandbox) -> list[tuple[str, str]]:
    sandbox.graph.settle()
    parser = HeaderParser()
    return sorted(
        (str(h["To"]), str(h["Subject"]))
        for h in (parser.parsestr(m["mime"]) for m in sandbox.graph.inspect.sent(DEMO_USER))
    )


def test_send_confirms_sends_and_reports(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    campaign = tmp_path / "spring"
    code, out, err = run(
        capsys, "send", *inputs(tmp_path), "--campaign", str(campaign), "--per-minute", "600", "--yes"
    )
    assert code == 0, err
    assert f"Send 4 messages now from {DEMO_USER}? yes (--yes)" in err
    assert 'Free plan: messages end with a short "Sent with SecureMailMerge" line.' in err
    assert sent_to(sandbox) == sorted(
        (f"Person {i} <person{i}@example.com>", f"Hello Person {i}") for i in range(4)
    )
    body = sandbox.graph.inspect.sent(DEMO_USER)[0]["mime"].replace("=\r\n", "")  # quoted-printable lines
    assert "Sent with SecureMailMerge</p>" in body

    code, out, _ = run(capsys, "status", "--campaign", str(campaign))
    assert (code, out.splitlines()[1]) == (0, "sent 4")
    assert "finished" in out.splitlines()[0]

    code, _, err = run(capsys, "report", "--campaign", str(campaign), "--out", str(tmp_path / "r.csv"))
    assert (code, err.strip()) == (0, f"Wrote 4 rows to {tmp_path / 'r.csv'}.")
    lines = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith("2,person0@example.com,sent,")

    # Resuming a finished campaign sends nothing more.
    code, _, err = run(capsys, "resume", "--campaign", str(campaign))
    assert code == 0, err
    assert len(sent_to(sandbox)) == 4

    code, out, err = run(capsys, "bounces", "--campaign", str(campaign))
    assert (code, out, err.strip()) == (0, "", "0 new bounces; 0 in all.")


def test_declining_the_question_sends_nothing_and_writes_nothing(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    campaign = tmp_path / "spring"
    code, out, err = run(capsys, "send", *inputs(tmp_path), "--campaign", str(campaign), "--from", SALES)
    assert code == 1
    assert f"Send 4 messages now from {SALES}? [y/N] " in out
    assert "Nothing was sent." in err
    assert not campaign.exists()
    assert sent_to(sandbox) == []


def test_a_test_send_goes_to_the_signed_in_user_only(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "send", *inputs(tmp_path), "--mode", "test", "--row", "3")
    assert code == 0, err
    assert out.strip() == f"Test message for row 3 sent to {DEMO_USER}."
    assert sent_to(sandbox) == [(f"Ada Lovelace <{DEMO_USER}>", "[Test] Hello Person 1")]


def test_the_do_not_contact_list_leaves_rows_out(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "donotcontact", "--mailbox", DEMO_USER, "--add", "person1@example.com")[0] == 0
    code, out, _ = run(capsys, "donotcontact", "--mailbox", DEMO_USER)
    assert out.startswith("person1@example.com\t")
    code, _, err = run(
        capsys, "send", *inputs(tmp_path), "--campaign", str(tmp_path / "c"), "--per-minute", "600", "--yes"
    )
    assert code == 0, err
    assert "1 rows are left out (do-not-contact list or unsubscribed)." in err
    assert [to for to, _ in sent_to(sandbox)] == [f"Person {i} <person{i}@example.com>" for i in (0, 2, 3)]


def test_resume_refuses_another_signed_in_mailbox(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from securemailmerge.campaign import Journal

    campaign = tmp_path / "c"
    assert (
        run(capsys, "send", *inputs(tmp_path), "--campaign", str(campaign), "--mode", "drafts", "--yes")[0]
        == 0
    )
    with Journal.open(campaign) as journal:
        journal.set_setting("mailbox", "someone.else@contoso.onmicrosoft.com")
    code, _, err = run(capsys, "resume", "--campaign", str(campaign))
    assert code == 2
    assert "belongs to someone.else@contoso.onmicrosoft.com, but ada.lovelace" in err


def test_send_renders_each_row_once_before_it_drafts_it(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes: list[int] = []  # one entry per pass over the rows that checks (and so renders) them
    start_pass = check_module._RowChecker.__init__

    def counted_pass(self: Any, recipients: Any, *args: Any) -> None:
        passes.append(len(recipients.rows))
        start_pass(self, recipients, *args)

    drafts: list[str] = []
    render = CompiledTemplate.render

    def counted_render(self: CompiledTemplate, fields: Mapping[str, str]) -> RenderedMessage:
        drafts.append(fields["Name"])
        return render(self, fields)

    monkeypatch.setattr(check_module._RowChecker, "__init__", counted_pass)
    monkeypatch.setattr(CompiledTemplate, "render", counted_render)
    code, _out, err = run(capsys, "send", *inputs(tmp_path), "--per-minute", "600", "--yes")
    assert code == 0, err
    assert len(sent_to(sandbox)) == 4
    assert passes == [4]  # the check and the plan are one pass over the four rows
    # The check renders each row once (a list this short row by row), then the run renders each
    # draft from the journal (the first row once more, for the template draft), as a resumed run in
    # another process would.
    people = [f"Person {i}" for i in range(4)]
    assert drafts == [*people, people[0], *people]
