"""Rendering a part as independent pieces, each remembered by the values it reads.

A mail merge part is mostly text with a few fields: ``Hello {{ FirstName }}, ... {% if Company %}
... {% endif %}``. When nothing in a part carries state from one tag to the next (no ``set``,
macro, block, import or scope modifier anywhere), each top-level output and statement reads only
its own fields, and the part's text is the pieces' texts joined. A piece that only writes a field
is escaped here directly, as Jinja2's generated code does; any other piece is rendered by Jinja2
once per distinct combination of the values it reads and remembered together with the work it
took (values repeat in every real list: first names, cities, companies). The work of each piece is
counted, so a message that comes near the budget is left to the exact way.

Whenever this way cannot vouch for the result (a value that is not a plain text, a piece that
fails, much work), it raises ``Unsure`` and the caller renders the whole message with Jinja2 under
the work budget, so a row's message and its problems never differ; a test holds both ways to the
same messages for many random rows.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from typing import Any

from jinja2 import Environment, Template as JinjaTemplate, meta, nodes
from markupsafe import escape

from securemailmerge.template import work
from securemailmerge.template.work import work_budget

# Nodes that leave something behind for later tags (names, macros, blocks, escaping modes).
_STATEFUL = (
    nodes.Assign,
    nodes.AssignBlock,
    nodes.Macro,
    nodes.CallBlock,
    nodes.Block,
    nodes.Extends,
    nodes.Include,
    nodes.Import,
    nodes.FromImport,
    nodes.EvalContextModifier,
    nodes.Scope,
    nodes.OverlayScope,
    nodes.With,
    nodes.ContextReference,
    nodes.DerivedContextReference,
    nodes.InternalName,
)
# Names Jinja2 gives a meaning of its own inside a template.
_SPECIAL_NAMES = frozenset({"self", "loop", "caller", "varargs", "kwargs", "super"})
# A remembered piece keeps at most this many combinations, each text at most this long, and all the
# pieces of one template keep at most MEMO_CHARS characters together: a piece reading a value that
# never repeats (an address) then costs what it always cost, and memory stays bounded.
_MEMO_ENTRIES = 4096
_MEMO_TEXT = 4096
MEMO_CHARS = 4_000_000
"""The most characters the remembered pieces of one compiled template keep, all parts together."""
# A message whose pieces together take more than this share of the budget is rendered the exact
# way, which counts every step as it goes and stops where the budget runs out.
_NEAR_BUDGET = 2


# What markupsafe's escape replaces.
_NEEDS_ESCAPING = re.compile("[&<>\"']")


class Unsure(Exception):
    """The pieces cannot vouch for this message; render it the exact way."""


class ColumnWork:
    """The work of many rows rendered together: the steps and characters of each, and the unsure rows.

    ``steps`` is what every row took alike (each piece is a step), ``chars`` the characters of each row
    and ``more_steps`` the steps each remembered piece took beyond that; ``unsure`` holds the rows the
    pieces cannot vouch for, which the caller renders the exact way.
    """

    __slots__ = ("chars", "more_steps", "steps", "unsure")

    def __init__(self, count: int) -> None:
        self.steps = 0
        self.more_steps = [0] * count
        self.chars = [0] * count
        self.unsure: set[int] = set()

    def near_budget(self) -> set[int]:
        """The rows whose work comes near the budget, as ``PieceRenderer.render`` judges each row."""
        steps, limit = self.steps, work.MAX_STEPS
        return {
            row
            for row, (more, chars) in enumerate(zip(self.more_steps, self.chars, strict=True))
            if (steps + more) * _NEAR_BUDGET > limit or chars * _NEAR_BUDGET > work.MAX_CHARS
        }


class _Field:
    """A piece that writes one field: Jinja2's generated code does ``escape(finalize(value))``.

    Its work, one step and the characters it writes, is what ``PieceRenderer`` counts for every piece.
    """

    __slots__ = ("name", "show")

    def __init__(self, name: str, show: Callable[[str], str]) -> None:
        self.name = name
        self.show = show

    def text(self, context: Mapping[str, Any], spent: list[int]) -> str:
        """The field's value as the part shows it."""
        value = context[self.name]
        if type(value) is not str:
            raise Unsure
        return self.show(value)

    def column(self, columns: Mapping[str, Sequence[str]], spent: ColumnWork) -> list[str]:
        """The field's value in each row as the part shows it (every value a text)."""
        values = columns[self.name]
        if self.show is _escaped:
            search = _NEEDS_ESCAPING.search
            return [value if search(value) is None else str(escape(value)) for value in values]
        # Values repeat (first names, cities): each distinct one is shown once.
        shown = {value: self.show(value) for value in dict.fromkeys(values)}
        return list(map(shown.__getitem__, values))


