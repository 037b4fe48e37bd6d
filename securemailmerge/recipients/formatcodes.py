"""The parts of a number format code (``#,##0.00 "€";[Red]-#,##0.00``): its sections, the text of
its literal tokens, and how a section places a number's digits."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|.')


def sections(code: str) -> list[str]:
    """The sections of ``code`` between its semicolons (positive; negative; zero; text)."""
    found, current = [], ""
    for part in _NUMBER_TOKEN.findall(code):
        if part == ";":
            found.append(current)
            current = ""
        else:
            current += part
    return [*found, current]


def literal(token: str) -> str:
    """What a format token that is not a placeholder shows: quoted text, escaped chars, currency."""
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith(("_", "*")):
        return ""  # padding to align columns, invisible in a letter
    if token.startswith("[$"):
        return token[2:-1].split("-")[0]
    if token.startswith("["):
        return ""  # a colour or a condition
    return token


@dataclass(frozen=True)
class Layout:
    """How one section of a number format places a number's digits: the text around them, the
    fewest integer digits, the most and fewest decimals, grouping, and whether it is a percentage."""

    prefix: str
    suffix: str
    min_int: int
    max_dec: int
    min_dec: int
    grouping: bool
    percent: bool

    @property
    def fixed(self) -> str:
        """The ``format`` spec that gives the digits ("_" groups, "." before the decimals)."""
        return f"_.{self.max_dec}f" if self.grouping else f".{self.max_dec}f"

    @property
    def direct(self) -> bool:
        """Whether Python's fixed-point formatting places the digits (all but percentages and
        zero-padded integers), away from a half."""
        return not self.percent and self.min_int == 1


def layout(section: str) -> Layout | str | None:
    """The digits of one section of a number format; its text when it has no digit (``"-"``),
    ``None`` for ``General``."""
    if section.strip() in {"General", ""}:
        return None
    tokens = _NUMBER_TOKEN.findall(section)
    places = [index for index, token in enumerate(tokens) if token in {"0", "#"}]
    if not places:
        return "".join(literal(token) for token in tokens)
    first, last = places[0], places[-1]
    pattern = "".join(tokens[first : last + 1])
    prefix = "".join(literal(token) for token in tokens[:first])
    suffix = "".join(literal(token) for token in tokens[last + 1 :])
    whole, _, fraction = pattern.partition(".")
    decimals = fraction.count("0") + fraction.count("#")
    percent = "%" in prefix + suffix
    return Layout(prefix, suffix, whole.count("0"), decimals, fraction.count("0"), "," in whole, percent)
