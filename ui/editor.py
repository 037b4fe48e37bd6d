"""The message editor: rich text with a formatting toolbar, an "Insert field" menu and field completion."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFontComboBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

SIZES = (8, 9, 10, 11, 12, 14, 16, 18, 20, 24, 28, 36)


def field_tag(name: str) -> str:
    """How a merge field is written in a template: ``{{First Name}}``."""
    return "{{" + name + "}}"


class FieldMenu(QMenu):
    """The current columns of the recipient list; choosing one calls ``insert`` with its tag."""

    def __init__(self, title: str, insert: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._insert = insert
        self.set_fields(())

    def set_fields(self, fields: Sequence[str]) -> None:
        """List ``fields`` (or say that there are none yet)."""
        self.clear()
        for name in fields:
            action = self.addAction(name)
            action.triggered.connect(lambda _c=False, name=name: self._insert(field_tag(name)))
        if not fields:
            empty = self.addAction(self.tr("Open recipients to see their fields"))
            empty.setEnabled(False)


class SubjectEdit(QLineEdit):
    """A one-line edit that completes ``{{`` with the recipient list's field names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = QStringListModel(self)
        self.completer_ = QCompleter(self.fields, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._complete)
        self.textEdited.connect(self._maybe_complete)

    def set_fields(self, fields: Sequence[str]) -> None:
        """The names offered after ``{{``."""
        self.fields.setStringList(list(fields))

    def _open_field(self) -> tuple[int, str] | None:
        before = self.text()[: self.cursorPosition()]
        start = before.rfind("{{")
        if start < 0 or "}}" in before[start:]:
            return None
        return start, before[start + 2 :]

    def _maybe_complete(self, _text: str) -> None:
        found = self._open_field()
        if found is None:
            popup = self.completer_.popup()
            if popup is not None:
                popup.hide()
            return
        self.completer_.setCompletionPrefix(found[1].strip())
        self.completer_.complete()
        popup = self.completer_.popup()
        if popup is not None:
            # The best match is highlighted, so Enter takes it as in Outlook's and every editor's completion.
            popup.setCurrentIndex(self.completer_.completionModel().index(0, 0))

    def _complete(self, name: str) -> None:
        found = self._open_field()
        if found is None:
            return
        start, _partial = found
        text, cursor = self.text(), self.cursorPosition()
        self.setText(text[:start] + field_tag(name) + text[cursor:])
        self.setCursorPosition(start + len(field_tag(name)))


class RichEditor(QWidget):
    """A QTextEdit with bold, italic, underline, lists, links, font, size, colour, images and tables."""

    def __init__(self, add_file: Callable[[Path], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add_file = add_file  # copies an image into the template folder; returns its name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar(self.tr("Formatting"), self)
        self.toolbar.setAccessibleName(self.tr("Formatting"))
        # Two rows: in German and Spanish one row of 1024 pixels hid the last tools behind "»".
        self.inserting = QToolBar(self.tr("Font and insert"), self)
        self.inserting.setAccessibleName(self.tr("Font and insert"))
        self.text = QTextEdit(self)
        self.text.setAcceptRichText(True)
        self.text.setAccessibleName(self.tr("Message body"))
        self.text.setTabChangesFocus(True)
        self.fields = FieldMenu(self.tr("Insert field"), self.insert_text, self)
        self._build_toolbar()
        layout.addWidget(self.toolbar)
        layout.addWidget(self.inserting)
        layout.addWidget(self.text, 1)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence.StandardKey | str | None,
        slot: Callable[[], None],
        toolbar: QToolBar | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        (toolbar or self.toolbar).addAction(action)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        # First, so it never hides behind the toolbar's overflow arrow in a narrow window.
        self.field_button = QToolButton(self)
        self.field_button.setText(self.tr("Insert field"))
        self.field_button.setAccessibleName(self.tr("Insert field"))
        self.field_button.setMenu(self.fields)
        self.field_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.field_button)
        self.toolbar.addSeparator()
        self.bold = self._action(self.tr("Bold"), QKeySequence.StandardKey.Bold, self._toggle_bold)
        self.italic = self._action(self.tr("Italic"), QKeySequence.StandardKey.Italic, self._toggle_italic)
        self.underline = self._action(
            self.tr("Underline"), QKeySequence.StandardKey.Underline, self._toggle_underline
        )
        for action in (self.bold, self.italic, self.underline):
            action.setCheckable(True)
        self.bullets = self._action(
            self.tr("Bullets"), None, lambda: self._list(QTextListFormat.Style.ListDisc)
        )
        self.numbers = self._action(
            self.tr("Numbering"), None, lambda: self._list(QTextListFormat.Style.ListDecimal)
        )
        self.link = self._action(self.tr("Link…"), "Ctrl+K", self.insert_link)
        self.font_box = QFontComboBox(self)
        self.font_box.setAccessibleName(self.tr("Font"))
        self.font_box.currentFontChanged.connect(lambda font: self._merge(family=font.family()))
        self.size_box = QComboBox(self)
        self.size_box.setAccessibleName(self.tr("Font size"))
        self.size_box.addItems([str(size) for size in SIZES])
        self.size_box.setCurrentText("11")
        self.size_box.textActivated.connect(lambda text: self._merge(size=float(text)))
        self.inserting.addWidget(self.font_box)
        self.inserting.addWidget(self.size_box)
        self.colour = self._action(self.tr("Colour…"), None, self.choose_colour, self.inserting)
        self.inserting.addSeparator()
        self.image = self._action(self.tr("Image…"), None, self.insert_image, self.inserting)
        self.table = self._action(self.tr("Table"), None, self.insert_table, self.inserting)
        self.text.currentCharFormatChanged.connect(self._show_format)

    def _merge(
        self, *, family: str | None = None, size: float | None = None, colour: QColor | None = None
    ) -> None:
        fmt = QTextCharFormat()
        if family is not None:
            fmt.setFontFamilies([family])
        if size is not None:
            fmt.setFontPointSize(size)
        if colour is not None:
            fmt.setForeground(colour)
        self.text.mergeCurrentCharFormat(fmt)
        self.text.setFocus()

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold.isChecked() else QFont.Weight.Normal)
        self.text.mergeCurrentCharFormat(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic.isChecked())
        self.text.mergeCurrentCharFormat(fmt)

    def _toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(self.underline.isChecked())
        self.text.mergeCurrentCharFormat(fmt)

    def _show_format(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline())

    def _list(self, style: QTextListFormat.Style) -> None:
        cursor = self.text.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            current.remove(cursor.block())
            return
        fmt = QTextListFormat()
        fmt.setStyle(style)
        cursor.createList(fmt)

    def insert_text(self, text: str) -> None:
        """Insert plain ``text`` (a merge field) where the cursor is."""
        self.text.textCursor().insertText(text)
        self.text.setFocus()

    def insert_link(self) -> None:
        """Make the selection (or a new text) a link to the address the user types."""
        url, ok = QInputDialog.getText(self, self.tr("Insert link"), self.tr("Address (https://…):"))
        if not ok or not url.strip():
            return
        cursor = self.text.textCursor()
        label = cursor.selectedText() or url.strip()
        cursor.insertHtml(f'<a href="{html.escape(url.strip(), quote=True)}">{html.escape(label)}</a>')

    def choose_colour(self) -> None:
        """Colour the selected text."""
        colour = QColorDialog.getColor(self.text.textColor(), self, self.tr("Text colour"))
        if colour.isValid():
            self._merge(colour=colour)

    def insert_image(self) -> None:
        """Insert an image file; it is copied into the template's folder and sent inside the message."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Insert image"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif)")
        )
        if path:
            self.insert_image_file(Path(path))

    def insert_image_file(self, path: Path) -> None:
        """Insert the image at ``path`` (copied into the template folder first)."""
        name = self._add_file(path)
        if name is not None:
            self.text.textCursor().insertHtml(f'<img src="{html.escape(name, quote=True)}">')

    def insert_table(self) -> None:
        """Insert a table of two rows and two columns."""
        cursor = self.text.textCursor()
        cursor.insertTable(2, 2)
        self.text.setTextCursor(cursor)

    def set_base_folder(self, folder: Path | None) -> None:
        """Where images named in the HTML are found, so the editor shows them."""
        if folder is not None:
            self.text.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))

    def set_html(self, text: str) -> None:
        """Show ``text`` without counting it as an edit."""
        self.text.blockSignals(True)
        self.text.setHtml(text)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self.text.blockSignals(False)
