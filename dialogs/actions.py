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


MAX_ID = 2**31 - 1  # what the database's integer keys hold


# Card data keys that name a database row by its integer key.
ROW_KEYS = {"requestId", "decisionId", "meetingId", "plannedId", "assignmentId", "round"}


def bad_ids(data: dict[str, Any]) -> list[str]:
    """Card data keys naming a row whose value is not a whole number the database can hold
    (card data comes from the client and is not trusted). Other `…Id` keys may be strings
    (tokens), but a number there must fit too."""
    bad = []
    for key, value in data.items():
        if not key.endswith("Id") and key != "round":
            continue
        if value is None or value == "":
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            if not 0 <= value <= MAX_ID:
                bad.append(key)
        elif key in ROW_KEYS and not (
            isinstance(value, str) and value.isascii() and value.isdigit() and int(value) <= MAX_ID
        ):
            bad.append(key)
    return bad


async def execute(ctx: CommandContext, verb: str, data: dict[str, Any]) -> InvokeResult | None:
    wrong = bad_ids(data)
    if wrong:
        return InvokeResult(
            message=ctx.t(
                f"Knappen skickade ett ogiltigt värde ({', '.join(wrong)}). Inget ändrades.",
                f"The button sent an invalid value ({', '.join(wrong)}). Nothing was changed.",
            ),
            status=400,
        )
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
