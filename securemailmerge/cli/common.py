"""Plumbing every group of commands shares: the subcommand type, exit codes and the global options.

Each group of subcommands lives in a module with a ``register(subparsers)`` function; ``main`` lists
them in ``REGISTRARS``. Exit codes: 0 ready, 1 problems that block sending, 2 bad input (every
``SecureMailMergeError`` is one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TypeAlias

from securemailmerge.i18n import LANGUAGES, translate

# argparse's class is generic only to type checkers, so the alias is written as a string.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Registrar: TypeAlias = Callable[[Subparsers], None]

EXIT_READY, EXIT_BLOCKED, EXIT_BAD_INPUT = 0, 1, 2


def add_subcommand(subparsers: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand parser that also accepts the global options (``--lang``)."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_language_argument(parser, default=argparse.SUPPRESS)
    return parser


def add_language_argument(parser: argparse.ArgumentParser, default: Any) -> None:
    """The ``--lang`` option, global or on one subcommand."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=translate("Cli", "the language of messages (default: the system's)"),
    )
