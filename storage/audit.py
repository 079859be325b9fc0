from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEvent


async def record(
    session: AsyncSession,
    *,
    tenant_id: str,
    action: str,
    entity: str,
    entity_id: int | None,
    source: str,
    actor_person_id: int | None = None,
    actor_label: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    activity_id: str | None = None,
) -> None:
    session.add(
        AuditEvent(
            tenant_id=tenant_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            source=source,
            actor_person_id=actor_person_id,
            actor_label=actor_label,
            before=before,
            after=after,
            activity_id=activity_id,
        )
    )


async def trail(session: AsyncSession, entity: str, entity_ids: list[int]) -> list[AuditEvent]:
    rows = await session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id.in_(entity_ids))
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return list(rows.all())
