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
    BETWEEN_MEETINGS = "Mellan mötena"
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
    "Mellan mötena": "Between meetings",
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
# The minutes summary card's own words: the card follows the language of the command that
# asked for it (record text, the "att" clauses included, stays as written).
MINUTES_CARD: dict[str, Label] = {
    "secret": Label("Sekretess", "Confidential"),
    "public": Label("offentlig version", "public version"),
    "date": Label("Datum", "Date"),
    "when_where": Label("Tid och plats", "Time and place"),
    "form": Label("Form", "Form"),
    "present": Label("Närvarande", "Present"),
    "status": Label("Status", "Status"),
    "reported": Label("Rapporterat beslut", "Reported decision"),
    "more_clauses": Label("att-satser till", "more clauses"),
    "withdrawn": Label("(Beslutet har återkallats.)", "(The decision was withdrawn.)"),
    "amended": Label(
        "(Beslutet har ändrats; se Rättelser.)",
        "(The decision was amended; see corrections.)",
    ),
    "decisions": Label("beslut", "decisions"),
    "open_assignments": Label("Öppna uppdrag", "Open assignments"),
    "more_assignments": Label("uppdrag till", "more assignments"),
    "protokoll": Label("Protokoll", "Minutes"),
    "minnesanteckningar": Label("Minnesanteckningar", "Notes"),
    "not_justerat": Label("Ej justerat", "Not approved"),
    "justerat": Label("Justerat", "Approved"),
    "justerat_on": Label("Justerat den", "Approved on"),
    "in_teams": Label("i Teams", "in Teams"),
}
MINUTES_STATUS: dict[str, Label] = {
    "utgar": Label("utgår", "struck"),
    "bordlagd": Label("bordlagd", "tabled"),
    "aterremitterad": Label("återremitterad", "referred back"),
}
MINUTES_STATUS_LINES_EN = {
    "utgar": "The item is struck.",
    "bordlagd": "The item is tabled.",
    "aterremitterad": "The item is referred back.",
}


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
