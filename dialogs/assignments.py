"""Uppdrag: who does what, by when."""

from __future__ import annotations

import re

from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.dates import find_due, refuse_impossible_date
from dialogs.errors import UserError
from dialogs.people import require_manager, speaker_person, speaker_person_if_known
from dialogs.recording import recorder
from dialogs.registry import command
from dialogs.text import name_key, squash
from storage.directory import body_people
from storage.models import Assignment, Body, Item, Meeting, Person, utcnow
from storage.record import AssignmentRow, assignments

# Present-tense verbs end in -r; the assignee is what comes before the first of them.
VERB = re.compile(
    r"^(?:[a-zåäö]+(?:ar|er|ir|or|ur|yr|år|är|ör)|tar|får|går|ser|gör|ger|bjuder|återkommer|undersöker)$"
)


async def split_assignee(
    ctx: CommandContext, body: Body, text: str
) -> tuple[str | None, Person | None, str]:
    """ "Cecilia Grefve-Lang kontaktar SKR …" → ("Cecilia Grefve-Lang", person, "kontaktar SKR …")."""
    words = text.split()
    people = await body_people(ctx.session, body.id)
    by_key = {p.name_key: p for p in people}
    # The longest run of leading words that names a known person.
    for n in range(min(5, len(words) - 1), 0, -1):
        candidate = " ".join(words[:n]).rstrip(",:")
        person = by_key.get(name_key(candidate))
        if person is not None:
            return person.display_name, person, " ".join(words[n:])
    for i, word in enumerate(words):
        if i > 0 and VERB.match(word.lower()) and not word[0].isupper():
            return " ".join(words[:i]).rstrip(",:"), None, " ".join(words[i:])
    return None, None, text


