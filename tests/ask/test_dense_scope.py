"""Dense recall never crosses the scope, on SQLite and PostgreSQL: another tenant's, another
body's or a sekretess passage is not returned to someone who may not see it, even when the
question's vector is that very passage's vector. Both ways of reading vectors are checked: the
passages' own rows (small scopes) and the packed signatures (storage.vector_store, large scopes),
also after a rebuild leaves dead entries in the blocks.

The vectors are random unit vectors stored through the same code as the model's (the model's
own are exercised in test_passages); querying with a passage's own vector makes it the best
possible match, so a leak could not hide behind a low score."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select

from storage import passages as P
from storage import vector_store, vectors
from storage.db import Database
from storage.models import Body
from tests.ask.record import HOME, OTHER, Record, _Builder
from tests.ask.test_scope import world  # noqa: F401


async def _vectorise(database: Database, seed: int = 12) -> dict[int, np.ndarray]:
    """Unit vectors for every passage without one, stored as the embedder stores them."""
    rng = np.random.default_rng(seed)
    async with database.transaction() as session:
        rows = await vectors._pending(session, 100_000)
        vecs = rng.standard_normal((len(rows), int(vectors.settings()["dim"])))
        vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
        await vectors._store(session, rows, vecs)
    return {r.id: v for r, v in zip(rows, vecs, strict=True)}


async def _passages(database: Database) -> list[Any]:
    async with database.read() as session:
        return list(
            (
                await session.execute(
                    select(
                        P.ask_passage.c.id,
                        P.ask_passage.c.tenant_id,
                        P.ask_passage.c.body_id,
                        P.ask_passage.c.confidential,
                        P.ask_passage.c.text,
                    )
                )
            ).all()
        )


async def _body_ids(database: Database, tenant: str) -> tuple[int, ...]:
    async with database.read() as session:
        return tuple(
            (await session.execute(select(Body.id).where(Body.tenant_id == tenant))).scalars()
        )


async def _dense(database: Database, scope: P.PassageScope, query: np.ndarray) -> list[int]:
    async with database.read() as session:
        return [pid for pid, _ in await vectors.dense(session, scope, query, k=20)]


async def _no_blocks(*_a: object) -> int:
    return 0


@pytest.fixture(params=["rows", "blocks-exact", "blocks-signatures"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each way dense search reads: the passages' rows (scopes with § or kind filters), the
    blocks' int8 codes (scopes up to exact_below), the blocks' signatures (larger scopes)."""
    if request.param == "rows":
        monkeypatch.setattr(vectors, "_block_entries", _no_blocks)
    if request.param == "blocks-signatures":
        monkeypatch.setitem(vectors.settings(), "exact_below", 0)
    return str(request.param)


async def test_dense_recall_keeps_tenant_body_and_sekretess(
    world: Record,  # noqa: F811
    database: Database,
    reading: str,
) -> None:
    vecs = await _vectorise(database)
    passages = await _passages(database)
    home_bodies = await _body_ids(database, HOME)
    secret = [p for p in passages if p.tenant_id == HOME and p.confidential]
    other = [p for p in passages if p.tenant_id == OTHER]
    sek_body = secret[0].body_id
    lsvo = world.bodies["lsvo"].id
    elsewhere = [p for p in passages if p.tenant_id == HOME and p.body_id != lsvo]
    assert secret and other and elsewhere

    guest = P.PassageScope(tenant_id=HOME, body_ids=home_bodies)
    member = P.PassageScope(tenant_id=HOME, body_ids=home_bodies, confidential_body_ids=(sek_body,))
    channel = P.PassageScope(tenant_id=HOME, body_ids=(lsvo,), confidential_body_ids=(sek_body,))
    for p in secret + other:
        assert p.id not in await _dense(database, guest, vecs[p.id]), (reading, p.text)
    for p in other:
        assert p.id not in await _dense(database, member, vecs[p.id]), (reading, p.text)
    for p in elsewhere:
        assert p.id not in await _dense(database, channel, vecs[p.id]), (reading, p.text)
    # The same search finds what the scope holds, first (so the checks above could fail).
    for p in secret:
        assert (await _dense(database, member, vecs[p.id]))[0] == p.id
    public = next(p for p in passages if p.tenant_id == HOME and p.body_id == lsvo)
    assert (await _dense(database, channel, vecs[public.id]))[0] == public.id
    assert (await _dense(database, guest, vecs[public.id]))[0] == public.id
    # Another tenant's question never reaches HOME's passages either.
    others = P.PassageScope(tenant_id=OTHER, body_ids=await _body_ids(database, OTHER))
    assert public.id not in await _dense(database, others, vecs[public.id])


