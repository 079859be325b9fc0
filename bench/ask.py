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
import subprocess
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

import numpy as np  # noqa: E402
from sqlalchemy import text  # noqa: E402

from dialogs.ask import ask  # noqa: E402
from dialogs.context import CommandContext, TurnInput  # noqa: E402
from dialogs.router import detect_language  # noqa: E402
from storage import passages as P  # noqa: E402
from storage import vector_store, vectors  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.passage_text import passage_terms  # noqa: E402
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
    passages: list[list[Any]] = field(
        default_factory=list
    )  # ask_passage rows (see PASSAGE_COLUMNS)
    terms: list[tuple[int, str, str, str]] = field(
        default_factory=list
    )  # passage, term, rterm, tenant
    blocks: list[tuple[Any, ...]] = field(default_factory=list)  # full ask_vec_block rows


PASSAGE_COLUMNS = [
    "id",
    "tenant_id",
    "body_id",
    "meeting_id",
    "item_id",
    "decision_id",
    "meeting_date",
    "kind",
    "label",
    "title",
    "standing",
    "confidential",
    "position",
    "text",
    "text_hash",
    "vec",
    "vec_scale",
    "sig",
]
BLOCK_COLUMNS = [
    "tenant_id",
    "body_id",
    "confidential",
    "n",
    "dead",
    "ids",
    "days",
    "sigs",
    "codes",
    "scales",
]


