"""`hjälp` / `help`: the commands that exist, built from the one registry."""

from __future__ import annotations

from dialogs import cards, labels
from dialogs.context import CommandContext
from dialogs.registry import REGISTRY, Registry, command
from dialogs.reply import Reply

# Kept for importers; the labels live in dialogs/labels.py.
GROUP_EN = {sv: label.en for sv, label in labels.GROUPS.items()}


def help_text(lang: str, registry: Registry = REGISTRY) -> str:
    lines = ["**Samverkansbot — kommandon**" if lang == "sv" else "**Samverkansbot — commands**"]
    for group, commands in registry.groups().items():
        lines.append("")
        lines.append(f"**{labels.group(group, lang)}**")
        for cmd in commands:
            usage = labels.english_usage(cmd.usage_en) if lang == "en" else cmd.usage_sv
            lines.append(f"- `{usage}` — {cmd.help_en if lang == 'en' else cmd.help_sv}")
    lines.append("")
    lines.append(
        "I en kanal eller gruppchatt: @nämn mig. Under ett öppet möte fungerar `här` och "
        "sekreterarens rader med kolon eller § utan. Allt annat till mig läses som en fråga, "
        "t.ex. *vad beslutades om F-ACT?*"
        if lang == "sv"
        else "In a channel or group chat: @mention me. During an open meeting `present` "
        "and the secretary's lines with a colon or § work without. Anything else "
        "addressed to me is read as a question, e.g. *what was decided about FACT?*"
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
