"""The campaign's events say why they wait in the user's words, for the command line and the window."""

from __future__ import annotations

import pytest

from securemailmerge.campaign import Waiting


@pytest.mark.parametrize(
    ("why", "sentence"),
    [
        ("daily-cap", "the daily recipient cap is reached"),
        ("window", "outside the sending window"),
        ("copy", "sent messages whose copies are still on their way to Sent Items"),
        ("connection", "Microsoft 365 could not be reached or kept throttling"),
    ],
)
def test_a_wait_is_explained_in_words(why: str, sentence: str) -> None:
    assert Waiting(0.0, why).explained() == sentence
