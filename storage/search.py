"""The search index over items, decisions and imported meeting text, on SQLite and PostgreSQL.

One row per decision, per item and per meeting with unstructured imported text (`search_doc`),
carrying tenant, body, meeting, item, decision, meeting date, kind and the sekretess flag. The
terms come from our own analyzer (storage.search_text) on both engines:

- SQLite: an FTS5 table (`search_fts`, contentless, `remove_diacritics 0`) with the columns
  title, text, folded (the copies without å/ä/ö) and scope (a tenant and a body token, so a
  scoped question is an intersection inside FTS5);
- PostgreSQL: `search_doc.tsv`, a tsvector built from the same terms (weights A title, B text,
  C folded) with a GIN index. We build it from our terms rather than with `to_tsvector('swedish')`:
  the `swedish` configuration would stem our stems again, drop its own stop words and split
  F-ACT into 'f-act','f','act' — the pitfalls we measured (../shared/BOTBUILDER.md).

A document's rowid encodes its meeting date (days since year 1, shifted left 33 bits), so "newest
first" is rowid order on both engines, and on FTS5 a date range is a rowid range.

`search_doc_terms` keeps each row's analyzed terms (read for the rerank of the best candidates
and to keep FTS5 and the vocabulary right on change). `search_term` keeps each tenant's
vocabulary with document frequencies: query planning (rare terms drive the engine's ranking,
common ones only rerank), compound expansion against the corpus's own words, and suggestions
when nothing is found. `search_body_stats` counts documents per body.

Plans (search()): when the question has a rare word, the engine ranks its few postings (FTS5
bm25, ts_rank) and our rerank orders them; when every word is common, the newest matches come
first — FTS5 walks its doclists in rowid order, PostgreSQL walks the date index a bounded way
and asks the GIN index only when that comes short. The final order is ours, the same on both
engines: share of the question's words (idf-weighted), all-words bonus, exact diacritics and
title before folded and text, decisions before discussion, then newer.

The index follows every write: ORM session events collect changed Items, Decisions, notes and
Meetings before a flush and rewrite their rows after it, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import logging
import math
import time
import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    event,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from storage.models import Decision, DecisionNote, Item, Meeting, utcnow
from storage.search_text import (
    DocTerms,
    QueryWord,
    StoredTerms,
    doc_terms,
    fold,
    query_words,
    stem,
)

logger = logging.getLogger(__name__)

KIND_ITEM = "item"
KIND_DECISION = "decision"
KIND_MEETING = "meeting"
_KIND_CODE = {KIND_ITEM: 0, KIND_DECISION: 1, KIND_MEETING: 2}
_ENTITY_BITS = 31
_KIND_SHIFT = _ENTITY_BITS
_DATE_SHIFT = 33

# Tables of the index (created by migration 0002). Their own metadata: they are plumbing of
# this module, not part of the record's models.
search_metadata = MetaData()

search_doc = Table(
    "search_doc",
    search_metadata,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("doc_key", String(40), nullable=False, unique=True),
    Column("kind", String(10), nullable=False),
    Column("tenant_id", String(64), nullable=False),
    Column("body_id", Integer, nullable=False),
    Column("meeting_id", Integer, nullable=False),
    Column("item_id", Integer),
    Column("decision_id", Integer),
    Column("meeting_date", Date, nullable=False),
    Column("confidential", Boolean, nullable=False, default=False),
    Index("ix_search_doc_tenant_id_id", "tenant_id", "id"),
    Index("ix_search_doc_body_id_id", "body_id", "id"),
    Index("ix_search_doc_item_id", "item_id"),
    Index("ix_search_doc_meeting_id", "meeting_id"),
)

# The analyzed terms of each row, apart from search_doc so that filtering and ranking read slim
# rows; only the best candidates' terms are read, for the rerank.
search_doc_terms = Table(
    "search_doc_terms",
    search_metadata,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("terms", Text, nullable=False),
)

search_term = Table(
    "search_term",
    search_metadata,
    Column("tenant_id", String(64), primary_key=True),
    Column("term", String(64), primary_key=True),
    Column("rev", String(64), nullable=False),
    Column("df", Integer, nullable=False),
    Column("sdf", Integer, nullable=False),
    Index("ix_search_term_tenant_id_rev", "tenant_id", "rev", "term", "df"),
    Index("ix_search_term_tenant_id_term", "tenant_id", "term", "df"),
)

search_body_stats = Table(
    "search_body_stats",
    search_metadata,
    Column("body_id", Integer, primary_key=True),
    Column("tenant_id", String(64), nullable=False),
    Column("docs", Integer, nullable=False),
)

ask_state = Table(
    "ask_state",
    search_metadata,
    Column("tenant_id", String(64), primary_key=True),
    Column("conversation_id", String(400), primary_key=True),
    Column("speaker_key", String(400), primary_key=True),
    Column("question", Text, nullable=False),
    Column("lang", String(5), nullable=False),
    Column("shown", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


def doc_rowid(kind: str, entity_id: int, meeting_date: dt.date) -> int:
    """Row id = meeting date, kind and entity: rowid order is newest-first order."""
    if entity_id >= 1 << _ENTITY_BITS:
        raise ValueError("entity id too large for the search index")
    return (meeting_date.toordinal() << _DATE_SHIFT) | (_KIND_CODE[kind] << _KIND_SHIFT) | entity_id


def date_rowid_range(
    date_from: dt.date | None, date_to: dt.date | None
) -> tuple[int | None, int | None]:
    lo = (date_from.toordinal() << _DATE_SHIFT) if date_from else None
    hi = (((date_to.toordinal() + 1) << _DATE_SHIFT) - 1) if date_to else None
    return lo, hi


# --- documents ---------------------------------------------------------------------------------


@dataclass
class DocRow:
    """One row of the index, as it should be."""

    kind: str
    entity_id: int
    tenant_id: str
    body_id: int
    meeting_id: int
    item_id: int | None
    decision_id: int | None
    meeting_date: dt.date
    confidential: bool
    terms: DocTerms
    stored: str = ""

    def __post_init__(self) -> None:
        if not self.stored:
            self.stored = self.terms.stored()

    @property
    def key(self) -> str:
        return f"{self.kind[0]}{self.entity_id}"

    @property
    def rowid(self) -> int:
        return doc_rowid(self.kind, self.entity_id, self.meeting_date)

    def values(self) -> dict[str, Any]:
        return {
            "id": self.rowid,
            "doc_key": self.key,
            "kind": self.kind,
            "tenant_id": self.tenant_id,
            "body_id": self.body_id,
            "meeting_id": self.meeting_id,
            "item_id": self.item_id,
            "decision_id": self.decision_id,
            "meeting_date": self.meeting_date,
            "confidential": self.confidential,
        }


def item_doc_text(
    title: str | None,
    text_: str | None,
    outcome: str | None,
    presenters: str | None = None,
    diarienummer: str | None = None,
    remit_to: str | None = None,
) -> tuple[str, str]:
    return title or "", "\n".join(
        x for x in (text_, outcome, presenters, diarienummer, remit_to) if x
    )


def decision_doc_text(
    item_title: str | None,
    phrase: str | None,
    clauses: Sequence[Any] | None,
    text_: str | None,
    reported_by_body: str | None,
    notes: Sequence[str] = (),
) -> tuple[str, str]:
    parts: list[str] = [phrase or ""]
    parts.extend(str(c) for c in (clauses or []) if c)
    parts.extend([text_ or "", reported_by_body or "", *notes])
    return item_title or "", "\n".join(p for p in parts if p)


@dataclass
class _ItemSrc:
    id: int
    tenant_id: str
    body_id: int
    meeting_id: int
    title: str | None
    text: str | None
    outcome: str | None
    presenters: str | None
    diarienummer: str | None
    remit_to: str | None
    confidential: bool


def build_docs(
    items: Iterable[_ItemSrc],
    meetings: dict[int, Any],
    decisions_by_item: dict[int, list[Any]],
    notes_by_decision: dict[int, list[str]],
) -> list[DocRow]:
    out: list[DocRow] = []
    for item in items:
        meeting = meetings.get(item.meeting_id)
        if meeting is None or meeting.date is None:
            continue
        title, body = item_doc_text(
            item.title, item.text, item.outcome, item.presenters, item.diarienummer, item.remit_to
        )
        common = {
            "tenant_id": item.tenant_id,
            "body_id": item.body_id,
            "meeting_id": item.meeting_id,
            "item_id": item.id,
            "meeting_date": meeting.date,
            "confidential": bool(item.confidential),
        }
        out.append(
            DocRow(
                kind=KIND_ITEM,
                entity_id=item.id,
                decision_id=None,
                terms=doc_terms(title, body),
                **common,
            )
        )
        for d in decisions_by_item.get(item.id, []):
            dtitle, dbody = decision_doc_text(
                item.title,
                d.phrase,
                d.clauses,
                d.text,
                d.reported_by_body,
                notes_by_decision.get(d.id, []),
            )
            out.append(
                DocRow(
                    kind=KIND_DECISION,
                    entity_id=d.id,
                    decision_id=d.id,
                    terms=doc_terms(dtitle, dbody),
                    **common,
                )
            )
    return out


def meeting_doc(meeting: Any) -> DocRow | None:
    if not meeting.text or meeting.date is None:
        return None
    return DocRow(
        kind=KIND_MEETING,
        entity_id=meeting.id,
        tenant_id=meeting.tenant_id,
        body_id=meeting.body_id,
        meeting_id=meeting.id,
        item_id=None,
        decision_id=None,
        meeting_date=meeting.date,
        confidential=False,
        terms=doc_terms(meeting.title, meeting.text),
    )


# --- writing the index -------------------------------------------------------------------------


@dataclass
class _Deltas:
    """Vocabulary and per-body count changes, applied in one sorted batch."""

    terms: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    bodies: dict[tuple[int, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, tenant_id: str, body_id: int, stored: str, confidential: bool, sign: int) -> None:
        parsed = StoredTerms.parse(stored)
        surface = (
            {t for t in parsed.title | parsed.text if t.isalpha()} if not confidential else set()
        )
        for term in parsed.all():
            entry = self.terms[(tenant_id, term)]
            entry[0] += sign
            if term in surface:
                entry[1] += sign
        self.bodies[(body_id, tenant_id)] += sign


def tsvector_of_stored(stored: str) -> str:
    """The tsvector literal for a row's stored terms (what _insert_docs writes on PostgreSQL)."""
    from storage.search_text import FieldTerms

    parsed = StoredTerms.parse(stored)
    return DocTerms(
        title=FieldTerms(sorted(parsed.title), sorted(parsed.title_folded)),
        text=FieldTerms(sorted(parsed.text), sorted(parsed.text_folded)),
    ).tsvector_literal()


