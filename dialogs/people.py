"""Who the speaker is, who a typed name means, and who may do what."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.text import name_key, split_name, squash
from storage.directory import body_people, ensure_identity, roles_in_body
from storage.models import Body, Meeting, Person, PersonIdentity

MANAGING_ROLES = ("admin", "ordforande", "vice_ordforande", "sekreterare")


# A mention's Teams id, recorded when a manager registers someone by mentioning them: the
# person is then known by Teams identity, and that account's link to them is confirmed.
MENTION = "mention"


def is_anonymous(ctx: CommandContext) -> bool:
    """An anonymous meeting participant (8:teamsvisitor:…): no AAD account behind the name."""
    sp = ctx.turn.speaker
    return sp is None or sp.provider == "teams"


async def speaker_person(ctx: CommandContext, body: Body | None = None) -> Person:
    """The speaker's person, created on first sight. A new identity is linked, in this order, to
    the person a manager registered by mentioning this account (confirmed), to the one person
    of the body registered by this display name and not yet claimed (unconfirmed: check-in
    only), or to a new person of its own (confirmed, unless the speaker is anonymous)."""
    cached = ctx.cache.get("speaker_person")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    sp = ctx.turn.speaker
    if sp is None:
        raise UserError("Jag vet inte vem som skriver.", "I don't know who is writing.")
    ident = await ensure_identity(
        ctx.session,
        ctx.turn.tenant_id,
        provider=sp.provider,
        subject=sp.subject,
        display_name=sp.name,
        aad_object_id=sp.aad_object_id,
        home_tenant_id=sp.home_tenant_id,
        teams_user_id=sp.teams_user_id,
    )
    person: Person | None = None
    if ident.person_id is not None:
        person = await ctx.session.get(Person, ident.person_id)
    if person is None:
        anonymous = is_anonymous(ctx)
        person = None if anonymous else await _mentioned_person(ctx)
        if person is not None:
            ident.confirmed = True
        else:
            display = squash(sp.name) or "Okänd"
            person = await unclaimed_namesake(ctx, name_key(display))
            ident.confirmed = False
            if person is None:
                person = Person(
                    tenant_id=ctx.turn.tenant_id, display_name=display, name_key=name_key(display)
                )
                ctx.session.add(person)
                await ctx.session.flush()
                ident.confirmed = not anonymous
        ident.person_id = person.id
        await ctx.session.flush()
    ctx.cache["speaker_person"] = person
    ctx.cache["speaker_confirmed"] = bool(ident.confirmed) and not is_anonymous(ctx)
    return person


async def _mentioned_person(ctx: CommandContext) -> Person | None:
    sp = ctx.turn.speaker
    if sp is None or not sp.teams_user_id:
        return None
    from storage.directory import identity_by_subject

    pre = await identity_by_subject(ctx.session, ctx.turn.tenant_id, MENTION, sp.teams_user_id)
    if pre is None or pre.person_id is None:
        return None
    return await ctx.session.get(Person, pre.person_id)


async def unclaimed_namesake(ctx: CommandContext, key: str) -> Person | None:
    """The one person of this conversation's body with exactly this name and no identity yet:
    someone the secretary registered by name, now speaking for themselves. A person who has an
    identity already is never taken over this way (that needs `koppla:` and an admin)."""
    from storage.directory import body_for_conversation

    body = ctx.cache.get("body") or await body_for_conversation(
        ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id
    )
    if body is None:
        return None
    namesakes = [p for p in await body_people(ctx.session, body.id) if p.name_key == key]
    if len(namesakes) != 1:
        return None
    claimed = await ctx.session.scalar(
        select(PersonIdentity.id).where(PersonIdentity.person_id == namesakes[0].id).limit(1)
    )
    return None if claimed is not None else namesakes[0]


async def speaker_person_if_known(ctx: CommandContext) -> Person | None:
    sp = ctx.turn.speaker
    if sp is None:
        return None
    from storage.directory import identity_by_subject

    ident = await identity_by_subject(ctx.session, ctx.turn.tenant_id, sp.provider, sp.subject)
    if ident is None or ident.person_id is None:
        # Not seen before: the person speaker_person() would link this identity to (a member
        # registered by name), without writing anything; otherwise nobody.
        return await unclaimed_namesake(ctx, name_key(squash(sp.name)))
    return await ctx.session.get(Person, ident.person_id)


async def confirmed_speaker(ctx: CommandContext) -> Person | None:
    """The speaker's person when the link to it is confirmed (see PersonIdentity.confirmed) and
    the speaker is not anonymous: the only speaker who may use a role's powers or see
    sekretess. Reads only."""
    sp = ctx.turn.speaker
    if sp is None or is_anonymous(ctx):
        return None
    if ctx.cache.get("speaker_confirmed") and "speaker_person" in ctx.cache:
        return ctx.cache["speaker_person"]  # type: ignore[no-any-return]
    from storage.directory import identity_by_subject

    ident = await identity_by_subject(ctx.session, ctx.turn.tenant_id, sp.provider, sp.subject)
    if ident is None:
        # First sight: confirmed only if a manager registered this account by mention.
        return await _mentioned_person(ctx)
    if ident.person_id is None or not ident.confirmed:
        return None
    return await ctx.session.get(Person, ident.person_id)


async def bind_mentions(ctx: CommandContext, people: Sequence[Person]) -> list[Person]:
    """People a manager just registered while mentioning them (`organ ledamöter: @Anna …`):
    each mention whose name is one of theirs binds that Teams account to the person, so the
    account's link is confirmed when it first speaks. Typed text binds nothing."""
    bound: list[Person] = []
    by_key: dict[str, list[Person]] = {}
    for person in people:
        by_key.setdefault(person.name_key, []).append(person)
    for teams_id, name in ctx.turn.mentions:
        match = by_key.get(name_key(squash(name)), [])
        if len(match) != 1:
            continue
        person = match[0]
        pre = await ensure_identity(
            ctx.session,
            ctx.turn.tenant_id,
            provider=MENTION,
            subject=teams_id,
            display_name=name,
            teams_user_id=teams_id,
        )
        if pre.person_id not in (None, person.id):
            continue  # that account is someone else's already: an admin sorts it out
        pre.person_id = person.id
        pre.confirmed = True
        # The account may have spoken already and been linked by name: confirm that link too.
        for ident in (
            await ctx.session.scalars(
                select(PersonIdentity).where(
                    PersonIdentity.tenant_id == ctx.turn.tenant_id,
                    PersonIdentity.teams_user_id == teams_id,
                    PersonIdentity.provider == "aad",
                )
            )
        ).all():
            if ident.person_id in (None, person.id):
                ident.person_id = person.id
                ident.confirmed = True
        bound.append(person)
    if bound:
        await ctx.session.flush()
        ctx.cache.pop("speaker_confirmed", None)
    return bound


