"""Every permission the app asks Microsoft for, each with its full reason, wrapped and never cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from securemailmerge.m365 import scope_reasons


class PermissionsView(QScrollArea):
    """A two-column list (permission, reason) in labels that wrap to the width they are given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Permissions"))
        inner = QWidget(self)
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for line, (scope, reason) in enumerate(scope_reasons()):
            name = QLabel(f"<b>{scope}</b>", inner)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            why = QLabel(reason, inner)
            why.setWordWrap(True)
            why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            why.setAccessibleName(scope)
            grid.addWidget(name, line, 0)
            grid.addWidget(why, line, 1)
            self.rows.append((name, why))
        grid.setRowStretch(len(self.rows), 1)
        self.setWidget(inner)

    def reasons(self) -> dict[str, str]:
        """What the view shows: permission -> reason."""
        return {name.text().removeprefix("<b>").removesuffix("</b>"): why.text() for name, why in self.rows}
