"""Questions answered with a button: the command runs again with the answer.

A command that cannot go on without a choice (which of two Marias, add a new person, a § number
below the body's last, which decision to amend) raises `Choice`; nothing of the turn is kept.
Each button sends the `rerun` action with the command's text and the choices made so far, and
the command runs again from the start with them: one code path, whether typed or clicked.
"""

from __future__ import annotations

from typing import Any

from dialogs import cards
from dialogs.actions import action
from dialogs.context import CommandContext
from dialogs.errors import Option, UserError
from dialogs.reply import InvokeResult

COMMAND_TEXT = "command_text"
CHOICES = "choices"


def made(ctx: CommandContext) -> dict[str, Any]:
    """The choices this run was given: picks {name key: person id | "new"}, confirm [keys],
    decision (an id)."""
    got = ctx.cache.get(CHOICES)
    if got is None:
        got = {"picks": {}, "confirm": [], "decision": None}
        ctx.cache[CHOICES] = got
    return got  # type: ignore[no-any-return]


def confirmed(ctx: CommandContext, key: str) -> bool:
    return key in made(ctx)["confirm"]


def option(
    ctx: CommandContext,
    title_sv: str,
    title_en: str,
    *,
    pick: tuple[str, int | str] | None = None,
    confirm: str | None = None,
    decision: int | None = None,
    text: str | None = None,
) -> Option:
    """A button that runs the command again with this choice added to those already made."""
    now = made(ctx)
    picks = dict(now["picks"])
    if pick is not None:
        picks[pick[0]] = pick[1]
    data: dict[str, Any] = {
        "text": text if text is not None else ctx.cache.get(COMMAND_TEXT, ""),
        "lang": ctx.lang,
        "picks": picks,
        "confirm": [*now["confirm"], *([confirm] if confirm else [])],
        "decision": decision if decision is not None else now["decision"],
        "label": title_en if ctx.lang == "en" else title_sv,
    }
    return Option(title_sv, title_en, data)


@action("rerun")
async def act_rerun(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    from dialogs.router import run_command

    text = str(data.get("text") or "")
    ctx.lang = "en" if data.get("lang") == "en" else "sv"
    picks = data.get("picks") if isinstance(data.get("picks"), dict) else {}
    confirm = data.get("confirm") if isinstance(data.get("confirm"), list) else []
    decision = data.get("decision")
    ctx.cache[CHOICES] = {
        "picks": {str(k): v for k, v in (picks or {}).items()},
        "confirm": [str(c) for c in confirm or []],
        "decision": int(decision)
        if isinstance(decision, int | str) and str(decision).isdigit()
        else None,
    }
    if not text or not await run_command(ctx, text):
        raise UserError(
            "Knappen hör till ett kommando jag inte känner igen längre. Skriv det igen.",
            "The button belongs to a command I no longer recognise. Please type it again.",
        )
    label = str(data.get("label") or "")
    return InvokeResult(
        card=cards.card([cards.text(ctx.t(f"Valt: {label}", f"Chosen: {label}"), isSubtle=True)])
    )
