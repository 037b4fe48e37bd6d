"""Keep the translation catalogues in step with the code: ``python tools/translations.py [--check]``.

Runs ``pyside6-lupdate`` over the engine and the app to refresh ``resources/translations/*.ts`` (German
and Spanish; English holds only plural forms), then ``pyside6-lrelease`` to compile the ``.qm`` files
the desktop app loads. With
``--check`` it changes nothing and exits 1 when a catalogue misses a source text or a translation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "es", "en")
# English needs a catalogue only for its plural forms ("1 row", "2 rows"): lupdate -pluralonly.
PLURAL_ONLY = frozenset({"en"})


def tool(name: str) -> str:
    """The path of a PySide6 command-line tool next to this interpreter."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: run this with the project's .venv python")
    return found


def sources() -> list[str]:
    """Every Python file whose strings users can see."""
    files = [*sorted((ROOT / "securemailmerge").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]
    return [str(path.relative_to(ROOT)) for path in files]


def update(target: Path) -> None:
    """Refresh the .ts catalogues in ``target`` from the code, dropping texts no longer used."""
    for language in LANGUAGES:
        ts = target / f"securemailmerge_{language}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                *(["-pluralonly"] if language in PLURAL_ONLY else []),
                "-target-language",
                language,
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def release() -> None:
    """Compile each .ts into the .qm the desktop app loads."""
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"securemailmerge_{language}.ts"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts)], cwd=ROOT, check=True)


def main() -> int:
    """Update and compile, or only check."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; fail when out of date")
    args = parser.parse_args()
    if not args.check:
        update(TRANSLATIONS)
        release()
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for language in LANGUAGES:
            shutil.copy(TRANSLATIONS / f"securemailmerge_{language}.ts", copy)
        update(copy)
        stale = [
            language
            for language in LANGUAGES
            if (copy / f"securemailmerge_{language}.ts").read_bytes()
            != (TRANSLATIONS / f"securemailmerge_{language}.ts").read_bytes()
        ]
    if stale:
        print("Out of date: " + ", ".join(stale) + " (run python tools/translations.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
