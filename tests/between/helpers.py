"""Shared steps for the between-meetings tests: a body in a meeting chat, a clock moved by hand."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import Any
from zoneinfo import ZoneInfo

from storage.clock import ManualClock
from storage.rhythm import ScheduledPost
from tests.harness.activities import Conversation, User, make_user, personal
from tests.harness.connector import Recorded, StandInConnector
from tests.harness.server import BotServer
from tests.test_attendance_e2e import Room

STHLM = ZoneInfo("Europe/Stockholm")


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, tzinfo=STHLM)


def clock_at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> ManualClock:
    return ManualClock(local(y, mo, d, h, mi))


async def body_room(
    server: BotServer, connector: StandInConnector, *, chair: str = "Anna Burston"
) -> tuple[Room, User]:
    """Mats creates Styrgruppen in a meeting chat, with Anna as chair and himself secretary."""
    room = Room(server, connector, server.activities.default_conversation)
    mats = make_user("Mats Wennstig")
    assert "skapat" in await room.say(mats, "organ: Styrgruppen för vård (SGV)")
    await room.say(mats, f"organ ledamöter: {chair}\nKarin Lund\nPer Ek")
    await room.say(mats, f"organ ordförande: {chair}")
    await room.say(mats, "organ sekreterare: Mats Wennstig")
    return room, mats


async def say_personally(
    server: BotServer, connector: StandInConnector, user: User, text: str
) -> Conversation:
    """The user writes to the bot in personal chat (so the bot can reach them there)."""
    conv = personal()
    act = server.activities.message(text, user=user, conversation=conv, mention_bot=False)
    status, _ = await server.post(act)
    assert status == 200
    await connector.wait_for(1, conv.id)
    return conv


async def posts(server: BotServer, *where: Any) -> list[ScheduledPost]:
    return await server.rows(ScheduledPost, *where)


async def wait_posts(
    server: BotServer, predicate: Any, *, within: float = 10.0, what: str = ""
) -> list[ScheduledPost]:
    deadline = time.monotonic() + within
    while True:
        rows = await posts(server)
        if predicate(rows):
            return rows
        assert time.monotonic() < deadline, (
            f"timed out waiting for {what}: {[(p.key, p.status, p.last_error) for p in rows]}"
        )
        await asyncio.sleep(0.05)


def headed(records: list[Recorded], prefix: str) -> list[dict[str, Any]]:
    """The cards among these messages whose heading starts with `prefix`."""
    return [
        c
        for r in records
        for c in r.cards
        if str((c.get("body") or [{}])[0].get("text", "")).startswith(prefix)
    ]


async def start_body(
    make_bot_server: Any,
    connector: StandInConnector,
    clock: ManualClock,
    database_url: str | None = None,
    **kwargs: Any,
) -> tuple[BotServer, Room, User]:
    """The bot on the given clock (polling often), and the body in its meeting chat."""
    server: BotServer = await make_bot_server(
        clock=clock, scheduler_interval=0.05, database_url=database_url
    )
    room, mats = await body_room(server, connector, **kwargs)
    return server, room, mats
