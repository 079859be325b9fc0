"""What one meeting's minutes consist of, independent of any output format.

These are plain dataclasses on purpose: the storage layer fills them from the record, the
renderers in ``render.py`` read them, and neither side needs to know about the other. Nothing
here touches the database, botbuilder or aiohttp.

Code values are ASCII (``"utgar"``, ``"aterbud"``) so that they survive JSON, URLs and
database enums unchanged; the Swedish words users read are chosen by the renderers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

MinutesForm = Literal["protokoll", "minnesanteckningar"]
"""A protokoll is justerat (approved) and signed; minnesanteckningar are notes without justering."""

MinutesStatus = Literal["ej_justerat", "justerat"]

AttendeeGroup = Literal[
    "ordforande",
    "vice_ordforande",
    "ledamot",
    "ersattare",
    "tjansteperson",
    "brukarrepresentant",
    "adjungerad",
    "ovrig",
    "sekreterare",
    "justerare",
]
"""The person's role at this meeting. Someone with two roles (an ersättare who is also
justerare, as Tina Johansson in the 003 seed) is given one line per role."""

AttendanceStatus = Literal["present", "absent", "partial"]

AbsenceKind = Literal["aterbud", "franvarande"]
"""Återbud: sent apologies in advance. Frånvarande: simply not there."""

ParagraphStatus = Literal["behandlad", "utgar", "bordlagd", "aterremitterad"]
"""A struck (utgår), tabled (bordlagd) or referred-back (återremitterad) § keeps its number."""

DecisionStatus = Literal["valid", "amended", "withdrawn"]

AssignmentStatus = Literal["open", "done", "cancelled"]


@dataclass
class JusteringInfo:
    """How and when a protokoll was approved (justerat)."""

    date: dt.date
    # Either "Teams" or a phrase that reads after the date: "via e-post", "på papper".
    how: str = "Teams"
    # Names of those who approved, normally the chair and the justerare.
    approvers: list[str] = field(default_factory=list)


@dataclass
class AttendeeLine:
    """One person in one role at the meeting, as a line in Närvarande/Frånvarande."""

    name: str
    organisation: str = ""
    title: str = ""
    group: AttendeeGroup = "ledamot"
    status: AttendanceStatus = "present"
    # For status "partial": which part, e.g. "§§ 113–118" or "13.00–14.10".
    partial_note: str | None = None
    # For status "absent": whether apologies were sent.
    absence_kind: AbsenceKind = "franvarande"
    # For an ersättare who stands in for a ledamot: the ledamot's name.
    serving_for: str | None = None


class Attachment(NamedTuple):
    """A bilaga referred to in a §: its name and, when there is one, a link to it.

    A NamedTuple so that a plain ``(name, url)`` tuple is accepted as well.
    """

    name: str
    url: str | None = None


@dataclass
class DecisionDoc:
    """One decision: a deciding phrase followed by one or more "att" clauses."""

    # E.g. "LSVO:s ledningsgrupp beslutar"; empty when the minutes give none (004, § 120).
    phrase: str
    # The clauses without their leading "att", in order.
    clauses: list[str] = field(default_factory=list)
    reservations: list[str] = field(default_factory=list)
    # Protokollsanteckningar.
    notes: list[str] = field(default_factory=list)
    status: DecisionStatus = "valid"
    # Set when this meeting only reports a decision another body took ("Styrgrupp närvård har
    # tagit beslut att …"): the name of the body that decided.
    decided_by_body: str | None = None


@dataclass
class AssignmentDoc:
    """An uppdrag given in a §."""

    assignee: str
    what: str
    # Free text as the secretary wrote it: "till mötet i september", "2021-09-03".
    due_text: str | None = None
    status: AssignmentStatus = "open"


@dataclass
class ParagraphDoc:
    """One § (ärende) of the minutes."""

    number: int | str
    title: str
    presenters: list[str] = field(default_factory=list)
    diarienummer: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    # The discussion. Lines starting with "- " or "• " are shown as a bullet list.
    text: str = ""
    status: ParagraphStatus = "behandlad"
    # For status "aterremitterad": to whom the matter is sent back.
    remit_to: str | None = None
    # Sekretess under OSL: left out of every public version.
    confidential: bool = False
    decisions: list[DecisionDoc] = field(default_factory=list)
    # Names of members who declared jäv and took no part in this §.
    jav: list[str] = field(default_factory=list)
    assignments: list[AssignmentDoc] = field(default_factory=list)


@dataclass
class CorrectionDoc:
    """A recorded change made after justering: nothing is silently rewritten."""

    # Aware datetimes are shown in Swedish time; naive ones are taken as Swedish time already.
    when: dt.datetime
    who: str
    # The § the correction concerns, or None for the minutes as a whole.
    paragraph: int | str | None
    what: str
    why: str


@dataclass
class MinutesDocument:
    """Everything needed to render one meeting's minutes."""

    body_name: str
    body_short: str
    form: MinutesForm
    date: dt.date
    meeting_title: str = ""
    start: dt.time | None = None
    end: dt.time | None = None
    # As users write it: "via Teams", "Lokal Eken, Eklundavägen 1".
    place: str = ""
    status: MinutesStatus = "ej_justerat"
    justering: JusteringInfo | None = None
    people: list[AttendeeLine] = field(default_factory=list)
    paragraphs: list[ParagraphDoc] = field(default_factory=list)
    corrections: list[CorrectionDoc] = field(default_factory=list)
    # "Protokollet ska skickas till": Diariet, Ledamöter, …
    send_to: list[str] = field(default_factory=list)
    next_meeting: str | None = None
    # The cooperation the body belongs to, shown above the heading as the 004 seed does
    # ("Samverkan Blekinge - Hälsa, vård, lärande och social välfärd").
    letterhead: str | None = None
