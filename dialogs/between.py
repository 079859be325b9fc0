"""Between meetings: the meeting plan, the next meeting's draft agenda and the kallelse.

`mötesplan: 2025-02-06 13–15; 2025-05-06 09–12 i Eken` (body admins), `nästa möte: 6 maj kl
13–15, fysiskt i Eken`, `mötesplan`, `nästa möte`, `till nästa möte: …`, `kallelse`,
`organ kallelse: 3 dagar | av | automatiskt`. The kallelse draft goes to the chair and the
secretary N days before a planned meeting (the scheduler, bot/scheduler.py); *Skicka* posts it
in the body's channel.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs import cards
from dialogs.actions import action
from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.people import can_manage, require_admin, require_manager, speaker_person
from dialogs.plan_text import (
    PlanEntry,
    PlanFormatError,
    at_local,
    local_date,
    parse_entry,
    split_entries,
    when_en,
    when_sv,
)
from dialogs.registry import command
from dialogs.reply import InvokeResult, Reply
from dialogs.text import fold, squash
from storage import rhythm
from storage.minutes import publication_target
from storage.models import Assignment, Body, Meeting
from storage.record import AssignmentRow, assignments
from storage.rhythm import PlannedAgendaItem, PlannedMeeting

KALLELSE_HOUR = 9  # the draft arrives at 09.00 Stockholm time, N days before
NEXT_MEETING_DUE = re.compile(r"\b(?:nasta|kommande)\s+(?:mote|sammantrade)\b|\bnext meeting\b")


def plan_line(ctx: CommandContext, plan: PlannedMeeting) -> str:
    when = (
        when_sv(plan.starts_at, plan.ends_at)
        if ctx.lang == "sv"
        else when_en(plan.starts_at, plan.ends_at)
    )
    return when + (f", {plan.place}" if plan.place else "")


# --- planning ----------------------------------------------------------------------------------


async def schedule_kallelse(
    session: AsyncSession, body: Body, plan: PlannedMeeting, now: dt.datetime
) -> dt.datetime | None:
    """(Re)place the kallelse post of a planned meeting; its due time, or None when none is due
    (kallelse off, already sent, or the meeting is past)."""
    setting = await rhythm.rhythm_of(session, body.id)
    if setting.kallelse_mode == rhythm.OFF or plan.status != "planned" or plan.kallelse_sent_at:
        await rhythm.cancel_pending(session, planned_meeting_id=plan.id, kind="kallelse")
        return None
    if plan.starts_at <= now:
        return None
    day = local_date(plan.starts_at) - dt.timedelta(days=setting.kallelse_days)
    due = at_local(day, KALLELSE_HOUR)
    due = min(max(due, now), plan.starts_at)
    key = f"kallelse:{plan.id}:{plan.starts_at.isoformat()}:{setting.kallelse_days}:{setting.kallelse_mode}"
    await rhythm.cancel_pending(session, planned_meeting_id=plan.id, kind="kallelse", keep_key=key)
    await rhythm.add_post(
        session,
        key=key,
        tenant_id=body.tenant_id,
        body_id=body.id,
        kind="kallelse",
        due_at=due,
        deadline_at=plan.starts_at,
        planned_meeting_id=plan.id,
    )
    return due


async def _record_plan(
    ctx: CommandContext, body: Body, entry: PlanEntry, person_id: int
) -> tuple[PlannedMeeting, bool]:
    """Add a planned meeting, or change the one planned on the same day. (plan, is_new)"""
    day = local_date(entry.starts_at)
    same_day = [
        p
        for p in await rhythm.planned_meetings(ctx.session, body.id)
        if local_date(p.starts_at) == day
    ]
    if same_day:
        plan = same_day[0]
        before = {"starts_at": plan.starts_at.isoformat(), "place": plan.place}
        plan.starts_at, plan.ends_at = entry.starts_at, entry.ends_at
        plan.place = entry.place or plan.place
        await ctx.session.flush()
        await ctx.audit(
            "plan.change",
            "planned_meeting",
            plan.id,
            before,
            {"starts_at": plan.starts_at.isoformat(), "place": plan.place},
        )
        return plan, False
    plan = PlannedMeeting(
        tenant_id=ctx.turn.tenant_id,
        body_id=body.id,
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        place=entry.place,
        status="planned",
        source="chat",
        created_by_person_id=person_id,
    )
    ctx.session.add(plan)
    await ctx.session.flush()
    await ctx.audit(
        "plan.add",
        "planned_meeting",
        plan.id,
        after={"starts_at": plan.starts_at.isoformat(), "place": plan.place},
    )
    return plan, True


def _parse_all(ctx: CommandContext, arg: str) -> list[PlanEntry]:
    entries = split_entries(arg)
    if not entries:
        raise UserError(
            "Skriv mötena efter kolon, t.ex. `mötesplan: 2025-02-06 13–15; 2025-05-06 09–12 i Eken`.",
            "Write the meetings after the colon, e.g. `meeting plan: 2025-02-06 13–15; 2025-05-06 09–12 in Eken`.",
        )
    if len(entries) > 60:
        raise UserError("Högst 60 möten åt gången.", "At most 60 meetings at a time.")
    out = []
    for e in entries:
        try:
            out.append(parse_entry(e, ctx.turn.today))
        except PlanFormatError as err:
            raise UserError(err.sv + " Inget sparades.", err.en + " Nothing was saved.") from None
    return out


@command(
    "mötesplan",
    "mötesplanen",
    en=("meeting plan", "meeting schedule"),
    arg="optional_colon",
    group="Mellan mötena",
    usage="mötesplan: 2025-02-06 13–15; 2025-05-06 09–12 i Eken",
    usage_en="meeting plan: 2025-02-06 13–15; 2025-05-06 09–12 in Eken",
    help_en="Record the year's meetings (body admins); alone: the planned meetings",
)
async def cmd_plan(ctx: CommandContext, arg: str) -> None:
    """Lägg in årets möten (organets administratörer); ensamt: de planerade mötena"""
    body = await current_body(ctx)
    now = ctx.turn.now
    if not arg:
        plans = await rhythm.planned_meetings(ctx.session, body.id, after=now)
        if not plans:
            ctx.say(
                f"Inga kommande möten är planerade för {body.name}. Skriv `mötesplan: 2025-02-06 13–15; 2025-04-03 13–15`.",
                f"No meetings of {body.name} are planned. Write `meeting plan: 2025-02-06 13–15; 2025-04-03 13–15`.",
            )
            await offer_imported(ctx, body)
            return
        lines = [f"- {plan_line(ctx, p)}" for p in plans]
        ctx.say(
            f"**Mötesplan för {body.name}**\n" + "\n".join(lines),
            f"**Meeting plan of {body.name}**\n" + "\n".join(lines),
        )
        await offer_imported(ctx, body)
        return
    person = await speaker_person(ctx)
    await require_admin(ctx, body)
    entries = _parse_all(ctx, arg)
    added = changed = 0
    past = [e for e in entries if e.starts_at <= now]
    for entry in entries:
        if entry in past:
            continue  # a meeting that has been is not planned (the record holds it)
        plan, new = await _record_plan(ctx, body, entry, person.id)
        added += new
        changed += not new
        await schedule_kallelse(ctx.session, body, plan, now)
    plans = await rhythm.planned_meetings(ctx.session, body.id, after=now)
    lines = [f"- {plan_line(ctx, p)}" for p in plans]
    skipped_sv = skipped_en = ""
    if past:
        days = ", ".join(local_date(e.starts_at).isoformat() for e in past)
        skipped_sv = f" {len(past)} har redan varit och lades inte in ({days})."
        skipped_en = f" {len(past)} already took place and were not added ({days})."
    ctx.say(
        f"Mötesplanen för {body.name}: {added} nya, {changed} ändrade.{skipped_sv}\n"
        + "\n".join(lines),
        f"Meeting plan of {body.name}: {added} new, {changed} changed.{skipped_en}\n"
        + "\n".join(lines),
    )


@command(
    "nästa möte",
    "nästa sammanträde",
    en=("next meeting",),
    arg="optional_colon",
    group="Mellan mötena",
    usage="nästa möte: 6 maj kl 13–15, fysiskt i Eken",
    usage_en="next meeting: 6 May 13–15, in Eken",
    help_en="Record or change the next meeting; alone: when and where it is",
)
async def cmd_next(ctx: CommandContext, arg: str) -> None:
    """Lägg in eller ändra nästa möte; ensamt: när och var det är"""
    body = await current_body(ctx)
    now = ctx.turn.now
    if not arg:
        plan = await rhythm.next_planned(ctx.session, body.id, now)
        if plan is None:
            ctx.say(
                f"Inget nästa möte är planerat för {body.name}. Skriv `nästa möte: 6 maj kl 13–15, i Eken`.",
                f"No next meeting of {body.name} is planned. Write `next meeting: 6 May 13–15, in Eken`.",
            )
            await offer_imported(ctx, body)
            return
        items = await rhythm.agenda_of(ctx.session, plan.id)
        agenda = "".join(f"\n{i}. {a.title}" for i, a in enumerate(items, 1))
        ctx.say(
            f"**Nästa möte i {body.name}:** {plan_line(ctx, plan)}"
            + (f"\nFöredragningslista (förslag):{agenda}" if agenda else ""),
            f"**Next meeting of {body.name}:** {plan_line(ctx, plan)}"
            + (f"\nDraft agenda:{agenda}" if agenda else ""),
        )
        return
    person = await speaker_person(ctx)
    await require_manager(ctx, body)
    entries = _parse_all(ctx, arg.replace(";", ","))
    if len(entries) != 1:
        raise UserError(
            "Skriv ett möte på en rad, t.ex. `nästa möte: 6 maj kl 13–15, i Eken`; flera med `mötesplan:`.",
            "Write one meeting on one line, e.g. `next meeting: 6 May 13–15`; several with `meeting plan:`.",
        )
    entry = entries[0]
    if entry.starts_at <= now:
        raise UserError(
            "Nästa möte måste ligga framåt i tiden. Inget sparades.",
            "The next meeting must lie in the future. Nothing was saved.",
        )
    plan, new = await _record_plan(ctx, body, entry, person.id)
    due = await schedule_kallelse(ctx.session, body, plan, now)
    word_sv, word_en = ("inlagt", "recorded") if new else ("ändrat", "changed")
    tail_sv = f" Utkast till kallelse kommer {when_sv(due, None)}." if due else ""
    tail_en = f" The draft kallelse comes {when_en(due, None)}." if due else ""
    ctx.say(
        f"Nästa möte i {body.name} är {word_sv}: {plan_line(ctx, plan)}.{tail_sv}",
        f"The next meeting of {body.name} is {word_en}: {plan_line(ctx, plan)}.{tail_en}",
    )


@command(
    "till nästa möte",
    en=("for next meeting", "to next meeting"),
    arg="colon",
    group="Mellan mötena",
    usage="till nästa möte: Revidering av tvisterutin",
    usage_en="for next meeting: Revised dispute routine",
    help_en="Add an item to the next meeting's draft agenda",
)
async def cmd_agenda_item(ctx: CommandContext, arg: str) -> None:
    """Lägg till en punkt på nästa mötes föredragningslista (förslag)"""
    body = await current_body(ctx)
    person = await speaker_person(ctx)
    title = squash(arg)
    if not title or len(title) > 500:
        raise UserError(
            "Skriv punkten efter kolon (högst 500 tecken), t.ex. `till nästa möte: Revidering av tvisterutin`.",
            "Write the item after the colon (at most 500 characters).",
        )
    plan = await rhythm.next_planned(ctx.session, body.id, ctx.turn.now)
    if plan is None:
        raise UserError(
            f"Inget nästa möte är planerat för {body.name}. Lägg in det först med `nästa möte: 6 maj kl 13–15`. Inget sparades.",
            f"No next meeting of {body.name} is planned. Record it first with `next meeting: 6 May 13–15`. Nothing was saved.",
        )
    item = PlannedAgendaItem(planned_meeting_id=plan.id, title=title, person_id=person.id)
    ctx.session.add(item)
    await ctx.session.flush()
    await ctx.audit("plan.agenda_add", "planned_meeting", plan.id, after={"title": title})
    count = len(await rhythm.agenda_of(ctx.session, plan.id))
    ctx.say(
        f"Punkt {count} på förslaget till föredragningslista för {plan_line(ctx, plan)}: {title}",
        f"Item {count} of the draft agenda for {plan_line(ctx, plan)}: {title}",
    )


# --- the kallelse ------------------------------------------------------------------------------


async def due_by(
    session: AsyncSession,
    body: Body,
    day: dt.date,
    *,
    exclude_meeting_id: int | None = None,
) -> list[AssignmentRow]:
    """Open assignments of the body due by `day` (or overdue), and those due "till nästa möte"
    that got no date, given at earlier meetings; oldest first.

    Imported minutes never bring posts about the past: an assignment from an imported protocol
    comes back only if its due date had not passed when it was imported, or if it was due "till
    nästa möte" in the protocol of the meeting just before."""
    rows = await assignments(session, body.tenant_id, body_ids=[body.id])
    earlier = select(Meeting.id).where(Meeting.body_id == body.id, Meeting.date <= day)
    if exclude_meeting_id is not None:
        earlier = earlier.where(Meeting.id != exclude_meeting_id)
    previous = await session.scalar(
        earlier.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(1)
    )
    out = []
    for r in rows:
        a = r.assignment
        if exclude_meeting_id is not None and a.meeting_id == exclude_meeting_id:
            continue
        if r.meeting is not None and r.meeting.date > day:
            continue
        imported = r.meeting is not None and r.meeting.source == "import"
        if a.due_date is not None and a.due_date <= day:
            if imported and a.due_date < local_date(a.created_at):
                continue
            out.append(r)
        elif a.due_date is None and a.due_text and NEXT_MEETING_DUE.search(fold(a.due_text)):
            if imported and a.meeting_id != previous:
                continue
            out.append(r)
    return out


