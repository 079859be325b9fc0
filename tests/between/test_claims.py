"""Claiming due posts in the database (storage/rhythm.claim_due), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt

from storage import rhythm
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Body, Tenant

NOW = dt.datetime(2027, 3, 1, 8, tzinfo=dt.UTC)


async def _setup(db: Database, n: int) -> None:
    async with db.transaction() as session:
        session.add(Tenant(id="t"))
        await session.flush()
        body = Body(tenant_id="t", name="Organ", name_key="organ")
        session.add(body)
        await session.flush()
        for i in range(n):
            added = await rhythm.add_post(
                session,
                key=f"test:{i}",
                tenant_id="t",
                body_id=body.id,
                kind="kallelse",
                due_at=NOW - dt.timedelta(minutes=i),
            )
            assert added
        # The same key again is not a second post.
        assert not await rhythm.add_post(
            session, key="test:0", tenant_id="t", body_id=body.id, kind="kallelse", due_at=NOW
        )
        # Not due yet: never claimed.
        await rhythm.add_post(
            session,
            key="later",
            tenant_id="t",
            body_id=body.id,
            kind="kallelse",
            due_at=NOW + dt.timedelta(minutes=1),
        )


async def test_two_claimers_take_disjoint_posts(db_url: str) -> None:
    await upgrade(db_url)
    db, other = Database(db_url), Database(db_url)
    try:
        await _setup(db, 30)
        took: list[list[int]] = []

        async def claim(database: Database, hold: float) -> None:
            async with database.transaction() as session:
                rows = await rhythm.claim_due(session, NOW, limit=20)
                for row in rows:
                    row.status = rhythm.QUEUED
                await asyncio.sleep(hold)  # keep the rows while the other looks
                took.append([r.id for r in rows])

        await asyncio.gather(claim(db, 0.3), claim(other, 0.0))
        first, second = took
        assert not set(first) & set(second)
        assert len(first) + len(second) == 30, took
        async with db.transaction() as session:
            assert await rhythm.claim_due(session, NOW) == []
            later = await rhythm.claim_due(session, NOW + dt.timedelta(minutes=1))
            assert [p.key for p in later] == ["later"]
    finally:
        await db.dispose()
        await other.dispose()
