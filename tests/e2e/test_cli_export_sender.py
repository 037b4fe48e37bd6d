"""Without --from, export writes the kept sign-in as From; without one, it says Outlook fills it in."""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from securemailmerge import cli
from securemailmerge.cli import m365 as cli_m365
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from tests.helpers import InMemoryKeyring


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A sandbox that approves device codes at once; SMM_TENANT_CONFIG names its tenant file."""
    with Sandbox(auto_approve=True, licensed={}) as running:
        monkeypatch.setenv(cli_m365.TENANT_ENV, str(running.tenant_config_path))
        yield running


def export(capsys: pytest.CaptureFixture[str], folder: Path) -> tuple[int, str, bytes]:
    (folder / "list.csv").write_text("Name,Email\nEva Ruiz,eva@example.com\n", encoding="utf-8")
    (folder / "template.json").write_text('{"subject": "Hola", "html": "<p>Hola</p>"}', encoding="utf-8")
    argv = ["export", "--recipients", str(folder / "list.csv"), "--template", str(folder / "template.json")]
    code = cli.main([*argv, "--out", str(folder / "eml")])
    _, err = capsys.readouterr()
    return code, err, (folder / "eml" / "0002-eva-ruiz.eml").read_bytes()


@pytest.mark.e2e
def test_a_kept_sign_in_is_the_sender(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    assert cli.main(["signin", "--device-code", "--stay-signed-in"]) == 0
    capsys.readouterr()
    code, err, raw = export(capsys, tmp_path)
    assert code == 0
    assert err == f'From: "Ada Lovelace" <{DEMO_USER}> (the signed-in mailbox)\n'
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert str(parsed["From"]) == f"Ada Lovelace <{DEMO_USER}>"
    assert parsed["Message-ID"].endswith(f"@{DEMO_USER.split('@')[1]}>")


@pytest.mark.e2e
def test_without_a_sign_in_the_draft_has_no_from_and_outlook_fills_it_in(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    code, err, raw = export(capsys, tmp_path)
    assert code == 0
    assert err.startswith("The messages have no From address: Outlook fills in your account")
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert (parsed["From"], parsed["X-Unsent"]) == (None, "1")
