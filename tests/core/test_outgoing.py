"""What goes out: the footer, styles inlined for Outlook and images embedded, once per campaign."""

from __future__ import annotations

from pathlib import Path

import pytest

from securemailmerge.campaign.outgoing import Outgoing
from securemailmerge.errors import AttachmentError
from securemailmerge.template.model import RenderedMessage

HTML = '<style>b { color: red }</style><p><b>Dear {name}</b></p><img src="logo.png">'


def rendered(name: str) -> RenderedMessage:
    return RenderedMessage("Hi", HTML.replace("{name}", name), f"Dear {name}", ())


def test_the_footer_styles_and_images_are_what_is_sent(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG logo")
    message = Outgoing(tmp_path, "Sent with SecureMailMerge").message(rendered("Ada"))
    (image,) = message.images
    assert (image.name, image.content_type, image.data) == ("logo.png", "image/png", b"\x89PNG logo")
    assert message.rendered.html == (
        '<html><head></head><body><p><b style="color: red;">Dear Ada</b></p>'
        f'<img src="cid:{image.content_id}">'
        '<p style="color:#777;font-size:smaller">Sent with SecureMailMerge</p></body></html>'
    )
    assert message.rendered.text == "Dear Ada\n\n-- \nSent with SecureMailMerge\n"


def test_without_a_footer_nothing_is_appended(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"logo")
    message = Outgoing(tmp_path).message(rendered("Ada"))
    assert "SecureMailMerge</p>" not in message.rendered.html
    assert message.rendered.text == "Dear Ada"


def test_each_image_is_read_once_per_campaign(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"logo")
    outgoing = Outgoing(tmp_path)
    first = outgoing.message(rendered("Ada"))
    (tmp_path / "logo.png").unlink()
    second = outgoing.message(rendered("Bob"))
    assert second.images == first.images
    assert "Dear Bob" in second.rendered.html
    with pytest.raises(AttachmentError, match=r"logo\.png"):
        Outgoing(tmp_path).message(rendered("Cy"))


def test_html_without_a_style_sheet_or_image_goes_out_as_written(tmp_path: Path) -> None:
    plain = RenderedMessage("Hi", "<p>Dear <b>Ada</b></p>", "Dear Ada", ())
    message = Outgoing(tmp_path, "Sent with SecureMailMerge").message(plain)
    assert message.rendered.html == (
        '<p>Dear <b>Ada</b></p><p style="color:#777;font-size:smaller">Sent with SecureMailMerge</p>'
    )
    assert message.images == ()
