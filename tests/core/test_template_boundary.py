"""Jinja2's errors become ours in one place: each kind arrives as a plain problem, ours pass untouched."""

from __future__ import annotations

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from securemailmerge.errors import InputError, RenderError
from securemailmerge.template.boundary import JinjaProblem, Kind, UnknownField, jinja_errors


class Translated(Exception):
    """What the caller builds from the problem."""

    def __init__(self, problem: JinjaProblem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def caught(action: object, *, rendering: bool = False) -> JinjaProblem:
    with pytest.raises(Translated) as raised, jinja_errors(Translated, rendering=rendering):
        action()  # type: ignore[operator]
    assert raised.value.__cause__ is None  # Jinja2's traceback does not travel with ours
    return raised.value.problem


def test_a_syntax_error_keeps_its_line_and_jinjas_words() -> None:
    problem = caught(lambda: Environment().parse("Hello\n{{ name "))
    assert problem.kind is Kind.SYNTAX
    assert problem.line == 2
    assert "end of print statement" in problem.detail


def test_text_nested_too_deeply_is_its_own_kind() -> None:
    def deep() -> None:
        raise RecursionError("maximum recursion depth exceeded")

    assert caught(deep).kind is Kind.NESTED


def test_an_unknown_field_names_the_field() -> None:
    template = Environment(undefined=StrictUndefined).from_string("{{ Anrede }}")
    missing = StrictUndefined(hint="Anrede", exc=UnknownField)
    problem = caught(lambda: template.render(Anrede=missing), rendering=True)
    assert problem == JinjaProblem(Kind.UNKNOWN_FIELD, "Anrede")


def test_what_the_sandbox_refuses_is_refused() -> None:
    template = ImmutableSandboxedEnvironment().from_string("{{ items.append(1) }}")
    problem = caught(lambda: template.render(items=[]), rendering=True)
    assert problem.kind is Kind.REFUSED
    assert "append" in problem.detail


def test_a_failing_expression_counts_only_while_rendering() -> None:
    template = Environment().from_string("{{ 1 / n }}")
    problem = caught(lambda: template.render(n=0), rendering=True)
    assert problem == JinjaProblem(Kind.FAILED, "division by zero")
    with pytest.raises(ZeroDivisionError), jinja_errors(Translated):
        template.render(n=0)


@pytest.mark.parametrize("ours", [InputError("bad"), RenderError("bad", field="x")])
def test_our_own_errors_pass_through_unchanged(ours: Exception) -> None:
    with pytest.raises(type(ours)) as raised, jinja_errors(Translated):
        raise ours
    assert raised.value is ours
