"""Merge-field syntax: field names as Outlook and Word users type them, aliases, and error positions.

Jinja2 reads ``{{ FirstName }}`` but not ``{{ First Name }}`` or ``{{ E-Mail }}``, and gives ``self``
a meaning of its own. Before a part of a template is compiled, such references are rewritten,
token by token with Jinja2's own lexer, into plain identifiers that stand for the field; filters,
tests, attributes, strings and keywords are left alone. Each token is tied back to its place in
the source, so a syntax error names its line and column in the text the user wrote.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from jinja2 import Environment, nodes
from jinja2 import Template as JinjaTemplate
from jinja2 import TemplateSyntaxError as JinjaSyntaxError
from jinja2.lexer import Token, TokenStream
from jinja2.parser import Parser

from securemailmerge.errors import TemplateSyntaxError
from securemailmerge.i18n import translate

ALIASES: Mapping[str, tuple[str, ...]] = {
    "FirstName": ("First Name", "Given Name", "Vorname", "Nombre", "Prénom"),
    "LastName": (
        "Last Name",
        "Surname",
        "Family Name",
        "Nachname",
        "Familienname",
        "Apellido(s)",
        "Apellido",
    ),
    "Email": ("E-Mail", "Email Address", "E-Mail-Adresse", "Mail", "Correo", "Correo electrónico"),
    "Company": (
        "Company Name",
        "Organization",
        "Organisation",
        "Firma",
        "Unternehmen",
        "Empresa",
        "Compañía",
    ),
    "JobTitle": ("Job Title", "Position", "Berufsbezeichnung", "Cargo", "Puesto"),
    "DisplayName": ("Display Name", "Name", "Full Name", "Anzeigename", "Nombre completo"),
}
"""Contact-style field names and the column names they stand for; any spelling of a group finds the others."""

# Words Jinja2 reads as operators or statement syntax: they end a field name written with spaces.
_KEYWORDS = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "elif", "true", "false", "none", "True", "False", "None"}
    | {"recursive", "as", "with", "without", "context", "ignore", "missing", "scoped", "required"}
    | {"import", "from"}
)
# These need a template loader; a mail-merge template is one self-contained text.
_LOADER_TAGS = frozenset({"extends", "include", "import", "from"})
# Jinja2 binds these itself (``self`` is the template object); in a template they can only mean a field.
_RESERVED = frozenset({"self"})
_BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "set"})
_OPENERS = {"variable_begin": "variable_end", "block_begin": "block_end"}
_FIELD_EXAMPLE = "{{ Tel_mobile }}"


def normalise(name: str) -> str:
    """The key all spellings of a field share: letters and digits, case folded (``E-Mail`` -> ``email``)."""
    return "".join(char for char in unicodedata.normalize("NFKC", name).casefold() if char.isalnum())


def _loose(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _alias_groups() -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for canonical, spellings in ALIASES.items():
        group = tuple(dict.fromkeys(normalise(name) for name in (canonical, *spellings)))
        for key in group:
            groups[key] = group
    return groups


_GROUPS = _alias_groups()


class FieldResolver:
    """Finds the column that a field name written in a template stands for."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._exact = set(columns)
        self._loose = {_loose(column) for column in columns}
        self._by_key: dict[str, str] = {}
        for column in columns:
            self._by_key.setdefault(normalise(column), column)

    def resolve(self, name: str) -> str | None:
        """The column for ``name``: the same name, the same letters in any case and spacing, or an alias."""
        if name in self._exact:
            return name
        key = normalise(name)
        for candidate in (key, *_GROUPS.get(key, ())) if key else ():
            column = self._by_key.get(candidate)
            if column is not None:
                return column
        return None

    def is_column(self, text: str) -> bool:
        """Whether ``text`` is exactly a column's name, apart from case and spacing."""
        return _loose(text) in self._loose


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


@dataclass(frozen=True)
class CompiledPart:
    """One part of a template, rewritten and compiled, with what later steps need to look at it."""

    part: str
    source: str
    lexemes: tuple[Lexeme, ...]
    tree: nodes.Template
    template: JinjaTemplate


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


