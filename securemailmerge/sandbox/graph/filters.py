"""``$filter`` as Exchange reads it: comparisons, ``and``/``or``/``not``, ``startswith``/``contains``,
``categories/any(c: c eq '...')`` and ``singleValueExtendedProperties/any(ep: ep/id eq '...' and
ep/value eq '...')``, the one extended-property shape it indexes (pushed down to the store)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from securemailmerge.sandbox.graph.http import GraphHttpError
from securemailmerge.sandbox.graph.props import canonical_prop_id

Json = Any
_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<dt>\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))|(?P<num>-?\d+(?:\.\d+)?)"
    r"|(?P<name>[A-Za-z_][\w.]*(?:/[A-Za-z_][\w.]*)*)|(?P<sym>[(),:]))"
)
_COMPARISONS = {"eq", "ne", "gt", "ge", "lt", "le"}


def parse_error(message: str) -> GraphHttpError:
    """The 400 Graph gives for a query it cannot parse."""
    return GraphHttpError(400, "BadRequest", message)


def unknown_property(name: str, type_name: str) -> GraphHttpError:
    """The 400 Graph gives for a property the type does not have."""
    return GraphHttpError(
        400, "RequestBroker--ParseUri", f"Could not find a property named '{name}' on type '{type_name}'."
    )


Predicate = Callable[[dict[str, Json], dict[str, str]], bool]


@dataclass
class Filter:
    """A parsed $filter: extended-property clauses that must all hold (pushed down) and the rest."""

    required_props: list[tuple[str, str | None]] = field(default_factory=list)
    predicate: Predicate | None = None

    def matches(self, item: dict[str, Json], props: dict[str, str]) -> bool:
        """True when the item passes the whole filter."""
        for prop_id, value in self.required_props:
            if prop_id not in props or (value is not None and props[prop_id] != value):
                return False
        return self.predicate is None or self.predicate(item, props)


class _Parser:
    def __init__(self, text: str, type_name: str, properties: set[str]) -> None:
        self.text = text
        self.type_name = type_name
        self.properties = properties
        self.tokens = self._tokenize(text)
        self.pos = 0

    def _tokenize(self, text: str) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        index = 0
        while index < len(text):
            if text[index:].strip() == "":
                break
            match = _TOKEN.match(text, index)
            if not match or match.end() == index:
                raise parse_error(f"Invalid filter clause: syntax error at position {index} in '{text}'.")
            kind = match.lastgroup or ""
            tokens.append((kind, match.group(kind)))
            index = match.end()
        return tokens

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1].lower() != value):
            where = f"at position {self.pos}" if token else "at the end"
            raise parse_error(f"Invalid filter clause: syntax error {where} in '{self.text}'.")
        self.pos += 1
        return token

    def parse(self) -> Filter:
        disjuncts = self.expression()
        if self.peek() is not None:
            raise parse_error(f"Invalid filter clause: syntax error at position {self.pos} in '{self.text}'.")
        if len(disjuncts) > 1:
            return Filter(predicate=_any([_all(c) for c in disjuncts]))
        result = Filter()
        rest: list[Predicate] = []
        for clause in disjuncts[0]:
            if isinstance(clause, tuple):
                result.required_props.append(clause)  # pushed down to the store's index
            else:
                rest.append(clause)
        result.predicate = _all(rest) if rest else None
        return result

    def expression(self) -> list[list[Predicate | tuple[str, str | None]]]:
        """``a and b or c`` as [[a, b], [c]]: a disjunction of conjunctions."""
        disjuncts = [[self.unary()]]
        while (token := self.peek()) and token[1].lower() in {"and", "or"}:
            self.take()
            if token[1].lower() == "or":
                disjuncts.append([])
            disjuncts[-1].append(self.unary())
        return disjuncts

    def unary(self) -> Predicate | tuple[str, str | None]:
        token = self.peek()
        if token and token[1].lower() == "not":
            self.take()
            inner = _as_predicate(self.unary())
            return lambda item, props: not inner(item, props)
        if token and token[1] == "(":
            self.take()
            grouped = _any([_all(c) for c in self.expression()])
            self.take(")")
            return grouped
        return self.primary()

    def primary(self) -> Predicate | tuple[str, str | None]:
        kind, value = self.take()
        if kind != "name":
            raise parse_error(f"Invalid filter clause: syntax error at '{value}' in '{self.text}'.")
        head, _, tail = value.partition("/")
        if tail.lower() == "any" or tail.lower() == "all":
            return self.lambda_clause(head, tail.lower())
        nxt = self.peek()
        if nxt and nxt[1] == "(":
            return self.function(value)
        operator = self.take()[1].lower()
        if operator not in _COMPARISONS:
            raise parse_error(f"Invalid filter clause: syntax error at '{operator}' in '{self.text}'.")
        literal = self.literal()
        path = self.property_path(value)
        return _compare(path, operator, literal)

    def property_path(self, value: str) -> list[str]:
        parts = value.split("/")
        if parts[0] not in self.properties:
            raise unknown_property(parts[0], self.type_name)
        return parts

    def literal(self) -> Json:
        kind, value = self.take()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if kind in {"num"}:
            return float(value) if "." in value else int(value)
        if kind == "dt":
            return value
        if kind == "name" and value in {"true", "false", "null"}:
            return {"true": True, "false": False, "null": None}[value]
        raise parse_error(f"Invalid filter clause: '{value}' is not a literal in '{self.text}'.")

    def function(self, name: str) -> Predicate:
        if name.lower() not in {"startswith", "contains"}:
            raise parse_error(f"An unknown function with name '{name}' was found.")
        self.take("(")
        path = self.property_path(self.take()[1])
        self.take(",")
        literal = self.literal()
        self.take(")")
        needle = str(literal).casefold()
        if name.lower() == "startswith":
            return lambda item, props: str(_walk(item, path) or "").casefold().startswith(needle)
        return lambda item, props: needle in str(_walk(item, path) or "").casefold()

    def lambda_clause(self, collection: str, kind: str) -> Predicate | tuple[str, str | None]:
        self.take("(")
        variable = self.take()[1]
        self.take(":")
        if collection == "singleValueExtendedProperties":
            return self.property_clause(variable)
        if collection not in self.properties:
            raise unknown_property(collection, self.type_name)
        conditions: list[tuple[str, Json]] = []
        while True:
            name = self.take()[1]
            operator = self.take()[1].lower()
            literal = self.literal()
            if name != variable or operator != "eq":
                raise parse_error(
                    f"Invalid filter clause: only '{variable} eq ...' is supported inside any()."
                )
            conditions.append((operator, literal))
            token = self.take()
            if token[1] == ")":
                break
            if token[1].lower() != "or":
                raise parse_error(f"Invalid filter clause: syntax error at '{token[1]}' in '{self.text}'.")
        wanted = {str(value).casefold() for _, value in conditions}
        if kind == "all":
            return lambda item, props: all(str(v).casefold() in wanted for v in item.get(collection) or [])
        return lambda item, props: any(str(v).casefold() in wanted for v in item.get(collection) or [])

    def property_clause(self, variable: str) -> tuple[str, str | None]:
        """``ep/id eq '...' [and ep/value eq '...']``, the one shape Exchange indexes."""
        found: dict[str, str] = {}
        while True:
            name = self.take()[1]
            operator = self.take()[1].lower()
            literal = self.literal()
            field_name = name.removeprefix(variable + "/")
            if name == field_name or field_name not in {"id", "value"} or operator != "eq":
                raise GraphHttpError(
                    400,
                    "ErrorInvalidUrlQueryFilter",
                    "The query filter contains one or more invalid nodes.",
                )
            if not isinstance(literal, str):
                raise GraphHttpError(
                    400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes."
                )
            found[field_name] = literal
            token = self.take()
            if token[1] == ")":
                break
            if token[1].lower() != "and":
                raise GraphHttpError(
                    400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes."
                )
        if "id" not in found:
            raise GraphHttpError(
                400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes."
            )
        return canonical_prop_id(found["id"]), found.get("value")


def _as_predicate(clause: Predicate | tuple[str, str | None]) -> Predicate:
    if isinstance(clause, tuple):
        prop_id, value = clause
        return lambda item, props: prop_id in props and (value is None or props[prop_id] == value)
    return clause


def _all(parts: Sequence[Predicate | tuple[str, str | None]]) -> Predicate:
    predicates = [_as_predicate(p) for p in parts]
    return lambda item, props: all(p(item, props) for p in predicates)


def _any(parts: Sequence[Predicate]) -> Predicate:
    return lambda item, props: any(p(item, props) for p in parts)


def _walk(item: dict[str, Json], path: list[str]) -> Json:
    value: Json = item
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _compare(path: list[str], operator: str, literal: Json) -> Predicate:
    def check(item: dict[str, Json], props: dict[str, str]) -> bool:
        value = _walk(item, path)
        if isinstance(value, str) and isinstance(literal, str):
            left, right = value.casefold(), literal.casefold()
        else:
            left, right = value, literal
        if operator == "eq":
            return bool(left == right)
        if operator == "ne":
            return bool(left != right)
        if left is None or right is None:
            return False
        try:
            return {"gt": left > right, "ge": left >= right, "lt": left < right, "le": left <= right}[
                operator
            ]
        except TypeError:
            return False

    return check


def parse_filter(text: str, type_name: str, properties: set[str]) -> Filter:
    """Parse a $filter value for items of ``type_name``."""
    return _Parser(text, type_name, properties).parse()
