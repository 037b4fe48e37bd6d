"""HTML becomes the plain text a reader expects: blocks, breaks, lists, links, tables, entities, no script."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.template.htmltext import format_link, html_title, html_to_text, text_pieces_from_html


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>Line one<br>line two<br/>line three</p>", "Line one\nline two\nline three"),
        ("<p>a<br><br>b</p>", "a\n\nb"),
        ("<div>first</div><div>second</div>", "first\nsecond"),
        ("<h1>Title</h1><p>Body</p>", "Title\n\nBody"),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"),
        ('<ol start="4"><li>four</li><li>five</li></ol>', "4. four\n5. five"),
        ("<ul><li>a<ul><li>a.1</li></ul></li><li>b</li></ul>", "- a\n  - a.1\n- b"),
        ("<p>Intro</p><ul><li>x</li></ul><p>Outro</p>", "Intro\n\n- x\n\nOutro"),
        (
            '<p>See <a href="https://example.com/info">our page</a>.</p>',
            "See our page (https://example.com/info).",
        ),
        ('<a href="https://example.com">https://example.com</a>', "https://example.com"),
        ('<a href="mailto:ana@example.com">ana@example.com</a>', "ana@example.com"),
        ('<a href="#top">back to top</a>', "back to top"),
        ('<p>Logo: <a href="https://example.com"><img src="logo.png"></a></p>', "Logo: https://example.com"),
        (
            "<table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>3 €</td></tr></table>",
            "Item | Price\nTea | 3 €",
        ),
        ("<table><tr><td>a</td><td></td><td>c</td></tr></table>", "a |  | c"),
        ("<p>Fish &amp; chips &lt;3 &eacute;t&eacute; &#8364; &#x41;</p>", "Fish & chips <3 été € A"),
        ("<p>no&nbsp;break</p>", "no break"),
        ("<p>a <script>alert('x')</script>b</p><style>p { color: red }</style>", "a b"),
        ("<html><head><title>Hidden</title></head><body><p>Shown</p></body></html>", "Shown"),
        ("<p>  lots   of\n\n  space\t here  </p>", "lots of space here"),
        ("<p>Hello <b>bold</b><i>italic</i> world</p>", "Hello bolditalic world"),
        ("<pre>  indented\n    more</pre>", "  indented\n    more"),
        ("<p>above</p><hr><p>below</p>", "above\n\n---\n\nbelow"),
        ("<!-- a comment --><p>text</p><!--[if mso]>outlook only<![endif]-->", "text"),
        ("<ul><li></li><li>kept</li></ul>", "- kept"),
        ("plain text, no tags", "plain text, no tags"),
        ("", ""),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("our page", "https://example.com", "our page (https://example.com)"),
        ("https://example.com", "https://example.com/", "https://example.com"),
        ("ana@example.com", "mailto:ana@example.com", "ana@example.com"),
        ("+49 30 1234", "tel:+49 30 1234", "+49 30 1234"),
        ("", "https://example.com", "https://example.com"),
        ("top", "#top", "top"),
        ("click", "javascript:void(0)", "click"),
        ("  spaced  ", "", "spaced"),
    ],
)
def test_format_link(text: str, url: str, expected: str) -> None:
    assert format_link(text, url) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<html><head><title>Hello &amp; welcome</title></head></html>", "Hello & welcome"),
        ("<title>\n  Spread\n  over lines </title>", "Spread over lines"),
        ("<title>Hi {{ FirstName }}</title>", "Hi {{ FirstName }}"),
        ("<title></title>", ""),
        ("<p>No title here</p>", None),
    ],
)
def test_html_title(markup: str, expected: str | None) -> None:
    assert html_title(markup) == expected


def test_pieces_keep_tags_in_place_and_defer_links() -> None:
    pieces = [
        ("html", "<p>Hello "),
        ("inline", "{{ Name }}"),
        ("html", ",</p><ul>"),
        ("block", "{% if Extra %}"),
        ("html", "<li>extra</li>"),
        ("block", "{% endif %}"),
        ("html", '</ul><p>Go <a href="'),
        ("inline", "{{ Url }}"),
        ("html", '">here</a></p>'),
    ]
    assert text_pieces_from_html(pieces) == [
        ("text", "Hello "),
        ("inline", "{{ Name }}"),
        ("text", ","),
        ("block", "{% if Extra %}"),
        ("text", "\n\n\U000f0003- extra"),
        ("block", "{% endif %}"),
        ("text", "\n\nGo "),
        ("link-open", ""),
        ("text", "here"),
        ("link-sep", ""),
        ("inline", "{{ Url }}"),
        ("link-close", ""),
    ]


@pytest.mark.parametrize(
    "pieces",
    [
        [("html", '<p class="'), ("block", "{% if A %}"), ("html", 'x">a</p>'), ("block", "{% endif %}")],
        [("html", "<script>"), ("block", "{% if A %}"), ("html", "</script>"), ("block", "{% endif %}")],
        [("html", "<!-- "), ("block", "{% if A %}"), ("html", " -->"), ("block", "{% endif %}")],
        [("html", "borrowed \U000f0010 character")],
    ],
    ids=["attribute", "script", "comment", "private-use"],
)
def test_pieces_refuse_tags_where_no_text_shows(pieces: list[tuple[str, str]]) -> None:
    assert text_pieces_from_html(pieces) is None


_BLANKS = re.compile(r"[ \t\n\r\f]+")
_MARKUP = ["<p>", "</p>", "<li>", "<ul>", "<ol>", "</ul>", "<a href='u'>", "</a>", "<br>", "x", " ", "\n"]
_MARKUP += ["&amp;", "<td>", "<tr>", "<table>", "</table>", "<pre>", "</pre>", "<h1>", "<script>", "<hr>"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Co"))))
def test_escaped_text_comes_back_with_blanks_collapsed(text: str) -> None:
    # A no-break space is not a blank to HTML: it stays (as a plain space) unless it ends the line.
    expected = _BLANKS.sub(" ", text).strip(" ").replace("\xa0", " ").rstrip(" ")
    assert html_to_text(html.escape(text)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP)).map("".join))
def test_any_markup_converts_without_error(markup: str) -> None:
    text = html_to_text(markup)
    assert "\n\n\n" not in text
    assert text == text.strip("\n")
