"""The window writes numbers, sizes, dates and durations through the engine's one formatter."""

from __future__ import annotations

from securemailmerge.formatting import decimal, duration, number, size, when

__all__ = ["decimal", "duration", "number", "size", "when"]
