"""OData query options as Graph's mail and contacts endpoints read them.

``$select``, ``$top`` (1 to 1000, 10 by default; above 1000 Graph's Outlook collections answer 400,
learn.microsoft.com/graph/paging; 0 is refused too, the stricter reading where no page documents it),
``$skip``, ``$count``, ``$orderby``, ``$search``, ``$expand`` (extended properties and attachments) and
``$filter`` (comparisons, ``and``/``or``/``not``, ``startswith``, ``categories/any(...)`` and
``singleValueExtendedProperties/any(ep: ep/id eq '...' and ep/value eq '...')``). Paging answers an
absolute ``@odata.nextLink`` with an opaque ``$skiptoken``. Anything else gets the 400 Graph gives.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from securemailmerge.sandbox.graph.filters import Filter, parse_error, parse_filter, unknown_property
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphRequest
from securemailmerge.sandbox.graph.props import canonical_prop_id

Json = Any
MAX_TOP = 1000
DEFAULT_TOP = 10


# the options of one request ---------------------------------------------------------------------------------


@dataclass
class Options:
    """The query options of one GET, checked."""

    select: list[str] | None = None
    top: int | None = None
    skip: int = 0
    filter: Filter | None = None
    expand_props: list[str] | None = None
    expand_attachments: bool = False
    orderby: list[tuple[str, bool]] = field(default_factory=list)
    count: bool = False
    search: str | None = None


def parse_options(
    request: GraphRequest,
    *,
    allowed: frozenset[str],
    type_name: str,
    properties: set[str],
    collection: bool,
) -> Options:
    """Check and parse the request's system query options against what the operation allows."""
    given = request.options()
    allowed = allowed | ({"$skiptoken"} if collection else set())
    for name in given:
        if name not in allowed:
            raise parse_error(f"The query parameter '{name}' is not supported.")
    options = Options()
    by_folded = {p.casefold(): p for p in properties}
    if "$select" in given:
        options.select = _parse_select(given["$select"], by_folded, type_name)
    if "$top" in given:
        options.top = _parse_top(given["$top"])
    if "$skip" in given:
        options.skip = _non_negative(given["$skip"], "$skip")
    if "$skiptoken" in given:
        options.skip = _decode_skiptoken(given["$skiptoken"])
    if "$count" in given:
        options.count = _parse_count(given["$count"])
    if "$filter" in given:
        options.filter = parse_filter(given["$filter"], type_name, properties)
    if "$orderby" in given:
        options.orderby = _parse_orderby(given["$orderby"], by_folded, type_name)
    if "$search" in given:
        options.search = _parse_search(given["$search"])
    if "$expand" in given:
        _parse_expand(given["$expand"], options, type_name)
    return options


def _parse_select(text: str, by_folded: dict[str, str], type_name: str) -> list[str]:
    """``$select``: the named properties, spelled as the type spells them."""
    select: list[str] = []
    for name in (n.strip() for n in text.split(",") if n.strip()):
        if name.casefold() not in by_folded:
            raise unknown_property(name, type_name)
        select.append(by_folded[name.casefold()])
    return select


def _parse_top(text: str) -> int:
    """``$top``: a page size between 1 and ``MAX_TOP``."""
    top = _non_negative(text, "$top")
    if top < 1:
        raise parse_error(
            f"Invalid value '{text}' for $top query option found. The $top query option "
            f"requires a value between 1 and {MAX_TOP}."
        )
    if top > MAX_TOP:
        raise parse_error(
            f"The limit of '{MAX_TOP}' for Top query has been exceeded. The value from the incoming "
            "request "
            f"is '{top}'."
        )
    return top


def _parse_count(text: str) -> bool:
    """``$count``: ``true`` or ``false``, in any case."""
    if text.lower() not in {"true", "false"}:
        raise parse_error(f"'{text}' is not a valid count option.")
    return text.lower() == "true"


def _parse_orderby(text: str, by_folded: dict[str, str], type_name: str) -> list[tuple[str, bool]]:
    """``$orderby``: (property, descending) pairs in the order given."""
    orderby: list[tuple[str, bool]] = []
    for part in text.split(","):
        words = part.split()
        if not words or len(words) > 2 or (len(words) == 2 and words[1].lower() not in {"asc", "desc"}):
            raise parse_error(f"Syntax error in $orderby '{text}'.")
        if words[0].casefold() not in by_folded:
            raise unknown_property(words[0], type_name)
        orderby.append((by_folded[words[0].casefold()], len(words) == 2 and words[1].lower() == "desc"))
    return orderby


