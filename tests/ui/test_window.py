"""The main window: five steps reachable by click and Ctrl+1..5, a toolbar that stays, a remembered layout."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from securemailmerge.campaign import Journal, campaigns_dir
from tests.ui.conftest import open_sample
from ui.controller import Controller
from ui.window import MainWindow


def test_ctrl_digits_and_the_step_list_move_between_steps(qtbot: QtBot, window: MainWindow) -> None:
    titles = []
    for number in range(1, 6):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        titles.append(window.current_step().heading.text())
    assert titles == ["Account", "Recipients", "Message", "Preview", "Send"]
    item = window.step_list.item(1)
    qtbot.mouseClick(
        window.step_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.step_list.visualItemRect(item).center(),
    )
    assert window.current_step() is window.recipients


def test_the_toolbar_cannot_be_hidden(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.toolbar.toggleViewAction().isVisible()
    assert not window.toolbar.isMovable()
    point = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.toolbar.mapToGlobal(point))
    QApplication.sendEvent(window.toolbar, event)
    menu = window.createPopupMenu()
    assert menu is None or not [action for action in menu.actions() if action.isVisible()]
    assert QApplication.activePopupWidget() is None
    assert window.toolbar.isVisible()


def test_window_size_and_column_widths_are_remembered(qtbot: QtBot) -> None:
    first = MainWindow(Controller(None))
    qtbot.addWidget(first)
    first.show()
    open_sample(qtbot, first)
    first.resize(700, 520)
    size = first.size()
    first.recipients.table.setColumnWidth(4, 333)
    first.message.dirty = False
    first.close()

    second = MainWindow(Controller(None))
    qtbot.addWidget(second)
    second.show()
    open_sample(qtbot, second)
    assert second.size() == size
    assert size.width() == 700
    assert second.recipients.table.columnWidth(4) == 333
    second.message.dirty = False
    second.close()


def test_an_unfinished_campaign_is_offered_as_soon_as_the_window_opens(qtbot: QtBot) -> None:
    Journal.create(campaigns_dir() / "2026-03-02-091500-000000", {"status": "sending"}, []).close()
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.resume_offer is not None and window.resume_offer.isVisible(), timeout=30_000
    )
    offer = window.resume_offer
    assert offer is not None
    assert offer.text() == (
        "The campaign 2026-03-02-091500-000000 did not finish. Resume it? Nothing is sent twice."
    )
    assert window.current_step() is window.account  # the offer leaves the window usable behind it
    qtbot.mouseClick(offer.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert window.current_step() is window.send
    assert window.send.resume_button.isVisible()


def test_nothing_is_offered_when_every_campaign_finished(qtbot: QtBot) -> None:
    Journal.create(campaigns_dir() / "2026-03-02-091500-000000", {"status": "finished"}, []).close()
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert window.resume_offer is None


def test_the_offer_waits_until_another_question_of_the_start_is_answered(qtbot: QtBot) -> None:
    Journal.create(campaigns_dir() / "2026-03-02-091500-000000", {"status": "sending"}, []).close()
    question = QMessageBox(QMessageBox.Icon.Question, "SecureMailMerge", "Recover the unsaved changes?")
    question.setModal(True)
    question.show()
    window = MainWindow(Controller(None))
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(400)
    assert window.resume_offer is None
    question.accept()
    qtbot.waitUntil(
        lambda: window.resume_offer is not None and window.resume_offer.isVisible(), timeout=30_000
    )
