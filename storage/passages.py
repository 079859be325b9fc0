"""The whole record as passages: what questions are answered from.

One row of `ask_passage` per decision, per paragraph of an item's text (and its outcome), per
assignment, per meeting's attendance and per meeting's facts (date, time, place, next meeting),
and per paragraph of imported text that found no structure. Each row carries tenant, body,
meeting, date, item (§ or punkt label), kind (beslut, information, diskussion, narvaro, uppdrag,
motesfakta), standing and the sekretess flag, the text shown to the asker, and its dense vector
(storage.vectors; NULL until computed, off the event loop).

`ask_passage_term` holds each passage's stems (storage.passage_text) for the lexical side, with
each stem reversed too so that compounds are found by their head ("skolscreening" for
"screening") as well as by their first part.

A meeting's passages are rebuilt from the record after every flush that touched the meeting, in
the same transaction (the ORM hooks below, beside the ones of storage.search); a passage whose
text is unchanged keeps its vector.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import logging
import math
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from storage import vector_store
from storage.models import (
    Assignment,
    Attendance,
    Decision,
    DecisionNote,
    Item,
    Meeting,
)
from storage.passage_text import base_forms, damaged, passage_terms, question_terms, stem

logger = logging.getLogger(__name__)

# Kinds of passage, as stored.
BESLUT = "beslut"
INFORMATION = "information"
DISKUSSION = "diskussion"
NARVARO = "narvaro"
UPPDRAG = "uppdrag"
MOTESFAKTA = "motesfakta"
KINDS = (BESLUT, INFORMATION, DISKUSSION, NARVARO, UPPDRAG, MOTESFAKTA)

MAX_PASSAGE = 700  # characters of one passage; longer paragraphs are cut at sentences

passage_metadata = MetaData()

ask_passage = Table(
    "ask_passage",
    passage_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tenant_id", String(64), nullable=False),
    Column("body_id", Integer, nullable=False),
    Column("meeting_id", Integer, nullable=False),
    Column("item_id", Integer),
    Column("decision_id", Integer),
    Column("meeting_date", Date, nullable=False),
    Column("kind", String(12), nullable=False),
    Column("label", String(40)),
    Column("title", String(500)),
    Column("standing", String(20)),
    Column("confidential", Boolean, nullable=False, default=False),
    Column("position", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("text_hash", String(16), nullable=False),
    # Dense vector: int8 codes with their scale, and a 1-bit signature for recall.
    Column("vec", LargeBinary),
    Column("vec_scale", Float),
    Column("sig", LargeBinary),
    Index("ix_ask_passage_tenant_body", "tenant_id", "body_id", "meeting_date"),
    Index("ix_ask_passage_meeting", "meeting_id"),
)

ask_passage_term = Table(
    "ask_passage_term",
    passage_metadata,
    Column("passage_id", Integer, primary_key=True),
    Column("term", String(64), primary_key=True),
    Column("rterm", String(64), nullable=False),
    Column("tenant_id", String(64), nullable=False),
    # Covering: a term's document frequency and postings are read from the index alone.
    Index("ix_ask_passage_term_postings", "tenant_id", "term", "passage_id"),
    Index("ix_ask_passage_term_tenant_rterm", "tenant_id", "rterm"),
)

_MONTHS_SV = (
    "januari februari mars april maj juni juli augusti september oktober november december".split()
)


_WEEKDAYS_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def long_date(date: dt.date) -> str:
    """'10 oktober 2024', as Swedish minutes write a date."""
    return f"{date.day} {_MONTHS_SV[date.month - 1]} {date.year}"


def _hash(text_: str) -> str:
    return hashlib.blake2b(text_.encode("utf-8"), digest_size=8).hexdigest()


_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-ZÅÄÖ0-9•\-–])")


# The lines a web page or a document site puts round published minutes, which a copied page or
# a transcript carries into an imported item's text: a viewer's controls ("Storlek: px",
# "Starta visningen från sidan:", 'Download "…"', "Transkript", "- Visningar:", "- för 5 år
# sedan"), a site's skip links and browser or cookie notices ("Denna webbplats använder teknik
# som …"). Not the minutes' words: they are no passage to search or show (they were shown as
# answers: corpus dev 16, 19). Whole lines only; the stored text keeps them as imported.
_WEB_CHROME = re.compile(
    r"(?im)^[ \t]*(?:[-•*][ \t]*)?(?:"
    r"storlek:[ \t]*px|starta visningen från sidan:?|(?:download|ladda ner(?: och läs)?):?[ \t]*\"[^\"\n]*\"|"
    r"transkript|visningar:?[ \t]*\d*|för \d+ (?:år|månader|dagar) sedan|relevanta dokument|"
    r"hoppa (?:över|till) (?:navigering\w*|innehåll\w*|huvudinnehåll\w*)|"
    r"(?:denna webbplats|webbplatsen|vi) använder (?:teknik|kakor|cookies)\b[^\n]*"
    r")[ \t]*$"
)


def split_paragraphs(text_: str | None, limit: int = MAX_PASSAGE) -> list[str]:
    """Paragraphs of a text (blank lines, list lines), short ones joined, long ones cut at
    sentence ends, each at most `limit` characters; a web page's own lines left out."""
    if text_:
        text_ = _WEB_CHROME.sub("", text_)
    if not text_ or not text_.strip():
        return []
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n(?=\s*(?:[-•*–]|\d+[.)])\s)", text_)]
    out: list[str] = []
    buf = ""
    for block in (re.sub(r"\s+", " ", b) for b in blocks if b):
        pieces = [block]
        if len(block) > limit:
            pieces = []
            cur = ""
            for sentence in _SENTENCE_END.split(block):
                while len(sentence) > limit:  # no sentence end at all: cut at a space
                    cut = sentence.rfind(" ", 0, limit)
                    cut = cut if cut > limit // 2 else limit
                    if cur:
                        pieces.append(cur)
                        cur = ""
                    pieces.append(sentence[:cut].strip())
                    sentence = sentence[cut:].strip()
                if cur and len(cur) + 1 + len(sentence) > limit:
                    pieces.append(cur)
                    cur = sentence
                else:
                    cur = f"{cur} {sentence}".strip()
            if cur:
                pieces.append(cur)
        for piece in pieces:
            if buf and len(buf) + 1 + len(piece) <= limit // 2:
                buf = f"{buf} {piece}"
            else:
                if buf:
                    out.append(buf)
                buf = piece
    if buf:
        out.append(buf)
    return out


