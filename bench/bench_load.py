"""How fast recipient files load: 100,000-row CSV and XLSX files and a 50 MB CSV, rows per second
and peak memory.

Run: .venv/bin/python bench/bench_load.py [rows]

Time is measured in a run without tracing (wall clock and CPU time of this process). Peak memory
is measured in a second run under tracemalloc: the most Python memory allocated at once while
loading, the list of recipients included. The process's maximum resident size (ru_maxrss, which
also counts the interpreter and the file generation) is printed at the end.
"""

from __future__ import annotations

import csv
import random
import resource
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from securemailmerge.recipients import RecipientList, load_recipients

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
        f"{label:<22} {total:>9,} rows {size:7.1f} MB  {wall:6.2f} s wall {cpu:6.2f} s CPU  "
        f"{total / wall:>9,.0f} rows/s  peak {peak / 1e6:6.1f} MB (tracemalloc)  "
        f"ready {len(result.rows):,}, excluded {len(result.excluded):,}"
    )
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        write_csv(base / "empfaenger.csv", count)
        measure("CSV", base / "empfaenger.csv")
        write_xlsx(base / "empfaenger.xlsx", count)
        measure("XLSX", base / "empfaenger.xlsx")
        per_row = (base / "empfaenger.csv").stat().st_size / count
        write_csv(base / "gross.csv", int(50 * 1024 * 1024 / per_row) + 1)
        measure("CSV 50 MB", base / "gross.csv")
    print(
        "max resident size of the whole run:",
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
    )


if __name__ == "__main__":
    main()
