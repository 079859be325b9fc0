"""Fixtures for the ask tests: a migrated database on SQLite and on PostgreSQL, the record built
from the seed minutes, and a helper that asks a question the way the chat does."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

import storage.search  # noqa: F401  (the index hooks; the app imports them via storage)
from dialogs.ask import Answer, ask
from dialogs.context import CommandContext, Speaker, TurnInput
from dialogs.errors import UserError
from dialogs.router import detect_language, dispatch_text
from dialogs.state import current_session
from storage.db import Database
from storage.directory import ensure_tenant
from storage.migrate import upgrade
from tests.ask.record import HOME, Record, build_record

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)

Ask = Callable[..., Awaitable[Answer]]


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[Database]:
    await upgrade(db_url)
    db = Database(db_url)
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
async def record(database: Database) -> Record:
    async with database.transaction() as session:
        return await build_record(session, HOME)


def make_ctx(
    session: Any,
    question: str,
    *,
    tenant: str = HOME,
    conversation: str = "cli",
    conversation_type: str | None = None,
    speaker: Speaker | None = None,
    all_bodies: bool = True,
    source: str | None = None,
) -> CommandContext:
    turn = TurnInput(
        tenant_id=tenant,
        conversation_id=conversation,
        conversation_type=conversation_type,
        speaker=speaker,
        text=question,
        source=source or ("console" if all_bodies else "teams"),
        now=NOW,
    )
    ctx = CommandContext(session, turn, lang=detect_language(question))
    if all_bodies:
        ctx.cache["ask_scope"] = {"body_ids": None, "confidential": False}
    return ctx


@pytest.fixture
def asking(database: Database) -> Ask:
    """`await asking("vad beslutades om F-ACT?")`: the answer over all bodies of the tenant
    (as `samverkansbot ask` does), or as a speaker in a conversation with all_bodies=False."""

    async def run(question: str, **kw: Any) -> Answer:
        async with database.transaction() as session:
            return await ask(make_ctx(session, question, **kw), question)

    return run


ANNA = Speaker(provider="aad", subject="aad-anna", name="Anna Burston")
CONV = "a:anna-personal"


async def say(
    database: Database, text_: str, speaker: Speaker | None = None, conversation: str = CONV
) -> str:
    """One chat turn, as the bot runs it: the router, a command or a question."""
    async with database.transaction() as session:
        ctx = make_ctx(
            session,
            text_,
            conversation=conversation,
            conversation_type="personal",
            speaker=speaker or ANNA,
            all_bodies=False,
        )
        await ensure_tenant(session, HOME)
        token = current_session.set(session)
        try:
            await dispatch_text(ctx, text_)
        except UserError as err:
            return f"FEL: {err}"
        finally:
            current_session.reset(token)
        return "\n".join(r.text or r.fallback or "" for r in ctx.replies)
