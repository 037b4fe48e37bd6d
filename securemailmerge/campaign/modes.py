"""How a campaign sends: now, into Drafts only, or scheduled (held in the Outbox until its time).

A module of its own so that the command line can offer the choices without loading the engine.
"""

from __future__ import annotations

NOW, DRAFTS, SCHEDULED = "now", "drafts", "scheduled"
MODES = (NOW, DRAFTS, SCHEDULED)
