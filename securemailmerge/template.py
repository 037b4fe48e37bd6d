"""Message templates: the model, loading and saving, compiling once, and rendering each recipient.

A template is a subject, an HTML body, an optional plain-text body and attachment names, each a
Jinja2 text run in a sandbox with no globals. Merge values are HTML-escaped in the HTML body only;
the subject and attachment names must stay on one line. Without a plain-text body, the text is
what the rendered HTML shows (see ``htmltext``), derived from the HTML template once when it can be.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, UndefinedError, meta, nodes
from jinja2 import Template as JinjaTemplate
from jinja2 import TemplateSyntaxError as JinjaSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from securemailmerge.attachments import resolve_attachment
from securemailmerge.errors import AttachmentError, RenderError, TemplateError
from securemailmerge.fields import CompiledPart, FieldResolver, FieldRewriter, part_label
from securemailmerge.htmltext import (
    LINK_SEPARATOR,
    Piece,
    finish_text,
    format_link,
    html_title,
    html_to_text,
    text_pieces_from_html,
)
from securemailmerge.i18n import translate


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
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WHITESPACE_CONTROL = re.compile(r"(?<=^\{[{%#])[-+]|[-+](?=[}%#]\}$)")
_LOOSE_SPACE = re.compile(r"[\t\n\r\f]|  ")  # what _HTML_SPACE would change
_MAX_EXPONENT = 1_000
_MAX_REPEAT = 1_000_000


def _default(value: Any, default_value: Any = "", boolean: bool = True) -> Any:
    """``default`` that also replaces an empty value, as a mail merge means it."""
    if isinstance(value, Undefined):
        return default_value
    if boolean and (not value or (isinstance(value, str) and not value.strip())):
        return default_value
    return value


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with no globals, strict undefined names and bounded ``*`` and ``**``."""

    # Intercepting also stops Jinja2 from computing ``9 ** 9 ** 9`` while compiling.
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *, autoescape: bool, finalize: Callable[[Any], Any] | None = None) -> None:
        super().__init__(
            autoescape=autoescape, undefined=StrictUndefined, keep_trailing_newline=True, finalize=finalize
        )
        self.globals.clear()
        self.filters["default"] = self.filters["d"] = _default

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Refuse results too large to be part of an e-mail before computing them."""
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > _MAX_EXPONENT:
            raise SecurityError(translate("Template", "the number is too large"))
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                sized = isinstance(sequence, str | list | tuple) and isinstance(times, int)
                if sized and len(sequence) * times > _MAX_REPEAT:
                    raise SecurityError(translate("Template", "the repeated text is too long"))
        return super().call_binop(context, operator, left, right)


def _collapse(value: Any) -> Any:
    """A merge value as the HTML shows it: runs of blanks and line breaks read as one space."""
    if isinstance(value, str) and _LOOSE_SPACE.search(value):
        return _HTML_SPACE.sub(" ", value)
    return value


def _link(value: str) -> str:
    text, found, url = value.rpartition(LINK_SEPARATOR)
    return format_link(text, url) if found else value


_HTML = _Sandbox(autoescape=True)
_TEXT = _Sandbox(autoescape=False)
_TEXT_FROM_HTML = _Sandbox(autoescape=False, finalize=_collapse)
_TEXT_FROM_HTML.filters["smm_link"] = _link

# What makes HTML out of a value or stops escaping it, and loops that repeat HTML: the text of such
# a template cannot be derived from its HTML once, so each rendered message is converted instead.
_MARKUP_FILTERS = frozenset({"safe", "e", "escape", "forceescape", "urlize", "xmlattr"})
_UNDERIVABLE = (
    nodes.For,
    nodes.Macro,
    nodes.CallBlock,
    nodes.AssignBlock,
    nodes.EvalContextModifier,
    nodes.MarkSafe,
    nodes.MarkSafeIfAutoescape,
)


class _UnknownField(UndefinedError):
    """A template used a field the recipient list does not have; the message is the field's name."""


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
        # Every identifier the parts read from outside, with the field it stands for and its column.
        fields = {name: rewriter.field_name(name) for part in parts for name in _undeclared(part.tree)}
        self._bindings = [(name, resolver.resolve(field), field) for name, field in fields.items()]
        self._missing = {
            name: StrictUndefined(hint=field, exc=_UnknownField) for name, field in fields.items()
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
        self._subject_fields = sorted({fields[name] for name in _undeclared(subject.tree)})
        self._html = _renderable(html)
        self._text = _renderable(text) if text else None
        self._derived = None if text else _derive_text(html)
        self._attachments = [
            (_renderable(part), name) for part, name in zip(names, template.attachments, strict=True)
        ]

    def render(self, fields: Mapping[str, str]) -> RenderedMessage:
        """The message for one row (column name -> value); RenderError says what went wrong, not where."""
        context = self._context(fields)
        subject = self._render(self._subject, context, "subject")
        if _LINE_BREAK.search(subject):
            message = translate(
                "Template", "The subject would contain a line break; check the fields it uses: {fields}."
            )
            raise RenderError(message.format(fields=", ".join(self._subject_fields) or "-"), field="subject")
        html = self._render(self._html, context, "html")
        if self._text is not None:
            text = self._render(self._text, context, "text")
        elif self._derived is not None:
            text = finish_text(self._render(self._derived, context, "html"))
        else:
            text = html_to_text(html)
        names = [self._render(part, context, "attachment", source) for part, source in self._attachments]
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
        try:
            return part.render(context)
        except _UnknownField as error:
            raise _unknown(error.message or "") from None
        except SecurityError as error:
            message = translate("Template", "The {part} tries something templates may not do: {detail}.")
            label = part_label(key, source)
            raise RenderError(message.format(part=label, detail=_plain(error)), field=key) from None
        except Exception as error:  # the template's own expressions can fail in any way
            message = translate("Template", "The {part} cannot be filled in: {detail}.")
            label = part_label(key, source)
            raise RenderError(message.format(part=label, detail=_plain(error)), field=key) from None


def _plain(error: Exception) -> str:
    return str(error).rstrip(".") or type(error).__name__


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
    """Compile every part once for these columns; TemplateSyntaxError names the part, line and column."""
    return CompiledTemplate(template, columns)


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


def _derive_text(html: CompiledPart) -> JinjaTemplate | None:
    """A plain-text template that renders what the rendered HTML shows; None when it cannot be made."""
    tree = html.tree
    if any(True for _ in tree.find_all(_UNDERIVABLE)):
        return None
    if any(node.name in _MARKUP_FILTERS for node in tree.find_all(nodes.Filter)):
        return None
    pieces = text_pieces_from_html(list(_html_pieces(html)))
    if pieces is None:
        return None
    try:
        derived = _TEXT_FROM_HTML.parse(_text_source(pieces))
        if not _undeclared(derived) <= _undeclared(tree):
            return None
        return _TEXT_FROM_HTML.from_string(derived)
    except (JinjaSyntaxError, RecursionError):
        return None


def _html_pieces(part: CompiledPart) -> Iterable[Piece]:
    """The HTML as Jinja2 would output it around the tags, and the tags (``{{ }}`` inline, ``{% %}`` block).

    Data comes from the lexer's tokens, so the blanks a ``-`` strips are already gone, and the tags
    lose their ``-``; a ``{% raw %}`` section is plain HTML here and a comment is nothing.
    """
    closers = {"variable_begin": "variable_end", "block_begin": "block_end", "comment_begin": "comment_end"}
    lexemes, html, index = part.lexemes, "", 0
    while index < len(lexemes):
        lexeme = lexemes[index]
        closer = closers.get(lexeme.kind)
        if closer is None:
            html += lexeme.value if lexeme.kind == "data" else ""
            index += 1
            continue
        last = index
        while last < len(lexemes) and lexemes[last].kind != closer:
            last += 1
        if lexeme.kind != "comment_begin":
            if html:
                yield "html", html
            html = ""
            end = lexemes[last].start + len(lexemes[last].value.rstrip())
            tag = _WHITESPACE_CONTROL.sub("", part.source[lexeme.start : end])
            yield ("inline" if lexeme.kind == "variable_begin" else "block"), tag
        index = last + 1
    if html:
        yield "html", html


def _text_source(pieces: Sequence[Piece]) -> str:
    """Jinja2 source for text pieces: literal text stays literal, links go through ``smm_link``."""
    fixed = {
        "link-open": "{% filter smm_link %}",
        "link-sep": LINK_SEPARATOR,
        "link-close": "{% endfilter %}",
    }
    out = []
    for kind, content in pieces:
        if kind == "text":
            out.append(content.replace("{", '{{ "{" }}'))  # decoded text may now spell a tag
        else:
            out.append(fixed.get(kind, content))
    return "".join(out)


_KEYS = ("subject", "html", "html_file", "text", "text_file", "attachments", "attachment_column")


def load_template(path: Path) -> Template:
    """Read a ``.json`` template, or an ``.html``/``.htm`` file whose ``<title>`` is the subject."""
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        html = _read_text(path, path)
        title = html_title(html)
        if title is None:
            message = translate("Template", "The template {file} has no <title>, which would be the subject.")
            raise TemplateError(message.format(file=path), file=str(path), field="title")
        return Template(subject=title, html=html)
    if suffix != ".json":
        message = translate("Template", "The template {file} is neither a .json nor an .html file.")
        raise TemplateError(message.format(file=path), file=str(path))
    try:
        data = json.loads(_read_text(path, path))
    except json.JSONDecodeError as error:
        message = translate(
            "Template", "The template {file} is not valid JSON at line {line}, column {column}: {reason}."
        )
        raise TemplateError(
            message.format(file=path, line=error.lineno, column=error.colno, reason=error.msg), file=str(path)
        ) from None
    if not isinstance(data, dict):
        raise _bad_key(path, "", translate("Template", "the file must hold one JSON object"))
    for key in data:
        if key not in _KEYS:
            reason = translate("Template", "this key is unknown; the keys are {keys}")
            raise _bad_key(path, key, reason.format(keys=", ".join(_KEYS)))
    attachments = data.get("attachments", [])
    if not isinstance(attachments, list) or not all(
        isinstance(name, str) and name.strip() for name in attachments
    ):
        raise _bad_key(path, "attachments", translate("Template", "it must be a list of file names"))
    column = data.get("attachment_column")
    if column is not None and not (isinstance(column, str) and column.strip()):
        raise _bad_key(path, "attachment_column", translate("Template", "it must be a column name"))
    subject, html = _required(path, data, "subject"), _required(path, data, "html")
    return Template(subject, html, _body(path, data, "text"), tuple(attachments), column)


def _required(path: Path, data: Mapping[str, Any], key: str) -> str:
    value = _body(path, data, key)
    if value is None:
        raise _bad_key(path, key, translate("Template", "it is missing"))
    return value


def _body(path: Path, data: Mapping[str, Any], key: str) -> str | None:
    """The text under ``key``, or read from the file named under ``key_file``; None when neither is there."""
    file_key = f"{key}_file"
    if key in data and file_key in data:
        reason = translate("Template", "give either “{key}” or “{file_key}”, not both")
        raise _bad_key(path, file_key, reason.format(key=key, file_key=file_key))
    if file_key in data:
        name = data[file_key]
        if not isinstance(name, str) or not name.strip():
            raise _bad_key(path, file_key, translate("Template", "it must be a file name"))
        try:
            return _read_text(resolve_attachment(path.parent, name), path)
        except AttachmentError as error:
            raise _bad_key(path, file_key, str(error)) from None
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise _bad_key(path, key, translate("Template", "it must be text"))
    return value


def _bad_key(path: Path, key: str, reason: str) -> TemplateError:
    message = translate("Template", "The template {file} cannot be used (“{key}”): {reason}.")
    return TemplateError(
        message.format(file=path, key=key, reason=reason.rstrip(".")), file=str(path), field=key
    )


def _read_text(path: Path, template: Path) -> str:
    """A text file as UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252."""
    try:
        data = path.read_bytes()
    except OSError as error:
        message = translate("Template", "The template file {file} cannot be read: {reason}.")
        raise TemplateError(
            message.format(file=path, reason=error.strerror or error), file=str(template)
        ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        message = translate("Template", "The template file {file} is not a text file.")
        raise TemplateError(message.format(file=path), file=str(template))
    return text


def save_template(template: Template, path: Path) -> None:
    """Write the template as ``.json`` (bodies inline), replacing the file only once fully written."""
    data: dict[str, Any] = {"subject": template.subject, "html": template.html}
    if template.text is not None:
        data["text"] = template.text
    if template.attachments:
        data["attachments"] = list(template.attachments)
    if template.attachment_column is not None:
        data["attachment_column"] = template.attachment_column
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        message = translate("Template", "The template cannot be saved to {file}: {reason}.")
        raise TemplateError(
            message.format(file=path, reason=error.strerror or error), file=str(path)
        ) from None
