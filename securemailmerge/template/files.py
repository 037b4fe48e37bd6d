"""Template files: a ``.json`` template (bodies inline or in files beside it) or an ``.html`` page.

``load_template`` reads either kind into a ``Template``; an HTML page's ``<title>`` is the subject.
Text files are read as UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252, and a body
file must lie inside the template's folder. ``save_template`` writes ``.json`` with the bodies inline.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from securemailmerge.errors import AttachmentError, TemplateError, TemplateSyntaxError
from securemailmerge.i18n import translate
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template.htmltext import html_title
from securemailmerge.template.model import Template, compile_template

_KEYS = ("subject", "html", "html_file", "text", "text_file", "attachments", "attachment_column")


def load_template(path: Path, columns: Sequence[str] = ()) -> Template:
    """Read a ``.json`` template, or an ``.html``/``.htm`` file whose ``<title>`` is the subject.

    It is compiled once on opening, for ``columns`` when the list is known, to find a syntax error.
    """
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        html = _read_text(path, path)
        title = html_title(html)
        if title is None:
            message = translate("Template", "The template {file} has no <title>, which would be the subject.")
            raise TemplateError(message.format(file=path), file=str(path), field="title")
        return _checked(path, Template(subject=title, html=html), columns)
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
    return _checked(
        path, Template(subject, html, _body(path, data, "text"), tuple(attachments), column), columns
    )


def _checked(path: Path, template: Template, columns: Sequence[str]) -> Template:
    """Compile once, so a syntax error is found on opening and names the file as well as the place."""
    try:
        compile_template(template, columns)
    except TemplateSyntaxError as error:
        message = translate("Template", "{file}: {error}").format(file=path, error=error.message)
        raise TemplateSyntaxError(
            message, part=error.part, line=error.line, column=error.column, file=str(path)
        ) from None
    return template


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
