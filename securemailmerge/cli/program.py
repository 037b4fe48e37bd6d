"""The ``securemailmerge`` program: the parser with every group of commands, and the one error boundary."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from gettext import gettext  # argparse's own texts, as its version option has

import securemailmerge
from securemailmerge.cli import admin, campaign, contacts, m365, offline
from securemailmerge.cli.common import EXIT_BAD_INPUT, Registrar, Subparsers, add_language_argument
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.i18n import LANGUAGES, translate, use_catalogue, user_language

# What a shell reports for a program ended by SIGPIPE (128 + 13).
EXIT_BROKEN_PIPE = 141

REGISTRARS: tuple[Registrar, ...] = (
    offline.register,
    m365.register,
    contacts.register,
    campaign.register,
    admin.register,
)


class _Version(argparse.Action):
    """``--version``: the version is looked up only when it is asked for, not at every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"{parser.prog} {securemailmerge.__version__}")  # on stdout, as argparse prints it
        parser.exit()


def build_parser(registrars: Sequence[Registrar] = REGISTRARS) -> argparse.ArgumentParser:
    """The parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="securemailmerge",
        description=translate("Cli", "Personal mail merge for Microsoft 365, checked on your computer."),
    )
    parser.add_argument(
        "--version", action=_Version, nargs=0, help=gettext("show program's version number and exit")
    )
    add_language_argument(parser, default=None)
    m365.add_tenant_argument(parser)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", action=Subparsers)
    assert isinstance(subparsers, Subparsers)
    for registrar in registrars:
        registrar(subparsers)
    return parser


def _language(argv: Sequence[str]) -> str:
    # Help texts are translated while the parser is built, so the language is read before that.
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=LANGUAGES)
    known, _ = early.parse_known_args(argv)
    return str(known.lang) if known.lang else user_language()


def run() -> int:
    """The ``securemailmerge`` program: ``main`` with redacted logging to the data folder."""
    return main(log=True)


def main(argv: Sequence[str] | None = None, *, log: bool = False) -> int:
    """Run the command line; returns the exit code. With ``log``, a command that may log sets up
    the redacted log first (``check`` and ``preview`` log nothing and start without it)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    use_catalogue(_language(arguments))
    args = build_parser().parse_args(arguments)
    if log and getattr(args, "logs", True):
        from securemailmerge import logfilter

        logfilter.configure(stderr=True)
    try:
        code = int(args.handler(args))
        sys.stdout.flush()  # a closed pipe shows here, inside the boundary, not at exit
        return code
    except SecureMailMergeError as error:
        print(translate("Cli", "securemailmerge: {error}").format(error=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (``preview | head``): stop quietly. Python flushes stdout once more
        # on exit, so it is pointed at the null device to keep that flush from failing too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:
        print(
            translate("Cli", "securemailmerge: {file}: {reason}").format(
                file=error.filename or "", reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
