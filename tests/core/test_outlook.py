"""Outlook-friendly HTML: CSS written onto elements, local and data: images inline, remote ones left."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from securemailmerge.errors import AttachmentError
from securemailmerge.template import embed_images, outlook_html


def test_style_rules_are_inlined_and_remote_sheets_never_loaded() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="https://tracker.example/a.css">'
        "<style>p.note{color:red}@media (max-width:600px){p{font-size:18px}}</style></head>"
        '<body><p class="note">Hallo</p></body></html>'
    )
    result = outlook_html(html)
    assert '<p class="note" style="color: red;">Hallo</p>' in result
    assert "@media" in result


def test_local_and_data_images_become_inline_parts(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"PNGDATA")
    data = base64.b64encode(b"GIFDATA").decode()
    html = (
        '<img src="logo.png"><img src="logo.png">'
        f'<img src="data:image/gif;base64,{data}"><img src="https://example.com/x.png">'
    )
    result, images = embed_images(html, tmp_path)
    assert [image.name for image in images] == ["logo.png", "image.gif"]
    assert [image.data for image in images] == [b"PNGDATA", b"GIFDATA"]
    assert result.count(f'src="cid:{images[0].content_id}"') == 2
    assert f'src="cid:{images[1].content_id}"' in result
    assert 'src="https://example.com/x.png"' in result


def test_an_image_outside_the_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError, match="outside the folder"):
        embed_images('<img src="../secret.png">', tmp_path)