class Generator:
    def __init__(self, shape: Shape, material: Material, seed: int, passages: bool = True) -> None:
        self.shape = shape
        self.with_passages = passages
        self.passage_id = 0
        self.passage_count = 0
        self.term_count = 0
        # Synthetic unit vectors of the model's size: embedding a million passages takes hours
        # here (quality is measured on real vectors, by bench/ask_quality.py).
        self.vec_rng = np.random.default_rng(seed)
        self.open_blocks: dict[tuple[str, int], list[tuple[int, int, bytes, bytes, float]]] = {}
        self._word_terms: dict[str, list[str]] = {}
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
        for body_id, tenant, body_name, _short in self.bodies:
            target = int(per_body) + (1 if rng.random() < per_body - int(per_body) else 0)
            made = 0
            while made < target:
                meeting_id += 1
                date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(days))
                batch.meetings.append((meeting_id, tenant, body_id, date))
                self.passage(
                    batch,
                    tenant,
                    body_id,
                    meeting_id,
                    None,
                    None,
                    date,
                    P.MOTESFAKTA,
                    f"Mötet hölls {date.isoformat()} ({P.long_date(date)}).",
                    body_name,
                    "justerat",
                    0,
                )
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
                    for n, para in enumerate(P.split_paragraphs(item_text)):
                        self.passage(
                            batch,
                            tenant,
                            body_id,
                            meeting_id,
                            item_id,
                            None,
                            date,
                            P.DISKUSSION,
                            para,
                            title,
                            "behandlad",
                            n,
                        )
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
                        self.passage(
                            batch,
                            tenant,
                            body_id,
                            meeting_id,
                            item_id,
                            decision_id,
                            date,
                            P.BESLUT,
                            P.decision_text(phrase, clauses, None),
                            title,
                            "valid",
                            d_pos - 1,
                        )
                        self.count(tenant, body_id, stored)
                if len(batch.docs) >= per_batch:
                    self.vectorise(batch)
                    yield batch
                    batch = Batch()
        if batch.docs:
            self.vectorise(batch)
            self.close_blocks(batch)
            yield batch

    def passage(
        self,
        batch: Batch,
        tenant: str,
        body_id: int,
        meeting_id: int,
        item_id: int | None,
        decision_id: int | None,
        date: dt.date,
        kind: str,
        text_: str,
        title: str | None,
        standing: str,
        position: int,
    ) -> None:
        """One ask_passage row and its terms, as storage.passages writes them for this record
        (no § labels: the synthetic items have no numbers)."""
        if not self.with_passages:
            return
        self.passage_id += 1
        pid = self.passage_id
        row = P.PassageRow(
            tenant, body_id, meeting_id, date, kind, text_, item_id, decision_id, None, title
        )
        search_text = row.search_text()
        batch.passages.append(
            [
                pid,
                tenant,
                body_id,
                meeting_id,
                item_id,
                decision_id,
                date,
                kind,
                None,
                title,
                standing,
                False,
                position,
                text_,
                P._hash(search_text),
                None,
                None,
                None,
            ]
        )
        terms = [t for t in self.passage_terms(search_text) if len(t) <= 64]
        batch.terms.extend((pid, t, t[::-1], tenant) for t in terms)
        self.passage_count += 1
        self.term_count += len(terms)

    def passage_terms(self, text_: str) -> list[str]:
        """storage.passage_text.passage_terms, a word at a time from a cache: a word's terms do
        not depend on its neighbours, so the union over the words is the same list."""
        cache = self._word_terms
        out: dict[str, None] = {}
        for word in text_.split():
            found = cache.get(word)
            if found is None:
                found = passage_terms(word)
                if len(cache) < 2_000_000:
                    cache[word] = found
            out.update(dict.fromkeys(found))
        return list(out)

    def vectorise(self, batch: Batch) -> None:
        """Synthetic unit vectors for the batch's passages, coded as storage.vectors codes
        them, and their signatures packed into blocks as storage.vector_store packs them."""
        if not batch.passages:
            return
        dim = int(vectors.settings()["dim"])
        vecs = self.vec_rng.standard_normal((len(batch.passages), dim), dtype=np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        for row, (vec, scale, sig) in zip(batch.passages, vectors.codes(vecs), strict=True):
            row[15], row[16], row[17] = vec, scale, sig
            key = (row[1], row[2])
            entries = self.open_blocks.setdefault(key, [])
            entries.append((row[0], row[6].toordinal(), sig, vec, scale))
            if len(entries) == vector_store.BLOCK:
                batch.blocks.append(_block_row(key, entries))
                self.open_blocks[key] = []

    def close_blocks(self, batch: Batch) -> None:
        for key, entries in sorted(self.open_blocks.items()):
            if entries:
                batch.blocks.append(_block_row(key, entries))
        self.open_blocks = {}


def _block_row(
    key: tuple[str, int], entries: list[tuple[int, int, bytes, bytes, float]]
) -> tuple[Any, ...]:
    return (
        key[0],
        key[1],
        False,
        len(entries),
        0,
        np.array([e[0] for e in entries], dtype="<i4").tobytes(),
        np.array([e[1] for e in entries], dtype="<i4").tobytes(),
        b"".join(e[2] for e in entries),
        b"".join(e[3] for e in entries),
        np.array([e[4] for e in entries], dtype="<f4").tobytes(),
    )


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


# --- loading -----------------------------------------------------------------------------------


TERM_INDEXES = {
    "ix_ask_passage_term_postings": "ask_passage_term (tenant_id, term, passage_id)",
    "ix_ask_passage_term_tenant_rterm": "ask_passage_term (tenant_id, rterm)",
}


class SqliteLoader:
    """Writes the generator's batches into a migrated SQLite file (plus the naive FTS5 table)."""

    def __init__(self, path: Path, gen: Generator) -> None:
        self.gen = gen
        self.conn = conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(
            "CREATE VIRTUAL TABLE naive_fts USING fts5(title, body)"  # the naive anchor: defaults
        )
        for name in TERM_INDEXES:  # built once at the end: faster than 40M random inserts
            conn.execute(f"DROP INDEX {name}")
        self.now = now = NOW.replace(tzinfo=None).isoformat(" ")
        conn.executemany(
            "INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?)",
            [(t, t, now) for t in gen.tenants],
        )
        conn.executemany(
            "INSERT INTO body (id, tenant_id, name, name_key, short_name, short_key, numbering, sharing, form, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'per_year', 'body', 'protokoll', ?)",
            [(b, t, n, n.lower(), s, s.lower(), now) for b, t, n, s in gen.bodies],
        )

    def add(self, batch: Batch) -> None:
        conn, now = self.conn, self.now
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
        marks = ", ".join("?" for _ in PASSAGE_COLUMNS)
        conn.executemany(
            f"INSERT INTO ask_passage ({', '.join(PASSAGE_COLUMNS)}) VALUES ({marks})",
            [[*r[:6], r[6].isoformat(), *r[7:]] for r in batch.passages],
        )
        conn.executemany(
            "INSERT INTO ask_passage_term (passage_id, term, rterm, tenant_id) VALUES (?, ?, ?, ?)",
            batch.terms,
        )
        marks = ", ".join("?" for _ in BLOCK_COLUMNS)
        conn.executemany(
            f"INSERT INTO ask_vec_block ({', '.join(BLOCK_COLUMNS)}) VALUES ({marks})",
            batch.blocks,
        )
        conn.commit()

    def finish(self) -> None:
        conn, gen = self.conn, self.gen
        conn.executemany(
            "INSERT INTO search_term (tenant_id, term, rev, df, sdf) VALUES (?, ?, ?, ?, ?)",
            [
                (t, term, term[::-1], n, gen.sdf.get((t, term), 0))
                for (t, term), n in gen.df.items()
            ],
        )
        conn.executemany(
            "INSERT INTO search_body_stats (body_id, tenant_id, docs) VALUES (?, ?, ?)",
            [(b, t, n) for (b, t), n in gen.body_docs.items()],
        )
        conn.commit()
        for name, on in TERM_INDEXES.items():
            conn.execute(f"CREATE INDEX {name} ON {on}")
        conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        conn.execute("INSERT INTO naive_fts(naive_fts) VALUES ('optimize')")
        conn.execute("ANALYZE")
        conn.commit()
        conn.close()


def _copy_rows(rows: list[Any]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow([_copy_value(v) for v in row])
    return buf.getvalue().encode("utf-8")


def _copy_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bytes):
        return "\\x" + v.hex()  # bytea in hex form
    if isinstance(v, bool):
        return "t" if v else "f"
    return v


class PgLoader:
    """Writes the generator's batches into a migrated PostgreSQL database with COPY."""

    def __init__(self, url: str, gen: Generator) -> None:
        self.dsn = url.replace("postgresql+asyncpg://", "postgresql://")
        self.gen = gen
        self.conn: Any = None

    async def start(self) -> None:
        import asyncpg

        self.conn = conn = await asyncpg.connect(self.dsn)
        gen = self.gen
        await conn.executemany(
            "INSERT INTO tenant (id, name, created_at) VALUES ($1, $2, $3)",
            [(t, t, NOW) for t in gen.tenants],
        )
        await conn.executemany(
            "INSERT INTO body (id, tenant_id, name, name_key, short_name, short_key, numbering, sharing, form, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, 'per_year', 'body', 'protokoll', $7)",
            [(b, t, n, n.lower(), s, s.lower(), NOW) for b, t, n, s in gen.bodies],
        )
        await conn.execute(
            "CREATE UNLOGGED TABLE naive_raw (id bigint, tenant_id text, title text, body text)"
        )
        for name in TERM_INDEXES:
            await conn.execute(f"DROP INDEX {name}")

    async def copy(self, table: str, columns: list[str], rows: list[Any]) -> None:
        if rows:
            await self.conn.copy_to_table(
                table, source=io.BytesIO(_copy_rows(rows)), columns=columns, format="csv", null=""
            )

    async def add(self, batch: Batch) -> None:
        stamp = NOW.isoformat()
        copy = self.copy
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
        await copy("search_doc_terms", ["id", "terms"], [(row[0], row[9]) for row in batch.docs])
        await copy("naive_raw", ["id", "tenant_id", "title", "body"], batch.naive)
        await copy("ask_passage", PASSAGE_COLUMNS, batch.passages)
        await copy("ask_passage_term", ["passage_id", "term", "rterm", "tenant_id"], batch.terms)
        await copy("ask_vec_block", BLOCK_COLUMNS, batch.blocks)

    async def finish(self) -> None:
        conn, gen = self.conn, self.gen
        try:
            await self.copy(
                "search_term",
                ["tenant_id", "term", "rev", "df", "sdf"],
                [
                    (t, term, term[::-1], n, gen.sdf.get((t, term), 0))
                    for (t, term), n in gen.df.items()
                ],
            )
            await self.copy(
                "search_body_stats",
                ["body_id", "tenant_id", "docs"],
                [(b, t, n) for (b, t), n in gen.body_docs.items()],
            )
            for name, on in TERM_INDEXES.items():
                await conn.execute(f"CREATE INDEX {name} ON {on}")
            # The naive anchor: the `swedish` configuration over the raw text, GIN, as commonly done.
            await conn.execute(
                "CREATE TABLE naive_doc AS SELECT id, tenant_id, "
                "to_tsvector('swedish', coalesce(title, '') || ' ' || coalesce(body, '')) AS tsv FROM naive_raw"
            )
            await conn.execute("DROP TABLE naive_raw")
            await conn.execute("CREATE INDEX ix_naive_doc_tsv ON naive_doc USING gin (tsv)")
            await conn.execute("CREATE INDEX ix_naive_doc_tenant ON naive_doc (tenant_id)")
            for table in ("meeting", "item", "decision", "body", "ask_passage", "ask_vec_block"):
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
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
    url: str,
    tenant: str,
    questions: list[str],
    repeats: int,
    *,
    ours: bool = True,
    naive: bool = True,
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
                    answer = None
                    took_ours = took_naive = 0.0
                    if ours:
                        t0 = time.perf_counter()
                        answer = await ask(ctx, question)
                        took_ours = time.perf_counter() - t0
                    if naive:
                        t0 = time.perf_counter()
                        await naive_query(session, db.dialect, tenant, question)
                        took_naive = time.perf_counter() - t0
                if round_:
                    timings.ours.append(took_ours * 1000)
                    timings.naive.append(took_naive * 1000)
                    if answer is not None:
                        timings.plans[answer.plan or "intent"] += 1
                        timings.answered += bool(answer.hits)
                    timings.per_question.setdefault(question, []).append(took_ours * 1000)
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


def _marker(shape: Shape, args: argparse.Namespace) -> str:
    """What an archive was built from: --reuse takes a file or database only if this matches."""
    return (
        f"bench/ask.py v3 shape={shape.name} tenants={shape.tenants} bodies={shape.bodies} "
        f"decisions={shape.decisions} seed={args.seed} passages={not args.no_passages}"
    )


async def _read_marker(url: str) -> str | None:
    db = Database(url)
    try:
        async with db.read() as session:
            return str((await session.execute(text("SELECT value FROM bench_meta"))).scalar())
    except Exception:
        return None
    finally:
        await db.dispose()


async def _write_marker(url: str, marker: str) -> None:
    db = Database(url)
    try:
        async with db.transaction() as session:
            await session.execute(text("CREATE TABLE bench_meta (value TEXT)"))
            await session.execute(text("INSERT INTO bench_meta (value) VALUES (:v)"), {"v": marker})
    finally:
        await db.dispose()


async def _pg_exists(base_url: str, name: str) -> bool:
    import asyncpg

    conn = await asyncpg.connect(base_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return bool(await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name))
    finally:
        await conn.close()


async def build(
    shape: Shape, engines: list[str], args: argparse.Namespace, gen: Generator
) -> tuple[dict[str, str], dict[str, float]]:
    """The archive of one shape on each engine, from one pass of the generator (or reused)."""
    marker = _marker(shape, args)
    urls: dict[str, str] = {}
    built: dict[str, float] = {}
    sqlite_loader: SqliteLoader | None = None
    pg_loader: PgLoader | None = None
    t0 = time.perf_counter()
    for engine in engines:
        if engine == "sqlite":
            workdir = Path(args.workdir or tempfile.mkdtemp(prefix="ask-bench-"))
            workdir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 (bench set-up)
            args.workdir = str(workdir)
            path = workdir / f"{shape.name}-{shape.decisions}.db"
            url = f"sqlite+aiosqlite:///{path}"
            urls[engine] = url
            if args.reuse and path.exists() and await _read_marker(url) == marker:
                print(f"[sqlite/{shape.name}] reusing {path}", flush=True)
                await upgrade(url)  # a reused archive is brought to the current schema
                continue
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)  # noqa: ASYNC240
            await upgrade(url)
            sqlite_loader = SqliteLoader(path, gen)
        else:
            name = f"ask_bench_{shape.name}"
            url = args.pg_url.rsplit("/", 1)[0] + "/" + name
            urls[engine] = url
            if (
                args.reuse
                and await _pg_exists(args.pg_url, name)
                and await _read_marker(url) == marker
            ):
                print(f"[postgres/{shape.name}] reusing database {name}", flush=True)
                await upgrade(url)
                continue
            url = await _fresh_pg(args.pg_url, name)
            await upgrade(url)
            pg_loader = PgLoader(url, gen)
            await pg_loader.start()
    if sqlite_loader is None and pg_loader is None:
        return urls, built
    # One pass: SQLite writes in a thread while PostgreSQL copies (its server is another process).
    for batch in gen.batches():
        jobs: list[Any] = []
        if sqlite_loader is not None:
            jobs.append(asyncio.to_thread(sqlite_loader.add, batch))
        if pg_loader is not None:
            jobs.append(pg_loader.add(batch))
        await asyncio.gather(*jobs)
    generated = time.perf_counter() - t0
    if sqlite_loader is not None:
        t1 = time.perf_counter()
        await asyncio.to_thread(sqlite_loader.finish)
        await _write_marker(urls["sqlite"], marker)
        built["sqlite"] = generated + time.perf_counter() - t1
    if pg_loader is not None:
        t1 = time.perf_counter()
        await pg_loader.finish()
        await _write_marker(urls["postgres"], marker)
        built["postgres"] = generated + time.perf_counter() - t1
    return urls, built


