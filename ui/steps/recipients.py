"""Step 2, Recipients: a file (opened or dropped) or Outlook contacts, how it is read, and every row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from securemailmerge.campaign import PreflightReport
from securemailmerge.recipients import RecipientList, sheet_names
from ui.contacts_dialog import ContactsDialog
from ui.controller import Controller
from ui.recipients_model import (
    BOUNCED,
    DO_NOT_CONTACT,
    DUPLICATE_ROW,
    FIXED,
    INVALID,
    LEFT_OUT,
    MISSING,
    READY,
    RecipientsModel,
)
from ui.recipients_proxy import RecipientsFilter
from ui.steps.base import Step
from ui.steps.reading import ReadingBox

# Workbooks as the reader knows them (recipients.files); the rest is read as CSV text.
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
FILE_SUFFIXES = {".csv", ".txt", ".tsv", *WORKBOOK_SUFFIXES}
FILTER_DELAY_MS = 250
FIT_SAMPLE_ROWS = 200  # rows measured to size the address columns; measuring 100,000 would stall
CELL_PADDING = 16
MAX_ADDRESS_WIDTH = 360


class RecipientsStep(Step):
    """Open or drop a list, choose how it is read and which columns mean what, tick rows in or out."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setAcceptDrops(True)
        self.model = RecipientsModel(self)
        self._filter_generation = 0
        self._announced: tuple[int, int, int] | None = None  # the count the status line last said
        self.proxy = RecipientsFilter(self.model, self)
        sources = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open a file…"), self)
        self.open_button.setToolTip(self.tr("A CSV or Excel file; you can also drop one here"))
        self.open_button.clicked.connect(self.ask_file)
        self.contacts_button = QPushButton(self.tr("Outlook contacts…"), self)
        self.contacts_button.setToolTip(self.tr("Recipients from your or a shared mailbox's contacts"))
        self.contacts_button.setEnabled(False)
        self.contacts_button.clicked.connect(self.ask_contacts)
        self.source_label = QLabel(self.tr("No recipients yet: open a file or drop one here."), self)
        self.source_label.setWordWrap(True)
        for widget in (self.open_button, self.contacts_button):
            sources.addWidget(widget)
        sources.addWidget(self.source_label, 1)
        self.layout_.addLayout(sources)
        self.layout_.addWidget(self._reading_box())
        self.layout_.addLayout(self._filter_row())
        self.table = QTableView(self)
        self.table.setObjectName("recipientsTable")
        self.table.setAccessibleName(self.tr("Recipients"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(
            lambda index: self.show_row.emit(self.proxy.mapToSource(index).row())
        )
        self.layout_.addWidget(self.table, 1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.dialog = ContactsDialog(controller, self)
        self.model.dataChanged.connect(self._ticked)
        controller.recipients_changed.connect(self._show_list)
        controller.report_ready.connect(self._show_checked)
        controller.report_stale.connect(self._count)
        controller.check_running.connect(self._count)
        controller.check_aborted.connect(self._count)
        controller.account_changed.connect(self._signed_in)
        # A method, not a lambda: Qt lets go of it with this step when a new language rebuilds the window.
        controller.do_not_contact_changed.connect(self._count)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Recipients")

    def _reading_box(self) -> ReadingBox:
        self.reading = ReadingBox(self)
        self.reading.changed.connect(lambda changes: self._reload(**changes))
        return self.reading

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find in any column…"))
        self.search.setAccessibleName(self.tr("Find recipients"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Show rows"))
        self.status_filter.addItem(self.tr("All rows"), None)
        for code in (READY, MISSING, INVALID, DUPLICATE_ROW, LEFT_OUT, DO_NOT_CONTACT, BOUNCED):
            self.status_filter.addItem(self.model.status_text(code), code)
        self.summary = QLabel(self)
        # Filtering 100,000 rows per key would stutter; wait until the typing pauses.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        row.addWidget(self.search, 1)
        row.addWidget(self.status_filter)
        row.addWidget(self.summary)
        return row

    def apply_filter(self) -> None:
        """Show only the rows matching the search text and the chosen status."""
        self._filter_timer.stop()
        self._filter_generation += 1
        generation, model = self._filter_generation, self.model
        text, status = self.search.text(), self.status_filter.currentData()

        def done(positions: object) -> None:
            if generation == self._filter_generation:
                model.show_only(positions if isinstance(positions, list) else None)
                self._count()

        if not text.strip() and not status:
            done(None)
            return
        self.controller.run(lambda _cancel: model.matching(text, status) or [], done)

    # What the user asks for

    def ask_file(self) -> None:
        """Ask for a recipient file and load it."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open recipients"),
            "",
            self.tr("Recipient lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xlsb *.xls *.ods)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Load ``path`` with everything detected afresh."""
        self.error.hide()
        self.source_label.setText(self.tr("Loading {file}…").format(file=path.name))
        self.controller.open_recipients(path, on_error=self._failed)

    def ask_contacts(self) -> None:
        """Open the Outlook contacts dialog."""
        self.dialog.open()

    def _reload(self, **changes: object) -> None:
        self.error.hide()
        self.controller.reload_recipients(on_error=self._failed, **changes)

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.status.emit(message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one dropped recipient file."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and Path(urls[0].toLocalFile()).suffix.lower() in FILE_SUFFIXES:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped file."""
        self.open_file(Path(event.mimeData().urls()[0].toLocalFile()))
        event.acceptProposedAction()

    # What the controller tells

    def _show_list(self, recipients: RecipientList | None) -> None:
        self.model.set_list(recipients)
        # After a choice the file cannot be read with, the box stays: the user chooses again.
        self.reading.setEnabled(self.controller.recipients_path is not None)
        if recipients is None:
            self.source_label.setText(self.tr("No recipients yet: open a file or drop one here."))
            self.reading.detected.clear()
        else:
            self.error.hide()
            self.source_label.setText(Path(recipients.source).name)
            self._show_reading(recipients)
            self._fit_columns(recipients)
        self.apply_filter()

    def _fit_columns(self, recipients: RecipientList) -> None:
        """Widen the address columns to their addresses (as far as the first rows tell): never elided."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        sample = recipients.rows[:FIT_SAMPLE_ROWS]
        named = (
            recipients.email_column,
            recipients.cc_column,
            recipients.bcc_column,
            recipients.reply_to_column,
        )
        # The tick and the row number need no more than their title (or the last row's number).
        digits = metrics.horizontalAdvance(str(recipients.rows[-1].row if recipients.rows else 0))
        header.resizeSection(0, header.sectionSizeHint(0))
        header.resizeSection(1, max(header.sectionSizeHint(1), digits + CELL_PADDING))
        for column in {name for name in named if name}:
            section = FIXED + recipients.columns.index(column)
            widest = max((metrics.horizontalAdvance(r.fields.get(column, "")) for r in sample), default=0)
            needed = min(max(widest + CELL_PADDING, header.sectionSizeHint(section)), MAX_ADDRESS_WIDTH)
            header.resizeSection(section, max(header.sectionSize(section), needed))

    def _show_reading(self, recipients: RecipientList) -> None:
        self.reading.show_list(recipients, self.controller.recipient_options)
        path = self.controller.recipients_path
        if path is not None and path.suffix.lower() in WORKBOOK_SUFFIXES:
            current = recipients.details.get("sheet", "")
            self.controller.run(
                lambda _cancel: sheet_names(path),
                lambda names: self.reading.show_sheets(names, current),
                failed=self._failed,
            )

    def _signed_in(self, account: object) -> None:
        self.contacts_button.setEnabled(account is not None)

    def _show_checked(self, report: PreflightReport) -> None:
        self.model.set_checked(report.problems)
        self._count()

    def _ticked(self, top: object, _bottom: object, roles: list[int] | None = None) -> None:
        left_out = self.model.left_out
        if left_out != self.controller.left_out:
            for row in left_out ^ self.controller.left_out:
                self.controller.set_left_out(row, row in left_out)
            self._count()

    def _count(self, *_changed: object) -> None:
        recipients = self.controller.recipients
        if recipients is None:
            self.summary.clear()
            self._announced = None
            return
        report = self.controller.report
        # The check's own figure once it is in: a row with a missing attachment or a field that cannot
        # be rendered loads fine but is not sent, so counting loaded rows would say one more.
        if report is not None:
            ready = report.ready
        else:
            ready = len(recipients.rows) - len(self.controller.left_out | self.controller.blocked.keys())
        left = self.model.total() - ready
        text = self.tr("%Ln ready", "", ready) + ", " + self.tr("%Ln left out", "", left)
        if report is None and self.controller.check_pending:
            text += " · " + self.tr("checking…")
        elif report is None and self.controller.check_stopped:
            text += " · " + self.tr("check stopped")
        if self.proxy.rowCount() != self.model.total():
            text += " · " + self.tr("%Ln shown", "", self.proxy.rowCount())
        self.summary.setText(text)
        figure = (ready, left, self.proxy.rowCount())
        if figure != self._announced:  # the status line hears of a new count, not of every re-check
            self._announced = figure
            self.status.emit(text)