class MemoSpace:
    """What the remembered pieces of one template may still keep, in characters."""

    __slots__ = ("chars_left",)

    def __init__(self, chars: int = MEMO_CHARS) -> None:
        self.chars_left = chars


class _Remembered:
    """A piece rendered by Jinja2 once per distinct combination of the values it reads."""

    __slots__ = ("memo", "names", "space", "template")

    def __init__(self, template: JinjaTemplate, names: tuple[str, ...], space: MemoSpace) -> None:
        self.template = template
        self.names = names
        self.space = space
        # The text, its steps, and the characters made beyond the text's own (filters, ``~``).
        self.memo: dict[tuple[str, ...], tuple[str, int, int]] = {}

    def text(self, context: Mapping[str, Any], spent: list[int]) -> str:
        """The piece's text for the values it reads; its work is added to ``spent``."""
        key = tuple([context[name] for name in self.names])
        try:
            known = self.memo.get(key)
        except Exception as error:  # hashing a missing field's placeholder raises
            raise Unsure from error
        if known is None:
            known = self._render(key)
        text, steps, chars = known
        spent[0] += steps
        spent[1] += chars
        return text

    def column(self, columns: Mapping[str, Sequence[str]], spent: ColumnWork) -> list[str]:
        """The piece's text in each row, each distinct combination of values rendered once."""
        keys = list(zip(*[columns[name] for name in self.names], strict=True))
        known: dict[tuple[str, ...], tuple[str, int, int] | None] = {}
        for key in dict.fromkeys(keys):  # first seen first, as rows one by one would fill the memo
            found = self.memo.get(key)
            if found is None:
                try:
                    found = self._render(key)
                except Unsure:
                    found = None
            known[key] = found
        failed = {key for key, found in known.items() if found is None}
        if failed:
            spent.unsure.update(row for row, key in enumerate(keys) if key in failed)
        results = {key: found or ("", 0, 0) for key, found in known.items()}
        texts = {key: found[0] for key, found in results.items()}
        steps = {key: found[1] for key, found in results.items()}
        chars = {key: found[2] for key, found in results.items()}
        if any(steps.values()):
            spent.more_steps[:] = map(operator.add, spent.more_steps, map(steps.__getitem__, keys))
        if any(chars.values()):
            spent.chars[:] = map(operator.add, spent.chars, map(chars.__getitem__, keys))
        return list(map(texts.__getitem__, keys))

    def _render(self, key: tuple[str, ...]) -> tuple[str, int, int]:
        if any(type(value) is not str for value in key):
            raise Unsure
        try:
            with work_budget() as budget:
                text = self.template.render(dict(zip(self.names, key, strict=True)))
        except Exception as error:  # the exact way says what went wrong, in the words it always used
            raise Unsure from error
        result = (text, budget.steps - budget.steps_left - 1, budget.chars - budget.chars_left - len(text))
        kept = len(text) + sum(map(len, key))
        if len(self.memo) < _MEMO_ENTRIES and len(text) <= _MEMO_TEXT and kept <= self.space.chars_left:
            self.memo[key] = result
            self.space.chars_left -= kept
        return result


# A constant text whose work is one step and its characters (what most of a template is), or a piece.
_Piece = str | _Field | _Remembered


