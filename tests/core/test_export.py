"""The .eml export writes one complete file per ready recipient, atomically, and continues after a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from securemailmerge.campaign.export import MARKER, export_eml, file_stem
from securemailmerge.errors import InputError
from securemailmerge.recipients.model import Recipient
from securemailmerge.template.model import RenderedMessage
from tests.helpers import REPO


def recipient(
    row: int = 2, fields: dict[str, str] | None = None, to: tuple[str, ...] = ("a@example.com",)
) -> Recipient:
    return Recipient(row=row, fields=fields or {}, to=to)


def rendered() -> RenderedMessage:
    return RenderedMessage(subject="Hola", html="<p>Hola</p>", text="Hola\n", attachments=())


@pytest.mark.parametrize(
    ("row", "fields", "to", "digits", "stem"),
    [
        (2, {"First Name": "Jürgen", "Last Name": "Müller"}, ("j@example.com",), 4, "0002-jurgen-muller"),
        (17, {"Name": "Maximilian Fuß"}, ("m@example.com",), 4, "0017-maximilian-fuss"),
        (3, {}, ("ana.nunez@example.es",), 6, "000003-ana-nunez"),
        (12345, {"Name": "李小龙"}, (), 4, "12345"),
    ],
)
def test_file_names_sort_by_row_and_are_ascii(
    row: int, fields: dict[str, str], to: tuple[str, ...], digits: int, stem: str
) -> None:
    assert file_stem(recipient(row, fields, to), digits) == stem


def test_export_writes_one_file_per_message_sorted_by_row(tmp_path: Path) -> None:
    people = [
        recipient(row, {"Name": name}, (f"p{row}@example.com",)) for row, name in ((9, "Íñigo"), (10, "Ana"))
    ]
    out = tmp_path / "out"
    result = export_eml(
        ((p, rendered()) for p in people), out, sender=None, base_folder=tmp_path, last_row=10
    )
    assert [path.name for path in result.written] == ["0009-inigo.eml", "0010-ana.eml"]
    assert sorted(p.name for p in out.iterdir()) == ["0009-inigo.eml", "0010-ana.eml"]
    parsed = BytesParser(policy=policy.default).parsebytes(result.written[0].read_bytes())
    assert str(parsed["To"]) == "Íñigo <p9@example.com>"


def test_export_refuses_a_folder_with_files_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "old.eml").write_bytes(b"x")
    messages = [(recipient(), rendered())]
    with pytest.raises(InputError, match="not empty"):
        export_eml(iter(messages), tmp_path, sender=None, base_folder=tmp_path)
    result = export_eml(iter(messages), tmp_path, sender=None, base_folder=tmp_path, force=True)
    assert [path.name for path in result.written] == ["0002-a.eml"]
    assert (tmp_path / "old.eml").read_bytes() == b"x"


def test_export_into_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        export_eml(iter([]), target, sender=None, base_folder=tmp_path)


def test_the_same_export_continues_and_another_is_refused(tmp_path: Path) -> None:
    people = [recipient(row, {"Name": f"P{row}"}, (f"p{row}@example.com",)) for row in range(2, 6)]
    out = tmp_path / "out"
    first = export_eml(
        ((p, rendered()) for p in people[:2]), out, sender=None, base_folder=tmp_path, fingerprint="A"
    )
    assert (len(first.written), first.kept) == (2, 0)
    (out / ".0004-p4.eml.x1y2.partial").write_bytes(b"From: half")  # what a kill leaves behind
    again = export_eml(
        ((p, rendered()) for p in people), out, sender=None, base_folder=tmp_path, fingerprint="A"
    )
    assert ([path.name for path in again.written], again.kept) == (["0004-p4.eml", "0005-p5.eml"], 2)
    assert sorted(path.name for path in out.iterdir()) == [
        MARKER,
        "0002-p2.eml",
        "0003-p3.eml",
        "0004-p4.eml",
        "0005-p5.eml",
    ]
    with pytest.raises(InputError, match="holds an export of other messages"):
        export_eml(iter([(people[0], rendered())]), out, sender=None, base_folder=tmp_path, fingerprint="B")


def test_a_failed_write_leaves_no_file_under_its_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = RenderedMessage(subject="x", html="", text="", attachments=("missing.pdf",))
    people = [(recipient(2), rendered()), (recipient(3, to=("b@example.com",)), broken)]
    with pytest.raises(InputError, match=r"missing\.pdf"):
        export_eml(iter(people), out, sender=None, base_folder=tmp_path)
    assert [path.name for path in out.iterdir()] == ["0002-a.eml"]


CSV = "Name,Email\n" + "".join(f"Person {n},p{n}@example.com\n" for n in range(2, 8))


def export_command(folder: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "securemailmerge",
        "export",
        "--recipients",
        str(folder / "list.csv"),
        "--template",
        str(folder / "template.json"),
        "--out",
        str(folder / "out"),
    ]


def complete(path: Path, attachment: bytes) -> bool:
    data = path.read_bytes()
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    files = [part.get_content() for part in parsed.iter_attachments()]  # type: ignore[attr-defined]
    return data.endswith(b"--\r\n") and files == [attachment]


def test_a_killed_export_leaves_only_complete_files_and_a_rerun_continues(tmp_path: Path) -> None:
    """SIGKILL the moment the first .eml appears; what is there is complete, and a re-run finishes."""
    attachment = os.urandom(12 * 1024 * 1024)  # big enough that writing one file takes a while
    (tmp_path / "big.bin").write_bytes(attachment)
    (tmp_path / "list.csv").write_text(CSV, encoding="utf-8")
    template = '{"subject": "Hi {{ Name }}", "html": "<p>Hi</p>", "attachments": ["big.bin"]}'
    (tmp_path / "template.json").write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(export_command(tmp_path), env=env, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(out.glob("*.eml"))) and time.monotonic() < deadline:
        time.sleep(0.001)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    names = sorted(out.glob("*.eml"))
    assert names
    assert all(complete(path, attachment) for path in names)
    assert len(names) < 6, "the kill came too late to interrupt the export"

    rerun = subprocess.run(export_command(tmp_path), env=env, cwd=tmp_path, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(names)} messages were already there" in rerun.stdout
    assert f"Wrote {6 - len(names)} messages" in rerun.stdout
    finished = sorted(out.glob("*.eml"))
    assert [path.name for path in finished] == [
        f"{file_stem(recipient(n, {'Name': f'Person {n}'}))}.eml" for n in range(2, 8)
    ]
    assert all(complete(path, attachment) for path in finished)
    assert not [path for path in out.iterdir() if path.name.endswith(".partial")]
