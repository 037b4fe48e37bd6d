"""A headless "browser" that signs in on the sandbox's pages, for tests of the interactive sign-in.

Two ways to use it, both with the real msal library:

* ``initiate_auth_code_flow`` + ``acquire_token_by_auth_code_flow``: pass the flow's ``auth_uri``
  to ``HeadlessBrowser.authorize`` and give msal the dict it returns (``code``, ``state``, ...).
* ``acquire_token_interactive``: msal starts a listener on ``http://localhost:PORT`` and calls
  ``webbrowser.open(auth_uri)``. Inside ``with as_default_browser(browser):`` that call reaches the
  headless browser, which signs in from a background thread and posts the answer to the listener,
  as a real browser does with ``response_mode=form_post``. (msal prefers Microsoft Edge on Linux
  when /usr/bin/microsoft-edge exists and $BROWSER is unset; then it bypasses ``webbrowser.open``.)

It only talks to loopback: HTTPS to the sandbox (trusting its CA) and plain HTTP to the app's listener.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import httpx

from securemailmerge.errors import AuthError
from securemailmerge.i18n import translate
from securemailmerge.m365.tenant import LOOPBACK_HOSTS
from securemailmerge.sandbox.directory import DEMO_USER

REGISTERED_NAME = "securemailmerge-sandbox"
TIMEOUT = 10.0


@dataclass
class _Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)


class _PageReader(HTMLParser):
    """Collects the forms (by id) and the error text of one sandbox page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, _Form] = {}
        self.error = ""
        self._form: _Form | None = None
        self._in_error = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a form, record an input of the open form, or enter the error paragraph."""
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = _Form(values.get("action", ""), values.get("method", "get").lower())
            self.forms[values.get("id", "")] = self._form
        elif tag == "input" and self._form is not None and values.get("name"):
            self._form.fields[values["name"]] = values.get("value", "")
        elif tag == "p" and values.get("id") == "error":
            self._in_error = True

    def handle_endtag(self, tag: str) -> None:
        """Close the open form or leave the error paragraph."""
        if tag == "form":
            self._form = None
        elif tag == "p":
            self._in_error = False

    def handle_data(self, data: str) -> None:
        """Collect the text of the error paragraph."""
        if self._in_error:
            self.error += data


@dataclass(frozen=True)
class AuthAnswer:
    """Where the authority sent the browser back to, how, and with which fields."""

    target: str
    method: str
    fields: dict[str, str]


def _check_loopback(url: str) -> None:
    if urlsplit(url).hostname not in LOOPBACK_HOSTS:
        raise AuthError(
            translate("Sandbox", "The headless browser only visits this computer, not {url}.").format(url=url)
        )


class HeadlessBrowser(webbrowser.BaseBrowser):
    """Signs in on the sandbox as ``upn`` (or presses Cancel when ``decline``)."""

    def __init__(self, ca_file: Path, *, upn: str = DEMO_USER, decline: bool = False) -> None:
        super().__init__(REGISTERED_NAME)
        self.upn = upn
        self.decline = decline
        self._context = ssl.create_default_context(cafile=str(ca_file))
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    def authorize(self, auth_uri: str) -> dict[str, str]:
        """Sign in at msal's ``auth_uri``; the auth response for ``acquire_token_by_auth_code_flow``."""
        return self.sign_in(auth_uri).fields

    def sign_in(self, auth_uri: str) -> AuthAnswer:
        """Load the sign-in page, answer it, and return where and what the authority answered."""
        _check_loopback(auth_uri)
        with httpx.Client(verify=self._context, trust_env=False, timeout=TIMEOUT) as client:
            page = client.get(auth_uri)
            answer = self._answer_of(page)
            if answer is not None:
                return answer
            form = self._read(page).forms.get("signin")
            if form is None:
                raise AuthError(self._problem(page))
            fields = {**form.fields, "login": self.upn, "action": "decline" if self.decline else "accept"}
            reply = client.post(urljoin(str(page.url), form.action), data=fields)
            answer = self._answer_of(reply)
            if answer is None:
                raise AuthError(self._problem(reply))
            return answer

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        """webbrowser's entry point: sign in in the background and post the answer to the app."""
        self._failure = None
        self._thread = threading.Thread(target=self._sign_in_and_deliver, args=(url,), daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float = TIMEOUT) -> None:
        """Wait for the sign-in started by ``open`` to finish; re-raises what went wrong in it."""
        if self._thread is not None:
            self._thread.join(timeout)
        if self._failure is not None:
            raise self._failure

    def _sign_in_and_deliver(self, url: str) -> None:
        try:
            answer = self.sign_in(url)
            _check_loopback(answer.target)
            with httpx.Client(trust_env=False, timeout=TIMEOUT) as client:
                if answer.method == "post":
                    client.post(answer.target, data=answer.fields)
                else:
                    client.get(answer.target, params=answer.fields)
        except (AuthError, httpx.HTTPError) as error:
            self._failure = error

    def _answer_of(self, response: httpx.Response) -> AuthAnswer | None:
        """The authority's answer to the app, if this response is one (a redirect or a form_post page)."""
        if response.is_redirect:
            location = urlsplit(response.headers["location"])
            target = location._replace(query="", fragment="").geturl()
            return AuthAnswer(target, "get", dict(parse_qsl(location.query)))
        form = self._read(response).forms.get("response")
        if form is None:
            return None
        return AuthAnswer(form.action, form.method, form.fields)

    @staticmethod
    def _read(response: httpx.Response) -> _PageReader:
        reader = _PageReader()
        reader.feed(response.text)
        return reader

    def _problem(self, response: httpx.Response) -> str:
        return self._read(response).error.strip() or translate(
            "Sandbox", "The sign-in page answered {status} without a form."
        ).format(status=response.status_code)


_lock = threading.Lock()
_current: HeadlessBrowser | None = None


class _Dispatcher(webbrowser.BaseBrowser):
    """Registered once with webbrowser; hands ``open`` to the browser installed at the moment."""

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        """Hand ``url`` to the installed headless browser, if any."""
        with _lock:
            current = _current
        # False lets webbrowser go on to the real browsers when no headless one is installed.
        return current.open(url, new, autoraise) if current is not None else False


@contextlib.contextmanager
def as_default_browser(browser: HeadlessBrowser) -> Iterator[HeadlessBrowser]:
    """Make ``webbrowser.open`` (what msal's interactive sign-in calls) use ``browser`` in this block."""
    global _current
    with _lock:
        try:
            webbrowser.get(REGISTERED_NAME)
        except webbrowser.Error:
            webbrowser.register(REGISTERED_NAME, None, _Dispatcher(REGISTERED_NAME), preferred=True)
        previous, _current = _current, browser
    try:
        yield browser
    finally:
        with _lock:
            _current = previous
