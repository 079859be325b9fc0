"""Latency figures the tests no longer bound by the clock: each against an anchor measured in the
same run, so the machine's other load shows in both.

- forty check-ins: 40 `närvarande` sent at once to an open meeting, until all are answered;
  anchor: one `närvarande` turn alone (median of 5), times 40 if they were served one by one.
- burst: 8 replies to one chat under Teams' limits (7 a second): the spread of the sender's
  releases and of the arrivals at the stand-in connector, and how many 429s it answered;
  anchor: Teams' one second.
- 10 MB import: `hjälp` turns in other conversations while a 10 MB file sent in a personal chat
  is read and parsed; anchor: the same turns with no import (median, 90th percentile, slowest).

    .venv/bin/python bench/latency.py        (each on a SQLite file of its own)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.sender import ConversationPacer
from storage.migrate import upgrade
from tests.harness.activities import make_user, meeting_chat, personal
from tests.harness.connector import StandInConnector
from tests.harness.files import file_server
from tests.harness.server import BotServer, turn_latency
from tests.shared import SEED_004
from tests.test_import_store import file_message


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


async def forty_check_ins(server: BotServer, connector: StandInConnector) -> None:
    acts = server.activities
    room = meeting_chat()
    mats = make_user("Mats Wennstig")
    for text in ("organ: LSVO ledningsgrupp (LSVO)", "öppna mötet"):
        await server.post(acts.message(text, user=mats, conversation=room))
    await connector.wait_for(2, room.id, timeout=60)
    connector.rate_limit()

    async def check_in(i: int) -> None:
        user = make_user(f"Deltagare {i:02d} Testsson")
        status, _ = await server.post(acts.message("närvarande", user=user, conversation=room))
        assert status == 200

    alone = []
    for i in range(5):
        t0 = time.perf_counter()
        await check_in(100 + i)
        alone.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    await asyncio.gather(*(check_in(i) for i in range(40)))
    forty = time.perf_counter() - t0
    one = statistics.median(alone)
    print(
        f"forty check-ins: all answered in {forty:.2f} s; anchor: one alone {one:.3f} s "
        f"(x40 = {40 * one:.2f} s); ratio {forty / (40 * one):.2f}"
    )
    connector.rate_limit(False)


async def burst(server: BotServer, connector: StandInConnector) -> None:
    released: list[float] = []
    wait_turn = ConversationPacer.wait_turn

    async def recording(self: ConversationPacer, conversation_id: str) -> None:
        await wait_turn(self, conversation_id)
        released.append(time.monotonic())

    ConversationPacer.wait_turn = recording  # type: ignore[method-assign]
    try:
        connector.rate_limit()
        conv = personal()
        for _ in range(8):
            await server.post(server.activities.message("hjälp", conversation=conv))
        sent = await connector.wait_for(8, conv.id, timeout=60)
    finally:
        ConversationPacer.wait_turn = wait_turn  # type: ignore[method-assign]
        connector.rate_limit(False)
    refused = [r.status for r in connector.sent(conv.id, ok_only=False)].count(429)
    print(
        f"burst of 8: sender released over {released[7] - released[0]:.3f} s, arrived over "
        f"{sent[7].time - sent[0].time:.3f} s; anchor: Teams' window 1.000 s; 429s: {refused}"
    )


async def big_import(server: BotServer, connector: StandInConnector) -> None:
    files: dict[str, bytes] = {}
    async with file_server(files) as base:
        await _big_import(server, connector, base, files)


async def _big_import(
    server: BotServer, connector: StandInConnector, base: str, files: dict[str, bytes]
) -> None:
    seed = SEED_004.read_bytes()
    files["big.txt"] = (seed * (10_000_000 // len(seed) + 1))[:10_000_000]
    acts = server.activities
    mats = make_user("Mats Wennstig")
    anna = make_user("Anna Karlsson")
    channel = acts._conv("channel")
    await server.post(
        acts.message("organ: LSVO ledningsgrupp (LSVO)", user=mats, conversation=channel)
    )
    await connector.wait_for(1, where=lambda r: "skapat" in (r.text or ""), timeout=60)

    async def other_turn() -> float:
        return await turn_latency(server, connector, anna)

    alone = [await other_turn() for _ in range(20)]
    dm = personal()
    t0 = time.perf_counter()
    big = asyncio.create_task(
        server.post(file_message(acts, "importera: LSVO", base + "big.txt", "big.txt", mats, dm))
    )
    during: list[float] = []
    while not (big.done() and any(r.cards for r in connector.sent(dm.id))):
        during.append(await other_turn())
        await asyncio.sleep(0.05)
    took = time.perf_counter() - t0

    def row(name: str, xs: list[float]) -> str:
        return f"  {name:14} n={len(xs):3d} median {pct(xs, 0.5):.3f} s  p90 {pct(xs, 0.9):.3f} s  max {max(xs):.3f} s"

    print(f"10 MB import answered in {took:.1f} s; other conversations' hjälp turns:")
    print(row("anchor: alone", alone))
    print(row("during import", during))
    print(
        f"  added: median {pct(during, 0.5) - pct(alone, 0.5):+.3f} s, "
        f"p90 {pct(during, 0.9) - pct(alone, 0.9):+.3f} s, max {max(during) - max(alone):+.3f} s"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with StandInConnector() as connector:
            for step in (forty_check_ins, burst, big_import):
                url = f"sqlite+aiosqlite:///{tmp}/{step.__name__}.db"
                await upgrade(url)
                server = await BotServer(url, connector).start()
                try:
                    await step(server, connector)
                finally:
                    await server.close()


if __name__ == "__main__":
    asyncio.run(main())
