"""The minutes side of the record: a MinutesDocument assembled from what a meeting recorded,
justering (approvals), where a body publishes, and the expiring download links.

Only queries and rows here; what users read is worded in dialogs/, the document is rendered
by dialogs/minutes/render.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, cast, get_args
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.meetings import attendance_list, latest_meeting, meetings_on, open_meeting_in
from storage.minutes_document import (
    AbsenceKind,
    AssignmentDoc,
    AssignmentStatus,
    Attachment,
    AttendanceStatus,
    AttendeeGroup,
    AttendeeLine,
    CorrectionDoc,
    DecisionDoc,
    DecisionStatus,
    JusteringInfo,
    MinutesDocument,
    MinutesForm,
    ParagraphDoc,
    ParagraphStatus,
)
from storage.models import (
    Assignment,
    AuditEvent,
    Body,
    BodyConversation,
    ConversationRef,
    Correction,
    Decision,
    DecisionNote,
    DownloadToken,
    Item,
    ItemAttachment,
    Jav,
    Meeting,
    Membership,
    MinutesApproval,
    Person,
    PersonIdentity,
    utcnow,
)

logger = logging.getLogger(__name__)

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Meeting statuses at which the minutes are justerade (approved).
JUSTERAT_STATUSES = ("justerat", "published")

# The groups in the order the minutes list them: the order AttendeeGroup declares.
_GROUPS: tuple[AttendeeGroup, ...] = get_args(AttendeeGroup)
# A standing membership says where someone sits when the meeting did not say otherwise. The
# standing chair who does not chair this meeting sits as a ledamot.
_SEAT_FROM_MEMBERSHIP: tuple[tuple[str, AttendeeGroup], ...] = (
    ("ledamot", "ledamot"),
    ("ordforande", "ledamot"),
    ("vice_ordforande", "vice_ordforande"),
    ("ersattare", "ersattare"),
    ("tjansteperson", "tjansteperson"),
    ("brukarrepresentant", "brukarrepresentant"),
)
_PARAGRAPH_STATUSES = ("behandlad", "utgar", "bordlagd", "aterremitterad")
_ASSIGNMENT_STATUSES = ("open", "done", "cancelled")


# --------------------------------------------------------------------------------------------
# Which meeting


async def meeting_for_minutes(
    session: AsyncSession, body_id: int, conversation_id: str, date: dt.date | None = None
) -> Meeting | None:
    """The meeting `protokoll` means: on the date given, else the one open here, else the
    latest held here, else the body's latest anywhere (a channel asking about a meeting that
    ran in the meeting chat)."""
    if date is not None:
        on_day = list(await meetings_on(session, body_id, date))
        return on_day[-1] if on_day else None
    return (
        await open_meeting_in(session, body_id, conversation_id)
        or await latest_meeting(session, body_id, conversation_id)
        or await latest_meeting(session, body_id)
    )


# --------------------------------------------------------------------------------------------
# The document


def _local_time(value: dt.datetime | None, day: dt.date) -> dt.time | None:
    """A clock time for the header, when it falls on the meeting's day: a meeting recorded
    afterwards (`öppna mötet: Sammanträde 2021-06-04`) has no meaningful times."""
    if value is None:
        return None
    local = value.astimezone(STOCKHOLM)
    if local.date() != day:
        return None
    return local.time().replace(second=0, microsecond=0)


def _place(place: str | None) -> str:
    place = (place or "").strip()
    # Meetings opened in Teams store "Teams"; the protocol reads "… 15.30 via Teams".
    return "via Teams" if place.casefold() == "teams" else place


def paragraph_number(item: Item) -> int | str:
    """The § as printed: its label ("113", "a"), else its number, else its place."""
    if item.label:
        return item.label
    if item.number is not None:
        return item.number
    return item.position


def _line(person: Person, group: AttendeeGroup, **fields: object) -> AttendeeLine:
    line = AttendeeLine(
        name=person.display_name,
        organisation=person.organisation or "",
        title=person.title or "",
        group=group,
    )
    for key, value in fields.items():
        setattr(line, key, value)
    return line


def _membership_valid(m: Membership, on: dt.date) -> bool:
    return (m.valid_from is None or m.valid_from <= on) and (m.valid_to is None or m.valid_to >= on)


async def _people(session: AsyncSession, meeting: Meeting) -> list[AttendeeLine]:
    memberships = [
        m
        for m in (
            await session.scalars(
                select(Membership)
                .where(Membership.body_id == meeting.body_id)
                .order_by(Membership.id)
            )
        ).all()
        if _membership_valid(m, meeting.date)
    ]
    roles: dict[int, set[str]] = {}
    for m in memberships:
        roles.setdefault(m.person_id, set()).add(m.role)

    def seat(person_id: int, role: str | None) -> AttendeeGroup:
        if role in _GROUPS and role not in ("sekreterare", "justerare"):
            return cast(AttendeeGroup, role)
        if person_id == meeting.chair_person_id:
            return "ordforande"
        held = roles.get(person_id, set())
        for membership_role, group in _SEAT_FROM_MEMBERSHIP:
            if membership_role in held:
                return group
        return "ovrig"

    rows = await attendance_list(session, meeting.id)
    # A role given to someone who never checked in ("unregistered") is not attendance: they
    # count as not recorded, and sign as justerare if named one.
    unregistered = [row for row in rows if row.attendance.status == "unregistered"]
    rows = [row for row in rows if row.attendance.status != "unregistered"]
    recorded = {row.person.id for row in rows}
    people: list[AttendeeLine] = []
    secretaries: list[AttendeeLine] = []
    justerare: list[AttendeeLine] = []

    chair = await session.get(Person, meeting.chair_person_id) if meeting.chair_person_id else None
    if chair is not None and chair.id not in recorded:
        # The chair set from the body's standing chair, never checked in: the record says
        # they chaired, so they are listed (and sign) as such.
        people.append(_line(chair, "ordforande"))

    secretary_listed = False
    for row in rows:
        a, person = row.attendance, row.person
        status = cast(
            AttendanceStatus,
            a.status if a.status in ("present", "absent", "partial") else "present",
        )
        if status == "absent":
            kind = cast(
                AbsenceKind, a.absence_kind if a.absence_kind in ("aterbud",) else "franvarande"
            )
            group = seat(person.id, a.role)
            people.append(_line(person, group, status="absent", absence_kind=kind))
            continue
        extra: dict[str, object] = {"status": status}
        if status == "partial":
            extra["partial_note"] = a.partial_note
        if a.role == "sekreterare":
            secretaries.append(_line(person, "sekreterare", **extra))
            secretary_listed = secretary_listed or person.id == meeting.secretary_person_id
        else:
            if a.role == "ersattare" and row.substitute_for is not None:
                extra["serving_for"] = row.substitute_for.display_name
            people.append(_line(person, seat(person.id, a.role), **extra))
            if person.id == meeting.secretary_person_id:
                # A member who also keeps the minutes: one line per role.
                secretaries.append(_line(person, "sekreterare", **extra))
                secretary_listed = True
        if a.is_justerare:
            justerare.append(_line(person, "justerare", **extra))

    for row in unregistered:
        if row.attendance.is_justerare:
            justerare.append(_line(row.person, "justerare"))

    if meeting.secretary_person_id and not secretary_listed:
        secretary = await session.get(Person, meeting.secretary_person_id)
        if secretary is not None and not any(s.name == secretary.display_name for s in secretaries):
            secretaries.insert(0, _line(secretary, "sekreterare"))

    # Ledamöter with nothing recorded were not there; quorum counts them the same way.
    listed = recorded | ({chair.id} if chair is not None else set())
    missing = [
        m.person_id
        for m in memberships
        if m.role == "ledamot"
        and m.person_id not in listed
        and m.person_id != meeting.secretary_person_id
    ]
    for person_id in dict.fromkeys(missing):
        member = await session.get(Person, person_id)
        if member is not None:
            people.append(_line(member, "ledamot", status="absent", absence_kind="franvarande"))
    return people + secretaries + justerare


async def _person_names(session: AsyncSession, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await session.execute(
        select(Person.id, Person.display_name).where(Person.id.in_(wanted))
    )
    return {pid: name for pid, name in rows.all()}


async def _paragraphs(
    session: AsyncSession, meeting: Meeting, corrected_items: set[int]
) -> list[ParagraphDoc]:
    items = list(
        (
            await session.scalars(
                select(Item).where(Item.meeting_id == meeting.id).order_by(Item.position, Item.id)
            )
        ).all()
    )
    item_ids = [i.id for i in items]
    if not item_ids:
        return []
    decisions = list(
        (
            await session.scalars(
                select(Decision)
                .where(Decision.item_id.in_(item_ids))
                .order_by(Decision.position, Decision.id)
            )
        ).all()
    )
    # A valid decision that replaced another is an amendment; it is flagged as amended when
    # the change came after justering (a correction names its §).
    replaced = {d.superseded_by_id for d in decisions if d.superseded_by_id is not None}
    valid = [d for d in decisions if d.status == "valid"]
    notes = list(
        (
            await session.scalars(
                select(DecisionNote)
                .where(DecisionNote.decision_id.in_([d.id for d in valid] or [-1]))
                .order_by(DecisionNote.id)
            )
        ).all()
    )
    attachments = list(
        (
            await session.scalars(
                select(ItemAttachment)
                .where(ItemAttachment.item_id.in_(item_ids))
                .order_by(ItemAttachment.id)
            )
        ).all()
    )
    jav_rows = (
        await session.execute(
            select(Jav.item_id, Person.display_name)
            .join(Person, Person.id == Jav.person_id)
            .where(Jav.item_id.in_(item_ids))
            .order_by(Jav.id)
        )
    ).all()
    assignments = list(
        (
            await session.scalars(
                select(Assignment).where(Assignment.item_id.in_(item_ids)).order_by(Assignment.id)
            )
        ).all()
    )
    assignees = await _person_names(session, (a.assignee_person_id for a in assignments))

    out: list[ParagraphDoc] = []
    for item in items:
        text_parts = [item.text.strip()] if item.text and item.text.strip() else []
        docs: list[DecisionDoc] = []
        for d in (d for d in valid if d.item_id == item.id):
            if not d.clauses and d.text and d.text.strip():
                # A decision written as prose has no "att" clauses; it reads as text.
                text_parts.append(d.text.strip())
                continue
            status: DecisionStatus = (
                "amended" if d.id in replaced and item.id in corrected_items else "valid"
            )
            docs.append(
                DecisionDoc(
                    phrase=(d.phrase or "").strip(),
                    clauses=[str(c) for c in d.clauses or []],
                    reservations=[
                        n.text for n in notes if n.decision_id == d.id and n.kind == "reservation"
                    ],
                    notes=[
                        n.text for n in notes if n.decision_id == d.id and n.kind != "reservation"
                    ],
                    status=status,
                    decided_by_body=d.reported_by_body,
                )
            )
        if item.outcome and item.outcome.strip():
            text_parts.append(item.outcome.strip())
        out.append(
            ParagraphDoc(
                number=paragraph_number(item),
                title=item.title or "",
                presenters=[item.presenters] if item.presenters and item.presenters.strip() else [],
                diarienummer=item.diarienummer,
                attachments=[
                    Attachment(a.name, a.url) for a in attachments if a.item_id == item.id
                ],
                text="\n".join(text_parts),
                status=cast(
                    ParagraphStatus,
                    item.status if item.status in _PARAGRAPH_STATUSES else "behandlad",
                ),
                remit_to=item.remit_to,
                confidential=bool(item.confidential),
                decisions=docs,
                jav=[name for item_id, name in jav_rows if item_id == item.id],
                assignments=[
                    AssignmentDoc(
                        assignee=a.assignee_text
                        or assignees.get(a.assignee_person_id or -1, "")
                        or "—",
                        what=a.what,
                        due_text=a.due_text
                        or (a.due_date.isoformat() if a.due_date is not None else None),
                        status=cast(
                            AssignmentStatus,
                            a.status if a.status in _ASSIGNMENT_STATUSES else "open",
                        ),
                    )
                    for a in assignments
                    if a.item_id == item.id
                ],
            )
        )
    return out


async def build_document(
    session: AsyncSession, meeting_id: int, *, tenant_id: str | None = None
) -> MinutesDocument | None:
    """The meeting's minutes as recorded; None when there is no such meeting (in the tenant)."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or (tenant_id is not None and meeting.tenant_id != tenant_id):
        return None
    body = await session.get(Body, meeting.body_id)
    if body is None:
        return None
    corrections = list(
        (
            await session.scalars(
                select(Correction)
                .where(Correction.meeting_id == meeting.id)
                .order_by(Correction.at, Correction.id)
            )
        ).all()
    )
    corrected_items = {c.item_id for c in corrections if c.item_id is not None}
    paragraphs = await _paragraphs(session, meeting, corrected_items)
    item_labels: dict[int, int | str] = {}
    if corrected_items:
        rows = await session.execute(
            select(Item.id, Item.label, Item.number, Item.position).where(
                Item.id.in_(corrected_items)
            )
        )
        for item_id, label, number, position in rows.all():
            item_labels[item_id] = label or (number if number is not None else position)
    who = await _person_names(session, (c.person_id for c in corrections))

    form: MinutesForm = (
        "minnesanteckningar" if meeting.form == "minnesanteckningar" else "protokoll"
    )
    justerat = form == "protokoll" and meeting.status in JUSTERAT_STATUSES
    justering: JusteringInfo | None = None
    if justerat and meeting.justerat_on is not None:
        justering = JusteringInfo(
            date=meeting.justerat_on,
            how=meeting.justering_how or "Teams",
            approvers=await approved_names(session, meeting.id),
        )
    next_meeting = meeting.next_meeting_text or (
        meeting.next_meeting_date.isoformat() if meeting.next_meeting_date else None
    )
    return MinutesDocument(
        body_name=body.name,
        body_short=body.short_name or "",
        form=form,
        date=meeting.date,
        meeting_title=meeting.title or "",
        start=_local_time(meeting.start_at, meeting.date),
        end=_local_time(meeting.end_at, meeting.date) if meeting.start_at else None,
        place=_place(meeting.place),
        status="justerat" if justerat else "ej_justerat",
        justering=justering,
        people=await _people(session, meeting),
        paragraphs=paragraphs,
        corrections=[
            CorrectionDoc(
                when=c.at,
                who=who.get(c.person_id or -1, "okänd"),
                paragraph=item_labels.get(c.item_id) if c.item_id is not None else None,
                what=c.what,
                why=c.why or "ej angivet",
            )
            for c in corrections
        ],
        next_meeting=next_meeting,
        send_to=list(meeting.distribution or body.distribution or []),
        letterhead=body.letterhead,
    )


