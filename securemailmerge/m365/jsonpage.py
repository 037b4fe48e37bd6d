"""A Graph answer decoded one member and one array item at a time, so that no decoding holds the GIL long.

``json.loads`` decodes a whole text in one C call, which no other thread can interrupt: a page of
1,000 contacts (about 1 MB) took 29 ms on an idle machine, and the window, waiting for the GIL,
stood still for as long (38-71 ms on a busy one). Graph answers with an object whose ``value`` is
an array of small objects; here the outer object and its arrays are walked in Python and each
member or item is decoded by one ``raw_decode`` (microseconds), so that other threads get their
turn between two of them; the walk takes a fifth longer in all. The result is exactly
``json.loads``'s: a text that is not what this walk expects is given to ``json.loads``, which
decodes it or raises its own error.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the json module skips it


def loads(data: bytes) -> Any:
    """``json.loads(data)``, decoded a member and an array item at a time."""
    text = data.decode(json.detect_encoding(data), "surrogatepass")
    try:
        return _whole(text)
    except (ValueError, IndexError):  # json.JSONDecodeError is a ValueError
        return json.loads(text)


def _whole(text: str) -> dict[str, Any]:
    start = _skip(text, 0)
    if text[start] != "{":
        raise ValueError("not an object")
    value, end = _object(text, start)
    if _skip(text, end) != len(text):
        raise ValueError("extra data")
    return value


def _skip(text: str, index: int) -> int:
    found = _SPACE.match(text, index)
    assert found is not None  # the pattern matches the empty text too
    return found.end()


def _object(text: str, index: int) -> tuple[dict[str, Any], int]:
    members: dict[str, Any] = {}
    index = _skip(text, index + 1)
    if text[index] == "}":
        return members, index + 1
    while True:
        if text[index] != '"':
            raise ValueError("a member's name is a string")
        name, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        if text[index] != ":":
            raise ValueError("':' expected")
        # Only the outer levels are walked: an item of a page is small, one call decodes it.
        members[name], index = _item(text, _skip(text, index + 1))
        index = _skip(text, index)
        if text[index] == "}":
            return members, index + 1
        if text[index] != ",":
            raise ValueError("',' or '}' expected")
        index = _skip(text, index + 1)


def _array(text: str, index: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    index = _skip(text, index + 1)
    if text[index] == "]":
        return items, index + 1
    while True:
        item, index = _DECODER.raw_decode(text, index)
        items.append(item)
        index = _skip(text, index)
        if text[index] == "]":
            return items, index + 1
        if text[index] != ",":
            raise ValueError("',' or ']' expected")
        index = _skip(text, index + 1)


def _item(text: str, index: int) -> tuple[Any, int]:
    """A member of the outer object: an array is walked item by item, anything else decoded whole."""
    if text[index] == "[":
        return _array(text, index)
    return _DECODER.raw_decode(text, index)
