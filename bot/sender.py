"""Delivers outbox rows: after each turn's commit, and from a sweeper for retries and leftovers.

Teams allows a bot about 7 messages a second per conversation (8 per 2 s, 60 per 30 s); the
sender paces itself under that, retries 429 after Retry-After and 412/502/503/504 with
backoff and jitter until DELIVERY_DEADLINE, and gives up on the rest (400, 401, 403, 404, 500)
with a log line at ERROR and the row marked failed.

Several instances may serve one database. Pacing only works if one of them sends a given
conversation, so sending is owned through database leases with a heartbeat (storage/outbox.py):
an instance lease says the process is alive, a conversation lease says who sends there. A row
"sending" is sent again only once its owner's instance lease has lapsed; a process restarted on
the same host and port reclaims its predecessor's rows at start.
"""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import random
import re
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from bot.connector import Connector, ConnectorResponse
from dialogs.cards import card_to_text
from storage import outbox
from storage.db import Database
from storage.models import OutboxMessage, utcnow

logger = logging.getLogger(__name__)

RETRY_STATUSES = {412, 429, 502, 503, 504}
MAX_ATTEMPTS = 200  # a guard; the real bound is the deadline
DELIVERY_DEADLINE = 15 * 60.0  # seconds after a reply was written; later it is reported failed
WINDOWS = ((1.0, 7), (2.0, 8), (30.0, 60))
RESCUE_EVERY = 2.0  # seconds between looks for rows a dead sender left "sending"
PRUNE_EVERY = 3600.0  # seconds between retention passes
LEASE_TTL = 6.0  # a lease not renewed for this long has lapsed (heartbeat every third of it)


class Deliverer(Protocol):
    async def deliver(self, ids: Iterable[int]) -> None: ...

    async def deliver_claimed(self, rows: Iterable[OutboxMessage]) -> None: ...


