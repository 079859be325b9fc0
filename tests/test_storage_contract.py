"""SqlStorage against botbuilder-testing's StorageBaseTests, on SQLite and PostgreSQL, plus what
the contract does not cover: stale eTags, two instances, and the turn's transaction."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    Dialog,
    DialogSet,
    DialogTurnStatus,
    PromptOptions,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.testing import StorageBaseTests
from sqlalchemy import func, select

from bot.state import SqlStorage, current_session
from storage.db import Database
from storage.migrate import upgrade
from storage.models import BotState


@pytest.fixture
async def migrated_url(db_url: str) -> str:
    await upgrade(db_url)
    return db_url


@pytest.fixture
async def database(migrated_url: str) -> AsyncIterator[Database]:
    db = Database(migrated_url)
    yield db
    await db.dispose()


@pytest.fixture
def storage(database: Database) -> SqlStorage:
    return SqlStorage(database)


CONTRACT = [
    "return_empty_object_when_reading_unknown_key",
    "handle_null_keys_when_reading",
    "handle_null_keys_when_writing",
    "does_not_raise_when_writing_no_items",
    "create_object",
    "handle_crazy_keys",
    "update_object",
    "delete_object",
    "delete_unknown_object",
    "perform_batch_operations",
    "proceeds_through_waterfall",
]


@pytest.mark.parametrize("check", CONTRACT)
async def test_storage_base_contract(storage: SqlStorage, check: str) -> None:
    assert await asyncio.wait_for(getattr(StorageBaseTests, check)(storage), timeout=30) is True


async def test_contract_names_all_checks() -> None:
    # If botbuilder-testing grows a check, this list must grow with it.
    names = {n for n in vars(StorageBaseTests) if not n.startswith("_")}
    assert names == set(CONTRACT)


async def test_stale_etag_conflicts(storage: SqlStorage) -> None:
    await storage.write({"doc": {"n": 1}})
    first = (await storage.read(["doc"]))["doc"]
    stale = copy.deepcopy(first)
    assert first["e_tag"]

    first["n"] = 2
    await storage.write({"doc": first})
    # The new eTag is handed back, so a second save in the same turn does not conflict.
    assert first["e_tag"] != stale["e_tag"]
    first["n"] = 3
    await storage.write({"doc": first})

    stale["n"] = 99
    with pytest.raises(Exception, match=r"(?i)etag"):
        await storage.write({"doc": stale})
    assert (await storage.read(["doc"]))["doc"]["n"] == 3
    # A wildcard or missing eTag still overwrites (last writer wins).
    await storage.write({"doc": {"n": 4, "e_tag": "*"}})
    assert (await storage.read(["doc"]))["doc"]["n"] == 4


def _waterfall_bot(storage: SqlStorage) -> Callable[[TurnContext], Awaitable[None]]:
    conversation_state = ConversationState(storage)
    dialogs = DialogSet(conversation_state.create_property("dialogState"))

    async def ask_name(step: WaterfallStepContext) -> DialogTurnStatus:
        await step.context.send_activity("step1: what is your name?")
        return Dialog.end_of_turn

    async def ask_role(step: WaterfallStepContext) -> DialogTurnStatus:
        step.values["name"] = step.context.activity.text
        return await step.prompt(
            TextPrompt.__name__, PromptOptions(prompt=MessageFactory.text("step2: your role?"))
        )

    async def done(step: WaterfallStepContext) -> DialogTurnStatus:
        await step.context.send_activity(f"step3: {step.values['name']} is {step.result}")
        return await step.end_dialog()

    dialogs.add(WaterfallDialog("wf", [ask_name, ask_role, done]))
    dialogs.add(TextPrompt(TextPrompt.__name__))

    async def logic(turn_context: TurnContext) -> None:
        dc = await dialogs.create_context(turn_context)
        result = await dc.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dc.begin_dialog("wf")
        await conversation_state.save_changes(turn_context)

    return logic


async def test_dialog_continues_on_another_instance(migrated_url: str) -> None:
    """Two Database objects = two bot instances on one database: a waterfall begun on one
    continues on the other (and back)."""
    db_a, db_b = Database(migrated_url), Database(migrated_url)
    try:
        a = TestAdapter(_waterfall_bot(SqlStorage(db_a)))
        b = TestAdapter(_waterfall_bot(SqlStorage(db_b)))
        assert a.template.conversation.id == b.template.conversation.id

        await (await a.send("hej")).assert_reply("step1: what is your name?")
        await (await b.send("Anna")).assert_reply("step2: your role?")
        await (await a.send("ordförande")).assert_reply("step3: Anna is ordförande")
        # The dialog ended; the next message starts over, on either instance.
        await (await b.send("hej igen")).assert_reply("step1: what is your name?")
    finally:
        await db_a.dispose()
        await db_b.dispose()


async def _count_state(db: Database, key: str) -> int:
    async with db.sessions() as session:
        return int(
            await session.scalar(
                select(func.count()).select_from(BotState).where(BotState.key == key)
            )
            or 0
        )


async def test_write_in_turn_transaction_rolls_back(
    database: Database, storage: SqlStorage
) -> None:
    class Boom(Exception):
        pass

    async def failing_turn() -> None:
        async with database.transaction() as session:
            token = current_session.set(session)
            try:
                await storage.write({"rolled": {"n": 1}})
                # Inside the turn the write is visible through the same session…
                assert (await storage.read(["rolled"]))["rolled"]["n"] == 1
                raise Boom
            finally:
                current_session.reset(token)

    with pytest.raises(Boom):
        await asyncio.wait_for(failing_turn(), timeout=15)
    # …and it is gone with the turn.
    assert await storage.read(["rolled"]) == {}
    assert await _count_state(database, "rolled") == 0

    async def good_turn() -> None:
        async with database.transaction() as session:
            token = current_session.set(session)
            try:
                await storage.write({"kept": {"n": 2}})
            finally:
                current_session.reset(token)

    await asyncio.wait_for(good_turn(), timeout=15)
    assert (await storage.read(["kept"]))["kept"]["n"] == 2
    assert await _count_state(database, "kept") == 1
