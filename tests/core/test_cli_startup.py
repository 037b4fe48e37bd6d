"""--help and the offline commands start without the libraries they do not use (msal, httpx, ...), and a
list of plain addresses is checked without email-validator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.helpers import REPO

HEAVY = (
    "msal",
    "httpx",
    "keyring",
    "cryptography",
    "rich",
    "openpyxl",
    "python_calamine",
    "defusedxml",
    "jinja2",
    "email_validator",
    "logging.handlers",
)
PROBE = """
import json, sys
from securemailmerge.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in {heavy} if name in sys.modules)), file=sys.stderr)
"""


def loaded(*argv: str) -> list[str]:
    command = [sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    return list(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--help"], ["send", "--help"], ["contacts", "--help"]])
def test_help_loads_none_of_the_heavy_libraries(argv: list[str]) -> None:
    assert loaded(*argv) == []


def test_check_of_a_csv_loads_only_the_template_engine(tmp_path: Path) -> None:
    (tmp_path / "list.csv").write_text("Email\nana@example.com\n", encoding="utf-8")
    (tmp_path / "t.json").write_text('{"subject": "Hola", "html": "<p>Hola</p>"}', encoding="utf-8")
    argv = ["check", "--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.json")]
    assert loaded(*argv) == ["jinja2"]  # the workbook reader waits for a workbook


def test_export_without_a_tenant_loads_none_of_the_microsoft_365_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a tenant there is no kept sign-in to take the From address from, so nothing is asked."""
    monkeypatch.delenv("SMM_TENANT_CONFIG", raising=False)
    (tmp_path / "list.csv").write_text("Email\nana@example.com\n", encoding="utf-8")
    (tmp_path / "t.json").write_text('{"subject": "Hola", "html": "<p>Hola</p>"}', encoding="utf-8")
    argv = ["export", "--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.json")]
    assert loaded(*argv, "--out", str(tmp_path / "out")) == ["jinja2"]
    assert len(list((tmp_path / "out").glob("*.eml"))) == 1


def test_check_of_the_sample_needs_no_email_validator() -> None:
    """Its internationalised domain and its broken addresses are vouched for or refused without it."""
    sample = REPO / "resources" / "sample"
    argv = [
        "check",
        "--recipients",
        str(sample / "recipients.csv"),
        "--template",
        str(sample / "template.json"),
    ]
    assert loaded(*argv) == ["jinja2"]


def test_check_of_a_workbook_loads_calamine_and_not_openpyxl(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Email"])
    book.active.append(["ana@example.com"])
    book.save(tmp_path / "list.xlsx")
    (tmp_path / "t.json").write_text('{"subject": "Hola", "html": "<p>Hola</p>"}', encoding="utf-8")
    argv = ["check", "--recipients", str(tmp_path / "list.xlsx"), "--template", str(tmp_path / "t.json")]
    assert loaded(*argv) == ["defusedxml", "jinja2", "python_calamine"]


def test_check_and_preview_start_without_the_log_and_export_with_it(tmp_path: Path) -> None:
    """The program's log is set up for the commands that may write to it: reading commands skip it."""
    (tmp_path / "list.csv").write_text("Email\nana@example.com\n", encoding="utf-8")
    (tmp_path / "t.json").write_text('{"subject": "Hola", "html": "<p>Hola</p>"}', encoding="utf-8")
    inputs = ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.json")]
    probe = (
        "import sys; from securemailmerge.cli import run; sys.argv[0] = 'securemailmerge'; code = run(); "
        "print('logging' in sys.modules, code, file=sys.stderr)"
    )

    def started(*argv: str) -> str:
        command = [sys.executable, "-c", probe, *argv]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        return result.stderr.strip().splitlines()[-1]

    assert started("check", *inputs) == "False 0"
    assert started("preview", *inputs) == "False 0"
    # An export that stops at once, on a missing list: its log was set up before the command ran.
    missing = ["--recipients", "missing.csv", "--template", "t.json", "--out", "out"]
    assert started("export", *missing) == "True 2"
