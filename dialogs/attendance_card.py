"""The attendance card: who is here by role and status, who sent återbud, quorum.

Its own module, so that opening a meeting (dialogs/meetings.py) and registering attendance
(dialogs/attendance.py) both post it without importing each other."""

from __future__ import annotations

from typing import Any

from dialogs import cards
from dialogs.context import CommandContext
from dialogs.people import person_line
from storage.directory import members_with_role
from storage.meetings import AttendeeRow, attendance_list, quorum
from storage.models import Body, Meeting, Person

ROLE_LABELS = {
    "ordforande": ("ordförande", "chair"),
    "sekreterare": ("sekreterare", "secretary"),
    "adjungerad": ("adjungerad", "co-opted"),
    "tjansteperson": ("tjänsteperson", "official"),
    "brukarrepresentant": ("brukarrepresentant", "user representative"),
    "ovrig": ("övrig deltagare", "other participant"),
    None: ("justerare", "adjuster"),
}


GROUPS = [
    ("ordforande", "Ordförande", "Chair"),
    ("vice_ordforande", "Vice ordförande", "Vice chair"),
    ("ledamot", "Ledamöter", "Members"),
    ("ersattare", "Ersättare", "Deputies"),
    ("tjansteperson", "Tjänstepersoner", "Officials"),
    ("brukarrepresentant", "Brukarrepresentanter", "User representatives"),
    ("adjungerad", "Adjungerade", "Co-opted"),
    ("ovrig", "Övriga deltagare", "Other participants"),
    ("sekreterare", "Sekreterare", "Secretary"),
]


async def _member_roles(ctx: CommandContext, body: Body) -> dict[int, str]:
    rows = await members_with_role(
        ctx.session,
        body.id,
        [
            "ledamot",
            "ersattare",
            "ordforande",
            "vice_ordforande",
            "tjansteperson",
            "brukarrepresentant",
        ],
    )
    roles: dict[int, str] = {}
    for m in rows:
        # A member's seat wins over a standing chair role for grouping; the meeting sets chair.
        roles.setdefault(m.person_id, m.role)
    return roles


def _group_of(row: AttendeeRow, member_roles: dict[int, str], meeting: Meeting) -> str:
    # The meeting's chair and secretary are grouped by the meeting, whatever else they hold.
    if row.person.id == meeting.chair_person_id:
        return "ordforande"
    if row.person.id == meeting.secretary_person_id:
        return "sekreterare"
    role = row.attendance.role or member_roles.get(row.person.id) or "ovrig"
    return role if role in dict((g, 1) for g, _, _ in GROUPS) else "ovrig"


def _line(row: AttendeeRow, lang: str) -> str:
    text = person_line(row.person)
    a = row.attendance
    if a.role == "ersattare" and row.substitute_for is not None:
        text += (
            f" (tjänstgörande för {row.substitute_for.display_name})"
            if lang == "sv"
            else f" (serving for {row.substitute_for.display_name})"
        )
    if a.status == "partial":
        note = a.partial_note or ""
        text += (
            f" (del av mötet{', ' + note if note else ''})"
            if lang == "sv"
            else f" (part of the meeting{', ' + note if note else ''})"
        )
    return text