def tenant_token(tenant_id: str) -> str:
    """The FTS5 token naming a tenant in the scope column (tenant ids are free text)."""
    return "t" + hashlib.sha1(tenant_id.encode("utf-8")).hexdigest()[:20]


def body_token(body_id: int) -> str:
    return f"b{body_id}"


def fts_values_of_stored(stored: str, tenant_id: str, body_id: int) -> tuple[str, str, str, str]:
    """(title, text, folded, scope) FTS5 columns for a row's stored terms."""
    return _fts_values(stored, tenant_id, body_id)


def _fts_values(stored: str, tenant_id: str, body_id: int) -> tuple[str, str, str, str]:
    parsed = StoredTerms.parse(stored)
    return (
        " ".join(sorted(parsed.title)),
        " ".join(sorted(parsed.text)),
        " ".join(sorted(parsed.title_folded | parsed.text_folded)),
        f"{tenant_token(tenant_id)} {body_token(body_id)}",
    )


_FTS_KEYS = ("t", "x", "f", "s")
_FTS_INSERT = text(
    "INSERT INTO search_fts(rowid, title, text, folded, scope) VALUES (:id, :t, :x, :f, :s)"
)
_FTS_DELETE = text(
    "INSERT INTO search_fts(search_fts, rowid, title, text, folded, scope) "
    "VALUES ('delete', :id, :t, :x, :f, :s)"
)


def _insert_docs(conn: Connection, rows: Sequence[DocRow], deltas: _Deltas) -> None:
    if not rows:
        return
    sqlite = conn.dialect.name == "sqlite"
    values = [r.values() for r in rows]
    conn.execute(search_doc_terms.insert(), [{"id": r.rowid, "terms": r.stored} for r in rows])
    if sqlite:
        conn.execute(search_doc.insert(), values)
        conn.execute(
            _FTS_INSERT,
            [
                dict(
                    zip(_FTS_KEYS, _fts_values(r.stored, r.tenant_id, r.body_id), strict=True),
                    id=r.rowid,
                )
                for r in rows
            ],
        )
    else:
        conn.execute(
            text(
                "INSERT INTO search_doc (id, doc_key, kind, tenant_id, body_id, meeting_id, "
                "item_id, decision_id, meeting_date, confidential, tsv) VALUES (:id, "
                ":doc_key, :kind, :tenant_id, :body_id, :meeting_id, :item_id, :decision_id, "
                ":meeting_date, :confidential, CAST(:tsv AS tsvector))"
            ),
            [dict(v, tsv=tsvector_of_stored(r.stored)) for v, r in zip(values, rows, strict=True)],
        )
    for r in rows:
        deltas.add(r.tenant_id, r.body_id, r.stored, r.confidential, +1)


