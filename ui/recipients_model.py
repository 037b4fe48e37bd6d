"""A table model over a recipient list: lazy, so 100,000 rows scroll without building widgets."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from securemailmerge.recipients import Recipient, RecipientList, RowProblem

_Index = QModelIndex | QPersistentModelIndex


class RecipientsModel(QAbstractTableModel):
    """Row number, status and every column; excluded rows follow the ready ones, greyed out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._list: RecipientList | None = None
        self._rows: list[tuple[Recipient, bool]] = []
        self._problems: dict[int, str] = {}

    def set_list(self, recipients: RecipientList | None) -> None:
        """Show ``recipients`` (or nothing)."""
        self.beginResetModel()
        self._list = recipients
        self._rows = []
        self._problems = {}
        if recipients is not None:
            self._rows = [(r, True) for r in recipients.rows] + [(r, False) for r in recipients.excluded]
            for problem in recipients.problems:
                self._problems.setdefault(problem.row, problem.message)
        self.endResetModel()

    def add_problems(self, problems: Iterable[RowProblem]) -> None:
        """Mark rows that the check found problems in (a row keeps its first problem as tooltip)."""
        for problem in problems:
            self._problems.setdefault(problem.row, problem.message)
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def recipient(self, row: int) -> Recipient | None:
        """The recipient shown in table row ``row``."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def is_ready(self, row: int) -> bool:
        """True when table row ``row`` will be sent to."""
        return 0 <= row < len(self._rows) and self._rows[row][1]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows shown: ready ones first, then those left out."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The row number, the status, then the list's own columns."""
        if parent.isValid() or self._list is None:
            return 0
        return 2 + len(self._list.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles; the list's own column names are shown as they are in the file."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("Status")
        assert self._list is not None
        return self._list.columns[section - 2]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, the problem as a tooltip, excluded rows in grey."""
        if not index.isValid():
            return None
        recipient, ready = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return recipient.row
            if column == 1:
                if not ready:
                    return self.tr("Left out")
                return self.tr("Check") if recipient.row in self._problems else self.tr("Ready")
            assert self._list is not None
            return recipient.fields.get(self._list.columns[column - 2], "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._problems.get(recipient.row)
        if role == Qt.ItemDataRole.ForegroundRole and not ready:
            return QBrush(QColor("gray"))
        return None
