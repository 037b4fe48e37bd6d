"""Templates from Outlook: ``.oft`` templates, ``.msg`` messages (with extract-msg) and ``.eml`` files.

An imported message becomes a ``Template`` whose attachments and inline images are written as files
into the folder the user chose, so the template is self-contained like one written in the app:
``cid:`` references in the HTML become the image's file name (``outlook.embed_images`` turns them
back into inline parts when sending). extract-msg's and the email parser's errors are translated
here, at this one boundary. Files are written under a temporary name and renamed once complete, and
a name already taken by a different file gets a number instead of being overwritten.
"""

from __future__ import annotations

import email
import email.policy
import html
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from securemailmerge.errors import TemplateError
from securemailmerge.i18n import translate
from securemailmerge.template.model import Template

IMPORT_SUFFIXES = (".oft", ".msg", ".eml")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


@dataclass(frozen=True)
class Part:
    """One file carried by the message: its name, bytes, and its content id when shown inline."""

    name: str
    data: bytes
    content_id: str | None = None


@dataclass(frozen=True)
class ImportedMessage:
    """What a message holds before its files are written: subject, bodies and parts."""

    subject: str
    html: str | None
    text: str | None
    parts: tuple[Part, ...]


def import_message(path: Path, folder: Path) -> Template:
    """Read an Outlook template or message and write its files into ``folder``; TemplateError says why not."""
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        message = translate("Import", "{file} is not an Outlook template or message (.oft, .msg, .eml).")
        raise TemplateError(message.format(file=path.name), file=str(path))
    imported = read_eml(path) if suffix == ".eml" else read_msg(path)
    return write_parts(imported, folder, path)


def read_eml(path: Path) -> ImportedMessage:
    """The subject, bodies and parts of an RFC 5322 ``.eml`` file."""
    try:
        with path.open("rb") as stream:
            parsed = email.message_from_binary_file(stream, policy=email.policy.default)
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error)) from None
    assert isinstance(parsed, EmailMessage)
    if not parsed.keys():
        raise _unreadable(path, translate("Import", "it has no message headers"))
    html_body = _body(parsed, "html")
    text_body = _body(parsed, "plain")
    parts: list[Part] = []
    for part in parsed.walk():
        if part.is_multipart() or part in (html_body, text_body):
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        content_id = (part.get("Content-ID") or "").strip().strip("<>") or None
        name = part.get_filename() or _default_name(part.get_content_type(), len(parts))
        parts.append(Part(name, data, content_id if part.get_content_maintype() == "image" else None))
    return ImportedMessage(
        str(parsed.get("Subject") or ""),
        _content(html_body),
        _content(text_body),
        tuple(parts),
    )


def _body(message: EmailMessage, kind: str) -> EmailMessage | None:
    found = message.get_body(preferencelist=(kind,))
    return found if isinstance(found, EmailMessage) else None


def _content(part: EmailMessage | None) -> str | None:
    if part is None:
        return None
    content = part.get_content()
    return content if isinstance(content, str) else None


def _default_name(content_type: str, index: int) -> str:
    extension = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}.get(content_type, ".bin")
    return f"part{index + 1}{extension}"


@contextmanager
def _msg_boundary(path: Path) -> Iterator[None]:
    """The one place extract-msg's errors become the user's sentence."""
    try:
        yield
    except TemplateError:
        raise
    except Exception as error:  # extract-msg raises its own and olefile's errors, of many kinds
        raise _unreadable(path, str(error) or type(error).__name__) from None


def read_msg(path: Path) -> ImportedMessage:
    """The subject, bodies and attachments of an Outlook ``.msg`` message or ``.oft`` template."""
    import extract_msg  # only an import of an Outlook file pays for loading it

    with _msg_boundary(path):
        message: Any = extract_msg.openMsg(str(path), strict=False)
        try:
            html_bytes = message.htmlBody
            html_body = (
                html_bytes.decode("utf-8", errors="replace") if isinstance(html_bytes, bytes) else html_bytes
            )
            parts: list[Part] = []
            for attachment in message.attachments:
                data = attachment.data
                if not isinstance(data, bytes):
                    continue  # an attached message or an OLE object: not a file to send
                name = attachment.getFilename() or _default_name("", len(parts))
                content_id = (attachment.cid or "").strip("<>") or None
                parts.append(Part(name, data, content_id))
            return ImportedMessage(str(message.subject or ""), html_body, message.body, tuple(parts))
        finally:
            message.close()


def write_parts(imported: ImportedMessage, folder: Path, source: Path) -> Template:
    """Write the message's files into ``folder`` and return the template that names them."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = translate("Import", "The folder {folder} cannot be created: {reason}.")
        raise TemplateError(
            message.format(folder=folder, reason=error.strerror or error), file=str(source)
        ) from None
    body = imported.html
    if body is None:
        escaped = html.escape(imported.text or "")
        body = "<p>" + escaped.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"
    attachments = []
    for part in imported.parts:
        name = _write(folder, part, source)
        if part.content_id and f"cid:{part.content_id}" in body:
            body = body.replace(f"cid:{part.content_id}", name)
        else:
            attachments.append(name)
    text = None if imported.html is not None else imported.text
    return Template(
        subject=" ".join(imported.subject.split()), html=body, text=text, attachments=tuple(attachments)
    )


def _write(folder: Path, part: Part, source: Path) -> str:
    """Write one part under a safe, free name; returns the name."""
    stem = _UNSAFE_NAME.sub("_", Path(part.name.replace("\\", "/")).name).strip(" .") or "attachment"
    name, number = stem, 1
    while (folder / name).exists() and (folder / name).read_bytes() != part.data:
        number += 1
        base, dot, extension = stem.rpartition(".")
        name = f"{base} ({number}).{extension}" if dot else f"{stem} ({number})"
    target = folder / name
    if target.exists():
        return name  # the very same file is there already
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(part.data)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        message = translate("Import", "The attachment {name} cannot be saved to {folder}: {reason}.")
        raise TemplateError(
            message.format(name=name, folder=folder, reason=error.strerror or error), file=str(source)
        ) from None
    return name


def _unreadable(path: Path, reason: str) -> TemplateError:
    message = translate("Import", "{file} cannot be read as an Outlook message: {reason}.")
    return TemplateError(message.format(file=path.name, reason=reason), file=str(path))
