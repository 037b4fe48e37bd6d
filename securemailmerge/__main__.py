"""``python -m securemailmerge``: the command line."""

from securemailmerge.cli import run

raise SystemExit(run())