def _delete_docs(conn: Connection, rows: Sequence[Any], deltas: _Deltas) -> None:
    """rows: existing search_doc rows (id, tenant_id, body_id, terms, confidential)."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(
            _FTS_DELETE,
            [
                dict(
                    zip(_FTS_KEYS, _fts_values(r.terms, r.tenant_id, r.body_id), strict=True),
                    id=r.id,
                )
                for r in rows
            ],
        )
    for table in (search_doc, search_doc_terms):
        conn.execute(
            table.delete().where(table.c.id.in_(bindparam("ids", expanding=True))),
            {"ids": [r.id for r in rows]},
        )
    for r in rows:
        deltas.add(r.tenant_id, r.body_id, r.terms, bool(r.confidential), -1)


_TERM_UPSERT = text(
    "INSERT INTO search_term (tenant_id, term, rev, df, sdf) VALUES (:t, :term, :rev, :df, :sdf) "
    "ON CONFLICT (tenant_id, term) DO UPDATE SET df = search_term.df + excluded.df, "
    "sdf = search_term.sdf + excluded.sdf"
)
_BODY_UPSERT = text(
    "INSERT INTO search_body_stats (body_id, tenant_id, docs) VALUES (:b, :t, :n) "
    "ON CONFLICT (body_id) DO UPDATE SET docs = search_body_stats.docs + excluded.docs"
)


def _apply_deltas(conn: Connection, deltas: _Deltas) -> None:
    changes = sorted(
        (k, v) for k, v in deltas.terms.items() if v[0] != 0 or v[1] != 0
    )  # one order for every writer: no deadlocks between concurrent turns
    if changes:
        conn.execute(
            _TERM_UPSERT,
            [
                {"t": t, "term": term, "rev": term[::-1], "df": v[0], "sdf": v[1]}
                for (t, term), v in changes
            ],
        )
        gone = [(t, term) for (t, term), v in changes if v[0] < 0]
        if gone:
            by_tenant: dict[str, list[str]] = defaultdict(list)
            for t, term in gone:
                by_tenant[t].append(term)
            for t, terms in by_tenant.items():
                conn.execute(
                    text(
                        "DELETE FROM search_term WHERE tenant_id = :t AND df <= 0 "
                        "AND term IN :terms"
                    ).bindparams(bindparam("terms", expanding=True)),
                    {"t": t, "terms": terms},
                )
    bodies = sorted((k, n) for k, n in deltas.bodies.items() if n)
    if bodies:
        conn.execute(_BODY_UPSERT, [{"b": b, "t": t, "n": n} for (b, t), n in bodies])
    deltas.terms.clear()
    deltas.bodies.clear()


def bulk_index(conn: Connection, docs: Sequence[DocRow]) -> None:
    """Insert new documents (for bulk loads such as the benchmark); no existing rows checked."""
    deltas = _Deltas()
    _insert_docs(conn, docs, deltas)
    _apply_deltas(conn, deltas)


def reindex(
    conn: Connection,
    item_ids: Iterable[int] = (),
    meeting_ids: Iterable[int] = (),
    removed_keys: Iterable[str] = (),
) -> None:
    """Bring the rows of these items (with their decisions) and meetings up to date."""
    item_ids = set(item_ids)
    meeting_ids = set(meeting_ids)
    removed = set(removed_keys)
    if meeting_ids:
        item_ids |= set(
            conn.execute(
                text("SELECT id FROM item WHERE meeting_id IN :m").bindparams(
                    bindparam("m", expanding=True)
                ),
                {"m": sorted(meeting_ids)},
            ).scalars()
        )
    if not item_ids and not meeting_ids and not removed:
        return
    items = [
        _ItemSrc(*row)
        for row in conn.execute(
            text(
                "SELECT id, tenant_id, body_id, meeting_id, title, text, outcome, presenters, "
                "diarienummer, remit_to, confidential FROM item WHERE id IN :i"
            ).bindparams(bindparam("i", expanding=True)),
            {"i": sorted(item_ids) or [-1]},
        )
    ]
    all_meetings = meeting_ids | {i.meeting_id for i in items}
    meetings = {
        row.id: _MeetingSrc(
            row.id, row.tenant_id, row.body_id, _as_date(row.date), row.title, row.text
        )
        for row in conn.execute(
            text(
                "SELECT id, tenant_id, body_id, date, title, text FROM meeting WHERE id IN :m"
            ).bindparams(bindparam("m", expanding=True)),
            {"m": sorted(all_meetings) or [-1]},
        )
    }
    decisions_by_item: dict[int, list[Any]] = defaultdict(list)
    decision_ids: list[int] = []
    if items:
        for row in conn.execute(
            text(
                "SELECT id, item_id, phrase, clauses, text, reported_by_body FROM decision "
                "WHERE item_id IN :i ORDER BY position, id"
            ).bindparams(bindparam("i", expanding=True)),
            {"i": sorted(i.id for i in items)},
        ):
            clauses = row.clauses
            if isinstance(clauses, str):
                try:
                    clauses = json.loads(clauses)
                except ValueError:
                    clauses = [clauses]
            decisions_by_item[row.item_id].append(
                _DecisionSrc(row.id, row.phrase, clauses or [], row.text, row.reported_by_body)
            )
            decision_ids.append(row.id)
    notes_by_decision: dict[int, list[str]] = defaultdict(list)
    if decision_ids:
        for row in conn.execute(
            text(
                "SELECT decision_id, text FROM decision_note WHERE decision_id IN :d ORDER BY id"
            ).bindparams(bindparam("d", expanding=True)),
            {"d": decision_ids},
        ):
            notes_by_decision[row.decision_id].append(row.text)
    desired = {d.key: d for d in build_docs(items, meetings, decisions_by_item, notes_by_decision)}
    for mid in meeting_ids:
        m = meetings.get(mid)
        doc = meeting_doc(m) if m is not None else None
        if doc is not None:
            desired[doc.key] = doc
    keys = sorted(set(desired) | removed)
    existing_rows = list(
        conn.execute(
            text(
                "SELECT d.id, d.doc_key, d.tenant_id, d.body_id, d.meeting_id, d.item_id, "
                "d.decision_id, d.meeting_date, d.confidential, coalesce(t.terms, '') AS terms "
                "FROM search_doc d LEFT JOIN search_doc_terms t ON t.id = d.id "
                "WHERE d.doc_key IN :k OR d.item_id IN :i "
                "OR (d.kind = 'meeting' AND d.meeting_id IN :m)"
            ).bindparams(
                bindparam("k", expanding=True),
                bindparam("i", expanding=True),
                bindparam("m", expanding=True),
            ),
            {
                "k": keys or ["-"],
                "i": sorted(item_ids) or [-1],
                "m": sorted(meeting_ids) or [-1],
            },
        )
    )
    deltas = _Deltas()
    stale: list[Any] = []
    fresh: list[DocRow] = []
    seen: set[str] = set()
    for row in existing_rows:
        if row.doc_key in seen:
            continue
        seen.add(row.doc_key)
        want = desired.get(row.doc_key)
        if want is None:
            stale.append(row)
            continue
        row_date = _as_date(row.meeting_date)
        same = (
            row.id == want.rowid
            and row.terms == want.stored
            and row.tenant_id == want.tenant_id
            and row.body_id == want.body_id
            and row.meeting_id == want.meeting_id
            and row.item_id == want.item_id
            and bool(row.confidential) == want.confidential
            and row_date == want.meeting_date
        )
        if not same:
            stale.append(row)
            fresh.append(want)
    fresh.extend(d for k, d in desired.items() if k not in seen)
    _delete_docs(conn, stale, deltas)
    _insert_docs(conn, fresh, deltas)
    _apply_deltas(conn, deltas)


@dataclass
class _MeetingSrc:
    id: int
    tenant_id: str
    body_id: int
    date: dt.date | None
    title: str | None
    text: str | None


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass
class _DecisionSrc:
    id: int
    phrase: str | None
    clauses: list[Any]
    text: str | None
    reported_by_body: str | None


# --- keeping the index in step with the ORM ----------------------------------------------------

_PENDING = "search_index_pending"
_MEETING_FIELDS = ("date", "body_id", "tenant_id", "title", "text")
_tables_seen: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()
_installed = False


def _pending(session: Session) -> dict[str, Any]:
    return session.info.setdefault(  # type: ignore[no-any-return]
        _PENDING, {"objects": [], "item_ids": set(), "meeting_ids": set(), "removed": set()}
    )


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    if session.info.get("search_index_off"):
        return
    pending = _pending(session)
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Item | Decision | DecisionNote):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            pending["objects"].append(obj)
        elif isinstance(obj, Meeting):
            if obj in session.new:
                if obj.text:
                    pending["objects"].append(obj)
                continue
            state = _inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in _MEETING_FIELDS):
                pending["objects"].append(obj)
    for obj in session.deleted:
        if isinstance(obj, Item):
            pending["removed"].add(f"i{obj.id}")
            pending["item_ids"].add(obj.id)
        elif isinstance(obj, Decision):
            pending["removed"].add(f"d{obj.id}")
            pending["item_ids"].add(obj.item_id)
        elif isinstance(obj, DecisionNote):
            pending["objects"].append(obj)
        elif isinstance(obj, Meeting):
            pending["removed"].add(f"m{obj.id}")


def _inspect(obj: Any) -> Any:
    from sqlalchemy import inspect

    return inspect(obj)


def _after_flush_postexec(session: Session, _flush_context: Any) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    item_ids: set[int] = set(pending["item_ids"])
    meeting_ids: set[int] = set()
    note_decisions: set[int] = set()
    for obj in pending["objects"]:
        if isinstance(obj, Item) and obj.id is not None:
            item_ids.add(obj.id)
        elif isinstance(obj, Decision) and obj.item_id is not None:
            item_ids.add(obj.item_id)
        elif isinstance(obj, DecisionNote) and obj.decision_id is not None:
            note_decisions.add(obj.decision_id)
        elif isinstance(obj, Meeting) and obj.id is not None:
            meeting_ids.add(obj.id)
    if not (item_ids or meeting_ids or note_decisions or pending["removed"]):
        return
    conn = session.connection()
    if not _has_index(conn):
        return
    if note_decisions:
        item_ids |= set(
            conn.execute(
                text("SELECT item_id FROM decision WHERE id IN :d").bindparams(
                    bindparam("d", expanding=True)
                ),
                {"d": sorted(note_decisions)},
            ).scalars()
        )
    reindex(conn, item_ids, meeting_ids, pending["removed"])


def _has_index(conn: Connection) -> bool:
    engine = conn.engine
    if _tables_seen.get(engine):
        return True
    if conn.dialect.name == "sqlite":
        found = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_doc'")
        ).first()
    else:
        found = conn.execute(text("SELECT to_regclass('search_doc')")).scalar()
    if found:
        _tables_seen[engine] = True
        return True
    logger.warning("search index tables are missing; run `samverkansbot db upgrade`")
    return False


def install_search_index_events() -> None:
    """Keep the index in step with every ORM write (chat commands, the importer, …)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush_postexec", _after_flush_postexec)
    _installed = True


