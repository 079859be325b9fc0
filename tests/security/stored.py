"""What an attack may not leave behind: no row in any table a turn writes."""

from __future__ import annotations

from storage.models import (
    AuditEvent,
    Body,
    BotState,
    ConversationRef,
    Decision,
    Item,
    Membership,
    OutboxMessage,
    Person,
    PersonIdentity,
    ProcessedActivity,
    Tenant,
)
from tests.harness.server import BotServer

TURN_TABLES = (
    ProcessedActivity,
    OutboxMessage,
    Tenant,
    ConversationRef,
    BotState,
    Person,
    PersonIdentity,
    Body,
    Membership,
    Item,
    Decision,
    AuditEvent,
)


async def counts(server: BotServer) -> dict[str, int]:
    return {m.__tablename__: await server.count(m) for m in TURN_TABLES}


async def assert_nothing_stored(server: BotServer) -> None:
    assert await counts(server) == {m.__tablename__: 0 for m in TURN_TABLES}
