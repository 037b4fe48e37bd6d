"""The campaign run: reconcile, prepare drafts ahead, send each on its slot, report every step as an event.

``Campaign(journal, ...).run()`` is a generator of ``events``. Drafts are prepared by up to three
workers ahead of the pace (four in drafts-only mode, where nothing is sent), the main loop sends
them in plan order on the scheduler's slots, and every request takes one of the scheduler's four
slots. Before a send the row is committed as ``sending``; after the 202 as ``sent``. An answer lost
on the way back is settled by looking the draft up: still a draft means not sent (the same draft is
sent again, which Exchange never delivers twice); gone means sent. Errors that concern every row
(a missing right, the daily limit, a mailbox that is not in the cloud, a lost connection) stop the
run with their reason; the campaign resumes from the journal.
"""

from __future__ import annotations

import logging
import queue
import random
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from securemailmerge.campaign import journal as states
from securemailmerge.campaign.bounces import BounceReader
from securemailmerge.campaign.control import RECOVERIES, RECOVERY_WAIT, Control, recoverable, stops_campaign
from securemailmerge.campaign.drafts import Drafter, Prepared, deferred_time
from securemailmerge.campaign.events import (
    Cancelled,
    Event,
    Finished,
    Paused,
    Resumed,
    RowDrafted,
    RowFailed,
    RowScheduled,
    RowSent,
    Started,
    Stopped,
    Waiting,
)
from securemailmerge.campaign.journal import Journal, JournalRow
from securemailmerge.campaign.modes import DRAFTS, NOW, SCHEDULED
from securemailmerge.campaign.pacing import DAY, Scheduler, pacing_from
from securemailmerge.campaign.plan import Renderer, RowMessage
from securemailmerge.campaign.reconcile import Reconciler
from securemailmerge.campaign.sender import TEMPLATE_KEY, Mailbox, row_tag, transient
from securemailmerge.campaign.suppression import DoNotContact
from securemailmerge.errors import GraphError, NetworkError, SecureMailMergeError
from securemailmerge.i18n import translate
from securemailmerge.m365.connection import Connection
from securemailmerge.m365.graph import GraphClient
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryEvent

log = logging.getLogger(__name__)

SEND_TRIES = 6
GraphMaker = Callable[[Callable[[RetryEvent], None], Callable[[float], None]], GraphClient]


def graphs_of(connection: Connection) -> GraphMaker:
    """Graph clients over a signed-in connection, each with the campaign's retry hook and sleep."""

    def make(on_retry: Callable[[RetryEvent], None], sleep: Callable[[float], None]) -> GraphClient:
        return GraphClient(
            connection.http,
            connection.graph.base_url,
            connection.session,
            factory=connection.factory,
            on_retry=on_retry,
            sleep=sleep,
        )

    return make


@dataclass
class _Pending:
    row: JournalRow
    message: RowMessage
    send_at: float | None
    future: Future[Prepared]


