"""Screenshots of every step of the window, in English, German and Spanish, at the sizes that matter.

    .venv/bin/python tools/screenshots.py [OUT_FOLDER]

Runs offscreen with a throw-away data folder, opens the sample list and template (as a first start
does), waits for the check's report, then grabs each step at 1200x760 and 1024x700 into
``OUT_FOLDER`` (default ``screenshots/``) as ``<lang>-<width>x<height>-<n>-<step>.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SIZES = ((1200, 760), (1024, 700))
LANGUAGES = ("en", "de", "es")


def main(argv: list[str]) -> int:
    """Write the screenshots; 0 when every one was saved."""
    out = Path(argv[0] if argv else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SMM_DATA_DIR"] = tempfile.mkdtemp(prefix="smm-shots-")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translations

    app = QApplication([])
    for language in LANGUAGES:
        install_translations(app, language)
        for width, height in SIZES:
            failed = _shoot(app, f"{language}-{width}x{height}", width, height, out)
            if failed:
                print(f"could not save {failed}", file=sys.stderr)
                return 1
    print(f"Screenshots in {out}")
    return 0


def _shoot(app: QApplication, prefix: str, width: int, height: int, out: Path) -> str | None:
    """Every step of a window of this size; the name of a file that could not be saved, if any."""
    from ui.app import open_sample
    from ui.controller import Controller
    from ui.window import MainWindow

    window = MainWindow(Controller(None))
    window.resize(width, height)
    window.show()
    open_sample(window)
    _wait(app, lambda: window.controller.report is not None)
    try:
        for number, step in enumerate(window.steps):
            window.go_to(number)
            _wait(app, lambda: False, seconds=0.3)
            name = f"{prefix}-{number + 1}-{type(step).__name__}.png"
            if not window.grab().save(str(out / name)):
                return name
        return None
    finally:
        window.message.dirty = False
        window.close()
        window.controller.close()


def _wait(app: QApplication, done: Callable[[], bool], seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
