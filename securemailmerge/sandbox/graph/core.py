"""What every Graph handler shares: the emulator's state, the call being served, scopes and mailbox rights."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from securemailmerge.sandbox.directory import Directory, Mailbox, Rights
from securemailmerge.sandbox.graph.faults import FaultInjector, FaultProfile
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphRequest, access_denied, not_found
from securemailmerge.sandbox.graph.limits import Limits
from securemailmerge.sandbox.graph.policy import SendPolicy
from securemailmerge.sandbox.graph.store import Folder, Item, Store
from securemailmerge.sandbox.graph_schema import GraphSchema, Operation, default_schema
from securemailmerge.sandbox.tokens import Grant, TokenRegistry

DEFAULT_UPLOAD_BASE = "https://uploads.sandbox.invalid"

# A delegated scope is also granted by the broader ones that include it.
_IMPLIED_BY: dict[str, tuple[str, ...]] = {
    "User.Read": ("User.ReadWrite", "User.Read.All", "User.ReadWrite.All"),
    "Contacts.Read": ("Contacts.ReadWrite", "Contacts.Read.Shared", "Contacts.ReadWrite.Shared"),
    "Contacts.Read.Shared": ("Contacts.ReadWrite.Shared",),
    "Calendars.Read.Shared": ("Calendars.ReadWrite.Shared",),
    "MailboxSettings.Read": ("MailboxSettings.ReadWrite",),
    "Mail.Read": ("Mail.ReadWrite", "Mail.Read.Shared", "Mail.ReadWrite.Shared"),
    "Mail.ReadWrite": ("Mail.ReadWrite.Shared",),
    "Mail.Read.Shared": ("Mail.ReadWrite.Shared",),
    "Mail.Send": ("Mail.Send.Shared",),
}


@dataclass
class Counters:
    """Requests, 429s and error codes seen per mailbox (by address), for the inspection API."""

    requests: Counter[str] = field(default_factory=Counter)
    throttled: Counter[str] = field(default_factory=Counter)
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, mailbox: str, status: int, code: str | None) -> None:
        """Record one answered request to ``mailbox``."""
        with self.lock:
            self.requests[mailbox] += 1
            if status == 429:
                self.throttled[mailbox] += 1
            if code:
                self.errors[(mailbox, code)] += 1

    def reset(self) -> None:
        """Start counting from zero."""
        with self.lock:
            self.requests.clear()
            self.throttled.clear()
            self.errors.clear()


@dataclass
class Emulator:
    """The Graph emulator's state and settings, shared by every handler."""

    directory: Directory
    tokens: TokenRegistry
    store: Store
    limits: Limits
    faults: FaultInjector
    profile: FaultProfile
    clock: Callable[[], float]
    wall_clock: Callable[[], float]
    time_scale: float
    schema: GraphSchema = field(default_factory=default_schema)
    counters: Counters = field(default_factory=Counters)
    upload_base_url: str = DEFAULT_UPLOAD_BASE
    sleep: Callable[[float], None] = time.sleep
    policy: SendPolicy = field(default_factory=SendPolicy)

    def now(self) -> datetime:
        """The emulator's wall-clock time (UTC)."""
        return datetime.fromtimestamp(self.wall_clock(), UTC)


@dataclass
class Call:
    """One request being served: who asks, for which mailbox, through which schema operation."""

    emulator: Emulator
    request: GraphRequest
    grant: Grant
    user: Mailbox
    mailbox: Mailbox
    operation: Operation
    route: str

    @property
    def own(self) -> bool:
        """True when the request targets the signed-in user's own mailbox."""
        return self.mailbox.id == self.user.id

    @property
    def rights(self) -> Rights:
        """What the signed-in user may do in the target mailbox."""
        return self.emulator.directory.rights(self.user.id, self.mailbox)

    @property
    def store(self) -> Store:
        """The emulator's store."""
        return self.emulator.store

    @property
    def context_base(self) -> str:
        """``https://host/v1.0/$metadata#users('id')`` for ``@odata.context`` values."""
        return f"{self.request.base_url}/$metadata#users('{self.mailbox.id}')"

    def has_scope(self, scope: str) -> bool:
        """True when the token grants ``scope`` or a broader scope that includes it."""
        return self.grant.allows(scope) or any(self.grant.allows(s) for s in _IMPLIED_BY.get(scope, ()))

    def require(
        self, own_scope: str, shared_scope: str, right: Callable[[Rights], bool] | None = None
    ) -> None:
        """403 ErrorAccessDenied unless the token has the scope and the user the right in this mailbox."""
        if self.own:
            if not self.has_scope(own_scope):
                raise access_denied()
            return
        if not self.has_scope(shared_scope):
            raise access_denied()
        check = right or (lambda rights: rights.full_access)
        if not check(self.rights):
            raise access_denied()

    def require_cloud_mailbox(self) -> None:
        """404 MailboxNotEnabledForRESTAPI for a mailbox that is not in Exchange Online."""
        if not self.mailbox.cloud:
            raise GraphHttpError(
                404, "MailboxNotEnabledForRESTAPI", "REST API is not yet supported for this mailbox."
            )

    def body_object(self) -> dict[str, object]:
        """The JSON body, which must be an object, checked against the operation's schema."""
        body = self.request.json()
        if self.operation.body_schema is None:
            return {}
        if not isinstance(body, dict):
            raise GraphHttpError(
                400,
                "BadRequest",
                "Empty Payload. JSON content expected."
                if body is None
                else "The request body must be a JSON object.",
            )
        action = self.operation.template.rsplit("/", 1)[-1]
        problems = self.emulator.schema.check_body(self.operation.body_schema, body, action)
        if problems:
            raise GraphHttpError(400, "RequestBodyRead", problems[0].message)
        return body

    def ids_header(self) -> dict[str, str]:
        """``Preference-Applied`` when the client asked for immutable ids."""
        return {"Preference-Applied": 'IdType="ImmutableId"'} if self.request.prefers_immutable_ids else {}


def mail_access(call: Call, *, write: bool) -> None:
    """Scopes and rights to read (Mail.Read) or write (Mail.ReadWrite) messages in the target mailbox."""
    call.require_cloud_mailbox()
    if write:
        call.require("Mail.ReadWrite", "Mail.ReadWrite.Shared")
    else:
        call.require("Mail.Read", "Mail.Read.Shared")


def folder_or_404(call: Call, id_or_name: str) -> Folder:
    """A mail folder of the target mailbox by id or well-known name."""
    folder = call.store.folder(call.mailbox.id, "mail", id_or_name)
    if folder is None:
        raise not_found()
    return folder


def message_or_404(call: Call) -> Item:
    """The message named by the request path, in the target mailbox."""
    item = call.store.item(call.mailbox.id, "message", call.operation.param["message-id"])
    if item is None:
        raise not_found()
    return item
