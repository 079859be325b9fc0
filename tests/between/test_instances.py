"""The scheduler with several instances on one PostgreSQL, and with imported minutes (issue 16)."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections import Counter

from sqlalchemy import select

from bot.app import SCHEDULER
from bot.cli_import import run_import
from storage.models import Assignment, Meeting, OutboxMessage
from storage.rhythm import PlannedMeeting, ScheduledPost
from tests.between.helpers import body_room, clock_at, headed, local, wait_posts
from tests.conftest import BotServerFactory
from tests.harness.activities import TENANT, make_user
from tests.harness.connector import StandInConnector
from tests.shared import SEEDS, shared
from tests.test_attendance_e2e import Room, settled


async def test_two_instances_on_postgresql_send_each_post_once(
    make_bot_server: BotServerFactory, connector: StandInConnector, pg_url: str
) -> None:
    clock = clock_at(2027, 3, 1, 10)
    first = await make_bot_server(database_url=pg_url, clock=clock, scheduler_interval=0.02)
    second = await make_bot_server(database_url=pg_url, clock=clock, scheduler_interval=0.02)
    room, mats = await body_room(first, connector)
    await room.say(mats, "organ kallelse: automatiskt")
    await room.say(mats, "organ kallelse: 30 dagar")
    days = list(range(3, 29))
    reply = await room.say(mats, "mötesplan: " + "; ".join(f"2027-05-{d:02d} 13–15" for d in days))
    assert reply.startswith(f"Mötesplanen för Styrgruppen för vård: {len(days)} nya"), reply
    assert await first.count(ScheduledPost) == len(days)
    await settled(first)
    before = len(connector.sent(room.id))
    # Both instances are polling when every kallelse falls due at once.
    clock.set(local(2027, 5, 2, 10))
    await wait_posts(
        first,
        lambda ps: all(p.status == "sent" for p in ps),
        within=60,
        what="every kallelse sent",
    )
    await settled(first, within=30)
    await asyncio.sleep(0.5)  # a second send, if there were one, would land now
    sent = [r.text or "" for r in connector.sent(room.id)[before:]]
    times = Counter(m.group(1) for t in sent if (m := re.search(r"Tid: (.+)", t)))
    assert len(times) == len(days), sent
    assert set(times.values()) == {1}, times
    rows = await first.rows(OutboxMessage, OutboxMessage.created_at.is_not(None))
    keys = [r.payload.get("idempotency_key") for r in rows if r.payload.get("idempotency_key")]
    assert len(keys) == len(set(keys)) == len(days)
    assert all(p.kallelse_sent_at is not None for p in await first.rows(PlannedMeeting))
    # Each post was claimed by exactly one of the two schedulers.
    claimed = [server.app[SCHEDULER].claimed for server in (first, second) if server.app]
    assert sum(claimed) == len(days), claimed


def claim_code(capsys: object, body: str) -> str:
    """The one-time code `samverkansbot import` printed for a body without an admin."""
    import re

    out = capsys.readouterr().out  # type: ignore[attr-defined]
    [code] = re.findall(rf"{re.escape(body)} har ingen administratör\. Engångskod: (\S+)\.", out)
    return str(code)


async def test_importing_the_seeds_sends_nothing(
    make_bot_server: BotServerFactory, connector: StandInConnector, capsys: object
) -> None:
    # The clock stands before the seeds' meetings and their "Nästa möte", then walks past them.
    clock = clock_at(2020, 1, 1, 10)
    server = await make_bot_server(clock=clock, scheduler_interval=0.02)
    files = sorted(shared(SEEDS).glob("0*.txt"))
    assert len(files) == 4
    assert await run_import(server.settings, files, tenant=TENANT, body=None, yes=True) == 0
    assert await server.count(Meeting) == 4
    assert await server.count(Assignment) > 0
    for year in (2020, 2021, 2022, 2023):
        for month in (3, 6, 9, 12):
            clock.set(local(year, month, 1, 9))
            await asyncio.sleep(0.05)
    await connector.assert_quiet(0.5)
    assert connector.sent() == []
    assert await server.count(ScheduledPost) == 0
    assert await server.count(PlannedMeeting) == 0
    assert await server.count(OutboxMessage) == 0
    assert clock.now() > dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    # A meeting held in chat years later: the imported assignments, long past due when they
    # were imported, are not posted as återkoppling (`uppföljning` still lists them on request).
    clock.set(local(2027, 1, 12, 10))
    async with server.db.transaction() as session:
        # As if the protocol had said "till 3 september" (the seeds' assignments have no date).
        old = await session.scalar(
            select(Assignment).where(Assignment.assignee_text == "Cecilia Grefve-Lang")
        )
        assert old is not None
        old.due_date = dt.date(2021, 9, 3)
    room = Room(server, connector, server.activities.default_conversation)
    mats = make_user("Mats Wennstig")
    # An imported body is bound with the one-time code the import printed (issue 17).
    code = claim_code(capsys, "LSVO ledningsgrupp")
    await room.say(mats, f"organ: LSVO ledningsgrupp kod: {code}")
    assert "2027-01-12 är öppnat" in await room.say(mats, "öppna mötet")
    [post] = await wait_posts(server, lambda ps: len(ps) == 1 and ps[0].status == "skipped")
    assert (post.kind, post.last_error) == ("aterkoppling", "inga uppdrag att följa upp")
    assert headed(connector.sent(room.id), "Återkoppling") == []
    listed = await room.say(mats, "uppföljning")
    assert "Cecilia Grefve-Lang: tar en inledande kontakt" in listed and ", försenat" in listed
    await settled(server)


async def test_imported_next_meeting_is_offered_and_planned_on_a_click(
    make_bot_server: BotServerFactory, connector: StandInConnector, capsys: object
) -> None:
    clock = clock_at(2025, 4, 10, 10)
    server = await make_bot_server(clock=clock, scheduler_interval=0.02)
    seed = next(shared(SEEDS).glob("002_*.txt"))
    assert await run_import(server.settings, [seed], tenant=TENANT, body=None, yes=True) == 0
    await connector.assert_quiet(0.3)
    assert await server.count(PlannedMeeting) == 0  # offered, not planned
    room = Room(server, connector, server.activities.default_conversation)
    mats = make_user("Mats Wennstig")
    code = claim_code(capsys, "Uppdragsgrupp Psykisk hälsa")
    await room.say(mats, f"organ: Uppdragsgrupp Psykisk hälsa kod: {code}")
    act = await room.post(mats, "mötesplan")
    await connector.wait_for(2, room.id, where=lambda r: r.activity_id == act["id"])
    [offer] = headed(connector.sent(room.id), "Nästa möte enligt protokollet 2025-04-03")
    assert offer["body"][1]["text"] == "”Nästa möte blir den 6 maj och genomförs fysiskt”"
    data = offer["actions"][0]["data"]
    # Someone who does not run the body cannot plan; a time that cannot be read saves nothing.
    refused = await room.invoke(make_user("Per Ek"), "plan.import", {**data, "tid": "13–15"})
    assert "Det får bara" in refused["value"], refused
    bad = await room.invoke(mats, "plan.import", {**data, "tid": "efter lunch"})
    assert bad["value"].startswith("Jag hittar ingen tid"), bad
    assert await server.count(PlannedMeeting) == 0
    done = await room.invoke(mats, "plan.import", {**data, "tid": "13–15 i Eken"})
    assert done["value"]["body"][1]["text"] == "tisdag 6 maj 2025 kl 13.00–15.00, Eken"
    [plan] = await server.rows(PlannedMeeting)
    assert plan.starts_at == local(2025, 5, 6, 13).astimezone(dt.UTC)
    assert "Eken" in await room.say(mats, "nästa möte")
    await settled(server)
