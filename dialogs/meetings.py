"""Open and close a meeting; meeting-level settings."""

from __future__ import annotations

import datetime as dt

from dialogs.attendance_card import attendance_card
from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.dates import find_date, refuse_impossible_date
from dialogs.errors import UserError
from dialogs.labels import CommandGroup
from dialogs.people import require_manager, speaker_person
from dialogs.recording import (
    recorder,
)
from dialogs.registry import command
from dialogs.text import fold, squash
from storage.directory import members_with_role
from storage.meetings import open_meeting_in
from storage.models import Body, Meeting, utcnow


async def open_meeting(
    ctx: CommandContext,
    body: Body,
    *,
    title: str | None,
    date: dt.date,
    secretary_id: int | None,
    teams_meeting_id: str | None = None,
    start_at: dt.datetime | None = None,
) -> Meeting:
    chair = await members_with_role(ctx.session, body.id, ["ordforande"])
    standing_secretary = await members_with_role(ctx.session, body.id, ["sekreterare"])
    meeting = Meeting(
        tenant_id=ctx.turn.tenant_id,
        body_id=body.id,
        title=title,
        date=date,
        start_at=start_at or utcnow(),
        place="Teams" if ctx.turn.source == "teams" else None,
        form=body.form,
        status="open",
        conversation_id=ctx.turn.binding_id,
        teams_meeting_id=teams_meeting_id or ctx.turn.teams_meeting_id,
        chair_person_id=chair[0].person_id if chair else None,
        secretary_person_id=standing_secretary[0].person_id if standing_secretary else secretary_id,
    )
    ctx.session.add(meeting)
    await ctx.session.flush()
    ctx.cache["meeting"] = meeting
    if meeting.secretary_person_id is not None:
        from storage.meetings import set_attendance

        await set_attendance(
            ctx.session,
            meeting.id,
            meeting.secretary_person_id,
            source="console"
            if ctx.turn.source == "console"
            else ("teams" if teams_meeting_id else "secretary"),
            recorded_by=secretary_id,
            status="present",
            role="sekreterare",
        )
    await ctx.audit(
        "meeting.open", "meeting", meeting.id, after={"date": date.isoformat(), "title": title}
    )
    return meeting


@command(
    "öppna mötet",
    "möte start",
    "mötet börjar",
    en=("open meeting", "start meeting", "meeting start"),
    arg="optional_colon",
    group=CommandGroup.MEETING,
    usage="öppna mötet [: Sammanträde 4 juni]",
    help_en="Open a meeting here (today, or the date you write)",
)
async def cmd_open(ctx: CommandContext, arg: str) -> None:
    """Öppna ett möte här (i dag, eller det datum du skriver)"""
    body = await current_body(ctx)
    person = await speaker_person(ctx)
    existing = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if existing is not None:
        raise UserError(
            f"Mötet {existing.date.isoformat()} är redan öppet. Avsluta det först med `avsluta mötet`.",
            f"The meeting of {existing.date.isoformat()} is already open. Close it first with `close meeting`.",
        )
    await require_manager(ctx, body)
    title = squash(arg) or None
    if title and len(title) > 300:
        raise UserError(
            "Mötets rubrik får vara högst 300 tecken.",
            "The meeting title may be at most 300 characters.",
        )
    if title:
        refuse_impossible_date(
            title,
            "`öppna mötet: Sammanträde 14 april 2008`",
            "`open meeting: Board meeting 14 April 2008`",
        )
    found = find_date(title, ctx.turn.today) if title else None
    date = found[0] if found else ctx.turn.today
    closed_today = await _closed_today(ctx, body)
    meeting = await open_meeting(ctx, body, title=title, date=date, secretary_id=person.id)
    ctx.say(
        f"Mötet för **{body.name}** {meeting.date.isoformat()} är öppnat (möte {meeting.id}). Anmäl närvaro med `närvarande` eller knappen på närvarokortet.",
        f"The meeting of **{body.name}** on {meeting.date.isoformat()} is open (meeting {meeting.id}). Check in with `present`.",
    )
    if closed_today is not None:
        ctx.say(
            f"Mötet {closed_today.date.isoformat()} (möte {closed_today.id}) avslutades i dag; "
            "det här är ett nytt möte. Ville du fortsätta det förra, skriv `återöppna mötet` "
            "så tas det nya bort och det förra öppnas igen.",
            f"The meeting of {closed_today.date.isoformat()} (meeting {closed_today.id}) was "
            "closed today; this is a new meeting. To continue the earlier one instead, write "
            "`reopen meeting`: the new one is removed and the earlier one opens again.",
        )
    card, fallback = await attendance_card(ctx, meeting)
    ctx.card(card, fallback, coalesce_key=f"attendance:{meeting.id}")


async def _closed_today(ctx: CommandContext, body: Body) -> Meeting | None:
    """The meeting of this conversation closed today, if the last one was."""
    from dialogs.context import STOCKHOLM

    last = await latest_closed(ctx, body)
    if last is None or last.end_at is None:
        return None
    end = last.end_at if last.end_at.tzinfo else last.end_at.replace(tzinfo=dt.UTC)
    return last if end.astimezone(STOCKHOLM).date() == ctx.turn.today else None


async def latest_closed(ctx: CommandContext, body: Body) -> Meeting | None:
    from sqlalchemy import select

    return await ctx.session.scalar(
        select(Meeting)
        .where(
            Meeting.body_id == body.id,
            Meeting.conversation_id == ctx.turn.binding_id,
            Meeting.status == "closed",
        )
        .order_by(Meeting.end_at.desc(), Meeting.id.desc())
        .limit(1)
    )


