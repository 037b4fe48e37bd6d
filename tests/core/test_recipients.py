"""Recipient lists find the email column, keep source row numbers, and report invalid, empty and
duplicate addresses, ragged rows and formula cells per row as file:row, leaving rows out only as told."""

from __future__ import annotations

from pathlib import Path

import pytest

from securemailmerge.errors import ColumnError, RecipientFileError
from securemailmerge.recipients.builder import build_recipient_list
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import RecipientOptions

CSV_WITH_PROBLEMS = (
    "Vorname;Nachname;E-Mail;Notiz\r\n"
    "Jürgen;Weiß;juergen@example.de;\r\n"  # 2 ready
    "María;Núñez;maria@example;\r\n"  # 3 invalid
    "Sören;Schröder;;\r\n"  # 4 empty
    "Hans;Groß;JUERGEN@Example.DE;\r\n"  # 5 duplicate of 2
    "Ana;López;ana@example.es\r\n"  # 6 ragged: a cell short
    'Lucía;Pérez;lucia@example.es;"=HYPERLINK(""http://evil.example"",""click"")"\r\n'  # 7 ready, warned
    ";;;\r\n"  # 8 blank: skipped
    '"Björn";"Ek";"bjorn@example.se";"Zeile 1\r\nZeile 2"\r\n'  # 9 ready
    "José;Ruiz;jose@example.es;x;y\r\n"  # 10 ragged: a cell too many
)


def write(tmp_path: Path, text: str, name: str = "kunden.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_list_with_every_kind_of_problem_reports_each_row(tmp_path: Path) -> None:
    result = load_recipients(write(tmp_path, CSV_WITH_PROBLEMS))
    assert result.email_column == "E-Mail"
    assert [r.row for r in result.rows] == [2, 7, 9]
    assert [r.row for r in result.excluded] == [3, 4, 5, 6, 10]
    assert [(p.row, p.code) for p in result.problems] == [
        (3, "invalid-address"),
        (4, "empty-address"),
        (5, "duplicate"),
        (6, "ragged-row"),
        (7, "formula"),
        (10, "ragged-row"),
    ]
    messages = {p.row: p.message for p in result.problems}
    assert messages[3] == (
        "kunden.csv:3: 'maria@example' in column 'E-Mail' is not a valid email address: "
        "the part after the @ sign is not a valid domain."
    )
    assert messages[4] == "kunden.csv:4: there is no email address in column 'E-Mail'."
    assert messages[5] == "kunden.csv:5: JUERGEN@example.de is already the address of row 2."
    assert messages[6].startswith("kunden.csv:6: this row has 3 cells but the header has 4 columns")
    assert messages[7].startswith("kunden.csv:7: the cell in column 'Notiz' looks like a spreadsheet formula")
    assert result.rows[1].fields["Notiz"] == '=HYPERLINK("http://evil.example","click")'
    assert result.rows[2].fields["Notiz"] == "Zeile 1\r\nZeile 2"
    assert result.location(9) == "kunden.csv:9"
    assert result.problem_counts()["ragged-row"] == 2


@pytest.mark.parametrize(
    ("keep_invalid", "keep_duplicates", "ready"),
    [
        (False, False, [2, 7, 9]),
        (True, False, [2, 3, 4, 6, 7, 9, 10]),
        (False, True, [2, 5, 7, 9]),
        (True, True, [2, 3, 4, 5, 6, 7, 9, 10]),
    ],
)
def test_the_user_can_keep_rows_that_would_be_left_out(
    tmp_path: Path, keep_invalid: bool, keep_duplicates: bool, ready: list[int]
) -> None:
    options = RecipientOptions(keep_invalid=keep_invalid, keep_duplicates=keep_duplicates)
    result = load_recipients(write(tmp_path, CSV_WITH_PROBLEMS), options)
    assert [r.row for r in result.rows] == ready
    assert len(result.rows) + len(result.excluded) == 8
    assert len(result.problems) == 6, "kept rows keep their problems"


def test_kept_ragged_rows_are_padded_and_cut_to_the_header() -> None:
    rows = [(2, ("Ann", "a@example.de")), (3, ("Bob", "b@example.de", "Note", "extra"))]
    result = build_recipient_list(
        "x.csv", ["Name", "Email", "Note"], rows, RecipientOptions(keep_invalid=True)
    )
    assert [dict(r.fields) for r in result.rows] == [
        {"Name": "Ann", "Email": "a@example.de", "Note": ""},
        {"Name": "Bob", "Email": "b@example.de", "Note": "Note"},
    ]


def test_empty_cells_beyond_the_header_are_no_problem() -> None:
    result = build_recipient_list("x.csv", ["Name", "Email", ""], [(2, ("Ann", "a@example.de", "", ""))])
    assert result.columns == ("Name", "Email")
    assert result.problems == []
    assert [r.to for r in result.rows] == [("a@example.de",)]


@pytest.mark.parametrize(
    ("cell", "warned"),
    [
        ('=HYPERLINK("http://x")', True),
        ("=1+1", True),
        ("@SUM(A1:A2)", True),
        ("+cmd|' /C calc'!A0", True),
        ("-2+3", False),
        ("Hallo! (bitte)", False),
        ("+49 30 1234567", False),
        ("- bitte anrufen", False),
        ("+ SUM(A1)", True),
        ("a=b", False),
    ],
)
def test_formula_like_cells_are_warned_about_but_kept(cell: str, warned: bool) -> None:
    result = build_recipient_list("x.csv", ["Email", "Note"], [(2, ("a@example.de", cell))])
    assert [p.code for p in result.problems] == (["formula"] if warned else [])
    assert [r.fields["Note"] for r in result.rows] == [cell]


def test_cc_bcc_and_reply_to_columns_are_detected_and_checked() -> None:
    columns = ["Name", "E-Mail", "CC", "Blindkopie", "Antwort an"]
    rows = [
        (2, ("Ann", "a@example.de; Ann Zwei <a2@example.de>", "chef@example.de", "", "info@example.de")),
        (3, ("Bob", "b@example.de", "kaputt", "", "")),
    ]
    result = build_recipient_list("liste.csv", columns, rows)
    assert (result.cc_column, result.bcc_column, result.reply_to_column) == ("CC", "Blindkopie", "Antwort an")
    ann = result.rows[0]
    assert (ann.to, ann.cc, ann.bcc, ann.reply_to) == (
        ("a@example.de", "a2@example.de"),
        ("chef@example.de",),
        (),
        ("info@example.de",),
    )
    assert ann.display_name("a2@example.de") == "Ann Zwei"
    assert [r.row for r in result.excluded] == [3]
    assert [(p.code, p.field, p.value) for p in result.problems] == [("invalid-address", "CC", "kaputt")]


def test_chosen_columns_win_over_detection_and_ignore_case() -> None:
    options = RecipientOptions(email_column="privat", cc_column="email")
    rows = [(2, ("a@work.example", "a@home.example"))]
    result = build_recipient_list("x.csv", ["Email", "Privat"], rows, options)
    assert (result.email_column, result.cc_column) == ("Privat", "Email")
    assert (result.rows[0].to, result.rows[0].cc) == (("a@home.example",), ("a@work.example",))


@pytest.mark.parametrize(
    ("columns", "options", "message"),
    [
        (
            ["Name", "Phone"],
            RecipientOptions(),
            r"x\.csv has no column that looks like email addresses .*Name, Phone",
        ),
        (
            ["Name", "Email"],
            RecipientOptions(email_column="Mail"),
            r"x\.csv has no column 'Mail'. Its columns are: Name, Email",
        ),
        (["Name", "Email"], RecipientOptions(cc_column="Kopie"), r"x\.csv has no column 'Kopie'"),
    ],
)
def test_missing_columns_are_named(columns: list[str], options: RecipientOptions, message: str) -> None:
    with pytest.raises(ColumnError, match=message):
        build_recipient_list("x.csv", columns, [], options)


def test_header_names_are_trimmed(tmp_path: Path) -> None:
    result = load_recipients(write(tmp_path, " Name ;\tE-Mail \r\nAnn;a@example.de\r\n"))
    assert result.columns == ("Name", "E-Mail")
    assert result.rows[0].fields["Name"] == "Ann"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Name,Email\r\n", r"kunden\.csv has a header row but no recipients below it"),
        ("Name,Email\r\n,\r\n\r\n", r"kunden\.csv has a header row but no recipients below it"),
        ("", r"kunden\.csv is empty"),
    ],
)
def test_files_without_recipients_are_an_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RecipientFileError, match=message):
        load_recipients(write(tmp_path, text))


