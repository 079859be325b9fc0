"""The record: SQLAlchemy 2 typed models for the domain in DESIGN.md.

Everything hangs off a host tenant (the tenant id of the conversation); no query crosses
tenants. Nothing that belongs to the record is ever deleted: statuses change and the audit
trail keeps the before and after.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names so migrations read the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps are stored in UTC; SQLite forgets the zone, so it is put back on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(AsyncAttrs, DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Tenant(Base):
    __tablename__ = "tenant"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Body(Base):
    """An organ: styrgrupp, ledningsgrupp, samverkansråd, uppdragsgrupp."""

    __tablename__ = "body"
    __table_args__ = (UniqueConstraint("tenant_id", "name_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(60))
    short_key: Mapped[str | None] = mapped_column(String(60), index=True)
    # 'per_year': § continue through the calendar year (LSVO); 'per_meeting': 1…n each meeting.
    numbering: Mapped[str] = mapped_column(String(20), default="per_year")
    # 'body': visible in bound conversations and to members; 'organisation': whole host tenant.
    sharing: Mapped[str] = mapped_column(String(20), default="body")
    form: Mapped[str] = mapped_column(String(30), default="protokoll")
    # "Protokollet ska skickas till": the body's standing list; a meeting may have its own.
    distribution: Mapped[list[Any] | None] = mapped_column(JSON)
    # The cooperation the body belongs to, printed above its name ("Samverkan Blekinge – …").
    letterhead: Mapped[str | None] = mapped_column(String(300))
    # An imported body has no admin: `samverkansbot import` prints a one-time code that the
    # first `organ:` binding it must quote; only its SHA-256 is kept, and cleared once used.
    claim_code_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BodyConversation(Base):
    """A Teams conversation (channel, group chat, meeting chat) bound to a body."""

    __tablename__ = "body_conversation"
    __table_args__ = (UniqueConstraint("tenant_id", "conversation_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    conversation_id: Mapped[str] = mapped_column(String(400))
    conversation_type: Mapped[str | None] = mapped_column(String(30))
    team_id: Mapped[str | None] = mapped_column(String(200))
    channel_id: Mapped[str | None] = mapped_column(String(200))
    bound_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    organisation: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PersonIdentity(Base):
    """One way a human shows up: a Teams account (home tenant + AAD object id) or the console.

    One person may have several (a guest account in the host tenant and a home account).
    """

    __tablename__ = "person_identity"
    __table_args__ = (UniqueConstraint("tenant_id", "provider", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    provider: Mapped[str] = mapped_column(String(20))  # 'aad' | 'teams' | 'console'
    subject: Mapped[str] = mapped_column(String(300))  # "<home tenant>/<aad object id>" …
    home_tenant_id: Mapped[str | None] = mapped_column(String(64))
    aad_object_id: Mapped[str | None] = mapped_column(String(64))
    teams_user_id: Mapped[str | None] = mapped_column(String(300))
    display_name: Mapped[str | None] = mapped_column(String(200))
    # The link to person_id is confirmed: the person was created for this identity, an admin
    # approved it (`koppla godkänn`), it was registered by its Teams identity (a mention), or it
    # quoted an import's one-time code. A display-name match alone links unconfirmed: enough to
    # check in, never for the powers of chair, secretary, justerare or admin, nor for sekretess.
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LinkRequest(Base):
    """`koppla: Anna Burston` — an identity asks to be an existing person; an admin confirms."""

    __tablename__ = "link_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"))
    identity_id: Mapped[int] = mapped_column(ForeignKey("person_identity.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    decided_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Membership(Base):
    """Person × body × role; 'admin' is a role too."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("body_id", "person_id", "role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_body_date", "body_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"))
    title: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[dt.date] = mapped_column(Date)
    # False when imported minutes named no date and the import day stands in for it.
    date_stated: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    start_at: Mapped[dt.datetime | None]
    end_at: Mapped[dt.datetime | None]
    place: Mapped[str | None] = mapped_column(String(300))
    form: Mapped[str] = mapped_column(String(30), default="protokoll")
    # open → closed → justerat → published; 'imported' for minutes brought in from files.
    status: Mapped[str] = mapped_column(String(20), default="open")
    conversation_id: Mapped[str | None] = mapped_column(String(400), index=True)
    teams_meeting_id: Mapped[str | None] = mapped_column(String(400))
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    secretary_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    current_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("item.id", use_alter=True, name="fk_meeting_current_item")
    )
    justerat_on: Mapped[dt.date | None] = mapped_column(Date)
    justering_how: Mapped[str | None] = mapped_column(String(100))
    published_at: Mapped[dt.datetime | None]
    next_meeting_text: Mapped[str | None] = mapped_column(String(300))
    next_meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="chat")
    text: Mapped[str | None] = mapped_column(Text)  # imported text that found no structure
    distribution: Mapped[list[Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(20), default="present")  # present|absent|partial
    absence_kind: Mapped[str | None] = mapped_column(String(20))  # aterbud | franvarande
    # Role at this meeting: ordforande, vice_ordforande, sekreterare, ledamot, ersattare,
    # tjansteperson, brukarrepresentant, adjungerad, ovrig.
    role: Mapped[str | None] = mapped_column(String(30))
    is_justerare: Mapped[bool] = mapped_column(Boolean, default=False)
    substitute_for_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    partial_note: Mapped[str | None] = mapped_column(String(200))
    joined_at: Mapped[dt.datetime | None]
    left_at: Mapped[dt.datetime | None]
    source: Mapped[str] = mapped_column(String(20))  # self|secretary|teams|import|console
    recorded_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AgendaEntry(Base):
    __tablename__ = "agenda_entry"
    __table_args__ = (UniqueConstraint("meeting_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"))


class Item(Base):
    """An agenda item; with a number under the body's numbering it is a paragraph (§)."""

    __tablename__ = "item"
    __table_args__ = (
        # A § number, once given, is never given again in its scope (a year or a meeting).
        UniqueConstraint("body_id", "number_scope", "number"),
        Index("ix_item_meeting_position", "meeting_id", "position"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    number: Mapped[int | None] = mapped_column(Integer)
    number_scope: Mapped[str | None] = mapped_column(String(40))  # "2021" or "m42"
    label: Mapped[str | None] = mapped_column(String(20))  # as printed: "113", "3", "a"
    is_paragraph: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500), default="")
    presenters: Mapped[str | None] = mapped_column(String(500))
    text: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="beslut")  # beslut|information|ovrigt
    # behandlad | utgar | bordlagd | aterremitterad
    status: Mapped[str] = mapped_column(String(20), default="behandlad")
    remit_to: Mapped[str | None] = mapped_column(String(300))
    outcome: Mapped[str | None] = mapped_column(Text)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    diarienummer: Mapped[str | None] = mapped_column(String(100))
    created_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ItemAttachment(Base):
    __tablename__ = "item_attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))


