"""HTML that Outlook shows as written: styles inlined (css-inline) and local images embedded.

Outlook on Windows renders mail with Word's engine, which ignores most ``<style>`` rules and never
loads images from the sender's disk. ``outlook_html`` moves every style rule onto the elements it
matches (media queries stay in a ``<style>``) and never fetches a remote stylesheet;
``embed_images`` turns each ``<img>`` that names a file in the template's folder (or carries a
``data:`` URI) into a ``cid:`` reference to an inline part. Both run on a rendered message, never on
the template: an HTML parser would move Jinja's ``{% for %}`` between table rows.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

import css_inline

from securemailmerge.errors import AttachmentError, TemplateError
from securemailmerge.i18n import translate
from securemailmerge.safepaths import resolve_attachment

_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_DATA_URI = re.compile(r"data:(image/[\w.+-]+);base64,(.*)", re.DOTALL)
_REMOTE = ("http:", "https:", "cid:", "mailto:", "//")


@dataclass(frozen=True)
class InlineImage:
    """An image sent inside the message and shown where ``cid:{content_id}`` is referenced."""

    content_id: str
    name: str
    content_type: str
    data: bytes


def outlook_html(html: str) -> str:
    """``html`` with every CSS rule written onto the elements it styles; TemplateError when it cannot be."""
    try:
        return str(_INLINER.inline(html))
    except ValueError as error:  # css-inline's one error type for bad CSS
        message = translate("Outlook", "The message's styles cannot be inlined for Outlook: {reason}.")
        raise TemplateError(message.format(reason=error)) from None


def embed_images(
    html: str, base_folder: Path, known: MutableMapping[str, InlineImage] | None = None
) -> tuple[str, tuple[InlineImage, ...]]:
    """Replace local and ``data:`` images by ``cid:`` references; AttachmentError names a missing file.

    ``known`` keeps the images already read by their ``src``, so a campaign reads each file once.
    """
    images: dict[str, InlineImage] = {}
    read = {} if known is None else known

    def replace(match: re.Match[str]) -> str:
        source = match.group(3).strip()
        if not source or source.lower().startswith(_REMOTE):
            return match.group(0)
        image = read.get(source)
        if image is None:
            image = read[source] = _image(source, base_folder)
        images.setdefault(image.content_id, image)
        return f"{match.group(1)}{match.group(2)}cid:{image.content_id}{match.group(2)}"

    return _IMG_SRC.sub(replace, html), tuple(images.values())


def _image(source: str, base_folder: Path) -> InlineImage:
    found = _DATA_URI.fullmatch(source)
    if found:
        try:
            data = base64.b64decode(found.group(2), validate=False)
        except ValueError:
            message = translate("Outlook", "An image in the message is not valid base64 data.")
            raise AttachmentError(message) from None
        content_type = found.group(1)
        name = "image" + (mimetypes.guess_extension(content_type) or ".bin")
    else:
        path = resolve_attachment(base_folder, source.removeprefix("file://"))
        data = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        name = path.name
    digest = hashlib.sha256(data).hexdigest()[:16]
    return InlineImage(f"{digest}@securemailmerge", name, content_type, data)
