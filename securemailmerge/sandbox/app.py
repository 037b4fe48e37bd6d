"""The whole sandbox in one object: authority, Graph, uploads and license, each on its own HTTPS port.

::

    with Sandbox(auto_approve=True) as sandbox:
        config = load_tenant_config(sandbox.tenant_config_path)   # the app connects as to a real tenant
        ...

``port=N`` serves the authority on N, Graph on N+1, uploads on N+2 and the license endpoint on
N+3; the default 0 takes four free ports. ``data_dir`` receives the CA, the server's key and
certificate and ``tenant.json``; without it a temporary folder is used and removed by ``stop()``.
``sending`` sets Exchange's delays and limits (a ``SendPolicy`` or its text form, see ``graph/policy.py``);
``sandbox.graph.settle()`` delivers everything queued at once, ``sandbox.graph.inspect`` shows what was
delivered, queued and bounced (see ``graph/__init__.py``).
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from types import TracebackType
from wsgiref.types import WSGIApplication

from securemailmerge.m365.tenant import TenantConfig
from securemailmerge.sandbox.authority import DEVICE_POLL_INTERVAL, Authority
from securemailmerge.sandbox.browser import HeadlessBrowser
from securemailmerge.sandbox.certs import create_certificates
from securemailmerge.sandbox.directory import CLIENT_ID, DEMO_USER, Directory, demo_directory
from securemailmerge.sandbox.graph import FaultProfile, GraphService, SendPolicy
from securemailmerge.sandbox.license import LicenseService
from securemailmerge.sandbox.server import LoopbackServer, listen
from securemailmerge.sandbox.tokens import TokenRegistry

TENANT = "organizations"
TENANT_FILE = "tenant.json"


class Sandbox:
    """A small Microsoft 365 on 127.0.0.1; a context manager that starts and stops it."""

    authority_url: str
    graph_url: str
    license_url: str
    upload_url: str
    ca_file: Path
    tenant_config_path: Path
    authority: Authority
    license: LicenseService
    graph: GraphService

    def __init__(
        self,
        *,
        port: int = 0,
        state: str = ":memory:",
        faults: str | None = None,
        time_scale: float = 1.0,
        auto_approve: bool = False,
        access_token_lifetime: float = 3600,
        licensed: Mapping[str, date | None] | None = None,
        data_dir: Path | None = None,
        sending: SendPolicy | str | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.port = port
        self.state = state
        self.faults = faults
        self.time_scale = time_scale
        self.auto_approve = auto_approve
        self.licensed = licensed
        self.data_dir = data_dir
        # A bad setting is the caller's mistake: say so here, before anything is bound or written.
        self.sending = SendPolicy.parse(sending) if isinstance(sending, str) else sending
        self.wall_clock = wall_clock  # Graph's dates and the transport's timeline; tests may move it by hand
        self.directory: Directory = demo_directory()
        self.tokens = TokenRegistry(access_lifetime=access_token_lifetime)
        self._servers: list[LoopbackServer] = []
        self._temporary: Path | None = None
        self._graph_open = False

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> Sandbox:
        """Generate the certificates, bind the four ports, write the tenant file and serve."""
        # A bad profile is the caller's mistake: say so before anything is bound or written.
        profile = FaultProfile.parse(self.faults) if self.faults else None
        try:
            self._start(profile)
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, profile: FaultProfile | None) -> None:
        sockets: list[socket.socket] = []
        try:
            for offset in range(4):
                sockets.append(listen(self.port + offset if self.port else 0))
            self._serve(sockets, profile)
        finally:
            # The servers hold duplicates; these originals are closed whether serving began or not.
            for sock in sockets:
                sock.close()

    def _serve(self, sockets: list[socket.socket], profile: FaultProfile | None) -> None:
        if self.data_dir is None:
            self._temporary = folder = Path(tempfile.mkdtemp(prefix="smm-sandbox-"))
        else:
            folder = self.data_dir
        certificates = create_certificates(folder)
        self.ca_file = certificates.ca_file
        bases = [f"https://127.0.0.1:{sock.getsockname()[1]}" for sock in sockets]
        self.authority_url = f"{bases[0]}/{TENANT}"
        self.graph_url = f"{bases[1]}/v1.0"
        self.upload_url = bases[2]
        self.license_url = f"{bases[3]}/api/license"

        self.authority = Authority(
            self.directory,
            self.tokens,
            bases[0],
            auto_approve=self.auto_approve,
            poll_interval=max(1, round(DEVICE_POLL_INTERVAL * self.time_scale)),
        )
        self.graph = GraphService(
            self.directory,
            self.tokens,
            state=self.state,
            faults=profile,
            time_scale=self.time_scale,
            sending=self.sending,
            wall_clock=self.wall_clock,
        )
        self._graph_open = True
        self.graph.set_upload_base_url(self.upload_url)
        self.license = LicenseService(self.licensed)

        self.tenant_config_path = folder / TENANT_FILE
        config = TenantConfig(
            client_id=CLIENT_ID,
            tenant=TENANT,
            authority=self.authority_url,
            graph_url=self.graph_url,
            license_url=self.license_url,
            ca_file=str(self.ca_file),
        )
        self.tenant_config_path.write_text(config.to_json() + "\n", encoding="utf-8")

        context = certificates.server_context()
        apps: tuple[WSGIApplication, ...] = (
            self.authority,
            self.graph.graph_app,
            self.graph.upload_app,
            self.license,
        )
        for sock, app in zip(sockets, apps, strict=True):
            self._servers.append(LoopbackServer(app, sock, context))
        for server in self._servers:
            server.start()

    def stop(self) -> None:
        """Stop serving, close the Graph store and remove the temporary folder; safe to call twice."""
        # In parallel: each server needs up to one poll interval to notice, and test suites stop often.
        stoppers = [threading.Thread(target=server.stop) for server in self._servers]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        self._servers.clear()
        if self._graph_open:
            self.graph.close()
            self._graph_open = False
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None

    def approve_device_code(self, user_code: str, upn: str = DEMO_USER) -> None:
        """Approve a device-code sign-in as ``upn``; InputError when the code or the user is wrong."""
        self.authority.decide_device_code(user_code, upn)

    def deny_device_code(self, user_code: str) -> None:
        """Decline a device-code sign-in, as the user pressing Cancel does."""
        self.authority.decide_device_code(user_code, None)

    def browser(self, upn: str = DEMO_USER, *, decline: bool = False) -> HeadlessBrowser:
        """A headless browser that trusts this sandbox and signs in as ``upn`` (or declines)."""
        return HeadlessBrowser(self.ca_file, upn=upn, decline=decline)
