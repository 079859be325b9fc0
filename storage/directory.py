"""Tenants, people and their identities, bodies and the conversations bound to them."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Body,
    BodyConversation,
    ConversationRef,
    Membership,
    Person,
    PersonIdentity,
    Tenant,
    utcnow,
)

ADMIN = "admin"


async def ensure_tenant(session: AsyncSession, tenant_id: str) -> Tenant:
    tenant = await session.get(Tenant, tenant_id)
    if tenant is None:
        # INSERT … ON CONFLICT DO NOTHING: two first turns of a tenant at once both succeed.
        dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
        insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
        await session.execute(
            insert_fn(Tenant).values(id=tenant_id, created_at=utcnow()).on_conflict_do_nothing()
        )
        tenant = await session.get(Tenant, tenant_id)
        assert tenant is not None
    return tenant


async def identity_by_subject(
    session: AsyncSession, tenant_id: str, provider: str, subject: str
) -> PersonIdentity | None:
    return await session.scalar(
        select(PersonIdentity).where(
            PersonIdentity.tenant_id == tenant_id,
            PersonIdentity.provider == provider,
            PersonIdentity.subject == subject,
        )
    )


async def ensure_identity(
    session: AsyncSession,
    tenant_id: str,
    *,
    provider: str,
    subject: str,
    display_name: str | None,
    aad_object_id: str | None = None,
    home_tenant_id: str | None = None,
    teams_user_id: str | None = None,
) -> PersonIdentity:
    ident = await identity_by_subject(session, tenant_id, provider, subject)
    if ident is None:
        ident = PersonIdentity(
            tenant_id=tenant_id,
            provider=provider,
            subject=subject,
            display_name=display_name,
            aad_object_id=aad_object_id,
            home_tenant_id=home_tenant_id,
            teams_user_id=teams_user_id,
        )
        session.add(ident)
        await session.flush()
    elif display_name and ident.display_name != display_name:
        ident.display_name = display_name
    return ident


async def people_by_key(session: AsyncSession, tenant_id: str, key: str) -> Sequence[Person]:
    return (
        await session.scalars(
            select(Person)
            .where(Person.tenant_id == tenant_id, Person.name_key == key)
            .order_by(Person.id)
        )
    ).all()


async def body_people(session: AsyncSession, body_id: int) -> Sequence[Person]:
    """People connected to a body: members, admins, and anyone in its meetings."""
    from storage.models import Attendance, Meeting

    member_ids = select(Membership.person_id).where(Membership.body_id == body_id)
    attendee_ids = (
        select(Attendance.person_id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.body_id == body_id)
    )
    return (
        await session.scalars(
            select(Person)
            .where(or_(Person.id.in_(member_ids), Person.id.in_(attendee_ids)))
            .order_by(Person.id)
        )
    ).all()


async def find_body(session: AsyncSession, tenant_id: str, key: str) -> Sequence[Body]:
    """Bodies whose name or short name has this key."""
    return (
        await session.scalars(
            select(Body)
            .where(Body.tenant_id == tenant_id, or_(Body.name_key == key, Body.short_key == key))
            .order_by(Body.id)
        )
    ).all()


async def body_for_conversation(
    session: AsyncSession, tenant_id: str, conversation_id: str
) -> Body | None:
    return await session.scalar(
        select(Body)
        .join(BodyConversation, BodyConversation.body_id == Body.id)
        .where(
            BodyConversation.tenant_id == tenant_id,
            BodyConversation.conversation_id == conversation_id,
        )
    )


async def body_conversations(session: AsyncSession, body_id: int) -> Sequence[BodyConversation]:
    return (
        await session.scalars(
            select(BodyConversation)
            .where(BodyConversation.body_id == body_id)
            .order_by(BodyConversation.id)
        )
    ).all()


async def roles_in_body(session: AsyncSession, body_id: int, person_id: int) -> set[str]:
    rows = await session.scalars(
        select(Membership.role).where(
            Membership.body_id == body_id, Membership.person_id == person_id
        )
    )
    return set(rows.all())


async def members_with_role(
    session: AsyncSession, body_id: int, roles: Sequence[str]
) -> Sequence[Membership]:
    return (
        await session.scalars(
            select(Membership)
            .where(Membership.body_id == body_id, Membership.role.in_(list(roles)))
            .order_by(Membership.id)
        )
    ).all()


async def add_membership(session: AsyncSession, body_id: int, person_id: int, role: str) -> bool:
    """True when added; a membership that exists stays as it is."""
    exists = await session.scalar(
        select(Membership.id).where(
            Membership.body_id == body_id,
            Membership.person_id == person_id,
            Membership.role == role,
        )
    )
    if exists is not None:
        return False
    session.add(Membership(body_id=body_id, person_id=person_id, role=role))
    await session.flush()
    return True


async def save_conversation_ref(
    session: AsyncSession,
    *,
    tenant_id: str,
    conversation_id: str,
    conversation_type: str | None,
    service_url: str,
    team_id: str | None,
    channel_id: str | None,
    reference: dict[str, object],
) -> None:
    row = await session.scalar(
        select(ConversationRef).where(
            ConversationRef.tenant_id == tenant_id,
            ConversationRef.conversation_id == conversation_id,
        )
    )
    if row is None:
        session.add(
            ConversationRef(
                tenant_id=tenant_id,
                conversation_id=conversation_id,
                conversation_type=conversation_type,
                service_url=service_url,
                team_id=team_id,
                channel_id=channel_id,
                reference=reference,
            )
        )
    elif row.service_url != service_url or row.reference != reference:
        row.service_url = service_url
        row.reference = reference
        row.team_id = team_id or row.team_id
        row.channel_id = channel_id or row.channel_id
        row.updated_at = utcnow()


async def conversation_ref(
    session: AsyncSession, tenant_id: str, conversation_id: str
) -> ConversationRef | None:
    return await session.scalar(
        select(ConversationRef).where(
            ConversationRef.tenant_id == tenant_id,
            ConversationRef.conversation_id == conversation_id,
        )
    )


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").upper().encode("ascii", "replace")).hexdigest()


def new_claim_code(body: Body) -> str:
    """A one-time code for an imported body's first admin; only its hash is kept."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    body.claim_code_hash = _code_hash(raw)
    return f"{raw[:4]}-{raw[4:]}"


def check_claim_code(body: Body, code: str) -> bool:
    if not body.claim_code_hash:
        return False
    return hmac.compare_digest(body.claim_code_hash, _code_hash(code))