@dataclass
class PassageRow:
    tenant_id: str
    body_id: int
    meeting_id: int
    meeting_date: dt.date
    kind: str
    text: str
    item_id: int | None = None
    decision_id: int | None = None
    label: str | None = None
    title: str | None = None
    standing: str | None = None
    confidential: bool = False
    position: int = 0

    def search_text(self) -> str:
        """What the passage is found by: its text, with the item's title and label."""
        head = " ".join(x for x in (self.label, self.title) if x)
        return f"{head}: {self.text}" if head else self.text


ROLE_SV = {
    "ordforande": "ordförande",
    "vice_ordforande": "vice ordförande",
    "sekreterare": "sekreterare",
    "justerare": "justerare",
    "ledamot": "ledamot",
    "ersattare": "ersättare",
    "tjansteperson": "tjänsteperson",
    "brukarrepresentant": "brukarrepresentant",
    "adjungerad": "adjungerad",
    "ovrig": "övrig",
}


def item_label(number: Any, label: Any, is_paragraph: Any) -> str | None:
    if is_paragraph and (number is not None or label):
        return f"§ {label or number}"
    if label:
        return f"punkt {label}"
    return None


def written_without_att(clauses: Sequence[str], body: str | None) -> bool:
    """A decision written as one sentence with no "att" ("Beslut 1. Eva Ek utses att justera
    protokollet.", corpus 12): its one clause is the text as written, to be shown so, never
    with an "att" the minutes do not have."""
    return (
        len(clauses) == 1
        and bool(body)
        and " ".join(str(body).split()) == " ".join(clauses[0].split())
    )


def decision_text(phrase: str | None, clauses: Sequence[Any] | None, body: str | None) -> str:
    clauses_ = [str(c).strip() for c in (clauses or []) if str(c).strip()]
    phrase = (phrase or "").strip()
    if clauses_ and not written_without_att(clauses_, body):
        lines = [phrase] if phrase else []
        lines += [f"att {c}" for c in clauses_]
        return "\n".join(lines)
    return (body or phrase).strip()


