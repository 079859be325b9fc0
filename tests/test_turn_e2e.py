"""The turn path over real HTTP: the running app, the stand-in Bot Connector, the database."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bot.sender import ConversationPacer
from bot.turns import APOLOGY_SV
from dialogs.cards import card_to_text
from storage.models import BotState, ConversationRef, OutboxMessage, ProcessedActivity, Tenant
from tests.harness.activities import OTHER_TENANT, TENANT, Activities, conversation_id_of, make_user
from tests.harness.auth import OpenIdServer, hs256_token, new_key, other_key, sign_token
from tests.harness.connector import (
    ADAPTIVE_CARD,
    MAX_MESSAGE_BYTES,
    TEAMS_WINDOWS,
    StandInConnector,
)
from tests.harness.server import BotServer

STATE_TABLES = (ProcessedActivity, OutboxMessage, Tenant, ConversationRef, BotState)


async def counts(server: BotServer) -> dict[str, int]:
    return {m.__tablename__: await server.count(m) for m in STATE_TABLES}


async def assert_nothing_stored(server: BotServer) -> None:
    assert await counts(server) == {m.__tablename__: 0 for m in STATE_TABLES}


def assert_help_reply_to(
    connector: StandInConnector, activity: dict[str, Any], *, english: bool = False
) -> None:
    conv = conversation_id_of(activity)
    sent = connector.sent(conv)
    assert sent, connector.describe()
    reply = sent[-1]
    assert reply.method == "POST" and reply.kind == "reply"
    assert reply.conversation_id == conv
    assert reply.activity_id == activity["id"]  # …/activities/{replyToId}
    assert reply.body["type"] == "message"
    # The help is a card (grouped by task), not one long text message.
    [card] = reply.cards
    text = card_to_text(card)
    assert "Samverkansbot" in text
    if english:
        assert "commands" in text and "**help attendance**" in text and "kommandon" not in text
    else:
        assert "kommandon" in text and "**hjälp närvaro**" in text


# --- help --------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["channel", "meeting", "personal"])
async def test_hjalp_gets_the_help_as_a_reply(
    bot_server: BotServer, connector: StandInConnector, where: str
) -> None:
    act = bot_server.activities.message(
        "hjälp", conversation=where, mention_bot=where != "personal"
    )
    assert act["text"].startswith("<at>Bot</at> hjälp") or where == "personal"

    status, _ = await bot_server.post(act)

    assert status == 200
    await connector.wait_for(1, conversation_id_of(act))
    assert_help_reply_to(connector, act)
    assert connector.token_count == 0  # auth off: no token asked for
    assert connector.sent()[0].authorization is None
    assert await bot_server.count(ProcessedActivity) == 1
    assert (await settled(bot_server)).status == "sent"


async def test_english_help_gets_english(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.message("help", locale="en-US")
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1)
    assert_help_reply_to(connector, act, english=True)


@pytest.mark.postgres
async def test_help_on_postgres(
    make_bot_server: Any, connector: StandInConnector, pg_url: str
) -> None:
    server = await make_bot_server(database_url=pg_url)
    act = server.activities.message("hjälp")
    assert (await server.post(act))[0] == 200
    await connector.wait_for(1)
    assert_help_reply_to(connector, act)
    assert server.db.dialect == "postgresql"
    assert await server.count(ProcessedActivity) == 1
    assert await server.count(Tenant, Tenant.id == TENANT) == 1


async def test_healthz(bot_server: BotServer) -> None:
    status, body = await bot_server.get("/healthz")
    assert status == 200
    assert body["database"] is True


# --- authentication ------------------------------------------------------------------------


@pytest.fixture
async def auth_server(make_bot_server: Any) -> BotServer:
    return await make_bot_server(auth=True)


async def test_valid_token_and_reply_carries_connector_token(
    auth_server: BotServer, connector: StandInConnector, openid: OpenIdServer
) -> None:
    act = auth_server.activities.message("hjälp")
    status, _ = await auth_server.post(act, token="valid")
    assert status == 200
    await connector.wait_for(1)
    assert_help_reply_to(connector, act)
    assert any(h.startswith("/keys") for h in openid.hits)  # validated against the local JWKS
    assert connector.token_count == 1
    call = connector.token_calls[0]
    assert call.tenant == "botframework.com"
    assert call.form["client_id"] == auth_server.app_id
    assert call.form["grant_type"] == "client_credentials"
    assert call.form["scope"] == "https://api.botframework.com/.default"
    assert connector.sent()[0].authorization == f"Bearer {connector.issued_tokens[0]}"

    # The token is cached: a second turn asks for none.
    act2 = auth_server.activities.message("help")
    assert (await auth_server.post(act2, token="valid"))[0] == 200
    await connector.wait_for(2)
    assert connector.token_count == 1
    assert connector.sent()[1].authorization == f"Bearer {connector.issued_tokens[0]}"


async def test_single_tenant_asks_its_own_tenant_for_tokens(
    make_bot_server: Any, connector: StandInConnector
) -> None:
    server = await make_bot_server(auth=True, app_type="SingleTenant", app_tenant_id=TENANT)
    act = server.activities.message("hjälp")
    assert (await server.post(act, token="valid"))[0] == 200
    await connector.wait_for(1)
    assert [c.tenant for c in connector.token_calls] == [TENANT]


def _bad_headers(server: BotServer, act: dict[str, Any]) -> dict[str, str | None]:
    app_id, url = server.app_id, act["serviceUrl"]
    now = time.time()
    return {
        "forged signature": "Bearer " + sign_token(app_id, url, key=other_key()),
        "unknown kid": "Bearer " + sign_token(app_id, url, key=new_key("rotated-key-2")),
        "expired": "Bearer " + sign_token(app_id, url, exp=now - 3600, nbf=now - 7200),
        "wrong audience": "Bearer "
        + sign_token(app_id, url, aud="99999999-0000-4000-8000-000000000009"),
        "wrong serviceurl": "Bearer " + sign_token(app_id, "https://smba.trafficmanager.net/emea/"),
        "wrong issuer": "Bearer " + sign_token(app_id, url, iss="https://sts.windows.net/evil/"),
        "HS256": "Bearer " + hs256_token(app_id, url),
        "garbage": "Bearer not.a.token",
        "not bearer": "Basic " + sign_token(app_id, url),
        "missing": None,
    }


BAD = [
    "forged signature",
    "unknown kid",
    "expired",
    "wrong audience",
    "wrong serviceurl",
    "wrong issuer",
    "HS256",
    "garbage",
    "not bearer",
    "missing",
]


@pytest.mark.parametrize("case", BAD)
async def test_bad_token_is_401_and_changes_nothing(
    auth_server: BotServer, connector: StandInConnector, case: str
) -> None:
    act = auth_server.activities.message("hjälp")
    header = _bad_headers(auth_server, act)[case]
    if header is None:
        status, body = await auth_server.post(act)
    else:
        status, body = await auth_server.post(act, token=header)
    assert status == 401, body
    await assert_nothing_stored(auth_server)
    assert connector.requests == [] and connector.token_count == 0

    # The same server still takes a good token (the refusal was about the token).
    good = auth_server.activities.message("hjälp")
    assert (await auth_server.post(good, token="valid"))[0] == 200
    await connector.wait_for(1)


async def test_bad_token_on_an_invoke_is_401(
    auth_server: BotServer, connector: StandInConnector
) -> None:
    act = auth_server.activities.invoke_action("approveMinutes", {"x": 1})
    status, _ = await auth_server.post(
        act, token="Bearer " + sign_token(auth_server.app_id, act["serviceUrl"], key=other_key())
    )
    assert status == 401
    await assert_nothing_stored(auth_server)
    assert connector.requests == []


# --- conversation events -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["conversation_update_bot_added", "installation_update_add"])
@pytest.mark.parametrize("where", ["channel", "meeting"])
async def test_bot_added_greets_with_card_and_stores_reference(
    bot_server: BotServer, connector: StandInConnector, kind: str, where: str
) -> None:
    act = getattr(bot_server.activities, kind)(conversation=where)
    conv = conversation_id_of(act)
    status, _ = await bot_server.post(act)
    assert status == 200

    [greeting] = await connector.wait_for(1, conv)
    assert greeting.kind == "send"  # a new message, not a reply to the event
    attachments = greeting.body["attachments"]
    assert [a["contentType"] for a in attachments] == [ADAPTIVE_CARD]
    assert not greeting.body.get("text")  # card and text are separate activities in Teams
    card = attachments[0]["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    assert "Samverkansbot" in str(card) and "hjälp" in str(card)

    [ref] = await bot_server.rows(ConversationRef)
    assert (ref.tenant_id, ref.conversation_id) == (TENANT, conv)
    assert ref.service_url == connector.service_url
    assert ref.reference["conversation"]["id"] == conv
    assert ref.reference["bot"]["id"] == bot_server.activities.bot_id


async def test_conversation_update_without_the_bot_is_quiet(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.conversation_update_bot_added()
    act["membersAdded"] = [{"id": make_user().teams_id}]
    assert (await bot_server.post(act))[0] == 200
    await connector.assert_quiet(0.3)
    assert await bot_server.count(OutboxMessage) == 0


def _every_shape(a: Activities) -> dict[str, dict[str, Any]]:
    anna, mats = make_user("Anna Burston"), make_user("Mats Wennstig")
    return {
        "meeting_start": a.meeting_start(),
        "meeting_end": a.meeting_end(),
        "participants_join": a.participants_join([anna, mats]),
        "participants_leave": a.participants_leave([mats]),
        "card_submit": a.card_submit({"verb": "noSuchAction"}, user=anna),
        "question": a.message("vad beslutades om F-ACT?", user=mats),
    }


@pytest.mark.parametrize(
    "shape",
    [
        "meeting_start",
        "meeting_end",
        "participants_join",
        "participants_leave",
        "card_submit",
        "question",
    ],
)
async def test_every_activity_shape_is_accepted(bot_server: BotServer, shape: str) -> None:
    act = _every_shape(bot_server.activities)[shape]
    status, _ = await bot_server.post(act)
    assert status == 200
    # No turn failed: an apology would be in the outbox.
    texts = [r.payload["activity"].get("text") for r in await bot_server.rows(OutboxMessage)]
    assert APOLOGY_SV not in texts, texts


# --- redelivery and restart ----------------------------------------------------------------


async def test_redelivered_activity_acts_once_and_resends(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.message("hjälp")
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1)
    assert (await bot_server.post(act))[0] == 200  # Teams redelivers the same id
    sent = await connector.wait_for(2)
    assert sent[0].body == sent[1].body
    assert all(r.activity_id == act["id"] for r in sent)
    assert await bot_server.count(ProcessedActivity) == 1
    assert await bot_server.count(OutboxMessage) == 1  # the stored reply, sent again


async def test_restart_keeps_data_and_redelivery_acts_once(
    make_bot_server: Any, connector: StandInConnector, sqlite_url: str
) -> None:
    first = await make_bot_server(database_url=sqlite_url)
    added = first.activities.conversation_update_bot_added()
    act = first.activities.message("hjälp")
    assert (await first.post(added))[0] == 200
    assert (await first.post(act))[0] == 200
    await connector.wait_for(2)
    before = await counts(first)
    assert (
        before["processed_activity"] == 2
        and before["conversation_ref"] >= 1
        and before["tenant"] == 1
    )
    await first.close()

    second = await make_bot_server(database_url=sqlite_url)
    assert await counts(second) == before  # everything written before the restart is there
    assert (await second.post(act))[0] == 200  # redelivered after the restart
    sent = await connector.wait_for(2, conversation_id_of(act))
    assert [r.activity_id for r in sent] == [act["id"], act["id"]]
    assert sent[1].body == sent[0].body
    assert await second.count(ProcessedActivity) == 2  # acted on once
    assert await second.count(OutboxMessage) == 2

    after = await counts(second)

    # The same server object can also stop and start again in place (same port, same file).
    port = second.port
    await second.restart()
    assert second.port == port
    status, body = await second.get("/healthz")
    assert status == 200 and body["database"] is True
    assert await counts(second) == after


# --- delivery under Teams' limits ----------------------------------------------------------


async def test_429_is_retried_after_retry_after(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.message("hjälp")
    conv = conversation_id_of(act)
    connector.fail_next(1, status=429, conversation_id=conv, retry_after=1)
    assert (await bot_server.post(act))[0] == 200

    await connector.wait_for(1, conv, timeout=8)
    attempts = connector.sent(conv, ok_only=False)
    assert [r.status for r in attempts] == [429, 201]
    assert attempts[1].time - attempts[0].time >= 0.9  # waited for Retry-After
    assert attempts[0].body == attempts[1].body
    assert_help_reply_to(connector, act)
    [row] = await bot_server.rows(OutboxMessage)
    assert (row.status, row.attempts) == ("sent", 2)


async def test_503_is_retried_with_backoff(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.message("hjälp")
    conv = conversation_id_of(act)
    connector.fail_next(1, status=503, conversation_id=conv)
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1, conv, timeout=8)
    assert [r.status for r in connector.sent(conv, ok_only=False)] == [503, 201]


async def settled(server: BotServer) -> OutboxMessage:
    """The single outbox row once its delivery attempt has been recorded."""
    deadline = time.monotonic() + 5.0
    while True:
        [row] = await server.rows(OutboxMessage)
        if row.status in ("sent", "failed") or (row.status == "pending" and row.attempts > 0):
            return row
        assert time.monotonic() < deadline, f"outbox row still {row.status}"
        await asyncio.sleep(0.02)


async def test_403_is_not_retried(bot_server: BotServer, connector: StandInConnector) -> None:
    act = bot_server.activities.message("hjälp")
    conv = conversation_id_of(act)
    connector.fail_next(1, status=403, conversation_id=conv)
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1, conv, ok_only=False)
    row = await settled(bot_server)
    assert row.status == "failed" and "403" in (row.last_error or "")
    await connector.assert_quiet(0.2, conv)  # (a failed row is never picked up again)
    assert len(connector.sent(conv, ok_only=False)) == 1


async def test_stand_in_connector_behaves_like_teams(connector: StandInConnector) -> None:
    """The stand-in itself: rate limit with Retry-After, 413 past 100 KB (UTF-16), ids."""
    import aiohttp

    url = f"{connector.service_url}v3/conversations/19%3Aabc%40thread.v2/activities"
    async with aiohttp.ClientSession() as http:
        connector.rate_limit()
        statuses = []
        for i in range(9):
            async with http.post(url, json={"type": "message", "text": f"m{i}"}) as resp:
                statuses.append(resp.status)
                retry_after = resp.headers.get("Retry-After")
                body = await resp.json()
        assert statuses == [201] * 7 + [429, 429]
        assert retry_after is not None and float(retry_after) >= 1
        assert body["error"]["code"] == "TooManyRequests"
        # Another conversation has its own budget.
        async with http.post(
            url.replace("abc", "other"), json={"type": "message", "text": "x"}
        ) as resp:
            assert resp.status == 201 and (await resp.json())["id"]
        connector.rate_limit(False)

        # ~100 KB: 51,200 'ä' is 102,400 bytes in UTF-16 before the JSON around it.
        big = {"type": "message", "text": "ä" * (MAX_MESSAGE_BYTES // 2)}
        async with http.post(url, json=big) as resp:
            assert resp.status == 413
            assert (await resp.json())["error"]["code"] == "MessageSizeTooBig"
        ok = {"type": "message", "text": "ä" * (MAX_MESSAGE_BYTES // 2 - 100)}
        async with http.post(url, json=ok) as resp:
            assert resp.status == 201

        async with http.post(
            f"{connector.service_url}v3/conversations",
            json={
                "isGroup": True,
                "channelData": {"channel": {"id": "19:ch@thread.tacv2"}},
                "activity": {"type": "message", "text": "ny tråd"},
            },
        ) as resp:
            created = await resp.json()
            assert (
                resp.status == 201
                and created["id"].startswith("19:ch@thread.tacv2;messageid=")
                and created["activityId"]
            )

        # Unknown API paths are 404 unless a test serves them.
        meeting = f"{connector.service_url}v1/meetings/MCMx%3D%3D/participants/aad-1?tenantId=t"
        async with http.get(meeting) as resp:
            assert resp.status == 404
        connector.route(
            "GET",
            r"/v1/meetings/[^/]+/participants/.+",
            lambda rec: (200, {"meeting": {"role": "Organizer"}}),
        )
        async with http.get(meeting) as resp:
            assert resp.status == 200 and (await resp.json())["meeting"]["role"] == "Organizer"
    assert connector.requests[-1].kind == "other"
    assert connector.requests[-1].path.endswith("/participants/aad-1")
    assert connector.texts("19:abc@thread.v2")[:2] == ["m0", "m1"]
    assert connector.sent("19:ch@thread.tacv2")[0].text == "ny tråd"


async def test_burst_under_rate_limit_is_paced_not_refused(
    bot_server: BotServer, connector: StandInConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Paced: the sender itself lets at most 7 replies a second go to one chat (Teams' limit),
    # checked on the sender's own clock, where loop stalls cannot move the times.
    released: list[float] = []
    wait_turn = ConversationPacer.wait_turn

    async def recording(self: ConversationPacer, conversation_id: str) -> None:
        await wait_turn(self, conversation_id)
        released.append(time.monotonic())

    monkeypatch.setattr(ConversationPacer, "wait_turn", recording)
    # Not refused: the stand-in counts arrivals against Teams' windows shortened by 0.25 s, a
    # margin for the loop's own stalls between the sender and it (under load they exceed the
    # pacer's 50 ms; bench/latency.py prints the spread of the arrivals).
    connector.rate_limit(windows=tuple((span - 0.25, limit) for span, limit in TEAMS_WINDOWS))
    conv = bot_server.activities.default_conversation
    # Eight replies to one chat: one more than Teams takes in a second.
    acts = [bot_server.activities.message("hjälp", conversation=conv) for _ in range(8)]
    for act in acts:
        assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(8, conv.id, timeout=60)
    assert len(released) == 8
    assert released[7] - released[0] >= 1.0, released
    assert [r.status for r in connector.sent(conv.id, ok_only=False)].count(429) == 0
    assert sorted(r.activity_id for r in connector.sent(conv.id)) == sorted(a["id"] for a in acts)


# --- refusals -------------------------------------------------------------------------------


async def test_tenant_not_served_is_403_and_changes_nothing(
    make_bot_server: Any, connector: StandInConnector
) -> None:
    server = await make_bot_server(allowed_tenants=(OTHER_TENANT,))
    act = server.activities.message("hjälp")
    status, _ = await server.post(act)
    assert status == 403
    await assert_nothing_stored(server)
    assert connector.requests == []

    served = Activities(connector.service_url, tenant_id=OTHER_TENANT).message("hjälp")
    assert (await server.post(served))[0] == 200
    await connector.wait_for(1)
    assert await server.count(Tenant, Tenant.id == OTHER_TENANT) == 1


async def test_guest_from_another_tenant_is_served_by_the_host_tenant(
    make_bot_server: Any, connector: StandInConnector
) -> None:
    # ALLOWED_TENANTS is about the conversation's tenant; a guest's home tenant does not matter.
    server = await make_bot_server(allowed_tenants=(TENANT,))
    act = server.activities.message("hjälp")
    act["from"]["tenantId"] = OTHER_TENANT
    assert (await server.post(act))[0] == 200
    await connector.wait_for(1)


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        b'"text"',
        b'{"conversation": "x"}',
        b"\xff\xfe",
        b"null",
        b"{}",
    ],
)
async def test_malformed_body_is_400(
    bot_server: BotServer, connector: StandInConnector, body: bytes
) -> None:
    status, _ = await bot_server.post(body)
    assert status == 400
    await assert_nothing_stored(bot_server)
    assert connector.requests == []


# --- invoke ---------------------------------------------------------------------------------


async def test_unknown_card_action_answers_200_in_swedish(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.invoke_action("noSuchVerb", {"meetingRef": "x"})
    status, body = await bot_server.post(act)
    assert status == 200, body
    assert isinstance(body, dict)
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert "Okänd knapp" in body["value"] and "noSuchVerb" in body["value"]

    # A redelivered invoke gets the same answer and is not acted on twice.
    status2, body2 = await bot_server.post(act)
    assert (status2, body2) == (status, body)
    assert await bot_server.count(ProcessedActivity) == 1
    rows = await bot_server.rows(ProcessedActivity)
    assert rows[0].invoke_response == body


async def test_unknown_card_action_posts_nothing_to_the_chat(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    act = bot_server.activities.invoke_action("noSuchVerb", {"meetingRef": "x"})
    status, _ = await bot_server.post(act)
    assert status == 200
    await connector.assert_quiet(0.5)
    assert connector.requests == []
    assert await bot_server.count(OutboxMessage) == 0


async def test_install_in_a_team_greets_once(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    """Teams sends installationUpdate and conversationUpdate for one install: one greeting."""
    added = bot_server.activities.conversation_update_bot_added()
    installed = bot_server.activities.installation_update_add()
    installed["conversation"] = added["conversation"]
    installed["channelData"] = added["channelData"]
    assert (await bot_server.post(added))[0] == 200
    assert (await bot_server.post(installed))[0] == 200
    await connector.wait_for(1)
    await connector.assert_quiet(0.5)
    assert len([r for r in connector.sent() if r.cards]) == 1


async def test_tenant_is_read_from_conversation_tenantId_alone(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    """botbuilder maps the field to 'tenantID'; Teams writes 'tenantId'. Either place counts."""
    act = bot_server.activities.message("hjälp")
    act["channelData"].pop("tenant")
    assert act["conversation"]["tenantId"]
    assert (await bot_server.post(act))[0] == 200
    await connector.wait_for(1)
    assert "Samverkansbot" in card_to_text(connector.sent()[-1].cards[0])