def test_spreadsheet_formats_we_cannot_read_are_named(tmp_path: Path) -> None:
    with pytest.raises(RecipientFileError, match=r"zahlen.numbers: this spreadsheet format cannot be read"):
        load_recipients(write(tmp_path, "x", name="zahlen.numbers"))


@pytest.mark.parametrize("name", ["alt.xls", "tabelle.ods"])
def test_a_text_file_named_like_a_workbook_is_named_as_not_one(tmp_path: Path, name: str) -> None:
    with pytest.raises(RecipientFileError, match=rf"{name} cannot be read as an Excel workbook"):
        load_recipients(write(tmp_path, "x", name=name))


def test_a_windows_1252_file_with_semicolons_loads_as_excel_wrote_it(tmp_path: Path) -> None:
    path = write(
        tmp_path, "Name;E-Mail;Straße\r\nJürgen Weiß;j@example.de;Königsallee 1\r\n", encoding="cp1252"
    )
    result = load_recipients(path)
    assert dict(result.rows[0].fields) == {
        "Name": "Jürgen Weiß",
        "E-Mail": "j@example.de",
        "Straße": "Königsallee 1",
    }
    assert (result.details["encoding"], result.details["delimiter"]) == ("cp1252", ";")


def test_a_line_break_in_an_address_is_never_accepted(tmp_path: Path) -> None:
    text = 'Name,Email\r\nEve,"eve@example.de\r\nBcc: all@example.de"\r\n'
    result = load_recipients(write(tmp_path, text))
    assert result.rows == []
    assert "contains a line break" in result.problems[0].message


def test_contacts_and_other_row_sources_share_the_same_checks() -> None:
    rows = iter([(17, ("Ann", "ann@example.de")), (42, ("Ann again", "ANN@example.de"))])
    result = build_recipient_list("Kontakte: Kunden", ("DisplayName", "Email"), rows)
    assert [r.row for r in result.rows] == [17]
    assert (
        result.problems[0].message == "Kontakte: Kunden:42: ANN@example.de is already the address of row 17."
    )
