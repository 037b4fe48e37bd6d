"""The built-in sandbox in a process of its own, with a folder of generated contacts, for the benchmarks.

Microsoft 365 does not run inside the app: a sandbox in the app's own process shares its GIL, and
its request handlers (SQLite reads, JSON encoding of a page of 1,000 contacts, TLS) held the
window as the app's own work does, so the window's stalls would be the sandbox's too. Run as
``python bench/sandbox_process.py CONTACTS SENDING``: it prints the tenant file's path, flushed,
and serves until its standard input closes. ``start`` does that from a benchmark.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def sandbox_process(contacts: int, sending: str) -> Iterator[Path]:
    """A sandbox in a child process with ``contacts`` more contacts in a folder "Bench"; its tenant file."""
    child = subprocess.Popen(
        [sys.executable, __file__, str(contacts), sending],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        line = child.stdout.readline().strip()
        if not line:
            raise SystemExit("the sandbox process did not start")
        yield Path(line)
    finally:
        child.stdin.close()
        child.wait(30)


@contextmanager
def sandbox_in_process(contacts: int, sending: str) -> Iterator[Path]:
    """The same sandbox in this process (``SMM_SANDBOX_IN_PROCESS=1``: the figures as they were)."""
    from securemailmerge.sandbox.app import Sandbox
    from securemailmerge.sandbox.directory import DEMO_USER_ID
    from securemailmerge.sandbox.graph import generate_contacts
    from securemailmerge.sandbox.graph.seed import add_contact_folder, add_contacts

    with Sandbox(auto_approve=True, sending=sending) as sandbox:
        store = sandbox.graph.emulator.store
        root = store.folder(DEMO_USER_ID, "contact", "contacts")
        assert root is not None
        bench = add_contact_folder(store, DEMO_USER_ID, "Bench", root.id).id
        add_contacts(store, DEMO_USER_ID, bench, generate_contacts(DEMO_USER_ID, contacts, 7))
        yield sandbox.tenant_config_path


def serve(contacts: int, sending: str) -> None:
    """Start the sandbox, add the contacts, say where the tenant file is, and serve until stdin closes."""
    with sandbox_in_process(contacts, sending) as tenant:
        print(tenant, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2])
