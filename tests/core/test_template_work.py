"""A template cannot run away: huge numbers and nested lists are refused, and one message has one budget."""

from __future__ import annotations

import re
from itertools import count

import pytest

from securemailmerge.errors import RenderError
from securemailmerge.template import work
from securemailmerge.template.model import Template, compile_template
from securemailmerge.template.work import work_budget

REFUSED = "The HTML body tries something templates may not do: "


def render_html(html: str) -> str:
    """The HTML body rendered for a recipient list without columns."""
    return compile_template(Template(subject="s", html=html), []).render({}).html


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("{{ (((10**1000)**1000)**1000) }}", "the number is too large"),
        ("{{ (10**1000) ** 5 }}", "the number is too large"),
        ("{{ " + " * ".join(["(10**1000)"] * 5) + " }}", "the number is too large"),
        ("{{ [[[1]*1000]*1000]*1000 }}", "the repeated list would be too large"),
        ("{{ 1000 * [1000 * [[1] * 1000]] }}", "the repeated list would be too large"),
        ("{{ ((('x',) * 1000,) * 1000,) * 1000 }}", "the repeated list would be too large"),
        ("{{ ('x' * 600000) + ('y' * 600000) }}", "“+” would make a text of more than 1000000 characters"),
        ("{{ [BIG] + [BIG] }}", "“+” would make a text of more than 1000000 characters"),
    ],
)
def test_runaway_expressions_are_refused_before_they_are_computed(html: str, message: str) -> None:
    with pytest.raises(RenderError) as caught:
        render_html(html.replace("BIG", "'x' * 600000"))
    assert str(caught.value) == f"{REFUSED}{message}."


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("{{ (10**1000) | string | length }}", "1001"),
        ("{{ (2 ** 1000) * (7 ** 1000) > 0 }}", "True"),
        ("{{ ([[1] * 100] * 100) | length }}", "100"),
        ("{{ ('ab' + 'cd') * 2 }}", "abcdabcd"),
        ("{% for x in 'abc' %}{{ x ~ loop.index }}{% endfor %}", "a1b2c3"),
    ],
)
def test_reasonable_arithmetic_lists_and_loops_still_work(html: str, expected: str) -> None:
    assert render_html(html) == expected


LOOPS = "{% set s = 'x' * 300 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"


def test_a_message_has_one_budget_of_steps_for_all_its_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work, "MAX_STEPS", 150_000)
    alone = Template(subject="s", html=LOOPS)  # about 90,000 steps: within the budget
    assert compile_template(alone, []).render({}).html == ""
    both = Template(subject="s", html=LOOPS, text=LOOPS)  # twice that in one message: not
    with pytest.raises(RenderError, match="it takes more than 150000 steps to fill in") as caught:
        compile_template(both, []).render({})
    assert caught.value.field == "text"


def test_the_next_message_starts_with_a_fresh_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work, "MAX_STEPS", 5_000)
    compiled = compile_template(Template(subject="s", html="{% for x in [1] * 3000 %}{% endfor %}"), [])
    for _ in range(3):
        assert compiled.render({}).html == ""


@pytest.mark.parametrize(
    "html",
    [
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
        "{% for x in ('ab' * 10) recursive %}{{ loop([1] * 100) if loop.depth < 9 }}{% endfor %}",
    ],
)
def test_macros_and_recursive_loops_count_their_steps(html: str) -> None:
    with (
        work_budget(steps=20_000),
        pytest.raises(RenderError, match="it takes more than 20000 steps to fill in"),
    ):
        render_html(html)


def test_the_characters_made_in_all_are_bounded() -> None:
    doubling = "{% set a = 'x' * 1000 %}" + "".join(
        f"{{% set a{n} = {'a' if n == 0 else f'a{n - 1}'} ~ {'a' if n == 0 else f'a{n - 1}'} %}}"
        for n in range(30)
    )
    with (
        work_budget(chars=1_000_000),
        pytest.raises(RenderError, match=re.escape("filling it in would make more than 1000000 characters")),
    ):
        render_html(doubling + "{{ a29 }}")


def test_a_step_that_takes_too_long_stops_at_the_deadline() -> None:
    ticks = count()
    with (
        work_budget(seconds=30, clock=lambda: float(next(ticks))),
        pytest.raises(RenderError, match="it takes longer than 30 seconds to fill in"),
    ):
        render_html("{% set s = 'x' * 1000 %}{% for a in s %}{% if 'zz' in s %}{% endif %}{% endfor %}")
