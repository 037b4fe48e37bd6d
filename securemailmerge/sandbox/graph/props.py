"""Single-value extended properties: their ids as Exchange normalises them, and their typed values."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from securemailmerge.sandbox.graph.http import GraphHttpError

DEFERRED_SEND_TIME = "SystemTime 0x3fef"  # PidTagDeferredSendTime: Exchange holds the item in the Outbox
_TYPES = {
    t.lower(): t
    for t in (
        "Binary",
        "Boolean",
        "CLSID",
        "Currency",
        "Double",
        "Float",
        "Integer",
        "Long",
        "Object",
        "Short",
        "String",
        "SystemTime",
    )
}
_GUID = r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?"
_NAMED = re.compile(rf"^(\w+)\s+{_GUID}\s+(Name|Id)\s+(.+)$", re.IGNORECASE)
_TAGGED = re.compile(r"^(\w+)\s+0x([0-9a-fA-F]{1,4})$")


def invalid_property() -> GraphHttpError:
    """The 400 Exchange gives for an extended property id it cannot read."""
    return GraphHttpError(
        400, "ErrorInvalidExtendedProperty", "The extended property attribute combination is invalid."
    )


def canonical_prop_id(prop_id: str) -> str:
    """Exchange's spelling of a property id: ``String {guid} Name X``, ``SystemTime 0x3fef``."""
    text = prop_id.strip()
    named = _NAMED.match(text)
    if named:
        kind = _TYPES.get(named.group(1).lower())
        if kind is None:
            raise invalid_property()
        keyword = "Name" if named.group(3).lower() == "name" else "Id"
        name = named.group(4).strip()
        if keyword == "Id":
            try:
                name = hex(int(name, 16 if name.lower().startswith("0x") else 10))
            except ValueError:
                raise invalid_property() from None
        return f"{kind} {{{named.group(2).lower()}}} {keyword} {name}"
    tagged = _TAGGED.match(text)
    if tagged:
        kind = _TYPES.get(tagged.group(1).lower())
        if kind is None:
            raise invalid_property()
        return f"{kind} 0x{tagged.group(2).lower().rjust(4, '0')}"
    raise invalid_property()


def canonical_value(prop_id: str, value: object) -> str:
    """The stored text of a value, checked against the property's type."""
    if not isinstance(value, str):
        raise GraphHttpError(
            400, "ErrorInvalidExtendedPropertyValue", "The extended property value must be a string."
        )
    kind = prop_id.split(" ", 1)[0]
    if kind == "SystemTime":
        moment = parse_time(value)
        if moment is None:
            raise GraphHttpError(
                400, "ErrorInvalidExtendedPropertyValue", f"'{value}' is not a valid SystemTime value."
            )
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if kind in {"Integer", "Long", "Short"} and not re.fullmatch(r"-?\d+", value):
        raise GraphHttpError(
            400, "ErrorInvalidExtendedPropertyValue", f"'{value}' is not a valid {kind} value."
        )
    if kind == "Boolean" and value.lower() not in {"true", "false"}:
        raise GraphHttpError(
            400, "ErrorInvalidExtendedPropertyValue", f"'{value}' is not a valid Boolean value."
        )
    return value


def parse_time(value: str) -> datetime | None:
    """A timestamp with or without zone (Exchange reads zoneless SystemTime values as UTC)."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def read_props(entries: object) -> dict[str, str]:
    """``singleValueExtendedProperties`` of a request body as canonical id -> value."""
    if not isinstance(entries, list):
        return {}
    found: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise invalid_property()
        prop_id = canonical_prop_id(entry["id"])
        found[prop_id] = canonical_value(prop_id, entry.get("value"))
    return found
