"""`hjälp` / `help`: the commands that exist, built from the one registry."""

from __future__ import annotations

import difflib
from typing import Any, Literal

from dialogs import cards, labels
from dialogs.context import CommandContext
from dialogs.registry import REGISTRY, Command, Registry, command
from dialogs.text import fold

Scope = Literal["team", "groupChat", "personal"]
_MEETING: frozenset[Scope] = frozenset({"team", "groupChat"})
_PERSONAL: frozenset[Scope] = frozenset({"personal"})
_ALL: frozenset[Scope] = _MEETING | _PERSONAL

# The commands people type most, most used first, by the first Swedish keyword (the words are
# the users' contract; function names are not), with the chats they are used in: every meeting
# (check-in, the attendance list, opening, §, decisions, assignments, closing, the minutes),
# then what each member does alone (their assignments, imports in a personal chat). The help
# card opens with these and the app package's command menus list them.
MOST_USED: tuple[tuple[str, frozenset[Scope]], ...] = (
    ("närvarande", _MEETING),
    ("närvarolista", _MEETING),
    ("öppna mötet", _MEETING),
    ("§", _MEETING),
    ("beslut", _MEETING),
    ("uppdrag", _MEETING),
    ("avsluta mötet", _MEETING),
    ("protokoll", _MEETING),
    ("skicka till justering", _MEETING),
    ("hjälp", _ALL),
    ("mina uppdrag", _ALL),
    ("importera", _PERSONAL),
    ("uppdrag klart", _ALL),
    ("fler", _ALL),
)
MENU_MAX = 10  # Teams shows at most ten commands per scope
MENU_TITLE_MAX = 32
MENU_DESCRIPTION_MAX = 128


def by_keyword(word: str, registry: Registry = REGISTRY) -> Command:
    for cmd in registry.commands:
        if cmd.words_sv and cmd.words_sv[0] == word:
            return cmd
    raise KeyError(f"no command has the keyword {word!r}")


def most_used(scope: Scope | None = None, registry: Registry = REGISTRY) -> list[Command]:
    """The most used commands, most used first; only those used in ``scope`` when given."""
    return [
        by_keyword(word, registry) for word, scopes in MOST_USED if scope is None or scope in scopes
    ]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def command_menu(scope: Scope, lang: str, registry: Registry = REGISTRY) -> list[dict[str, str]]:
    """The app package's command menu for one scope: title (the keyword) and description."""
    menu = []
    for cmd in most_used(scope, registry)[:MENU_MAX]:
        words = cmd.words_en if lang == "en" and cmd.words_en else cmd.words_sv
        # The help text alone: usage examples hold Swedish placeholders and sample names.
        described = cmd.help_en if lang == "en" else cmd.help_sv
        menu.append(
            {
                "title": _clip(words[0], MENU_TITLE_MAX),
                "description": _clip(described, MENU_DESCRIPTION_MAX),
            }
        )
    return menu


# Kept for importers; the labels live in one place, dialogs/labels.py.
GROUP_EN = {sv: label.en for sv, label in labels.GROUPS.items()}


PER_GROUP = 3  # commands each task shows on the help card; `hjälp <task>` shows the rest


def _label(group: str, lang: str) -> str:
    return labels.group(group, lang)


def _rank(registry: Registry, scope: Scope | None) -> dict[int, int]:
    """Command (by id) → its place among the most used here; the rest after, in registry order."""
    ranks: dict[int, int] = {}
    for i, (word, scopes) in enumerate(MOST_USED):
        if scope is not None and scope not in scopes:
            continue
        try:
            ranks[id(by_keyword(word, registry))] = i
        except KeyError:
            continue
    return ranks


def tasks(
    registry: Registry = REGISTRY, scope: Scope | None = None
) -> list[tuple[str, list[Command]]]:
    """The registry's groups as tasks: each task's commands most used first (in ``scope`` when
    given), and the tasks ordered by their most used command."""
    ranks = _rank(registry, scope)
    order = {id(c): i for i, c in enumerate(registry.commands)}

    def key(cmd: Command) -> tuple[int, int]:
        return (ranks.get(id(cmd), len(MOST_USED)), order[id(cmd)])

    groups = [(g, sorted(cmds, key=key)) for g, cmds in registry.groups().items()]
    return sorted(groups, key=lambda item: key(item[1][0]))


def _topic_word(group: str, lang: str) -> str:
    """What to type after `hjälp` for a task: the last word of its name (närvaro, beslut)."""
    return _label(group, lang).split()[-1].lower()


def find_task(topic: str, registry: Registry = REGISTRY) -> str | None:
    """The task (group) a `hjälp …` topic names: a word of its name in either language (also
    a close spelling, or a plural/singular form), or one of its commands' keywords."""
    wanted = fold(topic).strip(" ?!.:")
    if not wanted:
        return None
    names: dict[str, str] = {}
    for group in registry.groups():
        for label in (group, GROUP_EN.get(group, group)):
            for word in fold(label).split():
                if len(word) >= 3 and word not in ("och", "and"):
                    names.setdefault(word, group)
    if wanted in names:
        return names[wanted]
    for word, group in names.items():
        shorter, longer = sorted((wanted, word), key=len)
        if len(shorter) >= 4 and longer.startswith(shorter[: max(4, len(shorter) - 1)]):
            return group
    for cmd in registry.commands:
        keywords = {fold(w) for w in (*cmd.words_sv, *cmd.words_en)}
        if wanted in keywords or (len(wanted) >= 5 and any(wanted in k.split() for k in keywords)):
            return cmd.group
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


def _usage(cmd: Command, lang: str) -> str:
    return labels.english_usage(cmd.usage_en) if lang == "en" else cmd.usage_sv


