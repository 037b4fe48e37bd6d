"""Test support that several test files share: a hand-moved clock and a recorder of issued tokens."""

from __future__ import annotations

from typing import Any

import pytest

from securemailmerge.sandbox.app import Sandbox


class Clock:
    """A clock (monotonic or wall seconds) that the test moves by hand through ``now``."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def record_issued_tokens(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A list that receives every access and refresh token the sandbox issues from now on."""
    issued: list[str] = []
    issue = sandbox.tokens.issue

    def remember(*args: Any, **kwargs: Any) -> Any:
        access, refresh, grant = issue(*args, **kwargs)
        issued.extend([access, refresh])
        return access, refresh, grant

    monkeypatch.setattr(sandbox.tokens, "issue", remember)
    return issued
