"""Step 4, Preview: any row's message exactly as it will go out, and the check's problems, never stale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import OutgoingMessage, PreflightReport, report_lines
from securemailmerge.template import InlineImage
from ui import theme
from ui.controller import Controller
from ui.recipients_model import RecipientsModel
from ui.steps.base import Step

_REMOTE_SCHEMES = frozenset({"http", "https", "ftp"})
PROBLEM_LINES_SHOWN = 5  # the list never shrinks below this many lines
# Word-wrapped items are laid out one by one on the UI thread: 10,000 of them froze the window for
# a second. The Recipients table's status filter shows every row that wants attention.
PROBLEMS_LISTED = 200
FINDER_PADDING = 24  # the line edit's frame and margins around its placeholder


class SafeBrowser(QTextBrowser):
    """Shows a message without ever loading remote content; only files of the template folder load."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        # The message is shown on the white paper it is written for (its own colours assume it), in
        # dark and high-contrast themes too: black on white, 21:1.
        paper = self.palette()
        paper.setColor(QPalette.ColorRole.Base, QColor(Qt.GlobalColor.white))
        paper.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
        self.setPalette(paper)
        self.refused: list[str] = []
        self.images: dict[str, bytes] = {}  # the message's inline parts by content id

    def show_message(self, html: str, images: tuple[InlineImage, ...]) -> None:
        """Show ``html`` whose ``cid:`` images are the message's own inline parts."""
        self.images = {image.content_id: image.data for image in images}
        self.setHtml(html)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Refuse http(s) (tracking pixels, remote images); inline parts and local files only."""
        url = QUrl(name) if isinstance(name, str) else name
        scheme = url.scheme().lower()
        if scheme in _REMOTE_SCHEMES:
            self.refused.append(url.toString())
            return None
        if scheme == "cid":
            data = self.images.get(url.path())
            return QByteArray(data) if data is not None else None
        if scheme not in ("", "file"):
            return None
        return super().loadResource(kind, url)


class ReportPane(QWidget):
    """The check's summary, problems and verdict: never given less height than its wrapped lines need.

    A splitter only asks its panes for a minimum size, which for word-wrapped labels is one line:
    without this the summary was cut in half at 1200x760.
    """

    def minimumSizeHint(self) -> QSize:
        """At least the height the layout needs at the pane's current width."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(max(hint.height(), layout.totalMinimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the lines anew: the splitter must ask for the height again."""
        super().resizeEvent(event)
        self.updateGeometry()


