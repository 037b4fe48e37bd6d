"""Message templates: the model, compiling once, and rendering each recipient.

A template is a subject, an HTML body, an optional plain-text body and attachment names, each a
Jinja2 text run in a sandbox with no globals and bounded filters (see ``templateenv``). Merge values
are HTML-escaped in the HTML body only; the subject and attachment names must stay on one line.
Without a plain-text body, the text is what the rendered HTML shows (see ``htmltext``), derived
from the HTML template once when it can be. Files of templates are read and written by
``templatefile``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from jinja2 import StrictUndefined, Template as JinjaTemplate, meta, nodes

from securemailmerge.errors import RenderError
from securemailmerge.i18n import translate
from securemailmerge.template.boundary import JinjaProblem, Kind, UnknownField, jinja_errors
from securemailmerge.template.columns import ColumnRenderer, Part
from securemailmerge.template.derived import TEXT_FROM_HTML, Derived, derive_text
from securemailmerge.template.environment import TemplateSandbox
from securemailmerge.template.fields import CompiledPart, FieldResolver, FieldRewriter
from securemailmerge.template.htmltext import finish_text, html_to_text
from securemailmerge.template.pieces import MemoSpace, PieceRenderer, Unsure, split_part
from securemailmerge.template.syntax import part_label
from securemailmerge.template.work import in_budget, work_budget


@dataclass(frozen=True)
class Template:
    """One message for everybody: subject, HTML body, optional plain text, attachment names."""

    subject: str
    html: str
    text: str | None = None
    attachments: tuple[str, ...] = ()
    attachment_column: str | None = None


@dataclass(frozen=True)
class RenderedMessage:
    """The message for one recipient; attachment names are relative, common ones first."""

    subject: str
    html: str
    text: str
    attachments: tuple[str, ...]


_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Rows a template renders the exact way before its parts are split into pieces for quicker rendering:
# splitting the sample template costs about what the pieces then save over 150 rows.
_SPLIT_AFTER = 128

_HTML = TemplateSandbox(autoescape=True)
_TEXT = TemplateSandbox(autoescape=False)


class CompiledTemplate:
    """A template compiled once for the columns of a recipient list, ready to render any row."""

    def __init__(self, template: Template, columns: Sequence[str]) -> None:
        resolver = FieldResolver(columns)
        sources = [template.subject, template.html, template.text or "", *template.attachments]
        rewriter = FieldRewriter(resolver, sources)
        subject = rewriter.compile(_TEXT, "subject", template.subject, one_line=True)
        html = rewriter.compile(_HTML, "html", template.html)
        text = None if template.text is None else rewriter.compile(_TEXT, "text", template.text)
        names = [rewriter.compile(_TEXT, "attachment", name, one_line=True) for name in template.attachments]
        parts = [subject, html, *names, *([text] if text else [])]
        reads = [_undeclared(part.tree) for part in parts]  # finding them generates code: once a part
        # Every identifier the parts read from outside, with the field it stands for and its column.
        fields = {name: rewriter.field_name(name) for names_read in reads for name in names_read}
        self._bindings = [(name, resolver.resolve(field), field) for name, field in fields.items()]
        self._missing = {
            name: StrictUndefined(hint=field, exc=UnknownField) for name, field in fields.items()
        }
        self._attachment_column = template.attachment_column
        column = template.attachment_column
        self._row_column = None if column is None else resolver.resolve(column)
        used = {column for _, column, _ in self._bindings if column is not None}
        unresolved = {field for _, column, field in self._bindings if column is None}
        if self._row_column is not None:
            used.add(self._row_column)
        elif template.attachment_column is not None:
            unresolved.add(template.attachment_column)
        optional = {rewriter.field_name(name) for part in parts for name in _guarded(part.tree)}
        self.fields_used = frozenset(used)
        """The columns the template reads."""
        self.unknown_fields = frozenset(unresolved - optional)
        """Fields the template reads that match no column and no alias: rendering them fails."""
        self.optional_fields = frozenset(unresolved & optional)
        """Fields that match no column but that the template only reads with a default or a test."""
        self._subject = _renderable(subject)
        self._subject_fields = sorted({fields[name] for name in reads[0]})
        self._html, self._html_part, self._html_reads = _renderable(html), html, reads[1]
        self._text = _renderable(text) if text else None
        self._attachments = [
            (_renderable(part), name) for part, name in zip(names, template.attachments, strict=True)
        ]
        # Each part as rendering uses it, with the environment and the tree it was compiled from.
        self._trees = [
            (self._subject, _TEXT, subject.tree),
            (self._html, _HTML, html.tree),
            *(
                (rendered, _TEXT, part.tree)
                for (rendered, _), part in zip(self._attachments, names, strict=True)
            ),
        ]
        if self._text is not None and text is not None:
            self._trees.append((self._text, _TEXT, text.tree))
        self._bound = frozenset(fields)
        self._renders = 0  # rows rendered one by one so far
        self._fixed_attachments = _fixed_names(self._attachments, template.attachment_column)

    @cached_property
    def _derivation(self) -> Derived | None:
        """The text template derived from the HTML one, when there is no text part; on first need."""
        return None if self._text is not None else derive_text(self._html_part, self._html_reads)

    @property
    def _derived(self) -> JinjaTemplate | None:
        return None if self._derivation is None else self._derivation.template

    @cached_property
    def _pieces(self) -> dict[JinjaTemplate, PieceRenderer] | None:
        """The parts split into pieces (see ``pieces``), on first need; None when any part cannot be."""
        trees = list(self._trees)
        if self._derivation is not None:
            trees.append((self._derivation.template, TEXT_FROM_HTML, self._derivation.tree))
        return _split_parts(trees, self._bound)

    def columns(self) -> ColumnRenderer | None:
        """A renderer of many rows at once (see ``columns``); None when rows must be rendered one by one."""
        pieces = self._pieces
        if pieces is None or self._fixed_attachments is None:
            return None

        def part(rendered: str | JinjaTemplate | None) -> Part | None:
            return rendered if rendered is None or isinstance(rendered, str) else pieces[rendered]

        subject, html = part(self._subject), part(self._html)
        assert subject is not None
        assert html is not None
        return ColumnRenderer(
            self._bindings, subject, html, part(self._text), part(self._derived), self._fixed_attachments
        )

    def render(self, fields: Mapping[str, str]) -> RenderedMessage:
        """The message for one row (column name -> value); RenderError says what went wrong, not where."""
        self._renders += 1
        pieces = self._pieces if self._renders > _SPLIT_AFTER or "_pieces" in self.__dict__ else None
        if pieces is not None and not in_budget():
            spent = [0, 0]  # steps and characters of the whole message, as one budget counts them

            def quick(part: str | JinjaTemplate, context: dict[str, Any], key: str, source: str = "") -> str:
                return part if isinstance(part, str) else pieces[part].render(context, spent)

            try:
                return self._render_message(fields, quick)
            except (Unsure, RenderError):
                pass  # rendered again the exact way, which says what went wrong as it always did
        with work_budget():  # one budget for all parts of the message
            return self._render_message(fields, self._render)

    def _render_message(self, fields: Mapping[str, str], render: _PartRenderer) -> RenderedMessage:
        context = self._context(fields)
        subject = render(self._subject, context, "subject")
        if _LINE_BREAK.search(subject):
            message = translate(
                "Template", "The subject would contain a line break; check the fields it uses: {fields}."
            )
            raise RenderError(message.format(fields=", ".join(self._subject_fields) or "-"), field="subject")
        html = render(self._html, context, "html")
        if self._text is not None:
            text = render(self._text, context, "text")
        elif self._derived is not None:
            text = finish_text(render(self._derived, context, "html"))
        else:
            text = html_to_text(html)
        if self._fixed_attachments is not None:
            return RenderedMessage(subject, html, text, self._fixed_attachments)
        names = [render(part, context, "attachment", source) for part, source in self._attachments]
        for name in names:
            _one_line(name, "attachment")
        names.extend(self._row_attachments(fields))
        return RenderedMessage(subject, html, text, tuple(name.strip() for name in names if name.strip()))

    def _context(self, fields: Mapping[str, str]) -> dict[str, Any]:
        context: dict[str, Any] = {}
        for name, column, field in self._bindings:
            if column is not None:
                context[name] = fields.get(column, "")
            elif field in fields:
                context[name] = fields[field]
            else:
                context[name] = self._missing[name]
        return context

    def _row_attachments(self, fields: Mapping[str, str]) -> list[str]:
        """The files the row's attachment column names, separated by semicolons."""
        if self._row_column is not None:
            value, column = fields.get(self._row_column, ""), self._row_column
        elif self._attachment_column is None:
            return []
        elif self._attachment_column in fields:
            value, column = fields[self._attachment_column], self._attachment_column
        else:
            raise _unknown(self._attachment_column)
        names = value.split(";")
        for name in names:
            _one_line(name, column)
        return names

    def _render(self, part: str | JinjaTemplate, context: dict[str, Any], key: str, source: str = "") -> str:
        if isinstance(part, str):
            return part

        def ours(problem: JinjaProblem) -> RenderError:
            if problem.kind is Kind.UNKNOWN_FIELD:
                return _unknown(problem.detail)
            if problem.kind is Kind.REFUSED:
                message = translate("Template", "The {part} tries something templates may not do: {detail}.")
            else:
                message = translate("Template", "The {part} cannot be filled in: {detail}.")
            return RenderError(message.format(part=part_label(key, source), detail=problem.detail), field=key)

        with jinja_errors(ours, rendering=True):
            return part.render(context)


