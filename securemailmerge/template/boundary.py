"""The one place Jinja2's errors are caught and become the app's own.

Jinja2 raises ``TemplateSyntaxError`` while lexing, parsing and compiling, ``SecurityError`` when the
sandbox refuses something, an ``UndefinedError`` for a field the row lacks (``UnknownField``, which
the compiled template installs), and anything at all from a template's own expressions while
rendering; its parser can also run out of stack (``RecursionError``) on text nested too deeply.
``jinja_errors`` catches each of them and passes a ``JinjaProblem`` to the caller, which knows where
in the template it happened and builds the error the user reads from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum

from jinja2 import TemplateSyntaxError as JinjaSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError


class UnknownField(UndefinedError):
    """A template used a field the recipient list does not have; the message is the field's name."""


class Kind(Enum):
    """What went wrong inside Jinja2."""

    SYNTAX = "syntax"  # the text is not a template
    NESTED = "nested"  # nested too deeply for the parser
    UNKNOWN_FIELD = "unknown-field"  # rendering read a field the row does not have
    REFUSED = "refused"  # the sandbox refused an operation or a size
    FAILED = "failed"  # the template's own expression failed while rendering


@dataclass(frozen=True)
class JinjaProblem:
    """Jinja2's complaint in plain terms: its kind, Jinja2's words (or the field's name) and the line."""

    kind: Kind
    detail: str
    line: int = 0  # 1-based, for syntax errors; 0 when Jinja2 names no line


@contextmanager
def jinja_errors(ours: Callable[[JinjaProblem], Exception], *, rendering: bool = False) -> Iterator[None]:
    """Raise ``ours(problem)`` for what Jinja2 raises inside; ``rendering`` also covers any failure."""
    try:
        yield
    except JinjaSyntaxError as error:
        raise ours(JinjaProblem(Kind.SYNTAX, error.message or "", error.lineno)) from None
    except RecursionError as error:
        raise ours(JinjaProblem(Kind.NESTED, _plain(error))) from None
    except UnknownField as error:
        raise ours(JinjaProblem(Kind.UNKNOWN_FIELD, error.message or "")) from None
    except SecurityError as error:
        raise ours(JinjaProblem(Kind.REFUSED, _plain(error))) from None
    except Exception as error:  # the template's own expressions can fail in any way
        if not rendering:
            raise
        raise ours(JinjaProblem(Kind.FAILED, _plain(error))) from None


def _plain(error: Exception) -> str:
    return str(error).rstrip(".") or type(error).__name__
