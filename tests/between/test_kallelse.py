"""Mötesplan and kallelse (issue 16) with a clock moved by hand: plans parsed as written, a
kallelse draft due while the service was stopped is sent once after the restart (marked late),
one whose meeting has begun is dropped and recorded, Skicka posts it in the body's chat once,
refusals are retried with backoff and shown by `påminnelser`, and summer time is respected."""

from __future__ import annotations

import datetime as dt

from storage.models import LinkRequest, OutboxMessage
from storage.rhythm import PlannedAgendaItem, PlannedMeeting, ScheduledPost
from tests.between.helpers import (
    clock_at,
    headed,
    local,
    posts,
    say_personally,
    start_body,
    wait_posts,
)
from tests.conftest import BotServerFactory
from tests.harness.activities import make_user
from tests.harness.connector import StandInConnector
from tests.test_attendance_e2e import settled


async def test_plan_commands_parse_and_refuse(
    make_bot_server: BotServerFactory, connector: StandInConnector
) -> None:
    clock = clock_at(2024, 12, 1, 10)
    server, room, mats = await start_body(make_bot_server, connector, clock)
    reply = await room.say(
        mats, "mötesplan: 2025-02-06 13–15; 2025-04-03 13–15; 2025-05-06 09–12 i Eken"
    )
    assert reply.split("\n") == [
        "Mötesplanen för Styrgruppen för vård: 3 nya, 0 ändrade.",
        "- torsdag 6 februari 2025 kl 13.00–15.00",
        "- torsdag 3 april 2025 kl 13.00–15.00",
        "- tisdag 6 maj 2025 kl 09.00–12.00, Eken",
    ], reply
    reply = await room.say(mats, "nästa möte: 6 maj kl 13–15, fysiskt i Eken")
    assert reply.startswith(
        "Nästa möte i Styrgruppen för vård är ändrat: tisdag 6 maj 2025 kl 13.00–15.00, fysiskt i Eken."
    ), reply
    plans = await server.rows(PlannedMeeting)
    assert len(plans) == 3
    may = next(p for p in plans if p.starts_at.month == 5)
    assert may.starts_at == local(2025, 5, 6, 13).astimezone(dt.UTC)
    assert may.place == "fysiskt i Eken"
    assert (await room.say(mats, "nästa möte")).startswith(
        "**Nästa möte i Styrgruppen för vård:** torsdag 6 februari 2025 kl 13.00–15.00"
    )
    added = await room.say(mats, "till nästa möte: Revidering av tvisterutin")
    assert added.startswith("Punkt 1 på förslaget till föredragningslista"), added
    shown = await room.say(mats, "nästa möte")
    assert shown.endswith("Föredragningslista (förslag):\n1. Revidering av tvisterutin"), shown
    # One kallelse post per planned meeting, 5 days ahead at 09.00 Stockholm time.
    feb = next(p for p in plans if p.starts_at.month == 2)
    [post] = await posts(server, ScheduledPost.planned_meeting_id == feb.id)
    assert post.due_at == local(2025, 2, 1, 9).astimezone(dt.UTC)
    assert post.deadline_at == feb.starts_at

    # Bad input: a clear answer and nothing stored.
    before = (await server.count(PlannedMeeting), await server.count(ScheduledPost))
    for bad, answer in (
        ("mötesplan: 2025-09-01 13–15; nästa vecka", "Jag hittar inget datum i ”nästa vecka”"),
        ("mötesplan: 2025-09-01", "Jag hittar ingen tid i ”2025-09-01”"),
        ("mötesplan: 2025-09-01 25–26", "Tiden i ”2025-09-01 25–26” går inte att läsa"),
        ("nästa möte: 2024-11-01 13–15", "Nästa möte måste ligga framåt i tiden"),
        ("organ kallelse: ibland", "Ogiltigt värde ”ibland”"),
    ):
        got = await room.say(mats, bad)
        assert got.startswith(answer), (bad, got)
    assert (await server.count(PlannedMeeting), await server.count(ScheduledPost)) == before
    # A meeting that has been is not planned; the others are.
    got = await room.say(mats, "mötesplan: 2024-11-20 13–15; 2025-09-04 13–15")
    assert got.startswith(
        "Mötesplanen för Styrgruppen för vård: 1 nya, 0 ändrade. 1 har redan varit och lades inte in (2024-11-20)."
    ), got
    assert await server.count(PlannedMeeting) == before[0] + 1
    before = (before[0] + 1, before[1] + 1)
    # Only body admins plan the year.
    karin = make_user("Karin Lund")
    assert "Det får bara administratörer" in await room.say(karin, "mötesplan: 2025-10-01 13–15")
    assert await server.count(PlannedMeeting) == before[0]
    # English keywords get English answers.
    assert (await room.say(mats, "next meeting")).startswith("**Next meeting of")
    english = await room.say(mats, "reminders")
    assert english.startswith("**Posts of Styrgruppen för vård**\n- Kallelse ")
    assert "waiting" in english and "väntar" not in english, english

    # `kallelse` drafts one at once, for the next meeting, with Skicka and Ändra.
    act = await room.post(mats, "kallelse")
    [reply] = await room.replies(act)
    [draft] = reply.cards
    assert draft["body"][0]["text"] == "Utkast till kallelse"
    assert draft["body"][1]["text"].startswith(
        "**Kallelse – Styrgruppen för vård**\nTid: torsdag 6 februari 2025 kl 13.00–15.00"
    )
    assert "1. Revidering av tvisterutin" in draft["body"][1]["text"]
    assert [a["data"] for a in draft["actions"]] == [{"plannedId": feb.id}] * 2

    # Off: the waiting posts are cancelled; on again (3 days): new ones at the new time.
    assert "kallelse 5 dagar före mötet, av" in await room.say(mats, "organ kallelse: av")
    waiting = await posts(server, ScheduledPost.status == "pending")
    assert waiting == []
    assert "3 dagar före" in await room.say(mats, "organ kallelse: 3 dagar")
    [post] = await posts(
        server, ScheduledPost.planned_meeting_id == feb.id, ScheduledPost.status == "pending"
    )
    assert post.due_at == local(2025, 2, 3, 9).astimezone(dt.UTC)
    assert "3 dagar före mötet, utkast" in await room.say(mats, "organ kallelse")
    await settled(server)


