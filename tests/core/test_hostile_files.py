"""Hostile and odd recipient files are refused at once with a clear message: decompression bombs
(bounded before parsing, peak memory held under a limit the child process cannot exceed), pipes,
devices and folders; a UTF-8 file with one Windows-1252 line is read right and its row is named;
a CSV we wrote ourselves reads back to the values we wrote."""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from securemailmerge.campaign.check import PreflightSettings, preflight
from securemailmerge.campaign.checktext import report_lines
from securemailmerge.campaign.csvout import write_csv
from securemailmerge.errors import RecipientFileError
from securemailmerge.recipients.files import load_recipients
from securemailmerge.template.model import Template

MEMORY_LIMIT = 1 << 30  # the child may map 1 GiB at most; a bomb that inflated would need far more
SST_HEAD = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def deflated_repeats(head: bytes, chunk: bytes, repeats: int, tail: bytes) -> bytes:
    """Raw deflate data of ``head + chunk * repeats + tail``, made without inflating it here: after a
    full flush the compressor starts afresh, so the same chunk compresses to the same bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + block * repeats + packer.compress(tail) + packer.flush(zlib.Z_FINISH)


def one_part_zip(path: Path, name: str, data: bytes, claimed_size: int) -> None:
    """A zip holding one deflated part whose header claims ``claimed_size`` inflated bytes."""
    encoded = name.encode()
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(data), claimed_size, len(encoded), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        0,
        len(data),
        claimed_size,
        len(encoded),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    directory = central + encoded
    offset = len(local) + len(encoded) + len(data)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), offset, 0)
    path.write_bytes(local + encoded + data + directory + end)


def load_in_limited_child(path: Path) -> subprocess.CompletedProcess[str]:
    """Load ``path`` in a child whose address space is capped, so running out shows as a failure."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from securemailmerge.errors import RecipientFileError\n"
        "from securemailmerge.recipients.files import load_recipients\n"
        "try:\n"
        "    load_recipients(Path(sys.argv[1]))\n"
        "except RecipientFileError as error:\n"
        "    print(error)\n"
        "    sys.exit(3)\n"
    )

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("claimed", "message"),
    [
        (1_500 << 20, "bombe.xlsx is refused: its compressed content would inflate far beyond"),
        # Inflating stops where the claimed size ends, and the part is then damaged.
        (1_000, "bombe.xlsx cannot be read as an Excel workbook (.xlsx): it is damaged"),
    ],
    ids=["claims-its-size", "lies-about-its-size"],
)
def test_a_workbook_inflating_to_1_5_gb_is_refused_within_the_memory_limit(
    tmp_path: Path, claimed: int, message: str
) -> None:
    data = deflated_repeats(SST_HEAD + b"<si><t>", b"A" * (1 << 20), 1500, b"</t></si></sst>")
    path = tmp_path / "bombe.xlsx"
    one_part_zip(path, "xl/sharedStrings.xml", data, claimed)
    assert path.stat().st_size < 2 << 20
    child = load_in_limited_child(path)
    assert child.returncode == 3, child.stderr
    assert child.stdout.startswith(message)


def test_a_workbook_with_20_million_tiny_strings_is_refused_within_the_memory_limit(tmp_path: Path) -> None:
    data = deflated_repeats(SST_HEAD, b"<si><t>a</t></si>" * 10_000, 2_000, b"</sst>")
    path = tmp_path / "strings.xlsx"
    one_part_zip(path, "xl/sharedStrings.xml", data, 17 * 20_000_000)
    child = load_in_limited_child(path)
    assert child.returncode == 3, child.stderr
    assert "is refused: its compressed content would inflate far beyond" in child.stdout


def test_a_named_pipe_is_refused_at_once_instead_of_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "liste.csv"
    os.mkfifo(pipe)
    with pytest.raises(RecipientFileError, match=r"liste.csv is not a file saved on disk \(it is a pipe"):
        load_recipients(pipe)


@pytest.mark.parametrize("through_link", [False, True])
def test_a_folder_is_refused_also_through_a_link(tmp_path: Path, through_link: bool) -> None:
    folder = tmp_path / "Empfänger.csv"
    folder.mkdir()
    path = folder
    if through_link:
        path = tmp_path / "link.xlsx"
        path.symlink_to(folder)
    with pytest.raises(RecipientFileError, match=r"is a folder; choose the recipient file"):
        load_recipients(path)


def test_a_device_is_refused() -> None:
    with pytest.raises(RecipientFileError, match=r"is not a file saved on disk"):
        load_recipients(Path("/dev/zero"))


def test_a_utf8_file_with_one_windows_1252_line_names_the_row_and_reads_it_right(tmp_path: Path) -> None:
    lines = ["Vorname;E-Mail", "Jürgen;juergen@example.de", "Björn;bjoern@example.de"]
    data = "\r\n".join(lines).encode("utf-8") + "\r\nSören;soeren@example.de\r\n".encode("cp1252")
    data += "Begoña;begona@example.es\r\n".encode()
    path = tmp_path / "gemischt.csv"
    path.write_bytes(data)
    result = load_recipients(path)
    assert result.encoding == "utf-8"
    assert [r.fields["Vorname"] for r in result.rows] == ["Jürgen", "Björn", "Sören", "Begoña"]
    assert [(p.row, p.warning) for p in result.problems] == [(4, True)]
    assert result.problems[0].message == (
        "gemischt.csv:4: this row is not UTF-8 like the rest of the file; it was read as Windows-1252. "
        "Check its text (names with ä, ñ or é) before sending."
    )
    report = preflight(result, Template(subject="Hallo {{ Vorname }}", html="<p>x</p>"), PreflightSettings())
    lines_shown = report_lines(report)
    assert "Read as UTF-8" in lines_shown
    assert any("gemischt.csv:4: this row is not UTF-8" in line for line in lines_shown)


def test_a_csv_we_wrote_reads_back_to_the_values_we_wrote(tmp_path: Path) -> None:
    values = ["=1+2", "+39 333 1234567", "-5", "+49", "@home", "'=x", "''+1", "- call back", "'quoted'"]
    path = tmp_path / "kontakte.csv"
    write_csv(path, ["Email", *[f"Feld{n}" for n in range(len(values))]], [["ana@example.es", *values]])
    assert "'+39 333 1234567" in path.read_text(encoding="utf-8-sig"), "the file keeps Excel from calculating"
    result = load_recipients(path)
    assert [result.rows[0].fields[f"Feld{n}"] for n in range(len(values))] == values
