"""How much work rendering one message may take: steps, characters made, and a deadline.

Bounding every operator, filter and method (``environment``) keeps each step small, but not the
number of steps: three nested loops over a 1,000-character text repeat their body a billion
times, a macro may call itself twice per call, and twenty ``{% set %}`` lines that each join a
text to itself make a million times the first. So rendering one message has one budget, opened
by ``work_budget()`` (``CompiledTemplate.render`` opens one for all parts of a message; a
template rendered alone gets its own): each loop item, call, attribute or item lookup,
intercepted operator and piece of output is a step, and every text (or list) a call, filter,
operator, ``~`` or block makes counts its characters. The clock is looked at with every step
too, because some single steps (``in`` and ``==`` on long texts) cost time that no count
foresees. Running out is a ``SecurityError`` with a translated reason, which rendering turns into
a ``RenderError`` naming the part.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar, Token
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError

from securemailmerge.i18n import translate

MAX_STEPS = 1_000_000
"""The most steps rendering one message may take (a long mail merge template takes a few thousand)."""
MAX_SECONDS = 5.0
"""The longest rendering one message may take, whatever the steps."""
MACRO_STEPS = 50
"""The steps one macro call counts: it builds a frame and a context, about fifty steps' time."""
MAX_CHARS = 20_000_000
"""The most characters (of texts and lists as text) rendering one message may make in all."""


class Work:
    """The steps, characters and time left for rendering one message."""

    __slots__ = ("_clock", "chars", "chars_left", "deadline", "seconds", "steps", "steps_left")

    def __init__(self, steps: int, chars: int, seconds: float, clock: Callable[[], float]) -> None:
        self.steps, self.chars, self.seconds = steps, chars, seconds
        self.steps_left = steps
        self.chars_left = chars
        self._clock = clock
        self.deadline = clock() + seconds

    def spend(self, steps: int) -> None:
        """Count ``steps``; SecurityError when the budget or the time is used up."""
        self.steps_left -= steps
        if self.steps_left < 0:
            message = translate(
                "Template", "it takes more than {limit} steps to fill in; a loop or a macro repeats too often"
            )
            raise SecurityError(message.format(limit=self.steps))
        if self._clock() > self.deadline:
            message = translate("Template", "it takes longer than {seconds} seconds to fill in")
            raise SecurityError(message.format(seconds=f"{self.seconds:g}"))

    def made(self, chars: int) -> None:
        """Count ``chars`` characters made; SecurityError when more than the budget's were."""
        self.chars_left -= chars
        if self.chars_left < 0:
            message = translate("Template", "filling it in would make more than {limit} characters")
            raise SecurityError(message.format(limit=self.chars))


_WORK: ContextVar[Work | None] = ContextVar("template_work", default=None)


class work_budget:  # used like a function: ``with work_budget():``
    """One budget for everything rendered inside the block (one message), in this thread.

    The limits default to ``MAX_STEPS``, ``MAX_CHARS`` and ``MAX_SECONDS``. Inside another such
    block the outer budget goes on counting, and these arguments are unused.
    """

    __slots__ = ("_clock", "_limits", "_token")

    def __init__(
        self,
        steps: int | None = None,
        chars: int | None = None,
        seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limits = (steps, chars, seconds)
        self._clock = clock
        self._token: Token[Work | None] | None = None

    def __enter__(self) -> Work:
        outer = _WORK.get()
        if outer is not None:
            return outer
        steps, chars, seconds = self._limits
        work = Work(
            MAX_STEPS if steps is None else steps,
            MAX_CHARS if chars is None else chars,
            MAX_SECONDS if seconds is None else seconds,
            self._clock,
        )
        self._token = _WORK.set(work)
        return work

    def __exit__(self, *exc_info: object) -> None:
        if self._token is not None:
            _WORK.reset(self._token)
            self._token = None


def in_budget() -> bool:
    """Whether this thread is rendering under a budget now (inside ``work_budget()``)."""
    return _WORK.get() is not None


def spend(steps: int = 1) -> None:
    """Count ``steps`` against the budget being rendered under (none outside rendering)."""
    work = _WORK.get()
    if work is not None:
        work.spend(steps)


def charge(steps: int, chars: int) -> None:
    """Count ``steps`` and ``chars`` characters made at once (filters run for every field of every row)."""
    work = _WORK.get()
    if work is not None:
        work.spend(steps)
        work.made(chars)


def made(chars: int) -> None:
    """Count ``chars`` characters made against the budget being rendered under (none outside)."""
    work = _WORK.get()
    if work is not None:
        work.made(chars)


def joined(value: Any) -> Any:
    """The result of ``~``, counted as made."""
    if isinstance(value, str):
        made(len(value))
    return value


def metered(iterable: Iterable[Any]) -> Iterator[Any]:
    """``iterable`` with one step counted for each item a loop takes from it."""
    for item in iterable:
        spend()
        yield item


def bounded_concat(parts: Iterable[str]) -> str:
    """Jinja2's ``concat``: the output pieces joined, each a step and its characters made."""
    work = _WORK.get()
    if work is None:
        with work_budget() as work:
            return _join(parts, work)
    return _join(parts, work)


def _join(parts: Iterable[str], work: Work) -> str:
    # Output is the hot path: pieces are measured here and settled with the budget once, but a
    # piece that would pass what is left stops at once (escaping makes a new text per piece).
    pieces: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > work.chars_left:
            work.made(size)
        pieces.append(part)
    work.spend(len(pieces))
    work.made(size)  # before joining: the joined text may not exist unless it fits
    return "".join(pieces)


class MeteredCodeGenerator(CodeGenerator):
    """Jinja2's code generator with every loop's items counted (``environment.metered``)."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        """Compile the loop over ``environment.metered(iterable)``, called through the sandbox."""
        counted = copy.copy(node)  # the caller's tree stays as it was parsed
        counted.iter = nodes.Call(
            nodes.EnvironmentAttribute("metered", lineno=node.lineno),
            [node.iter],
            [],
            None,
            None,
            lineno=node.lineno,
        )
        super().visit_For(counted, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """Compile ``a ~ b`` so that the text it makes is counted (``environment.joined``)."""
        self.write("environment.joined(")
        super().visit_Concat(node, frame)
        self.write(")")
