"""Plain data produced by parsing old minutes.

Nothing here knows about the database: the storage layer maps these onto its own models, so the
parser can be tested (and fuzzed) on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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


@dataclass
class ParsedMinutes:
    """Everything understood from one set of minutes, plus what was not."""

    body_name: str | None = None
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

    @property
    def decisions(self) -> list[ParsedDecision]:
        return [d for item in self.items for d in item.decisions]

    @property
    def assignments(self) -> list[ParsedAssignment]:
        return [a for item in self.items for a in item.assignments]
