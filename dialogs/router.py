"""From a turn's text to replies: match a command or treat it as a question."""

from __future__ import annotations

import logging
import re

from dialogs import commands as _commands  # noqa: F401  (registers the commands)
from dialogs.choices import COMMAND_TEXT
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.people import NAME_NOTES
from dialogs.registry import REGISTRY, Registry
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


def detect_language(text: str) -> str:
    """'en' when the words are more English than Swedish; Swedish is the default."""
    words = re.findall(r"[a-zåäöé]+", text.lower())
    if not words:
        return "sv"
    if any(ch in text.lower() for ch in "åäö"):
        return "sv"
    en = sum(w in _EN_WORDS for w in words)
    sv = sum(w in _SV_WORDS for w in words)
    return "en" if en > sv else "sv"


async def dispatch_text(ctx: CommandContext, text: str, registry: Registry = REGISTRY) -> None:
    """Run the command the text names, or answer it as a question."""
    if has_personnummer(text):
        ctx.lang = detect_language(text)
        raise UserError(
            "Meddelandet ser ut att innehålla ett personnummer och sparades inte. "
            "Skriv det igen utan personnumret.",
            "The message seems to contain a Swedish personal identity number and was not stored. "
            "Please write it again without the number.",
        )
    from dialogs.form import FORMS

    if await FORMS.continue_if_active(ctx, text):
        ctx.lang = detect_language(text) if ctx.lang != "en" else "en"
        return
    if await run_command(ctx, text, registry):
        return
    ctx.lang = detect_language(text)
    from dialogs import nearmiss

    if await nearmiss.answer(ctx, text, registry):
        return
    from dialogs import questions  # late: questions import storage search

    await questions.answer(ctx, text)


async def run_command(ctx: CommandContext, text: str, registry: Registry = REGISTRY) -> bool:
    """Run the command the text names; False when it names none."""
    match = registry.match(text)
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
