"""The Recipients step: a file opened or dropped, how it is read, row status, filter, rows in and out."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelRoleData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_sample
from ui.recipients_model import FIXED
from ui.window import MainWindow


def status_of(window: MainWindow, source_row: int) -> tuple[str, str]:
    model = window.recipients.model
    row = model.row_of(source_row)
    index = model.index(row, 2)
    return model.data(index), model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_each_row_shows_its_status_and_the_reason_on_hover(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    step = window.recipients
    assert step.reading.detected.text() == (
        "encoding utf-8-sig, delimiter Semicolon (;), header in row 1, email column Email"
    )
    assert status_of(window, 2) == ("Ready", "Ready to send")
    word, reason = status_of(window, 9)
    assert word == "Invalid"
    assert "begona.ibanez@@example.org" in reason
    assert status_of(window, 16)[0] == "Duplicate"
    assert status_of(window, 13)[0] == "Invalid"
    # The check runs by itself and marks the row whose attachment is missing.
    qtbot.waitUntil(lambda: status_of(window, 15)[0] == "Check", timeout=10_000)
    assert "agenda-fr.pdf" in status_of(window, 15)[1]
    assert not step.model.data(step.model.index(0, 2), Qt.ItemDataRole.DecorationRole).isNull()


def test_typing_in_the_filter_and_choosing_a_status_narrow_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_sample(qtbot, window)
    step = window.recipients
    qtbot.keyClicks(step.search, "sevilla")
    qtbot.waitUntil(lambda: step.proxy.rowCount() == 1)
    source = step.proxy.mapToSource(step.proxy.index(0, 0)).row()
    assert step.model.recipient(source).fields["City"] == "Sevilla"
    assert "1 shown" in step.summary.text()
    step.search.clear()
    step.status_filter.setCurrentIndex(step.status_filter.findData("invalid"))
    qtbot.waitUntil(lambda: step.proxy.rowCount() == 2)


def test_sorting_by_a_column_orders_the_rows(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    step = window.recipients
    city = FIXED + list(window.controller.recipients.columns).index("City")
    step.table.sortByColumn(city, Qt.SortOrder.AscendingOrder)
    cities = [step.proxy.index(r, city).data() for r in range(step.proxy.rowCount())]
    assert cities == sorted(cities, key=str.casefold)


def test_unticking_a_row_leaves_it_out_of_the_campaign(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    model = window.recipients.model
    qtbot.waitUntil(lambda: window.controller.report is not None, timeout=10_000)
    ready = window.controller.report.ready
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(model.index(0, 2)) == "Left out"
    qtbot.waitUntil(
        lambda: window.controller.report is not None and window.controller.report.ready == ready - 1,
        timeout=10_000,
    )
    window.go_to(3)
    window.preview.show_model_row(0)
    assert window.preview.left_out.isVisible()
    assert window.preview.left_out.text().startswith("Not sent")


def test_choosing_another_delimiter_reads_the_file_again(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    step = window.recipients
    step.reading.delimiter.setCurrentIndex(step.reading.delimiter.findData(","))
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        step.reading.delimiter.activated.emit(step.reading.delimiter.currentIndex())
    # Read with commas, every line is one cell: the step shows what it read now, and that it chose so.
    assert window.controller.recipient_options.delimiter == ","
    qtbot.waitUntil(lambda: "delimiter Comma (,)" in step.reading.detected.text() or step.error.isVisible())
    assert step.model.columnCount() in (0, FIXED + 1)


def test_a_failed_load_clears_the_previous_list_and_shows_only_in_the_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: boxes.append(box.text()))
    open_sample(qtbot, window)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    window.recipients.open_file(empty)
    qtbot.waitUntil(lambda: window.recipients.error.isVisible(), timeout=10_000)
    assert "empty.csv" in window.recipients.error.text()
    assert window.recipients.model.rowCount() == 0
    assert window.preview.model.rowCount() == 0
    assert boxes == []


def test_a_dropped_file_is_opened(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dropped = tmp_path / "list.csv"
    dropped.write_text("Name,Email\nAda,ada@example.com\nBob,bob@example.com\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    step = window.recipients
    window.go_to(1)
    event = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Offscreen Qt has no drag source; the step's own handlers get the drop as Qt would deliver it.
    step.dragEnterEvent(event)
    assert event.isAccepted()
    step.dropEvent(event)
    qtbot.waitUntil(lambda: step.model.rowCount() == 2, timeout=10_000)
    assert step.source_label.text() == "list.csv"
    assert "delimiter Comma (,)" in step.reading.detected.text()


def test_the_header_row_is_shown_as_detected_and_can_be_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,Email\nKind,Address\nAda,ada@example.com\n", encoding="utf-8")
    step = window.recipients
    window.go_to(1)
    step.open_file(path)
    qtbot.waitUntil(lambda: window.controller.recipients is not None, timeout=10_000)
    assert step.reading.header_row.value() == 1
    assert window.controller.recipients.columns == ("Name", "Email")
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        step.reading.header_row.setValue(2)
    assert window.controller.recipients.columns == ("Kind", "Address")
    assert [r.to for r in window.controller.recipients.rows] == [("ada@example.com",)]
    assert step.reading.header_row.value() == 2
    assert "header in row 2, email column Address" in step.reading.detected.text()


def test_which_of_several_addresses_is_used_can_be_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text("First Name,E-mail Address,E-mail 2 Address\nAda,ada@work.example,ada@home.example\n")
    step = window.recipients
    window.go_to(1)
    step.open_file(path)
    qtbot.waitUntil(lambda: window.controller.recipients is not None, timeout=10_000)
    box = step.reading.address
    assert box.currentText() == "The first"
    assert not step.reading.address_number.isEnabled()
    assert window.controller.recipients.rows[0].to == ("ada@work.example",)

    box.setCurrentIndex(box.findData("all"))
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        box.activated.emit(box.currentIndex())
    assert window.controller.recipients.rows[0].to == ("ada@work.example", "ada@home.example")
    assert box.currentText() == "All of them"

    box.setCurrentIndex(box.findData("index"))
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        box.activated.emit(box.currentIndex())
    assert step.reading.address_number.isEnabled()
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        step.reading.address_number.setValue(2)
    assert window.controller.recipients.rows[0].to == ("ada@home.example",)
    assert (box.currentText(), step.reading.address_number.value()) == ("Number…", 2)


def test_a_workbook_lists_its_sheets_and_another_one_can_be_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.title = "Spring"
    book.active.append(["Name", "Email"])
    book.active.append(["Ada", "ada@example.com"])
    autumn = book.create_sheet("Autumn")
    autumn.append(["Name", "Email"])
    autumn.append(["Bob", "bob@example.com"])
    autumn.append(["Cy", "cy@example.com"])
    book.save(tmp_path / "lists.xlsx")
    step = window.recipients
    window.go_to(1)
    step.open_file(tmp_path / "lists.xlsx")
    sheet = step.reading.sheet
    qtbot.waitUntil(lambda: sheet.count() == 2, timeout=10_000)  # the names are read on a worker
    assert [sheet.itemText(i) for i in range(2)] == ["Spring", "Autumn"]
    assert sheet.currentText() == "Spring"
    assert not step.reading.encoding.isEnabled()
    sheet.setCurrentIndex(1)
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        sheet.activated.emit(1)
    assert [r.to for r in window.controller.recipients.rows] == [("bob@example.com",), ("cy@example.com",)]
    qtbot.waitUntil(lambda: sheet.count() == 2 and sheet.currentText() == "Autumn", timeout=10_000)
    assert "sheet Autumn" in step.reading.detected.text()


def test_a_choice_the_file_cannot_be_read_with_can_be_taken_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,Email\nAda,ada@example.com\n", encoding="utf-8")
    step = window.recipients
    window.go_to(1)
    step.open_file(path)
    qtbot.waitUntil(lambda: window.controller.recipients is not None, timeout=10_000)
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        step.reading.header_row.setValue(5)
    qtbot.waitUntil(step.error.isVisible)
    assert "list.csv" in step.error.text()
    assert step.model.rowCount() == 0  # what the earlier reading showed is gone
    assert step.reading.isEnabled()
    assert step.reading.header_row.value() == 5
    with qtbot.waitSignal(window.controller.recipients_changed, timeout=10_000):
        step.reading.header_row.setValue(1)
    assert [r.to for r in window.controller.recipients.rows] == [("ada@example.com",)]
    assert not step.error.isVisible()


def painted(model: QAbstractItemModel, row: int, column: int, role: Qt.ItemDataRole) -> object:
    """What the table's painter gets for one role of a cell (it asks through multiData)."""
    asked = QModelRoleData(role)
    model.multiData(model.index(row, column), asked)
    return asked.data()


