"""The desktop app's entry point and main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from securemailmerge import __version__, logfilter
from securemailmerge.campaign import PreflightReport, report_lines
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import (
    Account,
    DeviceCodePrompt,
    TenantSource,
    find_tenant_config,
    sandbox_tenant,
)
from securemailmerge.paths import data_dir
from securemailmerge.recipients import RecipientList
from securemailmerge.resources import asset_path
from securemailmerge.template import RenderedMessage
from ui.about import AboutDialog
from ui.contacts_dialog import ContactsDialog
from ui.controller import Controller
from ui.i18n import install_translations
from ui.recipients_model import RecipientsModel
from ui.signin import SignInDialog

if TYPE_CHECKING:
    from securemailmerge.sandbox.app import Sandbox


class MainWindow(QMainWindow):
    """Recipients on the left, the message preview and the check report on the right."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self.controller = controller
        self.setWindowTitle(self.tr("SecureMailMerge"))
        self.model = RecipientsModel(self)
        self.tenant_source: TenantSource | None = None  # where the configuration came from, for About
        self._build_actions()
        self._build_central()
        self.account_label = QLabel(self.tr("Not signed in"), self)
        self.statusBar().addPermanentWidget(self.account_label)
        controller.recipients_changed.connect(self._show_recipients)
        controller.template_changed.connect(lambda _t: self._show_preview())
        controller.report_ready.connect(self._show_report)
        controller.check_progress.connect(self._show_check_progress)
        controller.check_aborted.connect(self._show_check_stopped)
        controller.check_running.connect(self.stop_check_action.setEnabled)
        controller.graph_waiting.connect(lambda event: self.statusBar().showMessage(str(event)))
        controller.account_changed.connect(self._show_account)
        controller.device_code.connect(self._show_device_code)
        controller.failed.connect(self._show_error)
        controller.notice.connect(self.statusBar().showMessage)
        controller.busy_changed.connect(self._show_busy)
        self.resize(1100, 700)

    def _build_actions(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.open_recipients_action = QAction(self.tr("Open recipients…"), self)
        self.open_recipients_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_recipients_action.triggered.connect(self._ask_recipients)
        self.open_template_action = QAction(self.tr("Open template…"), self)
        self.open_template_action.triggered.connect(self._ask_template)
        self.check_action = QAction(self.tr("Check"), self)
        self.check_action.setToolTip(self.tr("Render every message once and list what needs attention"))
        self.check_action.triggered.connect(self.controller.check)
        self.stop_check_action = QAction(self.tr("Stop check"), self)
        self.stop_check_action.setEnabled(False)
        self.stop_check_action.triggered.connect(self.controller.cancel_check)
        self.contacts_action = QAction(self.tr("Outlook contacts…"), self)
        self.contacts_action.setToolTip(self.tr("Recipients from your or a shared mailbox's contacts"))
        self.contacts_action.setEnabled(False)
        self.contacts_action.triggered.connect(self._ask_contacts)
        self.sign_in_action = QAction(self.tr("Sign in…"), self)
        self.sign_in_action.triggered.connect(self._sign_in_or_out)
        self.about_action = QAction(self.tr("About…"), self)
        self.about_action.triggered.connect(self._show_about)
        for action in (
            self.open_recipients_action,
            self.open_template_action,
            self.contacts_action,
            self.check_action,
            self.stop_check_action,
            self.sign_in_action,
            self.about_action,
        ):
            toolbar.addAction(action)

    def _build_central(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_preview(current)
        )
        right = QWidget(splitter)
        layout = QVBoxLayout(right)
        self.subject_label = QLabel(right)
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QTextBrowser(right)
        self.preview.setOpenLinks(False)
        self.report_view = QPlainTextEdit(right)
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("Press Check to see what needs attention."))
        layout.addWidget(self.subject_label)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.report_view, 2)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([550, 550])
        self.setCentralWidget(splitter)

    # What the user asks for

    def _ask_recipients(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open recipients"), "", self.tr("Recipient lists (*.csv *.txt *.xlsx)")
        )
        if path:
            self.controller.open_recipients(Path(path))

    def _ask_template(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open template"), "", self.tr("Templates (*.json *.html *.htm)")
        )
        if path:
            self.controller.open_template(Path(path))

    def _ask_contacts(self) -> None:
        dialog = ContactsDialog(self.controller, self)
        dialog.exec()
        dialog.deleteLater()

    def _show_about(self) -> None:
        dialog = AboutDialog(self.tenant_source, self)
        dialog.exec()
        dialog.deleteLater()

    def _sign_in_or_out(self) -> None:
        if self.controller.account is not None:
            self.controller.sign_out()
            return
        dialog = SignInDialog(prefer_device_code=self.controller.prefers_device_code, parent=self)
        self.controller.parent_window = int(self.winId())
        if dialog.exec():
            self.controller.sign_in(
                device_code=dialog.device_code, stay_signed_in=dialog.stay_signed_in.isChecked()
            )
        dialog.deleteLater()

    # What the controller tells

    def _show_recipients(self, recipients: RecipientList | None) -> None:
        self.model.set_list(recipients)
        self.report_view.clear()
        if recipients is not None:
            self.statusBar().showMessage(
                self.tr("{file}: {ready} ready, {left} left out, {problems} problems").format(
                    file=Path(recipients.source).name,
                    ready=len(recipients.rows),
                    left=len(recipients.excluded),
                    problems=len(recipients.problems),
                )
            )
            if self.model.rowCount():
                self.table.selectRow(0)
        self._show_preview()

    def _show_preview(self, index: QModelIndex | None = None) -> None:
        row = index.row() if index is not None and index.isValid() else self.table.currentIndex().row()
        recipient = self.model.recipient(max(row, 0))
        result = self.controller.preview(recipient.fields if recipient else {})
        if isinstance(result, RenderedMessage):
            to = ", ".join(recipient.to) if recipient else ""
            self.subject_label.setText(
                self.tr("To: {to}\nSubject: {subject}").format(to=to, subject=result.subject)
            )
            self.preview.setHtml(result.html)
        else:
            self.subject_label.setText(result)
            self.preview.clear()

    def _show_report(self, report: PreflightReport) -> None:
        self.statusBar().clearMessage()
        self.model.add_problems(report.problems)
        self.report_view.setPlainText("\n".join(report_lines(report)))

    def _show_check_progress(self, done: int, total: int) -> None:
        self.statusBar().showMessage(
            self.tr("Checking: {done} of {total} rows").format(done=done, total=total)
        )

    def _show_check_stopped(self) -> None:
        self.statusBar().clearMessage()
        self.report_view.setPlainText(self.tr("The check was stopped; press Check to run it again."))

    def _show_account(self, account: Account | None) -> None:
        self.statusBar().clearMessage()  # the device-code instruction, if one was shown
        self.contacts_action.setEnabled(account is not None)
        if account is None:
            self.account_label.setText(self.tr("Not signed in"))
            self.sign_in_action.setText(self.tr("Sign in…"))
            return
        self.account_label.setText(
            self.tr("Signed in as {name} <{address}>").format(
                name=account.display_name or account.username, address=account.username
            )
        )
        self.sign_in_action.setText(self.tr("Sign out"))

    def _show_device_code(self, prompt: DeviceCodePrompt) -> None:
        self.statusBar().showMessage(prompt.message)

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("SecureMailMerge"), message)

    def _show_busy(self, busy: bool) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            while QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop background work before the window goes."""
        self.controller.close()
        super().closeEvent(event)


def _tenant(args: argparse.Namespace) -> tuple[TenantSource | None, Sandbox | None]:
    """The tenant to use and, in sandbox mode, the running sandbox that must live as long as the app."""
    if args.sandbox:
        from securemailmerge.sandbox.app import Sandbox  # only sandbox mode pays for loading it

        # A file, so the sandbox's mailboxes (and later a campaign's drafts) survive a restart.
        sandbox = Sandbox(auto_approve=True, state=str(data_dir() / "sandbox.sqlite")).start()
        return sandbox_tenant(sandbox.tenant_config_path), sandbox
    # --tenant-config, else the machine-wide file IT deployed, else the user's own.
    return find_tenant_config(Path(args.tenant_config) if args.tenant_config else None), None


def main(argv: list[str] | None = None) -> int:
    """Start the app; ``--sandbox`` runs it against the built-in Microsoft 365 sandbox."""
    parser = argparse.ArgumentParser(prog="securemailmerge-desktop")
    parser.add_argument("--sandbox", action="store_true", help="use the built-in Microsoft 365 sandbox")
    parser.add_argument("--tenant-config", metavar="FILE", help="a tenant configuration file")
    parser.add_argument("--lang", choices=["en", "de", "es"], default=None)
    parser.add_argument("--no-sample", action="store_true", help="start empty instead of with the sample")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation on the sandbox, then exit"
    )
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    if args.self_test:
        args.sandbox, args.no_sample = True, True
    logfilter.configure(stderr=False)
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationVersion(__version__)
    # The title-bar and task-bar icon; on Linux desktops the .desktop entry's name ties the two.
    app.setWindowIcon(QIcon(str(asset_path("icons", "securemailmerge-256.png"))))
    app.setDesktopFileName("securemailmerge")
    install_translations(app, args.lang)
    try:
        source, sandbox = _tenant(args)
    except SecureMailMergeError as error:
        QMessageBox.critical(None, "SecureMailMerge", str(error))
        return 2
    controller = Controller(source.config if source else None)
    window = MainWindow(controller)
    window.tenant_source = source
    if args.self_test:
        from ui.selftest import self_test

        try:
            return self_test(app, controller, window)
        finally:
            if sandbox is not None:
                sandbox.stop()
    if not args.no_sample:
        controller.open_template(asset_path("sample", "template.json"))
        controller.open_recipients(asset_path("sample", "recipients.csv"))
    controller.sign_in_silent()
    window.show()
    try:
        return app.exec()
    finally:
        if sandbox is not None:
            sandbox.stop()
