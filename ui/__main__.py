"""``python -m ui``: start the desktop app."""

import sys

if getattr(sys, "frozen", False):
    # A worker process started from the bundled window must run its work, not a second window.
    import multiprocessing

    multiprocessing.freeze_support()

from ui.app import main

raise SystemExit(main())
