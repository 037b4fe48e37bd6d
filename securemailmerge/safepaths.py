"""Safe paths: attachment files found only inside the folder the user chose, and atomic writing.

A name comes from the template or from a recipient's row, so it is not trusted: it must be relative,
must not climb out with ``..``, and must not lead outside through a symbolic link. ``/`` and ``\\``
both separate folders, so a template written on Windows works on macOS and Linux. A name whose
accents are composed differently from the file on disk (macOS writes names decomposed) still finds it.

Every file we write for the user goes through ``atomic_output``: the bytes go to a temporary file
in the same folder, are flushed and fsynced, and only then renamed over the final name. After a
kill or a crash the final name holds either the complete new file or what was there before.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import IO

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


# Temporary files are hidden (a leading dot) and end in this, so a later run can recognise and
# remove what a killed one left behind.
TEMP_SUFFIX = ".partial"


@lru_cache(maxsize=1)
def _new_file_mode() -> int:
    """The mode a plainly created file would get: 0666 less the umask (read once, then restored)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def is_temporary(path: Path) -> bool:
    """True for a temporary file ``atomic_output`` makes (left behind only by a kill or a crash)."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


@contextmanager
def atomic_output(path: Path, *, sync_parent: bool = True) -> Iterator[IO[bytes]]:
    """A binary file that appears under ``path`` complete, or not at all, when the block ends.

    The file keeps the mode of the file it replaces (a new one gets the usual 0666 less umask).
    ``sync_parent=False`` is for callers writing many files into one folder: they call
    ``sync_folder`` once at the end instead of once per file.
    """
    import tempfile  # only where a file is written: reading commands start without it

    mode = path.stat().st_mode & 0o777 if path.is_file() else _new_file_mode()
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        if sync_parent:
            sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes, *, sync_parent: bool = True) -> None:
    """Write ``data`` to ``path`` through ``atomic_output``."""
    with atomic_output(path, sync_parent=sync_parent) as handle:
        handle.write(data)


def sync_folder(folder: Path) -> None:
    """Make the renames inside ``folder`` durable (POSIX; Windows has no handle to a folder)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
