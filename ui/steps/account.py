"""Step 1, Account: who is signed in, which mailbox messages go out from, and the permissions asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.m365 import Profile, keychain_unavailable_reason
from ui import settings
from ui.controller import Controller
from ui.permissions import PermissionsView
from ui.signin import SignInDialog
from ui.steps.base import Step


class AccountStep(Step):
    """Sign in or out, the mailbox shown large, "send from", stay signed in, and the permissions."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.layout_.addWidget(self._mailbox_box())
        self.layout_.addWidget(self._sender_box())
        permissions = QGroupBox(self.tr("Permissions asked of Microsoft 365"), self)
        inner = QVBoxLayout(permissions)
        self.permissions = PermissionsView(permissions)
        inner.addWidget(self.permissions)
        self.layout_.addWidget(permissions, 1)
        self.dialog = SignInDialog(controller, self)
        controller.profile_changed.connect(self._show_profile)
        controller.sender_changed.connect(self._show_sender)
        self._show_profile(None)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Account")

    def _mailbox_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Signed-in mailbox"), self)
        layout = QVBoxLayout(box)
        self.name_label = QLabel(box)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label = QLabel(box)
        big = self.address_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.address_label.setFont(big)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel(box)
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        self.sign_in_button = QPushButton(self.tr("Sign in…"), box)
        self.sign_in_button.clicked.connect(self.sign_in_or_out)
        self.stay_signed_in = QCheckBox(self.tr("Stay signed in on this computer"), box)
        no_keychain = keychain_unavailable_reason()
        if no_keychain:
            self.stay_signed_in.setEnabled(False)
            self.stay_signed_in.setToolTip(no_keychain)
        self.stay_signed_in.toggled.connect(self.controller.set_stay_signed_in)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.stay_signed_in)
        row.addStretch(1)
        for widget in (self.name_label, self.address_label, self.note):
            layout.addWidget(widget)
        layout.addLayout(row)
        return box

    def _sender_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Send from"), self)
        layout = QFormLayout(box)
        self.own_mailbox = QRadioButton(self.tr("My own mailbox"), box)
        self.shared_mailbox = QRadioButton(self.tr("A shared mailbox:"), box)
        self.own_mailbox.setChecked(True)
        self.shared_address = QComboBox(box)
        self.shared_address.setEditable(True)
        self.shared_address.setAccessibleName(self.tr("Shared mailbox address"))
        self.shared_address.setPlaceholderText(self.tr("sales@contoso.com"))
        self.shared_address.addItems(settings.recent("mailboxes"))
        self.shared_address.setCurrentText(settings.SENDER.get())
        self.use_button = QPushButton(self.tr("Use this mailbox"), box)
        self.use_button.clicked.connect(self.apply_sender)
        edit = self.shared_address.lineEdit()
        assert edit is not None
        edit.returnPressed.connect(self.apply_sender)
        self.own_mailbox.toggled.connect(self._own_toggled)
        row = QHBoxLayout()
        row.addWidget(self.shared_mailbox)
        row.addWidget(self.shared_address, 1)
        row.addWidget(self.use_button)
        self.sender_problem = QLabel(box)
        self.sender_problem.setWordWrap(True)
        self.sender_label = QLabel(box)
        self.sender_label.setWordWrap(True)
        own = QHBoxLayout()
        own.addWidget(self.own_mailbox)
        own.addStretch(1)
        layout.addRow(own)
        layout.addRow(row)
        layout.addRow(self.sender_problem)
        layout.addRow(self.sender_label)
        if settings.SENDER.get():
            self.shared_mailbox.setChecked(True)
            self.apply_sender()
        return box

    def _own_toggled(self, own: bool) -> None:
        if own:
            self.apply_sender()

    def sign_in_or_out(self) -> None:
        """Sign out when signed in; otherwise open the sign-in dialog."""
        if self.controller.account is not None:
            self.controller.sign_out()
            return
        self.dialog.pages.setCurrentIndex(0)
        self.dialog.error.clear()
        self.dialog.browser_button.setEnabled(True)
        self.dialog.code_button.setEnabled(True)
        self.dialog.open()

    def apply_sender(self) -> None:
        """Use the chosen mailbox; the core checks a typed address."""
        text = self.shared_address.currentText() if self.shared_mailbox.isChecked() else ""
        problem = self.controller.set_sender(text)
        self.sender_problem.setText(problem or "")
        if problem is None and text and self.shared_address.findText(text) < 0:
            self.shared_address.insertItem(0, text)

    def _show_profile(self, profile: Profile | None) -> None:
        if profile is None:
            self.name_label.setText(self.tr("Not signed in"))
            self.address_label.clear()
            self.note.setText(
                self.tr(
                    "You can open recipients, write the message and preview it without signing in. "
                    "Sign in to use Outlook contacts and to send."
                )
            )
            self.sign_in_button.setText(self.tr("Sign in…"))
        else:
            self.name_label.setText(profile.display_name)
            self.address_label.setText(profile.mail or profile.user_principal_name)
            self.note.setText("" if profile.mail else self.tr("This account has no mailbox to send from."))
            self.sign_in_button.setText(self.tr("Sign out"))
        self.stay_signed_in.blockSignals(True)
        self.stay_signed_in.setChecked(self.controller.stays_signed_in)
        self.stay_signed_in.blockSignals(False)
        self.status.emit(self.name_label.text())

    def _show_sender(self, address: str) -> None:
        if address:
            self.sender_label.setText(self.tr("Messages go out from {address}.").format(address=address))
        else:
            self.sender_label.setText(self.tr("Sign in to see the address messages go out from."))
