"""Make every app icon from the one source drawing: ``python tools/icons.py``.

``resources/icons/securemailmerge.svg`` is rendered by Qt's SVG renderer to PNGs in the sizes the
Linux desktop, the window title bar and the installers use, then Pillow packs the Windows ``.ico``
(16 to 256 pixels) and the macOS ``.icns`` (16 to 1024). The results are committed, so a build needs
neither Qt's SVG renderer nor Pillow; run this again after changing the drawing.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "securemailmerge.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow scales the .icns members (16 to 512 @2x) down from this one


def render(size: int) -> bytes:
    """The source drawing as a PNG of ``size`` x ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        sys.exit(f"{SOURCE} is not a drawing Qt can render")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def build() -> dict[Path, bytes]:
    """Every generated icon file and its bytes."""
    from PIL import Image

    files = {ICONS / f"securemailmerge-{size}.png": render(size) for size in PNG_SIZES}
    largest = Image.open(io.BytesIO(render(ICNS_SIZE)))
    ico, icns = io.BytesIO(), io.BytesIO()
    largest.save(ico, format="ICO", sizes=[(size, size) for size in ICO_SIZES])
    largest.save(icns, format="ICNS")
    files[ICONS / "securemailmerge.ico"] = ico.getvalue()
    files[ICONS / "securemailmerge.icns"] = icns.getvalue()
    return files


def main() -> int:
    """Write every icon file next to the source drawing."""
    for path, data in build().items():
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT)}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
