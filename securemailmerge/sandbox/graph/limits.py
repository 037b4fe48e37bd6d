"""Graph's Outlook throttling (learn.microsoft.com/graph/throttling-limits#outlook-service-limits).

Per app ID: at most 4 requests in flight, "regardless of whether the requests all access the same
mailbox, or access different mailboxes" (``concurrency="app"``, the default; ``"app+mailbox"`` counts
them per mailbox as older answers on Microsoft Q&A describe). Per (app ID, mailbox): 10,000 requests per
10 minutes and 150 MB uploaded (POST, PATCH and PUT bodies) per 5 minutes. Beyond a limit Graph answers
429 ApplicationThrottled with ``Retry-After`` in whole seconds. Every window is multiplied by
``time_scale`` so tests can cross them in seconds. Exchange's sending limits are the transport's.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

MAX_IN_FLIGHT = 4
MAX_REQUESTS = 10_000
REQUEST_WINDOW = 600.0
MAX_UPLOAD_BYTES = 150 * 1024 * 1024
UPLOAD_WINDOW = 300.0

Key = tuple[str, str]  # (client id, mailbox id)


@dataclass(frozen=True)
class Throttle:
    """Why a request was refused and how many seconds the client must wait."""

    reason: str
    retry_after: int

    @property
    def message(self) -> str:
        """Graph's wording for the limit."""
        return f"Application is over its {self.reason} limit."


@dataclass
class _Usage:
    requests: deque[float] | None = None
    uploads: deque[tuple[float, int]] | None = None


class Limits:
    """Counts usage per app and mailbox and says when a request must be throttled."""

    def __init__(
        self, *, clock: Callable[[], float], time_scale: float = 1.0, concurrency: str = "app"
    ) -> None:
        self.clock = clock
        self.time_scale = time_scale
        self.concurrency = concurrency
        self._lock = threading.Lock()
        self._usage: dict[Key, _Usage] = {}
        self._flight: dict[Key, int] = {}

    def _flight_key(self, key: Key) -> Key:
        return (key[0], "") if self.concurrency == "app" else key

    def _seconds(self, window: float) -> float:
        return window * self.time_scale

    def _retry(self, seconds: float) -> int:
        return max(1, math.ceil(seconds))

    def enter(self, key: Key, upload_bytes: int = 0) -> Throttle | None:
        """Admit one request (None) or say why it is throttled; admitted requests must ``leave``."""
        now = self.clock()
        with self._lock:
            usage = self._usage.setdefault(key, _Usage(deque(), deque()))
            assert usage.requests is not None
            assert usage.uploads is not None
            request_window = self._seconds(REQUEST_WINDOW)
            while usage.requests and usage.requests[0] <= now - request_window:
                usage.requests.popleft()
            upload_window = self._seconds(UPLOAD_WINDOW)
            while usage.uploads and usage.uploads[0][0] <= now - upload_window:
                usage.uploads.popleft()
            flight = self._flight_key(key)
            if self._flight.get(flight, 0) >= MAX_IN_FLIGHT:
                return Throttle("MailboxConcurrency", self._retry(self._seconds(1.0)))
            if len(usage.requests) >= MAX_REQUESTS:
                return Throttle("RequestCount", self._retry(usage.requests[0] + request_window - now))
            if upload_bytes and sum(n for _, n in usage.uploads) + upload_bytes > MAX_UPLOAD_BYTES:
                return Throttle("IncomingBytes", self._retry(usage.uploads[0][0] + upload_window - now))
            self._flight[flight] = self._flight.get(flight, 0) + 1
            usage.requests.append(now)
            if upload_bytes:
                usage.uploads.append((now, upload_bytes))
            return None

    def leave(self, key: Key) -> None:
        """A request admitted by ``enter`` has finished."""
        with self._lock:
            flight = self._flight_key(key)
            if self._flight.get(flight, 0) > 0:
                self._flight[flight] -= 1

    def in_flight(self, key: Key) -> int:
        """How many requests of an app are running now (against this mailbox, when counted per mailbox)."""
        with self._lock:
            return self._flight.get(self._flight_key(key), 0)