class Jav(Base):
    __tablename__ = "jav"
    __table_args__ = (UniqueConstraint("item_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))


class Decision(Base):
    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    phrase: Mapped[str | None] = mapped_column(String(300))  # "LSVO:s ledningsgrupp beslutar"
    clauses: Mapped[list[Any]] = mapped_column(JSON, default=list)  # without the leading "att"
    text: Mapped[str | None] = mapped_column(Text)  # as written, for prose decisions
    # valid | amended | withdrawn | superseded
    status: Mapped[str] = mapped_column(String(20), default="valid")
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    reported_by_body: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(20), default="chat")
    source_activity_id: Mapped[str | None] = mapped_column(String(200))
    recorded_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DecisionNote(Base):
    """Reservations and protokollsanteckningar attached to a decision."""

    __tablename__ = "decision_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # reservation | protokollsanteckning
    text: Mapped[str] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Assignment(Base):
    __tablename__ = "assignment"
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    assignee_text: Mapped[str | None] = mapped_column(String(300))
    assignee_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    what: Mapped[str] = mapped_column(Text)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_text: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | done
    done_at: Mapped[dt.datetime | None]
    created_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Correction(Base):
    """A change to justerade minutes: shown in the document, never a silent rewrite."""

    __tablename__ = "correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    what: Mapped[str] = mapped_column(Text)
    why: Mapped[str | None] = mapped_column(Text)


class MinutesApproval(Base):
    __tablename__ = "minutes_approval"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    verdict: Mapped[str] = mapped_column(String(20))  # approved | changes_requested
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    actor_label: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(20))  # teams | console | import | system
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    activity_id: Mapped[str | None] = mapped_column(String(200))


class ImportedFile(Base):
    __tablename__ = "imported_file"
    __table_args__ = (UniqueConstraint("tenant_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenant.id"))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(500))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# --- plumbing --------------------------------------------------------------------------------


class ConversationRef(Base):
    """Serialized botbuilder ConversationReference, for proactive posts and the outbox."""

    __tablename__ = "conversation_ref"
    __table_args__ = (UniqueConstraint("tenant_id", "conversation_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[str] = mapped_column(String(400))
    conversation_type: Mapped[str | None] = mapped_column(String(30))
    service_url: Mapped[str] = mapped_column(String(500))
    team_id: Mapped[str | None] = mapped_column(String(200))
    channel_id: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ProcessedActivity(Base):
    """Teams redelivers; an activity id seen in a conversation acts once."""

    __tablename__ = "processed_activity"
    __table_args__ = (UniqueConstraint("conversation_id", "activity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(400))
    activity_id: Mapped[str] = mapped_column(String(200))
    # The invoke response body, so a redelivered invoke gets the same answer.
    invoke_response: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    processed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OutboxMessage(Base):
    """What a turn says, written in the turn's transaction and delivered after commit."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_outbox_source", "conversation_id", "source_activity_id"),
        Index("ix_outbox_coalesce", "coalesce_key", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    conversation_id: Mapped[str] = mapped_column(String(400))
    source_activity_id: Mapped[str | None] = mapped_column(String(200))
    # reply | send | update | create_thread | console
    kind: Mapped[str] = mapped_column(String(20))
    service_url: Mapped[str | None] = mapped_column(String(500))
    reply_to_id: Mapped[str | None] = mapped_column(String(200))
    target_activity_id: Mapped[str | None] = mapped_column(String(200))
    coalesce_key: Mapped[str | None] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_activity_id: Mapped[str | None] = mapped_column(String(200))
    sent_conversation_id: Mapped[str | None] = mapped_column(String(400))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]
    # The sender instance that holds the row while it is "sending" (see SenderLease).
    owner: Mapped[str | None] = mapped_column(String(100))


class SenderLease(Base):
    """Leases with a heartbeat. "instance:<id>" says a sender process is alive; "conv:<id>"
    says which instance paces and sends a conversation's replies. A lease that is not renewed
    lapses at expires_at; a row "sending" under a lapsed owner is sent again."""

    __tablename__ = "sender_lease"
    name: Mapped[str] = mapped_column(String(420), primary_key=True)
    owner: Mapped[str] = mapped_column(String(100), index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class BotState(Base):
    """botbuilder Storage rows: conversation/user/dialog state with an eTag."""

    __tablename__ = "bot_state"
    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    etag: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DownloadToken(Base):
    """An expiring, revocable link to a rendered document served by the bot."""

    __tablename__ = "download_token"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    tenant_id: Mapped[str] = mapped_column(String(64))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    fmt: Mapped[str] = mapped_column(String(10), default="docx")
    expires_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
