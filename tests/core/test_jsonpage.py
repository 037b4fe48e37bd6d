"""A Graph answer decoded member by member gives exactly what json.loads gives, errors included."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.m365.jsonpage import loads

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8
)
SPACES = st.sampled_from(["", " ", "\n", "\r\n\t ", "  "])


@settings(max_examples=60)
@given(st.dictionaries(st.text(), VALUES), SPACES, st.booleans())
def test_any_object_decodes_as_json_loads_decodes_it(value: dict[str, Any], space: str, indent: bool) -> None:
    text = json.dumps(value, indent=2 if indent else None, ensure_ascii=False)
    data = (space + text + space).encode()
    assert loads(data) == json.loads(data)


def test_a_page_of_contacts_decodes_whole() -> None:
    page = {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('x')/contacts",
        "value": [{"id": f"c{n}", "emailAddresses": [{"address": f"a{n}@example.com"}]} for n in range(3)],
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/contacts?$skip=3",
    }
    assert loads(json.dumps(page).encode("utf-16")) == page  # json's own encoding detection holds


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"{",
        b'{"value": [1, 2,]}',
        b'{"value": [1 2]}',
        b'{"a": 1,}',
        b'{"a" 1}',
        b'{"a": 1} x',
        b"{1: 2}",
        b'{"value": [{"id": "x"}]',
        b"\xff\xfe\xfd",
    ],
)
def test_a_text_that_is_no_json_fails_as_json_loads_fails(text: bytes) -> None:
    with pytest.raises((json.JSONDecodeError, UnicodeDecodeError)) as expected:
        json.loads(text)
    with pytest.raises(type(expected.value)):
        loads(text)


@pytest.mark.parametrize("text", [b"[1, 2]", b'"text"', b"12", b"null", b' {"a": NaN} '])
def test_what_is_not_an_object_of_pages_decodes_as_json_loads_decodes_it(text: bytes) -> None:
    assert repr(loads(text)) == repr(json.loads(text))
