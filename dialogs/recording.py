"""The preamble of every command that records something at a meeting, in one place:
the conversation's body → the speaker → the meeting → may this person record?"""

from __future__ import annotations

from typing import Literal

from dialogs.bodies import current_body
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.people import require_manager, speaker_person
from storage.meetings import latest_meeting, open_meeting_in
from storage.models import Body, Meeting

NO_MEETING_SV = "Inget möte är öppet här. Öppna det med `öppna mötet` (eller `öppna mötet: Sammanträde 4 juni`)."
NO_MEETING_EN = "No meeting is open here. Open one with `open meeting` (or `open meeting: Board meeting 4 June`)."


async def current_meeting(ctx: CommandContext) -> Meeting:
    meeting = ctx.cache.get("meeting")
    if meeting is None:
        body = await current_body(ctx)
        meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
        if meeting is None:
            raise UserError(NO_MEETING_SV, NO_MEETING_EN)
        ctx.cache["meeting"] = meeting
    return meeting  # type: ignore[no-any-return]


async def current_meeting_or_latest(ctx: CommandContext) -> Meeting:
    body = await current_body(ctx)
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None:
        meeting = await latest_meeting(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None:
        raise UserError(NO_MEETING_SV, NO_MEETING_EN)
    ctx.cache["meeting"] = meeting
    return meeting


Which = Literal["open", "open_or_latest"]


async def recorder(ctx: CommandContext, *, meeting: Which = "open") -> tuple[Body, Meeting]:
    """The body and meeting a recorder acts on; raises (nothing changed) when there is no
    body here, no meeting, or the speaker may not record. meeting="open_or_latest" also takes
    the meeting closed last (settings that can follow a meeting, such as its form)."""
    body = await current_body(ctx)
    await speaker_person(ctx)
    found = (
        await current_meeting(ctx) if meeting == "open" else await current_meeting_or_latest(ctx)
    )
    await require_manager(ctx, body, found)
    return body, found
