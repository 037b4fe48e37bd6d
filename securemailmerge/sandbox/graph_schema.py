"""Check Graph requests against the OpenAPI subset of every call the app makes.

The bundled ``sandbox/graph-openapi-subset.json`` lists each path, method, query option and request
body we use. ``match_operation`` tells whether a request exists there at all; ``validate_request``
also checks its query option names and its JSON body, as strictly as Graph reads bodies: unknown
properties, wrong JSON types, bad enum values, malformed dates or base64, nulls where the type forbids
them and ``@odata.type`` values that are not the expected type or one derived from it. The sandbox's
Graph emulator answers with these very messages, so tests of the app prove its requests are valid.
The body checks live in ``graph_body``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from securemailmerge.sandbox.graph_body import BodyChecker, Json, Problem

SCHEMA_PATH = Path(__file__).resolve().parent / "graph-openapi-subset.json"
# Collections hand out nextLinks that carry a $skiptoken; following them verbatim is allowed everywhere.
_PAGING_OPTIONS = frozenset({"$skiptoken"})

__all__ = ["SCHEMA_PATH", "GraphSchema", "Operation", "Problem", "default_schema", "graph_path"]
__all__ += ["match_operation", "validate_request"]


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


def graph_path(url: str) -> tuple[str, list[tuple[str, str]]]:
    """The path below ``/v1.0`` (decoded segments kept as written) and the query pairs of ``url``."""
    parts = urlsplit(url)
    path = parts.path
    if path.startswith("/v1.0/") or path == "/v1.0":
        path = path[len("/v1.0") :]
    if not path.startswith("/"):
        path = "/" + path
    return path, parse_qsl(parts.query, keep_blank_values=True)


class GraphSchema(BodyChecker):
    """The OpenAPI subset: operations by path template, and (from ``BodyChecker``) body checks."""

    def __init__(self, document: dict[str, Json]) -> None:
        super().__init__(document["components"]["schemas"])
        self.document = document
        self._operations: list[tuple[list[str], Operation]] = []
        for template, methods in document["paths"].items():
            for method, spec in methods.items():
                self._operations.append(
                    (template.strip("/").split("/"), self._operation(template, method, spec))
                )

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
