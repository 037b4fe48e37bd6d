"""The sign-in dialog: which permissions the app asks for and why, and whether to stay signed in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.m365 import keychain_unavailable_reason, scope_reasons


class SignInDialog(QDialog):
    """Lists every permission with its reason; the user picks browser or code, and stay-signed-in."""

    def __init__(self, *, prefer_device_code: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Microsoft 365"))
        self.device_code = prefer_device_code
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("SecureMailMerge asks Microsoft only for these permissions, each for one reason:"))
        )
        self.permissions = QTreeWidget(self)
        self.permissions.setHeaderLabels([self.tr("Permission"), self.tr("Why")])
        self.permissions.setRootIsDecorated(False)
        self.permissions.setWordWrap(True)
        for scope, reason in scope_reasons():
            QTreeWidgetItem(self.permissions, [scope, reason])
        self.permissions.resizeColumnToContents(0)
        layout.addWidget(self.permissions)

        self.stay_signed_in = QCheckBox(self.tr("Stay signed in on this computer"), self)
        no_keychain = keychain_unavailable_reason()
        if no_keychain:
            self.stay_signed_in.setEnabled(False)
            self.stay_signed_in.setToolTip(no_keychain)
            layout.addWidget(self.stay_signed_in)
            self.keychain_note = QLabel(no_keychain, self)
            self.keychain_note.setWordWrap(True)
            layout.addWidget(self.keychain_note)
        else:
            layout.addWidget(self.stay_signed_in)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.browser_button = QPushButton(self.tr("Sign in with the browser"), self)
        self.code_button = QPushButton(self.tr("Sign in with a code"), self)
        buttons.addButton(self.browser_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.code_button, QDialogButtonBox.ButtonRole.AcceptRole)
        (self.code_button if prefer_device_code else self.browser_button).setDefault(True)
        self.browser_button.clicked.connect(lambda: self._choose(device_code=False))
        self.code_button.clicked.connect(lambda: self._choose(device_code=True))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _choose(self, *, device_code: bool) -> None:
        self.device_code = device_code
        self.accept()
