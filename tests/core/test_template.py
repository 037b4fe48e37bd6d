"""Templates compile once and render rows safely: escaping, defaults, unknown fields, attacks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from markupsafe import escape

from securemailmerge.errors import RenderError, TemplateSyntaxError
from securemailmerge.template.htmltext import html_to_text
from securemailmerge.template.model import CompiledTemplate, RenderedMessage, Template, compile_template

COLUMNS = ["First Name", "Last Name", "E-Mail", "Company", "Invoice", "Files"]
ROW = {
    "First Name": "Jürgen",
    "Last Name": "Müller",
    "E-Mail": "juergen@example.de",
    "Company": "Müller & Söhne",
    "Invoice": "R-1001",
    "Files": "agenda-de.pdf; map.pdf;",
}


def render(template: Template, row: dict[str, str] | None = None) -> RenderedMessage:
    """Compile for the sample columns and render ``row`` (the sample row by default)."""
    return compile_template(template, COLUMNS).render(ROW if row is None else row)


def test_merge_data_is_escaped_in_html_only() -> None:
    row = dict(ROW, Company="<script>alert('x')</script> & Co")
    template = Template(subject="Hi {{ Company }}", html="<p>{{ Company }}</p>", text="From {{ Company }}")
    message = render(template, row)
    assert message.subject == "Hi <script>alert('x')</script> & Co"
    assert message.html == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</p>"
    assert message.text == "From <script>alert('x')</script> & Co"


def test_merge_data_is_never_run_as_a_template() -> None:
    message = render(Template(subject="{{ Company }}", html="{{ Company }}"), dict(ROW, Company="{{ 7*7 }}"))
    assert (message.subject, message.html) == ("{{ 7*7 }}", "{{ 7*7 }}")


@pytest.mark.parametrize(
    ("columns", "value", "expected"),
    [
        (COLUMNS, "Ana", "Hi Ana"),
        (COLUMNS, "", "Hi there"),
        (COLUMNS, "   ", "Hi there"),
        (["E-Mail"], None, "Hi there"),
    ],
    ids=["value", "empty", "blank", "no-such-column"],
)
def test_default_covers_missing_and_empty_values(
    columns: list[str], value: str | None, expected: str
) -> None:
    row = {} if value is None else {"First Name": value}
    template = Template(subject='Hi {{ FirstName | default("there") }}', html="-")
    compiled = compile_template(template, columns)
    assert compiled.render(row).subject == expected
    assert compiled.unknown_fields == frozenset()


@pytest.mark.parametrize(("company", "expected"), [("ACME", "<p>Hi, from ACME.</p>"), ("", "<p>Hi.</p>")])
def test_conditionals_follow_the_value(company: str, expected: str) -> None:
    template = Template(subject="s", html="<p>Hi{% if Company %}, from {{ Company }}{% endif %}.</p>")
    assert render(template, dict(ROW, Company=company)).html == expected


def test_unknown_fields_are_listed_before_rendering() -> None:
    template = Template(
        subject="{{ Title }} {{ Last Name }}",
        html="{{ Nickname | default('friend') }}{% if Region is defined %}{{ Region }}{% endif %}{{ Email }}",
        attachments=("{{ Contract }}.pdf",),
    )
    compiled = compile_template(template, COLUMNS)
    assert compiled.unknown_fields == {"Title", "Contract"}
    assert compiled.optional_fields == {"Nickname", "Region"}
    assert compiled.fields_used == {"Last Name", "E-Mail"}
    with pytest.raises(RenderError) as caught:
        compiled.render(ROW)
    assert caught.value.field == "Title"
    assert (
        str(caught.value) == "The template uses the field “Title”, which is not a column of the recipients."
    )


def test_unknown_field_given_a_value_by_the_caller_renders() -> None:
    compiled = compile_template(Template(subject="[{{ Title }}]", html="-"), COLUMNS)
    assert compiled.render({"Title": ""}).subject == "[]"


def test_a_row_without_a_known_column_renders_it_empty() -> None:
    assert render(Template(subject="[{{ Company }}]", html="-"), {}).subject == "[]"


@pytest.mark.parametrize(
    ("html", "error", "message"),
    [
        ("{{ ''.__class__ }}", TemplateSyntaxError, "“__class__” is not a merge field"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", TemplateSyntaxError, "“__class__” is not a merge"),
        ("{{ Company['__class__'] }}", TemplateSyntaxError, "“__class__” is not a merge field"),
        ("{{ cycler.__init__.__globals__ }}", TemplateSyntaxError, "“__init__” is not a merge field"),
        ("{{ self._TemplateReference__context }}", TemplateSyntaxError, "is not a merge field"),
        ("{{ self }}", RenderError, "uses the field “self”, which is not a column"),
        ("{{ cycler }}", RenderError, "uses the field “cycler”"),
        ("{{ range(10**9) | join }}", RenderError, "uses the field “range”"),
        ("{{ lipsum() }}", RenderError, "uses the field “lipsum”"),
        ("{{ Company | attr('__class__') }}", TemplateSyntaxError, "there is no filter “attr”"),
        ("{{ '{0.__class__}'.format(Company) }}", RenderError, "tries something templates may not do"),
        ("{{ Company.__len__() }}", TemplateSyntaxError, "“__len__” is not a merge field"),
        ("{{ 2 ** 100000 }}", RenderError, "the number is too large"),
        ("{{ 'x' * 100000000 }}", RenderError, "the repeated text is too long"),
        ("{% include '/etc/passwd' %}", TemplateSyntaxError, "the tag “include” cannot be used"),
        ("{% extends 'base.html' %}", TemplateSyntaxError, "the tag “extends” cannot be used"),
        ("{% import 'm.html' as m %}", TemplateSyntaxError, "the tag “import” cannot be used"),
        ("{{ Company.foo }}", RenderError, "has no attribute 'foo'"),
        ("{{ 1 / 0 }}", RenderError, "division by zero"),
    ],
)
def test_attacks_and_mistakes_fail_with_a_clear_message(
    html: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        render(Template(subject="s", html=html))


@pytest.mark.parametrize("value", ["Ana\nBcc: evil@example.com", "Ana\r\nX: y", "Ana\u2028"])
def test_line_break_in_subject_is_refused_naming_the_field(value: str) -> None:
    with pytest.raises(RenderError) as caught:
        render(Template(subject="Hi {{ First Name }}", html="-"), dict(ROW, **{"First Name": value}))
    assert caught.value.field == "subject"
    assert "check the fields it uses: First Name" in str(caught.value)


def test_attachments_common_first_then_the_row() -> None:
    template = Template(
        subject="s", html="-", attachments=("invoices/{{ Invoice }}.pdf",), attachment_column="Files"
    )
    assert compile_template(template, COLUMNS).fields_used == {"Invoice", "Files"}
    assert render(template).attachments == ("invoices/R-1001.pdf", "agenda-de.pdf", "map.pdf")
    assert render(template, dict(ROW, Files="")).attachments == ("invoices/R-1001.pdf",)


@pytest.mark.parametrize(
    ("row", "field"),
    [(dict(ROW, Invoice="1\n2"), "attachment"), (dict(ROW, Files="a.pdf\nb.pdf"), "Files")],
)
def test_attachment_names_stay_on_one_line(row: dict[str, str], field: str) -> None:
    template = Template(subject="s", html="-", attachments=("{{ Invoice }}.pdf",), attachment_column="Files")
    with pytest.raises(RenderError, match="would contain a line break") as caught:
        render(template, row)
    assert caught.value.field == field


def test_failing_attachment_name_is_quoted_as_written() -> None:
    template = Template(subject="s", html="-", attachments=("{{ Last Name.missing }}.pdf",))
    with pytest.raises(RenderError) as caught:
        render(template)
    assert str(caught.value) == (
        "The attachment name “{{ Last Name.missing }}.pdf” cannot be filled in: "
        "'str object' has no attribute 'missing'."
    )
    assert caught.value.field == "attachment"


def test_unknown_attachment_column_is_listed_and_fails_to_render() -> None:
    compiled = compile_template(Template(subject="s", html="-", attachment_column="Anhang"), COLUMNS)
    assert compiled.unknown_fields == {"Anhang"}
    with pytest.raises(RenderError, match="“Anhang”"):
        compiled.render(ROW)


HTML_TEMPLATES = [
    "<p>Hallo {{ FirstName }},</p>\n<p>Ihre Rechnung {{ Invoice }} liegt bei.</p>",
    "<p>Hi{% if Company %}, from <b>{{ Company }}</b>{% endif %}.</p><p>Bye</p>",
    "<ul><li>{{ FirstName }}</li>{% if Company %}<li>{{ Company }}</li>{% endif %}<li>end</li></ul>",
    '<p>Pay <a href="https://pay.example/{{ Invoice }}">online</a> or '
    '<a href="mailto:{{ Email }}">{{ Email }}</a></p>',
    "<table><tr><th>Name</th><th>Firma</th></tr>"
    "<tr><td>{{ LastName }}</td><td>{{ Company }}</td></tr></table>",
    "<h1>{{ FirstName | upper }}</h1>\n  {%- if Company -%}\n  <p>{{ Company }}</p>\n  {%- endif %}<p>x</p>",
    "{% raw %}<p>{{ literal }}</p>{% endraw %}<p>&#123;&#123; not a tag &#125;&#125; {{ FirstName }}</p>",
    "<p>{{ FirstName }}</p>{# a note #}<pre>  kept\n  as is</pre>",
]
FALLBACK_TEMPLATES = [
    "{% for part in Files.split(';') %}<li>{{ part }}</li>{% endfor %}",
    "<p>{{ '<b>bold</b>' | e }} {{ FirstName }}</p>",
    "{% macro greet(name) %}<p>Hi {{ name }}</p>{% endmacro %}{{ greet(FirstName) }}",
    '<p class="{% if Company %}firm{% endif %}">{{ Company }}</p>',
]


@pytest.mark.parametrize("html", HTML_TEMPLATES + FALLBACK_TEMPLATES)
@pytest.mark.parametrize("company", ["Müller & Söhne <GmbH>", ""])
def test_text_body_is_what_the_html_shows(html: str, company: str) -> None:
    message = render(Template(subject="s", html=html), dict(ROW, Company=company))
    assert message.text == html_to_text(message.html)


def test_text_keeps_links_and_structure() -> None:
    message = render(Template(subject="s", html=HTML_TEMPLATES[3]), dict(ROW, **{"E-Mail": "a@b.example"}))
    assert message.text == "Pay online (https://pay.example/R-1001) or a@b.example"


def test_explicit_text_body_is_used_as_written() -> None:
    template = Template(subject="s", html="<p>{{ FirstName }}</p>", text="Hallo {{ FirstName }} & Co\n")
    assert render(template).text == "Hallo Jürgen & Co\n"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_value_stays_escaped_in_html_and_literal_in_text(value: str) -> None:
    template = Template(subject="{{ Company }}", html="<p>{{ Company }}</p>", text="{{ Company }}")
    compiled = compile_template(template, COLUMNS)
    row = dict(ROW, Company=value)
    if any(char in value for char in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        with pytest.raises(RenderError):
            compiled.render(row)
        return
    message = compiled.render(row)
    assert message.html == f"<p>{escape(value)}</p>"
    assert "<" not in message.html[3:-4]
    assert (message.subject, message.text) == (value, value)


TEMPLATE_BITS = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{%-",
    "-%}",
    " ",
    "\n",
    "if",
    "endif",
    "else",
    "for",
    "in",
]
TEMPLATE_BITS += [
    "First",
    "Name",
    "Company",
    "-",
    "|",
    "default",
    "upper",
    "(",
    ")",
    "'",
    '"',
    ".",
    "_",
    "__class__",
]
TEMPLATE_BITS += [
    "self",
    "<p>",
    "</p>",
    '<a href="',
    '">',
    "</a>",
    "raw",
    "endraw",
    "set",
    "=",
    "1",
    "is",
    "not",
]
TEMPLATE_BITS += [
    "defined",
    "\\",
    "&amp;",
    "{",
    "}",
    "é",
    "~",
    "[",
    "]",
    ",",
    "*",
    "**",
    "<li>",
    "<br>",
    "\r",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(TEMPLATE_BITS), max_size=20).map("".join),
    st.sampled_from(["subject", "html", "text"]),
)
def test_any_template_text_compiles_or_says_where_it_is_wrong(source: str, part: str) -> None:
    template = (
        Template(subject="s", html="h") if part == "html" else Template(subject="s", html="h", text="t")
    )
    outcome = _compile_or_error(Template(**{**template.__dict__, part: source}))
    if isinstance(outcome, TemplateSyntaxError):
        assert (outcome.part, outcome.line >= 1, (outcome.column or 0) >= 1) == (part, True, True)
        return
    failure = _render_or_error(outcome)
    assert failure is None or str(failure)


def _compile_or_error(template: Template) -> CompiledTemplate | TemplateSyntaxError:
    try:
        return compile_template(template, COLUMNS)
    except TemplateSyntaxError as error:
        return error


def _render_or_error(compiled: CompiledTemplate) -> RenderError | None:
    try:
        compiled.render(ROW)
    except RenderError as error:
        return error
    return None


def test_compiling_again_for_the_same_columns_reuses_the_compiled_template_and_other_columns_do_not() -> None:
    template = Template(subject="Hola {{ Nombre }}", html="<p>{{ Nombre }}</p>")
    first = compile_template(template, ["Nombre", "Email"])
    assert compile_template(template, ("Nombre", "Email")) is first
    other = compile_template(template, ["Email"])
    assert other is not first
    assert other.unknown_fields == {"Nombre"}
    assert first.unknown_fields == frozenset()
    assert compile_template(template, ["Nombre", "Email"]).render(
        {"Nombre": "Ana", "Email": "a@x.es"}
    ).subject == ("Hola Ana")