def _fmt_time(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    from zoneinfo import ZoneInfo

    local = value.astimezone(ZoneInfo("Europe/Stockholm"))
    return f"{local.hour:02d}.{local.minute:02d}"


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def build_meeting_passages(conn: Connection, meeting_id: int) -> list[PassageRow]:
    """Every passage of one meeting, read from the record."""
    m = (
        conn.execute(
            text(
                "SELECT m.id, m.tenant_id, m.body_id, m.title, m.date, m.start_at, m.end_at, "
                "m.place, m.next_meeting_text, m.next_meeting_date, m.text, m.status, "
                "b.name AS body_name, m.chair_person_id, m.secretary_person_id, m.justerat_on, "
                "m.date_stated "
                "FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = :m"
            ),
            {"m": meeting_id},
        )
        .mappings()
        .first()
    )
    if m is None:
        return []
    date = _as_date(m["date"])
    base = {
        "tenant_id": m["tenant_id"],
        "body_id": m["body_id"],
        "meeting_id": m["id"],
        "meeting_date": date,
    }
    out: list[PassageRow] = []

    # Meeting facts.
    # The weekday as minutes write it ("måndagen den 21 april 2008"): asked for as often.
    weekday = _WEEKDAYS_SV[date.weekday()]
    facts = [f"Mötet hölls {date.isoformat()} ({weekday}en den {long_date(date)})."]
    if m["date_stated"] is not None and not m["date_stated"]:
        # The import day stood in for a date the minutes do not give: not a fact to state.
        facts = [f"Protokollet anger inget datum; importerat {date.isoformat()}."]
    start, end = _fmt_time(m["start_at"]), _fmt_time(m["end_at"])
    if start:
        facts.append(f"Tid: {start}" + (f"-{end}" if end else "") + ".")
    elif end:
        facts.append(f"Mötet avslutades {end}.")
    if m["place"]:
        facts.append(f"Plats: {m['place']}.")
    if m["justerat_on"]:
        done = _as_date(m["justerat_on"])
        facts.append(f"Protokollet justerades {done.isoformat()} ({long_date(done)}).")
    if m["next_meeting_text"] or m["next_meeting_date"]:
        nxt = "Nästa möte: "
        if m["next_meeting_date"]:
            nd = _as_date(m["next_meeting_date"])
            nxt += f"{nd.isoformat()} ({long_date(nd)}) "
        nxt += m["next_meeting_text"] or ""
        facts.append(nxt.strip())
    # The body's name and the meeting's title are what the facts are found by, not shown.
    title = m["body_name"] + (
        f", {m['title']}" if m["title"] and m["title"] != m["body_name"] else ""
    )
    out.append(
        PassageRow(
            **base, kind=MOTESFAKTA, text=" ".join(facts), title=title[:500], standing=m["status"]
        )
    )

    # Attendance.
    rows = conn.execute(
        text(
            "SELECT p.id AS pid, p.display_name, p.organisation, a.status, a.role, a.is_justerare, "
            "a.partial_note, s.display_name AS for_name "
            "FROM attendance a JOIN person p ON p.id = a.person_id "
            "LEFT JOIN person s ON s.id = a.substitute_for_person_id "
            "WHERE a.meeting_id = :m ORDER BY a.id"
        ),
        {"m": meeting_id},
    ).mappings()
    present: list[str] = []
    absent: list[str] = []
    partial: list[str] = []
    justerare: list[str] = []
    roles: dict[str, list[str]] = {}
    for r in rows:
        name = r["display_name"] + (f" ({r['organisation']})" if r["organisation"] else "")
        role = ROLE_SV.get(r["role"] or "", r["role"] or "")
        desc = name + (f", {role}" if role and role not in ("ledamot",) else "")
        if r["for_name"]:
            desc += f", ersätter {r['for_name']}"
        if r["status"] == "absent":
            absent.append(name)
        elif r["status"] == "partial":
            partial.append(desc + (f" ({r['partial_note']})" if r["partial_note"] else ""))
        else:
            present.append(desc)
        if r["is_justerare"]:
            justerare.append(r["display_name"])
        if (
            r["role"] in ("ordforande", "vice_ordforande", "sekreterare")
            and r["status"] != "absent"
        ):
            roles.setdefault(ROLE_SV[r["role"]], []).append(r["display_name"])
    for pid_col, role in (
        ("chair_person_id", "ordförande"),
        ("secretary_person_id", "sekreterare"),
    ):
        if m[pid_col] and role not in roles:
            name_ = conn.execute(
                text("SELECT display_name FROM person WHERE id = :p"), {"p": m[pid_col]}
            ).scalar()
            if name_:
                roles[role] = [name_]
    parts: list[str] = []
    for role, names in roles.items():
        parts.append(f"{role.capitalize()}: {', '.join(names)}.")
    if justerare:
        parts.append(f"Justerare: {', '.join(justerare)}.")
    if present:
        parts.append(f"Närvarande: {'; '.join(present)}.")
    if partial:
        parts.append(f"Närvarande en del av mötet: {'; '.join(partial)}.")
    if absent:
        parts.append(f"Frånvarande: {'; '.join(absent)}.")
    for n, chunk in enumerate(split_paragraphs("\n\n".join(parts), 900)):
        out.append(PassageRow(**base, kind=NARVARO, text=chunk, position=n))

    # Items: decisions, text, outcome, assignments.
    items = conn.execute(
        text(
            "SELECT id, number, label, is_paragraph, title, presenters, text, kind, status, "
            "outcome, confidential, position FROM item WHERE meeting_id = :m ORDER BY position, id"
        ),
        {"m": meeting_id},
    ).mappings()
    for it in list(items):
        label = item_label(it["number"], it["label"], it["is_paragraph"])
        common = {
            **base,
            "item_id": it["id"],
            "label": label,
            "title": (it["title"] or "")[:500] or None,
            "confidential": bool(it["confidential"]),
        }
        decisions = list(
            conn.execute(
                text(
                    "SELECT id, phrase, clauses, text, status, reported_by_body FROM decision "
                    "WHERE item_id = :i ORDER BY position, id"
                ),
                {"i": it["id"]},
            ).mappings()
        )
        for n, d in enumerate(decisions):
            clauses = d["clauses"]
            if isinstance(clauses, str):
                import json

                clauses = json.loads(clauses or "[]")
            body_text = decision_text(d["phrase"], clauses, d["text"])
            if not body_text:
                continue
            notes = conn.execute(
                text("SELECT kind, text FROM decision_note WHERE decision_id = :d ORDER BY id"),
                {"d": d["id"]},
            ).all()
            for kind, note in notes:
                body_text += f"\n{'Reservation' if kind == 'reservation' else 'Protokollsanteckning'}: {note}"
            out.append(
                PassageRow(
                    **common,
                    kind=BESLUT,
                    decision_id=d["id"],
                    text=body_text[: MAX_PASSAGE * 3],
                    standing=d["status"],
                    position=n,
                )
            )
        text_kind = DISKUSSION if decisions else INFORMATION
        paragraphs = split_paragraphs(it["text"])
        if it["presenters"]:
            lead = f"Föredragande: {it['presenters']}."
            paragraphs = [f"{lead} {paragraphs[0]}", *paragraphs[1:]] if paragraphs else [lead]
        if not paragraphs and not decisions and it["title"]:
            paragraphs = [it["title"]]
        for n, para in enumerate(paragraphs):
            out.append(
                PassageRow(**common, kind=text_kind, text=para, standing=it["status"], position=n)
            )
        for n, para in enumerate(split_paragraphs(it["outcome"])):
            out.append(
                PassageRow(
                    **common,
                    kind=text_kind,
                    text=para,
                    standing=it["status"],
                    position=100 + n,
                )
            )
    assignments = conn.execute(
        text(
            "SELECT a.id, a.item_id, a.assignee_text, a.what, a.due_date, a.due_text, a.status, "
            "i.number, i.label, i.is_paragraph, i.title, i.confidential "
            "FROM assignment a LEFT JOIN item i ON i.id = a.item_id "
            "WHERE a.meeting_id = :m ORDER BY a.id"
        ),
        {"m": meeting_id},
    ).mappings()
    for n, a in enumerate(assignments):
        due = ""
        if a["due_date"]:
            dd = _as_date(a["due_date"])
            due = f" (klart {dd.isoformat()}, {long_date(dd)})"
        elif a["due_text"]:
            due = f" ({a['due_text']})"
        out.append(
            PassageRow(
                **base,
                kind=UPPDRAG,
                item_id=a["item_id"],
                label=item_label(a["number"], a["label"], a["is_paragraph"]),
                title=a["title"],
                confidential=bool(a["confidential"]),
                text=f"Uppdrag till {a['assignee_text'] or '–'}: {a['what']}{due}",
                standing=a["status"],
                position=n,
            )
        )
    # Imported text that found no structure.
    for n, para in enumerate(split_paragraphs(m["text"])):
        out.append(PassageRow(**base, kind=INFORMATION, text=para, position=1000 + n))
    return out


def _reverse(term: str) -> str:
    return term[::-1]


def rebuild_meetings(conn: Connection, meeting_ids: Iterable[int]) -> int:
    """Replace the passages of these meetings with what the record now says; vectors of
    unchanged texts are kept. Returns the number of passages written."""
    _wrote_passages(conn)
    written = 0
    for meeting_id in sorted(set(meeting_ids)):
        old = {
            (r.kind, r.text_hash): (r.vec, r.vec_scale, r.sig)
            for r in conn.execute(
                select(
                    ask_passage.c.kind,
                    ask_passage.c.text_hash,
                    ask_passage.c.vec,
                    ask_passage.c.vec_scale,
                    ask_passage.c.sig,
                ).where(ask_passage.c.meeting_id == meeting_id, ask_passage.c.vec.is_not(None))
            )
        }
        old_rows = conn.execute(
            select(
                ask_passage.c.id,
                ask_passage.c.tenant_id,
                ask_passage.c.body_id,
                ask_passage.c.confidential,
                ask_passage.c.sig.is_not(None).label("packed"),
            ).where(ask_passage.c.meeting_id == meeting_id)
        ).all()
        old_ids = [r.id for r in old_rows]
        if old_ids:
            for start in range(0, len(old_ids), 500):
                chunk = old_ids[start : start + 500]
                conn.execute(
                    delete(ask_passage_term).where(ask_passage_term.c.passage_id.in_(chunk))
                )
                conn.execute(delete(ask_passage).where(ask_passage.c.id.in_(chunk)))
        rows = build_meeting_passages(conn, meeting_id)
        kept: list[vector_store.Entry] = []
        for row in rows:
            search_text = row.search_text()
            h = _hash(search_text)
            vec, scale, sig = old.get((row.kind, h), (None, None, None))
            pid = conn.execute(
                insert(ask_passage)
                .values(
                    tenant_id=row.tenant_id,
                    body_id=row.body_id,
                    meeting_id=row.meeting_id,
                    item_id=row.item_id,
                    decision_id=row.decision_id,
                    meeting_date=row.meeting_date,
                    kind=row.kind,
                    label=row.label,
                    title=row.title,
                    standing=row.standing,
                    confidential=row.confidential,
                    position=row.position,
                    text=row.text,
                    text_hash=h,
                    vec=vec,
                    vec_scale=scale,
                    sig=sig,
                )
                .returning(ask_passage.c.id)
            ).scalar_one()
            if sig is not None:
                kept.append(
                    vector_store.Entry(
                        row.tenant_id,
                        row.body_id,
                        row.confidential,
                        pid,
                        row.meeting_date,
                        sig,
                        vec,
                        scale,
                    )
                )
            terms = [t for t in passage_terms(search_text) if len(t) <= 64]
            if terms:
                conn.execute(
                    insert(ask_passage_term),
                    [
                        {
                            "passage_id": pid,
                            "term": t,
                            "rterm": _reverse(t),
                            "tenant_id": row.tenant_id,
                        }
                        for t in terms
                    ],
                )
            written += 1
        # The packed signatures (storage.vector_store): kept vectors under their new ids, the
        # deleted passages counted dead.
        if _has_blocks(conn):
            vector_store.append(conn, kept)
            vector_store.forget(
                conn, [(r.tenant_id, r.body_id, r.confidential) for r in old_rows if r.packed]
            )
    return written


def _has_blocks(conn: Connection) -> bool:
    """Whether the block table is there (rebuilds run inside the migration that adds
    passages, before the one that adds blocks)."""
    return _table_exists(conn, "ask_vec_block")


def rebuild_all_sync(conn: Connection, tenant_id: str | None = None) -> int:
    where = "WHERE tenant_id = :t" if tenant_id else ""
    ids = list(conn.execute(text(f"SELECT id FROM meeting {where}"), {"t": tenant_id}).scalars())
    return rebuild_meetings(conn, ids)


# --- keeping passages in step with the ORM -----------------------------------------------------

_PENDING = "ask_passage_pending"
_tables_seen: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()
_installed = False
# Called after a flush wrote passages without vectors (the embedder wakes up).
on_new_passages: list[Any] = []


def _meeting_of(obj: Any) -> int | None:
    if isinstance(obj, Meeting):
        return obj.id
    if isinstance(obj, Item | Decision | Attendance | Assignment):
        return obj.meeting_id
    return None


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("search_index_off"):
        return
    pending = session.info.setdefault(_PENDING, {"objects": [], "meetings": set(), "notes": []})
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Meeting | Item | Decision | Attendance | Assignment):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            pending["objects"].append(obj)
            mid = _meeting_of(obj)
            if mid is not None:
                pending["meetings"].add(mid)
        elif isinstance(obj, DecisionNote):
            pending["notes"].append(obj)


