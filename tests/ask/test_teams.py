"""A question and `fler` through the running bot: a Teams activity in, the reply out."""

from __future__ import annotations

from sqlalchemy import update

from storage.models import Body
from tests.ask.record import FACT_DECISION_2, build_record
from tests.harness.activities import TENANT, conversation_id_of, personal
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer


async def test_question_and_more_in_a_personal_chat(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    async with bot_server.db.transaction() as session:
        record = await build_record(session, TENANT)
        # Shared with the organisation, so a personal chat may see it.
        await session.execute(
            update(Body).where(Body.tenant_id == TENANT).values(sharing="organisation")
        )
    assert record.bodies

    chat = personal()
    act = bot_server.activities.message(
        "vad beslutades om F-ACT?", conversation=chat, mention_bot=False
    )
    assert (await bot_server.post(act))[0] == 200
    conv = conversation_id_of(act)
    await connector.wait_for(1, conv)
    reply = connector.sent(conv)[-1].text or ""
    assert reply.startswith("**Beslut om ”F-ACT”**"), reply
    assert FACT_DECISION_2 in reply and "Uppdragsgrupp Psykisk hälsa · 2025-04-03" in reply

    more = bot_server.activities.message("fler", conversation=chat, mention_bot=False)
    assert (await bot_server.post(more))[0] == 200
    await connector.wait_for(2, conv)
    second = connector.sent(conv)[-1].text or ""
    # The first answer held every F-ACT decision (3 of 3): nothing more, said plainly.
    assert reply.count("**1. ") == 1 and "(1–3 av 3)" in reply
    assert second == "Inga fler beslut."
