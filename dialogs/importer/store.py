"""Store parsed minutes in the record, and say what was understood before anything is stored.

The same summary serves the command line (printed, then a question) and Teams (a card with
Spara / Avbryt). Importing the same file twice is detected by its content hash and changes
nothing; imported people are matched to the body's known people and new ones have no Teams
identity until someone links them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.context import STOCKHOLM
from dialogs.dates import find_due
from dialogs.importer.model import DOCUMENT_SOURCES, ParsedMinutes, ParsedPerson
from dialogs.importer.readers import ReadResult
from dialogs.text import name_key, squash
from storage import audit
from storage.directory import body_people, ensure_tenant, find_body
from storage.meetings import attendance_of
from storage.models import (
    Assignment,
    Attendance,
    Body,
    Decision,
    ImportedFile,
    Item,
    ItemAttachment,
    Meeting,
    Person,
)
from storage.record import last_number

logger = logging.getLogger(__name__)

MEETING_ROLES = (
    "ordforande",
    "vice_ordforande",
    "sekreterare",
    "ledamot",
    "ersattare",
    "tjansteperson",
    "brukarrepresentant",
    "adjungerad",
    "ovrig",
)


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why, in Swedish and English."""

    def __init__(self, sv: str, en: str) -> None:
        super().__init__(sv)
        self.sv = sv
        self.en = en


@dataclass
class ImportOutcome:
    meeting_id: int
    body_name: str
    duplicate: bool = False
    warnings: list[str] = field(default_factory=list)
    # Further meetings the same text held, stored after the first.
    more_meeting_ids: list[int] = field(default_factory=list)


async def duplicate_of(session: AsyncSession, tenant_id: str, sha256: str) -> ImportedFile | None:
    return await session.scalar(
        select(ImportedFile).where(
            ImportedFile.tenant_id == tenant_id, ImportedFile.sha256 == sha256
        )
    )


# Where a body's name came from when neither the document nor the importer named it.
UNKNOWN_BODY = "Okänt organ"
# Where the body's name came from (ParsedMinutes.body_source and choose_body_name), as the
# summary says it.
BODY_SOURCES = {
    "given": ("importkommandot", "the import command"),
    "title": ("protokollets titelrad", "the minutes' title line"),
    "header": ("protokollets sidhuvud", "the minutes' letterhead"),
    "recorded_at": ("”Protokoll fört vid …”", "“Protokoll fört vid …” (minutes kept at …)"),
    "decision_phrase": ("beslutsformeln", "the deciding phrase"),
    "document": ("protokollet", "the minutes"),
    "terminal": ("svaret vid terminalen", "the answer at the terminal"),
    "folder": ("mappens namn", "the folder's name"),
    "none": (
        "ingenstans: protokollet namnger inget organ",
        "nowhere: the minutes name no body",
    ),
}


def choose_body_name(
    parsed: ParsedMinutes,
    given: str | None,
    *,
    folder: str | None = None,
    ask: Callable[[str | None], str | None] | None = None,
) -> tuple[str, str]:
    """The body's name and where it came from (a key of BODY_SOURCES): --body (or the Teams command), the
    document, a question at the terminal (offering the folder's name), the folder's name.
    Never fails: with nothing to go on the minutes go to "Okänt organ", said in the summary."""
    if squash(given or ""):
        return squash(given or ""), "given"
    named = squash(parsed.body_name or "") or squash(parsed.body_short or "")
    if named:
        return named, parsed.body_source or "document"
    folder = squash(folder or "") or None
    if ask is not None:
        answer = squash(ask(folder) or "")
        if answer:
            return answer, "terminal"
    if folder:
        return folder, "folder"
    return UNKNOWN_BODY, "none"


