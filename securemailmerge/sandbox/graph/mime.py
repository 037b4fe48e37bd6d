"""A message as RFC 5322 MIME text, as its recipients receive it (no Bcc header)."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from securemailmerge.sandbox.graph import ids
from securemailmerge.sandbox.graph.store import Item

Json = Any


def recipient_addresses(data: dict[str, Json]) -> list[str]:
    """Every To, Cc and Bcc address of a message, in that order."""
    found = []
    for key in ("toRecipients", "ccRecipients", "bccRecipients"):
        for entry in data.get(key) or []:
            found.append(str((entry.get("emailAddress") or {}).get("address") or ""))
    return found


def header_block(mime: str) -> str:
    """The header block of a MIME text (everything before the first empty line)."""
    return mime.replace("\r\n", "\n").split("\n\n", 1)[0]


def address_header(entry: dict[str, Json] | None) -> str:
    """A recipient as an RFC 5322 address (the name left out when it only repeats the address)."""
    email_address = (entry or {}).get("emailAddress") or {}
    address = email_address.get("address") or ""
    name = email_address.get("name") or ""
    return formataddr(("" if name == address else name, address))


def to_mime(item: Item, attachments: list[tuple[str, dict[str, Json], bytes]], sent_at: Any) -> str:
    """The message as RFC 5322 text, as the recipients receive it (no Bcc header)."""
    data = item.data
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = address_header(data.get("from"))
    if data.get("sender") and data.get("sender") != data.get("from"):
        message["Sender"] = address_header(data.get("sender"))
    for header, key in (("To", "toRecipients"), ("Cc", "ccRecipients"), ("Reply-To", "replyTo")):
        if data.get(key):
            message[header] = ", ".join(address_header(r) for r in data[key])
    message["Subject"] = data.get("subject") or ""
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = data.get("internetMessageId") or f"<{ids.guid()}@sandbox.local>"
    if data.get("importance") and data["importance"] != "normal":
        message["Importance"] = data["importance"]
    for header in data.get("internetMessageHeaders") or []:
        message[header["name"]] = header["value"]
    body = data.get("body") or {}
    subtype = "html" if (body.get("contentType") or "").lower() == "html" else "plain"
    message.set_content(body.get("content") or "", subtype=subtype, charset="utf-8")
    # As Exchange sends them: inline parts beside the HTML in multipart/related, first, so that the
    # files attached after it make the whole multipart/mixed.
    ordered = sorted(attachments, key=lambda part: not part[1].get("isInline"))
    for _, meta, content in ordered:
        maintype, _, subtype_ = str(meta.get("contentType") or "application/octet-stream").partition("/")
        inline = bool(meta.get("isInline")) and subtype == "html"
        add = message.add_related if inline else message.add_attachment
        add(
            content,
            maintype=maintype or "application",
            subtype=subtype_ or "octet-stream",
            filename=meta.get("name"),
            disposition="inline" if meta.get("isInline") else "attachment",
            cid=f"<{meta['contentId']}>" if meta.get("contentId") else None,
        )
    return message.as_string()
