"""Who the speaker is, who a typed name means, and who may do what."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import select

from dialogs.context import CommandContext
from dialogs.errors import Choice, Option, UserError
from dialogs.text import name_key, split_name, split_people, squash
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


# "Anna Berg och Bertil Ek": a conjunction between names (not "Hälso- och sjukvård").
_AND = re.compile(r"(?<!-)\s+(?:och|samt|and|&)\s+", re.IGNORECASE)


async def name_entries(ctx: CommandContext, body: Body, arg: str) -> list[str]:
    """The people a recorder lists: `;` or a new line between them, as always, and also "och"
    between plain names, and commas between names the body knows exactly ("Anna Berg, Bertil
    Ek"): there a comma is a list, not "Namn, organisation"."""
    known: Sequence[Person] = ctx.cache.get(("body_people", body.id)) or await body_people(
        ctx.session, body.id
    )
    ctx.cache[("body_people", body.id)] = known
    keys = {p.name_key for p in known}
    out: list[str] = []
    for entry in split_people(arg):
        if "," not in entry:
            out.extend(part.strip() for part in _AND.split(entry) if part.strip())
            continue
        parts = [q.strip() for p in entry.split(",") for q in _AND.split(p) if q.strip()]
        if len(parts) > 1 and all(name_key(p) in keys for p in parts):
            out.extend(parts)
        else:
            out.append(entry)
    return out


def _first_name_key(key: str) -> str:
    return key.split(" ")[0] if key else key


NAME_NOTES = "name_notes"
# rapidfuzz token_sort_ratio on folded names: at or above CLOSE a unique candidate is taken
# (and shown as interpreted); candidates at or above NEAR are offered on the card.
CLOSE = 86.0
NEAR = 70.0
MARGIN = 6.0

CreateMode = bool | Literal["ask"]


def _note(ctx: CommandContext, person: Person, typed: str) -> None:
    """Show how a typed name was read when it is not the person's name as registered."""
    typed_cf, shown_cf = squash(typed).casefold(), person.display_name.casefold()
    # The registered name itself, or it with the words after it left out ("Ulrik Hammar" for
    # "Ulrik Hammar (L)"), needs no note; any other spelling is shown.
    if typed_cf != shown_cf and not shown_cf.startswith(typed_cf + " "):
        notes = ctx.cache.setdefault(NAME_NOTES, [])
        if (person.display_name, squash(typed)) not in notes:
            notes.append((person.display_name, squash(typed)))


async def _meeting_people(ctx: CommandContext) -> list[Person]:
    """The meeting's participants (Teams joins and guests included)."""
    meeting = ctx.cache.get("meeting")
    if meeting is None:
        return []
    from storage.meetings import attendance_list

    return [row.person for row in await attendance_list(ctx.session, meeting.id)]


def _pick_options(
    ctx: CommandContext, key: str, name: str, people: Sequence[Person], create: CreateMode
) -> list[Option]:
    from dialogs.choices import option

    names = [p.display_name for p in people]

    def title(p: Person) -> str:
        # The name alone, unless two candidates share it: then with the organisation.
        if names.count(p.display_name) > 1:
            return f"{p.display_name}, {p.organisation or p.id}"[:80]
        return p.display_name

    opts = [option(ctx, title(p), title(p), pick=(key, p.id)) for p in people]
    if create == "ask":
        opts.append(
            option(
                ctx,
                f"Lägg till ”{name}” som ny person",
                f"Add “{name}” as a new person",
                pick=(key, "new"),
            )
        )
    return opts


async def resolve_person(
    ctx: CommandContext, body: Body, entry: str, *, create: CreateMode = True
) -> Person:
    """The person a typed entry means, "Namn, organisation och titel".

    Tolerant of case and of å/ä/ö typed as a/a/o; a unique first name within the body is
    enough. With create="ask" (what a recorder types during a meeting) or create=False, a name
    that is not exactly someone's is matched with rapidfuzz against the body's people and the
    meeting's participants: one close match is used (and shown as interpreted), otherwise a
    card asks whom it means, or whether to add a new person; nothing changes until chosen.
    create=True (the body's register) adds a new person for a name it does not know."""
    name, details = split_name(entry)
    key = name_key(name)
    if not key:
        raise UserError(f"Jag saknar ett namn i ”{entry}”.", f"There is no name in “{entry}”.")
    known: Sequence[Person] = ctx.cache.get(("body_people", body.id)) or await body_people(
        ctx.session, body.id
    )
    ctx.cache[("body_people", body.id)] = known
    if create is not True:
        from dialogs.choices import made

        picked = made(ctx)["picks"].get(key)
        if picked == "new" and create == "ask":
            return await _new_person(ctx, body, name, key, details, known)
        if picked is not None and str(picked).isdigit():
            chosen = await ctx.session.get(Person, int(picked))
            if chosen is not None and chosen.tenant_id == ctx.turn.tenant_id:
                return chosen
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
        _note(ctx, person, name)
        return person
    if len(exact) > 1:
        options = "; ".join(
            f"{p.display_name}, {p.organisation or 'okänd organisation'}" for p in exact
        )
        sv = f"Det finns flera som heter {name}: {options}. Välj en, eller skriv namnet med organisation, t.ex. ”{name}, {exact[0].organisation or 'Region X'}”."
        en = f"There are several people called {name}: {options}. Pick one, or add the organisation, e.g. “{name}, {exact[0].organisation or 'Region X'}”."
        if create is True:
            raise UserError(sv, en)
        raise Choice(sv, en, _pick_options(ctx, key, name, exact, False))
    if " " not in key:
        firsts = [p for p in known if _first_name_key(p.name_key) == key]
        if len(firsts) == 1:
            _note(ctx, firsts[0], name)
            return firsts[0]
        if len(firsts) > 1:
            options = ", ".join(p.display_name for p in firsts)
            sv = f"Vem menar du med {name}? Det kan vara {options}. Välj, eller skriv hela namnet."
            en = f"Who do you mean by {name}? It could be {options}. Pick one, or write the full name."
            if create is True:
                raise UserError(sv, en)
            raise Choice(sv, en, _pick_options(ctx, key, name, firsts, False))
        if create is True:
            raise UserError(
                f"Jag hittar ingen {name} i organet. Skriv för- och efternamn.",
                f"I can't find anyone called {name} in this body. Write the full name.",
            )
    if create is True:
        return await _new_person(ctx, body, name, key, details, known)
    return await _fuzzy(ctx, body, name, key, known, create)


def _name_score(a: str, b: str, **kwargs: object) -> float:
    """How alike two folded names are: word order aside (token_sort_ratio), and a name that is
    the other with a word more ("Peter Nagler" / "Peter Nagler PRO", token_set_ratio)."""
    from rapidfuzz import fuzz

    return max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b))


