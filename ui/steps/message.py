"""Step 3, Message: subject, body (designed or as HTML), plain text, attachments, and template files."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from securemailmerge.campaign import EXTENSION
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.recipients import RecipientList
from securemailmerge.template import Template, html_to_text, import_message, save_template
from ui.controller import Controller
from ui.editor import RichEditor, SubjectEdit
from ui.steps.base import Step

EDIT_DELAY_MS = 300


class MessageStep(Step):
    """Write one message for everybody; every edit reaches the preview and the check after a pause."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setAcceptDrops(True)
        self.path: Path | None = None
        self.dirty = False
        self._loading = False
        self._html = ""
        self.layout_.addLayout(self._file_row())
        form = QFormLayout()
        self.subject = SubjectEdit(self)
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.setPlaceholderText(self.tr("Subject; type {{ to insert a field"))
        form.addRow(self.tr("Subject"), self.subject)
        self.layout_.addLayout(form)
        self.tabs = QTabWidget(self)
        self.editor = RichEditor(self.add_file, self)
        self.source = QPlainTextEdit(self)
        self.source.setAccessibleName(self.tr("HTML source"))
        self.source.setTabChangesFocus(True)
        self.tabs.addTab(self.editor, self.tr("Design"))
        self.tabs.addTab(self.source, self.tr("HTML source"))
        self.tabs.addTab(self._text_page(), self.tr("Plain text"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.layout_.addWidget(self.tabs, 1)
        self.layout_.addWidget(self._attachments_box())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EDIT_DELAY_MS)
        self._timer.timeout.connect(self.publish)
        self.subject.textChanged.connect(self._edited)
        self.editor.text.textChanged.connect(self._design_edited)
        self.source.textChanged.connect(self._edited)
        self.text.textChanged.connect(self._edited)
        controller.template_changed.connect(self._show_template)
        controller.recipients_changed.connect(self._show_fields)

    def title(self) -> str:
        """The step's name."""
        return self.tr("Message")

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open template…"), self)
        self.open_button.clicked.connect(self.ask_open)
        self.save_button = QPushButton(self.tr("Save template…"), self)
        self.save_button.clicked.connect(self.ask_save)
        self.import_button = QPushButton(self.tr("Import from Outlook…"), self)
        self.import_button.setToolTip(self.tr("An Outlook template (.oft) or message (.msg, .eml)"))
        self.import_button.clicked.connect(self.ask_import)
        for button in (self.open_button, self.save_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _text_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.derive = QCheckBox(self.tr("Make the plain text from the message"), page)
        self.derive.setChecked(True)
        self.derive.toggled.connect(self._derive_toggled)
        self.text = QPlainTextEdit(page)
        self.text.setAccessibleName(self.tr("Plain text"))
        self.text.setTabChangesFocus(True)
        self.text.setReadOnly(True)
        layout.addWidget(self.derive)
        layout.addWidget(self.text, 1)
        return page

    def _attachments_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Attachments"), self)
        layout = QHBoxLayout(box)
        self.attachments = QListWidget(box)
        self.attachments.setAccessibleName(self.tr("Attachments for everybody"))
        self.attachments.setMaximumHeight(90)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), box)
        self.add_button.clicked.connect(self.ask_attachment)
        self.remove_button = QPushButton(self.tr("Remove"), box)
        self.remove_button.clicked.connect(self.remove_attachment)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        form = QFormLayout()
        self.attachment_column = QComboBox(box)
        self.attachment_column.setAccessibleName(self.tr("Attachment column"))
        self.attachment_column.addItem(self.tr("(none)"), "")
        self.attachment_column.activated.connect(lambda _i: self._edited())
        form.addRow(self.tr("Per recipient, files named in column"), self.attachment_column)
        layout.addWidget(self.attachments, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        return box

    # Editing

    def _design_edited(self) -> None:
        if not self._loading:
            self._html = self.editor.text.toHtml()
            self._edited()

    def _tab_changed(self, index: int) -> None:
        self._loading = True
        if self.tabs.widget(index) is self.source:
            self.source.setPlainText(self._html)
        elif self.tabs.widget(index) is self.editor:
            self.editor.set_html(self._html)
        self._loading = False
        self._show_derived()

    def _derive_toggled(self, derive: bool) -> None:
        self.text.setReadOnly(derive)
        self._show_derived()
        self._edited()

    def _show_derived(self) -> None:
        if self.derive.isChecked():
            self._loading = True
            self.text.setPlainText(html_to_text(self._html))
            self._loading = False

    def _edited(self) -> None:
        if self._loading:
            return
        if self.tabs.currentWidget() is self.source:
            self._html = self.source.toPlainText()
        self.dirty = True
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the step hands a pending edit on at once: Send never works on an older message."""
        # Only for a change of step: a closing window hands nothing on to work it will not see.
        if self._timer.isActive() and self.window().isVisible():
            self.publish()
        super().hideEvent(event)

    def current_template(self) -> Template:
        """The template the controls describe."""
        column = self.attachment_column.currentData() or None
        names = tuple(self.attachments.item(i).text() for i in range(self.attachments.count()))
        text = None if self.derive.isChecked() else self.text.toPlainText()
        return Template(self.subject.text(), self._html, text, names, column)

    def publish(self) -> None:
        """Hand the edited template to the controller (preview and check follow)."""
        self._timer.stop()
        self.controller.set_template(self.current_template(), self.controller.template_folder)

    # Files

    def ask_open(self) -> None:
        """Open a template file."""
        if not self.may_close():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open template"), "", self.tr("Templates (*.json *.html *.htm)")
        )
        if path:
            self.open(Path(path))

    def open(self, path: Path) -> bool:
        """Load ``path`` as the template."""
        if self.controller.open_template(path, on_error=self._failed):
            self.path = path
            self.dirty = False
            return True
        return False

    def ask_save(self) -> bool:
        """Save the template as JSON (bodies inline); True when saved."""
        start = str(self.path.with_suffix(".json")) if self.path else ""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save template"), start, self.tr("Templates (*.json)")
        )
        return bool(path) and self.save(Path(path))

    def save(self, path: Path) -> bool:
        """Write the template to ``path``; its attachments are named relative to that folder."""
        self.publish()
        try:
            save_template(self.current_template(), path)
        except SecureMailMergeError as error:
            self._failed(str(error))
            return False
        self.path, self.dirty = path, False
        self.status.emit(self.tr("Saved {file}.").format(file=path.name))
        return True

    def ask_import(self) -> None:
        """Import an Outlook template or message; its files go into a folder beside it."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import from Outlook"), "", self.tr("Outlook files (*.oft *.msg *.eml)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, folder: Path | None = None) -> bool:
        """Import ``path``; attachments and images are written into ``folder`` (default: beside it)."""
        folder = folder or path.with_name(path.stem + " files")
        try:
            template = import_message(path, folder)
        except SecureMailMergeError as error:
            self._failed(str(error))
            return False
        self.path, self.dirty = None, True
        self.controller.set_template(template, folder)
        self.status.emit(
            self.tr("Imported {file}; its files are in {folder}.").format(file=path.name, folder=folder)
        )
        return True

    def may_close(self) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved message"),
            self.tr("The message has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.ask_save()
        return answer == QMessageBox.StandardButton.Discard

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Message"), message)

    # Attachments

    def add_file(self, path: Path) -> str | None:
        """Copy ``path`` into the template's folder (unless it is there) and return its name there."""
        folder = self.controller.template_folder
        if folder is None:
            self.controller.template_folder = folder = path.parent
            self.editor.set_base_folder(folder)
        if path.resolve().parent == folder.resolve():
            return path.name
        try:
            shutil.copy2(path, folder / path.name)
        except OSError as error:
            self._failed(
                self.tr("{file} cannot be copied to {folder}: {reason}").format(
                    file=path.name, folder=folder, reason=error.strerror or error
                )
            )
            return None
        self.status.emit(self.tr("Copied {file} into {folder}.").format(file=path.name, folder=folder))
        return path.name

    def ask_attachment(self) -> None:
        """Add files that every recipient gets."""
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for path in paths:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        """Attach ``path`` for everybody."""
        name = self.add_file(path)
        if name is not None and not self.attachments.findItems(name, Qt.MatchFlag.MatchExactly):
            self.attachments.addItem(name)
            self._edited()

    def remove_attachment(self) -> None:
        """Remove the selected attachment."""
        row = self.attachments.currentRow()
        if row >= 0:
            self.attachments.takeItem(row)
            self._edited()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files dropped here become attachments; a campaign file is left to the window, which opens it."""
        urls = event.mimeData().urls()
        if urls and not any(url.toLocalFile().lower().endswith(EXTENSION) for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Attach every dropped file."""
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                self.attach(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # What the controller tells

    def _show_template(self, template: Template | None) -> None:
        if template is None or template == self.current_template():
            return
        self._loading = True
        self.subject.setText(template.subject)
        self._html = template.html
        self.editor.set_base_folder(self.controller.template_folder)
        self.editor.set_html(template.html)
        self.source.setPlainText(template.html)
        self.derive.setChecked(template.text is None)
        self.text.setPlainText(template.text if template.text is not None else html_to_text(template.html))
        self.attachments.clear()
        self.attachments.addItems(list(template.attachments))
        column = template.attachment_column or ""
        if self.attachment_column.findData(column) < 0:
            self.attachment_column.addItem(column, column)
        self.attachment_column.setCurrentIndex(self.attachment_column.findData(column))
        self._loading = False

    def _show_fields(self, recipients: RecipientList | None) -> None:
        columns = list(recipients.columns) if recipients else []
        self.subject.set_fields(columns)
        self.editor.fields.set_fields(columns)
        chosen = self.attachment_column.currentData() or ""
        self.attachment_column.clear()
        self.attachment_column.addItem(self.tr("(none)"), "")
        for column in columns:
            self.attachment_column.addItem(column, column)
        if chosen and self.attachment_column.findData(chosen) < 0:
            self.attachment_column.addItem(chosen, chosen)
        self.attachment_column.setCurrentIndex(max(self.attachment_column.findData(chosen), 0))
