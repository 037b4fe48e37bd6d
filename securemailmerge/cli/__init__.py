"""The command line: ``securemailmerge preview|check|export|signin|signout|whoami|contacts``.

``common`` holds the plumbing every group shares, ``offline`` the commands that need no sign-in,
``m365`` signing in (and who is signed in), ``contacts`` the address-book export, and ``program``
the parser and the one place errors become a line.
"""

from securemailmerge.cli.common import Registrar, Subparsers
from securemailmerge.cli.program import REGISTRARS, build_parser, main, run

__all__ = ["REGISTRARS", "Registrar", "Subparsers", "build_parser", "main", "run"]
