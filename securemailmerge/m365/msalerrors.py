"""What the user reads when sign-in fails: msal's error answers worded as ``AuthError``/``SignInRequired``.

msal answers errors as dicts (``error``, ``error_description``, ``error_codes``): ``checked`` and
``auth_error`` turn them into our errors with a translated sentence. For the exceptions msal raises
on a broken exchange, ``auth._msal_boundary`` (the one place that catches them) asks
``unusable_answer`` for the sentence. ``broker_registration`` words the broker's missing redirect
addresses. This module does not import msal: only ``auth`` speaks to it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from securemailmerge.errors import AuthError, SignInRequired
from securemailmerge.i18n import translate
from securemailmerge.m365.msalhttp import HttpFailure

# The refresh token is gone (revoked, expired, password changed) or Entra wants the user back.
_SIGN_IN_AGAIN = frozenset({"invalid_grant", "interaction_required", "login_required", "consent_required"})


def auth_error(result: Mapping[str, Any]) -> AuthError:
    """The one translation of an msal error dict into the error the user sees."""
    code = str(result.get("error") or "unknown_error")
    entra = ", ".join(f"AADSTS{number}" for number in result.get("error_codes") or [])
    detail = str(result.get("error_description") or "").splitlines()
    reason = (detail[0] if detail else entra or code)[:300]
    if code in _SIGN_IN_AGAIN:
        return SignInRequired(
            translate(
                "Auth", "Your sign-in has expired or was revoked. Please sign in again ({code})."
            ).format(code=entra or code),
            code=code,
        )
    if code == "authorization_declined":
        message = translate("Auth", "Sign-in was declined. You can start it again when you are ready.")
    elif code in {"expired_token", "code_expired"}:
        message = translate(
            "Auth", "The sign-in code expired before it was used. Start the sign-in again for a new code."
        )
    elif code == "access_denied":
        message = translate("Auth", "Sign-in was cancelled or refused in the browser: {reason}")
    elif code in {"invalid_client", "unauthorized_client"}:
        message = translate(
            "Auth",
            "This app is not registered for your organisation's tenant; ask your IT department to "
            "register it (see the README): {reason}",
        )
    else:
        message = translate("Auth", "Sign-in failed ({code}): {reason}")
    return AuthError(message.format(code=code, reason=reason), code=code)


def unusable_answer(authority: str, error: Exception, failure: HttpFailure | None) -> AuthError:
    """The error for an msal exception: the server error or redirect behind it, or the answer's flaw."""
    if failure is not None and failure.status >= 500:
        message = translate(
            "Auth", "The sign-in service {host} is not available right now (HTTP {status}). Try again later."
        )
        return AuthError(message.format(host=failure.host, status=failure.status), code="service_unavailable")
    if failure is not None:
        message = translate(
            "Auth", "The sign-in service {host} answered with a redirect (HTTP {status}), which is refused."
        )
        return AuthError(message.format(host=failure.host, status=failure.status), code="redirect")
    reason = (str(error).splitlines() or [type(error).__name__])[0][:300] or type(error).__name__
    return AuthError(
        translate(
            "Auth", "The sign-in service {authority} gave an answer the app cannot use: {reason}"
        ).format(authority=authority, reason=reason),
        code="unusable_answer",
    )


@contextmanager
def broker_registration() -> Iterator[None]:
    """msal's RedirectUriError (a ValueError, from a module that needs the broker runtime to import)."""
    try:
        yield
    except ValueError as error:
        if type(error).__name__ != "RedirectUriError":
            raise
        raise AuthError(
            translate(
                "Auth",
                "The app registration lacks the redirect addresses the sign-in broker needs; "
                "ask your IT department to add them (see the README).",
            ),
            code="broker_not_registered",
        ) from None


def checked(result: Any) -> dict[str, Any]:
    """msal's answer as a dict, or the error it stands for (None: no refresh token to use)."""
    if result is None:
        # msal found no refresh token for the account: nothing to renew silently.
        raise SignInRequired(translate("Auth", "You are not signed in. Please sign in."), code="no_token")
    if not isinstance(result, Mapping):
        raise AuthError(
            translate("Auth", "The sign-in service gave an answer the app cannot use."),
            code="unusable_answer",
        )
    if "error" in result:
        raise auth_error(result)
    return dict(result)
