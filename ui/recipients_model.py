"""A table model over a recipient list: lazy, so 100,000 rows scroll without building widgets.

Column 0 is the tick that includes or leaves out a row, column 1 the source row number, column 2
the status with its icon and reason; the list's own columns follow. ``matching`` finds the rows
a filter keeps on a worker, and ``show_only`` shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast, overload

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from securemailmerge.recipients import DUPLICATE, Recipient, RecipientList, RowProblem
from ui import theme

_Index = QModelIndex | QPersistentModelIndex
FIXED = 3  # tick, row, status
LOOKS_KEPT = 600  # rows whose status is kept for repainting: a few screens full
_Role = Qt.ItemDataRole
_DISPLAY, _CHECK, _ICON = _Role.DisplayRole, _Role.CheckStateRole, _Role.DecorationRole
_TIP, _COLOUR = _Role.ToolTipRole, _Role.ForegroundRole
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled  # QAbstractTableModel's own flags
_TICK = _CELL | Qt.ItemFlag.ItemIsUserCheckable

READY, INVALID, DUPLICATE_ROW, MISSING, LEFT_OUT, BOUNCED, DO_NOT_CONTACT = (
    "ready",
    "invalid",
    "duplicate",
    "missing",
    "leftout",
    "bounced",
    "donotcontact",
)
_ICONS = {
    READY: QStyle.StandardPixmap.SP_DialogApplyButton,
    INVALID: QStyle.StandardPixmap.SP_MessageBoxCritical,
    DUPLICATE_ROW: QStyle.StandardPixmap.SP_FileDialogDetailedView,
    MISSING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    LEFT_OUT: QStyle.StandardPixmap.SP_DialogCancelButton,
    BOUNCED: QStyle.StandardPixmap.SP_BrowserStop,
    DO_NOT_CONTACT: QStyle.StandardPixmap.SP_DialogNoButton,
}


class _Rows(Sequence[tuple[Recipient, bool]]):
    """The ready rows then the excluded ones, without copying them: a list of 100,000 costs a freeze.

    Sorting keeps an order of positions instead of moving the recipients.
    """

    def __init__(self, ready: Sequence[Recipient] = (), excluded: Sequence[Recipient] = ()) -> None:
        self._ready, self._excluded = ready, excluded
        self._count = len(ready)
        self._order: list[int] | None = None

    @overload
    def __getitem__(self, index: int) -> tuple[Recipient, bool]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Recipient, bool]]: ...
    def __getitem__(self, index: int | slice) -> tuple[Recipient, bool] | Sequence[tuple[Recipient, bool]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = self._order[index] if self._order is not None else index
        if position < self._count:
            return self._ready[position], True
        return self._excluded[position - self._count], False

    def __len__(self) -> int:
        return len(self._order) if self._order is not None else self._count + len(self._excluded)

    def every(self) -> _Rows:
        """All rows in file order, whatever is shown."""
        return _Rows(self._ready, self._excluded)

    def showing_all(self) -> bool:
        """True when every row is shown in file order."""
        return self._order is None

    def show(self, positions: list[int] | None) -> None:
        """Show only the rows at ``positions`` (file order positions), or all of them."""
        self._order = positions

    def sort(self, key: Callable[[tuple[Recipient, bool]], Any], reverse: bool = False) -> None:
        """Order the shown rows by ``key`` of each (recipient, ready) pair."""
        plain = self.every()
        shown = self._order if self._order is not None else range(len(plain))
        self._order = sorted(shown, key=lambda i: key(plain[i]), reverse=reverse)


class RecipientsModel(QAbstractTableModel):
    """Every row of the list (ready ones first), with its tick, status and reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._list: RecipientList | None = None
        self._rows = _Rows()
        self._problems: dict[int, RowProblem] = {}
        self._checked: dict[int, RowProblem] = {}
        self._bounced: dict[int, str] = {}
        self._blocked: dict[int, str] = {}
        self.left_out: set[int] = set()
        self._icons: dict[str, QIcon] = {}
        self._muted_brush: tuple[int, QBrush] | None = None
        # Each painted cell asks for seven roles; its row's status is worked out once, not per role.
        self._looks: dict[int, tuple[Recipient, str, str, bool]] = {}

    def set_list(self, recipients: RecipientList | None) -> None:
        """Show ``recipients`` (or nothing)."""
        self.beginResetModel()
        self._list = recipients
        self._rows = _Rows()
        self._looks = {}
        self._problems, self._checked, self._bounced, self._blocked = {}, {}, {}, {}
        self.left_out = set()
        if recipients is not None:
            self._rows = _Rows(recipients.rows, recipients.excluded)
            for problem in recipients.problems:
                if not problem.warning:
                    self._problems.setdefault(problem.row, problem)
        self.endResetModel()

    def leave_out(self, rows: Iterable[int]) -> None:
        """Untick the ready rows among source ``rows`` (a reopened campaign's left-out rows)."""
        ready = {recipient.row for recipient in self._list.rows} if self._list is not None else set()
        self.left_out = set(rows) & ready
        self._refresh_status()

    def set_checked(self, problems: Iterable[RowProblem]) -> None:
        """Mark rows in which the check found problems (replacing the previous check's marks)."""
        self._checked = {}
        for problem in problems:
            if problem.row not in self._problems:
                self._checked.setdefault(problem.row, problem)
        self._refresh_status()

    def set_bounced(self, row: int, reason: str) -> None:
        """Mark a source row whose message came back."""
        self._bounced[row] = reason
        self._refresh_status()

    def set_do_not_contact(self, blocked: dict[int, str]) -> None:
        """Mark the source rows the do-not-contact list leaves out, with the reason (replacing the last)."""
        self._blocked = dict(blocked)
        self._refresh_status()

    def blocked_count(self) -> int:
        """How many rows of the list the do-not-contact list leaves out."""
        return len(self._blocked)

    def bounced(self) -> dict[int, str]:
        """The source rows marked as bounced, with their reasons."""
        return dict(self._bounced)

    def restore_marks(self, left_out: set[int], bounced: dict[int, str]) -> None:
        """Show the ticks and bounces a previous table of the same list had (a rebuilt window)."""
        self.left_out = set(left_out)
        self._bounced = dict(bounced)
        self._refresh_status()

    def _refresh_status(self) -> None:
        self._looks = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))

    def recipient(self, row: int) -> Recipient | None:
        """The recipient shown in model row ``row``."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, source_row: int) -> int:
        """The model row of a source row number, or -1."""
        return next((i for i, (r, _) in enumerate(self._rows) if r.row == source_row), -1)

    def is_ready(self, row: int) -> bool:
        """True when model row ``row`` will be sent to."""
        if not 0 <= row < len(self._rows):
            return False
        recipient, ready = self._rows[row]
        return ready and recipient.row not in self.left_out and recipient.row not in self._blocked

    def status(self, row: int) -> tuple[str, str]:
        """The status code of model row ``row`` and the sentence that explains it."""
        recipient, ready = self._rows[row]
        return self._status_of(recipient, ready)

    def _status_of(self, recipient: Recipient, ready: bool) -> tuple[str, str]:
        if recipient.row in self._bounced:
            return BOUNCED, self._bounced[recipient.row]
        problem = self._problems.get(recipient.row)
        if not ready:
            code = DUPLICATE_ROW if problem is not None and problem.code == DUPLICATE else INVALID
            return code, problem.message if problem else self.tr("Left out")
        if recipient.row in self._blocked:
            return DO_NOT_CONTACT, self._blocked[recipient.row]
        if recipient.row in self.left_out:
            return LEFT_OUT, self.tr("You left this row out; it will not be sent.")
        found = problem or self._checked.get(recipient.row)
        if found is not None:
            return MISSING, found.message
        return READY, self.tr("Ready to send")

    def status_text(self, code: str) -> str:
        """The short word shown in the status column."""
        return {
            READY: self.tr("Ready"),
            INVALID: self.tr("Invalid"),
            DUPLICATE_ROW: self.tr("Duplicate"),
            MISSING: self.tr("Check"),
            LEFT_OUT: self.tr("Left out"),
            BOUNCED: self.tr("Bounced"),
            DO_NOT_CONTACT: self.tr("Do not contact"),
        }[code]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows shown: ready ones first, then those left out."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The tick, row number and status, then the list's own columns."""
        if parent.isValid() or self._list is None:
            return 0
        return FIXED + len(self._list.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles; the list's own column names are shown as they are in the file."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        fixed = (self.tr("Send"), self.tr("Row"), self.tr("Status"))
        if section < FIXED:
            return fixed[section]
        # The proxy passes a header's question on as it comes, also for a column the list just lost.
        columns = self._list.columns if self._list is not None else ()
        return columns[section - FIXED] if section - FIXED < len(columns) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Ready rows can be ticked off and on; rows the list or the do-not-contact list left out cannot."""
        if not index.isValid():
            return _NO_FLAGS
        if index.column() != 0:
            return _CELL  # asked of every painted cell: the row's status is looked up only for the tick
        recipient, ready = self._rows[index.row()]
        return _TICK if ready and recipient.row not in self._blocked else _CELL

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking a row includes it; unticking leaves it out."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        recipient, ready = self._rows[index.row()]
        if not ready or recipient.row in self._blocked:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        (self.left_out.discard if checked else self.left_out.add)(recipient.row)
        self._looks.pop(index.row(), None)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, the status icon and reason, the tick, and the search string."""
        if not index.isValid():
            return None
        return self._value(self._look(index.row()), index.column(), role)

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a painted cell asks for in one call (Qt's default asks ``data`` once per role)."""
        if not index.isValid():
            return
        look, column = self._look(index.row()), index.column()
        # PySide's span is a sequence of QModelRoleData (its stubs do not say so).
        span = [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        for asked in cast(Sequence[QModelRoleData], span):
            # None too: the painter hands the same span from cell to cell, and a role left as it
            # was would show the previous cell's value.
            asked.setData(self._value(look, column, asked.role()))

    def _look(self, row: int) -> tuple[Recipient, str, str, bool]:
        found = self._looks.get(row)
        if found is None:
            if len(self._looks) >= LOOKS_KEPT:
                self._looks = {}
            recipient, ready = self._rows[row]
            code, reason = self._status_of(recipient, ready)
            sent = ready and recipient.row not in self.left_out and recipient.row not in self._blocked
            found = self._looks[row] = (recipient, code, reason, sent)
        return found

    def _value(self, look: tuple[Recipient, str, str, bool], column: int, role: int) -> object:
        recipient, code, reason, sent = look
        if role == _DISPLAY:
            if column == 1:
                return recipient.row
            if column == 2:
                return self.status_text(code)
            if column >= FIXED:
                assert self._list is not None
                return recipient.fields.get(self._list.columns[column - FIXED], "")
            return None
        if role == _CHECK and column == 0:
            return Qt.CheckState.Checked if sent else Qt.CheckState.Unchecked
        if role == _ICON and column == 2:
            return self._icon(code)
        if role == _TIP and column < FIXED:
            return reason
        if role == _COLOUR and not sent:
            return self._muted()
        return None

    def _muted(self) -> QBrush:
        # Asked for each cell painted: computed once per palette (a theme switch brings a new one).
        palette = QApplication.palette()
        if self._muted_brush is None or self._muted_brush[0] != palette.cacheKey():
            self._muted_brush = (palette.cacheKey(), QBrush(theme.muted_colour(palette)))
        return self._muted_brush[1]

    def matching(self, text: str, status: str | None) -> list[int] | None:
        """File positions of the rows containing ``text`` with status ``status``; None for all rows.

        Reads only Python data, so a worker runs it: 100,000 rows are not searched on the UI thread.
        """
        words = text.strip().casefold()
        if not words and not status:
            return None
        every = self._rows.every()
        found = []
        for position in range(len(every)):
            recipient, ready = every[position]
            if status and self._status_of(recipient, ready)[0] != status:
                continue
            if words and not any(words in value.casefold() for value in recipient.fields.values()):
                continue
            found.append(position)
        return found

    def show_only(self, positions: list[int] | None) -> None:
        """Show the rows at these file positions (None: all)."""
        if positions is None and self._rows.showing_all():
            return  # a reset of 100,000 rows costs the window tens of milliseconds; this one is a no-op
        self.beginResetModel()
        self._rows.show(positions)
        self._looks = {}
        self.endResetModel()

    def total(self) -> int:
        """How many rows the list has, shown or not."""
        return len(self._rows.every())

    def _icon(self, code: str) -> QIcon:
        if code not in self._icons:
            self._icons[code] = QApplication.style().standardIcon(_ICONS[code])
        return self._icons[code]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves (one Python sort, not a comparison call per pair)."""
        if self._list is None:
            return
        columns = self._list.columns
        codes = {r.row: self.status(i)[0] for i, (r, _) in enumerate(self._rows)} if column == 2 else {}

        def key(entry: tuple[Recipient, bool]) -> tuple[int, str | int]:
            recipient = entry[0]
            if column <= 1:
                return (0, recipient.row)
            if column == 2:
                return (0, codes[recipient.row])
            return (0, recipient.fields.get(columns[column - FIXED], "").casefold())

        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._looks = {}
        self.layoutChanged.emit()
