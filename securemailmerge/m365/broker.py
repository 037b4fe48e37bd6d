"""Whether this computer can sign in through the operating system's broker.

Microsoft recommends the broker for desktop apps, and Conditional Access policies such as "require
a compliant device" need it: on Windows the Web Account Manager (WAM), on Apple Silicon Macs the
Company Portal's broker. msal reaches both through ``pymsalruntime`` (``msal[broker]``, installed
on Windows and macOS only). The built-in sandbox on loopback has no broker. msal itself still
switches the broker off when its runtime cannot start (too old a Windows, no Company Portal);
``Session.sign_in_broker`` then says ``broker_unavailable`` and the next method is tried.

The app registration needs these redirect URIs for the broker, besides ``http://localhost``
(README, "Connect your Microsoft 365 tenant"); ``broker_redirect_uris`` lists them.
"""

from __future__ import annotations

import importlib.util
import platform as platform_module
import sys

from securemailmerge.m365.tenant import TenantConfig

NATIVE_CLIENT_REDIRECT = "https://login.microsoftonline.com/common/oauth2/nativeclient"
MAC_BUNDLE_ID = "com.securemailmerge.desktop"


def broker_installed() -> bool:
    """True when msal's broker runtime (``pymsalruntime``) is installed."""
    return importlib.util.find_spec("pymsalruntime") is not None


def broker_usable(
    config: TenantConfig,
    *,
    platform: str = sys.platform,
    machine: str | None = None,
    installed: bool | None = None,
) -> bool:
    """True when signing in to ``config``'s tenant may go through the OS broker on this computer."""
    if config.is_loopback:
        return False
    if platform == "win32":
        supported = True
    elif platform == "darwin":
        # msal offers the macOS broker on Apple Silicon only; Intel Macs sign in in the browser.
        supported = (machine or platform_module.machine()) == "arm64"
    else:
        supported = False
    return supported and (broker_installed() if installed is None else installed)


def broker_redirect_uris(client_id: str) -> list[str]:
    """The redirect URIs the app registration needs so the broker may sign its users in."""
    return [
        f"ms-appx-web://Microsoft.AAD.BrokerPlugin/{client_id}",
        f"msauth.{MAC_BUNDLE_ID}://auth",
        "msauth.com.msauth.unsignedapp://auth",
        NATIVE_CLIENT_REDIRECT,
    ]
