"""The recipients table's proxy: it maps row to row and hands a painted cell's roles on in one call."""

from __future__ import annotations

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.recipients_model import RecipientsModel

_Index = QModelIndex | QPersistentModelIndex


class RecipientsFilter(QIdentityProxyModel):
    """The table's proxy: the model filters (off the UI thread) and sorts its own rows; it passes them on.

    A proxy that filtered by itself would ask the model for each of 100,000 rows on the UI thread;
    even QSortFilterProxyModel's pass-through walked all of them at each mark (10 ms) and added a
    fifth to every repaint, so this one only maps row to row.
    """

    def __init__(self, model: RecipientsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.model_ = model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the model sort its rows; the proxy keeps their order."""
        self.model_.sort(column, order)

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role of a painted cell in one call to the model (Qt's proxy would ask ``data`` per role)."""
        if index.isValid():
            self.model_.multiData(self.model_.createIndex(index.row(), index.column()), roleDataSpan)
