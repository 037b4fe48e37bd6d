"""Load and preflight 10,000, 100,000 and 1,000,000 CSV rows; print messages per second and peak memory.

Run: ``.venv/bin/python bench/bench_preflight.py`` (or ``--rows N`` for one size). Each size runs in
a fresh interpreter so its peak resident memory (``ru_maxrss``, the whole process: interpreter,
libraries and data) belongs to that size alone; it is also shown as a multiple of the file's size.
Times are CPU seconds of this process (what one core spends, less disturbed by other programs),
with the wall-clock total beside them. Targets: 100,000 rows loaded and preflighted in under 5 s
with under 400 MB; 1,000,000 rows in under 15 s with under 500 MB, memory not 7 times the file.

A second line checks the same rows again with one worker process per core (``PreflightSettings.
workers``, what ``securemailmerge check`` uses): its wall time, the CPU of this process and of the
workers together, the workers' peak resident memory (which counts the pages they share with this
process), and whether the report is the same as the first one. Where this system forks its workers,
a third line starts them as Windows and macOS do, each a new interpreter sent its rows. With
``--program dist/SecureMailMerge/securemailmerge-cli`` the bundled command line checks the same
files too, its workers started each way (``SMM_START_METHOD``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from securemailmerge.campaign import (
    PreflightReport,
    PreflightSettings,
    available_workers,
    parallel,
    preflight,
    preflight_in_workers,
)
from securemailmerge.recipients import RecipientList, load_recipients
from securemailmerge.template import Template, load_template

FIRST = [
    "Jürgen",
    "Lucía",
    "Björn",
    "José",
    "Sophie",
    "Begoña",
    "Günther",
    "Íñigo",
    "Käthe",
    "Ramón",
    "Dörte",
]
LAST = ["Müller", "Fernández", "Schäfer", "Muñoz", "Weiß", "Ibáñez", "Groß", "Suárez", "Löwe", "Castaño"]
CITIES = ["München", "Sevilla", "Köln", "Málaga", "Düsseldorf", "Bilbao", "Nürnberg", "Logroño"]
HTML = """<p>Hallo {{ FirstName | default("there") }} {{ LastName }},</p>
<p>we would love to see you in {{ City }}{% if Company %} with your colleagues from
{{ Company }}{% endif %}.</p>
<ul><li>When: 12 July, 18:00</li><li>Where: Biergarten am See</li></ul>
<p>Please <a href="https://example.com/rsvp">tell us whether you can come</a>.</p>
<p>Viele Grüße · Un saludo<br>Ana Núñez</p>"""


def write_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    """A CSV with ``rows`` German and Spanish recipients and a template with a common attachment."""
    rng = random.Random(rows)
    csv_path = folder / "recipients.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["First Name", "Last Name", "Email", "Company", "City"])
        for number in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            company = "" if number % 7 == 0 else f"{last} GmbH"
            writer.writerow([first, last, f"person{number}@example.com", company, rng.choice(CITIES)])
    (folder / "agenda.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 40_000)
    template_path = folder / "template.json"
    template_path.write_text(
        json.dumps({"subject": "Sommerfest, {{ FirstName }}?", "html": HTML, "attachments": ["agenda.pdf"]}),
        encoding="utf-8",
    )
    return csv_path, template_path


def measure(rows: int, program: Path | None = None) -> None:
    """Load and preflight ``rows`` rows once and print the figures; then, with ``program``, the
    bundled command line's ``check`` of the same files."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        csv_path, template_path = write_inputs(folder, rows)
        wall, cpu = time.perf_counter(), time.process_time()
        recipients = load_recipients(csv_path)
        load_wall, load_cpu = time.perf_counter() - wall, time.process_time() - cpu
        template, settings = load_template(template_path), PreflightSettings(base_folder=folder)
        wall, cpu = time.perf_counter(), time.process_time()
        report = preflight(recipients, template, settings)
        check_wall, check_cpu = time.perf_counter() - wall, time.process_time() - cpu
        file_mb = csv_path.stat().st_size / 1e6
        peak_mb = _megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        print(
            f"{rows:>7} rows: load {load_cpu:5.2f} s CPU ({rows / load_cpu:7,.0f} rows/s), "
            f"preflight {check_cpu:5.2f} s CPU ({report.ready / check_cpu:7,.0f} messages/s), "
            f"total {load_cpu + check_cpu:5.2f} s CPU / {load_wall + check_wall:5.2f} s wall, "
            f"peak RSS {peak_mb:6.1f} MB ({peak_mb / file_mb:4.1f} x the {file_mb:.0f} MB file), "
            f"ready {report.ready}, largest {report.largest_message_bytes:,} bytes"
        )
        workers = available_workers()
        if workers > 1:
            measure_parallel(recipients, template, replace(settings, workers=workers), report, load_cpu)
            if parallel.start_method() == "fork":
                # As Windows and macOS start them: each a new interpreter sent its rows, pickled.
                parallel.START_METHOD = "spawn"
                measure_parallel(recipients, template, replace(settings, workers=workers), report, load_cpu)
                parallel.START_METHOD = None
            # As the window checks: beside its threads (so new interpreters), its progress watched.
            measure_parallel(
                recipients, template, replace(settings, workers=workers), report, load_cpu, watched=True
            )
        if program is not None:
            del recipients
            measure_program(program, folder, report.ready)