class _Part:
    """A part's original text, which every error position refers to."""

    def __init__(self, part: str, text: str) -> None:
        self.part = part
        self.original = normalise_newlines(text)

    def error(self, offset: int, detail: str) -> TemplateSyntaxError:
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
    try:
        for line, kind, value in env.lexer.tokeniter(source, None):
            start = offset
            # Whitespace control (``{%-``) strips blanks the preceding data token no longer holds.
            while not source.startswith(value, start) and start < len(source) and source[start].isspace():
                start += 1
            lexemes.append(Lexeme(kind, value, start, line))
            offset = start + len(value)
    except JinjaSyntaxError as error:
        if lexemes and lexemes[-1].kind.endswith("_begin"):
            offset = lexemes[-1].start  # "{#" never closed: point at it, not at what follows
        while offset < len(source) and source[offset].isspace():
            offset += 1
        # Jinja2 adds the offset in its own terms ("unexpected char '$' at 9"); ours is in the message.
        raise fail(offset, re.sub(r" at \d+$", "", error.message or "")) from None
    return lexemes


class FieldRewriter:
    """Rewrites field references Jinja2 cannot read into identifiers, the same one for the same name."""

    def __init__(self, resolver: FieldResolver, sources: Sequence[str]) -> None:
        prefix = "smm_field_"
        while any(prefix in source for source in sources):
            prefix = "x" + prefix  # so no identifier made here can be one the user wrote
        self._prefix = prefix
        self._resolver = resolver
        self._identifiers: dict[str, str] = {}
        self.names: dict[str, str] = {}
        """Each identifier made here and the field name it stands for, as written."""

    def field_name(self, identifier: str) -> str:
        """The field name an identifier in the compiled template stands for."""
        return self.names.get(identifier, identifier)

    def compile(self, env: Environment, part: str, text: str, *, one_line: bool = False) -> CompiledPart:
        """Rewrite, parse and compile one part; TemplateSyntaxError names its line and column.

        With ``one_line`` (a subject, a file name) the text outside the tags may not break the line.
        """
        source = _Part(part, text)
        original = lex(env, source.original, source.error)
        for lexeme in original:
            if one_line and lexeme.kind == "data" and "\n" in lexeme.value:
                offset = lexeme.start + lexeme.value.index("\n")
                raise source.error(offset, translate("Template", "it must stay on one line"))
        rewritten, to_original = _apply(source.original, list(self._edits(env, original, source.error)))

        def fail(offset: int, detail: str) -> TemplateSyntaxError:
            return source.error(to_original(offset), detail)

        lexemes = lex(env, rewritten, fail)
        try:
            tree = _parse(env, part, rewritten, lexemes, fail)
            template = env.from_string(tree)
        except JinjaSyntaxError as error:
            raise source.line_error(error.lineno, error.message or "") from None
        except RecursionError:
            raise source.error(
                0, translate("Template", "the template is nested too deeply to read")
            ) from None
        return CompiledPart(part, rewritten, tuple(lexemes), tree, template)

    def _edits(
        self, env: Environment, lexemes: Sequence[Lexeme], fail: Callable[[int, str], TemplateSyntaxError]
    ) -> Iterator[tuple[int, int, str]]:
        for begin, end in _tags(lexemes):
            inner = lexemes[begin + 1 : end]
            yield from self._tag_edits(env, inner, lexemes[begin].kind == "block_begin", fail)

    def _tag_edits(
        self,
        env: Environment,
        inner: Sequence[Lexeme],
        is_block: bool,
        fail: Callable[[int, str], TemplateSyntaxError],
    ) -> Iterator[tuple[int, int, str]]:
        seen: list[Lexeme] = []
        index = 0
        while index < len(inner):
            lexeme = inner[index]
            if lexeme.kind == "whitespace":
                index += 1
                continue
            if is_block and not seen and lexeme.kind == "name":
                if lexeme.value in _LOADER_TAGS:
                    raise fail(
                        lexeme.start,
                        translate(
                            "Template",
                            "the tag “{tag}” cannot be used: a template is one self-contained text",
                        ).format(tag=lexeme.value),
                    )
            elif lexeme.kind == "name":
                role = _role(seen)
                _check_name(env, role, lexeme, fail)
                if role == "value" and lexeme.value not in _KEYWORDS:
                    last, name = self._field_at(inner, index)
                    if last > index or name in _RESERVED:
                        yield lexeme.start, inner[last].end, self._identifier(name)
                    seen.append(inner[last])
                    index = last + 1
                    continue
            elif (
                lexeme.kind == "string"
                and seen
                and seen[-1].value == "["
                and lexeme.value[1:].startswith("_")
            ):
                raise fail(lexeme.start, _hidden(lexeme.value[1:-1]))
            seen.append(lexeme)
            index += 1

    def _field_at(self, inner: Sequence[Lexeme], first: int) -> tuple[int, str]:
        """The last token and the name of the field written from ``inner[first]`` on."""
        words, separators = [first], []
        while True:
            after = words[-1] + 1
            if after >= len(inner):
                break
            gap = inner[after]
            if gap.kind == "whitespace" and "\n" not in gap.value:
                separator = " "
            elif gap.kind == "operator" and gap.value == "-":
                separator = "-"  # E-Mail: names do not subtract in a mail merge
            else:
                break
            if after + 1 >= len(inner) or inner[after + 1].kind not in {"name", "integer"}:
                break
            words.append(after + 1)
            separators.append(separator)
        texts = [inner[word].value for word in words]

        def joined(count: int) -> str:
            return texts[0] + "".join(
                sep + text for sep, text in zip(separators[: count - 1], texts[1:count], strict=True)
            )

        take = 1
        while take < len(texts) and texts[take] not in _KEYWORDS:
            take += 1
        # A keyword may be part of a name when a column is called exactly that ("Opt in").
        for count in range(len(texts), take, -1):
            if self._resolver.is_column(joined(count)):
                take = count
                break
        return words[take - 1], joined(take)

    def _identifier(self, name: str) -> str:
        identifier = self._identifiers.get(name)
        if identifier is None:
            identifier = f"{self._prefix}{len(self._identifiers)}"
            self._identifiers[name] = identifier
            self.names[identifier] = name
        return identifier


