"""The signed-in user's mailbox (profile and settings) and how the app names any mailbox it reads.

``load_profile`` reads who is signed in (``GET /me``): their display name, account name (UPN) and
primary address. Microsoft 365 leaves ``mail`` empty for accounts without an Exchange Online
mailbox; the app then says so and never guesses an address from the UPN, because the primary
address is what the license check sends and what messages go out from. ``load_mailbox_settings``
reads the mailbox's time zone. ``choose_sender`` picks the address messages go out from: that
primary address, or a shared mailbox the user names. ``MailboxRef`` names the mailbox a call
reads (``/me`` or a shared mailbox as ``/users/{address}``), and ``explain`` turns Graph's 403
and 404 answers about it into messages that name the mailbox and the missing right.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from securemailmerge.errors import (
    AccessDeniedError,
    GraphError,
    InputError,
    MailboxNotEnabledError,
    NotFoundError,
)
from securemailmerge.i18n import translate
from securemailmerge.m365.graph import GraphClient
from securemailmerge.recipients.addresses import BadAddress, normalise_address

PROFILE_FIELDS = "id,displayName,mail,userPrincipalName"


@dataclass(frozen=True)
class Profile:
    """Who is signed in: Graph id, display name, account name (UPN) and primary address (may be empty)."""

    id: str
    display_name: str
    user_principal_name: str
    mail: str | None

    def require_mail(self) -> str:
        """The primary address; ``InputError`` saying why when the account has none."""
        if self.mail:
            return self.mail
        raise InputError(no_mail_text(self.user_principal_name), field="mail")


def no_mail_text(user_principal_name: str) -> str:
    """The sentence shown when an account has no primary address."""
    return translate(
        "Mailbox",
        "The account {account} has no email address in Microsoft 365 (its mail attribute is empty), "
        "usually because it has no Exchange Online mailbox. Ask your administrator to give it a mailbox.",
    ).format(account=user_principal_name)


@dataclass(frozen=True)
class MailboxSettings:
    """The settings of the user's mailbox the app uses: its time zone (Windows or IANA name)."""

    time_zone: str | None


@dataclass(frozen=True)
class MailboxRef:
    """The mailbox a call reads: the signed-in user's own or a shared mailbox, named by its address."""

    address: str
    own: bool

    @classmethod
    def mine(cls, profile: Profile) -> MailboxRef:
        """The signed-in user's own mailbox, labelled with its address (the account name when it has none)."""
        return cls(profile.mail or profile.user_principal_name, own=True)

    @classmethod
    def shared(cls, text: str) -> MailboxRef:
        """A shared mailbox the user named; ``InputError`` when ``text`` is not a mailbox address."""
        address = text.strip()  # kept as typed: Exchange finds the mailbox in any case
        if isinstance(normalise_address(address), BadAddress):
            raise InputError(
                translate("Mailbox", "{value!r} is not a mailbox address such as sales@contoso.com.").format(
                    value=text
                ),
                field="mailbox",
            )
        return cls(address, own=False)

    @property
    def path(self) -> str:
        """The Graph path of the mailbox: ``/me`` or ``/users/{address}``."""
        return "/me" if self.own else f"/users/{quote(self.address, safe='@')}"


@dataclass(frozen=True)
class Sender:
    """Who messages come from: the address in their From line and the mailbox that address names."""

    address: str
    mailbox: MailboxRef


def choose_sender(profile: Profile, shared_mailbox: str | None = None) -> Sender:
    """The sender: a shared mailbox the user named, else their own mailbox's primary address.

    Never the account name (UPN): it need not be an address that receives mail. ``InputError``
    when the shared address is not an address, or the account has no mailbox of its own.
    """
    if shared_mailbox and shared_mailbox.strip():
        mailbox = MailboxRef.shared(shared_mailbox)
        return Sender(mailbox.address, mailbox)
    return Sender(profile.require_mail(), MailboxRef.mine(profile))


def load_profile(graph: GraphClient) -> Profile:
    """Read the signed-in user's profile (``GET /me``)."""
    data = graph.get("/me", params={"$select": PROFILE_FIELDS})
    upn = _text(data.get("userPrincipalName"))
    return Profile(
        id=_text(data.get("id")),
        display_name=_text(data.get("displayName")) or upn,
        user_principal_name=upn,
        mail=_text(data.get("mail")) or None,
    )


def load_mailbox_settings(graph: GraphClient, profile: Profile) -> MailboxSettings:
    """Read the signed-in user's mailbox settings (``GET /me/mailboxSettings``)."""
    mine = MailboxRef.mine(profile)
    try:
        data = graph.get("/me/mailboxSettings", params={"$select": "timeZone"})
    except GraphError as error:
        what = translate("Mailbox", "the mailbox settings")
        raise explain(error, mine, what, permission="MailboxSettings.Read") from None
    return MailboxSettings(time_zone=_text(data.get("timeZone")) or None)


def explain(
    error: GraphError, mailbox: MailboxRef, what: str, *, permission: str, right: str | None = None
) -> GraphError:
    """``error`` again, with a message that names ``what`` was read in which mailbox and what is missing.

    ``permission`` is the app's Graph permission for ``what``; ``right`` is what the user needs in
    a shared mailbox (by default: full access). Errors other than 403 and 404 come back unchanged.
    """
    values = {"what": what, "mailbox": mailbox.address, "code": error.code}
    if isinstance(error, AccessDeniedError) and mailbox.own:
        text = translate(
            "Mailbox",
            "Reading {what} of your mailbox {mailbox} was refused ({code}): the app lacks the permission "
            "{permission}. Ask your administrator to grant it (see the README on registering the app).",
        )
        values["permission"] = permission
    elif isinstance(error, AccessDeniedError):
        text = translate(
            "Mailbox",
            "You have no right to read {what} of the mailbox {mailbox} ({code}). Ask its owner or your "
            "administrator for {right}.",
        )
        values["right"] = right or translate("Mailbox", "full access to that mailbox")
    elif isinstance(error, MailboxNotEnabledError):
        text = translate(
            "Mailbox",
            "The mailbox {mailbox} is not in Exchange Online (it is on-premises, inactive or not licensed), "
            "so {what} cannot be read ({code}).",
        )
    elif isinstance(error, NotFoundError) and error.code == "ErrorItemNotFound":
        text = translate(
            "Mailbox",
            "A folder of {mailbox} disappeared while reading {what} ({code}); please load again.",
        )
    elif isinstance(error, NotFoundError):
        text = translate(
            "Mailbox",
            "There is no mailbox {mailbox} in your organisation, or it is hidden from you ({code}); check "
            "the address.",
        )
    else:
        return error
    message = text.format(**values)
    if error.request_id:
        message += " " + translate("Graph", "Request id: {request_id}.").format(request_id=error.request_id)
    return type(error)(
        message,
        status=error.status,
        code=error.code,
        request_id=error.request_id,
        client_request_id=error.client_request_id,
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
