"""The controller: progress while checking and loading, stopping both, errors in the dialog that asked."""

from __future__ import annotations

import resource
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from securemailmerge.campaign import parallel
from securemailmerge.m365.contacts import FolderLoaded
from securemailmerge.m365.retry import RetryEvent, Throttled
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.resources import asset_path
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER_ID, SALES
from ui.contacts_dialog import ContactsDialog
from ui.controller import Controller
from ui.window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    yield window
    window.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the main window would show in a message box."""
    texts: list[str] = []
    monkeypatch.setattr("ui.window.show_error", lambda _parent, text: texts.append(text))
    return texts


def open_list(qtbot: QtBot, controller: Controller, recipients: Path) -> None:
    assert controller.open_template(asset_path("sample", "template.json"))
    with qtbot.waitSignal(controller.recipients_changed, timeout=30_000):
        controller.open_recipients(recipients)


def signed_in_dialog(qtbot: QtBot, sandbox: Sandbox) -> tuple[MainWindow, ContactsDialog]:
    """A window signed in to ``sandbox`` with its contacts dialog open."""
    controller = Controller(load_tenant_config(sandbox.tenant_config_path))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitSignal(controller.account_changed, timeout=20_000):
        controller.sign_in(device_code=True, stay_signed_in=False)
    dialog = ContactsDialog(controller, window)
    qtbot.addWidget(dialog)
    return window, dialog


def big_list(folder: Path, rows: int) -> Path:
    path = folder / "big.csv"
    lines = ["FirstName,LastName,Email,Company,Attachment"]
    lines += [f"Ana{n},Núñez,ana{n}@example.com,Firma {n}," for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_check_reports_progress_from_the_first_row_to_the_last(qtbot: QtBot, window: MainWindow) -> None:
    controller = window.controller
    open_list(qtbot, controller, asset_path("sample", "recipients.csv"))
    steps: list[tuple[int, int]] = []
    running: list[bool] = []
    controller.check_progress.connect(lambda done, total: steps.append((done, total)))
    controller.check_running.connect(running.append)
    assert controller.recipients is not None
    total = len(controller.recipients.rows)
    with qtbot.waitSignal(controller.report_ready, timeout=10_000):
        window.menu_actions.check.trigger()
    qtbot.waitUntil(lambda: running == [True, False])
    assert steps[0] == (0, total)
    assert steps[-1] == (total, total)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert not window.menu_actions.stop_check.isEnabled()


def test_a_long_list_is_checked_on_every_core_with_the_report_one_process_gives(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = window.controller
    open_list(qtbot, controller, big_list(tmp_path, 2_000))
    steps: list[tuple[int, int]] = []
    controller.check_progress.connect(lambda done, total: steps.append((done, total)))

    def check() -> tuple[object, float]:
        steps.clear()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with qtbot.waitSignal(controller.report_ready, timeout=60_000) as ready:
            window.menu_actions.check.trigger()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return ready.args[0], after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime

    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 10**9)
    alone, _ = check()
    shown = window.preview.report_label.text()
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 100)  # a long list, for the sake of the test
    report, workers_cpu = check()
    assert report == alone
    assert workers_cpu > 0.5, "new interpreters checked the rows (the window runs threads: no fork)"
    # Sixteen stretches of 125 rows: the bar moves as each one ends.
    assert steps[0] == (0, 2_000)
    assert steps[-1] == (2_000, 2_000)
    assert len(steps) > 5
    assert {done % 125 for done, _ in steps} == {0}
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert window.preview.report_label.text() == shown
    assert "2,000" in shown


def test_stopping_a_check_keeps_no_report(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    controller = window.controller
    open_list(qtbot, controller, big_list(tmp_path, 30_000))
    reports: list[object] = []
    controller.report_ready.connect(reports.append)
    with qtbot.waitSignal(controller.check_aborted, timeout=30_000):
        window.menu_actions.check.trigger()
        assert window.menu_actions.stop_check.isEnabled()
        window.menu_actions.stop_check.trigger()
    qtbot.waitUntil(lambda: not window.menu_actions.stop_check.isEnabled())
    assert reports == []
    assert controller.report is None
    assert window.preview.report_label.text() == "The check was stopped; press Check to run it again."
    # The recipients' count says no check is on its way any more, until the inputs change again.
    summary = window.recipients.summary
    assert summary.text().endswith(" ready, 0 left out · check stopped")
    controller.set_template(controller.template)
    assert summary.text().endswith(" ready, 0 left out · checking…")
    with qtbot.waitSignal(controller.check_running, timeout=5_000):
        pass  # the check starts once the inputs are still
    controller.cancel_check()
    qtbot.waitUntil(lambda: summary.text().endswith("· check stopped"))


def test_a_check_error_lands_in_the_main_window(qtbot: QtBot, window: MainWindow, shown: list[str]) -> None:
    with qtbot.waitSignal(window.controller.failed, timeout=5_000):
        window.menu_actions.check.trigger()
    assert shown == ["Open a recipient list and a template first."]


def test_contacts_without_sign_in_are_refused_in_the_dialog_not_the_window(
    qtbot: QtBot, window: MainWindow, shown: list[str]
) -> None:
    dialog = ContactsDialog(window.controller, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.controller.address_book_failed, timeout=5_000):
        dialog.load()
    assert dialog.status.text() == "Sign in first to use Outlook contacts."
    assert dialog.load_button.text() == "Load contacts"
    assert shown == []


@pytest.mark.e2e
def test_loading_contacts_shows_progress_and_can_be_stopped(qtbot: QtBot, shown: list[str]) -> None:
    with Sandbox(auto_approve=True) as sandbox:
        window, dialog = signed_in_dialog(qtbot, sandbox)
        controller = window.controller

        progress: list[FolderLoaded] = []
        controller.address_book_progress.connect(progress.append)
        dialog.mailbox.setText(SALES)
        with qtbot.waitSignal(controller.address_book_opened, timeout=20_000):
            dialog.load()
            assert dialog.load_button.text() == "Stop loading"
        assert progress
        assert progress[-1].contacts_so_far == len(dialog.opened.book.contacts)  # type: ignore[union-attr]

        opened = dialog.opened
        with qtbot.waitSignal(controller.address_book_aborted, timeout=20_000):
            dialog.load()
            dialog.load()  # the same button, now "Stop loading"
        assert dialog.status.text() == "Loading was stopped; load again to see the contacts."
        assert dialog.load_button.text() == "Load contacts"
        assert dialog.opened is opened  # the earlier book stays; a stopped load is not a result
        assert shown == []
        window.close()


@pytest.mark.e2e
def test_a_refused_mailbox_is_explained_in_the_dialog_that_asked(qtbot: QtBot, shown: list[str]) -> None:
    with Sandbox(auto_approve=True) as sandbox:
        window, dialog = signed_in_dialog(qtbot, sandbox)
        controller = window.controller
        dialog.mailbox.setText("nobody@contoso.onmicrosoft.com")
        with qtbot.waitSignal(controller.address_book_failed, timeout=20_000):
            dialog.load()
        assert "nobody@contoso.onmicrosoft.com" in dialog.status.text()
        assert shown == []
        window.close()


@pytest.mark.e2e
def test_the_check_sends_from_the_primary_address_and_graph_waits_are_shown(qtbot: QtBot) -> None:
    with Sandbox(auto_approve=True, faults="3:none,throttle=0.6,max_retry_after=1") as sandbox:
        # Ada's account name and her address differ, as they often do in real tenants.
        sandbox.directory.add(replace(sandbox.directory.mailboxes[DEMO_USER_ID], mail="ada@contoso.com"))
        controller = Controller(load_tenant_config(sandbox.tenant_config_path))
        window = MainWindow(controller)
        qtbot.addWidget(window)
        waits: list[RetryEvent] = []
        controller.graph_waiting.connect(waits.append)
        with qtbot.waitSignal(controller.account_changed, timeout=30_000):
            controller.sign_in(device_code=True, stay_signed_in=False)
        assert waits
        assert all(isinstance(event, Throttled) for event in waits)
        assert controller.account is not None
        assert controller.account.username != "ada@contoso.com"
        assert controller.sender_address() == "ada@contoso.com"
        window.close()