async def _manages(
    ctx: CommandContext, person: Person, body: Body, meeting: Meeting | None
) -> bool:
    if meeting is not None and person.id in (meeting.chair_person_id, meeting.secretary_person_id):
        return True
    return bool(await roles_in_body(ctx.session, body.id, person.id) & set(MANAGING_ROLES))


async def _administers(ctx: CommandContext, person: Person, body: Body) -> bool:
    return "admin" in await roles_in_body(ctx.session, body.id, person.id)


async def can_manage(ctx: CommandContext, body: Body, meeting: Meeting | None = None) -> bool:
    """The meeting's chair and secretary, and body admins (and the body's standing chair and
    secretary) may register others, set roles and record decisions — with a confirmed
    identity only."""
    person = await confirmed_speaker(ctx)
    return person is not None and await _manages(ctx, person, body, meeting)


async def is_admin(ctx: CommandContext, body: Body) -> bool:
    person = await confirmed_speaker(ctx)
    return person is not None and await _administers(ctx, person, body)


async def unconfirmed_refusal(ctx: CommandContext, would_have: Any = None) -> None:
    """Say why when the speaker is refused only because their identity is not confirmed:
    anonymous, or linked to a person by display name who `would_have` the power."""
    if is_anonymous(ctx) and ctx.turn.speaker is not None:
        raise UserError(
            "Anonyma mötesdeltagare kan anmäla närvaro men inte föra protokoll eller ändra organet. Inget ändrades.",
            "Anonymous meeting participants can check in but not record minutes or change the body. Nothing was changed.",
        )
    person = await speaker_person_if_known(ctx)
    if person is None or await confirmed_speaker(ctx) is not None:
        return
    if would_have is None or await would_have(person):
        raise UserError(
            f"Ditt Teams-konto är ännu inte bekräftat som {person.display_name}. "
            f"Skriv `koppla: {person.display_name}` så kan en administratör bekräfta det. Inget ändrades.",
            f"Your Teams account is not yet confirmed as {person.display_name}. "
            f"Write `link: {person.display_name}` and an admin can confirm it. Nothing was changed.",
        )


