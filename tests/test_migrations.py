"""The bot starts on an empty database and migrates it to head, on SQLite and PostgreSQL.

Every other test gets a copy of a database migrated once per session (tests/conftest.py), so
this is the test of the start-up migration itself, and of the migrated schema taking a turn."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage.migrate import alembic_config
from storage.models import Tenant
from tests.conftest import BotServerFactory
from tests.harness.connector import StandInConnector


async def test_start_migrates_an_empty_database(
    make_bot_server: BotServerFactory, connector: StandInConnector, empty_db_url: str
) -> None:
    head = ScriptDirectory.from_config(alembic_config(empty_db_url)).get_current_head()
    server = await make_bot_server(database_url=empty_db_url)
    async with server.db.sessions() as session:
        assert (await session.scalar(text("SELECT version_num FROM alembic_version"))) == head
    assert (await server.post(server.activities.message("hjälp")))[0] == 200
    await connector.wait_for(1)
    assert await server.count(Tenant) == 1


async def test_passages_of_minutes_that_lost_letters_are_written_anew(
    empty_db_url: str, tmp_path: Path
) -> None:
    """0008: the passages of meetings whose text holds U+FFFD are rebuilt, so the words split
    at the lost letter by the earlier analyzer are indexed whole."""
    from sqlalchemy import delete, select

    from dialogs.importer import parse_minutes, read_document
    from dialogs.importer.store import store_minutes
    from storage.db import Database
    from storage.migrate import upgrade
    from storage.passages import ask_passage_term

    await upgrade(empty_db_url, "0007_meeting_date_stated")
    path = tmp_path / "protokoll.txt"
    path.write_text(
        "Protokoll fört vid årsmöte med Östby byalag 2010-07-15\n\n"
        "§ 7 Revisionsberättelse\nRevisor Hans Lagerdahl l\ufffdste upp "
        "revisionsber\ufffdttelsen.\n",
        encoding="utf-8",
    )
    read = read_document(path)
    db = Database(empty_db_url)
    try:
        async with db.transaction() as session:
            await store_minutes(session, "t1", parse_minutes(read.text, path.name), read)
        lost = "revisionsber\ufffdttelsen"
        async with db.transaction() as session:
            # As the earlier analyzer left them: the word's terms missing.
            await session.execute(delete(ask_passage_term).where(ask_passage_term.c.term == lost))
        await upgrade(empty_db_url)
        async with db.transaction() as session:
            found = await session.scalars(
                select(ask_passage_term.c.passage_id).where(ask_passage_term.c.term == lost)
            )
            assert found.all()
    finally:
        await db.dispose()
