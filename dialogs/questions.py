"""Anything that is not a command is a question about the record."""

from __future__ import annotations

from dialogs.context import CommandContext
from dialogs.registry import REGISTRY
from dialogs.reply import Reply


async def answer(ctx: CommandContext, text: str) -> None:
    near = REGISTRY.suggestions(text)
    if near and (":" in text or len(text.split()) <= 3):
        ctx.replies.append(
            Reply(
                text=ctx.t(
                    "Jag känner inte igen det kommandot. Menade du "
                    + " eller ".join(f"`{w}`" for w in near)
                    + "? Skriv `hjälp` för alla kommandon.",
                    "I don't know that command. Did you mean "
                    + " or ".join(f"`{w}`" for w in near)
                    + "? Write `help` for all commands.",
                )
            )
        )
        return
    from dialogs import ask

    await ask.answer_question(ctx, text)