def _parse_search(text: str) -> str:
    """``$search``: the term, without the double quotes around it."""
    term = text.strip()
    return term[1:-1] if len(term) >= 2 and term[0] == term[-1] == '"' else term


def _parse_expand(text: str, options: Options, type_name: str) -> None:
    for part in _split_top_level(text):
        name, _, inner = part.partition("(")
        name = name.strip()
        if name == "attachments" and not inner and type_name == "microsoft.graph.message":
            options.expand_attachments = True
            continue
        if name != "singleValueExtendedProperties":
            raise parse_error(
                f"Parsing OData Select and Expand failed: Could not find a property named '{name}' on type "
                f"'{type_name}'."
            )
        options.expand_props = []
        if inner:
            match = re.fullmatch(r"\s*\$filter\s*=\s*(.*)\)\s*", inner)
            if not match:
                raise parse_error(f"Parsing OData Select and Expand failed: syntax error in '{part}'.")
            for clause in re.split(r"\s+or\s+", match.group(1).strip(), flags=re.IGNORECASE):
                found = re.fullmatch(r"id\s+eq\s+'((?:[^']|'')*)'", clause.strip())
                if not found:
                    raise GraphHttpError(
                        400,
                        "ErrorInvalidUrlQueryFilter",
                        "The query filter contains one or more invalid nodes.",
                    )
                options.expand_props.append(canonical_prop_id(found.group(1).replace("''", "'")))


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    parts.append(current)
    return [p for p in (x.strip() for x in parts) if p]


def _non_negative(value: str, name: str) -> int:
    if not value.isdigit():
        raise parse_error(
            f"Invalid value '{value}' for {name} query option found. The {name} query option requires a "
            "non-negative integer value."
        )
    return int(value)


def _encode_skiptoken(offset: int) -> str:
    raw = json.dumps({"o": offset, "v": 1}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_skiptoken(token: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        return int(data["o"])
    except (ValueError, KeyError, TypeError):
        raise parse_error("The $skiptoken is not valid.") from None


def next_link(request: GraphRequest, offset: int) -> str:
    """The absolute link to the page that starts at ``offset``, with every other option kept."""
    kept = [(k, v) for k, v in request.query if k.lower() not in {"$skip", "$skiptoken"}]
    kept.append(("$skiptoken", _encode_skiptoken(offset)))
    return f"{request.base_url}{quote(request.path)}?{urlencode(kept, quote_via=quote, safe='$,()/:')}"


def shape(entity: dict[str, Json], select: list[str] | None) -> dict[str, Json]:
    """Only the selected properties, plus ``id`` and ``@odata.etag`` as Graph always adds them."""
    if select is None:
        return entity
    keep = {"@odata.etag", "id", "singleValueExtendedProperties", "attachments", *select}
    return {k: v for k, v in entity.items() if k in keep}


def page(
    request: GraphRequest,
    rows: list[dict[str, Json]],
    options: Options,
    *,
    context: str,
) -> dict[str, Json]:
    """One page of a collection with ``@odata.nextLink`` when more remain."""
    size = options.top if options.top is not None else DEFAULT_TOP
    start = options.skip
    chunk = rows[start : start + size]
    body: dict[str, Json] = {"@odata.context": context}
    if options.count:
        body["@odata.count"] = len(rows)
    body["value"] = chunk
    if start + size < len(rows) and size > 0:
        body["@odata.nextLink"] = next_link(request, start + size)
    return body


def sort_rows(rows: list[dict[str, Json]], orderby: list[tuple[str, bool]]) -> list[dict[str, Json]]:
    """Rows sorted by ``$orderby`` keys (missing values first, as Exchange sorts nulls low)."""
    for name, descending in reversed(orderby):
        rows = sorted(
            rows,
            key=lambda row: (row.get(name) is not None, str(row.get(name) or "").casefold()),
            reverse=descending,
        )
    return rows
