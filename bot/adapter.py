"""The adapter a turn runs on, in-process.

botbuilder's CloudAdapter.process_activity builds a ConnectorClient and a user-token client
(new msrest retry policies, ~8 ms) for every turn, for sending replies. Our replies never go
that way: they are written to the outbox and sent by bot/sender.py. So a turn runs on this
adapter, which only keeps the invoke response; authentication stays botbuilder's own
(bot/auth.py) and happens before.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from botbuilder.core import BotAdapter, InvokeResponse, TurnContext
from botbuilder.schema import Activity, ConversationReference, ResourceResponse
from botframework.connector.auth import ClaimsIdentity

INVOKE_RESPONSE_KEY = "samverkansbot.invoke_response"


class TurnAdapter(BotAdapter):
    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        for activity in activities:
            if activity.type != "invokeResponse":
                raise RuntimeError("replies go through the outbox, not the adapter")
            context.turn_state[INVOKE_RESPONSE_KEY] = activity.value
        return [ResourceResponse(id=str(uuid.uuid4())) for _ in activities]

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        raise RuntimeError("card updates go through the outbox, not the adapter")

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        raise RuntimeError("deletes are not used")

    async def process(
        self,
        activity: Activity,
        logic: Callable[[TurnContext], Awaitable[None]],
        *,
        identity: ClaimsIdentity | None = None,
        turn_state: dict[str, object] | None = None,
    ) -> InvokeResponse | None:
        context = TurnContext(self, activity)
        if identity is not None:
            context.turn_state[self.BOT_IDENTITY_KEY] = identity
        for key, value in (turn_state or {}).items():
            context.turn_state[key] = value
        await self.run_pipeline(context, logic)
        response = context.turn_state.get(INVOKE_RESPONSE_KEY)
        return response if isinstance(response, InvokeResponse) else None