class Campaign:
    """One run of a campaign over its journal."""

    def __init__(
        self,
        journal: Journal,
        make_graph: GraphMaker,
        factory: HttpFactory | None = None,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        control: Control | None = None,
        rng: random.Random | None = None,
        ahead: int = 8,
        grace: float = 600.0,
        bounce_every: float = 120.0,
        dnc: DoNotContact | None = None,
    ) -> None:
        self.journal = journal
        self.settings = journal.settings()
        self.mode: str = self.settings.get("mode", NOW)
        self.clock = clock
        self.sleep = sleep
        self.control = control or Control()
        self.grace = grace
        self.ahead = ahead
        self.scheduler = Scheduler(
            pacing_from(self.settings),
            clock=clock,
            sleep=sleep,
            rng=rng,
            history=journal.sends_since(clock() - DAY),
        )
        self._events: queue.SimpleQueue[Event] = queue.SimpleQueue()
        self.mailbox = Mailbox(make_graph(self._on_retry, sleep), factory, self.scheduler)
        self.renderer = Renderer(self.settings)
        self.campaign_id: str = self.settings["id"]
        self.drafter = Drafter(self.mailbox, journal, self.campaign_id)
        self.uploaded = 0
        self.bounces = BounceReader(journal, self.mailbox, dnc)
        self.bounce_every = bounce_every
        self._last_bounce_check = clock()

    def _on_retry(self, event: RetryEvent) -> None:
        self.scheduler.on_retry(event)
        self._events.put(event)

    def _drain(self) -> Iterator[Event]:
        while True:
            try:
                yield self._events.get_nowait()
            except queue.Empty:
                return

    def run(self) -> Generator[Event, None, None]:
        """Reconcile, then prepare and send every open row; yields each step (see ``events``)."""
        counts = self.journal.counts()
        pending = sum(counts[s] for s in (states.PLANNED, states.DRAFTED, states.READY, states.SENDING))
        mailbox = self.settings.get("sender") or self.settings.get("mailbox") or ""
        yield Started(self.campaign_id, sum(counts.values()), pending, mailbox, self.mode, dict(counts))
        self.journal.set_setting("status", "running")
        recoveries = 0
        while True:
            try:
                if self.journal.setting("started"):
                    yield from self._reconcile()
                self.journal.set_setting("started", True)
                yield from self._loop()
                return
            except SecureMailMergeError as error:
                if not stops_campaign(error):
                    raise
                yield from self._drain()
                if not recoverable(error) or recoveries >= RECOVERIES or self.control.cancelled:
                    yield self._stopped(error)
                    return
                recoveries += 1
                # A lost connection or a storm of throttling passes: wait, then settle and go on.
                until = self.clock() + RECOVERY_WAIT * 2 ** (recoveries - 1)
                log.info("The run waits after %s", type(error).__name__)
                yield Waiting(until, "connection")
                self.scheduler.wait_until(until, lambda: self.control.cancelled)

    def _reconcile(self) -> Iterator[Event]:
        yield from Reconciler(
            self.journal,
            self.mailbox,
            self.renderer,
            self.campaign_id,
            clock=self.clock,
            sleep=self.sleep,
            grace=self.grace,
        ).run(lambda: self.control.cancelled)
        yield from self._drain()

    def _stopped(self, error: SecureMailMergeError) -> Stopped:
        code = getattr(error, "code", None) or type(error).__name__
        self.journal.set_setting("status", "stopped")
        self.journal.set_setting("stop_reason", str(error))
        return Stopped(str(code), str(error))

    def _loop(self) -> Iterator[Event]:
        rows = iter(list(self.journal.rows((states.PLANNED, states.DRAFTED, states.READY))))
        first = next(iter(self.journal.rows((states.PLANNED, states.DRAFTED))), None)
        if first is not None:
            self.uploaded += self.drafter.ensure_template(self.renderer.message(first.key, first.recipient))
        workers = 4 if self.mode == DRAFTS else 3
        # Nothing waits on a pace in drafts only, so more rows may be in the workers' hands at once.
        ahead = self.ahead * 4 if self.mode == DRAFTS else self.ahead
        queued: deque[_Pending] = deque()
        executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="draft")
        try:
            while True:
                while len(queued) < ahead and not self.control.paused and not self.control.cancelled:
                    row = next(rows, None)
                    if row is None:
                        break
                    queued.append(self._submit(executor, row))
                yield from self._drain()
                if self.control.cancelled:
                    yield from self._cancel(executor, queued)
                    return
                if self.control.paused:
                    yield from self._pause()
                    continue
                if not queued:
                    break
                item = queued[0]
                if not self._wait(item.future.done):
                    continue
                queued.popleft()
                yield from self._finish_row(item)
                stop = None if self.mode == DRAFTS else (yield from self._check_bounces())
                if stop is not None:
                    executor.shutdown(wait=True, cancel_futures=True)
                    yield from self._drain()
                    yield stop
                    return
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
        self._remove_template()
        if self.mode != DRAFTS:
            stop = yield from self._check_bounces(force=True)
            if stop is not None:
                yield stop
                return
        self.journal.set_setting("status", "finished")
        yield from self._drain()
        yield Finished(self.journal.counts())

    def _check_bounces(self, *, force: bool = False) -> Generator[Event, None, Paused | None]:
        """Look for reports now and then; a daily-limit report pauses the run instead of bouncing more."""
        if not force and self.clock() - self._last_bounce_check < self.bounce_every:
            return None
        self._last_bounce_check = self.clock()
        found = self.bounces.check()
        yield from found.bounced
        if not found.limit_reached:
            return None
        reason = translate(
            "Campaign",
            "Paused: Exchange reports that your mailbox reached its daily limit for recipients (5.1.90). "
            "Resume the campaign tomorrow.",
        )
        self.journal.set_setting("status", "paused")
        self.journal.set_setting("stop_reason", reason)
        return Paused(reason)

    def _submit(self, executor: ThreadPoolExecutor, row: JournalRow) -> _Pending:
        message = self.renderer.message(row.key, row.recipient)
        send_at = None
        if self.mode == SCHEDULED:
            earliest = row.schedule_at or self.settings.get("send_at")
            send_at = self.scheduler.reserve(row.recipients, earliest).at
        future: Future[Prepared]
        if row.state == states.READY and row.message_id:
            future = Future()
            future.set_result(Prepared(row.key, row.message_id, row.internet_message_id, 0))
        else:
            future = executor.submit(self.drafter.prepare, row, message, deferred_time(send_at))
        return _Pending(row, message, send_at, future)

    def _wait(self, done: Callable[[], bool]) -> bool:
        """Wait a little for ``done``; False when the run should look at its controls first."""
        for _ in range(10):
            if done():
                return True
            if self.control.cancelled or self.control.paused or not self._events.empty():
                return False
            time.sleep(0.02)
        return done()

    def _pause(self) -> Iterator[Event]:
        self.journal.set_setting("status", "paused")
        yield Paused(translate("Campaign", "Paused at your request."))
        while self.control.paused and not self.control.cancelled:
            time.sleep(0.05)
        if not self.control.cancelled:
            self.journal.set_setting("status", "running")
            yield Resumed()

    def _finish_row(self, item: _Pending) -> Iterator[Event]:
        """Send (or keep) one prepared row; raises the errors that stop the run."""
        row = item.row
        try:
            prepared = item.future.result()
        except SecureMailMergeError as error:
            if stops_campaign(error):
                raise
            yield self._failed(row, error)
            return
        self.uploaded += prepared.uploaded
        if self.mode == DRAFTS:
            yield RowDrafted(row.key, row.row, prepared.message_id)
            return
        if self.mode == NOW:
            slot = self.scheduler.reserve(row.recipients)
            if slot.waited_for in {"daily-cap", "window"}:
                yield Waiting(slot.at, slot.waited_for)
            while not self.scheduler.wait_until(
                slot.at, lambda: self.control.cancelled or self.control.paused
            ):
                if self.control.cancelled:
                    return
                yield from self._pause()
        try:
            event = self._send(row, item.message, prepared, item.send_at)
        except SecureMailMergeError as error:
            if stops_campaign(error):
                if not recoverable(error):
                    self.journal.update(row.key, states.READY)  # refused: it did not leave
                raise
            yield self._failed(row, error)
            return
        yield event

    def _send(self, row: JournalRow, message: RowMessage, prepared: Prepared, send_at: float | None) -> Event:
        message_id = prepared.message_id
        for attempt in range(1, SEND_TRIES + 1):
            sent_at = send_at if send_at is not None else self.clock()
            self.journal.update(row.key, states.SENDING, message_id=message_id, sent_at=sent_at)
            try:
                self.mailbox.send(message_id)
            except (GraphError, NetworkError) as error:
                if isinstance(error, GraphError) and error.code == "ErrorInvalidOperation":
                    # Exchange refuses to send an item twice: an earlier try of this send went through.
                    log.info("The draft was sent already")
                elif not transient(error) or attempt == SEND_TRIES:
                    raise
                else:
                    draft = self.drafter.adopt(row_tag(message))
                    if draft is not None:
                        message_id = draft.id
                        continue
                    log.info("A send got no clear answer and its draft has left Drafts: it was accepted")
            if send_at is not None and send_at > self.clock():
                self.journal.update(row.key, states.SCHEDULED, message_id=message_id)
                return RowScheduled(row.key, row.row, message_id, send_at)
            self.journal.update(row.key, states.SENT, message_id=message_id)
            return RowSent(row.key, row.row, message_id, sent_at)
        raise AssertionError("the loop returns or raises")

    def _failed(self, row: JournalRow, error: SecureMailMergeError) -> RowFailed:
        code = getattr(error, "code", None) or type(error).__name__
        self.journal.update(row.key, states.FAILED, code=str(code), reason=str(error))
        return RowFailed(row.key, row.row, str(code), str(error))

    def _cancel(self, executor: ThreadPoolExecutor, queued: deque[_Pending]) -> Iterator[Event]:
        executor.shutdown(wait=True, cancel_futures=True)
        deleted, left = 0, []
        for row in self.journal.rows((states.DRAFTED, states.READY)):
            if not row.message_id:
                continue
            try:
                self.mailbox.delete(row.message_id)
                deleted += 1
                self.journal.update(row.key, states.PLANNED, message_id=None, internet_message_id=None)
            except SecureMailMergeError:
                left.append(row.message_id)
        self._remove_template()
        self.journal.set_setting("status", "cancelled")
        yield from self._drain()
        yield Cancelled(deleted, tuple(left))

    def _remove_template(self) -> None:
        """Delete the template draft and any leftover copy of it once no row needs it."""
        if self.journal.setting("template_draft") is None:
            return
        try:
            for found in self.mailbox.find("drafts", self.campaign_id, TEMPLATE_KEY):
                self.mailbox.delete(found.id)
            self.journal.set_setting("template_draft", None)
        except SecureMailMergeError as error:
            log.info("The template draft could not be removed: %s", type(error).__name__)