def _has_tables(conn: Connection) -> bool:
    return _table_exists(conn, "ask_passage")


def _table_exists(conn: Connection, name: str) -> bool:
    """Whether a table is there (cached per engine once it is)."""
    seen = _tables_seen.setdefault(conn.engine, set())
    if name in seen:
        return True
    if conn.dialect.name == "sqlite":
        found = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": name}
        ).first()
    else:
        found = conn.execute(text("SELECT to_regclass(:n)"), {"n": name}).scalar()
    if found:
        seen.add(name)
    return bool(found)


def _after_flush(session: Session, _ctx: Any) -> None:
    """Note the meetings this flush touched; their passages are rebuilt once, before commit
    (an import flushes many times) or when a question is asked in the same transaction."""
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    meetings: set[int] = set(pending["meetings"])
    for obj in pending["objects"]:
        mid = _meeting_of(obj)
        if mid is not None:
            meetings.add(mid)
    ids = [n.decision_id for n in pending["notes"] if n.decision_id is not None]
    if ids:
        meetings |= set(
            session.connection()
            .execute(
                text("SELECT meeting_id FROM decision WHERE id IN :d").bindparams(
                    bindparam("d", expanding=True)
                ),
                {"d": sorted(set(ids))},
            )
            .scalars()
        )
    if meetings:
        session.info.setdefault(_DIRTY, set()).update(meetings)


