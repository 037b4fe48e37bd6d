"""Where things are in a template part: Jinja2's tokens with their offsets, and syntax errors.

The field rewriter (``fields``) changes the text before Jinja2 compiles it. Each token is tied back to
its place in the source the user wrote, through the rewriting and through Jinja2's parser, so a
syntax error names the part, the line and the column, with a detail worded for a mail-merge user.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from jinja2 import Environment, nodes
from jinja2.lexer import Token, TokenStream
from jinja2.parser import Parser

from securemailmerge.errors import TemplateSyntaxError
from securemailmerge.i18n import translate
from securemailmerge.template.boundary import JinjaProblem, jinja_errors

_BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "set"})
_OPENERS = {"variable_begin": "variable_end", "block_begin": "block_end"}
_FIELD_EXAMPLE = "{{ Tel_mobile }}"


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One token of Jinja2's lexer and where it starts in the source."""

    kind: str
    value: str
    start: int
    line: int

    @property
    def end(self) -> int:
        """The offset just past the token."""
        return self.start + len(self.value)


def normalise_newlines(text: str) -> str:
    """Every line break as ``\\n``, as Jinja2's lexer sees them, so offsets agree."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def part_label(part: str, source: str) -> str:
    """How a message names a part of the template."""
    if part == "subject":
        return translate("Template", "subject")
    if part == "html":
        return translate("Template", "HTML body")
    if part == "text":
        return translate("Template", "plain-text body")
    return translate("Template", "attachment name “{name}”").format(name=source)


def position(source: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``source``."""
    offset = max(0, min(offset, len(source)))
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("\n", 0, offset) + 1, offset - line_start + 1


class PartText:
    """A part's original text, which every error position refers to."""

    def __init__(self, part: str, text: str) -> None:
        self.part = part
        self.original = normalise_newlines(text)

    def error(self, offset: int, detail: str) -> TemplateSyntaxError:
        """The error at ``offset`` of the original text, naming the part, line and column."""
        line, column = position(self.original, offset)
        message = translate(
            "Template", "Error in the {part} at line {line}, column {column}: {detail}"
        ).format(part=part_label(self.part, self.original), line=line, column=column, detail=detail)
        return TemplateSyntaxError(message, part=self.part, line=line, column=column)

    def line_error(self, line: int, detail: str) -> TemplateSyntaxError:
        """An error Jinja2 places on a line only: point at the line's first visible character."""
        offset = 0
        for _ in range(line - 1):
            offset = self.original.find("\n", offset) + 1 or len(self.original)
        while offset < len(self.original) and self.original[offset] in " \t":
            offset += 1
        return self.error(offset, detail)


def lex(env: Environment, source: str, fail: Callable[[int, str], TemplateSyntaxError]) -> list[Lexeme]:
    """Jinja2's tokens of ``source`` (line breaks already ``\\n``), each tied to its offset."""
    lexemes: list[Lexeme] = []
    offset = 0

    def ours(problem: JinjaProblem) -> TemplateSyntaxError:
        at = lexemes[-1].start if lexemes and lexemes[-1].kind.endswith("_begin") else offset
        # (A "{#" never closed is pointed at, not what follows it.)
        while at < len(source) and source[at].isspace():
            at += 1
        # Jinja2 adds the offset in its own terms ("unexpected char '$' at 9"); ours is in the message.
        return fail(at, re.sub(r" at \d+$", "", problem.detail))

    with jinja_errors(ours):
        for line, kind, value in env.lexer.tokeniter(source, None):
            start = offset
            # Whitespace control (``{%-``) strips blanks the preceding data token no longer holds.
            while not source.startswith(value, start) and start < len(source) and source[start].isspace():
                start += 1
            lexemes.append(Lexeme(kind, value, start, line))
            offset = start + len(value)
    return lexemes


def tag_spans(lexemes: Sequence[Lexeme]) -> Iterator[tuple[int, int]]:
    """Index of each ``{{``/``{%`` token and of its closing token (or the end when it is never closed)."""
    index = 0
    while index < len(lexemes):
        closer = _OPENERS.get(lexemes[index].kind)
        if closer is None:
            index += 1
            continue
        end = index + 1
        while end < len(lexemes) and lexemes[end].kind != closer:
            end += 1
        yield index, end
        index = end + 1


