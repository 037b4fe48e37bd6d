"""The one formatter writes numbers, sizes, dates and durations as each language does (4,9 KB in German)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from securemailmerge import cli, formatting
from securemailmerge.campaign.journal import SENT, Journal, PlannedRow
from securemailmerge.i18n import use_catalogue


@pytest.mark.parametrize(
    ("language", "sizes", "numbers", "duration"),
    [
        ("en", ["725 bytes", "4.9 KB", "3.1 MB", "1,000.0 MB"], ["999", "1,000", "100,000"], "3 h 20 min"),
        (
            "de",
            ["725 Bytes", "4,9 KB", "3,1 MB", "1.000,0 MB"],
            ["999", "1.000", "100.000"],
            "3 Std. 20 Min.",
        ),
        # Spanish groups digits from five on, as Qt's (CLDR's) Spanish does.
        ("es", ["725 bytes", "4,9 KB", "3,1 MB", "1000,0 MB"], ["999", "1000", "100.000"], "3 h 20 min"),
    ],
)
def test_each_language_writes_its_own_way(
    language: str, sizes: list[str], numbers: list[str], duration: str
) -> None:
    use_catalogue(language)
    assert [formatting.size(n) for n in (725, 5_018, 3_250_000, 1_048_576_000)] == sizes
    assert [formatting.number(n) for n in (999, 1_000, 100_000)] == numbers
    assert formatting.duration(timedelta(hours=3, minutes=20)) == duration


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "12/1/26 2:40\u202fPM"), ("de", "01.12.26 14:40"), ("es", "1/12/26 14:40")],
)
def test_dates_in_the_short_format_of_the_language(
    language: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_catalogue(language)
    moment = datetime(2026, 12, 1, 14, 40, tzinfo=UTC)
    monkeypatch.setattr(formatting, "_local", lambda value: value)  # the machine's zone aside
    assert formatting.when(moment) == text


def test_the_german_command_line_writes_sizes_and_counts_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "list.csv").write_text("Name,Email\nAda,ada@example.com\n", encoding="utf-8")
    (tmp_path / "plan.pdf").write_bytes(b"x" * 5_018)
    template = {"subject": "Hallo", "html": "<p>Hallo {{ Name }}</p>", "attachments": ["plan.pdf"]}
    (tmp_path / "t.json").write_text(json.dumps(template), encoding="utf-8")
    args = ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.json")]
    assert cli.main(["--lang", "de", "preview", *args, "--row", "2"]) == 0
    assert "plan.pdf (4,9 KB)" in capsys.readouterr().out

    rows = [PlannedRow(f"r{n}", n, {"to": [f"p{n}@example.com"]}, 1, "f", state=SENT) for n in range(1_204)]
    with Journal.create(tmp_path / "c", {"mode": "now", "mailbox": "ada@contoso.com"}, rows):
        pass
    assert cli.main(["--lang", "de", "status", "--campaign", str(tmp_path / "c")]) == 0
    assert "gesendet 1.204" in capsys.readouterr().out.splitlines()[1]


def test_the_check_counts_the_rows_it_does_not_list_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = ["Name,Firma,Email", *(f"Ada,,p{n}@example.com" for n in range(1_300))]
    (tmp_path / "list.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    template = {"subject": "Hallo", "html": "<p>Hallo {{ Name }} von {{ Firma }}</p>"}
    (tmp_path / "t.json").write_text(json.dumps(template), encoding="utf-8")
    args = ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.json")]
    assert cli.main(["--lang", "de", "check", *args]) == 0
    assert "leer: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 und 1.290 weitere" in capsys.readouterr().out
