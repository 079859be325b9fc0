"""Who is here, in what role: self check-in, the secretary's register, Teams meeting events."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dialogs import cards
from dialogs.actions import action
from dialogs.attendance_card import ROLE_LABELS, attendance_card, post_card
from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.events import on_event
from dialogs.labels import CommandGroup
from dialogs.meetings import close_meeting, open_meeting
from dialogs.people import (
    bind_mentions,
    confirmed_speaker,
    name_entries,
    person_line,
    require_admin,
    require_manager,
    resolve_person,
    speaker_person,
)
from dialogs.recording import current_meeting, current_meeting_or_latest, recorder
from dialogs.registry import Handler, command, table_command
from dialogs.reply import InvokeResult
from dialogs.text import split_people, squash
from storage.directory import body_for_conversation, ensure_identity
from storage.meetings import (
    attendance_list,
    attendance_snapshot,
    meeting_by_teams_id,
    open_meeting_in,
    set_attendance,
)
from storage.models import Attendance, LinkRequest, Meeting, Person, PersonIdentity


async def _audit_attendance(
    ctx: CommandContext, row: Attendance, before: dict[str, object] | None, action: str
) -> None:
    await ctx.audit(action, "attendance", row.id, before, attendance_snapshot(row))


async def self_check_in(ctx: CommandContext, meeting: Meeting) -> bool:
    """Returns False when the speaker was already checked in (twice is once)."""
    person = await speaker_person(ctx)
    source = "console" if ctx.turn.source == "console" else "self"
    from storage.meetings import attendance_of

    existing = await attendance_of(ctx.session, meeting.id, person.id)
    if existing is not None and existing.status in ("present", "partial"):
        return False
    row, before = await set_attendance(
        ctx.session,
        meeting.id,
        person.id,
        source=source,
        recorded_by=person.id,
        status="present",
        absence_kind=None,
    )
    await _audit_attendance(ctx, row, before, "attendance.self")
    return True


@command(
    "närvarande",
    en=("present",),
    arg="optional_colon",
    group=CommandGroup.ATTENDANCE,
    usage="närvarande [: Namn, organisation; Namn …]",
    help_en="Alone: I am here. With names: the secretary registers them as present",
)
async def cmd_present(ctx: CommandContext, arg: str) -> None:
    """Ensamt: jag är här. Med namn: sekreteraren anmäler dem som närvarande"""
    meeting = await current_meeting(ctx)
    if not arg:
        await self_check_in(ctx, meeting)
        await post_card(ctx, meeting)
        return
    await _register(ctx, arg, "närvarande", status="present", absence_kind=None)


@command(
    "här",
    "jag är här",
    en=("here", "i'm here", "i am here"),
    group=CommandGroup.ATTENDANCE,
    help_en="I am here (check in)",
)
async def cmd_here(ctx: CommandContext, arg: str) -> None:
    """Jag är här (anmäl närvaro)"""
    meeting = await current_meeting(ctx)
    await self_check_in(ctx, meeting)
    await post_card(ctx, meeting)


async def _register(ctx: CommandContext, arg: str, word: str, **fields: Any) -> list[Person]:
    body, meeting = await recorder(ctx)
    entries = await name_entries(ctx, body, arg)
    if not entries:
        raise UserError(
            f"Skriv namnen efter kolonet: `{word}: Namn, organisation; Namn …`.",
            f"Write the names after the colon: `{word}: Name, organisation; Name …`.",
        )
    people = []
    source = "console" if ctx.turn.source == "console" else "secretary"
    speaker = ctx.cache["speaker_person"]
    for entry in entries:
        person = await resolve_person(ctx, body, entry, create="ask")
        row, before = await set_attendance(
            ctx.session, meeting.id, person.id, source=source, recorded_by=speaker.id, **fields
        )
        await _audit_attendance(ctx, row, before, f"attendance.{word}")
        people.append(person)
    await bind_mentions(ctx, people)
    await post_card(ctx, meeting, ack=(word, people))
    return people


@command(
    "återbud",
    en=("apologies", "regrets"),
    arg="colon",
    group=CommandGroup.ATTENDANCE,
    usage="återbud: Namn; Namn",
    help_en="Record apologies (absent with notice)",
)
async def cmd_regrets(ctx: CommandContext, arg: str) -> None:
    """Anmäl återbud för andra"""
    await _register(ctx, arg, "återbud", status="absent", absence_kind="aterbud")


@command(
    "frånvarande",
    en=("absent",),
    arg="colon",
    group=CommandGroup.ATTENDANCE,
    usage="frånvarande: Namn; Namn",
    help_en="Record people as absent",
)
async def cmd_absent(ctx: CommandContext, arg: str) -> None:
    """Anmäl frånvarande"""
    await _register(ctx, arg, "frånvarande", status="absent", absence_kind="franvarande")


SUBSTITUTE = re.compile(
    r"^(.*?)\s+(?:för|for|istället för|i stället för|ersätter|in place of|replaces)\s+(.+)$",
    re.IGNORECASE,
)


@command(
    "ersättare",
    en=("substitute", "deputy"),
    arg="colon",
    group=CommandGroup.ATTENDANCE,
    usage="ersättare: Namn för Namn",
    help_en="A deputy serves in place of a member",
)
async def cmd_substitute(ctx: CommandContext, arg: str) -> None:
    """En ersättare tjänstgör för en ledamot"""
    body, meeting = await recorder(ctx)
    entries = split_people(arg)
    if not entries:
        raise UserError(
            "Skriv `ersättare: Ingela Sundberg för Torbjörn Holm`.",
            "Write `substitute: Ingela Sundberg for Torbjörn Holm`.",
        )
    speaker = ctx.cache["speaker_person"]
    source = "console" if ctx.turn.source == "console" else "secretary"
    deputies: list[Person] = []
    for entry in entries:
        m = SUBSTITUTE.match(entry)
        if not m:
            raise UserError(
                f"”{entry}”: skriv vem som ersätter vem, t.ex. `ersättare: Ingela Sundberg för Torbjörn Holm`.",
                f"“{entry}”: write who serves for whom, e.g. `substitute: Ingela Sundberg for Torbjörn Holm`.",
            )
        try:
            # Only people the body knows: an unknown name must not move the quorum.
            deputy = await resolve_person(ctx, body, m.group(1), create=False)
            member = await resolve_person(ctx, body, m.group(2), create=False)
        except UserError as err:
            err.sv += " Skriv `ersättare: Namn för Namn` med namn som finns i organet."
            err.en += " Write `substitute: Name for Name` with names the body knows."
            raise
        if deputy.id == member.id:
            raise UserError(
                "En person kan inte ersätta sig själv.",
                "A person cannot substitute for themselves.",
            )
        row, before = await set_attendance(
            ctx.session,
            meeting.id,
            deputy.id,
            source=source,
            recorded_by=speaker.id,
            status="present",
            absence_kind=None,
            role="ersattare",
            substitute_for_person_id=member.id,
        )
        await _audit_attendance(ctx, row, before, "attendance.ersattare")
        deputies.append(deputy)
        from storage.meetings import attendance_of

        if await attendance_of(ctx.session, meeting.id, member.id) is None:
            absent, _ = await set_attendance(
                ctx.session,
                meeting.id,
                member.id,
                source=source,
                recorded_by=speaker.id,
                status="absent",
                absence_kind="franvarande",
            )
            await _audit_attendance(ctx, absent, None, "attendance.franvarande")
    await post_card(ctx, meeting, ack=("ersättare", deputies))


@command(
    "del av mötet",
    en=("part of meeting", "partly present"),
    arg="colon",
    group=CommandGroup.ATTENDANCE,
    usage="del av mötet: Namn, §§ 113–118",
    help_en="Present for part of the meeting (paragraphs or times)",
)
async def cmd_partial(ctx: CommandContext, arg: str) -> None:
    """Närvarande del av mötet (paragrafer eller tider)"""
    body, meeting = await recorder(ctx)
    entries = split_people(arg)
    if not entries:
        raise UserError(
            "Skriv `del av mötet: Hans Abrahamsson, §§ 113–118`.",
            "Write `part of meeting: Hans Abrahamsson, §§ 113–118`.",
        )
    speaker = ctx.cache["speaker_person"]
    source = "console" if ctx.turn.source == "console" else "secretary"
    partial: list[Person] = []
    for entry in entries:
        name, _, note = entry.partition(",")
        person = await resolve_person(ctx, body, name, create="ask")
        row, before = await set_attendance(
            ctx.session,
            meeting.id,
            person.id,
            source=source,
            recorded_by=speaker.id,
            status="partial",
            absence_kind=None,
            partial_note=squash(note) or None,
        )
        await _audit_attendance(ctx, row, before, "attendance.partial")
        partial.append(person)
    await post_card(ctx, meeting, ack=("del av mötet", partial))


async def _role(
    ctx: CommandContext, arg: str, word: str, role: str | None, *, justerare: bool = False
) -> None:
    """A role at the meeting. It never changes anyone's attendance or the quorum: someone who
    has not checked in keeps that status (`unregistered`), someone absent stays absent."""
    meeting, previous = await _register_role(ctx, arg, word, role, justerare)
    await post_card(ctx, meeting)
    sv, en = ROLE_LABELS[role]
    names = ", ".join(p.display_name for p in ctx.cache["role_people"])
    if previous is not None:
        ctx.say(
            f"{names} är nu {sv} för mötet, i stället för {previous.display_name}.",
            f"{names} is now the meeting's {en}, in place of {previous.display_name}.",
        )
    else:
        # The acknowledgement to its author; attendance is not changed by a role.
        ctx.say(f"Noterat – {sv}: {names}.", f"Noted – {en}: {names}.")


async def _register_role(
    ctx: CommandContext, arg: str, word: str, role: str | None, justerare: bool
) -> tuple[Meeting, Person | None]:
    body = await current_body(ctx)
    await speaker_person(ctx)
    if justerare:
        # The justerare is often named after the meeting has closed, before the minutes go out.
        meeting = await current_meeting_or_latest(ctx)
        if meeting.status not in ("open", "closed"):
            raise UserError(
                f"Protokollet för {meeting.date.isoformat()} är redan justerat.",
                f"The minutes of {meeting.date.isoformat()} are already approved.",
            )
    else:
        meeting = await current_meeting(ctx)
    await require_manager(ctx, body, meeting)
    entries = await name_entries(ctx, body, arg)
    if not entries:
        raise UserError(
            f"Skriv namnet efter kolonet: `{word}: Namn`.",
            f"Write the name after the colon: `{word}: Name`.",
        )
    if role in ("ordforande", "sekreterare") and len(entries) > 1:
        raise UserError(
            f"Ett möte har en {word}. Skriv ett namn.", f"A meeting has one {word}. Write one name."
        )
    from storage.meetings import attendance_of

    speaker = ctx.cache["speaker_person"]
    source = "console" if ctx.turn.source == "console" else "secretary"
    people = []
    for entry in entries:
        person = await resolve_person(ctx, body, entry, create="ask")
        held = {meeting.chair_person_id: "ordförande", meeting.secretary_person_id: "sekreterare"}
        if role not in (None, "ordforande", "sekreterare") and person.id in held:
            raise UserError(
                f"{person.display_name} är mötets {held[person.id]}; den rollen ändras inte av "
                f"`{word}:`. Byt {held[person.id]} med `{held[person.id]}: Namn`. Inget ändrades.",
                f"{person.display_name} is the meeting's "
                f"{'chair' if held[person.id] == 'ordförande' else 'secretary'}; `{word}:` does "
                "not change that. Nothing was changed.",
            )
        existing = await attendance_of(ctx.session, meeting.id, person.id)
        fields: dict[str, Any] = {}
        if existing is None:
            # A role, not a check-in: the person is listed with the role, not as present.
            fields["status"] = "unregistered"
        if role is not None:
            fields["role"] = role
        if justerare:
            fields["is_justerare"] = True
        row, before = await set_attendance(
            ctx.session, meeting.id, person.id, source=source, recorded_by=speaker.id, **fields
        )
        await _audit_attendance(ctx, row, before, f"attendance.{role or 'justerare'}")
        people.append(person)
    await bind_mentions(ctx, people)
    ctx.cache["role_people"] = people
    previous: Person | None = None
    if role in ("ordforande", "sekreterare"):
        # One chair and one secretary per meeting: the new one replaces the old.
        field = "chair_person_id" if role == "ordforande" else "secretary_person_id"
        old_id = getattr(meeting, field)
        if old_id is not None and old_id != people[0].id:
            previous = await ctx.session.get(Person, old_id)
        for other in await attendance_list(ctx.session, meeting.id):
            if other.attendance.role == role and other.person.id != people[0].id:
                before = attendance_snapshot(other.attendance)
                other.attendance.role = None
                await _audit_attendance(
                    ctx, other.attendance, before, f"attendance.{role}.replaced"
                )
        setattr(meeting, field, people[0].id)
        await ctx.audit(
            f"meeting.{role}",
            "meeting",
            meeting.id,
            before={field: old_id},
            after={field: people[0].id},
        )
    return meeting, previous


@dataclass(frozen=True)
class RoleCommand:
    """One role a recorder names at the meeting; every row becomes a command."""

    role: str | None  # Attendance.role; None for justerare (a flag, not a role)
    words_sv: tuple[str, ...]
    words_en: tuple[str, ...]
    usage: str
    help_sv: str
    help_en: str


ROLE_COMMANDS = (
    RoleCommand(
        "ordforande", ("ordförande",), ("chair",), "ordförande: Namn", "Mötets ordförande",
        "The meeting's chair",
    ),
    RoleCommand(
        "sekreterare", ("sekreterare",), ("secretary",), "sekreterare: Namn",
        "Mötets sekreterare", "The meeting's secretary",
    ),
    RoleCommand(
        None, ("justerare",), ("adjuster",), "justerare: Namn", "Vem som justerar protokollet",
        "Who approves (justerar) the minutes",
    ),
    RoleCommand(
        "adjungerad", ("adjungerad",), ("co-opted",), "adjungerad: Namn, organisation",
        "Adjungerade", "Co-opted participants",
    ),
    RoleCommand(
        "tjansteperson", ("tjänsteperson", "tjänstepersoner"), ("official", "officials"),
        "tjänsteperson: Namn, organisation och titel", "Tjänstepersoner",
        "Officials (tjänstepersoner)",
    ),
    RoleCommand(
        "brukarrepresentant", ("brukarrepresentant",), ("user representative",),
        "brukarrepresentant: Namn, organisation", "Brukarrepresentanter", "User representatives",
    ),
    RoleCommand(
        "ovrig", ("övrig", "övriga", "gäst"), ("guest", "other participant"),
        "övrig: Namn, organisation", "Övriga deltagare och gäster",
        "Other participants and guests",
    ),
)  # fmt: skip


def _role_handler(spec: RoleCommand) -> Handler:
    async def handler(ctx: CommandContext, arg: str) -> None:
        await _role(ctx, arg, spec.words_sv[0], spec.role, justerare=spec.role is None)

    return handler


for _spec in ROLE_COMMANDS:
    table_command(
        f"cmd_role_{_spec.role or 'justerare'}",
        _spec.help_sv,
        _role_handler(_spec),
        *_spec.words_sv,
        en=_spec.words_en,
        arg="colon",
        group=CommandGroup.ATTENDANCE,
        usage=_spec.usage,
        help_en=_spec.help_en,
    )


@command(
    "närvarolista",
    "vilka är här",
    "närvaro",
    en=("attendance", "who is here"),
    group=CommandGroup.ATTENDANCE,
    help_en="The attendance list, by role and status, with quorum",
)
async def cmd_list(ctx: CommandContext, arg: str) -> None:
    """Närvarolistan, efter roll och status, med beslutförhet"""
    # After closing, the list of the meeting just closed (what the minutes will say).
    meeting = await current_meeting_or_latest(ctx)
    await post_card(ctx, meeting, fresh=True)  # asked for: shown where the asker is


@action("checkin")
async def act_checkin(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    """The "Jag är här" button: answered in the invoke response, the card updates in place."""
    body = await current_body(ctx)
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None or (data.get("meetingId") and meeting.id != data.get("meetingId")):
        raise UserError("Mötet är inte öppet längre.", "The meeting is no longer open.")
    await self_check_in(ctx, meeting)
    card, _ = await attendance_card(ctx, meeting)
    return InvokeResult(card=card)


# --- linking a second identity to an existing person -------------------------------------


@command(
    "koppla",
    en=("link",),
    arg="colon",
    group=CommandGroup.ATTENDANCE,
    usage="koppla: Namn",
    help_en="Ask to be linked to an existing person of the body (an admin confirms)",
)
async def cmd_link(ctx: CommandContext, arg: str) -> None:
    """Be att bli kopplad till en befintlig person i organet (en administratör bekräftar)"""
    body = await current_body(ctx)
    me = await speaker_person(ctx)
    target = await resolve_person(ctx, body, arg, create=False)
    if target.id == me.id and await confirmed_speaker(ctx) is not None:
        ctx.say("Du är redan kopplad till den personen.", "You are already linked to that person.")
        return
    sp = ctx.turn.speaker
    assert sp is not None
    ident = await ensure_identity(
        ctx.session,
        ctx.turn.tenant_id,
        provider=sp.provider,
        subject=sp.subject,
        display_name=sp.name,
    )
    req = LinkRequest(
        tenant_id=ctx.turn.tenant_id, body_id=body.id, identity_id=ident.id, person_id=target.id
    )
    ctx.session.add(req)
    await ctx.session.flush()
    card = cards.card(
        [
            cards.heading("Kopplingsbegäran"),
            cards.text(
                f"{sp.name} vill kopplas till {person_line(target)} i {body.name}. En administratör bekräftar."
            ),
        ],
        [
            cards.execute("Bekräfta", "linkConfirm", {"requestId": req.id}),
            cards.execute("Avslå", "linkReject", {"requestId": req.id}),
        ],
    )
    ctx.card(
        card,
        f"{sp.name} vill kopplas till {target.display_name}. En administratör bekräftar med `koppla godkänn {req.id}`.",
    )


async def _decide_link(ctx: CommandContext, request_id: int, approve: bool) -> str:
    body = await current_body(ctx)
    await speaker_person(ctx)
    await require_admin(ctx, body)
    req = await ctx.session.get(LinkRequest, request_id)
    if req is None or req.body_id != body.id or req.status != "pending":
        raise UserError(
            f"Det finns ingen väntande kopplingsbegäran nr {request_id}.",
            f"There is no pending link request no. {request_id}.",
        )
    ident = await ctx.session.get(PersonIdentity, req.identity_id)
    target = await ctx.session.get(Person, req.person_id)
    assert ident is not None and target is not None
    req.status = "approved" if approve else "rejected"
    req.decided_by_person_id = ctx.cache["speaker_person"].id
    if approve:
        old = ident.person_id
        ident.person_id = target.id
        ident.confirmed = True
        if old is not None and old != target.id:
            await _merge_attendance(ctx, old, target.id)
        await ctx.audit(
            "identity.link",
            "person",
            target.id,
            before={"person_id": old},
            after={"person_id": target.id, "identity": ident.subject},
        )
        return f"{ident.display_name or 'Kontot'} är nu kopplat till {target.display_name}."
    return "Kopplingsbegäran avslogs."


async def _merge_attendance(ctx: CommandContext, from_person: int, to_person: int) -> None:
    """Attendance the unlinked identity recorded moves to the person it turned out to be."""
    from sqlalchemy import select

    rows = (
        await ctx.session.scalars(select(Attendance).where(Attendance.person_id == from_person))
    ).all()
    for row in rows:
        from storage.meetings import attendance_of

        if await attendance_of(ctx.session, row.meeting_id, to_person) is None:
            row.person_id = to_person
        else:
            row.status = "absent" if row.status == "absent" else row.status


@command(
    "koppla godkänn",
    en=("link approve",),
    arg="ref",
    group=CommandGroup.ATTENDANCE,
    usage="koppla godkänn 12",
    help_en="Admins: approve a link request",
)
async def cmd_link_approve(ctx: CommandContext, arg: str) -> None:
    """Administratörer: godkänn en kopplingsbegäran"""
    if not arg.strip().isdigit():
        raise UserError(
            "Skriv `koppla godkänn 12` med begärans nummer.",
            "Write `link approve 12` with the request number.",
        )
    ctx.say(await _decide_link(ctx, int(arg.strip()), True))


@action("linkConfirm")
async def act_link_confirm(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    msg = await _decide_link(ctx, int(data.get("requestId") or 0), True)
    return InvokeResult(card=cards.card([cards.text(msg)]))


@action("linkReject")
async def act_link_reject(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    msg = await _decide_link(ctx, int(data.get("requestId") or 0), False)
    return InvokeResult(card=cards.card([cards.text(msg)]))


# --- Teams meeting events ------------------------------------------------------------------


def _event_time(value: dict[str, Any], key: str) -> dt.datetime | None:
    raw = value.get(key) or value.get(key[0].lower() + key[1:])
    if not raw:
        return None
    try:
        from dateutil import parser as dateutil_parser

        parsed = dateutil_parser.isoparse(str(raw))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    except (ValueError, OverflowError):
        return None


@on_event("meetingStart")
async def ev_meeting_start(ctx: CommandContext, value: dict[str, Any]) -> None:
    body = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
    if body is None:
        return
    teams_id = str(value.get("Id") or value.get("id") or ctx.turn.teams_meeting_id or "")
    if await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id) is not None:
        return
    if (
        teams_id
        and (existing := await meeting_by_teams_id(ctx.session, ctx.turn.tenant_id, teams_id))
        and existing.status == "open"
    ):
        return
    organiser = await speaker_person(ctx) if ctx.turn.speaker else None
    start = _event_time(value, "StartTime")
    from dialogs.context import STOCKHOLM

    date = start.astimezone(STOCKHOLM).date() if start else ctx.turn.today
    meeting = await open_meeting(
        ctx,
        body,
        title=value.get("Title") or value.get("title"),
        date=date,
        secretary_id=organiser.id if organiser else None,
        teams_meeting_id=teams_id or None,
        start_at=start,
    )
    ctx.say(
        f"Mötet för **{body.name}** har startat. Anmäl närvaro med knappen eller `närvarande`.",
        f"The meeting of **{body.name}** has started. Check in with the button or `present`.",
    )
    await post_card(ctx, meeting)


@on_event("meetingEnd")
async def ev_meeting_end(ctx: CommandContext, value: dict[str, Any]) -> None:
    body = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
    if body is None:
        return
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None:
        return
    end = _event_time(value, "EndTime")
    await close_meeting(ctx, meeting)
    if end:
        meeting.end_at = end
    ctx.say(
        f"Mötet för **{body.name}** har avslutats i Teams. Skriv `protokoll` för att ta fram protokollet.",
        f"The meeting of **{body.name}** ended in Teams. Write `minutes` to produce the minutes.",
    )


async def _participants(ctx: CommandContext, value: dict[str, Any], joined: bool) -> None:
    body = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
    if body is None:
        return
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None:
        return
    now = ctx.turn.now
    for member in value.get("members") or []:
        user = member.get("user") or {}
        aad = user.get("aadObjectId") or user.get("objectId")
        if not aad:
            continue
        ident = await ensure_identity(
            ctx.session,
            ctx.turn.tenant_id,
            provider="aad",
            subject=str(aad).lower(),
            display_name=user.get("name"),
            aad_object_id=aad,
            home_tenant_id=user.get("tenantId"),
            teams_user_id=user.get("id"),
        )
        if ident.person_id is None:
            name = squash(user.get("name") or "Okänd deltagare")
            from dialogs.people import unclaimed_namesake
            from dialogs.text import name_key

            # Someone the secretary registered by name, now seen in Teams: the same rule as
            # for a speaker's first message (never a person who has an identity already).
            person = await unclaimed_namesake(ctx, name_key(name))
            if person is None:
                person = Person(
                    tenant_id=ctx.turn.tenant_id, display_name=name, name_key=name_key(name)
                )
                ctx.session.add(person)
                await ctx.session.flush()
            ident.person_id = person.id
        from storage.meetings import attendance_of

        existing = await attendance_of(ctx.session, meeting.id, ident.person_id)
        fields: dict[str, Any] = {}
        if joined:
            fields["joined_at"] = existing.joined_at if existing and existing.joined_at else now
            fields["left_at"] = None
            if existing is None or existing.status not in ("present", "partial"):
                fields.update(status="present", absence_kind=None)
        else:
            fields["left_at"] = now
        row, before = await set_attendance(
            ctx.session, meeting.id, ident.person_id, source="teams", recorded_by=None, **fields
        )
        await _audit_attendance(
            ctx, row, before, "attendance.join" if joined else "attendance.leave"
        )


@on_event("participantsJoin")
async def ev_join(ctx: CommandContext, value: dict[str, Any]) -> None:
    await _participants(ctx, value, True)


@on_event("participantsLeave")
async def ev_leave(ctx: CommandContext, value: dict[str, Any]) -> None:
    await _participants(ctx, value, False)