class PieceRenderer:
    """One part of a template as pieces; ``render`` gives its text and counts the work that took."""

    def __init__(self, pieces: list[_Piece]) -> None:
        self.pieces = pieces
        # The constant texts in place, and the places the other pieces fill in for each row.
        self._texts = [piece if isinstance(piece, str) else "" for piece in pieces]
        self._slots = [(place, piece) for place, piece in enumerate(pieces) if not isinstance(piece, str)]

    def render(self, context: Mapping[str, Any], spent: list[int]) -> str:
        """The part's text for ``context``; adds its steps and characters to ``spent`` (raises Unsure)."""
        out = self._texts.copy()
        for place, piece in self._slots:
            out[place] = piece.text(context, spent)
        text = "".join(out)
        # Every piece is a step and every character of the text was made, as Jinja2's concat counts them.
        spent[0] += len(self.pieces)
        spent[1] += len(text)
        if spent[0] * _NEAR_BUDGET > work.MAX_STEPS or spent[1] * _NEAR_BUDGET > work.MAX_CHARS:
            raise Unsure
        return text

    def columns(self, columns: Mapping[str, Sequence[str]], spent: ColumnWork) -> list[str]:
        """The part's text in each row of ``columns`` (name -> a text per row); work adds to ``spent``.

        The rows in ``spent.unsure`` afterwards, and those ``spent.near_budget`` names, must be
        rendered the exact way; their texts here mean nothing.
        """
        count = len(spent.chars)
        made = [
            repeat(piece, count) if isinstance(piece, str) else piece.column(columns, spent)
            for piece in self.pieces
        ]
        texts = list(map("".join, zip(*made, strict=True))) if made else [""] * count
        spent.steps += len(self.pieces)
        spent.chars[:] = map(operator.add, spent.chars, map(len, texts))
        return texts


def split_part(
    env: Environment, tree: nodes.Template, bound: frozenset[str], space: MemoSpace
) -> PieceRenderer | None:
    """The part ``tree`` (compiled in ``env``) as pieces, or None when its tags depend on each other.

    ``bound`` holds the names the caller's context always has (the template's fields); what the
    pieces remember comes out of ``space``.
    """
    if not isinstance(env.autoescape, bool) or any(True for _ in tree.find_all(_STATEFUL)):
        return None
    pieces: list[_Piece] = []
    for node in tree.body:
        children = node.nodes if isinstance(node, nodes.Output) else [node]
        for child in children:
            piece = _piece(
                env, nodes.Output([child]) if isinstance(node, nodes.Output) else child, bound, space
            )
            if piece is None:
                return None
            pieces.append(piece)
    return PieceRenderer(pieces)


def _piece(env: Environment, node: nodes.Node, bound: frozenset[str], space: MemoSpace) -> _Piece | None:
    tree = nodes.Template([node], lineno=node.lineno)
    tree.set_environment(env)
    names = tuple(sorted(meta.find_undeclared_variables(tree)))
    if not set(names) <= bound or set(names) & _SPECIAL_NAMES:
        return None
    template = env.from_string(tree)
    remembered = _Remembered(template, names, space)
    if not names:
        spent = [0, 0]
        try:
            text = remembered.text({}, spent)
        except Unsure:  # a constant that fails fails in every row: the exact way reports it
            return None
        return text if spent == [0, 0] else remembered
    if isinstance(node, nodes.Output) and isinstance(node.nodes[0], nodes.Name):
        return _Field(node.nodes[0].name, _shower(env))
    return remembered


def _escaped(value: str) -> str:
    """``str(escape(value))``, without the call for the text that has nothing to escape (most)."""
    if _NEEDS_ESCAPING.search(value) is None:
        return value
    return str(escape(value))


def _shower(env: Environment) -> Callable[[str], str]:
    """What Jinja2's code does with a text value it outputs: finalize, then escape or ``str``."""
    finalize = env.finalize
    if env.autoescape:
        if finalize is None:
            return _escaped
        return lambda value: str(escape(finalize(value)))
    if finalize is None:
        return lambda value: value
    return lambda value: str(finalize(value))