def clear_index_sync(conn: Connection) -> None:
    """Empty the index (all tenants); rebuild_all_sync fills it again."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('delete-all')"))
    for table in ("search_doc", "search_doc_terms", "search_term", "search_body_stats"):
        conn.execute(text(f"DELETE FROM {table}"))


def rebuild_all_sync(conn: Connection, tenant_id: str | None = None) -> int:
    """Rebuild the index from the record (after migration 0002 on an existing database)."""
    where = "WHERE tenant_id = :t" if tenant_id else ""
    params = {"t": tenant_id} if tenant_id else {}
    meeting_ids = list(conn.execute(text(f"SELECT id FROM meeting {where}"), params).scalars())
    for start in range(0, len(meeting_ids), 200):
        reindex(conn, meeting_ids=meeting_ids[start : start + 200])
    return len(meeting_ids)


install_search_index_events()


# --- reading the index -------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Where a question may look: one tenant, its visible bodies, and filters."""

    tenant_id: str
    body_ids: tuple[int, ...]
    # Bodies whose sekretess paragraphs the asker may see (they are a member).
    confidential_body_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kinds: tuple[str, ...] | None = None
    item_number: int | None = None
    # body_ids are all the tenant's bodies: the tenant filter alone says it.
    all_bodies: bool = False


@dataclass
class Concept:
    """One thing the question is about, and the index terms that mean it (term → weight)."""

    word: str
    alternatives: dict[str, float]
    typed_diacritics: bool
    df: int = 0

    def engine_terms(self) -> list[str]:
        """The terms the engine is asked for. Written without å/ä/ö, a word meets its folded
        twins in the index's folded column by itself; written with them, it asks for itself
        only ("för" is not "for")."""
        return list(self.alternatives)

    def credit(self, doc: StoredTerms) -> float:
        best = 0.0
        fold_weight = 0.4 if self.typed_diacritics else 0.9
        for term, weight in self.alternatives.items():
            if term in doc.title:
                best = max(best, weight)
            elif term in doc.text:
                best = max(best, 0.8 * weight)
            if best >= weight:
                continue
            f = fold(term)
            if f in doc.title_folded or (f != term and f in doc.title):
                best = max(best, weight * fold_weight)
            elif f in doc.text_folded or (f != term and f in doc.text):
                best = max(best, 0.8 * weight * fold_weight)
        return best


