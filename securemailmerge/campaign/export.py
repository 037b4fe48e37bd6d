"""``.eml`` export: one file per ready recipient, each written atomically, resumable after a kill.

A folder that an export writes gets a small marker file holding the export's fingerprint (a digest
of the list, the template and the sender, made by the caller). Running the same export again
into that folder continues: files already there are complete (they were renamed into place only
when fully written), so they are kept and only the missing ones are written. Any other non-empty
folder is refused unless overwriting is allowed.

Files are written by a few threads: each one is fsynced before its rename, and the file system
commits many such syncs together, where one thread would wait for each in turn.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from securemailmerge.campaign.mime import MessageWriter, recipient_name
from securemailmerge.errors import InputError
from securemailmerge.i18n import translate
from securemailmerge.recipients.model import Recipient
from securemailmerge.safepaths import is_temporary, sync_folder, write_atomically
from securemailmerge.template.model import RenderedMessage

MARKER = ".securemailmerge-export"
_WRITERS = 8
_PENDING = 64  # written messages waiting for a writer thread: memory stays flat


@dataclass(frozen=True)
class ExportResult:
    """What an export did: the files it wrote, and how many an earlier run had already written."""

    written: list[Path]
    kept: int = 0


def file_stem(recipient: Recipient, digits: int = 4) -> str:
    """A file name stem that sorts by row and says who it is for, e.g. ``0002-jurgen-muller``."""
    label = recipient_name(recipient.fields) or (recipient.to[0].split("@")[0] if recipient.to else "")
    folded = unicodedata.normalize("NFKD", label.replace("ß", "ss")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].rstrip("-")
    number = f"{recipient.row:0{digits}d}"
    return f"{number}-{slug}" if slug else number


def _prepare(out_dir: Path, fingerprint: str, force: bool) -> bool:
    """Make ``out_dir`` ready; True when it holds an earlier run of the same export to continue."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(
            translate("Mime", "{folder} is a file, not a folder.").format(folder=out_dir),
            file=str(out_dir),
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = list(out_dir.iterdir())
    leftovers = [entry for entry in entries if is_temporary(entry)]
    others = [entry for entry in entries if entry not in leftovers]
    marker = out_dir / MARKER
    earlier = marker.read_text(encoding="utf-8").strip() if marker.is_file() else None
    resume = bool(fingerprint) and earlier == fingerprint and not force
    if others and not resume and not force:
        if earlier is not None:
            text = translate(
                "Mime",
                "The folder {folder} holds an export of other messages (another list, template or "
                "sender); choose an empty folder or allow overwriting.",
            )
        else:
            text = translate(
                "Mime", "The folder {folder} is not empty; choose an empty folder or allow overwriting."
            )
        raise InputError(text.format(folder=out_dir), file=str(out_dir))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)  # half-written files of a run that was killed
    if fingerprint and earlier != fingerprint:
        write_atomically(marker, fingerprint.encode("utf-8"))
    return resume


def export_eml(
    messages: Iterable[tuple[Recipient, RenderedMessage]],
    out_dir: Path,
    *,
    sender: str | None,
    base_folder: Path,
    last_row: int = 1,
    force: bool = False,
    fingerprint: str = "",
) -> ExportResult:
    """Write one ``.eml`` per message into ``out_dir``; continue an earlier run of the same export."""
    try:
        resume = _prepare(out_dir, fingerprint, force)
        writer = MessageWriter(sender=sender, base_folder=base_folder)
        digits = max(4, len(str(last_row)))
        written: list[Path] = []
        kept = 0
        pending: deque[Future[None]] = deque()
        with ThreadPoolExecutor(max_workers=_WRITERS, thread_name_prefix="eml") as pool:
            for recipient, rendered in messages:
                path = out_dir / f"{file_stem(recipient, digits)}.eml"
                if resume and path.is_file():
                    kept += 1
                    continue
                data = writer.build(rendered, recipient)
                pending.append(pool.submit(write_atomically, path, data, sync_parent=False))
                written.append(path)
                if len(pending) > _PENDING:
                    pending.popleft().result()
            while pending:
                pending.popleft().result()
        sync_folder(out_dir)
        return ExportResult(written, kept)
    except OSError as error:
        raise InputError(
            translate("Mime", "Cannot write to {path}: {reason}").format(
                path=error.filename or out_dir, reason=error.strerror or error
            ),
            file=str(error.filename or out_dir),
        ) from error
