"""Ask the record, at archive scale: our answer path next to the naive full-text query.

Builds synthetic archives of Swedish decisions — sentences, titles and "att" clauses recombined
from the seed minutes (../shared/seeds/), meeting dates 2015–2026, place and project names with
a long tail, one-off compounds — on SQLite and PostgreSQL, in two shapes:

- national: N decisions across 20 tenants and 300 bodies; questions scoped to one tenant;
- stress:   N decisions in one tenant (300 bodies); questions over the whole tenant.

For ~50 varied questions it times the project's own answer path (dialogs.ask.ask: parsing,
filters, planning, retrieval, rerank and the rendered answer) and, in the same run on the same
data, the naive top-10 full-text query — the anchor:

- SQLite: FTS5 (default unicode61 tokenizer) over the raw title and text, the question's words
  quoted and OR-ed, ORDER BY bm25, LIMIT 10, joined to the tenant;
- PostgreSQL: to_tsvector('swedish', raw text) with a GIN index, the question's words as
  OR-ed lexemes of plainto_tsquery('swedish', …), ORDER BY ts_rank, LIMIT 10, tenant filter.

It prints p50/p95 per engine and shape, the ratios, and the engine settings used.

    .venv/bin/python bench/ask.py                       # 1M decisions, both shapes and engines
    .venv/bin/python bench/ask.py --decisions 50000     # a quick run
    .venv/bin/python bench/ask.py --engines sqlite --shapes stress --decisions 200000
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import io
import json
import math
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from dialogs.ask import ask  # noqa: E402
from dialogs.context import CommandContext, TurnInput  # noqa: E402
from dialogs.router import detect_language  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.search import (  # noqa: E402
    KIND_DECISION,
    KIND_ITEM,
    doc_rowid,
    fts_values_of_stored,
    tsvector_of_stored,
)
from storage.search_text import FieldTerms, StoredTerms, field_terms  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
PG_DEFAULT = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
BODY_KINDS = (
    "styrgrupp",
    "ledningsgrupp",
    "uppdragsgrupp",
    "samverkansråd",
    "arbetsgrupp",
    "beredningsgrupp",
    "chefsnätverk",
    "närvårdsgrupp",
)
AREAS = (
    "psykisk hälsa",
    "barn och unga",
    "äldre",
    "missbruk och beroende",
    "social välfärd",
    "vård och omsorg",
    "folkhälsa",
    "funktionsstöd",
    "nära vård",
    "kvinnofrid",
)
SYLLABLES = (
    "björk ek lind al ask gran tall sjö vik dal berg holm ås näs hult ryd torp by sta lund "
    "mark fors bro strand hamn ö älv kulla skog hed vall ängen måla boda".split()
)


# --- material from the seeds -------------------------------------------------------------------


@dataclass
class Material:
    titles: list[str]
    sentences: list[str]
    clauses: list[str]
    phrases: list[str]
    nouns: list[str]


def _clean(line: str) -> str:
    line = re.sub(r"<[^>]+>", " ", line)
    line = re.sub(r"[*#_~`]+", "", line)
    return re.sub(r"\s+", " ", line).strip()


def load_material() -> Material:
    from dialogs.importer import parse_minutes, read_document

    titles: list[str] = []
    sentences: list[str] = []
    clauses: list[str] = []
    phrases: list[str] = ["Styrgruppen beslutar", "Ledningsgruppen beslutar", "Rådet beslutar"]
    for path in sorted(SEEDS.glob("0*.txt")):
        read = read_document(path)
        parsed = parse_minutes(read.text, path.name)
        for item in parsed.items:
            if 3 <= len(item.title) <= 120:
                titles.append(_clean(item.title))
            for d in item.decisions:
                clauses.extend(_clean(c) for c in d.clauses if len(c) > 15)
                if d.phrase and d.phrase.lower().endswith("beslutar"):
                    phrases.append(_clean(d.phrase))
        for chunk in re.split(r"(?<=[.!?])\s+|\n+", read.text):
            chunk = _clean(chunk)
            if 40 <= len(chunk) <= 320 and chunk.count(" ") >= 6:
                sentences.append(chunk)
    vocab = Counter(
        w for s in sentences for w in re.findall(r"[a-zåäö]{6,}", s.lower()) if not w.endswith("s")
    )
    nouns = [w for w, _ in vocab.most_common(1200)]
    return Material(
        sorted(set(titles)),
        sorted(set(sentences)),
        sorted(set(clauses)),
        sorted(set(phrases)),
        nouns,
    )


def make_names(rng: random.Random, n: int) -> list[str]:
    """Place and project names with a long tail (drawn with a Zipf-like law)."""
    names: set[str] = set()
    while len(names) < n:
        parts = rng.sample(SYLLABLES, rng.choice((2, 2, 3)))
        names.add("".join(parts).capitalize())
    return sorted(names)


# --- the archive -------------------------------------------------------------------------------


@dataclass
class Shape:
    name: str
    tenants: int
    bodies: int
    decisions: int


@dataclass
class Batch:
    meetings: list[tuple[Any, ...]] = field(default_factory=list)
    items: list[tuple[Any, ...]] = field(default_factory=list)
    decisions: list[tuple[Any, ...]] = field(default_factory=list)
    docs: list[tuple[Any, ...]] = field(default_factory=list)  # search_doc rows
    naive: list[tuple[int, str, str, str]] = field(default_factory=list)  # id, tenant, title, text


class Generator:
    def __init__(self, shape: Shape, material: Material, seed: int) -> None:
        self.shape = shape
        self.m = material
        self.rng = random.Random(seed)
        self.names = make_names(self.rng, 20_000)
        self.name_weights = [1 / (i + 1) ** 1.05 for i in range(len(self.names))]
        self._cum = list(_accumulate(self.name_weights))
        self._terms: dict[str, FieldTerms] = {}
        self.df: Counter[tuple[str, str]] = Counter()
        self.sdf: Counter[tuple[str, str]] = Counter()
        self.body_docs: Counter[tuple[int, str]] = Counter()
        self.bodies: list[tuple[int, str, str, str]] = []  # id, tenant, name, short
        self.tenants = [f"bench-tenant-{i:02d}" for i in range(shape.tenants)]
        for b in range(shape.bodies):
            tenant = self.tenants[b % shape.tenants]
            kind = BODY_KINDS[b % len(BODY_KINDS)]
            area = AREAS[(b // len(BODY_KINDS)) % len(AREAS)]
            place = self.names[(b * 37) % len(self.names)]
            name = f"{kind.capitalize()} {area} {place} {b}"
            short = f"{kind[:3].upper()}{b}"
            self.bodies.append((b + 1, tenant, name, short))

    def name(self) -> str:
        x = self.rng.random() * self._cum[-1]
        lo, hi = 0, len(self._cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self._cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.names[lo]

    def terms(self, piece: str) -> FieldTerms:
        cached = self._terms.get(piece)
        if cached is None:
            cached = field_terms(piece)
            if len(self._terms) < 400_000:
                self._terms[piece] = cached
        return cached

    def compound(self) -> str:
        a, b = self.rng.sample(self.m.nouns, 2)
        return a + ("s" if self.rng.random() < 0.3 else "") + b

    def stored(self, title: list[str], text_: list[str]) -> str:
        t_exact: set[str] = set()
        t_fold: set[str] = set()
        x_exact: set[str] = set()
        x_fold: set[str] = set()
        for piece in title:
            ft = self.terms(piece)
            t_exact.update(ft.exact)
            t_fold.update(ft.folded)
        for piece in text_:
            ft = self.terms(piece)
            x_exact.update(ft.exact)
            x_fold.update(ft.folded)
        return "\n".join(" ".join(sorted(s)) for s in (t_exact, x_exact, t_fold, x_fold))

    def count(self, tenant: str, body_id: int, stored: str) -> None:
        parsed = StoredTerms.parse(stored)
        self.df.update((tenant, t) for t in parsed.all())
        self.sdf.update((tenant, t) for t in parsed.title | parsed.text if t.isalpha())
        self.body_docs[(body_id, tenant)] += 1

    def batches(self, per_batch: int = 20_000) -> Iterator[Batch]:
        rng = self.rng
        n_bodies = len(self.bodies)
        per_body = self.shape.decisions / n_bodies
        meeting_id = item_id = decision_id = 0
        batch = Batch()
        days = (dt.date(2026, 11, 1) - dt.date(2015, 1, 1)).days
        for body_id, tenant, _name, _short in self.bodies:
            target = int(per_body) + (1 if rng.random() < per_body - int(per_body) else 0)
            made = 0
            while made < target:
                meeting_id += 1
                date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(days))
                batch.meetings.append((meeting_id, tenant, body_id, date))
                for position in range(1, rng.randint(6, 14) + 1):
                    if made >= target:
                        break
                    item_id += 1
                    title = rng.choice(self.m.titles)
                    if rng.random() < 0.3:
                        title = f"{title} {self.name()}"
                    sentences = rng.sample(self.m.sentences, rng.randint(2, 4))
                    if rng.random() < 0.5:
                        sentences.append(f"Arbetet i {self.name()} redovisades för gruppen.")
                    item_text = " ".join(sentences)
                    batch.items.append(
                        (item_id, tenant, body_id, meeting_id, position, title, item_text)
                    )
                    stored = self.stored([title], sentences)
                    rowid = doc_rowid(KIND_ITEM, item_id, date)
                    batch.docs.append(
                        (
                            rowid,
                            f"i{item_id}",
                            KIND_ITEM,
                            tenant,
                            body_id,
                            meeting_id,
                            item_id,
                            None,
                            date,
                            stored,
                        )
                    )
                    batch.naive.append((rowid, tenant, title, item_text))
                    self.count(tenant, body_id, stored)
                    for d_pos in range(1, rng.choice((1, 1, 1, 2, 2, 3)) + 1):
                        if made >= target:
                            break
                        made += 1
                        decision_id += 1
                        phrase = rng.choice(self.m.phrases)
                        clauses = [rng.choice(self.m.clauses) for _ in range(rng.choice((1, 1, 2)))]
                        if rng.random() < 0.5:
                            clauses.append(
                                f"ge {self.name()} i uppdrag att ta fram en {self.compound()}"
                            )
                        batch.decisions.append(
                            (
                                decision_id,
                                tenant,
                                item_id,
                                meeting_id,
                                d_pos,
                                phrase,
                                json.dumps(clauses, ensure_ascii=False),
                            )
                        )
                        stored = self.stored([title], [phrase, *clauses])
                        rowid = doc_rowid(KIND_DECISION, decision_id, date)
                        batch.docs.append(
                            (
                                rowid,
                                f"d{decision_id}",
                                KIND_DECISION,
                                tenant,
                                body_id,
                                meeting_id,
                                item_id,
                                decision_id,
                                date,
                                stored,
                            )
                        )
                        batch.naive.append((rowid, tenant, title, phrase + " " + " ".join(clauses)))
                        self.count(tenant, body_id, stored)
                if len(batch.docs) >= per_batch:
                    yield batch
                    batch = Batch()
        if batch.docs:
            yield batch


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


# --- loading -----------------------------------------------------------------------------------


def load_sqlite(path: Path, gen: Generator) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "CREATE VIRTUAL TABLE naive_fts USING fts5(title, body)"  # the naive anchor: defaults
    )
    now = NOW.replace(tzinfo=None).isoformat(" ")
    conn.executemany(
        "INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?)",
        [(t, t, now) for t in gen.tenants],
    )
    conn.executemany(
        "INSERT INTO body (id, tenant_id, name, name_key, short_name, short_key, numbering, sharing, form, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'per_year', 'body', 'protokoll', ?)",
        [(b, t, n, n.lower(), s, s.lower(), now) for b, t, n, s in gen.bodies],
    )
    for batch in gen.batches():
        conn.executemany(
            "INSERT INTO meeting (id, tenant_id, body_id, date, form, status, source, created_at) "
            "VALUES (?, ?, ?, ?, 'protokoll', 'justerat', 'import', ?)",
            [(m, t, b, d.isoformat(), now) for m, t, b, d in batch.meetings],
        )
        conn.executemany(
            "INSERT INTO item (id, tenant_id, body_id, meeting_id, is_paragraph, position, title, text, kind, status, confidential, created_at) "
            "VALUES (?, ?, ?, ?, 0, ?, ?, ?, 'beslut', 'behandlad', 0, ?)",
            [(*row, now) for row in batch.items],
        )
        conn.executemany(
            "INSERT INTO decision (id, tenant_id, item_id, meeting_id, position, phrase, clauses, status, source, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'valid', 'import', ?)",
            [(*row, now) for row in batch.decisions],
        )
        conn.executemany(
            "INSERT INTO search_doc (id, doc_key, kind, tenant_id, body_id, meeting_id, item_id, decision_id, meeting_date, confidential) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [(*row[:8], row[8].isoformat()) for row in batch.docs],
        )
        conn.executemany(
            "INSERT INTO search_doc_terms (id, terms) VALUES (?, ?)",
            [(row[0], row[9]) for row in batch.docs],
        )
        conn.executemany(
            "INSERT INTO search_fts (rowid, title, text, folded, scope) VALUES (?, ?, ?, ?, ?)",
            [(row[0], *fts_values_of_stored(row[9], row[3], row[4])) for row in batch.docs],
        )
        conn.executemany(
            "INSERT INTO naive_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(i, ti, tx) for i, _t, ti, tx in batch.naive],
        )
        conn.commit()
    conn.executemany(
        "INSERT INTO search_term (tenant_id, term, rev, df, sdf) VALUES (?, ?, ?, ?, ?)",
        [(t, term, term[::-1], n, gen.sdf.get((t, term), 0)) for (t, term), n in gen.df.items()],
    )
    conn.executemany(
        "INSERT INTO search_body_stats (body_id, tenant_id, docs) VALUES (?, ?, ?)",
        [(b, t, n) for (b, t), n in gen.body_docs.items()],
    )
    conn.commit()
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO naive_fts(naive_fts) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()


def _copy_rows(rows: list[tuple[Any, ...]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow(
            ["" if v is None else (v.isoformat() if isinstance(v, dt.date) else v) for v in row]
        )
    return buf.getvalue().encode("utf-8")


async def load_pg(url: str, gen: Generator) -> None:
    import asyncpg

    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(dsn)
    try:
        now = NOW
        await conn.executemany(
            "INSERT INTO tenant (id, name, created_at) VALUES ($1, $2, $3)",
            [(t, t, now) for t in gen.tenants],
        )
        await conn.executemany(
            "INSERT INTO body (id, tenant_id, name, name_key, short_name, short_key, numbering, sharing, form, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, 'per_year', 'body', 'protokoll', $7)",
            [(b, t, n, n.lower(), s, s.lower(), now) for b, t, n, s in gen.bodies],
        )
        await conn.execute(
            "CREATE UNLOGGED TABLE naive_raw (id bigint, tenant_id text, title text, body text)"
        )

        async def copy(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
            await conn.copy_to_table(
                table, source=io.BytesIO(_copy_rows(rows)), columns=columns, format="csv", null=""
            )

        stamp = now.isoformat()
        for batch in gen.batches():
            await copy(
                "meeting",
                ["id", "tenant_id", "body_id", "date", "form", "status", "source", "created_at"],
                [
                    (m, t, b, d, "protokoll", "justerat", "import", stamp)
                    for m, t, b, d in batch.meetings
                ],
            )
            await copy(
                "item",
                [
                    "id",
                    "tenant_id",
                    "body_id",
                    "meeting_id",
                    "is_paragraph",
                    "position",
                    "title",
                    "text",
                    "kind",
                    "status",
                    "confidential",
                    "created_at",
                ],
                [
                    (i, t, b, m, "f", p, ti, tx, "beslut", "behandlad", "f", stamp)
                    for i, t, b, m, p, ti, tx in batch.items
                ],
            )
            await copy(
                "decision",
                [
                    "id",
                    "tenant_id",
                    "item_id",
                    "meeting_id",
                    "position",
                    "phrase",
                    "clauses",
                    "status",
                    "source",
                    "recorded_at",
                ],
                [(*row, "valid", "import", stamp) for row in batch.decisions],
            )
            await copy(
                "search_doc",
                [
                    "id",
                    "doc_key",
                    "kind",
                    "tenant_id",
                    "body_id",
                    "meeting_id",
                    "item_id",
                    "decision_id",
                    "meeting_date",
                    "confidential",
                    "tsv",
                ],
                [(*row[:9], "f", tsvector_of_stored(row[9])) for row in batch.docs],
            )
            await copy(
                "search_doc_terms", ["id", "terms"], [(row[0], row[9]) for row in batch.docs]
            )
            await copy("naive_raw", ["id", "tenant_id", "title", "body"], batch.naive)
        await copy(
            "search_term",
            ["tenant_id", "term", "rev", "df", "sdf"],
            [
                (t, term, term[::-1], n, gen.sdf.get((t, term), 0))
                for (t, term), n in gen.df.items()
            ],
        )
        await copy(
            "search_body_stats",
            ["body_id", "tenant_id", "docs"],
            [(b, t, n) for (b, t), n in gen.body_docs.items()],
        )
        # The naive anchor: the `swedish` configuration over the raw text, GIN, as commonly done.
        await conn.execute(
            "CREATE TABLE naive_doc AS SELECT id, tenant_id, "
            "to_tsvector('swedish', coalesce(title, '') || ' ' || coalesce(body, '')) AS tsv FROM naive_raw"
        )
        await conn.execute("DROP TABLE naive_raw")
        await conn.execute("CREATE INDEX ix_naive_doc_tsv ON naive_doc USING gin (tsv)")
        await conn.execute("CREATE INDEX ix_naive_doc_tenant ON naive_doc (tenant_id)")
        for table in ("meeting", "item", "decision", "body", "tenant"):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))"
            ) if table != "tenant" else None
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


# --- questions ---------------------------------------------------------------------------------


def speed_questions(gen: Generator) -> list[str]:
    """~50 varied questions: rare and common words, inflections, compounds, English, filters,
    body names, and the people/date kinds."""
    names = gen.names
    body = gen.bodies[0]
    qs = json.loads((ROOT / "bench" / "questions.json").read_text(encoding="utf-8"))["speed"]
    fill = {
        "name1": names[0],
        "name10": names[9],
        "name100": names[99],
        "name1000": names[999],
        "name10000": names[9999],
        "short": body[3],
        "noun1": gen.m.nouns[5],
        "noun2": gen.m.nouns[300],
        "compound": gen.m.nouns[40] + gen.m.nouns[700],
    }
    return [q.format(**fill) for q in qs]


# --- measuring ---------------------------------------------------------------------------------


def _naive_words(question: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", question.lower()) if len(w) >= 2][:32]


async def naive_query(session: Any, dialect: str, tenant: str, question: str) -> list[Any]:
    words = _naive_words(question)
    if not words:
        return []
    if dialect == "sqlite":
        q = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        sql = (
            "SELECT d.id, bm25(naive_fts) AS r FROM naive_fts JOIN search_doc d ON d.id = naive_fts.rowid "
            "WHERE naive_fts MATCH :q AND d.tenant_id = :t ORDER BY r LIMIT 10"
        )
        return list((await session.execute(text(sql), {"q": q, "t": tenant})).all())
    sql = (
        "SELECT n.id, ts_rank(n.tsv, q) AS r FROM naive_doc n, "
        "CAST(replace(CAST(plainto_tsquery('swedish', :q) AS text), '&', '|') AS tsquery) q "
        "WHERE n.tsv @@ q AND n.tenant_id = :t ORDER BY r DESC LIMIT 10"
    )
    return list((await session.execute(text(sql), {"q": " ".join(words), "t": tenant})).all())


@dataclass
class Timings:
    ours: list[float] = field(default_factory=list)
    naive: list[float] = field(default_factory=list)
    plans: Counter[str] = field(default_factory=Counter)
    answered: int = 0
    per_question: dict[str, list[float]] = field(default_factory=dict)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[k]


async def measure(
    url: str, tenant: str, questions: list[str], repeats: int
) -> tuple[Timings, dict[str, str]]:
    db = Database(url)
    timings = Timings()
    settings: dict[str, str] = {}
    try:
        async with db.transaction() as session:
            if db.dialect == "sqlite":
                for pragma in ("journal_mode", "synchronous", "cache_size", "mmap_size"):
                    settings[pragma] = str(
                        (await session.execute(text(f"PRAGMA {pragma}"))).scalar()
                    )
                settings["sqlite"] = sqlite3.sqlite_version
            else:
                for name in (
                    "work_mem",
                    "shared_buffers",
                    "effective_cache_size",
                    "random_page_cost",
                    "jit",
                ):
                    settings[name] = str((await session.execute(text(f"SHOW {name}"))).scalar())
                settings["server"] = str(
                    (await session.execute(text("SHOW server_version"))).scalar()
                )
        for round_ in range(repeats + 1):  # the first round warms caches and is not counted
            for question in questions:
                async with db.transaction() as session:
                    turn = TurnInput(
                        tenant_id=tenant,
                        conversation_id="bench",
                        conversation_type=None,
                        speaker=None,
                        source="console",
                        now=NOW,
                    )
                    ctx = CommandContext(session, turn, lang=detect_language(question))
                    ctx.cache["ask_scope"] = {"body_ids": None, "confidential": False}
                    t0 = time.perf_counter()
                    answer = await ask(ctx, question)
                    ours = time.perf_counter() - t0
                    t0 = time.perf_counter()
                    await naive_query(session, db.dialect, tenant, question)
                    naive = time.perf_counter() - t0
                if round_:
                    timings.ours.append(ours * 1000)
                    timings.naive.append(naive * 1000)
                    timings.plans[answer.plan or "intent"] += 1
                    timings.per_question.setdefault(question, []).append(ours * 1000)
                    timings.answered += bool(answer.hits)
    finally:
        await db.dispose()
    return timings, settings


# --- main --------------------------------------------------------------------------------------


async def _fresh_pg(base_url: str, name: str) -> str:
    import asyncpg

    admin = base_url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return base_url.rsplit("/", 1)[0] + "/" + name


async def run_one(
    engine: str, shape: Shape, args: argparse.Namespace, material: Material
) -> dict[str, Any]:
    gen = Generator(shape, material, args.seed)
    label = f"{engine}/{shape.name}"
    t0 = time.perf_counter()
    if engine == "sqlite":
        workdir = Path(args.workdir or tempfile.mkdtemp(prefix="ask-bench-"))
        workdir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 (bench set-up, nothing else runs)
        path = workdir / f"{shape.name}-{shape.decisions}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)  # noqa: ASYNC240
        url = f"sqlite+aiosqlite:///{path}"
        await upgrade(url)
        await asyncio.to_thread(load_sqlite, path, gen)
    else:
        url = await _fresh_pg(args.pg_url, f"ask_bench_{shape.name}")
        await upgrade(url)
        await load_pg(url, gen)
    built = time.perf_counter() - t0
    docs = sum(gen.body_docs.values())
    tenant = gen.tenants[0]
    tenant_docs = sum(n for (_b, t), n in gen.body_docs.items() if t == tenant)
    print(
        f"[{label}] built {docs:,} documents ({shape.decisions:,} decisions) in {built:.0f} s; "
        f"tenant {tenant} has {tenant_docs:,}",
        flush=True,
    )
    questions = speed_questions(gen)
    timings, settings = await measure(url, tenant, questions, args.repeats)
    if engine == "sqlite" and not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)  # noqa: ASYNC240
        if not args.workdir:
            workdir.rmdir()  # noqa: ASYNC240
    return {
        "engine": engine,
        "shape": shape.name,
        "decisions": shape.decisions,
        "documents": docs,
        "tenant_documents": tenant_docs,
        "questions": len(questions),
        "answered": timings.answered / max(1, args.repeats),
        "ours_p50": statistics.median(timings.ours),
        "ours_p95": pct(timings.ours, 95),
        "naive_p50": statistics.median(timings.naive),
        "naive_p95": pct(timings.naive, 95),
        "plans": dict(timings.plans),
        "slowest": sorted(((max(v), q) for q, v in timings.per_question.items()), reverse=True)[:5],
        "settings": settings,
        "build_s": built,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--decisions", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--shapes", default="national,stress")
    parser.add_argument("--repeats", type=int, default=3, help="timed rounds over the questions")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_DEFAULT))
    parser.add_argument("--workdir", help="where the SQLite files go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite files")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    shapes = {
        "national": Shape("national", tenants=20, bodies=300, decisions=args.decisions),
        "stress": Shape("stress", tenants=1, bodies=300, decisions=args.decisions),
    }
    material = load_material()
    print(
        f"material: {len(material.titles)} titles, {len(material.sentences)} sentences, "
        f"{len(material.clauses)} clauses from {SEEDS}",
        flush=True,
    )
    results = []
    for shape_name in args.shapes.split(","):
        for engine in args.engines.split(","):
            results.append(
                asyncio.run(run_one(engine.strip(), shapes[shape_name.strip()], args, material))
            )
    print()
    print(
        f"{'engine':<9} {'shape':<9} {'docs':>10} {'tenant':>9} {'ours p50':>9} {'ours p95':>9} "
        f"{'naive p50':>10} {'naive p95':>10} {'p95 ratio':>9}  target"
    )
    for r in results:
        ratio = r["ours_p95"] / r["naive_p95"] if r["naive_p95"] else float("nan")
        if r["shape"] == "stress":
            target = "≤ 0.25" if r["engine"] == "sqlite" else "≤ 0.10"
            ok = ratio <= (0.25 if r["engine"] == "sqlite" else 0.10)
        else:
            target, ok = "≤ 1.00", ratio <= 1.0
        print(
            f"{r['engine']:<9} {r['shape']:<9} {r['documents']:>10,} {r['tenant_documents']:>9,} "
            f"{r['ours_p50']:>7.1f}ms {r['ours_p95']:>7.1f}ms {r['naive_p50']:>8.1f}ms {r['naive_p95']:>8.1f}ms "
            f"{ratio:>9.3f}  {target} {'ok' if ok else 'MISSED'}"
        )
    print()
    for r in results:
        print(
            f"{r['engine']}/{r['shape']}: settings {r['settings']}; plans {r['plans']}; "
            f"questions answered {r['answered']:.0f}/{r['questions']}; built in {r['build_s']:.0f} s"
        )
        print("    slowest (ours): " + "; ".join(f"{ms:.0f} ms {q!r}" for ms, q in r["slowest"]))
    if args.json:
        Path(args.json).write_text(
            json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
