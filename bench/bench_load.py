"""How fast recipient files load: 100,000-row CSV files and workbooks of every kind read (.xlsx,
.xlsm, .xlsb, .ods and .xls, which holds at most 65,535 rows), and a 50 MB CSV, rows per second
and peak memory; with ``--bombs``, how long hostile workbooks take to be refused and at what peak.

Run: .venv/bin/python bench/bench_load.py [rows]      (or: bench/bench_load.py --bombs)

Every workbook holds the same people with the birthday as a date (``dd.mm.yyyy``) and the amount
in euros (``#,##0.00 "€"``), as a German Excel user keeps them, so that every row's amount and
date is formatted. The .xlsx is written twice: by openpyxl (each text in its cell, as generators
write it) and with the texts in a shared-strings part, as Excel saves a workbook.

The XLSX figure is split into its parts: the workbook check (the bounds against zip bombs),
calamine reading the cells, the scan of the sheet's XML for number formats (what calamine cannot
give: whether 12500.5 shows as "12.500,50 €"), the sheet read as the text Excel shows, and the
checks of every row, so the price of each is measured, not guessed. openpyxl, the
reader before calamine, is timed on the same file as the peer.

Time is measured in a run without tracing: the wall clock (what the user waits) and the CPU time of
every thread of this process beside it. Peak memory
is measured in a second run under tracemalloc: the most Python memory allocated at once while
loading, the list of recipients included. The process's maximum resident size (ru_maxrss, which
also counts the interpreter and the file generation) is printed at the end.
"""

from __future__ import annotations

import csv
import io
import random
import re
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
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import python_calamine
import xlwt
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from securemailmerge.recipients import (  # noqa: E402
    RecipientList,
    build_recipient_list,
    check_workbook,
    load_recipients,
    open_sheet,
    read_formats,
)
from tests.workbook_files import write_xlsb  # noqa: E402

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


DAY, EURO = "dd.mm.yyyy", '#,##0.00 "€"'
XLS_ROWS = 65_535  # the rows of an .xls sheet (65,536) less the header


def write_xlsx(path: Path, count: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Empfänger")
    sheet.append(HEADER)
    for row in people(count):
        birthday, amount = WriteOnlyCell(sheet, row[7]), WriteOnlyCell(sheet, row[8])
        birthday.number_format, amount.number_format = DAY, EURO
        sheet.append([*row[:7], birthday, amount])
    book.save(path)


def share_strings(source: Path, path: Path) -> None:
    """The workbook at ``source`` with its texts in a shared-strings part, as Excel saves it."""
    strings: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = strings.setdefault(match.group(2), len(strings))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), index)

    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            data = original.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(
                    rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>([^<]*)</t></is></c>', shared, data
                )
            data = data.replace(b"</Types>", _STRINGS_TYPE).replace(b"</Relationships>", _STRINGS_REL)
            archive.writestr(item, data)
        items = b"".join(b"<si><t>" + text + b"</t></si>" for text in strings)
        head = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d">' % len(
            strings
        )
        archive.writestr("xl/sharedStrings.xml", head + items + b"</sst>")


