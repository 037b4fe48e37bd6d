"""What goes out to a recipient: the rendered message with the free plan's footer, made Outlook-friendly.

A campaign's rows, the test send and the window's Preview all pass a rendered message through
``Outgoing``, so the preview shows the very HTML Graph receives: the footer appended (free plan),
every style rule inlined for Outlook and each local or ``data:`` image turned into an inline part
that the HTML references by ``cid:`` (``template.outlook``). That work depends only on the HTML, so
HTML that does not vary by row is made Outlook-friendly once per campaign (results are kept by
their HTML in a small memo, so memory stays flat however long the list), and each image file is
read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from securemailmerge.campaign.footer import with_footer
from securemailmerge.template.model import RenderedMessage
from securemailmerge.template.outlook import InlineImage, embed_images, outlook_html

_MEMO = 64  # distinct HTML bodies kept; a merge field in the body makes every row's differ anyway
_STYLE_SHEET = re.compile(r"<(?:style|link)\b", re.IGNORECASE)
_IMAGE = re.compile(r"<img\b", re.IGNORECASE)


@dataclass(frozen=True)
class OutgoingMessage:
    """A message as it is sent: its final HTML and text, and the images the HTML shows by ``cid:``."""

    rendered: RenderedMessage
    images: tuple[InlineImage, ...]


class Outgoing:
    """Turns rendered messages into what is sent, for one campaign (one folder, one footer)."""

    def __init__(self, base_folder: Path, footer: str = "") -> None:
        self.base_folder = base_folder
        self.footer = footer
        self._images: dict[str, InlineImage] = {}
        self._memo: dict[str, tuple[str, tuple[InlineImage, ...]]] = {}

    def message(self, rendered: RenderedMessage) -> OutgoingMessage:
        """``rendered`` with the footer, styles inlined and images embedded; errors name the image."""
        message = with_footer(rendered, self.footer) if self.footer else rendered
        done = self._memo.get(message.html)
        if done is None:
            done = self._made_friendly(message.html)
            if len(self._memo) >= _MEMO:
                del self._memo[next(iter(self._memo))]
            self._memo[message.html] = done
        html, images = done
        return OutgoingMessage(replace(message, html=html), images)

    def _made_friendly(self, html: str) -> tuple[str, tuple[InlineImage, ...]]:
        # Merge values are escaped, so only the template can bring a style sheet or an image; without
        # one there is nothing to do, and 100,000 rows are planned without parsing their HTML.
        if _STYLE_SHEET.search(html):
            html = outlook_html(html)
        if _IMAGE.search(html):
            return embed_images(html, self.base_folder, self._images)
        return html, ()
