"""Attachment files, found only inside the folder the user chose.

A name comes from the template or from a recipient's row, so it is not trusted: it must be relative,
must not climb out with ``..``, and must not lead outside through a symbolic link. ``/`` and ``\\``
both separate folders, so a template written on Windows works on macOS and Linux. A name whose
accents are composed differently from the file on disk (macOS writes names decomposed) still finds it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from securemailmerge.errors import AttachmentError
from securemailmerge.i18n import translate

_SEPARATORS = re.compile(r"[\\/]")


def resolve_attachment(base: Path, name: str) -> Path:
    """The file ``name`` inside ``base``; AttachmentError when absolute, outside, missing or not a file."""
    if not name.strip() or "\x00" in name:
        message = translate("Attachments", "“{name}” is not a usable file name.")
        raise AttachmentError(message.format(name=name), file=name)
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).drive or PureWindowsPath(name).root:
        message = translate(
            "Attachments", "“{name}” is an absolute path; name it relative to the folder {base}."
        )
        raise AttachmentError(message.format(name=name, base=base), file=name)
    parts = [part for part in _SEPARATORS.split(name) if part not in {"", "."}]
    if ".." in parts:
        raise _outside(name, base)
    try:
        root = base.resolve(strict=True)
    except OSError:
        message = translate("Attachments", "The folder {base} for attachments does not exist.")
        raise AttachmentError(message.format(base=base), file=name) from None
    path = _find(root, parts)
    if path is None:
        message = translate("Attachments", "The file “{name}” does not exist in the folder {base}.")
        raise AttachmentError(message.format(name=name, base=base), file=name)
    if not path.resolve().is_relative_to(root):
        raise _outside(name, base)  # a symbolic link that leads out of the folder
    if not path.is_file():
        message = translate("Attachments", "“{name}” in the folder {base} is not a file.")
        raise AttachmentError(message.format(name=name, base=base), file=name)
    return path


def _outside(name: str, base: Path) -> AttachmentError:
    message = translate("Attachments", "The file “{name}” lies outside the folder {base}.")
    return AttachmentError(message.format(name=name, base=base), file=name)


def _find(root: Path, parts: list[str]) -> Path | None:
    """``root / parts``, each part matched as written or else by its Unicode normal form."""
    path = root
    for part in parts:
        candidate = path / part
        if not os.path.lexists(candidate):
            wanted = unicodedata.normalize("NFC", part)
            try:
                names = os.listdir(path)
            except OSError:
                return None
            match = next((entry for entry in names if unicodedata.normalize("NFC", entry) == wanted), None)
            if match is None:
                return None
            candidate = path / match
        path = candidate
    return path