async def test_blocks_follow_rebuilds(
    world: Record,  # noqa: F811
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(vectors.settings(), "exact_below", 0)
    vecs = await _vectorise(database)
    before = {p.text: p for p in await _passages(database) if p.tenant_id == HOME}
    # A write to the sekretess meeting rebuilds its passages: unchanged texts keep their vectors
    # under new ids, and the old ids are dead entries in the blocks.
    async with database.transaction() as session:
        b = _Builder(session, world)
        m = world.meetings["sek"]
        extra = await b.item("extra", m, "Nytt ärende", number=3)
        await b.decision("extra", extra, phrase="SEK beslutar", clauses=["köpa nya stolar"])
    after = {p.text: p for p in await _passages(database) if p.tenant_id == HOME}
    # (SQLite may hand the freed ids out again: a dead entry can name a live passage of
    # another group, which the rerank's scope clause must still keep out.)
    sek_meeting = world.meetings["sek"].id
    async with database.read() as session:
        in_sek = set(
            (
                await session.execute(
                    select(P.ask_passage.c.id).where(P.ask_passage.c.meeting_id == sek_meeting)
                )
            ).scalars()
        )
    moved = [t for t in before if t in after and after[t].id in in_sek]
    assert moved and any(after[t].confidential for t in moved)
    home_bodies = await _body_ids(database, HOME)
    sek_body = next(p.body_id for p in after.values() if p.confidential)
    guest = P.PassageScope(tenant_id=HOME, body_ids=home_bodies)
    member = P.PassageScope(tenant_id=HOME, body_ids=home_bodies, confidential_body_ids=(sek_body,))
    for t in moved:
        old, new = before[t], after[t]
        scope = member if new.confidential else guest
        found = await _dense(database, scope, vecs[old.id])
        assert found[0] == new.id
        if new.confidential:
            assert new.id not in await _dense(database, guest, vecs[old.id])
    # Every passage with a vector is in exactly one live block entry after the repack.
    async with database.read() as session:
        blocks = (await session.execute(select(vector_store.ask_vec_block))).all()
        with_vec = set(
            (
                await session.execute(
                    select(P.ask_passage.c.id).where(P.ask_passage.c.sig.is_not(None))
                )
            ).scalars()
        )
    packed = [int(i) for b in blocks for i in np.frombuffer(b.ids, dtype="<i4")]
    assert with_vec <= set(packed)
    assert sum(b.n for b in blocks) == len(packed)


async def test_date_filter_applies_to_blocks(
    world: Record,  # noqa: F811
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(vectors.settings(), "exact_below", 0)
    vecs = await _vectorise(database)
    passages = await _passages(database)
    home_bodies = await _body_ids(database, HOME)
    async with database.read() as session:
        dates = dict(
            (await session.execute(select(P.ask_passage.c.id, P.ask_passage.c.meeting_date))).all()
        )
    cut = dt.date(2024, 1, 1)
    early = [
        p for p in passages if p.tenant_id == HOME and not p.confidential and dates[p.id] < cut
    ]
    assert early
    scope = P.PassageScope(tenant_id=HOME, body_ids=home_bodies, date_from=cut)
    for p in early[:20]:
        assert p.id not in await _dense(database, scope, vecs[p.id])


async def test_blocks_score_as_the_rows_do(
    world: Record,  # noqa: F811
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The exact reading of the blocks gives the rows' ranking and spread (the no-answer
    cut-off reads the spread), so moving vectors into blocks changes no answer."""
    vecs = await _vectorise(database)
    scope = P.PassageScope(tenant_id=HOME, body_ids=await _body_ids(database, HOME))
    for pid in list(vecs)[:5]:
        query = vecs[pid] + vecs[pid + 1] if pid + 1 in vecs else vecs[pid]
        query = query / np.linalg.norm(query)
        async with database.read() as session:
            from_blocks = vectors.DenseStats()
            blocks = await vectors.dense(session, scope, query, k=30, stats=from_blocks)
            with monkeypatch.context() as m:
                m.setattr(vectors, "_block_entries", _no_blocks)
                from_rows = vectors.DenseStats()
                rows = await vectors.dense(session, scope, query, k=30, stats=from_rows)
        assert [p for p, _ in blocks] == [p for p, _ in rows]
        assert np.allclose([s for _, s in blocks], [s for _, s in rows])
        assert from_blocks.count == from_rows.count > 0
        assert abs(from_blocks.mean - from_rows.mean) < 1e-5
        assert abs(from_blocks.std - from_rows.std) < 1e-5
