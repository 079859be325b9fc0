"""Render a meeting's minutes as Markdown, HTML, plain text, DOCX, a protokollsutdrag or a card.

Every format is produced from one list of neutral blocks (headings, paragraphs, bullet lists,
signature lines) built once per document. That keeps the formats from drifting apart, and the
public version is decided in exactly one place: a confidential § never becomes a block, so no
format can leak it.

The form follows the Swedish protocol of the 004 seed (LSVO ledningsgrupp) with the council
layout of the 003 seed: heading, Tid och plats, Närvarande by role, Frånvarande/Återbud,
Sekreterare, Justerare, Paragrafer, Underskrifter (where the 004 seed has them), each § with
its "att" clauses, Justering and "Protokollet ska skickas till".
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, overload
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from dialogs import labels
from storage.minutes_document import (
    AssignmentDoc,
    AttendeeGroup,
    AttendeeLine,
    CorrectionDoc,
    DecisionDoc,
    MinutesDocument,
    ParagraphDoc,
)

logger = logging.getLogger(__name__)

__all__ = [
    "CARD_MAX_BYTES",
    "SECRECY_TEXT",
    "ExtractFormat",
    "ParagraphNotFoundError",
    "card_size",
    "find_paragraph",
    "render_docx",
    "render_extract",
    "render_html",
    "render_markdown",
    "render_text",
    "summary_card",
]

# Teams refuses messages over about 100 KB counted as UTF-16; 80 KB leaves room for the
# activity envelope and for Teams' own additions.
CARD_MAX_BYTES = 80_000

# Meetings, corrections and justering are read in Swedish local time.
STOCKHOLM = ZoneInfo("Europe/Stockholm")

SECRECY_TEXT = "Sekretess enligt OSL; paragrafen redovisas inte i den offentliga versionen"

ExtractFormat = Literal["md", "text", "html", "docx"]


class ParagraphNotFoundError(KeyError):
    """The asked-for § is not in these minutes. ``str(error)`` is a reply fit for the user."""

    def __init__(self, number: int | str, doc: MinutesDocument) -> None:
        self.number = number
        self.message = (
            f"{_number_label(number)} finns inte i {_form_word(doc)} från "
            f"{doc.date.isoformat()} ({doc.body_name})."
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        # KeyError would otherwise repr() the message, quotes and all.
        return self.message


# --------------------------------------------------------------------------------------------
# Neutral blocks


_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def _clean(text: str) -> str:
    """Drop characters XML cannot hold; python-docx would raise on them and HTML forbids them."""
    return _XML_ILLEGAL.sub("", text)


@dataclass(frozen=True)
class _Run:
    """A piece of one line of text with its inline formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    url: str | None = None

    def __post_init__(self) -> None:
        # Runs are single-line by construction; a stray newline in a name or title would break
        # a Markdown list item or heading.
        object.__setattr__(self, "text", _LINE_BREAKS.sub(" ", _clean(self.text)))


_Line = tuple[_Run, ...]


@dataclass(frozen=True)
class _Heading:
    level: int
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _LINE_BREAKS.sub(" ", _clean(self.text)).strip())


@dataclass(frozen=True)
class _Para:
    runs: _Line
    # "clause" paragraphs (att …) are indented in DOCX and HTML, as in printed protocols.
    kind: Literal["normal", "clause"] = "normal"


@dataclass(frozen=True)
class _Bullets:
    items: tuple[_Line, ...]


@dataclass(frozen=True)
class _Lines:
    """Lines that belong together with hard line breaks: a signature block."""

    lines: tuple[_Line, ...]


_Block = _Heading | _Para | _Bullets | _Lines


def _p(*runs: _Run | str, kind: Literal["normal", "clause"] = "normal") -> _Para:
    return _Para(tuple(_Run(r) if isinstance(r, str) else r for r in runs), kind)


def _labelled(label: str, value: str) -> _Para:
    return _p(_Run(f"{label}:", bold=True), f" {value}")


# --------------------------------------------------------------------------------------------
# Swedish words and formats

_WEEKDAYS = ("Måndagen", "Tisdagen", "Onsdagen", "Torsdagen", "Fredagen", "Lördagen", "Söndagen")
_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# Headings for the groups under Närvarande, in the order the seeds list them.
_PRESENT_GROUPS: tuple[tuple[AttendeeGroup, str], ...] = (
    ("ordforande", "Ordförande"),
    ("vice_ordforande", "Vice ordförande"),
    ("ledamot", "Ledamöter"),
    ("ersattare", "Ersättare"),
    ("tjansteperson", "Tjänstepersoner"),
    ("brukarrepresentant", "Brukarrepresentanter"),
    ("adjungerad", "Adjungerade"),
    ("ovrig", "Övriga deltagare"),
)

_ROLE_WORDS: dict[AttendeeGroup, str] = {
    "ordforande": "ordförande",
    "vice_ordforande": "vice ordförande",
    "ledamot": "ledamot",
    "ersattare": "ersättare",
    "tjansteperson": "tjänsteperson",
    "brukarrepresentant": "brukarrepresentant",
    "adjungerad": "adjungerad",
    "ovrig": "övrig deltagare",
    "sekreterare": "sekreterare",
    "justerare": "justerare",
}

_PARAGRAPH_STATUS_LINES = {
    "utgar": "Ärendet utgår.",
    "bordlagd": "Ärendet bordläggs.",
    "aterremitterad": "Ärendet återremitteras.",
}

_ASSIGNMENT_STATUS_WORDS = {"open": "", "done": "klart", "cancelled": "avbrutet"}


def _form_label(doc: MinutesDocument) -> str:
    return "Minnesanteckningar" if doc.form == "minnesanteckningar" else "Protokoll"