_DIRTY = "ask_passage_dirty"


def apply_pending(session: Session) -> int:
    """Rebuild the passages of the meetings written in this transaction so far."""
    if session.info.get(_DIRTY) or session.new or session.dirty or session.deleted:
        session.flush()
    meetings = session.info.pop(_DIRTY, None)
    if not meetings:
        return 0
    conn = session.connection()
    if not _has_tables(conn):
        return 0
    written = rebuild_meetings(conn, meetings)
    if written:
        session.info["ask_passages_written"] = True
    return written


def _before_commit(session: Session) -> None:
    if session.info.get(_DIRTY) or session.new or session.dirty or session.deleted:
        apply_pending(session)


async def bring_up_to_date(session: AsyncSession) -> None:
    """Before a question: passages of writes earlier in this transaction."""
    if session.sync_session.info.get(_DIRTY):
        await session.run_sync(apply_pending)


def _after_commit(session: Session) -> None:
    if session.info.pop("ask_passages_written", False):
        for callback in list(on_new_passages):
            try:
                callback()
            except Exception:
                logger.exception("passage callback failed")


def _after_rollback(session: Session) -> None:
    session.info.pop(_DIRTY, None)
    session.info.pop("ask_passages_written", None)


def install_passage_events() -> None:
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush_postexec", _after_flush)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "after_soft_rollback", lambda session, _t: _after_rollback(session))
    _installed = True


install_passage_events()


# --- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageScope:
    """Where a question may look; enforced in SQL before any ranking."""

    tenant_id: str
    body_ids: tuple[int, ...]
    confidential_body_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    item_labels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


def scope_clause(scope: PassageScope, alias: Any = ask_passage) -> list[Any]:
    c = alias.c
    clauses: list[Any] = [c.tenant_id == scope.tenant_id, c.body_id.in_(scope.body_ids or (-1,))]
    if scope.confidential_body_ids:
        clauses.append((c.confidential.is_(False)) | c.body_id.in_(scope.confidential_body_ids))
    else:
        clauses.append(c.confidential.is_(False))
    if scope.date_from:
        clauses.append(c.meeting_date >= scope.date_from)
    if scope.date_to:
        clauses.append(c.meeting_date <= scope.date_to)
    if scope.item_labels:
        clauses.append(c.label.in_(scope.item_labels))
    if scope.kinds:
        clauses.append(c.kind.in_(scope.kinds))
    return clauses


@dataclass
class LexicalHit:
    passage_id: int
    score: float
    coverage: float  # share of the question's term weight the passage holds


EXPANSIONS = 6
MAX_POSTINGS = 20_000
UNKNOWN_WEIGHT = 0.5


