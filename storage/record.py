"""Paragraphs (§), decisions, notes and assignments: the body's record."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    AgendaEntry,
    Assignment,
    Body,
    Decision,
    DecisionNote,
    Item,
    ItemAttachment,
    Jav,
    Meeting,
    Person,
)


class NumberTaken(Exception):
    """That § number has been given in this scope already; numbers are never reused."""


def number_scope(body: Body, meeting: Meeting) -> str:
    return f"m{meeting.id}" if body.numbering == "per_meeting" else str(meeting.date.year)


async def last_number(session: AsyncSession, body_id: int, scope: str) -> int:
    value = await session.scalar(
        select(func.max(Item.number)).where(Item.body_id == body_id, Item.number_scope == scope)
    )
    return int(value or 0)


async def add_paragraph(
    session: AsyncSession,
    body: Body,
    meeting: Meeting,
    *,
    title: str,
    number: int | None = None,
    created_by: int | None = None,
    attempts: int = 20,
    **fields: object,
) -> Item:
    """Create a §. Without a number it takes the next in the body's numbering.

    Uniqueness is the database's (body, scope, number) constraint: when two secretaries
    allocate at the same instant, the loser's insert fails in its savepoint and it takes the
    next number, so numbers stay unique and consecutive on SQLite and PostgreSQL alike."""
    scope = number_scope(body, meeting)
    if number is None and (await session.connection()).dialect.name == "postgresql":
        # Writers allocating in one body and scope take turns until their commit. Without
        # this, N overlapping transactions all try the same next number, only one wins each
        # round, and the last needs N attempts (more than `attempts`). The unique constraint
        # still decides; the retry below covers writers that do not take the lock.
        await session.execute(
            select(func.pg_advisory_xact_lock(body.id, zlib.crc32(scope.encode()) & 0x7FFFFFFF))
        )
    position = (
        int(
            await session.scalar(
                select(func.coalesce(func.max(Item.position), 0)).where(
                    Item.meeting_id == meeting.id
                )
            )
            or 0
        )
        + 1
    )
    for _ in range(attempts):
        chosen = number if number is not None else await last_number(session, body.id, scope) + 1
        item = Item(
            tenant_id=meeting.tenant_id,
            body_id=body.id,
            meeting_id=meeting.id,
            number=chosen,
            number_scope=scope,
            label=str(chosen),
            is_paragraph=True,
            position=position,
            title=title,
            created_by_person_id=created_by,
            **fields,
        )
        try:
            async with session.begin_nested():
                session.add(item)
                await session.flush()
            return item
        except IntegrityError:
            if number is not None:
                raise NumberTaken(str(number)) from None
            if item in session:
                session.expunge(item)
    raise RuntimeError("could not allocate a § number")


async def items_of(session: AsyncSession, meeting_id: int) -> Sequence[Item]:
    return (
        await session.scalars(
            select(Item).where(Item.meeting_id == meeting_id).order_by(Item.position, Item.id)
        )
    ).all()


async def find_paragraph(
    session: AsyncSession,
    body: Body,
    number: int,
    *,
    year: int | None = None,
    meeting_id: int | None = None,
    meeting_date: dt.date | None = None,
    prefer_scope: str | None = None,
) -> Item | None:
    stmt = (
        select(Item)
        .join(Meeting, Meeting.id == Item.meeting_id)
        .where(Item.body_id == body.id, Item.number == number)
    )
    if meeting_id is not None:
        stmt = stmt.where(Item.meeting_id == meeting_id)
    if meeting_date is not None:
        stmt = stmt.where(Meeting.date == meeting_date)
    if year is not None:
        stmt = stmt.where(
            Meeting.date >= dt.date(year, 1, 1), Meeting.date <= dt.date(year, 12, 31)
        )
    if prefer_scope is not None:
        hit = await session.scalar(stmt.where(Item.number_scope == prefer_scope).limit(1))
        if hit is not None:
            return hit
    # Otherwise the most recent § with that number.
    return await session.scalar(stmt.order_by(Meeting.date.desc(), Item.id.desc()).limit(1))


async def decisions_of(
    session: AsyncSession, item_id: int, *, include_old: bool = False
) -> Sequence[Decision]:
    stmt = select(Decision).where(Decision.item_id == item_id)
    if not include_old:
        stmt = stmt.where(Decision.status == "valid")
    return (await session.scalars(stmt.order_by(Decision.position, Decision.id))).all()


async def add_decision(
    session: AsyncSession,
    item: Item,
    *,
    phrase: str | None,
    clauses: list[str],
    recorded_by: int | None,
    source: str,
    activity_id: str | None = None,
    text: str | None = None,
    reported_by_body: str | None = None,
) -> Decision:
    position = (
        int(
            await session.scalar(
                select(func.coalesce(func.max(Decision.position), 0)).where(
                    Decision.item_id == item.id
                )
            )
            or 0
        )
        + 1
    )
    decision = Decision(
        tenant_id=item.tenant_id,
        item_id=item.id,
        meeting_id=item.meeting_id,
        position=position,
        phrase=phrase,
        clauses=list(clauses),
        text=text,
        reported_by_body=reported_by_body,
        recorded_by_person_id=recorded_by,
        source=source,
        source_activity_id=activity_id,
    )
    session.add(decision)
    await session.flush()
    return decision


async def notes_of(session: AsyncSession, decision_ids: Sequence[int]) -> Sequence[DecisionNote]:
    if not decision_ids:
        return []
    return (
        await session.scalars(
            select(DecisionNote)
            .where(DecisionNote.decision_id.in_(list(decision_ids)))
            .order_by(DecisionNote.id)
        )
    ).all()


async def attachments_of(session: AsyncSession, item_id: int) -> Sequence[ItemAttachment]:
    return (
        await session.scalars(
            select(ItemAttachment)
            .where(ItemAttachment.item_id == item_id)
            .order_by(ItemAttachment.id)
        )
    ).all()


async def jav_of(session: AsyncSession, item_id: int) -> Sequence[Person]:
    return (
        await session.scalars(
            select(Person)
            .join(Jav, Jav.person_id == Person.id)
            .where(Jav.item_id == item_id)
            .order_by(Jav.id)
        )
    ).all()


async def assignments_of_item(session: AsyncSession, item_id: int) -> Sequence[Assignment]:
    return (
        await session.scalars(
            select(Assignment).where(Assignment.item_id == item_id).order_by(Assignment.id)
        )
    ).all()


async def agenda(session: AsyncSession, meeting_id: int) -> Sequence[AgendaEntry]:
    return (
        await session.scalars(
            select(AgendaEntry)
            .where(AgendaEntry.meeting_id == meeting_id)
            .order_by(AgendaEntry.position)
        )
    ).all()


@dataclass
class AssignmentRow:
    assignment: Assignment
    body: Body
    item: Item | None
    meeting: Meeting | None


async def assignments(
    session: AsyncSession,
    tenant_id: str,
    *,
    body_ids: Sequence[int] | None = None,
    person_id: int | None = None,
    status: str | None = "open",
    due_before: dt.date | None = None,
) -> list[AssignmentRow]:
    stmt = (
        select(Assignment, Body, Item, Meeting)
        .join(Body, Body.id == Assignment.body_id)
        .outerjoin(Item, Item.id == Assignment.item_id)
        .outerjoin(Meeting, Meeting.id == Assignment.meeting_id)
        .where(Assignment.tenant_id == tenant_id)
    )
    if body_ids is not None:
        stmt = stmt.where(Assignment.body_id.in_(list(body_ids)))
    if person_id is not None:
        stmt = stmt.where(Assignment.assignee_person_id == person_id)
    if status is not None:
        stmt = stmt.where(Assignment.status == status)
    if due_before is not None:
        stmt = stmt.where(Assignment.due_date.is_not(None), Assignment.due_date < due_before)
    rows = (
        await session.execute(
            stmt.order_by(Assignment.due_date.is_(None), Assignment.due_date, Assignment.id)
        )
    ).all()
    return [AssignmentRow(a, b, i, m) for a, b, i, m in rows]
