from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    """One thing the bot says: text (Markdown) or an Adaptive Card with a text fallback.

    Teams splits an activity holding both, so a card and a text are separate replies.
    `coalesce_key` marks a card that is updated in place (one attendance card per meeting)
    instead of being posted again.
    """

    text: str | None = None
    card: dict[str, Any] | None = None
    fallback: str | None = None
    coalesce_key: str | None = None
    # Post the coalesced card anew at the bottom of the chat (asked for, e.g. `närvarolista`).
    fresh: bool = False
    # Post it anew, instead of updating it, once it is far up the chat (the attendance card;
    # not the justering card, whose buttons people use where it is).
    follow: bool = False
    # Post into another conversation (a channel's new thread) instead of replying here.
    target_conversation: str | None = None
    new_thread: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class InvokeResult:
    """The answer to a card button (Action.Execute): the card that replaces the pressed one."""

    card: dict[str, Any] | None = None
    message: str | None = None
    status: int = 200
