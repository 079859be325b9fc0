"""One sender per conversation across instances, nothing dropped or doubled, and a killed
instance's replies re-sent at once after a restart (issue 17, attack 4)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
import pytest

import bot.app
import bot.sender
from storage.db import Database, normalize_url
from storage.models import OutboxMessage
from tests.harness.activities import Activities, meeting_chat
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer, free_port

ROOT = Path(__file__).resolve().parents[2]
# Teams' per-conversation limits (7/1 s, 8/2 s, 60/30 s) at a tenth of the time, on both sides.
FAST = ((0.1, 7), (0.2, 8), (3.0, 60))


async def _until(check: Any, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.1)


@pytest.mark.postgres
async def test_two_instances_400_replies_to_one_conversation_none_dropped_or_doubled(
    make_bot_server: Any, connector: StandInConnector, pg_url: str, monkeypatch: Any
) -> None:
    monkeypatch.setattr(bot.sender, "WINDOWS", FAST)
    first = await make_bot_server(database_url=pg_url)
    second = await make_bot_server(database_url=pg_url)
    connector.rate_limit(windows=FAST, retry_after=0.3)
    conv = meeting_chat()
    acts = [first.activities.message("hjälp", conversation=conv) for _ in range(400)]
    gate = asyncio.Semaphore(16)

    async def post(i: int, act: dict[str, Any]) -> None:
        async with gate:
            status, body = await (first if i % 2 else second).post(act)
            assert status == 200, (status, body)

    await asyncio.gather(*(post(i, a) for i, a in enumerate(acts)))

    async def all_sent() -> bool:
        return len({r.activity_id for r in connector.sent(conv.id)}) >= 400

    await _until(all_sent, 120, f"{len(connector.sent(conv.id))} of 400 replies arrived")
    await asyncio.sleep(1.0)  # anything sent twice would arrive by now
    delivered = Counter(r.activity_id for r in connector.sent(conv.id))
    dropped = {a["id"] for a in acts} - set(delivered)
    doubled = {k: n for k, n in delivered.items() if n > 1}
    refused = [r.status for r in connector.sent(conv.id, ok_only=False)].count(429)
    print(
        f"two instances: 400 replies, {len(dropped)} dropped, {len(doubled)} doubled, "
        f"{refused} answered 429 and retried"
    )
    assert not dropped and not doubled
    rows = await first.rows(OutboxMessage)
    assert len(rows) == 400 and {r.status for r in rows} == {"sent"}


async def _serve(port: int, database_url: str, connector: StandInConnector) -> Any:
    env = {
        **os.environ,
        "MicrosoftAppId": "",
        "DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "serve", env=env, cwd=ROOT
    )
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        return proc
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not start")


async def test_kill_9_stranded_replies_arrive_within_ten_seconds_of_the_restart(
    connector: StandInConnector, db_url: str
) -> None:
    url = db_url
    engine = url.split(":")[0]
    port = free_port()
    acts = Activities(connector.service_url)
    convs = [meeting_chat() for _ in range(20)]
    messages = [acts.message("hjälp", conversation=c) for c in convs]
    connector.send_delay = 60.0  # Teams hangs: every reply is in flight when the process dies
    proc = await _serve(port, url, connector)
    try:
        async with aiohttp.ClientSession() as http:
            for act in messages:
                async with http.post(f"http://127.0.0.1:{port}/api/messages", json=act) as resp:
                    assert resp.status == 200
        await _until(
            lambda: _true(len(connector.requests) >= 20), 20, "replies did not reach Teams"
        )
        db = Database(normalize_url(url))
        try:
            async with db.sessions() as session:
                from sqlalchemy import func, select

                stranded = await session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.status == "sending")
                )
            assert stranded == 20
        finally:
            await db.dispose()
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        connector.send_delay = 0.0
        seen = len(connector.requests)
        restarted = time.monotonic()
        proc = await _serve(port, url, connector)
        ready = time.monotonic()

        def arrived() -> set[str | None]:
            return {r.activity_id for r in connector.requests[seen:] if r.ok}

        await _until(lambda: _true(len(arrived()) >= 20), 30, f"{len(arrived())} of 20")
        took = time.monotonic() - restarted
        print(
            f"kill -9 ({engine}): 20 stranded replies all arrived {took:.1f} s after the restart "
            f"began ({time.monotonic() - ready:.1f} s after it answered /healthz)"
        )
        assert arrived() == {a["id"] for a in messages}
        assert took <= 10.0
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()


async def _true(value: bool) -> bool:
    return value


async def _settled_row(server: BotServer, within: float = 30.0) -> OutboxMessage:
    """The one outbox row once its sender has settled it. The sender commits "sent" only after
    Teams (here the stand-in) has answered, so the stand-in records the message before the row
    says so: under load that commit can trail the recorded request by seconds."""
    deadline = time.monotonic() + within
    while True:
        [row] = await server.rows(OutboxMessage)
        if row.status != "sending" or time.monotonic() >= deadline:
            return row
        await asyncio.sleep(0.05)


async def test_a_redelivered_activity_resends_replies_stuck_under_a_dead_sender_only(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    from sqlalchemy import update

    act = bot_server.activities.message("hjälp")
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1)
    # Settled before the test marks it stuck, or a late "sent" would overwrite that.
    row = await _settled_row(bot_server)
    assert row.status == "sent"
    live_owner = bot_server.app[bot.app.RUNNER].owner if bot_server.app else None
    assert live_owner

    async def stuck_under(owner: str) -> None:
        async with bot_server.db.transaction() as session:
            await session.execute(
                update(OutboxMessage).values(status="sending", owner=owner, sent_at=None)
            )

    # Stuck under this (live) instance: a redelivery leaves it to its owner.
    await stuck_under(live_owner)
    connector.reset()
    assert (await bot_server.post(act))[0] == 200
    await connector.assert_quiet(1.0)
    # Stuck under a sender whose lease is gone (killed): the redelivery sends it again.
    await stuck_under("gone-host:1/dead")
    assert (await bot_server.post(act))[0] == 200
    [again] = await connector.wait_for(1)
    assert again.activity_id == act["id"]
    row = await _settled_row(bot_server)
    assert row.status == "sent"