# --------------------------------------------------------------------------------------------
# Justering


async def approver_ids(session: AsyncSession, meeting: Meeting) -> list[int]:
    """Who justerar: the meeting's chair, then every justerare who was there."""
    ids: list[int] = []
    if meeting.chair_person_id is not None:
        ids.append(meeting.chair_person_id)
    for row in await attendance_list(session, meeting.id):
        if row.attendance.is_justerare and row.attendance.status != "absent":
            ids.append(row.person.id)
    return list(dict.fromkeys(ids))


async def people_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Person]:
    if not ids:
        return {}
    rows = await session.scalars(select(Person).where(Person.id.in_(list(ids))))
    return {p.id: p for p in rows.all()}


async def teams_user_ids(
    session: AsyncSession, tenant_id: str, person_ids: Sequence[int]
) -> dict[int, list[str]]:
    """Each person's Teams user ids (29:…), for a card's refresh.userIds."""
    if not person_ids:
        return {}
    rows = await session.execute(
        select(PersonIdentity.person_id, PersonIdentity.teams_user_id)
        .where(
            PersonIdentity.tenant_id == tenant_id,
            PersonIdentity.person_id.in_(list(person_ids)),
            PersonIdentity.teams_user_id.is_not(None),
        )
        .order_by(PersonIdentity.id)
    )
    out: dict[int, list[str]] = {}
    for person_id, teams_id in rows.all():
        if person_id is not None and teams_id:
            out.setdefault(person_id, []).append(teams_id)
    return out


