"""Questions about the record. (Retrieval grows in the ask issue; this answers honestly.)"""

from __future__ import annotations

from dialogs.context import CommandContext


async def answer_question(ctx: CommandContext, text: str) -> None:
    ctx.say(
        f"Inga beslut hittades för ”{text.strip()[:200]}”. Skriv `hjälp` för kommandona.",
        f"No decisions found for “{text.strip()[:200]}”. Write `help` for the commands.",
    )
