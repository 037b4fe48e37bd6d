"""How fast recipient files load: 100,000-row CSV and XLSX files and a 50 MB CSV, rows per second
and peak memory; with ``--bombs``, how long hostile workbooks take to be refused and at what peak.

Run: .venv/bin/python bench/bench_load.py [rows]      (or: bench/bench_load.py --bombs)

The XLSX figure is split into its parts: the workbook check (the bounds against zip bombs),
calamine reading the cells, the scan of the sheet's XML for number formats (what calamine cannot
give: whether 12500.5 shows as "12.500,50 €"), the conversion of the cells into the text Excel
shows, and the checks of every row, so the price of each is measured, not guessed. openpyxl, the
reader before calamine, is timed on the same file as the peer.

Time is measured in a run without tracing (wall clock and CPU time of this process). Peak memory
is measured in a second run under tracemalloc: the most Python memory allocated at once while
loading, the list of recipients included. The process's maximum resident size (ru_maxrss, which
also counts the interpreter and the file generation) is printed at the end.
"""

from __future__ import annotations

import csv
import io
import random
import resource
import struct
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import python_calamine
from openpyxl import Workbook, load_workbook

from securemailmerge.recipients import (
    RecipientList,
    build_recipient_list,
    check_workbook,
    load_recipients,
    open_sheet,
    read_formats,
)

FIRST = ["Jürgen", "María José", "Sören", "Lucía", "Björn", "Núria", "Hans-Peter", "Begoña", "Jörg", "Ángel"]
LAST = ["Müller", "García", "Schröder", "Fernández", "Weiß", "Pérez", "Groß", "Núñez", "Köhler", "Ibáñez"]
CITIES = ["München", "Köln", "Düsseldorf", "Málaga", "Córdoba", "A Coruña", "Zürich", "Logroño"]
HEADER = ["Vorname", "Nachname", "E-Mail", "Firma", "Straße", "PLZ", "Ort", "Geburtstag", "Betrag"]


def people(count: int, seed: int = 7) -> Iterator[list[object]]:
    """``count`` rows of plausible German and Spanish recipients, 1 in 200 with a problem."""
    rng = random.Random(seed)
    for index in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        local = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
        email = (
            f"{local.lower().replace(' ', '')}{index}@{rng.choice(['example.de', 'example.es', 'firma.com'])}"
        )
        if index % 200 == 199:
            email = email.replace("@", " at ")
        yield [
            first,
            last,
            email,
            f"{last} {rng.choice(['GmbH', 'S.L.', 'AG'])}",
            f"{rng.choice(['Hauptstraße', 'Calle Mayor'])} {rng.randint(1, 200)}",
            f"{rng.randint(1000, 99999):05d}",
            rng.choice(CITIES),
            date(1950, 1, 1) + timedelta(days=rng.randint(0, 20000)),
            round(rng.uniform(10, 5000), 2),
        ]