async def resolve_body(
    session: AsyncSession,
    tenant_id: str,
    parsed: ParsedMinutes,
    body_name: str | None,
    *,
    create: bool,
) -> Body:
    """The body named on the command line, else the one the minutes name."""
    wanted = (
        squash(body_name or "") or squash(parsed.body_name or "") or squash(parsed.body_short or "")
    )
    if not wanted:
        wanted, _ = choose_body_name(parsed, None)
    keys = [name_key(wanted)]
    if not body_name and parsed.body_short:
        keys.append(name_key(parsed.body_short))
    for key in keys:
        found = list(await find_body(session, tenant_id, key))
        if len(found) == 1:
            return found[0]
        exact = [b for b in found if b.name_key == key]
        if len(found) > 1 and len(exact) == 1:
            return exact[0]
        if len(found) > 1 and body_name:
            raise ImportRefused(
                f"Flera organ matchar ”{wanted}”: {', '.join(b.name for b in found)}. Ange hela namnet med --body.",
                f"Several bodies match “{wanted}”. Give the full name with --body.",
            )
    if any(b.name_key == name_key(wanted) for b in await find_body(session, tenant_id, keys[0])):
        # Only reached when several bodies share the name: the document's name picks none.
        wanted = f"{wanted} ({parsed.date.isoformat() if parsed.date else 'import'})"
    if not create:
        raise ImportRefused(
            f"Det finns inget organ som heter ”{wanted}”.", f"There is no body called “{wanted}”."
        )
    short = None if body_name else parsed.body_short
    body = Body(
        tenant_id=tenant_id,
        name=wanted,
        name_key=name_key(wanted),
        short_name=short,
        short_key=name_key(short) if short else None,
        form=parsed.meeting_kind
        if parsed.meeting_kind in ("protokoll", "minnesanteckningar")
        else "protokoll",
        letterhead=parsed.parent_body or None,
    )
    session.add(body)
    await session.flush()
    return body


def _join(names: list[str]) -> str:
    """ "A", "A och B", "A, B och C" as Swedish minutes write it."""
    return (
        names[0]
        if len(names) == 1
        else (", ".join(names[:-1]) + " och " + names[-1] if names else "")
    )


def _when(date: dt.date, time: dt.time | None) -> dt.datetime | None:
    if time is None:
        return None
    return dt.datetime.combine(date, time, tzinfo=STOCKHOLM).astimezone(dt.UTC)


class _People:
    """Matches imported names to the body's known people; creates the rest without identity."""

    def __init__(self, session: AsyncSession, tenant_id: str, known: list[Person]) -> None:
        self.session = session
        self.tenant_id = tenant_id
        self.by_key: dict[str, list[Person]] = {}
        for p in known:
            self.by_key.setdefault(p.name_key, []).append(p)

    async def get(
        self, name: str, organisation: str | None = None, title: str | None = None
    ) -> Person:
        key = name_key(name)
        found = self.by_key.get(key, [])
        if not found:
            tenant_wide = list(
                (
                    await self.session.scalars(
                        select(Person).where(
                            Person.tenant_id == self.tenant_id, Person.name_key == key
                        )
                    )
                ).all()
            )
            found = tenant_wide if len(tenant_wide) == 1 else []
        if len(found) > 1 and organisation:
            narrowed = [
                p
                for p in found
                if p.organisation and name_key(p.organisation) == name_key(organisation)
            ]
            found = narrowed or found
        if found:
            person = found[0]
            if organisation and not person.organisation:
                person.organisation = organisation
            if title and not person.title:
                person.title = title
            return person
        person = Person(
            tenant_id=self.tenant_id,
            display_name=squash(name),
            name_key=key,
            organisation=organisation,
            title=title,
        )
        self.session.add(person)
        await self.session.flush()
        self.by_key[key] = [person]
        return person


async def store_minutes(
    session: AsyncSession,
    tenant_id: str,
    parsed: ParsedMinutes,
    read: ReadResult,
    *,
    body_name: str | None = None,
    body: Body | None = None,
    source: str = "import",
    actor_label: str | None = None,
    actor_person_id: int | None = None,
    create_body: bool = True,
) -> ImportOutcome:
    """Write one parsed set of minutes into the record, in the caller's transaction; a further
    meeting the same text holds (parsed.following) is stored as a meeting of its own, of the
    same body unless it names another."""
    await ensure_tenant(session, tenant_id)
    seen = await duplicate_of(session, tenant_id, read.sha256)
    if seen is not None:
        existing = await session.get(Body, seen.body_id)
        return ImportOutcome(
            meeting_id=seen.meeting_id or 0,
            body_name=existing.name if existing else "",
            duplicate=True,
        )
    if body is None:
        body = await resolve_body(session, tenant_id, parsed, body_name, create=create_body)
    outcomes: list[ImportOutcome] = []
    for meeting in [parsed, *parsed.following]:
        meeting_body = body
        if meeting is not parsed and body_name is None and meeting.body_name != parsed.body_name:
            meeting_body = await resolve_body(session, tenant_id, meeting, None, create=create_body)
        outcomes.append(
            await _store_meeting(
                session,
                tenant_id,
                meeting,
                read,
                meeting_body,
                first=meeting is parsed,
                source=source,
                actor_label=actor_label,
                actor_person_id=actor_person_id,
            )
        )
    outcome = outcomes[0]
    outcome.more_meeting_ids = [o.meeting_id for o in outcomes[1:]]
    return outcome


