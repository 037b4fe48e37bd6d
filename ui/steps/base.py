"""What every step of the window shares: its title, its controller, and the signals the window wires.

Like OnionShare's mode widget: the main window knows steps only through this class, and a step never
reaches into another one; it asks the window through ``go_to_step`` or ``show_row``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.controller import Controller


class Step(QWidget):
    """One page of the main window; subclasses build their controls under the heading."""

    status = Signal(str)  # a short sentence for the status bar
    go_to_step = Signal(int)  # ask the window to show another step
    show_row = Signal(int)  # ask the window to preview a recipient (index in the table)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.layout_ = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("stepHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.layout_.addWidget(self.heading)
        self.heading.setText(self.title())
        self.setAccessibleName(self.title())

    def title(self) -> str:
        """The step's name in the step list and its heading."""
        raise NotImplementedError

    def entered(self) -> None:
        """Called when the user opens this step; steps refresh what may have gone stale."""
