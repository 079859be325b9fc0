"""The bot starts on an empty database and migrates it to head, on SQLite and PostgreSQL.

Every other test gets a copy of a database migrated once per session (tests/conftest.py), so
this is the test of the start-up migration itself, and of the migrated schema taking a turn."""

from __future__ import annotations

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
