"""Sent messages are Outlook-friendly, campaign and test send alike: styles inlined, images inline parts."""

from __future__ import annotations

import email
import json
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from securemailmerge import cli
from securemailmerge.cli import m365 as cli_m365
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER
from securemailmerge.template import import_message, save_template
from tests.helpers import InMemoryKeyring, tiny_png
from tests.outlook_files import Part, write_msg

pytestmark = pytest.mark.e2e
PNG = tiny_png()
HTML = (
    "<html><head><style>p.note { color: #123456; font-weight: bold }</style></head>"
    '<body><p class="note">Dear {{ Name }}</p><img src="logo.png" alt="Logo"></body></html>'
)


@pytest.fixture
def sandbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], memory_keyring: InMemoryKeyring
) -> Iterator[Sandbox]:
    """A sandbox that delivers at once, with Ada signed in on the command line."""
    with Sandbox(auto_approve=True, licensed={}, sending="min_submit_delay=0,max_submit_delay=0") as running:
        monkeypatch.setenv(cli_m365.TENANT_ENV, str(running.tenant_config_path))
        assert cli.main(["signin", "--device-code", "--stay-signed-in"]) == 0
        capsys.readouterr()
        yield running


def inputs(folder: Path) -> list[str]:
    (folder / "list.csv").write_text("Name,Email\nAnna,anna@example.com\nBen,ben@example.com\n")
    (folder / "logo.png").write_bytes(PNG)
    (folder / "invite.json").write_text(json.dumps({"subject": "Hello {{ Name }}", "html": HTML}))
    return ["--recipients", str(folder / "list.csv"), "--template", str(folder / "invite.json")]


def sent(sandbox: Sandbox) -> list[Message]:
    sandbox.graph.settle()
    return [email.message_from_string(m["mime"]) for m in sandbox.graph.inspect.sent(DEMO_USER)]


def html_of(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(part.get_content_charset() or "utf-8")


def assert_outlook_friendly(message: Message) -> None:
    """Inlined styles, no style sheet left, and the logo as an inline part the HTML names by cid."""
    html = html_of(message)
    assert 'style="color: #123456;font-weight: bold;"' in html
    assert "<style>" not in html
    images = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert len(images) == 1
    assert images[0].get_content_disposition() == "inline"
    assert images[0].get_payload(decode=True) == PNG
    content_id = str(images[0]["Content-ID"]).strip("<>")
    assert f'src="cid:{content_id}"' in html
    assert "Sent with SecureMailMerge" in html  # the free plan's footer, inlined with the rest


def test_a_campaign_sends_inlined_styles_and_inline_images(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = cli.main(["send", *inputs(tmp_path), "--campaign", str(tmp_path / "c"), "--yes"])
    assert code == 0, capsys.readouterr().err
    messages = sent(sandbox)
    assert sorted(str(m["To"]) for m in messages) == ["Anna <anna@example.com>", "Ben <ben@example.com>"]
    for message in messages:
        assert_outlook_friendly(message)
    items = sandbox.graph.inspect.messages(DEMO_USER, "sentitems")
    assert [[(a["name"], a["isInline"]) for a in item["attachments"]] for item in items] == [
        [("logo.png", True)],
        [("logo.png", True)],
    ]


def test_a_test_send_is_as_outlook_friendly_as_the_campaign(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = cli.main(["send", *inputs(tmp_path), "--mode", "test", "--row", "3"])
    assert code == 0, capsys.readouterr().err
    (message,) = sent(sandbox)
    assert str(message["Subject"]) == "[Test] Hello Ben"
    assert_outlook_friendly(message)


def test_a_missing_image_stops_the_send_naming_the_file(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = inputs(tmp_path)
    (tmp_path / "logo.png").unlink()
    code = cli.main(["send", *argv, "--campaign", str(tmp_path / "c"), "--yes"])
    assert code != 0
    assert f"The file “logo.png” does not exist in the folder {tmp_path}." in capsys.readouterr().err
    assert sent(sandbox) == []


def test_an_imported_outlook_template_goes_out_with_its_logo_inline_and_its_attachment(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = write_msg(
        tmp_path / "Invitation.oft",
        subject="Hello {{ Name }}",
        html=HTML.replace('src="logo.png"', 'src="cid:logo@outlook"'),
        text="Dear {{ Name }}",
        parts=(
            Part("logo.png", PNG, "image/png", "logo@outlook"),
            Part("Agenda.pdf", b"%PDF-1.4", "application/pdf"),
        ),
        template=True,
    )
    folder = tmp_path / "Invitation files"
    save_template(import_message(source, folder), folder / "invite.json")
    (tmp_path / "list.csv").write_text("Name,Email\nAnna,anna@example.com\n")
    argv = ["--recipients", str(tmp_path / "list.csv"), "--template", str(folder / "invite.json")]
    code = cli.main(["send", *argv, "--campaign", str(tmp_path / "c"), "--yes"])
    assert code == 0, capsys.readouterr().err
    (message,) = sent(sandbox)
    assert_outlook_friendly(message)
    attached = [p.get_filename() for p in message.walk() if p.get_content_disposition() == "attachment"]
    assert attached == ["Agenda.pdf"]
