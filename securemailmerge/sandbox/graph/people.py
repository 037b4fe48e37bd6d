"""Profiles, contacts and contact folders, master categories and mailbox settings.

Scopes: User.Read for one's own profile (another user's needs User.ReadBasic.All, which the app
never asks for: 403 Authorization_RequestDenied); Contacts.Read for one's own contacts and
Contacts.Read.Shared plus full access for another mailbox's; MailboxSettings.Read for one's own
settings and master categories; a shared mailbox's master categories need Calendars.Read.Shared and
the calendar reviewer right there (the list lives in its Calendar folder), otherwise 403
ErrorAccessDenied. Another user's mailbox settings are never readable with delegated rights.
"""

from __future__ import annotations

from typing import Any

from securemailmerge.sandbox.directory import Mailbox
from securemailmerge.sandbox.graph import odata
from securemailmerge.sandbox.graph.core import Call
from securemailmerge.sandbox.graph.http import GraphHttpError, GraphResponse, access_denied, not_found
from securemailmerge.sandbox.graph.listing import list_items, options_for
from securemailmerge.sandbox.graph.store import Folder, Item

Json = Any
CONTACT = "microsoft.graph.contact"
CONTACTS_ROOT = "contacts"


def user_entity(mailbox: Mailbox) -> dict[str, Json]:
    """A user as ``GET /me`` returns it by default."""
    return {
        "businessPhones": [],
        "displayName": mailbox.display_name,
        "givenName": mailbox.given_name,
        "jobTitle": None,
        "mail": mailbox.mail,
        "mobilePhone": None,
        "officeLocation": None,
        "preferredLanguage": "en-US",
        "surname": mailbox.surname,
        "userPrincipalName": mailbox.upn,
        "id": mailbox.id,
    }


LANGUAGES = {
    "en-US": "English (United States)",
    "en-GB": "English (United Kingdom)",
    "de-DE": "Deutsch (Deutschland)",
    "es-ES": "español (España, alfabetización internacional)",
}


def settings_entity(mailbox: Mailbox, archive_folder: str | None) -> dict[str, Json]:
    """A mailbox's settings."""
    return {
        "archiveFolder": archive_folder,
        "timeZone": mailbox.time_zone,
        "delegateMeetingMessageDeliveryOptions": "sendToDelegateOnly",
        "dateFormat": "dd.MM.yyyy",
        "timeFormat": "HH:mm",
        "userPurpose": "shared" if mailbox.shared else "user",
        "automaticRepliesSetting": {
            "status": "disabled",
            "externalAudience": "all",
            "internalReplyMessage": "",
            "externalReplyMessage": "",
            "scheduledStartDateTime": {"dateTime": "2024-01-01T00:00:00.0000000", "timeZone": "UTC"},
            "scheduledEndDateTime": {"dateTime": "2024-01-02T00:00:00.0000000", "timeZone": "UTC"},
        },
        "language": {
            "locale": mailbox.language,
            "displayName": LANGUAGES.get(mailbox.language, mailbox.language),
        },
        "workingHours": {
            "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "startTime": "08:00:00.0000000",
            "endTime": "17:00:00.0000000",
            "timeZone": {"name": mailbox.time_zone},
        },
    }


def get_profile(call: Call) -> GraphResponse:
    """``GET /me`` and ``GET /users/{id}``."""
    if call.own:
        if not call.has_scope("User.Read"):
            raise GraphHttpError(
                403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."
            )
    elif not any(call.has_scope(s) for s in ("User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All")):
        raise GraphHttpError(
            403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."
        )
    options = options_for(call, "microsoft.graph.user", collection=False)
    entity = user_entity(call.mailbox)
    if options.select:
        extra: dict[str, Json] = {
            "otherMails": [],
            "proxyAddresses": [f"SMTP:{call.mailbox.mail}"] if call.mailbox.mail else [],
            "deletedDateTime": None,
        }
        if "mailboxSettings" in options.select:
            call.require("MailboxSettings.Read", "MailboxSettings.Read.Shared", lambda rights: False)
            extra["mailboxSettings"] = settings_entity(call.mailbox, None)
        entity = {name: {**entity, **extra}.get(name) for name in ["id", *options.select]}
    context = f"{call.request.base_url}/$metadata#users/$entity"
    return GraphResponse(200, {"@odata.context": context, **entity})


def get_settings(call: Call) -> GraphResponse:
    """``GET .../mailboxSettings`` (one's own only)."""
    call.require_cloud_mailbox()
    if not call.own or not call.has_scope("MailboxSettings.Read"):
        raise access_denied()
    archive = call.store.folder(call.mailbox.id, "mail", "archive")
    entity = settings_entity(call.mailbox, archive.id if archive else None)
    options = options_for(call, "microsoft.graph.mailboxSettings", collection=False)
    if options.select:
        entity = {name: entity.get(name) for name in options.select}
    return GraphResponse(200, {"@odata.context": f"{call.context_base}/mailboxSettings", **entity})


