"""Merge-field syntax: field names as Outlook and Word users type them, and their aliases.

Jinja2 reads ``{{ FirstName }}`` but not ``{{ First Name }}`` or ``{{ E-Mail }}``, and gives ``self``
a meaning of its own. Before a part of a template is compiled, such references are rewritten,
token by token with Jinja2's own lexer, into plain identifiers that stand for the field; filters,
tests, attributes, strings and keywords are left alone. Each token is tied back to its place in
the source (see ``syntax``), so a syntax error names its line and column in the text the user wrote.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from jinja2 import Environment, Template as JinjaTemplate, nodes

from securemailmerge.errors import TemplateSyntaxError
from securemailmerge.i18n import translate
from securemailmerge.template.boundary import JinjaProblem, Kind, jinja_errors
from securemailmerge.template.syntax import (
    Lexeme,
    PartText,
    apply_edits,
    lex,
    parse_with_positions,
    tag_spans,
)

ALIASES: Mapping[str, tuple[str, ...]] = {
    "FirstName": ("First Name", "Given Name", "Vorname", "Nombre", "Prénom"),
    "MiddleName": ("Middle Name", "Additional Name", "Weitere Vornamen", "Segundo nombre"),
    "LastName": (
        "Last Name",
        "Surname",
        "Family Name",
        "Nachname",
        "Familienname",
        "Apellido(s)",
        "Apellido",
    ),
    "Email": (
        "E-Mail",
        "Email Address",
        "E-Mail-Adresse",
        "E-mail 1 - Value",
        "Primary Email",
        "Mail",
        "Correo",
        "Correo electrónico",
        "Dirección de correo electrónico",
    ),
    "Company": (
        "Company Name",
        "Organization",
        "Organisation",
        "Firma",
        "Unternehmen",
        "Empresa",
        "Compañía",
        "Organización",
        "Organization Name",
        "Organization 1 - Name",
    ),
    "JobTitle": (
        "Job Title",
        "Position",
        "Berufsbezeichnung",
        "Cargo",
        "Puesto",
        "Organization Title",
        "Organization 1 - Title",
    ),
    "Department": ("Abteilung", "Departamento", "Organization Department", "Organization 1 - Department"),
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


@dataclass(frozen=True)
class CompiledPart:
    """One part of a template, rewritten and compiled, with what later steps need to look at it."""

    part: str
    source: str
    lexemes: tuple[Lexeme, ...]
    tree: nodes.Template
    template: JinjaTemplate


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
        source = PartText(part, text)
        original = lex(env, source.original, source.error)
        for lexeme in original:
            if one_line and lexeme.kind == "data" and "\n" in lexeme.value:
                offset = lexeme.start + lexeme.value.index("\n")
                raise source.error(offset, translate("Template", "it must stay on one line"))
        rewritten, to_original = apply_edits(source.original, list(self._edits(env, original, source.error)))

        def fail(offset: int, detail: str) -> TemplateSyntaxError:
            return source.error(to_original(offset), detail)

        lexemes = lex(env, rewritten, fail)

        def ours(problem: JinjaProblem) -> TemplateSyntaxError:
            if problem.kind is Kind.NESTED:
                return source.error(0, translate("Template", "the template is nested too deeply to read"))
            return source.line_error(problem.line, problem.detail)

        with jinja_errors(ours):
            tree = parse_with_positions(env, part, rewritten, lexemes, fail)
            template = env.from_string(tree)
        return CompiledPart(part, rewritten, tuple(lexemes), tree, template)

    def _edits(
        self, env: Environment, lexemes: Sequence[Lexeme], fail: Callable[[int, str], TemplateSyntaxError]
    ) -> Iterator[tuple[int, int, str]]:
        for begin, end in tag_spans(lexemes):
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
                if lexeme.value == "autoescape":
                    raise fail(
                        lexeme.start,
                        translate(
                            "Template", "the tag “{tag}” cannot be used: merge data is always escaped in HTML"
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
        """The last token and the name of the field written from ``inner[first]`` on.

        Words joined by spaces or a bare hyphen (``E-Mail``) are one name. Words joined by a colon,
        a slash or a spaced hyphen (``E-Mail 2: Adresse``, ``Organization 1 - Name``) are one name
        only when a column is called so: otherwise ``{{ Price - Discount }}`` still subtracts.
        """
        words, separators, hard = [first], [""], [False]
        while True:
            after = words[-1] + 1
            gap = _gap(inner, after)
            if gap is None:
                break
            end, separator = gap
            words.append(end)
            separators.append(separator)
            hard.append(separator != "-" and bool(set(separator) & set("-:/")))
        texts = [inner[word].value for word in words]

        def joined(count: int) -> str:
            return "".join(sep + text for sep, text in zip(separators[:count], texts[:count], strict=True))

        take = 1
        while take < len(texts) and texts[take] not in _KEYWORDS and not hard[take]:
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


def _gap(inner: Sequence[Lexeme], start: int) -> tuple[int, str] | None:
    """The next word of a field name after ``inner[start - 1]``, and what separates them: spaces
    on one line and at most one ``-``, ``:`` or ``/``; ``None`` when no word follows so."""
    index, separator, operators = start, "", 0
    while index < len(inner):
        lexeme = inner[index]
        if lexeme.kind == "whitespace" and "\n" not in lexeme.value:
            separator += "" if separator.endswith(" ") else " "
        elif lexeme.kind == "operator" and lexeme.value in {"-", ":", "/"} and not operators:
            separator += lexeme.value
            operators = 1
        else:
            break
        index += 1
    if not separator or index >= len(inner) or inner[index].kind not in {"name", "integer"}:
        return None
    return index, separator


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
