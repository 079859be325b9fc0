"""One turn, one transaction: redelivery check, the command's effects, and its replies.

The replies go to the outbox in the same transaction as the effects and are delivered after
the commit. A UserError undoes the command's effects (a savepoint) but its message is still
sent; any other error rolls the whole turn back and the user gets one short apology.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.sender import Deliverer
from dialogs.context import CommandContext, RequestEnv, TurnInput
from dialogs.errors import UserError
from dialogs.reply import InvokeResult, Reply
from dialogs.state import current_session
from storage import outbox
from storage.db import Database
from storage.directory import ensure_tenant, save_conversation_ref
from storage.models import OutboxMessage

logger = logging.getLogger(__name__)

# What to send after the commit: rows the turn wrote already claimed, or ids to claim first
# (a redelivered activity's earlier replies).
Outgoing = list["OutboxMessage | int"]

Work = Callable[[CommandContext], Awaitable[InvokeResult | None]]

# A Teams message holds about 28 KB; longer text replies go as several messages, and past
# MAX_REPLY_PARTS the last one says how much was left out (never silently dropped).
MAX_REPLY_CHARS = 12_000
MAX_REPLY_PARTS = 8
SHORTENED_SV = "\n\n*(Svaret är för långt för Teams: {n} tecken till visas inte. Fråga mer avgränsat, eller hämta protokollet som dokument.)*"
SHORTENED_EN = "\n\n*(The answer is too long for Teams: {n} more characters are not shown. Ask more narrowly, or download the minutes as a document.)*"

APOLOGY_SV = "Förlåt, något gick fel hos mig. Inget av det du skrev sparades; försök gärna igen."
APOLOGY_EN = "Sorry, something went wrong on my side. Nothing was saved; please try again."


@dataclass
class Delivery:
    """Where replies to this turn go."""

    service_url: str | None
    reply_to_id: str | None
    reference: dict[str, Any] | None = None
    channel_id: str | None = None


@dataclass
class TurnOutcome:
    invoke_body: dict[str, Any] | None = None
    duplicate: bool = False
    replies: list[Reply] = field(default_factory=list)


def reply_payload(reply: Reply, lang: str) -> dict[str, Any]:
    if reply.card is not None:
        return {
            "activity": {
                "type": "message",
                "attachments": [
                    {
                        "contentType": "application/vnd.microsoft.card.adaptive",
                        "content": reply.card,
                    }
                ],
                **({"summary": reply.fallback[:200]} if reply.fallback else {}),
            },
            "fallback": reply.fallback,
            "lang": lang,
        }
    return {
        "activity": {"type": "message", "text": reply.text or "", "textFormat": "markdown"},
        "lang": lang,
    }


def split_text(text: str, lang: str, limit: int = MAX_REPLY_CHARS) -> list[str]:
    """Text cut into messages of at most `limit` characters, at paragraph or line breaks where
    it can be; at most MAX_REPLY_PARTS, the last saying what did not fit."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    rest = text
    while rest and len(parts) < MAX_REPLY_PARTS:
        if len(rest) <= limit:
            parts.append(rest)
            rest = ""
            break
        cut = max(rest.rfind("\n\n", 0, limit), rest.rfind("\n", 0, limit))
        if cut < limit // 2:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n")
    if rest:
        note = (SHORTENED_EN if lang == "en" else SHORTENED_SV).format(n=len(rest))
        parts[-1] = parts[-1][: limit - len(note)] + note
    return parts


def invoke_card_body(result: InvokeResult) -> dict[str, Any]:
    if result.card is not None:
        return {
            "statusCode": 200,
            "type": "application/vnd.microsoft.card.adaptive",
            "value": result.card,
        }
    return {
        "statusCode": result.status,
        "type": "application/vnd.microsoft.activity.message",
        "value": result.message or "",
    }