def _form_word(doc: MinutesDocument) -> str:
    return "minnesanteckningarna" if doc.form == "minnesanteckningar" else "protokollet"


def _is_protokoll(doc: MinutesDocument) -> bool:
    return doc.form != "minnesanteckningar"


def _join_sv(items: Sequence[str]) -> str:
    """ "A", "A och B", "A, B och C"."""
    items = [i.strip() for i in items if i and i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def _number_key(number: int | str | None) -> str:
    return str(number).strip().lstrip("§").strip().lower() if number is not None else ""


def _number_label(number: int | str) -> str:
    return f"§ {str(number).strip().lstrip('§').strip()}"


def _clock(t: dt.time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


def _long_date(d: dt.date) -> str:
    return f"{_WEEKDAYS[d.weekday()]} den {d.day} {_MONTHS[d.month - 1]} {d.year}"


def _time_and_place(doc: MinutesDocument) -> str:
    text = _long_date(doc.date)
    if doc.start and doc.end:
        text += f" kl. {_clock(doc.start)}–{_clock(doc.end)}"
    elif doc.start:
        text += f" kl. {_clock(doc.start)}"
    place = doc.place.strip()
    if place:
        # "… 15.30 via Teams" reads as a sentence; a room needs a comma: "…, Lokal Eken".
        first = place.split(maxsplit=1)[0]
        text += f" {place}" if first in {"via", "i", "på"} else f", {place}"
    return text


def _justering_text(doc: MinutesDocument) -> str:
    """ "Justerat den 2024-06-14 via e-post" or "Ej justerat"."""
    if doc.status != "justerat":
        return "Ej justerat"
    if doc.justering is None:
        return "Justerat"
    how = doc.justering.how.strip()
    if how.lower() == "teams":
        how = "i Teams"
    return f"Justerat den {doc.justering.date.isoformat()}" + (f" {how}" if how else "")


def _person_text(line: AttendeeLine) -> str:
    # The seeds' order: name, title, organisation.
    return ", ".join(p.strip() for p in (line.name, line.title, line.organisation) if p.strip())


def _truncate(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def _safe_url(url: str | None) -> str | None:
    """Only web and mail links become links; anything else (javascript:, file:) stays text."""
    if not url:
        return None
    url = url.strip()
    if any(c.isspace() for c in url) or _XML_ILLEGAL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url
    if parts.scheme.lower() == "mailto" and parts.path:
        return url
    return None


def _clause_text(clause: str) -> str:
    # The renderer writes "att" itself; a clause stored with its "att" would read "att att".
    clause = clause.strip()
    if clause[:4].lower() == "att ":
        clause = clause[4:].lstrip()
    return clause


def _is_hidden(p: ParagraphDoc, public: bool) -> bool:
    return public and p.confidential


def find_paragraph(doc: MinutesDocument, number: int | str) -> ParagraphDoc:
    """The § numbered ``number`` (117, "117", "§ 117"), or ParagraphNotFoundError."""
    key = _number_key(number)
    for paragraph in doc.paragraphs:
        if _number_key(paragraph.number) == key:
            return paragraph
    raise ParagraphNotFoundError(number, doc)


# --------------------------------------------------------------------------------------------
# Building the blocks


def _header_blocks(doc: MinutesDocument, *, public: bool) -> list[_Block]:
    blocks: list[_Block] = []
    if doc.letterhead:
        blocks.append(_p(_Run(doc.letterhead, italic=True)))
    blocks.append(_Heading(1, doc.body_name))
    blocks.append(_Heading(2, _form_label(doc)))
    if doc.meeting_title.strip():
        blocks.append(_p(_Run(doc.meeting_title, bold=True)))
    blocks.append(_labelled("Datum", doc.date.isoformat()))
    blocks.append(_labelled("Tid och plats", _time_and_place(doc)))
    if _is_protokoll(doc):
        blocks.append(_labelled("Status", _justering_text(doc)))
    if public:
        blocks.append(
            _p(
                _Run(
                    "Offentlig version: paragrafer som omfattas av sekretess enligt OSL "
                    "redovisas inte.",
                    italic=True,
                )
            )
        )
    return blocks


def _present_item(line: AttendeeLine) -> _Line:
    text = _person_text(line)
    if line.serving_for and line.serving_for.strip():
        text += f" (tjänstgörande för {line.serving_for.strip()})"
    if line.status == "partial":
        note = (line.partial_note or "").strip()
        text += f" (del av mötet, {note})" if note else " (del av mötet)"
    return (_Run(text),)


def _absent_item(line: AttendeeLine) -> _Line:
    text = _person_text(line)
    # Ledamöter are the norm in an absence list; other roles are named so a missing
    # sekreterare or ersättare is not mistaken for a member.
    if line.group != "ledamot":
        text += f" ({_ROLE_WORDS[line.group]})"
    return (_Run(text),)


def _people_blocks(doc: MinutesDocument) -> list[_Block]:
    blocks: list[_Block] = []
    present = [line for line in doc.people if line.status != "absent"]
    groups = [(h, [ln for ln in present if ln.group == g]) for g, h in _PRESENT_GROUPS]
    groups = [(h, lines) for h, lines in groups if lines]
    if groups:
        blocks.append(_Heading(2, "Närvarande"))
        for heading, lines in groups:
            blocks.append(_Heading(3, heading))
            blocks.append(_Bullets(tuple(_present_item(ln) for ln in lines)))

    absent = [line for line in doc.people if line.status == "absent"]
    for kind, heading in (("franvarande", "Frånvarande"), ("aterbud", "Återbud")):
        lines = [ln for ln in absent if ln.absence_kind == kind]
        if lines:
            blocks.append(_Heading(2, heading))
            blocks.append(_Bullets(tuple(_absent_item(ln) for ln in lines)))

    roles: list[tuple[AttendeeGroup, str]] = [("sekreterare", "Sekreterare")]
    if _is_protokoll(doc):
        roles.append(("justerare", "Justerare"))
    for group, heading in roles:
        lines = [ln for ln in present if ln.group == group]
        if lines:
            blocks.append(_Heading(2, heading))
            blocks.append(_Bullets(tuple(_present_item(ln) for ln in lines)))
    return blocks


def _agenda_blocks(doc: MinutesDocument, *, public: bool) -> tuple[list[_Block], list[_Block]]:
    """The Ärendeförteckning (after the header) and the "Paragrafer" line (after the people),
    where the 004 seed puts them."""
    if not doc.paragraphs:
        return [], []
    items = tuple((_Run(_agenda_line(p, public=public)),) for p in doc.paragraphs)
    first, last = doc.paragraphs[0].number, doc.paragraphs[-1].number
    span = (
        _number_label(first)
        if _number_key(first) == _number_key(last)
        else f"{_number_label(first)} – {_number_label(last)}"
    )
    return [_Heading(2, "Ärendeförteckning"), _Bullets(items)], [_labelled("Paragrafer", span)]


def _agenda_line(p: ParagraphDoc, *, public: bool) -> str:
    if _is_hidden(p, public):
        return f"{_number_label(p.number)} Sekretess"
    return f"{_number_label(p.number)} {p.title.strip()}".rstrip()


def _text_blocks(text: str) -> list[_Block]:
    """Discussion text: one paragraph per line; "- " / "• " lines become a bullet list."""
    blocks: list[_Block] = []
    bullets: list[_Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        bullet = re.match(r"^[-•–*]\s+(.*)$", line)
        if bullet:
            bullets.append((_Run(bullet.group(1)),))
            continue
        if bullets:
            blocks.append(_Bullets(tuple(bullets)))
            bullets = []
        if line:
            blocks.append(_p(line))
    if bullets:
        blocks.append(_Bullets(tuple(bullets)))
    return blocks


def _clause_para(clause: str, *, struck: bool) -> _Para:
    return _p(_Run("att", bold=True), " ", _Run(_clause_text(clause), strike=struck), kind="clause")


def _decision_blocks(decision: DecisionDoc) -> list[_Block]:
    blocks: list[_Block] = []
    struck = decision.status == "withdrawn"
    clauses = [c for c in decision.clauses if c.strip()]
    if decision.decided_by_body:
        lead = f"Rapporterat beslut ({decision.decided_by_body.strip()}):"
        if len(clauses) == 1:
            blocks.append(
                _p(
                    _Run(lead, bold=True),
                    " ",
                    _Run("att", bold=True),
                    " ",
                    _Run(_clause_text(clauses[0]), strike=struck),
                )
            )
        else:
            blocks.append(_p(_Run(lead, bold=True)))
            blocks.extend(_clause_para(c, struck=struck) for c in clauses)
    else:
        if decision.phrase.strip():
            blocks.append(_Heading(4, decision.phrase))
        blocks.extend(_clause_para(c, struck=struck) for c in clauses)
    if decision.status == "amended":
        blocks.append(_p(_Run("Beslutet har ändrats i efterhand; se Rättelser.", italic=True)))
    elif decision.status == "withdrawn":
        blocks.append(_p(_Run("Beslutet har återkallats.", italic=True)))
    blocks.extend(_labelled("Reservation", r.strip()) for r in decision.reservations if r.strip())
    blocks.extend(_labelled("Protokollsanteckning", n.strip()) for n in decision.notes if n.strip())
    return blocks


def _attachment_runs(p: ParagraphDoc) -> list[_Run]:
    runs: list[_Run] = [_Run("Bilagor:", bold=True), _Run(" ")]
    for i, attachment in enumerate(p.attachments):
        name, url = attachment
        if i:
            runs.append(_Run(", "))
        runs.append(_Run(name.strip() or "bilaga", url=_safe_url(url)))
    return runs


def _assignment_para(a: AssignmentDoc) -> _Para:
    text = f"{a.assignee.strip()} – {a.what.strip()}"
    if a.due_text and a.due_text.strip():
        text += f" ({a.due_text.strip()})"
    status = _ASSIGNMENT_STATUS_WORDS.get(a.status, "")
    return _labelled(f"Uppdrag ({status})" if status else "Uppdrag", text)


def _paragraph_blocks(p: ParagraphDoc, *, public: bool) -> list[_Block]:
    if _is_hidden(p, public):
        # Number only: title, text, decisions and every name in the § stay out.
        return [_Heading(2, f"{_number_label(p.number)} Sekretess"), _p(SECRECY_TEXT + ".")]

    blocks: list[_Block] = [_Heading(2, _number_label(p.number))]
    if p.title.strip():
        blocks.append(_Heading(3, p.title))
    if p.confidential:
        blocks.append(
            _p(
                _Run(
                    "Sekretess enligt OSL – redovisas inte i den offentliga versionen.", italic=True
                )
            )
        )
    if p.presenters:
        blocks.append(_p(_Run(f"Föredragande: {_join_sv(p.presenters)}", italic=True)))
    if p.diarienummer and p.diarienummer.strip():
        blocks.append(_labelled("Diarienummer", p.diarienummer.strip()))
    if p.attachments:
        blocks.append(_Para(tuple(_attachment_runs(p))))
    blocks.extend(_text_blocks(p.text))

    status_line = _PARAGRAPH_STATUS_LINES.get(p.status)
    if p.status == "aterremitterad" and p.remit_to and p.remit_to.strip():
        status_line = f"Ärendet återremitteras till {p.remit_to.strip()}."
    if status_line:
        blocks.append(_p(_Run(status_line, bold=True)))

    jav = [name for name in p.jav if name.strip()]
    if jav:
        blocks.append(_labelled("Jäv", f"{_join_sv(jav)} deltar inte i handläggningen."))
    for decision in p.decisions:
        blocks.extend(_decision_blocks(decision))
    blocks.extend(_assignment_para(a) for a in p.assignments)
    return blocks


def _local(when: dt.datetime) -> dt.datetime:
    """Naive Swedish local time: aware times are converted, naive ones taken as local already."""
    return when.astimezone(STOCKHOLM).replace(tzinfo=None) if when.tzinfo else when


def _correction_item(
    c: CorrectionDoc, paragraphs: dict[str, ParagraphDoc], *, public: bool
) -> _Line:
    when = _local(c.when).strftime("%Y-%m-%d %H.%M")
    where = ""
    hidden = False
    if c.paragraph is not None and _number_key(c.paragraph):
        where = f", {_number_label(c.paragraph)}"
        target = paragraphs.get(_number_key(c.paragraph))
        hidden = target is not None and _is_hidden(target, public)
    if hidden:
        # Who and when are public; what was changed in a secret § is not.
        return (_Run(f"{when}, {c.who.strip()}{where}: rättelse i paragraf med sekretess."),)
    return (
        _Run(f"{when}, {c.who.strip()}{where}: "),
        _Run(c.what.strip()),
        _Run(" Skäl: ", italic=True),
        _Run(c.why.strip()),
    )


def _corrections_blocks(
    doc: MinutesDocument, corrections: Iterable[CorrectionDoc], *, public: bool
) -> list[_Block]:
    # Local times, so aware and naive datetimes from different sources sort together.
    ordered = sorted(corrections, key=lambda c: _local(c.when))
    if not ordered:
        return []
    paragraphs = {_number_key(p.number): p for p in doc.paragraphs}
    return [
        _Heading(2, "Rättelser"),
        _Bullets(tuple(_correction_item(c, paragraphs, public=public) for c in ordered)),
    ]


def _signature(line: AttendeeLine | None, role: str) -> _Lines:
    lines: list[_Line] = [(_Run("....."),)]
    if line is not None:
        lines.append((_Run(_person_text(line)),))
    lines.append((_Run(role),))
    return _Lines(tuple(lines))


def _signature_blocks(doc: MinutesDocument) -> list[_Block]:
    present = [ln for ln in doc.people if ln.status != "absent"]

    def of(group: AttendeeGroup) -> list[AttendeeLine]:
        return [ln for ln in present if ln.group == group]

    signatures: list[_Block] = []
    chairs = of("ordforande")
    if chairs:
        signatures.extend(_signature(ln, "Ordförande") for ln in chairs)
    elif of("vice_ordforande"):
        signatures.extend(_signature(ln, "Vice ordförande") for ln in of("vice_ordforande"))
    else:
        # The protocol still needs the line; the chair signs by hand.
        signatures.append(_signature(None, "Ordförande"))
    others: tuple[tuple[AttendeeGroup, str], ...] = (
        ("sekreterare", "Sekreterare"),
        ("justerare", "Justerare"),
    )
    for group, role in others:
        signers = of(group)
        if signers:
            signatures.extend(_signature(ln, role) for ln in signers)
        else:
            signatures.append(_signature(None, role))
    return [_Heading(2, "Underskrifter"), *signatures]


def _closing_blocks(doc: MinutesDocument, *, public: bool) -> list[_Block]:
    blocks: list[_Block] = []
    if doc.next_meeting and doc.next_meeting.strip():
        blocks += [_Heading(2, "Nästa möte"), _p(doc.next_meeting.strip())]
    blocks += _corrections_blocks(doc, doc.corrections, public=public)
    if _is_protokoll(doc):
        justering = _justering_text(doc)
        if doc.status == "justerat" and doc.justering and doc.justering.approvers:
            justering += f" av {_join_sv(doc.justering.approvers)}"
        blocks += [_Heading(2, "Justering"), _p(justering + ".")]
    recipients = [r.strip() for r in doc.send_to if r.strip()]
    if recipients:
        heading = (
            "Protokollet ska skickas till"
            if _is_protokoll(doc)
            else "Minnesanteckningarna ska skickas till"
        )
        blocks += [_Heading(2, heading), _Bullets(tuple((_Run(r),) for r in recipients))]
    return blocks


def _document_blocks(doc: MinutesDocument, *, public: bool) -> list[_Block]:
    agenda, span = _agenda_blocks(doc, public=public)
    blocks = _header_blocks(doc, public=public)
    blocks += agenda
    blocks += _people_blocks(doc)
    blocks += span
    if _is_protokoll(doc):
        # Where the 004 seed (and the usual Swedish protocol) has them: on the first pages,
        # after "Paragrafer", so the signed pages say which §§ they cover.
        blocks += _signature_blocks(doc)
    for paragraph in doc.paragraphs:
        blocks += _paragraph_blocks(paragraph, public=public)
    blocks += _closing_blocks(doc, public=public)
    return blocks


def _extract_blocks(doc: MinutesDocument, p: ParagraphDoc, *, public: bool) -> list[_Block]:
    blocks: list[_Block] = [
        _Heading(1, f"Utdrag ur {_form_label(doc).lower()}"),
        _p(_Run(doc.body_name, bold=True)),
        _labelled("Datum", doc.date.isoformat()),
        _labelled("Tid och plats", _time_and_place(doc)),
    ]
    if _is_protokoll(doc):
        blocks.append(_labelled("Status", _justering_text(doc)))
    blocks += _paragraph_blocks(p, public=public)
    key = _number_key(p.number)
    blocks += _corrections_blocks(
        doc, (c for c in doc.corrections if _number_key(c.paragraph) == key), public=public
    )
    if _is_protokoll(doc):
        blocks += [_Heading(2, "Justering"), _p(_justering_text(doc) + ".")]
    secretaries = [ln for ln in doc.people if ln.group == "sekreterare" and ln.status != "absent"]
    blocks += [
        _Heading(2, "Utdragsbestyrkande"),
        _signature(secretaries[0] if secretaries else None, "Sekreterare"),
    ]
    return blocks


# --------------------------------------------------------------------------------------------
# Markdown (Teams: headings 1–3, bold, italic, strike, lists, links)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_MD_LINE_START = re.compile(r"^(#|[-+=]|\d+[.)](?=\s|$))")


def _md_escape(text: str, *, line_start: bool = False) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if line_start:
        # Only where the text begins a line can it turn into a heading or a list item.
        match = _MD_LINE_START.match(text)
        if match:
            token = match.group(1)
            text = (token[:-1] + "\\" + token[-1] if token[0].isdigit() else "\\" + token) + text[
                len(token) :
            ]
    return text


def _md_url(url: str) -> str:
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def _md_run(run: _Run, *, line_start: bool) -> str:
    core = run.text.strip()
    if not core:
        return run.text
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    tail = run.text[len(run.text.rstrip()) :]
    out = _md_escape(core, line_start=line_start and not lead)
    if run.url:
        out = f"[{out}]({_md_url(run.url)})"
    if run.strike:
        out = f"~~{out}~~"
    if run.italic:
        out = f"*{out}*"
    if run.bold:
        out = f"**{out}**"
    # Emphasis markers must touch the text, so surrounding spaces stay outside them.
    return lead + out + tail


def _md_line(runs: _Line) -> str:
    return "".join(_md_run(r, line_start=i == 0) for i, r in enumerate(runs)).strip()


def _emit_markdown(blocks: Sequence[_Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, _Heading):
            text = _md_escape(block.text)
            # Teams renders only three heading levels; deeper ones become bold lines.
            parts.append(f"{'#' * block.level} {text}" if block.level <= 3 else f"**{text}**")
        elif isinstance(block, _Para):
            parts.append(_md_line(block.runs))
        elif isinstance(block, _Bullets):
            parts.append("\n".join(f"- {_md_line(item)}" for item in block.items))
        else:
            parts.append("  \n".join(_md_line(line) for line in block.lines))
    return "\n\n".join(p for p in parts if p) + "\n"


# --------------------------------------------------------------------------------------------
# Plain text


def _text_line(runs: _Line) -> str:
    out = []
    for run in runs:
        out.append(f"{run.text} <{run.url}>" if run.url else run.text)
    return "".join(out).strip()


def _emit_text(blocks: Sequence[_Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, _Heading):
            if block.level == 1:
                parts.append(f"{block.text}\n{'=' * len(block.text)}")
            elif block.level == 2:
                parts.append(f"{block.text}\n{'-' * len(block.text)}")
            else:
                parts.append(block.text)
        elif isinstance(block, _Para):
            parts.append(_text_line(block.runs))
        elif isinstance(block, _Bullets):
            parts.append("\n".join(f"- {_text_line(item)}" for item in block.items))
        else:
            parts.append("\n".join(_text_line(line) for line in block.lines))
    return "\n\n".join(p for p in parts if p) + "\n"


# --------------------------------------------------------------------------------------------
# HTML

_HTML_CSS = """
body { font-family: Calibri, Arial, sans-serif; line-height: 1.4; color: #111;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin-top: 1.6rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1rem; margin-bottom: 0.3rem; }
h4 { font-size: 1rem; margin-bottom: 0.3rem; }
p.clause { margin: 0.3rem 0 0.3rem 2rem; text-indent: -2rem; }
p.signature { margin-top: 1.5rem; }
ul { margin-top: 0.2rem; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  p.signature { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()


def _html_run(run: _Run) -> str:
    out = html.escape(run.text, quote=True)
    if run.url:
        out = f'<a href="{html.escape(run.url, quote=True)}">{out}</a>'
    if run.strike:
        out = f"<s>{out}</s>"
    if run.italic:
        out = f"<em>{out}</em>"
    if run.bold:
        out = f"<strong>{out}</strong>"
    return out


def _html_line(runs: _Line) -> str:
    return "".join(_html_run(r) for r in runs).strip()


def _emit_html(blocks: Sequence[_Block], *, title: str) -> str:
    body: list[str] = []
    for block in blocks:
        if isinstance(block, _Heading):
            level = min(block.level, 6)
            body.append(f"<h{level}>{html.escape(block.text, quote=True)}</h{level}>")
        elif isinstance(block, _Para):
            css = ' class="clause"' if block.kind == "clause" else ""
            body.append(f"<p{css}>{_html_line(block.runs)}</p>")
        elif isinstance(block, _Bullets):
            items = "".join(f"<li>{_html_line(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        else:
            lines = "<br>".join(_html_line(line) for line in block.lines)
            body.append(f'<p class="signature">{lines}</p>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(_clean(title), quote=True)}</title>\n"
        f"<style>\n{_HTML_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------------------------
# DOCX


def _docx_hyperlink(paragraph: DocxParagraph, run: _Run, url: str) -> None:
    # python-docx has no API for adding a hyperlink; this is the documented WordprocessingML
    # shape. rPr children must keep schema order (b, i, strike, color, u) or Word refuses.
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    for flag, tag in ((run.bold, "w:b"), (run.italic, "w:i"), (run.strike, "w:strike")):
        if flag:
            rpr.append(OxmlElement(tag))
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    rpr.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(underline)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = run.text
    r.append(t)
    link.append(r)
    paragraph._p.append(link)


def _docx_runs(paragraph: DocxParagraph, runs: _Line) -> None:
    for run in runs:
        if run.url:
            _docx_hyperlink(paragraph, run, run.url)
            continue
        r = paragraph.add_run(run.text)
        if run.bold:
            r.bold = True
        if run.italic:
            r.italic = True
        if run.strike:
            r.font.strike = True


def _docx_field(paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin/instr/separate/result/end): Word and LibreOffice update it."""

    def fld_char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


# A4 in twips (Word's unit) and the margins of the Swedish Word template: 2.5 cm all round,
# header and footer 1.25 cm from the edge.
A4_TWIPS = (11906, 16838)
MARGIN_CM = 2.5
FOOTER_CM = 1.25
FOOTER_PT = 9
# A list keeps its first and its last KEEP_LINES items together, so a page never starts or
# ends with a one- or two-line scrap of it; a list this short or shorter stays whole.
KEEP_LINES = 3


def keep_with_next(count: int) -> list[bool]:
    """For a list of ``count`` items: which item must stay on the page of the item after it."""
    if count <= 2 * KEEP_LINES:
        return [i < count - 1 for i in range(count)]
    return [i < KEEP_LINES - 1 or count - KEEP_LINES <= i < count - 1 for i in range(count)]


def _docx_page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = (Twips(n) for n in A4_TWIPS)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = section.footer_distance = Cm(FOOTER_CM)
    normal = document.styles["Normal"].paragraph_format
    normal.widow_control = True


def _emit_docx(
    blocks: Sequence[_Block], *, title: str, author: str, subject: str, footer: str
) -> bytes:
    document = docx.Document()
    _docx_page(document)

    # Swedish proofing instead of the template's en-US.
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), "sv-SE")

    for index, block in enumerate(blocks):
        if isinstance(block, _Heading):
            heading = document.add_heading(block.text, level=min(max(block.level, 1), 9))
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, _Para):
            paragraph = document.add_paragraph()
            _docx_runs(paragraph, block.runs)
            if block.kind == "clause":
                # Hanging indent so wrapped clause text lines up after "att".
                paragraph.paragraph_format.left_indent = Cm(1)
                paragraph.paragraph_format.first_line_indent = Cm(-1)
        elif isinstance(block, _Bullets):
            for item, keep in zip(block.items, keep_with_next(len(block.items)), strict=True):
                paragraph = document.add_paragraph(style="List Bullet")
                _docx_runs(paragraph, item)
                paragraph.paragraph_format.keep_together = True
                paragraph.paragraph_format.keep_with_next = keep
        else:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(18)
            paragraph.paragraph_format.keep_together = True
            # Signatures stand together: the chair's line never alone on a page.
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            paragraph.paragraph_format.keep_with_next = isinstance(following, _Lines)
            for i, line in enumerate(block.lines):
                if i:
                    paragraph.add_run().add_break()
                _docx_runs(paragraph, line)

    section = document.sections[0]
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run(f"{_clean(footer)} · Sida ")
    _docx_field(foot, "PAGE", "1")
    foot.add_run(" av ")
    _docx_field(foot, "NUMPAGES", "1")
    # One size and colour for the whole line, field results included.
    for run in foot.runs:
        run.font.size = Pt(FOOTER_PT)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    # Naive UTC: python-docx writes the W3CDTF form with a "Z" itself.
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props = document.core_properties
    props.title = _clean(title)[:255]
    props.author = _clean(author)[:255]
    props.subject = _clean(subject)[:255]
    props.language = "sv-SE"
    props.last_modified_by = "Samverkansbot"
    props.comments = ""
    props.revision = 1
    props.created = now
    props.modified = now

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Public entry points


def _title(doc: MinutesDocument, *, public: bool) -> str:
    title = f"{doc.body_name} – {_form_label(doc)} {doc.date.isoformat()}"
    return title + (" (offentlig version)" if public else "")


def _author(doc: MinutesDocument) -> str:
    secretaries = [ln.name for ln in doc.people if ln.group == "sekreterare" and ln.name.strip()]
    return secretaries[0] if secretaries else "Samverkansbot"


def _footer_label(doc: MinutesDocument, *, public: bool) -> str:
    label = f"{doc.body_short or doc.body_name} – {_form_label(doc)} {doc.date.isoformat()}"
    return label + (" (offentlig version)" if public else "")


def _page_meta(doc: MinutesDocument, *, public: bool) -> dict[str, str]:
    """Title, author, subject and footer line of a paged document (DOCX, PDF)."""
    return {
        "title": _title(doc, public=public),
        "author": _author(doc),
        "subject": _form_label(doc),
        "footer": _footer_label(doc, public=public),
    }


def render_markdown(doc: MinutesDocument, *, public: bool = False) -> str:
    """The minutes as Markdown that Teams renders (headings 1–3, bold, lists, links)."""
    return _emit_markdown(_document_blocks(doc, public=public))


def render_text(doc: MinutesDocument, *, public: bool = False) -> str:
    """The minutes as plain text, for e-mail and the command line."""
    return _emit_text(_document_blocks(doc, public=public))


def render_html(doc: MinutesDocument, *, public: bool = False) -> str:
    """The minutes as one standalone HTML5 page (lang="sv") with print styles."""
    return _emit_html(_document_blocks(doc, public=public), title=_title(doc, public=public))


def render_docx(doc: MinutesDocument, *, public: bool = False) -> bytes:
    """The minutes as a Word document with headings, lists and "Sida X av Y" in the footer."""
    return _emit_docx(_document_blocks(doc, public=public), **_page_meta(doc, public=public))


@overload
def render_extract(
    doc: MinutesDocument,
    paragraph_number: int | str,
    *,
    fmt: Literal["docx"],
    public: bool = False,
) -> bytes: ...


@overload
def render_extract(
    doc: MinutesDocument,
    paragraph_number: int | str,
    *,
    fmt: Literal["md", "text", "html"] = "md",
    public: bool = False,
) -> str: ...


def render_extract(
    doc: MinutesDocument,
    paragraph_number: int | str,
    *,
    fmt: ExtractFormat = "md",
    public: bool = False,
) -> str | bytes:
    """A protokollsutdrag: one § with the meeting's header and justering status.

    Raises ParagraphNotFoundError (a KeyError) when the § is not in ``doc``, and ValueError
    for an unknown ``fmt``.
    """
    if fmt not in ("md", "text", "html", "docx"):
        raise ValueError(f"unknown extract format {fmt!r}")
    paragraph = find_paragraph(doc, paragraph_number)
    blocks = _extract_blocks(doc, paragraph, public=public)
    label = _number_label(paragraph.number)
    title = f"Utdrag ur {_form_label(doc).lower()} – {doc.body_name} {doc.date.isoformat()} {label}"
    if fmt == "md":
        return _emit_markdown(blocks)
    if fmt == "text":
        return _emit_text(blocks)
    if fmt == "html":
        return _emit_html(blocks, title=title)
    return _emit_docx(
        blocks,
        title=title,
        author=_author(doc),
        subject="Protokollsutdrag",
        footer=f"Utdrag {label} – {_footer_label(doc, public=public)}",
    )


# --------------------------------------------------------------------------------------------
# Summary card (Adaptive Card 1.5)


def card_size(card: dict[str, Any]) -> int:
    """The card's size as Teams counts it: JSON in UTF-16 bytes."""
    return len(json.dumps(card, ensure_ascii=False).encode("utf-16-le"))


@dataclass(frozen=True)
class _CardPlan:
    """How much detail the card may carry; tried from richest to barest until one fits."""

    clause_limit: int | None = None
    max_clauses: int | None = None
    title_limit: int = 300
    collapsed: bool = False
    max_paragraphs: int | None = None
    max_assignments: int | None = None


_CARD_PLANS = (
    _CardPlan(),
    _CardPlan(clause_limit=400, max_assignments=50),
    _CardPlan(clause_limit=150, max_clauses=3, title_limit=150, max_assignments=20),
    _CardPlan(collapsed=True, title_limit=100, max_assignments=10),
)


def _text_block(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def _w(key: str, lang: str) -> str:
    """The summary card's own words come from dialogs/labels.py (record text stays as
    written)."""
    return labels.MINUTES_CARD[key](lang)


def _card_form_label(doc: MinutesDocument, lang: str) -> str:
    return _w("minnesanteckningar" if doc.form == "minnesanteckningar" else "protokoll", lang)


def _card_justering_text(doc: MinutesDocument, lang: str) -> str:
    if lang != "en":
        return _justering_text(doc)
    if doc.status != "justerat":
        return _w("not_justerat", lang)
    if doc.justering is None:
        return _w("justerat", lang)
    how = doc.justering.how.strip()
    if how.lower() == "teams":
        how = _w("in_teams", lang)
    return f"{_w('justerat_on', lang)} {doc.justering.date.isoformat()}" + (
        f" {how}" if how else ""
    )


def _card_paragraph(
    p: ParagraphDoc, plan: _CardPlan, *, public: bool, lang: str = "sv"
) -> dict[str, Any]:
    # Card text is Adaptive Card Markdown; user text is left unescaped because Teams' card
    # renderer does not reliably honour backslash escapes, and a stray "*" only costs styling.
    label = _number_label(p.number)
    if _is_hidden(p, public):
        return _text_block(f"**{label} {_w('secret', lang)}**", spacing="Medium")
    items: list[dict[str, Any]] = [
        _text_block(f"**{label} {_truncate(p.title, plan.title_limit)}**", spacing="Medium")
    ]
    status = (labels.MINUTES_STATUS_LINES_EN if lang == "en" else _PARAGRAPH_STATUS_LINES).get(
        p.status
    )
    if status:
        items.append(_text_block(status, isSubtle=True, spacing="None"))
    for decision in p.decisions:
        clauses = [_clause_text(c) for c in decision.clauses if c.strip()]
        shown = clauses if plan.max_clauses is None else clauses[: plan.max_clauses]
        if plan.clause_limit is not None:
            shown = [_truncate(c, plan.clause_limit) for c in shown]
        struck = decision.status == "withdrawn"
        lines = []
        if decision.decided_by_body:
            lines.append(f"{_w('reported', lang)} ({_truncate(decision.decided_by_body, 100)}):")
        elif decision.phrase.strip():
            lines.append(f"*{_truncate(decision.phrase, 150)}*")
        lines += [f"**att** ~~{c}~~" if struck else f"**att** {c}" for c in shown]
        if len(shown) < len(clauses):
            more = len(clauses) - len(shown)
            lines.append(f"… {'and' if lang == 'en' else 'och'} {more} {_w('more_clauses', lang)}")
        if decision.status == "withdrawn":
            lines.append(_w("withdrawn", lang))
        elif decision.status == "amended":
            lines.append(_w("amended", lang))
        items.append(_text_block("\n\n".join(lines), spacing="Small"))
    return {"type": "Container", "items": items}


def _collapsed_line(p: ParagraphDoc, plan: _CardPlan, *, public: bool, lang: str = "sv") -> str:
    label = _number_label(p.number)
    if _is_hidden(p, public):
        return f"{label} {_w('secret', lang)}"
    words = labels.MINUTES_STATUS.get(p.status)
    detail = words(lang) if words else f"{len(p.decisions)} {_w('decisions', lang)}"
    return f"{label} {_truncate(p.title, plan.title_limit)} ({detail})"


def _open_assignments(doc: MinutesDocument, *, public: bool) -> list[str]:
    out = []
    for p in doc.paragraphs:
        if _is_hidden(p, public):
            continue
        for a in p.assignments:
            if a.status != "open":
                continue
            line = f"{_truncate(a.assignee, 100)}: {_truncate(a.what, 200)}"
            if a.due_text and a.due_text.strip():
                line += f" ({_truncate(a.due_text, 80)})"
            out.append(f"- {line} – {_number_label(p.number)}")
    return out


def _present_count(doc: MinutesDocument) -> int:
    # One person may hold two lines (ersättare and justerare); count people, not lines.
    return len({ln.name.strip().casefold() for ln in doc.people if ln.status != "absent"})


def _build_card(
    doc: MinutesDocument,
    plan: _CardPlan,
    *,
    public: bool,
    actions: list[dict[str, Any]],
    lang: str = "sv",
) -> dict[str, Any]:
    subtitle = f"{_card_form_label(doc, lang)} {doc.date.isoformat()}"
    if public:
        subtitle += f" · {_w('public', lang)}"
    facts = [
        {"title": _w("date", lang), "value": doc.date.isoformat()},
        {"title": _w("when_where", lang), "value": _truncate(_time_and_place(doc), 200)},
        {"title": _w("form", lang), "value": _card_form_label(doc, lang)},
        {"title": _w("present", lang), "value": str(_present_count(doc))},
    ]
    if _is_protokoll(doc):
        facts.append({"title": _w("status", lang), "value": _card_justering_text(doc, lang)})
    body: list[dict[str, Any]] = [
        _text_block(_truncate(doc.body_name, 200), size="Large", weight="Bolder"),
        _text_block(subtitle, isSubtle=True, spacing="None"),
        {"type": "FactSet", "facts": facts},
    ]

    paragraphs = doc.paragraphs
    shown = paragraphs if plan.max_paragraphs is None else paragraphs[: plan.max_paragraphs]
    if plan.collapsed:
        if shown:
            body.append(
                _text_block(
                    "\n\n".join(_collapsed_line(p, plan, public=public, lang=lang) for p in shown),
                    spacing="Medium",
                )
            )
    else:
        body.extend(_card_paragraph(p, plan, public=public, lang=lang) for p in shown)
    hidden = len(paragraphs) - len(shown)
    if hidden:
        if lang == "en":
            rest = f"… and {hidden} more paragraph{'s' if hidden > 1 else ''} — open the minutes"
        else:
            noun = "paragraf" if hidden == 1 else "paragrafer"
            rest = f"… och {hidden} {noun} till — öppna hela protokollet"
        body.append(
            _text_block(
                rest,
                isSubtle=True,
                spacing="Small",
            )
        )

    assignments = _open_assignments(doc, public=public)
    if assignments:
        kept = assignments if plan.max_assignments is None else assignments[: plan.max_assignments]
        lines = list(kept)
        if len(kept) < len(assignments):
            more = len(assignments) - len(kept)
            lines.append(
                f"… {'and' if lang == 'en' else 'och'} {more} {_w('more_assignments', lang)}"
            )
        body.append(_text_block(f"**{_w('open_assignments', lang)}**", spacing="Medium"))
        if lines:
            body.append(_text_block("\n".join(lines), spacing="Small"))

    return {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": body,
        "actions": list(actions),
    }


def _fitting_card(
    doc: MinutesDocument, *, public: bool, actions: list[dict[str, Any]], lang: str = "sv"
) -> dict[str, Any]:
    for plan in _CARD_PLANS:
        card = _build_card(doc, plan, public=public, actions=actions, lang=lang)
        if card_size(card) <= CARD_MAX_BYTES:
            return card
    # Still too big: keep as many collapsed § lines as fit. The size grows with the number of
    # lines, so a binary search finds the largest count in a handful of tries.
    base = _CARD_PLANS[-1]
    low, high = 0, len(doc.paragraphs)
    best: dict[str, Any] | None = None
    while low <= high:
        mid = (low + high) // 2
        plan = _CardPlan(
            collapsed=True, title_limit=base.title_limit, max_paragraphs=mid, max_assignments=5
        )
        card = _build_card(doc, plan, public=public, actions=actions, lang=lang)
        if card_size(card) <= CARD_MAX_BYTES:
            best, low = card, mid + 1
        else:
            high = mid - 1
    if best is not None:
        return best
    # Even the header and actions alone are too big (huge actions from the caller): send the
    # barest card rather than fail; Teams will say if it is refused.
    logger.warning(
        "minutes card for %s %s exceeds %d bytes even when bare",
        doc.body_name,
        doc.date,
        CARD_MAX_BYTES,
    )
    return _build_card(
        doc,
        _CardPlan(collapsed=True, title_limit=40, max_paragraphs=0, max_assignments=0),
        public=public,
        actions=actions,
        lang=lang,
    )


def summary_card(
    doc: MinutesDocument, *, public: bool, actions: list[dict[str, Any]], lang: str = "sv"
) -> dict[str, Any]:
    """An Adaptive Card 1.5 summing up the minutes, under CARD_MAX_BYTES; never raises.

    Shows body, date, form, present count, every § with its title and "att" clauses and the
    open assignments, then ``actions``. A large meeting is shortened step by step: long clauses
    truncated, then one line per §, then "… och N paragrafer till — öppna hela protokollet".
    """
    try:
        return _fitting_card(doc, public=public, actions=actions, lang=lang)
    except Exception:
        # A summary must never take the turn down; the full minutes remain downloadable.
        logger.exception("could not build the minutes summary card; sending a bare one")
        try:
            title = f"{_truncate(str(doc.body_name), 200)} {doc.date}"
        except Exception:
            title = "Protokoll"
        try:
            kept_actions = list(actions)
        except Exception:
            kept_actions = []
        return {
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.5",
            "body": [
                _text_block(title, weight="Bolder"),
                _text_block("Sammanfattningen kunde inte visas — öppna hela protokollet."),
            ],
            "actions": kept_actions,
        }
