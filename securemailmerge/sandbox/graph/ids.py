"""Identifiers shaped like Exchange's: long URL-safe base64 strings that say nothing about their content."""

from __future__ import annotations

import base64
import hashlib
import secrets
import uuid

# Exchange item ids start with a fixed header that encodes the id's kind; ours mimic the two kinds.
_REST_PREFIX = "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAi"
_IMMUTABLE_PREFIX = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AIkPFveuwe0ygY4MfZlRFEQAA"
_FOLDER_PREFIX = "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAi"
_ATTACHMENT_PREFIX = (
    "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiBgAA"
)


def _token(size: int) -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(size)).decode().rstrip("=")


def rest_id() -> str:
    """A REST item id: it changes whenever the item moves to another folder."""
    return f"{_REST_PREFIX}{_token(24)}AAA="


def immutable_id() -> str:
    """An immutable item id: it stays the same for the item's life in its mailbox."""
    return f"{_IMMUTABLE_PREFIX}{_token(24)}AAA="


def attachment_id() -> str:
    """An attachment id."""
    return f"{_ATTACHMENT_PREFIX}{_token(18)}EgAQA="


def folder_id(mailbox_id: str, name: str) -> str:
    """A folder id that is the same every time a mailbox's folder ``name`` is created."""
    digest = hashlib.sha256(f"{mailbox_id}/{name}".encode()).digest()[:24]
    return f"{_FOLDER_PREFIX}{base64.urlsafe_b64encode(digest).decode().rstrip('=')}AAA="


def guid() -> str:
    """A random GUID, as request ids and categories carry."""
    return str(uuid.uuid4())


def secret() -> str:
    """An unguessable token for pre-authenticated upload URLs."""
    return secrets.token_urlsafe(32)