async def require_manager(ctx: CommandContext, body: Body, meeting: Meeting | None = None) -> None:
    if not await can_manage(ctx, body, meeting):

        async def would_manage(person: Person) -> bool:
            return await _manages(ctx, person, body, meeting)

        await unconfirmed_refusal(ctx, would_manage)
        raise UserError(
            "Det får bara mötets ordförande och sekreterare eller organets administratörer göra. Inget ändrades.",
            "Only the meeting's chair and secretary or the body's admins may do that. Nothing was changed.",
        )


async def require_admin(ctx: CommandContext, body: Body) -> None:
    if not await is_admin(ctx, body):

        async def would_administer(person: Person) -> bool:
            return await _administers(ctx, person, body)

        await unconfirmed_refusal(ctx, would_administer)
        raise UserError(
            f"Det får bara administratörer för {body.name} göra. Inget ändrades.",
            f"Only admins of {body.name} may do that. Nothing was changed.",
        )


def _first_name_key(key: str) -> str:
    return key.split(" ")[0] if key else key


async def resolve_person(
    ctx: CommandContext, body: Body, entry: str, *, create: bool = True
) -> Person:
    """The person a typed entry means, "Namn, organisation och titel".

    Tolerant of case and of å/ä/ö typed as a/a/o; a unique first name within the body is
    enough. Ambiguous or unknown names get a question, never a silent guess."""
    name, details = split_name(entry)
    key = name_key(name)
    if not key:
        raise UserError(f"Jag saknar ett namn i ”{entry}”.", f"There is no name in “{entry}”.")
    known: Sequence[Person] = ctx.cache.get(("body_people", body.id)) or await body_people(
        ctx.session, body.id
    )
    ctx.cache[("body_people", body.id)] = known
    exact = [p for p in known if p.name_key == key]
    if not exact:
        # Someone known in the tenant but new to this body (a person sits in several bodies).
        exact = list(
            (
                await ctx.session.scalars(
                    select(Person).where(
                        Person.tenant_id == ctx.turn.tenant_id, Person.name_key == key
                    )
                )
            ).all()
        )
        exact = [p for p in exact if p not in known] or exact
    if len(exact) > 1 and details:
        narrowed = [
            p for p in exact if p.organisation and name_key(p.organisation) in name_key(details)
        ]
        exact = narrowed or exact
    if len(exact) == 1:
        person = exact[0]
        if details and not person.organisation:
            person.organisation = details
        return person
    if len(exact) > 1:
        options = "; ".join(
            f"{p.display_name}, {p.organisation or 'okänd organisation'}" for p in exact
        )
        raise UserError(
            f"Det finns flera som heter {name}: {options}. Skriv namnet med organisation, t.ex. ”{name}, {exact[0].organisation or 'Region X'}”.",
            f"There are several people called {name}: {options}. Add the organisation, e.g. “{name}, {exact[0].organisation or 'Region X'}”.",
        )
    if " " not in key:
        firsts = [p for p in known if _first_name_key(p.name_key) == key]
        if len(firsts) == 1:
            return firsts[0]
        if len(firsts) > 1:
            options = ", ".join(p.display_name for p in firsts)
            raise UserError(
                f"Vem menar du med {name}? Det kan vara {options}. Skriv hela namnet.",
                f"Who do you mean by {name}? It could be {options}. Write the full name.",
            )
        raise UserError(
            f"Jag hittar ingen {name} i organet. Skriv för- och efternamn.",
            f"I can't find anyone called {name} in this body. Write the full name.",
        )
    if not create:
        raise UserError(f"Jag hittar ingen {name} i organet.", f"I can't find {name} in this body.")
    org, title = _split_details(details)
    person = Person(
        tenant_id=ctx.turn.tenant_id, display_name=name, name_key=key, organisation=org, title=title
    )
    ctx.session.add(person)
    await ctx.session.flush()
    ctx.cache[("body_people", body.id)] = [*known, person]
    await ctx.audit("person.create", "person", person.id, after={"name": name, "details": details})
    return person


def _split_details(details: str | None) -> tuple[str | None, str | None]:
    """Keep "organisation and title" as written; it reads right in the minutes either way."""
    return (details, None) if details else (None, None)


def person_line(person: Person) -> str:
    extra = ", ".join(x for x in (person.title, person.organisation) if x)
    return f"{person.display_name}, {extra}" if extra else person.display_name
