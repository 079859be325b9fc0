"""Plain data produced by parsing old minutes.

Nothing here knows about the database: the storage layer maps these onto its own models, so the
parser can be tested (and fuzzed) on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any

# Roles a person can have at a meeting, most significant first; ParsedPerson.roles keeps this
# order so that ParsedPerson.role is the one a summary should show.
ROLE_ORDER = (
    "ordforande",
    "vice_ordforande",
    "sekreterare",
    "justerare",
    "ledamot",
    "ersattare",
    "tjansteperson",
    "brukarrepresentant",
    "foredragande",
    "ovrig",
)

PRESENT = "present"
ABSENT = "absent"
PARTIAL = "partial"


@dataclass
class ParsedPerson:
    """Someone named in the attendance lists (or as föredragande)."""

    name: str
    organisation: str | None = None
    title: str | None = None
    # Every role the minutes give this person, in ROLE_ORDER; empty when the minutes only say
    # "närvarande" without saying as what.
    roles: list[str] = field(default_factory=list)
    status: str = PRESENT
    # 'aterbud' or 'franvarande' when the minutes say which; None for struck-through names.
    absence_kind: str | None = None
    substitute_for: str | None = None
    note: str | None = None
    # The initials the minutes call the person by ("Johan Åström (JÅS)", then "Att välja JÅS
    # till ordförande"), when the list gives them.
    initials: str | None = None

    @property
    def role(self) -> str | None:
        """The most significant role, or None when the minutes do not say."""
        return self.roles[0] if self.roles else None


@dataclass
class ParsedDecision:
    """One decision: the deciding phrase and what was decided."""

    # The words that make it a decision, as written: "LSVO:s ledningsgrupp beslutar",
    # "Styrgruppen ställer sig bakom", "Styrgrupp närvård har tagit beslut". "Beslut" when the
    # minutes state the outcome without a deciding phrase ("Dagordningen godkänns.").
    phrase: str
    # What was decided, each without its leading "att" and without markdown, otherwise verbatim.
    clauses: list[str] = field(default_factory=list)
    # Set when the minutes report a decision another body took.
    reported_by_body: str | None = None
    # The decision as written (phrase and clauses, or the sentence it was found in).
    text: str = ""


@dataclass
class ParsedAssignment:
    """Someone asked to do something ("ges i uppdrag att …", "tar med frågan")."""

    assignees: list[str]
    what: str
    due_text: str | None = None

    @property
    def assignee(self) -> str | None:
        """All assignees as one display string, or None when nobody is named."""
        return " och ".join(self.assignees) if self.assignees else None


@dataclass
class ParsedAmount:
    """An amount of money as written, and its value in whole kronor."""

    text: str
    kronor: int


@dataclass
class ParsedItem:
    """One agenda item: a § or a numbered or headed point."""

    number: str | None
    is_paragraph: bool
    title: str
    presenters: list[str] = field(default_factory=list)
    text: str = ""
    decisions: list[ParsedDecision] = field(default_factory=list)
    assignments: list[ParsedAssignment] = field(default_factory=list)
    amounts: list[ParsedAmount] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    # How the item ended when it was not a decision: "Informationen läggs till handlingarna",
    # "Ärendet utgår på grund av tidsbrist".
    outcome: str | None = None
    # Marked secret in the minutes ("Sekretess enligt OSL 25 kap. 1 §"): a sekretess §.
    confidential: bool = False


@dataclass
class ParsedJustering:
    """Approval (justering) of the minutes."""

    date: dt.date | None = None
    how: str | None = None
    justerare: list[str] = field(default_factory=list)


@dataclass
class ParsedNextMeeting:
    date: dt.date | None
    text: str


# The body sources by which the document itself names the body (ParsedMinutes.body_source).
DOCUMENT_SOURCES = frozenset({"title", "header", "recorded_at", "decision_phrase", "document"})


@dataclass
class ParsedMinutes:
    """Everything understood from one set of minutes, plus what was not."""

    body_name: str | None = None
    # Where body_name came from, in Swedish for the summary: "titelraden", "sidhuvudet",
    # "”Protokoll fört vid …”", "beslutsformeln".
    body_source: str | None = None
    body_short: str | None = None
    # The cooperation the body belongs to, when the letterhead names it
    # ("Samverkan Blekinge - Hälsa, vård, lärande och social välfärd").
    parent_body: str | None = None
    # "protokoll" or "minnesanteckningar"; None (with a warning) when the minutes do not say.
    meeting_kind: str | None = None
    title: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    people: list[ParsedPerson] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    justering: ParsedJustering | None = None
    next_meeting: ParsedNextMeeting | None = None
    # "Protokollet ska skickas till": recipients, which are not attendees.
    distribution: list[str] = field(default_factory=list)
    # Swedish, for the person importing: everything the parser was unsure about.
    warnings: list[str] = field(default_factory=list)
    # Text that fitted nowhere; stored with the meeting so it stays searchable.
    leftover_text: str = ""
    # Lines (1-based, in the text read) where a personnummer was masked before parsing.
    personnummer_lines: list[int] = field(default_factory=list)
    # Further meetings the same text holds, in order: a kallelse with the last meeting's
    # protocol attached, two protocols in one file. Each is stored as a meeting of its own.
    following: list[ParsedMinutes] = field(default_factory=list)

    @property
    def decisions(self) -> list[ParsedDecision]:
        return [d for item in self.items for d in item.decisions]

    @property
    def assignments(self) -> list[ParsedAssignment]:
        return [a for item in self.items for a in item.assignments]


# Keeping a parse between the summary and Spara (JSON in bot state) ------------------------


def to_data(value: Any) -> Any:
    """Parsed minutes as JSON-ready data; from_data(ParsedMinutes, …) reads it back."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [to_data(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def from_data(kind: Any, data: Any) -> Any:
    """The value of type kind (a dataclass of this module, or a field's annotation) in data."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_data(inner[0], data)
    if origin is list:
        (inner_kind,) = typing.get_args(kind)
        return [from_data(inner_kind, v) for v in data]
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        known = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: from_data(hints[k], v) for k, v in data.items() if k in known})
    if kind is dt.date:
        return dt.date.fromisoformat(data)
    if kind is dt.time:
        return dt.time.fromisoformat(data)
    return data