def measure_parallel(
    recipients: RecipientList,
    template: Template,
    settings: PreflightSettings,
    alone: PreflightReport,
    load: float,
    *,
    watched: bool = False,
) -> None:
    """Preflight the same rows with ``settings.workers`` processes and print the figures
    (``watched``: as the window does, beside another thread and telling its progress)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The watcher's thread stands for the window's threads: beside it, workers are new interpreters.
    watcher = _PeakWatcher() if watched or parallel.start_method() == "spawn" else None
    steps: list[int] = []
    wall, cpu = time.perf_counter(), time.process_time()
    if watched:
        # The window checks the list itself when its workers fail, and so does this.
        report = preflight_in_workers(recipients, template, settings, progress=steps.append) or preflight(
            recipients, template, replace(settings, workers=1)
        )
    else:
        report = preflight(recipients, template, settings)
    check_wall, check_cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Linux counts the pages a new interpreter had as a fork of this process, before it started:
    # the workers' own peak is watched instead.
    peak = watcher.stop() if watcher is not None else _megabytes(after.ru_maxrss)
    workers_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    if not workers_cpu:
        print(
            f"{'':>14}{settings.workers} workers: not started, too few rows; same report: {report == alone}"
        )
        return
    started = "new interpreters" if parallel.start_method() == "spawn" else "forks"
    if watched:
        started = f"new interpreters, as the window checks, {len(steps)} progress steps"
    print(
        f"{'':>7}       {settings.workers} workers ({started}): preflight {check_wall:5.2f} s wall, "
        f"{check_cpu + workers_cpu:5.2f} s CPU in all; load + preflight {load + check_wall:5.2f} s; "
        f"workers' peak RSS {peak:6.1f} MB; same report: {report == alone}"
    )


def measure_program(program: Path, folder: Path, ready: int) -> None:
    """Time the bundled command line's ``check`` of the files in ``folder``, its workers started
    each way this system can (``SMM_START_METHOD``); the peak is its largest process's."""
    methods = ("fork", "spawn") if sys.platform == "linux" else ("spawn",)
    for method in methods:
        environment = dict(os.environ, SMM_START_METHOD=method, SMM_DATA_DIR=str(folder / "data"))
        command = [str(program.resolve()), "check", "--json", "--recipients", "recipients.csv"]
        with (folder / "report.json").open("w+", encoding="utf-8") as out:
            wall = time.perf_counter()
            process = subprocess.Popen(
                [*command, "--template", "template.json"], cwd=folder, env=environment, stdout=out
            )
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - wall
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            answer = json.load(out)
        print(
            f"{'':>7}       bundled check ({method}): {wall:5.2f} s wall (load + preflight), "
            f"{usage.ru_utime + usage.ru_stime:5.2f} s CPU in all, "
            f"largest process's peak RSS {_megabytes(usage.ru_maxrss):6.1f} MB; "
            f"same ready count: {answer['ready'] == ready}"
        )


class _PeakWatcher:
    """The highest resident size any child of this process reached while watched (Linux's VmHWM)."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(0.1):
            for status in Path("/proc").glob("[0-9]*/status"):
                try:
                    fields = dict(
                        line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
                    )
                except OSError:
                    continue
                if fields.get("PPid", "").strip() == str(os.getpid()) and "VmHWM" in fields:
                    self.peak = max(self.peak, int(fields["VmHWM"].split()[0]) / 1024)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak


def _megabytes(maxrss: int) -> float:
    """``ru_maxrss`` in MB: Linux reports KiB, macOS bytes."""
    return maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> None:
    """Measure one size, or every size each in a fresh interpreter."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int)
    parser.add_argument(
        "--program",
        type=Path,
        help="also time this bundled command line's check (dist/SecureMailMerge/securemailmerge-cli)",
    )
    args = parser.parse_args()
    if args.rows:
        measure(args.rows, args.program)
        return
    program = ["--program", str(args.program)] if args.program else []
    for rows in (10_000, 100_000, 1_000_000):
        subprocess.run([sys.executable, __file__, "--rows", str(rows), *program], check=True)


if __name__ == "__main__":
    main()
