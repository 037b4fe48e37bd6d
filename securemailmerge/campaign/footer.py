"""The free plan's footer: one short line at the end of the HTML and the plain-text body."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from securemailmerge.i18n import translate
from securemailmerge.template.model import RenderedMessage

_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def footer_text() -> str:
    """The footer line in the user's language."""
    return translate("Campaign", "Sent with SecureMailMerge")


def with_footer(rendered: RenderedMessage, text: str) -> RenderedMessage:
    """The message with ``text`` as a last line of both bodies (before ``</body>`` in the HTML)."""
    line = f'<p style="color:#777;font-size:smaller">{html.escape(text)}</p>'
    ends = list(_BODY_END.finditer(rendered.html))
    if ends:
        at = ends[-1].start()
        body = rendered.html[:at] + line + rendered.html[at:]
    else:
        body = rendered.html + line
    return replace(rendered, html=body, text=f"{rendered.text.rstrip()}\n\n-- \n{text}\n")
