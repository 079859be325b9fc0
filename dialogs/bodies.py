"""`organ …`: bind a conversation to a body and set the body's register and settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.labels import CommandGroup
from dialogs.people import (
    bind_mentions,
    confirmed_speaker,
    person_line,
    require_admin,
    resolve_person,
    speaker_person,
    unconfirmed_refusal,
)
from dialogs.registry import Handler, command, table_command
from dialogs.reply import Reply
from dialogs.text import fold, name_key, split_people, squash
from storage.directory import add_membership, body_for_conversation, find_body, members_with_role
from storage.models import Body, BodyConversation, Membership, Person, PersonIdentity

NO_BODY_SV = "Den här konversationen är inte kopplad till något organ än. Skriv t.ex. `organ: LSVO ledningsgrupp (LSVO)`."
NO_BODY_EN = (
    "This conversation is not bound to a body yet. Write e.g. `body: LSVO ledningsgrupp (LSVO)`."
)


async def current_body(ctx: CommandContext) -> Body:
    body = ctx.cache.get("body")
    if body is None:
        body = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
        if body is None:
            raise UserError(NO_BODY_SV, NO_BODY_EN)
        ctx.cache["body"] = body
    return body  # type: ignore[no-any-return]


async def body_for_reading(ctx: CommandContext) -> Body:
    """The body of this conversation; in a personal chat that is bound to none, the one body
    the speaker is a member of, for commands that read the record (`protokoll`, `visa §`,
    `utdrag`, `historik`): a personal chat is where a member sees the full version."""
    try:
        return await current_body(ctx)
    except UserError:
        if ctx.turn.conversation_type != "personal":
            raise
    from sqlalchemy import or_

    from dialogs.people import speaker_person_if_known

    person = await speaker_person_if_known(ctx)
    bodies: list[Body] = []
    if person is not None:
        bodies = list(
            (
                await ctx.session.scalars(
                    # IN, not a join with DISTINCT: PostgreSQL cannot compare JSON columns.
                    select(Body)
                    .where(
                        Body.tenant_id == ctx.turn.tenant_id,
                        Body.id.in_(
                            select(Membership.body_id).where(
                                Membership.person_id == person.id,
                                or_(
                                    Membership.valid_to.is_(None),
                                    Membership.valid_to >= ctx.turn.today,
                                ),
                            )
                        ),
                    )
                    .order_by(Body.id)
                )
            ).all()
        )
    if len(bodies) == 1:
        ctx.cache["body"] = bodies[0]
        return bodies[0]
    if bodies:
        names = ", ".join(b.short_name or b.name for b in bodies)
        raise UserError(
            f"Du är ledamot i flera organ ({names}). Skriv `protokoll` i organets chatt, "
            "eller be en administratör koppla den här chatten med `organ: KORTNAMN`.",
            f"You are a member of several bodies ({names}). Write `minutes` in the body's chat, "
            "or ask an admin to bind this chat with `body: SHORTNAME`.",
        )
    return await current_body(ctx)  # the usual "not bound" answer


def _parse_body_name(arg: str) -> tuple[str, str | None]:
    m = re.match(r"^(.*?)\s*\(([^()]{1,40})\)\s*$", arg)
    if m:
        return squash(m.group(1)), squash(m.group(2))
    return squash(arg), None


@command(
    "organ",
    en=("body",),
    arg="optional_colon",
    group=CommandGroup.BODY,
    usage="organ: Namn (KORTNAMN)",
    usage_en="body: Name (SHORT)",
    help_en="Bind this conversation to a body (new or existing); alone: which body this is",
)
async def bind_body(ctx: CommandContext, arg: str) -> None:
    """Koppla konversationen till ett organ (nytt eller befintligt); ensamt: vilket organ det är"""
    existing = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
    if not arg:
        if existing is None:
            raise UserError(NO_BODY_SV, NO_BODY_EN)
        short_label = f" ({existing.short_name})" if existing.short_name else ""
        numbering = ctx.t(
            "per år" if existing.numbering == "per_year" else "per möte",
            "per year" if existing.numbering == "per_year" else "per meeting",
        )
        ctx.say(
            f"Den här konversationen hör till **{existing.name}**{short_label}. §-numrering {numbering}, form {existing.form}.",
            f"This conversation belongs to **{existing.name}**{short_label}. § numbering {numbering}, form {existing.form}.",
        )
        return
    code_match = CODE_IN_ARG.search(arg)
    code = code_match.group(1) if code_match else None
    if code_match:
        arg = arg[: code_match.start()]
    name, short = _parse_body_name(arg)
    if not name or len(name) > 300:
        raise UserError(
            "Skriv organets namn, t.ex. `organ: LSVO ledningsgrupp (LSVO)`.",
            "Write the body's name, e.g. `body: LSVO ledningsgrupp (LSVO)`.",
        )
    matches = list(await find_body(ctx.session, ctx.turn.tenant_id, name_key(name)))
    if not matches and short:
        matches = list(await find_body(ctx.session, ctx.turn.tenant_id, name_key(short)))
    if existing is not None:
        if matches and matches[0].id == existing.id:
            ctx.say(
                f"Konversationen hör redan till **{existing.name}**.",
                f"This conversation already belongs to **{existing.name}**.",
            )
            return
        raise UserError(
            f"Konversationen hör redan till {existing.name}. En konversation kan bara höra till ett organ.",
            f"This conversation already belongs to {existing.name}. A conversation belongs to one body only.",
        )
    person = await speaker_person(ctx)
    if len(matches) > 1:
        raise UserError(
            f"Flera organ heter så: {', '.join(b.name for b in matches)}. Skriv hela namnet.",
            f"Several bodies match: {', '.join(b.name for b in matches)}. Write the full name.",
        )
    if matches:
        body = matches[0]
        admins = await members_with_role(ctx.session, body.id, ["admin"])
        if code is not None and body.claim_code_hash:
            # A body brought in by `samverkansbot import`: its one-time code makes the speaker
            # (or the admin the import named, speaking for themselves) its confirmed admin.
            await _claim_with_code(ctx, body, code, {m.person_id for m in admins})
        elif admins:
            # Binding grants sight of the record, so only the body's admins may do it.
            await require_admin(ctx, body)
        elif ctx.turn.source == "console":
            # `samverkansbot chat` runs on the server, next to the database: no code needed.
            await add_membership(ctx.session, body.id, person.id, "admin")
        else:
            raise UserError(
                f"{body.name} har ingen administratör än. Skriv koden som importen skrev ut: `organ: {body.name} kod: XXXX-XXXX`. Inget ändrades.",
                f"{body.name} has no admin yet. Write the code the import printed: `body: {body.name} code: XXXX-XXXX`. Nothing was changed.",
            )
        created = False
    else:
        if await confirmed_speaker(ctx) is None:
            # Creating a body makes the speaker's person its admin: a name is no proof.
            await unconfirmed_refusal(ctx)
        body = Body(
            tenant_id=ctx.turn.tenant_id,
            name=name,
            name_key=name_key(name),
            short_name=short,
            short_key=name_key(short) if short else None,
        )
        try:
            async with ctx.session.begin_nested():
                ctx.session.add(body)
                await ctx.session.flush()
        except IntegrityError:
            # Another conversation created a body of this name a moment ago: answer as if it
            # had been there (bound for its admins, refused for the rest), not with an apology.
            raced = list(await find_body(ctx.session, ctx.turn.tenant_id, name_key(name)))
            if not raced:
                raise
            body = raced[0]
            await require_admin(ctx, body)
            created = False
        else:
            await add_membership(ctx.session, body.id, person.id, "admin")
            created = True
    ctx.session.add(
        BodyConversation(
            tenant_id=ctx.turn.tenant_id,
            body_id=body.id,
            conversation_id=ctx.turn.binding_id,
            conversation_type=ctx.turn.conversation_type,
            team_id=ctx.turn.team_id,
            channel_id=ctx.turn.channel_id,
            bound_by_person_id=person.id,
        )
    )
    await ctx.session.flush()
    await ctx.audit(
        "body.create" if created else "body.bind",
        "body",
        body.id,
        after={"conversation": ctx.turn.binding_id, "name": body.name},
    )
    if created:
        ctx.say(
            f"Nytt organ **{body.name}**{f' ({body.short_name})' if body.short_name else ''} är skapat och kopplat till konversationen. "
            f"Du är dess administratör. Lägg in ledamöterna med `organ ledamöter: Namn, organisation; …`.",
            f"New body **{body.name}** created and bound to this conversation. You are its admin. "
            f"Add members with `body members: Name, organisation; …`.",
        )
    else:
        ctx.say(
            f"Konversationen är nu kopplad till **{body.name}**.",
            f"This conversation is now bound to **{body.name}**.",
        )


CODE_IN_ARG = re.compile(r"\s+(?:kod|code)\s*:?\s*([A-Za-z0-9]{4}-?[A-Za-z0-9]{4})\s*$", re.I)


async def _claim_with_code(ctx: CommandContext, body: Body, code: str, admin_ids: set[int]) -> None:
    from dialogs.people import is_anonymous
    from storage.directory import check_claim_code, identity_by_subject

    if is_anonymous(ctx):
        await unconfirmed_refusal(ctx)
    if not check_claim_code(body, code):
        raise UserError(
            "Koden stämmer inte för det organet. Inget ändrades.",
            "That code does not match this body. Nothing was changed.",
        )
    person = ctx.cache["speaker_person"]
    sp = ctx.turn.speaker
    assert sp is not None
    ident = await identity_by_subject(ctx.session, ctx.turn.tenant_id, sp.provider, sp.subject)
    if admin_ids and person.id not in admin_ids:
        # The import named the admin; the code proves this account is that person if the
        # names agree and nobody has claimed the person yet.
        named = [
            p
            for p in [await ctx.session.get(Person, i) for i in admin_ids]
            if p is not None and p.name_key == name_key(squash(sp.name))
        ]
        claimed = named and await ctx.session.scalar(
            select(PersonIdentity.id).where(PersonIdentity.person_id == named[0].id).limit(1)
        )
        if len(named) != 1 or claimed or ident is None:
            raise UserError(
                "Koden gäller för den administratör som importen namngav. Inget ändrades.",
                "The code is for the admin the import named. Nothing was changed.",
            )
        person = named[0]
        ident.person_id = person.id
        ctx.cache["speaker_person"] = person
    if ident is not None:
        ident.confirmed = True
    ctx.cache["speaker_confirmed"] = True
    body.claim_code_hash = None
    await add_membership(ctx.session, body.id, person.id, "admin")
    await ctx.audit("body.claim", "body", body.id, after={"admin": person.id})


ROLE_WORDS = {
    "ledamot": ("ledamöter", "Ledamöter", "members"),
    "ersattare": ("ersättare", "Ersättare", "deputies"),
    "admin": ("admin", "Administratörer", "admins"),
    "ordforande": ("ordförande", "Ordförande", "chair"),
    "sekreterare": ("sekreterare", "Sekreterare", "secretary"),
}


async def _set_members(ctx: CommandContext, arg: str, role: str) -> None:
    body = await current_body(ctx)
    word, title_sv, word_en = ROLE_WORDS[role]
    if not arg:
        rows = await members_with_role(ctx.session, body.id, [role])
        people = [await ctx.session.get(Person, m.person_id) for m in rows]
        lines = [f"- {person_line(p)}" for p in people if p is not None]
        if not lines:
            ctx.say(
                f"{title_sv}: inga registrerade. Lägg till med `organ {word}: Namn, organisation; …`.",
                f"{word_en.capitalize()}: none registered. Add with `body {word_en}: Name, organisation; …`.",
            )
        else:
            ctx.say(
                f"**{title_sv} i {body.name}** ({len(lines)})\n" + "\n".join(lines),
                f"**{word_en.capitalize()} of {body.name}** ({len(lines)})\n" + "\n".join(lines),
            )
        return
    await speaker_person(ctx)
    await require_admin(ctx, body)
    entries = split_people(arg)
    if not entries:
        raise UserError(
            f"Skriv namnen efter kolonet: `organ {word}: Namn, organisation; …`.",
            f"Write the names after the colon: `body {word_en}: Name, organisation; …`.",
        )
    added, already, registered = [], [], []
    for entry in entries:
        person = await resolve_person(ctx, body, entry)
        registered.append(person)
        if await add_membership(ctx.session, body.id, person.id, role):
            added.append(person.display_name)
        else:
            already.append(person.display_name)
    await bind_mentions(ctx, registered)
    await ctx.audit(f"membership.{role}", "body", body.id, after={"people": added})
    msg_sv = f"{title_sv} i {body.name}: lade till {', '.join(added) or 'ingen'}."
    msg_en = f"{word_en.capitalize()} of {body.name}: added {', '.join(added) or 'nobody'}."
    if already:
        msg_sv += f" Fanns redan: {', '.join(already)}."
        msg_en += f" Already there: {', '.join(already)}."
    ctx.say(msg_sv, msg_en)


@dataclass(frozen=True)
class Register:
    """One of the body's registers (`organ ledamöter: …`); each row becomes a command."""

    role: str  # Membership.role
    words_sv: tuple[str, ...]
    words_en: tuple[str, ...]
    usage: str
    help_sv: str
    help_en: str