def write_csv(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for row in people(count):
            writer.writerow([cell.strftime("%d.%m.%Y") if isinstance(cell, date) else cell for cell in row])


def write_xlsx(path: Path, count: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Empfänger")
    sheet.append(HEADER)
    for row in people(count):
        sheet.append(row)
    book.save(path)


def measure(label: str, path: Path) -> RecipientList:
    """Load ``path`` twice, untraced for time and traced for memory, and print the figures."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = load_recipients(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    total = len(result.rows) + len(result.excluded)
    del result
    tracemalloc.start()
    result = load_recipients(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = path.stat().st_size / 1e6
    print(
        f"{label:<24} {total:>9,} rows {size:7.1f} MB  {wall:6.2f} s wall {cpu:6.2f} s CPU  "
        f"{total / wall:>9,.0f} rows/s  peak {peak / 1e6:6.1f} MB (tracemalloc)  "
        f"ready {len(result.rows):,}, excluded {len(result.excluded):,}"
    )
    return result


def measure_xlsx_parts(path: Path) -> None:
    """Time each part of loading the sheet (the workbook check, calamine's cells, the number-format
    scan, the text conversion, the row checks), then openpyxl's streaming read of the same cells."""
    start = time.process_time()
    check_workbook(path)
    check_cpu = time.process_time() - start
    start = time.process_time()
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    sheet = book.get_sheet_by_name("Empfänger")
    counted = sum(1 for _ in sheet.iter_rows())
    calamine_cpu = time.process_time() - start
    start = time.process_time()
    formats = read_formats(path, "Empfänger")
    formats_cpu = time.process_time() - start
    start = time.process_time()
    with open_sheet(path) as opened:
        rows = list(opened.rows)
        header = opened.header
    total_cpu = time.process_time() - start
    start = time.process_time()
    build_recipient_list(str(path), header, rows)
    build_cpu = time.process_time() - start
    text_cpu = total_cpu - check_cpu - calamine_cpu - formats_cpu
    start = time.process_time()
    workbook = load_workbook(path, read_only=True, data_only=True)
    peer = sum(1 for _ in workbook["Empfänger"].iter_rows(values_only=True))
    workbook.close()
    openpyxl_cpu = time.process_time() - start
    print(
        f"  XLSX parts (CPU): workbook check {check_cpu:5.2f} s, calamine cells {calamine_cpu:5.2f} s "
        f"({counted:,} rows), number formats {formats_cpu:5.2f} s ({len(formats.cells):,} cells), "
        f"text {text_cpu:5.2f} s, row checks {build_cpu:5.2f} s"
    )
    print(
        f"  XLSX peer: openpyxl read-only, cells only (no formats, no checks) {openpyxl_cpu:5.2f} s CPU "
        f"({peer:,} rows)"
    )


def main() -> None:
    if sys.argv[1:] == ["--bombs"]:
        measure_bombs()
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        write_csv(base / "empfaenger.csv", count)
        measure("CSV", base / "empfaenger.csv")
        write_xlsx(base / "empfaenger.xlsx", count)
        measure(f"XLSX {count:,} rows", base / "empfaenger.xlsx")
        measure_xlsx_parts(base / "empfaenger.xlsx")
        per_row = (base / "empfaenger.csv").stat().st_size / count
        write_csv(base / "gross.csv", int(50 * 1024 * 1024 / per_row) + 1)
        measure("CSV 50 MB", base / "gross.csv")
    print(
        "max resident size of the whole run:",
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
    )


BOMB_CHILD = """
import sys, time, resource
from pathlib import Path
start = time.perf_counter()
try:
    if sys.argv[2] == "openpyxl":
        from openpyxl import load_workbook
        book = load_workbook(sys.argv[1], read_only=True, data_only=True)
        outcome = "read " + str(sum(1 for _ in book.worksheets[0].iter_rows())) + " rows"
    else:
        from securemailmerge.errors import RecipientFileError
        from securemailmerge.recipients import load_recipients
        try:
            load_recipients(Path(sys.argv[1]))
            outcome = "loaded"
        except RecipientFileError as error:
            outcome = "refused: " + str(error)[:60] + "..."
except MemoryError:
    outcome = "ran out of memory"
except Exception as error:
    outcome = type(error).__name__ + ": " + str(error)[:60]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{time.perf_counter() - start:7.2f} s, peak RSS {peak:7.1f} MB: {outcome}")
"""


def write_bomb(path: Path, chunk: bytes, repeats: int, single: bool) -> None:
    """A workbook whose shared strings repeat ``chunk``, made without inflating it here: after a full
    flush the compressor starts afresh, so one compressed block serves every repetition."""
    head = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    head += b"<si><t>" if single else b""
    tail = (b"</t></si>" if single else b"") + b"</sst>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    strings = first + block * repeats + packer.compress(tail) + packer.flush(zlib.Z_FINISH)
    template = io.BytesIO()
    small = Workbook()
    small.active.append(["Email"])
    small.save(template)
    size = len(head) + len(chunk) * repeats + len(tail)
    parts = [("xl/sharedStrings.xml", strings, size, 0)]  # inflating stops long before its checksum
    with zipfile.ZipFile(template) as archive:
        for item in archive.infolist():
            content = (
                archive.read(item)
                .replace(b"</Types>", _STRINGS_TYPE)
                .replace(b"</Relationships>", _STRINGS_REL)
            )
            parts.append((item.filename, _deflate(content), len(content), zlib.crc32(content)))
    local, central = b"", b""
    for name, data, size, crc in parts:
        encoded = name.encode()
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                len(local),
            )
            + encoded
        )
        local += (
            struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0)
            + encoded
            + data
        )
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), len(local), 0)
    path.write_bytes(local + central + end)


_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_STRINGS_REL = (
    b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
)


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def measure_bombs() -> None:
    """Refusing the two bombs of issue 8 with our reader, next to openpyxl (the reader before), each in a
    child process capped at 4 GB of address space and 120 s."""
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "1.5 MB inflating to 1.5 GB": (Path(folder) / "big.xlsx", b"A" * (1 << 20), 1500, True),
            "20 million tiny strings": (
                Path(folder) / "many.xlsx",
                b"<si><t>a</t></si>" * 10_000,
                2_000,
                False,
            ),
        }
        for label, (path, chunk, repeats, single) in cases.items():
            write_bomb(path, chunk, repeats, single)
            print(f"{label} ({path.stat().st_size / 1e6:.1f} MB file):")
            for reader in ("securemailmerge", "openpyxl"):
                print(f"  {reader:<16}", _bomb_child(path, reader))


def _bomb_child(path: Path, reader: str) -> str:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    try:
        child = subprocess.run(
            [sys.executable, "-c", BOMB_CHILD, str(path), reader],
            capture_output=True,
            text=True,
            preexec_fn=limit,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "still running after 120 s (stopped)"
    return child.stdout.strip() or child.stderr.strip().splitlines()[-1]


if __name__ == "__main__":
    main()
