"""`fler` / `more`: the next answers to the speaker's last question in this conversation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dialogs.context import Speaker
from storage import search
from storage.db import Database
from tests.ask.conftest import say
from tests.ask.record import Record, _Builder

BERIT = Speaker(provider="aad", subject="aad-berit", name="Berit Andersson")


async def _budget_body(database: Database, record: Record) -> None:
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("budget", "Budgetrådet", "BR", sharing="organisation")
        for n in range(1, 9):
            meeting = await b.meeting(f"b{n}", body, dt.date(2024, n, 10))
            item = await b.item(f"b{n}", meeting, f"Budget del {n}", number=n)
            await b.decision(
                f"b{n}", item, phrase="BR beslutar", clauses=[f"fastställa budgetposten nummer {n}"]
            )


def _numbers(reply: str) -> list[int]:
    return [int(n) for n in re.findall(r"budgetposten nummer (\d)", reply)]


@pytest.mark.parametrize("plan", ["ranked", "newest", "newest-walk"])
async def test_more_pages_through_the_answers(
    record: Record, database: Database, monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    if plan != "ranked":
        # Every word "common": newest first; on PostgreSQL a walk of 6 rows reads a page's
        # worth at a time, so `fler` must continue where the first answer stopped.
        monkeypatch.setattr(search, "RANK_BUDGET", {"sqlite": 0, "postgresql": 0})
    if plan == "newest-walk":
        monkeypatch.setattr(search, "PG_WALK", 7)
    await _budget_body(database, record)
    first = await say(database, "vad beslutades om budgetposten?")
    assert first.startswith("**Beslut om ”budgetposten”** (1–5 av ")
    assert _numbers(first) == [8, 7, 6, 5, 4] and "`fler`" in first
    second = await say(database, "fler")
    assert "(6–8 av 8)" in second and _numbers(second) == [3, 2, 1], second
    assert "`fler`" not in second
    assert (await say(database, "fler")).startswith("Inga fler beslut.")

    # Another speaker in the same conversation has their own last question.
    other = await say(database, "fler", speaker=BERIT)
    assert other.startswith("Det finns ingen tidigare fråga")
    # English question, English paging.
    await say(database, "what was decided about budgetposten?", conversation="a:en")
    more = await say(database, "more", conversation="a:en")
    assert "(6–8 of 8)" in more and _numbers(more) == [3, 2, 1]
    # A new question starts over.
    again = await say(database, "vad beslutades om budgetposten i februari 2024?")
    assert _numbers(again) == [2] and "`fler`" not in again
