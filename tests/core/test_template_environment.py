"""Templates get only the filters a mail merge needs, and no filter, method or operator can exhaust memory."""

from __future__ import annotations

import re

import pytest

from securemailmerge.errors import RenderError, TemplateSyntaxError
from securemailmerge.template.model import Template, compile_template

COLUMNS = ["Name", "Company", "Amount", "Notes", "Files"]
ROW = {
    "Name": "Jürgen Müller",
    "Company": "<b>Müller & Söhne</b>",
    "Amount": "1234.5678",
    "Notes": "Bitte bis Freitag zurückrufen, danke",
    "Files": "agenda.pdf;map.pdf",
}
TOO_LONG = "would make a text of more than 1000000 characters"
ESCAPED = "&lt;b&gt;Müller &amp; Söhne&lt;/b&gt;"
# Each step triples the a's: unchecked, twelve steps would ask for about 100 GB.
CHAINED_REPLACE = "{{ ('ab' * 100000)" + " | replace('a', 'aaa')" * 12 + " }}"


def render_html(html: str) -> str:
    """The HTML body rendered for the sample row; ``BIG`` stands for a text of a million characters."""
    html = html.replace("BIG", "('x' * 1000000)")
    return compile_template(Template(subject="s", html=html), COLUMNS).render(ROW).html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("{{ Name | upper }}|{{ Name | lower }}", "JÜRGEN MÜLLER|jürgen müller"),
        ("{{ 'ana díaz' | title }}|{{ 'ana' | capitalize }}", "Ana Díaz|Ana"),
        ("[{{ '  x  ' | trim }}]", "[x]"),
        ("{{ Name | replace('ü', 'ue') }}", "Juergen Mueller"),
        ("{{ Notes | truncate(20) }}", "Bitte bis..."),
        ("{{ Notes | wordwrap(20) }}", "Bitte bis Freitag\nzurückrufen, danke"),
        ("{{ Files.split(';') | join(', ') }}", "agenda.pdf, map.pdf"),
        ("{{ Files.split(';') | first }} {{ Files.split(';') | last }}", "agenda.pdf map.pdf"),
        ("{{ Name | length }} {{ Name | count }}", "13 13"),
        ("{{ Amount | float | round(2) }} {{ Amount | int }}", "1234.57 1234"),
        ("{{ Amount | float | round(0, 'floor') | int }}", "1234"),
        ("{{ -3 | abs }} {{ 7 | string }}", "3 7"),
        ("{{ Company | striptags }}", "Müller &amp; Söhne"),
        ("{{ Name | urlencode }}", "J%C3%BCrgen%20M%C3%BCller"),
        ("{{ Company | e }}|{{ Company | escape }}", f"{ESCAPED}|{ESCAPED}"),
        ("{{ Missing | default('friend') }} {{ Missing | d('x') }}", "friend x"),
        ("{% filter upper %}hallo {{ Name }}{% endfilter %}", "HALLO JÜRGEN MÜLLER"),
        ("{{ '%.2f' % (Amount | float) }} {{ '%5s|' % 'ab' }}", "1234.57    ab|"),
        ("{{ '%d%%' % 50 }} {{ '%%9999999' % () }}", "50% %9999999"),
        ("{{ '{:>6.1f}'.format(Amount | float) }}", "1234.6"),
        ("{{ 'ab'.replace('a', 'xy') }} {{ '-'.join(['a', 'b']) }}", "xyb a-b"),
        ("{{ 'ab' * 3 }}", "ababab"),
    ],
)
def test_the_filters_a_mail_merge_needs_work(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(
    "name",
    ["safe", "center", "format", "indent", "batch", "slice", "attr", "xmlattr", "tojson", "urlize", "list"],
)
def test_filters_beyond_the_allowlist_do_not_exist(name: str) -> None:
    with pytest.raises(TemplateSyntaxError, match=f"there is no filter “{name}”"):
        render_html(f"{{{{ Company | {name} }}}}")


@pytest.mark.parametrize(
    "html",
    [
        "{% autoescape false %}{{ Company }}{% endautoescape %}",
        "<p>\n  {%- autoescape false -%}{{ Company }}{% endautoescape %}</p>",
    ],
)
def test_merge_data_cannot_be_unescaped_in_the_html_body(html: str) -> None:
    with pytest.raises(TemplateSyntaxError, match="the tag “autoescape” cannot be used") as caught:
        render_html(html)
    assert caught.value.column is not None


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("{{ 'a' | center(1000000000) }}", "there is no filter “center”"),
        ("{{ '%999999999s' | format('x') }}", "there is no filter “format”"),
        ("{% filter center(1000000000) %}x{% endfilter %}", "there is no filter “center”"),
    ],
)
def test_filters_that_allocate_what_a_number_asks_for_are_gone(html: str, message: str) -> None:
    with pytest.raises(TemplateSyntaxError, match=message):
        render_html(html)


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("{{ Notes | truncate(1000000000) }}", "the number 1000000000 given to “truncate” is too large"),
        ("{{ Notes | truncate(20, leeway=10001) }}", "the number 10001 given to “truncate” is too large"),
        ("{{ Notes | wordwrap(1000000000) }}", "the number 1000000000 given to “wordwrap” is too large"),
        ("{{ 5 | round(-100000) }}", "the number -100000 given to “round” is too large"),
        ("{{ 1.5 | round(100000, 'floor') }}", "the number 100000 given to “round” is too large"),
        ("{{ ('a' * 1000000) | replace('a', 'aa') }}", f"“replace” {TOO_LONG}"),
        (CHAINED_REPLACE, f"“replace” {TOO_LONG}"),
        ("{{ 'x' | replace('', 'y' * 1000000) }}", f"“replace” {TOO_LONG}"),
        ("{{ [BIG, BIG] | join }}", f"“join” {TOO_LONG}"),
        ("{{ ['a', 'b'] | join('x' * 1000000) }}", f"“join” {TOO_LONG}"),
        ("{{ ('ab' * 500) | wordwrap(1, true, 'y' * 1000000) }}", f"“wordwrap” {TOO_LONG}"),
        ("{{ ('\"' * 150000) | e | urlencode }}", f"“urlencode” {TOO_LONG}"),
        ("{{ [BIG, BIG] | string }}", f"“string” {TOO_LONG}"),
        ("{{ [BIG, BIG] | upper }}", f"“upper” {TOO_LONG}"),
    ],
)
def test_filters_refuse_numbers_and_texts_that_would_exhaust_memory(html: str, message: str) -> None:
    with pytest.raises(RenderError, match=re.escape(message)) as caught:
        render_html(html)
    assert str(caught.value).startswith("The HTML body tries something templates may not do: ")


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("{{ 'a'.center(1000000000) }}", "access to attribute 'center' of 'str' object is unsafe"),
        ("{{ 'a'.ljust(1000000000) }}", "access to attribute 'ljust' of 'str' object is unsafe"),
        ("{{ '1'.zfill(1000000000) }}", "access to attribute 'zfill' of 'str' object is unsafe"),
        ("{{ '\t'.expandtabs(1000000000) }}", "access to attribute 'expandtabs' of 'str' object is unsafe"),
        ("{{ 'a'.translate({97: 'b' * 1000000}) }}", "access to attribute 'translate' of 'str' object"),
        ("{{ '%999999999s' % 'x' }}", "the number 999999999 given to “%” is too large"),
        ("{{ '%.999999999f' % 1.5 }}", "the number 999999999 given to “%” is too large"),
        ("{{ '%*s' % (999999999, 'x') }}", "the number 999999999 given to “%” is too large"),
        ("{{ '{:>999999999}'.format('x') }}", "the number 999999999 given to “format” is too large"),
        ("{{ '{:>{}}'.format('x', 999999999) }}", "the number 999999999 given to “format” is too large"),
        ("{{ '{x:.999999999f}'.format_map({'x': 1.5}) }}", "the number 999999999 given to “format”"),
        ("{{ ('a' * 1000000).replace('a', 'aaaaaaaaaa') }}", f"“replace” {TOO_LONG}"),
        ("{{ ''.join([BIG, BIG]) }}", f"“join” {TOO_LONG}"),
        ("{{ '%s%s' % (BIG, BIG) }}", f"“%” {TOO_LONG}"),
    ],
)
def test_methods_and_operators_cannot_do_what_the_filters_may_not(html: str, message: str) -> None:
    with pytest.raises(RenderError, match=re.escape(message)):
        render_html(html)


def test_limits_apply_to_the_subject_and_the_text_body_too() -> None:
    template = Template(subject="{{ Name | truncate(20000) }}", html="-", text="{{ 'a'.center(10**9) }}")
    with pytest.raises(RenderError, match="the number 20000 given to “truncate”") as caught:
        compile_template(template, COLUMNS).render(ROW)
    assert caught.value.field == "subject"
    text_only = Template(subject="s", html="-", text="{{ Name | wordwrap(1, wrapstring='-' * 1000000) }}")
    with pytest.raises(RenderError, match=f"“wordwrap” {TOO_LONG}") as caught:
        compile_template(text_only, COLUMNS).render(ROW)
    assert caught.value.field == "text"
