"""``python -m securemailmerge``: the command line."""

import sys

if getattr(sys, "frozen", False):
    # In the bundle, a long check's workers are this program started again: this runs their work
    # (and multiprocessing's helper process) instead of the command line, then exits.
    import multiprocessing

    multiprocessing.freeze_support()

from securemailmerge.cli import run

raise SystemExit(run())
