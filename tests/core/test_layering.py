"""The engine never loads Qt: importing every securemailmerge module leaves PySide6 untouched."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO


def test_engine_imports_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import securemailmerge\n"
        "for info in pkgutil.walk_packages(securemailmerge.__path__, 'securemailmerge.'):\n"
        "    if info.name.endswith('__main__'):\n"
        "        continue\n"
        "    importlib.import_module(info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6', 'ui'})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules loaded by the engine: {result.stdout}"
