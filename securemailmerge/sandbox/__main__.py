"""``python -m securemailmerge.sandbox``: run the Microsoft 365 sandbox on loopback until stopped.

The first line on stdout is one JSON object, flushed at once, for scripts and tests to read::

    {"authority": ..., "graph": ..., "license": ..., "uploads": ..., "ca_file": ..., "tenant_config": ...}

Ctrl+C or SIGTERM stops it cleanly (exit 0). A busy port, a bad ``--faults`` profile or another bad
option prints one line on stderr and exits 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from datetime import date
from types import FrameType
from typing import NoReturn

from securemailmerge.errors import SecureMailMergeError
from securemailmerge.i18n import translate
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.graph import SendPolicy
from securemailmerge.sandbox.license import parse_licensed

PROGRAM = "python -m securemailmerge.sandbox"
HIGHEST_BASE_PORT = 65535 - 3  # the license endpoint listens on the base port + 3


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``message`` as one line and exit 2."""
        self.exit(2, f"{self.prog}: {message}\n")


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > HIGHEST_BASE_PORT:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "--port must be 0 or a port up to {highest}, not {value}.").format(
                highest=HIGHEST_BASE_PORT, value=text
            )
        )
    return int(text)


def _time_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(
            translate("Sandbox", "--time-scale must be a number above 0, not {value}.").format(value=text)
        )
    return value


def _sending(text: str) -> SendPolicy:
    try:
        return SendPolicy.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _licensed(text: str) -> tuple[str, date | None]:
    try:
        return parse_licensed(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The command line of the sandbox."""
    parser = _Parser(
        prog=PROGRAM, description=translate("Sandbox", "Run the Microsoft 365 sandbox on 127.0.0.1.")
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=0,
        help=translate(
            "Sandbox", "authority on N, Graph N+1, uploads N+2, license N+3 (default: free ports)"
        ),
    )
    parser.add_argument(
        "--state", default=":memory:", help=translate("Sandbox", "SQLite file that keeps the mailboxes")
    )
    parser.add_argument("--faults", help=translate("Sandbox", "inject faults: SEED:PROFILE, e.g. 42:storm"))
    parser.add_argument(
        "--time-scale",
        type=_time_scale,
        default=1.0,
        help=translate("Sandbox", "multiply Graph's time windows"),
    )
    parser.add_argument(
        "--sending",
        type=_sending,
        metavar="NAME=VALUE,...",
        help=translate(
            "Sandbox", "Exchange's sending delays and limits, e.g. seed=7,submit_delay=0,licenses=25"
        ),
    )
    parser.add_argument(
        "--auto-approve",
        action="store_true",
        help=translate("Sandbox", "approve device-code sign-ins of the demo user at once"),
    )
    parser.add_argument(
        "--licensed",
        type=_licensed,
        action="append",
        metavar="ADDR[=YYYY-MM-DD]",
        help=translate("Sandbox", "a commercially licensed address (repeatable; replaces the default list)"),
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGINT or SIGTERM; 0 after a clean stop, 2 when the sandbox cannot start."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    stop = threading.Event()

    def request_stop(number: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    sandbox = Sandbox(
        port=args.port,
        state=args.state,
        faults=args.faults,
        time_scale=args.time_scale,
        auto_approve=args.auto_approve,
        licensed=dict(args.licensed) if args.licensed else None,
        sending=args.sending,
    )
    try:
        sandbox.start()
    except (ValueError, OSError, SecureMailMergeError) as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 2
    try:
        line = {
            "authority": sandbox.authority_url,
            "graph": sandbox.graph_url,
            "license": sandbox.license_url,
            "uploads": sandbox.upload_url,
            "ca_file": str(sandbox.ca_file),
            "tenant_config": str(sandbox.tenant_config_path),
        }
        print(json.dumps(line), flush=True)
        stop.wait()
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