def _role(seen: Sequence[Lexeme]) -> str:
    """What a name means after the tokens ``seen``: an attribute, a filter, a test, or a value."""
    before = seen[-1] if seen else None
    if before is None:
        return "value"
    if before.kind == "operator" and before.value in {".", "|"}:
        return "attribute" if before.value == "." else "filter"
    if before.kind == "name" and (before.value == "is" or (before.value == "filter" and len(seen) == 1)):
        return "test" if before.value == "is" else "filter"
    if before.value == "not" and len(seen) > 1 and seen[-2].value == "is":
        return "test"
    return "value"


def _check_name(
    env: Environment, role: str, lexeme: Lexeme, fail: Callable[[int, str], TemplateSyntaxError]
) -> None:
    if role == "attribute" and lexeme.value.startswith("_"):
        raise fail(lexeme.start, _hidden(lexeme.value))
    if role == "filter" and lexeme.value not in env.filters:
        raise fail(
            lexeme.start, translate("Template", "there is no filter “{name}”").format(name=lexeme.value)
        )
    if role == "test" and lexeme.value != "not" and lexeme.value not in env.tests:
        raise fail(lexeme.start, translate("Template", "there is no test “{name}”").format(name=lexeme.value))


def _hidden(name: str) -> str:
    return translate("Template", "“{name}” is not a merge field, and templates cannot read it").format(
        name=name
    )


def _tags(lexemes: Sequence[Lexeme]) -> Iterator[tuple[int, int]]:
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


def _apply(source: str, edits: Sequence[tuple[int, int, str]]) -> tuple[str, Callable[[int], int]]:
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


def _parse(
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
    failed: list[int] = []

    def raw() -> Iterator[tuple[int, str, str]]:
        for lexeme in lexemes:
            feeding[0] = lexeme.start
            yield lexeme.line, lexeme.kind, lexeme.value

    def tracked() -> Iterator[Token]:
        wrapped = env.lexer.wrap(raw(), part)
        while True:
            try:
                token = next(wrapped)
            except StopIteration:
                return
            except JinjaSyntaxError:
                failed.append(feeding[0])  # a bad string or name: the token being read is at fault
                raise
            tokens.append(token)
            offsets.append(feeding[0])
            yield token

    parser = Parser(env, source, name=part)
    parser.stream = TokenStream(tracked(), part, None)
    try:
        return parser.parse()
    except JinjaSyntaxError as error:
        current = parser.stream.current
        index = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i] is current), None)
        if failed:
            offset, detail = failed[0], error.message
        elif current.type == "eof" or index is None:
            offset, detail = _unfinished(lexemes, len(source))
        else:
            offset, detail = offsets[index], None
            if index and tokens[index - 1].type == "block_begin" and current.type == "name":
                detail = _misplaced_tag(str(current.value))
        raise fail(offset, detail or _generic(error.message or "")) from None


def _unfinished(lexemes: Sequence[Lexeme], end: int) -> tuple[int, str | None]:
    """Where the template ends too early: the tag or block left open, innermost first."""
    opened: list[tuple[str, int]] = []
    for begin, close in _tags(lexemes):
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
