"""The Teams activity handler: from a Teams activity to a turn of the dialogs layer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import aiohttp
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount

from bot.files import download_attachments
from bot.turns import Delivery, TurnRunner
from dialogs import actions, addressing, events, importing, router
from dialogs import help as help_cmd
from dialogs.context import CommandContext, Speaker, TurnInput
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


def bot_mentions(activity: Activity) -> list[str]:
    """The texts (`<at>Bot</at>`) of the mentions whose id is this bot's (recipient.id)."""
    bot_id = activity.recipient.id if activity.recipient else None
    out = []
    for entity in activity.entities or []:
        props = entity.additional_properties or {}
        if getattr(entity, "type", None) != "mention" and props.get("type") != "mention":
            continue
        mentioned = props.get("mentioned") or {}
        if bot_id and isinstance(mentioned, dict) and mentioned.get("id") == bot_id:
            out.append(str(props.get("text") or ""))
            if mentioned.get("name"):  # in case the entity's text differs from the message's
                out.append(f"<at>{mentioned['name']}</at>")
    return out


def from_a_bot(activity: Activity) -> bool:
    sender = activity.from_property
    if sender is None:
        return False
    role = getattr(sender, "role", None) or (sender.additional_properties or {}).get("role")
    return role == "bot" or str(sender.id or "").startswith("28:")


class SamverkansBot(TeamsActivityHandler):
    def __init__(
        self,
        runner: TurnRunner,
        http: aiohttp.ClientSession | None = None,
        *,
        clock: Clock | None = None,
        ack_after: float = 5.0,
    ) -> None:
        self.runner = runner
        self.http = http
        self.clock = clock
        # Seconds a message with files may take before the sender is told the bot is reading.
        self.ack_after = ack_after
        self._reading: set[tuple[str, str]] = set()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        tenant = tenant_of(turn_context.activity)
        if tenant is None:
            logger.warning(
                "message without a tenant id ignored (activity %s)", turn_context.activity.id
            )
            return
        act = turn_context.activity
        if from_a_bot(act):
            logger.debug("activity %s from another bot ignored", act.id)
            return
        mentions = bot_mentions(act)
        text = addressing.message_text(act.text or "", mentions)
        value = act.value
        turn = turn_input(turn_context, tenant, text, self.clock)
        addressed = (
            bool(mentions)
            or turn.conversation_type == "personal"
            or turn.source == "console"
            or (isinstance(value, dict) and not text)  # a card's Action.Submit
        )
        if not addressed and not await self._admitted(turn, text):
            logger.debug("activity %s not addressed to the bot", act.id)
            return
        delivery = delivery_of(turn_context)

        async def work(ctx: CommandContext) -> None:
            if isinstance(value, dict) and not text:
                await actions.submit(ctx, value)  # Action.Submit: a message with card data
            elif text:
                await router.dispatch_text(ctx, text)

        if act.attachments and turn.conversation_type == "personal":
            await self._with_files(turn, act, delivery, work)
            return
        await self.runner.run(turn, delivery, work)

    async def _with_files(
        self,
        turn: TurnInput,
        act: Activity,
        delivery: Delivery,
        work: Callable[[CommandContext], Awaitable[None]],
    ) -> None:
        """A message with files: download, read and parse them (a worker process, before the
        turn's transaction), then the turn. Parsing takes seconds per MB; when it has not
        finished within `ack_after` seconds the sender is told the bot is reading, the request
        is answered, and the summary follows when the parse is done (the Bot Connector gives up
        on a request after about 15 s and sends the message again)."""
        key = (turn.conversation_id, turn.activity_id or "")
        if turn.activity_id and key in self._reading:
            logger.info("activity %s redelivered while its files are read; left", turn.activity_id)
            return

        parsed = asyncio.Event()  # the files are read and parsed
        settled = asyncio.Event()  # the "reading" message, if any, is queued first

        async def read_then_run() -> None:
            try:
                try:
                    turn.files, turn.file_errors = await download_attachments(self.http, act)
                    await importing.prepare(turn)
                except Exception:
                    logger.exception("could not read the files of activity %s", turn.activity_id)
                    turn.files, turn.prepared_files = [], None
                    turn.file_errors = [
                        (
                            "Filen kunde inte läsas; försök igen.",
                            "The file could not be read; try again.",
                        )
                    ]
                parsed.set()
                await settled.wait()
                await self.runner.run(turn, delivery, work)
            finally:
                self._reading.discard(key)

        if turn.activity_id:
            self._reading.add(key)
        task = self.runner.spawn(read_then_run())
        try:
            await asyncio.wait_for(parsed.wait(), timeout=self.ack_after)
        except TimeoutError:
            pass
        else:
            settled.set()
            # Read in time: answered within this request, as any other turn.
            await asyncio.shield(task)
            return

        async def reading(ctx: CommandContext) -> None:
            ctx.say(
                ctx.t(
                    "Jag läser filen – stora filer tar en stund. Sammanfattningen kommer här när "
                    "den är klar.",
                    "I am reading the file – large files take a while. The summary will come "
                    "here when it is ready.",
                )
            )

        # Not marked as the activity's own turn (that one follows with the summary).
        try:
            await self.runner.run(replace(turn, activity_id=None), delivery, reading)
        finally:
            settled.set()

    async def _admitted(self, turn: TurnInput, text: str) -> bool:
        """Whether a message without the bot's mention is still for it (dialogs/addressing.py);
        the check reads only, and on any failure the message is left alone."""
        kind = addressing.candidate(text)
        if kind is None:
            return False
        try:
            return await self.runner.admit(turn, lambda ctx: addressing.admits(ctx, kind))
        except Exception:
            logger.exception("could not tell whether activity %s is addressed", turn.activity_id)
            return False

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
