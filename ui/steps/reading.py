"""How a recipient file is read: sheet, header row, encoding, delimiter, columns and which address to use.

Each control shows what the reader detected (or what the user chose) and, when the user changes it,
asks for the file to be read again with that one option changed; the step reads it on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from securemailmerge.recipients import AddressChoice, RecipientList, RecipientOptions

ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "mac-roman")
DELIMITERS = (",", ";", "\t", "|")
MAX_ADDRESS_NUMBER = 9  # Outlook exports three address columns, Google a few: nine is plenty
COLUMNS = 2  # label and field pairs side by side, so the table below keeps its height
MIN_COMBO_CHARACTERS = 6


class ReadingBox(QGroupBox):
    """The reading options of the open file, each shown as detected and changeable."""

    changed = Signal(dict)  # RecipientOptions fields to read the file again with

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How the file is read"))
        self.grid = QGridLayout(self)
        self.sheet = self._combo(self.tr("Sheet"), 0)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 1_000_000)
        self.header_row.setKeyboardTracking(False)
        self._add(self.tr("Header row"), self.header_row, 1)
        self.encoding = self._combo(self.tr("Encoding"), 2)
        self.encoding.addItems(ENCODINGS)
        self.delimiter = self._combo(self.tr("Delimiter"), 3)
        for value in DELIMITERS:
            self.delimiter.addItem(self.delimiter_name(value), value)
        self.columns: dict[str, QComboBox] = {}
        labels = {
            "email_column": self.tr("Email column"),
            "cc_column": self.tr("CC column"),
            "bcc_column": self.tr("BCC column"),
            "reply_to_column": self.tr("Reply-To column"),
        }
        for position, (key, label) in enumerate(labels.items(), start=4):
            box = self.columns[key] = self._combo(label, position)
            box.activated.connect(lambda _i, key=key, box=box: self.changed.emit({key: box.currentData()}))
        self.address = self._combo(self.tr("Address to use"), 8)
        self.address.setToolTip(self.tr("Which address a row with several gets"))
        self.address.addItem(self.tr("The first"), "first")
        self.address.addItem(self.tr("All of them"), "all")
        self.address.addItem(self.tr("Number…"), "index")
        self.address_number = QSpinBox(self)
        self.address_number.setRange(1, MAX_ADDRESS_NUMBER)
        self.address_number.setKeyboardTracking(False)
        self.address_number.setAccessibleName(self.tr("Address number"))
        self.grid.addWidget(self.address_number, 8 // COLUMNS, 2 * (8 % COLUMNS) + 2)
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self._add(self.tr("Detected"), self.detected, 10, span=2 * COLUMNS)
        emit = self.changed.emit
        self.sheet.activated.connect(lambda _i: emit({"sheet": self.sheet.currentText()}))
        self.header_row.valueChanged.connect(lambda row: emit({"header_row": row}))
        self.encoding.activated.connect(lambda _i: emit({"encoding": self.encoding.currentText()}))
        self.delimiter.activated.connect(lambda _i: emit({"delimiter": self.delimiter.currentData()}))
        self.address.activated.connect(lambda _i: self._address_chosen())
        self.address_number.valueChanged.connect(lambda _n: self._address_chosen())
        self.setEnabled(False)

    def _add(self, label: str, field: QWidget, position: int, span: int = 1) -> None:
        row, column = divmod(position, COLUMNS)
        title = QLabel(label, self)
        title.setBuddy(field)
        field.setAccessibleName(label)
        self.grid.addWidget(title, row, 2 * column)
        self.grid.addWidget(field, row, 2 * column + 1, 1, span)

    def _combo(self, label: str, position: int) -> QComboBox:
        box = QComboBox(self)
        # A long column name must not widen the window past a small screen; the list shows it whole.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(MIN_COMBO_CHARACTERS)
        self._add(label, box, position)
        return box

    def delimiter_name(self, value: str) -> str:
        """A delimiter as people call it."""
        names = {",": self.tr("Comma (,)"), ";": self.tr("Semicolon (;)"), "\t": self.tr("Tab"), "|": "|"}
        return names.get(value, value)

    def _address_chosen(self) -> None:
        mode = self.address.currentData()
        self.address_number.setEnabled(mode == "index")
        if mode == "index":
            choice = AddressChoice("index", index=self.address_number.value())
        else:
            choice = AddressChoice(mode)
        self.changed.emit({"address": choice})

    def show_sheets(self, names: object, current: str) -> None:
        """The workbook's sheets to choose from, ``current`` the one read."""
        self.sheet.clear()
        self.sheet.addItems(names if isinstance(names, list) else [])
        self.sheet.setCurrentText(current)
        self.sheet.setEnabled(self.sheet.count() > 1)

    def show_list(self, recipients: RecipientList, options: RecipientOptions) -> None:
        """Show how ``recipients`` was read: what was detected and what the user chose."""
        details = recipients.details
        self.sheet.clear()
        self.sheet.setEnabled(False)
        is_text = "encoding" in details
        self.encoding.setEnabled(is_text)
        self.delimiter.setEnabled(is_text)
        self.encoding.setCurrentText(details.get("encoding", ""))
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(details.get("delimiter")), 0))
        self.header_row.setEnabled("header_row" in details)
        self.header_row.blockSignals(True)  # showing the row found is not the user choosing one
        self.header_row.setValue(int(details.get("header_row") or 1))
        self.header_row.blockSignals(False)
        chosen = {
            "email_column": recipients.email_column,
            "cc_column": recipients.cc_column,
            "bcc_column": recipients.bcc_column,
            "reply_to_column": recipients.reply_to_column,
        }
        for key, box in self.columns.items():
            box.clear()
            if key != "email_column":
                box.addItem(self.tr("(none)"), "")
            for column in recipients.columns:
                box.addItem(column, column)
            box.setCurrentIndex(max(box.findData(chosen[key] or ""), 0))
        choice = options.address
        self.address.setCurrentIndex(max(self.address.findData(choice.mode), 0))
        self.address_number.blockSignals(True)
        self.address_number.setValue(choice.index)
        self.address_number.blockSignals(False)
        self.address_number.setEnabled(choice.mode == "index")
        self.detected.setText(self._detected_text(recipients))

    def _detected_text(self, recipients: RecipientList) -> str:
        details = recipients.details
        parts = []
        if "encoding" in details:
            parts.append(self.tr("encoding {encoding}").format(encoding=details["encoding"]))
            parts.append(
                self.tr("delimiter {delimiter}").format(delimiter=self.delimiter_name(details["delimiter"]))
            )
        if "sheet" in details:
            parts.append(self.tr("sheet {sheet}").format(sheet=details["sheet"]))
        if "header_row" in details:
            parts.append(self.tr("header in row {row}").format(row=details["header_row"]))
        parts.append(self.tr("email column {column}").format(column=recipients.email_column))
        return ", ".join(parts)
