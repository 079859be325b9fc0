"""§ numbers under concurrent writers (issue 4): 50 `§:` commands on one body at the same
instant get 50 distinct, consecutive numbers, on SQLite and on PostgreSQL.

At the storage level each command runs in its own Database.transaction() through the same code
path a turn uses (dialogs.router.dispatch_text → `§:` → storage.record.add_paragraph); on
PostgreSQL the 50 transactions are held open together before any allocates, so they really
overlap. Through the app, two secretaries in two conversations of the same body send 50 at once.
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from typing import Any

from sqlalchemy import select, text

from dialogs.context import CommandContext, Speaker, TurnInput
from dialogs.errors import UserError
from dialogs.router import dispatch_text
from dialogs.state import current_session
from storage.db import Database
from storage.directory import ensure_tenant
from storage.migrate import upgrade
from storage.models import Item, Meeting, OutboxMessage
from tests.harness.activities import TENANT, make_user, meeting_chat

N = 50
SECRETARY = Speaker("aad", "aad-mats", "Mats Wennstig", aad_object_id="aad-mats")
CONVERSATION = "19:meeting_concurrency@thread.v2"


def turn(speaker: Speaker = SECRETARY, conversation: str = CONVERSATION) -> TurnInput:
    return TurnInput(
        tenant_id=TENANT,
        conversation_id=conversation,
        conversation_type="groupChat",
        speaker=speaker,
        activity_id=f"act-{uuid.uuid4()}",
    )


async def run_command(session: Any, line: str, speaker: Speaker = SECRETARY) -> list[str]:
    """What the turn runner does with a message, minus the outbox: one command, its replies."""
    token = current_session.set(session)
    try:
        await ensure_tenant(session, TENANT)
        ctx = CommandContext(session, turn(speaker))
        try:
            async with session.begin_nested():
                await dispatch_text(ctx, line)
        except UserError as err:  # undone, and said, as the turn runner does
            return [err.message(ctx.lang)]
        return [r.text or r.fallback or "" for r in ctx.replies]
    finally:
        current_session.reset(token)


async def prepare(url: str) -> None:
    await upgrade(url)
    db = Database(url)
    try:
        async with db.transaction() as session:
            [created] = await run_command(session, "organ: LSVO ledningsgrupp (LSVO)")
            assert "skapat" in created
        async with db.transaction() as session:
            opened = await run_command(session, "öppna mötet: 4 juni 2021")
            assert "är öppnat" in opened[0]
    finally:
        await db.dispose()


async def test_fifty_concurrent_paragraphs_get_distinct_consecutive_numbers(db_url: str) -> None:
    await prepare(db_url)
    postgres = db_url.startswith("postgresql")
    # One pool big enough for every writer at once on PostgreSQL; on SQLite several engines,
    # like several processes, so the writers meet on the database's own lock too.
    dbs = (
        [Database(db_url, pool_size=N + 5, max_overflow=0)]
        if postgres
        else [Database(db_url) for _ in range(5)]
    )
    barrier = asyncio.Barrier(N) if postgres else None
    opened_at: list[float] = []
    committed_at: list[float] = []

    async def one(i: int) -> str:
        db = dbs[i % len(dbs)]
        async with db.transaction() as session:
            await session.execute(text("SELECT 1"))  # the transaction is open on a connection
            opened_at.append(time.monotonic())
            if barrier is not None:
                await barrier.wait()  # all N open before any allocates a number
            [reply] = await run_command(session, f"§: Punkt {i}")
        committed_at.append(time.monotonic())
        return reply

    try:
        replies = await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(N))), 60)
    finally:
        for db in dbs:
            await db.dispose()

    numbers = []
    for i, reply in enumerate(replies):
        m = re.fullmatch(rf"\*\*§ (\d+) Punkt {i}\*\* är öppnad\.", reply)
        assert m, reply
        numbers.append(int(m.group(1)))
    assert sorted(numbers) == list(range(1, N + 1))
    if postgres:
        assert max(opened_at) < min(committed_at)  # every transaction overlapped every other

    check = Database(db_url)
    try:
        async with check.sessions() as session:
            items = (await session.scalars(select(Item))).all()
            meeting = (await session.scalars(select(Meeting))).all()
    finally:
        await check.dispose()
    assert len(items) == N
    assert sorted(r.number for r in items) == list(range(1, N + 1))
    assert {r.number_scope for r in items} == {"2021"}
    assert len(meeting) == 1


async def test_a_number_given_is_refused_not_reused(db_url: str) -> None:
    """Concurrent explicit numbers: one wins, the others are told, nothing is overwritten."""
    await prepare(db_url)
    db = Database(db_url)
    try:

        async def explicit(i: int) -> list[str]:
            async with db.transaction() as session:
                return await run_command(session, f"§ 116 Samsjuklighet {i}")

        replies = await asyncio.gather(*(explicit(i) for i in range(5)))
        async with db.sessions() as session:
            items = (await session.scalars(select(Item))).all()
    finally:
        await db.dispose()
    flat = [r for rs in replies for r in rs]
    assert sum("är öppnad" in r for r in flat) == 1, flat
    assert sum("§ 116 finns redan i år" in r for r in flat) == 4, flat
    assert [(r.number, r.title.startswith("Samsjuklighet")) for r in items] == [(116, True)]


async def test_fifty_paragraphs_at_once_through_the_app(make_bot_server: Any, db_url: str) -> None:
    """Two secretaries in five conversations bound to one body, 50 `§:` POSTs at once."""
    server = await make_bot_server(database_url=db_url)
    a = server.activities
    mats, carina = make_user("Mats Wennstig"), make_user("Carina Andersson")
    rooms = [a.default_conversation, *(meeting_chat() for _ in range(4))]

    async def post(user: Any, line: str, conversation: Any) -> None:
        status, body = await server.post(a.message(line, user=user, conversation=conversation))
        assert status == 200, (status, body)

    await post(mats, "organ: LSVO ledningsgrupp (LSVO)", rooms[0])
    # Carina is made admin by @mention, so her Teams account is confirmed as her (a display
    # name alone gives no powers, issue 17).
    made_admin = a.message(
        "organ admin: <at>Carina Andersson</at>", user=mats, conversation=rooms[0]
    )
    made_admin["entities"].append(
        {
            "type": "mention",
            "mentioned": {"id": carina.teams_id, "name": carina.name},
            "text": "<at>Carina Andersson</at>",
        }
    )
    status, body = await server.post(made_admin)
    assert status == 200, (status, body)
    await post(mats, "öppna mötet: 4 juni 2021", rooms[0])
    await post(carina, "närvarande", rooms[0])  # her Teams identity meets her admin seat
    for i, room in enumerate(rooms[1:], start=1):
        secretary = carina if i % 2 else mats
        await post(secretary, "organ: LSVO", room)
        await post(secretary, "öppna mötet: 4 juni 2021", room)
    assert await server.count(Meeting) == len(rooms)

    # (Several conversations: Teams paces each one's replies, which the teardown waits for.)
    await asyncio.gather(
        *(post(carina if i % 2 else mats, f"§: Punkt {i}", rooms[i % len(rooms)]) for i in range(N))
    )
    items = await server.rows(Item)
    assert len(items) == N
    assert sorted(i.number for i in items) == list(range(1, N + 1))  # per år: one sequence
    # Every command got its own number back (what the bot says, from its outbox).
    said = [
        str(r.payload["activity"].get("text") or "")
        for r in await server.rows(OutboxMessage)
        if "Punkt" in str(r.payload["activity"].get("text") or "")
    ]
    got = sorted(int(m.group(1)) for t in said if (m := re.match(r"\*\*§ (\d+) Punkt", t)))
    assert got == list(range(1, N + 1)), said
