"""Card buttons: Action.Execute (invoke, answered in place) and Action.Submit (a message)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.registry import REGISTRY, ActionHandler
from dialogs.reply import InvokeResult, Reply

# The registry's card actions (dialogs/registry.py owns commands, actions and events).
ACTIONS = REGISTRY.actions


def action(verb: str) -> Callable[[ActionHandler], ActionHandler]:
    def wrap(fn: ActionHandler) -> ActionHandler:
        REGISTRY.add_action(verb, fn)
        return fn

    return wrap


async def execute(ctx: CommandContext, verb: str, data: dict[str, Any]) -> InvokeResult | None:
    handler = ACTIONS.get(verb)
    if handler is None:
        raise UserError(
            f"Okänd knapp ({verb}). Kortet kan vara för gammalt; skriv kommandot i stället.",
            f"Unknown button ({verb}). The card may be outdated; type the command instead.",
        )
    return await handler(ctx, data)


async def submit(ctx: CommandContext, value: dict[str, Any]) -> None:
    """Action.Submit arrives as a message whose value holds the card data."""
    verb = str(value.get("verb") or value.get("action") or "")
    result = await execute(ctx, verb, value)
    if result is not None and result.card is not None:
        ctx.card(result.card, result.message or "")
    elif result is not None and result.message:
        ctx.replies.append(Reply(text=result.message))
