"""A template rendered as remembered pieces gives every row the message (or error) the exact way gives."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.errors import RenderError
from securemailmerge.template.model import CompiledTemplate, RenderedMessage, Template, compile_template
from securemailmerge.template.work import work_budget

COLUMNS = ["First Name", "Last Name", "Company", "City", "Notes", "Files"]
HTML = """<p>Hallo {{ FirstName | default("there") }} {{ LastName }},</p>
<p>see you in {{ City }}{% if Company %} with {{ Company | upper }}{% endif %}.</p>
<ul><li>{{ Notes | truncate(12) }}</li><li>{{ "%s!" % City }}</li></ul>
<p><a href="https://example.com/{{ City | urlencode }}">{{ FirstName ~ " " ~ LastName }}</a></p>"""
TEMPLATES = {
    "bench-like": Template(subject="Sommerfest, {{ FirstName }}?", html=HTML, attachments=("agenda.pdf",)),
    "loop": Template(
        subject="{{ LastName | title }} {{ Notes | length }}",
        html="{% for word in Notes.split() %}<b>{{ word }}</b>{% else %}none{% endfor %}{{ Notes }}",
    ),
    "own-text": Template(
        subject="{{ City }}",
        html="<p>{{ Notes }}</p>",
        text="{{ Notes | replace('a', 'aa') }} {{ Company | wordwrap(5) }}\n{{ FirstName }}",
        attachments=("{{ City }}.pdf",),
        attachment_column="Files",
    ),
    "unknown-field": Template(subject="Hi {{ Anrede }} {{ FirstName }}", html="<p>{{ Notes }}</p>"),
    "set": Template(subject="s", html="{% set x = Notes ~ City %}{{ x }}{{ x }}"),
    "too-much": Template(subject="s", html="".join(["{{ (Notes ~ '1234') * 100000 }}"] * 30)),
}
VALUE = st.text(alphabet=st.sampled_from(list("aäñ Z\n\t\r\xa0<>&\"'=%{}·€😀\u2028;,")), max_size=30)
LONG = st.text(alphabet="ab =\n", min_size=100, max_size=400)


def exact(compiled: CompiledTemplate, fields: Mapping[str, str]) -> RenderedMessage | str:
    """The message rendered the exact way (Jinja2 under one budget), or the error it reads."""
    try:
        with work_budget():  # inside a budget, rendering takes the exact way
            return compiled.render(fields)
    except RenderError as error:
        return f"{error} [{error.field}]"


def quick(compiled: CompiledTemplate, fields: Mapping[str, str]) -> RenderedMessage | str:
    """The message as ``render`` gives it outside a budget (through the pieces), or the error."""
    try:
        return compiled.render(fields)
    except RenderError as error:
        return f"{error} [{error.field}]"


@pytest.fixture(scope="module")
def compiled() -> dict[str, CompiledTemplate]:
    """Each template compiled once, so that pieces remembered for one row serve the next."""
    return {name: compile_template(template, COLUMNS) for name, template in TEMPLATES.items()}


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from([name for name in TEMPLATES if name != "too-much"]),
    cells=st.fixed_dictionaries(
        {},
        optional={
            column: st.one_of(VALUE, LONG, st.sampled_from(["", "Ana", "Köln", "a.pdf;b.pdf"]))
            for column in COLUMNS
        },
    ),
)
def test_every_row_gets_the_message_the_exact_way_gives(
    compiled: dict[str, CompiledTemplate], name: str, cells: dict[str, str]
) -> None:
    template = compiled[name]
    assert quick(template, cells) == exact(template, cells)
    assert quick(template, cells) == exact(template, cells)  # now from what was remembered


def test_the_bench_like_template_is_rendered_as_pieces(compiled: dict[str, CompiledTemplate]) -> None:
    assert compiled["bench-like"]._pieces is not None
    assert compiled["set"]._pieces is None  # a set carries a value from one tag to the next


def test_a_message_near_the_budget_fails_as_it_always_did(compiled: dict[str, CompiledTemplate]) -> None:
    row = {"Notes": "abcd"}
    message = quick(compiled["too-much"], row)
    assert message == exact(compiled["too-much"], row)
    assert isinstance(message, str)
    assert "more than 20000000 characters" in message
