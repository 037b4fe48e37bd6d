"""A long list checked by several worker processes gets the report one process gives, problems and all."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from securemailmerge.campaign import parallel
from securemailmerge.campaign.check import PreflightReport, PreflightSettings, preflight
from securemailmerge.i18n import use_catalogue
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import RecipientList
from securemailmerge.template.model import Template

pytestmark = pytest.mark.skipif(parallel.available_workers() < 2, reason="needs fork and two cores")

TEMPLATE = Template(
    subject="Hallo {{ FirstName }}",
    html="<p>{{ FirstName | default('there') }} aus {{ City }}{% if Notes %}: {{ Notes }}{% endif %}</p>",
    attachment_column="Files",
)


def write_list(folder: Path, rows: int) -> Path:
    """A list with a problem or an empty field every few rows, and a file attached to some rows."""
    (folder / "plan.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 1000)
    lines = ["First Name;E-Mail;City;Notes;Files"]
    for number in range(rows):
        address = f"p{number}@example.de"
        if number % 97 == 0:
            address = "kaputt@"  # invalid
        elif number % 89 == 0:
            address = "p1@example.de"  # duplicate
        name = "" if number % 13 == 0 else "Jürgen"
        notes = "x" * (number % 5000) if number % 211 == 0 else ""
        files = "plan.pdf" if number % 7 == 0 else ("fehlt.pdf" if number % 101 == 0 else "")
        lines.append(f"{name};{address};Köln;{notes};{files}")
    path = folder / "liste.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def in_workers(recipients: RecipientList, settings: PreflightSettings) -> tuple[PreflightReport, float]:
    """The report, and the CPU seconds worker processes spent on it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    report = preflight(recipients, TEMPLATE, settings)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return report, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


