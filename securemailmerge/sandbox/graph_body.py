"""How Graph reads a JSON request body: the type checks of the Graph schema, worded as Graph words them.

``BodyChecker`` holds the schema's types and finds every problem Graph would find in a body: unknown
properties, wrong JSON types, bad enum values, malformed dates or base64, nulls where the type
forbids them and ``@odata.type`` values that are not the expected type or one derived from it.
``securemailmerge.sandbox.graph_schema`` adds the paths and query options on top.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

REF_PREFIX = "#/components/schemas/"
_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")

Json = Any


@dataclass(frozen=True)
class Problem:
    """One reason Graph would refuse a body, worded as Graph words it, and where it is."""

    location: str
    message: str
    kind: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class BodyChecker:
    """The schema's named types, and the checks of a request body against one of them."""

    def __init__(self, schemas: dict[str, Json]) -> None:
        self.schemas = schemas
        self._derived = self._derived_types()

    def _derived_types(self) -> dict[str, set[str]]:
        parents: dict[str, set[str]] = {name: set() for name in self.schemas}
        for name, schema in self.schemas.items():
            for part in schema.get("allOf", []):
                if "$ref" in part:
                    parents[name].add(part["$ref"].removeprefix(REF_PREFIX))
        derived: dict[str, set[str]] = {name: {name} for name in self.schemas}
        for name in self.schemas:
            todo = list(parents[name])
            while todo:
                parent = todo.pop()
                derived[parent].add(name)
                todo.extend(parents[parent])
        return derived

    def properties(self, type_name: str) -> dict[str, Json]:
        """Every property of a named type, inherited ones included."""
        return self._object_properties(self.schemas[type_name])

    def _object_properties(self, schema: Json) -> dict[str, Json]:
        schema = self._resolve(schema)
        merged: dict[str, Json] = {}
        for part in schema.get("allOf", []):
            merged.update(self._object_properties(part))
        merged.update(schema.get("properties", {}))
        return merged

    def _resolve(self, schema: Json) -> Json:
        while isinstance(schema, dict) and "$ref" in schema:
            schema = self.schemas[schema["$ref"].removeprefix(REF_PREFIX)]
        return schema

    def _flag(self, schema: Json, name: str) -> Json:
        schema = self._resolve(schema)
        for part in schema.get("allOf", []):
            if "$ref" not in part and name in part:  # the type's own flags, not its base types'
                return part[name]
        return schema.get(name)

    def check_body(self, schema: Json, body: Json, action: str | None = None) -> list[Problem]:
        """Every problem Graph would find reading ``body`` as ``schema`` (the parameters of ``action``)."""
        problems: list[Problem] = []
        if action is not None and isinstance(body, dict) and self._type_name(schema) is None:
            known = {name.casefold() for name in self._object_properties(schema)}
            for key in body:
                if "@" not in key and key.casefold() not in known:
                    problems.append(
                        Problem(
                            key,
                            f"The parameter '{key}' in the request payload is not a valid parameter for the "
                            f"operation '{action}'.",
                            "unknown-property",
                        )
                    )
            body = {k: v for k, v in body.items() if "@" in k or k.casefold() in known}
        self._check(schema, body, "", problems, nullable=True)
        return problems

    def _type_name(self, schema: Json) -> str | None:
        if isinstance(schema, dict) and "$ref" in schema:
            return str(schema["$ref"]).removeprefix(REF_PREFIX)
        return None

    def _check(self, schema: Json, value: Json, where: str, out: list[Problem], *, nullable: bool) -> None:
        type_name = self._type_name(schema)
        resolved = self._resolve(schema)
        if not resolved:  # "{}" accepts any JSON value
            return
        if value is None:
            if not nullable:
                edm = _edm(resolved, type_name)
                out.append(
                    Problem(
                        where,
                        f"A null value was found for the property named '{where.rsplit('.', 1)[-1]}', which "
                        f"has the expected type '{edm}[Nullable=False]'. The expected type "
                        f"'{edm}[Nullable=False]' does not allow null values.",
                        "null",
                    )
                )
            return
        kind = resolved.get("type", "object" if "allOf" in resolved or "properties" in resolved else None)
        if kind == "object":
            self._check_object(schema, type_name, value, where, out)
        elif kind == "array":
            self._check_array(resolved, value, where, out)
        else:
            self._check_primitive(resolved, type_name, value, where, out)

    def _check_array(self, schema: Json, value: Json, where: str, out: list[Problem]) -> None:
        if not isinstance(value, list):
            out.append(Problem(where, _node_message(value, "StartArray"), "type"))
            return
        limit = schema.get("maxItems")
        if limit is not None and len(value) > limit:
            out.append(
                Problem(
                    where, f"The collection has {len(value)} items; at most {limit} are allowed.", "limit"
                )
            )
        for index, item in enumerate(value):
            self._check(schema.get("items", {}), item, f"{where}[{index}]", out, nullable=True)

    def _check_object(
        self, schema: Json, type_name: str | None, value: Json, where: str, out: list[Problem]
    ) -> None:
        if not isinstance(value, dict):
            out.append(Problem(where, _node_message(value, "StartObject"), "type"))
            return
        actual = self._actual_type(schema, type_name, value, where, out)
        if actual is None:
            return
        schema, type_name = actual
        resolved = self._resolve(schema)
        properties = self._object_properties(schema)
        additional = resolved.get("additionalProperties")
        # Entity and complex types match names exactly; action parameters (plain objects) ignore case.
        exact = type_name is not None
        by_folded = {name.casefold(): name for name in properties}
        for key in resolved.get("required", []):
            if key not in value:
                out.append(
                    Problem(_join(where, key), f"The required property '{key}' is missing.", "required")
                )
        for key, item in value.items():
            if "@" in key:  # instance and property annotations such as @odata.type
                continue
            name = key if exact else by_folded.get(key.casefold(), key)
            if name in properties:
                nullable = self._flag(properties[name], "x-nullable") is not False
                self._check(properties[name], item, _join(where, key), out, nullable=nullable)
            elif additional:
                self._check(additional, item, _join(where, key), out, nullable=False)
            else:
                out.append(
                    Problem(
                        _join(where, key),
                        f"The property '{key}' does not exist on type '{type_name or 'the request body'}'. "
                        "Make sure to only use property names that are defined by the type or mark the type "
                        "as open type.",
                        "unknown-property",
                    )
                )

    def _actual_type(
        self, schema: Json, type_name: str | None, value: dict[str, Json], where: str, out: list[Problem]
    ) -> tuple[Json, str | None] | None:
        """The type ``value`` says it is (``@odata.type``), or None (with a problem) when it may not be."""
        odata_type = value.get("@odata.type")
        if type_name and odata_type is not None:
            given = str(odata_type).removeprefix("#")
            if given not in self._derived.get(type_name, {type_name}):
                out.append(
                    Problem(
                        where,
                        f"A resource with type '{given}' was found, but it is not assignable to the expected "
                        f"type '{type_name}'. The type specified in the resource must be equal to either the "
                        "expected type or a derived type.",
                        "polymorphism",
                    )
                )
                return None
            return {"$ref": REF_PREFIX + given}, given
        if type_name and self._flag(schema, "x-abstract"):
            out.append(
                Problem(
                    where,
                    "A resource without a type name was found, but no expected type was specified. To allow "
                    "entries without type information, the expected type must also be specified when the "
                    "model is specified.",
                    "abstract",
                )
            )
            return None
        return schema, type_name

    def _check_primitive(
        self, schema: Json, type_name: str | None, value: Json, where: str, out: list[Problem]
    ) -> None:
        if isinstance(value, dict | list):
            out.append(Problem(where, _node_message(value, "PrimitiveValue"), "type"))
            return
        kind = schema.get("type")
        fmt = schema.get("format")
        edm = _edm(schema, type_name)
        ok = True
        if kind == "boolean":
            ok = isinstance(value, bool)
        elif kind == "integer":
            low, high = _INT_RANGES.get(fmt or "int64", _INT_RANGES["int64"])
            ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        elif kind == "string":
            ok = isinstance(value, str) and _format_ok(fmt, value)
        if not ok:
            out.append(
                Problem(
                    where,
                    f"Cannot convert the literal '{_literal(value)}' to the expected type '{edm}'.",
                    "type",
                )
            )
            return
        enum = schema.get("enum")
        # Graph reads enum members without regard to case ("HTML" and "html" alike).
        if enum is not None and str(value).casefold() not in {str(e).casefold() for e in enum}:
            out.append(Problem(where, f"Requested value '{value}' was not found.", "enum"))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _literal(value: Json) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _node_message(value: Json, expected: str) -> str:
    found = (
        "StartObject"
        if isinstance(value, dict)
        else "StartArray"
        if isinstance(value, list)
        else "PrimitiveValue"
    )
    return (
        f"An unexpected '{found}' node was found when reading from the JSON reader. "
        f"A '{expected}' node was expected."
    )


def _edm(schema: Json, type_name: str | None) -> str:
    if type_name and schema.get("type") in (None, "object"):
        return type_name
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "boolean":
        return "Edm.Boolean"
    if kind == "integer":
        return "Edm.Int32" if fmt == "int32" else "Edm.Int64"
    if type_name:  # enum types
        return type_name
    return {"date-time": "Edm.DateTimeOffset", "base64": "Edm.Binary", "time": "Edm.TimeOfDay"}.get(
        fmt or "", "Edm.String"
    )


def _format_ok(fmt: str | None, value: str) -> bool:
    if fmt == "date-time":
        if not _DATE_TIME.match(value):
            return False
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return False
        return True
    if fmt == "base64":
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return False
        return True
    if fmt == "time":
        return bool(_TIME.match(value))
    return True