@command(
    "uppdrag",
    en=("assignment", "assignments"),
    arg="optional_colon",
    group="Uppdrag",
    usage="uppdrag: Namn gör vad till när",
    help_en="Record an assignment (who, what, by when); alone: the body's open ones",
)
async def cmd_assignment(ctx: CommandContext, arg: str) -> None:
    """Ge ett uppdrag (vem, vad, till när); ensamt: organets öppna uppdrag"""
    body = await current_body(ctx)
    if not arg:
        rows = await assignments(ctx.session, ctx.turn.tenant_id, body_ids=[body.id])
        ctx.say(
            _list(
                ctx, rows, ctx.t(f"Öppna uppdrag i {body.name}", f"Open assignments of {body.name}")
            )
        )
        return
    body, meeting = await recorder(ctx)
    text = squash(arg)
    if len(text) > 2000:
        raise UserError(
            "Ett uppdrag får vara högst 2000 tecken.",
            "An assignment may be at most 2000 characters.",
        )
    assignee, person, what = await split_assignee(ctx, body, text)
    if not what:
        raise UserError(
            "Skriv `uppdrag: Namn gör vad till när`, t.ex. `uppdrag: Cecilia Grefve-Lang kontaktar SKR till 3 september`.",
            "Write `assignment: Name does what by when`.",
        )
    refuse_impossible_date(
        what,
        "`uppdrag: Namn gör något till 3 september` eller `… till 2021-09-03`",
        "`assignment: Name does something by 3 September` or `… by 2021-09-03`",
    )
    due, _ = find_due(what, meeting.date, meeting.next_meeting_date)
    item = await ctx.session.get(Item, meeting.current_item_id) if meeting.current_item_id else None
    row = Assignment(
        tenant_id=ctx.turn.tenant_id,
        body_id=body.id,
        meeting_id=meeting.id,
        item_id=item.id if item else None,
        assignee_text=assignee,
        assignee_person_id=person.id if person else None,
        what=what,
        due_date=due.date,
        due_text=due.text,
        created_by_person_id=ctx.cache["speaker_person"].id,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    await ctx.audit(
        "assignment.add",
        "assignment",
        row.id,
        after={
            "assignee": assignee,
            "what": what,
            "due": due.date.isoformat() if due.date else None,
            "due_text": due.text,
        },
    )
    in_paragraph = item is not None and item.is_paragraph
    where = f" i § {item.label}" if item is not None and in_paragraph else ""
    where_en = f" in § {item.label}" if item is not None and in_paragraph else ""
    due_sv = (
        f", klart {due.date.isoformat()} ({due.text})"
        if due.date
        else (f", klart ”{due.text}”" if due.text else "")
    )
    due_en = (
        f", due {due.date.isoformat()} ({due.text})"
        if due.date
        else (f", due “{due.text}”" if due.text else "")
    )
    msg_sv = f"Uppdrag {row.id}{where}: {assignee or 'ansvarig ej angiven'} – {what}{due_sv}."
    msg_en = f"Assignment {row.id}{where_en}: {assignee or 'no assignee given'} – {what}{due_en}."
    if due.text and not due.understood:
        msg_sv += f" Jag kunde inte läsa slutdatumet ”{due.text}”; det sparas som det står."
        msg_en += f" I could not read the due date “{due.text}”; it is kept as written."
    elif due.text and due.date is None:
        msg_sv += " Datumet sätts när nästa möte är bestämt."
        msg_en += " The date follows once the next meeting is set."
    if assignee and person is None:
        msg_sv += f" ({assignee} finns inte i organets register; uppdraget står på namnet.)"
        msg_en += f" ({assignee} is not in the body's register; the assignment stands on the name.)"
    ctx.say(msg_sv, msg_en)


def _list(ctx: CommandContext, rows: list[AssignmentRow], title: str) -> str:
    if not rows:
        return ctx.t(f"{title}: inga.", f"{title}: none.")
    lines = [f"**{title}** ({len(rows)})"]
    today = ctx.turn.today
    for r in rows:
        a = r.assignment
        due = ""
        if a.due_date:
            late = (
                ctx.t(" – försenat", " – overdue")
                if a.due_date < today and a.status == "open"
                else ""
            )
            due = (
                f" (klart {a.due_date.isoformat()}{late})"
                if ctx.lang == "sv"
                else f" (due {a.due_date.isoformat()}{late})"
            )
        elif a.due_text:
            due = f" ({a.due_text})"
        where = f"{r.body.short_name or r.body.name}"
        if r.meeting is not None:
            where += f" {r.meeting.date.isoformat()}"
        if r.item is not None and r.item.is_paragraph:
            where += f" § {r.item.label}"
        lines.append(f"- [{a.id}] {a.assignee_text or '–'}: {a.what}{due} — {where}")
    return "\n".join(lines)


@command("mina uppdrag", en=("my assignments",), group="Uppdrag", help_en="Your open assignments")
async def cmd_mine(ctx: CommandContext, arg: str) -> None:
    """Dina öppna uppdrag"""
    person = await speaker_person_if_known(ctx)
    rows = await assignments(ctx.session, ctx.turn.tenant_id, person_id=person.id) if person else []
    ctx.say(_list(ctx, rows, ctx.t("Dina öppna uppdrag", "Your open assignments")))


@command(
    "uppdrag klart",
    "uppdrag klar",
    en=("assignment done",),
    arg="ref",
    group="Uppdrag",
    usage="uppdrag klart 12",
    help_en="Mark an assignment done",
)
async def cmd_done(ctx: CommandContext, arg: str) -> None:
    """Markera ett uppdrag som klart"""
    body = await current_body(ctx)
    if not arg.strip().isdigit():
        raise UserError(
            "Skriv `uppdrag klart 12` med uppdragets nummer.",
            "Write `assignment done 12` with the assignment's number.",
        )
    row = await ctx.session.get(Assignment, int(arg.strip()))
    if row is None or row.body_id != body.id:
        raise UserError(
            f"Uppdrag {arg.strip()} finns inte i {body.name}.",
            f"Assignment {arg.strip()} is not in {body.name}.",
        )
    me = await speaker_person(ctx)
    if row.assignee_person_id != me.id:
        meeting = await ctx.session.get(Meeting, row.meeting_id) if row.meeting_id else None
        await require_manager(ctx, body, meeting)
    if row.status == "done":
        ctx.say(f"Uppdrag {row.id} är redan klart.", f"Assignment {row.id} is already done.")
        return
    row.status = "done"
    row.done_at = utcnow()
    await ctx.audit(
        "assignment.done", "assignment", row.id, before={"status": "open"}, after={"status": "done"}
    )
    ctx.say(f"Uppdrag {row.id} är klart: {row.what}", f"Assignment {row.id} is done: {row.what}")