@dataclass
class Candidate:
    id: int
    kind: str
    tenant_id: str
    body_id: int
    meeting_id: int
    item_id: int | None
    decision_id: int | None
    meeting_date: dt.date
    confidential: bool
    terms: StoredTerms
    score: float = 0.0
    coverage: float = 0.0
    complete: bool = False


@dataclass
class SearchResult:
    candidates: list[Candidate]
    concepts: list[Concept]
    missing: list[Concept]
    plan: str = ""
    # Only the newest matches were read: there may be more than the candidates.
    partial: bool = False


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def _term_stats(
    session: AsyncSession, tenant_id: str, terms: Iterable[str]
) -> dict[str, tuple[int, int]]:
    wanted = sorted(set(terms))
    if not wanted:
        return {}
    rows = await session.execute(
        text(
            "SELECT term, df, sdf FROM search_term WHERE tenant_id = :t AND term IN :terms"
        ).bindparams(bindparam("terms", expanding=True)),
        {"t": tenant_id, "terms": wanted},
    )
    return {r.term: (int(r.df), int(r.sdf)) for r in rows}


def _upper(prefix: str) -> str:
    return prefix + "\U0010ffff"


# How many vocabulary rows one compound lookup may read (in index order) before choosing.
COMPOUND_SCAN = 150


async def _compounds(
    session: AsyncSession, tenant_id: str, roots: Sequence[str], limit: int
) -> dict[str, list[tuple[str, int]]]:
    """For each root, terms of the tenant that end with it and, when it has 4 letters or more,
    begin with it: the compounds it is part of, most frequent first (of a bounded read).
    One query for all roots."""
    parts: list[str] = []
    params: dict[str, Any] = {"t": tenant_id, "n": COMPOUND_SCAN}
    for i, root in enumerate(roots):
        rev = root[::-1]
        params.update({f"r{i}": root, f"rlo{i}": rev, f"rhi{i}": _upper(rev)})
        parts.append(
            f"SELECT :r{i} AS root, term, df FROM (SELECT term, df FROM search_term "
            f"WHERE tenant_id = :t AND rev > :rlo{i} AND rev < :rhi{i} LIMIT :n) AS tail{i}"
        )
        if len(root) >= 4:
            params.update({f"lo{i}": root, f"hi{i}": _upper(root)})
            parts.append(
                f"SELECT :r{i} AS root, term, df FROM (SELECT term, df FROM search_term "
                f"WHERE tenant_id = :t AND term > :lo{i} AND term < :hi{i} LIMIT :n) AS head{i}"
            )
    out: dict[str, list[tuple[str, int]]] = {root: [] for root in roots}
    if not parts:
        return out
    for r in await session.execute(text(" UNION ALL ".join(parts)), params):
        out[r.root].append((r.term, int(r.df)))
    for found in out.values():
        found.sort(key=lambda td: (-td[1], td[0]))
        del found[limit:]
    return out


MAX_CONCEPTS = 12
EXPANSIONS = 8
# Words in this many rows of the tenant or more are not widened to their compounds.
EXPAND_BELOW = 2000


async def build_concepts(
    session: AsyncSession, tenant_id: str, qwords: Sequence[QueryWord]
) -> list[Concept]:
    """The question's words as concepts, widened against the tenant's own vocabulary:
    compounds that contain the word (prevention → suicidprevention, samsjuklighet →
    samsjuklighetsutredningen) and the parts of a compound the index does not know. English
    questions are met by the dense vectors of passage search (dialogs.ask_passages), not here."""
    concepts: list[Concept] = []
    for qw in list(qwords)[:MAX_CONCEPTS]:
        alts: dict[str, float] = dict(qw.terms)
        concepts.append(Concept(qw.text, alts, qw.typed_diacritics))
    roots_of: dict[int, list[str]] = {}
    for i, concept in enumerate(concepts):
        base = concept.word
        own = stem(base) if base.isalpha() else base
        roots = {own} if len(own) >= 4 else set()
        roots_of[i] = sorted(r for r in roots if r.isalpha())
    compounds = await _compounds(
        session, tenant_id, sorted({r for rs in roots_of.values() for r in rs}), EXPANSIONS * 3
    )
    for i, concept in enumerate(concepts):
        added = 0
        for root in roots_of[i]:
            # Compounds in the index that end with the word (dag → utvecklingsdag) and, for
            # words long enough to be a compound's first part, that begin with it.
            for term, _n in compounds.get(root, []):
                if term in concept.alternatives or len(term) < len(root) + 3:
                    continue
                if not term.isalpha():
                    continue
                concept.alternatives[term] = 0.7
                added += 1
                if added >= EXPANSIONS:
                    break
    stats = await _term_stats(session, tenant_id, {t for c in concepts for t in c.engine_terms()})
    split = False
    for concept in concepts:
        base = concept.word
        own_df = sum(stats.get(t, (0, 0))[0] for t, w in concept.alternatives.items() if w >= 0.8)
        if own_df >= EXPAND_BELOW:
            # A common word: its compounds add little but cost the engine a lot.
            concept.alternatives = {t: w for t, w in concept.alternatives.items() if w != 0.7}
        if own_df < 3 and len(base) >= 8 and base.isalpha():
            for part in await _split_compound(session, tenant_id, base):
                concept.alternatives.setdefault(part, 0.5)
                split = True
    if split:
        stats = await _term_stats(
            session, tenant_id, {t for c in concepts for t in c.engine_terms()}
        )
    for concept in concepts:
        concept.df = sum(stats.get(t, (0, 0))[0] for t in concept.engine_terms())
    return concepts


async def _split_compound(session: AsyncSession, tenant_id: str, word: str) -> list[str]:
    """samsjuklighetsutredningen → samsjuklig + utredning, when both are words of the index
    (the linking -s- of Swedish compounds is allowed)."""
    options: list[tuple[str, str]] = []
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        right_stem = stem(right)
        options.append((stem(left), right_stem))
        if left.endswith("s") and len(left) > 4:
            options.append((stem(left[:-1]), right_stem))
    stats = await _term_stats(session, tenant_id, {t for pair in options for t in pair})
    best: tuple[str, str] | None = None
    for left, right in options:
        if stats.get(left, (0, 0))[0] and stats.get(right, (0, 0))[0]:
            if best is None or min(len(left), len(right)) > min(len(best[0]), len(best[1])):
                best = (left, right)
    return list(best) if best else []


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_expression(concepts: Sequence[Concept], op: str) -> str:
    groups = ["(" + " OR ".join(_fts_phrase(t) for t in c.engine_terms()) + ")" for c in concepts]
    return "{title text folded} : (" + f" {op} ".join(groups) + ")"


