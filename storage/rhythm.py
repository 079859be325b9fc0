"""Between meetings: the planned meetings of a body, their draft agendas, the posts the
scheduler owes (kallelse, återkoppling, reminders) and the answers given on assignments.

A scheduled post is one row with a due time and our own idempotency key (`key`, unique):
whoever inserts it first owns it, and whoever claims it first sends it. PostgreSQL claims with
row locks (FOR UPDATE SKIP LOCKED), so several instances never wait on each other; SQLite has
one writer at a time and claims with a conditional update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Assignment, Base, Meeting, OutboxMessage, utcnow

# Kallelse modes: a draft to the chair and secretary, posted straight away, or none.
DRAFT, AUTO, OFF = "draft", "auto", "off"
DEFAULT_KALLELSE_DAYS = 5

# Scheduled post statuses.
PENDING, QUEUED, SENT, DROPPED, FAILED, CANCELLED, SKIPPED = (
    "pending",
    "queued",
    "sent",
    "dropped",
    "failed",
    "cancelled",
    "skipped",
)
MAX_POST_ATTEMPTS = 3


# The scheduler's polls look for open assignments due soon and open meetings; these indexes
# keep an idle pass cheap on a large record (they belong to tables of storage/models.py).
Index("ix_assignment_status_due", Assignment.status, Assignment.due_date)
Index("ix_meeting_status", Meeting.status)


class BodyRhythm(Base):
    """A body's between-meetings settings (`organ kallelse: 3 dagar | av | automatiskt`)."""

    __tablename__ = "body_rhythm"
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), primary_key=True)
    kallelse_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_KALLELSE_DAYS)
    kallelse_mode: Mapped[str] = mapped_column(String(20), default=DRAFT)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PlannedMeeting(Base):
    """A meeting on the body's plan (`mötesplan`, `nästa möte`); held once a meeting opens
    within a week of it."""

    __tablename__ = "planned_meeting"
    __table_args__ = (Index("ix_planned_meeting_body_start", "body_id", "starts_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime | None]
    # As written: "i Eken", "fysiskt i Eken", "Teams".
    place: Mapped[str | None] = mapped_column(String(300))
    # planned | held | cancelled | proposed (from an imported protocol, waiting for a click)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    kallelse_sent_at: Mapped[dt.datetime | None]
    source: Mapped[str] = mapped_column(String(20), default="chat")
    created_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PlannedAgendaItem(Base):
    """`till nästa möte: …`: an item of a planned meeting's draft agenda."""

    __tablename__ = "planned_agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    planned_meeting_id: Mapped[int] = mapped_column(ForeignKey("planned_meeting.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ScheduledPost(Base):
    """A post the scheduler owes, with its due time and our idempotency key."""

    __tablename__ = "scheduled_post"
    __table_args__ = (Index("ix_scheduled_post_status_next", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    # kallelse | aterkoppling | reminder
    kind: Mapped[str] = mapped_column(String(30))
    due_at: Mapped[dt.datetime]
    # Past this (the meeting's start) a missed post is dropped, not sent late.
    deadline_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(20), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime]
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    planned_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("planned_meeting.id"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # The outbox rows of the current attempt (one per recipient).
    outbox_ids: Mapped[list[Any] | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AssignmentNote(Base):
    """An answer on an assignment (återkoppling): klar, pågår, till nästa möte, or a note."""

    __tablename__ = "assignment_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"))
    # klar | pagar | nasta | note
    status: Mapped[str] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# --- settings and plans ----------------------------------------------------------------------


async def rhythm_of(session: AsyncSession, body_id: int) -> BodyRhythm:
    row = await session.get(BodyRhythm, body_id)
    return row or BodyRhythm(
        body_id=body_id, kallelse_days=DEFAULT_KALLELSE_DAYS, kallelse_mode=DRAFT
    )


async def set_rhythm(session: AsyncSession, body_id: int, **values: Any) -> BodyRhythm:
    row = await session.get(BodyRhythm, body_id)
    if row is None:
        row = BodyRhythm(body_id=body_id, kallelse_days=DEFAULT_KALLELSE_DAYS, kallelse_mode=DRAFT)
        session.add(row)
    for name, value in values.items():
        setattr(row, name, value)
    await session.flush()
    return row


async def planned_meetings(
    session: AsyncSession, body_id: int, *, after: dt.datetime | None = None
) -> Sequence[PlannedMeeting]:
    stmt = select(PlannedMeeting).where(
        PlannedMeeting.body_id == body_id, PlannedMeeting.status == "planned"
    )
    if after is not None:
        stmt = stmt.where(PlannedMeeting.starts_at > after)
    return (await session.scalars(stmt.order_by(PlannedMeeting.starts_at))).all()


async def next_planned(
    session: AsyncSession, body_id: int, now: dt.datetime
) -> PlannedMeeting | None:
    found = await planned_meetings(session, body_id, after=now)
    return found[0] if found else None


async def agenda_of(session: AsyncSession, planned_id: int) -> Sequence[PlannedAgendaItem]:
    return (
        await session.scalars(
            select(PlannedAgendaItem)
            .where(PlannedAgendaItem.planned_meeting_id == planned_id)
            .order_by(PlannedAgendaItem.id)
        )
    ).all()


# --- scheduled posts -------------------------------------------------------------------------


async def add_post(session: AsyncSession, **values: Any) -> bool:
    """Insert a post unless one with its key exists (any instance may try): True if added."""
    values.setdefault("next_attempt_at", values["due_at"])
    values.setdefault("status", PENDING)
    values.setdefault("attempts", 0)
    values.setdefault("late", False)
    values.setdefault("created_at", utcnow())
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
    result = await session.execute(
        insert_fn(ScheduledPost).values(**values).on_conflict_do_nothing(index_elements=["key"])
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def cancel_pending(
    session: AsyncSession, *, planned_meeting_id: int, kind: str, keep_key: str | None = None
) -> int:
    stmt = (
        update(ScheduledPost)
        .where(
            ScheduledPost.planned_meeting_id == planned_meeting_id,
            ScheduledPost.kind == kind,
            ScheduledPost.status == PENDING,
        )
        .values(status=CANCELLED)
        .execution_options(synchronize_session=False)
    )
    if keep_key is not None:
        stmt = stmt.where(ScheduledPost.key != keep_key)
    result = await session.execute(stmt)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def claim_due(
    session: AsyncSession, now: dt.datetime, limit: int = 20
) -> list[ScheduledPost]:
    """Take the due posts for this transaction. What another instance holds is skipped."""
    base = (
        select(ScheduledPost)
        .where(ScheduledPost.status == PENDING, ScheduledPost.next_attempt_at <= now)
        .order_by(ScheduledPost.next_attempt_at, ScheduledPost.id)
        .limit(limit)
    )
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    if dialect == "postgresql":
        return list((await session.scalars(base.with_for_update(skip_locked=True))).all())
    claimed = []
    for row in (await session.scalars(base)).all():
        result = await session.execute(
            update(ScheduledPost)
            .where(ScheduledPost.id == row.id, ScheduledPost.status == PENDING)
            .values(status=QUEUED)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            row.status = QUEUED
            claimed.append(row)
    return claimed


async def queued_posts(session: AsyncSession, limit: int = 100) -> list[ScheduledPost]:
    """Posts handed to the outbox whose outcome is not settled yet. On PostgreSQL they are
    locked for this transaction (another instance settling them is skipped), so a stale read
    never puts back a post that was meanwhile claimed again."""
    stmt = (
        select(ScheduledPost)
        .where(ScheduledPost.status == QUEUED)
        .order_by(ScheduledPost.id)
        .limit(limit)
    )
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    if dialect == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    return list((await session.scalars(stmt)).all())


async def outbox_states(
    session: AsyncSession, ids: Sequence[int]
) -> dict[int, tuple[str, str | None, str]]:
    """Outbox rows by id: (status, last error, conversation)."""
    if not ids:
        return {}
    rows = await session.execute(
        select(
            OutboxMessage.id,
            OutboxMessage.status,
            OutboxMessage.last_error,
            OutboxMessage.conversation_id,
        ).where(OutboxMessage.id.in_(list(ids)))
    )
    return {int(i): (str(s), e, str(c)) for i, s, e, c in rows.all()}


async def posts_of_body(
    session: AsyncSession, body_id: int, limit: int = 30
) -> Sequence[ScheduledPost]:
    return (
        await session.scalars(
            select(ScheduledPost)
            .where(ScheduledPost.body_id == body_id, ScheduledPost.status != CANCELLED)
            .order_by(ScheduledPost.due_at.desc(), ScheduledPost.id.desc())
            .limit(limit)
        )
    ).all()


async def notes_of_assignment(
    session: AsyncSession, assignment_id: int
) -> Sequence[AssignmentNote]:
    return (
        await session.scalars(
            select(AssignmentNote)
            .where(AssignmentNote.assignment_id == assignment_id)
            .order_by(AssignmentNote.id)
        )
    ).all()
