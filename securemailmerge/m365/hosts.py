"""Every host the app contacts, for firewall rules: the README's table and the About box show this list.

All traffic is HTTPS on port 443. A tenant in a national cloud names its sign-in and Graph hosts in
its tenant configuration (``authority``, ``graph_url``); the upload host is the one Graph names in
each upload session, and the license host is ours, the same in every cloud. The sign-in broker of
Windows or macOS (when used) talks to the sign-in host itself, outside the app.
``tests/e2e/test_firewall.py`` holds this list against the README, against what ``HttpFactory``
lets through and against the network log of a full session on the sandbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from securemailmerge.i18n import QT_TRANSLATE_NOOP, translate

PORT = 443
SIGN_IN, GRAPH, UPLOAD, LICENSE = "sign-in", "graph", "upload", "license"
GLOBAL, US_GOV, US_DOD, CHINA = "global", "us-gov", "us-dod", "china"
CLOUD_NAMES: dict[str, str] = {
    GLOBAL: QT_TRANSLATE_NOOP("Hosts", "Global"),
    US_GOV: QT_TRANSLATE_NOOP("Hosts", "US Government (GCC High)"),
    US_DOD: QT_TRANSLATE_NOOP("Hosts", "US Government (DoD)"),
    CHINA: QT_TRANSLATE_NOOP("Hosts", "China (21Vianet)"),
}


@dataclass(frozen=True)
class Endpoint:
    """One kind of host: what it is for, its name in each cloud, the methods used and when."""

    role: str
    purpose: str
    hosts: Mapping[str, tuple[str, ...]]
    methods: tuple[str, ...]
    when: str

    def purpose_text(self) -> str:
        """What the host is for, in the user's language."""
        return translate("Hosts", self.purpose)

    def when_text(self) -> str:
        """When the app contacts it, in the user's language."""
        return translate("Hosts", self.when)


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        SIGN_IN,
        QT_TRANSLATE_NOOP("Hosts", "Microsoft sign-in (Entra ID)"),
        {
            GLOBAL: ("login.microsoftonline.com",),
            US_GOV: ("login.microsoftonline.us",),
            US_DOD: ("login.microsoftonline.us",),
            CHINA: ("login.chinacloudapi.cn",),
        },
        ("GET", "POST"),
        QT_TRANSLATE_NOOP(
            "Hosts", "signing in, and renewing the sign-in about once an hour while the app is used"
        ),
    ),
    Endpoint(
        GRAPH,
        QT_TRANSLATE_NOOP("Hosts", "Microsoft Graph"),
        {
            GLOBAL: ("graph.microsoft.com",),
            US_GOV: ("graph.microsoft.us",),
            US_DOD: ("dod-graph.microsoft.us",),
            CHINA: ("microsoftgraph.chinacloudapi.cn",),
        },
        ("GET", "POST", "PATCH", "DELETE"),
        QT_TRANSLATE_NOOP(
            "Hosts", "reading your profile, contacts and categories; creating, sending and cleaning up drafts"
        ),
    ),
    Endpoint(
        UPLOAD,
        QT_TRANSLATE_NOOP("Hosts", "Outlook attachment upload"),
        {
            GLOBAL: ("outlook.office.com", "outlook.office365.com"),
            US_GOV: ("outlook.office365.us",),
            US_DOD: ("outlook-dod.office365.us",),
            CHINA: ("partner.outlook.cn",),
        },
        ("PUT",),
        QT_TRANSLATE_NOOP(
            "Hosts", "uploading attachments of 3 MB or more, to the address Graph names for each upload"
        ),
    ),
    Endpoint(
        LICENSE,
        QT_TRANSLATE_NOOP("Hosts", "SecureMailMerge license check"),
        {cloud: ("license.securemailmerge.com",) for cloud in CLOUD_NAMES},
        ("POST",),
        QT_TRANSLATE_NOOP(
            "Hosts",
            "loading an address book, sending a test and sending a campaign; it receives only your address",
        ),
    ),
)


def endpoint(role: str) -> Endpoint:
    """The endpoint of ``role`` (``SIGN_IN``, ``GRAPH``, ``UPLOAD`` or ``LICENSE``)."""
    return next(entry for entry in ENDPOINTS if entry.role == role)


def cloud_name(graph_host: str) -> str:
    """The cloud whose Graph host is ``graph_host``, in the user's language; ``""`` for any other host."""
    for cloud, hosts in endpoint(GRAPH).hosts.items():
        if graph_host.lower() in hosts:
            return translate("Hosts", CLOUD_NAMES[cloud])
    return ""


def hosts_text(entry: Endpoint) -> str:
    """The entry's hosts, one line per cloud where they differ, for the About box."""
    if len({entry.hosts[cloud] for cloud in CLOUD_NAMES}) == 1:
        return ", ".join(entry.hosts[GLOBAL])
    return "\n".join(
        f"{', '.join(entry.hosts[cloud])} ({translate('Hosts', name)})" for cloud, name in CLOUD_NAMES.items()
    )


def markdown_table() -> str:
    """The README's firewall table (English), built from ``ENDPOINTS``."""
    clouds = list(CLOUD_NAMES)
    lines = [
        "| purpose | " + " | ".join(CLOUD_NAMES[cloud] for cloud in clouds) + " | port | methods | when |",
        "|---" * (len(clouds) + 4) + "|",
    ]
    for entry in ENDPOINTS:
        cells = [entry.purpose, *(", ".join(f"`{h}`" for h in entry.hosts[c]) for c in clouds)]
        cells += [str(PORT), ", ".join(entry.methods), entry.when]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
