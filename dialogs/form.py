"""A step-by-step form (botbuilder-dialogs) for secretaries who prefer to be asked.

The waterfall runs on a capturing TurnContext inside our own turn: its prompts become the
turn's replies (through the outbox), and its state is stored by SqlStorage in the turn's
transaction, so a form started before a restart, or on another instance, continues.
"""

from __future__ import annotations

import uuid
from typing import Any

from botbuilder.core import BotAdapter, MessageFactory, PrivateConversationState, TurnContext
from botbuilder.dialogs import (
    DialogSet,
    DialogTurnResult,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.schema import Activity, ConversationReference, ResourceResponse

from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.registry import command
from dialogs.reply import Reply
from dialogs.state import SqlStorage
from dialogs.text import fold

CTX_KEY = "samverkansbot.ctx"
FORM = "paragraphForm"
CANCEL = {"avbryt", "cancel", "stopp", "stop"}
NONE = {"-", "inget", "ingen", "inga", "nej", "none", "no"}


class _Capture(BotAdapter):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        for activity in activities:
            if activity.text:
                self.sent.append(activity.text)
        return [ResourceResponse(id=str(uuid.uuid4())) for _ in activities]

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        return None

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        return None


def _ctx(step: WaterfallStepContext | PromptValidatorContext) -> CommandContext:
    return step.context.turn_state[CTX_KEY]  # type: ignore[no-any-return]


def _answer(value: Any) -> str | None:
    text = str(value or "").strip()
    return None if fold(text) in NONE else text


async def _ask_title(step: WaterfallStepContext) -> DialogTurnResult:
    ctx = _ctx(step)
    from dialogs.recording import recorder

    await recorder(ctx)  # refuse before asking anything
    return await step.prompt(
        "text",
        PromptOptions(
            prompt=MessageFactory.text(
                ctx.t(
                    "Ny paragraf. Vilken rubrik? (Skriv `avbryt` för att sluta.)",
                    "New paragraph. What is the title? (Write `cancel` to stop.)",
                )
            )
        ),
    )


async def _ask_presenters(step: WaterfallStepContext) -> DialogTurnResult:
    ctx = _ctx(step)
    step.values["title"] = str(step.result).strip()
    return await step.prompt(
        "text",
        PromptOptions(
            prompt=MessageFactory.text(
                ctx.t("Föredragande? (`-` om ingen)", "Presenters? (`-` for none)")
            )
        ),
    )


async def _ask_clauses(step: WaterfallStepContext) -> DialogTurnResult:
    ctx = _ctx(step)
    step.values["presenters"] = _answer(step.result)
    return await step.prompt(
        "clauses",
        PromptOptions(
            prompt=MessageFactory.text(
                ctx.t(
                    "Beslutet: en ”att …” per rad (`-` om inget beslut).",
                    "The decision: one “att …” per line (`-` for no decision).",
                )
            ),
            retry_prompt=MessageFactory.text(
                ctx.t(
                    "Varje beslutssats ska börja med ”att”. Försök igen, eller `-`.",
                    "Each clause must begin with “att”. Try again, or `-`.",
                )
            ),
        ),
    )


async def _ask_assignments(step: WaterfallStepContext) -> DialogTurnResult:
    ctx = _ctx(step)
    step.values["clauses"] = _answer(step.result)
    return await step.prompt(
        "text",
        PromptOptions(
            prompt=MessageFactory.text(
                ctx.t(
                    "Uppdrag? Ett per rad, t.ex. ”Anna Burston tar fram förslag till nästa möte” (`-` om inga).",
                    "Assignments? One per line, e.g. “Anna Burston drafts a proposal by 3 September” (`-` for none).",
                )
            )
        ),
    )


async def _apply(step: WaterfallStepContext) -> DialogTurnResult:
    ctx = _ctx(step)
    assignments = _answer(step.result)
    from dialogs.assignments import cmd_assignment
    from dialogs.paragraphs import cmd_decision, cmd_paragraph_next

    heading = step.values["title"]
    if step.values.get("presenters"):
        heading += f"; föredragande {step.values['presenters']}"
    await cmd_paragraph_next(ctx, heading)
    if step.values.get("clauses"):
        await cmd_decision(ctx, step.values["clauses"])
    for line in (assignments or "").split("\n"):
        if line.strip():
            await cmd_assignment(ctx, line.strip())
    return await step.end_dialog()


async def _valid_clauses(prompt: PromptValidatorContext) -> bool:
    value = str(prompt.recognized.value or "")
    if _answer(value) is None:
        return True
    from dialogs.paragraphs import parse_decision

    try:
        parse_decision(value)
    except UserError:
        return False
    return True


class FormRunner:
    def __init__(self) -> None:
        self.state = PrivateConversationState(SqlStorage())
        self.dialogs = DialogSet(self.state.create_property("DialogState"))
        self.dialogs.add(TextPrompt("text"))
        self.dialogs.add(TextPrompt("clauses", _valid_clauses))
        self.dialogs.add(
            WaterfallDialog(
                FORM, [_ask_title, _ask_presenters, _ask_clauses, _ask_assignments, _apply]
            )
        )

    def _turn_context(self, ctx: CommandContext, text: str) -> tuple[TurnContext, _Capture]:
        speaker = ctx.turn.speaker
        activity = Activity().deserialize(
            {
                "type": "message",
                "text": text,
                "channelId": "msteams",
                "id": ctx.turn.activity_id,
                "conversation": {"id": f"{ctx.turn.tenant_id}/{ctx.turn.binding_id}"},
                "from": {
                    "id": speaker.subject if speaker else "unknown",
                    "name": speaker.name if speaker else "",
                },
                "recipient": {"id": "samverkansbot"},
            }
        )
        adapter = _Capture()
        tc = TurnContext(adapter, activity)
        tc.turn_state[CTX_KEY] = ctx
        return tc, adapter

    async def _finish(self, ctx: CommandContext, tc: TurnContext, adapter: _Capture) -> None:
        await self.state.save_changes(tc)
        ctx.replies[:0] = []
        ctx.replies.extend(Reply(text=t) for t in adapter.sent)

    async def start(self, ctx: CommandContext) -> None:
        tc, adapter = self._turn_context(ctx, "")
        dc = await self.dialogs.create_context(tc)
        await dc.cancel_all_dialogs()
        await dc.begin_dialog(FORM)
        await self._finish(ctx, tc, adapter)

    async def continue_if_active(self, ctx: CommandContext, text: str) -> bool:
        """Feed the text to an active form; False when the speaker has none here."""
        if ctx.turn.speaker is None:
            return False
        tc, adapter = self._turn_context(ctx, text)
        dc = await self.dialogs.create_context(tc)
        if dc.active_dialog is None:
            return False
        if fold(text).strip(".!") in CANCEL:
            await dc.cancel_all_dialogs()
            ctx.say(
                "Formuläret är avbrutet. Inget sparades från det.",
                "The form is cancelled. Nothing from it was saved.",
            )
        else:
            await dc.continue_dialog()
        await self._finish(ctx, tc, adapter)
        return True


FORMS = FormRunner()


@command(
    "formulär",
    "ny paragraf",
    en=("form", "new paragraph"),
    group="Paragrafer och beslut",
    help_en="A step-by-step form: title, presenters, decision, assignments",
)
async def cmd_form(ctx: CommandContext, arg: str) -> None:
    """Ett formulär steg för steg: rubrik, föredragande, beslut, uppdrag"""
    await FORMS.start(ctx)
