"""Where the dense recall reads from: passages' 1-bit signatures packed in blocks.

A question over a large scope (a whole tenant of a national archive: a million passages and more)
cannot afford one row per passage: reading a million rows through the driver takes seconds. So the
signatures of the passages that have a vector are also kept packed, `BLOCK` to a row of
`ask_vec_block`, grouped by what access control looks at (tenant, body, sekretess): the scope's
blocks are selected in SQL by the same rules as `storage.passages.scope_clause`, and the Hamming
distances of a block are one numpy operation. Each entry is a passage id (int32), its meeting date
(int32 ordinal, for a question's date filter) and its signature (48 bytes), so a million passages
are 56 MB on disk and never more than a few blocks in memory.

Blocks only propose candidates. The rerank reads the candidates' int8 codes from `ask_passage`
with the whole scope clause again, so a deleted or out-of-scope entry left in a block is dropped
there. Entries are appended when a vector is stored (storage.vectors) and when a rebuilt meeting
keeps a vector (storage.passages); a group whose dead entries (passages rebuilt or deleted) pass
a quarter of its entries is repacked from `ask_passage`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection

BLOCK = 4096  # entries per row: 4096 × 56 bytes ≈ 230 kB
SIG_BYTES = 48  # 384 dimensions, one bit each

vector_metadata = MetaData()

ask_vec_block = Table(
    "ask_vec_block",
    vector_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tenant_id", String(64), nullable=False),
    Column("body_id", Integer, nullable=False),
    Column("confidential", Boolean, nullable=False),
    Column("n", Integer, nullable=False),
    Column("dead", Integer, nullable=False, default=0),
    Column("ids", LargeBinary, nullable=False),  # int32 little-endian
    Column("days", LargeBinary, nullable=False),  # int32 little-endian date ordinals
    Column("sigs", LargeBinary, nullable=False),  # n × SIG_BYTES
    # Last, so that reading the columns above never walks these pages (SQLite reads a row's
    # payload in order): int8 codes (n × dim) and their scales (float32), for exact scoring.
    Column("codes", LargeBinary, nullable=False),
    Column("scales", LargeBinary, nullable=False),
    Index("ix_ask_vec_block_scope", "tenant_id", "body_id", "confidential"),
)


@dataclass(frozen=True)
class Entry:
    tenant_id: str
    body_id: int
    confidential: bool
    passage_id: int
    meeting_date: dt.date
    sig: bytes
    vec: bytes
    scale: float


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _pack(entries: Sequence[Entry]) -> dict[str, bytes]:
    days = np.array([_as_date(e.meeting_date).toordinal() for e in entries], dtype="<i4")
    return {
        "ids": np.array([e.passage_id for e in entries], dtype="<i4").tobytes(),
        "days": days.tobytes(),
        "sigs": b"".join(e.sig for e in entries),
        "codes": b"".join(e.vec for e in entries),
        "scales": np.array([e.scale for e in entries], dtype="<f4").tobytes(),
    }


PACKED = ("ids", "days", "sigs", "codes", "scales")


def append(conn: Connection, entries: Iterable[Entry]) -> None:
    """Add entries to the open (last, not full) block of their group, or to new blocks."""
    groups: dict[tuple[str, int, bool], list[Entry]] = defaultdict(list)
    for e in entries:
        groups[(e.tenant_id, e.body_id, bool(e.confidential))].append(e)
    for (tenant, body, conf), group in groups.items():
        c = ask_vec_block.c
        last = conn.execute(
            select(c.id, c.n, *(c[k] for k in PACKED))
            .where(c.tenant_id == tenant, c.body_id == body, c.confidential == conf)
            .order_by(c.id.desc())
            .limit(1)
        ).first()
        rest = list(group)
        if last is not None and last.n < BLOCK:
            take, rest = rest[: BLOCK - last.n], rest[BLOCK - last.n :]
            packed = _pack(take)
            conn.execute(
                update(ask_vec_block)
                .where(c.id == last.id)
                .values(
                    n=last.n + len(take),
                    **{k: bytes(getattr(last, k)) + packed[k] for k in PACKED},
                )
            )
        for start in range(0, len(rest), BLOCK):
            chunk = rest[start : start + BLOCK]
            conn.execute(
                insert(ask_vec_block).values(
                    tenant_id=tenant,
                    body_id=body,
                    confidential=conf,
                    n=len(chunk),
                    dead=0,
                    **_pack(chunk),
                )
            )


def forget(conn: Connection, groups: Iterable[tuple[str, int, bool]]) -> None:
    """Count one dead entry per item of `groups` (passages with a vector that were deleted);
    repack a group once a quarter of its entries are dead."""
    counts: dict[tuple[str, int, bool], int] = defaultdict(int)
    for g in groups:
        counts[(g[0], g[1], bool(g[2]))] += 1
    c = ask_vec_block.c
    for (tenant, body, conf), dead in counts.items():
        where = (c.tenant_id == tenant, c.body_id == body, c.confidential == conf)
        last = conn.execute(select(func.max(c.id)).where(*where)).scalar()
        if last is None:
            continue
        conn.execute(update(ask_vec_block).where(c.id == last).values(dead=c.dead + dead))
        n, d = conn.execute(select(func.sum(c.n), func.sum(c.dead)).where(*where)).one()
        if d and n and d * 4 > n:
            repack(conn, tenant, body, conf)


def repack(conn: Connection, tenant: str, body: int, conf: bool) -> int:
    """Rebuild one group's blocks from the passages that have a vector now."""
    from storage.passages import ask_passage

    c = ask_vec_block.c
    conn.execute(
        delete(ask_vec_block).where(
            c.tenant_id == tenant, c.body_id == body, c.confidential == conf
        )
    )
    p = ask_passage.c
    written = last = 0
    while True:  # in id order, one block at a time: memory stays bounded
        chunk = conn.execute(
            select(p.id, p.meeting_date, p.sig, p.vec, p.vec_scale)
            .where(
                p.tenant_id == tenant,
                p.body_id == body,
                p.confidential == conf,
                p.sig.is_not(None),
                p.id > last,
            )
            .order_by(p.id)
            .limit(BLOCK)
        ).all()
        if not chunk:
            break
        last = chunk[-1].id
        append(
            conn,
            [
                Entry(tenant, body, conf, r.id, r.meeting_date, r.sig, r.vec, r.vec_scale)
                for r in chunk
            ],
        )
        written += len(chunk)
    return written


def repack_all(conn: Connection) -> int:
    """Every group's blocks from `ask_passage` (the migration that adds the blocks)."""
    from storage.passages import ask_passage

    p = ask_passage.c
    groups = conn.execute(
        select(p.tenant_id, p.body_id, p.confidential).where(p.sig.is_not(None)).distinct()
    ).all()
    return sum(repack(conn, t, b, bool(cf)) for t, b, cf in groups)


_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def hamming(sigs: np.ndarray, qsig: np.ndarray) -> np.ndarray:
    """Bits that differ between each row of `sigs` (n × 48 uint8) and `qsig` (48 uint8)."""
    differ = np.bitwise_xor(sigs, qsig)
    if hasattr(np, "bitwise_count"):  # numpy 2
        return np.bitwise_count(differ).sum(axis=1, dtype=np.int32)  # type: ignore[no-any-return]
    return _POPCOUNT[differ].sum(axis=1, dtype=np.int32)  # type: ignore[no-any-return]


__all__ = [
    "BLOCK",
    "Entry",
    "append",
    "ask_vec_block",
    "forget",
    "hamming",
    "repack",
    "repack_all",
]
