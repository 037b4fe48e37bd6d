"""Dispatch: from a request below /v1.0 to its handler, with authentication, limits and counters.

Only the schema's operations are served, for ``/me`` and ``/users/{id or address}``; other paths get
Graph's 400 "Resource not found for the segment", other methods 405. A missing, unknown or expired
token gets 401 InvalidAuthenticationToken. Mailbox calls count against the app's limits for that
mailbox and in the inspection counters; the transport's due events (messages leaving, reports
arriving) run before the call is served.
"""

from __future__ import annotations

from collections.abc import Callable

from securemailmerge.sandbox.directory import Mailbox
from securemailmerge.sandbox.graph import attachments, messages, people, sending, transport
from securemailmerge.sandbox.graph.core import Call, Emulator
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphRequest, GraphResponse, error_response
from securemailmerge.sandbox.tokens import Grant

Handler = Callable[[Call], GraphResponse]

HANDLERS: dict[tuple[str, str], Handler] = {
    ("GET", ""): people.get_profile,
    ("GET", "/contacts"): people.list_contacts,
    ("GET", "/contactFolders"): people.list_contact_folders,
    ("GET", "/contactFolders/{contactFolder-id}/contacts"): people.list_folder_contacts,
    ("GET", "/contactFolders/{contactFolder-id}/childFolders"): people.list_child_folders,
    ("GET", "/outlook/masterCategories"): people.list_categories,
    ("GET", "/mailboxSettings"): people.get_settings,
    ("GET", "/messages"): messages.list_messages,
    ("POST", "/messages"): messages.create_message,
    ("GET", "/messages/{message-id}"): messages.get_message,
    ("PATCH", "/messages/{message-id}"): messages.update_message,
    ("DELETE", "/messages/{message-id}"): messages.delete_message,
    ("GET", "/messages/{message-id}/attachments"): attachments.list_attachments,
    ("POST", "/messages/{message-id}/attachments"): attachments.add_attachment,
    ("POST", "/messages/{message-id}/attachments/createUploadSession"): attachments.create_upload_session,
    ("POST", "/messages/{message-id}/send"): sending.send,
    ("POST", "/messages/{message-id}/copy"): sending.copy,
    ("POST", "/sendMail"): sending.send_mail,
    ("GET", "/mailFolders"): messages.list_mail_folders,
    ("GET", "/mailFolders/{mailFolder-id}"): messages.get_mail_folder,
    ("GET", "/mailFolders/{mailFolder-id}/messages"): messages.list_messages,
    ("POST", "/mailFolders/{mailFolder-id}/messages"): messages.create_message,
}
_METHODS = ("GET", "POST", "PATCH", "DELETE", "PUT")


def unauthorized(message: str) -> GraphHttpError:
    """401 InvalidAuthenticationToken with the challenge Graph sends."""
    return GraphHttpError(
        401,
        "InvalidAuthenticationToken",
        message,
        {
            "WWW-Authenticate": (
                'Bearer realm="", error="invalid_token", client_id="00000003-0000-0000-c000-000000000000"'
            )
        },
    )


def authenticate(emulator: Emulator, request: GraphRequest) -> Grant:
    """The grant behind the request's bearer token (401 when there is none that is valid)."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if not token.strip() or scheme.lower() != "bearer":
        raise unauthorized("Access token is empty.")
    token = token.strip()
    grant = emulator.tokens.check(token)
    if grant is not None:
        return grant
    if emulator.tokens.is_expired(token):
        raise unauthorized("Lifetime validation failed, the token is expired.")
    raise unauthorized("Access token validation failure. Invalid audience.")


def _unknown_segment(emulator: Emulator, request: GraphRequest) -> GraphHttpError:
    for method in _METHODS:
        if emulator.schema.match_operation(method, request.path) is not None:
            return GraphHttpError(
                405, "BadRequest", "Specified HTTP method is not allowed for the request target."
            )
    segments = request.segments or [""]
    start = {"me": 1, "users": 2}.get(segments[0], 0)
    known = emulator.schema.literal_segments
    unknown = next((s for s in segments[start:] if s not in known), segments[-1])
    return GraphHttpError(400, "BadRequest", f"Resource not found for the segment '{unknown}'.")


def _target(emulator: Emulator, request: GraphRequest, grant: Grant, route: str) -> tuple[Mailbox, Mailbox]:
    user = emulator.directory.find(grant.user_id)
    if user is None:
        raise GraphHttpError(404, "ErrorInvalidUser", f"The requested user '{grant.user_id}' is invalid.")
    segments = request.segments
    if segments[0] == "me":
        return user, user
    wanted = segments[1]
    mailbox = emulator.directory.find(wanted)
    if mailbox is None:
        if route == "":
            raise GraphHttpError(
                404,
                "Request_ResourceNotFound",
                f"Resource '{wanted}' does not exist or one of its queried reference-property objects are "
                "not present.",
            )
        raise GraphHttpError(404, "ErrorInvalidUser", f"The requested user '{wanted}' is invalid.")
    return user, mailbox


def check_options(request: GraphRequest, allowed: frozenset[str], collection: bool) -> None:
    """400 for a system query option the operation does not take."""
    extra = {"$skiptoken"} if collection else set()
    for name in request.options():
        if name not in allowed and name not in extra:
            raise GraphHttpError(400, "BadRequest", f"The query parameter '{name}' is not supported.")


def serve(
    emulator: Emulator, request: GraphRequest, grant: Grant | None = None, *, admitted: bool = False
) -> tuple[GraphResponse, str | None]:
    """Answer one request below /v1.0; also returns the address of the mailbox it counted against.

    ``admitted`` says the caller already holds the request's slot in the limits (a parallel $batch).
    """
    mailbox_label: str | None = None
    try:
        operation = emulator.schema.match_operation(request.method, request.path)
        if operation is None:
            if grant is None:
                authenticate(emulator, request)
            raise _unknown_segment(emulator, request)
        grant = grant or authenticate(emulator, request)
        template = operation.template
        route = (
            template.removeprefix("/me")
            if template.startswith("/me")
            else template.removeprefix("/users/{user-id}")
        )
        user, mailbox = _target(emulator, request, grant, route)
        mailbox_label = mailbox.mail or mailbox.upn
        check_options(request, operation.query_options, operation.is_collection)
        call = Call(emulator, request, grant, user, mailbox, operation, route)
        handler = HANDLERS[(request.method, route)]
        if route == "":
            return handler(call), mailbox_label  # the directory, not the mailbox: no Outlook limits
        key = (grant.client_id, mailbox.id)
        if not admitted:
            uploaded = len(request.body) if request.method in {"POST", "PATCH", "PUT"} else 0
            throttle = emulator.limits.enter(key, uploaded)
            if throttle is not None:
                raise GraphHttpError(
                    429, "ApplicationThrottled", throttle.message, {"Retry-After": str(throttle.retry_after)}
                )
        try:
            if request.delay:
                emulator.sleep(request.delay)
            transport.process(emulator)
            return handler(call), mailbox_label
        finally:
            if not admitted:
                emulator.limits.leave(key)
    except GraphHttpError as error:
        return error_response(request, error), mailbox_label
