"""Meetings and who attended them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Attendance, Jav, Meeting, Membership, Person, utcnow


async def open_meeting_in(
    session: AsyncSession, body_id: int, conversation_id: str
) -> Meeting | None:
    return await session.scalar(
        select(Meeting)
        .where(
            Meeting.body_id == body_id,
            Meeting.conversation_id == conversation_id,
            Meeting.status == "open",
        )
        .order_by(Meeting.id.desc())
        .limit(1)
    )


async def latest_meeting(
    session: AsyncSession, body_id: int, conversation_id: str | None = None
) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.body_id == body_id)
    if conversation_id is not None:
        stmt = stmt.where(Meeting.conversation_id == conversation_id)
    return await session.scalar(stmt.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(1))


async def meeting_by_teams_id(
    session: AsyncSession, tenant_id: str, teams_meeting_id: str
) -> Meeting | None:
    return await session.scalar(
        select(Meeting)
        .where(Meeting.tenant_id == tenant_id, Meeting.teams_meeting_id == teams_meeting_id)
        .order_by(Meeting.id.desc())
        .limit(1)
    )


async def meetings_on(session: AsyncSession, body_id: int, date: dt.date) -> Sequence[Meeting]:
    return (
        await session.scalars(
            select(Meeting)
            .where(Meeting.body_id == body_id, Meeting.date == date)
            .order_by(Meeting.id)
        )
    ).all()


async def attendance_of(
    session: AsyncSession, meeting_id: int, person_id: int
) -> Attendance | None:
    return await session.scalar(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    )


async def set_attendance(
    session: AsyncSession,
    meeting_id: int,
    person_id: int,
    *,
    source: str,
    recorded_by: int | None,
    **fields: object,
) -> tuple[Attendance, dict[str, object] | None]:
    """Create or change one person's attendance; returns it and its fields before the change."""
    row = await attendance_of(session, meeting_id, person_id)
    before: dict[str, object] | None = None
    if row is None:
        row = Attendance(
            meeting_id=meeting_id,
            person_id=person_id,
            source=source,
            recorded_by_person_id=recorded_by,
        )
        for key, value in fields.items():
            setattr(row, key, value)
        if row.status is None:
            row.status = "present"
        session.add(row)
    else:
        before = attendance_snapshot(row)
        for key, value in fields.items():
            setattr(row, key, value)
        row.source = source
        row.recorded_by_person_id = recorded_by
        row.updated_at = utcnow()
    await session.flush()
    return row, before


def attendance_snapshot(row: Attendance) -> dict[str, object]:
    return {
        "status": row.status,
        "absence_kind": row.absence_kind,
        "role": row.role,
        "is_justerare": row.is_justerare,
        "substitute_for_person_id": row.substitute_for_person_id,
        "partial_note": row.partial_note,
        "joined_at": row.joined_at.isoformat() if row.joined_at else None,
        "left_at": row.left_at.isoformat() if row.left_at else None,
        "source": row.source,
    }


@dataclass
class AttendeeRow:
    attendance: Attendance
    person: Person
    substitute_for: Person | None


async def attendance_list(session: AsyncSession, meeting_id: int) -> list[AttendeeRow]:
    rows = (
        await session.execute(
            select(Attendance, Person)
            .join(Person, Person.id == Attendance.person_id)
            .where(Attendance.meeting_id == meeting_id)
            .order_by(Attendance.id)
        )
    ).all()
    sub_ids = {a.substitute_for_person_id for a, _ in rows if a.substitute_for_person_id}
    subs = {}
    if sub_ids:
        subs = {
            p.id: p
            for p in (await session.scalars(select(Person).where(Person.id.in_(sub_ids)))).all()
        }
    return [
        AttendeeRow(
            a, p, subs.get(a.substitute_for_person_id) if a.substitute_for_person_id else None
        )
        for a, p in rows
    ]


@dataclass
class Quorum:
    members: int
    present: int

    @property
    def reached(self) -> bool:
        return self.members > 0 and self.present * 2 > self.members


async def quorum(
    session: AsyncSession, meeting: Meeting, item_id: int | None = None
) -> Quorum | None:
    """Beslutförhet: more than half of the members present, serving ersättare counted.

    A member with jäv in the given item does not count for it."""
    members = set(
        (
            await session.scalars(
                select(Membership.person_id).where(
                    Membership.body_id == meeting.body_id, Membership.role == "ledamot"
                )
            )
        ).all()
    )
    if not members:
        return None
    excluded: set[int] = set()
    if item_id is not None:
        excluded = set(
            (await session.scalars(select(Jav.person_id).where(Jav.item_id == item_id))).all()
        )
    # Seats, not heads: a member and the ersättare serving for them fill one seat.
    seats: set[int] = set()
    for row in await attendance_list(session, meeting.id):
        a = row.attendance
        if a.status not in ("present", "partial") or a.person_id in excluded:
            continue
        if a.person_id in members:
            seats.add(a.person_id)
        elif (
            a.role == "ersattare"
            and a.substitute_for_person_id in members
            and a.substitute_for_person_id not in excluded
        ):
            seats.add(a.substitute_for_person_id)
    return Quorum(members=len(members), present=len(seats))
