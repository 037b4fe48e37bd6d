"""Addresses that mislead are flagged as mail clients flag them: a warning per row, the row kept."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from securemailmerge import cli
from securemailmerge.recipients.addresses import (
    BIDI_CONTROL,
    MIXED_SCRIPTS,
    NAME_IS_ADDRESS,
    Mailbox,
    misleading,
    parse_address_cell,
)
from securemailmerge.recipients.builder import build_recipient_list
from securemailmerge.recipients.model import MISLEADING_ADDRESS

RLO = "\u202e"


@pytest.mark.parametrize(
    ("cell", "reasons"),
    [
        ('"boss@company.com" <other@elsewhere.com>', [NAME_IS_ADDRESS]),
        ("boss@company.com <other@elsewhere.com>", [NAME_IS_ADDRESS]),
        ('"Boss (boss@company.com)" <other@elsewhere.com>', [NAME_IS_ADDRESS]),
        (f"{RLO}moc.elgoog <ana@example.com>", [BIDI_CONTROL]),
        ("Ana\u2066 Díaz\u2069 <ana@example.com>", [BIDI_CONTROL]),
        ("p\u0430ypal@p\u0430ypal.com", [MIXED_SCRIPTS]),  # a Cyrillic а among Latin letters
        ("ana@\u0430pple.com", [MIXED_SCRIPTS]),
        ("ana@g\u03bfogle.com", [MIXED_SCRIPTS]),  # a Greek ο
        (f'"boss@company.com{RLO}" <x@p\u0430ypal.com>', [NAME_IS_ADDRESS, BIDI_CONTROL, MIXED_SCRIPTS]),
        # What is not misleading stays unremarked.
        ('"boss@company.com" <boss@company.com>', []),
        ('"BOSS@Company.com" <boss@company.com>', []),
        ("Boss <boss@company.com>", []),
        ("Jürgen Müller <juergen@müller-bäckerei.de>", []),
        ("Ана <ana@сервер.рф>", []),
        ("田中 <tanaka@東京.jp>", []),
        ("x@日本語とカタカナ.jp", []),
        ("x@한국어.kr", []),
        ("مريم <maryam@example.com>", []),
    ],
)
def test_misleading_addresses_are_recognised(cell: str, reasons: list[str]) -> None:
    [mailbox], bad = parse_address_cell(cell)
    assert bad == []
    assert misleading(mailbox) == reasons


def test_each_misleading_address_is_a_warning_that_keeps_the_row() -> None:
    rows = [
        (2, ["Ana", '"boss@company.com" <other@elsewhere.com>']),
        (3, ["Ben", "ben@p\u0430ypal.com"]),
        (4, ["Cleo", f"{RLO}Cleo <cleo@example.com>"]),
        (5, ["Dan", "dan@example.com"]),
    ]
    recipients = build_recipient_list("liste.csv", ["Name", "Email"], rows)
    assert [recipient.row for recipient in recipients.rows] == [2, 3, 4, 5]
    assert [(p.row, p.code, p.warning) for p in recipients.problems] == [
        (2, MISLEADING_ADDRESS, True),
        (3, MISLEADING_ADDRESS, True),
        (4, MISLEADING_ADDRESS, True),
    ]
    assert [p.message for p in recipients.problems] == [
        "liste.csv:2: the address other@elsewhere.com in column 'Email': its name “boss@company.com” is "
        "itself another address; the message goes to other@elsewhere.com.",
        "liste.csv:3: the address ben@p\u0430ypal.com in column 'Email': its domain mixes letters of several "
        "scripts (Cyrillic, Latin), which can imitate another domain.",
        "liste.csv:4: the address cleo@example.com in column 'Email': it contains characters that reverse "
        "the direction of the text, which can hide what it says.",
    ]


def test_a_name_with_a_direction_control_is_quoted_with_the_control_visible() -> None:
    mailbox = Mailbox("x@example.com", f"boss@company.com{RLO}")
    assert misleading(mailbox) == [NAME_IS_ADDRESS, BIDI_CONTROL]


def test_check_reports_the_warning_and_stays_ready(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (tmp_path / "liste.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(
            [
                ["Name", "Email"],
                ["Ana", '"boss@company.com" <other@elsewhere.com>'],
                ["Ben", "ben@example.com"],
            ]
        )
    (tmp_path / "t.html").write_text("<title>Hallo {{ Name }}</title><p>Hi</p>", encoding="utf-8")
    args = ["--recipients", str(tmp_path / "liste.csv"), "--template", str(tmp_path / "t.html")]
    code = cli.main(["check", *args])
    out, _ = capsys.readouterr()
    assert code == 0
    assert (
        "  warning: liste.csv:2: the address other@elsewhere.com in column 'Email': its name "
        "“boss@company.com” is itself another address; the message goes to other@elsewhere.com."
    ) in out.splitlines()
