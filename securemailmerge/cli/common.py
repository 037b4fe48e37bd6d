"""Plumbing every group of commands shares: the subcommand type, exit codes and the global options.

Each group of subcommands lives in a module with a ``register(subparsers)`` function; ``main`` lists
them in ``REGISTRARS``. A subcommand is named with its help text and a function that adds its
arguments, called only when that command runs. Exit codes: 0 ready, 1 problems that block sending,
2 bad input (every ``SecureMailMergeError`` is one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from securemailmerge.i18n import LANGUAGES, translate

Filler: TypeAlias = Callable[[argparse.ArgumentParser], None]


class Subparsers(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The subcommands, each parser built only when its command runs: building all sixteen costs more
    than a small command's own work, and ``--help`` needs only their names and help texts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fillers: dict[str, tuple[str, Filler]] = {}
        self.choices = self._fillers  # the names argparse accepts and lists, built or not

    def add_command(self, name: str, help_text: str, fill: Filler) -> None:
        """Name the subcommand ``name``; ``fill`` adds its arguments when it is the one that runs."""
        self._fillers[name] = (help_text, fill)
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_text))

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        """Build the chosen subcommand's parser (accepting ``--lang`` too), then parse its arguments."""
        name = values[0] if values else None
        if name in self._fillers and name not in self._name_parser_map:
            help_text, fill = self._fillers[name]
            subparser = self.add_parser(name, description=help_text)
            add_language_argument(subparser, default=argparse.SUPPRESS)
            fill(subparser)
        super().__call__(parser, namespace, values, option_string)


Registrar: TypeAlias = Callable[[Subparsers], None]

EXIT_READY, EXIT_BLOCKED, EXIT_BAD_INPUT = 0, 1, 2


def add_language_argument(parser: argparse.ArgumentParser, default: Any) -> None:
    """The ``--lang`` option, global or on one subcommand."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=translate("Cli", "the language of messages (default: the system's)"),
    )