class TurnRunner:
    def __init__(
        self,
        db: Database,
        deliverer: Deliverer,
        *,
        inline_delivery: bool = False,
        update_delay: float = 1.0,
        env: RequestEnv | None = None,
    ) -> None:
        self.db = db
        self.env = env or RequestEnv()
        self.update_delay = update_delay
        self._known_tenants: set[str] = set()
        self._known_refs: dict[tuple[str, str], str] = {}
        self.deliverer = deliverer
        self.inline_delivery = inline_delivery
        self._background: set[asyncio.Task[None]] = set()
        # The sender instance that will hold the rows this runner writes as "sending".
        self.owner: str | None = getattr(deliverer, "owner", None)

    async def run(
        self, turn: TurnInput, delivery: Delivery, work: Work, *, invoke: bool = False
    ) -> TurnOutcome:
        try:
            memo: list[tuple[str, tuple[str, str], str]] = []
            outcome, ids = await self._run_transaction(turn, delivery, work, invoke, memo)
            for tenant, ref_key, ref_sig in memo:  # committed: safe to remember
                self._remember(tenant, ref_key, ref_sig)
        except Exception:
            logger.exception(
                "turn failed: activity %s in conversation %s (tenant %s)",
                turn.activity_id,
                turn.conversation_id,
                turn.tenant_id,
            )
            outcome, ids = await self._apologise(turn, delivery, invoke)
        await self._deliver(ids)
        return outcome

    async def admit(
        self, turn: TurnInput, check: Callable[[CommandContext], Awaitable[bool]]
    ) -> bool:
        """Ask whether an unaddressed message is for the bot, reading only: a message that is
        not leaves nothing behind (no processed-activity row, no conversation reference)."""
        async with self.db.read() as session:
            token = current_session.set(session)
            try:
                return await check(CommandContext(session, turn, env=self.env))
            finally:
                current_session.reset(token)

    async def _run_transaction(
        self,
        turn: TurnInput,
        delivery: Delivery,
        work: Work,
        invoke: bool,
        memo: list[tuple[str, tuple[str, str], str]],
    ) -> tuple[TurnOutcome, Outgoing]:
        async with self.db.transaction() as session:
            token = current_session.set(session)
            try:
                if turn.activity_id:
                    seen = await outbox.claim_activity(
                        session, turn.conversation_id, turn.activity_id
                    )
                    if seen is not None:
                        logger.info(
                            "activity %s redelivered; resending its replies", turn.activity_id
                        )
                        again: Outgoing = list(
                            await outbox.requeue(
                                session,
                                await outbox.replies_of(
                                    session, turn.conversation_id, turn.activity_id
                                ),
                            )
                        )
                        return TurnOutcome(invoke_body=seen.invoke_response, duplicate=True), again
                # Tenant rows and conversation references rarely change; written once per
                # process unless they do (the cache is filled only after a commit, below).
                if turn.tenant_id not in self._known_tenants:
                    await ensure_tenant(session, turn.tenant_id)
                ref_key = (turn.tenant_id, turn.conversation_id)
                ref_sig = (
                    json.dumps(delivery.reference, sort_keys=True) if delivery.reference else ""
                )
                if (
                    delivery.service_url
                    and delivery.reference is not None
                    and self._known_refs.get(ref_key) != ref_sig
                ):
                    await save_conversation_ref(
                        session,
                        tenant_id=turn.tenant_id,
                        conversation_id=turn.conversation_id,
                        conversation_type=turn.conversation_type,
                        service_url=delivery.service_url,
                        team_id=turn.team_id,
                        channel_id=delivery.channel_id,
                        reference=delivery.reference,
                    )
                memo.append((turn.tenant_id, ref_key, ref_sig))
                ctx = CommandContext(session, turn, env=self.env)
                result: InvokeResult | None = None
                try:
                    async with session.begin_nested():
                        result = await work(ctx)
                except UserError as err:
                    question = err.card(ctx.lang)
                    if invoke:
                        # A button press is answered in the invoke response only.
                        ctx.replies = []
                        result = (
                            InvokeResult(card=question)
                            if question is not None
                            else InvokeResult(message=err.message(ctx.lang), status=200)
                        )
                    elif question is not None:
                        ctx.replies = [Reply(card=question, fallback=err.message(ctx.lang))]
                    else:
                        ctx.replies = [Reply(text=err.message(ctx.lang))]
                body = None
                if invoke:
                    body = invoke_card_body(result or InvokeResult(message=""))
                    if turn.activity_id:
                        await outbox.set_invoke_response(
                            session, turn.conversation_id, turn.activity_id, body
                        )
                outgoing = await self._enqueue(session, turn, delivery, ctx.replies, ctx.lang)
                return TurnOutcome(invoke_body=body, replies=ctx.replies), outgoing
            finally:
                current_session.reset(token)

    def _remember(self, tenant: str, ref_key: tuple[str, str], ref_sig: str) -> None:
        self._known_tenants.add(tenant)
        if ref_sig:
            if len(self._known_refs) > 50_000:
                self._known_refs.clear()
            self._known_refs[ref_key] = ref_sig

    async def _enqueue(
        self, session: Any, turn: TurnInput, delivery: Delivery, replies: list[Reply], lang: str
    ) -> Outgoing:
        """Write the replies; those to send now are written already claimed (status sending),
        so delivering them after commit needs no second transaction. Delayed card updates
        are left for the sweeper."""
        out: Outgoing = []
        sized: list[Reply] = []
        for reply in replies:
            if reply.card is None and reply.text and len(reply.text) > MAX_REPLY_CHARS:
                sized.extend(
                    Reply(**{**reply.__dict__, "text": part})
                    for part in split_text(reply.text, lang)
                )
            else:
                sized.append(reply)
        for reply in sized:
            payload = reply_payload(reply, lang)
            if reply.new_thread and reply.target_conversation:
                payload["channel_id"] = reply.target_conversation
                row = await outbox.enqueue(
                    session,
                    tenant_id=turn.tenant_id,
                    conversation_id=reply.target_conversation,
                    kind="create_thread",
                    payload=payload,
                    service_url=reply.extra.get("service_url") or delivery.service_url,
                    source_activity_id=turn.activity_id,
                    claimed=True,
                    owner=self.owner,
                )
            else:
                row = await outbox.enqueue(
                    session,
                    tenant_id=turn.tenant_id,
                    conversation_id=reply.target_conversation or turn.conversation_id,
                    kind="reply"
                    if delivery.reply_to_id and not reply.target_conversation
                    else "send",
                    payload=payload,
                    service_url=reply.extra.get("service_url") or delivery.service_url,
                    source_activity_id=turn.activity_id,
                    reply_to_id=None if reply.target_conversation else delivery.reply_to_id,
                    coalesce_key=reply.coalesce_key,
                    update_delay=self.update_delay,
                    claimed=True,
                    owner=self.owner,
                    fresh=reply.fresh,
                    follow=reply.follow,
                )
            if row.status == outbox.SENDING and all(o is not row for o in out):
                out.append(row)
        return out

    async def _apologise(
        self, turn: TurnInput, delivery: Delivery, invoke: bool
    ) -> tuple[TurnOutcome, Outgoing]:
        from dialogs.router import detect_language

        # In the language of the message that failed (its words, then the sender's locale).
        lang = detect_language(turn.text, turn.locale)
        text = APOLOGY_EN if lang == "en" else APOLOGY_SV
        try:
            async with self.db.transaction() as session:
                # Not marked processed: a redelivery may try the turn again.
                ids = await self._enqueue(
                    session,
                    TurnInput(**{**turn.__dict__, "activity_id": None}),
                    delivery,
                    [Reply(text=text)],
                    lang,
                )
        except Exception:
            logger.exception("could not even queue the apology for activity %s", turn.activity_id)
            ids = []
        body = invoke_card_body(InvokeResult(message=text, status=500)) if invoke else None
        return TurnOutcome(invoke_body=body), ids

    async def _deliver(self, outgoing: Outgoing) -> None:
        if not outgoing:
            return
        if self.inline_delivery:
            await self._deliver_now(outgoing)
            return
        task = asyncio.create_task(self._deliver_now(outgoing))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _deliver_now(self, outgoing: Outgoing) -> None:
        claimed = [o for o in outgoing if isinstance(o, OutboxMessage)]
        ids = [o for o in outgoing if isinstance(o, int)]
        if claimed:
            await self.deliverer.deliver_claimed(claimed)
        if ids:
            await self.deliverer.deliver(ids)

    def spawn(self, work: Awaitable[None]) -> asyncio.Task[None]:
        """Run work beside the request that started it (a long import); drain() waits for it."""
        task: asyncio.Task[None] = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def drain(self) -> None:
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)