async def _store_meeting(
    session: AsyncSession,
    tenant_id: str,
    parsed: ParsedMinutes,
    read: ReadResult,
    body: Body,
    *,
    first: bool,
    source: str,
    actor_label: str | None,
    actor_person_id: int | None,
) -> ImportOutcome:
    """One meeting of the text; the first carries the file's record (its hash: imported once)."""
    warnings = list(parsed.warnings)
    date = parsed.date
    date_stated = date is not None
    if date is None:
        date = dt.datetime.now(STOCKHOLM).date()
        warnings.append(
            f"Mötets datum hittades inte; importdagen {date.isoformat()} används. Rätta vid behov."
        )
    justering = parsed.justering
    meeting = Meeting(
        tenant_id=tenant_id,
        body_id=body.id,
        title=parsed.title,
        date=date,
        date_stated=date_stated,
        start_at=_when(date, parsed.start_time),
        end_at=_when(date, parsed.end_time),
        place=parsed.place,
        form=parsed.meeting_kind
        if parsed.meeting_kind in ("protokoll", "minnesanteckningar")
        else body.form,
        status="justerat" if justering is not None and justering.date is not None else "closed",
        justerat_on=justering.date if justering else None,
        justering_how=justering.how if justering else None,
        next_meeting_date=parsed.next_meeting.date if parsed.next_meeting else None,
        next_meeting_text=(parsed.next_meeting.text[:300] if parsed.next_meeting else None),
        source="import",
        text=parsed.leftover_text or None,
        distribution=list(parsed.distribution) or None,
    )
    session.add(meeting)
    await session.flush()

    people = _People(session, tenant_id, list(await body_people(session, body.id)))
    await _store_people(
        session, meeting, parsed.people, people, justering.justerare if justering else []
    )

    scope = str(date.year) if body.numbering == "per_year" else f"m{meeting.id}"
    taken = await last_number(session, body.id, scope)
    for position, parsed_item in enumerate(parsed.items, start=1):
        number: int | None = None
        label = parsed_item.number
        if parsed_item.is_paragraph and label and label.isdigit():
            number = int(label)
            clash = await session.scalar(
                select(Item.id).where(
                    Item.body_id == body.id, Item.number_scope == scope, Item.number == number
                )
            )
            if clash is not None:
                warnings.append(
                    f"§ {number} fanns redan i {body.name} {scope}; paragrafen sparades utan nummer."
                )
                number = None
        has_decisions = bool(parsed_item.decisions)
        item = Item(
            tenant_id=tenant_id,
            body_id=body.id,
            meeting_id=meeting.id,
            number=number,
            number_scope=scope if number is not None else None,
            label=label,
            is_paragraph=parsed_item.is_paragraph,
            position=position,
            title=parsed_item.title[:500],
            presenters=_join(parsed_item.presenters)[:500] or None,
            text=parsed_item.text or None,
            kind="beslut"
            if has_decisions
            else ("information" if parsed_item.outcome else "ovrigt"),
            outcome=parsed_item.outcome,
            confidential=parsed_item.confidential,
        )
        session.add(item)
        await session.flush()
        for d_pos, d in enumerate(parsed_item.decisions, start=1):
            session.add(
                Decision(
                    tenant_id=tenant_id,
                    item_id=item.id,
                    meeting_id=meeting.id,
                    position=d_pos,
                    phrase=d.phrase,
                    clauses=list(d.clauses),
                    text=d.text or None,
                    reported_by_body=d.reported_by_body,
                    source="import",
                )
            )
        for a in parsed_item.assignments:
            due, _ = find_due(a.due_text or a.what, date, meeting.next_meeting_date)
            assignee_person = None
            if len(a.assignees) == 1 and len(a.assignees[0].split()) >= 2:
                matches = people.by_key.get(name_key(a.assignees[0]), [])
                assignee_person = matches[0] if len(matches) == 1 else None
            session.add(
                Assignment(
                    tenant_id=tenant_id,
                    body_id=body.id,
                    meeting_id=meeting.id,
                    item_id=item.id,
                    assignee_text=a.assignee,
                    assignee_person_id=assignee_person.id if assignee_person else None,
                    what=a.what,
                    due_date=due.date,
                    due_text=a.due_text or due.text,
                )
            )
        for name in parsed_item.attachments:
            session.add(ItemAttachment(item_id=item.id, name=name[:500]))
        if number is not None:
            taken = max(taken, number)
    if first:
        session.add(
            ImportedFile(
                tenant_id=tenant_id,
                body_id=body.id,
                meeting_id=meeting.id,
                sha256=read.sha256,
                filename=(read.filename or "okänd fil")[:500],
            )
        )
    await session.flush()
    await audit.record(
        session,
        tenant_id=tenant_id,
        action="meeting.import",
        entity="meeting",
        entity_id=meeting.id,
        source=source,
        actor_person_id=actor_person_id,
        actor_label=actor_label,
        after={
            "file": read.filename,
            "sha256": read.sha256,
            "items": len(parsed.items),
            "decisions": len(parsed.decisions),
            "warnings": warnings,
        },
    )
    return ImportOutcome(meeting_id=meeting.id, body_name=body.name, warnings=warnings)


