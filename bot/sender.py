"""Delivers outbox rows: after each turn's commit, and from a sweeper for retries and leftovers.

Teams allows a bot about 7 messages a second per conversation (8 per 2 s, 60 per 30 s); the
sender paces itself under that, retries 429 after Retry-After and 412/502/503/504 with
backoff and jitter, and gives up on the rest (400, 401, 403, 404, 500) with a log line.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import random
import time
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from bot.connector import Connector, ConnectorResponse
from dialogs.cards import card_to_text
from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage

logger = logging.getLogger(__name__)

RETRY_STATUSES = {412, 429, 502, 503, 504}
MAX_ATTEMPTS = 8
WINDOWS = ((1.0, 7), (2.0, 8), (30.0, 60))
RESCUE_EVERY = 30.0  # seconds between looks for messages a crashed sender left half-sent


class Deliverer(Protocol):
    async def deliver(self, ids: Iterable[int]) -> None: ...

    async def deliver_claimed(self, rows: Iterable[OutboxMessage]) -> None: ...


class ConversationPacer:
    """Sliding windows per conversation, so bursts queue here instead of meeting 429s."""

    def __init__(self, windows: tuple[tuple[float, int], ...] = WINDOWS) -> None:
        self._windows = windows
        self._sent: dict[str, collections.deque[float]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def lock(self, conversation_id: str) -> asyncio.Lock:
        return self._locks.setdefault(conversation_id, asyncio.Lock())

    async def wait_turn(self, conversation_id: str) -> None:
        sent = self._sent.setdefault(conversation_id, collections.deque(maxlen=64))
        while True:
            now = time.monotonic()
            wait = 0.0
            for span, limit in self._windows:
                recent = [t for t in sent if now - t < span]
                if len(recent) >= limit:
                    wait = max(wait, span - (now - recent[-limit]) + 0.01)
            if wait <= 0:
                sent.append(now)
                return
            await asyncio.sleep(wait)


def backoff(attempt: int) -> float:
    return min(30.0, 0.5 * 2 ** (attempt - 1)) * (0.75 + random.random() / 2)


def activity_body(payload: dict[str, Any]) -> dict[str, Any]:
    return dict(payload["activity"])


class ConnectorSender:
    def __init__(
        self, db: Database, connector: Connector, bot_id: Callable[[], str | None]
    ) -> None:
        self._db = db
        self._connector = connector
        self._bot_id = bot_id
        self._pacer = ConversationPacer()

    async def deliver(self, ids: Iterable[int]) -> None:
        for message_id in ids:
            try:
                await self._deliver_one(message_id)
            except Exception:
                logger.exception("outbox message %s: delivery failed", message_id)

    async def deliver_claimed(self, rows: Iterable[OutboxMessage]) -> None:
        """Rows the turn wrote already marked as sending: no second transaction to claim them."""
        for row in rows:
            try:
                await self._send(row, row.target_activity_id, row.conversation_id)
            except Exception:
                logger.exception("outbox message %s: delivery failed", row.id)

    async def _deliver_one(self, message_id: int) -> None:
        async with self._db.transaction() as session:
            row = await outbox.claim(session, message_id)
            if row is None:
                return
            target = row.target_activity_id
            conversation = row.conversation_id
            if row.kind == "update" and target is None and row.coalesce_key:
                posted = await outbox.posted_activity(session, row.coalesce_key)
                if posted is None:
                    # The card it updates is not posted yet; try again shortly.
                    await outbox.mark_retry(session, row.id, 1.0, "card not posted yet")
                    return
                target, conversation = posted
        await self._send(row, target, conversation)

    async def _send(self, row: OutboxMessage, target: str | None, conversation: str) -> None:
        # The HTTP call runs outside any transaction: no lock is held while Teams answers.
        async with self._pacer.lock(row.conversation_id):
            await self._pacer.wait_turn(row.conversation_id)
            try:
                resp = await self._call(row, target, conversation)
            except Exception as exc:  # network errors are worth retrying
                resp = ConnectorResponse(599, {"error": repr(exc)}, None)
        await self._settle(row, resp)

    async def _call(
        self, row: OutboxMessage, target: str | None, conversation: str
    ) -> ConnectorResponse:
        activity = activity_body(row.payload)
        service_url = row.service_url or ""
        if row.kind == "update" and target:
            return await self._connector.update(service_url, conversation, target, activity)
        if row.kind == "create_thread":
            params = {
                "isGroup": True,
                "bot": {"id": self._bot_id() or ""},
                "tenantId": row.tenant_id,
                "channelData": {
                    "channel": {"id": row.payload["channel_id"]},
                    "tenant": {"id": row.tenant_id},
                },
                "activity": activity,
            }
            return await self._connector.create_conversation(service_url, params)
        return await self._connector.send(
            service_url, row.conversation_id, activity, row.reply_to_id
        )

    async def _settle(self, row: OutboxMessage, resp: ConnectorResponse) -> None:
        async with self._db.transaction() as session:
            if resp.ok:
                if row.kind == "create_thread":
                    await outbox.mark_sent(
                        session, row.id, resp.body.get("activityId"), resp.body.get("id")
                    )
                else:
                    await outbox.mark_sent(session, row.id, resp.body.get("id"))
                return
            error = f"HTTP {resp.status}: {str(resp.body)[:500]}"
            if resp.status == 413 and row.payload.get("fallback"):
                # Too big for Teams: say the same in plain text rather than say nothing.
                fresh = await session.get(OutboxMessage, row.id)
                if fresh is not None:
                    fresh.payload = {
                        "activity": {
                            "type": "message",
                            "text": row.payload["fallback"],
                            "textFormat": "markdown",
                        }
                    }
                await outbox.mark_retry(session, row.id, 0.0, error)
                return
            retryable = resp.status in RETRY_STATUSES or resp.status == 599
            if retryable and row.attempts < MAX_ATTEMPTS:
                delay = (
                    resp.retry_after
                    if resp.status == 429 and resp.retry_after is not None
                    else backoff(row.attempts)
                )
                logger.info("outbox %s: %s, retry in %.1fs", row.id, resp.status, delay)
                await outbox.mark_retry(session, row.id, delay, error)
            else:
                logger.error("outbox %s to %s: giving up: %s", row.id, row.conversation_id, error)
                await outbox.mark_failed(session, row.id, error)


class Sweeper:
    """Sends what is due: retries, delayed card updates, rows left by a crash."""

    def __init__(self, db: Database, deliverer: Deliverer, interval: float = 0.5) -> None:
        self._db = db
        self._deliverer = deliverer
        self._interval = interval
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._last_rescue = 0.0

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-sweeper")

    def poke(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def run_once(self) -> int:
        now = time.monotonic()
        if now - self._last_rescue >= RESCUE_EVERY:
            self._last_rescue = now
            async with self._db.transaction() as session:
                await outbox.rescue_stuck(session)
        async with self._db.read() as session:
            ids = await outbox.due(session)
        if ids:
            await self._deliverer.deliver(ids)
        return len(ids)

    async def _run(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("outbox sweep failed")
            try:
                await asyncio.wait_for(self._wake.wait(), self._interval)
            except TimeoutError:
                pass
            self._wake.clear()


class ConsoleDeliverer:
    """`samverkansbot chat`: what would go to Teams is printed instead."""

    def __init__(self, db: Database, write: Callable[[str], None]) -> None:
        self._db = db
        self._write = write

    async def deliver(self, ids: Iterable[int]) -> None:
        for message_id in ids:
            async with self._db.transaction() as session:
                row = await outbox.claim(session, message_id)
                if row is None:
                    continue
                self._write(render_payload(row.payload))
                await outbox.mark_sent(session, row.id, f"console-{row.id}")

    async def deliver_claimed(self, rows: Iterable[OutboxMessage]) -> None:
        rows = list(rows)
        for row in rows:
            self._write(render_payload(row.payload))
        async with self._db.transaction() as session:
            for row in rows:
                await outbox.mark_sent(session, row.id, f"console-{row.id}")


def render_payload(payload: dict[str, Any]) -> str:
    activity = payload.get("activity", {})
    parts = []
    if activity.get("text"):
        parts.append(str(activity["text"]))
    for att in activity.get("attachments") or []:
        if att.get("contentType") == "application/vnd.microsoft.card.adaptive":
            parts.append(card_to_text(att.get("content") or {}))
    return "\n".join(parts).strip()
