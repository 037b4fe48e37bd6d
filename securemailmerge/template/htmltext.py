"""Plain text from HTML: what a reader sees in the HTML, laid out as readable text.

Paragraphs and headings become blocks separated by a blank line, ``<br>`` a line break, list items
``- item`` (``1. item`` when numbered), table rows one line with ``|`` between cells, links
``text (url)``; ``<script>``, ``<style>`` and ``<title>`` are dropped and entities decoded.

``text_pieces_from_html`` converts an HTML *template* once instead of every rendered message: the
template's tags travel through the conversion as opaque pieces and the result is a plain-text
template that renders the same text as converting each rendered message would, far faster.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import compress, count, repeat

Piece = tuple[str, str]
"""``(kind, text)``: kind ``html``, ``text``, ``inline`` (opaque, shows text), ``block`` (opaque, shows
nothing), or ``link-open``, ``link-sep``, ``link-close`` around a link whose text or address is only
known after rendering (see ``format_link``)."""

_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "dl", "figure", "address"}
)
_LINES = frozenset(
    {"div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "main", "aside"}
    | {"center", "caption", "figcaption", "form", "fieldset", "hr"}
)
_HIDDEN = frozenset({"script", "style", "title", "template", "noscript"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")

# Private-use characters stand for template tags during a conversion; nothing a user types uses them.
_LINK_OPEN, _LINK_SEP, _LINK_CLOSE = "\U000f0000", "\U000f0001", "\U000f0002"
_BULLET = "\U000f0003"  # marks a list bullet, dropped after rendering when its item came out empty
_FIRST_MARKER = 0xF0010
_LAST_MARKER = 0xFFFFD
_PRIVATE = re.compile("[\U000f0000-\U000ffffd]")
_PIECE_BOUNDARY = re.compile("[\U000f0000-\U000f0002\U000f0010-\U000ffffd]")
_EMPTY_ITEM = re.compile("^ *\U000f0003(?:-|\\d+\\.) *(?:\n|$)", re.MULTILINE)
# The end of that line alone: a search for it starts at each bullet, where the whole pattern tries
# every line, so a text without an empty item is known as such quickly.
_EMPTY_ITEM_END = re.compile("\U000f0003(?:-|\\d+\\.) *(?:\n|$)")
# What tidying changes, each found by a plain search first: trailing blanks, then runs of blank lines.
_UNTIDY = ((" \n", "\t\n"), _TRAILING_SPACE, "\n"), (("\n\n\n",), _BLANK_LINES, "\n\n")
_LINK_KINDS = {_LINK_OPEN: "link-open", _LINK_SEP: "link-sep", _LINK_CLOSE: "link-close"}

LINK_SEPARATOR = _LINK_SEP
"""What separates a link's text from its address between ``link-open`` and ``link-close``."""


def html_to_text(html: str) -> str:
    """The readable plain text of an HTML document or fragment."""
    converter = _Converter(frozenset(), frozenset())
    converter.feed(html)
    converter.close()
    return finish_text(converter.result())


def html_title(html: str) -> str | None:
    """The text of the document's ``<title>``, entities decoded and spaces collapsed; None without one."""
    finder = _TitleFinder()
    finder.feed(html)
    finder.close()
    if finder.title is None:
        return None
    return _HTML_SPACE.sub(" ", "".join(finder.title)).strip()


def tidy_text(text: str) -> str:
    """Trailing spaces off every line, at most one blank line in a row, none at either end."""
    return tidy_texts([text])[0]


def tidy_texts(texts: Iterable[str]) -> list[str]:
    """``tidy_text`` of each text, in Python's own loops (a check tidies a million of them)."""
    tidied = list(map(operator.add, map(str.replace, texts, repeat("\xa0"), repeat(" ")), repeat("\n")))
    for marks, pattern, replacement in _UNTIDY:
        found = map(any, zip(*[map(operator.contains, tidied, repeat(mark)) for mark in marks], strict=True))
        for place in compress(count(), found):
            tidied[place] = pattern.sub(replacement, tidied[place])
    return list(map(str.strip, tidied, repeat("\n")))