def test_the_painted_table_shows_a_tick_taken_off_at_once(qtbot: QtBot, window: MainWindow) -> None:
    """A row's status is worked out once for painting; unticking still repaints it as left out."""
    open_sample(qtbot, window)
    proxy = window.recipients.proxy
    assert painted(proxy, 0, 2, Qt.ItemDataRole.DisplayRole) == "Ready"
    assert painted(proxy, 0, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert painted(proxy, 0, 3, Qt.ItemDataRole.ForegroundRole) is None
    proxy.setData(proxy.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert painted(proxy, 0, 2, Qt.ItemDataRole.DisplayRole) == "Left out"
    assert painted(proxy, 0, 0, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert painted(proxy, 0, 3, Qt.ItemDataRole.ForegroundRole) is not None


def test_the_status_line_and_the_check_say_the_same_number_of_ready_rows(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_sample(qtbot, window)
    step = window.recipients
    qtbot.waitUntil(lambda: window.controller.report is not None, timeout=10_000)
    report = window.controller.report
    loaded = len(window.controller.recipients.rows)
    assert report.ready == loaded - 1  # row 15 loads fine, but its attachment is missing
    left = step.model.total() - report.ready
    assert step.summary.text() == f"{report.ready} ready, {left} left out"
    assert window.statusBar().currentMessage() == step.summary.text()
    window.go_to(3)
    assert f"ready {report.ready}," in window.preview.report_label.text()


def test_the_painter_gets_each_cell_as_the_model_has_it(qtbot: QtBot, window: MainWindow) -> None:
    """The table's delegate reads cells through the proxy: text, tick, icon and flags as the model says."""
    open_sample(qtbot, window)
    step = window.recipients
    delegate, model, proxy = QStyledItemDelegate(), step.model, step.proxy
    invalid = model.row_of(9)
    for row in (0, invalid):
        for column in range(proxy.columnCount()):
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, proxy.index(row, column))
            shown = model.data(model.index(row, column))
            assert option.text == ("" if shown is None else str(shown))
            assert proxy.flags(proxy.index(row, column)) == model.flags(model.index(row, column))
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, proxy.index(0, 0))
    assert option.checkState == Qt.CheckState.Checked
    assert proxy.flags(proxy.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not proxy.flags(proxy.index(invalid, 0)) & Qt.ItemFlag.ItemIsUserCheckable  # left out by the list
    delegate.initStyleOption(option, proxy.index(0, 2))
    assert not option.icon.isNull()
