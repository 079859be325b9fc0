"""The outbox: a turn's replies are rows written in the turn's transaction, sent after commit.

A crash between commit and send leaves rows pending for the sweeper; a redelivered activity
sends its stored rows again instead of acting twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, delete, exists, func, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage, ProcessedActivity, SenderLease, utcnow

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
# A coalesced card is updated in place only while it is still near the bottom of the chat:
# posted again once the bot has said this many other things since, or after this long.
FAR_AFTER_MESSAGES = 4
FAR_AFTER = dt.timedelta(minutes=10)


async def claim_activity(
    session: AsyncSession, conversation_id: str, activity_id: str
) -> ProcessedActivity | None:
    """Mark an activity processed; None when it was new, the earlier row when it was seen.

    One INSERT … ON CONFLICT DO NOTHING: a concurrent delivery of the same activity finds the
    row taken and resends instead of acting."""
    values = {
        "conversation_id": conversation_id,
        "activity_id": activity_id,
        "processed_at": utcnow(),
    }
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
    result = await session.execute(
        insert_fn(ProcessedActivity)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["conversation_id", "activity_id"])
    )
    if result.rowcount:  # type: ignore[attr-defined]
        return None
    return await session.scalar(
        select(ProcessedActivity).where(
            ProcessedActivity.conversation_id == conversation_id,
            ProcessedActivity.activity_id == activity_id,
        )
    )


async def set_invoke_response(
    session: AsyncSession, conversation_id: str, activity_id: str, body: dict[str, Any] | None
) -> None:
    await session.execute(
        update(ProcessedActivity)
        .where(
            ProcessedActivity.conversation_id == conversation_id,
            ProcessedActivity.activity_id == activity_id,
        )
        .values(invoke_response=body)
    )


async def enqueue(
    session: AsyncSession,
    *,
    tenant_id: str | None,
    conversation_id: str,
    kind: str,
    payload: dict[str, Any],
    service_url: str | None,
    source_activity_id: str | None = None,
    reply_to_id: str | None = None,
    coalesce_key: str | None = None,
    delay: float = 0.0,
    update_delay: float = 1.0,
    claimed: bool = False,
    owner: str | None = None,
    fresh: bool = False,
    follow: bool = False,
) -> OutboxMessage:
    """Add a message. With a coalesce key, a card already waiting is replaced, and a card
    already posted is updated in place instead of posted again, unless `fresh` asks for a new
    post or, with `follow`, it is far up the chat: then it is posted anew and later updates go
    there."""
    now = utcnow()
    if coalesce_key is not None and fresh:
        await _drop_waiting_updates(session, coalesce_key)
    elif coalesce_key is not None:
        waiting = await session.scalar(
            select(OutboxMessage)
            .where(OutboxMessage.coalesce_key == coalesce_key, OutboxMessage.status == PENDING)
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )
        if waiting is not None:
            waiting.payload = payload
            return waiting
        posted = await session.scalar(
            select(OutboxMessage)
            .where(
                OutboxMessage.coalesce_key == coalesce_key,
                OutboxMessage.status.in_([SENDING, SENT]),
                OutboxMessage.kind != "update",
            )
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )
        if posted is not None and not (follow and await _far_up(session, posted, now)):
            # The target id is read at send time: the first post may still be in flight.
            kind = "update"
            # A short wait lets a burst of check-ins become one card update.
            delay = max(delay, update_delay)
    row = OutboxMessage(
        tenant_id=tenant_id,
        conversation_id=conversation_id,
        kind=kind,
        payload=payload,
        service_url=service_url,
        source_activity_id=source_activity_id,
        reply_to_id=reply_to_id,
        coalesce_key=coalesce_key,
        status=PENDING,
        next_attempt_at=now + dt.timedelta(seconds=delay),
    )
    if claimed and delay <= 0:
        # The writer sends it right after commit; the sweeper rescues it if that never happens.
        row.status = SENDING
        row.attempts = 1
        row.owner = owner
    session.add(row)
    await session.flush()
    return row


async def _far_up(session: AsyncSession, posted: OutboxMessage, now: dt.datetime) -> bool:
    """Whether the posted card is too far up the chat for its author to see an update."""
    if posted.created_at is not None and now - posted.created_at > FAR_AFTER:
        return True
    since = await session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(
            OutboxMessage.conversation_id == posted.conversation_id,
            OutboxMessage.id > posted.id,
            OutboxMessage.kind.in_(("reply", "send")),
            or_(
                OutboxMessage.coalesce_key.is_(None),
                OutboxMessage.coalesce_key != posted.coalesce_key,
            ),
        )
    )
    return int(since or 0) >= FAR_AFTER_MESSAGES


async def _drop_waiting_updates(session: AsyncSession, coalesce_key: str) -> None:
    """A fresh post shows the latest state: pending updates of the old card are moot."""
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.coalesce_key == coalesce_key,
            OutboxMessage.status == PENDING,
            OutboxMessage.kind == "update",
        )
        .values(status=SENT, last_error="superseded by a fresh card")
        .execution_options(synchronize_session=False)
    )


async def posted_activity(session: AsyncSession, coalesce_key: str) -> tuple[str, str] | None:
    """The Teams id and conversation of the card a coalesce key names, once it is posted (the
    latest post, when the card was posted afresh further down the chat)."""
    row = (
        await session.execute(
            select(
                OutboxMessage.sent_activity_id, OutboxMessage.conversation_id, OutboxMessage.status
            )
            .where(
                OutboxMessage.coalesce_key == coalesce_key,
                OutboxMessage.status != FAILED,
                OutboxMessage.kind != "update",
            )
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )
    ).first()
    if row is None or row[2] != SENT or row[0] is None:
        return None  # not posted yet (or a fresh post still on its way)
    return str(row[0]), str(row[1])


async def replies_of(
    session: AsyncSession, conversation_id: str, activity_id: str
) -> Sequence[OutboxMessage]:
    return (
        await session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.conversation_id == conversation_id,
                OutboxMessage.source_activity_id == activity_id,
            )
            .order_by(OutboxMessage.id)
        )
    ).all()


async def requeue(session: AsyncSession, rows: Sequence[OutboxMessage]) -> list[int]:
    """Send a redelivered activity's replies again: those sent or failed, and those stuck in
    "sending" under an owner whose lease lapsed (not those another live sender holds)."""
    ids = []
    for row in rows:
        stuck = row.status == SENDING and not await _alive(session, row.owner)
        if row.status in (SENT, FAILED) or stuck:
            row.status = PENDING
            row.attempts = 0
            row.owner = None
            row.next_attempt_at = utcnow()
        ids.append(row.id)
    return ids


# --- leases ----------------------------------------------------------------------------------

INSTANCE, CONVERSATION = "instance:", "conv:"


async def _alive(session: AsyncSession, owner: str | None) -> bool:
    if owner is None:
        return False
    expires = await session.scalar(
        select(SenderLease.expires_at).where(SenderLease.name == INSTANCE + owner)
    )
    return expires is not None and expires > utcnow()


async def take_lease(session: AsyncSession, name: str, owner: str, ttl: float) -> bool:
    """Take or renew a lease; True when `owner` holds it afterwards. A lease another owner
    holds is taken only once it has lapsed."""
    now = utcnow()
    until = now + dt.timedelta(seconds=ttl)
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert_fn(SenderLease).values(name=name, owner=owner, expires_at=until)
    stmt = stmt.on_conflict_do_update(
        index_elements=["name"],
        set_={"owner": owner, "expires_at": until},
        where=or_(SenderLease.owner == owner, SenderLease.expires_at < now),
    )
    await session.execute(stmt)
    holder = await session.scalar(
        select(SenderLease.owner)
        .where(SenderLease.name == name)
        .execution_options(populate_existing=True)
    )
    return holder == owner


async def renew_leases(session: AsyncSession, owner: str, ttl: float) -> set[str]:
    """The heartbeat: extend every lease `owner` still holds; the names it holds."""
    until = utcnow() + dt.timedelta(seconds=ttl)
    await session.execute(
        update(SenderLease)
        .where(SenderLease.owner == owner)
        .values(expires_at=until)
        .execution_options(synchronize_session=False)
    )
    return set(
        (await session.scalars(select(SenderLease.name).where(SenderLease.owner == owner))).all()
    )


async def drop_leases(session: AsyncSession, names: Sequence[str], owner: str) -> None:
    if names:
        await session.execute(
            delete(SenderLease).where(SenderLease.name.in_(list(names)), SenderLease.owner == owner)
        )


async def bury(session: AsyncSession, predecessor_prefix: str, me: str) -> None:
    """A process that restarted on the same host and port succeeds the one that ran there
    (a port has one listener): that one's leases go at once, its rows are reclaimed below."""
    await session.execute(
        delete(SenderLease).where(
            SenderLease.owner.startswith(predecessor_prefix, autoescape=True),
            SenderLease.owner != me,
        )
    )