def finish_text(rendered: str) -> str:
    """The final text from a conversion, or from a template made by ``text_pieces_from_html`` once rendered.

    A bullet with nothing after it on its line marks a list item that came out empty: it goes.
    """
    return finish_texts([rendered])[0]


def finish_texts(rendered: Iterable[str]) -> list[str]:
    """``finish_text`` of each text, in Python's own loops."""
    texts = list(rendered)
    for place in compress(count(), map(_EMPTY_ITEM_END.search, texts)):
        texts[place] = _EMPTY_ITEM.sub("", texts[place])
    return tidy_texts(map(str.replace, texts, repeat(_BULLET), repeat("")))


def format_link(text: str, url: str) -> str:
    """A link as plain text: ``text (url)``, or only one of them when the other adds nothing."""
    text, url = text.strip(), url.strip()
    if not url or url.startswith("#") or url.casefold().startswith("javascript:"):
        return text
    if not text:
        return url
    bare = re.sub(r"^(mailto|tel):", "", url, flags=re.IGNORECASE)
    if text.rstrip("/") in {url.rstrip("/"), bare.rstrip("/")}:
        return text
    return f"{text} ({url})"


def text_pieces_from_html(pieces: Sequence[Piece]) -> list[Piece] | None:
    """Convert an HTML template given as ``html``, ``inline`` and ``block`` pieces into text pieces.

    Returns None when the conversion cannot keep the template's structure: a ``block`` piece sits
    where no text shows (inside an attribute, a comment, ``<script>``...), or the HTML itself holds
    the private-use characters the conversion borrows.
    """
    originals: dict[str, Piece] = {}
    blocks: set[str] = set()
    marked: list[str] = []
    for kind, content in pieces:
        if kind == "html":
            if _PRIVATE.search(content):
                return None
            marked.append(content)
            continue
        if _FIRST_MARKER + len(originals) > _LAST_MARKER:
            return None
        marker = chr(_FIRST_MARKER + len(originals))
        originals[marker] = (kind, content)
        if kind == "block":
            blocks.add(marker)
        marked.append(marker)
    converter = _Converter(frozenset(originals), frozenset(blocks))
    converter.feed("".join(marked))
    converter.close()
    converted = converter.result()
    if any(marker not in converted for marker in blocks):
        return None
    result: list[Piece] = []
    start = 0
    for found in _PIECE_BOUNDARY.finditer(converted):
        if found.start() > start:
            result.append(("text", converted[start : found.start()]))
        char = found.group()
        result.append(originals.get(char) or (_LINK_KINDS[char], ""))
        start = found.end()
    if start < len(converted):
        result.append(("text", converted[start:]))
    return result


@dataclass
class _Link:
    url: str
    start: int


