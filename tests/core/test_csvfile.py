"""The CSV reader detects encodings and delimiters, keeps quoted line breaks, numbers rows as Excel does,
streams large files, and names the file (and row) when a file cannot be read."""

from __future__ import annotations

import csv
import io
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from securemailmerge.errors import RecipientFileError
from securemailmerge.recipients.columns import detect_email_column
from securemailmerge.recipients.csvencoding import detect_encoding
from securemailmerge.recipients.csvfile import detect_delimiter, open_csv

HEADER = ("Vorname", "Nachname", "E-Mail")
ROWS = [("Jürgen", "Weiß", "juergen@example.de"), ("María José", "Núñez", "maria@example.es")]


def write_rows(path: Path, rows: list[tuple[str, ...]], encoding: str, delimiter: str = ",") -> Path:
    """Write ``rows`` as csv.writer does (CRLF line ends) in ``encoding``."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read_all(
    path: Path, **options: str | None
) -> tuple[tuple[str, ...], list[tuple[int, tuple[str, ...]]], str, str]:
    with open_csv(path, **options) as table:
        return table.header, list(table.rows), table.encoding, table.delimiter


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252")],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, detected: str) -> None:
    path = write_rows(tmp_path / "kunden.csv", [HEADER, *ROWS], encoding)
    header, rows, used, _ = read_all(path)
    assert used == detected
    assert header == HEADER
    assert rows == [(2, ROWS[0]), (3, ROWS[1])]


def test_the_user_can_override_the_encoding(tmp_path: Path) -> None:
    # These cp1252 bytes happen to be valid UTF-8 too ("Ã¼" is "ü" in UTF-8): only the user knows.
    path = write_rows(tmp_path / "alt.csv", [("Name", "Email"), ("Ã¼ber", "a@example.de")], "cp1252")
    assert read_all(path)[1] == [(2, ("über", "a@example.de"))]
    assert read_all(path, encoding="cp1252")[1] == [(2, ("Ã¼ber", "a@example.de"))]


def test_an_unknown_encoding_is_named(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", [("Email",), ("a@example.de",)], "utf-8")
    with pytest.raises(RecipientFileError, match=r"Unknown encoding 'klingon' chosen for a\.csv"):
        read_all(path, encoding="klingon")


def test_a_wrong_override_names_the_row_that_cannot_be_decoded(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.csv", [("Name", "Email"), ("Ann", "a@example.de"), ("Jörg", "j@x.de")], "cp1252"
    )
    with pytest.raises(RecipientFileError, match=r"a\.csv:3: the text is not valid utf-8"):
        read_all(path, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Name,Email\nAnn,a@example.de\n", ","),
        ('Name;Email\n"Müller, Hans";h@example.de\nAnn;a@example.de\n', ";"),
        ("Name\tEmail\tNote\nAnn\ta@example.de\tx, y; z\n", "\t"),
        ("Name, first;Email;Phone\nHans;h@example.de;123\n", ";"),
        ("Email\na@example.de\n", ","),
    ],
)
def test_delimiters_are_detected(text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter


def test_quoted_line_breaks_are_kept_and_rows_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    rows = [
        ("Name", "Email", "Address"),
        ("Ann", "a@example.de", "Hauptstr. 1\r\n10115 Berlin"),
        ("Bob", "b@x.de", ""),
    ]
    path = write_rows(tmp_path / "a.csv", rows, "utf-8")
    assert read_all(path)[1] == [(2, rows[1]), (3, rows[2])]


def test_blank_lines_count_as_rows_and_the_header_may_come_late(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("\n ; \nName;Email\n\nAnn;a@example.de\n", encoding="utf-8")
    with open_csv(path) as table:
        assert (table.header, table.header_row) == (("Name", "Email"), 3)
        assert list(table.rows) == [(5, ("Ann", "a@example.de"))]


def test_a_bom_never_reaches_the_first_column_name(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", [("Email", "Name"), ("a@example.de", "Ann")], "utf-8-sig")
    assert read_all(path, encoding="utf-8")[0] == ("Email", "Name")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"leer\.csv is empty"),
        (b"\xef\xbb\xbf", r"leer\.csv is empty"),
        (b"\r\n \r\n,,\r\n", r"leer\.csv is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            r"leer\.csv is not a CSV text file: it contains binary data",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00", r"leer\.csv is not a CSV text file: .*Excel workbook"),
        (b"Name,Email\n\x81\x8d\xc3(,a@x.de\n", r"leer\.csv is neither UTF-8 nor Windows-1252"),
        (bytes(range(1, 32)) * 20 + b"abc", r"leer\.csv is not a CSV text file"),
        (
            b'Name,Email\nAnn,"a@example.de\nBob,b@x.de\n',
            r"leer\.csv:2: this row cannot be read as CSV",
        ),
        (b'Name,Email\nAnn,a@x.de\nBob,"b@x.de"x\n', r"leer\.csv:3: this row cannot be read as CSV"),
    ],
)
def test_unreadable_files_name_the_file_and_row(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "leer.csv"
    path.write_bytes(content)
    with pytest.raises(RecipientFileError, match=message) as caught:
        read_all(path)
    assert caught.value.file == str(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RecipientFileError, match=r"Cannot open .*fehlt\.csv"):
        detect_encoding(tmp_path / "fehlt.csv")


def test_a_50_mb_file_is_streamed_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    filler = ("Notiz " * 80 + "," + "ohne Adresse " * 40 + "\r\n").encode()
    filler_rows = 50 * 1024 * 1024 // len(filler)
    with path.open("wb") as handle:
        handle.write(b"Name,Email\r\nAnn,a@example.de\r\n")
        handle.write(filler * filler_rows)
        handle.write(b"Bob,b@example.de\r\n")
    tracemalloc.start()
    try:
        with open_csv(path) as table:
            wanted = [row for row in table.rows if "@" in row[1][1]]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert wanted == [(2, ("Ann", "a@example.de")), (2 + filler_rows + 1, ("Bob", "b@example.de"))]
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB for a 50 MB file"


# Any text a spreadsheet holds: every character but lone surrogates and control codes other than
# the line ends, tab and vertical tab a cell can contain.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\r\n\t\x0b"), max_size=12
)
_NAME = st.text(st.sampled_from("ABCabcäöüßñé 0123"), min_size=1, max_size=8).map(str.strip).filter(bool)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], str, str]:
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    alphabet = (
        _TEXT if encoding != "cp1252" else st.text(st.sampled_from("abcÄÖÜäöüß€ ,;\t\"'\r\n="), max_size=12)
    )
    header = draw(st.lists(_NAME, min_size=1, max_size=5, unique_by=str.casefold))
    rows = draw(st.lists(st.lists(alphabet, min_size=len(header), max_size=len(header)), max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    return header, [row for row in rows if any(row)], delimiter, encoding


def _reads_as_utf8(raw: bytes) -> bool:
    utf8 = invalid = 0
    for line in raw.splitlines():
        try:
            utf8 += not line.decode("utf-8").isascii()
        except UnicodeDecodeError:
            invalid += 1
    return not invalid or utf8 > invalid


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_rows_written_by_csv_writer_come_back_identical(tmp_path: Path, table: tuple) -> None:
    header, rows, delimiter, encoding = table
    # A lone name is no sure header: a later row naming an email column ("MAIL") is taken as the
    # header, the rows above it as a title (see find_header_row). Such tables are not round trips.
    cells = [cell.strip() for row in rows for cell in row if cell.strip()]
    assume(len(header) > 1 or detect_email_column(header) or not any(detect_email_column([c]) for c in cells))
    path = write_rows(tmp_path / "round.csv", [tuple(header), *map(tuple, rows)], encoding, delimiter)
    raw = path.read_bytes()
    # cp1252 text whose bytes also read as UTF-8 (all of it, or more lines than not) is ambiguous;
    # the user names the encoding then.
    ambiguous = encoding == "cp1252" and not raw.isascii() and _reads_as_utf8(raw)
    # One column gives a delimiter nothing to split, so a lone "," cell is ambiguous: the user chooses.
    chosen = delimiter if len(header) == 1 else None
    read_header, read_rows, _, used_delimiter = read_all(
        path, encoding="cp1252" if ambiguous else None, delimiter=chosen
    )
    assert (read_header, used_delimiter) == (tuple(header), delimiter)
    assert [cells for _, cells in read_rows] == [tuple(row) for row in rows]
