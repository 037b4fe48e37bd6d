"""The Jinja2 environment templates run in: a sandbox with only the filters a mail merge needs, bounded.

Jinja2's immutable sandbox stops a template from reaching Python's internals, but not from asking
for a gigabyte: ``{{ "a" | center(10**9) }}``, ``{{ "%999999999s" % "x" }}``, or a chain of
``replace`` that multiplies the text at every step. Here a template gets no globals and an
allowlist of filters (no ``safe``: merge data stays escaped in HTML). A number that makes a filter,
a format or a string method allocate may not pass ``MAX_NUMBER``; a filter, a method call or ``%``
whose text would pass ``MAX_TEXT`` characters is refused before it is built where that can be
foreseen, and right after otherwise, so that no chain can multiply. Arithmetic may not make an
integer of more than ``MAX_BITS`` bits (``(10**1000)**1000``), and ``*`` and ``+`` may not make a
list whose text would pass ``MAX_TEXT`` (``[[[1]*1000]*1000]*1000``, counted through its nested
lists). Every step is also counted against the message's work budget (``work``). Refusals are
``SecurityError`` with a translated reason, which rendering turns into a ``RenderError``.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterable
from functools import update_wrapper, wraps
from typing import Any, cast

from jinja2 import StrictUndefined, pass_environment, pass_eval_context
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS, do_join, do_replace, do_round, do_truncate, do_wordwrap, make_attrgetter
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, LoopContext, Macro, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from markupsafe import EscapeFormatter, Markup

from securemailmerge.i18n import translate
from securemailmerge.template.work import (
    MACRO_STEPS,
    MeteredCodeGenerator,
    bounded_concat,
    charge,
    joined,
    made,
    metered,
    spend,
)

MAX_NUMBER = 10_000
"""The largest width, length or precision a filter, a format or ``%`` may be given."""
MAX_TEXT = 1_000_000
"""The most characters a filter, a method call, ``%`` or ``*`` may make."""
MAX_BITS = 14_284
"""The largest integer arithmetic may make: 4,300 decimal digits, the most Python will print."""
FILTER_NAMES = (
    *("default", "d", "upper", "lower", "title", "capitalize", "trim", "replace", "truncate", "wordwrap"),
    *("join", "first", "last", "length", "count", "round", "int", "float", "string", "abs", "striptags"),
    *("urlencode", "e", "escape"),
)
"""The filters a template may use: what a mail merge needs to shape a value, nothing that makes HTML."""

_MAX_EXPONENT = 1_000
# str methods that allocate what a number or a translation table asks for; templates have filters.
_ALLOCATING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "translate", "maketrans"})
_PRINTF = re.compile(r"%%|%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?")
_DIGITS = re.compile(r"\d+")


def _too_large(name: str, number: object) -> SecurityError:
    shown = str(number) if len(str(number)) <= 12 else str(number)[:12] + "…"
    message = translate("Template", "the number {number} given to “{name}” is too large (at most {limit})")
    return SecurityError(message.format(number=shown, name=name, limit=MAX_NUMBER))


def _check_number(name: str, number: Any) -> None:
    if isinstance(number, int | float) and abs(number) > MAX_NUMBER:
        raise _too_large(name, number)


def _check_digits(name: str, text: str) -> None:
    """Refuse a width or precision written in ``text`` (a format spec) above ``MAX_NUMBER``."""
    for digits in _DIGITS.findall(text):
        # Compare the length first: int() refuses numbers of thousands of digits.
        if len(digits) > len(str(MAX_NUMBER)) or int(digits) > MAX_NUMBER:
            raise _too_large(name, digits)


def _length(value: Any, budget: int = MAX_TEXT) -> int:
    """About how many characters ``value`` makes as text, counted no further than just past ``budget``."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 3 + 1
    if isinstance(value, dict):
        value = [part for pair in value.items() for part in pair]
    if not isinstance(value, list | tuple | set | frozenset):
        return 0
    total = 2
    for item in value:
        total += _length(item, budget - total) + 2
        if total > budget:
            break
    return total


def _made(value: Any, length: int | None = None) -> None:
    """Count ``value`` (a text, or a list measured as ``length``) as made while rendering."""
    if isinstance(value, str):
        made(len(value))
    elif length is not None and isinstance(value, list | tuple | dict | set | frozenset):
        made(length)


def _check_length(name: str, length: int) -> None:
    if length > MAX_TEXT:
        message = translate("Template", "“{name}” would make a text of more than {limit} characters")
        raise SecurityError(message.format(name=name, limit=MAX_TEXT))


