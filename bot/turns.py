"""One turn, one transaction: redelivery check, the command's effects, and its replies.

The replies go to the outbox in the same transaction as the effects and are delivered after
the commit. A UserError undoes the command's effects (a savepoint) but its message is still
sent; any other error rolls the whole turn back and the user gets one short apology.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.sender import Deliverer
from dialogs.context import CommandContext, TurnInput
from dialogs.errors import UserError
from dialogs.reply import InvokeResult, Reply
from dialogs.state import current_session
from storage import outbox
from storage.db import Database
from storage.directory import ensure_tenant, save_conversation_ref

logger = logging.getLogger(__name__)

Work = Callable[[CommandContext], Awaitable[InvokeResult | None]]

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
    ) -> None:
        self.db = db
        self.update_delay = update_delay
        self.deliverer = deliverer
        self.inline_delivery = inline_delivery
        self._background: set[asyncio.Task[None]] = set()

    async def run(
        self, turn: TurnInput, delivery: Delivery, work: Work, *, invoke: bool = False
    ) -> TurnOutcome:
        try:
            outcome, ids = await self._run_transaction(turn, delivery, work, invoke)
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

    async def _run_transaction(
        self, turn: TurnInput, delivery: Delivery, work: Work, invoke: bool
    ) -> tuple[TurnOutcome, list[int]]:
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
                        ids = await outbox.requeue(
                            session,
                            await outbox.replies_of(
                                session, turn.conversation_id, turn.activity_id
                            ),
                        )
                        return TurnOutcome(invoke_body=seen.invoke_response, duplicate=True), ids
                await ensure_tenant(session, turn.tenant_id)
                if delivery.service_url and delivery.reference is not None:
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
                ctx = CommandContext(session, turn)
                result: InvokeResult | None = None
                try:
                    async with session.begin_nested():
                        result = await work(ctx)
                except UserError as err:
                    if invoke:
                        # A button press is answered in the invoke response only.
                        ctx.replies = []
                        result = InvokeResult(message=err.message(ctx.lang), status=200)
                    else:
                        ctx.replies = [Reply(text=err.message(ctx.lang))]
                body = None
                if invoke:
                    body = invoke_card_body(result or InvokeResult(message=""))
                    if turn.activity_id:
                        await outbox.set_invoke_response(
                            session, turn.conversation_id, turn.activity_id, body
                        )
                ids = await self._enqueue(session, turn, delivery, ctx.replies, ctx.lang)
                return TurnOutcome(invoke_body=body, replies=ctx.replies), ids
            finally:
                current_session.reset(token)

    async def _enqueue(
        self, session: Any, turn: TurnInput, delivery: Delivery, replies: list[Reply], lang: str
    ) -> list[int]:
        ids: list[int] = []
        for reply in replies:
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
                )
            if row.id not in ids:
                ids.append(row.id)
        return ids

    async def _apologise(
        self, turn: TurnInput, delivery: Delivery, invoke: bool
    ) -> tuple[TurnOutcome, list[int]]:
        text = APOLOGY_EN if turn.locale and turn.locale.lower().startswith("en") else APOLOGY_SV
        try:
            async with self.db.transaction() as session:
                # Not marked processed: a redelivery may try the turn again.
                ids = await self._enqueue(
                    session,
                    TurnInput(**{**turn.__dict__, "activity_id": None}),
                    delivery,
                    [Reply(text=text)],
                    "sv",
                )
        except Exception:
            logger.exception("could not even queue the apology for activity %s", turn.activity_id)
            ids = []
        body = invoke_card_body(InvokeResult(message=text, status=500)) if invoke else None
        return TurnOutcome(invoke_body=body), ids

    async def _deliver(self, ids: list[int]) -> None:
        if not ids:
            return
        if self.inline_delivery:
            await self.deliverer.deliver(ids)
            return
        task = asyncio.create_task(self.deliverer.deliver(ids))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def drain(self) -> None:
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)