async def reclaim(session: AsyncSession, stuck_after: float = 120.0) -> int:
    """Rows "sending" whose owner is no longer alive go back in the queue, at once; rows
    without an owner (written before leases) after `stuck_after` seconds."""
    now = utcnow()
    live = exists().where(
        SenderLease.name == literal(INSTANCE) + OutboxMessage.owner,
        SenderLease.expires_at > now,
    )
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == SENDING,
            or_(
                and_(OutboxMessage.owner.is_not(None), ~live),
                and_(
                    OutboxMessage.owner.is_(None),
                    OutboxMessage.next_attempt_at < now - dt.timedelta(seconds=stuck_after),
                ),
            ),
        )
        .values(status=PENDING, owner=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def claim(
    session: AsyncSession, message_id: int, owner: str | None = None
) -> OutboxMessage | None:
    """Take one due message for sending; None if another sender has it or it is not due."""
    now = utcnow()
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == PENDING,
            OutboxMessage.next_attempt_at <= now,
        )
        .values(
            status=SENDING, attempts=OutboxMessage.attempts + 1, next_attempt_at=now, owner=owner
        )
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return None
    return await session.get(OutboxMessage, message_id, populate_existing=True)


async def rescue_stuck(session: AsyncSession, stuck_after: float = 120.0) -> int:
    """Messages a crashed sender left half-sent go back in the queue."""
    stuck = utcnow() - dt.timedelta(seconds=stuck_after)
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == SENDING, OutboxMessage.next_attempt_at < stuck)
        .values(status=PENDING)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def due(session: AsyncSession, limit: int = 100, owner: str | None = None) -> list[int]:
    """Pending messages that are due (a read only: no write lock while idle), leaving out
    conversations another live sender holds the lease of."""
    now = utcnow()
    leased_elsewhere = exists().where(
        SenderLease.name == literal(CONVERSATION) + OutboxMessage.conversation_id,
        SenderLease.owner != (owner or ""),
        SenderLease.expires_at > now,
    )
    rows = await session.scalars(
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == PENDING,
            OutboxMessage.next_attempt_at <= now,
            ~leased_elsewhere,
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(rows.all())


async def mark_sent(
    session: AsyncSession,
    message_id: int,
    activity_id: str | None,
    conversation_id: str | None = None,
) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            status=SENT,
            sent_activity_id=activity_id,
            sent_conversation_id=conversation_id,
            sent_at=utcnow(),
            last_error=None,
        )
        .execution_options(synchronize_session=False)
    )


