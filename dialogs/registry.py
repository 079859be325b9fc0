"""One registry of what the bot answers: commands, card actions (button verbs) and Teams
meeting events. The grammar, the dispatcher, the button and event handlers and the help card
all come from it.

A command begins with one of its keywords (Swedish or English; case, å/ä/ö and the @mention do
not matter). A keyword that takes free text takes it after a colon, so free text is never read
as a command word; one that takes a reference takes it directly (`visa § 117`). A pattern
command (a line starting "§ 116", a multi-line "… beslutar") has a matcher instead; matchers
run before keywords, in their stated priority (lowest first), so `beslut § 2: …` is the late
decision and not `beslut: …`. Anything that matches no command is a question.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from dialogs.context import CommandContext
from dialogs.labels import CommandGroup
from dialogs.reply import InvokeResult
from dialogs.text import fold

Handler = Callable[[CommandContext, str], Awaitable[None]]
ActionHandler = Callable[[CommandContext, dict[str, Any]], Awaitable[InvokeResult | None]]
EventHandler = Callable[[CommandContext, Any], Awaitable[None]]
# Matchers' priorities (lower runs first); keywords are tried after every matcher.
PRIORITY_PARAGRAPH_LINE = 10  # "§ 116 Rubrik"
PRIORITY_LATE_DECISION = 20  # "beslut § 2: …"
PRIORITY_DECISION_BLOCK = 30  # "<Organ> beslutar" + lines
PRIORITY_SHOW = 40  # "visa § 117"
# none: the keyword alone; colon: "kw: text"; ref: "kw 117"; the optional_* forms also accept
# the keyword alone.
ArgForm = Literal["none", "colon", "ref", "optional_colon", "optional_ref"]
Matcher = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Command:
    name: str
    words_sv: tuple[str, ...]
    words_en: tuple[str, ...]
    arg: ArgForm
    help_sv: str
    help_en: str
    group: CommandGroup
    usage_sv: str
    usage_en: str
    handler: Handler
    # A pattern command (a line starting "§ 116", a multi-line "… beslutar") has a matcher
    # that returns the argument text, or None; matchers run by priority, lowest first.
    matcher: Matcher | None = None
    priority: int = 100


@dataclass(frozen=True)
class Match:
    command: Command
    arg: str
    lang: str


class Registry:
    def __init__(self) -> None:
        self.commands: list[Command] = []
        self._words: list[tuple[str, str, Command]] = []  # (folded word, lang, command)
        self.actions: dict[str, ActionHandler] = {}  # card button verb → handler
        self.events: dict[str, EventHandler] = {}  # Teams meeting event → handler

    def add_action(self, verb: str, fn: ActionHandler) -> None:
        if verb in self.actions:
            raise ValueError(f"card action {verb!r} registered twice")
        self.actions[verb] = fn

    def add_event(self, name: str, fn: EventHandler) -> None:
        if name in self.events:
            raise ValueError(f"meeting event {name!r} registered twice")
        self.events[name] = fn

    def matchers(self) -> list[Command]:
        """The pattern commands in the order they are tried: by priority, then as added."""
        return sorted((c for c in self.commands if c.matcher is not None), key=lambda c: c.priority)

    def add(self, cmd: Command) -> None:
        for lang, words in (("sv", cmd.words_sv), ("en", cmd.words_en)):
            for word in words:
                key = fold(word)
                if any(k == key and other is cmd for k, _, other in self._words):
                    continue  # the same word in both languages ("information")
                for other_key, _, other in self._words:
                    if other_key == key and other.arg == cmd.arg:
                        raise ValueError(
                            f"keyword {word!r} of {cmd.name} clashes with {other.name}"
                        )
                self._words.append((key, lang, cmd))
        # Longest keyword first, so "uppdrag klart" wins over "uppdrag".
        self._words.sort(key=lambda w: -len(w[0]))
        self.commands.append(cmd)

    def match(self, text: str) -> Match | None:
        stripped = text.strip()
        if not stripped:
            return None
        for cmd in self.matchers():
            assert cmd.matcher is not None
            arg = cmd.matcher(stripped)
            if arg is not None:
                return Match(cmd, arg, "sv")
        first_line, _, rest = stripped.partition("\n")
        folded = fold(first_line)
        bare = folded.rstrip(" ?!.")
        for key, lang, cmd in self._words:
            if not folded.startswith(key):
                continue
            tail_folded = folded[len(key) :]
            # Keep the user's own spelling of the argument: cut by the folded length, which is
            # the same since folding maps one character to one.
            original = _after(first_line, len(key))
            if rest:
                original = original + "\n" + rest
            if tail_folded.lstrip().startswith(":") and cmd.arg in ("colon", "optional_colon"):
                return Match(cmd, original.lstrip()[1:].strip(), lang)
            if bare == key and not rest and cmd.arg in ("none", "optional_colon", "optional_ref"):
                return Match(cmd, "", lang)
            if (
                cmd.arg in ("ref", "optional_ref")
                and tail_folded.startswith(" ")
                and tail_folded.strip()
            ):
                return Match(cmd, original.strip().rstrip("?"), lang)
        return None

    def colon_argument(self, line: str) -> str | None:
        """What follows the colon when the line begins with the keyword of a command that
        takes text after a colon (`justerare: …`, `Beslut : …`); None otherwise."""
        folded = fold(line)
        for key, _, cmd in self._words:
            if cmd.arg in ("colon", "optional_colon") and folded.startswith(key):
                tail = folded[len(key) :].lstrip()
                if tail.startswith(":"):
                    return tail[1:].strip()
        return None

    def suggestions(self, text: str, n: int = 3) -> list[str]:
        """Nearby keywords for something that looked like a command but was not one."""
        head = fold(text).split(":")[0][:40]
        words = sorted({k for k, _, _ in self._words})
        return difflib.get_close_matches(head, words, n=n, cutoff=0.75)

    def groups(self) -> dict[str, list[Command]]:
        """Commands by group; the keys are CommandGroup members (a StrEnum, so their Swedish
        names)."""
        out: dict[str, list[Command]] = {}
        for cmd in self.commands:
            out.setdefault(cmd.group, []).append(cmd)
        return out


def _after(line: str, n: int) -> str:
    # fold() also collapses white space; walk the original until n folded characters passed.
    count = 0
    i = 0
    prev_space = False
    stripped = line.lstrip()
    while i < len(stripped) and count < n:
        ch = stripped[i]
        if ch.isspace():
            if not prev_space:
                count += 1
            prev_space = True
        else:
            count += 1
            prev_space = False
        i += 1
    return stripped[i:]


REGISTRY = Registry()


def command(
    *words_sv: str,
    en: tuple[str, ...] = (),
    arg: ArgForm = "none",
    group: CommandGroup | str = CommandGroup.OTHER,
    help_en: str = "",
    usage: str = "",
    usage_en: str = "",
    matcher: Matcher | None = None,
    priority: int = 100,
    registry: Registry | None = None,
) -> Callable[[Handler], Handler]:
    """Register a command. The docstring's first line is its Swedish help text. The group is
    a CommandGroup (its Swedish name is accepted; an unknown one is an error at import)."""

    def wrap(fn: Handler) -> Handler:
        doc = (fn.__doc__ or "").strip().splitlines()
        help_sv = doc[0].strip() if doc else fn.__name__
        first = words_sv[0] if words_sv else ""
        default_usage = {
            "none": first,
            "colon": f"{first}: …",
            "ref": f"{first} …",
            "optional_colon": f"{first} [: …]",
            "optional_ref": f"{first} […]",
        }[arg]
        (registry or REGISTRY).add(
            Command(
                name=fn.__name__,
                words_sv=words_sv,
                words_en=en,
                arg=arg,
                help_sv=help_sv,
                help_en=help_en or help_sv,
                group=CommandGroup(group),
                usage_sv=usage or default_usage,
                usage_en=usage_en or _english_usage(usage or default_usage, first, en),
                handler=fn,
                matcher=matcher,
                priority=priority,
            )
        )
        return fn

    return wrap


def table_command(name: str, help_sv: str, handler: Handler, *words_sv: str, **kwargs: Any) -> None:
    """Register a command described by a row of a table (roles, the body's registers and
    settings): the same as @command, with the name and Swedish help given."""
    handler.__name__ = name
    handler.__doc__ = help_sv
    command(*words_sv, **kwargs)(handler)


def _english_usage(usage: str, first: str, en: tuple[str, ...]) -> str:
    return usage.replace(first, en[0], 1) if en and first else usage


MENTION = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)


def strip_mentions(text: str) -> str:
    """Remove <at>…</at> mentions and HTML entities Teams leaves in plain text."""
    text = MENTION.sub(" ", text or "")
    text = text.replace("&nbsp;", " ").replace("\u00a0", " ")
    lines = [
        re.sub(r"[ \t]+", " ", line).strip() for line in text.replace("\r\n", "\n").split("\n")
    ]
    return "\n".join(line for line in lines if line)
