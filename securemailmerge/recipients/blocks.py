"""The rows of a source in blocks for the builder: its first rows to look at, then blocks to check.

A source yields rows ``(row, cells)`` one by one (a sheet, an address book, the CSV records that
need the csv module) and, from a fast reader, whole blocks by column (``CellColumns``). The builder
checks a block at a time (see ``plainrows``), so single rows are gathered into lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from securemailmerge.recipients.model import CellColumns

Row = tuple[int, Sequence[str]]
Block = list[Row] | CellColumns
# Single rows gathered into one block: enough for the block's fixed costs to vanish, few enough
# that a block of wide rows takes little memory.
BLOCK_ROWS = 1024


def sample_rows(
    items: Iterator[Row | CellColumns], count: int
) -> tuple[list[tuple[str, ...]], list[Row | CellColumns]]:
    """The cells of the first ``count`` rows, and every item read to find them (to be checked first)."""
    sample: list[tuple[str, ...]] = []
    head: list[Row | CellColumns] = []
    for item in items:
        head.append(item)
        if isinstance(item, CellColumns):
            sample.extend(values for _, values in islice(item.rows(), count - len(sample)))
        else:
            sample.append(tuple(item[1]))
        if len(sample) >= count:
            break
    return sample, head


def blocks(items: Iterable[Row | CellColumns]) -> Iterator[Block]:
    """``items`` as blocks: each ``CellColumns`` as it comes, the rows between them in lists."""
    rows: list[Row] = []
    for item in items:
        if isinstance(item, CellColumns):
            if rows:
                yield rows
                rows = []
            yield item
        else:
            rows.append(item)
            if len(rows) == BLOCK_ROWS:
                yield rows
                rows = []
    if rows:
        yield rows