# Up to this many bodies are named in the FTS5 query itself; a wider scope filters by tenant.
FTS_BODIES = 32


def fts_scope(scope: Scope) -> str:
    """The scope as FTS5 tokens, so the engine intersects it with the words."""
    if not scope.all_bodies and 0 < len(scope.body_ids) <= FTS_BODIES:
        tokens = " OR ".join(_fts_phrase(body_token(b)) for b in scope.body_ids)
        return f"scope : ({tokens})"
    return f"scope : {_fts_phrase(tenant_token(scope.tenant_id))}"


def fts_query(scope: Scope, concepts: Sequence[Concept], op: str) -> str:
    return f"{fts_scope(scope)} AND {fts_expression(concepts, op)}"


def _tsq_lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_expression(concepts: Sequence[Concept], op: str) -> str:
    joiner = " & " if op == "AND" else " | "
    groups = ["(" + " | ".join(_tsq_lexeme(t) for t in c.engine_terms()) + ")" for c in concepts]
    return joiner.join(groups)


# How many postings the engine may rank for one question before we switch to newest-first.
RANK_BUDGET = {"sqlite": 4_000, "postgresql": 1_500}
FETCH = 30


# Document counts steer the plan only (which words are rare); a minute-old figure does.
_COUNTS_TTL = 60.0
_counts_cache: dict[tuple[str, str, tuple[int, ...]], tuple[float, tuple[int, int, int]]] = {}


async def _counts(session: AsyncSession, scope: Scope) -> tuple[int, int, int]:
    """(documents in the tenant, in the scope's bodies, in the whole index)."""
    bodies = () if scope.all_bodies else tuple(sorted(scope.body_ids))
    key = (str(session.get_bind().engine.url), scope.tenant_id, bodies)
    now = time.monotonic()
    hit = _counts_cache.get(key)
    if hit is not None and now - hit[0] < _COUNTS_TTL:
        return hit[1]
    row = (
        await session.execute(
            text(
                "SELECT coalesce(sum(docs), 0) AS total, coalesce(sum(CASE WHEN tenant_id = :t "
                "THEN docs ELSE 0 END), 0) AS tenant, coalesce(sum(CASE WHEN tenant_id = :t AND "
                "body_id IN :b THEN docs ELSE 0 END), 0) AS scoped FROM search_body_stats"
            ).bindparams(bindparam("b", expanding=True)),
            {"t": scope.tenant_id, "b": list(scope.body_ids) or [-1]},
        )
    ).one()
    tenant = max(int(row.tenant), 1)
    counts = (
        tenant,
        tenant if scope.all_bodies else max(int(row.scoped), 1),
        max(int(row.total), 1),
    )
    if len(_counts_cache) > 4096:
        _counts_cache.clear()
    _counts_cache[key] = (now, counts)
    return counts


def _scope_sql(scope: Scope, params: dict[str, Any], alias: str = "d") -> str:
    parts = [f"{alias}.tenant_id = :tenant"]
    if not scope.all_bodies:
        parts.append(f"{alias}.body_id IN :bodies")
    params["tenant"] = scope.tenant_id
    params["bodies"] = list(scope.body_ids) or [-1]
    conf = [b for b in scope.confidential_body_ids if b in set(scope.body_ids)]
    if conf:
        parts.append(f"({alias}.confidential = :false OR {alias}.body_id IN :conf)")
        params["conf"] = conf
    else:
        parts.append(f"{alias}.confidential = :false")
        params["conf"] = [-1]
    params["false"] = False
    lo, hi = date_rowid_range(scope.date_from, scope.date_to)
    if lo is not None:
        parts.append(f"{alias}.id >= :lo")
        params["lo"] = lo
    if hi is not None:
        parts.append(f"{alias}.id <= :hi")
        params["hi"] = hi
    if scope.kinds:
        parts.append(f"{alias}.kind IN :kinds")
        params["kinds"] = list(scope.kinds)
    else:
        params["kinds"] = ["-"]
    if scope.item_number is not None:
        parts.append(
            f"{alias}.item_id IN (SELECT id FROM item WHERE tenant_id = :tenant AND number = :num)"
        )
        params["num"] = scope.item_number
    return " AND ".join(parts)


def _fts_rowid_range(params: dict[str, Any]) -> str:
    """The date range as a range of FTS5 rowids, which FTS5 seeks to (a range on the joined
    table's id does not reach it)."""
    out = ""
    if "lo" in params:
        out += "AND search_fts.rowid >= :lo "
    if "hi" in params:
        out += "AND search_fts.rowid <= :hi "
    return out


_COLUMNS = (
    "d.id, d.kind, d.tenant_id, d.body_id, d.meeting_id, d.item_id, d.decision_id, "
    "d.meeting_date, d.confidential"
)


def _bound(sql: str, params: dict[str, Any]) -> Any:
    """text(sql) with the list parameters it uses bound as expanding."""
    for unused in ("conf", "kinds", "bodies"):
        if f":{unused}" not in sql:
            params.pop(unused, None)
    return text(sql).bindparams(
        *(
            bindparam(name, expanding=True)
            for name in ("bodies", "conf", "kinds")
            if f":{name}" in sql
        )
    )


async def _run(session: AsyncSession, sql: str, params: dict[str, Any]) -> list[Candidate]:
    stmt = _bound(sql, params)
    rows = (await session.execute(stmt, params)).all()
    out = []
    for r in rows:
        date = _as_date(r.meeting_date)
        assert date is not None
        out.append(
            Candidate(
                id=int(r.id),
                kind=r.kind,
                tenant_id=r.tenant_id,
                body_id=int(r.body_id),
                meeting_id=int(r.meeting_id),
                item_id=r.item_id,
                decision_id=r.decision_id,
                meeting_date=date,
                confidential=bool(r.confidential),
                terms=_NO_TERMS,
                score=float(getattr(r, "score", 0.0) or 0.0),
            )
        )
    return out


_NO_TERMS = StoredTerms(frozenset(), frozenset(), frozenset(), frozenset())


async def _attach_terms(session: AsyncSession, candidates: Sequence[Candidate]) -> None:
    if not candidates:
        return
    rows = await session.execute(
        text("SELECT id, terms FROM search_doc_terms WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": [c.id for c in candidates]},
    )
    terms = {int(r.id): r.terms for r in rows}
    for c in candidates:
        c.terms = StoredTerms.parse(terms.get(c.id))


