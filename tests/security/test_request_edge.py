"""The request edge: a token is checked before the body is parsed, sizes and lists are capped,
serviceUrl and channelId must be the token's, and NUL or over-long ids never reach a turn."""

from __future__ import annotations

import json
import time
from typing import Any

import aiohttp
import pytest

from bot import edge
from storage.models import ProcessedActivity
from tests.harness.activities import make_user
from tests.harness.auth import sign_token
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer

from .stored import assert_nothing_stored


@pytest.fixture
async def auth_server(make_bot_server: Any) -> BotServer:
    return await make_bot_server(auth=True)


def _flood_activity(server: BotServer, key: str, n: int) -> dict[str, Any]:
    act = server.activities.message("hjälp")
    act[key] = [{"type": "mention", "id": f"29:{i}"} for i in range(n)]
    return act


async def _raw_post(server: BotServer, data: bytes, headers: dict[str, str]) -> int:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{server.url}/api/messages", data=data, headers=headers) as resp:
            await resp.read()
            return resp.status


async def test_no_token_is_refused_before_the_body_is_parsed(auth_server: BotServer) -> None:
    # Not JSON at all: a parser that ran first would answer 400; the token check answers 401.
    status, _ = await auth_server.post("{not json", token=None)
    assert status == 401
    status, _ = await auth_server.post("{not json", token="Bearer not.a.token")
    assert status == 401
    await assert_nothing_stored(auth_server)


@pytest.mark.parametrize(
    ("key", "n"), [("entities", 39_000), ("attachments", 20_000), ("membersAdded", 30_000)]
)
async def test_unauthenticated_huge_lists_cost_no_parse(
    auth_server: BotServer, connector: StandInConnector, key: str, n: int
) -> None:
    act = _flood_activity(auth_server, key, n)
    data = json.dumps(act).encode()
    assert len(data) > edge.MAX_BODY
    # With a forged token: 413 from the declared length, before the token or the body.
    started = time.perf_counter()
    status = await _raw_post(
        auth_server,
        data,
        {"Content-Type": "application/json", "Authorization": "Bearer x.y.z"},
    )
    assert status == 413
    assert time.perf_counter() - started < 2.0
    await assert_nothing_stored(auth_server)
    assert connector.requests == []


@pytest.mark.parametrize(
    ("key", "n"), [("entities", 1_000), ("attachments", 1_000), ("membersAdded", 1_000)]
)
async def test_lists_over_the_caps_are_refused_even_when_signed(
    auth_server: BotServer, connector: StandInConnector, key: str, n: int
) -> None:
    act = _flood_activity(auth_server, key, n)
    assert len(json.dumps(act)) < edge.MAX_BODY
    status, body = await auth_server.post(act, token=None)
    assert status == 401  # unsigned: the token first
    status, body = await auth_server.post(act, token="valid")
    assert status == 400 and key in body["error"]
    await assert_nothing_stored(auth_server)
    assert connector.requests == []


async def test_a_chunked_body_past_the_limit_is_413(auth_server: BotServer) -> None:
    act = auth_server.activities.message("hjälp " + "x" * (edge.MAX_BODY + 10))
    data = json.dumps(act).encode()

    async def chunks() -> Any:
        for i in range(0, len(data), 32 * 1024):
            yield data[i : i + 32 * 1024]

    headers = {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {auth_server.token_for(act)}",
    }
    assert await _raw_post_stream(auth_server, chunks(), headers) == 413
    await assert_nothing_stored(auth_server)


async def _raw_post_stream(server: BotServer, body: Any, headers: dict[str, str]) -> int:
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{server.url}/api/messages", data=body, headers=headers, chunked=True
        ) as resp:
            await resp.read()
            return resp.status


async def test_over_a_mebibyte_is_413_not_400(bot_server: BotServer) -> None:
    act = bot_server.activities.message("x" * (1024 * 1024 + 1))
    status, _ = await bot_server.post(act)
    assert status == 413
    await assert_nothing_stored(bot_server)


@pytest.mark.parametrize("case", ["no serviceUrl", "other serviceUrl", "no channelId", "webchat"])
async def test_service_url_and_channel_must_be_the_tokens(
    auth_server: BotServer, connector: StandInConnector, case: str
) -> None:
    act = auth_server.activities.message("hjälp")
    # A token correctly signed for the stand-in connector's serviceUrl …
    header = "Bearer " + sign_token(auth_server.app_id, act["serviceUrl"])
    # … on an activity that does not say the same.
    if case == "no serviceUrl":
        del act["serviceUrl"]
    elif case == "other serviceUrl":
        act["serviceUrl"] = "https://attacker.example/"
    elif case == "no channelId":
        del act["channelId"]
    else:
        act["channelId"] = "webchat"
    status, _ = await auth_server.post(act, token=header)
    assert status == 401
    await assert_nothing_stored(auth_server)
    assert connector.requests == []


async def test_without_auth_service_url_and_channel_are_still_required(
    bot_server: BotServer,
) -> None:
    for key in ("serviceUrl", "channelId"):
        act = bot_server.activities.message("hjälp")
        del act[key]
        assert (await bot_server.post(act))[0] == 400
    await assert_nothing_stored(bot_server)


def _nul_and_long_cases(act: dict[str, Any]) -> dict[str, dict[str, Any]]:
    def variant(change: Any) -> dict[str, Any]:
        copy = json.loads(json.dumps(act))
        change(copy)
        return copy

    return {
        "NUL in text": variant(lambda a: a.update(text="hjälp\x00")),
        "NUL in a card value": variant(lambda a: a.update(value={"verb": "x\x00"})),
        "NUL in the sender id": variant(lambda a: a["from"].update(id="29:x\x00")),
        "long activity id": variant(lambda a: a.update(id="9" * 5000)),
        "long conversation id": variant(lambda a: a["conversation"].update(id="19:" + "a" * 5000)),
        "long tenant id": variant(lambda a: a["conversation"].update(tenantId="t" * 500)),
        "long aad id": variant(lambda a: a["from"].update(aadObjectId="a" * 500)),
        "id not a string": variant(lambda a: a.update(id={"$gt": ""})),
    }


@pytest.mark.parametrize(
    "case",
    [
        "NUL in text",
        "NUL in a card value",
        "NUL in the sender id",
        "long activity id",
        "long conversation id",
        "long tenant id",
        "long aad id",
        "id not a string",
    ],
)
async def test_nul_and_over_long_ids_are_refused_at_the_edge_on_both_engines(
    make_bot_server: Any, connector: StandInConnector, db_url: str, case: str
) -> None:
    server = await make_bot_server(database_url=db_url)
    act = _nul_and_long_cases(server.activities.message("hjälp"))[case]
    status, body = await server.post(act)
    assert status == 400, body
    await assert_nothing_stored(server)
    assert connector.requests == []
    # The same server still answers a normal message, on either engine.
    good = server.activities.message("hjälp")
    assert (await server.post(good))[0] == 200
    await connector.wait_for(1)
    assert await server.count(ProcessedActivity) == 1


async def test_a_long_display_name_is_cut_not_refused(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.message("hjälp", user=make_user("Anna " + "B" * 400))
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1)
