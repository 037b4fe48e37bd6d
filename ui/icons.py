"""The app's own icon in every size it ships, so Qt picks a sharp one at 100 %, 200 % or any scale."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from securemailmerge.resources import asset_path

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The SecureMailMerge icon with all its drawn sizes (a single 64 px file is blurry at 200 %)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(asset_path("icons", f"securemailmerge-{size}.png")), QSize(size, size))
    return icon


def sharp_pixmap(icon: QIcon, size: int, ratio: float) -> QPixmap:
    """``icon`` as a pixmap of ``size`` logical pixels drawn for a screen of ``ratio`` device pixels each."""
    return icon.pixmap(QSize(size, size), ratio)
