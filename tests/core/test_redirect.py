"""The sign-in redirect listener takes only its own sign-in's answer and stops on timeout or cancel."""

from __future__ import annotations

import threading
import time
from contextlib import closing

import httpx
import pytest

from securemailmerge.errors import AuthError
from securemailmerge.m365.redirect import RedirectListener


def post(port: int, fields: dict[str, str]) -> httpx.Response:
    return httpx.post(f"http://127.0.0.1:{port}/", data=fields, trust_env=False)


def test_the_redirect_listener_takes_only_the_answer_for_its_own_sign_in() -> None:
    with closing(RedirectListener()) as listener:
        answers: list[httpx.Response] = []

        def browser() -> None:
            answers.append(
                httpx.get(f"http://127.0.0.1:{listener.port}/?code=stolen&state=s1", trust_env=False)
            )
            answers.append(post(listener.port, {"code": "forged", "state": "other"}))
            answers.append(post(listener.port, {"code": "the-code", "state": "s1"}))

        thread = threading.Thread(target=browser)
        thread.start()
        response = listener.wait("s1", timeout=10, cancel=None)
        thread.join()
    assert response == {"code": "the-code", "state": "s1"}
    assert [answer.status_code for answer in answers] == [400, 400, 200]
    assert "You are signed in to SecureMailMerge" in answers[2].text


def test_the_redirect_listener_hears_an_error_answer() -> None:
    with closing(RedirectListener()) as listener:
        thread = threading.Thread(target=post, args=(listener.port, {"error": "access_denied", "state": "s"}))
        thread.start()
        response = listener.wait("s", timeout=10, cancel=None)
        thread.join()
    assert response["error"] == "access_denied"


@pytest.mark.parametrize(
    ("timeout", "cancelled", "words"), [(0.3, False, "not finished in time"), (None, True, "cancelled")]
)
def test_waiting_for_the_browser_ends_on_timeout_or_cancel(
    timeout: float | None, cancelled: bool, words: str
) -> None:
    cancel = threading.Event()
    if cancelled:
        threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with closing(RedirectListener()) as listener, pytest.raises(AuthError, match=words):
        listener.wait("s", timeout=timeout, cancel=cancel)
    assert time.monotonic() - started < 3
