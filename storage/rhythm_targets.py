"""Where the scheduler posts: a person's personal chat with the bot, a meeting's conversation."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.minutes import PublicationTarget
from storage.models import ConversationRef, PersonIdentity


async def personal_chat(
    session: AsyncSession, tenant_id: str, person_id: int
) -> ConversationRef | None:
    """The person's personal chat with the bot, if they installed the app personally (the bot
    has heard from them there); else None."""
    idents = (
        await session.scalars(select(PersonIdentity).where(PersonIdentity.person_id == person_id))
    ).all()
    aad = {i.aad_object_id.lower() for i in idents if i.aad_object_id}
    teams = {i.teams_user_id for i in idents if i.teams_user_id}
    if not aad and not teams:
        return None
    refs = (
        await session.scalars(
            select(ConversationRef)
            .where(
                ConversationRef.tenant_id == tenant_id,
                ConversationRef.conversation_type == "personal",
            )
            .order_by(ConversationRef.updated_at.desc(), ConversationRef.id.desc())
        )
    ).all()
    for ref in refs:
        user = (ref.reference or {}).get("user") or {}
        if str(user.get("aadObjectId") or "").lower() in aad or user.get("id") in teams:
            return ref
    return None


async def teams_user_ids(session: AsyncSession, person_ids: list[int]) -> list[str]:
    """Teams user ids (29:…) of these people, for a card's refresh.userIds."""
    if not person_ids:
        return []
    rows = await session.scalars(
        select(PersonIdentity.teams_user_id)
        .where(PersonIdentity.person_id.in_(person_ids), PersonIdentity.teams_user_id.is_not(None))
        .order_by(PersonIdentity.id)
    )
    out: list[str] = []
    for uid in rows.all():
        if uid and uid not in out:
            out.append(uid)
    return out


async def conversation_target(
    session: AsyncSession, tenant_id: str, conversation_id: str
) -> PublicationTarget | None:
    """A conversation the bot has heard from: a chat as it is, a channel as a new thread."""
    ref = await session.scalar(
        select(ConversationRef).where(
            ConversationRef.tenant_id == tenant_id,
            ConversationRef.conversation_id == conversation_id,
        )
    )
    if ref is not None:
        return PublicationTarget(conversation_id, ref.service_url, False)
    ref = await session.scalar(
        select(ConversationRef)
        .where(
            ConversationRef.tenant_id == tenant_id,
            or_(
                ConversationRef.channel_id == conversation_id,
                ConversationRef.conversation_id.startswith(conversation_id + ";", autoescape=True),
            ),
        )
        .order_by(ConversationRef.updated_at.desc(), ConversationRef.id.desc())
        .limit(1)
    )
    if ref is not None:
        return PublicationTarget(conversation_id, ref.service_url, True)
    return None
