"""Återkoppling: what became of the assignments of earlier meetings.

When a meeting opens, the scheduler posts the assignments due by it or overdue, each with its
assignee and §, with buttons Klar / Pågår / Till nästa möte (Action.Execute, answered in the
invoke response; refresh.userIds names the secretary and the assignees, at most 60, and the
server refuses anyone else). `återkoppling: § 105 …, klart` records an answer in text;
`uppföljning` lists what is open, oldest first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs import cards
from dialogs.actions import action
from dialogs.between import assignment_line, due_by
from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.people import speaker_person, speaker_person_if_known
from dialogs.plan_text import local_date
from dialogs.registry import command
from dialogs.reply import InvokeResult
from dialogs.text import fold, squash
from storage import rhythm
from storage.directory import members_with_role
from storage.meetings import open_meeting_in
from storage.models import Assignment, Body, Item, Meeting, Person, utcnow
from storage.record import AssignmentRow, add_paragraph, assignments
from storage.rhythm import AssignmentNote
from storage.rhythm_targets import teams_user_ids

MAX_REFRESH_USERS = 60  # Teams: refresh.userIds holds at most 60 ids
MAX_CARD_ITEMS = 25
STATUS_SV = {"klar": "Klar", "pagar": "Pågår", "nasta": "Till nästa möte", "note": "Anteckning"}
STATUS_EN = {"klar": "Done", "pagar": "In progress", "nasta": "To next meeting", "note": "Note"}
STATUS_WORDS = {
    "klart": "klar",
    "klar": "klar",
    "done": "klar",
    "pagar": "pagar",
    "pagaende": "pagar",
    "in progress": "pagar",
    "till nasta mote": "nasta",
    "nasta mote": "nasta",
    "to next meeting": "nasta",
}
FEEDBACK_TITLE = "Återkoppling"


async def allowed_people(
    session: AsyncSession, meeting: Meeting, rows: list[AssignmentRow]
) -> list[int]:
    """Who may answer on the card: the meeting's and the body's secretary, and the assignees."""
    ids: list[int] = []
    if meeting.secretary_person_id:
        ids.append(meeting.secretary_person_id)
    for m in await members_with_role(session, meeting.body_id, ["sekreterare"]):
        ids.append(m.person_id)
    for r in rows:
        if r.assignment.assignee_person_id:
            ids.append(r.assignment.assignee_person_id)
    return list(dict.fromkeys(ids))


async def card_rows(session: AsyncSession, meeting: Meeting) -> list[AssignmentRow]:
    """The assignments the card shows: due by this meeting from earlier ones, and those answered
    on it already (so a Klar stays on the card, marked)."""
    body = await session.get(Body, meeting.body_id)
    assert body is not None
    rows = await due_by(session, body, meeting.date, exclude_meeting_id=meeting.id)
    answered_ids = (
        await session.scalars(
            select(AssignmentNote.assignment_id).where(AssignmentNote.meeting_id == meeting.id)
        )
    ).all()
    have = {r.assignment.id for r in rows}
    missing = [i for i in answered_ids if i not in have]
    if missing:
        extra = await assignments(session, body.tenant_id, body_ids=[body.id], status=None)
        rows += [r for r in extra if r.assignment.id in missing]
    rows.sort(key=lambda r: (r.meeting.date if r.meeting else dt.date.min, r.assignment.id))
    return rows


async def feedback_card(
    session: AsyncSession, meeting: Meeting, *, buttons: bool = True
) -> tuple[dict[str, Any], str, int] | None:
    rows = await card_rows(session, meeting)
    if not rows:
        return None
    body = await session.get(Body, meeting.body_id)
    assert body is not None
    latest: dict[int, AssignmentNote] = {}
    for note in (
        await session.scalars(
            select(AssignmentNote)
            .where(AssignmentNote.assignment_id.in_([r.assignment.id for r in rows]))
            .order_by(AssignmentNote.id)
        )
    ).all():
        latest[note.assignment_id] = note
    elements: list[dict[str, Any]] = [
        cards.heading(f"{FEEDBACK_TITLE} – {body.name} {meeting.date.isoformat()}"),
        cards.text("Uppdrag från tidigare möten som ska vara klara till i dag eller är försenade."),
    ]
    lines = []
    for r in rows[:MAX_CARD_ITEMS]:
        a = r.assignment
        line = assignment_line(r, meeting.date)
        lines.append(line)
        items: list[dict[str, Any]] = [cards.text(line)]
        last = latest.get(a.id)
        if a.status == "done":
            items.append(cards.text("Status: **Klar**", isSubtle=True))
        elif last is not None:
            items.append(cards.text(f"Status: **{STATUS_SV[last.status]}**", isSubtle=True))
        if buttons and a.status != "done":
            data = {"meetingId": meeting.id, "assignmentId": a.id}
            items.append(
                {
                    "type": "ActionSet",
                    "actions": [
                        cards.execute("Klar", "aterkoppling.svar", {**data, "status": "klar"}),
                        cards.execute("Pågår", "aterkoppling.svar", {**data, "status": "pagar"}),
                        cards.execute(
                            "Till nästa möte", "aterkoppling.svar", {**data, "status": "nasta"}
                        ),
                    ],
                }
            )
        elements.append({"type": "Container", "separator": True, "items": items})
    if len(rows) > MAX_CARD_ITEMS:
        elements.append(
            cards.text(f"… och {len(rows) - MAX_CARD_ITEMS} till. Skriv `uppföljning`.")
        )
    people = await allowed_people(session, meeting, rows)
    user_ids = (await teams_user_ids(session, people))[:MAX_REFRESH_USERS]
    extra: dict[str, Any] = {}
    if user_ids:
        extra["refresh"] = {
            "action": {
                "type": "Action.Execute",
                "verb": "aterkoppling.visa",
                "data": {"meetingId": meeting.id},
            },
            "userIds": user_ids,
        }
    card = cards.card(elements, **extra)
    fallback = f"{FEEDBACK_TITLE} {body.name} {meeting.date.isoformat()}:\n" + "\n".join(
        f"- {line}" for line in lines
    )
    return card, fallback, len(rows)


async def record_answer(
    ctx: CommandContext,
    assignment: Assignment,
    status: str,
    text: str | None,
    person: Person,
) -> AssignmentNote:
    """A note on the assignment, its status, and an item of the open meeting's minutes."""
    body = await ctx.session.get(Body, assignment.body_id)
    assert body is not None
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None:
        meeting = await ctx.session.scalar(
            select(Meeting)
            .where(Meeting.body_id == body.id, Meeting.status == "open")
            .order_by(Meeting.id.desc())
            .limit(1)
        )
    before = {
        "status": assignment.status,
        "due": assignment.due_date.isoformat() if assignment.due_date else None,
    }
    if status == "klar":
        assignment.status = "done"
        assignment.done_at = utcnow()
    elif status == "nasta":
        nxt = await rhythm.next_planned(ctx.session, body.id, ctx.turn.now)
        assignment.due_date = local_date(nxt.starts_at) if nxt else None
        assignment.due_text = "till nästa möte"
    item_id = None
    if meeting is not None:
        item = await _feedback_item(ctx, body, meeting, person)
        origin = await _origin(ctx.session, assignment)
        word = STATUS_SV[status].lower() if status != "note" else ""
        line = (
            f"{origin}{assignment.assignee_text or '–'}: {assignment.what}"
            + (f" – {text}" if text else "")
            + (f", {word}" if word else "")
        )
        item.text = ((item.text or "").rstrip() + "\n- " + line).strip()
        item_id = item.id
    note = AssignmentNote(
        assignment_id=assignment.id,
        meeting_id=meeting.id if meeting else None,
        item_id=item_id,
        status=status,
        text=text,
        person_id=person.id,
    )
    ctx.session.add(note)
    await ctx.session.flush()
    await ctx.audit(
        "assignment.feedback",
        "assignment",
        assignment.id,
        before,
        {"status": assignment.status, "answer": status, "text": text},
    )
    return note