@pytest.fixture
def small_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists of a few hundred rows are already long enough to be checked in parallel."""
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 100)
    monkeypatch.setattr(parallel, "SPAWNED_ROWS", 300)


@pytest.mark.usefixtures("small_lists")
@pytest.mark.parametrize(("workers", "method"), [(2, "fork"), (3, "fork"), (2, "spawn")])
def test_workers_give_the_report_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, method: str
) -> None:
    # Windows and macOS start each worker as a new interpreter and send it its rows.
    monkeypatch.setattr(parallel, "START_METHOD", method)
    recipients = load_recipients(write_list(tmp_path, 2_500))
    settings = PreflightSettings(base_folder=tmp_path, max_message_bytes=3_000)
    alone = preflight(recipients, TEMPLATE, settings)
    report, workers_cpu = in_workers(recipients, replace(settings, workers=workers))
    assert report == alone
    assert workers_cpu > 0.05, "the rows were checked by the workers"
    assert alone.missing_attachments
    assert alone.too_large
    assert alone.empty_fields["First Name"][:3] == (15, 28, 41)


@pytest.mark.usefixtures("small_lists")
def test_a_worker_that_dies_leaves_the_check_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipients = load_recipients(write_list(tmp_path, 600))
    settings = PreflightSettings(base_folder=tmp_path)
    monkeypatch.setattr(parallel, "_stretch", lambda *_: os._exit(3))
    report, _ = in_workers(recipients, replace(settings, workers=2))
    assert report == preflight(recipients, TEMPLATE, settings)


@pytest.mark.usefixtures("small_lists")
def test_a_new_interpreter_writes_its_problems_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    recipients = load_recipients(write_list(tmp_path, 600))
    settings = PreflightSettings(base_folder=tmp_path)
    use_catalogue("de")
    try:
        alone = preflight(recipients, TEMPLATE, settings)
        report, workers_cpu = in_workers(recipients, replace(settings, workers=2))
    finally:
        use_catalogue("en")
    assert report == alone
    assert workers_cpu > 0.05, "the rows were checked by the workers"
    assert "nicht vorhanden" in alone.missing_attachments[0].message


def test_workers_start_as_the_system_allows_unless_the_environment_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(parallel.START_METHOD_ENV, raising=False)
    monkeypatch.setattr(parallel.sys, "platform", "win32")
    monkeypatch.setattr(parallel.sys, "frozen", True, raising=False)
    assert parallel.start_method() == "spawn", "the bundle starts itself again as each worker"
    monkeypatch.setattr(parallel.sys, "platform", "linux")
    assert parallel.start_method() == "fork"
    monkeypatch.setenv(parallel.START_METHOD_ENV, "Spawn ")
    assert parallel.start_method() == "spawn"
    monkeypatch.setenv(parallel.START_METHOD_ENV, "threads")
    assert parallel.start_method() == "fork", "a value it does not know leaves the system's choice"
    monkeypatch.delattr(parallel.os, "fork")
    monkeypatch.setenv(parallel.START_METHOD_ENV, "fork")
    assert parallel.start_method() == "spawn", "no fork where the system has none"


def test_new_interpreters_share_the_rows_between_them_a_stretch_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    monkeypatch.setattr(parallel, "available_workers", lambda: 2)
    assert parallel.in_stretches(40_000, 2, stretch_itself) == [
        range(0, 20_000),
        range(20_000, 40_000),
    ], "fewer rows than a stretch still go to every worker"
    assert parallel.in_stretches(120_000, 2, stretch_itself) == [
        range(0, 50_000),
        range(50_000, 100_000),
        range(100_000, 120_000),
    ]


def stretch_itself(start: int, end: int) -> partial[range]:
    """A job that gives back the rows it was given."""
    return partial(range, start, end)


def test_new_interpreters_tell_their_progress_a_stretch_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    monkeypatch.setattr(parallel, "available_workers", lambda: 2)
    seen: list[int] = []
    stretches = parallel.in_stretches(40_000, 2, stretch_itself, progress=seen.append)
    assert stretches is not None
    # Watched, the rows go out in sixteen stretches, and each one ended moves the count on.
    assert [len(stretch) for stretch in stretches] == [2_500] * 16
    assert seen == sorted(seen)
    assert seen[-1] == 40_000
    assert {done % 2_500 for done in seen} == {0}


def test_a_stop_leaves_new_interpreters_without_waiting_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    monkeypatch.setattr(parallel, "available_workers", lambda: 2)
    stop = threading.Event()
    threading.Timer(1.0, stop.set).start()
    started = time.monotonic()
    assert parallel.in_stretches(40_000, 2, slow_stretch, stop=stop) is None
    assert time.monotonic() - started < 3.5, "the stop came before the stretches of 4 s ended"


def slow_stretch(start: int, end: int) -> partial[None]:
    """A job that takes 4 s."""
    return partial(time.sleep, 4.0)


# The window's check, run in a program of its own that, like the app, has no Python thread but the
# main one: the check runs on a thread of Qt's pool, which Python's ``threading`` does not count.
QT_WORKER_CHECK = """
from functools import partial
from PySide6.QtCore import QCoreApplication
from securemailmerge.campaign import parallel
from tests.core.test_parallel import worker_has_qt
from ui.worker import Worker
app = QCoreApplication([])
found = []
worker = Worker(lambda _stop: parallel.in_stretches(40_000, 2, lambda start, end: partial(worker_has_qt)))
worker.signals.returned.connect(found.append)
worker.signals.finished.connect(app.quit)
worker.start()
app.exec()
print(found)
"""


def test_a_check_on_a_qt_thread_starts_new_interpreters_not_forks() -> None:
    # A fork would copy Qt's threads' locks as they are, held or not; a new interpreter has none.
    ran = subprocess.run(
        [sys.executable, "-c", QT_WORKER_CHECK],
        cwd=Path(__file__).resolve().parents[2],  # where ``tests`` can be imported, in the workers too
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[[False, False]]", "each worker is a new interpreter, without Qt"


def worker_has_qt() -> bool:
    """In a worker: whether Qt is loaded, as in a fork of a Qt program and not in a new interpreter."""
    return "PySide6.QtCore" in sys.modules