def assignment_line(r: AssignmentRow, today: dt.date, lang: str = "sv") -> str:
    a = r.assignment
    where = ""
    if r.item is not None and r.item.is_paragraph and r.item.label:
        where = f"§ {r.item.label} "
    if r.meeting is not None:
        where += f"({r.meeting.date.isoformat()}) "
    if a.due_date is not None:
        late = a.due_date < today
        due = (
            f" — klart {a.due_date.isoformat()}" + (", försenat" if late else "")
            if lang == "sv"
            else f" — due {a.due_date.isoformat()}" + (", overdue" if late else "")
        )
    else:
        due = f" — {a.due_text}" if a.due_text else ""
    return f"{where}{a.assignee_text or '–'}: {a.what}{due}"


async def kallelse_text(session: AsyncSession, body: Body, plan: PlannedMeeting) -> str:
    day = local_date(plan.starts_at)
    lines = [
        f"**Kallelse – {body.name}**",
        f"Tid: {when_sv(plan.starts_at, plan.ends_at)}",
        f"Plats: {plan.place or 'meddelas senare'}",
        "",
        "**Föredragningslista (förslag)**",
    ]
    items = await rhythm.agenda_of(session, plan.id)
    lines += [f"{i}. {a.title}" for i, a in enumerate(items, 1)] or ["(inga punkter anmälda än)"]
    due = await due_by(session, body, day)
    if due:
        lines += ["", "**Uppdrag att återrapportera**"]
        lines += [f"- {assignment_line(r, day)}" for r in due]
    return "\n".join(lines)