def list_categories(call: Call) -> GraphResponse:
    """``GET .../outlook/masterCategories``."""
    call.require_cloud_mailbox()
    if call.own:
        if not call.has_scope("MailboxSettings.Read"):
            raise access_denied()
    else:
        call.require("MailboxSettings.Read", "Calendars.Read.Shared", lambda rights: rights.calendar_reviewer)
    options = options_for(call, "microsoft.graph.outlookCategory", collection=False)
    rows = call.store.categories(call.mailbox.id)
    if options.filter:
        rows = [r for r in rows if options.filter.matches(r, {})]
    if options.top is not None:
        rows = rows[: options.top]
    shaped = [odata.shape(r, options.select) for r in rows]
    return GraphResponse(
        200, {"@odata.context": f"{call.context_base}/outlook/masterCategories", "value": shaped}
    )


def contact_entity(item: Item, folder_id: str) -> dict[str, Json]:
    """A stored contact as Graph returns it."""
    data = item.data
    return {
        "@odata.etag": f'W/"{data.get("changeKey", "")}"',
        "id": item.immutable_id,
        **data,
        "parentFolderId": folder_id,
    }


def _contact_access(call: Call) -> None:
    call.require_cloud_mailbox()
    call.require("Contacts.Read", "Contacts.Read.Shared")


def _render_contact(item: Item, options: odata.Options) -> dict[str, Json]:
    return contact_entity(item, item.folder_id)


def _search_contact(entity: dict[str, Json]) -> str:
    addresses = " ".join(str(a.get("address", "")) for a in entity.get("emailAddresses") or [])
    return f"{entity.get('displayName', '')} {entity.get('companyName', '')} {addresses}"


def list_contacts(call: Call) -> GraphResponse:
    """``GET .../contacts``: the default Contacts folder only."""
    _contact_access(call)
    root = _root(call)
    return _contacts_in(call, root)


def list_folder_contacts(call: Call) -> GraphResponse:
    """``GET .../contactFolders/{id}/contacts``."""
    _contact_access(call)
    return _contacts_in(call, _contact_folder(call))


def _contacts_in(call: Call, folder: Folder) -> GraphResponse:
    context = f"{call.context_base}/contactFolders('{folder.id}')/contacts"
    if folder.well_known == CONTACTS_ROOT:
        context = f"{call.context_base}/contacts"
    return list_items(
        call,
        kind="contact",
        folder_ids=[folder.id],
        type_name=CONTACT,
        render=_render_contact,
        context=context,
        searchable=_search_contact,
    )


def _root(call: Call) -> Folder:
    root = call.store.folder(call.mailbox.id, "contact", CONTACTS_ROOT)
    if root is None:
        raise not_found()
    return root


def _contact_folder(call: Call) -> Folder:
    folder_id = call.operation.param["contactFolder-id"]
    folder = call.store.folder(call.mailbox.id, "contact", folder_id)
    if folder is None or (folder.well_known is not None and folder.id != folder_id):
        raise not_found()
    return folder


def folder_entity(folder: Folder) -> dict[str, Json]:
    """A contact folder as Graph returns it."""
    return {"id": folder.id, "displayName": folder.display_name, "parentFolderId": folder.parent_id}


def _folders_page(call: Call, folders: list[Folder], context: str) -> GraphResponse:
    options = options_for(call, "microsoft.graph.contactFolder", collection=True)
    rows = [folder_entity(f) for f in folders]
    if options.filter:
        rows = [r for r in rows if options.filter.matches(r, {})]
    rows = odata.sort_rows(rows, options.orderby)
    shaped = [odata.shape(r, options.select) for r in rows]
    return GraphResponse(200, odata.page(call.request, shaped, options, context=context))


def list_contact_folders(call: Call) -> GraphResponse:
    """``GET .../contactFolders``: the folders directly inside the default Contacts folder."""
    _contact_access(call)
    root = _root(call)
    folders = call.store.child_folders(call.mailbox.id, "contact", root.id)
    return _folders_page(call, folders, f"{call.context_base}/contactFolders")


def list_child_folders(call: Call) -> GraphResponse:
    """``GET .../contactFolders/{id}/childFolders``."""
    _contact_access(call)
    folder = _contact_folder(call)
    folders = call.store.child_folders(call.mailbox.id, "contact", folder.id)
    return _folders_page(call, folders, f"{call.context_base}/contactFolders('{folder.id}')/childFolders")
