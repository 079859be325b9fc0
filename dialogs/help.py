"""`hjälp` / `help`: the commands that exist, built from the one registry."""

from __future__ import annotations

from typing import Literal

from dialogs import cards
from dialogs.context import CommandContext
from dialogs.registry import REGISTRY, Command, Registry, command
from dialogs.reply import Reply

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


GROUP_EN = {
    "Organ": "Body",
    "Möte": "Meeting",
    "Närvaro": "Attendance",
    "Paragrafer och beslut": "Paragraphs and decisions",
    "Uppdrag": "Assignments",
    "Protokoll": "Minutes",
    "Fråga": "Ask",
    "Övrigt": "Other",
}


def help_text(lang: str, registry: Registry = REGISTRY) -> str:
    lines = ["**Samverkansbot — kommandon**" if lang == "sv" else "**Samverkansbot — commands**"]
    for group, commands in registry.groups().items():
        lines.append("")
        lines.append(f"**{group if lang == 'sv' else GROUP_EN.get(group, group)}**")
        for cmd in commands:
            usage = cmd.usage_en if lang == "en" else cmd.usage_sv
            lines.append(f"- `{usage}` — {cmd.help_en if lang == 'en' else cmd.help_sv}")
    lines.append("")
    lines.append(
        "Allt annat läses som en fråga, t.ex. *vad beslutades om F-ACT?*"
        if lang == "sv"
        else "Anything else is read as a question, e.g. *what was decided about FACT?*"
    )
    return "\n".join(lines)


@command("hjälp", "kommandon", en=("help", "commands"), group="Övrigt", help_en="Show the commands")
async def show_help(ctx: CommandContext, arg: str) -> None:
    """Visa kommandona"""
    ctx.replies.append(Reply(text=help_text(ctx.lang)))


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
        cards.text("English: write **help**.", isSubtle=True),
    ]
    fallback = (
        "Hej! Jag är Samverkansbot. Koppla chatten till ett organ med 'organ: Namn (KORT)', "
        "öppna mötet med 'öppna mötet' och skriv 'hjälp' för alla kommandon."
    )
    ctx.card(cards.card(body), fallback)