class PreviewStep(Step):
    """Previous, next, jump to a row or find one; the headers, body and attachments as sent."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.model: RecipientsModel | None = None
        self.row = 0
        self.layout_.addLayout(self._navigation())
        self.left_out = QLabel(self)
        self.left_out.setObjectName("leftOutBanner")
        self.left_out.setWordWrap(True)
        self.left_out.setStyleSheet(
            f"QLabel#leftOutBanner {{ background: {theme.ERROR_RED.name()};"
            f" color: {theme.BANNER_TEXT.name()}; padding: 6px; }}"
        )
        self.left_out.hide()
        self.layout_.addWidget(self.left_out)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("previewSplitter")
        message = QWidget(splitter)
        inner = QVBoxLayout(message)
        inner.setContentsMargins(0, 0, 0, 0)
        self.headers = QFormLayout()
        self.header_labels: dict[str, QLabel] = {}
        for key, label in (
            ("from", self.tr("From")),
            ("to", self.tr("To")),
            ("cc", self.tr("Cc")),
            ("bcc", self.tr("Bcc")),
            ("reply_to", self.tr("Reply-To")),
            ("subject", self.tr("Subject")),
            ("attachments", self.tr("Attachments")),
        ):
            value = QLabel(message)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.header_labels[key] = value
            self.headers.addRow(label, value)
        inner.addLayout(self.headers)
        self.body = SafeBrowser(message)
        self.body.setAccessibleName(self.tr("Message as sent"))
        inner.addWidget(self.body, 1)
        problems = ReportPane(splitter)
        lower = QVBoxLayout(problems)
        lower.setContentsMargins(0, 0, 0, 0)
        self.report_label = QLabel(problems)
        self.report_label.setWordWrap(True)
        self.problems = QListWidget(problems)
        self.problems.setAccessibleName(self.tr("Problems found by the check"))
        # Long sentences (Spanish ones most) wrap instead of scrolling sideways.
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.setMinimumHeight(self.problems.fontMetrics().lineSpacing() * PROBLEM_LINES_SHOWN)
        self.problems.itemActivated.connect(self._problem_chosen)
        self.problems.itemClicked.connect(self._problem_chosen)
        self.verdict = QLabel(problems)
        self.verdict.setWordWrap(True)
        self.check_progress = QProgressBar(problems)
        self.check_progress.setAccessibleName(self.tr("Check progress"))
        self.check_progress.hide()
        lower.addWidget(self.check_progress)
        lower.addWidget(self.report_label)
        lower.addWidget(self.problems, 1)
        lower.addWidget(self.verdict)
        splitter.addWidget(message)
        splitter.addWidget(problems)
        splitter.setCollapsible(1, False)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([500, 200])
        self.layout_.addWidget(splitter, 1)
        controller.recipients_changed.connect(self._first_row)
        controller.template_changed.connect(self.refresh)
        controller.sender_changed.connect(self.refresh)
        controller.report_stale.connect(self._report_stale)
        controller.report_ready.connect(self._show_report)
        controller.check_progress.connect(self._show_check_progress)
        controller.check_running.connect(self.check_progress.setVisible)
        controller.check_aborted.connect(self._check_stopped)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Preview")

    def _navigation(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.previous_button.setShortcut("Alt+Left")
        self.previous_button.clicked.connect(lambda: self.show_model_row(self.row - 1))
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.next_button.setShortcut("Alt+Right")
        self.next_button.clicked.connect(lambda: self.show_model_row(self.row + 1))
        self.jump = QSpinBox(self)
        self.jump.setAccessibleName(self.tr("Recipient"))
        self.jump.setMinimum(1)
        self.jump.setKeyboardTracking(False)
        self.jump.valueChanged.connect(lambda value: self.show_model_row(value - 1))
        self.position = QLabel(self)
        self.finder = QLineEdit(self)
        self.finder.setAccessibleName(self.tr("Find a recipient"))
        self.finder.setPlaceholderText(self.tr("Find a recipient…"))
        hint = self.finder.fontMetrics().horizontalAdvance(self.finder.placeholderText())
        self.finder.setMinimumWidth(hint + FINDER_PADDING)
        self.finder.returnPressed.connect(self.find_next)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        # Counted 1, 2, 3 as listed; the list's own row number (a CSV's line, as the table and the
        # send log say) follows in the position label, so "row 4" in the log is found again here.
        row.addWidget(QLabel(self.tr("Recipient"), self))
        row.addWidget(self.jump)
        row.addWidget(self.position)
        row.addStretch(1)
        row.addWidget(self.finder)
        return row

    def set_model(self, model: RecipientsModel) -> None:
        """The table whose rows the preview walks through (the Recipients step's)."""
        self.model = model
        model.dataChanged.connect(self.refresh)

    def entered(self) -> None:
        """Always show the current state when the step opens."""
        self.refresh()

    def find_next(self) -> None:
        """Jump to the next row containing the text typed in the find box."""
        if self.model is None or not self.finder.text().strip():
            return
        wanted = self.finder.text().strip().casefold()
        count = self.model.rowCount()
        for offset in range(1, count + 1):
            row = (self.row + offset) % count
            recipient = self.model.recipient(row)
            if recipient and any(wanted in value.casefold() for value in recipient.fields.values()):
                self.show_model_row(row)
                return
        self.status.emit(self.tr("No recipient contains “{text}”.").format(text=self.finder.text()))

    def show_source_row(self, source_row: int) -> None:
        """Show the recipient of the source row number ``source_row``."""
        if self.model is not None:
            self.show_model_row(self.model.row_of(source_row))

    def show_model_row(self, row: int) -> None:
        """Show the message of model row ``row`` (clamped to the list)."""
        count = self.model.rowCount() if self.model else 0
        self.row = min(max(row, 0), max(count - 1, 0))
        self.jump.blockSignals(True)
        self.jump.setMaximum(max(count, 1))
        self.jump.setValue(self.row + 1)
        self.jump.blockSignals(False)
        self.previous_button.setEnabled(self.row > 0)
        self.next_button.setEnabled(self.row < count - 1)
        self.refresh()

    def previewed_row(self) -> int | None:
        """The source row of the recipient on show (what "Send test to me" sends), None when none."""
        recipient = self.model.recipient(self.row) if self.model else None
        return recipient.row if recipient is not None else None

    def _first_row(self, _recipients: object) -> None:
        self.show_model_row(0)

    def refresh(self, *_changed: object) -> None:
        """Render the current row again (the template, sender or list may have changed)."""
        recipient = self.model.recipient(self.row) if self.model else None
        count = self.model.rowCount() if self.model else 0
        if recipient is None:
            self.position.setText(self.tr("of %Ln", "", count))
        else:
            self.position.setText(self.tr("of %Ln (row {row})", "", count).format(row=recipient.row))
        if recipient is None or self.model is None:
            self._clear(self.controller.preview({}) if self.controller.template else "")
            return
        ready = self.model.is_ready(self.row)
        self.left_out.setVisible(not ready)
        if not ready:
            self.left_out.setText(
                self.tr("Not sent: this row is left out. {reason}").format(
                    reason=self.model.status(self.row)[1]
                )
            )
        result = self.controller.outgoing_message(recipient.fields)
        sender = self.controller.sender_address() or self.tr("(sign in to see the sender)")
        values = {
            "from": sender,
            "to": ", ".join(recipient.to) or self.tr("(no address)"),
            "cc": ", ".join(recipient.cc),
            "bcc": ", ".join(recipient.bcc),
            "reply_to": ", ".join(recipient.reply_to),
        }
        if isinstance(result, OutgoingMessage):
            values["subject"] = result.rendered.subject
            values["attachments"] = "; ".join(result.rendered.attachments) or self.tr("(none)")
            self._show_body(result)
        else:
            values["subject"] = ""
            values["attachments"] = ""
            self.body.setPlainText(result)
        for key, label in self.header_labels.items():
            label.setText(values.get(key, ""))
            self.headers.setRowVisible(label, bool(values.get(key)) or key in ("from", "to", "subject"))

    def _show_body(self, message: OutgoingMessage) -> None:
        folder: Path | None = self.controller.template_folder
        if folder is not None:
            self.body.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.body.show_message(message.rendered.html, message.images)

    def _clear(self, message: object) -> None:
        self.left_out.hide()
        for label in self.header_labels.values():
            label.clear()
        self.body.setPlainText(message if isinstance(message, str) else "")

    def _show_check_progress(self, done: int, total: int) -> None:
        self.check_progress.setMaximum(max(total, 1))
        self.check_progress.setValue(done)

    def _check_stopped(self) -> None:
        self.report_label.setText(self.tr("The check was stopped; press Check to run it again."))

    def _report_stale(self) -> None:
        self.problems.clear()
        self.verdict.clear()
        if self.controller.template is not None and self.controller.recipients is not None:
            self.report_label.setText(self.tr("Checking every message…"))
        else:
            self.report_label.setText(self.tr("Open recipients and write a message to check them."))

    def _show_report(self, report: PreflightReport) -> None:
        lines = report_lines(report, max_problems=0)
        # The verdict ("fix the problems above") goes below the list it speaks of.
        self.report_label.setText("\n".join(lines[:-1]))
        self.verdict.setText(lines[-1])
        self.problems.clear()
        for problem in report.problems[:PROBLEMS_LISTED]:
            item = QListWidgetItem(problem.message, self.problems)
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            item.setToolTip(self.tr("Show row {row}").format(row=problem.row))
        more = len(report.problems) - PROBLEMS_LISTED
        if more > 0:
            text = self.tr("…and %Ln more; the Recipients step can show only the rows to look at.", "", more)
            QListWidgetItem(text, self.problems).setFlags(Qt.ItemFlag.NoItemFlags)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if row is not None:
            self.show_source_row(int(row))