async def test_kallelse_due_while_stopped_is_sent_once_after_restart(
    make_bot_server: BotServerFactory, connector: StandInConnector, db_url: str
) -> None:
    clock = clock_at(2027, 3, 1, 10)
    server, room, mats = await start_body(make_bot_server, connector, clock, db_url)
    anna = make_user("Anna Burston")
    # The chair was registered by name; her Teams account is confirmed as her by an admin
    # before she uses the chair's buttons (a display name alone gives no powers, issue 17).
    await room.say(anna, "koppla: Anna Burston")
    [request] = await server.rows(LinkRequest)
    assert "kopplat till Anna Burston" in await room.say(mats, f"koppla godkänn {request.id}")
    await room.say(mats, "mötesplan: 2027-03-20 13–15 i Eken")
    await room.say(anna, "till nästa möte: Revidering av tvisterutin")
    await room.say(mats, "nästa möte: 10 mars 09–10")
    anna_chat = await say_personally(server, connector, anna, "mina uppdrag")
    mats_chat = await say_personally(server, connector, mats, "mina uppdrag")
    shown = await room.say(mats, "påminnelser")
    assert "- Kallelse fredag 5 mars 2027 kl 09.00: väntar" in shown, shown
    assert "- Kallelse måndag 15 mars 2027 kl 09.00: väntar" in shown, shown

    # Stopped over both due times; back after the 10 March meeting began, before 20 March's.
    await server.stop()
    clock.set(local(2027, 3, 16, 8))
    await server.start()
    await connector.wait_for(2, anna_chat.id)  # "mina uppdrag" answer + the draft
    await connector.wait_for(2, mats_chat.id)
    rows = await wait_posts(
        server,
        lambda ps: {p.status for p in ps if p.kind == "kallelse"} == {"sent", "dropped"},
        what="kallelse settled",
    )
    march20, march10 = sorted(
        (p for p in rows if p.kind == "kallelse"), key=lambda p: p.due_at, reverse=True
    )
    assert (march20.status, march20.late, march20.attempts) == ("sent", True, 1)
    assert (march10.status, march10.late) == ("dropped", True)
    assert "tiden gick ut" in (march10.last_error or "")
    for chat in (anna_chat, mats_chat):
        [draft] = headed(connector.sent(chat.id), "Utkast till kallelse")
        texts = [str(e.get("text", "")) for e in draft["body"]]
        assert texts[1].startswith("Försenad: skulle ha kommit måndag 15 mars 2027 kl 09.00")
        assert texts[2].split("\n")[:6] == [
            "**Kallelse – Styrgruppen för vård**",
            "Tid: lördag 20 mars 2027 kl 13.00–15.00",
            "Plats: Eken",
            "",
            "**Föredragningslista (förslag)**",
            "1. Revidering av tvisterutin",
        ]
        assert [a["title"] for a in draft["actions"]] == ["Skicka", "Ändra"]
    # Another restart sends nothing again.
    await server.restart()
    await connector.assert_quiet(0.6)
    shown = await room.say(mats, "påminnelser")
    assert "kl 09.00: skickad (försenad)" in shown, shown
    assert "kl 09.00: missad – missad: tiden gick ut" in shown, shown

    # Ändra gives an editable card; Skicka posts the kallelse in the body's chat, once.
    plan_id = march20.planned_meeting_id
    editable = await _invoke(server, anna, anna_chat, "kallelse.andra", {"plannedId": plan_id})
    assert editable["value"]["body"][1]["type"] == "Input.Text"
    outsider = make_user("Omar Haddad")
    refused = await _invoke(server, outsider, anna_chat, "kallelse.skicka", {"plannedId": plan_id})
    assert "Kallelsen skickas av organets ordförande eller sekreterare" in refused["value"]
    before = len(connector.sent(room.id))
    sent = await _invoke(
        server,
        anna,
        anna_chat,
        "kallelse.skicka",
        {"plannedId": plan_id, "kallelseText": "**Kallelse**\nVälkomna till Eken 20 mars."},
    )
    assert sent["value"]["body"][0]["text"] == "Kallelsen är skickad"
    await connector.wait_until(
        lambda: any(
            r.text == "**Kallelse**\nVälkomna till Eken 20 mars."
            for r in connector.sent(room.id)[before:]
        ),
        what="the kallelse in the body's chat",
    )
    again = await _invoke(server, mats, mats_chat, "kallelse.skicka", {"plannedId": plan_id})
    assert again["value"]["body"][0]["text"] == "Kallelsen är redan skickad"
    await settled(server)
    assert sum(1 for r in connector.sent(room.id) if "Välkomna till Eken" in (r.text or "")) == 1


