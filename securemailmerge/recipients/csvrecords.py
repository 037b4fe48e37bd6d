"""The records of a CSV file after its header, numbered, the quote-free ones split without the csv module.

The csv module spends about 2.5 µs on a row of five cells, more than all the checks of the row
together. Most recipient files quote nothing (Excel writes quotes only around a cell that holds
the delimiter, a quote or a line break), and a record without quotes is its line split at the
delimiter, which ``str.split`` does in C. So the text is read in blocks of whole lines; a block
without a quote, a NUL or a lone carriage return, whose lines are all shorter than the csv
module's field limit, is split line by line; from the first block that is not, the csv module
reads the rest of the file, exactly as it would have read the whole. When every line of a block
has as many cells as the header, the whole block is split at once and handed on column by column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice, repeat
from operator import itemgetter
from typing import TextIO

from securemailmerge.recipients.model import SPECIAL_CHARACTERS, CellColumns

Row = tuple[int, tuple[str, ...]]
_BLOCK_CHARS = 64 * 1024


def numbered_records(
    handle: TextIO, delimiter: str, width: int, numbers: Iterator[int], block_chars: int = _BLOCK_CHARS
) -> Iterator[Row | CellColumns]:
    """The non-blank records of the rest of ``handle`` with their row numbers taken from ``numbers``
    (a blank record takes one too); a block of records all ``width`` cells wide comes as one
    ``CellColumns``. The csv module's errors pass through; when one is raised, ``numbers`` has just
    given the failing row its number."""
    rest = ""
    while chunk := handle.read(block_chars):
        text = rest + chunk
        cut = text.rfind("\n") + 1
        block = text[:cut]
        lines = _plain_lines(block) if cut else None
        if lines is None:
            lines_left = chain(io.StringIO(_whole_lines(text, handle), newline=""), handle)
            yield from _parsed(lines_left, delimiter, numbers)
            return
        rest = text[cut:]
        texts: Sequence[str] = lines
        if "" in lines:  # a blank line takes a number but gives no record
            kept = list(filter(itemgetter(0), zip(lines, numbers, strict=False)))
            if not kept:
                continue
            texts, rows = zip(*kept, strict=True)
        else:
            rows = tuple(islice(numbers, len(lines)))
        special = any(character in block for character in SPECIAL_CHARACTERS)
        yield from _split(texts, rows, delimiter, width, special)
    if rest:
        yield from _parsed(io.StringIO(rest, newline=""), delimiter, numbers)


def _split(
    texts: Sequence[str], numbers: Sequence[int], delimiter: str, width: int, special: bool
) -> Iterator[Row | CellColumns]:
    """Quote-free lines with their numbers, split into cells: one text split at once when every line
    has ``width`` cells (the line ends joined as delimiters), else line by line."""
    if list(map(str.count, texts, repeat(delimiter))).count(width - 1) == len(texts):
        cells = delimiter.join(texts).split(delimiter)
        yield CellColumns(numbers, [cells[position::width] for position in range(width)], special)
    else:
        yield from zip(numbers, map(tuple, map(str.split, texts, repeat(delimiter))), strict=True)


def _whole_lines(text: str, handle: TextIO) -> str:
    """``text`` and the rest of its last line: the csv module ends a record wherever a piece of
    text it is given ends, so a line cut in two would be two rows."""
    while text.endswith("\r"):
        following = handle.read(1)
        text += following
        if following in ("\n", ""):
            return text
    if not text.endswith("\n"):
        text += handle.readline()
    return text


def _plain_lines(block: str) -> list[str] | None:
    """The lines of ``block`` (text ending with a line end) when none needs the csv module, else None."""
    if '"' in block or "\x00" in block:
        return None
    if "\r" not in block:
        lines = block.split("\n")
    elif block.count("\r") == block.count("\r\n") == block.count("\n"):
        lines = block.split("\r\n")
    else:
        return None
    lines.pop()  # the empty text after the last line end
    limit = csv.field_size_limit()
    if len(block) > limit and max(map(len, lines), default=0) > limit:
        return None
    return lines


def _parsed(lines: Iterable[str], delimiter: str, numbers: Iterator[int]) -> Iterator[Row]:
    """The non-blank records the csv module reads from ``lines`` (strictly: a quote left open is an error)."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    return filter(itemgetter(1), zip(numbers, map(tuple, reader), strict=False))