async def _ranked(
    session: AsyncSession, scope: Scope, concepts: Sequence[Concept], op: str, limit: int
) -> list[Candidate]:
    """The engine's own relevance order over the postings of (rare) terms."""
    params: dict[str, Any] = {"k": limit}
    where = _scope_sql(scope, params)
    if _dialect(session) == "sqlite":
        params["q"] = fts_query(scope, concepts, op)
        sql = (
            f"SELECT {_COLUMNS}, bm25(search_fts, 4.0, 1.0, 0.5, 0.0) AS score FROM search_fts "
            f"JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH :q "
            f"{_fts_rowid_range(params)} AND {where} "
            "ORDER BY score LIMIT :k"
        )
    else:
        params["q"] = tsquery_expression(concepts, op)
        # The GIN index finds the (few) matches first, whatever the planner thinks of them;
        # only they are filtered and ranked.
        sql = (
            "WITH m AS MATERIALIZED (SELECT id FROM search_doc WHERE tsv @@ CAST(:q AS tsquery)) "
            f"SELECT {_COLUMNS}, ts_rank('{{0.1,0.3,0.5,1.0}}', d.tsv, CAST(:q AS tsquery)) "
            f"AS score FROM m JOIN search_doc d ON d.id = m.id WHERE {where} "
            "ORDER BY score DESC, d.id DESC LIMIT :k"
        )
    return await _run(session, sql, params)


# PostgreSQL tests this many of the newest rows one by one before it asks the GIN index.
PG_WALK = 3000


async def _newest(
    session: AsyncSession,
    scope: Scope,
    concepts: Sequence[Concept],
    op: str,
    limit: int,
    density: float = 1.0,
    want: int | None = None,
    notes: dict[str, Any] | None = None,
) -> list[Candidate]:
    """Newest first among the matches: for terms so common that ranking them all is waste.

    density bounds the share of rows that can match (for AND, the rarest word's share); want
    is how many the answer needs now (a page and one more), limit how many it may use."""
    want = min(want or limit, limit)
    notes = notes if notes is not None else {}
    params: dict[str, Any] = {"k": limit}
    where = _scope_sql(scope, params)
    sqlite = _dialect(session) == "sqlite"
    if not concepts:
        hint = ""
        if sqlite:
            hint = (
                "INDEXED BY ix_search_doc_body_id_id"
                if len(scope.body_ids) == 1
                else "INDEXED BY ix_search_doc_tenant_id_id"
            )
        sql = (
            f"SELECT {_COLUMNS} FROM search_doc d {hint} WHERE {where} ORDER BY d.id DESC LIMIT :k"
        )
        return await _run(session, sql, params)
    if sqlite:
        # The engine walks its matches newest first, the scope tokens intersected with them.
        params["q"] = fts_query(scope, concepts, op)
        sql = (
            f"SELECT {_COLUMNS} FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH :q {_fts_rowid_range(params)} AND {where} "
            "ORDER BY search_fts.rowid DESC LIMIT :k"
        )
        return await _run(session, sql, params)
    else:
        params["q"] = tsquery_expression(concepts, op)
        gin_sql = (
            "WITH m AS MATERIALIZED (SELECT id FROM search_doc WHERE tsv @@ CAST(:q AS tsquery)) "
            f"SELECT {_COLUMNS} FROM m JOIN search_doc d ON d.id = m.id WHERE {where} "
            "ORDER BY d.id DESC LIMIT :k"
        )
        if density * PG_WALK < want:
            # Too rare for a walk to meet enough of them: the GIN index intersects at once.
            return await _run(session, gin_sql, params)
        # Common words match often among the newest rows (words of one phrase come together
        # far more often than their frequencies alone say): walk the date order a bounded way,
        # testing each row (ts_match_vq is @@ without the index) …
        walk_params = dict(params, walk=PG_WALK)
        sql = (
            f"SELECT {_COLUMNS} FROM (SELECT {_COLUMNS}, d.tsv FROM search_doc d WHERE {where} "
            "ORDER BY d.id DESC LIMIT :walk) AS d WHERE ts_match_vq(d.tsv, CAST(:q AS tsquery)) "
            "ORDER BY d.id DESC LIMIT :k"
        )
        found = await _run(session, sql, walk_params)
        if len(found) >= want:
            # Enough for the page asked for; older matches wait for `fler`.
            notes["partial"] = True
            return found
        walked_params = {k: v for k, v in walk_params.items() if k not in ("q", "k")}
        walked = await session.scalar(
            _bound(
                f"SELECT count(*) FROM (SELECT 1 FROM search_doc d WHERE {where} "
                "ORDER BY d.id DESC LIMIT :walk) AS w",
                walked_params,
            ),
            walked_params,
        )
        if (walked or 0) < PG_WALK:
            return found  # the walk saw every row in scope (a narrow date range, a small body)
        # … and when that comes short, the GIN index finds the rest.
        return await _run(session, gin_sql, params)


async def recent(session: AsyncSession, scope: Scope, limit: int = FETCH) -> list[Candidate]:
    return await _newest(session, scope, [], "AND", limit)


async def search(
    session: AsyncSession,
    scope: Scope,
    concepts: Sequence[Concept],
    *,
    limit: int = FETCH,
    want: int | None = None,
    prefer_kind: str | None = KIND_DECISION,
) -> SearchResult:
    """Best first: every concept matched beats some; rare words drive the engine's ranking,
    common ones only rerank; when every word is common the newest matches come first.

    want: how many the answer needs now (the page shown and one more); the rest of limit is
    the pool that `fler` pages through and the rerank chooses from."""
    want = min(want or limit, limit)
    if not scope.body_ids:
        return SearchResult([], list(concepts), [])
    present = [c for c in concepts if c.df > 0]
    missing = [c for c in concepts if c.df <= 0]
    if not present:
        return SearchResult([], list(concepts), missing)
    tenant_docs, _scope_docs, total_docs = await _counts(session, scope)
    dialect = _dialect(session)
    budget = RANK_BUDGET.get(dialect, 4_000)
    spread = total_docs / tenant_docs
    by_rarity = sorted(present, key=lambda c: c.df)
    driving: list[Concept] = []
    postings = 0.0
    for c in by_rarity:
        cost = min(c.df, tenant_docs) * spread
        if postings + cost > budget:
            break
        driving.append(c)
        postings += cost
    found: dict[int, Candidate] = {}
    plan: list[str] = []
    notes: dict[str, Any] = {}
    if driving:
        if len(present) > 1:
            for cand in await _ranked(session, scope, present, "AND", limit):
                found.setdefault(cand.id, cand)
            plan.append("rank-all")
        if len(found) < limit:
            for cand in await _ranked(session, scope, driving, "OR", limit):
                found.setdefault(cand.id, cand)
            plan.append("rank-any")
    else:
        # All common: newest first (the engine's own walk on FTS5, a bounded walk on PostgreSQL).
        rarest = min(1.0, by_rarity[0].df / tenant_docs)
        for cand in await _newest(session, scope, present, "AND", limit, rarest, want, notes):
            found.setdefault(cand.id, cand)
        plan.append("newest-all")
        if len(found) < want and len(present) > 1:
            for cand in await _newest(
                session, scope, by_rarity[:1], "OR", limit, rarest, want, notes
            ):
                found.setdefault(cand.id, cand)
            plan.append("newest-rarest")
    await _attach_terms(session, list(found.values()))
    ranked = rerank(
        list(found.values()), present, missing, tenant_docs, prefer_kind, newest=not driving
    )
    return SearchResult(ranked, list(concepts), missing, "+".join(plan), bool(notes.get("partial")))