async def archive_counts(url: str, tenant: str) -> dict[str, int]:
    db = Database(url)
    out: dict[str, int] = {}
    try:
        async with db.read() as session:
            for key, sql in (
                ("documents", "SELECT count(*) FROM search_doc"),
                ("tenant_documents", "SELECT count(*) FROM search_doc WHERE tenant_id = :t"),
                ("passages", "SELECT count(*) FROM ask_passage"),
                ("tenant_passages", "SELECT count(*) FROM ask_passage WHERE tenant_id = :t"),
                (
                    "tenant_vectors",
                    "SELECT coalesce(sum(n), 0) FROM ask_vec_block WHERE tenant_id = :t",
                ),
                ("terms", "SELECT count(*) FROM ask_passage_term"),
            ):
                out[key] = int((await session.execute(text(sql), {"t": tenant})).scalar() or 0)
    finally:
        await db.dispose()
    return out


def probe_rss(url: str, tenant: str, mode: str) -> dict[str, Any]:
    """Peak RSS of a fresh process that imports the bot's service and answers every speed
    question over the archive: `ours` through the answer path (model, passages, vectors), the
    anchor `naive` with the naive query only. Read from /proc/self/status (VmHWM)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--probe", mode, "--probe-url", url]
    cmd += ["--probe-tenant", tenant]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"probe {mode} failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _vm(field_: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_ + ":"):
            return int(line.split()[1])
    return 0


async def _probe(args: argparse.Namespace) -> dict[str, Any]:
    import bot.app  # noqa: F401  (the service's own imports, as the bot process has them)

    material = load_material()
    gen = Generator(Shape("probe", 1, 300, 0), material, args.seed)
    questions = speed_questions(gen)
    before = _vm("VmRSS")
    t0 = time.perf_counter()
    if args.probe == "ours":
        timings, _ = await measure(args.probe_url, args.probe_tenant, questions, 1, naive=False)
        answered = timings.answered
    else:
        timings, _ = await measure(args.probe_url, args.probe_tenant, questions, 1, ours=False)
        answered = 0
    return {
        "mode": args.probe,
        "vm_hwm_kb": _vm("VmHWM"),
        "vm_rss_kb": _vm("VmRSS"),
        "rss_before_questions_kb": before,
        "model_loaded": vectors.Model._model is not None,
        "answered": answered,
        "seconds": time.perf_counter() - t0,
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
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the archive already in --workdir / the bench database when it was built "
        "with the same shape, size and seed (implies --keep)",
    )
    parser.add_argument(
        "--no-passages", action="store_true", help="the archive without passages and vectors"
    )
    parser.add_argument(
        "--rss", action="store_true", help="also the peak RSS of a process answering on SQLite"
    )
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--probe", choices=("ours", "naive"), help=argparse.SUPPRESS)
    parser.add_argument("--probe-url", help=argparse.SUPPRESS)
    parser.add_argument("--probe-tenant", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(asyncio.run(_probe(args))))
        return 0
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
    if not args.no_passages:
        print(
            "passages: as storage.passages writes them (decisions, item text, meeting facts); "
            f"vectors: synthetic random unit vectors of the model's size "
            f"({vectors.settings()['dim']}), int8 codes and 1-bit signatures packed as "
            "storage.vector_store packs them; questions are embedded by the real model",
            flush=True,
        )
    # "postgresql" is the engine's own name; the archive is keyed "postgres".
    engines = [
        {"postgresql": "postgres"}.get(e.strip(), e.strip()) for e in args.engines.split(",")
    ]
    unknown = [e for e in engines if e not in ("sqlite", "postgres")]
    if unknown:
        parser.error(f"--engines: unknown {', '.join(unknown)} (sqlite, postgres)")
    results = []
    rss: list[dict[str, Any]] = []
    for shape_name in args.shapes.split(","):
        shape = shapes[shape_name.strip()]
        gen = Generator(shape, material, args.seed, passages=not args.no_passages)
        urls, built = asyncio.run(build(shape, engines, args, gen))
        tenant = gen.tenants[0]
        questions = speed_questions(gen)
        for engine in engines:
            counts = asyncio.run(archive_counts(urls[engine], tenant))
            print(
                f"[{engine}/{shape.name}] {counts['documents']:,} documents "
                f"({shape.decisions:,} decisions), {counts['passages']:,} passages, "
                f"{counts['terms']:,} passage terms"
                + (f", built in {built[engine]:.0f} s" if engine in built else " (reused)")
                + f"; tenant {tenant} has {counts['tenant_documents']:,} documents, "
                f"{counts['tenant_passages']:,} passages, {counts['tenant_vectors']:,} vectors",
                flush=True,
            )
            timings, settings = asyncio.run(measure(urls[engine], tenant, questions, args.repeats))
            results.append(
                {
                    "engine": engine,
                    "shape": shape.name,
                    "decisions": shape.decisions,
                    **counts,
                    "questions": len(questions),
                    "answered": timings.answered / max(1, args.repeats),
                    "ours_p50": statistics.median(timings.ours),
                    "ours_p95": pct(timings.ours, 95),
                    "naive_p50": statistics.median(timings.naive),
                    "naive_p95": pct(timings.naive, 95),
                    "plans": dict(timings.plans),
                    "slowest": sorted(
                        ((max(v), q) for q, v in timings.per_question.items()), reverse=True
                    )[:5],
                    "settings": settings,
                    "build_s": built.get(engine),
                }
            )
            if args.rss and engine == "sqlite":
                for mode in ("naive", "ours"):
                    probe = probe_rss(urls[engine], tenant, mode)
                    rss.append({"shape": shape.name, **probe})
                    print(f"[sqlite/{shape.name}] rss probe {probe}", flush=True)
        if "sqlite" in urls and not (args.keep or args.reuse):
            path = Path(urls["sqlite"].split("///", 1)[1])
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
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
            f"questions answered {r['answered']:.0f}/{r['questions']}; "
            + (f"built in {r['build_s']:.0f} s" if r["build_s"] else "reused")
        )
        print("    slowest (ours): " + "; ".join(f"{ms:.0f} ms {q!r}" for ms, q in r["slowest"]))
    if rss:
        print()
        print(
            "peak RSS (VmHWM) of a fresh process importing the bot and asking the questions once:"
        )
        by = {(r["shape"], r["mode"]): r for r in rss}
        for shape_name in args.shapes.split(","):
            ours, anchor = by.get((shape_name, "ours")), by.get((shape_name, "naive"))
            if not ours or not anchor:
                continue
            mb = ours["vm_hwm_kb"] / 1024
            print(
                f"  sqlite/{shape_name}: ours {mb:.0f} MB (model loaded: {ours['model_loaded']}), "
                f"anchor (naive query only) {anchor['vm_hwm_kb'] / 1024:.0f} MB, ratio "
                f"{ours['vm_hwm_kb'] / anchor['vm_hwm_kb']:.2f}; limit 300 MB "
                f"{'ok' if mb <= 300 else 'MISSED'}"
            )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"speed": results, "rss": rss}, indent=2, ensure_ascii=False),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