class _PartRenderer(Protocol):
    def __call__(
        self, part: str | JinjaTemplate, context: dict[str, Any], key: str, source: str = ""
    ) -> str: ...


def _split_parts(
    parts: Iterable[tuple[str | JinjaTemplate, TemplateSandbox, nodes.Template]], bound: frozenset[str]
) -> dict[JinjaTemplate, PieceRenderer] | None:
    """Each part that needs rendering as pieces (see ``pieces``); None when any of them cannot be."""
    split: dict[JinjaTemplate, PieceRenderer] = {}
    space = MemoSpace()  # one for all parts of the template
    for part, env, tree in parts:
        if isinstance(part, str):
            continue  # a part without tags is its own text
        renderer = split_part(env, tree, bound, space)
        if renderer is None:
            return None
        split[part] = renderer
    return split


def _fixed_names(
    parts: Sequence[tuple[str | JinjaTemplate, str]], column: str | None
) -> tuple[str, ...] | None:
    """The attachment names when every row has the same ones (no tags, no column), else None."""
    names = [part.strip() for part, _ in parts if isinstance(part, str)]
    if column is not None or len(names) != len(parts):
        return None
    if any(_LINE_BREAK.search(name) for name in names):
        return None  # every row fails, with the message rendering gives
    return tuple(name for name in names if name)


