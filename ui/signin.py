"""The sign-in dialog: the permissions asked for and why, how signing in goes, and a code shown large.

The dialog runs the sign-in itself through the controller, so its errors appear in it (not in a
second message box) and Cancel stops the waiting worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.m365 import DeviceCodePrompt, broker_usable, keychain_unavailable_reason
from ui.controller import Controller
from ui.permissions import PermissionsView
from ui.worker import Worker


class SignInDialog(QDialog):
    """First the permissions and the choice of browser or code; then the code to enter, or the wait."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.worker: Worker | None = None
        # Where the OS broker is usable the sign-in tries it before the browser (m365.signin).
        self.broker_first = controller.tenant is not None and broker_usable(controller.tenant)
        self.setWindowTitle(self.tr("Sign in to Microsoft 365"))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._code_page())
        layout.addWidget(self.pages, 1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.browser_button = QPushButton(
            self.tr("Sign in with this computer's account")
            if self.broker_first
            else self.tr("Sign in with the browser"),
            self,
        )
        self.code_button = QPushButton(self.tr("Sign in with a code"), self)
        self.buttons.addButton(self.browser_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.code_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        preferred = self.code_button if controller.prefers_device_code else self.browser_button
        preferred.setDefault(True)
        self.browser_button.clicked.connect(lambda: self.start(device_code=False))
        self.code_button.clicked.connect(lambda: self.start(device_code=True))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        controller.device_code.connect(self._show_code)
        controller.account_changed.connect(self._signed_in)
        self.resize(680, 560)

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr("SecureMailMerge asks Microsoft only for these permissions, each for one reason:"), page
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.permissions = PermissionsView(page)
        layout.addWidget(self.permissions, 1)
        self.stay_signed_in = QCheckBox(self.tr("Stay signed in on this computer"), page)
        self.stay_signed_in.setAccessibleDescription(
            self.tr("Keeps the sign-in encrypted, with its key in the system keychain")
        )
        layout.addWidget(self.stay_signed_in)
        self.keychain_note = QLabel(page)
        self.keychain_note.setWordWrap(True)
        no_keychain = keychain_unavailable_reason()
        if no_keychain:
            self.stay_signed_in.setEnabled(False)
            self.stay_signed_in.setToolTip(no_keychain)
            self.keychain_note.setText(no_keychain)
        else:
            self.keychain_note.hide()
        layout.addWidget(self.keychain_note)
        self.method_note = QLabel(self._method_text(), page)
        self.method_note.setWordWrap(True)
        layout.addWidget(self.method_note)
        return page

    def _method_text(self) -> str:
        if self.broker_first:
            return self.tr(
                "Signing in goes through this computer's own sign-in (Web Account Manager or Company "
                "Portal); where that is not available your browser opens, and where no browser opens "
                "you get a code to enter on any device."
            )
        return self.tr(
            "Signing in opens your browser; where no browser opens you get a code to enter on any device."
        )

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.code_instruction = QLabel(self.tr("Waiting for Microsoft…"), page)
        self.code_instruction.setWordWrap(True)
        self.code_instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.code_instruction.setOpenExternalLinks(True)
        layout.addWidget(self.code_instruction)
        self.code = QLabel(page)
        self.code.setAccessibleName(self.tr("Sign-in code"))
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 3)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy code"), page)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code.text()))
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def start(self, *, device_code: bool) -> None:
        """Begin signing in; the dialog waits (and can be cancelled) until the account arrives."""
        self.error.clear()
        self.browser_button.setEnabled(False)
        self.code_button.setEnabled(False)
        self.pages.setCurrentIndex(1)
        self.code.clear()
        self.code_instruction.setText(
            self.tr("Waiting for Microsoft…")
            if device_code
            else self.tr(
                "Finish signing in in the window this computer shows, or else in your browser; "
                "this window waits for it."
            )
            if self.broker_first
            else self.tr("Finish signing in in your browser; this window waits for it.")
        )
        self.worker = self.controller.sign_in(
            device_code=device_code, stay_signed_in=self.stay_signed_in.isChecked(), on_error=self._failed
        )

    def _show_code(self, prompt: DeviceCodePrompt) -> None:
        self.code_instruction.setText(
            self.tr('On any device, open <a href="{url}">{url}</a> and enter this code:').format(
                url=prompt.verification_uri
            )
        )
        self.code.setText(prompt.user_code)
        self.copy_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.error.setText(message)
        self.pages.setCurrentIndex(0)
        self.browser_button.setEnabled(True)
        self.code_button.setEnabled(True)
        self.copy_button.setEnabled(False)

    def _signed_in(self, account: object) -> None:
        if account is not None and self.isVisible():
            self.accept()

    def reject(self) -> None:
        """Cancel stops a sign-in that is waiting for the user."""
        if self.worker is not None:
            self.worker.cancel.set()
            self.worker = None
        super().reject()
