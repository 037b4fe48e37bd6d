"""What making every message Outlook-friendly costs when a campaign is planned (no network).

Run: ``.venv/bin/python bench/bench_outgoing.py [--rows 100000]``. Prints, for a template without a
style sheet or image and for one with both, the time ``build_plan`` takes over ``--rows`` rows (each
row rendered, given the footer, its styles inlined and its image embedded, then fingerprinted) and
the time per row; the difference between the two is what Outlook-friendly HTML costs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from securemailmerge.campaign.check import PreflightSettings
from securemailmerge.campaign.plan import build_plan
from securemailmerge.recipients.files import load_recipients
from securemailmerge.template.model import Template

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4b70000000049454e44ae426082"
)
BODY = "<p class='greeting'>Dear {{ Name }},</p><p>we would love to see you at our party in {{ City }}.</p>"
TEMPLATES = {
    "plain": Template(subject="Hello {{ Name }}", html=BODY),
    "styled": Template(
        subject="Hello {{ Name }}",
        html="<html><head><style>p { font-family: Arial; color: #333 } .greeting { font-weight: bold }"
        f'</style></head><body>{BODY}<img src="logo.png" alt="Logo"></body></html>',
    ),
}


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "logo.png").write_bytes(PNG)
        lines = ["Name,Email,City"] + [f"Person {i},p{i}@example.com,Town {i % 50}" for i in range(args.rows)]
        (folder / "list.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        recipients = load_recipients(folder / "list.csv")
        settings = PreflightSettings(base_folder=folder)
        for name, template in TEMPLATES.items():
            started = time.perf_counter()
            plan = build_plan(recipients, template, settings, {"footer": "Sent with SecureMailMerge"})
            elapsed = time.perf_counter() - started
            per_row = elapsed / args.rows * 1e6
            print(f"{name}: planned {plan.ready:,} rows in {elapsed:.1f} s ({per_row:.0f} µs a row)")


if __name__ == "__main__":
    main()
