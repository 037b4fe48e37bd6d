"""The Microsoft Graph permissions the app asks for, each with the reason the user is shown.

Least privilege (DESIGN.md section 2): these delegated scopes and nothing else. msal adds
``openid``, ``profile`` and ``offline_access`` itself and refuses them when passed. The names are
Graph's short names: the Microsoft identity platform reads a scope without a resource prefix as a
Microsoft Graph scope (``User.Read`` is ``https://graph.microsoft.com/User.Read``), and the short
form is also what it returns, so msal finds the cached token again for the same list.
"""

from __future__ import annotations

from securemailmerge.i18n import QT_TRANSLATE_NOOP, translate

SCOPE_REASONS: dict[str, str] = {
    "User.Read": QT_TRANSLATE_NOOP(
        "Scopes",
        "Sign you in, and show and license-check your address so nobody sends from the wrong mailbox.",
    ),
    "Contacts.Read": QT_TRANSLATE_NOOP(
        "Scopes", "Read recipients from your own address book, in all of its contact folders."
    ),
    "Contacts.Read.Shared": QT_TRANSLATE_NOOP(
        "Scopes", "Read recipients from the contacts of a shared mailbox you have access to."
    ),
    "Calendars.Read.Shared": QT_TRANSLATE_NOOP(
        "Scopes",
        "Read a shared mailbox's category list, which Outlook keeps in a hidden item of its calendar.",
    ),
    "MailboxSettings.Read": QT_TRANSLATE_NOOP(
        "Scopes", "Read your mailbox's time zone, sending limits and category list."
    ),
    "Mail.ReadWrite": QT_TRANSLATE_NOOP(
        "Scopes", "Create the drafts of your messages and upload their attachments before sending."
    ),
    "Mail.Send": QT_TRANSLATE_NOOP("Scopes", "Send the drafts from your own mailbox."),
    "Mail.Send.Shared": QT_TRANSLATE_NOOP(
        "Scopes", "Send the drafts as or on behalf of a shared mailbox, where you have that right."
    ),
}

SCOPES: tuple[str, ...] = tuple(SCOPE_REASONS)


def scope_reason(scope: str) -> str:
    """Why the app needs ``scope``, in the user's language (KeyError for a scope it never asks for)."""
    return translate("Scopes", SCOPE_REASONS[scope])


def scope_reasons() -> list[tuple[str, str]]:
    """Every requested scope with its translated reason, in the order the sign-in screen lists them."""
    return [(scope, scope_reason(scope)) for scope in SCOPES]