async def _origin(session: AsyncSession, a: Assignment) -> str:
    item = await session.get(Item, a.item_id) if a.item_id else None
    meeting = await session.get(Meeting, a.meeting_id) if a.meeting_id else None
    out = ""
    if item is not None and item.is_paragraph and item.label:
        out += f"§ {item.label} "
    if meeting is not None:
        out += f"({meeting.date.isoformat()}) "
    return out


async def _feedback_item(ctx: CommandContext, body: Body, meeting: Meeting, person: Person) -> Item:
    """The meeting's "Återkoppling" §, created on the first answer (the seeds' § 114 form)."""
    item = await ctx.session.scalar(
        select(Item).where(Item.meeting_id == meeting.id, Item.title == FEEDBACK_TITLE).limit(1)
    )
    if item is None:
        item = await add_paragraph(
            ctx.session,
            body,
            meeting,
            title=FEEDBACK_TITLE,
            created_by=person.id,
            kind="information",
        )
    return item


async def _may_answer(ctx: CommandContext, meeting: Meeting | None, a: Assignment) -> Person:
    person = await speaker_person_if_known(ctx)
    refusal = UserError(
        "Bara den som har uppdraget eller mötets sekreterare kan svara här. Inget ändrades.",
        "Only the assignee or the meeting's secretary can answer here. Nothing was changed.",
    )
    if person is None:
        raise refusal
    if a.assignee_person_id == person.id:
        return await speaker_person(ctx)
    secretaries = {
        m.person_id for m in await members_with_role(ctx.session, a.body_id, ["sekreterare"])
    }
    if meeting is not None and meeting.secretary_person_id:
        secretaries.add(meeting.secretary_person_id)
    if person.id in secretaries:
        return await speaker_person(ctx)
    raise refusal


