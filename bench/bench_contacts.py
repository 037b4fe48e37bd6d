"""Benchmark: load 20,000 contacts in nested folders from the sandbox, at Graph's default limits, no faults.

Prints the time, the requests the sandbox counted, the contact pages read against the minimum that
``$top=1000`` allows (ceil(n / 1000) per folder, at least one), and the number of 429 answers
(target: the minimum pages and no 429). Run: ``.venv/bin/python bench/bench_contacts.py [N]``.
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from securemailmerge import paths
from securemailmerge.m365 import MailboxRef, connect, load_address_book, load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, DEMO_USER_ID
from securemailmerge.sandbox.graph import generate_contacts
from securemailmerge.sandbox.graph.seed import add_contact_folder, add_contacts

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
# Where the contacts go: folder path -> share of N (nested three deep, one folder not a multiple of 1,000).
SHARES = {("Bench",): 0.4, ("Bench", "Region"): 0.325, ("Bench", "Region", "City"): 0.275}


def main() -> None:
    """Fill the sandbox, sign in, load the address book and print the figures."""
    with tempfile.TemporaryDirectory(prefix="smm-bench-") as folder:
        os.environ["SMM_DATA_DIR"] = folder
        run(Path(folder))


def run(folder: Path) -> None:
    """Load N contacts from a fresh sandbox whose files live in ``folder``."""
    with Sandbox(auto_approve=True, data_dir=folder / "sandbox") as sandbox:
        store = sandbox.graph.emulator.store
        root = store.folder(DEMO_USER_ID, "contact", "contacts")
        assert root is not None
        made = {(): root.id}
        left = N
        for index, (path, share) in enumerate(SHARES.items()):
            count = left if index == len(SHARES) - 1 else round(N * share)
            left -= count
            made[path] = add_contact_folder(store, DEMO_USER_ID, path[-1], made[path[:-1]]).id
            add_contacts(store, DEMO_USER_ID, made[path], generate_contacts(DEMO_USER_ID, count, index))

        config = load_tenant_config(sandbox.tenant_config_path)
        with connect(config, lambda session: session.sign_in_device_code(lambda prompt: None)) as connection:
            mailbox = MailboxRef.mine(connection.profile)
            sandbox.graph.inspect.reset_counters()
            log_start = (paths.log_dir() / "network.log").stat().st_size
            started = time.perf_counter()
            book = load_address_book(connection.graph, mailbox)
            elapsed = time.perf_counter() - started
        counters = sandbox.graph.inspect.counters()

    with (paths.log_dir() / "network.log").open(encoding="utf-8") as log:
        log.seek(log_start)
        entries = [json.loads(line) for line in log]
    pages = sum(1 for e in entries if e["method"] == "GET" and e["path"].endswith("/contacts"))
    counts = book.folder_counts()
    minimum = sum(max(1, math.ceil(n / 1000)) for n in counts.values())
    requests = counters["requests"].get(DEMO_USER, 0)
    throttled = counters["throttled"].get(DEMO_USER, 0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"contacts loaded        {len(book.contacts):,} ({N:,} + the demo's) in {len(counts)} folders")
    print(f"time                   {elapsed:.2f} s ({len(book.contacts) / elapsed:,.0f} contacts/s)")
    print(f"requests (sandbox)     {requests} ({len(entries)} in the network log)")
    print(f"contact pages          {pages} (minimum with $top=1000: {minimum})")
    print(f"folder listings        {len(entries) - pages}")
    print(f"429 answers            {throttled}")
    print(f"peak memory (RSS)      {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