def _default(value: Any, default_value: Any = "", boolean: bool = True) -> Any:
    """``default`` that also replaces an empty value, as a mail merge means it."""
    if isinstance(value, Undefined):
        return default_value
    if boolean and (not value or (isinstance(value, str) and not value.strip())):
        return default_value
    return value


def _replaced_length(text: str, old: str, new: str, count: int | None) -> int:
    times = len(text) + 1 if not old else text.count(old)
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * (len(new) - len(old))


def _joined_length(items: Iterable[Any], separator: str) -> int:
    total = -len(separator)
    for item in items:
        total += _length(item, MAX_TEXT - total) + len(separator)
        if total > MAX_TEXT:
            break
    return total


@pass_eval_context
def _replace(eval_ctx: EvalContext, s: Any, old: Any, new: Any, count: int | None = None) -> str:
    """``replace`` that refuses beforehand a result longer than ``MAX_TEXT``."""
    _check_length("replace", _replaced_length(str(s), str(old), str(new), count))
    return do_replace(eval_ctx, s, old, new, count)


@pass_eval_context
def _join(
    eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> str:
    """``join`` that refuses beforehand a result longer than ``MAX_TEXT``."""
    items = list(value)
    if attribute is not None:
        items = [make_attrgetter(eval_ctx.environment, attribute)(item) for item in items]
    _check_length("join", _joined_length(items, str(d)))
    return cast(str, do_join(eval_ctx, items, d))  # Markup when escaping, which must stay Markup


@pass_environment
def _wordwrap(
    environment: Environment,
    s: Any,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    """``wordwrap`` with a bounded width that refuses beforehand a result longer than ``MAX_TEXT``."""
    _check_number("wordwrap", width)
    wrap = environment.newline_sequence if wrapstring is None else str(wrapstring)
    _check_length("wordwrap", len(str(s)) * (1 + len(wrap)))  # at worst a break after every character
    return do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)


@pass_environment
def _truncate(
    env: Environment,
    s: str,
    length: int = 255,
    killwords: bool = False,
    end: str = "...",
    leeway: int | None = None,
) -> str:
    """``truncate`` with a bounded length and leeway."""
    _check_number("truncate", length)
    _check_number("truncate", leeway)
    return do_truncate(env, s, length, killwords, end, leeway)


def _round(value: float, precision: int = 0, method: Any = "common") -> float:
    """``round`` with a bounded precision (``10 ** precision`` is computed)."""
    _check_number("round", precision)
    return do_round(value, precision, method)


def _capped(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` as the filter ``name``: its value and its result may not make more than ``MAX_TEXT``."""
    # Jinja2 passes the environment or evaluation context first to filters marked for it.
    value_index = 1 if hasattr(function, "jinja_pass_arg") else 0

    @wraps(function)
    def capped(*args: Any, **kwargs: Any) -> Any:
        # A short plain str is by far the most common value: it is let through with one test each way.
        value = args[value_index] if len(args) > value_index else ""
        if type(value) is not str or len(value) > MAX_TEXT:
            _check_length(name, _length(value))
        result = function(*args, **kwargs)
        if type(result) is str and len(result) <= MAX_TEXT:
            charge(1, len(result))
        else:
            spend()
            length = _length(result)
            _check_length(name, length)
            _made(result, length)
        return result

    return capped


def _filters() -> dict[str, Callable[..., Any]]:
    bounded: dict[str, Callable[..., Any]] = {
        "replace": _replace,
        "join": _join,
        "wordwrap": _wordwrap,
        "truncate": _truncate,
        "round": _round,
    }
    # ``default`` returns one of its arguments as it is, so it makes no text; it runs for many fields
    # of every row, where a check would cost time for nothing.
    filters: dict[str, Callable[..., Any]] = {"default": _default, "d": _default}
    for name in FILTER_NAMES:
        filters.setdefault(name, _capped(name, bounded.get(name) or FILTERS[name]))
    return filters


_FILTERS = _filters()


class _BoundedFormatter(SandboxedFormatter):
    """Jinja2's sandboxed ``str.format`` with bounded widths and precisions, also nested ones."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        """Refuse a width or precision above ``MAX_NUMBER`` before formatting."""
        _check_digits("format", format_spec)
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, EscapeFormatter):
    """The same for ``Markup.format``, which escapes what it inserts."""


def _check_printf(template: str, values: Any) -> None:
    """Refuse ``%`` widths and precisions above ``MAX_NUMBER``, also those given as ``*``."""
    starred = False
    for match in _PRINTF.finditer(template):
        for number in match.groups():
            if number == "*":
                starred = True
            elif number:
                _check_digits("%", number)
    if starred:
        for value in values if isinstance(values, tuple) else (values,):
            _check_number("%", value)


def _check_arithmetic(operator: str, left: Any, right: Any) -> None:
    """Refuse an integer result of more than ``MAX_BITS`` bits before computing it."""
    if not (isinstance(left, int) and isinstance(right, int)):
        return
    if operator == "**" and right > _MAX_EXPONENT:
        raise SecurityError(translate("Template", "the number is too large"))
    if operator == "**" and abs(left) > 1 and right > 0:
        bits = (left.bit_length() - 1) * right
    elif operator == "*":
        bits = left.bit_length() + right.bit_length()
    else:
        return
    if bits > MAX_BITS:
        raise SecurityError(translate("Template", "the number is too large"))


def _check_sequences(operator: str, left: Any, right: Any) -> None:
    """Refuse texts and lists that ``*`` or ``+`` would make too large, counting nested lists."""
    if operator == "*":
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, str | list | tuple) and isinstance(times, int):
                size = _length(sequence, MAX_TEXT)
                if size * times > MAX_TEXT:
                    text = isinstance(sequence, str)
                    raise SecurityError(
                        translate("Template", "the repeated text is too long")
                        if text
                        else translate("Template", "the repeated list would be too large")
                    )
                made(max(size * times, 0))
    elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        size = _length(left, MAX_TEXT) + _length(right, MAX_TEXT)
        _check_length("+", size)
        made(size)


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with no globals, strict undefined names, only bounded filters,
    and every step counted against the message's work budget."""

    # Intercepting also stops Jinja2 from computing ``9 ** 9 ** 9`` while compiling.
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = MeteredCodeGenerator
    concat = staticmethod(bounded_concat)
    metered = staticmethod(metered)
    joined = staticmethod(joined)

    def __init__(self, *, autoescape: bool, finalize: Callable[[Any], Any] | None = None) -> None:
        super().__init__(
            autoescape=autoescape, undefined=StrictUndefined, keep_trailing_newline=True, finalize=finalize
        )
        self.globals.clear()
        self.filters.clear()
        self.filters.update(_FILTERS)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse results too large to be part of an e-mail before computing them."""
        spend()
        _check_arithmetic(operator, left, right)
        _check_sequences(operator, left, right)
        if operator == "%" and isinstance(left, str):
            _check_printf(left, right)
            result = super().call_binop(context, operator, left, right)
            _check_length("%", _length(result))
            _made(result)
            return result
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja2's sandboxed attribute lookup, counted as a step."""
        spend()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Jinja2's sandboxed item lookup, counted as a step."""
        spend()
        return super().getitem(obj, argument)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Also refuse the ``str`` methods that allocate what a number asks for, like ``center(10**9)``."""
        if isinstance(obj, str) and attr in _ALLOCATING_METHODS:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map`` as Jinja2's sandbox runs them, with bounded widths."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType):
            return None
        owner = getattr(value, "__self__", None)
        if value.__name__ not in {"format", "format_map"} or not isinstance(owner, str):
            return None
        formatter = (
            _BoundedEscapeFormatter(self, escape=owner.escape)
            if isinstance(owner, Markup)
            else _BoundedFormatter(self)
        )
        mapping = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if not mapping:
                return type(owner)(formatter.vformat(owner, args, kwargs))
            if kwargs or len(args) != 1:
                raise TypeError("format_map() takes exactly one argument")
            return type(owner)(formatter.vformat(owner, (), args[0]))

        return update_wrapper(bounded, value)

    # Named as in Jinja2, so that a template may pass keyword arguments called "self" or "context".
    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call for a template: ``str.replace`` and ``str.join`` checked before, any text made after."""
        owner = getattr(__obj, "__self__", None)
        spend(MACRO_STEPS if isinstance(__obj, Macro) else 1)
        if isinstance(__obj, LoopContext) and len(args) == 1:
            args = (metered(args[0]),)  # a recursive loop's next level is counted like the first
        if isinstance(owner, str) and __obj.__name__ == "replace" and len(args) >= 2:
            count = args[2] if len(args) > 2 else kwargs.get("count")
            _check_length("replace", _replaced_length(owner, str(args[0]), str(args[1]), count))
        elif isinstance(owner, str) and __obj.__name__ == "join" and len(args) == 1:
            args = (list(args[0]),)  # an iterator is read once here and again by join itself
            _check_length("join", _joined_length(args[0], owner))
        result = super().call(__context, __obj, *args, **kwargs)
        # Only what has been called successfully gets here: a macro has a name, a function a __name__.
        length = _length(result)
        _check_length(str(getattr(__obj, "__name__", None) or getattr(__obj, "name", "")), length)
        _made(result, length)
        return result