async def verdicts(session: AsyncSession, meeting_id: int) -> dict[int, MinutesApproval]:
    rows = await session.scalars(
        select(MinutesApproval).where(MinutesApproval.meeting_id == meeting_id)
    )
    return {r.person_id: r for r in rows.all()}


async def set_verdict(
    session: AsyncSession,
    meeting_id: int,
    person_id: int,
    verdict: str,
    comment: str | None,
    at: dt.datetime | None = None,
) -> tuple[MinutesApproval, dict[str, object] | None]:
    """One row per approver and meeting holding their latest verdict; returns it and the
    verdict it replaced."""
    row = await session.scalar(
        select(MinutesApproval).where(
            MinutesApproval.meeting_id == meeting_id, MinutesApproval.person_id == person_id
        )
    )
    before: dict[str, object] | None = None
    if row is None:
        row = MinutesApproval(meeting_id=meeting_id, person_id=person_id)
        session.add(row)
    else:
        before = {"verdict": row.verdict, "comment": row.comment}
    row.verdict = verdict
    row.comment = comment
    row.at = at or utcnow()
    await session.flush()
    return row, before


async def approved_names(session: AsyncSession, meeting_id: int) -> list[str]:
    rows = await session.execute(
        select(Person.display_name)
        .join(MinutesApproval, MinutesApproval.person_id == Person.id)
        .where(MinutesApproval.meeting_id == meeting_id, MinutesApproval.verdict == "approved")
        .order_by(MinutesApproval.at, MinutesApproval.id)
    )
    return [name for (name,) in rows.all()]