async def attendance_text_and_groups(
    ctx: CommandContext, meeting: Meeting
) -> tuple[list[tuple[str, list[str]]], int, str | None]:
    body = await ctx.session.get(Body, meeting.body_id)
    assert body is not None
    member_roles = await _member_roles(ctx, body)
    rows = await attendance_list(ctx.session, meeting.id)
    sections: list[tuple[str, list[str]]] = []
    present_rows = [r for r in rows if r.attendance.status in ("present", "partial")]
    for key, sv, en in GROUPS:
        lines = [
            _line(r, ctx.lang) for r in present_rows if _group_of(r, member_roles, meeting) == key
        ]
        if lines:
            sections.append((ctx.t(sv, en), lines))
    justerare = [r.person.display_name for r in rows if r.attendance.is_justerare]
    if justerare:
        sections.append((ctx.t("Justerare", "Adjusters"), justerare))
    # A role given to someone who has not checked in: shown with the role, not as present.
    with_role = [
        f"{r.person.display_name} ({ctx.t(*ROLE_LABELS.get(r.attendance.role, ('', '')))})"
        for r in rows
        if r.attendance.status == "unregistered"
        and r.attendance.role is not None
        and r.attendance.role in ROLE_LABELS
    ]
    if with_role:
        sections.append((ctx.t("Roll men ej anmäld närvaro", "Role, not checked in"), with_role))
    for kind, sv, en in (
        ("aterbud", "Återbud", "Apologies"),
        ("franvarande", "Frånvarande", "Absent"),
    ):
        lines = [
            person_line(r.person)
            for r in rows
            if r.attendance.status == "absent"
            and (r.attendance.absence_kind or "franvarande") == kind
        ]
        if lines:
            sections.append((ctx.t(sv, en), lines))
    # Members with no attendance recorded are shown as not (yet) here, which is what quorum needs.
    recorded = {r.person.id for r in rows if r.attendance.status != "unregistered"}
    missing = [
        pid for pid, role in member_roles.items() if role == "ledamot" and pid not in recorded
    ]
    if missing:
        people = [await ctx.session.get(Person, pid) for pid in missing]
        sections.append(
            (
                ctx.t("Ej anmälda ledamöter", "Members not checked in"),
                [p.display_name for p in people if p],
            )
        )
    q = await quorum(ctx.session, meeting)
    quorum_line = None
    if q is not None:
        quorum_line = ctx.t(
            f"Beslutförhet: {q.present} av {q.members} ledamöter – {'beslutfört' if q.reached else 'inte beslutfört'}",
            f"Quorum: {q.present} of {q.members} members – {'quorate' if q.reached else 'not quorate'}",
        )
    return sections, len(present_rows), quorum_line


async def attendance_card(ctx: CommandContext, meeting: Meeting) -> tuple[dict[str, Any], str]:
    body = await ctx.session.get(Body, meeting.body_id)
    assert body is not None
    sections, present, quorum_line = await attendance_text_and_groups(ctx, meeting)
    title = ctx.t(
        f"Närvaro – {body.name} {meeting.date.isoformat()}",
        f"Attendance – {body.name} {meeting.date.isoformat()}",
    )
    elements: list[dict[str, Any]] = [
        cards.heading(title),
        cards.text(ctx.t(f"Närvarande: {present}", f"Present: {present}"), isSubtle=True),
    ]
    text_lines = [f"**{title}**", ctx.t(f"Närvarande: {present}", f"Present: {present}")]
    for head, lines in sections:
        elements.append(cards.text(f"**{head}**", spacing="Medium"))
        elements.append(cards.text("\n".join(f"- {line}" for line in lines)))
        text_lines.append(f"{head}:")
        text_lines.extend(f"- {line}" for line in lines)
    if quorum_line:
        elements.append(cards.text(quorum_line, weight="Bolder", spacing="Medium"))
        text_lines.append(quorum_line)
    actions = (
        [cards.execute(ctx.t("Jag är här", "I'm here"), "checkin", {"meetingId": meeting.id})]
        if meeting.status == "open"
        else []
    )
    return cards.card(elements, actions), "\n".join(text_lines)


# What a recorded change is called in its acknowledgement: (Swedish, English).
_ACK_LABELS = {
    "närvarande": ("närvarande", "present"),
    "återbud": ("återbud", "apologies"),
    "frånvarande": ("frånvarande", "absent"),
    "ersättare": ("ersättare", "deputies"),
    "del av mötet": ("närvarande del av mötet", "present for part of the meeting"),
}


async def post_card(
    ctx: CommandContext,
    meeting: Meeting,
    *,
    fresh: bool = False,
    ack: tuple[str, list[Person]] | None = None,
) -> None:
    """The attendance card: updated in place while it is near the bottom of the chat, posted
    afresh when it is far up or asked for. A recorder's change is also acknowledged in a short
    text to its author; a check-in only shows on the card (a burst of 40 stays one card)."""
    card, fallback = await attendance_card(ctx, meeting)
    ctx.card(card, fallback, coalesce_key=f"attendance:{meeting.id}", fresh=fresh, follow=True)
    if ack is not None:
        word, people = ack
        sv, en = _ACK_LABELS.get(word, (word, word))
        names = ", ".join(p.display_name for p in people)
        ctx.say(f"Noterat – {sv}: {names}.", f"Noted – {en}: {names}.")
