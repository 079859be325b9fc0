"""Signing keys: fetched off the event loop, and a rotated key is picked up at once."""

from __future__ import annotations

from tests.harness.auth import OpenIdServer, new_key, sign_token
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer


async def test_rotated_signing_key_is_accepted_after_one_refresh(
    make_bot_server,
    openid: OpenIdServer,
    connector: StandInConnector,  # type: ignore[no-untyped-def]
) -> None:
    server: BotServer = await make_bot_server(auth=True)
    act = server.activities.message("hjälp")
    assert (await server.post(act, token="valid"))[0] == 200
    await connector.wait_for(1)

    # The channel rotates its key: the new kid is published only now.
    rotated = new_key("rotated-kid")
    openid.keys.append(rotated)
    second = server.activities.message("hjälp")
    token = sign_token(server.app_id, second["serviceUrl"], key=rotated, kid="rotated-kid")
    status, _ = await server.post(second, token=f"Bearer {token}")
    assert status == 200
    await connector.wait_for(2)


async def test_unknown_key_is_still_401_and_refreshes_at_most_once(
    make_bot_server,
    openid: OpenIdServer,
    connector: StandInConnector,  # type: ignore[no-untyped-def]
) -> None:
    server: BotServer = await make_bot_server(auth=True)
    stranger = new_key("never-published")
    for _ in range(3):
        act = server.activities.message("hjälp")
        token = sign_token(server.app_id, act["serviceUrl"], key=stranger, kid="never-published")
        assert (await server.post(act, token=f"Bearer {token}"))[0] == 401
    keys_fetches = [h for h in openid.hits if h.startswith("/keys")]
    # One warm-up fetch at start-up (maybe still in flight) plus at most one forced refresh.
    assert len(keys_fetches) <= 2
    assert connector.requests == []  # nothing was sent for a refused request