JUSTERING_SENT = "minutes.justering_sent"


async def justering_round(
    session: AsyncSession, meeting_id: int
) -> tuple[int, dict[str, object] | None]:
    """How many times the minutes were sent for justering, and what the last send recorded
    (round number and the document's fingerprint) in its audit event."""
    count = int(
        await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.entity == "meeting",
                AuditEvent.entity_id == meeting_id,
                AuditEvent.action == JUSTERING_SENT,
            )
        )
        or 0
    )
    last = await session.scalar(
        select(AuditEvent.after)
        .where(
            AuditEvent.entity == "meeting",
            AuditEvent.entity_id == meeting_id,
            AuditEvent.action == JUSTERING_SENT,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return count, last


# --------------------------------------------------------------------------------------------
# Where a body publishes


@dataclass(frozen=True)
class PublicationTarget:
    """A conversation the bot can post to proactively: a channel (as a new thread) or a chat."""

    conversation_id: str
    service_url: str
    new_thread: bool


async def publication_target(
    session: AsyncSession, tenant_id: str, body_id: int
) -> PublicationTarget | None:
    """The body's channel if it is bound to one the bot has heard from, else a bound chat."""
    bound = list(
        (
            await session.scalars(
                select(BodyConversation)
                .where(BodyConversation.tenant_id == tenant_id, BodyConversation.body_id == body_id)
                .order_by(BodyConversation.id)
            )
        ).all()
    )
    channels = [b for b in bound if b.channel_id or b.conversation_type == "channel"]
    for b in channels:
        channel_id = b.channel_id or b.conversation_id
        ref = await session.scalar(
            select(ConversationRef)
            .where(
                ConversationRef.tenant_id == tenant_id,
                or_(
                    ConversationRef.channel_id == channel_id,
                    ConversationRef.conversation_id == channel_id,
                    ConversationRef.conversation_id.startswith(channel_id + ";", autoescape=True),
                ),
            )
            .order_by(ConversationRef.updated_at.desc(), ConversationRef.id.desc())
            .limit(1)
        )
        if ref is not None:
            return PublicationTarget(channel_id, ref.service_url, True)
    for b in bound:
        if b in channels:
            continue
        ref = await session.scalar(
            select(ConversationRef).where(
                ConversationRef.tenant_id == tenant_id,
                ConversationRef.conversation_id == b.conversation_id,
            )
        )
        if ref is not None:
            return PublicationTarget(b.conversation_id, ref.service_url, False)
    return None


# --------------------------------------------------------------------------------------------
# Download links

TOKEN_TTL = dt.timedelta(days=7)
# A link to the full version (sekretess included) is handed out only in a personal chat, opens
# once and expires within the hour.
FULL_TOKEN_TTL = dt.timedelta(hours=1)
# secrets.token_urlsafe(32): 43 characters of the URL-safe base64 alphabet.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")
# A protokollsutdrag link stores the § label after this prefix in DownloadToken.fmt.
EXTRACT_PREFIX = "x:"
DOCUMENT_FORMATS = ("html", "docx", "md")
MAX_FORMAT_LENGTH = 10  # DownloadToken.fmt is String(10)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


async def create_download_token(
    session: AsyncSession,
    *,
    tenant_id: str,
    meeting_id: int,
    public: bool,
    fmt: str,
    now: dt.datetime | None = None,
    ttl: dt.timedelta = TOKEN_TTL,
) -> str:
    """A new random link token; only its SHA-256 is stored, so the database cannot hand out
    working links."""
    if fmt not in DOCUMENT_FORMATS and not (
        fmt.startswith(EXTRACT_PREFIX) and len(EXTRACT_PREFIX) < len(fmt) <= MAX_FORMAT_LENGTH
    ):
        raise ValueError(f"unknown download format {fmt!r}")
    raw = secrets.token_urlsafe(32)
    issued = now or utcnow()
    session.add(
        DownloadToken(
            token_hash=token_hash(raw),
            tenant_id=tenant_id,
            meeting_id=meeting_id,
            public=public,
            fmt=fmt,
            expires_at=issued + ttl,
            created_at=issued,
        )
    )
    await session.flush()
    return raw


TokenStatus = Literal["ok", "expired", "unknown"]


@dataclass(frozen=True)
class TokenCheck:
    status: TokenStatus
    token: DownloadToken | None = None


async def use_full_token(
    session: AsyncSession, token_id: int, now: dt.datetime | None = None
) -> bool:
    """Spend a single-use link to the full version: True for the one request that gets it."""
    at = now or utcnow()
    result = await session.execute(
        update(DownloadToken)
        .where(DownloadToken.id == token_id, DownloadToken.expires_at > at)
        .values(expires_at=at)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def check_download_token(
    session: AsyncSession, raw: str, now: dt.datetime | None = None
) -> TokenCheck:
    if not _TOKEN_SHAPE.match(raw or ""):
        return TokenCheck("unknown")
    row = await session.scalar(
        select(DownloadToken).where(DownloadToken.token_hash == token_hash(raw))
    )
    if row is None:
        return TokenCheck("unknown")
    if row.expires_at <= (now or utcnow()):
        return TokenCheck("expired", row)
    return TokenCheck("ok", row)
