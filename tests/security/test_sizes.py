"""Size limits are never silent (issue 17, attack 5): too many clauses or too much § text get
a clear refusal with nothing stored, a long reply goes as several messages, and a reply Teams
refuses as too large (413) is sent shorter, with a note, instead of vanishing."""

from __future__ import annotations

from typing import Any

from storage.models import Decision, Item, OutboxMessage
from tests import seed004
from tests.harness.activities import make_user
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer
from tests.test_attendance_e2e import Room, lsvo_meeting, settled


async def open_paragraph(server: BotServer, connector: StandInConnector) -> tuple[Room, Any]:
    room = Room(server, connector, server.activities.default_conversation)
    mats = make_user("Mats Wennstig")
    await lsvo_meeting(room, mats, seed004.MEMBERS)
    assert "är öppnad" in await room.say(mats, "§ 116 Samsjuklighet")
    return room, mats


async def test_too_many_clauses_and_too_much_text_are_refused_with_nothing_stored(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await open_paragraph(bot_server, connector)
    clauses = "\n".join(f"att a{i}" for i in range(150))
    reply = await room.say(mats, "LSVO:s ledningsgrupp beslutar\n" + clauses)
    assert "högst 100 att-satser; det här har 150" in reply and "Inget sparades" in reply
    assert await bot_server.count(Decision) == 0
    reply = await room.say(mats, "text: " + "Lång diskussion. " * 2000)
    assert "högst 20000 tecken" in reply and "Inget sparades" in reply
    reply = await room.say(mats, "§ 117 Rubrik\n" + "Text. " * 5000)
    assert "högst 20000 tecken" in reply
    [item] = await bot_server.rows(Item)
    assert item.text is None


async def test_a_long_reply_is_split_not_dropped(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await open_paragraph(bot_server, connector)
    lines = [f"Rad {i}: " + "diskussion om samverkan " * 30 for i in range(25)]
    text = "\n\n".join(lines)
    assert 18_000 < len(text) <= 20_000
    await room.say(mats, "text: " + text)
    act = await room.post(mats, "visa § 116")
    parts = await connector.wait_for(
        2, room.id, where=lambda r: r.activity_id == act["id"], timeout=10
    )
    shown = "\n\n".join(r.text or "" for r in parts)
    assert len(parts) == 2
    for line in lines:
        assert line.strip() in shown


async def test_a_reply_teams_refuses_as_too_large_is_shortened_with_a_note(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await open_paragraph(bot_server, connector)
    await room.say(mats, "text: " + "Diskussion om samverkan. " * 400)
    connector.fail_next(1, status=413, conversation_id=room.id)
    act = await room.post(mats, "visa § 116")
    [sent] = await connector.wait_for(1, room.id, where=lambda r: r.activity_id == act["id"])
    assert "för långt för Teams och är förkortat" in (sent.text or "")
    # Teams has the message; the row is marked sent in the sender's next transaction.
    await settled(bot_server)
    rows = await bot_server.rows(OutboxMessage, OutboxMessage.source_activity_id == act["id"])
    assert [r.status for r in rows] == ["sent"]