MIN_COVERAGE = 0.5


def rerank(
    candidates: list[Candidate],
    present: Sequence[Concept],
    missing: Sequence[Concept],
    tenant_docs: int,
    prefer_kind: str | None,
    newest: bool = False,
) -> list[Candidate]:
    """Our own order, the same on both engines: idf-weighted share of the question's concepts
    (words the index lacks weigh as the rarest), all-matched bonus, exact diacritics and title
    above folded and text, decisions above discussion, then newer first."""
    weights = [(c, math.log(1 + tenant_docs / max(1, c.df))) for c in present]
    missing_weight = sum(math.log(1 + tenant_docs) for _ in missing)
    total = sum(w for _, w in weights) + missing_weight or 1.0
    out = []
    for cand in candidates:
        credits = [(c.credit(cand.terms), w) for c, w in weights]
        cand.coverage = sum(cr * w for cr, w in credits) / total
        cand.complete = bool(credits) and all(cr > 0 for cr, _ in credits) and not missing
        if cand.coverage < MIN_COVERAGE:
            continue
        score = cand.coverage + (0.25 if cand.complete else 0.0)
        if prefer_kind and cand.kind == prefer_kind:
            score += 0.1
        elif cand.kind == KIND_MEETING:
            score -= 0.3
        score += 0.04 * min(1.0, max(0.0, (cand.meeting_date.year - 2000) / 30))
        cand.score = score
        out.append(cand)
    if newest:
        # Newest first among the complete matches: the order of the newest few read now is
        # the start of the order of all of them, so `fler` neither repeats nor skips.
        out.sort(key=lambda c: (not c.complete, -c.id))
    else:
        out.sort(key=lambda c: (-round(c.score, 6), -c.id))
    return out


async def suggest(
    session: AsyncSession,
    scope: Scope,
    words_: Sequence[str],
    n: int = 5,
    cutoff: float = 0.72,
) -> list[str]:
    """Words of the index near the ones that found nothing, that this asker could find."""
    out: list[str] = []
    for word in words_:
        w = word.lower()
        if len(w) < 3:
            continue
        pool: dict[str, int] = {}
        for prefix in {w[:3], fold(w)[:3], w[:2]}:
            rows = await session.execute(
                text(
                    "SELECT term, sdf FROM search_term WHERE tenant_id = :t AND term > :lo "
                    "AND term < :hi AND sdf > 0 ORDER BY sdf DESC LIMIT 400"
                ),
                {"t": scope.tenant_id, "lo": prefix, "hi": _upper(prefix)},
            )
            for r in rows:
                pool[r.term] = int(r.sdf)
        folded_pool = {fold(t): t for t in pool}
        # The index holds stems beside words ("rekrytr" beside "rekrytera"): a stem is shown as
        # the commonest word of the pool it stands for, never as itself.
        word_of: dict[str, str] = {}
        for t, sdf in pool.items():
            st = stem(t)
            if st != t and (st not in word_of or sdf > pool[word_of[st]]):
                word_of[st] = t
        close = difflib.get_close_matches(fold(w), list(folded_pool), n=n * 2, cutoff=cutoff)
        for f in close:
            term = word_of.get(folded_pool[f], folded_pool[f])
            if term in out or term == w:
                continue
            if await _visible(session, scope, term):
                out.append(term)
            if len(out) >= n:
                return out
    return out


async def _visible(session: AsyncSession, scope: Scope, term: str) -> bool:
    if scope.all_bodies:
        return True  # sdf counts the tenant's public rows: the term is in one of them
    bare = Scope(
        scope.tenant_id, scope.body_ids, scope.confidential_body_ids, all_bodies=scope.all_bodies
    )
    return bool(await _newest(session, bare, [Concept(term, {term: 1.0}, True)], "AND", 1))


# --- the last question of a conversation, for `fler` --------------------------------------------


async def remember_question(
    session: AsyncSession,
    tenant_id: str,
    conversation_id: str,
    speaker_key: str,
    question: str,
    lang: str,
    shown: int,
) -> None:
    values = {
        "tenant_id": tenant_id,
        "conversation_id": conversation_id[:400],
        "speaker_key": speaker_key[:400],
        "question": question[:4000],
        "lang": lang,
        "shown": shown,
        "updated_at": utcnow(),
    }
    if _dialect(session) == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(ask_state).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["tenant_id", "conversation_id", "speaker_key"],
            set_={k: stmt.excluded[k] for k in ("question", "lang", "shown", "updated_at")},
        )
    else:
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        pstmt = pg_insert(ask_state).values(**values)
        stmt = pstmt.on_conflict_do_update(  # type: ignore[assignment]
            index_elements=["tenant_id", "conversation_id", "speaker_key"],
            set_={k: pstmt.excluded[k] for k in ("question", "lang", "shown", "updated_at")},
        )
    await session.execute(stmt)


async def last_question(
    session: AsyncSession, tenant_id: str, conversation_id: str, speaker_key: str
) -> tuple[str, str, int] | None:
    row = (
        await session.execute(
            text(
                "SELECT question, lang, shown FROM ask_state WHERE tenant_id = :t AND "
                "conversation_id = :c AND speaker_key = :s"
            ),
            {"t": tenant_id, "c": conversation_id[:400], "s": speaker_key[:400]},
        )
    ).first()
    return (row.question, row.lang, int(row.shown)) if row else None


__all__ = [
    "KIND_DECISION",
    "KIND_ITEM",
    "KIND_MEETING",
    "Candidate",
    "Concept",
    "DocRow",
    "Scope",
    "SearchResult",
    "build_concepts",
    "build_docs",
    "bulk_index",
    "clear_index_sync",
    "install_search_index_events",
    "last_question",
    "query_words",
    "rebuild_all_sync",
    "recent",
    "reindex",
    "remember_question",
    "search",
    "suggest",
]
