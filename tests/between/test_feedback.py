"""Återkoppling (issue 16): an assignment given at one meeting comes back on the next meeting's
card; Klar through an invoke updates it, a non-assignee's press is refused on the server;
`återkoppling: § …, klart` and `uppföljning`."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Assignment, Item, Meeting, PersonIdentity
from storage.rhythm import AssignmentNote, PlannedMeeting
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


async def test_assignment_comes_back_at_the_next_meeting(
    make_bot_server: BotServerFactory, connector: StandInConnector, db_url: str
) -> None:
    clock = clock_at(2027, 2, 1, 13)
    server, room, mats = await start_body(make_bot_server, connector, clock, db_url)
    karin, per = make_user("Karin Lund"), make_user("Per Ek")

    await room.say(mats, "mötesplan: 2027-03-03 13–15; 2027-04-07 13–15")
    assert "2027-02-01 är öppnat" in await room.say(mats, "öppna mötet")
    await room.say(karin, "närvarande")
    await room.say(per, "närvarande")
    assert "§ 1" in await room.say(mats, "§: Rutin för samordnad vårdplanering")
    reply = await room.say(mats, "uppdrag: Karin Lund tar fram en ny rutin till 2027-03-01")
    assert "Karin Lund – tar fram en ny rutin" in reply, reply
    await room.say(mats, "avsluta mötet")
    [a] = await server.rows(Assignment)
    # The first meeting had nothing earlier to follow up: nothing posted, and recorded so.
    await wait_posts(
        server, lambda ps: any(p.status == "skipped" for p in ps), what="first meeting skipped"
    )
    assert headed(connector.sent(room.id), "Återkoppling") == []

    clock.set(local(2027, 3, 2, 13))
    await connector.wait_until(
        lambda: bool(headed(connector.sent(room.id), "Utkast till kallelse")), what="late draft"
    )
    before = len(connector.sent(room.id))
    assert "2027-03-02 är öppnat" in await room.say(mats, "öppna mötet")
    await connector.wait_until(
        lambda: bool(headed(connector.sent(room.id)[before:], "Återkoppling")),
        what="the återkoppling card",
    )
    [card] = headed(connector.sent(room.id)[before:], "Återkoppling")
    texts = [
        str(i.get("text", ""))
        for c in card["body"]
        if c.get("type") == "Container"
        for i in c["items"]
    ]
    assert any(
        "§ 1 (2027-02-01) Karin Lund: tar fram en ny rutin" in t and "försenat" in t for t in texts
    ), texts
    # Shown through refresh to the secretary and the assignee (their Teams ids), no one else.
    ids = {
        i.teams_user_id for i in await server.rows(PersonIdentity) if i.teams_user_id is not None
    }
    assert set(card["refresh"]["userIds"]) == {karin.teams_id, mats.teams_id}
    assert per.teams_id in ids and len(card["refresh"]["userIds"]) <= 60
    [meeting2] = await server.rows(Meeting, Meeting.date == local(2027, 3, 2).date())
    # Opened a day early, the meeting took the 3 March plan's place.
    march, april = sorted(await server.rows(PlannedMeeting), key=lambda p: p.starts_at)
    assert (march.status, march.meeting_id, april.status) == ("held", meeting2.id, "planned")
    assert "onsdag 7 april 2027" in await room.say(mats, "nästa möte")
    # Its kallelse draft was due on 26 February, while the clock jumped: sent late, here, since
    # neither chair nor secretary has a personal chat with the bot.
    [draft] = headed(connector.sent(room.id), "Utkast till kallelse")
    assert "Jag når varken ordförande eller sekreterare" in draft["body"][1]["text"]
    assert draft["body"][1]["text"].startswith("Försenad: skulle ha kommit fredag 26 februari")
    press = {"meetingId": meeting2.id, "assignmentId": a.id, "status": "klar"}

    # Per is not the assignee: refused on the server, nothing changes.
    refused = await room.invoke(per, "aterkoppling.svar", press)
    assert refused["type"] == "application/vnd.microsoft.activity.message", refused
    assert "Bara den som har uppdraget" in refused["value"]
    assert (await server.rows(Assignment))[0].status == "open"
    assert await server.count(AssignmentNote) == 0

    answered = await room.invoke(karin, "aterkoppling.svar", press)
    assert answered["type"] == "application/vnd.microsoft.adaptive.card" or answered["type"] == (
        "application/vnd.microsoft.card.adaptive"
    ), answered
    shown = [
        str(i.get("text", ""))
        for c in answered["value"]["body"]
        if c.get("type") == "Container"
        for i in c["items"]
    ]
    assert "Status: **Klar**" in shown, shown
    [done] = await server.rows(Assignment)
    assert done.status == "done" and done.done_at is not None
    [note] = await server.rows(AssignmentNote)
    assert (note.status, note.meeting_id) == ("klar", meeting2.id)
    # Today's minutes hold it, as the seeds' "Återkoppling protokoll …" §.
    [item] = await server.rows(Item, Item.meeting_id == meeting2.id, Item.title == "Återkoppling")
    assert "§ 1 (2027-02-01) Karin Lund: tar fram en ny rutin" in (item.text or "")
    assert item.id == note.item_id
    await settled(server)


async def test_feedback_in_text_and_follow_up(
    make_bot_server: BotServerFactory, connector: StandInConnector
) -> None:
    clock = clock_at(2027, 2, 1, 13)
    server, room, mats = await start_body(make_bot_server, connector, clock)
    await room.say(mats, "öppna mötet")
    await room.say(mats, "§: Tvisterutin")
    await room.say(mats, "uppdrag: Kommunerna tar med sig frågan till 2027-02-20")
    await room.say(mats, "uppdrag: Per Ek undersöker kostnaden till 2027-06-30")
    await room.say(mats, "avsluta mötet")

    clock.set(local(2027, 3, 2, 13))
    listed = await room.say(mats, "uppföljning")
    lines = listed.split("\n")
    assert (
        lines[0] == "**Öppna uppdrag i Styrgruppen för vård, äldst först** (2, varav 1 försenade)"
    )
    assert "§ 1 (2027-02-01) Kommunerna: tar med sig frågan" in lines[1]
    assert lines[1].endswith("— klart 2027-02-20, försenat"), lines
    await room.say(mats, "öppna mötet")
    reply = await room.say(mats, "återkoppling: § 1 Kommunerna tar med sig frågan, klart")
    assert reply.startswith("Återkoppling på uppdrag"), reply
    assert "klar" in reply and "i dagens protokoll" in reply
    async with server.db.sessions() as session:
        kommunerna = await session.scalar(
            select(Assignment).where(Assignment.assignee_text == "Kommunerna")
        )
    assert kommunerna is not None and kommunerna.status == "done"
    # Unknown §: a clear answer, nothing stored.
    notes = await server.count(AssignmentNote)
    refused = await room.say(mats, "återkoppling: § 999 något, klart")
    assert refused.startswith("Jag hittar inget uppdrag i § 999"), refused
    assert await server.count(AssignmentNote) == notes
    # Someone who neither holds it nor runs the meeting may not answer.
    karin = make_user("Karin Lund")
    refused = await room.say(karin, "återkoppling: § 1 Per undersöker, pågår")
    assert "Bara den som har uppdraget" in refused or "Det får bara" in refused, refused
    assert await server.count(AssignmentNote) == notes
    english = await room.say(mats, "follow-up")
    assert english.startswith(
        "**Open assignments of Styrgruppen för vård, oldest first** (1, 0 overdue)"
    )
    assert "— due 2027-06-30" in english and "klart" not in english, english
    year = await room.say(mats, "uppföljning 2027")
    assert "[klar]" in year and "[öppen]" in year, year
    assert "Skriv `uppföljning`" in await room.say(mats, "uppföljning förra året")
    await settled(server)


async def test_personal_reminder_before_due_to_persons_with_the_app(
    make_bot_server: BotServerFactory, connector: StandInConnector
) -> None:
    clock = clock_at(2027, 2, 1, 13)
    server, room, mats = await start_body(make_bot_server, connector, clock)
    karin = make_user("Karin Lund")
    await room.say(mats, "öppna mötet")
    await room.say(karin, "närvarande")
    karin_chat = await say_personally(server, connector, karin, "mina uppdrag")
    await room.say(mats, "uppdrag: Karin Lund tar fram underlag till 2027-02-20")
    await room.say(mats, "uppdrag: Kommunerna tar med sig frågan till 2027-02-20")
    await room.say(mats, "avsluta mötet")
    clock.set(local(2027, 2, 16, 12))
    await connector.assert_quiet(0.3, karin_chat.id)
    assert [p.kind for p in await posts(server)] == ["aterkoppling"]  # none yet
    clock.set(local(2027, 2, 17, 9, 1))
    await connector.wait_until(
        lambda: any("Påminnelse" in (r.text or "") for r in connector.sent(karin_chat.id)),
        what="Karin's reminder",
    )
    [reminder] = [r.text for r in connector.sent(karin_chat.id) if "Påminnelse" in (r.text or "")]
    assert reminder is not None
    assert "ditt uppdrag ”tar fram underlag till 2027-02-20” ska vara klart 2027-02-20" in reminder
    # One reminder, to Karin only ("Kommunerna" is no person who can be reached).
    clock.set(local(2027, 2, 18, 9))
    await connector.assert_quiet(0.3, karin_chat.id)
    reminders = [p for p in await posts(server) if p.kind == "reminder"]
    assert [(p.status, p.late) for p in reminders] == [("sent", False)]
    await settled(server)
