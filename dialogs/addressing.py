"""Which messages of a shared chat are for the bot.

With the chat RSC permission Teams delivers every message of a meeting chat, the guests'
included. The bot acts on one when:
- it @mentions the bot (the mention's id is the bot's own), or it is a personal chat;
- without a mention, only while the conversation's body has an open meeting:
  (a) from someone allowed to record (the meeting's chair or secretary, the body's admins and
      standing chair/secretary), a message whose first line begins with a command keyword
      followed by a colon and some text (`justerare: …`, `beslut: …`) or with `§` and a
      number (alone or before a title);
  (b) from anyone, a message that is exactly a check-in word (`här`, `närvarande`, `present`).
Everything else gets no reply, no warning, and nothing is stored; only its id may be logged.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Literal

from dialogs.context import CommandContext
from dialogs.registry import REGISTRY, Registry
from dialogs.text import fold

Candidate = Literal["checkin", "record"]

# Exactly these words alone (case, å/ä/ö and a closing . or ! do not matter).
CHECK_IN_WORDS = ("här", "närvarande", "present")
_CHECK_IN_KEYS = frozenset(fold(w) for w in CHECK_IN_WORDS)
# `§ 116`, alone or followed by a title (`§113 - §123`, a range, is not a heading).
_PARAGRAPH = re.compile(r"^§\s*\d+[a-z]?(?:\s*$|(?=.*[^\W\d_]))", re.IGNORECASE)
_HAS_WORD = re.compile(r"[^\W_]")
_AT = re.compile(r"<at[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)


def message_text(raw: str, bot_mentions: Iterable[str]) -> str:
    """The text of a message as the bot reads it: the bot's own @mentions removed, other
    people's mentions kept as their names, entities decoded, lines trimmed."""
    text = raw or ""
    for mention in bot_mentions:
        if mention:
            text = text.replace(mention, " ")
    text = _AT.sub(lambda m: m.group(1), text)
    text = html.unescape(text.replace("&nbsp;", " ")).replace("\u00a0", " ")
    lines = [
        re.sub(r"[ \t]+", " ", line).strip() for line in text.replace("\r\n", "\n").split("\n")
    ]
    return "\n".join(line for line in lines if line)


def candidate(text: str, registry: Registry = REGISTRY) -> Candidate | None:
    """What an unaddressed message could be, from its text alone (no database)."""
    stripped = text.strip()
    if not stripped:
        return None
    if fold(stripped).rstrip(" .!") in _CHECK_IN_KEYS and "\n" not in stripped:
        return "checkin"
    first = stripped.split("\n", 1)[0]
    if _PARAGRAPH.match(first):
        return "record"
    # The keyword and colon with something after it: a bare `Ordförande:` heading is not.
    argument = registry.colon_argument(first)
    if argument is not None and (_HAS_WORD.search(argument) or "\n" in stripped):
        return "record"
    return None


async def admits(ctx: CommandContext, kind: Candidate) -> bool:
    """Whether an unaddressed candidate is acted on: the body has an open meeting here and,
    for a recording line, the speaker may record. Reads only."""
    from dialogs.people import can_manage
    from storage.directory import body_for_conversation
    from storage.meetings import open_meeting_in

    body = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
    if body is None:
        return False
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    if meeting is None:
        return False
    if kind == "checkin":
        return True
    return await can_manage(ctx, body, meeting)


def is_private(ctx: CommandContext) -> bool:
    """Nobody else reads along: a personal chat with the bot, or the local console."""
    return ctx.turn.conversation_type == "personal" or ctx.turn.source == "console"
