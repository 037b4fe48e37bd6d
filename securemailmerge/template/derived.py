"""The plain text of a message without a text part, derived once from its HTML template.

The HTML part's output around its tags is converted to text as ``htmltext`` converts a rendered
message, and the tags are kept: rendering the derived template gives the text that converting each
rendered HTML would give, without converting every message. A template whose tags make HTML (loops,
macros, ``escape``) cannot be derived; its messages are converted one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from jinja2 import Template as JinjaTemplate, meta, nodes

from securemailmerge.template.boundary import jinja_errors
from securemailmerge.template.environment import TemplateSandbox
from securemailmerge.template.fields import CompiledPart
from securemailmerge.template.htmltext import LINK_SEPARATOR, Piece, format_link, text_pieces_from_html

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WHITESPACE_CONTROL = re.compile(r"(?<=^\{[{%#])[-+]|[-+](?=[}%#]\}$)")
_LOOSE_SPACE = re.compile(r"[\t\n\r\f]|  ")  # what _HTML_SPACE would change


def _collapse(value: Any) -> Any:
    """A merge value as the HTML shows it: runs of blanks and line breaks read as one space."""
    if isinstance(value, str) and _LOOSE_SPACE.search(value):
        return _HTML_SPACE.sub(" ", value)
    return value


def _link(value: str) -> str:
    text, found, url = value.rpartition(LINK_SEPARATOR)
    return format_link(text, url) if found else value


TEXT_FROM_HTML = TemplateSandbox(autoescape=False, finalize=_collapse)
"""The environment of derived text templates: values read as the HTML shows them, links as text."""
TEXT_FROM_HTML.filters["smm_link"] = _link

# What makes HTML out of a value, and loops that repeat HTML: the text of such a template cannot be
# derived from its HTML once, so each rendered message is converted instead.
_MARKUP_FILTERS = frozenset({"e", "escape"})
_UNDERIVABLE = (
    nodes.For,
    nodes.Macro,
    nodes.CallBlock,
    nodes.AssignBlock,
    nodes.EvalContextModifier,
    nodes.MarkSafe,
    nodes.MarkSafeIfAutoescape,
)


class Derived(NamedTuple):
    """A derived text template, compiled, and the tree it was compiled from."""

    template: JinjaTemplate
    tree: nodes.Template


def derive_text(html: CompiledPart, reads: set[str]) -> Derived | None:
    """A plain-text template that renders what the rendered HTML shows; None when it cannot be made.

    ``reads`` are the names the HTML part reads: the text may read no other.
    """
    tree = html.tree
    if any(True for _ in tree.find_all(_UNDERIVABLE)):
        return None
    if any(node.name in _MARKUP_FILTERS for node in tree.find_all(nodes.Filter)):
        return None
    pieces = text_pieces_from_html(list(_html_pieces(html)))
    if pieces is None:
        return None
    try:
        with jinja_errors(lambda _problem: _NotDerivable()):
            derived = TEXT_FROM_HTML.parse(_text_source(pieces))
            if not set(meta.find_undeclared_variables(derived)) <= reads:
                return None
            return Derived(TEXT_FROM_HTML.from_string(derived), derived)  # compiling may still refuse it
    except _NotDerivable:
        return None


class _NotDerivable(Exception):
    """The plain text that the HTML shows cannot be written as a template."""


def _html_pieces(part: CompiledPart) -> Iterable[Piece]:
    """The HTML as Jinja2 would output it around the tags, and the tags (``{{ }}`` inline, ``{% %}`` block).

    Data comes from the lexer's tokens, so the blanks a ``-`` strips are already gone, and the tags
    lose their ``-``; a ``{% raw %}`` section is plain HTML here and a comment is nothing.
    """
    closers = {"variable_begin": "variable_end", "block_begin": "block_end", "comment_begin": "comment_end"}
    lexemes, html, index = part.lexemes, "", 0
    while index < len(lexemes):
        lexeme = lexemes[index]
        closer = closers.get(lexeme.kind)
        if closer is None:
            html += lexeme.value if lexeme.kind == "data" else ""
            index += 1
            continue
        last = index
        while last < len(lexemes) and lexemes[last].kind != closer:
            last += 1
        if lexeme.kind != "comment_begin":
            if html:
                yield "html", html
            html = ""
            end = lexemes[last].start + len(lexemes[last].value.rstrip())
            tag = _WHITESPACE_CONTROL.sub("", part.source[lexeme.start : end])
            yield ("inline" if lexeme.kind == "variable_begin" else "block"), tag
        index = last + 1
    if html:
        yield "html", html


def _text_source(pieces: Sequence[Piece]) -> str:
    """Jinja2 source for text pieces: literal text stays literal, links go through ``smm_link``."""
    fixed = {
        "link-open": "{% filter smm_link %}",
        "link-sep": LINK_SEPARATOR,
        "link-close": "{% endfilter %}",
    }
    out = []
    for kind, content in pieces:
        if kind == "text":
            out.append(content.replace("{", '{{ "{" }}'))  # decoded text may now spell a tag
        else:
            out.append(fixed.get(kind, content))
    return "".join(out)