async def _store_people(
    session: AsyncSession,
    meeting: Meeting,
    parsed_people: list[ParsedPerson],
    people: _People,
    justerare: list[str],
) -> None:
    justerare_keys = {name_key(n) for n in justerare}
    pending_substitutes: list[tuple[Attendance, str]] = []
    for p in parsed_people:
        person = await people.get(p.name, p.organisation, p.title)
        role = next((r for r in p.roles if r in MEETING_ROLES), None)
        if role is None and "foredragande" in p.roles:
            role = "ovrig"
        row = await attendance_of(session, meeting.id, person.id)
        if row is None:
            row = Attendance(meeting_id=meeting.id, person_id=person.id, source="import")
            session.add(row)
        row.status = p.status
        row.absence_kind = p.absence_kind
        row.role = role or row.role
        row.is_justerare = (
            row.is_justerare or "justerare" in p.roles or name_key(p.name) in justerare_keys
        )
        row.partial_note = p.note if p.status == "partial" else row.partial_note
        await session.flush()
        if "ordforande" in p.roles and meeting.chair_person_id is None:
            meeting.chair_person_id = person.id
        if "sekreterare" in p.roles and meeting.secretary_person_id is None:
            meeting.secretary_person_id = person.id
        if p.substitute_for:
            pending_substitutes.append((row, p.substitute_for))
    for row, name in pending_substitutes:
        member = await people.get(name)
        row.substitute_for_person_id = member.id
        row.role = row.role or "ersattare"
    await session.flush()


