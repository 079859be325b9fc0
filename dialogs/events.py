"""Teams meeting events: start, end, participants joined and left."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogs.context import CommandContext
from dialogs.registry import REGISTRY, EventHandler

# The registry's meeting events (dialogs/registry.py owns commands, actions and events).
EVENTS = REGISTRY.events


def on_event(name: str) -> Callable[[EventHandler], EventHandler]:
    def wrap(fn: EventHandler) -> EventHandler:
        REGISTRY.add_event(name, fn)
        return fn

    return wrap


async def handle(ctx: CommandContext, name: str, value: Any) -> None:
    handler = EVENTS.get(name)
    if handler is not None:
        await handler(ctx, value if isinstance(value, dict) else {})
