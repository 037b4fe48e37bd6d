"""graph_schema finds every request of the Graph subset and refuses bodies and options as Graph does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from securemailmerge.sandbox.graph_schema import (
    GraphSchema,
    default_schema,
    match_operation,
    validate_request,
)
from tests.helpers import SHARED

MESSAGE = {
    "subject": "Hola",
    "body": {"contentType": "HTML", "content": "<p>x</p>"},
    "toRecipients": [{"emailAddress": {"address": "a@example.es", "name": "Ana Núñez"}}],
    "singleValueExtendedProperties": [
        {"id": "String {0b5a2f3c-1d4e-4f60-8a7b-9c0d1e2f3a4b} Name Key", "value": "1"}
    ],
    "internetMessageHeaders": [{"name": "x-key", "value": "1"}],
}
FILE = {"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt", "contentBytes": "aGVsbG8="}


@pytest.mark.parametrize(
    ("method", "url", "template", "params"),
    [
        ("GET", "/me", "/me", {}),
        ("get", "https://graph.microsoft.com/v1.0/me/contacts?$top=5", "/me/contacts", {}),
        (
            "GET",
            "/users/sales%40contoso.com/contactFolders/F1/childFolders",
            "/users/{user-id}/contactFolders/{contactFolder-id}/childFolders",
            {"user-id": "sales@contoso.com", "contactFolder-id": "F1"},
        ),
        ("POST", "/v1.0/me/messages/M1/send", "/me/messages/{message-id}/send", {"message-id": "M1"}),
        ("POST", "/$batch", "/$batch", {}),
        (
            "GET",
            "/me/mailFolders/sentitems/messages",
            "/me/mailFolders/{mailFolder-id}/messages",
            {"mailFolder-id": "sentitems"},
        ),
    ],
)
def test_operations_are_found(method: str, url: str, template: str, params: dict[str, str]) -> None:
    operation = match_operation(method, url)
    assert operation is not None
    assert operation.template == template
    assert operation.param == params


@pytest.mark.parametrize(
    ("method", "url"),
    [("GET", "/me/events"), ("PUT", "/me/messages/M1"), ("GET", "/me/messages/M1/send"), ("POST", "/me")],
)
def test_calls_outside_the_subset_are_not_found(method: str, url: str) -> None:
    assert match_operation(method, url) is None
    assert "is not an operation of the Graph schema" in validate_request(method, url)[0]


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("POST", "/me/messages", MESSAGE),
        ("PATCH", "/me/messages/M1", {"categories": ["Kunde"], "isRead": False, "importance": "High"}),
        ("POST", "/me/messages/M1/attachments", FILE),
        ("POST", "/me/messages", {**MESSAGE, "attachments": [FILE]}),
        ("POST", "/me/sendMail", {"message": MESSAGE, "saveToSentItems": False}),
        ("POST", "/me/sendMail", {"Message": MESSAGE, "SaveToSentItems": True}),
        ("POST", "/me/messages/M1/copy", {"destinationId": "drafts"}),
        ("POST", "/me/messages/M1/send", None),
        (
            "POST",
            "/me/messages/M1/attachments/createUploadSession",
            {"AttachmentItem": {"attachmentType": "file", "name": "big.zip", "size": 5_000_000}},
        ),
        (
            "POST",
            "/$batch",
            {"requests": [{"id": "1", "method": "GET", "url": "/me", "headers": {"a": "b"}}]},
        ),
        ("GET", "/me/messages?$select=subject&$top=10&$skiptoken=abc", None),
    ],
)
def test_valid_requests_pass(method: str, url: str, body: object) -> None:
    assert validate_request(method, url, body) == []


@pytest.mark.parametrize(
    ("method", "url", "body", "problem"),
    [
        (
            "POST",
            "/me/messages",
            {"subjekt": "x"},
            "The property 'subjekt' does not exist on type 'microsoft.graph.message'",
        ),
        ("POST", "/me/messages", {"Subject": "x"}, "The property 'Subject' does not exist"),
        (
            "POST",
            "/me/messages",
            {"isRead": 1},
            "Cannot convert the literal '1' to the expected type 'Edm.Boolean'",
        ),
        ("POST", "/me/messages", {"importance": "urgent"}, "Requested value 'urgent' was not found."),
        ("POST", "/me/messages", {"sentDateTime": "yesterday"}, "'Edm.DateTimeOffset'"),
        ("POST", "/me/messages", {"toRecipients": "a@b.c"}, "A 'StartArray' node was expected."),
        ("POST", "/me/messages", {"body": "hi"}, "A 'StartObject' node was expected."),
        (
            "POST",
            "/me/messages",
            {"attachments": [{"name": "a"}]},
            "A resource without a type name was found",
        ),
        ("POST", "/me/messages/M1/attachments", {"name": "a"}, "A resource without a type name was found"),
        ("POST", "/me/messages/M1/attachments", {**FILE, "contentBytes": "not base64!"}, "'Edm.Binary'"),
        ("POST", "/me/messages/M1/attachments", {**FILE, "isInline": None}, "does not allow null values"),
        (
            "POST",
            "/me/messages/M1/attachments",
            {**FILE, "@odata.type": "#microsoft.graph.message"},
            "is not assignable to the expected type 'microsoft.graph.fileAttachment'",
        ),
        (
            "POST",
            "/me/sendMail",
            {"message": MESSAGE, "urgent": True},
            "The parameter 'urgent' in the request payload",
        ),
        ("POST", "/me/messages/M1/send", {"comment": "x"}, "takes no request body"),
        ("POST", "/me/messages", None, "needs a JSON request body"),
        ("GET", "/me/contacts?$expandd=x", None, "The query option '$expandd' is not supported"),
        ("GET", "/me/mailboxSettings?$top=1", None, "The query option '$top' is not supported"),
        (
            "POST",
            "/$batch",
            {"requests": [{"id": "1", "method": "GET"}]},
            "The required property 'url' is missing.",
        ),
        (
            "POST",
            "/$batch",
            {"requests": [{"id": str(i), "method": "GET", "url": "/me"} for i in range(21)]},
            "at most 20",
        ),
    ],
)
def test_invalid_requests_are_explained(method: str, url: str, body: object, problem: str) -> None:
    problems = validate_request(method, url, body)
    assert any(problem in p for p in problems), problems


def test_bundled_schema_matches_the_shared_one() -> None:
    shared = SHARED / "graph-openapi-subset.json"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert GraphSchema.load(shared).literal_segments == default_schema().literal_segments


def test_properties_include_inherited_ones() -> None:
    properties = default_schema().properties("microsoft.graph.fileAttachment")
    assert {"id", "name", "size", "isInline", "contentBytes"} <= set(properties)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(
    body=st.dictionaries(st.sampled_from(["subject", "body", "toRecipients", "isRead", "flag", "x"]), JSON)
)
def test_any_json_body_gets_a_verdict_not_a_crash(body: dict[str, object]) -> None:
    problems = validate_request("POST", "/me/messages", body)
    assert isinstance(problems, list)
    if "x" in body:
        assert any("The property 'x' does not exist" in p for p in problems)
