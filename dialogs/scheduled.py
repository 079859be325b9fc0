"""What the scheduler posts, built when it is due from what the record says then: the kallelse
draft (or the kallelse itself), the återkoppling card of a meeting that opened, and personal
reminders of assignments. Also `påminnelser`, which shows the posts and what became of them.

Only meetings held in chat bring återkoppling and reminders: importing old minutes never
schedules a post, and a meeting plan schedules only what lies ahead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, and_, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.between import kallelse_card, kallelse_text, plan_for_meeting
from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.feedback import feedback_card
from dialogs.plan_text import at_local, local_date, when_en, when_sv
from dialogs.registry import command
from dialogs.reply import Reply
from storage import rhythm
from storage.directory import members_with_role
from storage.minutes import PublicationTarget, publication_target
from storage.models import Assignment, Body, Meeting
from storage.rhythm import PlannedMeeting, ScheduledPost
from storage.rhythm_targets import conversation_target, personal_chat

REMINDER_DAYS = 3  # a personal reminder this many days before an assignment is due
REMINDER_HOUR = 9
MISSED_SV = "missad: tiden gick ut"


@dataclass
class Built:
    """send: post `messages`; skip: nothing to say (recorded); drop: missed (recorded)."""

    outcome: str
    reason: str | None = None
    messages: list[tuple[Reply, PublicationTarget]] = field(default_factory=list)


# --- discovery: posts that follow from what happened in chat --------------------------------


def _opened_without_feedback() -> Select[Meeting]:
    has_feedback = exists().where(
        and_(ScheduledPost.meeting_id == Meeting.id, ScheduledPost.kind == "aterkoppling")
    )
    return select(Meeting).where(Meeting.status == "open", Meeting.source == "chat", ~has_feedback)


def _due_soon_without_reminder(today: dt.date) -> Select[Assignment]:
    has_reminder = exists().where(
        and_(ScheduledPost.assignment_id == Assignment.id, ScheduledPost.kind == "reminder")
    )
    return (
        select(Assignment)
        .join(Meeting, Meeting.id == Assignment.meeting_id)
        .where(
            Assignment.status == "open",
            Assignment.assignee_person_id.is_not(None),
            Assignment.due_date.is_not(None),
            Assignment.due_date >= today,
            Assignment.due_date <= today + dt.timedelta(days=REMINDER_DAYS),
            Meeting.source == "chat",
            ~has_reminder,
        )
    )


async def discover(session: AsyncSession, now: dt.datetime) -> int:
    """Add the posts that follow from the record: återkoppling for a meeting opened in chat,
    reminders of assignments given in chat. Safe to run on several instances at once."""
    added = 0
    opened = (await session.scalars(_opened_without_feedback())).all()
    for meeting in opened:
        plan = await plan_for_meeting(session, meeting)
        if plan is not None:
            # The meeting takes the plan's place: no kallelse for it any more.
            plan.meeting_id = meeting.id
            plan.status = "held"
            await rhythm.cancel_pending(session, planned_meeting_id=plan.id, kind="kallelse")
        added += await rhythm.add_post(
            session,
            key=f"aterkoppling:{meeting.id}",
            tenant_id=meeting.tenant_id,
            body_id=meeting.body_id,
            kind="aterkoppling",
            due_at=now,
            meeting_id=meeting.id,
        )
    due_soon = (await session.scalars(_due_soon_without_reminder(local_date(now)))).all()
    for a in due_soon:
        assert a.due_date is not None
        due = max(at_local(a.due_date - dt.timedelta(days=REMINDER_DAYS), REMINDER_HOUR), now)
        added += await rhythm.add_post(
            session,
            key=f"reminder:{a.id}:{a.due_date.isoformat()}",
            tenant_id=a.tenant_id,
            body_id=a.body_id,
            kind="reminder",
            due_at=due,
            deadline_at=at_local(a.due_date + dt.timedelta(days=1), 0),
            assignment_id=a.id,
            person_id=a.assignee_person_id,
        )
    return added


async def anything_to_discover(session: AsyncSession, now: dt.datetime) -> bool:
    """A read-only look, so an idle loop takes no write lock."""
    if await session.scalar(_opened_without_feedback().with_only_columns(Meeting.id).limit(1)):
        return True
    soon = _due_soon_without_reminder(local_date(now)).with_only_columns(Assignment.id).limit(1)
    return bool(await session.scalar(soon))


# --- building a due post -----------------------------------------------------------------------


def late_note(post: ScheduledPost) -> str | None:
    if not post.late:
        return None
    return (
        f"Försenad: skulle ha kommit {when_sv(post.due_at, None)}, men tjänsten var inte i gång då."
    )


async def build(session: AsyncSession, post: ScheduledPost, now: dt.datetime) -> Built:
    if post.deadline_at is not None and now >= post.deadline_at:
        return Built(
            "drop",
            f"{MISSED_SV} {when_sv(post.deadline_at, None)} innan den kunde skickas",
        )
    body = await session.get(Body, post.body_id)
    if body is None:
        return Built("skip", "organet finns inte")
    if post.kind == "kallelse":
        return await _kallelse(session, body, post, now)
    if post.kind == "aterkoppling":
        return await _feedback(session, body, post)
    if post.kind == "reminder":
        return await _reminder(session, body, post)
    return Built("skip", f"okänd sorts post: {post.kind}")


async def _kallelse(
    session: AsyncSession, body: Body, post: ScheduledPost, now: dt.datetime
) -> Built:
    plan = await session.get(PlannedMeeting, post.planned_meeting_id)
    if plan is None or plan.status != "planned":
        return Built("skip", "mötet är inte längre planerat")
    if plan.kallelse_sent_at is not None:
        return Built("skip", "kallelsen är redan skickad")
    if now >= plan.starts_at:
        return Built("drop", "mötet hade redan börjat")
    setting = await rhythm.rhythm_of(session, body.id)
    if setting.kallelse_mode == rhythm.OFF:
        return Built("skip", "kallelse är avstängd för organet")
    text = await kallelse_text(session, body, plan)
    channel = await publication_target(session, body.tenant_id, body.id)
    if setting.kallelse_mode == rhythm.AUTO:
        if channel is None:
            return Built("skip", "organet har ingen kanal som boten nått")
        # kallelse_sent_at is set once Teams took it (bot/scheduler.py), so a retry still goes.
        return Built("send", messages=[(Reply(text=text), channel)])
    note = late_note(post)
    people: list[int] = []
    for role in ("ordforande", "sekreterare"):
        people += [m.person_id for m in await members_with_role(session, body.id, [role])]
    messages = []
    for person_id in dict.fromkeys(people):
        ref = await personal_chat(session, body.tenant_id, person_id)
        if ref is not None:
            target = PublicationTarget(ref.conversation_id, ref.service_url, False)
            card = kallelse_card(text, plan.id, note=note)
            messages.append((Reply(card=card, fallback=text), target))
    if not messages:
        if channel is None:
            return Built("skip", "varken ordförande, sekreterare eller kanal går att nå")
        fallback_note = (
            note + " " if note else ""
        ) + "Jag når varken ordförande eller sekreterare i personlig chatt, så utkastet kommer här."
        card = kallelse_card(text, plan.id, note=fallback_note)
        messages.append((Reply(card=card, fallback=text), channel))
    return Built("send", messages=messages)


async def _feedback(session: AsyncSession, body: Body, post: ScheduledPost) -> Built:
    meeting = await session.get(Meeting, post.meeting_id)
    if meeting is None or meeting.status != "open":
        return Built("skip", "mötet är inte öppet längre")
    built = await feedback_card(session, meeting)
    if built is None:
        return Built("skip", "inga uppdrag att följa upp")
    card, fallback, _ = built
    target = await conversation_target(session, body.tenant_id, meeting.conversation_id or "")
    if target is None:
        return Built("skip", "mötets konversation är okänd för boten")
    return Built("send", messages=[(Reply(card=card, fallback=fallback), target)])


async def _reminder(session: AsyncSession, body: Body, post: ScheduledPost) -> Built:
    a = await session.get(Assignment, post.assignment_id)
    if a is None or a.status != "open" or a.assignee_person_id is None or a.due_date is None:
        return Built("skip", "uppdraget är inte öppet längre")
    ref = await personal_chat(session, body.tenant_id, a.assignee_person_id)
    if ref is None:
        return Built("skip", "mottagaren har inte appen installerad personligen")
    text = (
        f"Påminnelse från {body.name}: ditt uppdrag ”{a.what}” ska vara klart "
        f"{a.due_date.isoformat()}. Svara i organets kanal med `återkoppling: {a.id} klart` "
        f"(eller `pågår`)."
    )
    target = PublicationTarget(ref.conversation_id, ref.service_url, False)
    return Built("send", messages=[(Reply(text=text), target)])


# --- påminnelser -------------------------------------------------------------------------------

KIND_SV = {"kallelse": "Kallelse", "aterkoppling": "Återkoppling", "reminder": "Påminnelse"}
KIND_EN = {"kallelse": "Kallelse", "aterkoppling": "Feedback", "reminder": "Reminder"}
# The reasons are stored in Swedish; an English `reminders` gets them in English.
REASONS_EN = {
    "organet finns inte": "the body does not exist",
    "mötet är inte längre planerat": "the meeting is no longer planned",
    "kallelsen är redan skickad": "the kallelse was already sent",
    "mötet hade redan börjat": "the meeting had already begun",
    "kallelse är avstängd för organet": "kallelse is turned off for the body",
    "organet har ingen kanal som boten nått": "the body has no channel the bot has reached",
    "varken ordförande, sekreterare eller kanal går att nå": (
        "neither chair, secretary nor channel can be reached"
    ),
    "mötet är inte öppet längre": "the meeting is no longer open",
    "inga uppdrag att följa upp": "no assignments to follow up",
    "mötets konversation är okänd för boten": "the meeting's conversation is unknown to the bot",
    "uppdraget är inte öppet längre": "the assignment is no longer open",
    "mottagaren har inte appen installerad personligen": (
        "the recipient has not installed the app personally"
    ),
}


def reason_en(reason: str) -> str:
    if reason in REASONS_EN:
        return REASONS_EN[reason]
    if reason.startswith(MISSED_SV):
        return "missed: its time ran out before it could be sent"
    if reason.startswith("internt fel"):
        return "internal error" + reason[len("internt fel") :]
    if reason.startswith("okänd sorts post"):
        return "unknown kind of post" + reason[len("okänd sorts post") :]
    return reason  # the Bot Connector's own answer ("HTTP 403: …")


STATUS_SV = {
    "pending": "väntar",
    "queued": "skickas",
    "sent": "skickad",
    "dropped": "missad",
    "failed": "misslyckades",
    "skipped": "behövdes inte",
}
STATUS_EN = {
    "pending": "waiting",
    "queued": "sending",
    "sent": "sent",
    "dropped": "missed",
    "failed": "failed",
    "skipped": "not needed",
}


@command(
    "påminnelser",
    en=("reminders", "scheduled posts"),
    group="Mellan mötena",
    help_en="The posts the bot will make and has made between meetings, and any that failed",
)
async def cmd_posts(ctx: CommandContext, arg: str) -> None:
    """Vad boten ska skicka och har skickat mellan mötena, och vad som misslyckades"""
    body = await current_body(ctx)
    posts = await rhythm.posts_of_body(ctx.session, body.id)
    if not posts:
        ctx.say(
            f"Inga schemalagda utskick för {body.name}. Lägg in möten med `mötesplan: …`.",
            f"No scheduled posts for {body.name}. Plan meetings with `meeting plan: …`.",
        )
        return
    lines = []
    for p in posts:
        when = when_sv(p.due_at, None) if ctx.lang == "sv" else when_en(p.due_at, None)
        kind = (KIND_SV if ctx.lang == "sv" else KIND_EN).get(p.kind, p.kind)
        status = (STATUS_SV if ctx.lang == "sv" else STATUS_EN).get(p.status, p.status)
        extra = ""
        if p.late and p.status == "sent":
            extra += ctx.t(" (försenad)", " (late)")
        if p.status in ("failed", "dropped", "skipped") or (p.status == "pending" and p.last_error):
            if p.last_error:
                reason = p.last_error if ctx.lang == "sv" else reason_en(p.last_error)
                extra += f" – {reason[:200]}"
        if p.status == "pending" and p.attempts:
            extra += ctx.t(
                f" (försök {p.attempts + 1} {when_sv(p.next_attempt_at, None)})",
                f" (attempt {p.attempts + 1} at {when_en(p.next_attempt_at, None)})",
            )
        lines.append(f"- {kind} {when}: {status}{extra}")
    ctx.say(
        f"**Utskick för {body.name}**\n" + "\n".join(lines),
        f"**Posts of {body.name}**\n" + "\n".join(lines),
    )
