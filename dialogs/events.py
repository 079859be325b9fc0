"""Teams meeting events: start, end, participants joined and left."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from dialogs.context import CommandContext

EventHandler = Callable[[CommandContext, Any], Awaitable[None]]
EVENTS: dict[str, EventHandler] = {}


def on_event(name: str) -> Callable[[EventHandler], EventHandler]:
    def wrap(fn: EventHandler) -> EventHandler:
        EVENTS[name] = fn
        return fn

    return wrap


async def handle(ctx: CommandContext, name: str, value: Any) -> None:
    handler = EVENTS.get(name)
    if handler is not None:
        await handler(ctx, value if isinstance(value, dict) else {})
