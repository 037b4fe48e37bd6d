"""The journeys' sandbox: no Exchange delays, so a message leaves, and its bounce comes, at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.graph import SendPolicy


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """The sandbox with no Exchange delays: a message leaves, and its bounce comes, at once."""
    with Sandbox(auto_approve=True, sending=SendPolicy.instant()) as running:
        yield running
