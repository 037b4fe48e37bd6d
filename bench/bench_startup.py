"""How fast the command line starts: ``--help`` and the offline commands on the sample, as a user runs them.

Target: every one under 0.25 s CPU.

Run: .venv/bin/python bench/bench_startup.py [runs]      (default 10 runs of each command)

Each command runs as the installed ``securemailmerge`` script runs it, in a fresh interpreter, and
the median wall time and the median CPU time of the child (user + system) are printed, next to an
interpreter that does nothing (the floor every command pays). An installed copy has its modules
compiled to bytecode, so the children keep their bytecode in a temporary cache folder (written by
one warm-up run) even where the environment says not to write bytecode, as it does in development.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
SCRIPT = "import sys; from securemailmerge.cli import run; sys.exit(run())"
COMMANDS = {
    "python -c pass (floor)": ["-c", "pass"],
    "securemailmerge --help": ["-c", SCRIPT, "--help"],
    "securemailmerge check --help": ["-c", SCRIPT, "check", "--help"],
    "securemailmerge check (sample)": [
        "-c",
        SCRIPT,
        "check",
        "--recipients",
        str(SAMPLE / "recipients.csv"),
        "--template",
        str(SAMPLE / "template.json"),
    ],
    "securemailmerge preview (sample)": [
        "-c",
        SCRIPT,
        "preview",
        "--recipients",
        str(SAMPLE / "recipients.csv"),
        "--template",
        str(SAMPLE / "template.json"),
        "--row",
        "2",
    ],
    "securemailmerge contacts --help": ["-c", SCRIPT, "contacts", "--help"],
    "securemailmerge export (sample)": [
        "-c",
        SCRIPT,
        "export",
        "--recipients",
        str(SAMPLE / "recipients.csv"),
        "--template",
        str(SAMPLE / "template.json"),
        "--out",
        "{out}",
        "--force",
    ],
}


def child_times(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``python argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *argv], cwd=SAMPLE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with (
        tempfile.TemporaryDirectory() as cache,
        tempfile.TemporaryDirectory() as home,
        tempfile.TemporaryDirectory() as out,
    ):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        # A home and data folder of its own, so the log and settings of the user are left alone.
        env.update(PYTHONPYCACHEPREFIX=cache, HOME=home, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home)
        print(f"median of {runs} runs (bytecode cached, as installed)")
        for label, command in COMMANDS.items():
            argv = [part.format(out=out) for part in command]
            child_times(argv, env)  # writes the bytecode cache
            times = [child_times(argv, env) for _ in range(runs)]
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            print(f"  {label:<34} {wall:6.3f} s wall {cpu:6.3f} s CPU")


if __name__ == "__main__":
    main()