class ConversationPacer:
    """Sliding windows per conversation, so bursts queue here instead of meeting 429s."""

    def __init__(self, windows: tuple[tuple[float, int], ...] | None = None) -> None:
        self._windows = windows or WINDOWS
        self._sent: dict[str, collections.deque[float]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._paused: dict[str, float] = {}

    def pause(self, conversation_id: str, seconds: float) -> None:
        """Teams said 429: nothing more to that conversation until Retry-After has passed."""
        self._paused[conversation_id] = max(
            self._paused.get(conversation_id, 0.0), time.monotonic() + seconds
        )

    def lock(self, conversation_id: str) -> asyncio.Lock:
        return self._locks.setdefault(conversation_id, asyncio.Lock())

    async def wait_turn(self, conversation_id: str) -> None:
        sent = self._sent.setdefault(conversation_id, collections.deque(maxlen=64))
        while True:
            now = time.monotonic()
            wait = self._paused.get(conversation_id, 0.0) - now
            for span, limit in self._windows:
                recent = [t for t in sent if now - t < span]
                if len(recent) >= limit:
                    # a margin for the jitter between our clock and Teams' arrival times
                    wait = max(wait, span - (now - recent[-limit]) + 0.05)
            if wait <= 0:
                sent.append(now)
                return
            await asyncio.sleep(wait)


def backoff(attempt: int) -> float:
    return min(30.0, 0.5 * 2 ** (attempt - 1)) * (0.75 + random.random() / 2)


def activity_body(payload: dict[str, Any]) -> dict[str, Any]:
    return dict(payload["activity"])


def instance_name(port: int | None = None) -> tuple[str, str]:
    """(this process's sender id, the prefix its predecessor on the same host and port had)."""
    prefix = f"{socket.gethostname()}:{port if port is not None else 'x'}/"
    return prefix + uuid.uuid4().hex[:12], prefix


_DL_TOKEN = re.compile(r"(/dl/)[^\s/?\"\\]+", re.IGNORECASE)


def redact_links(payload: dict[str, Any]) -> dict[str, Any] | None:
    """The payload with /dl/<token> links cut to /dl/…, or None when it holds none."""
    raw = json.dumps(payload, ensure_ascii=False)
    if "/dl/" not in raw.lower():
        return None
    return dict(json.loads(_DL_TOKEN.sub(r"\1…", raw)))


def smaller_payload(payload: dict[str, Any]) -> dict[str, Any] | None:
    """What to send after a 413: a card's text fallback, or the text cut to half with a note
    saying so; None when it is already small (then the 413 is reported, not looped on)."""
    lang = str(payload.get("lang") or "sv")
    text = payload.get("fallback") if payload.get("fallback") else None
    if text is None:
        text = str((payload.get("activity") or {}).get("text") or "")
        if len(text) <= 2000:
            return None
        keep = len(text) // 2
        note = (
            "\n\n*(The answer was too long for Teams and is shortened.)*"
            if lang == "en"
            else "\n\n*(Svaret var för långt för Teams och är förkortat.)*"
        )
        text = text[:keep] + note
    return {
        "activity": {"type": "message", "text": str(text), "textFormat": "markdown"},
        "lang": lang,
    }


class ConnectorSender:
    def __init__(
        self,
        db: Database,
        connector: Connector,
        bot_id: Callable[[], str | None],
        *,
        port: int | None = None,
        lease_ttl: float = LEASE_TTL,
    ) -> None:
        self._db = db
        self._connector = connector
        self._bot_id = bot_id
        self._pacer = ConversationPacer()
        self.owner, self._predecessors = instance_name(port)
        self._ttl = lease_ttl
        self._held: dict[str, float] = {}  # conversation → monotonic time our lease is good to
        self._used: dict[str, float] = {}  # conversation → last send (idle leases are dropped)
        self._heartbeat: asyncio.Task[None] | None = None

    # --- leases ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Say we are alive, take over from a predecessor on this host and port, reclaim rows
        of senders that are gone, and keep the leases beating."""
        async with self._db.transaction() as session:
            await outbox.take_lease(session, outbox.INSTANCE + self.owner, self.owner, self._ttl)
            await outbox.bury(session, self._predecessors, self.owner)
            reclaimed = await outbox.reclaim(session)
        if reclaimed:
            logger.info("outbox: %s row(s) of a stopped sender reclaimed", reclaimed)
        self._heartbeat = asyncio.create_task(self._beat(), name="outbox-lease-heartbeat")

    async def stop(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            try:
                await self._heartbeat
            except asyncio.CancelledError:
                pass
            self._heartbeat = None
        try:
            async with self._db.transaction() as session:
                names = [outbox.CONVERSATION + c for c in self._held]
                await outbox.drop_leases(
                    session, [*names, outbox.INSTANCE + self.owner], self.owner
                )
        except Exception:
            logger.warning("outbox: could not release leases at stop", exc_info=True)
        self._held.clear()

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self._ttl / 3)
            try:
                await self.renew()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("outbox: lease heartbeat failed", exc_info=True)

    async def renew(self) -> None:
        idle_before = time.monotonic() - 60.0
        idle = [c for c, t in self._used.items() if t < idle_before]
        async with self._db.transaction() as session:
            await outbox.drop_leases(session, [outbox.CONVERSATION + c for c in idle], self.owner)
            held = await outbox.renew_leases(session, self.owner, self._ttl)
        good_to = time.monotonic() + self._ttl * 0.6
        for c in idle:
            self._used.pop(c, None)
        self._held = {
            n.removeprefix(outbox.CONVERSATION): good_to
            for n in held
            if n.startswith(outbox.CONVERSATION)
        }

    async def _holds(self, conversation_id: str, session: Any = None) -> bool:
        """Whether this instance sends this conversation (taking the lease if it is free)."""
        self._used[conversation_id] = time.monotonic()
        if self._held.get(conversation_id, 0.0) > time.monotonic():
            return True
        name = outbox.CONVERSATION + conversation_id
        if session is not None:
            ok = await outbox.take_lease(session, name, self.owner, self._ttl)
        else:
            async with self._db.transaction() as own:
                ok = await outbox.take_lease(own, name, self.owner, self._ttl)
        if ok:
            self._held[conversation_id] = time.monotonic() + self._ttl * 0.6
        else:
            self._held.pop(conversation_id, None)
        return ok

    # --- delivery ----------------------------------------------------------------------------

    async def deliver(self, ids: Iterable[int]) -> None:
        for message_id in ids:
            try:
                await self._deliver_one(message_id)
            except Exception:
                logger.exception("outbox message %s: delivery failed", message_id)

    async def deliver_claimed(self, rows: Iterable[OutboxMessage]) -> None:
        """Rows the turn wrote already marked as sending: no second transaction to claim them.
        A conversation another instance sends is handed back to its queue."""
        for row in rows:
            try:
                if not await self._holds(row.conversation_id):
                    async with self._db.transaction() as session:
                        await outbox.release(session, row.id)
                    continue
                await self._send(row, row.target_activity_id, row.conversation_id)
            except Exception:
                logger.exception("outbox message %s: delivery failed", row.id)

    async def _deliver_one(self, message_id: int) -> None:
        async with self._db.transaction() as session:
            row = await outbox.claim(session, message_id, self.owner)
            if row is None:
                return
            if not await self._holds(row.conversation_id, session):
                await outbox.release(session, row.id)
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
                redacted = redact_links(row.payload)
                if redacted is not None:
                    # Delivered: the stored copy keeps no working download link.
                    fresh = await session.get(OutboxMessage, row.id)
                    if fresh is not None:
                        fresh.payload = redacted
                return
            error = f"HTTP {resp.status}: {str(resp.body)[:500]}"
            shorter = smaller_payload(row.payload) if resp.status == 413 else None
            if shorter is not None:
                # Too big for Teams: the card's text, or the text shortened with a note,
                # rather than nothing.
                fresh = await session.get(OutboxMessage, row.id)
                if fresh is not None:
                    fresh.payload = shorter
                row.payload = shorter
                logger.warning("outbox %s: 413 from Teams, sending a shorter version", row.id)
                await outbox.mark_retry(session, row.id, 0.0, error)
                return
            retryable = resp.status in RETRY_STATUSES or resp.status == 599
            age = (utcnow() - row.created_at).total_seconds() if row.created_at else 0.0
            if retryable and row.attempts < MAX_ATTEMPTS and age < DELIVERY_DEADLINE:
                delay = (
                    resp.retry_after
                    if resp.status == 429 and resp.retry_after is not None
                    else backoff(min(row.attempts, 8))
                )
                if resp.status == 429:
                    self._pacer.pause(row.conversation_id, delay)
                logger.info("outbox %s: %s, retry in %.1fs", row.id, resp.status, delay)
                await outbox.mark_retry(session, row.id, delay, error)
            else:
                # Surfaced, not silent: an ERROR line and a row marked failed (see /healthz).
                logger.error(
                    "outbox %s to %s: never delivered after %d attempt(s) in %.0fs: %s",
                    row.id,
                    row.conversation_id,
                    row.attempts,
                    age,
                    error,
                )
                await outbox.mark_failed(session, row.id, error)


class Sweeper:
    """Sends what is due: retries, delayed card updates, rows left by a crash."""

    def __init__(
        self,
        db: Database,
        deliverer: Deliverer,
        interval: float = 0.5,
        *,
        retention_days: tuple[int, int] = (30, 30),
    ) -> None:
        self._db = db
        self._deliverer = deliverer
        self._interval = interval
        self._retention = retention_days
        self._last_prune = 0.0
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
                await outbox.reclaim(session)
        if now - self._last_prune >= PRUNE_EVERY:
            self._last_prune = now
            async with self._db.transaction() as session:
                rows, seen = await outbox.prune(session, *self._retention)
            if rows or seen:
                logger.info("retention: %s outbox row(s), %s activity id(s) pruned", rows, seen)
        async with self._db.read() as session:
            ids = await outbox.due(session, owner=getattr(self._deliverer, "owner", None))
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
