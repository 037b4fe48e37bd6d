"""Commands for the IT department: ``admin-consent-url`` and ``tenant-info``.

Both read the tenant configuration the way every other command does (``--tenant-config``,
``SMM_TENANT_CONFIG``, the machine-wide file, the user's own) and say on stderr which file that was,
so an administrator can see at once whether the file they deployed is the one in use.
"""

from __future__ import annotations

import argparse
import sys

from securemailmerge.cli.common import EXIT_READY, Subparsers
from securemailmerge.cli.m365 import add_tenant_argument, tenant_source
from securemailmerge.i18n import translate

# SCOPES and admin_consent_url are imported by the commands that use them: loading the Microsoft
# 365 package takes longer than --help takes to answer.


def register(subparsers: Subparsers) -> None:
    """Add admin-consent-url and tenant-info to the command line."""
    subparsers.add_command(
        "admin-consent-url",
        translate("Cli", "print the link where an administrator grants the app's permissions for the tenant"),
        _consent_arguments,
    )
    subparsers.add_command(
        "tenant-info",
        translate("Cli", "show which tenant configuration is used, and where it is"),
        _info_arguments,
    )


def _consent_arguments(consent: argparse.ArgumentParser) -> None:
    add_tenant_argument(consent)
    consent.set_defaults(handler=run_admin_consent_url)


def _info_arguments(info: argparse.ArgumentParser) -> None:
    add_tenant_argument(info)
    info.set_defaults(handler=run_tenant_info)


def _say_where(args: argparse.Namespace) -> tuple[str, str]:
    from securemailmerge.m365 import SCOPES, admin_consent_url

    source = tenant_source(args)
    print(
        translate("Cli", "Tenant configuration: {where}").format(where=source.description),
        file=sys.stderr,
    )
    return source.config.to_json(), admin_consent_url(source.config, SCOPES)


def run_admin_consent_url(args: argparse.Namespace) -> int:
    """Print the admin consent link (stdout) for the configured app registration."""
    _, link = _say_where(args)
    print(link)
    return EXIT_READY


def run_tenant_info(args: argparse.Namespace) -> int:
    """Print the configuration in use (stdout) and where it came from (stderr)."""
    text, _ = _say_where(args)
    print(text)
    return EXIT_READY
