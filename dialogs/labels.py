"""The bot's labels in one place, each with its Swedish and English form, so that a reply in
English cannot carry a Swedish heading or placeholder (and the other way round)."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple


class Label(NamedTuple):
    sv: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


class CommandGroup(StrEnum):
    """A command's group in the help, by its Swedish name; `label` gives both languages.
    A StrEnum, so a group compares equal to its Swedish name."""

    BODY = "Organ"
    MEETING = "Möte"
    ATTENDANCE = "Närvaro"
    PARAGRAPHS = "Paragrafer och beslut"
    ASSIGNMENTS = "Uppdrag"
    MINUTES = "Protokoll"
    ASK = "Fråga"
    QUESTIONS = "Frågor"
    OTHER = "Övrigt"

    @property
    def label(self) -> Label:
        return Label(self.value, _GROUP_EN[self.value])


_GROUP_EN = {
    "Organ": "Body",
    "Möte": "Meeting",
    "Närvaro": "Attendance",
    "Paragrafer och beslut": "Paragraphs and decisions",
    "Uppdrag": "Assignments",
    "Protokoll": "Minutes",
    "Fråga": "Ask",
    "Frågor": "Questions",
    "Övrigt": "Other",
}

# The help's groups, by the Swedish name the commands register under.
GROUPS: dict[str, Label] = {g.value: g.label for g in CommandGroup}

# Placeholders in the commands' usage lines (what the user replaces), Swedish → English.
# Keywords and values the bot reads (`att`, `föredragande`, `protokoll`) are not placeholders.
PLACEHOLDERS: tuple[Label, ...] = (
    Label("Namn, organisation och titel", "Name, organisation and title"),
    Label("Namn gör vad till när", "Name does what by when"),
    Label("Vad som sades", "What was said"),
    Label("Sammanträde 4 juni", "Meeting 4 June"),
    Label("med filen bifogad, i personlig chatt", "with the file attached, in a personal chat"),
    Label("reserverar sig mot beslutet", "reserverar sig mot beslutet"),
    Label("(ny rad)", "(new line)"),
    Label("<Organ>", "<Body>"),
    Label("skäl", "skäl"),
    Label("Mottagare", "Recipient"),
    Label("Rubrik", "Title"),
    Label("Punkt", "Item"),
    Label("Namn", "Name"),
    Label("länk", "link"),
    Label("till samverkansgrupp vuxna", "to the adult services group"),
    Label("Informationen läggs till handlingarna", "What the record says"),
)
_WORD_JOIN = re.compile(r"\b(Name) (och|för) (Name)\b")


def group(name: str, lang: str) -> str:
    """A help group's heading; an unknown group is a programming error, not a Swedish
    fallback in an English reply."""
    return GROUPS[name](lang)


def english_usage(usage: str) -> str:
    """A usage line with its Swedish placeholders in English."""
    for label in PLACEHOLDERS:
        usage = usage.replace(label.sv, label.en)
    return _WORD_JOIN.sub(
        lambda m: f"{m.group(1)} {'and' if m.group(2) == 'och' else 'for'} {m.group(3)}", usage
    )
