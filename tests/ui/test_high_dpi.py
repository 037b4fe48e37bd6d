"""At 200 % (QT_SCALE_FACTOR=2) the window grabs at two device pixels per point, its icons drawn that size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Qt reads the scale factor once, when the application starts: the window runs in a process of its own.
SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from ui.about import AboutDialog
from ui.contacts_dialog import category_dot
from ui.controller import Controller
from ui.recipients_model import RecipientsModel
from ui.window import MainWindow
from securemailmerge.recipients import RecipientOptions, load_recipients

window = MainWindow(Controller(None))
window.resize(900, 600)
window.show()
app.processEvents()
ratio = window.devicePixelRatioF()
found = {"grab": window.grab().devicePixelRatio(), "icons": {}}

def drawn(name, icon, size):
    pixmap = icon.pixmap(QSize(size, size), ratio)
    sources = [s.width() for s in icon.availableSizes()]
    found["icons"][name] = {
        "ratio": pixmap.devicePixelRatio(),
        "width": pixmap.width(),
        "logical": size,
        "largest_source": max(sources) if sources else None,
    }

for number in range(window.step_list.count()):
    drawn(f"step {number + 1}", window.step_list.item(number).icon(), window.step_list.iconSize().width())
model = RecipientsModel()
model.set_list(load_recipients(Path(sys.argv[1]), RecipientOptions()))
for row in range(model.rowCount()):
    drawn(f"status of row {row}", model.data(model.index(row, 2), Qt.ItemDataRole.DecorationRole), 16)
drawn("category chip", category_dot(QColor("#e74856"), QPalette(), ratio), 14)
about = AboutDialog(None)
about.show()
app.processEvents()
pixmap = about.icon.pixmap()
found["about"] = {"ratio": pixmap.devicePixelRatio(), "width": pixmap.width()}
print(json.dumps(found))
window.message.dirty = False
"""


def test_the_window_is_sharp_at_200_percent(tmp_path: Path) -> None:
    recipients = tmp_path / "list.csv"
    recipients.write_text("Name,Email\nAna,ana@example.com\nBen,not an address\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": "offscreen",
        "SMM_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(recipients)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["grab"] == 2
    assert len(found["icons"]) >= 8  # five steps, two status icons, a chip
    for name, icon in found["icons"].items():
        assert icon["ratio"] == 2, name
        assert icon["width"] == 2 * icon["logical"], name  # drawn at the doubled size...
        if icon["largest_source"] is not None:  # ...from a source that large, never blown up
            assert icon["largest_source"] >= 2 * icon["logical"], name
    assert found["about"] == {"ratio": 2, "width": 128}