def kallelse_card(
    text: str, plan_id: int, *, note: str | None = None, editing: bool = False
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [cards.heading("Utkast till kallelse")]
    if note:
        body.append(cards.text(note, isSubtle=True))
    if editing:
        body.append(
            {
                "type": "Input.Text",
                "id": "kallelseText",
                "isMultiline": True,
                "value": text,
                "label": "Kallelsen",
                "maxLength": 8000,
            }
        )
        actions = [cards.execute("Skicka", "kallelse.skicka", {"plannedId": plan_id})]
    else:
        body.append(cards.text(text))
        actions = [
            cards.execute("Skicka", "kallelse.skicka", {"plannedId": plan_id}),
            cards.execute("Ändra", "kallelse.andra", {"plannedId": plan_id}),
        ]
    return cards.card(body, actions)


async def _plan_of(ctx: CommandContext, data: dict[str, Any]) -> tuple[Body, PlannedMeeting]:
    raw = data.get("plannedId")
    plan = await ctx.session.get(PlannedMeeting, raw) if isinstance(raw, int) else None
    if plan is None or plan.tenant_id != ctx.turn.tenant_id:
        raise UserError(
            "Det planerade mötet finns inte längre. Skriv `kallelse` i organets kanal.",
            "The planned meeting no longer exists. Write `kallelse` in the body's channel.",
        )
    body = await ctx.session.get(Body, plan.body_id)
    assert body is not None
    ctx.cache["body"] = body
    if not await can_manage(ctx, body):
        raise UserError(
            "Kallelsen skickas av organets ordförande eller sekreterare. Inget skickades.",
            "The kallelse is sent by the body's chair or secretary. Nothing was sent.",
        )
    return body, plan


@action("kallelse.andra")
async def act_edit(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    _, plan = await _plan_of(ctx, data)
    body = await ctx.session.get(Body, plan.body_id)
    assert body is not None
    text = await kallelse_text(ctx.session, body, plan)
    return InvokeResult(card=kallelse_card(text, plan.id, editing=True))


@action("kallelse.skicka")
async def act_send(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    body, plan = await _plan_of(ctx, data)
    person = await speaker_person(ctx)
    if plan.kallelse_sent_at is not None:
        return InvokeResult(
            card=cards.card(
                [
                    cards.heading("Kallelsen är redan skickad"),
                    cards.text(f"Skickad {when_sv(plan.kallelse_sent_at, None)}."),
                ]
            )
        )
    edited = data.get("kallelseText")
    text = (
        str(edited).strip()[:8000]
        if isinstance(edited, str) and edited.strip()
        else await kallelse_text(ctx.session, body, plan)
    )
    if not await post_in_body_channel(ctx, body, text):
        raise UserError(
            f"Jag hittar ingen kanal eller chatt för {body.name} att skicka kallelsen i. Inget skickades.",
            f"I found no channel or chat of {body.name} to send the kallelse in. Nothing was sent.",
        )
    plan.kallelse_sent_at = ctx.turn.now
    await rhythm.cancel_pending(ctx.session, planned_meeting_id=plan.id, kind="kallelse")
    await ctx.audit("kallelse.send", "planned_meeting", plan.id, after={"text": text[:2000]})
    return InvokeResult(
        card=cards.card(
            [
                cards.heading("Kallelsen är skickad"),
                cards.text(f"Skickad till {body.name} av {person.display_name}."),
                cards.text(text),
            ]
        )
    )


async def post_in_body_channel(ctx: CommandContext, body: Body, text: str) -> bool:
    target = await publication_target(ctx.session, body.tenant_id, body.id)
    if target is None:
        return False
    ctx.replies.append(
        Reply(
            text=text,
            target_conversation=target.conversation_id,
            new_thread=target.new_thread,
            extra={"service_url": target.service_url},
        )
    )
    return True


@command(
    "kallelse",
    en=("notice", "meeting notice"),
    group="Mellan mötena",
    help_en="Draft the kallelse for the next meeting now",
)
async def cmd_kallelse(ctx: CommandContext, arg: str) -> None:
    """Ta fram utkastet till kallelse för nästa möte nu"""
    body = await current_body(ctx)
    await speaker_person(ctx)
    await require_manager(ctx, body)
    plan = await rhythm.next_planned(ctx.session, body.id, ctx.turn.now)
    if plan is None:
        raise UserError(
            f"Inget nästa möte är planerat för {body.name}. Skriv `nästa möte: 6 maj kl 13–15` först.",
            f"No next meeting of {body.name} is planned. Write `next meeting: 6 May 13–15` first.",
        )
    text = await kallelse_text(ctx.session, body, plan)
    ctx.card(kallelse_card(text, plan.id), text)


KALLELSE_VALUES = {
    "av": rhythm.OFF,
    "off": rhythm.OFF,
    "automatiskt": rhythm.AUTO,
    "automatic": rhythm.AUTO,
    "utkast": rhythm.DRAFT,
    "draft": rhythm.DRAFT,
}
DAYS = re.compile(r"^(\d{1,2})\s*(?:dagar|dag|d|days|day)?$")


@command(
    "organ kallelse",
    en=("body notice",),
    arg="optional_colon",
    group="Organ",
    usage="organ kallelse: 3 dagar | av | automatiskt",
    usage_en="body notice: 3 days | off | automatic",
    help_en="When the kallelse draft comes (days before), off, or posted without a click",
)
async def cmd_kallelse_setting(ctx: CommandContext, arg: str) -> None:
    """När utkastet till kallelse kommer (dagar före mötet), av, eller automatiskt utan klick"""
    body = await current_body(ctx)
    setting = await rhythm.rhythm_of(ctx.session, body.id)
    mode_sv = {
        rhythm.OFF: "av",
        rhythm.AUTO: "automatiskt",
        rhythm.DRAFT: "utkast till ordförande och sekreterare",
    }
    if not arg:
        ctx.say(
            f"{body.name}: kallelse {setting.kallelse_days} dagar före mötet, {mode_sv[setting.kallelse_mode]}.",
            f"{body.name}: kallelse {setting.kallelse_days} days before the meeting, {setting.kallelse_mode}.",
        )
        return
    await speaker_person(ctx)
    await require_admin(ctx, body)
    value = fold(arg).rstrip(".")
    m = DAYS.match(value)
    before = {"days": setting.kallelse_days, "mode": setting.kallelse_mode}
    if m and 1 <= int(m.group(1)) <= 60:
        changes: dict[str, Any] = {"kallelse_days": int(m.group(1))}
        if setting.kallelse_mode == rhythm.OFF:
            changes["kallelse_mode"] = rhythm.DRAFT
    elif value in KALLELSE_VALUES:
        changes = {"kallelse_mode": KALLELSE_VALUES[value]}
    else:
        raise UserError(
            f"Ogiltigt värde ”{arg}”. Skriv `organ kallelse: 3 dagar`, `organ kallelse: av` eller `organ kallelse: automatiskt`. Inget ändrades.",
            f"Invalid value “{arg}”. Write `body notice: 3 days`, `body notice: off` or `body notice: automatic`. Nothing was changed.",
        )
    setting = await rhythm.set_rhythm(ctx.session, body.id, **changes)
    await ctx.audit(
        "body.kallelse",
        "body",
        body.id,
        before,
        {"days": setting.kallelse_days, "mode": setting.kallelse_mode},
    )
    for plan in await rhythm.planned_meetings(ctx.session, body.id, after=ctx.turn.now):
        await schedule_kallelse(ctx.session, body, plan, ctx.turn.now)
    ctx.say(
        f"{body.name}: kallelse {setting.kallelse_days} dagar före mötet, {mode_sv[setting.kallelse_mode]}.",
        f"{body.name}: kallelse {setting.kallelse_days} days before the meeting, {setting.kallelse_mode}.",
    )


async def plan_for_meeting(
    session: AsyncSession, meeting: Meeting, window_days: int = 7
) -> PlannedMeeting | None:
    """The planned meeting an opened meeting takes the place of: the nearest planned one within
    a week of its date."""
    plans = (
        await session.scalars(
            select(PlannedMeeting).where(
                PlannedMeeting.body_id == meeting.body_id,
                PlannedMeeting.status == "planned",
                PlannedMeeting.meeting_id.is_(None),
            )
        )
    ).all()
    near = [p for p in plans if abs((local_date(p.starts_at) - meeting.date).days) <= window_days]
    near.sort(key=lambda p: abs((local_date(p.starts_at) - meeting.date).days))
    return near[0] if near else None


def is_next_meeting_due(a: Assignment) -> bool:
    return (
        a.due_date is None
        and bool(a.due_text)
        and bool(NEXT_MEETING_DUE.search(fold(a.due_text or "")))
    )


# --- "Nästa möte" from imported minutes: offered, and planned only after a click --------------


async def imported_proposals(session: AsyncSession, body: Body, today: dt.date) -> list[Meeting]:
    """Imported minutes whose "Nästa möte" lies ahead and is not on the plan yet."""
    found = (
        await session.scalars(
            select(Meeting)
            .where(
                Meeting.body_id == body.id,
                Meeting.source == "import",
                Meeting.next_meeting_date.is_not(None),
                Meeting.next_meeting_date > today,
            )
            .order_by(Meeting.next_meeting_date)
        )
    ).all()
    planned = {
        local_date(p.starts_at)
        for p in (
            await session.scalars(select(PlannedMeeting).where(PlannedMeeting.body_id == body.id))
        ).all()
    }
    out: list[Meeting] = []
    for m in found:
        if m.next_meeting_date not in planned and all(
            o.next_meeting_date != m.next_meeting_date for o in out
        ):
            out.append(m)
    return out


async def offer_imported(ctx: CommandContext, body: Body) -> None:
    for m in await imported_proposals(ctx.session, body, ctx.turn.today):
        assert m.next_meeting_date is not None
        day = m.next_meeting_date.isoformat()
        card = cards.card(
            [
                cards.heading(f"Nästa möte enligt protokollet {m.date.isoformat()}"),
                cards.text(f"”{m.next_meeting_text or day}”"),
                cards.text(f"Lägga in mötet {day} i mötesplanen? Skriv tiden (och platsen)."),
                {
                    "type": "Input.Text",
                    "id": "tid",
                    "label": "Tid och plats",
                    "placeholder": "13–15 i Eken",
                    "maxLength": 300,
                },
            ],
            [cards.execute("Lägg in", "plan.import", {"meetingId": m.id})],
        )
        ctx.card(card, f"Nästa möte enligt protokollet {m.date.isoformat()}: {day}")


@action("plan.import")
async def act_plan_import(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    raw = data.get("meetingId")
    meeting = await ctx.session.get(Meeting, raw) if isinstance(raw, int) else None
    if (
        meeting is None
        or meeting.tenant_id != ctx.turn.tenant_id
        or meeting.source != "import"
        or meeting.next_meeting_date is None
    ):
        raise UserError("Protokollet finns inte.", "The minutes do not exist.")
    body = await ctx.session.get(Body, meeting.body_id)
    assert body is not None
    ctx.cache["body"] = body
    person = await speaker_person(ctx)
    await require_manager(ctx, body)
    when = squash(str(data.get("tid") or ""))
    try:
        entry = parse_entry(f"{meeting.next_meeting_date.isoformat()} {when}", ctx.turn.today)
    except PlanFormatError as err:
        raise UserError(err.sv + " Inget sparades.", err.en + " Nothing was saved.") from None
    if entry.starts_at <= ctx.turn.now:
        raise UserError(
            "Mötet ligger redan bakåt i tiden. Inget sparades.",
            "The meeting already lies in the past. Nothing was saved.",
        )
    plan, _ = await _record_plan(ctx, body, entry, person.id)
    await schedule_kallelse(ctx.session, body, plan, ctx.turn.now)
    return InvokeResult(
        card=cards.card([cards.heading("Inlagt i mötesplanen"), cards.text(plan_line(ctx, plan))])
    )
