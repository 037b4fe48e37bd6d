"""The desktop app's entry point and main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from ui.i18n import install_translations


class MainWindow(QMainWindow):
    """The main window: recipients, message, preview and sending."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("SecureMailMerge"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel(self.tr("Personal mail merge for Microsoft 365."), central))
        self.setCentralWidget(central)
        self.resize(960, 640)


def main(argv: list[str] | None = None) -> int:
    """Start the app; ``--sandbox`` connects it to the built-in Microsoft 365 sandbox."""
    parser = argparse.ArgumentParser(prog="securemailmerge-desktop")
    parser.add_argument("--sandbox", action="store_true", help="use the built-in sandbox")
    parser.add_argument("--lang", choices=["en", "de", "es"], default=None)
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    app = QApplication([sys.argv[0], *qt_args])
    install_translations(app, args.lang)
    window = MainWindow()
    window.show()
    return app.exec()