async def mark_retry(session: AsyncSession, message_id: int, delay: float, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(
            status=PENDING,
            next_attempt_at=utcnow() + dt.timedelta(seconds=delay),
            last_error=error[:2000],
            owner=None,
        )
        .execution_options(synchronize_session=False)
    )


async def mark_failed(session: AsyncSession, message_id: int, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=FAILED, last_error=error[:2000])
        .execution_options(synchronize_session=False)
    )


async def release(session: AsyncSession, message_id: int) -> None:
    """Hand a claimed row back untried: another instance holds its conversation's lease."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == SENDING)
        .values(
            status=PENDING,
            owner=None,
            attempts=OutboxMessage.attempts - 1,
            next_attempt_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )


async def prune(session: AsyncSession, outbox_days: int, processed_days: int) -> tuple[int, int]:
    """Retention: delivered or failed rows, and processed-activity ids, older than the given
    days go (0 keeps them). Rows still to be sent are never pruned."""
    now = utcnow()
    gone = [0, 0]
    if outbox_days > 0:
        result = await session.execute(
            delete(OutboxMessage).where(
                OutboxMessage.status.in_([SENT, FAILED]),
                OutboxMessage.created_at < now - dt.timedelta(days=outbox_days),
            )
        )
        gone[0] = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if processed_days > 0:
        result = await session.execute(
            delete(ProcessedActivity).where(
                ProcessedActivity.processed_at < now - dt.timedelta(days=processed_days)
            )
        )
        gone[1] = int(result.rowcount or 0)  # type: ignore[attr-defined]
    return gone[0], gone[1]
