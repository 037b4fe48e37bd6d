"""Attachments resolve only to files inside the chosen folder; anything else is refused, naming the path."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from securemailmerge.errors import AttachmentError
from securemailmerge.safepaths import atomic_output, is_temporary, resolve_attachment, write_atomically


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A chosen folder with a few files, and a secret file beside it."""
    folder = tmp_path / "chosen"
    (folder / "invoices").mkdir(parents=True)
    (folder / "invoices" / "R-1001.pdf").write_bytes(b"%PDF-1.4 invoice")
    (folder / "Übersicht.pdf").write_bytes(b"%PDF-1.4 overview")
    (folder / "folder.pdf").mkdir()
    (tmp_path / "secret.txt").write_text("not yours")
    return folder


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoices/R-1001.pdf", b"%PDF-1.4 invoice"),
        ("invoices\\R-1001.pdf", b"%PDF-1.4 invoice"),
        ("./invoices//R-1001.pdf", b"%PDF-1.4 invoice"),
        ("Übersicht.pdf", b"%PDF-1.4 overview"),
        (unicodedata.normalize("NFD", "Übersicht.pdf"), b"%PDF-1.4 overview"),
    ],
    ids=["slash", "backslash", "dots-and-doubles", "accented", "decomposed-accent"],
)
def test_files_inside_the_folder_are_found(base: Path, name: str, content: bytes) -> None:
    path = resolve_attachment(base, name)
    assert path.read_bytes() == content
    assert path.is_relative_to(base.resolve())


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../secret.txt", "lies outside the folder"),
        ("invoices/../../secret.txt", "lies outside the folder"),
        ("..\\secret.txt", "lies outside the folder"),
        ("/etc/passwd", "is an absolute path"),
        ("C:\\Windows\\win.ini", "is an absolute path"),
        ("\\\\server\\share\\file.pdf", "is an absolute path"),
        ("invoices/R-9999.pdf", "does not exist in the folder"),
        ("folder.pdf", "is not a file"),
        ("", "is not a usable file name"),
        ("bad\x00name.pdf", "is not a usable file name"),
    ],
)
def test_other_names_are_refused(base: Path, name: str, message: str) -> None:
    with pytest.raises(AttachmentError, match=message) as caught:
        resolve_attachment(base, name)
    assert caught.value.file == name


def test_missing_file_message_names_path_and_folder(base: Path) -> None:
    with pytest.raises(AttachmentError) as caught:
        resolve_attachment(base, "invoices/R-9999.pdf")
    assert str(caught.value) == f"The file “invoices/R-9999.pdf” does not exist in the folder {base}."


def test_symlink_leading_out_of_the_folder_is_refused(base: Path) -> None:
    os.symlink(base.parent / "secret.txt", base / "innocent.pdf")
    with pytest.raises(AttachmentError, match="lies outside the folder"):
        resolve_attachment(base, "innocent.pdf")


def test_symlinked_folder_leading_out_is_refused(base: Path) -> None:
    os.symlink(base.parent, base / "up")
    with pytest.raises(AttachmentError, match="lies outside the folder"):
        resolve_attachment(base, "up/secret.txt")


def test_symlink_inside_the_folder_keeps_the_name_written(base: Path) -> None:
    os.symlink(base / "invoices" / "R-1001.pdf", base / "latest.pdf")
    path = resolve_attachment(base, "latest.pdf")
    assert path.name == "latest.pdf"
    assert path.read_bytes() == b"%PDF-1.4 invoice"


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError, match="does not exist"):
        resolve_attachment(tmp_path / "nowhere", "file.pdf")


def test_atomic_output_replaces_only_when_complete_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)

    def interrupted() -> None:
        with atomic_output(target) as handle:
            handle.write(b"half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted()
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["report.csv"]
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_new_file_gets_the_mode_a_plain_one_would(tmp_path: Path) -> None:
    (tmp_path / "plain").write_bytes(b"")
    write_atomically(tmp_path / "atomic", b"x")
    assert (tmp_path / "atomic").stat().st_mode == (tmp_path / "plain").stat().st_mode
    assert is_temporary(tmp_path / ".atomic.k3j2.partial")
    assert not is_temporary(tmp_path / "atomic")
