"""How the app's requests leave a company network: through the right proxy, verified by the OS trust store.

Companies route HTTPS through a proxy (set in the system settings, by ``HTTPS_PROXY``, or for this
app alone by ``proxy`` in the tenant configuration), and many inspect TLS with a certificate
authority of their own that IT has added to the operating system's trust store. So:

- ``proxy_for`` picks the proxy of one request: the tenant configuration's first, else the
  environment's and the system's (``urllib.request.getproxies``: the variables, the Windows
  registry, macOS's network settings) with their exceptions (``NO_PROXY``, the bypass list).
  Loopback is never proxied: the sandbox and the sign-in redirect stay on this computer.
- ``ProxyRoutingTransport`` sends each request through a transport for its proxy (or none), made
  once per proxy and reused, so keep-alive works as without a proxy.
- ``system_tls_context`` verifies with the OS trust store (``truststore``), never with a bundled CA
  list and never with verification switched off; the sandbox alone brings its own CA.
"""

from __future__ import annotations

import ipaddress
import ssl
import threading
import urllib.request
from collections.abc import Callable, Mapping

import httpx
import truststore

from securemailmerge.m365.tenant import LOOPBACK_HOSTS

SystemProxies = Callable[[], Mapping[str, str]]
Bypass = Callable[[str], bool]


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and every loopback address (127.0.0.0/8, ::1)."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_HOSTS or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def proxy_for(
    url: httpx.URL,
    configured: str | None,
    *,
    system: SystemProxies = urllib.request.getproxies,
    bypass: Bypass = urllib.request.proxy_bypass,
) -> str | None:
    """The proxy URL a request to ``url`` goes through, or None for a direct connection."""
    host = url.host
    if is_loopback(host):
        return None
    if configured:
        return configured
    proxies = system()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy or bypass(host):
        return None
    # Settings often name only host:port ("proxy.corp:8080"); that means an HTTP proxy.
    return proxy if "://" in proxy else f"http://{proxy}"


def system_tls_context() -> ssl.SSLContext:
    """TLS 1.2+ verified against the operating system's trust store (a company's CA included)."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class ProxyRoutingTransport(httpx.BaseTransport):
    """Sends each request directly or through its proxy, with one pooled transport per route."""

    def __init__(
        self,
        make: Callable[[str | None], httpx.BaseTransport],
        configured: str | None,
        *,
        system: SystemProxies = urllib.request.getproxies,
        bypass: Bypass = urllib.request.proxy_bypass,
    ) -> None:
        self._make = make
        self._configured = configured
        self._system = system
        self._bypass = bypass
        self._routes: dict[str | None, httpx.BaseTransport] = {}
        self._lock = threading.Lock()

    def route(self, url: httpx.URL) -> str | None:
        """The proxy ``url`` is sent through (None: directly)."""
        return proxy_for(url, self._configured, system=self._system, bypass=self._bypass)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` over the transport of its route."""
        proxy = self.route(request.url)
        with self._lock:
            transport = self._routes.get(proxy)
            if transport is None:
                transport = self._routes[proxy] = self._make(proxy)
        return transport.handle_request(request)

    def close(self) -> None:
        """Close every route's connections."""
        with self._lock:
            routes, self._routes = list(self._routes.values()), {}
        for transport in routes:
            transport.close()
