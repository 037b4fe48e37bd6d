"""What a new user sees from preview, check and export: names as written, left-out rows, From, pipes."""

from __future__ import annotations

import subprocess
import sys
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from securemailmerge import cli
from tests.helpers import REPO

LIST = (
    "Name;Email;Cc;Reply-To\n"
    "Ana Núñez;ana@example.com;Jefa Pérez <jefa@example.es>;Reservas <reservas@example.es>\n"
    "Luis;luis@@example.com;;\n"
    "Eva;eva@example.com;;\n"
)
TEMPLATE = '{"subject": "Hola {{ Name }}", "html": "<p>Hola {{ Name }}</p>"}'


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    (tmp_path / "template.json").write_text(TEMPLATE, encoding="utf-8")
    return ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "template.json")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_preview_shows_cc_and_reply_to_with_their_names(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "preview", *inputs, "--row", "2")
    assert (code, err) == (0, "")
    assert "To:       Ana Núñez <ana@example.com>\n" in out
    assert "Cc:       Jefa Pérez <jefa@example.es>\n" in out
    assert "Reply-To: Reservas <reservas@example.es>\n" in out


def test_preview_of_a_row_left_out_says_so_and_fails(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "preview", *inputs, "--row", "3")
    assert code == 1
    assert "To:      (no valid address)" in out
    assert err.startswith("This row is left out and would not be sent: list.csv:3: 'luis@@example.com'")


def test_check_says_how_many_rows_are_left_out_next_to_ready(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", *inputs)
    assert code == 0
    assert out.splitlines()[-1] == "Ready to send 2 of 3 rows (1 left out)."


def test_export_without_a_sender_opens_as_an_outlook_draft_and_says_so(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "export", *inputs, "--out", str(tmp_path / "eml"))
    assert code == 0
    assert out == "Wrote 2 messages to " + str(tmp_path / "eml") + "\n"
    assert "The messages have no From address: Outlook fills in your account when you open one" in err
    parsed = BytesParser(policy=policy.default).parsebytes(
        (tmp_path / "eml" / "0002-ana-nunez.eml").read_bytes()
    )
    assert isinstance(parsed, EmailMessage)
    assert (parsed["From"], parsed["X-Unsent"]) == (None, "1")
    assert str(parsed["Cc"]) == "Jefa Pérez <jefa@example.es>"


def test_export_with_a_sender_writes_from_and_says_nothing_about_outlook(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = "Peña Eventos <eventos@peña.example>"
    code, _, err = run(capsys, "export", *inputs, "--from", sender, "--out", str(tmp_path / "eml"))
    assert code == 0
    assert "Outlook" not in err
    parsed = BytesParser(policy=policy.default).parsebytes((tmp_path / "eml" / "0004-eva.eml").read_bytes())
    assert str(parsed["From"]) == "Peña Eventos <eventos@xn--pea-8ma.example>"


def test_a_closed_pipe_ends_preview_quietly(tmp_path: Path, inputs: list[str]) -> None:
    """``preview --html | head -1``: no traceback, no 'Broken pipe' line, the exit code of SIGPIPE."""
    (tmp_path / "template.json").write_text(
        '{"subject": "Hola", "html": "<p>' + "Hola, hola. " * 20_000 + '</p>"}', encoding="utf-8"
    )
    command = [sys.executable, "-m", "securemailmerge", "preview", *inputs, "--html"]
    with subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == b"Row:      list.csv:2\n"
        process.stdout.close()
        assert process.stderr is not None
        err = process.stderr.read()
    assert (process.returncode, err) == (141, b"")