def write_xlsm(source: Path, path: Path) -> None:
    """The workbook at ``source`` saved as a macro-enabled workbook (its main part's content type)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"spreadsheetml.sheet.main+xml", b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                ).replace(b"application/vnd.openxmlformats-officedocument.application/", b"application/")
            archive.writestr(item, data)


def write_xls(path: Path, count: int) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Empfänger")
    day, euro = xlwt.easyxf(num_format_str=DAY), xlwt.easyxf(num_format_str=EURO)
    for column, name in enumerate(HEADER):
        sheet.write(0, column, name)
    for number, row in enumerate(people(count), 1):
        for column, value in enumerate(row[:7]):
            sheet.write(number, column, value)
        sheet.write(number, 7, row[7], day)
        sheet.write(number, 8, row[8], euro)
    book.save(str(path))


def write_ods(path: Path, count: int) -> None:
    """An .ods as LibreOffice writes it: each cell with its value and the text it shows."""
    text = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'.format
    rows = ["<table:table-row>" + "".join(text(name) for name in HEADER) + "</table:table-row>"]
    for row in people(count):
        birthday, amount = row[7], row[8]
        rows.append(
            "<table:table-row>"
            + "".join(text(escape(str(value))) for value in row[:7])
            + f'<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value='
            f'"{birthday.isoformat()}"><text:p>{birthday:%d.%m.%Y}</text:p></table:table-cell>'
            f'<table:table-cell table:style-name="ce1" office:value-type="currency" office:currency="EUR" '
            f'office:value="{amount}"><text:p>{amount:.2f} €</text:p></table:table-cell></table:table-row>'
        )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
        f'{_ODS_STYLES}<office:body><office:spreadsheet><table:table table:name="Empfänger">'
        + "".join(rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)


_ODS_NS = " ".join(
    f'xmlns:{name}="urn:oasis:names:tc:opendocument:xmlns:{space}"'
    for name, space in {
        "office": "office:1.0",
        "style": "style:1.0",
        "table": "table:1.0",
        "text": "text:1.0",
        "number": "datastyle:1.0",
    }.items()
)
_ODS_STYLES = (
    '<office:automatic-styles><number:currency-style style:name="N1">'
    '<number:number number:decimal-places="2" number:min-decimal-places="2" '
    'number:min-integer-digits="1" number:grouping="true"/>'
    "<number:text> </number:text><number:currency-symbol>€</number:currency-symbol></number:currency-style>"
    '<number:date-style style:name="N2"><number:day number:style="long"/><number:text>.</number:text>'
    '<number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>'
    '</number:date-style><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
    '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
    "</office:automatic-styles>"
)
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest manifest:version="1.2" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


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


def _timed(action: Callable[[], object]) -> tuple[object, float, float]:
    """What ``action`` gives, and the wall and CPU time (every thread of this process) it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure_xlsx_parts(path: Path) -> None:
    """Time each part of loading the sheet, wall and CPU: the workbook check (the bounds against zip
    bombs, which inflates the sheet once for the reader), calamine parsing the whole sheet on one
    thread (for reference: the reader parses a large sheet in parts on two), the number-format scan,
    the sheet read as text (its parts parsed while the first become text), and the row checks;
    then openpyxl's streaming read of the same cells."""
    _, check_wall, check_cpu = _timed(lambda: check_workbook(path))

    def parse() -> int:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        return sum(1 for _ in book.get_sheet_by_name("Empfänger").iter_rows())

    counted, parse_wall, parse_cpu = _timed(parse)
    formats, formats_wall, formats_cpu = _timed(lambda: read_formats(path, "Empfänger"))

    def text() -> tuple[tuple[str, ...], list[object]]:
        with open_sheet(path) as opened:
            return opened.header, list(opened.blocks)

    (header, blocks), text_wall, text_cpu = _timed(text)
    _, build_wall, build_cpu = _timed(lambda: build_recipient_list(str(path), header, blocks))

    def peer() -> int:
        workbook = load_workbook(path, read_only=True, data_only=True)
        rows = sum(1 for _ in workbook["Empfänger"].iter_rows(values_only=True))
        workbook.close()
        return rows

    rows, _, openpyxl_cpu = _timed(peer)
    print(
        f"  XLSX parts (wall/CPU): workbook check {check_wall:4.2f}/{check_cpu:4.2f} s, calamine whole "
        f"sheet on one thread {parse_wall:4.2f}/{parse_cpu:4.2f} s ({counted:,} rows), number formats "
        f"{formats_wall:4.2f}/{formats_cpu:4.2f} s ({len(formats.cells) + len(formats.runs):,} cells "
        f"or runs), sheet read as text {text_wall:4.2f}/{text_cpu:4.2f} s (check and formats included), "
        f"row checks {build_wall:4.2f}/{build_cpu:4.2f} s"
    )
    print(
        f"  XLSX peer: openpyxl read-only, cells only (no formats, no checks) {openpyxl_cpu:5.2f} s CPU "
        f"({rows:,} rows)"
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
        xlsx = base / "empfaenger.xlsx"
        write_xlsx(xlsx, count)
        share_strings(xlsx, base / "geteilt.xlsx")
        write_xlsm(xlsx, base / "makros.xlsm")
        write_xlsb(base / "binaer.xlsb", [HEADER, *people(count)], {7: DAY, 8: EURO}, sheet="Empfänger")
        write_ods(base / "libre.ods", count)
        write_xls(base / "alt.xls", min(count, XLS_ROWS))
        measure(f"XLSX {count:,} rows", xlsx)
        measure("XLSX (shared strings)", base / "geteilt.xlsx")
        measure("XLSM", base / "makros.xlsm")
        measure("XLSB", base / "binaer.xlsb")
        measure("ODS", base / "libre.ods")
        measure(f"XLS {min(count, XLS_ROWS):,} rows", base / "alt.xls")
        measure_xlsx_parts(xlsx)
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