def _one_line(name: str, field: str) -> None:
    if _LINE_BREAK.search(name.strip()):
        message = translate("Template", "The attachment name “{name}” would contain a line break.")
        raise RenderError(message.format(name=" ".join(name.split())), field=field)


def _unknown(field: str) -> RenderError:
    message = translate(
        "Template", "The template uses the field “{field}”, which is not a column of the recipients."
    )
    return RenderError(message.format(field=field), field=field)


def compile_template(template: Template, columns: Sequence[str]) -> CompiledTemplate:
    """Compile every part once for these columns; TemplateSyntaxError names the part, line and column.

    The last template compiled on this thread is kept, so that opening a template for a list and
    then checking the list compile it once.
    """
    key = (template, tuple(columns))
    last: tuple[tuple[Template, tuple[str, ...]], CompiledTemplate] | None = getattr(_recent, "last", None)
    if last is not None and last[0] == key:
        return last[1]
    compiled = CompiledTemplate(template, columns)
    _recent.last = (key, compiled)
    return compiled


_recent = threading.local()


def _renderable(part: CompiledPart) -> str | JinjaTemplate:
    """The part's text when it has no tags at all (nothing to render), else its compiled template."""
    if all(lexeme.kind == "data" for lexeme in part.lexemes):
        return part.source
    return part.template


def _undeclared(tree: nodes.Template) -> set[str]:
    return set(meta.find_undeclared_variables(tree))


def _guarded(tree: nodes.Template) -> set[str]:
    """Names read with ``default`` or tested with ``defined``: the template expects them to be missing."""
    names = set()
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        expects = {"default", "d"} if isinstance(node, nodes.Filter) else {"defined", "undefined"}
        if node.name in expects and isinstance(node.node, nodes.Name):
            names.add(node.node.name)
    return names
