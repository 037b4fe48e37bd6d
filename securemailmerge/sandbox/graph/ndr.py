"""Non-delivery reports as Exchange Online writes them, in the language of the mailbox that receives them.

A report is ``multipart/report; report-type=delivery-status`` (RFC 3462/3464): a readable part (text and
HTML), a ``message/delivery-status`` part with one block per failed recipient (``Final-Recipient``,
``Action: failed``, ``Status``, ``Diagnostic-Code``), and the original's headers as
``text/rfc822-headers``. Its ``In-Reply-To`` and ``References`` carry the original's Message-ID, its
subject is "Undeliverable: <subject>" ("Unzustellbar:", "No se puede entregar:" for de/es mailboxes),
and it comes from "Microsoft Outlook" at the tenant's MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e
system address, as Exchange Online's reports show (seen in real reports, not on a Microsoft page). The
codes and their SMTP answers are the NDR table's (learn.microsoft.com/exchange/troubleshoot/
email-delivery/ndr/non-delivery-reports-in-exchange-online), whose "What's included in an NDR?" part
also gives the layout: the cause, "Diagnostic information for administrators", the generating server,
each rejected recipient with the remote server's answer, and the original message headers. The texts are
Exchange's, chosen by the mailbox's language, not the app's: that is why they live in this table and not
in the app's translation catalogue.
"""

from __future__ import annotations

import email.policy
import html
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from securemailmerge.sandbox.directory import TENANT_DOMAIN, Mailbox

Json = Any
SYSTEM_NAME = "Microsoft Outlook"
SYSTEM_ADDRESS = f"MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@{TENANT_DOMAIN}"
GENERATING_SERVER = "SANDBOX01MB0001.eurprd01.prod.outlook.com"

# Enhanced status code -> the SMTP answer behind it, and whether a remote server gave it.
SMTP_ANSWERS = {
    "5.1.1": ("550 5.1.1 <{recipient}>: Recipient address rejected: User unknown", True),
    "5.1.10": (
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        False,
    ),
    "5.4.310": ("550 5.4.310 DNS domain {domain} does not exist [Message=InfoDomainNonexistent]", False),
    "5.1.90": (
        "550 5.1.90 Your message can't be sent because you've reached your daily limit for message "
        "recipients",
        False,
    ),
    "5.7.232": (
        "550 5.7.232 Your message can't be sent because your trial tenant has exceeded its daily limit for "
        "sending email to external recipients (tenant external recipient rate limit)",
        False,
    ),
    "5.7.233": (
        "550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending "
        "email to external recipients (tenant external recipient rate limit)",
        False,
    ),
}

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "subject": "Undeliverable: ",
        "intro": "Your message to {recipient} couldn't be delivered.",
        "unknown": "{recipient} wasn't found at {domain}.",
        "domain": "The domain {domain} doesn't exist or can't receive email.",
        "daily": "Your message can't be sent because you've reached your daily limit for message recipients.",
        "tenant": "Your message can't be sent because your organization has reached its daily limit for "
        "sending email to external recipients.",
        "admin": "Diagnostic information for administrators:",
        "server": "Generating server:",
        "headers": "Original message headers:",
    },
    "de": {
        "subject": "Unzustellbar: ",
        "intro": "Ihre Nachricht an {recipient} konnte nicht übermittelt werden.",
        "unknown": "{recipient} wurde bei {domain} nicht gefunden.",
        "domain": "Die Domäne {domain} existiert nicht oder kann keine E-Mails empfangen.",
        "daily": "Ihre Nachricht kann nicht gesendet werden, da Sie Ihr tägliches Limit für "
        "Nachrichtenempfänger erreicht haben.",
        "tenant": "Ihre Nachricht kann nicht gesendet werden, da Ihre Organisation ihr tägliches Limit für "
        "E-Mails an externe Empfänger erreicht hat.",
        "admin": "Diagnoseinformationen für Administratoren:",
        "server": "Generierender Server:",
        "headers": "Ursprüngliche Nachrichtenkopfzeilen:",
    },
    "es": {
        "subject": "No se puede entregar: ",
        "intro": "No se pudo entregar su mensaje a {recipient}.",
        "unknown": "No se encontró a {recipient} en {domain}.",
        "domain": "El dominio {domain} no existe o no puede recibir correo electrónico.",
        "daily": "No se puede enviar el mensaje porque ha alcanzado el límite diario de destinatarios.",
        "tenant": "No se puede enviar el mensaje porque su organización ha alcanzado el límite diario de "
        "correo a destinatarios externos.",
        "admin": "Información de diagnóstico para administradores:",
        "server": "Servidor de generación:",
        "headers": "Encabezados del mensaje original:",
    },
}
_REASON = {"5.1.1": "unknown", "5.1.10": "unknown", "5.4.310": "domain", "5.1.90": "daily"}