async def _fuzzy(
    ctx: CommandContext,
    body: Body,
    name: str,
    key: str,
    known: Sequence[Person],
    create: CreateMode,
) -> Person:
    from rapidfuzz import process

    pool = {p.id: p for p in [*known, *await _meeting_people(ctx)]}
    # A first name alone ("Kjel") is compared with first names, a full name with full names.
    names = {
        pid: (_first_name_key(p.name_key) if " " not in key else p.name_key)
        for pid, p in pool.items()
    }
    found = process.extract(key, names, scorer=_name_score, limit=5, score_cutoff=NEAR)
    if found and found[0][1] >= CLOSE and (len(found) == 1 or found[1][1] < found[0][1] - MARGIN):
        person = pool[found[0][2]]
        _note(ctx, person, name)
        return person
    candidates = [pool[pid] for _, _, pid in found]
    if candidates or create == "ask":
        sv = (
            f"Vem menar du med ”{name}”? Jag hittar ingen med exakt det namnet i {body.name}. "
            "Välj en person, eller lägg till en ny. Inget har ändrats."
            if create == "ask"
            else f"Vem menar du med ”{name}”? Jag hittar ingen med exakt det namnet i {body.name}. Inget har ändrats."
        )
        en = (
            f"Who do you mean by “{name}”? Nobody in {body.name} has exactly that name. "
            "Pick a person, or add a new one. Nothing was changed."
            if create == "ask"
            else f"Who do you mean by “{name}”? Nobody in {body.name} has exactly that name. Nothing was changed."
        )
        raise Choice(sv, en, _pick_options(ctx, key, name, candidates, create))
    raise UserError(
        f"Jag hittar ingen ”{name}” bland {body.name}s personer eller mötets deltagare. "
        "Kontrollera stavningen, eller lägg till personen i organet med `organ ledamöter: Namn`. Inget har ändrats.",
        f"I can't find “{name}” among the people of {body.name} or the meeting's participants. "
        "Check the spelling, or add the person with `body members: Name`. Nothing was changed.",
    )


async def _new_person(
    ctx: CommandContext,
    body: Body,
    name: str,
    key: str,
    details: str | None,
    known: Sequence[Person],
) -> Person:
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
