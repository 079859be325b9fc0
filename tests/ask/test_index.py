"""The index follows every write: chat commands, plain ORM changes, the importer, in the same
transaction; and what it holds always equals a rebuild from the record."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select, text

from storage.db import Database
from storage.models import Decision, DecisionNote, Item, Meeting
from storage.search import (
    body_token,
    clear_index_sync,
    rebuild_all_sync,
    search_doc,
    search_doc_terms,
    search_term,
    tenant_token,
)
from storage.search_text import StoredTerms
from tests.ask.conftest import Ask, say
from tests.ask.record import HOME, Record


async def index_snapshot(database: Database) -> tuple[dict[str, Any], Counter[tuple[str, str]]]:
    async with database.transaction() as session:
        rows = await session.execute(
            select(search_doc, search_doc_terms.c.terms).join(
                search_doc_terms, search_doc_terms.c.id == search_doc.c.id
            )
        )
        docs = {
            r.doc_key: (r.id, r.tenant_id, r.body_id, r.meeting_id, r.confidential, r.terms)
            for r in rows.all()
        }
        counts = [
            (await session.execute(text(f"SELECT count(*) FROM {t}"))).scalar()
            for t in ("search_doc", "search_doc_terms")
        ]
        assert counts == [len(docs), len(docs)]
        vocab = Counter(
            {
                (r.tenant_id, r.term): (r.df, r.sdf)
                for r in (await session.execute(select(search_term))).all()
            }
        )
    return docs, vocab


async def rebuilt_snapshot(database: Database) -> tuple[dict[str, Any], Counter[tuple[str, str]]]:
    async with database.engine.begin() as conn:
        await conn.run_sync(clear_index_sync)
        await conn.run_sync(rebuild_all_sync)
    return await index_snapshot(database)


async def engine_df(database: Database) -> Counter[str]:
    """How many rows hold each term, as the engine itself sees it (FTS5 or the tsvectors)."""
    async with database.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            await conn.execute(
                text(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, search_fts, row)"
                )
            )
            rows = (await conn.execute(text("SELECT term, doc FROM temp.v"))).all()
            await conn.execute(text("DROP TABLE temp.v"))
            return Counter({r.term: int(r.doc) for r in rows})
        rows = (
            await conn.execute(
                text(
                    "SELECT lex AS term, count(*) AS n FROM search_doc, unnest(tsvector_to_array(tsv)) lex GROUP BY lex"
                )
            )
        ).all()
        return Counter({r.term: int(r.n) for r in rows})


async def assert_consistent(database: Database) -> None:
    docs, vocab = await index_snapshot(database)
    assert vocab == expected_vocab(docs)
    by_term: Counter[str] = Counter()
    for (_tenant, term), (df, _sdf) in vocab.items():
        by_term[term] += df
    if database.dialect == "sqlite":
        # FTS5 also holds each row's scope tokens (tenant and body).
        for _id, tenant, body, _m, _c, _t in docs.values():
            by_term[tenant_token(tenant)] += 1
            by_term[body_token(body)] += 1
    assert await engine_df(database) == by_term
    assert (docs, vocab) == await rebuilt_snapshot(database)


def expected_vocab(docs: dict[str, Any]) -> Counter[tuple[str, str]]:
    df: Counter[tuple[str, str]] = Counter()
    sdf: Counter[tuple[str, str]] = Counter()
    for _id, tenant, _b, _m, confidential, terms in docs.values():
        parsed = StoredTerms.parse(terms)
        for term in parsed.all():
            df[(tenant, term)] += 1
        if not confidential:
            for term in parsed.title | parsed.text:
                if term.isalpha():
                    sdf[(tenant, term)] += 1
    return Counter({k: (v, sdf.get(k, 0)) for k, v in df.items()})


async def test_chat_commands_keep_the_index(database: Database, asking: Ask) -> None:
    assert "Testorganet" in await say(database, "organ: Testorganet (TO)")
    assert "öppnat" in await say(database, "öppna mötet")
    await say(database, "§ 5 Upphandling av färdtjänst; föredragande Kim Larsson")
    await say(database, "beslut: att upphandla färdtjänsten gemensamt; att kostnaden delas lika")

    found = await asking("vad beslutades om färdtjänst?")
    assert [h.text for h in found.hits] == [
        "Testorganet beslutar\natt upphandla färdtjänsten gemensamt\natt kostnaden delas lika"
    ]
    assert found.hits[0].paragraph == "§ 5" and "ej justerat" in found.hits[0].standing

    await say(database, "ändra beslut § 5: att avbryta upphandlingen av färdtjänst")
    amended = await asking("vad beslutades om färdtjänst?")
    assert amended.hits[0].text == "Testorganet beslutar\natt avbryta upphandlingen av färdtjänst"
    old = next(h for h in amended.hits if "gemensamt" in h.text)
    assert old.standing.startswith("ändrat")

    await say(database, "reservation: Kim Larsson reserverar sig mot avbrottet i kvartersfrågan")
    note = await asking("kvartersfrågan")
    assert [h.text for h in note.hits] == [
        "Testorganet beslutar\natt avbryta upphandlingen av färdtjänst"
    ]

    await say(database, "ångra")
    withdrawn = await asking("vad beslutades om färdtjänst?")
    assert all("upphävt" in h.standing or "ändrat" in h.standing for h in withdrawn.hits)

    # The question asked in the chat itself, through the router.
    reply = await say(database, "vad beslutades om färdtjänst?")
    assert reply.startswith("**Beslut om ”färdtjänst”")

    await say(database, "sekretess")
    assert (await asking("vad beslutades om färdtjänst?")).hits == []
    # Anna is the body's admin (a member) and asks in her personal chat: she sees it.
    assert "färdtjänst" in await say(database, "vad beslutades om färdtjänst?")

    await assert_consistent(database)


async def test_orm_changes_keep_the_index(record: Record, database: Database, asking: Ask) -> None:
    assert any(h.paragraph == "§ 117" for h in (await asking("FoU")).hits)
    async with database.transaction() as session:
        item = await session.get(Item, record.items["117"].id)
        assert item is not None
        item.title = "Avtal om forskning och utveckling"
    assert (await asking("forskning och utveckling")).hits[0].paragraph == "§ 117"
    assert all(h.paragraph != "§ 117" for h in (await asking("FoU")).hits)

    # Moving the meeting moves its rows in date order and date filters.
    async with database.transaction() as session:
        meeting = await session.get(Meeting, record.meetings["2021-06-04"].id)
        assert meeting is not None
        meeting.date = dt.date(2020, 6, 5)
    moved = await asking("vad beslutades om samsjuklighet 2020?")
    assert moved.hits and {h.date for h in moved.hits} == {"2020-06-05"}
    assert not any(
        h.body == "LSVO ledningsgrupp" for h in (await asking("samsjuklighet 2021")).hits
    )

    # A note on a decision is searchable; a sekretess flag hides the item and its decisions.
    async with database.transaction() as session:
        session.add(
            DecisionNote(
                decision_id=record.decisions["116"].id,
                kind="protokollsanteckning",
                text="Blekingemodellen ska beaktas",
            )
        )
    assert (await asking("blekingemodellen")).hits[0].paragraph == "§ 116"
    async with database.transaction() as session:
        item = await session.get(Item, record.items["116"].id)
        assert item is not None
        item.confidential = True
    assert (await asking("blekingemodellen")).hits == []

    # New rows through the ORM, in a transaction that fails: nothing is left in the index.
    try:
        async with database.transaction() as session:
            new = Item(
                tenant_id=HOME,
                body_id=record.bodies["lsvo"].id,
                meeting_id=record.meetings["2021-06-04"].id,
                title="Rollbackfrågan",
                position=99,
            )
            session.add(new)
            await session.flush()
            assert (
                await session.execute(select(search_doc.c.id).where(search_doc.c.item_id == new.id))
            ).first()
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert (await asking("rollbackfrågan")).hits == []

    # Deleting (the record never does, but the index copes).
    async with database.transaction() as session:
        await session.delete(await session.get(Decision, record.decisions["117"].id))
    docs, _ = await index_snapshot(database)
    assert f"d{record.decisions['117'].id}" not in docs
    await assert_consistent(database)
