"""Export 10,000 .eml files and time them next to awdeorio/mailmerge rendering the same list.

Run: ``.venv/bin/python bench/bench_export.py`` (``--rows N``, ``--rounds N``, ``--peer-venv DIR``
to reuse a virtual environment that already has ``mailmerge``). The peer is installed from PyPI
into a temporary virtual environment this benchmark makes (its code is never part of this
project). Both programs run as fresh processes on the same CSV, the same subject, text and HTML
bodies and the same attachment: ours with ``securemailmerge export`` (preflight, then one ``.eml``
file per row), the peer with ``mailmerge --dry-run --no-limit --output-format raw`` (every message
printed, sent to /dev/null). Figures are wall-clock and CPU seconds (user + system of the
program), each the best of ``--rounds``, the rounds alternating between the two programs.
Target: ours takes at most half the peer's time.

The start-up of the command line is timed too (``securemailmerge --help`` and ``check`` of a
two-row list, best of 10): target under 0.25 s.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FIRST = ["Jürgen", "Lucía", "Björn", "José", "Sophie", "Begoña", "Günther", "Íñigo", "Käthe", "Ramón"]
LAST = ["Müller", "Fernández", "Schäfer", "Muñoz", "Weiß", "Ibáñez", "Groß", "Suárez", "Löwe", "Castaño"]
CITIES = ["München", "Sevilla", "Köln", "Málaga", "Düsseldorf", "Bilbao", "Nürnberg", "Logroño"]
SUBJECT = "Sommerfest · Fiesta de verano: see you in {{ City }}, {{ FirstName }}?"
TEXT = """Hallo {{ FirstName }} {{ LastName }},

we would love to see you in {{ City }} with your colleagues from {{ Company }}.
When: 12 July, 18:00. Where: Biergarten am See.

Viele Grüße · Un saludo
Ana Núñez
"""
HTML = """<p>Hallo {{ FirstName }} {{ LastName }},</p>
<p>we would love to see you in {{ City }} with your colleagues from {{ Company }}.</p>
<ul><li>When: 12 July, 18:00</li><li>Where: Biergarten am See</li></ul>
<p>Viele Grüße · Un saludo<br>Ana Núñez</p>
"""
SENDER = "Ana Núñez <ana@example.com>"
ATTACHMENT = "agenda.pdf"


def write_inputs(folder: Path, rows: int) -> dict[str, Path]:
    """The CSV, our template and the peer's template and configuration, all for the same messages."""
    rng = random.Random(rows)
    csv_path = folder / "recipients.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["FirstName", "LastName", "Email", "Company", "City"])
        for number in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            writer.writerow([first, last, f"person{number}@example.com", f"{last} GmbH", rng.choice(CITIES)])
    (folder / ATTACHMENT).write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 80)
    ours = folder / "template.json"
    ours.write_text(
        json.dumps({"subject": SUBJECT, "html": HTML, "text": TEXT, "attachments": [ATTACHMENT]}),
        encoding="utf-8",
    )
    peer = folder / "mailmerge_template.txt"
    peer.write_text(
        f"TO: {{{{FirstName}}}} {{{{LastName}}}} <{{{{Email}}}}>\nSUBJECT: {SUBJECT}\nFROM: {SENDER}\n"
        f"ATTACHMENT: {ATTACHMENT}\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="outer"\n\n'
        f"--outer\nContent-Type: text/plain; charset=utf-8\n\n{TEXT}\n"
        f"--outer\nContent-Type: text/html; charset=utf-8\n\n{HTML}\n--outer--\n",
        encoding="utf-8",
    )
    config = folder / "mailmerge_server.conf"
    config.write_text("[smtp_server]\nhost = localhost\nport = 25\nsecurity = PLAIN\nusername = ana\n")
    return {"csv": csv_path, "ours": ours, "peer": peer, "config": config}


def peer_program(venv: Path | None, scratch: Path) -> Path:
    """The peer's ``mailmerge`` program, installed into a fresh virtual environment unless given."""
    if venv is None:
        venv = scratch / "peer-venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "mailmerge"]
        subprocess.run(pip, check=True)
    return venv / "bin" / "mailmerge"


# Both programs run as an installed program would: with their compiled bytecode cached. (This
# machine's environment turns bytecode caching off, which would add compiling to every start.)
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: problems found, still a full run
        raise SystemExit(f"{command[0]} failed: {done.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best_of(
    rounds: int, command: list[str], before: Callable[[], object] | None = None
) -> tuple[float, float]:
    """The best wall-clock and the best CPU time of ``command`` over ``rounds`` runs."""
    runs = []
    for _ in range(rounds):
        if before is not None:
            before()
        runs.append(timed(command))
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


def ours_program() -> list[str]:
    """Our command line, run by this interpreter."""
    return [sys.executable, "-m", "securemailmerge"]


def measure(rows: int, rounds: int, peer_venv: Path | None) -> None:
    """Print the export of ``rows`` messages by both programs side by side, then the start-up times."""
    with tempfile.TemporaryDirectory(prefix="bench-export-") as name:
        scratch = Path(name)
        inputs = write_inputs(scratch, rows)
        out = scratch / "eml"
        ours = [*ours_program(), "export", "--recipients", str(inputs["csv"]), "--template"]
        ours += [str(inputs["ours"]), "--from", SENDER, "--out", str(out)]
        peer = [str(peer_program(peer_venv, scratch)), "--dry-run", "--no-limit", "--output-format", "raw"]
        peer += ["--template", str(inputs["peer"]), "--database", str(inputs["csv"])]
        peer += ["--config", str(inputs["config"])]
        # Rounds alternate between the two, so a busy moment of the machine hits both alike.
        ours_runs, peer_runs = [], []
        for _ in range(rounds):
            shutil.rmtree(out, ignore_errors=True)
            ours_runs.append(timed(ours))
            peer_runs.append(timed(peer))
        written = len(list(out.glob("*.eml")))
        ours_wall, ours_cpu = (min(values) for values in zip(*ours_runs, strict=True))
        peer_wall, peer_cpu = (min(values) for values in zip(*peer_runs, strict=True))
        print(f"{rows:,} messages, best of {rounds} (wall-clock / CPU seconds):")
        print(
            f"  securemailmerge export     {ours_wall:7.2f} s / {ours_cpu:6.2f} s  ({written:,} .eml files)"
        )
        print(f"  mailmerge --dry-run (raw)  {peer_wall:7.2f} s / {peer_cpu:6.2f} s")
        print(
            f"  ratio ours/peer            {ours_wall / peer_wall:7.2f}   / {ours_cpu / peer_cpu:6.2f}"
            "    (target: at most 0.50)"
        )
        (scratch / "small").mkdir()
        small = write_inputs(scratch / "small", 2)
        check = [
            *ours_program(),
            "check",
            "--recipients",
            str(small["csv"]),
            "--template",
            str(small["ours"]),
        ]
        print("start-up, best of 10 (wall-clock / CPU seconds; target: under 0.25 s):")
        for label, command in (("--help", [*ours_program(), "--help"]), ("check (2 rows)", check)):
            wall, cpu = best_of(10, command)
            print(f"  securemailmerge {label:<14} {wall:6.3f} s / {cpu:6.3f} s")


def main() -> None:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--peer-venv", type=Path, help="a virtual environment with mailmerge installed")
    args = parser.parse_args()
    measure(args.rows, args.rounds, args.peer_venv)


if __name__ == "__main__":
    main()