def _help(cmd: Command, lang: str) -> str:
    return cmd.help_en if lang == "en" else cmd.help_sv


def scope_of(conversation_type: str | None) -> Scope | None:
    """The app package's scope for a Teams conversation type (None on the command line)."""
    return {"personal": "personal", "groupChat": "groupChat", "channel": "team"}.get(
        conversation_type or ""
    )  # type: ignore[return-value]


def help_card(
    lang: str, registry: Registry = REGISTRY, scope: Scope | None = None
) -> dict[str, Any]:
    """`hjälp`: the tasks, each with its most used commands, and how to see the rest."""
    en = lang == "en"
    body: list[dict[str, Any]] = [
        cards.heading("Samverkansbot — commands" if en else "Samverkansbot — kommandon"),
        cards.text(
            "The most used commands, by task. Write **help attendance**, **help decisions** … "
            "for all of a task's commands."
            if en
            else "De vanligaste kommandona, efter uppgift. Skriv **hjälp närvaro**, "
            "**hjälp beslut** … för alla kommandon i en uppgift.",
            isSubtle=True,
        ),
    ]
    for group, commands in tasks(registry, scope):
        body.append(cards.text(f"**{_label(group, lang)}**", spacing="Medium"))
        body.append(cards.facts([(_usage(c, lang), _help(c, lang)) for c in commands[:PER_GROUP]]))
        rest = len(commands) - PER_GROUP
        if rest > 0:
            word = _topic_word(group, lang)
            body.append(
                cards.text(
                    f"{rest} more: **help {word}**" if en else f"{rest} till: **hjälp {word}**",
                    isSubtle=True,
                    spacing="None",
                )
            )
    body.append(
        cards.text(
            "In a channel or group chat, @mention me. During an open meeting **present** and "
            "the secretary's lines with a colon or § work without. Anything else addressed to "
            "me is read as a question, e.g. *what was decided about …?*"
            if en
            else "I en kanal eller gruppchatt: @nämn mig. Under ett öppet möte fungerar **här** "
            "och sekreterarens rader med kolon eller § utan. Allt annat till mig läses som en "
            "fråga, t.ex. *vad beslutades om …?*",
            spacing="Medium",
        )
    )
    return cards.card(body)


def task_card(
    group: str, lang: str, registry: Registry = REGISTRY, scope: Scope | None = None
) -> dict[str, Any]:
    """`hjälp närvaro`: every command of one task, most used first."""
    commands = dict(tasks(registry, scope))[group]
    label = _label(group, lang)
    return cards.card(
        [
            cards.heading(f"Help: {label}" if lang == "en" else f"Hjälp: {label}"),
            cards.facts([(_usage(c, lang), _help(c, lang)) for c in commands]),
        ]
    )


@command(
    "hjälp",
    "kommandon",
    en=("help", "commands"),
    arg="optional_ref",
    usage="hjälp [närvaro | beslut | …]",
    usage_en="help [attendance | decisions | …]",
    group="Övrigt",
    help_en="Show the commands; with a task, all of its commands",
)
async def show_help(ctx: CommandContext, arg: str) -> None:
    """Visa kommandona; med en uppgift, alla dess kommandon"""
    scope = scope_of(ctx.turn.conversation_type)
    if not arg.strip():
        card = help_card(ctx.lang, scope=scope)
        ctx.card(card, cards.card_to_text(card))
        return
    group = find_task(arg)
    if group is None:
        topics = ", ".join(f"**{_topic_word(g, ctx.lang)}**" for g, _ in tasks())
        ctx.say(
            f"Jag har ingen hjälp om ”{arg.strip()}”. Skriv **hjälp** följt av en uppgift: "
            f"{topics}.",
            f"I have no help about “{arg.strip()}”. Write **help** and a task: {topics}.",
        )
        return
    card = task_card(group, ctx.lang, scope=scope)
    ctx.card(card, cards.card_to_text(card))


async def greet(ctx: CommandContext) -> None:
    """When the bot is added: a short help card (Swedish first), once per conversation.

    Installing in a team sends both installationUpdate and conversationUpdate, with different
    activity ids, so redelivery handling alone would greet twice."""
    from storage.botstate import read_states, write_state

    key = f"greeted/{ctx.turn.tenant_id}/{ctx.turn.binding_id}"
    if await read_states(ctx.session, [key]):
        return
    await write_state(ctx.session, key, {"at": ctx.turn.now.isoformat()}, None)
    body = [
        cards.heading("Hej! Jag är Samverkansbot."),
        cards.text(
            "Jag för organets protokoll direkt i chatten: närvaro, paragrafer, beslut och uppdrag, "
            "och jag svarar på frågor om vad som beslutats."
        ),
        cards.text(
            "Börja med att koppla chatten till ett organ: **organ: LSVO ledningsgrupp (LSVO)**. "
            "Öppna sedan mötet med **öppna mötet** och anmäl närvaro med **närvarande**. "
            "Skriv **hjälp** för alla kommandon.",
        ),
        cards.text(
            "I en kanal eller gruppchatt svarar jag bara när du @nämner mig; under ett öppet möte "
            "läser jag också **här** och sekreterarens rader med kolon (**justerare: …**) eller §. "
            "Andra meddelanden sparar jag inte.",
        ),
        cards.text("English: write **help**.", isSubtle=True),
    ]
    fallback = (
        "Hej! Jag är Samverkansbot. Koppla chatten till ett organ med 'organ: Namn (KORT)', "
        "öppna mötet med 'öppna mötet' och skriv 'hjälp' för alla kommandon."
    )
    ctx.card(cards.card(body), fallback)
