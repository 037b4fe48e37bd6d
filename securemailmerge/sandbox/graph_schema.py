"""Check Graph requests against the OpenAPI subset of every call the app makes.

The bundled ``sandbox/graph-openapi-subset.json`` lists each path, method, query option and request
body we use. ``match_operation`` tells whether a request exists there at all; ``validate_request``
also checks its query option names and its JSON body, as strictly as Graph reads bodies: unknown
properties, wrong JSON types, bad enum values, malformed dates or base64, nulls where the type forbids
them and ``@odata.type`` values that are not the expected type or one derived from it. The sandbox's
Graph emulator answers with these very messages, so tests of the app prove its requests are valid.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

SCHEMA_PATH = Path(__file__).resolve().parent / "graph-openapi-subset.json"
_REF_PREFIX = "#/components/schemas/"
_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")
# Collections hand out nextLinks that carry a $skiptoken; following them verbatim is allowed everywhere.
_PAGING_OPTIONS = frozenset({"$skiptoken"})

Json = Any


@dataclass(frozen=True)
class Operation:
    """One path and method of the schema."""

    method: str
    template: str
    summary: str
    query_options: frozenset[str]
    body_schema: dict[str, Json] | None
    is_collection: bool
    path_params: tuple[tuple[str, str], ...] = ()

    @property
    def param(self) -> dict[str, str]:
        """The path parameters of the matched request, by name (e.g. ``message-id``)."""
        return dict(self.path_params)


@dataclass(frozen=True)
class Problem:
    """One reason Graph would refuse a body, worded as Graph words it, and where it is."""

    location: str
    message: str
    kind: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


def graph_path(url: str) -> tuple[str, list[tuple[str, str]]]:
    """The path below ``/v1.0`` (decoded segments kept as written) and the query pairs of ``url``."""
    parts = urlsplit(url)
    path = parts.path
    if path.startswith("/v1.0/") or path == "/v1.0":
        path = path[len("/v1.0") :]
    if not path.startswith("/"):
        path = "/" + path
    return path, parse_qsl(parts.query, keep_blank_values=True)


class GraphSchema:
    """The OpenAPI subset: operations by path template, and types for body checks."""

    def __init__(self, document: dict[str, Json]) -> None:
        self.document = document
        self.schemas: dict[str, Json] = document["components"]["schemas"]
        self._operations: list[tuple[list[str], Operation]] = []
        for template, methods in document["paths"].items():
            for method, spec in methods.items():
                self._operations.append(
                    (template.strip("/").split("/"), self._operation(template, method, spec))
                )
        self._derived = self._derived_types()

    @property
    def literal_segments(self) -> frozenset[str]:
        """Every fixed path segment of the schema's templates (``me``, ``messages``, ``send``...)."""
        return frozenset(s for template, _ in self._operations for s in template if not s.startswith("{"))

    @classmethod
    def load(cls, path: Path = SCHEMA_PATH) -> GraphSchema:
        """Read a schema file."""
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _operation(self, template: str, method: str, spec: dict[str, Json]) -> Operation:
        options = frozenset(p["name"] for p in spec.get("parameters", []) if p.get("in") == "query")
        body = spec.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        ok = spec.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
        value = ok.get("schema", {}).get("properties", {}).get("value", {})
        return Operation(
            method.upper(), template, spec.get("summary", ""), options, body, value.get("type") == "array"
        )

    def _derived_types(self) -> dict[str, set[str]]:
        parents: dict[str, set[str]] = {name: set() for name in self.schemas}
        for name, schema in self.schemas.items():
            for part in schema.get("allOf", []):
                if "$ref" in part:
                    parents[name].add(part["$ref"].removeprefix(_REF_PREFIX))
        derived: dict[str, set[str]] = {name: {name} for name in self.schemas}
        for name in self.schemas:
            todo = list(parents[name])
            while todo:
                parent = todo.pop()
                derived[parent].add(name)
                todo.extend(parents[parent])
        return derived

    def match_operation(self, method: str, url: str) -> Operation | None:
        """The operation that ``method`` on ``url`` (absolute, or a path below /v1.0) calls, if any."""
        path, _ = graph_path(url)
        segments = [unquote(s) for s in path.strip("/").split("/")]
        for template, operation in self._operations:
            if operation.method != method.upper() or len(template) != len(segments):
                continue
            params: list[tuple[str, str]] = []
            for expected, actual in zip(template, segments, strict=True):
                if expected.startswith("{") and expected.endswith("}"):
                    if not actual:
                        break
                    params.append((expected[1:-1], actual))
                elif expected != actual:
                    break
            else:
                return Operation(
                    operation.method,
                    operation.template,
                    operation.summary,
                    operation.query_options,
                    operation.body_schema,
                    operation.is_collection,
                    tuple(params),
                )
        return None

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
            schema = self.schemas[schema["$ref"].removeprefix(_REF_PREFIX)]
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
            return str(schema["$ref"]).removeprefix(_REF_PREFIX)
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
                return
            type_name, schema = given, {"$ref": _REF_PREFIX + given}
        elif type_name and self._flag(schema, "x-abstract"):
            out.append(
                Problem(
                    where,
                    "A resource without a type name was found, but no expected type was specified. To allow "
                    "entries without type information, the expected type must also be specified when the "
                    "model is specified.",
                    "abstract",
                )
            )
            return
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

    def validate_request(self, method: str, url: str, body: Json = None) -> list[str]:
        """Every reason Graph would refuse ``method url`` with ``body`` (empty when it is valid)."""
        operation = self.match_operation(method, url)
        if operation is None:
            path, _ = graph_path(url)
            return [f"{method.upper()} {path} is not an operation of the Graph schema."]
        problems: list[str] = []
        _, query = graph_path(url)
        allowed = operation.query_options | (_PAGING_OPTIONS if operation.is_collection else frozenset())
        for name, _value in query:
            if name.startswith("$") and name not in allowed:
                problems.append(f"The query option '{name}' is not supported by {operation.template}.")
        if operation.body_schema is None:
            if body not in (None, {}, b"", ""):
                problems.append(f"{method.upper()} {operation.template} takes no request body.")
            return problems
        if body is None:
            return [*problems, f"{method.upper()} {operation.template} needs a JSON request body."]
        if (
            operation.template.endswith("/attachments")
            and isinstance(body, dict)
            and "@odata.type" not in body
        ):
            # The attachments collection is typed by the abstract microsoft.graph.attachment.
            problems.append(
                "A resource without a type name was found, but no expected type was specified. To allow "
                "entries without type information, the expected type must also be specified when the model "
                "is specified."
            )
        action = operation.template.rsplit("/", 1)[-1]
        problems.extend(str(p) for p in self.check_body(operation.body_schema, body, action))
        return problems


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


@cache
def default_schema() -> GraphSchema:
    """The bundled schema, read once."""
    return GraphSchema.load()


def match_operation(method: str, url: str) -> Operation | None:
    """The bundled schema's operation for ``method url``, or None when Graph has no such call here."""
    return default_schema().match_operation(method, url)


def validate_request(method: str, url: str, body: Json = None) -> list[str]:
    """Every reason Graph would refuse this request, per the bundled schema (empty when valid)."""
    return default_schema().validate_request(method, url, body)