# The first distinct values of an indexed column after a prefix, by a loose index scan: one index
# seek per value (min of what follows the last), where SELECT DISTINCT … LIMIT reads every
# posting of a common word before it reaches the next word (13 s for "back" in a tenant of
# 8.8M term rows on SQLite). The same SQL on both engines.
_LOOSE_SCAN = {
    column: text(
        f"""
        WITH RECURSIVE nxt(v, n) AS (
          SELECT (SELECT min({column}) FROM ask_passage_term
                  WHERE tenant_id = :tenant AND {column} > :lo AND {column} < :hi), 1
          UNION ALL
          SELECT (SELECT min({column}) FROM ask_passage_term
                  WHERE tenant_id = :tenant AND {column} > nxt.v AND {column} < :hi), nxt.n + 1
          FROM nxt WHERE nxt.v IS NOT NULL AND nxt.n < :limit
        )
        SELECT v FROM nxt WHERE v IS NOT NULL
        """
    )
    for column in ("term", "rterm")
}


async def _next_distinct(
    session: AsyncSession, column: str, tenant_id: str, prefix: str
) -> list[str]:
    rows = await session.execute(
        _LOOSE_SCAN[column],
        {"tenant": tenant_id, "lo": prefix, "hi": prefix + "\uffff", "limit": EXPANSIONS},
    )
    return [v for (v,) in rows]


async def _expand(session: AsyncSession, tenant_id: str, term: str) -> list[tuple[str, float]]:
    """The term itself, its indefinite form's stem when the stemmer kept a definite ending
    ("strategin" → "strategi"), and the tenant's words that begin or end with it (compounds)."""
    out: list[tuple[str, float]] = [(term, 1.0)]
    out += [(b, 0.9) for b in base_forms(term)]
    if (lost := damaged(term)) is not None and len(term) >= 4:
        # Minutes whose å, ä, ö were lost ("�rsm�tet"): the same word, its ending kept whole.
        out.append((lost, 0.9))
        out += [(t, 0.8) for t in await _next_distinct(session, "term", tenant_id, lost)]
    if len(term) < 4 or not term.isalpha():
        return out
    found = await _next_distinct(session, "term", tenant_id, term)
    out += [(t, 0.7) for t in found]
    found_r = [r[::-1] for r in await _next_distinct(session, "rterm", tenant_id, term[::-1])]
    out += [(t, 0.8) for t in found_r if t != term]
    return out


@lru_cache(maxsize=1)
def _frame_stems() -> frozenset[str]:
    """Stems of the words that say how a question asks ("ärendet", "frågan", "mötet")."""
    from storage.passage_text import stop_words
    from storage.search_text import QUERY_STOP

    function = stop_words()
    return frozenset(
        stem(w) for w in QUERY_STOP if w.isalpha() and len(w) >= 4 and w not in function
    )


def frame_compound(term: str) -> str | None:
    """The first part of a compound whose last part only says how the question asks
    ("kvinnofridsärendet", "budgetfrågan", "styrelsemötet": -ärende, -fråga, -möte), a linking
    -s dropped; else None. A last part with a meaning of its own ("styrelsemerch",
    "överföringshastighet") is what the question asks about and is never dropped: a record
    that has only the first part does not answer it (measured on dev: dropping any known last
    part answered three questions the record cannot)."""
    if len(term) < 8 or not term.isalpha():
        return None
    frames = _frame_stems()
    for cut in range(len(term) - 3, 4, -1):
        head, tail = term[:cut], term[cut:]
        if head.endswith("s") and len(head) > 5:
            head = head[:-1]
        if len(head) >= 5 and len(tail) >= 4 and (tail in frames or stem(tail) in frames):
            return head
    return None


async def _decompound(session: AsyncSession, tenant_id: str, term: str) -> list[tuple[str, float]]:
    """A compound of the question the record never writes, met by its first part when its last
    part only says how the question asks (frame_compound): "kvinnofridsärendet" finds
    "kvinnofridsatsningen", "budgetfrågan" the "budget". General Swedish word formation (a
    compound's head is its last part), met against the tenant's own vocabulary."""
    head = frame_compound(term)
    if head is not None:
        # The first part as a word of its own, and the record's words that begin with it.
        found = [(t, 0.6) for t in await _next_distinct(session, "term", tenant_id, head)]
        if await _df(session, tenant_id, [head]):
            found.insert(0, (head, 0.7))
        return found
    return []


# Relative slack of the max-score bounds: float sums in another order differ in the last bits.
_EPS = 1e-9
# An index seek costs about as much as this many postings read in order (a rough, cautious
# figure: ~2 µs a seek against ~0.5 µs a posting on SQLite, bench/ask.py's 200k archive). The
# passages still in the running are looked up one by one when that reads less than the term's
# postings; either way the same postings are found.
_SEEK_COST = 8
_IDS_PER_QUERY = 5_000


def _kth(values: Iterable[float], k: int) -> float:
    return heapq.nlargest(k, values)[-1]


async def _df(session: AsyncSession, tenant_id: str, names: Sequence[str]) -> int:
    """How many of the tenant's passages hold any of the names."""
    found = await session.execute(
        select(func.count(func.distinct(ask_passage_term.c.passage_id))).where(
            ask_passage_term.c.tenant_id == tenant_id,
            ask_passage_term.c.term.in_(names),
        )
    )
    return int(found.scalar_one())


async def _postings_in_scope(
    session: AsyncSession, scope: PassageScope, names: Sequence[str]
) -> list[tuple[int, str]]:
    """Every posting of the names in the scope."""
    # The term's postings first, bounded (a LIMIT keeps the planner from flattening them into a
    # scan of every term row joined by hash), then each looked up in the scope.
    postings = (
        select(ask_passage_term.c.passage_id, ask_passage_term.c.term)
        .where(
            ask_passage_term.c.tenant_id == scope.tenant_id,
            ask_passage_term.c.term.in_(names),
        )
        .limit(MAX_POSTINGS * len(names))
        .subquery()
    )
    rows = await session.execute(
        select(postings.c.passage_id, postings.c.term)
        .join(ask_passage, ask_passage.c.id == postings.c.passage_id)
        .where(*scope_clause(scope))
    )
    return [(pid, t) for pid, t in rows]


