"""The scheduler: one loop inside the service that sends what is due between meetings.

Posts live in a due-time table (storage/rhythm.ScheduledPost), not in timers, so they survive
restarts and several instances can share one PostgreSQL: each due post is claimed in the
database (FOR UPDATE SKIP LOCKED there; a conditional update on SQLite) in the same transaction
that writes its messages to the outbox, so it is handed to the outbox exactly once and the
outbox sends each message once (a duplicate only if Teams took a post and its answer was lost).

A post missed while the service was down is sent when it comes back, marked late, unless its
meeting has started; then it is dropped and recorded. A post the Bot Connector refuses is
recorded failed with the reason and tried again with backoff, at most MAX_POST_ATTEMPTS times;
`påminnelser` shows all of it. Time comes from an injected clock.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.sender import Deliverer, Sweeper
from bot.turns import reply_payload
from dialogs import scheduled
from storage import outbox, rhythm
from storage.clock import Clock
from storage.db import Database
from storage.models import OutboxMessage
from storage.rhythm import PlannedMeeting, ScheduledPost

logger = logging.getLogger(__name__)

LATE_AFTER = dt.timedelta(minutes=15)  # a post claimed this long after its due time is late
RETRY_BASE = dt.timedelta(minutes=5)


def retry_delay(attempts: int) -> dt.timedelta:
    return RETRY_BASE * (2 ** max(0, attempts - 1))


class Scheduler(Sweeper):
    """The outbox sweeper's loop (start, poke, stop), with a pass of its own."""

    def __init__(
        self, db: Database, deliverer: Deliverer, clock: Clock, interval: float = 10.0
    ) -> None:
        super().__init__(db, deliverer, interval)
        self._clock = clock
        self.claimed = 0  # posts this instance claimed (for tests and logs)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="scheduler")

    async def run_once(self) -> int:
        """One pass: add posts that follow from the record, send what is due, settle what the
        outbox did with earlier ones. Returns the number of outbox messages written."""
        now = self._clock.now()
        async with self._db.read() as session:
            discover = await scheduled.anything_to_discover(session, now)
            due = await session.scalar(
                select(ScheduledPost.id)
                .where(ScheduledPost.status == rhythm.PENDING, ScheduledPost.next_attempt_at <= now)
                .limit(1)
            )
            queued = await session.scalar(
                select(ScheduledPost.id).where(ScheduledPost.status == rhythm.QUEUED).limit(1)
            )
        if discover:
            async with self._db.transaction() as session:
                await scheduled.discover(session, now)
            due = True
        written: list[int] = []
        if due:
            async with self._db.transaction() as session:
                for post in await rhythm.claim_due(session, now):
                    self.claimed += 1
                    post_id, key = post.id, post.key
                    try:
                        async with session.begin_nested():
                            written += await self._send(session, post, now)
                    except Exception as exc:
                        # One post that cannot be built must not hold up the others.
                        logger.exception("scheduled post %s could not be built", key)
                        await session.execute(
                            update(ScheduledPost)
                            .where(ScheduledPost.id == post_id)
                            .values(status=rhythm.FAILED, last_error=f"internt fel: {exc!r}"[:2000])
                            .execution_options(synchronize_session=False)
                        )
        if written:
            await self._deliverer.deliver(written)
        if queued or written:
            async with self._db.transaction() as session:
                await self._settle(session, now)
        return len(written)

    async def _send(
        self, session: AsyncSession, post: ScheduledPost, now: dt.datetime
    ) -> list[int]:
        post.attempts += 1
        post.late = post.late or (now - post.due_at > LATE_AFTER)
        built = await scheduled.build(session, post, now)
        if built.outcome != "send":
            post.status = rhythm.DROPPED if built.outcome == "drop" else rhythm.SKIPPED
            post.last_error = built.reason
            level = logging.WARNING if built.outcome == "drop" else logging.INFO
            logger.log(level, "scheduled post %s (%s): %s", post.key, built.outcome, built.reason)
            return []
        earlier = [int(i) for i in post.outbox_ids or []]
        delivered = set()
        if earlier:
            delivered = set(
                (
                    await session.scalars(
                        select(OutboxMessage.conversation_id).where(
                            OutboxMessage.id.in_(earlier), OutboxMessage.status == outbox.SENT
                        )
                    )
                ).all()
            )
        ids = []
        for reply, target in built.messages:
            if target.conversation_id in delivered:
                continue  # a retry goes only where the last attempt failed
            payload = reply_payload(reply, "sv")
            payload["idempotency_key"] = f"{post.key}#{post.attempts}"
            if target.new_thread:
                payload["channel_id"] = target.conversation_id
            row = await outbox.enqueue(
                session,
                tenant_id=post.tenant_id,
                conversation_id=target.conversation_id,
                kind="create_thread" if target.new_thread else "send",
                payload=payload,
                service_url=target.service_url,
            )
            ids.append(row.id)
        post.status = rhythm.QUEUED
        post.outbox_ids = earlier + ids
        post.last_error = None
        return ids

    async def _settle(self, session: AsyncSession, now: dt.datetime) -> None:
        for post in await rhythm.queued_posts(session):
            states = await rhythm.outbox_states(session, [int(i) for i in post.outbox_ids or []])
            if any(s in (outbox.PENDING, outbox.SENDING) for s, _, _ in states.values()):
                continue  # the outbox is still at it
            sent = {c for s, _, c in states.values() if s == outbox.SENT}
            refused = [
                (c, e) for s, e, c in states.values() if s == outbox.FAILED and c not in sent
            ]
            if not refused:
                post.status = rhythm.SENT
                post.sent_at = now
                if post.kind == "kallelse" and post.key.endswith(":" + rhythm.AUTO):
                    plan = await session.get(PlannedMeeting, post.planned_meeting_id)
                    if plan is not None and plan.kallelse_sent_at is None:
                        plan.kallelse_sent_at = now
                continue
            reason = refused[-1][1] or "okänt fel"
            post.last_error = reason[:2000]
            if post.attempts >= rhythm.MAX_POST_ATTEMPTS:
                post.status = rhythm.FAILED
                logger.error("scheduled post %s failed for good: %s", post.key, reason)
            else:
                post.status = rhythm.PENDING
                post.next_attempt_at = now + retry_delay(post.attempts)
                logger.warning(
                    "scheduled post %s refused (%s); retry at %s",
                    post.key,
                    reason,
                    post.next_attempt_at,
                )
