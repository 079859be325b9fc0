"""Scheduler cost: one idle pass over a large record, and draining many due posts.

The scheduler polls (every 10 s in the service). An idle pass is three reads: is a meeting open
without its återkoppling, is an assignment due soon without its reminder, is a post due. The
anchor for it, measured in the same run on the same database, is a bare `SELECT 1` round trip.
Draining N due kallelse posts (claim, build the text from the plan, agenda and assignments, write
the outbox rows) is compared with writing the same number of outbox rows directly.

    .venv/bin/python bench/scheduler.py [--bodies 300] [--meetings 10] [--assignments 10]
        [--due 300] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text

from bot.scheduler import Scheduler
from storage import outbox, rhythm
from storage.clock import ManualClock
from storage.db import Database
from storage.migrate import upgrade
from storage.models import (
    Assignment,
    Body,
    BodyConversation,
    ConversationRef,
    Meeting,
    OutboxMessage,
    Person,
    Tenant,
)
from storage.rhythm import PlannedMeeting

NOW = dt.datetime(2027, 3, 1, 8, tzinfo=dt.UTC)


class Counting:
    """A deliverer that marks rows sent without HTTP: the bench measures the scheduler."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.n = 0

    async def deliver(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        async with self.db.transaction() as s:
            for i in ids:
                await outbox.mark_sent(s, i, f"a{i}")
        self.n += len(ids)

    async def deliver_claimed(self, rows: Iterable[OutboxMessage]) -> None:
        self.n += len(list(rows))


async def fill(db: Database, bodies: int, meetings: int, per_meeting: int, due: int) -> None:
    async with db.transaction() as s:
        await s.execute(insert(Tenant).values(id="t"))
        await s.execute(
            insert(Body),
            [
                {"id": b + 1, "tenant_id": "t", "name": f"Organ {b}", "name_key": f"organ {b}"}
                for b in range(bodies)
            ],
        )
        await s.execute(
            insert(Person),
            [
                {"id": b + 1, "tenant_id": "t", "display_name": f"P {b}", "name_key": f"p {b}"}
                for b in range(bodies)
            ],
        )
        await s.execute(
            insert(BodyConversation),
            [
                {
                    "tenant_id": "t",
                    "body_id": b + 1,
                    "conversation_id": f"c{b}",
                    "conversation_type": "groupChat",
                }
                for b in range(bodies)
            ],
        )
        await s.execute(
            insert(ConversationRef),
            [
                {
                    "tenant_id": "t",
                    "conversation_id": f"c{b}",
                    "conversation_type": "groupChat",
                    "service_url": "http://127.0.0.1/",
                    "reference": {},
                    "updated_at": NOW,
                }
                for b in range(bodies)
            ],
        )
        meeting_rows, assignment_rows = [], []
        mid = 0
        for b in range(bodies):
            for m in range(meetings):
                mid += 1
                day = dt.date(2020, 1, 6) + dt.timedelta(days=30 * m)
                meeting_rows.append(
                    {
                        "id": mid,
                        "tenant_id": "t",
                        "body_id": b + 1,
                        "date": day,
                        "status": "closed",
                        "source": "chat",
                    }
                )
                for a in range(per_meeting):
                    assignment_rows.append(
                        {
                            "tenant_id": "t",
                            "body_id": b + 1,
                            "meeting_id": mid,
                            "assignee_person_id": b + 1,
                            "assignee_text": f"P {b}",
                            "what": f"gör sak {a}",
                            "due_date": day + dt.timedelta(days=60),
                            "status": "open",
                            "created_at": NOW,
                        }
                    )
        await s.execute(insert(Meeting), meeting_rows)
        for i in range(0, len(assignment_rows), 5000):
            await s.execute(insert(Assignment), assignment_rows[i : i + 5000])
        for b in range(bodies):
            await rhythm.set_rhythm(s, b + 1, kallelse_mode=rhythm.AUTO)
        await s.execute(
            insert(PlannedMeeting),
            [
                {
                    "id": i + 1,
                    "tenant_id": "t",
                    "body_id": i % bodies + 1,
                    "starts_at": NOW + dt.timedelta(days=3, minutes=i),
                    "status": "planned",
                    "source": "chat",
                    "created_at": NOW,
                }
                for i in range(due)
            ],
        )


async def add_due(db: Database, bodies: int, due: int) -> None:
    async with db.transaction() as s:
        for i in range(due):
            await rhythm.add_post(
                s,
                key=f"kallelse:{i + 1}:auto",
                tenant_id="t",
                body_id=i % bodies + 1,
                kind="kallelse",
                due_at=NOW - dt.timedelta(minutes=1),
                deadline_at=NOW + dt.timedelta(days=3),
                planned_meeting_id=i + 1,
            )


async def median_time(fn, repeats: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        await fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bodies", type=int, default=300)
    ap.add_argument("--meetings", type=int, default=10)
    ap.add_argument("--assignments", type=int, default=10)
    ap.add_argument("--due", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--database-url", default="")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite+aiosqlite:///{tmp.name}/bench.db"
    await upgrade(url)
    db = Database(url)
    try:
        t0 = time.perf_counter()
        await fill(db, args.bodies, args.meetings, args.assignments, args.due)
        print(
            f"record: {args.bodies} bodies, {args.bodies * args.meetings} meetings, "
            f"{args.bodies * args.meetings * args.assignments} open assignments "
            f"({time.perf_counter() - t0:.1f} s to fill, {db.dialect})"
        )
        deliverer = Counting(db)
        scheduler = Scheduler(db, deliverer, ManualClock(NOW))

        async def select_one() -> None:
            async with db.read() as s:
                await s.execute(text("SELECT 1"))

        anchor = await median_time(select_one, args.repeats)
        idle = await median_time(scheduler.run_once, args.repeats)
        print(
            f"idle pass: {idle * 1000:.2f} ms; anchor SELECT 1: {anchor * 1000:.2f} ms "
            f"(ratio {idle / anchor:.1f})"
        )

        await add_due(db, args.bodies, args.due)
        t0 = time.perf_counter()
        while True:
            if not await scheduler.run_once():
                break
        drain = time.perf_counter() - t0
        async with db.read() as s:
            sent = await s.scalar(text("SELECT count(*) FROM outbox"))
            queued = await s.scalar(
                text("SELECT count(*) FROM scheduled_post WHERE status = 'sent'")
            )
        assert sent == args.due == queued == deliverer.n, (sent, queued, deliverer.n)

        async def direct() -> None:
            async with db.transaction() as s:
                for i in range(args.due):
                    await outbox.enqueue(
                        s,
                        tenant_id="t",
                        conversation_id=f"c{i % args.bodies}",
                        kind="send",
                        payload={"activity": {"type": "message", "text": "x"}},
                        service_url="http://127.0.0.1/",
                    )

        t0 = time.perf_counter()
        await direct()
        base = time.perf_counter() - t0
        print(
            f"drain {args.due} due kallelse posts: {drain:.2f} s ({args.due / drain:.0f} posts/s); "
            f"anchor, the same number of outbox rows written directly: {base:.2f} s "
            f"({args.due / base:.0f} rows/s; ratio {drain / base:.1f})"
        )
    finally:
        await db.dispose()
        tmp.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
