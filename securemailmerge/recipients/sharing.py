"""Repeated cells kept once: a list of a million rows names the same cities and companies again and again.

Each row read from a file brings new strings, also for a value seen a thousand times before. The
columns whose first rows repeat their values are found once; in them each value is then kept
once for the whole list, which saves much of the memory the list takes.
"""

from __future__ import annotations

from collections.abc import Sequence


def _repeats(cells: Sequence[str]) -> bool:
    """Whether a column's sample holds the same values again and again (worth keeping each once)."""
    return len(cells) >= 10 and len(set(cells)) * 2 <= len(cells)


class SharedCells:
    """The columns whose values repeat, each with the values seen so far."""

    def __init__(self, sample: Sequence[Sequence[str]], width: int) -> None:
        self.columns: list[tuple[int, dict[str, str]]] = [
            (position, {})
            for position in range(width)
            if _repeats([row[position] for row in sample if position < len(row)])
        ]

    def __bool__(self) -> bool:
        return bool(self.columns)

    def share(self, values: tuple[str, ...]) -> tuple[str, ...]:
        """The row's cells, each repeated value (a city, a company) kept once for the whole list."""
        shared = list(values)
        for position, seen in self.columns:
            value = shared[position]
            shared[position] = seen.setdefault(value, value)
        return tuple(shared)