@command(
    "återöppna mötet",
    en=("reopen meeting",),
    group=CommandGroup.MEETING,
    help_en="Open the meeting closed last here again (before justering)",
)
async def cmd_reopen(ctx: CommandContext, arg: str) -> None:
    """Öppna det senast avslutade mötet här igen (före justering)"""
    from sqlalchemy import delete, func, select

    from storage.models import AgendaEntry, Attendance, Item

    body = await current_body(ctx)
    await speaker_person(ctx)
    await require_manager(ctx, body)
    last = await latest_closed(ctx, body)
    if last is None:
        raise UserError(
            "Det finns inget avslutat möte här att öppna igen (ett justerat protokoll öppnas inte).",
            "There is no closed meeting here to reopen (approved minutes are not reopened).",
        )
    current = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if current is not None:
        items = await ctx.session.scalar(
            select(func.count()).select_from(Item).where(Item.meeting_id == current.id)
        )
        if items:
            raise UserError(
                f"Mötet {current.date.isoformat()} (möte {current.id}) är öppet och har paragrafer. "
                "Avsluta det med `avsluta mötet` först.",
                f"The meeting of {current.date.isoformat()} (meeting {current.id}) is open and has "
                "paragraphs. Close it with `close meeting` first.",
            )
        # The empty meeting opened by mistake goes; its attendance moves nowhere.
        await ctx.session.execute(delete(Attendance).where(Attendance.meeting_id == current.id))
        await ctx.session.execute(delete(AgendaEntry).where(AgendaEntry.meeting_id == current.id))
        await ctx.audit("meeting.remove", "meeting", current.id, before={"status": "open"})
        await ctx.session.delete(current)
        await ctx.session.flush()
    last.status = "open"
    last.end_at = None
    ctx.cache["meeting"] = last
    await ctx.audit("meeting.reopen", "meeting", last.id, after={"status": "open"})
    ctx.say(
        f"Mötet {last.date.isoformat()} (möte {last.id}) är öppet igen.",
        f"The meeting of {last.date.isoformat()} (meeting {last.id}) is open again.",
    )


async def close_meeting(ctx: CommandContext, meeting: Meeting) -> None:
    meeting.status = "closed"
    meeting.end_at = utcnow()
    await ctx.audit("meeting.close", "meeting", meeting.id, after={"status": "closed"})


@command(
    "avsluta mötet",
    "möte slut",
    "mötet slut",
    en=("close meeting", "end meeting", "meeting end"),
    group=CommandGroup.MEETING,
    help_en="Close the open meeting",
)
async def cmd_close(ctx: CommandContext, arg: str) -> None:
    """Avsluta det öppna mötet"""
    _, meeting = await recorder(ctx)
    await close_meeting(ctx, meeting)
    ctx.say(
        f"Mötet {meeting.date.isoformat()} är avslutat. Skriv `protokoll` för att ta fram protokollet.",
        f"The meeting of {meeting.date.isoformat()} is closed. Write `minutes` to produce the minutes.",
    )


@command(
    "mötesform",
    en=("meeting form",),
    arg="colon",
    group=CommandGroup.MEETING,
    usage="mötesform: protokoll | minnesanteckningar",
    help_en="This meeting's form: minutes with justering, or notes",
)
async def cmd_form(ctx: CommandContext, arg: str) -> None:
    """Det här mötets form: protokoll (med justering) eller minnesanteckningar"""
    _, meeting = await recorder(ctx, meeting="open_or_latest")
    value = {
        "protokoll": "protokoll",
        "minutes": "protokoll",
        "minnesanteckningar": "minnesanteckningar",
        "notes": "minnesanteckningar",
    }.get(fold(arg))
    if value is None:
        raise UserError(
            "Skriv `mötesform: protokoll` eller `mötesform: minnesanteckningar`.",
            "Write `meeting form: minutes` or `meeting form: notes`.",
        )
    before = meeting.form
    meeting.form = value
    await ctx.audit(
        "meeting.form", "meeting", meeting.id, before={"form": before}, after={"form": value}
    )
    ctx.say(
        f"Mötet {meeting.date.isoformat()} förs som {value}.",
        f"The meeting of {meeting.date.isoformat()} is recorded as {value}.",
    )


@command(
    "sändlista",
    en=("distribution",),
    arg="colon",
    group=CommandGroup.MEETING,
    usage="sändlista: Mottagare; Mottagare",
    help_en="Who this meeting's minutes are sent to (instead of the body's list)",
)
async def cmd_distribution(ctx: CommandContext, arg: str) -> None:
    """Vilka det här mötets protokoll ska skickas till (i stället för organets sändlista)"""
    from dialogs.recording import recorder
    from dialogs.text import split_people

    _, meeting = await recorder(ctx, meeting="open_or_latest")
    names = [squash(n) for n in split_people(arg) if squash(n)]
    if not names:
        raise UserError(
            "Skriv `sändlista: Mottagare; Mottagare`.",
            "Write `distribution: Recipient; Recipient`.",
        )
    before = {"distribution": meeting.distribution}
    meeting.distribution = names
    await ctx.audit("meeting.distribution", "meeting", meeting.id, before, {"distribution": names})
    ctx.say(
        f"Protokollet från {meeting.date.isoformat()} ska skickas till: {'; '.join(names)}.",
        f"The minutes of {meeting.date.isoformat()} go to: {'; '.join(names)}.",
    )
