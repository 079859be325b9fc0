"""Clean edges (issue 17, leftovers): invokes the bot does not serve and bad card ids get a
well-formed answer, not a 500; download tokens are not logged in clear in any letter case."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import pytest

from storage.models import OutboxMessage
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer

from .stored import counts


@pytest.mark.parametrize(
    "name",
    [
        "composeExtension/query",
        "task/fetch",
        "tab/fetch",
        "config/fetch",
        "signin/verifyState",
        "x",
    ],
)
async def test_invokes_the_bot_does_not_serve_get_a_well_formed_answer(
    bot_server: BotServer, connector: StandInConnector, name: str, caplog: Any
) -> None:
    act = bot_server.activities.invoke_action("noop")
    act["name"] = name
    act["value"] = {"commandId": "x", "parameters": []}
    before = await counts(bot_server)
    with caplog.at_level(logging.ERROR):
        status, body = await bot_server.post(act)
    assert status in (200, 400, 404, 501), (status, body)
    assert isinstance(body, dict) and body, body
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    after = await counts(bot_server)
    assert after["outbox"] == before["outbox"] == 0


@pytest.mark.parametrize("value", ["abc", 1e300, -1, 2**40, [1], {"a": 1}, "１２"])
async def test_bad_ids_in_card_data_get_a_400_style_invoke_body(
    make_bot_server: Any, connector: StandInConnector, db_url: str, value: Any, caplog: Any
) -> None:
    server = await make_bot_server(database_url=db_url)
    for verb, key in (("linkConfirm", "requestId"), ("decisionAmend", "decisionId")):
        act = server.activities.invoke_action(verb, {key: value})
        with caplog.at_level(logging.ERROR):
            status, body = await server.post(act)
        assert status == 200, body
        assert body["statusCode"] == 400 and key in body["value"], body
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert await server.count(OutboxMessage) == 0


def test_download_tokens_are_redacted_in_any_letter_case() -> None:
    from bot.downloads import _REDACT

    for path in ("/dl/AbC123tok", "/DL/AbC123tok", "/Dl/AbC123tok"):
        record = logging.LogRecord(
            "aiohttp.access", logging.INFO, "", 0, "GET %s 200", (path,), None
        )
        _REDACT.filter(record)
        assert "AbC123tok" not in record.getMessage()


async def test_retention_prunes_old_delivered_rows_and_activity_ids_only(db_url: str) -> None:
    import datetime as dt

    from storage import outbox
    from storage.db import Database
    from storage.migrate import upgrade
    from storage.models import ProcessedActivity, utcnow

    await upgrade(db_url)
    db = Database(db_url)
    old = utcnow() - dt.timedelta(days=40)
    try:
        async with db.transaction() as session:
            for status, created in (
                ("sent", old),
                ("failed", old),
                ("pending", old),
                ("sending", old),
                ("sent", utcnow()),
            ):
                session.add(
                    OutboxMessage(
                        conversation_id="c",
                        kind="send",
                        payload={},
                        status=status,
                        created_at=created,
                    )
                )
            session.add(ProcessedActivity(conversation_id="c", activity_id="1", processed_at=old))
            session.add(ProcessedActivity(conversation_id="c", activity_id="2"))
        async with db.transaction() as session:
            assert await outbox.prune(session, 0, 0) == (0, 0)
            assert await outbox.prune(session, 30, 30) == (2, 1)
        async with db.sessions() as session:
            from sqlalchemy import select

            left = sorted(r.status for r in (await session.scalars(select(OutboxMessage))).all())
            ids = [r.activity_id for r in (await session.scalars(select(ProcessedActivity))).all()]
        assert left == ["pending", "sending", "sent"] and ids == ["2"]
    finally:
        await db.dispose()


async def test_two_conversations_creating_the_same_body_at_once_both_get_an_answer(
    make_bot_server: Any, connector: StandInConnector, db_url: str
) -> None:
    from bot.turns import APOLOGY_SV
    from storage.models import Body, BodyConversation
    from tests.harness.activities import make_user, meeting_chat

    server = await make_bot_server(database_url=db_url)
    anna, mats = make_user("Anna Burston"), make_user("Mats Wennstig")
    for attempt in range(3):
        name = f"Samma organ {attempt}"
        acts = [
            server.activities.message(f"organ: {name}", user=who, conversation=meeting_chat())
            for who in (anna, mats)
        ]
        await asyncio.gather(*(server.post(a) for a in acts))
        replies = [
            r.text or ""
            for a in acts
            for r in await connector.wait_for(
                1, where=lambda r, a=a: r.activity_id == a["id"], timeout=10
            )
            if r.activity_id == a["id"]
        ]
        assert len(replies) == 2 and APOLOGY_SV not in replies, replies
        assert sum("Nytt organ" in r for r in replies) == 1, replies
        assert await server.count(Body, Body.name == name) == 1
    assert await server.count(BodyConversation) == 3


async def test_renders_are_bounded_a_busy_server_says_so(
    bot_server: BotServer, connector: StandInConnector, monkeypatch: Any
) -> None:
    """With every render slot taken, a download waits RENDER_WAIT and then answers 503 with a
    Swedish message (it neither queues without end nor renders on the event loop)."""
    import datetime as dt

    from bot import downloads
    from storage import minutes as store
    from storage.models import Body, Meeting, Tenant

    async with bot_server.db.transaction() as session:
        session.add(Tenant(id="t"))
        await session.flush()
        body = Body(tenant_id="t", name="Organ", name_key="organ")
        session.add(body)
        await session.flush()
        meeting = Meeting(tenant_id="t", body_id=body.id, date=dt.date(2026, 1, 1))
        session.add(meeting)
        await session.flush()
        raw = await store.create_download_token(
            session, tenant_id="t", meeting_id=meeting.id, public=True, fmt="md"
        )
    assert bot_server.app is not None
    slots = bot_server.app[downloads.RENDER_SLOTS]
    status, _ = await bot_server.get(f"/dl/{raw}")
    assert status == 200
    monkeypatch.setattr(downloads, "RENDER_WAIT", 0.3)
    for _ in range(downloads.RENDER_SLOT_COUNT):
        await slots.acquire()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{bot_server.url}/dl/{raw}") as resp:
                assert resp.status == 503
                assert "Försök igen om en stund" in await resp.text()
    finally:
        for _ in range(downloads.RENDER_SLOT_COUNT):
            slots.release()
    assert (await bot_server.get(f"/dl/{raw}"))[0] == 200
