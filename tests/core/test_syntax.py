"""Syntax errors name the part, line and column the user wrote, even after rewriting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from jinja2 import Environment

from securemailmerge.errors import TemplateSyntaxError
from securemailmerge.template.model import Template, compile_template
from securemailmerge.template.syntax import apply_edits, lex, position


@pytest.mark.parametrize(
    ("part", "source", "line", "column", "detail"),
    [
        ("html", "Hello {{ First Name", 1, 7, "“{{” is never closed with “}}”"),
        (
            "html",
            "<p>\n  {% if Company %}\n  <b>x</b>\n",
            2,
            3,
            "“{% if %}” is never closed with “{% endif %}”",
        ),
        ("html", "{% if A %}a{% endfor %}", 1, 15, "“{% endfor %}” does not close or continue any open"),
        ("html", "{% else %}", 1, 4, "“{% else %}” does not close or continue any open “{% if %}”"),
        ("html", "line one\n  {{ Price $ }}", 2, 12, "unexpected char '$'"),
        ("html", "{{ x }", 1, 6, "unexpected '}'"),
        ("html", "a\n{# never closed", 2, 1, "Missing end of comment tag"),
        ("html", "{{ Name | shout }}", 1, 11, "there is no filter “shout”"),
        ("html", "{% if Name is shouting %}{% endif %}", 1, 15, "there is no test “shouting”"),
        ("html", "x\n{% filter shout %}a{% endfilter %}", 2, 11, "there is no filter “shout”"),
        ("html", "{% frobnicate %}", 1, 4, "there is no tag “frobnicate”"),
        ("html", "{% include 'other.html' %}", 1, 4, "the tag “include” cannot be used"),
        (
            "subject",
            "Hi {{ Name: first }}",
            1,
            11,
            "A field name may hold letters, digits, spaces and hyphens",
        ),
        ("subject", "Hello\nthere", 1, 6, "it must stay on one line"),
        ("text", "ok\nok {{ ''.__class__ }}", 2, 10, "“__class__” is not a merge field"),
    ],
)
def test_syntax_errors_name_part_line_and_column(
    part: str, source: str, line: int, column: int, detail: str
) -> None:
    parts = {"subject": "s", "html": "h", "text": None} | {part: source}
    template = Template(subject=parts["subject"] or "", html=parts["html"] or "", text=parts["text"])
    with pytest.raises(TemplateSyntaxError) as caught:
        compile_template(template, ["Name", "Company"])
    error = caught.value
    assert (error.part, error.line, error.column) == (part, line, column)
    assert f"at line {line}, column {column}: " in str(error)
    assert detail in str(error)


def test_syntax_error_in_an_attachment_name_names_it() -> None:
    with pytest.raises(TemplateSyntaxError) as caught:
        compile_template(
            Template(subject="s", html="h", attachments=("invoices/{{ Invoice.pdf",)), ["Invoice"]
        )
    assert caught.value.part == "attachment"
    assert str(caught.value).startswith(
        "Error in the attachment name “invoices/{{ Invoice.pdf” at line 1, column 10"
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["{{", "}}", "{%-", "-%}", "{#", "#}", " ", "\n", "\r\n", "x", "'", "raw"])).map(
        "".join
    )
)
def test_every_token_knows_its_place(source: str) -> None:
    source = source.replace("\r\n", "\n")
    try:
        lexemes = lex(
            Environment(keep_trailing_newline=True),
            source,
            lambda offset, detail: TemplateSyntaxError(detail, part="html", line=1),
        )
    except TemplateSyntaxError:
        return
    for lexeme in lexemes:
        assert source[lexeme.start : lexeme.end] == lexeme.value


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, (1, 1)),
        (2, (1, 3)),
        (3, (2, 1)),
        (4, (2, 2)),
        (6, (3, 1)),
        (8, (3, 3)),
        (99, (3, 3)),
        (-5, (1, 1)),
    ],
)
def test_offsets_become_line_and_column(offset: int, expected: tuple[int, int]) -> None:
    assert position("ab\ncd\nef", offset) == expected


def test_offsets_in_rewritten_text_lead_back_to_the_text_the_user_wrote() -> None:
    source = "{{ First Name }} and {{ E-Mail }}!"
    rewritten, to_original = apply_edits(source, [(3, 13, "f0"), (24, 30, "f1")])
    assert rewritten == "{{ f0 }} and {{ f1 }}!"
    assert [to_original(rewritten.index(text)) for text in ("f0", " }} and", "f1", "!")] == [
        source.index("First"),
        source.index(" }} and"),
        source.index("E-Mail"),
        source.index("!"),
    ]