def summary(
    parsed: ParsedMinutes,
    read: ReadResult,
    *,
    lang: str = "sv",
    body_name: str | None = None,
    body_source: str | None = None,
    duplicate: bool = False,
) -> str:
    """What the importer understood, and every uncertainty, before anything is stored."""
    unplaced = len([line for line in parsed.leftover_text.split("\n") if line.strip()])
    source_key = body_source or (None if body_name else parsed.body_source)
    source = BODY_SOURCES[source_key][lang == "en"] if source_key in BODY_SOURCES else None
    # The document's short name belongs with the document's name only.
    short = parsed.body_short if source_key is None or source_key in DOCUMENT_SOURCES else None
    line_word = "line" if lang == "en" else "rad"
    masked = ", ".join(f"{line_word} {n}" for n in parsed.personnummer_lines[:20]) + (
        " …" if len(parsed.personnummer_lines) > 20 else ""
    )
    secret = ", ".join(
        f"§ {i.number}" if i.is_paragraph and i.number else f"”{i.title[:60]}”"
        for i in parsed.items
        if i.confidential
    )
    present = sum(1 for p in parsed.people if p.status in ("present", "partial"))
    absent = sum(1 for p in parsed.people if p.status == "absent")
    paragraphs = sum(1 for i in parsed.items if i.is_paragraph)
    when = (
        parsed.date.isoformat()
        if parsed.date
        else ("okänt datum" if lang == "sv" else "unknown date")
    )
    times = ""
    if parsed.start_time or parsed.end_time:
        times = (parsed.start_time.strftime("%H.%M") if parsed.start_time else "?") + (
            f"–{parsed.end_time.strftime('%H.%M')}" if parsed.end_time else ""
        )
    body = (
        body_name
        or parsed.body_name
        or parsed.body_short
        or ("okänt organ" if lang == "sv" else "unknown body")
    )
    kronor = sum(len(i.amounts) for i in parsed.items)
    more: list[str] = []
    for later in parsed.following:
        day = (
            later.date.isoformat()
            if later.date
            else ("unknown date" if lang == "en" else "okänt datum")
        )
        here = sum(1 for p in later.people if p.status in ("present", "partial"))
        away = sum(1 for p in later.people if p.status == "absent")
        more.append(
            f"Another meeting in the same text, stored on its own: {day}, {here} present, "
            f"{away} absent, {len(later.items)} items, {len(later.decisions)} decisions"
            if lang == "en"
            else f"Ett möte till i samma text, sparas för sig: {day}, {here} närvarande, "
            f"{away} frånvarande, {len(later.items)} punkter, {len(later.decisions)} beslut"
        )
    if lang == "en":
        lines = [
            f"**{read.filename or 'file'}** ({read.format})",
            f"Body: {body}" + (f" ({short})" if short and short != body else ""),
            f"Meeting: {parsed.meeting_kind or 'unknown form'} {when}"
            + (f" {times}" if times else "")
            + (f", {parsed.place}" if parsed.place else ""),
            f"People: {present} present, {absent} absent",
            f"Items: {len(parsed.items)} ({paragraphs} §), decisions: {len(parsed.decisions)}, assignments: {len(parsed.assignments)}, amounts: {kronor}",
            *more,
        ]
        if source:
            lines.append(f"(Body name from {source})")
        if parsed.personnummer_lines:
            lines.append(f"Personal identity numbers masked; they are not stored ({masked}).")
        if secret:
            lines.append(f"Stored as confidential: {secret.replace('§', 'item §')}")
        if parsed.justering and parsed.justering.date:
            lines.append(
                f"Approved (justerat) {parsed.justering.date.isoformat()} {parsed.justering.how or ''}".rstrip()
            )
        if duplicate:
            lines.append("This file has been imported before; nothing will change.")
        if parsed.warnings or unplaced:
            lines.append("Uncertain (in Swedish):")
            lines.extend(f"- {w}" for w in parsed.warnings)
            if unplaced:
                lines.append(
                    f"- {unplaced} line(s) could not be placed; they are kept as the meeting's "
                    "text and can be searched."
                )
        return "\n".join(lines)
    lines = [
        f"**{read.filename or 'fil'}** ({read.format})",
        f"Organ: {body}"
        + (f" ({short})" if short and short != body else "")
        + (f" – namnet från {source}" if source else ""),
        f"Möte: {parsed.meeting_kind or 'okänd form'} {when}"
        + (f" kl. {times}" if times else "")
        + (f", {parsed.place}" if parsed.place else ""),
        f"Personer: {present} närvarande, {absent} frånvarande/återbud",
        f"Punkter: {len(parsed.items)} (varav {paragraphs} §), beslut: {len(parsed.decisions)}, uppdrag: {len(parsed.assignments)}, belopp: {kronor}",
        *more,
    ]
    if parsed.personnummer_lines:
        lines.append(
            f"Personnummer maskerades ({len(parsed.personnummer_lines)} st.): {masked}; "
            "de sparas inte."
        )
    if secret:
        lines.append(f"Sekretess: {secret} sparas som sekretess-§.")
    if parsed.justering and parsed.justering.date:
        lines.append(
            f"Justerat {parsed.justering.date.isoformat()} {parsed.justering.how or ''}".rstrip()
        )
    if parsed.next_meeting:
        lines.append(
            f"Nästa möte: {parsed.next_meeting.date.isoformat() if parsed.next_meeting.date else parsed.next_meeting.text}"
        )
    if duplicate:
        lines.append("Filen är redan importerad; inget ändras.")
    if parsed.warnings or unplaced:
        lines.append("Osäkert:")
        lines.extend(f"- {w}" for w in parsed.warnings)
        if unplaced:
            lines.append(
                f"- {unplaced} rader kunde inte placeras; de sparas som mötets text och är sökbara."
            )
    return "\n".join(lines)