async def _postings_of(
    session: AsyncSession, tenant_id: str, names: Sequence[str], ids: Sequence[int], df: int
) -> list[tuple[int, str]]:
    """The postings of the names among the given passages (already in the scope): seeks into
    the postings index per passage, or the names' postings read whole from the index alone."""
    if not ids:
        return []
    t = ask_passage_term.c
    if len(ids) * len(names) * _SEEK_COST >= df:
        rows = await session.execute(
            select(t.passage_id, t.term).where(t.tenant_id == tenant_id, t.term.in_(names))
        )
        return [(pid, term) for pid, term in rows]
    out: list[tuple[int, str]] = []
    ordered = sorted(ids)
    for i in range(0, len(ordered), _IDS_PER_QUERY):
        rows = await session.execute(
            select(t.passage_id, t.term).where(
                t.tenant_id == tenant_id,
                t.term.in_(names),
                t.passage_id.in_(ordered[i : i + _IDS_PER_QUERY]),
            )
        )
        out += [(pid, term) for pid, term in rows]
    return out


# The count of each tenant's passages, kept per SQLite connection (in its pool record's info)
# with a stamp of all that could change it: see tenant_passages.
_TOTALS = "ask_passage_totals"
_WRITES = "ask_passage_writes"  # passage writes of this connection, and rollbacks of them
_UNCOMMITTED = "ask_passage_uncommitted"  # whether the open transaction wrote passages
_VERSION = text("PRAGMA data_version")


def _wrote_passages(conn: Connection) -> None:
    conn.info[_WRITES] = conn.info.get(_WRITES, 0) + 1
    conn.info[_UNCOMMITTED] = True


def _info(conn: Any) -> dict[Any, Any] | None:
    """The connection's info, or None where it has none to give: a rollback of an invalidated
    connection (a turn or a sweep cancelled mid-transaction) must not raise from a listener, or
    the rollback fails and the connection is never returned to the pool (engine.dispose() then
    waits for it). An invalidated connection is replaced, and its count goes with it."""
    try:
        return conn.info  # type: ignore[no-any-return]
    except Exception:
        return None


def _committed(conn: Any) -> None:
    info = _info(conn)
    if info is not None:
        info.pop(_UNCOMMITTED, None)


def _rolled_back(conn: Any, *_args: Any) -> None:
    # Passages written in the transaction are gone again: a count with them is stale.
    info = _info(conn)
    if info is not None and info.pop(_UNCOMMITTED, None):
        info[_WRITES] = info.get(_WRITES, 0) + 1


def _rolled_back_to_savepoint(conn: Any, *_args: Any) -> None:
    info = _info(conn)
    if info is not None and info.get(_UNCOMMITTED):
        info[_WRITES] = info.get(_WRITES, 0) + 1


def _pool_reset(_dbapi_conn: Any, record: Any, reset_state: Any) -> None:
    # The pool rolls back a transaction its Connection left open.
    if not reset_state.transaction_was_reset and record.info.pop(_UNCOMMITTED, None):
        record.info[_WRITES] = record.info.get(_WRITES, 0) + 1


event.listen(Engine, "commit", _committed)
event.listen(Engine, "rollback", _rolled_back)
event.listen(Engine, "rollback_savepoint", _rolled_back_to_savepoint)
event.listen(Pool, "reset", _pool_reset)


def _pool_invalidated(_dbapi_conn: Any, record: Any, *_args: Any) -> None:
    # The rollback listener may not have reached this connection's info (see _info): whatever
    # was kept for it goes now.
    record.info.pop(_UNCOMMITTED, None)
    record.info.pop(_TOTALS, None)
    record.info[_WRITES] = record.info.get(_WRITES, 0) + 1


event.listen(Pool, "invalidate", _pool_invalidated)
event.listen(Pool, "soft_invalidate", _pool_invalidated)


async def tenant_passages(session: AsyncSession, tenant_id: str) -> int:
    """How many passages the tenant has (the N of every idf).

    Counting them walks the tenant's whole index (~25 ms at 335k passages on SQLite, five
    times that at a million decisions), once per question. On SQLite the count is kept per
    connection with a stamp of all that could change it: this connection's passage writes
    (rebuild_meetings, the one writer; and rollbacks that take them back) and PRAGMA
    data_version (commits of every other connection, as of this connection's snapshot). The
    same stamp, the same passages. PostgreSQL counts every time."""
    count = (
        select(func.count()).select_from(ask_passage).where(ask_passage.c.tenant_id == tenant_id)
    )
    conn = await session.connection()
    if conn.dialect.name != "sqlite":
        return int((await conn.execute(count)).scalar_one())
    stamp = (conn.info.get(_WRITES, 0), (await conn.execute(_VERSION)).scalar_one())
    kept: dict[str, tuple[tuple[int, Any], int]] = conn.info.setdefault(_TOTALS, {})
    hit = kept.get(tenant_id)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    n = int((await conn.execute(count)).scalar_one())
    kept[tenant_id] = (stamp, n)
    return n