@dataclass(frozen=True)
class Failure:
    """One recipient a message did not reach, with Exchange's enhanced status code."""

    recipient: str
    code: str

    @property
    def domain(self) -> str:
        """The recipient's domain."""
        return self.recipient.rpartition("@")[2]

    def smtp_answer(self) -> str:
        """The SMTP answer Exchange quotes for this recipient."""
        text, _ = SMTP_ANSWERS[self.code]
        return text.format(recipient=self.recipient, domain=self.domain)


@dataclass(frozen=True)
class Original:
    """What a report needs of the message that failed."""

    subject: str
    internet_message_id: str
    headers: str  # its RFC 5322 header block as sent
    sent_at: datetime


def language(mailbox: Mailbox) -> str:
    """The two-letter language of a mailbox's reports (English unless it is German or Spanish)."""
    code = mailbox.language.split("-")[0].lower()
    return code if code in _TEXTS else "en"


def subject(mailbox: Mailbox, original_subject: str) -> str:
    """ "Undeliverable: <subject>" in the mailbox's language."""
    return _TEXTS[language(mailbox)]["subject"] + original_subject


def _reason(texts: dict[str, str], failure: Failure) -> str:
    key = _REASON.get(failure.code, "tenant")
    return texts[key].format(recipient=failure.recipient, domain=failure.domain)


def readable(mailbox: Mailbox, failures: list[Failure], original: Original) -> tuple[str, str]:
    """The report's text and HTML parts."""
    texts = _TEXTS[language(mailbox)]
    lines: list[str] = []
    for failure in failures:
        lines += [texts["intro"].format(recipient=failure.recipient), _reason(texts, failure), ""]
    lines += [texts["admin"], "", texts["server"], GENERATING_SERVER, ""]
    for failure in failures:
        lines += [failure.recipient, f"Remote Server returned '{failure.smtp_answer()}'", ""]
    lines += [texts["headers"], "", original.headers]
    text = "\n".join(lines)
    body = "".join(f"<p>{html.escape(line)}</p>" if line else "<br>" for line in lines[:-1])
    page = f"<html><head></head><body>{body}<pre>{html.escape(original.headers)}</pre></body></html>"
    return text, page


def build(mailbox: Mailbox, failures: list[Failure], original: Original, at: datetime) -> tuple[Message, str]:
    """The report as MIME, and its own Message-ID."""
    report = MIMEMultipart("report", policy=email.policy.SMTP, report_type="delivery-status")
    report["From"] = formataddr((SYSTEM_NAME, SYSTEM_ADDRESS))
    report["To"] = formataddr((mailbox.display_name, mailbox.mail or mailbox.upn))
    report["Date"] = format_datetime(at)
    report["Subject"] = subject(mailbox, original.subject)
    message_id = make_msgid(domain=GENERATING_SERVER)
    report["Message-ID"] = message_id
    report["In-Reply-To"] = original.internet_message_id
    report["References"] = original.internet_message_id
    report["Content-Language"] = {"en": "en-US", "de": "de-DE", "es": "es-ES"}[language(mailbox)]
    text, page = readable(mailbox, failures, original)
    readable_part = MIMEMultipart("alternative", policy=email.policy.SMTP)
    readable_part.attach(MIMEText(text, "plain", "utf-8", policy=email.policy.SMTP))
    readable_part.attach(MIMEText(page, "html", "utf-8", policy=email.policy.SMTP))
    report.attach(readable_part)
    report.attach(_status_part(failures, original.sent_at))
    headers_part = Message(policy=email.policy.SMTP)
    headers_part.set_type("text/rfc822-headers")
    headers_part.set_payload(original.headers)
    report.attach(headers_part)
    return report, message_id


def _status_part(failures: list[Failure], arrival: datetime) -> Message:
    part = Message(policy=email.policy.SMTP)
    part.set_type("message/delivery-status")
    blocks: list[Message | str] = []
    per_message = Message(policy=email.policy.SMTP)
    per_message["Reporting-MTA"] = f"dns;{GENERATING_SERVER}"
    per_message["Arrival-Date"] = format_datetime(arrival)
    blocks.append(per_message)
    for failure in failures:
        block = Message(policy=email.policy.SMTP)
        block["Final-Recipient"] = f"rfc822;{failure.recipient}"
        block["Action"] = "failed"
        block["Status"] = failure.code
        block["Diagnostic-Code"] = f"smtp;{failure.smtp_answer()}"
        if SMTP_ANSWERS[failure.code][1]:
            block["Remote-MTA"] = f"dns;mx.{failure.domain}"
        blocks.append(block)
    part.set_payload(blocks)
    return part