async def _invoke(server, user, conv, verb, data):  # type: ignore[no-untyped-def]
    act = server.activities.invoke_action(verb, data, user=user, conversation=conv)
    status, body = await server.post(act)
    assert status == 200, (status, body)
    return body


async def test_refused_posts_are_retried_with_backoff_and_shown(
    make_bot_server: BotServerFactory, connector: StandInConnector
) -> None:
    clock = clock_at(2027, 5, 3, 10)
    server, room, mats = await start_body(make_bot_server, connector, clock, chair="Mats Wennstig")
    mats_chat = await say_personally(server, connector, mats, "mina uppdrag")
    await room.say(mats, "nästa möte: 2027-05-20 13–15")
    # The bot was removed from the personal chat: Teams answers 403, three times.
    connector.fail_next(3, status=403, conversation_id=mats_chat.id)
    clock.set(local(2027, 5, 15, 9))
    rows = await wait_posts(
        server, lambda ps: any(p.last_error for p in ps), what="the first refusal"
    )
    [post] = [p for p in rows if p.kind == "kallelse"]
    assert (post.status, post.attempts) == ("pending", 1)
    assert "HTTP 403" in (post.last_error or "")
    assert post.next_attempt_at == local(2027, 5, 15, 9, 5).astimezone(dt.UTC)
    shown = await room.say(mats, "påminnelser")
    assert "väntar – HTTP 403" in shown and "(försök 2 lördag 15 maj 2027 kl 09.05)" in shown, shown
    clock.set(local(2027, 5, 15, 9, 5))
    await wait_posts(server, lambda ps: ps[0].attempts == 2 and ps[0].status == "pending")
    clock.set(local(2027, 5, 15, 9, 15))
    [post] = await wait_posts(server, lambda ps: ps[0].status == "failed", what="given up")
    assert post.attempts == 3 and "HTTP 403" in (post.last_error or "")
    assert await server.count(OutboxMessage, OutboxMessage.status == "failed") == 3
    assert "misslyckades – HTTP 403" in await room.say(mats, "påminnelser")
    clock.set(local(2027, 5, 16, 9))
    await connector.assert_quiet(0.4, mats_chat.id)
    # A later attempt that Teams accepts would have gone out: the bounded retry stopped.
    assert headed(connector.sent(mats_chat.id), "Utkast till kallelse") == []


