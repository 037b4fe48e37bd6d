"""The background worker: events in order, one outcome (result, stop or error), and finished always last."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from securemailmerge.errors import AuthError, InputError
from ui.worker import Worker


def recorded(worker: Worker) -> list[tuple[str, Any]]:
    """Every signal the worker emits, in order, as (name, value)."""
    seen: list[tuple[str, Any]] = []
    signals = worker.signals
    signals.started.connect(lambda: seen.append(("started", None)))
    signals.yielded.connect(lambda event: seen.append(("yielded", event)))
    signals.returned.connect(lambda result: seen.append(("returned", result)))
    signals.aborted.connect(lambda: seen.append(("aborted", None)))
    signals.errored.connect(lambda error: seen.append(("errored", error)))
    signals.finished.connect(lambda: seen.append(("finished", None)))
    return seen


def test_a_generator_job_yields_its_events_then_returns_its_result() -> None:
    def job(_cancel: threading.Event) -> Iterator[int]:
        yield 1
        yield 2
        return "done"  # type: ignore[misc]

    worker = Worker(job)
    seen = recorded(worker)
    worker.run()
    assert seen == [
        ("started", None),
        ("yielded", 1),
        ("yielded", 2),
        ("returned", "done"),
        ("finished", None),
    ]


def test_quit_stops_between_steps_and_is_never_taken_for_a_result() -> None:
    steps: list[int] = []
    closed: list[bool] = []
    worker: Worker

    def job(_cancel: threading.Event) -> Iterator[int]:
        try:
            for step in range(1, 10):
                steps.append(step)
                if step == 2:
                    worker.quit()  # the user presses Stop while step 2 runs
                yield step
            return "all done"  # type: ignore[misc]
        finally:
            closed.append(True)

    worker = Worker(job)
    seen = recorded(worker)
    worker.run()
    assert steps == [1, 2]
    assert seen == [("started", None), ("yielded", 1), ("yielded", 2), ("aborted", None), ("finished", None)]
    assert closed == [True]
    assert worker.abort_requested


def test_a_job_stopped_before_it_starts_does_not_run_a_step() -> None:
    def job(_cancel: threading.Event) -> Iterator[int]:
        raise AssertionError("no step may run")
        yield 0

    worker = Worker(job)
    seen = recorded(worker)
    worker.quit()
    worker.run()
    assert seen == [("started", None), ("aborted", None), ("finished", None)]


def raise_at_once(_cancel: threading.Event) -> None:
    raise InputError("bad row")


def raise_after_a_step(_cancel: threading.Event) -> Iterator[int]:
    yield 1
    raise InputError("bad row")


@pytest.mark.parametrize(("job", "events"), [(raise_at_once, []), (raise_after_a_step, [("yielded", 1)])])
def test_an_engine_error_is_errored_then_finished(
    job: Callable[[threading.Event], Any], events: list[tuple[str, Any]]
) -> None:
    worker = Worker(job)
    seen = recorded(worker)
    worker.run()
    assert seen[0] == ("started", None)
    assert seen[1:-2] == events
    assert seen[-2][0] == "errored"
    assert str(seen[-2][1]) == "bad row"
    assert seen[-1] == ("finished", None)


def test_an_unexpected_error_is_errored_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    def job(_cancel: threading.Event) -> None:
        raise ZeroDivisionError("oops")

    worker = Worker(job)
    seen = recorded(worker)
    worker.run()
    assert [name for name, _ in seen] == ["started", "errored", "finished"]
    assert isinstance(seen[1][1], ZeroDivisionError)
    assert "unexpected error in a background job" in caplog.text


def test_an_error_caused_by_stopping_counts_as_aborted() -> None:
    def sign_in(cancel: threading.Event) -> None:
        cancel.set()  # the user cancels while the sign-in waits
        raise AuthError("Sign-in was cancelled.", code="cancelled")

    worker = Worker(sign_in)
    seen = recorded(worker)
    worker.run()
    assert [name for name, _ in seen] == ["started", "aborted", "finished"]


def test_a_plain_job_returns_its_value() -> None:
    worker = Worker(lambda _cancel: 42)
    seen = recorded(worker)
    worker.run()
    assert seen == [("started", None), ("returned", 42), ("finished", None)]
