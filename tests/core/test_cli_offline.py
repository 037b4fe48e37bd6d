"""The command line previews, checks and exports the sample campaign, with exact counts and clean errors.

The sample (resources/sample/recipients.csv, UTF-8 with BOM, ';'-delimited, 25 recipients in rows
2-26 with a header in row 1) has these deliberate problems:
  row 5   Björn Schäfer has an empty Company (the template tests it with {% if Company %})
  row 9   begona.ibanez@@example.org is not a valid address        -> left out (invalid)
  row 10  guenther.gross@bäckerei-groß.example has an IDN domain   -> fine, written as xn--
  row 13  Käthe Löwe has no address at all                         -> left out (invalid)
  row 15  Ángela Domínguez's attachments/agenda-fr.pdf is missing  -> blocks sending
  row 16  Juergen.Mueller@Example.com repeats row 2 in other case  -> left out (duplicate)
So: 25 rows, 21 ready, 2 invalid, 1 duplicate, 1 missing attachment, Company empty in row 5.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections.abc import Mapping
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import openpyxl
import pytest

from securemailmerge import cli
from securemailmerge.cli import inputs, program
from securemailmerge.recipients.files import load_recipients
from securemailmerge.resources import asset_path
from securemailmerge.template.model import CompiledTemplate, RenderedMessage
from tests.helpers import REPO

SAMPLE = asset_path("sample")
SAMPLE_ARGS = ["--recipients", str(SAMPLE / "recipients.csv"), "--template", str(SAMPLE / "template.json")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_sample_json_has_the_exact_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", *SAMPLE_ARGS, "--json")
    report = json.loads(out)
    assert (code, err) == (1, "")
    assert {
        key: report[key] for key in ("total_rows", "ready", "invalid", "duplicates", "missing_attachments")
    } == {
        "total_rows": 25,
        "ready": 21,
        "invalid": 2,
        "duplicates": 1,
        "missing_attachments": 1,
    }
    assert report["empty_fields"] == {"Company": [5]}
    assert report["unknown_fields"] == []
    assert report["ok"] is False
    assert [(p["row"], p["code"]) for p in report["problems"]] == [
        (9, "invalid-address"),
        (13, "empty-address"),
        (15, "missing-attachment"),
        (16, "duplicate"),
    ]
    assert report["estimated_duration_seconds"] == 42  # 21 messages at 30 per minute


@pytest.mark.parametrize(
    ("options", "counts"),
    [
        ([], (25, 21, 2, 1)),
        (["--keep-duplicates"], (25, 22, 2, 1)),
        (["--keep-invalid"], (25, 21, 2, 1)),  # kept, but a row without a valid address cannot be sent
        (["--email-column", "email", "--delimiter", "semicolon", "--encoding", "utf-8-sig"], (25, 21, 2, 1)),
    ],
)
def test_check_sample_with_options(
    capsys: pytest.CaptureFixture[str], options: list[str], counts: tuple[int, int, int, int]
) -> None:
    code, out, _ = run(capsys, "check", *SAMPLE_ARGS, *options, "--json")
    report = json.loads(out)
    assert code == 1
    assert (report["total_rows"], report["ready"], report["invalid"], report["duplicates"]) == counts


def test_check_reads_the_chosen_excel_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Kunden")
    sheet.append(["Vorname", "E-Mail", "Firma"])
    sheet.append(["Jürgen", "juergen@example.com", "Müller GmbH"])
    sheet.append(["Lucía", "lucia@example.org", ""])
    workbook.save(tmp_path / "kunden.xlsx")
    (tmp_path / "t.html").write_text(
        "<title>Hallo {{ FirstName }}</title><p>{{ Company }}</p>", encoding="utf-8"
    )
    args = ["--recipients", str(tmp_path / "kunden.xlsx"), "--template", str(tmp_path / "t.html")]
    code, out, _ = run(capsys, "check", *args, "--sheet", "Kunden")
    assert code == 0
    assert "kunden.xlsx: rows 2, ready 2, invalid 0, duplicates 0" in out
    assert "The field Firma is empty in these rows: 3" in out


def test_check_sample_reads_as_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *SAMPLE_ARGS, "--per-minute", "7")
    assert code == 1
    assert "recipients.csv: rows 25, ready 21, invalid 2, duplicates 1" in out
    assert "The field Company is empty in these rows: 5\n" in out
    assert "Sending takes about 3 min at 7 messages per minute" in out
    assert "  recipients.csv:15: " in out
    assert "agenda-fr.pdf" in out
    assert out.rstrip().endswith("Not ready: fix the problems above first.")


def test_check_clean_list_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "list.csv").write_text("Email,Name\nana@example.com,Ana\n", encoding="utf-8")
    (tmp_path / "t.html").write_text("<title>Hi {{ Name }}</title><p>Hello {{ Name }}</p>", encoding="utf-8")
    code, out, _ = run(
        capsys, "check", "--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.html")
    )
    assert code == 0
    assert out.rstrip().endswith("Ready to send.")


def test_problems_csv_cannot_start_a_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "list.csv").write_text(
        'Email,Name\n"=HYPERLINK(""http://evil.example"")",Ana\nbo@example.com,Bo\n', encoding="utf-8"
    )
    (tmp_path / "t.html").write_text("<title>Hi</title><p>Hello {{ Name }}</p>", encoding="utf-8")
    out_csv = tmp_path / "problems.csv"
    args = ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.html")]
    code, _, _ = run(capsys, "check", *args, "--problems-csv", str(out_csv))
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert code == 0  # the bad row is left out; the rest can be sent
    assert [(row["location"], row["code"]) for row in rows] == [
        ("list.csv:2", "formula"),
        ("list.csv:2", "invalid-address"),
    ]
    assert {row["value"] for row in rows} == {'\'=HYPERLINK("http://evil.example")'}


def test_preview_by_row_prints_headers_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "preview", *SAMPLE_ARGS, "--row", "10")
    assert code == 0
    assert "To:         Günther Groß <guenther.gross@bäckerei-groß.example>" in out
    assert "Subject:    Sommerfest · Fiesta de verano · Summer party: see you on 12 July, Günther?" in out
    assert "Attachment: attachments/Übersicht.pdf (725 bytes)" in out
    assert "Hallo, hola, hello Günther," in out
    assert "tell us whether you can come (https://example.com/rsvp)" in out
    assert "<p>" not in out


def test_preview_by_email_with_html_and_missing_attachment(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "preview", *SAMPLE_ARGS, "--email", "ANGELA.dominguez@example.org", "--html")
    assert code == 0
    assert "Row:        recipients.csv:15" in out
    assert "attachments/agenda-fr.pdf (problem: " in out
    assert "<p>Hallo, hola, hello Ángela,</p>" in out


def test_preview_without_row_shows_the_first_ready_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "preview", *SAMPLE_ARGS)
    assert code == 0
    assert "Row:        recipients.csv:2" in out


def test_export_sample_writes_the_ready_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "eml"
    code, out, err = run(
        capsys, "export", *SAMPLE_ARGS, "--out", str(out_dir), "--from", "Ana Núñez <ana@example.com>"
    )
    names = sorted(path.name for path in out_dir.glob("*.eml"))
    assert code == 1  # row 15 was left out for its missing attachment
    assert "Wrote 21 messages" in out
    assert "run check" in err
    assert len(names) == 21
    assert names[:2] == ["0002-jurgen-muller.eml", "0003-lucia-fernandez.eml"]
    assert "0015-angela-dominguez.eml" not in names
    parsed = BytesParser(policy=policy.default).parsebytes((out_dir / "0010-gunther-gross.eml").read_bytes())
    assert isinstance(parsed, EmailMessage)
    assert str(parsed["To"]) == "Günther Groß <guenther.gross@xn--bckerei-gro-56a8c.example>"
    assert str(parsed["From"]) == "Ana Núñez <ana@example.com>"
    assert parsed["X-Unsent"] == "1"
    files = {part.get_filename(): part.get_content() for part in parsed.iter_attachments()}
    assert files == {
        "Übersicht.pdf": (SAMPLE / "attachments" / "Übersicht.pdf").read_bytes(),
        "agenda-de.pdf": (SAMPLE / "attachments" / "agenda-de.pdf").read_bytes(),
    }


def test_export_refuses_a_folder_with_files_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "export", *SAMPLE_ARGS, "--out", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "is not empty" in err
    code, out, _ = run(capsys, "export", *SAMPLE_ARGS, "--out", str(tmp_path), "--force")
    assert "Wrote 21 messages" in out
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("files", "argv", "expected"),
    [
        ({}, ["check", "--recipients", "{d}/none.csv", "--template", "{d}/t.html"], "none.csv"),
        (
            {"bin.csv": b"\x00\x01\x02PK\x00"},
            ["check", "--recipients", "{d}/bin.csv", "--template", "{d}/t.html"],
            "bin.csv",
        ),
        (
            {"empty.csv": b""},
            ["check", "--recipients", "{d}/empty.csv", "--template", "{d}/t.html"],
            "empty.csv",
        ),
        (
            {"bad.json": b'{"subject": "Hi", "html": "<p>{% if Name %}x</p>"}'},
            ["check", "--recipients", "{d}/list.csv", "--template", "{d}/bad.json"],
            "line 1",
        ),
        (
            {},
            ["preview", "--recipients", "{d}/list.csv", "--template", "{d}/t.html", "--row", "99"],
            "row 99",
        ),
        (
            {},
            ["preview", "--recipients", "{d}/list.csv", "--template", "{d}/t.html", "--email", "x@y.z"],
            "x@y.z",
        ),
        (
            {},
            ["check", "--recipients", "{d}/list.csv", "--template", "{d}/t.html", "--email-column", "Nope"],
            "Nope",
        ),
        (
            {},
            ["check", "--recipients", "{d}/list.csv", "--template", "{d}/t.html", "--per-minute", "0"],
            "more than 0",
        ),
        (
            {},
            [
                "export",
                "--recipients",
                "{d}/list.csv",
                "--template",
                "{d}/t.html",
                "--out",
                "{d}/o",
                "--from",
                "ana@",
            ],
            "'ana@' cannot be used as an address",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, bytes],
    argv: list[str],
    expected: str,
) -> None:
    (tmp_path / "list.csv").write_text("Email,Name\nana@example.com,Ana\n", encoding="utf-8")
    (tmp_path / "t.html").write_text("<title>Hi</title><p>Hello {{ Name }}</p>", encoding="utf-8")
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    code, out, err = run(capsys, *(part.format(d=tmp_path) for part in argv))
    assert (code, out) == (2, "")
    assert err.startswith("securemailmerge: ")
    assert err.count("\n") == 1
    assert expected in err
    assert "Traceback" not in err


def test_unknown_field_blocks_check_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "list.csv").write_text("Email,Name\nana@example.com,Ana\n", encoding="utf-8")
    (tmp_path / "t.html").write_text("<title>Hi {{ Nickname }}</title><p>x</p>", encoding="utf-8")
    args = ["--recipients", str(tmp_path / "list.csv"), "--template", str(tmp_path / "t.html")]
    code, out, _ = run(capsys, "check", *args)
    assert code == 1
    assert "not columns of the list: Nickname" in out
    code, _, err = run(capsys, "export", *args, "--out", str(tmp_path / "out"))
    assert code == 2
    assert "Nickname" in err


@pytest.mark.parametrize(
    ("given", "expected"), [("tab", "\t"), ("\\t", "\t"), (";", ";"), ("semicolon", ";")]
)
def test_delimiter_names(tmp_path: Path, given: str, expected: str) -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["check", "--recipients", "a.csv", "--template", "t.json", "--delimiter", given])
    assert inputs._DELIMITERS.get(args.delimiter, args.delimiter) == expected


@pytest.mark.parametrize(
    ("argv", "language"),
    [(["--lang", "de", "check"], "de"), (["check", "--lang", "es"], "es"), (["check"], "en")],
)
def test_language_option_anywhere_installs_the_catalogue(
    argv: list[str], language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[str] = []
    monkeypatch.setattr(program, "use_catalogue", chosen.append)
    with pytest.raises(SystemExit):  # check without its required options stops in argparse
        cli.main(argv)
    assert chosen == [language]


def test_another_module_can_register_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    def register_hello(subparsers: cli.Subparsers) -> None:
        def hello_arguments(parser: argparse.ArgumentParser) -> None:
            parser.set_defaults(handler=lambda args: print("ana@example.com") or 0)

        subparsers.add_command("hello", "say who is there", hello_arguments)

    parser = cli.build_parser((*cli.REGISTRARS, register_hello))
    args = parser.parse_args(["hello", "--lang", "de"])
    assert isinstance(args, argparse.Namespace)
    assert args.handler(args) == 0
    assert capsys.readouterr().out == "ana@example.com\n"
    assert {"preview", "check", "export"} <= set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def test_help_lists_every_command_and_each_command_has_its_own_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only the command that runs gets its parser built; the help still lists every command."""
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    listing = capsys.readouterr().out
    for name in ("preview", "check", "export", "signin", "whoami", "contacts", "send", "donotcontact"):
        assert f"    {name} " in listing
    assert "show the message for one recipient" in listing
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    assert "--problems-csv" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        cli.main(["chek"])
    assert stopped.value.code == 2
    assert "invalid choice: 'chek'" in capsys.readouterr().err


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "securemailmerge", "check", *SAMPLE_ARGS, "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)["ready"] == 21


def test_export_of_the_sample_renders_each_row_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    render = CompiledTemplate.render

    def counted(self: CompiledTemplate, fields: Mapping[str, str]) -> RenderedMessage:
        rendered.append(fields["Email"])
        return render(self, fields)

    monkeypatch.setattr(CompiledTemplate, "render", counted)
    code, out, _ = run(capsys, "export", *SAMPLE_ARGS, "--out", str(tmp_path / "eml"))
    assert code == 1
    assert "Wrote 21 messages" in out
    rows = load_recipients(SAMPLE / "recipients.csv").rows
    # Every row the check renders is rendered exactly once, and the export renders nothing more.
    assert sorted(rendered) == sorted(recipient.fields["Email"] for recipient in rows)
    assert len(rendered) == len(set(rendered)) == len(rows)