REGISTERS = (
    Register(
        "ledamot", ("organ ledamöter", "organ ledamot"), ("body members",),
        "organ ledamöter: Namn, organisation och titel; …",
        "Organets ledamöter (administratörer lägger till)", "The body's members (admins set them)",
    ),
    Register(
        "ersattare", ("organ ersättare",), ("body deputies",),
        "organ ersättare: Namn, organisation; …", "Organets ersättare",
        "The body's deputies (ersättare)",
    ),
    Register(
        "admin", ("organ admin",), ("body admin",), "organ admin: Namn",
        "Utse fler administratörer för organet", "Name another admin of the body",
    ),
    Register(
        "ordforande", ("organ ordförande",), ("body chair",), "organ ordförande: Namn",
        "Organets ordförande (förvald ordförande på mötena)",
        "The body's standing chair (default chair of its meetings)",
    ),
    Register(
        "sekreterare", ("organ sekreterare",), ("body secretary",), "organ sekreterare: Namn",
        "Organets sekreterare (förvald sekreterare på mötena)", "The body's standing secretary",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class Setting:
    """One setting of the body (`organ numrering: per år`); each row becomes a command."""

    word_sv: str
    word_en: str
    column: str  # Body's column
    values: tuple[tuple[str, str, str], ...]  # (as written in Swedish, in English, stored)
    help_sv: str
    help_en: str

    def accepted(self, lang: str) -> str:
        return " | ".join(en if lang == "en" else sv for sv, en, _ in self.values)

    def read(self, text: str) -> str | None:
        wanted = fold(text).rstrip(".")
        return next((v for sv, en, v in self.values if wanted in (fold(sv), fold(en))), None)


SETTINGS = (
    Setting(
        "numrering", "numbering", "numbering",
        (("per år", "per year", "per_year"), ("per möte", "per meeting", "per_meeting")),
        "Hur § numreras: per år (förval, löpande genom året) eller per möte",
        "How § are numbered: per year (default) or per meeting",
    ),
    Setting(
        "delning", "sharing", "sharing",
        (("organisationen", "organisation", "organisation"), ("organet", "body", "body")),
        "Vem som ser protokollen: hela organisationen eller bara organet",
        "Who may see the record: the whole organisation or the body",
    ),
    Setting(
        "form", "form", "form",
        (("protokoll", "minutes", "protokoll"),
         ("minnesanteckningar", "notes", "minnesanteckningar")),
        "Protokoll (med justering) eller minnesanteckningar",
        "Minutes with justering (protokoll) or notes",
    ),
)  # fmt: skip


async def _setting(ctx: CommandContext, arg: str, spec: Setting) -> None:
    body = await current_body(ctx)
    if not arg:
        ctx.say(f"{spec.word_sv}: {getattr(body, spec.column)}")
        return
    value = spec.read(arg)
    if value is None:
        raise UserError(
            f"Ogiltigt värde ”{arg}”. Skriv `organ {spec.word_sv}: {spec.accepted('sv')}`.",
            f"Invalid value “{arg}”. Write `body {spec.word_en}: {spec.accepted('en')}`.",
        )
    await speaker_person(ctx)
    await require_admin(ctx, body)
    before = getattr(body, spec.column)
    setattr(body, spec.column, value)
    await ctx.audit(
        f"body.{spec.column}",
        "body",
        body.id,
        before={spec.column: before},
        after={spec.column: value},
    )
    ctx.say(
        f"{body.name}: {spec.word_sv} är nu {arg.strip()}.",
        f"{body.name}: {spec.word_en} is now {arg.strip()}.",
    )


def _register_handler(spec: Register) -> Handler:
    async def handler(ctx: CommandContext, arg: str) -> None:
        await _set_members(ctx, arg, spec.role)

    return handler


def _setting_handler(spec: Setting) -> Handler:
    async def handler(ctx: CommandContext, arg: str) -> None:
        await _setting(ctx, arg, spec)

    return handler


for _register in REGISTERS:
    table_command(
        f"body_register_{_register.role}",
        _register.help_sv,
        _register_handler(_register),
        *_register.words_sv,
        en=_register.words_en,
        arg="optional_colon",
        group=CommandGroup.BODY,
        usage=_register.usage,
        help_en=_register.help_en,
    )
for _spec in SETTINGS:
    table_command(
        f"body_setting_{_spec.column}",
        _spec.help_sv,
        _setting_handler(_spec),
        f"organ {_spec.word_sv}",
        en=(f"body {_spec.word_en}",),
        arg="optional_colon",
        group=CommandGroup.BODY,
        usage=f"organ {_spec.word_sv}: {_spec.accepted('sv')}",
        usage_en=f"body {_spec.word_en}: {_spec.accepted('en')}",
        help_en=_spec.help_en,
    )


async def is_member(ctx: CommandContext, body: Body, person_id: int) -> bool:
    row = await ctx.session.scalar(
        select(Membership.id).where(
            Membership.body_id == body.id, Membership.person_id == person_id
        )
    )
    return row is not None


__all__ = ["Reply", "current_body", "is_member"]


@command(
    "organ sändlista",
    en=("body distribution",),
    arg="optional_colon",
    group=CommandGroup.BODY,
    usage="organ sändlista: Mottagare; Mottagare",
    help_en="Who the body's minutes are sent to (the “Protokollet ska skickas till” line)",
)
async def body_distribution(ctx: CommandContext, arg: str) -> None:
    """Vilka organets protokoll ska skickas till"""
    body = await current_body(ctx)
    if not arg:
        names = body.distribution or []
        ctx.say(
            "Protokollet ska skickas till: "
            + ("; ".join(names) if names else "ingen sändlista satt"),
            "The minutes are sent to: "
            + ("; ".join(names) if names else "no distribution list set"),
        )
        return
    await speaker_person(ctx)
    await require_admin(ctx, body)
    names = [squash(n) for n in split_people(arg) if squash(n)]
    before = {"distribution": body.distribution}
    body.distribution = names
    await ctx.audit("body.distribution", "body", body.id, before, {"distribution": names})
    ctx.say(
        f"Sändlista för {body.name}: {'; '.join(names)}.",
        f"Distribution list of {body.name}: {'; '.join(names)}.",
    )


@command(
    "organ brevhuvud",
    en=("body letterhead",),
    arg="colon",
    group=CommandGroup.BODY,
    usage="organ brevhuvud: Samverkan Blekinge – Hälsa, vård, lärande och social välfärd",
    usage_en="body letterhead: The line above the body's name",
    help_en="The line printed above the body's name in its minutes",
)
async def body_letterhead(ctx: CommandContext, arg: str) -> None:
    """Raden ovanför organets namn i protokollet"""
    body = await current_body(ctx)
    await speaker_person(ctx)
    await require_admin(ctx, body)
    text = squash(arg)
    if not text or len(text) > 300:
        raise UserError(
            "Skriv `organ brevhuvud: …` (högst 300 tecken).",
            "Write `body letterhead: …` (at most 300 characters).",
        )
    before = {"letterhead": body.letterhead}
    body.letterhead = text
    await ctx.audit("body.letterhead", "body", body.id, before, {"letterhead": text})
    ctx.say(f"Brevhuvud för {body.name}: {text}.", f"Letterhead of {body.name}: {text}.")
