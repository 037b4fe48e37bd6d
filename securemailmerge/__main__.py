"""``python -m securemailmerge``: the command line."""

from securemailmerge.cli import main

raise SystemExit(main())
