"""Header problems name the positions the user sees; email, CC, BCC and Reply-To columns are found by name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from securemailmerge.errors import ColumnError, RecipientFileError
from securemailmerge.recipients.columns import (
    BCC_NAMES,
    CC_NAMES,
    REPLY_TO_NAMES,
    check_header,
    detect_column,
    detect_email_column,
    resolve_column,
)

NO_NAME = "kunden.csv: the header row has no name in column(s)"


def excel_letter(index: int) -> str:
    return "ABCDEFGHIJ"[index]


def csv_position(index: int) -> str:
    return str(index + 1)


@pytest.mark.parametrize(
    ("columns", "email"),
    [
        (["Name", "Email"], "Email"),
        (["Name", "E-Mail"], "E-Mail"),
        (["name", "e-mail address"], "e-mail address"),
        (["Nombre", "Correo electrónico"], "Correo electrónico"),
        (["Nombre", "Dirección de correo electrónico"], "Dirección de correo electrónico"),
        (["Nombre", "CORREO"], "CORREO"),
        (["Vorname", "E-Mail-Adresse"], "E-Mail-Adresse"),
        (["Adresse", "Mail"], "Mail"),
        (["Adresse", "Email", "Mail"], "Email"),
        (["Name", "Adresse"], "Adresse"),
        (["E_MAIL", "Name"], "E_MAIL"),
        (["Name", "Phone"], None),
    ],
)
def test_the_email_column_is_detected_by_its_name(columns: list[str], email: str | None) -> None:
    assert detect_email_column(columns) == email


@pytest.mark.parametrize(
    ("columns", "names", "taken", "expected"),
    [
        (["Name", "E-Mail", "CC"], CC_NAMES, {"E-Mail"}, "CC"),
        (["Name", "Kopie an"], CC_NAMES, set(), "Kopie an"),
        (["Name", "Copia oculta"], BCC_NAMES, set(), "Copia oculta"),
        (["Name", "Reply-To"], REPLY_TO_NAMES, set(), "Reply-To"),
        (["Name", "Antwort an"], REPLY_TO_NAMES, set(), "Antwort an"),
        (["Name", "CC"], CC_NAMES, {"CC"}, None),
        (["Name", "Email"], BCC_NAMES, set(), None),
    ],
)
def test_optional_columns_are_detected_by_their_names(
    columns: list[str], names: frozenset[str], taken: set[str], expected: str | None
) -> None:
    assert detect_column(columns, names, taken) == expected


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [("E-Mail", "E-Mail"), ("e-mail", "E-Mail"), ("  E-MAIL ", "E-Mail"), ("name", "Name")],
)
def test_a_named_column_is_found_exactly_or_ignoring_case(wanted: str, expected: str) -> None:
    assert resolve_column("x.csv", ["Name", "E-Mail"], wanted) == expected


def test_a_named_column_that_does_not_exist_is_named_with_the_columns() -> None:
    with pytest.raises(ColumnError) as caught:
        resolve_column("/data/kunden.csv", ["Name", "E-Mail"], "Mail")
    assert str(caught.value) == "kunden.csv has no column 'Mail'. Its columns are: Name, E-Mail."
    assert (caught.value.file, caught.value.field) == ("/data/kunden.csv", "Mail")


def test_header_names_are_trimmed_and_trailing_empty_ones_dropped() -> None:
    assert check_header("x.csv", [" Name ", "\tE-Mail ", "", " "]) == ("Name", "E-Mail")


@pytest.mark.parametrize(
    ("header", "label", "message"),
    [
        (
            ["Name", "Email", "name"],
            csv_position,
            "kunden.csv: column names must be unique, but the header repeats 'Name' in columns 1, 3.",
        ),
        (
            ["Name", "Email", "name", "EMAIL"],
            excel_letter,
            "kunden.csv: column names must be unique, but the header repeats "
            "'Name' in columns A, C; 'Email' in columns B, D.",
        ),
        (["Name", " ", "Email", ""], csv_position, "kunden.csv: the header row has no name in column(s) 2."),
        (
            ["", "Name", "", "Email"],
            csv_position,
            "kunden.csv: the header row has no name in column(s) 1, 3.",
        ),
        (
            ["", "Name", "", "Email"],
            excel_letter,
            "kunden.csv: the header row has no name in column(s) A, C.",
        ),
    ],
)
def test_bad_header_names_are_reported_with_their_positions(
    header: list[str], label: Callable[[int], str], message: str
) -> None:
    with pytest.raises(RecipientFileError) as caught:
        check_header("/data/kunden.csv", header, label)
    assert str(caught.value) == message
    assert caught.value.file == "/data/kunden.csv"