async def lexical(
    session: AsyncSession, scope: PassageScope, question: str, limit: int = 60
) -> tuple[list[LexicalHit], dict[str, int]]:
    """BM25-like ranking of the scope's passages by the question's stems (and compounds).
    Returns the hits and each question term's document frequency in the tenant (0: unknown).

    A passage's score is the sum, over the question's terms, of the term's idf times the best
    weight of the variants it holds (≤ 1). Only the best `limit` are returned, so the terms are
    read rarest first (max-score pruning): once `limit` passages score more than any passage
    could from the terms still unread, no new passage can enter the top, and the commoner terms
    are only looked up for the passages still in the running (those whose score with every
    unread term could reach the top), by index seeks or one index-only range read, whichever
    reads less. The scores and their order are exactly those of reading every posting."""
    terms = question_terms(question)[:16]
    if not terms:
        return [], {}
    total = await tenant_passages(session, scope.tenant_id) or 1
    weights: dict[str, float] = {}
    dfs: dict[str, int] = {}
    readable: dict[str, tuple[list[str], dict[str, float], float]] = {}
    for term in dict.fromkeys(terms):
        variants = await _expand(session, scope.tenant_id, term)
        names = [v for v, _ in variants]
        df = await _df(session, scope.tenant_id, names)
        if df == 0:
            variants += await _decompound(session, scope.tenant_id, term)
            if len(variants) > len(names):
                names = [v for v, _ in variants]
                df = await _df(session, scope.tenant_id, names)
        dfs[term] = df
        # An unknown word weighs like the rarest (see UNKNOWN_WEIGHT for the coverage).
        idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
        weights[term] = idf
        if df == 0 or df > MAX_POSTINGS:
            continue
        weight_of: dict[str, float] = {}
        for v, w in variants:
            weight_of[v] = max(w, weight_of.get(v, 0.0))
        readable[term] = (names, weight_of, idf)
    times = {t: terms.count(t) for t in readable}  # a word asked twice counts twice
    order = sorted(readable, key=lambda t: dfs[t])  # stable: rarest first, then as asked
    unread = sum(readable[t][2] * times[t] for t in order)  # the most the unread terms add
    contrib: dict[str, dict[int, float]] = {}
    partial: dict[int, float] = {}  # what each passage scores from the terms read so far
    closed = False  # whether the top is closed to passages not yet seen
    for term in order:
        names, weight_of, idf = readable[term]
        if not closed and len(partial) >= limit:
            floor = _kth(partial.values(), limit)
            if floor > unread * (1 + _EPS):
                closed = True
        if closed:
            # Passages that cannot reach the top whatever the unread terms add drop out.
            floor = _kth(partial.values(), limit) * (1 - _EPS)
            partial = {p: s for p, s in partial.items() if s + unread >= floor}
            rows = await _postings_of(session, scope.tenant_id, names, list(partial), dfs[term])
        else:
            rows = await _postings_in_scope(session, scope, names)
        best: dict[int, float] = {}
        for pid, t in rows:
            if closed and pid not in partial:
                continue
            w = weight_of.get(t, 0.5)
            if w > best.get(pid, 0.0):
                best[pid] = w
        contrib[term] = {pid: idf * w for pid, w in best.items()}
        for pid, x in contrib[term].items():
            partial[pid] = partial.get(pid, 0.0) + x * times[term]
        unread -= idf * times[term]
    # The scores summed in the question's order, as reading every term in turn sums them.
    scores: dict[int, float] = {}
    for term in terms:
        for pid, x in contrib.get(term, {}).items():
            if pid in partial:
                scores[pid] = scores.get(pid, 0.0) + x
    # A word the tenant's record never uses (a verb form such as "sades", a typo) counts half:
    # it lowers every passage's coverage, but alone it does not hide what the other words find.
    whole = sum(w * (1.0 if dfs[t] else UNKNOWN_WEIGHT) for t, w in weights.items()) or 1.0
    hits = [LexicalHit(pid, s, s / whole) for pid, s in scores.items()]
    hits.sort(key=lambda h: (-h.score, -h.passage_id))
    return hits[:limit], dfs


async def load(session: AsyncSession, ids: Sequence[int]) -> dict[int, Any]:
    if not ids:
        return {}
    rows = await session.execute(
        select(
            ask_passage.c.id,
            ask_passage.c.tenant_id,
            ask_passage.c.body_id,
            ask_passage.c.meeting_id,
            ask_passage.c.item_id,
            ask_passage.c.decision_id,
            ask_passage.c.meeting_date,
            ask_passage.c.kind,
            ask_passage.c.label,
            ask_passage.c.title,
            ask_passage.c.standing,
            ask_passage.c.confidential,
            ask_passage.c.position,
            ask_passage.c.text,
            # False where the import found no date: meeting_date is then the day it ran.
            Meeting.date_stated,
        )
        .select_from(ask_passage.outerjoin(Meeting, Meeting.id == ask_passage.c.meeting_id))
        .where(ask_passage.c.id.in_(list(ids)))
    )
    return {r.id: r for r in rows}


__all__ = [
    "KINDS",
    "PassageScope",
    "ask_passage",
    "ask_passage_term",
    "build_meeting_passages",
    "lexical",
    "load",
    "rebuild_all_sync",
    "rebuild_meetings",
    "scope_clause",
    "split_paragraphs",
]
