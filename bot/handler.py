"""The Teams activity handler: from a Teams activity to a turn of the dialogs layer."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount

from bot.files import download_attachments
from bot.turns import Delivery, TurnRunner
from dialogs import actions, events, router
from dialogs import help as help_cmd
from dialogs.context import CommandContext, Speaker, TurnInput
from dialogs.registry import strip_mentions
from storage.clock import Clock

logger = logging.getLogger(__name__)

SOURCE_KEY = "samverkansbot.source"


def tenant_of(activity: Activity) -> str | None:
    conv = activity.conversation
    if conv is not None:
        # botbuilder 4.17.1 maps tenant_id to the key "tenantID"; Teams sends "tenantId", which
        # msrest keeps among the unmatched properties.
        extra = getattr(conv, "additional_properties", None) or {}
        tenant = getattr(conv, "tenant_id", None) or extra.get("tenantId")
        if tenant:
            return str(tenant)
    data = activity.channel_data or {}
    tenant = data.get("tenant") if isinstance(data, dict) else None
    if isinstance(tenant, dict) and tenant.get("id"):
        return str(tenant["id"])
    return None


def speaker_of(account: ChannelAccount | None, tenant_id: str) -> Speaker | None:
    if account is None or not account.id:
        return None
    name = account.name or ""
    if account.id.startswith("console:"):
        return Speaker("console", account.id, name or "Konsolen")
    aad = getattr(account, "aad_object_id", None)
    if aad:
        return Speaker(
            "aad",
            aad.lower(),
            name,
            aad_object_id=aad,
            home_tenant_id=tenant_id,
            teams_user_id=account.id,
        )
    return Speaker("teams", account.id, name, teams_user_id=account.id)


def mentioned_people(act: Activity) -> list[tuple[str, str]]:
    """Teams ids and names of the people @mentioned in a message, the bot left out."""
    bot_id = act.recipient.id if act.recipient else None
    out: list[tuple[str, str]] = []
    for ent in act.entities or []:
        props = getattr(ent, "additional_properties", None) or {}
        mentioned = props.get("mentioned") if getattr(ent, "type", None) == "mention" else None
        if isinstance(mentioned, dict) and isinstance(mentioned.get("id"), str):
            if mentioned["id"] != bot_id and mentioned["id"].startswith("29:"):
                out.append((mentioned["id"], str(mentioned.get("name") or "")))
    return out


def named_mentions(act: Activity) -> str:
    """The message text with each person's @mention written as their name (`organ admin:
    @Anna` registers Anna by her Teams identity); the bot's own mention is left to strip."""
    text = act.text or ""
    people = dict(mentioned_people(act))
    for ent in act.entities or []:
        props = getattr(ent, "additional_properties", None) or {}
        mentioned = props.get("mentioned")
        tag = props.get("text")
        who = mentioned.get("id") if isinstance(mentioned, dict) else None
        if isinstance(who, str) and who in people and isinstance(tag, str) and tag:
            text = text.replace(tag, f" {people[who]} ")
    return text


def turn_input(
    ctx: TurnContext, tenant_id: str, text: str = "", clock: Clock | None = None
) -> TurnInput:
    act = ctx.activity
    data = act.channel_data if isinstance(act.channel_data, dict) else {}
    channel = (
        (data.get("channel") or {}).get("id") if isinstance(data.get("channel"), dict) else None
    )
    team = (data.get("team") or {}).get("id") if isinstance(data.get("team"), dict) else None
    meeting = (
        (data.get("meeting") or {}).get("id") if isinstance(data.get("meeting"), dict) else None
    )
    conv_id = act.conversation.id if act.conversation else ""
    conv_type = getattr(act.conversation, "conversation_type", None) if act.conversation else None
    binding = channel if conv_type == "channel" and channel else conv_id.split(";messageid=")[0]
    turn = TurnInput(
        tenant_id=tenant_id,
        conversation_id=conv_id,
        conversation_type=conv_type,
        speaker=speaker_of(act.from_property, tenant_id),
        text=text,
        value=act.value if isinstance(act.value, dict) else None,
        activity_id=act.id,
        source=ctx.turn_state.get(SOURCE_KEY, "teams"),
        team_id=team,
        channel_id=channel,
        teams_meeting_id=meeting,
        locale=act.locale,
        binding_id=binding,
        mentions=mentioned_people(act),
    )
    if clock is not None:
        turn.now = clock.now()
    return turn


def delivery_of(ctx: TurnContext, reply: bool = True) -> Delivery:
    act = ctx.activity
    data = act.channel_data if isinstance(act.channel_data, dict) else {}
    channel = (
        (data.get("channel") or {}).get("id") if isinstance(data.get("channel"), dict) else None
    )
    reference = TurnContext.get_conversation_reference(act).serialize()
    return Delivery(
        service_url=act.service_url,
        reply_to_id=act.id if reply and act.type == "message" else None,
        reference=reference,
        channel_id=channel,
    )


UNSERVED = "Det kan Samverkansbot inte göra här. Skriv `hjälp` i chatten för det som går."


def unserved_invoke(name: str) -> InvokeResponse:
    """A well-formed answer to an invoke the bot does not serve (botbuilder's default for
    most is an error that became an HTTP 500): task modules and message extensions get a
    message in their own shape, anything else a 404 with an error body."""
    logger.info("invoke %r is not served", name[:100])
    if name.startswith("task/"):
        return InvokeResponse(status=200, body={"task": {"type": "message", "value": UNSERVED}})
    if name.startswith("composeExtension/"):
        return InvokeResponse(
            status=200, body={"composeExtension": {"type": "message", "text": UNSERVED}}
        )
    return InvokeResponse(
        status=404,
        body={
            "statusCode": 404,
            "type": "application/vnd.microsoft.error",
            "value": {"code": "NotSupported", "message": f"invoke {name[:100]!r} is not served"},
        },
    )


class SamverkansBot(TeamsActivityHandler):
    def __init__(
        self,
        runner: TurnRunner,
        http: aiohttp.ClientSession | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        self.runner = runner
        self.http = http
        self.clock = clock

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        tenant = tenant_of(turn_context.activity)
        if tenant is None:
            logger.warning(
                "message without a tenant id ignored (activity %s)", turn_context.activity.id
            )
            return
        text = strip_mentions(named_mentions(turn_context.activity))
        value = turn_context.activity.value
        turn = turn_input(turn_context, tenant, text, self.clock)
        if turn_context.activity.attachments and turn.conversation_type == "personal":
            turn.files, turn.file_errors = await download_attachments(
                self.http, turn_context.activity
            )

        async def work(ctx: CommandContext) -> None:
            if isinstance(value, dict) and not text:
                await actions.submit(ctx, value)  # Action.Submit: a message with card data
            elif text:
                await router.dispatch_text(ctx, text)

        await self.runner.run(turn, delivery_of(turn_context), work)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        act = turn_context.activity
        bot_id = act.recipient.id if act.recipient else None
        if any(m.id == bot_id for m in act.members_added or []):
            await self._greet(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._greet(turn_context)

    async def _greet(self, turn_context: TurnContext) -> None:
        tenant = tenant_of(turn_context.activity)
        if tenant is None:
            return
        turn = turn_input(turn_context, tenant, clock=self.clock)
        await self.runner.run(turn, delivery_of(turn_context, reply=False), help_cmd.greet)

    async def _event(self, turn_context: TurnContext, name: str, value: Any) -> None:
        tenant = tenant_of(turn_context.activity)
        if tenant is None:
            return
        turn = turn_input(turn_context, tenant, clock=self.clock)

        async def work(ctx: CommandContext) -> None:
            await events.handle(ctx, name, value)

        await self.runner.run(turn, delivery_of(turn_context, reply=False), work)

    async def on_teams_meeting_start_event(self, meeting: Any, turn_context: TurnContext) -> None:
        await self._event(turn_context, "meetingStart", turn_context.activity.value)

    async def on_teams_meeting_end_event(self, meeting: Any, turn_context: TurnContext) -> None:
        await self._event(turn_context, "meetingEnd", turn_context.activity.value)

    async def on_teams_meeting_participants_join_event(
        self, meeting: Any, turn_context: TurnContext
    ) -> None:
        await self._event(turn_context, "participantsJoin", turn_context.activity.value)

    async def on_teams_meeting_participants_leave_event(
        self, meeting: Any, turn_context: TurnContext
    ) -> None:
        await self._event(turn_context, "participantsLeave", turn_context.activity.value)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        name = turn_context.activity.name or ""
        if name == "healthCheck":
            return await super().on_invoke_activity(turn_context)
        if name != "adaptiveCard/action":
            return unserved_invoke(name)
        # Answered here, not through on_adaptive_card_invoke: botbuilder runs that result through
        # msrest's serializer, which rejects a message answer (value as a string) with a 500.
        tenant = tenant_of(turn_context.activity) or ""
        turn = turn_input(turn_context, tenant, clock=self.clock)
        raw = turn_context.activity.value
        value: dict[str, Any] = raw if isinstance(raw, dict) else {}
        action: dict[str, Any] = value["action"] if isinstance(value.get("action"), dict) else {}
        verb = str(action.get("verb") or "")
        data: dict[str, Any] = action["data"] if isinstance(action.get("data"), dict) else {}

        async def work(ctx: CommandContext) -> Any:
            return await actions.execute(ctx, verb, data)

        outcome = await self.runner.run(
            turn, delivery_of(turn_context, reply=False), work, invoke=True
        )
        return InvokeResponse(status=200, body=outcome.invoke_body)
