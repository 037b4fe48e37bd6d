"""The main window: the five steps in a list on the left, the chosen one on the right, menus and toolbar.

Like vorta's main window it builds each step from its own module and wires them only through
signals; like git-cola it jumps between steps with Ctrl+1..5 and remembers its geometry and state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from securemailmerge.m365 import Profile, TenantSource
from ui import settings
from ui.about import AboutDialog
from ui.campaign_files import CampaignFiles
from ui.campaign_system import is_campaign_file
from ui.controller import Controller
from ui.dialogs import show_error
from ui.donotcontact_view import DoNotContactDialog
from ui.menus import build_menus
from ui.network_view import NetworkDialog
from ui.settings_dialog import SettingsDialog
from ui.steps.account import AccountStep
from ui.steps.base import Step
from ui.steps.message import MessageStep
from ui.steps.preview import PreviewStep
from ui.steps.recipients import RecipientsStep
from ui.steps.send import SendStep
from ui.tenant_switch import apply_tenant, tenant_applies

STATE_VERSION = 1
OFFER_RETRY_MS = 250
_ICONS = (
    QStyle.StandardPixmap.SP_DirHomeIcon,
    QStyle.StandardPixmap.SP_FileDialogContentsView,
    QStyle.StandardPixmap.SP_FileIcon,
    QStyle.StandardPixmap.SP_FileDialogInfoView,
    QStyle.StandardPixmap.SP_MediaPlay,  # the forward arrow has no source past 32 px: blurry at 200 %
)


class MainWindow(QMainWindow):
    """Account, Recipients, Message, Preview and Send: free to move between, in any order."""

    language_chosen = Signal(str)  # Settings chose a language: ``ui.relaunch`` rebuilds the window in it

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self.controller = controller
        self.tenant_source: TenantSource | None = None  # where the configuration came from, for About
        # False when the command line named the tenant (--sandbox, --tenant-config): Settings leave it be.
        self.tenant_follows_settings = True
        self.network_dialog: NetworkDialog | None = None
        self.do_not_contact_dialog: DoNotContactDialog | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SecureMailMerge"))
        self.account = AccountStep(controller, self)
        self.recipients = RecipientsStep(controller, self)
        self.message = MessageStep(controller, self)
        self.preview = PreviewStep(controller, self)
        self.send = SendStep(controller, self)
        self.steps: list[Step] = [self.account, self.recipients, self.message, self.preview, self.send]
        self.preview.set_model(self.recipients.model)
        self.send.previewed_row = self.preview.previewed_row
        self._build_central()
        self._build_toolbar()
        self.campaign = CampaignFiles(self)
        self.menu_actions = build_menus(self)
        self.setAcceptDrops(True)  # a campaign file dropped anywhere opens; the steps take their own files
        self.account_label = QLabel(self.tr("Not signed in"), self)
        self.account_label.setAccessibleName(self.tr("Signed-in account"))
        self.statusBar().addPermanentWidget(self.account_label)
        for step in self.steps:
            step.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            step.go_to_step.connect(self.go_to)
            step.show_row.connect(self._preview_row)
        self.send.bounced.connect(self.recipients.model.set_bounced)
        self.send.run_ended.connect(self._run_ended)
        controller.do_not_contact_changed.connect(self.recipients.model.set_do_not_contact)
        controller.profile_changed.connect(self._show_profile)
        controller.failed.connect(self._show_error)
        controller.busy_changed.connect(self._show_busy)
        controller.notice.connect(self._show_notice)
        controller.browser_unavailable.connect(self._show_no_browser)
        self._restore()
        self.campaign.discard_changes()  # what a fresh window shows is not a change
        self.resume_offer: QMessageBox | None = None
        # After the window is on screen, so the offer shows above it, not behind.
        QTimer.singleShot(0, self._offer_resume)

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.step_list = QListWidget(central)
        self.step_list.setObjectName("stepList")
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setIconSize(QSize(24, 24))
        self.step_list.setMaximumWidth(220)
        self.pages = QStackedWidget(central)
        style = QApplication.style()
        for number, (step, icon) in enumerate(zip(self.steps, _ICONS, strict=True), start=1):
            item = QListWidgetItem(style.standardIcon(icon), f"{number}  {step.title()}", self.step_list)
            item.setToolTip(self.tr("Ctrl+{number}").format(number=number))
            self.pages.addWidget(step)
        self.step_list.currentRowChanged.connect(self._step_chosen)
        layout.addWidget(self.step_list)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.step_list.setCurrentRow(0)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Steps"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        # A toolbar hidden from its context menu has no way back; this one cannot be hidden at all.
        self.toolbar.toggleViewAction().setVisible(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.step_actions: list[QAction] = []
        for number, step in enumerate(self.steps, start=1):
            action = QAction(self.step_list.item(number - 1).icon(), step.title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(self.tr("{step} (Ctrl+{number})").format(step=step.title(), number=number))
            action.triggered.connect(lambda _checked=False, index=number - 1: self.go_to(index))
            self.step_actions.append(action)
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

    def go_to(self, index: int) -> None:
        """Show step ``index`` (0 = Account ... 4 = Send)."""
        self.step_list.setCurrentRow(index)

    def current_step(self) -> Step:
        """The step on screen."""
        step = self.pages.currentWidget()
        assert isinstance(step, Step)
        return step

    def _step_chosen(self, index: int) -> None:
        if index < 0:
            return
        self.pages.setCurrentIndex(index)
        self.steps[index].entered()

    def _preview_row(self, row: int) -> None:
        self.preview.show_model_row(row)
        self.go_to(self.steps.index(self.preview))

    def show_about(self) -> None:
        """The About box: version, license state and the hosts the app may contact."""
        self.about_dialog = AboutDialog(self.tenant_source, self.controller.license_text(), self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.open()

    def show_settings(self) -> None:
        """The Settings dialog; a new language and a new tenant are applied at once."""
        self.settings_dialog = SettingsDialog(self.tenant_source, self, tenant_applies(self))
        self.settings_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings_dialog.language_changed.connect(self.language_chosen.emit)
        self.settings_dialog.tenant_changed.connect(lambda: apply_tenant(self))
        self.settings_dialog.open()

    def _run_ended(self) -> None:
        if self.controller.tenant_pending:
            apply_tenant(self)  # the tenant settings changed while the campaign was sending

    def show_network(self) -> None:
        """The Network activity view (one, kept open beside the window as long as the user likes)."""
        if self.network_dialog is None:
            self.network_dialog = NetworkDialog(self.controller, self)
        self.network_dialog.show()
        self.network_dialog.raise_()

    def show_do_not_contact(self) -> None:
        """The do-not-contact list of the sending mailbox."""
        if self.do_not_contact_dialog is None:
            self.do_not_contact_dialog = DoNotContactDialog(self.controller, self)  # it reads the list
        else:
            self.do_not_contact_dialog.reload()  # read once, not twice side by side
        self.do_not_contact_dialog.show()
        self.do_not_contact_dialog.raise_()

    def _show_profile(self, profile: Profile | None) -> None:
        if profile is None:
            self.account_label.setText(self.tr("Not signed in"))
        else:
            self.account_label.setText(
                self.tr("Signed in as {name} <{address}>").format(
                    name=profile.display_name, address=profile.mail or profile.user_principal_name
                )
            )

    def _show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _show_no_browser(self, message: str) -> None:
        """Say why the sign-in asks for a code (kept as ``browser_note``; it does not block)."""
        note = QMessageBox(QMessageBox.Icon.Information, self.tr("SecureMailMerge"), message, parent=self)
        self.browser_note = note
        note.open()

    def _offer_resume(self) -> None:
        """A campaign a crash or a closed window interrupted is offered at once, not only in Send."""
        folder = self.send.resumable
        if folder is None:
            return
        if QApplication.activeModalWidget() is not None:
            # Another question of the start (recovering autosaved changes) is answered first.
            QTimer.singleShot(OFFER_RETRY_MS, self._offer_resume)
            return
        offer = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Campaign not finished"),
            self.tr("The campaign {folder} did not finish. Resume it? Nothing is sent twice.").format(
                folder=folder.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        offer.button(QMessageBox.StandardButton.Yes).setText(self.tr("Show it"))
        offer.button(QMessageBox.StandardButton.No).setText(self.tr("Later"))
        offer.setInformativeText(self.tr("Sign in, then press “Resume that campaign” in the Send step."))
        offer.setWindowModality(Qt.WindowModality.NonModal)  # signing in first must stay possible
        offer.accepted.connect(lambda: self.go_to(self.steps.index(self.send)))
        self.resume_offer = offer
        offer.show()

    def _show_error(self, message: str) -> None:
        show_error(self, message)

    def _show_busy(self, busy: bool) -> None:
        if busy and QApplication.overrideCursor() is None:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif not busy:
            while QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()

    def _restore(self) -> None:
        geometry = settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        state = settings.window_state("state")
        if state is not None:
            self.restoreState(state, STATE_VERSION)
        self.toolbar.show()  # whatever an old state said
        header = settings.window_state("recipients_header")
        if header is not None:
            self.recipients.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        """Remember geometry, toolbar state and column widths for the next start."""
        settings.save_window_state("geometry", self.saveGeometry())
        settings.save_window_state("state", self.saveState(STATE_VERSION))
        settings.save_window_state("recipients_header", self.recipients.table.horizontalHeader().saveState())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one dropped campaign file."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and is_campaign_file(Path(urls[0].toLocalFile())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped campaign file (after asking about unsaved changes)."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and is_campaign_file(Path(urls[0].toLocalFile())):
            event.acceptProposedAction()
            self.campaign.open_path(Path(urls[0].toLocalFile()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved work, remember the layout, stop background work."""
        if not self.campaign.may_discard():
            event.ignore()
            return
        self.campaign.closed()
        self.save_layout()
        self.send.sending.leave()
        self.controller.close()
        super().closeEvent(event)