async def test_kallelse_across_summer_time_changes(
    make_bot_server: BotServerFactory, connector: StandInConnector
) -> None:
    # Last Sunday of March 2027 is the 28th (02.00 → 03.00), of October the 31st (03.00 → 02.00).
    clock = clock_at(2027, 3, 20, 10)
    server, room, mats = await start_body(make_bot_server, connector, clock)
    await room.say(mats, "organ kallelse: automatiskt")
    assert "3 dagar före" in await room.say(mats, "organ kallelse: 3 dagar")
    await room.say(mats, "mötesplan: 2027-03-30 10–12; 2027-11-02 10–12")
    plans = sorted(await server.rows(PlannedMeeting), key=lambda p: p.starts_at)
    assert [p.starts_at for p in plans] == [
        dt.datetime(2027, 3, 30, 8, tzinfo=dt.UTC),  # 10.00 summer time
        dt.datetime(2027, 11, 2, 9, tzinfo=dt.UTC),  # 10.00 winter time
    ]
    [spring] = await posts(server, ScheduledPost.planned_meeting_id == plans[0].id)
    [autumn] = await posts(server, ScheduledPost.planned_meeting_id == plans[1].id)
    # 09.00 on the 27th of March is still winter time; on the 30th of October still summer.
    assert spring.due_at == dt.datetime(2027, 3, 27, 8, tzinfo=dt.UTC)
    assert autumn.due_at == dt.datetime(2027, 10, 30, 7, tzinfo=dt.UTC)

    def kallelser() -> list[str]:
        return [
            r.text or "" for r in connector.sent(room.id) if (r.text or "").startswith("**Kallelse")
        ]

    clock.set(dt.datetime(2027, 3, 27, 7, 59, tzinfo=dt.UTC))
    await connector.assert_quiet(0.3, room.id)
    clock.set(dt.datetime(2027, 3, 27, 8, 0, tzinfo=dt.UTC))
    await connector.wait_until(lambda: len(kallelser()) == 1, what="spring kallelse")
    assert "Tid: tisdag 30 mars 2027 kl 10.00–12.00" in kallelser()[0]
    clock.set(dt.datetime(2027, 10, 30, 6, 59, tzinfo=dt.UTC))
    await connector.assert_quiet(0.3, room.id)
    clock.set(dt.datetime(2027, 10, 30, 7, 0, tzinfo=dt.UTC))
    await connector.wait_until(lambda: len(kallelser()) == 2, what="autumn kallelse")
    assert "Tid: tisdag 2 november 2027 kl 10.00–12.00" in kallelser()[1]
    rows = await wait_posts(server, lambda ps: all(p.status == "sent" for p in ps))
    assert [p.late for p in rows] == [False, False]
    assert all(p.kallelse_sent_at is not None for p in await server.rows(PlannedMeeting))
    assert await server.count(PlannedAgendaItem) == 0
    await settled(server)
