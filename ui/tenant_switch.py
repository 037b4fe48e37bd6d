"""A tenant chosen in Settings takes effect at once, or as soon as the campaign that is sending ends.

Switching means signing out of the old tenant (its kept sign-in stays for when it is chosen again),
a new HTTP factory for the new hosts, and a quiet sign-in from a sign-in kept for the new one. A run
in progress talks to the old tenant's Graph with the old tokens until it ends: msal cannot move a
session to another tenant or application. A tenant named on the command line stays for the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from securemailmerge.errors import SecureMailMergeError
from ui.dialogs import show_error
from ui.tenant_settings import tenant_in_settings

if TYPE_CHECKING:
    from ui.window import MainWindow


def tenant_applies(window: MainWindow) -> str:
    """When a change of the tenant settings takes effect in ``window``, as the Tenant page says it."""
    if not window.tenant_follows_settings:
        where = window.tenant_source.description if window.tenant_source else ""
        return QCoreApplication.translate(
            "TenantSwitch",
            "This window keeps the tenant it was started with, {where}; changes here take effect the next "
            "time the app starts without it.",
        ).format(where=where)
    if window.send.sending.running:
        return QCoreApplication.translate(
            "TenantSwitch", "A campaign is sending now: changes take effect as soon as it ends."
        )
    return QCoreApplication.translate(
        "TenantSwitch", "Changes take effect when you press OK: you sign in again, to the tenant set here."
    )


def apply_tenant(window: MainWindow) -> None:
    """Use the tenant the settings name now (after the sending campaign, if one is sending)."""
    controller = window.controller
    if not window.tenant_follows_settings:
        return
    if window.send.sending.running:
        controller.tenant_pending = True
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "TenantSwitch", "The new tenant settings take effect as soon as the campaign ends."
            )
        )
        return
    controller.tenant_pending = False
    try:
        source = tenant_in_settings()
    except SecureMailMergeError as error:
        show_error(window, str(error))
        return
    window.tenant_source = source
    controller.use_tenant(source.config if source else None)
    if source is None:
        text = QCoreApplication.translate("TenantSwitch", "No tenant is configured now: working offline.")
    else:
        text = QCoreApplication.translate("TenantSwitch", "Now using {where}.").format(
            where=source.description
        )
        controller.sign_in_silent()
    window.statusBar().showMessage(text, 8000)
