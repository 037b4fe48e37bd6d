"""The few HTML pages of the sandbox's sign-in: sign-in and consent, device login, form_post, errors.

They are plain forms a person can use in a real browser and ``browser.py`` can read: every form
carries ``id="..."`` and named inputs, and errors sit in ``<p id="error">``. Like the service they
imitate, they speak English (``tools/translations.py`` leaves the sandbox out).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

APP_NAME = "SecureMailMerge"

_STYLE = (
    "body{font-family:sans-serif;max-width:30em;margin:3em auto;color:#1b1b1b}"
    "input[type=text]{width:100%;padding:.4em;margin:.3em 0 1em}"
    "button{padding:.4em 1.2em;margin-right:.5em}#error{color:#a4262c}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def _error(message: str | None) -> str:
    return f'<p id="error" role="alert">{escape(message)}</p>' if message else ""


def _hidden(fields: Mapping[str, str]) -> str:
    return "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in fields.items()
    )


def sign_in_page(
    action: str, request_id: str, login_hint: str, permissions: Iterable[str], error: str | None = None
) -> str:
    """Sign in as a user of the tenant and accept (or decline) the permissions the app asks for."""
    items = "".join(f"<li>{escape(name)}</li>" for name in sorted(permissions))
    body = (
        f'<p>{APP_NAME} (sandbox tenant) would like to:</p><ul id="permissions">{items}</ul>'
        f'{_error(error)}<form id="signin" method="post" action="{escape(action)}">'
        f"{_hidden({'request_id': request_id})}"
        '<label for="login">Email or user name</label>'
        f'<input type="text" id="login" name="login" value="{escape(login_hint)}" autofocus>'
        '<button type="submit" name="action" value="accept">Sign in and accept</button>'
        '<button type="submit" name="action" value="decline">Cancel</button></form>'
    )
    return _page("Sign in to the sandbox", body)


def form_post_page(redirect_uri: str, fields: Mapping[str, str]) -> str:
    """The answer of ``response_mode=form_post``: a form the browser posts at once to the app."""
    body = (
        f'<form id="response" method="post" action="{escape(redirect_uri)}">{_hidden(fields)}'
        '<noscript><button type="submit">Continue</button></noscript></form>'
        "<script>document.getElementById('response').submit();</script>"
    )
    return _page("Working...", body)


def device_login_page(action: str, user_code: str = "", error: str | None = None) -> str:
    """Enter the code shown by the app, then sign in (or decline) for that device."""
    body = (
        f"<p>Enter the code that {APP_NAME} shows, and the account to sign in with.</p>"
        f'{_error(error)}<form id="devicelogin" method="post" action="{escape(action)}">'
        '<label for="user_code">Code</label>'
        f'<input type="text" id="user_code" name="user_code" value="{escape(user_code)}" autofocus>'
        '<label for="login">Email or user name</label>'
        '<input type="text" id="login" name="login">'
        '<button type="submit" name="action" value="accept">Sign in and accept</button>'
        '<button type="submit" name="action" value="decline">Cancel</button></form>'
    )
    return _page("Sign in on another device", body)


def message_page(title: str, message: str, *, error: bool = False) -> str:
    """A page that only says something: a finished device sign-in or an error."""
    text = _error(message) if error else f'<p id="message">{escape(message)}</p>'
    return _page(title, text)
