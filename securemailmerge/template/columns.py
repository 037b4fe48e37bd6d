"""Rendering many rows at once, part by part and piece by piece, a column of values at a time.

A check of a million rows renders a million messages, and rendering them one by one costs tens of
microseconds of Python each. When every part of a template splits into pieces (see ``pieces``), a
part's texts for many rows are the pieces' columns joined row by row, which Python does in its own
loops; each distinct combination of the values a piece reads is still rendered once by Jinja2.

The texts are those ``CompiledTemplate.render`` gives row by row: the same pieces make them, and any
row they cannot vouch for (a piece that failed, a subject with a line break, work near the budget)
is named in ``RenderedColumns.unsure`` for the caller to render the one exact way, so its message
and its problems are the ones it always had. A test holds the two ways to the same messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat

from securemailmerge.template.htmltext import finish_texts, html_to_text
from securemailmerge.template.pieces import ColumnWork, PieceRenderer
from securemailmerge.template.work import in_budget

_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# A part as the renderer has it: its text when it has no tags, else its pieces.
Part = str | PieceRenderer


@dataclass(frozen=True)
class RenderedColumns:
    """The messages of many rows: a subject, HTML and text per row, and the attachments all share.

    ``unsure`` holds the positions whose texts here mean nothing: render those rows the exact way.
    """

    subjects: list[str]
    htmls: list[str]
    texts: list[str]
    attachments: tuple[str, ...]
    unsure: frozenset[int]


class ColumnRenderer:
    """The parts of a compiled template, rendered for many rows at once (see the module's text)."""

    def __init__(
        self,
        bindings: Sequence[tuple[str, str | None, str]],
        subject: Part,
        html: Part,
        text: Part | None,
        derived: Part | None,
        attachments: tuple[str, ...],
    ) -> None:
        """``bindings`` are the template's ``(name, column, field)``; ``text`` its own text part, if any,
        else ``derived`` the text part made from the HTML (None: convert each rendered HTML)."""
        self._bindings = bindings
        self._subject, self._html, self._text, self._derived = subject, html, text, derived
        self.attachments = attachments
        """The attachment names every row has."""

    def render(
        self, cells: Callable[[str], Sequence[str] | None], count: int, blank: frozenset[str] = frozenset()
    ) -> RenderedColumns | None:
        """The messages of ``count`` rows; ``cells(column)`` gives a column's text in each row (None
        when the rows have no such column), and a field in ``blank`` reads as empty in every row.

        None when some field is in no column and not blank: such rows must be rendered one by one.
        """
        if in_budget():
            return None  # the pieces count their work in budgets of their own, as row by row
        columns: dict[str, Sequence[str]] = {}
        for name, column, field in self._bindings:
            values = cells(column) if column is not None else cells(field)
            if values is None and column is not None:
                values = [""] * count  # a row without the column reads it as empty
            elif values is None:
                if field not in blank:
                    return None
                values = [""] * count
            columns[name] = values
        spent = ColumnWork(count)
        subjects = self._part(self._subject, columns, spent, count)
        htmls = self._part(self._html, columns, spent, count)
        if self._text is not None:
            texts = self._part(self._text, columns, spent, count)
        elif self._derived is not None:
            texts = finish_texts(self._part(self._derived, columns, spent, count))
        else:
            texts = list(map(html_to_text, htmls))
        broken = {row for row, subject in enumerate(subjects) if _LINE_BREAK.search(subject)}
        unsure = frozenset(spent.unsure | spent.near_budget() | broken)
        return RenderedColumns(subjects, htmls, texts, self.attachments, unsure)

    @staticmethod
    def _part(part: Part, columns: dict[str, Sequence[str]], spent: ColumnWork, count: int) -> list[str]:
        if isinstance(part, str):
            return list(repeat(part, count))
        return part.columns(columns, spent)
