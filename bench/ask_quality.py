"""Answer quality over the four seed minutes (../shared/seeds/), imported with the importer.

Each question in bench/questions.json ("quality") carries the phrase a right answer must
contain, or null when the record holds no answer. A question is right when the phrase is in
one of the top three hits (body, date, §, title or text); an unanswerable question is right
when the answer has no hits. Targets: ≥ 90 % right in the top 3, 100 % of the unanswerable
answered with nothing.

    .venv/bin/python bench/ask_quality.py [--database-url URL] [--verbose]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import storage.search  # noqa: E402,F401  (the index hooks)
from dialogs.ask import Answer, ask  # noqa: E402
from dialogs.context import CommandContext, TurnInput  # noqa: E402
from dialogs.importer import parse_minutes, read_document  # noqa: E402
from dialogs.importer.store import store_minutes  # noqa: E402
from dialogs.router import detect_language  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
TENANT = "quality"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


async def import_seeds(db: Database) -> None:
    for path in sorted(SEEDS.glob("0*.txt")):
        read = read_document(path)
        parsed = parse_minutes(read.text, path.name)
        async with db.transaction() as session:
            await store_minutes(session, TENANT, parsed, read)


async def answer(db: Database, question: str) -> Answer:
    async with db.transaction() as session:
        turn = TurnInput(
            tenant_id=TENANT,
            conversation_id="quality",
            conversation_type=None,
            speaker=None,
            source="console",
            now=NOW,
        )
        ctx = CommandContext(session, turn, lang=detect_language(question))
        ctx.cache["ask_scope"] = {"body_ids": None, "confidential": False}
        return await ask(ctx, question)


def is_right(result: Answer, expect: str | None) -> bool:
    if expect is None:
        return not result.hits
    needle = expect.lower()
    for hit in result.hits[:3]:
        hay = " ".join(
            str(x) for x in (hit.body, hit.date, hit.paragraph or "", hit.title, hit.text)
        ).lower()
        if needle in hay:
            return True
    return False


async def run(url: str, verbose: bool) -> dict[str, Any]:
    await upgrade(url)
    db = Database(url)
    try:
        await import_seeds(db)
        questions = json.loads((ROOT / "bench" / "questions.json").read_text("utf-8"))["quality"]
        rows = []
        for q in questions:
            result = await answer(db, q["q"])
            ok = is_right(result, q["expect"])
            rows.append((q, ok, result))
    finally:
        await db.dispose()
    answerable = [r for r in rows if r[0]["expect"] is not None]
    unanswerable = [r for r in rows if r[0]["expect"] is None]
    right = sum(ok for _, ok, _ in answerable)
    empty = sum(ok for _, ok, _ in unanswerable)
    sv = sum(1 for q, _, _ in rows if detect_language(q["q"]) == "sv")
    for q, ok, result in rows:
        if verbose or not ok:
            mark = "ok " if ok else "MISS"
            print(f"{mark} {q['q']!r} expect={q['expect']!r}")
            if not ok or verbose:
                for hit in result.hits[:3]:
                    print(
                        f"      · {hit.body} {hit.date} {hit.paragraph or ''} {hit.title}: {hit.text[:120]!r}"
                    )
                if not result.hits:
                    print(f"      (no hits) {result.text[:160]!r}")
    share = right / len(answerable) if answerable else 0.0
    empty_share = empty / len(unanswerable) if unanswerable else 1.0
    print()
    print(
        f"questions: {len(rows)} ({sv} Swedish, {len(rows) - sv} English); "
        f"{len(answerable)} answerable, {len(unanswerable)} without an answer in the record"
    )
    print(f"right in top 3:            {right}/{len(answerable)} = {share:.1%}  (target ≥ 90 %)")
    print(
        f"unanswerable, no answer:   {empty}/{len(unanswerable)} = {empty_share:.1%}  (target 100 %)"
    )
    return {
        "right": right,
        "answerable": len(answerable),
        "empty": empty,
        "unanswerable": len(unanswerable),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", help="an empty database (default: a temporary SQLite file)"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not SEEDS.exists():
        print(f"seed minutes not found at {SEEDS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'quality.db'}"
        result = asyncio.run(run(url, args.verbose))
    ok = result["right"] >= 0.9 * result["answerable"] and result["empty"] == result["unanswerable"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
