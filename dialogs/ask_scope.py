"""Who may see what when asking the record: the conversation's host tenant, the bodies bound to
the conversation, shared with the organisation or where the asker is a member, and sekretess only
to members in a personal chat or on the console. Every retrieval path (the structured record,
the decision index, the passages and their vectors) takes its scope from here, before ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from dialogs.context import CommandContext
from storage.models import Body, BodyConversation, Membership


@dataclass(frozen=True)
class BodyInfo:
    """What a question needs of a body (read without loading ORM objects)."""

    id: int
    name: str
    short_name: str | None
    short_key: str | None
    numbering: str
    sharing: str


@dataclass
class Visible:
    bodies: dict[int, BodyInfo]
    confidential: set[int]
    current_body_id: int | None
    # Every body of the tenant is visible (the command line): the tenant filter says it all.
    whole_tenant: bool = False


async def visible_scope(ctx: CommandContext) -> Visible:
    """The bodies this conversation and speaker may see, and where sekretess may be shown."""
    cached = ctx.cache.get("ask_visible")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    session = ctx.session
    tenant = ctx.turn.tenant_id
    all_bodies = [
        BodyInfo(*row)
        for row in (
            await session.execute(
                select(
                    Body.id,
                    Body.name,
                    Body.short_name,
                    Body.short_key,
                    Body.numbering,
                    Body.sharing,
                )
                .where(Body.tenant_id == tenant)
                .order_by(Body.id)
            )
        ).all()
    ]
    override = ctx.cache.get("ask_scope")
    if override is not None:
        wanted = override.get("body_ids")
        bodies = {b.id: b for b in all_bodies if wanted is None or b.id in wanted}
        confidential = set(bodies) if override.get("confidential") else set()
        visible = Visible(bodies, confidential, None, len(bodies) == len(all_bodies))
        ctx.cache["ask_visible"] = visible
        return visible
    current = await session.scalar(
        select(BodyConversation.body_id).where(
            BodyConversation.tenant_id == tenant,
            BodyConversation.conversation_id == ctx.turn.binding_id,
        )
    )
    from dialogs.people import confirmed_speaker

    # Membership counts only for a confirmed identity: a display name is no proof (issue 17).
    person = await confirmed_speaker(ctx)
    member_of: set[int] = set()
    if person is not None:
        today = ctx.turn.today
        member_of = set(
            (
                await session.scalars(
                    select(Membership.body_id).where(
                        Membership.person_id == person.id,
                        or_(Membership.valid_to.is_(None), Membership.valid_to >= today),
                    )
                )
            ).all()
        )
    ids = {b.id for b in all_bodies if b.sharing == "organisation"} | member_of
    if current is not None:
        ids.add(current)
    bodies = {b.id: b for b in all_bodies if b.id in ids}
    # Sekretess only to members, and only where no one else reads along: a personal chat or
    # the console. An answer in a channel is read by everyone in it.
    private = ctx.turn.conversation_type in ("personal", None) or ctx.turn.source == "console"
    confidential = (member_of & set(bodies)) if private else set()
    visible = Visible(bodies, confidential, current, len(bodies) == len(all_bodies))
    ctx.cache["ask_visible"] = visible
    return visible


__all__ = ["BodyInfo", "Visible", "visible_scope"]
