"""Field names typed as in Outlook and Word find their column; syntax errors point at line and column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from securemailmerge.errors import TemplateSyntaxError
from securemailmerge.fields import FieldResolver, lex, normalise
from securemailmerge.template import Template, compile_template

COLUMNS = ["First Name", "E-Mail", "Straße", "Teléfono móvil", "Address 2", "Opt in", "Tel (mobile)", "self"]


@pytest.mark.parametrize(
    ("name", "columns", "expected"),
    [
        ("First Name", ["First Name"], "First Name"),
        ("FirstName", ["First Name"], "First Name"),
        ("first_name", ["First Name"], "First Name"),
        ("FIRSTNAME", ["first-name"], "first-name"),
        ("FirstName", ["Vorname", "Nachname"], "Vorname"),
        ("FirstName", ["Nombre", "Apellido(s)"], "Nombre"),
        ("FirstName", ["given_name"], "given_name"),
        ("Vorname", ["First Name"], "First Name"),
        ("LastName", ["Nachname"], "Nachname"),
        ("LastName", ["Apellido(s)"], "Apellido(s)"),
        ("Email", ["E-Mail"], "E-Mail"),
        ("Email", ["Correo"], "Correo"),
        ("Company", ["Firma"], "Firma"),
        ("Company", ["Empresa"], "Empresa"),
        ("JobTitle", ["Position"], "Position"),
        ("JobTitle", ["Cargo"], "Cargo"),
        ("DisplayName", ["Name"], "Name"),
        ("DisplayName", ["Nombre completo"], "Nombre completo"),
        ("Straße", ["STRASSE"], "STRASSE"),
        ("Tel_mobile", ["Tel (mobile)"], "Tel (mobile)"),
        ("FirstName", ["First Name", "Vorname"], "First Name"),
        ("Email", ["Email", "E-Mail"], "Email"),
        ("Nombre", ["Name"], None),
        ("Company", ["Companion"], None),
        ("Phone", ["First Name"], None),
        ("", ["First Name"], None),
    ],
)
def test_field_names_resolve_to_columns(name: str, columns: list[str], expected: str | None) -> None:
    assert FieldResolver(columns).resolve(name) == expected


def test_normalise_keeps_letters_and_digits_only() -> None:
    assert normalise("E-Mail-Adresse") == normalise("e_mail adresse") == "emailadresse"
    assert normalise("Apellido(s)") == "apellidos"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("{{FirstName}}", "Ana"),
        ("{{ First Name }}", "Ana"),
        ("{{ first   name }}", "Ana"),
        ("{{E-Mail}}|{{ Email }}", "ana@example.com|ana@example.com"),
        ("{{Straße}}", "Hauptstraße 1"),
        ("{{Teléfono móvil}}", "+34 600"),
        ("{{ Address 2 }}", "Piso 3"),
        ("{{ Tel_mobile }}", "+49 170"),
        ("{% if First Name %}Hi {{ First Name|upper }}{% endif %}", "Hi ANA"),
        ("{% if Opt in %}subscribed{% endif %}", "subscribed"),
        ("{% if First Name and Opt in %}both{% endif %}", "both"),
        ("{{ First Name if Opt in else 'nobody' }}", "Ana"),
        ("{% set Full Name = First Name ~ ' Díaz' %}{{ Full Name }}", "Ana Díaz"),
        ("{{ self }}", "me"),
        ("{{ First Name | default('there') }}", "Ana"),
        ("{{ 'First Name' }}", "First Name"),
    ],
)
def test_fields_written_the_user_way_render(html: str, expected: str) -> None:
    values = ["Ana", "ana@example.com", "Hauptstraße 1", "+34 600", "Piso 3", "yes", "+49 170", "me"]
    compiled = compile_template(Template(subject="s", html=html), COLUMNS)
    assert compiled.render(dict(zip(COLUMNS, values, strict=True))).html == expected


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
