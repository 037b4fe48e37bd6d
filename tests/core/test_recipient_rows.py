"""Rows kept compact read back as the same recipients, in order, whichever way they were checked."""

from __future__ import annotations

from securemailmerge.recipients.builder import build_recipient_list
from securemailmerge.recipients.model import Recipient, RecipientOptions, RowFields

HEADER = ("Vorname", "E-Mail", "Notiz")
ROWS = [
    (2, ("Jürgen", "juergen@example.de", "")),  # plain: kept as a tuple
    (3, ("Ana", "Ana López <ana@example.es>", "")),  # a name typed with the address
    (4, ("Björn", "BJORN@Example.SE", "")),  # normalised: a different string
    (5, ("Lucía", "lucia@example.es", "=1+1")),  # a formula warning
    (6, ("José", "jose@example.es", "Zeile 1\r\nZeile 2")),  # plain again
    (7, ("Hans", "juergen@example.de", "")),  # duplicate of row 2
    (8, ("Käthe", "kaethe@example.de", "x")),  # plain
]


def expected(
    row: int, cells: tuple[str, ...], to: tuple[str, ...], names: tuple[tuple[str, str], ...] = ()
) -> Recipient:
    """The recipient as the list holds it, built by hand."""
    return Recipient(
        row, RowFields({name: i for i, name in enumerate(HEADER)}, cells), to, display_names=names
    )


def test_each_row_reads_back_as_the_recipient_it_was_checked_into() -> None:
    result = build_recipient_list("kunden.csv", HEADER, ROWS)
    wanted = [
        expected(2, ROWS[0][1], ("juergen@example.de",)),
        expected(3, ROWS[1][1], ("ana@example.es",), (("ana@example.es", "Ana López"),)),
        expected(4, ROWS[2][1], ("BJORN@example.se",)),
        expected(5, ROWS[3][1], ("lucia@example.es",)),
        expected(6, ROWS[4][1], ("jose@example.es",)),
        expected(8, ROWS[6][1], ("kaethe@example.de",)),
    ]
    assert result.rows == wanted
    assert list(result.rows) == wanted
    assert [result.rows[i] for i in range(len(result.rows))] == wanted
    assert result.rows[1:3] == wanted[1:3]
    assert result.rows[-1] == wanted[-1]
    assert result.rows[0].fields["Notiz"] == ""
    assert dict(result.rows[4].fields) == {
        "Vorname": "José",
        "E-Mail": "jose@example.es",
        "Notiz": "Zeile 1\r\nZeile 2",
    }
    assert [r.row for r in result.excluded] == [7]
    assert [(p.row, p.code) for p in result.problems] == [(5, "formula"), (7, "duplicate")]


def test_kept_duplicates_stay_in_order_among_the_compact_rows() -> None:
    result = build_recipient_list("kunden.csv", HEADER, ROWS, RecipientOptions(keep_duplicates=True))
    assert [r.row for r in result.rows] == [2, 3, 4, 5, 6, 7, 8]
    assert result.rows[5].to == ("juergen@example.de",)
    assert result.rows != [*result.rows][:-1]


def test_rows_taken_out_join_the_excluded_ones_and_the_rest_stay_in_order() -> None:
    loaded = build_recipient_list("kunden.csv", HEADER, ROWS)
    out = {3, 6, 7, 99}  # a compact row, a Recipient row, an excluded duplicate, a row that is none
    result = loaded.without(out)
    assert [r.row for r in result.rows] == [2, 4, 5, 8]
    assert list(result.rows) == [r for r in loaded.rows if r.row not in out]
    assert result.excluded == [*loaded.excluded, *(r for r in loaded.rows if r.row in {3, 6})]
    assert result.problems == loaded.problems
    assert loaded.without(set()) is loaded
    assert [r.row for r in loaded.rows] == [2, 3, 4, 5, 6, 8]  # the list itself is as it was
