"""From a turn's text to replies: match a command or treat it as a question."""

from __future__ import annotations

import logging
import re

from dialogs import commands as _commands  # noqa: F401  (registers the commands)
from dialogs.choices import COMMAND_TEXT
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.people import NAME_NOTES
from dialogs.registry import REGISTRY, Match, Registry
from dialogs.text import has_personnummer

logger = logging.getLogger(__name__)

_EN_WORDS = {
    "what",
    "who",
    "when",
    "which",
    "where",
    "how",
    "was",
    "were",
    "is",
    "are",
    "the",
    "about",
    "decided",
    "decisions",
    "decision",
    "show",
    "did",
    "does",
    "last",
    "year",
    "my",
    "assignments",
    "meeting",
    "next",
    "present",
    "of",
    "in",
    "on",
    "for",
    "since",
    "any",
    "there",
    "help",
    "me",
    "please",
    "you",
    "can",
    "i",
    "we",
    "thanks",
}
_SV_WORDS = {
    "vad",
    "vem",
    "vilka",
    "vilken",
    "när",
    "nar",
    "om",
    "beslut",
    "beslutades",
    "beslutade",
    "är",
    "ar",
    "har",
    "och",
    "att",
    "på",
    "pa",
    "för",
    "for",
    "sedan",
    "mötet",
    "motet",
    "nästa",
    "uppdrag",
    "det",
    "den",
    "som",
    "var",
    "till",
    "med",
    "av",
    "förra",
    "året",
}


def detect_language(text: str, locale: str | None = None) -> str:
    """'en' when the words are more English than Swedish; on a tie the sender's Teams locale
    decides; Swedish is the default."""
    words = re.findall(r"[a-zåäöé]+", text.lower())
    hint = "en" if locale and locale.lower().startswith("en") else "sv"
    if not words:
        return hint
    if any(ch in text.lower() for ch in "åäö"):
        return "sv"
    en = sum(w in _EN_WORDS for w in words)
    sv = sum(w in _SV_WORDS for w in words)
    if en == sv:
        return hint
    return "en" if en > sv else "sv"


def _asking_for_help(text: str, registry: Registry) -> Match | None:
    """`help me`, `hjälp tack`: a help keyword and a word or two more is asking for help."""
    words = text.strip().rstrip("?!.").split()
    if not 1 < len(words) <= 3:
        return None
    match = registry.match(words[0])
    # Only help: another keyword with words after it ("sekretess gäller") is not a command.
    return match if match is not None and match.command.name == "show_help" else None


async def dispatch_text(ctx: CommandContext, text: str, registry: Registry = REGISTRY) -> None:
    """Run the command the text names, or answer it as a question."""
    if has_personnummer(text):
        ctx.lang = detect_language(text, ctx.turn.locale)
        raise UserError(
            "Meddelandet ser ut att innehålla ett personnummer och sparades inte. "
            "Skriv det igen utan personnumret.",
            "The message seems to contain a Swedish personal identity number and was not stored. "
            "Please write it again without the number.",
        )
    from dialogs.form import FORMS

    if await FORMS.continue_if_active(ctx, text):
        ctx.lang = detect_language(text, ctx.turn.locale) if ctx.lang != "en" else "en"
        return
    if await run_command(ctx, text, registry):
        return
    ctx.lang = detect_language(text, ctx.turn.locale)
    from dialogs import nearmiss

    if await nearmiss.answer(ctx, text, registry):
        return
    from dialogs import questions  # late: questions import storage search

    await questions.answer(ctx, text)


async def run_command(ctx: CommandContext, text: str, registry: Registry = REGISTRY) -> bool:
    """Run the command the text names; False when it names none."""
    match = registry.match(text) or _asking_for_help(text, registry)
    if match is None:
        return False
    # The keyword the user chose says their language: `present` is English, `här` Swedish.
    ctx.lang = match.lang
    ctx.cache[COMMAND_TEXT] = text
    await match.command.handler(ctx, match.arg)
    notes = ctx.cache.get(NAME_NOTES)
    if notes:
        ctx.say(
            "Jag tolkade namnen så här: "
            + "; ".join(f"{shown} (tolkat från ”{typed}”)" for shown, typed in notes)
            + ".",
            "I read the names as: "
            + "; ".join(f"{shown} (from “{typed}”)" for shown, typed in notes)
            + ".",
        )
    return True
