"""The sandbox's organisation: its tenant, users and shared mailboxes, and who may do what where."""

from __future__ import annotations

from dataclasses import dataclass, field

TENANT_ID = "7c1e4a52-3b8f-4d2a-9a61-5f0c2e8d9b14"
TENANT_DOMAIN = "contoso.onmicrosoft.com"
CLIENT_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"


@dataclass(frozen=True)
class Rights:
    """What one user may do in another mailbox."""

    full_access: bool = False
    send_as: bool = False
    send_on_behalf: bool = False
    calendar_reviewer: bool = False


@dataclass(frozen=True)
class Mailbox:
    """A user or shared mailbox of the tenant."""

    id: str
    upn: str
    display_name: str
    mail: str | None
    given_name: str | None = None
    surname: str | None = None
    shared: bool = False
    cloud: bool = True  # False: an on-premises mailbox (MailboxNotEnabledForRESTAPI)
    time_zone: str = "W. Europe Standard Time"
    language: str = "en-US"  # mailboxSettings' locale: the language of the reports Exchange writes to it
    # rights of other users here, by the other user's id
    rights: dict[str, Rights] = field(default_factory=dict)


@dataclass
class Directory:
    """Every mailbox of the sandbox tenant, found by id or address."""

    mailboxes: dict[str, Mailbox] = field(default_factory=dict)

    def add(self, mailbox: Mailbox) -> Mailbox:
        """Add a mailbox and return it."""
        self.mailboxes[mailbox.id] = mailbox
        return mailbox

    def find(self, id_or_upn: str) -> Mailbox | None:
        """The mailbox whose id, user principal name or address is ``id_or_upn`` (any case)."""
        if id_or_upn in self.mailboxes:
            return self.mailboxes[id_or_upn]
        wanted = id_or_upn.casefold()
        for mailbox in self.mailboxes.values():
            if wanted in {mailbox.upn.casefold(), (mailbox.mail or "").casefold()}:
                return mailbox
        return None

    def rights(self, user_id: str, mailbox: Mailbox) -> Rights:
        """What ``user_id`` may do in ``mailbox`` (everything in their own)."""
        if user_id == mailbox.id:
            return Rights(full_access=True, send_as=True, send_on_behalf=True, calendar_reviewer=True)
        return mailbox.rights.get(user_id, Rights())


DEMO_USER_ID = "3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c"
DEMO_USER = "ada.lovelace@" + TENANT_DOMAIN
SALES_ID = "9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e"
SALES = "sales@" + TENANT_DOMAIN
BOARD_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
BOARD = "board@" + TENANT_DOMAIN


def demo_directory() -> Directory:
    """The seeded organisation: Ada, the sales team she may send as, and the board she may not."""
    directory = Directory()
    directory.add(
        Mailbox(
            id=DEMO_USER_ID,
            upn=DEMO_USER,
            display_name="Ada Lovelace",
            mail=DEMO_USER,
            given_name="Ada",
            surname="Lovelace",
        )
    )
    directory.add(
        Mailbox(
            id=SALES_ID,
            upn=SALES,
            display_name="Sales Team",
            mail=SALES,
            shared=True,
            rights={DEMO_USER_ID: Rights(full_access=True, send_as=True, calendar_reviewer=True)},
        )
    )
    directory.add(
        Mailbox(
            id=BOARD_ID,
            upn=BOARD,
            display_name="Board of Directors",
            mail=BOARD,
            shared=True,
            rights={DEMO_USER_ID: Rights(full_access=True)},
        )
    )
    return directory