async def _meeting_of(ctx: CommandContext, data: dict[str, Any]) -> Meeting:
    raw = data.get("meetingId")
    meeting = await ctx.session.get(Meeting, raw) if isinstance(raw, int) else None
    if meeting is None or meeting.tenant_id != ctx.turn.tenant_id:
        raise UserError("Mötet finns inte.", "The meeting does not exist.")
    return meeting


@action("aterkoppling.svar")
async def act_answer(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    meeting = await _meeting_of(ctx, data)
    raw = data.get("assignmentId")
    a = await ctx.session.get(Assignment, raw) if isinstance(raw, int) else None
    status = data.get("status")
    if a is None or a.body_id != meeting.body_id or status not in ("klar", "pagar", "nasta"):
        raise UserError("Uppdraget finns inte på kortet.", "The assignment is not on the card.")
    person = await _may_answer(ctx, meeting, a)
    await record_answer(ctx, a, str(status), None, person)
    built = await feedback_card(ctx.session, meeting)
    if built is None:
        return InvokeResult(message="Klart.")
    return InvokeResult(card=built[0])


@action("aterkoppling.visa")
async def act_refresh(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    meeting = await _meeting_of(ctx, data)
    person = await speaker_person_if_known(ctx)
    rows = await card_rows(ctx.session, meeting)
    allowed = person is not None and person.id in await allowed_people(ctx.session, meeting, rows)
    built = await feedback_card(ctx.session, meeting, buttons=allowed)
    if built is None:
        return InvokeResult(message="Inga uppdrag att följa upp.")
    return InvokeResult(card=built[0])


REF = re.compile(r"^§\s*(\d+[a-z]?)\b[\s,:.-]*", re.IGNORECASE)
NUMBER = re.compile(r"^(?:uppdrag\s+|assignment\s+|\[)?(\d+)\]?\b[\s,:.-]*", re.IGNORECASE)


def _split_status(text: str) -> tuple[str, str]:
    """ "Kommunerna tar med sig frågan, klart" → ("Kommunerna tar med sig frågan", "klar")."""
    head, sep, tail = text.rpartition(",")
    word = STATUS_WORDS.get(fold(tail).strip(" ."))
    if sep and word:
        return head.strip(), word
    folded = fold(text).rstrip(" .")
    for phrase, status in sorted(STATUS_WORDS.items(), key=lambda kv: -len(kv[0])):
        if folded == phrase:
            return "", status
    return text.strip(), "note"


@command(
    "återkoppling",
    en=("feedback",),
    arg="colon",
    group="Uppdrag",
    usage="återkoppling: § 105 Kommunerna tar med sig frågan, klart",
    usage_en="feedback: § 105 The municipalities take the question home, done",
    help_en="Record what became of an assignment (a note, and an item of today's minutes)",
)
async def cmd_feedback(ctx: CommandContext, arg: str) -> None:
    """Anteckna vad som blev av ett uppdrag (på uppdraget och i dagens protokoll)"""
    body = await current_body(ctx)
    text = squash(arg)
    m = REF.match(text)
    n = None if m else NUMBER.match(text)
    if not m and not n:
        raise UserError(
            "Skriv vilket uppdrag det gäller, t.ex. `återkoppling: § 105 Kommunerna tar med sig frågan, klart` eller `återkoppling: 12 pågår`.",
            "Say which assignment, e.g. `feedback: § 105 …, done` or `feedback: 12 in progress`.",
        )
    rest = text[(m or n).end() :]  # type: ignore[union-attr]
    note_text, status = _split_status(rest)
    if len(note_text) > 2000:
        raise UserError("Högst 2000 tecken.", "At most 2000 characters.")
    open_rows = await assignments(ctx.session, ctx.turn.tenant_id, body_ids=[body.id], status=None)
    if m:
        label = m.group(1)
        found = [r for r in open_rows if r.item is not None and r.item.label == label]
        found.sort(
            key=lambda r: (
                r.assignment.status != "open",
                -(r.meeting.date.toordinal() if r.meeting else 0),
            )
        )
        if len(found) > 1:
            from difflib import SequenceMatcher

            key = fold(note_text)
            found.sort(
                key=lambda r: (
                    -SequenceMatcher(
                        None, key, fold(f"{r.assignment.assignee_text or ''} {r.assignment.what}")
                    ).ratio()
                )
            )
        target = found[0].assignment if found else None
        ref_sv = f"§ {label}"
    else:
        wanted = int(n.group(1))  # type: ignore[union-attr]
        target = next((r.assignment for r in open_rows if r.assignment.id == wanted), None)
        ref_sv = f"uppdrag {wanted}"
    if target is None:
        raise UserError(
            f"Jag hittar inget uppdrag i {ref_sv} i {body.name}. Skriv `uppföljning` för att se dem. Inget sparades.",
            f"I find no assignment at {ref_sv} in {body.name}. Write `follow-up` to list them. Nothing was saved.",
        )
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    person = await _may_answer_or_manage(ctx, body, meeting, target)
    note = await record_answer(ctx, target, status, note_text or None, person)
    where_sv = (
        " och i dagens protokoll"
        if note.item_id
        else " (inget möte är öppet, så inget i protokollet)"
    )
    where_en = (
        " and in today's minutes"
        if note.item_id
        else " (no meeting is open, so nothing in the minutes)"
    )
    ctx.say(
        f"Återkoppling på uppdrag {target.id} ({target.what}): {STATUS_SV[status].lower()}"
        + (f" – {note_text}" if note_text else "")
        + f". Antecknat på uppdraget{where_sv}.",
        f"Feedback on assignment {target.id} ({target.what}): {STATUS_EN[status].lower()}"
        + (f" – {note_text}" if note_text else "")
        + f". Noted on the assignment{where_en}.",
    )


async def _may_answer_or_manage(
    ctx: CommandContext, body: Body, meeting: Meeting | None, a: Assignment
) -> Person:
    from dialogs.people import can_manage

    if await can_manage(ctx, body, meeting):
        return await speaker_person(ctx)
    return await _may_answer(ctx, meeting, a)


YEAR = re.compile(r"^(?:19|20)\d{2}$")


@command(
    "uppföljning",
    en=("follow-up", "follow up"),
    arg="optional_ref",
    group="Uppdrag",
    usage="uppföljning [2024]",
    usage_en="follow-up [2024]",
    help_en="Every open and overdue assignment of the body, oldest first; with a year: that year's",
)
async def cmd_follow_up(ctx: CommandContext, arg: str) -> None:
    """Organets öppna och försenade uppdrag, äldst först; med ett år: det årets"""
    body = await current_body(ctx)
    today = ctx.turn.today
    year = arg.strip()
    if year and not YEAR.match(year):
        raise UserError(
            "Skriv `uppföljning` eller `uppföljning 2024`.",
            "Write `follow-up` or `follow-up 2024`.",
        )
    rows = await assignments(
        ctx.session, ctx.turn.tenant_id, body_ids=[body.id], status=None if year else "open"
    )
    if year:
        rows = [
            r
            for r in rows
            if (r.meeting.date.year if r.meeting else r.assignment.created_at.year) == int(year)
        ]
    rows.sort(
        key=lambda r: (
            r.meeting.date if r.meeting else r.assignment.created_at.date(),
            r.assignment.id,
        )
    )
    if not rows:
        ctx.say(
            f"Inga {'uppdrag från ' + year if year else 'öppna uppdrag'} i {body.name}.",
            f"No {'assignments from ' + year if year else 'open assignments'} in {body.name}.",
        )
        return
    late = sum(
        1
        for r in rows
        if r.assignment.status == "open" and r.assignment.due_date and r.assignment.due_date < today
    )
    title_sv = (
        f"Uppdrag {year} i {body.name}" if year else f"Öppna uppdrag i {body.name}, äldst först"
    )
    title_en = (
        f"Assignments {year} of {body.name}"
        if year
        else f"Open assignments of {body.name}, oldest first"
    )
    lines = []
    for r in rows:
        status = ""
        if year:
            status = (
                ctx.t(" [klar]", " [done]")
                if r.assignment.status == "done"
                else ctx.t(" [öppen]", " [open]")
            )
        lines.append(f"- [{r.assignment.id}] {assignment_line(r, today, ctx.lang)}{status}")
    ctx.say(
        f"**{title_sv}** ({len(rows)}, varav {late} försenade)\n" + "\n".join(lines),
        f"**{title_en}** ({len(rows)}, {late} overdue)\n" + "\n".join(lines),
    )
