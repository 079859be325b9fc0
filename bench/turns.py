"""Turn-path throughput: Teams-shaped `hjälp` messages through the real service.

Each turn is authenticated (auth off here, as locally), deduplicated, run in one transaction,
written to the outbox and delivered to a loopback Bot Connector. The anchor, measured in the
same run with the same client, is a bare aiohttp endpoint that parses the same JSON and answers
200: the ratio says what our turn costs over the HTTP floor of this machine.

    .venv/bin/python bench/turns.py [--requests 2000] [--concurrency 8] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import create_app
from bot.settings import Settings

TENANT = "72f988bf-0000-4000-8000-000000000001"


async def _serve(app: web.Application) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, int(port)


class Received:
    """Arrival times of replies at the stand-in connector; `done` is set at the expected count."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.expected = 0
        self.done = asyncio.Event()

    def expect(self, n: int) -> None:
        self.times.clear()
        self.expected = n
        self.done.clear()

    def add(self) -> None:
        self.times.append(time.perf_counter())
        if self.expected and len(self.times) >= self.expected:
            self.done.set()


def connector_app(received: Received) -> web.Application:
    async def reply(request: web.Request) -> web.Response:
        await request.read()
        received.add()
        return web.json_response({"id": uuid.uuid4().hex}, status=201)

    app = web.Application()
    app.router.add_post("/v3/conversations/{conv}/activities", reply)
    app.router.add_post("/v3/conversations/{conv}/activities/{id}", reply)
    return app


def bare_app() -> web.Application:
    async def handle(request: web.Request) -> web.Response:
        json.loads(await request.read())
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/api/messages", handle)
    return app


def activity(service_url: str, n: int) -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"bench-{n}-{uuid.uuid4().hex[:8]}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "text": "<at>Bot</at> hjälp",
        "textFormat": "plain",
        "from": {
            "id": f"29:user{n % 50}",
            "name": f"Användare {n % 50}",
            "aadObjectId": str(uuid.UUID(int=n % 50 + 1)),
        },
        "recipient": {"id": "28:bot", "name": "Bot"},
        "conversation": {
            "id": f"19:meeting_bench{n % 20}@thread.v2",
            "conversationType": "groupChat",
            "isGroup": True,
            "tenantId": TENANT,
        },
        "channelData": {"tenant": {"id": TENANT}},
        "entities": [
            {
                "type": "mention",
                "text": "<at>Bot</at>",
                "mentioned": {"id": "28:bot", "name": "Bot"},
            }
        ],
        "locale": "sv-SE",
    }


async def drive(
    url: str, service_url: str, total: int, concurrency: int
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    counter = iter(range(total))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def worker() -> None:
            for n in counter:
                body = json.dumps(activity(service_url, n), ensure_ascii=False).encode()
                t0 = time.perf_counter()
                async with http.post(
                    url, data=body, headers={"Content-Type": "application/json"}
                ) as resp:
                    await resp.read()
                    if resp.status != 200:
                        raise RuntimeError(f"HTTP {resp.status}")
                latencies.append(time.perf_counter() - t0)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - start, latencies


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()

    received = Received()
    conn_runner, conn_port = await _serve(connector_app(received))
    service_url = f"http://127.0.0.1:{conn_port}/"
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        settings = Settings(database_url=url, port=0, public_url="http://127.0.0.1")
        bot_runner, bot_port = await _serve(create_app(settings))
        bare_runner, bare_port = await _serve(bare_app())
        try:
            # Warm up both (connections, migrations, caches) before measuring.
            await drive(
                f"http://127.0.0.1:{bot_port}/api/messages", service_url, 50, args.concurrency
            )
            await drive(
                f"http://127.0.0.1:{bare_port}/api/messages", service_url, 50, args.concurrency
            )
            bare_s, bare_lat = await drive(
                f"http://127.0.0.1:{bare_port}/api/messages",
                service_url,
                args.requests,
                args.concurrency,
            )
            await asyncio.sleep(1.0)  # let warm-up replies drain
            received.expect(args.requests)
            t0 = time.perf_counter()
            ours_s, ours_lat = await drive(
                f"http://127.0.0.1:{bot_port}/api/messages",
                service_url,
                args.requests,
                args.concurrency,
            )
            try:
                await asyncio.wait_for(received.done.wait(), 120)
            except TimeoutError:
                pass
            delivered_s = (received.times[-1] - t0) if received.times else float("nan")
        finally:
            await bot_runner.cleanup()
            await bare_runner.cleanup()
            await conn_runner.cleanup()

    engine = "PostgreSQL" if "postgresql" in url else "SQLite (WAL, synchronous=NORMAL)"
    print(
        f"turn path bench: {args.requests} hjälp messages, concurrency {args.concurrency}, {engine}"
    )
    print(f"{'':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    print(
        f"{'anchor: bare aiohttp':28} {args.requests / bare_s:9.0f} {pct(bare_lat, 0.5):8.2f} {pct(bare_lat, 0.99):8.2f}"
    )
    print(
        f"{'samverkansbot turn':28} {args.requests / ours_s:9.0f} {pct(ours_lat, 0.5):8.2f} {pct(ours_lat, 0.99):8.2f}"
    )
    print(
        f"replies delivered: {len(received.times)}/{args.requests}, the last {delivered_s:.2f} s "
        f"after the first request; mean latency {statistics.fmean(ours_lat) * 1000:.2f} ms"
    )
    print(
        f"ratio ours/anchor: throughput {bare_s / ours_s and (args.requests / ours_s) / (args.requests / bare_s):.3f}, "
        f"p50 latency x{pct(ours_lat, 0.5) / pct(bare_lat, 0.5):.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