class _Converter(HTMLParser):
    """Streams HTML into text; ``markers`` stand for template tags, ``silent`` ones show nothing."""

    def __init__(self, markers: frozenset[str], silent: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.silent = silent | {_LINK_OPEN, _LINK_SEP, _LINK_CLOSE, _BULLET}
        self.split_silent = re.compile("([" + "".join(sorted(silent)) + "])") if silent else None
        self.out: list[str] = []
        self.has_text = False
        self.newlines = 0  # line breaks owed before the next text
        self.space = False  # a space owed before the next word
        self.prefix = ""  # a list bullet owed before the next text
        self.hidden = 0
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [0 for bullets, else the next number]
        self.cells: list[int] = []  # per open table: cells seen in the current row
        self.link: _Link | None = None

    def result(self) -> str:
        """The text so far (not yet tidied)."""
        return "".join(self.out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self._flush()
            self.out.append("\n")
            self.space = False
        elif tag in {"ul", "ol"}:
            self._block(1 if self.lists else 2)
            start = dict(attrs).get("start") or "1"
            self.lists.append([int(start) if tag == "ol" and start.isdigit() else 0])
        elif tag == "li":
            self._block(1)
            self.prefix = "  " * max(len(self.lists) - 1, 0) + self._bullet()
        elif tag == "a":
            self.link = _Link(dict(attrs).get("href") or "", len(self.out))
        elif tag in {"td", "th"} and self.cells:
            if self.cells[-1]:
                self.space = False
                self._emit(" | ")
            self.cells[-1] += 1
        else:
            self._start_block(tag)

    def _start_block(self, tag: str) -> None:
        if tag == "table":
            self.cells.append(0)
        elif tag == "tr" and self.cells:
            self.cells[-1] = 0
        elif tag == "pre":
            self.pre += 1
        self._block(2 if tag in _PARAGRAPHS else 1 if tag in _LINES else 0)
        if tag == "hr":
            self._emit("---")
            self._block(1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in {"ul", "ol"}:
            if self.lists:
                self.lists.pop()
            self._block(1 if self.lists else 2)
        elif tag == "a":
            self._end_link()
        elif tag in _PARAGRAPHS or tag in _LINES:
            if tag == "table" and self.cells:
                self.cells.pop()
            elif tag == "pre":
                self.pre = max(self.pre - 1, 0)
            self._block(2 if tag in _PARAGRAPHS else 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.split_silent is None:
            self._text(data)
            return
        for part in self.split_silent.split(data):
            if part in self.silent:
                self.out.append(part)
            elif part:
                self._text(part)

    def _text(self, data: str) -> None:
        if self.pre:
            self._emit(data)
            return
        for index, word in enumerate(_HTML_SPACE.split(data)):
            if index:
                self.space = True  # whitespace ran before this word (or ends the data)
            if word:
                self._emit(word)

    def _emit(self, text: str) -> None:
        """Write text, after the line breaks, bullet or space it is owed."""
        mark = len(self.out)
        self._flush()
        if self.space and self._last_char() not in " \n":
            self.out.append(" ")
        self.space = False
        # What is owed before a link's first word belongs before the link, not inside its text.
        if self.link is not None and self.link.start == mark:
            self.link.start = len(self.out)
        self.out.append(text)
        self.has_text = True

    def _flush(self) -> None:
        if self.newlines and self.has_text:
            owed = self.newlines - self._trailing_newlines()
            if owed > 0:
                self.out.append("\n" * owed)
        if self.newlines or self.prefix:
            self.space = False
        self.newlines = 0
        if self.prefix:
            self.out.append(_BULLET + self.prefix)
            self.prefix = ""

    def _block(self, newlines: int) -> None:
        self.newlines = max(self.newlines, newlines)
        if newlines:
            self.space = False

    def _bullet(self) -> str:
        if not self.lists or not self.lists[-1][0]:
            return "- "
        number = self.lists[-1][0]
        self.lists[-1][0] += 1
        return f"{number}. "

    def _end_link(self) -> None:
        link, self.link = self.link, None
        if link is None:
            return
        text = "".join(self.out[link.start :])
        del self.out[link.start :]
        if any(char in self.markers for char in text + link.url):
            shown = _LINK_OPEN + text + _LINK_SEP + link.url + _LINK_CLOSE
        else:
            shown = format_link(text, link.url)
        if text:
            self.out.append(shown)
        elif shown:
            self._emit(shown)  # a link without text (an image) still owes its space or line break

    def _last_char(self) -> str:
        for chunk in reversed(self.out):
            for char in reversed(chunk):
                if char not in self.silent:
                    return char
        return "\n"

    def _trailing_newlines(self) -> int:
        count = 0
        for chunk in reversed(self.out):
            for char in reversed(chunk):
                if char == "\n":
                    count += 1
                elif char not in self.silent:
                    return count
        return count


class _TitleFinder(HTMLParser):
    """Collects the text of the first ``<title>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] | None = None
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self.title = []
            self.inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and self.title is not None:
            self.title.append(data)
