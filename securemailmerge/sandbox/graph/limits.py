"""Graph's Outlook throttling, per app per mailbox, and Exchange's recipient limits.

Per (client id, mailbox): at most 4 requests in flight, 10,000 requests per 10 minutes and 150 MB
uploaded (POST, PATCH and PUT bodies) per 5 minutes; beyond that Graph answers 429
ApplicationThrottled with ``Retry-After`` in whole seconds. Exchange lets a mailbox send to 10,000
recipients per rolling 24 hours and to 500 recipients per message. Every window is multiplied by
``time_scale`` so tests can cross them in seconds.
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
MAX_RECIPIENTS_PER_DAY = 10_000
RECIPIENT_WINDOW = 24 * 3600.0
MAX_RECIPIENTS_PER_MESSAGE = 500

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
    in_flight: int = 0
    requests: deque[float] | None = None
    uploads: deque[tuple[float, int]] | None = None


class Limits:
    """Counts usage per app and mailbox and says when a request must be throttled."""

    def __init__(self, *, clock: Callable[[], float], time_scale: float = 1.0) -> None:
        self.clock = clock
        self.time_scale = time_scale
        self._lock = threading.Lock()
        self._usage: dict[Key, _Usage] = {}
        self._recipients: dict[str, deque[tuple[float, int]]] = {}

    def _seconds(self, window: float) -> float:
        return window * self.time_scale

    def _retry(self, seconds: float) -> int:
        return max(1, math.ceil(seconds))

    def enter(self, key: Key, upload_bytes: int = 0) -> Throttle | None:
        """Admit one request (None) or say why it is throttled; admitted requests must ``leave``."""
        now = self.clock()
        with self._lock:
            usage = self._usage.setdefault(key, _Usage(0, deque(), deque()))
            assert usage.requests is not None
            assert usage.uploads is not None
            request_window = self._seconds(REQUEST_WINDOW)
            while usage.requests and usage.requests[0] <= now - request_window:
                usage.requests.popleft()
            upload_window = self._seconds(UPLOAD_WINDOW)
            while usage.uploads and usage.uploads[0][0] <= now - upload_window:
                usage.uploads.popleft()
            if usage.in_flight >= MAX_IN_FLIGHT:
                return Throttle("MailboxConcurrency", self._retry(self._seconds(1.0)))
            if len(usage.requests) >= MAX_REQUESTS:
                return Throttle("RequestCount", self._retry(usage.requests[0] + request_window - now))
            if upload_bytes and sum(n for _, n in usage.uploads) + upload_bytes > MAX_UPLOAD_BYTES:
                return Throttle("IncomingBytes", self._retry(usage.uploads[0][0] + upload_window - now))
            usage.in_flight += 1
            usage.requests.append(now)
            if upload_bytes:
                usage.uploads.append((now, upload_bytes))
            return None

    def leave(self, key: Key) -> None:
        """A request admitted by ``enter`` has finished."""
        with self._lock:
            usage = self._usage.get(key)
            if usage is not None and usage.in_flight > 0:
                usage.in_flight -= 1

    def in_flight(self, key: Key) -> int:
        """How many requests of an app are running against a mailbox now."""
        with self._lock:
            usage = self._usage.get(key)
            return usage.in_flight if usage else 0

    def send_recipients(self, mailbox_id: str, count: int) -> bool:
        """Count a message's recipients against the mailbox's 24-hour limit; False when it would exceed it."""
        now = self.clock()
        window = self._seconds(RECIPIENT_WINDOW)
        with self._lock:
            sent = self._recipients.setdefault(mailbox_id, deque())
            while sent and sent[0][0] <= now - window:
                sent.popleft()
            if sum(n for _, n in sent) + count > MAX_RECIPIENTS_PER_DAY:
                return False
            sent.append((now, count))
            return True