def apply_edits(source: str, edits: Sequence[tuple[int, int, str]]) -> tuple[str, Callable[[int], int]]:
    """The rewritten source and a function from its offsets back to the original's."""
    pieces: list[str] = []
    new_starts: list[int] = []
    spans: list[tuple[int, int, int]] = []  # new start, new end, original start
    done, length = 0, 0
    for start, end, replacement in edits:
        pieces.append(source[done:start])
        length += start - done
        spans.append((length, length + len(replacement), start))
        new_starts.append(length)
        pieces.append(replacement)
        length += len(replacement)
        done = end
    pieces.append(source[done:])
    ends = [end for _, end, _ in edits]

    def to_original(offset: int) -> int:
        index = bisect.bisect_right(new_starts, offset) - 1
        if index < 0:
            return offset
        _, new_end, original_start = spans[index]
        if offset < new_end:
            return original_start
        return ends[index] + offset - new_end

    return "".join(pieces), to_original


def parse_with_positions(
    env: Environment,
    part: str,
    source: str,
    lexemes: Sequence[Lexeme],
    fail: Callable[[int, str], TemplateSyntaxError],
) -> nodes.Template:
    """Parse with Jinja2, keeping track of the offset of every token so an error has a column."""
    tokens: list[Token] = []
    offsets: list[int] = []
    feeding = [0]
    reading = [False]  # True while Jinja2's lexer reads a token: an error then is that token's fault

    def raw() -> Iterator[tuple[int, str, str]]:
        for lexeme in lexemes:
            feeding[0] = lexeme.start
            yield lexeme.line, lexeme.kind, lexeme.value

    def tracked() -> Iterator[Token]:
        reading[0] = True
        for token in env.lexer.wrap(raw(), part):
            reading[0] = False
            tokens.append(token)
            offsets.append(feeding[0])
            yield token
            reading[0] = True
        reading[0] = False

    parser = Parser(env, source, name=part)
    parser.stream = TokenStream(tracked(), part, None)

    def ours(problem: JinjaProblem) -> TemplateSyntaxError:
        current = parser.stream.current
        index = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i] is current), None)
        detail: str | None
        if reading[0]:  # a bad string or name
            offset, detail = feeding[0], problem.detail
        elif current.type == "eof" or index is None:
            offset, detail = _unfinished(lexemes, len(source))
        else:
            offset, detail = offsets[index], None
            if index and tokens[index - 1].type == "block_begin" and current.type == "name":
                detail = _misplaced_tag(str(current.value))
        return fail(offset, detail or _generic(problem.detail))

    with jinja_errors(ours):
        return parser.parse()


def _unfinished(lexemes: Sequence[Lexeme], end: int) -> tuple[int, str | None]:
    """Where the template ends too early: the tag or block left open, innermost first."""
    opened: list[tuple[str, int]] = []
    for begin, close in tag_spans(lexemes):
        delimiter = lexemes[begin]
        if close >= len(lexemes):
            closing = "}}" if delimiter.kind == "variable_begin" else "%}"
            detail = translate("Template", "“{opening}” is never closed with “{closing}”")
            return delimiter.start, detail.format(opening=delimiter.value, closing=closing)
        inner = [lexeme for lexeme in lexemes[begin + 1 : close] if lexeme.kind != "whitespace"]
        if delimiter.kind != "block_begin" or not inner:
            continue
        tag = inner[0].value
        if tag in _BLOCK_TAGS and not (tag == "set" and any(lexeme.value == "=" for lexeme in inner)):
            opened.append((tag, delimiter.start))
        elif opened and tag == "end" + opened[-1][0]:
            opened.pop()
    if not opened:
        return end, None
    tag, start = opened[-1]
    detail = translate("Template", "“{opening}” is never closed with “{closing}”")
    return start, detail.format(opening=f"{{% {tag} %}}", closing=f"{{% end{tag} %}}")


def _misplaced_tag(tag: str) -> str:
    if tag.startswith("end") or tag in {"else", "elif"}:
        detail = translate("Template", "“{tag}” does not close or continue any open “{opening}” here")
        opening = tag[3:] if tag.startswith("end") else "if"
        return detail.format(tag=f"{{% {tag} %}}", opening=f"{{% {opening} %}}")
    return translate("Template", "there is no tag “{tag}”").format(tag=tag)


def _generic(detail: str) -> str:
    hint = translate(
        "Template",
        "{detail}. A field name may hold letters, digits, spaces and hyphens; "
        "write any other character as an underscore, as in {example}",
    )
    return hint.format(detail=detail.rstrip("."), example=_FIELD_EXAMPLE)
