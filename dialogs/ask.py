"""Questions about the record, in plain Swedish or English: "vad beslutades om F-ACT?".

The answer cites body, meeting date, § (or item number), the "att" clauses or the sentence that
answers, the standing (ej justerat, justerat, ändrat, upphävt, utgår; a reported decision names
the body that took it) and how to open the record. Best first; `fler` shows the next ones.
It only looks where the asker may look: the conversation's host tenant, the bodies bound to the
conversation, shared with the organisation or where the asker is a member, and sekretess only
for members (in a personal chat). Nothing found is said plainly, with nearby words of the index.

`ask()` returns the structured answer (text + hits) that the chat, `fler` and
`samverkansbot ask` all use.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, or_, select

from dialogs import ask_people as people
from dialogs.ask_scope import BodyInfo, Visible, visible_scope
from dialogs.context import CommandContext
from dialogs.dates import MONTHS, find_date, month_range
from dialogs.registry import command
from dialogs.reply import Reply
from dialogs.text import name_key
from storage import search
from storage.models import (
    Assignment,
    Attendance,
    Decision,
    Item,
    Meeting,
    Person,
)
from storage.passages import ROLE_SV, long_date, written_without_att
from storage.search_text import (
    StoredTerms,
    doc_terms,
    fold,
    is_stop,
    normalize,
    query_words,
    stem,
)

logger = logging.getLogger(__name__)

PAGE = 5
MAX_QUESTION = 2000
MAX_BODIES_LISTED = 10

# --- what the question says --------------------------------------------------------------------

_ABOUT = {"om", "kring", "angaende", "gallande", "rorande", "about", "regarding", "concerning"}
# Head nouns: "uppdragsgruppen" names the body when only one visible body is one.
_HEADS = {
    "styrgrupp",
    "ledningsgrupp",
    "uppdragsgrupp",
    "arbetsgrupp",
    "samverkansrad",
    "beredningsgrupp",
    "chefsgrupp",
    "nätverk",
    "natverk",
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_LONG_MONTHS = {
    m for m in MONTHS if len(m) >= 5 or m in ("maj", "juni", "juli", "mars", "may", "june", "july")
}
_SEASON = {
    "var": (3, 6),
    "varen": (3, 6),
    "varas": (3, 6),
    "spring": (3, 6),
    "sommar": (6, 8),
    "sommaren": (6, 8),
    "somras": (6, 8),
    "summer": (6, 8),
    "host": (9, 12),
    "hosten": (9, 12),
    "hostas": (9, 11),
    "autumn": (9, 12),
    "fall": (9, 12),
    "vinter": (12, 2),
    "vintern": (12, 2),
    "vintras": (12, 2),
    "winter": (12, 2),
}

ROLE_EN = {
    "ordforande": "chair",
    "vice_ordforande": "vice chair",
    "sekreterare": "secretary",
    "justerare": "adjuster",
    "ledamot": "member",
    "ersattare": "deputy",
    "tjansteperson": "official",
    "brukarrepresentant": "user representative",
    "adjungerad": "co-opted",
    "ovrig": "other",
}

# The next meeting, however the meeting is called: "nästa styrelsemöte", "kommande
# sammanträde", "när ses vi nästa gång", "the next board meeting", "when does the group meet next".
_NEXT_SV = r"(?:nasta|kommande|nastkommande|efterfoljande|foljande)"
_NEXT_EN_VERB = r"(?:meets?|convenes?|gathers?|get(?:ting)?\s+together|sits?|reconvenes?)"
_RX_NEXT = re.compile(
    rf"\b{_NEXT_SV}\s+(?:[\w-]+\s+)?[\w-]*(?:mote|motet|moten|sammantrade\w*|traff\w*)\b"
    r"|\bnasta\s+gang\b|\bnar\s+(?:ses|mots|traffas)\s+vi\b"
    # "När träffas styrgruppen igen?", "ses vi igen"
    r"|\b(?:ses|mots|motas|traffas|sammantrad\w*)\s+(?:[\w-]+\s+){0,2}igen\b"
    r"|\b(?:nytt|annat)\s+mote\s+(?:\w+\s+)?(?:inplanerat|planerat|bokat|inbokat)\b"
    r"|\bnext\s+(?:[\w'-]+\s+){0,3}(?:meeting|session|sitting|gathering|get-together|call|agm)s?\b"
    r"|\b(?:upcoming|following|forthcoming|subsequent|follow-?up)\s+(?:[\w'-]+\s+){0,2}(?:meeting|session|sitting)s?\b"
    # "When's the next one?", "När är nästa?": the meeting left unsaid after a when-word.
    r"|\b(?:when|nar|date|time|datum)\b.*\bnext\s+one\b|\bnar\s+(?:ar|blir)\s+(?:det\s+)?nasta\W*$"
    # "When's the follow-up?", "When will we see each other again?"
    r"|\bwhen(?:'s|\s+is)\s+the\s+follow-?up\W*$|\bsee\s+each\s+other\s+again\b"
    # "When do we next meet?", "When will they meet up again?", "convene next", "reconvene"
    rf"|\bnext\s+{_NEXT_EN_VERB}\b|\b(?:{_NEXT_EN_VERB}|meeting)\s+(?:up\s+)?(?:next|again)\b"
    r"|\breconven\w*|\bnext\s+time\b|\bmeeting\s+after\s+this\b"
    r"|\b(?:another|new|further)\s+meeting\s+(?:planned|scheduled|booked|set)\b"
)
# The next meeting as minutes write it (folded text): "Nästa möte", "nästa sammanträde".
_RX_NEXT_IN_TEXT = re.compile(
    r"\b(?:nasta|kommande)\s+(?:[\w-]+\s+)?[\w-]*(?:mote|motet|sammantrade\w*|traff\w*)\b"
)
_RX_DIGIT = re.compile(r"\d")
# A heading that is the next meeting itself ("8. Nästa möte", "Nästa sammanträde"), not a
# heading that only mentions it ("Till nästa möte").
_RX_NEXT_HEADING = re.compile(
    r"^[\W\d]*(?:nasta|kommande)\s+(?:[\w-]+\s+)?[\w-]*(?:mote|motet|sammantrade\w*|traff\w*)\b"
)
# "Vad ska diskuteras på nästa möte?" asks what the text says about it, not when it is.
_RX_ABOUT_NEXT = re.compile(
    r"^\W*(?:vad|what|vilka|which|vem|who)\b(?!.*\b(?:tid|time|datum|date|dag|day|nar|when|var|where)\b)"
)
_RX_OVERDUE = re.compile(
    r"\b(?:forsenade?|forsenat|sena|forfallna|overdue|late)\b.*\b(?:uppdrag\w*|assignments?|tasks?)\b"
    r"|\b(?:uppdrag\w*|assignments?|tasks?)\b.*\b(?:forsenade?|forsenat|sena|forfallna|overdue|late)\b"
)
_RX_ASSIGN = re.compile(
    r"\b(?:vilka|vad|vilket|visa|lista|what|which|show|list)\b.*\b(?:uppdrag|uppdragen|assignments?|tasks?)\b"
    r"|\b(?:uppdrag|assignments?|tasks?)\s+(?:har|has|have|for|of|till)\b|\w+s\s+uppdrag\b"
    # "action points", "to-dos", "Vad ska göras?", "What needs to be done?", "Who does what?"
    r"|\baction\s*(?:points?|items?|list)\b|\bto-?dos?\b|\bvad\s+(?:ska|maste|behover)\s+goras\b"
    r"|\bwhat\s+(?:needs|has|have)\s+to\s+be\s+done\b|\bwho\s+(?:has|have|needs?)\s+to\s+do\b"
    r"|\b(?:vem|who)\s+(?:gor|does|ska\s+gora|will\s+do|ansvarar\s+for|is\s+responsible\s+for)"
    r"\s+(?:vad|what)\b"
)
_RX_SUBSTITUTE = re.compile(
    r"\b(?:ersatter|ersatte|ersatt|ersattare\s+for|vikarierar|vikarierade|tjanstgor\s+for|"
    r"tjanstgjorde\s+for|substitutes?\s+for|substituted\s+for|replaces|replaced|stands?\s+in\s+for|"
    r"stood\s+in\s+for|deputi[sz]ed\s+for|fill(?:s|ed)?\s+in\s+for|cover(?:s|ed)?\s+for)\b"
)
# "Var Tekla med?", "Was the SAMO at the meeting?", "Did X attend?": whether someone was there.
_RX_WAS_THERE = re.compile(
    r"^\W*(?:var|satt|was|were|did|deltog|narvarade)\b.*\b(?:med|dar|narvarande|there|present|at|"
    r"attend\w*|deltog|motet|meeting|absent|missing|franvarande)\b"
)
# "Was there an item on …?", "Were there any objections?", "Fanns det något ärende om …?": an
# existential "there", not someone being there.
_RX_EXISTENTIAL = re.compile(
    r"^\W*(?:(?:was|were|is|are)\s+there\s+(?:a|an|any|anything|some|no|one)\b"
    r"|(?:fanns|finns)\s+det\b)"
)
# "När hölls årsmötet 2010?", "What time did the board meeting start?": when (and where) a
# meeting itself ran, not when a matter was dealt with.
_RX_WHEN_WORD = re.compile(
    r"\b(?:nar|when|vilken\s+tid|what\s+time|hur\s+lange|how\s+long|vilket\s+datum|what\s+date"
    r"|vilken\s+dag|(?:what|which)\s+day)\b"
)
_RX_MEETING_WORD = re.compile(
    r"\b[\w-]*(?:mote|motet|moten|sammantrade\w*)\b|\b(?:holls|traffades|sammantradde|oppnades|"
    r"avslutades|startade|borjade|meet|met|meeting|held|convened?|open\w*|clos\w*|start\w*|"
    r"adjourn\w*|ajourner\w*|agm|session|sitting"
    # "Vilken tid höll rådet på?", "Hur länge pågick det?", "How long did it last?"
    r"|holl\s+(?:[\w-]+\s+){0,3}pa|pagick|varade|last(?:ed)?)\b"
)
# "Var hölls årsmötet?", "Where was the meeting held?": where a meeting ran.
_RX_WHERE_WORD = re.compile(
    r"^\W*var\s+(?:holls|halls|holl|agde|lag|skedde|sker|mottes|traffades|ar)\b|\bwhere\b"
    r"|\bvilken\s+(?:plats|lokal|ort)\b|\bwhat\s+(?:place|venue)\b"
)
# A clock asked for, not only a day: "vilken tid började …", "what time did … start".
# "När justerades protokollet?", "When were the minutes signed off?": the day the minutes were
# checked and signed (justering), a fact of the meeting.
_RX_JUSTERING = re.compile(
    r"\bjuster(?:ades|ats|at|as|ing\w*)\b|\bsigned\s+off\b|\bsign-?off\b"
    r"|\bminutes\s+(?:were\s+|was\s+|get\s+)?(?:approved|checked|signed|adjusted)\b"
    r"|\b(?:approved|checked|signed|adjusted)\s+the\s+minutes\b"
)
_RX_MINUTES = re.compile(r"\b(?:protokoll\w*|minutes)\b")
_RX_CLOCK_WORD = re.compile(
    r"\b(?:vilken\s+tid|what\s+time|hur\s+dags|klockan|hur\s+lange|how\s+long)\b"
    r"|\b(?:borjade|startade|slutade|oppnades|avslutades|began|started|ended|finished|"
    r"opened|closed)\b"
)
_RX_MATTER_WORD = re.compile(
    r"\b(?:behandla\w*|beslut\w*|deal\w*|take\s+up|took\s+up|approv\w*|justera\w*|signed|"
    r"decid\w*|discuss\w*|diskuter\w*|nasta|next)\b"
)
# "När utfärdades kungörelsen för fullmäktigemötet?", "When was the notice sent out?": a
# passive verb whose subject is something other than the meeting asks when that happened (in
# the minutes' text), not when the meeting was.
_RX_EVENT_OF = re.compile(
    r"\b(?:nar|var|when|where)\s+(?:(?P<svverb>\w+(?:ades|des|tes|ts))\s+(?P<sv>[\w-]+)|"
    r"(?:was|were)\s+(?:the\s+|a\s+|an\s+)?(?P<en>[\w-]+)\b[^?]*?\b(?P<verb>\w+ed|sent|made|given)\b)"
)


def _another_event(f: str) -> bool:
    m = _RX_EVENT_OF.search(f)
    verb = m and (m.group("svverb") or m.group("verb"))
    if m is None or (verb and _RX_MEETING_WORD.fullmatch(verb)):
        return False  # "När öppnades och avslutades höstmötet?", "When was the AGM convened?"
    subject = m.group("sv") or m.group("en")
    return not _RX_MEETING_WORD.fullmatch(subject)


_RX_LISTING = re.compile(r"\b(?:lista|visa|show|list|name)\b")
# "Kom någon för sent?", "Did anyone leave early?": a yes-or-no question about someone.
_RX_ANYONE = re.compile(r"\b(?:nagon|nagra|nan|anyone|anybody|someone|somebody)\b")
# A number of people as minutes write it ("ca 65 medlemmar", "32 röstberättigade"), folded.
_RX_HEAD_COUNT = re.compile(
    r"\b\d{1,4}\s+(?:st\s+)?(?:medlemmar|personer|deltagare|narvarande|ledamoter|rostberattigade|"
    r"foreningar|deltog)\b"
)
# "Hur många deltog?", "How many attended?": the attendance, counted; "Hur många var på
# LSVO:s möte?", "How many people came?" ask it without a word for attending.
_RX_HOW_MANY = re.compile(r"\b(?:hur\s+manga|how\s+many)\b")
_RX_HOW_MANY_CAME = re.compile(
    r"\b(?:hur\s+manga|how\s+many)(?:\s+(?:people|persons|members|personer|medlemmar|ledamoter|deltagare))?"
    r"\s+(?:(?:var|were)\s+(?:pa|med|dar|at|there|in\s+attendance)|came|kom|showed|turned)\b"
)
_RX_PARAGRAPH = re.compile(r"(?:§|\bparagraf|\bparagraph|\bpunkt|\bitem)\s*(\d{1,4})\b")
_RX_DECISION_WORDS = re.compile(
    r"\b(?:beslut\w*|fattade?s?|decided|decisions?|resolved|vad|what|visa|show|lista|list)\b"
)


# A question that asks what was decided (folded text): decisions come first among its hits
# (ask_answer._kind_bias), and its empty answer says no decision was found.
RX_ASKS_DECISION = re.compile(
    r"\b(?:beslut\w*|beslot\w*|bestam\w*|fattade?s?|antogs?|godkan[dn]\w*|decid\w*|decision\w*"
    r"|resolv\w*|resolutions?|agree\w*|approv\w*|adopt\w*)\b"
)


# Questions about one meeting's people, answered from the meetings the question's dates name.
MEETING_INTENTS = ("role", "attendance", "attended", "meeting_when")


@dataclass
class Parsed:
    intent: str = "decisions"
    role: str | None = None
    roles: list[str] = field(default_factory=list)
    # Which part of the attendance: absent | partial | substitutes | present.
    part: str = "present"
    absent: bool = False
    body_ids: list[int] | None = None
    body_names: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    exact_date: dt.date | None = None
    bare_year: int | None = None
    item_number: int | None = None
    # A day and month, or a month, named without a year: (month, day) / month.
    month_day: tuple[int, int] | None = None
    month_only: int | None = None
    # "mötet före 8 maj", "the meeting after 10 October": the meeting next to the one that day.
    beside: str | None = None
    rest: str = ""
    rest_original: str = ""
    filter_words: list[str] = field(default_factory=list)
    # Date words that may name what is asked about rather than when it was met on
    # ("bokslutsdispositioner 2018"): read as the meeting's date first, as words when the
    # meetings of that date hold no answer.
    topic_dates: list[str] = field(default_factory=list)
    # The question names the next meeting but asks what about it ("Vad sades om nästa möte?"):
    # passages first; with no other word to search by, the next meeting itself.
    about_next: bool = False
    # "Var någon från Varbergs kommun med?": whether anyone (of an organisation) was there.
    anyone: bool = False

    @property
    def dated(self) -> bool:
        return bool(self.date_from or self.date_to or self.month_day or self.month_only)

    @property
    def has_filters(self) -> bool:
        return bool(self.body_ids or self.date_from or self.date_to or self.item_number is not None)


def _prepare(text: str) -> tuple[str, str]:
    """(lower-case text, its folded twin of the same length), white space collapsed."""
    low = re.sub(r"\s+", " ", normalize(text)[:MAX_QUESTION]).strip()
    return low, fold(low)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, min(end, len(chars))):
        chars[i] = " "


def _season_range(name: str, year: int) -> tuple[dt.date, dt.date]:
    first, last = _SEASON[name]
    if first > last:  # winter: December of the year before to February
        return dt.date(year - 1, 12, 1), month_range(year, last)[1]
    return dt.date(year, first, 1), month_range(year, last)[1]


def _last_season(name: str, today: dt.date) -> tuple[dt.date, dt.date]:
    first, last = _SEASON[name]
    if first > last:
        year = today.year if today.month >= 3 else today.year - 1
        return _season_range(name, year)
    year = today.year if today.month >= first else today.year - 1
    return _season_range(name, year)


def _month_year(month: int, year: int | None, today: dt.date) -> int:
    if year is not None:
        return year
    return today.year if month <= today.month else today.year - 1


# Verb particles (a closed class of Swedish and English grammar): "togs upp 2019" dates the meeting.
_PARTICLES = frozenset("upp ut in fram bort ner ned ihop igenom tillbaka undan up out".split())
# English determiners before a year that qualifies the noun after it.
_DETERMINERS = frozenset("the its their our this that".split())


def _names_topic(current: str, m: re.Match[str], parsed: Parsed) -> bool:
    """Whether a year, or a month and year, written with no preposition right after a noun
    ("bokslutsdispositioner 2018", "delårsrapporten april 2025") or after "för"/"for"/"of"
    ("årsavgiften för 2011"), before "års" ("2018 års bokslut"), or between a determiner and a
    noun ("the 2018 appropriations") may belong to what is asked about rather than date the
    meeting: the 2018 accounts were decided on in 2019. After a preposition ("i juni 2021", "in
    2022"), a frame word or verb ("togs 2021", "beslutades 2021") or a meeting word ("årsmötet
    2011") it dates the meeting. Only for questions about the record's text or who holds a role
    ("Vem blir ordförande 2020?", elected in 2019): questions about one meeting's people or time
    read the date as the meeting's."""
    if parsed.intent not in ("decisions", "role"):
        return False
    after = re.match(r"\s+([^\W\d_]+(?:-[^\W\d_]+)*)", current[m.end() :])
    following = after.group(1) if after else ""
    if following == "ars":  # folded "2018 års bokslut"
        return True
    if not m.group(0).startswith(m.group(1)):  # "i juni 2021", "in 2022": the meeting's date
        return False
    before = re.search(r"([^\W\d_]+)\s+$", current[: m.start()])
    if before is None:
        return False
    prev = before.group(1)
    if prev in ("for", "of"):  # folded "för"
        return True
    if prev in _DETERMINERS:  # "the 2018 year-end appropriations", "the April 2025 report"
        return len(following) >= 3 and not is_stop(following)
    return (
        len(prev) >= 3
        and not is_stop(prev)
        and not prev.endswith(("ades", "des", "tes"))  # passive verbs: "behandlades"
        and prev not in _PARTICLES  # "togs upp 2019"
        and not _RX_MEETING_WORD.fullmatch(prev)
    )


# A meeting word, then "före"/"innan"/"before"/"efter"/"after", just before a day and month.
_BEFORE_WORDS = ("fore", "innan", "before")
_RX_BESIDE = re.compile(
    r"\b(?:mote\w*|sammantrade\w*|meetings?)\s+(fore|innan|before|efter|after)\s+(?:(?:den|the)\s+)?$"
)


def read_dates(f: str, chars: list[str], today: dt.date, parsed: Parsed) -> None:
    """Dates in the question become a range; their words leave the search text."""
    lo: list[dt.date] = []
    hi: list[dt.date] = []

    def take(m: re.Match[str], start: dt.date | None, end: dt.date | None) -> None:
        if start:
            lo.append(start)
        if end:
            hi.append(end)
        parsed.filter_words.append(m.group(0).strip())
        _blank(chars, *m.span())

    # A span of days in one month, with a year: "24-25 januari 1998", "24–25 January 1998",
    # "January 24-25, 1998" (a meeting over two days is stored by its first).
    for m in re.finditer(
        rf"\b(\d{{1,2}})\s*[-–—]\s*(\d{{1,2}})(?::?[ea]|st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})"
        r"\s+((?:19|20)\d{2})\b"
        rf"|\b({_MONTH_RE})\s+(\d{{1,2}})\s*[-–—]\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b",
        "".join(chars),
    ):
        if m.group(1):
            first, last, month, year = m.group(1), m.group(2), m.group(3), m.group(4)
        else:
            first, last, month, year = m.group(6), m.group(7), m.group(5), m.group(8)
        try:
            span_from = dt.date(int(year), MONTHS[month], int(first))
            span_to = dt.date(int(year), MONTHS[month], int(last))
        except ValueError:
            continue
        if span_from <= span_to:
            take(m, span_from, span_to)
    # Explicit dates with a year: 2024-05-17, 20240517, 17 maj 2024, May 17 2024.
    for _ in range(3):
        current = "".join(chars)
        found = find_date(current, today)
        if not found:
            break
        date, (start, end) = found
        if not re.search(r"(?:19|20)\d{2}", current[start:end]):
            break
        prefix = re.search(r"(?:\b(?:den|on|pa|the)\s+)?$", current[:start])
        if prefix and prefix.group(0):
            start = prefix.start()
        parsed.exact_date = date
        lo.append(date)
        hi.append(date)
        parsed.filter_words.append(current[start:end].strip())
        _blank(chars, start, end)
    # A day and month without a year ("22 augusti", "10 October", "22/8"): whichever year the
    # record's meetings fall on that day (the meetings are read in dialogs.ask._meetings).
    current = "".join(chars)
    for m in re.finditer(
        rf"\b(\d{{1,2}})(?::?[ea]|st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b(?!\s*(?:19|20)\d\d)"
        rf"|\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)"
        r"|(?<![\d/-])(\d{1,2})/(\d{1,2})(?![\d/-])",
        current,
    ):
        if m.group(1):
            day, month = int(m.group(1)), MONTHS[m.group(2)]
        elif m.group(3):
            day, month = int(m.group(4)), MONTHS[m.group(3)]
        else:
            day, month = int(m.group(5)), int(m.group(6))
        if parsed.intent in MEETING_INTENTS and 1 <= day <= 31 and 1 <= month <= 12:
            parsed.month_day = parsed.month_day or (month, day)
            parsed.filter_words.append(m.group(0).strip())
            _blank(chars, *m.span())
            side = _RX_BESIDE.search(current[: m.start()])
            if side:
                parsed.beside = "before" if side.group(1) in _BEFORE_WORDS else "after"
    current = "".join(chars)
    for m in re.finditer(
        r"\b(?:sedan|since|fran\s+och\s+med|from|efter|after)\s+"
        rf"(?:({_MONTH_RE})\s+)?((?:19|20)\d{{2}})\b",
        current,
    ):
        month = MONTHS[m.group(1)] if m.group(1) else 1
        take(m, dt.date(int(m.group(2)), month, 1), None)
    current = "".join(chars)
    for m in re.finditer(rf"\b(?:sedan|since|fran|from|efter|after)\s+({_MONTH_RE})\b", current):
        month = MONTHS[m.group(1)]
        take(m, dt.date(_month_year(month, None, today), month, 1), None)
    current = "".join(chars)
    for m in re.finditer(
        r"\b(?:fore|innan|before|until|till\s+och\s+med)\s+((?:19|20)\d{2})\b", current
    ):
        take(m, None, dt.date(int(m.group(1)), 12, 31))
    current = "".join(chars)
    for m in re.finditer(
        r"\b(?:forra|forrforra|i\s+fjol|last|previous|i\s+ar|detta|this)\s*(?:aret|ar|year)?\b",
        current,
    ):
        word = m.group(0)
        if "forrforra" in word:
            year = today.year - 2
        elif "forra" in word or "fjol" in word or "last" in word or "previous" in word:
            if not re.search(r"aret|year|fjol", word):
                continue
            year = today.year - 1
        else:
            if not re.search(r"\bi\s+ar\b|aret|year", word):
                continue
            year = today.year
        take(m, dt.date(year, 1, 1), dt.date(year, 12, 31))
    current = "".join(chars)
    for m in re.finditer(r"\b(?:forra|last)\s+(?:manaden|month)\b", current):
        first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        take(m, first, month_range(first.year, first.month)[1])
    current = "".join(chars)
    for m in re.finditer(r"\bi\s+(varas|somras|hostas|vintras)\b", current):
        first_day, last_day = _last_season(m.group(1), today)
        take(m, first_day, last_day)
    current = "".join(chars)
    for m in re.finditer(
        r"\b(?:(?:i|under|in|during)\s+)?(?:the\s+)?(varen|sommaren|hosten|vintern|spring|summer|"
        r"autumn|fall|winter)(?:\s+of)?\s+((?:19|20)\d{2})\b",
        current,
    ):
        first_day, last_day = _season_range(m.group(1), int(m.group(2)))
        take(m, first_day, last_day)
    current = "".join(chars)
    for m in re.finditer(
        rf"\b(?:(?:i|under|in|during)\s+)?({_MONTH_RE})\s+((?:19|20)\d{{2}})\b", current
    ):
        if _names_topic(current, m, parsed):
            parsed.topic_dates.append(m.group(0).strip())
        first_day, last_day = month_range(int(m.group(2)), MONTHS[m.group(1)])
        take(m, first_day, last_day)
    current = "".join(chars)
    for m in re.finditer(rf"\b(?:i|under|in|during)\s+({_MONTH_RE})\b", current):
        if m.group(1) not in _LONG_MONTHS:
            continue
        month = MONTHS[m.group(1)]
        first_day, last_day = month_range(_month_year(month, None, today), month)
        take(m, first_day, last_day)
        parsed.month_only = month
    current = "".join(chars)
    years = list(
        re.finditer(
            r"(?<![\d-])(?:(?:ar|year|i|in|under|during)\s+)?((?:19|20)\d{2})(?![\d-])", current
        )
    )
    for m in years:
        year = int(m.group(1))
        if _names_topic(current, m, parsed):
            parsed.topic_dates.append(m.group(0).strip())
        parsed.bare_year = year if len(years) == 1 else None
        take(m, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if lo:
        parsed.date_from = max(lo) if parsed.exact_date is None else parsed.exact_date
    if hi:
        parsed.date_to = min(hi) if parsed.exact_date is None else parsed.exact_date
    if parsed.date_from and parsed.date_to and parsed.date_from > parsed.date_to:
        parsed.date_from, parsed.date_to = min(lo), max(hi)


@dataclass(frozen=True)
class _BodyNames:
    """How the question may name the visible bodies: token sequences, first token → entries."""

    # first token → [(body id, kind, tokens, gap allowed)]
    sequences: dict[str, list[tuple[int, str, tuple[str, ...], bool]]]
    heads: dict[str, list[int]]  # stemmed head noun → body ids


_NAMES_CACHE: dict[tuple[Any, ...], _BodyNames] = {}


def _body_names(bodies: Sequence[BodyInfo]) -> _BodyNames:
    from storage.search_text import stem

    key = tuple((b.id, b.name, b.short_key) for b in bodies)
    cached = _NAMES_CACHE.get(key)
    if cached is not None:
        return cached
    sequences: dict[str, list[tuple[int, str, tuple[str, ...], bool]]] = {}
    heads: dict[str, list[int]] = {}
    head_stems = {stem(fold(h)) for h in _HEADS}
    generic = _generic_words(bodies)
    for body in bodies:
        full = tuple(name_key(body.name).split())
        entries: list[tuple[str, tuple[str, ...], bool]] = []
        if full:
            entries.append(("full", full, False))
        if body.short_key:
            entries.append(("short", tuple(body.short_key.split()), False))
        distinct = tuple(t for t in full if t not in generic)
        if len(distinct) >= 2 and sum(len(t) for t in distinct) >= 8:
            entries.append(("distinct", distinct, True))
        for kind, tokens, gap in entries:
            sequences.setdefault(tokens[0], []).append((body.id, kind, tokens, gap))
        for token in full:
            st = stem(token)
            if st in head_stems:
                heads.setdefault(st, []).append(body.id)
    names = _BodyNames(sequences, heads)
    if len(_NAMES_CACHE) > 256:
        _NAMES_CACHE.clear()
    _NAMES_CACHE[key] = names
    return names


def _generic_words(bodies: Sequence[BodyInfo]) -> set[str]:
    """Words of body names that do not tell the visible bodies apart: function words (Snowball's
    lists), words in more than one body's name, and each name's head noun (its last word)."""
    from storage.passage_text import stop_words

    stop = {fold(w) for w in stop_words()}
    seen: dict[str, int] = {}
    for body in bodies:
        tokens = name_key(body.name).split()
        for token in set(tokens):
            seen[token] = seen.get(token, 0) + 1
    out = {t for t, n in seen.items() if n > 1 or t in stop or len(t) <= 2}
    out |= {t for t in seen if any(t.endswith(fold(h)) for h in _HEADS)}
    return out


def _match_at(
    words_: list[tuple[str, int, int]], i: int, tokens: tuple[str, ...], gap: bool
) -> int | None:
    """Index after the last word when tokens start at words_[i] (one extra word allowed between
    tokens when gap is set), else None."""
    j = i
    for n, token in enumerate(tokens):
        if j < len(words_) and words_[j][0] == token:
            j += 1
            continue
        if gap and n > 0 and j + 1 < len(words_) and words_[j + 1][0] == token:
            j += 2
            continue
        return None
    return j


def _compound_names(word: str, tokens: list[str]) -> bool:
    """Whether one Swedish compound of the question names a body by two words of its name:
    "pensionärssamrådet" for "Samråd för pensionärsorganisationer …", "funktionshinderrådet"
    for "Rådet för funktionshinderfrågor", "folkhälsorådet" for "Samverkansråd för folkhälsa".
    The compound's last part is a word of the name (or the head of one: "samverkansråd" is a
    "råd"), its first part (a linking -s dropped) begins another word of the name, a letter of
    the joint allowed to differ ("folkhälso-"/"folkhälsa"). Both folded, as name_key gives them."""
    from storage.search_text import stem

    if len(word) < 9 or len(tokens) < 2 or not word.isalpha():
        return False
    for cut in range(4, len(word) - 2):
        head, tail = word[:cut], stem(word[cut:])
        if len(tail) < 3:
            continue
        if head.endswith("s") and len(head) > 5:
            head = head[:-1]
        for n, token in enumerate(tokens):
            # The stemmer cuts a word and its definite form apart now and then ("samråd" ->
            # "samr", "samrådet" -> "samråd"): the word itself counts as well as its stem.
            if tail not in (token, stem(token)) and not (
                len(token) > len(tail) and token.endswith(tail)
            ):
                continue
            for m, other in enumerate(tokens):
                if m == n or len(other) < len(head):
                    continue
                shared = next(
                    (k for k, (x, y) in enumerate(zip(head, other, strict=False)) if x != y),
                    len(head),
                )
                if shared >= 5 and shared >= len(head) - 1:
                    return True
    return False


def read_bodies(low: str, chars: list[str], bodies: Sequence[BodyInfo], parsed: Parsed) -> None:
    from storage.search_text import stem

    plain = re.sub(r"[^\w]", " ", "".join(chars))
    words_ = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\w+", plain)]
    names = _body_names(bodies)
    matched: dict[int, tuple[int, int]] = {}
    for i, (word, _start, _end) in enumerate(words_):
        for body_id, kind, tokens, gap in names.sequences.get(word, ()):
            end = _match_at(words_, i, tokens, gap)
            if end is None or body_id in matched:
                continue
            if kind != "short" and i > 0 and words_[i - 1][0] in _ABOUT:
                continue  # "om psykisk hälsa" is a topic, not the body
            matched[body_id] = (words_[i][1], words_[end - 1][2])
    if not matched:
        for word, start, end in words_:
            owners = names.heads.get(stem(word), [])
            if len(owners) == 1:
                matched.setdefault(owners[0], (start, end))
    if not matched:
        name_words = [(b.id, name_key(b.name).split()) for b in bodies]
        for i, (word, start, end) in enumerate(words_):
            if len(word) < 9 or (i > 0 and words_[i - 1][0] in _ABOUT):
                continue  # a compound of two name words is long; "om X" is a topic
            owners = [b for b, ws in name_words if _compound_names(word, ws)]
            if len(owners) == 1:
                matched.setdefault(owners[0], (start, end))
    if not matched:
        return
    parsed.body_ids = sorted(matched)
    by_id = {b.id: b for b in bodies}
    for body_id, (start, end) in matched.items():
        parsed.body_names.append(by_id[body_id].short_name or by_id[body_id].name)
        parsed.filter_words.append(low[start:end])
        _blank(chars, start, end)
        # "LSVO:s" leaves an "s".
        if end < len(chars) and low[end : end + 2] in (":s", "'s"):
            _blank(chars, end, end + 2)


_RX_ROLE_FOR = re.compile(
    # One space apart: a body the question names is blanked to spaces and ends the match.
    r"\b(?P<role>[\w-]+) (?:for|i|inom|of|in|on) (?:the |det |den )?(?P<what>[a-z][\w-]{3,})"
)
# What a meeting role is held at: the meeting itself.
_RX_AT_MEETING = re.compile(r"(?:mote|motet|moten|sammantrade\w*|meetings?|dagens|todays?)$")


def _role_of_another(f: str, chars: list[str], bodies: Sequence[BodyInfo]) -> bool:
    """A role word held in something other than a meeting or a body of the record: "ordförande
    för valberedningen", "chair of the nominating committee"; not "ordförande i
    samverkansrådet" where a body's name has that word (its first six letters: "uppdragsgruppen"
    in "Uppdragsgrupp Psykisk hälsa")."""
    named = {w[:6] for b in bodies for w in re.findall(r"\w+", fold(b.name.lower())) if len(w) >= 4}
    rest = "".join(chars)
    for m in _RX_ROLE_FOR.finditer(rest):
        what = m.group("what")
        # The noun phrase's head may come a few words on: "secretary for the section board
        # meeting" is the meeting's secretary.
        phrase = re.findall(r"[a-z][\w-]*", rest[m.start("what") :])[:4]
        if (
            people.roles_in(m.group("role"))
            and not any(_RX_AT_MEETING.search(w) for w in phrase)
            and what[:6] not in named
        ):
            return True
    return False


def _attendance_asked(f: str) -> str | None:
    """The part of the attendance a question asks for; an existential "there" ("Was there an
    item on …?") is no word for being there, though "Were there any absentees?" asks."""
    existential = _RX_EXISTENTIAL.search(f)
    return people.attendance_in(f[existential.end() :] if existential else f)


def parse_question(text: str, today: dt.date, bodies: Sequence[BodyInfo]) -> Parsed:
    low, f = _prepare(text)
    parsed = Parsed()
    next_named = bool(_RX_NEXT.search(f))
    parsed.about_next = next_named and bool(_RX_ABOUT_NEXT.search(f))
    if next_named and not parsed.about_next:
        parsed.intent = "next_meeting"
    elif _RX_OVERDUE.search(f):
        parsed.intent = "overdue"
    elif _RX_SUBSTITUTE.search(f):
        parsed.intent = "substitute"
    elif (roles := people.roles_in(f)) and people.WHO.search(f):
        parsed.intent = "role"
        parsed.role, parsed.roles = roles[0], roles
    elif (part := _attendance_asked(f)) and (
        people.WHO.search(f)
        or _RX_LISTING.search(f)
        or _RX_HOW_MANY.search(f)
        or _RX_WAS_THERE.search(f)
        or _RX_EXISTENTIAL.search(f)
        or _RX_ANYONE.search(f)
    ):
        parsed.intent = "attendance"
        parsed.part = part
        parsed.absent = part == "absent"
        parsed.anyone = bool(_RX_ANYONE.search(f)) and not people.WHO.search(f)
    elif _RX_HOW_MANY_CAME.search(f):
        parsed.intent = "attendance"
    elif (
        _RX_WAS_THERE.search(f)
        and _RX_ANYONE.search(f)
        and _RX_BY_ORG.search(f)
        and not _RX_EXISTENTIAL.search(f)
        and not _RX_WHERE_WORD.search(f)
    ):
        # "Var någon från Varbergs kommun med?", "Was anyone from the region there?": nobody
        # named, so the attendance (by organisation where the question names one).
        parsed.intent = "attendance"
        parsed.part = "present"
        parsed.anyone = True
    elif (
        _RX_WAS_THERE.search(f)
        and not _RX_EXISTENTIAL.search(f)
        # "Var hölls mötet?": Swedish "var" is "where" there, not "was".
        and not _RX_WHERE_WORD.search(f)
    ):
        parsed.intent = "attended"
    elif (_RX_WHEN_WORD.search(f) or _RX_WHERE_WORD.search(f)) and (
        _RX_MEETING_WORD.search(f) and not _RX_MATTER_WORD.search(f) and not _another_event(f)
    ):
        parsed.intent = "meeting_when"
    elif _RX_WHEN_WORD.search(f) and _RX_JUSTERING.search(f) and _RX_MINUTES.search(f):
        # When the minutes were signed: a fact of the meeting, not when a matter was approved.
        parsed.intent = "meeting_when"
    elif _RX_ASSIGN.search(f):
        parsed.intent = "assignments"
    chars = list(f)
    m = _RX_PARAGRAPH.search(f)
    if m:
        parsed.item_number = int(m.group(1))
        parsed.filter_words.append(low[m.start() : m.end()])
        _blank(chars, *m.span())
    read_dates(f, chars, today, parsed)
    read_bodies(low, chars, bodies, parsed)
    if parsed.intent == "role" and _role_of_another(f, chars, bodies):
        # "Vem blev ordförande för valberedningen?": a post in something the record does not
        # hold as a body (elected, so in the minutes' text), not a role at a meeting.
        parsed.intent, parsed.role, parsed.roles = "decisions", None, []
    # What is left, with the user's own letters (diacritics) where the filters did not eat.
    parsed.rest = "".join(o if c != " " else " " for c, o in zip(chars, low, strict=True))
    original = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)[:MAX_QUESTION]).strip()
    if len(original) != len(low):
        original = low
    parsed.rest_original = "".join(
        o if c != " " else " " for c, o in zip(chars, original, strict=True)
    )
    return parsed


def topic_of(parsed: Parsed) -> str:
    """The question's content words as the user wrote them ("F-ACT", not "fact")."""
    kept = [w for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", parsed.rest_original) if query_words(w)]
    return " ".join(kept)[:80]


# --- who may see what: dialogs/ask_scope.py -------------------------------------------------

# --- the answer --------------------------------------------------------------------------------


@dataclass
class Hit:
    body: str
    date: str
    paragraph: str | None
    title: str
    text: str
    meeting_id: int
    kind: str
    standing: str = ""
    open_hint: str = ""
    # What kind of text the extract is ("Beslut", "Ur protokollets text", "Närvaro", …).
    label: str = ""
    # A first name alone in the extract → the one attendee of the meeting with that first name.
    names: dict[str, str] = field(default_factory=dict)
    # False when the minutes gave no date: `date` is then the day they were imported.
    date_stated: bool = True

    def shown_date(self, ctx: CommandContext) -> str:
        """The date as a hit's heading shows it; never an import's day as the meeting's."""
        if self.date_stated:
            return self.date
        return ctx.t(f"datum saknas (importerat {self.date})", f"no date (imported {self.date})")

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "body": self.body,
            "date": self.date,
            "paragraph": self.paragraph,
            "title": self.title,
            "text": self.text,
            "meeting_id": self.meeting_id,
            "kind": self.kind,
        }
        if self.names:
            out["names"] = dict(self.names)
        if not self.date_stated:
            out["date_stated"] = False
        return out


@dataclass
class Answer:
    text: str
    hits: list[Hit]
    total: int = 0
    offset: int = 0
    pageable: bool = False
    plan: str = ""
    # How sure retrieval was (best lexical coverage, best dense similarity, its z); benches read it.
    confidence: tuple[float, ...] | None = None
    # A structured answer that knows the record holds no answer (no meeting then, nobody of
    # that name, a meeting whose minutes name no chair): no passages are tried after it.
    settled: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"answer": self.text, "hits": [h.as_json() for h in self.hits]}


def _label(item: Item, body: BodyInfo) -> str | None:
    if item.is_paragraph and (item.number is not None or item.label):
        return f"§ {item.label or item.number}"
    if item.label:
        return f"punkt {item.label}"
    return None


def _open_hint(
    ctx: CommandContext, item: Item, body: BodyInfo, meeting: Meeting, current: int | None
) -> str:
    if item.is_paragraph and item.number is not None:
        ref = f"{meeting.date.year}" if body.numbering == "per_year" else meeting.date.isoformat()
        hint = f"`{ctx.t('visa', 'show')} § {item.number} {ref}`"
        if current != body.id:
            hint += ctx.t(
                f" i konversationen för {body.short_name or body.name}",
                f" in the conversation of {body.short_name or body.name}",
            )
        return hint
    return ""


def _standing(
    ctx: CommandContext, meeting: Meeting, item: Item | None, decision: Decision | None
) -> str:
    parts: list[str] = []
    if decision is not None:
        if decision.status == "amended":
            parts.append(
                ctx.t(
                    "ändrat (ersatt av ett nyare beslut)", "amended (replaced by a newer decision)"
                )
            )
        elif decision.status == "withdrawn":
            parts.append(ctx.t("upphävt", "revoked"))
        elif decision.status == "superseded":
            parts.append(ctx.t("upphävt (ersatt)", "revoked (superseded)"))
        if decision.reported_by_body:
            parts.append(
                ctx.t(
                    f"rapporterat beslut, fattat av {decision.reported_by_body}",
                    f"reported decision, taken by {decision.reported_by_body}",
                )
            )
    if item is not None and item.status != "behandlad":
        parts.append(
            ctx.t(
                {"utgar": "utgår", "bordlagd": "bordlagd", "aterremitterad": "återremitterad"}.get(
                    item.status, item.status
                ),
                {"utgar": "struck", "bordlagd": "tabled", "aterremitterad": "referred back"}.get(
                    item.status, item.status
                ),
            )
        )
    if meeting.status in ("justerat", "published") or meeting.justerat_on:
        when = f" {meeting.justerat_on.isoformat()}" if meeting.justerat_on else ""
        parts.append(ctx.t(f"justerat{when}", f"approved{when}"))
    elif meeting.source == "import":
        parts.append(ctx.t("importerat, justering okänd", "imported, approval unknown"))
    else:
        parts.append(ctx.t("ej justerat", "not yet approved"))
    return " · ".join(parts)


def _decision_text(decision: Decision) -> str:
    clauses = [str(c).strip() for c in (decision.clauses or []) if str(c).strip()]
    phrase = (decision.phrase or "").strip()
    formal = phrase.lower().rstrip(":").endswith(("beslutar", "beslutade", "beslöt", "beslutat"))
    if (
        clauses
        and (formal or not decision.text)
        and not written_without_att(clauses, decision.text)
    ):
        lines = [phrase] if phrase and formal else []
        lines += [f"att {_clip(c, 400)}" for c in clauses[:4]]
        if len(clauses) > 4:
            lines.append(f"(+{len(clauses) - 4})")
        return "\n".join(lines)
    return _clip(decision.text or phrase, 600)


def _clip(text: str, n: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + " …"


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def best_sentences(text: str, concepts: Sequence[search.Concept], n: int = 2) -> str:
    """The sentences of a text that hold most of the question's words."""
    sentences = [s.strip() for s in _SENTENCE.split(text or "") if s and s.strip()]
    if not sentences:
        return ""
    scored = []
    for i, s in enumerate(sentences[:400]):
        parsed = StoredTerms.parse(doc_terms(None, s).stored())
        score = sum(c.credit(parsed) for c in concepts)
        scored.append((score, -i, s))
    scored.sort(reverse=True)
    chosen = [t for t in scored[:n] if t[0] > 0] or scored[:1]
    chosen.sort(key=lambda t: -t[1])
    return _clip(" ".join(s for _, _, s in chosen), 500)


_KIND_LABELS = {
    "decision": ("Beslut", "Decision"),
    "item": ("Ur protokollets text", "From the minutes"),
    "meeting": ("Mötesfakta", "Meeting details"),
    "attendance": ("Närvaro", "Attendance"),
    "assignment": ("Uppdrag", "Assignment"),
}


async def ask(
    ctx: CommandContext,
    question: str,
    *,
    offset: int = 0,
    page: int = PAGE,
    from_passages: bool | None = None,
) -> Answer:
    """Answer a question about the record: the structured answer and its text. `fler` passes
    `from_passages`: whether the first page came from the passages, so that later pages come
    from the same ranking even when the vectors became ready in between."""
    answer = await _ask(ctx, question, offset=offset, page=page, from_passages=from_passages)
    for hit in answer.hits:
        if not hit.label and hit.kind in _KIND_LABELS:
            hit.label = ctx.t(*_KIND_LABELS[hit.kind])
    return answer


async def _ask(
    ctx: CommandContext, question: str, *, offset: int, page: int, from_passages: bool | None
) -> Answer:
    visible = await visible_scope(ctx)
    parsed = parse_question(question, ctx.turn.today, list(visible.bodies.values()))
    if parsed.body_ids is not None:
        parsed.body_ids = [b for b in parsed.body_ids if b in visible.bodies]
    handler = {
        "next_meeting": _next_meeting,
        "overdue": _overdue,
        "substitute": _substitute,
        "role": _role,
        "attendance": _attendance,
        "attended": _attended,
        "meeting_when": _meeting_when,
        "assignments": _assignments,
    }.get(parsed.intent)
    structured: Answer | None = None
    if handler is not None and offset == 0:
        # The structured record first; what it does not hold, the passages may.
        structured = await handler(ctx, question, parsed, visible)
        if structured.hits or structured.settled:
            return structured
        if parsed.intent in ("attended", "meeting_when"):
            # Nobody of the record named: an ordinary question about the minutes.
            parsed.intent, structured = "decisions", None
    from dialogs import ask_answer

    if parsed.intent == "decisions" and not parsed.about_next and _asks_agenda(parsed):
        listed = await _agenda(ctx, parsed, visible)
        if listed is not None:
            return listed
    if parsed.intent == "decisions" and parsed.about_next and not query_words(parsed.rest):
        # "Vad sades om nästa möte?": nothing to search by but the next meeting itself, and
        # when the record says nothing of it, that is the answer (not the latest decisions).
        said = await _about_next(ctx, parsed, visible)
        return said if said is not None else await _next_meeting(ctx, question, parsed, visible)
    if parsed.intent == "decisions":
        if not query_words(parsed.rest) or os.environ.get("SVB_ASK_MODE") == "index":
            # A listing ("beslut i maj") reads the decisions themselves.
            return await _decisions(ctx, question, parsed, visible, offset, page)
        # The passages (lexical and dense fused, with the cut-off calibrated on dev) lead in
        # both languages once the vectors are there: the decision index has no cut-off, so
        # asked first it answered Swedish questions the record cannot answer. Before the
        # vectors are ready, the index's decisions come first, as before.
        passages = await ask_answer.answer_from_passages(
            ctx, question, parsed, visible, offset, page, structured
        )
        lead = passages.plan == "passages+vectors" if from_passages is None else from_passages
        if parsed.about_next and not passages.hits and offset == 0:
            # "What is on the agenda for the next council meeting?": what the newest minutes
            # say of their next meeting, where no passage answers the rest of the question.
            said = await _about_next(ctx, parsed, visible)
            if said is not None:
                return said
        if lead or os.environ.get("SVB_ASK_MODE") == "passages":
            return passages
        found = await _decisions(ctx, question, parsed, visible, offset, page)
        if ctx.lang != "en":  # `fler` pages on through the index that gave the first page
            return found if found.hits or offset else passages
        return found if found.hits or (offset and not passages.hits) else passages
    return await ask_answer.answer_from_passages(
        ctx, question, parsed, visible, offset, page, structured
    )


def _scope(
    ctx: CommandContext, parsed: Parsed, visible: Visible, *, dates: bool = True
) -> search.Scope:
    body_ids = tuple(parsed.body_ids) if parsed.body_ids else tuple(sorted(visible.bodies))
    return search.Scope(
        tenant_id=ctx.turn.tenant_id,
        body_ids=body_ids,
        all_bodies=not parsed.body_ids and visible.whole_tenant,
        confidential_body_ids=tuple(sorted(visible.confidential)),
        date_from=parsed.date_from if dates else None,
        date_to=parsed.date_to if dates else None,
        item_number=parsed.item_number,
    )


async def _decisions(
    ctx: CommandContext, question: str, parsed: Parsed, visible: Visible, offset: int, page: int
) -> Answer:
    session = ctx.session
    qwords = query_words(parsed.rest)
    scope = _scope(ctx, parsed, visible)
    topic = topic_of(parsed)
    listing = not qwords
    if listing and not parsed.has_filters and not _RX_DECISION_WORDS.search(_prepare(question)[1]):
        return _nothing(ctx, question, topic or question.strip()[:80], [], parsed)
    if not visible.bodies:
        return _nothing(ctx, question, topic, [], parsed)
    concepts: list[search.Concept] = []
    partial = False
    if listing:
        cands = await search.recent(session, replace(scope, kinds=(search.KIND_DECISION,)))
        plan = "recent"
    else:
        concepts = await search.build_concepts(session, ctx.turn.tenant_id, qwords)
        concepts, respelled = await _respell(session, scope, concepts)
        if respelled:
            topic += ctx.t(
                " (visar träffar för " + ", ".join(f"”{w}”" for w in respelled) + ")",
                " (showing matches for " + ", ".join(f"“{w}”" for w in respelled) + ")",
            )
        result = await search.search(session, scope, concepts, want=offset + page + 1)
        cands = result.candidates
        plan = result.plan
        partial = result.partial
        if not cands and parsed.bare_year is not None:
            # "medel 2021": the year may be what the text says, not when it was decided.
            retry = _scope(ctx, parsed, visible, dates=False)
            year_words = query_words(f"{parsed.rest} {parsed.bare_year}")
            concepts = await search.build_concepts(session, ctx.turn.tenant_id, year_words)
            result = await search.search(session, retry, concepts, want=offset + page + 1)
            if all(c.df > 0 for c in concepts):
                cands = result.candidates
                plan = result.plan + "+year-as-word"
                partial = result.partial
        if not cands:
            missing = [c.word for c in concepts if c.df <= 0]
            filtered = bool(parsed.has_filters and not missing)
            # Words the index lacks get nearby words; words it has, found nothing only
            # because of the filters, get the advice to drop them.
            near = (
                []
                if filtered
                else await search.suggest(session, scope, missing or [c.word for c in concepts])
            )
            return _nothing(
                ctx,
                question,
                topic,
                near,
                parsed,
                filtered=filtered,
                missing=missing if len(missing) < len(concepts) else [],
            )
    units = await _units(session, cands)
    total = len(units)
    shown = units[offset : offset + page]
    hits = await _render_units(ctx, shown, concepts, visible)
    if hits and _RX_WHO_ASKED.search(fold(question.lower())):
        await full_names(ctx, hits)
    if not hits:
        if offset:
            return Answer(
                ctx.t("Inga fler beslut.", "No more decisions."), [], total, offset, False, plan
            )
        return _nothing(ctx, question, topic, [], parsed)
    head = _heading(ctx, topic, parsed, offset, len(hits), total, listing, partial)
    if not listing and any(h.kind != "decision" for h in hits):
        # Discussion and other text are never headed as decisions.
        head = head.replace(
            ctx.t("**Beslut om ", "**Decisions about "),
            ctx.t("**Ur registret om ", "**From the record about "),
            1,
        )
    lines = [head, ""]
    for n, hit in enumerate(hits, start=offset + 1):
        lines.append(_hit_text(ctx, n, hit))
        lines.append("")
    if offset + len(hits) < total or (partial and offset + len(hits) == total):
        lines.append(ctx.t("Skriv `fler` för fler träffar.", "Write `more` for more."))
    return Answer("\n".join(lines).rstrip(), hits, total, offset, True, plan)


async def _respell(
    session: Any, scope: search.Scope, concepts: list[search.Concept]
) -> tuple[list[search.Concept], list[str]]:
    """A long word the index lacks, one letter from a word it has (kvinnofridssatsningen →
    kvinnofridsatsningen), is read as that word, and the answer says so."""
    out: list[search.Concept] = []
    respelled: list[str] = []
    for concept in concepts:
        if concept.df > 0 or len(concept.word) < 8 or not concept.word.isalpha():
            out.append(concept)
            continue
        near = await search.suggest(session, scope, [concept.word], n=1, cutoff=0.9)
        if not near:
            out.append(concept)
            continue
        found = await search.build_concepts(session, scope.tenant_id, query_words(near[0]))
        if not found or found[0].df <= 0:
            out.append(concept)
            continue
        fixed = found[0]
        fixed.alternatives = {t: round(w * 0.9, 3) for t, w in fixed.alternatives.items()}
        out.append(fixed)
        respelled.append(near[0])
    return out, respelled


def where_suffix(ctx: CommandContext, parsed: Parsed) -> str:
    """ " i LSVO den 2021-06-04 (§ 117)": the question's filters, for a heading."""
    where = ""
    if parsed.body_names:
        where += ctx.t(" i ", " in ") + ", ".join(parsed.body_names)
    if parsed.exact_date:
        where += ctx.t(" den ", " on ") + parsed.exact_date.isoformat()
    elif parsed.date_from or parsed.date_to:
        a = parsed.date_from.isoformat() if parsed.date_from else "…"
        b = parsed.date_to.isoformat() if parsed.date_to else "…"
        where += f" {a} – {b}"
    if parsed.item_number is not None:
        where += f" (§ {parsed.item_number})"
    return where


def _heading(
    ctx: CommandContext,
    topic: str,
    parsed: Parsed,
    offset: int,
    n: int,
    total: int,
    listing: bool,
    partial: bool = False,
) -> str:
    where = where_suffix(ctx, parsed)
    more = "+" if total >= search.FETCH or partial else ""
    span = f"{offset + 1}–{offset + n} av {total}{more}" if total > 1 else ""
    span_en = f"{offset + 1}–{offset + n} of {total}{more}" if total > 1 else ""
    if listing:
        return ctx.t(
            f"**Senaste besluten{where}**" + (f" ({span})" if span else ""),
            f"**Latest decisions{where}**" + (f" ({span_en})" if span_en else ""),
        )
    return ctx.t(
        f"**Beslut om ”{topic}”{where}**" + (f" ({span})" if span else ""),
        f"**Decisions about “{topic}”{where}**" + (f" ({span_en})" if span_en else ""),
    )


# A capitalised word not followed by another: a person named by the first name alone ("Susann
# presenterade utkastet"), as minutes often write those present.
_RX_WHO_ASKED = re.compile(r"\b(?:vem|vems|who|whom|whose)\b")
_RX_LONE_GIVEN = re.compile(
    r"(?<![\w-])([A-ZÅÄÖÉ][a-zåäöéü]{1,14}(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?)(?![\w-])(?!\s+[A-ZÅÄÖÉ])"
)


async def full_names(ctx: CommandContext, hits: list[Hit]) -> None:
    """Who a first name alone in an extract is: the one person of that meeting's attendance
    with that first name, whose whole name the extract does not give (a "who" question about
    minutes that write "Susann presenterade …" is answered by "Susann Cederlund")."""
    meetings = {h.meeting_id for h in hits}
    rows = await ctx.session.execute(
        select(Attendance.meeting_id, Person.display_name)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.meeting_id.in_(meetings))
    )
    by_meeting: dict[int, list[str]] = {}
    for meeting_id, name in rows:
        by_meeting.setdefault(meeting_id, []).append(name)
    told: set[tuple[str, str]] = set()  # each name once in the answer
    for hit in hits:
        names = by_meeting.get(hit.meeting_id, [])
        for word in dict.fromkeys(_RX_LONE_GIVEN.findall(hit.text)):
            same = [n for n in names if n.split()[0] == word and len(n.split()) > 1]
            if len(same) == 1 and same[0] not in hit.text and (word, same[0]) not in told:
                hit.names[word] = same[0]
                told.add((word, same[0]))


def name_lines(ctx: CommandContext, hit: Hit) -> list[str]:
    """The whole names full_names found, one line each, under the hit's extract."""
    return [
        ctx.t(f"_{word}: {name} enligt närvarolistan_", f"_{word}: {name}, per the attendance_")
        for word, name in hit.names.items()
    ]


def _hit_text(ctx: CommandContext, n: int, hit: Hit) -> str:
    label = f" · {hit.paragraph}" if hit.paragraph else ""
    title = f" {hit.title}" if hit.title else ""
    text = f"_{hit.label}:_ {hit.text}" if hit.label else hit.text
    lines = [
        f"**{n}. {hit.body} · {hit.shown_date(ctx)}{label}**{title}",
        text,
        *name_lines(ctx, hit),
    ]
    tail = hit.standing
    if hit.open_hint:
        tail += ctx.t(" · öppna: ", " · open: ") + hit.open_hint
    if tail:
        lines.append(f"_{tail}_")
    return "\n".join(lines)


def _nothing(
    ctx: CommandContext,
    question: str,
    topic: str,
    near: Sequence[str],
    parsed: Parsed,
    *,
    filtered: bool = False,
    missing: Sequence[str] = (),
) -> Answer:
    shown = (topic or question.strip())[:80]
    if RX_ASKS_DECISION.search(_prepare(question)[1]):
        sv = f"Inga beslut hittades om ”{shown}”"
        en = f"No decisions found about “{shown}”"
    else:
        # The whole record was searched, not only its decisions: "Who took the minutes …?"
        # is not told that no decision was found.
        sv = f"Inget hittades om ”{shown}”"
        en = f"Nothing found about “{shown}”"
    if parsed.body_names:
        sv += " i " + ", ".join(parsed.body_names)
        en += " in " + ", ".join(parsed.body_names)
    sv += " bland de organ du kan se."
    en += " among the bodies you can see."
    if missing:
        words = ", ".join(missing[:5])
        sv += (
            f" Ordet {words} finns inte i de protokoll du kan se."
            if len(missing) == 1
            else f" Orden {words} finns inte i de protokoll du kan se."
        )
        en += f" The word{'s' if len(missing) > 1 else ''} {words} {'are' if len(missing) > 1 else 'is'} not in the minutes you can see."
    if filtered:
        sv += " Prova utan årtal eller organ."
        en += " Try without the year or the body."
    if near:
        sv += " Närliggande ord i registret: " + ", ".join(f"”{w}”" for w in near) + "."
        en += " Nearby words in the record: " + ", ".join(f"“{w}”" for w in near) + "."
    return Answer(ctx.t(sv, en), [], 0, 0, False)


@dataclass
class _Unit:
    kind: str
    item_id: int | None
    decision_id: int | None
    meeting_id: int
    body_id: int
    # Found through the item's discussion, not the decision's own words.
    via_item: bool = False


async def _units(session: Any, cands: Sequence[search.Candidate]) -> list[_Unit]:
    """Hits as the asker sees them: decisions; an item only when it has no decision to show;
    a discussion hit on an item with decisions shows those decisions."""
    with_decision_hits = {c.item_id for c in cands if c.kind == search.KIND_DECISION}
    item_only = [
        c.item_id
        for c in cands
        if c.kind == search.KIND_ITEM and c.item_id not in with_decision_hits
    ]
    decisions_of: dict[int, list[int]] = {}
    if item_only:
        rows = await session.execute(
            select(Decision.id, Decision.item_id)
            .where(Decision.item_id.in_(item_only), Decision.status == "valid")
            .order_by(Decision.position, Decision.id)
        )
        for did, iid in rows:
            decisions_of.setdefault(iid, []).append(did)
    out: list[_Unit] = []
    seen: set[tuple[str, int]] = set()
    for c in cands:
        if c.kind == search.KIND_DECISION and c.decision_id is not None:
            key = ("d", c.decision_id)
            if key not in seen:
                seen.add(key)
                out.append(_Unit("decision", c.item_id, c.decision_id, c.meeting_id, c.body_id))
        elif c.kind == search.KIND_ITEM and c.item_id is not None:
            if c.item_id in with_decision_hits:
                continue
            if decisions_of.get(c.item_id):
                for did in decisions_of[c.item_id]:
                    key = ("d", did)
                    if key not in seen:
                        seen.add(key)
                        out.append(_Unit("decision", c.item_id, did, c.meeting_id, c.body_id, True))
            else:
                key = ("i", c.item_id)
                if key not in seen:
                    seen.add(key)
                    out.append(_Unit("item", c.item_id, None, c.meeting_id, c.body_id))
        elif c.kind == search.KIND_MEETING:
            key = ("m", c.meeting_id)
            if key not in seen:
                seen.add(key)
                out.append(_Unit("meeting", None, None, c.meeting_id, c.body_id))
    return out


async def _render_units(
    ctx: CommandContext,
    units: Sequence[_Unit],
    concepts: Sequence[search.Concept],
    visible: Visible,
) -> list[Hit]:
    """The page's hits, their rows read in three queries."""
    session = ctx.session
    meeting_ids = sorted({u.meeting_id for u in units})
    item_ids = sorted({u.item_id for u in units if u.item_id})
    decision_ids = sorted({u.decision_id for u in units if u.decision_id})
    meetings = {
        m.id: m
        for m in (await session.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids)))).all()
    }
    items = {
        i.id: i
        for i in (await session.scalars(select(Item).where(Item.id.in_(item_ids or [-1])))).all()
    }
    decisions = {
        d.id: d
        for d in (
            await session.scalars(select(Decision).where(Decision.id.in_(decision_ids or [-1])))
        ).all()
    }
    return [
        _render_unit(ctx, u, concepts, visible, meetings, items, decisions)
        for u in units
        if u.meeting_id in meetings and u.body_id in visible.bodies
    ]


def _render_unit(
    ctx: CommandContext,
    unit: _Unit,
    concepts: Sequence[search.Concept],
    visible: Visible,
    meetings: dict[int, Meeting],
    items: dict[int, Item],
    decisions: dict[int, Decision],
) -> Hit:
    meeting = meetings[unit.meeting_id]
    body = visible.bodies[unit.body_id]
    item = items.get(unit.item_id) if unit.item_id else None
    decision = decisions.get(unit.decision_id) if unit.decision_id else None
    if decision is not None:
        text = _decision_text(decision)
        if unit.via_item and item is not None and concepts:
            context = best_sentences(
                "\n".join(x for x in (item.text, item.outcome) if x), concepts, 1
            )
            if context:
                text += "\n" + ctx.t("Ur diskussionen: ", "From the discussion: ") + context
    elif item is not None:
        body_text = item.text or ""
        text = best_sentences(body_text, concepts) if concepts else _clip(body_text, 400)
        if item.outcome and item.outcome.strip() not in text:
            # How the item ended ("Ärendet utgår …", "Informationen läggs till handlingarna").
            text = (text + "\n" if text else "") + _clip(item.outcome, 300)
        if not text:
            text = _clip(item.title, 200)
    else:
        text = (
            best_sentences(meeting.text or "", concepts)
            if concepts
            else _clip(meeting.text or "", 400)
        )
    return Hit(
        body=body.name,
        date=meeting.date.isoformat(),
        date_stated=meeting.date_stated,
        paragraph=_label(item, body) if item else None,
        title=(item.title if item else (meeting.title or "")) or "",
        text=text,
        meeting_id=meeting.id,
        kind=unit.kind,
        standing=_standing(ctx, meeting, item, decision),
        label=ctx.t(*_KIND_LABELS["decision" if decision is not None else "item"]),
        open_hint=_open_hint(ctx, item, body, meeting, visible.current_body_id) if item else "",
    )


# --- people, attendance, assignments, the next meeting -----------------------------------------


def _in_dates(stmt: Any, parsed: Parsed) -> Any:
    """The statement limited to the meetings within the question's dates."""
    if parsed.date_from:
        stmt = stmt.where(Meeting.date >= parsed.date_from)
    if parsed.date_to:
        stmt = stmt.where(Meeting.date <= parsed.date_to)
    return stmt


async def _meetings(
    ctx: CommandContext, parsed: Parsed, visible: Visible, limit: int
) -> list[Meeting]:
    body_ids = parsed.body_ids or list(visible.bodies)
    if not body_ids:
        return []
    stmt = select(Meeting).where(
        Meeting.tenant_id == ctx.turn.tenant_id, Meeting.body_id.in_(body_ids)
    )
    if parsed.month_day is not None or parsed.month_only is not None:
        # "22 augusti", "i oktober" without a year: the meetings on that day or in that month,
        # whichever year they were (the newest first), within the question's other dates.
        month, day = parsed.month_day or (parsed.month_only, None)
        dated = stmt
        if parsed.month_day is not None and parsed.date_from:
            dated = dated.where(Meeting.date >= parsed.date_from)
        if parsed.month_day is not None and parsed.date_to:
            dated = dated.where(Meeting.date <= parsed.date_to)
        rows = (
            await ctx.session.scalars(
                dated.where((Meeting.date <= ctx.turn.today) | (Meeting.source == "import"))
                .order_by(Meeting.date.desc(), Meeting.id.desc())
                .limit(500)
            )
        ).all()
        on_day = [m for m in rows if m.date.month == month and (day is None or m.date.day == day)]
        if parsed.beside and on_day:
            # The body's meeting before (after) the one that day.
            anchor = on_day[0]
            near = stmt.where(Meeting.body_id == anchor.body_id)
            if parsed.beside == "before":
                near = near.where(Meeting.date < anchor.date).order_by(Meeting.date.desc())
            else:
                near = near.where(Meeting.date > anchor.date).order_by(Meeting.date.asc())
            return list((await ctx.session.scalars(near.limit(1))).all())
        return on_day[:limit]
    stmt = _in_dates(stmt, parsed)
    stmt = stmt.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(limit)
    if parsed.date_from or parsed.date_to:
        return list((await ctx.session.scalars(stmt)).all())
    # No date: the latest meetings, looked for in the last year first (a short range to sort).
    today = ctx.turn.today
    recent = list(
        (
            await ctx.session.scalars(
                stmt.where(Meeting.date <= today, Meeting.date > today - dt.timedelta(days=366))
            )
        ).all()
    )
    if recent:
        return recent
    # An imported meeting is a past record, even when it is dated the day it was imported.
    return list(
        (
            await ctx.session.scalars(
                stmt.where((Meeting.date <= today) | (Meeting.source == "import"))
            )
        ).all()
    )


def _where(parsed: Parsed, ctx: CommandContext) -> str:
    bits = []
    if parsed.body_names:
        bits.append(ctx.t("i ", "in ") + ", ".join(parsed.body_names))
    if parsed.month_day is not None:
        side = {"before": ctx.t("före ", "before "), "after": ctx.t("efter ", "after ")}
        bits.append(
            f"{side.get(parsed.beside or '', '')}{parsed.month_day[1]}/{parsed.month_day[0]}"
        )
    elif parsed.month_only is not None:
        # The month the question named, of whichever year the record's meetings were.
        sv_month = long_date(dt.date(2000, parsed.month_only, 1)).split()[1]
        bits.append(ctx.t(sv_month, calendar.month_name[parsed.month_only]))
    elif parsed.exact_date:
        bits.append(parsed.exact_date.isoformat())
    elif parsed.date_from or parsed.date_to:
        bits.append(
            f"{parsed.date_from.isoformat() if parsed.date_from else '…'} – "
            f"{parsed.date_to.isoformat() if parsed.date_to else '…'}"
        )
    return (" " + " ".join(bits)) if bits else ""


def _answer(ctx: CommandContext, title: str, hits: list[Hit]) -> Answer:
    lines = [title, ""]
    for hit in hits:
        label = f" · {hit.paragraph}" if hit.paragraph else ""
        lines.append(f"**{hit.body} · {hit.shown_date(ctx)}{label}** {hit.title}".rstrip())
        lines.append(hit.text)
        lines.append("")
    return Answer("\n".join(lines).rstrip(), hits, len(hits))


def _none(ctx: CommandContext, sv: str, en: str, *, settled: bool = False) -> Answer:
    answer = Answer(ctx.t(sv, en), [], 0)
    answer.settled = settled
    return answer


def _passage_scope(ctx: CommandContext, visible: Visible, body_ids: Sequence[int]) -> Any:
    from storage.passages import PassageScope

    return PassageScope(
        tenant_id=ctx.turn.tenant_id,
        body_ids=tuple(sorted(b for b in body_ids if b in visible.bodies)),
        confidential_body_ids=tuple(sorted(visible.confidential)),
    )


def _text_hit(ctx: CommandContext, found: people.TextFind, visible: Visible) -> Hit:
    from dialogs import ask_passages as AP

    row = found.row
    return Hit(
        body=visible.bodies[row.body_id].name,
        date=row.meeting_date.isoformat(),
        date_stated=getattr(row, "date_stated", None) is not False,
        paragraph=row.label,
        title=row.title or "",
        text=found.text,
        meeting_id=row.meeting_id,
        kind=AP.JSON_KIND.get(row.kind, "item"),
        label=AP.label_of(ctx, row),
    )


async def _meetings_text(
    ctx: CommandContext, visible: Visible, meetings: Sequence[Meeting]
) -> list[Any]:
    """Every passage of these meetings the asker may read."""
    return await people.meeting_passages(
        ctx.session,
        _passage_scope(ctx, visible, sorted({m.body_id for m in meetings})),
        [m.id for m in meetings],
    )


async def _text_hits(
    ctx: CommandContext,
    visible: Visible,
    meetings: Sequence[Meeting],
    pattern: re.Pattern[str],
    per_meeting: int = 1,
    exclude: Sequence[str] = (),
) -> list[Hit]:
    """What the meetings' own text says next to a name (not one of `exclude`), the best
    extracts per meeting (each from its own passage), in the meetings' order. The attendance
    passages repeat the attendance: only the minutes' text."""
    rows = await _meetings_text(ctx, visible, meetings)
    best: dict[int, list[people.TextFind]] = {}
    found_in = people.find_in_text(rows, pattern, skip_kinds=("narvaro",), exclude_name=exclude)
    for found in found_in:
        kept = best.setdefault(found.row.meeting_id, [])
        if len(kept) < per_meeting and all(k.text != found.text for k in kept):
            kept.append(found)
    return [_text_hit(ctx, f, visible) for m in meetings for f in best.get(m.id, [])]


async def _attendance_rows(ctx: CommandContext, meeting_id: int) -> list[tuple[Attendance, Person]]:
    rows = await ctx.session.execute(
        select(Attendance, Person)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.id)
    )
    return [(a, p) for a, p in rows.all()]


async def _asked_meetings(
    ctx: CommandContext, parsed: Parsed, visible: Visible, limit: int
) -> list[Meeting]:
    """The meetings a question about people means. A body named with dates that hold no meeting
    of it: that time's meetings of the other visible bodies (the minutes may name the body in
    words the record keeps otherwise; each hit names its body)."""
    if not parsed.body_ids and len(visible.bodies) > 1:
        # A body named in other words or another language ("the social committee"): the one
        # body whose name alone shares the question's word stems, when one does.
        near = _name_nearness(parsed.rest_original, visible)
        best = max(near.values(), default=0)
        named = [b.id for b in visible.bodies.values() if best and near[b.name] == best]
        if len(named) == 1:
            parsed = replace(parsed, body_ids=named)
    meetings = await _meetings(ctx, parsed, visible, limit)
    if not meetings and parsed.body_ids and parsed.dated:
        meetings = await _meetings(ctx, replace(parsed, body_ids=None), visible, limit)
    return meetings


def _no_meeting(ctx: CommandContext, parsed: Parsed) -> Answer:
    # "Vem blir ordförande i Stacken 2020?": no meeting in 2020, but the year may name the term
    # of office, elected in 2019; the passages are asked (over every date) before saying so.
    return _none(
        ctx,
        f"Inget möte hittades{_where(parsed, ctx)} bland de möten du kan se.",
        f"No meeting found{_where(parsed, ctx)} among the meetings you can see.",
        settled=not parsed.topic_dates,
    )


def _newest(hits: list[Hit]) -> list[Hit]:
    """Without a date in the question, the latest meeting that answers it."""
    newest = max((h.date for h in hits), default="")
    return [h for h in hits if h.date == newest]


def _meeting_word(ctx: CommandContext, meetings: Sequence[Meeting]) -> str:
    dates = ", ".join(m.date.isoformat() for m in meetings[:3])
    return ctx.t(f"mötet {dates}", f"the meeting of {dates}")


async def _role(ctx: CommandContext, question: str, parsed: Parsed, visible: Visible) -> Answer:
    """Who held a role: the attendance and the meeting's chair and secretary first, then what
    the same meetings' text says beside the role word ("Till mötesordförande valdes …")."""
    roles = parsed.roles or [parsed.role or "ordforande"]
    dated = parsed.dated
    # "Vem blir ny ordförande efter Anna-Lena Ingelhag?", "Who takes over as chair when … leaves?":
    # a question that asks who holds a role and names a person of the record asks about someone
    # else (a successor): that person is not the answer, in the attendance or in the text; the
    # text of every meeting asked about is read for the one named beside the role word, and
    # with no body named, the meetings are those of the bodies the person attends.
    named_people = await _named_people(ctx, question)
    named = [p.display_name for p in named_people]
    named_ids = {p.id for p in named_people}
    if named_ids and not parsed.body_ids:
        theirs = await _bodies_attended(ctx, named_ids, visible)
        if theirs:
            parsed = replace(parsed, body_ids=theirs)
    meetings = await _asked_meetings(ctx, parsed, visible, 5 if dated else 3)
    if not meetings:
        return _no_meeting(ctx, parsed)
    hits: list[Hit] = []
    for role in roles:
        role_sv, role_en = ROLE_SV.get(role, role), ROLE_EN.get(role, role)
        title = ctx.t(role_sv.capitalize(), role_en.capitalize())
        missing: list[Meeting] = []
        role_hits: list[Hit] = []
        for meeting in meetings:
            if meeting.source == "import":
                # The attendance of imported minutes was read from their text: the text's own
                # words are shown beside it, so a misread role can be seen for what it is.
                missing.append(meeting)
            names: list[str] = []
            standing_id = {
                "ordforande": meeting.chair_person_id,
                "sekreterare": meeting.secretary_person_id,
            }.get(role)
            for att, person in await _attendance_rows(ctx, meeting.id):
                held = att.is_justerare if role == "justerare" else att.role == role
                if person.id in named_ids:
                    continue
                if (held or person.id == standing_id) and att.status != "absent":
                    line = _person_line(person)
                    if person.id == standing_id:
                        names.insert(0, line)
                    else:
                        names.append(line)
            if not names and standing_id and standing_id not in named_ids:
                standing = await ctx.session.get(Person, standing_id)
                if standing is not None:
                    names.append(_person_line(standing))
            if not names:
                if meeting not in missing:
                    missing.append(meeting)
                continue
            role_hits.append(
                Hit(
                    body=visible.bodies[meeting.body_id].name,
                    date=meeting.date.isoformat(),
                    date_stated=meeting.date_stated,
                    paragraph=None,
                    title=title,
                    text="; ".join(dict.fromkeys(names)),
                    meeting_id=meeting.id,
                    kind="attendance",
                )
            )
        if named:
            missing = list(meetings)
        if missing:
            # Minutes elect two justerare as often as one, often in a decision each
            # ("1. A utses att justera protokollet. 2. B utses …", corpus 12).
            text_hits = await _text_hits(
                ctx,
                visible,
                missing,
                people.role_pattern(role),
                2 if role == "justerare" else 1,
                exclude=named,
            )
            role_hits = text_hits + role_hits if named else role_hits + text_hits
        hits += role_hits if dated else _newest(role_hits)
    if not hits:
        role_sv, role_en = ROLE_SV.get(roles[0], roles[0]), ROLE_EN.get(roles[0], roles[0])
        return _none(
            ctx,
            f"Protokollet från {_meeting_word(ctx, meetings)} anger ingen {role_sv}.",
            f"The minutes of {_meeting_word(ctx, meetings)} name no {role_en}.",
            settled=True,
        )
    head = " / ".join(
        ctx.t(ROLE_SV.get(r, r), ROLE_EN.get(r, r)) for r in dict.fromkeys(roles)
    ).capitalize()
    return _answer(ctx, f"**{head}{_where(parsed, ctx)}**", hits)


async def _bodies_attended(
    ctx: CommandContext, person_ids: Iterable[int], visible: Visible
) -> list[int]:
    """The visible bodies at whose meetings these people are in the attendance."""
    rows = await ctx.session.scalars(
        select(Meeting.body_id)
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(
            Meeting.tenant_id == ctx.turn.tenant_id,
            Attendance.person_id.in_(list(person_ids)),
            Meeting.body_id.in_(list(visible.bodies) or [-1]),
        )
        .distinct()
    )
    return sorted(rows.all())


def _person_line(person: Person) -> str:
    return person.display_name + (f", {person.organisation}" if person.organisation else "")


_PART_TITLES = {
    "present": ("Närvarande", "Present"),
    "absent": ("Frånvarande", "Absent"),
    "partial": ("Närvarande en del av mötet", "Present for part of the meeting"),
    "substitutes": ("Tjänstgörande ersättare", "Serving substitutes"),
}


def _in_part(att: Attendance, part: str) -> bool:
    if part == "absent":
        return att.status == "absent"
    if part == "partial":
        return att.status == "partial"
    if part == "substitutes":
        return att.status != "absent" and (
            att.role == "ersattare" or att.substitute_for_person_id is not None
        )
    return att.status != "absent"


async def _attendance(
    ctx: CommandContext, question: str, parsed: Parsed, visible: Visible
) -> Answer:
    """Who was present, absent, there for part of the meeting, or serving as a substitute:
    the recorded attendance, then the meetings' own text beside the Swedish word for it."""
    part = parsed.part
    dated = parsed.dated
    meetings = await _asked_meetings(ctx, parsed, visible, 3)
    if not meetings:
        return _no_meeting(ctx, parsed)
    if await _named_people(ctx, question):
        # "Från vilken paragraf deltog Wirginia Bogatic?": that person's attendance.
        about = await _attended(ctx, question, parsed, visible)
        if about.hits:
            return about
    title = ctx.t(*_PART_TITLES[part])
    folded = _prepare(question)[1]
    counted = bool(_RX_HOW_MANY.search(folded))
    hits: list[Hit] = []
    missing: list[Meeting] = []
    # Only a question that asks by organisation filters by it: a body's own name, a place or
    # a topic in the question may stand in an attendee's organisation too (the body's
    # secretariat is listed with the body's name).
    by_org = bool(_RX_BY_ORG.search(folded))
    # Only the words that name an organisation: a kind of organisation ("kommuner",
    # "regionen") is written in too many ways to choose by ("Trollhättans stad",
    # "Västra Götalandsregionen", "landstinget"); asked for, everyone is listed with theirs.
    asked = _forms(w.text for w in query_words(parsed.rest)) - _ORG_KINDS if by_org else set()
    # Asked by organisation ("från Karlskrona kommun", "Vilka organisationer var med?"): each
    # person's organisation is part of the answer (only then are any left out, by asked).
    show_org = by_org or bool(_RX_ORGS_ASKED.search(folded))
    for meeting in meetings:
        names = []
        rows = [(a, p) for a, p in await _attendance_rows(ctx, meeting.id) if _in_part(a, part)]
        for att, person in _of_organisation(rows, asked, strict=parsed.anyone):
            role = att.role and ctx.t(
                ROLE_SV.get(att.role, att.role), ROLE_EN.get(att.role, att.role)
            )
            note = (
                f" ({att.partial_note or ctx.t('del av mötet', 'part of the meeting')})"
                if att.status == "partial"
                else ""
            )
            org = f" ({person.organisation})" if show_org and person.organisation else ""
            names.append(person.display_name + org + (f" – {role}" if role else "") + note)
        if not names:
            missing.append(meeting)
            continue
        hits.append(
            Hit(
                body=visible.bodies[meeting.body_id].name,
                date=meeting.date.isoformat(),
                date_stated=meeting.date_stated,
                paragraph=None,
                title=(
                    title + ctx.t(f" ({len(names)} personer)", f" ({len(names)} people)")
                    if counted
                    else title
                ),
                text="; ".join(names),
                meeting_id=meeting.id,
                kind="attendance",
            )
        )
    if missing and part != "present":
        hits += await _text_hits(ctx, visible, missing, people.part_pattern(part))
    if counted and part == "present":
        # "ca 65 medlemmar var närvarande": a count the minutes' text gives, where the list
        # holds only the board or nobody (an annual meeting's members are seldom listed).
        said = people.find_in_text(
            await _meetings_text(ctx, visible, meetings),
            _RX_HEAD_COUNT,
            skip_kinds=("narvaro", "motesfakta"),
            near=_RX_DIGIT,
        )
        hits[:0] = [_text_hit(ctx, f, visible) for f in said[:1]]
    if not dated:
        hits = _newest(hits)
    if not hits:
        return _none(
            ctx,
            f"Protokollet från {_meeting_word(ctx, meetings)} anger ingen som {title.lower()}.",
            f"The minutes of {_meeting_word(ctx, meetings)} list nobody as {title.lower()}.",
            settled=True,
        )
    return _answer(ctx, f"**{title}{_where(parsed, ctx)}**", hits)


# A question for the organisations at a meeting (folded).
_RX_ORGS_ASKED = re.compile(r"\b(?:organisation\w*|organization\w*|represent\w*|foretradd\w*)\b")
# A question that asks for attendance by organisation (folded): "från Karlskrona kommun",
# "from Region Blekinge", "Vilka kommuner/förvaltningar …".
_RX_BY_ORG = re.compile(
    r"\b(?:fran|from|representer\w*|represented|foretradd\w*|organisation\w*|organization\w*"
    r"|kommuner|kommunerna|regioner|regionerna|forvaltningar\w*|municipalities)\b"
)


# Kinds of organisation (folded, with their stems as _forms gives them): no organisation's name.
_ORG_KINDS = frozenset(
    f
    for w in (
        "kommun kommuner kommunen kommunerna region regioner regionen regionerna stad staden "
        "landsting landstinget forvaltning forvaltningen forvaltningar forvaltningarna "
        "organisation organisationer organisationen organisationerna municipality "
        "municipalities council county organisation organisations organization organizations"
    ).split()
    for f in (w, stem(w))
)


def _forms(words: Iterable[str]) -> set[str]:
    """Words folded as names are, and their stems ("kommuner" meets "kommun")."""
    return {f for w in words for k in name_key(w).split() if len(k) >= 3 for f in (k, stem(k))}


def _of_organisation(
    rows: list[tuple[Any, Any]], asked: set[str], *, strict: bool = False
) -> list[tuple[Any, Any]]:
    """The attendees the question's words single out by organisation or title ("Vem deltog
    från Karlskrona kommun?", "Vilka kommuner var med?", "Who attended from Region
    Blekinge?"): those whose organisation and title share the most of its words, when some
    share any and not everyone shares as many; otherwise all of them. `strict` ("Var någon
    från Försäkringskassan med?"): nobody when nobody's organisation or title shares any and
    the record gives some of them one (where it gives none, it cannot tell)."""
    if not asked or not rows:
        return rows
    score = [len(asked & _forms([f"{p.organisation or ''} {p.title or ''}"])) for _, p in rows]
    best = max(score)
    if best == 0 and strict and any(p.organisation or p.title for _, p in rows):
        return []
    if best == 0 or min(score) == best:
        return rows
    return [row for row, n in zip(rows, score, strict=True) if n == best]


async def _attended(ctx: CommandContext, question: str, parsed: Parsed, visible: Visible) -> Answer:
    """ "Var Tekla Siesjö med?", "Was the SAMO at the meeting?": the person's attendance at the
    meetings asked about, found by name or by the organisation or title the record gives them.
    Without such a person in the record the question goes on to the passages."""
    meetings = await _asked_meetings(ctx, parsed, visible, 5)
    if not meetings:
        return _none(ctx, "", "")
    wanted = await _named_people(ctx, question)
    ids = {p.id for p in wanted}

    # Words and their stems on both sides: "länsturistchefen" asks for the "länsturistchef"
    # of the list, "regiondirektören" for the "regiondirektör".
    def forms(ws: Sequence[str]) -> set[str]:
        return {f for w in ws for f in (w, stem(w))}

    words = forms([w for w in name_key(parsed.rest).split() if len(w) >= 3])
    hits: list[Hit] = []
    answers: list[str] = []
    for meeting in meetings:
        for att, person in await _attendance_rows(ctx, meeting.id):
            own = name_key(f"{person.organisation or ''} {person.title or ''}").split()
            if person.id not in ids and not (words and words & forms(own) and len(own) <= 4):
                continue
            status_sv = {"absent": "frånvarande", "partial": "närvarande en del av mötet"}
            status_en = {"absent": "absent", "partial": "present for part of the meeting"}
            state = ctx.t(
                status_sv.get(att.status, "närvarande"), status_en.get(att.status, "present")
            )
            note = f" ({att.partial_note})" if att.partial_note else ""
            hits.append(
                Hit(
                    body=visible.bodies[meeting.body_id].name,
                    date=meeting.date.isoformat(),
                    date_stated=meeting.date_stated,
                    paragraph=None,
                    title=ctx.t("Närvaro", "Attendance"),
                    text=f"{_person_line(person)}: {state}{note}",
                    meeting_id=meeting.id,
                    kind="attendance",
                )
            )
            yes = att.status != "absent"
            answers.append(
                ctx.t("Ja" if yes else "Nej", "Yes" if yes else "No")
                + f" – {person.display_name} {ctx.t('var', 'was')} {state} "
                + ctx.t(f"den {meeting.date.isoformat()}", f"on {meeting.date.isoformat()}")
                + note
                + "."
            )
    if not hits:
        return _none(ctx, "", "")
    # What the text says about them beside a word for being there ("deltog från och med § 50").
    named = {h.text.split(":")[0].split(",")[0] for h in hits}
    rows = await people.meeting_passages(
        ctx.session,
        _passage_scope(ctx, visible, sorted({m.body_id for m in meetings})),
        sorted({h.meeting_id for h in hits}),
    )
    said = people.find_near(rows, named, people.part_pattern("present"), skip_kinds=("narvaro",))
    said += people.find_near(rows, named, people.part_pattern("absent"), skip_kinds=("narvaro",))
    said.sort(key=lambda f: f.distance)
    firsts: dict[str, people.TextFind] = {}
    for f in said:
        firsts.setdefault(f.text, f)  # one hit per extract, nearest first
    said = list(firsts.values())
    text_hits = [_text_hit(ctx, f, visible) for f in said[:2]]
    return _answer(ctx, "\n".join(dict.fromkeys(answers)), text_hits + hits[:3])


async def _earlier_meeting_in_text(
    ctx: CommandContext, parsed: Parsed, visible: Visible
) -> list[Hit]:
    """Where the minutes of the day asked about name an earlier day beside a word for a meeting
    (the day's meeting is the newest the record holds of its body): that sentence."""
    from dialogs.importer.dates import find_dates

    on_day = await _meetings(ctx, replace(parsed, beside=None), visible, 1)
    if not on_day:
        return []
    anchor = on_day[0]
    rows = await _meetings_text(ctx, visible, on_day)
    for found in people.find_in_text(
        rows, _RX_MEETING_WORD, skip_kinds=("narvaro", "motesfakta"), near=_RX_DIGIT
    ):
        if any(d.date < anchor.date for d in find_dates(found.text, reference=anchor.date)):
            return [_text_hit(ctx, found, visible)]
    return []


async def _meeting_when(
    ctx: CommandContext, question: str, parsed: Parsed, visible: Visible
) -> Answer:
    """When and where a meeting ran: its date, time and place as the record keeps them, and the
    minutes' own words beside a time ("Mötet förklarades öppnat 19:54"). A question that names
    neither a date nor a body, among several bodies, is left to the passages."""
    from storage.passages import _fmt_time

    if not parsed.dated and not parsed.body_ids and len(visible.bodies) > 1:
        return _none(ctx, "", "")
    meetings = await _asked_meetings(ctx, parsed, visible, 3 if parsed.dated else 1)
    folded = _prepare(question)[1]
    # "When is the autumn general meeting?" is not answered by a board meeting that year.
    asked_kind = _meeting_kind(folded)
    meetings = [m for m in meetings if not _other_kind(asked_kind, m)]
    if not meetings and parsed.beside == "before":
        # The record holds no earlier meeting, but the minutes of that day may say when the
        # one before was ("Föregående möte hölls 2020-04-24", "Det mötet hölls …").
        earlier = await _earlier_meeting_in_text(ctx, parsed, visible)
        if earlier:
            return _answer(ctx, ctx.t("**Mötet före**", "**The meeting before**"), earlier)
    if not meetings:
        return _none(ctx, "", "")
    signed = bool(_RX_JUSTERING.search(folded))
    if signed and not any(m.justerat_on for m in meetings):
        # When the minutes were signed, and the record does not know: their text may say.
        return _none(ctx, "", "")
    hits: list[Hit] = []
    for meeting in meetings:
        facts = f"{meeting.date.isoformat()} ({long_date(meeting.date)})"
        if not meeting.date_stated:
            facts = ctx.t(
                f"datum anges inte i protokollet (importerat {meeting.date.isoformat()})",
                f"no date in the minutes (imported {meeting.date.isoformat()})",
            )
        start, end = _fmt_time(meeting.start_at), _fmt_time(meeting.end_at)
        if start:
            facts += f", {ctx.t('kl.', 'at')} {start}" + (f"-{end}" if end else "")
        elif end:
            facts += f", {ctx.t('avslutat kl.', 'closed at')} {end}"
        if meeting.place:
            facts += f", {meeting.place}"
        if meeting.justerat_on and signed:
            done = meeting.justerat_on
            facts += ctx.t(
                f"; protokollet justerades {done.isoformat()} ({long_date(done)})",
                f"; the minutes were signed off {done.isoformat()} "
                f"({done.day} {calendar.month_name[done.month]} {done.year})",
            )
        hits.append(
            Hit(
                body=visible.bodies[meeting.body_id].name,
                date=meeting.date.isoformat(),
                date_stated=meeting.date_stated,
                paragraph=None,
                title=meeting.title or "",
                text=facts,
                meeting_id=meeting.id,
                kind="meeting",
            )
        )
    rows = await _meetings_text(ctx, visible, meetings)
    said: dict[int, people.TextFind] = {}
    told: dict[str, bool] = {}
    for what, words, near in (
        ("time", people.MEETING_TIME_WORDS, people.TIME),
        ("place", people.MEETING_PLACE_WORDS, people.NAME),
    ):
        found = people.find_in_text(rows, words, skip_kinds=("narvaro", "motesfakta"), near=near)
        told[what] = bool(found)
        for f in found[:1]:
            said.setdefault(f.row.id, f)
    hits[1:1] = [_text_hit(ctx, f, visible) for f in said.values()]
    in_body = (ctx.t(" i ", " in ") + ", ".join(parsed.body_names)) if parsed.body_names else ""
    days = ", ".join(m.date.isoformat() for m in meetings)
    # A clock or a place asked for that neither the record nor the minutes' words give is not
    # answered by the day alone: say so, with nothing shown as if it answered.
    if (
        _RX_CLOCK_WORD.search(folded)
        and not any(m.start_at or m.end_at for m in meetings)
        and not told["time"]
    ):
        return _none(
            ctx,
            f"Protokollet anger ingen tid för mötet{in_body} {days}.",
            f"The minutes give no time for the meeting{in_body} of {days}.",
            settled=True,
        )
    if (
        _RX_WHERE_WORD.search(folded)
        and not _RX_WHEN_WORD.search(folded)
        and not any(m.place for m in meetings)
        and not told["place"]
    ):
        return _none(
            ctx,
            f"Protokollet anger ingen plats för mötet{in_body} {days}.",
            f"The minutes give no place for the meeting{in_body} of {days}.",
            settled=True,
        )
    title = ctx.t(f"**Mötet{_where(parsed, ctx)}**", f"**The meeting{_where(parsed, ctx)}**")
    return _answer(ctx, title, hits)


async def _named_people(ctx: CommandContext, text: str) -> list[Person]:
    """People of the tenant whose full name the question contains (longest names first)."""
    key_words = name_key(text).split()
    grams = {
        " ".join(key_words[i : i + n])
        for n in (4, 3, 2)
        for i in range(0, max(0, len(key_words) - n + 1))
    }
    if not grams:
        return []
    people_ = list(
        (
            await ctx.session.scalars(
                select(Person)
                .where(Person.tenant_id == ctx.turn.tenant_id, Person.name_key.in_(sorted(grams)))
                .order_by(Person.id)
            )
        ).all()
    )
    people_.sort(key=lambda p: -len(p.name_key))
    return people_


def _mentions_self(f: str) -> bool:
    return bool(re.search(r"\b(?:jag|mig|mina|min|mitt|me|my|mine|i)\b", f))


_RX_IN_PLACE = re.compile(
    r"\b(?:ersatt\w*|ersatter|ersattare\s+for|eftertrad\w*|tjanstgor\w*\s+for|i\s*stallet\s+for|"
    r"vikarie\w*|tjanstgjorde\s+for|ny\s+\w+\s+efter)\b"
)


async def _substitute(
    ctx: CommandContext, question: str, parsed: Parsed, visible: Visible
) -> Answer:
    """Who replaces or replaced a person: the attendance's "ersätter" links, then decisions and
    text that name the person next to a word for taking someone's place."""
    found = await _named_people(ctx, question)
    body_ids = parsed.body_ids or list(visible.bodies)
    if not found and not _name_runs(question):
        # "Vem ersatte vem?", "Who stood in for whom?": nobody named, so every substitution.
        return await _substitutions(ctx, parsed, visible, body_ids)
    target = found[0].display_name if found else _name_in(question)
    ids = [p.id for p in found if p.name_key == found[0].name_key] if found else []
    hits: list[Hit] = []
    if ids:
        stmt = (
            select(Attendance, Person, Meeting)
            .join(Person, Person.id == Attendance.person_id)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(
                Attendance.substitute_for_person_id.in_(ids),
                Meeting.tenant_id == ctx.turn.tenant_id,
                Meeting.body_id.in_(body_ids or [-1]),
            )
        )
        stmt = _in_dates(stmt, parsed)
        rows = (
            await ctx.session.execute(stmt.order_by(Meeting.date.desc(), Attendance.id).limit(10))
        ).all()
        hits = [
            Hit(
                body=visible.bodies[m.body_id].name,
                date=m.date.isoformat(),
                date_stated=m.date_stated,
                paragraph=None,
                title=ctx.t(f"Ersättare för {target}", f"Substitute for {target}"),
                text=_person_line(p),
                meeting_id=m.id,
                kind="attendance",
            )
            for _a, p, m in rows
        ]
    if not hits and target and len(target.split()) >= 2:
        hits = await _replaced_in_text(ctx, parsed, visible, body_ids, target)
    if not hits:
        if not found and not hits:
            return _none(
                ctx,
                f"Jag hittar ingen som heter ”{target}” bland personerna i registret.",
                f"I can't find anyone called “{target}” among the people in the record.",
                settled=True,
            )
        return _none(
            ctx,
            f"Ingen har ersatt {target} på de möten du kan se{_where(parsed, ctx)}.",
            f"Nobody has substituted for {target} at the meetings you can see{_where(parsed, ctx)}.",
            settled=True,
        )
    return _answer(ctx, ctx.t(f"**Ersättare för {target}**", f"**Substitutes for {target}**"), hits)


async def _replaced_in_text(
    ctx: CommandContext, parsed: Parsed, visible: Visible, body_ids: Sequence[int], target: str
) -> list[Hit]:
    """Decisions and text where the person's name stands in one clause with a word for taking
    someone's place and another person's name ("att Karin Berg ersätter Per Ek", "Britta
    Rydberg PRO ersätter Hasse Johansson"), decisions first."""
    from storage.passages import ask_passage

    scope = _passage_scope(ctx, visible, body_ids)
    scope = replace(scope, date_from=parsed.date_from, date_to=parsed.date_to)
    surname = target.split()[-1]
    rows = await people.passage_rows(
        ctx.session,
        scope,
        func.lower(ask_passage.c.text).contains(surname.lower()),
        limit=200,
    )
    key = fold(target.lower())
    finds: list[people.TextFind] = []
    for row, text, folded in people.readable(rows):
        for m in re.finditer(re.escape(key), folded):
            near = folded[max(0, m.start() - 80) : m.end() + 80]
            word = _RX_IN_PLACE.search(near)
            if not word:
                continue
            others = [
                n
                for n in people.NAME.finditer(text, max(0, m.start() - 80), m.end() + 80)
                if key not in fold(n.group(0).lower())
            ]
            if not others:
                continue
            lo = min(m.start(), others[0].start())
            hi = max(m.end(), others[0].end())
            window = people.window(text, lo, hi)
            finds.append(people.TextFind(row, window, 0 if row.kind == "beslut" else 1, False))
            break
    finds.sort(key=lambda f: (f.distance, -f.row.meeting_date.toordinal()))
    return [_text_hit(ctx, f, visible) for f in finds[:3]]


def _name_runs(question: str) -> list[list[str]]:
    """The runs of capitalised words of a question, its own first word (capitalised as the
    start of a sentence) not counted."""
    words = re.findall(r"[^\W\d_][\w-]*", question)[1:]
    runs: list[list[str]] = []
    for i, w in enumerate(words):
        if not w[0].isupper():
            continue
        if runs and i > 0 and words[i - 1][0].isupper():
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def _name_in(question: str) -> str:
    """The name a question asks about: its last run of capitalised words."""
    runs = _name_runs(question)
    return " ".join(runs[-1][-3:]) if runs else question.strip()[:60]


async def _substitutions(
    ctx: CommandContext, parsed: Parsed, visible: Visible, body_ids: Sequence[int]
) -> Answer:
    """Every "X ersätter Y" of the attendance in scope, the newest meetings first; with none,
    the passages answer (a decision that names both people)."""
    from sqlalchemy.orm import aliased

    replaced = aliased(Person)
    stmt = (
        select(Attendance, Person, replaced, Meeting)
        .join(Person, Person.id == Attendance.person_id)
        .join(replaced, replaced.id == Attendance.substitute_for_person_id)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Meeting.tenant_id == ctx.turn.tenant_id, Meeting.body_id.in_(body_ids or [-1]))
    )
    stmt = _in_dates(stmt, parsed)
    rows = (
        await ctx.session.execute(
            stmt.order_by(Meeting.date.desc(), Meeting.id.desc(), Attendance.id).limit(200)
        )
    ).all()
    by_meeting: dict[int, tuple[Meeting, list[str]]] = {}
    for _a, person, other, meeting in rows:
        line = ctx.t(
            f"{person.display_name} ersätter {other.display_name}",
            f"{person.display_name} for {other.display_name}",
        )
        by_meeting.setdefault(meeting.id, (meeting, []))[1].append(line)
    hits = [
        Hit(
            body=visible.bodies[m.body_id].name,
            date=m.date.isoformat(),
            date_stated=m.date_stated,
            paragraph=None,
            title=ctx.t("Tjänstgörande ersättare", "Serving substitutes"),
            text="; ".join(lines),
            meeting_id=m.id,
            kind="attendance",
        )
        for m, lines in list(by_meeting.values())[:MAX_BODIES_LISTED]
    ]
    if not hits:
        # Not settled: a decision or the minutes' text that names both people may answer.
        return _none(
            ctx,
            f"Närvarolistorna du kan se{_where(parsed, ctx)} anger inte vem som ersatte vem.",
            f"The attendance lists you can see{_where(parsed, ctx)} do not say who stood in "
            "for whom.",
        )
    return _answer(
        ctx,
        ctx.t(
            f"**Vem ersatte vem{_where(parsed, ctx)}**",
            f"**Who stood in for whom{_where(parsed, ctx)}**",
        ),
        hits,
    )


async def _assignment_rows(
    ctx: CommandContext, parsed: Parsed, visible: Visible, *, overdue: bool
) -> list[tuple[Assignment, Item | None, Meeting | None]]:
    body_ids = parsed.body_ids or list(visible.bodies)
    stmt = (
        select(Assignment, Item, Meeting)
        .outerjoin(Item, Item.id == Assignment.item_id)
        .outerjoin(Meeting, Meeting.id == Assignment.meeting_id)
        .where(
            Assignment.tenant_id == ctx.turn.tenant_id,
            Assignment.body_id.in_(body_ids or [-1]),
            Assignment.status == "open",
        )
    )
    if overdue:
        stmt = stmt.where(Assignment.due_date.is_not(None), Assignment.due_date < ctx.turn.today)
    if parsed.date_from:
        stmt = stmt.where(or_(Meeting.date.is_(None), Meeting.date >= parsed.date_from))
    if parsed.date_to:
        stmt = stmt.where(or_(Meeting.date.is_(None), Meeting.date <= parsed.date_to))
    rows = (
        await ctx.session.execute(
            stmt.order_by(Assignment.due_date.is_(None), Assignment.due_date, Assignment.id).limit(
                200
            )
        )
    ).all()
    out: list[tuple[Assignment, Item | None, Meeting | None]] = []
    for a, item, meeting in rows:
        if item is not None and item.confidential and a.body_id not in visible.confidential:
            continue
        out.append((a, item, meeting))
    return out


def _assignment_hit(
    ctx: CommandContext, a: Assignment, item: Item | None, meeting: Meeting | None, visible: Visible
) -> Hit:
    body = visible.bodies[a.body_id]
    due = ""
    if a.due_date:
        late = ctx.t(", försenat", ", overdue") if a.due_date < ctx.turn.today else ""
        due = ctx.t(
            f" (klart {a.due_date.isoformat()}{late})", f" (due {a.due_date.isoformat()}{late})"
        )
    elif a.due_text:
        due = f" ({a.due_text})"
    return Hit(
        body=body.name,
        date=meeting.date.isoformat() if meeting else "",
        date_stated=meeting.date_stated if meeting else True,
        paragraph=_label(item, body) if item else None,
        title=item.title if item else "",
        text=f"[{a.id}] {a.assignee_text or '–'}: {a.what}{due}",
        meeting_id=meeting.id if meeting else 0,
        kind="assignment",
    )


async def _assignments(
    ctx: CommandContext, question: str, parsed: Parsed, visible: Visible
) -> Answer:
    _, f = _prepare(parsed.rest)
    people = await _named_people(ctx, question)
    person: Person | None = people[0] if people else None
    who = person.display_name if person else None
    if person is None and _mentions_self(f):
        from dialogs.people import speaker_person_if_known

        person = await speaker_person_if_known(ctx)
        who = ctx.t("dig", "you")
        if person is None:
            return _none(
                ctx, "Du har inga uppdrag i registret.", "You have no assignments in the record."
            )
    if person is None and _name_runs(question):
        # A name the question gives that is nobody of the record ("Vilka uppdrag delades ut?"
        # names nobody: its capital is the sentence's).
        name = _name_in(question)
        if re.search(r"[A-ZÅÄÖ]", name):
            return _none(
                ctx,
                f"Jag hittar ingen som heter ”{name}” bland personerna i registret.",
                f"I can't find anyone called “{name}” among the people in the record.",
            )
    rows = await _assignment_rows(ctx, parsed, visible, overdue=False)
    if person is not None:
        key = person.name_key
        rows = [
            r
            for r in rows
            if r[0].assignee_person_id == person.id
            or (
                r[0].assignee_person_id is None
                and key
                and key in name_key(r[0].assignee_text or "")
            )
        ]
    hits = [_assignment_hit(ctx, a, i, m, visible) for a, i, m in rows[:20]]
    if not hits:
        target = f" för {who}" if who else ""
        target_en = f" for {who}" if who else ""
        return _none(
            ctx,
            f"Inga öppna uppdrag{target}{_where(parsed, ctx)} bland de organ du kan se.",
            f"No open assignments{target_en}{_where(parsed, ctx)} among the bodies you can see.",
        )
    title = ctx.t(
        f"**Öppna uppdrag{' för ' + who if who else ''}{_where(parsed, ctx)}** ({len(hits)})",
        f"**Open assignments{' for ' + who if who else ''}{_where(parsed, ctx)}** ({len(hits)})",
    )
    return _answer_list(ctx, title, hits)


def _answer_list(ctx: CommandContext, title: str, hits: list[Hit]) -> Answer:
    lines = [title]
    for hit in hits:
        where = (
            f"{hit.body}"
            + (f" {hit.shown_date(ctx)}" if hit.date else "")
            + (f" {hit.paragraph}" if hit.paragraph else "")
        )
        lines.append(f"- {hit.text} — {where}")
    return Answer("\n".join(lines), hits, len(hits))


async def _overdue(ctx: CommandContext, question: str, parsed: Parsed, visible: Visible) -> Answer:
    rows = await _assignment_rows(ctx, parsed, visible, overdue=True)
    hits = [_assignment_hit(ctx, a, i, m, visible) for a, i, m in rows[:20]]
    if not hits:
        return _none(
            ctx,
            f"Inga försenade uppdrag{_where(parsed, ctx)} bland de organ du kan se.",
            f"No overdue assignments{_where(parsed, ctx)} among the bodies you can see.",
        )
    return _answer_list(
        ctx,
        ctx.t(
            f"**Försenade uppdrag{_where(parsed, ctx)}** ({len(hits)})",
            f"**Overdue assignments{_where(parsed, ctx)}** ({len(hits)})",
        ),
        hits,
    )


# A question for a meeting's agenda, folded: "Vilka ärenden behandlades …?", "Vad togs upp på
# mötet …?", "What was on the agenda …?", "Which items did the board deal with …?".
_RX_AGENDA = re.compile(
    r"\b(?:vilka|vad\s+for)\s+(?:arenden|punkter|fragor|amnen|paragrafer)\b"
    r"|\bdagordning\w*|\bforedragningslist\w*|\bagenda\b"
    r"|\bvad\s+(?:togs\s+upp|behandlades|avhandlades|diskuterades|stod\s+pa)\b"
    r"|\b(?:which|what)\s+(?:items|matters|issues|topics|points|business)\b"
    r"|\bwhat\s+(?:was|were)\s+(?:discussed|dealt\s+with|covered|taken\s+up|considered)\b"
)
# The words such a question asks with, beside the agenda words: no topic of its own.
_RX_AGENDA_FRAME = re.compile(
    r"\b(?:arenden\w*|punkter\w*|fragor\w*|amnen\w*|paragraf\w*|behandla\w*|avhandla\w*"
    r"|diskutera\w*|togs|tog|upp|uppe|stod|fanns|hade|items?|matters?|issues?|topics?|points?"
    r"|business|discuss\w*|deal\w*|dealt|covered?|taken|take|considered?|list|lista)\b"
    # What any body is called, in a question that names its own in other words ("the board",
    # "the social committee"): the body is chosen elsewhere, it is no topic.
    r"|\b(?:board|committee|council|group|assembly|team|body|styrelse\w*|namnd\w*|rad|radet"
    r"|grupp\w*|utskott\w*|beredning\w*|fullmaktige)\b"
)


def _asks_agenda(parsed: Parsed) -> bool:
    """Whether the question asks for a meeting's agenda and nothing narrower: with a topic
    ("Vad diskuterades om F-ACT?") it is a question for the passages."""
    rest = fold((parsed.rest or "").lower())
    # "Vad beslutades om dagordningen?" asks for a decision about the agenda, not for it.
    if not _RX_AGENDA.search(rest) or re.search(r"\bbeslut\w*|\bdecid\w*|\bdecision", rest):
        return False
    left = _RX_MEETING_WORD.sub(" ", _RX_AGENDA_FRAME.sub(" ", _RX_AGENDA.sub(" ", rest)))
    return not query_words(left)


async def _agenda(ctx: CommandContext, parsed: Parsed, visible: Visible) -> Answer | None:
    """The items of the meetings asked about (the question's body and dates; else the newest),
    in their order: "§ 108 Hemtjänst i egen regi". A sekretess § shows only where the asker
    may see sekretess. None when those meetings hold no items."""
    # Without dates, the newest meeting ("Vad togs upp på senaste mötet?"); with them, the
    # meetings they hold, newest first.
    meetings = await _meetings(ctx, parsed, visible, 3 if parsed.dated else 1)
    if not meetings:
        return None
    rows = (
        await ctx.session.scalars(
            select(Item)
            .where(Item.meeting_id.in_([m.id for m in meetings]))
            .order_by(Item.meeting_id, Item.position, Item.id)
        )
    ).all()
    by_meeting: dict[int, list[Item]] = {}
    for item in rows:
        if item.confidential and item.body_id not in visible.confidential:
            continue
        if (item.title or "").strip():
            by_meeting.setdefault(item.meeting_id, []).append(item)
    hits: list[Hit] = []
    lines: list[str] = []
    for m in meetings:
        items = by_meeting.get(m.id)
        if not items:
            continue
        body = visible.bodies[m.body_id]
        listed = [" ".join(x for x in (_label(i, body), i.title.strip()) if x) for i in items]
        hit = Hit(
            body.name,
            m.date.isoformat(),
            None,
            ctx.t("Ärenden", "Items"),
            "; ".join(listed),
            m.id,
            "meeting",
            date_stated=m.date_stated is not False,
        )
        hits.append(hit)
        lines += ["", f"**{body.name} · {hit.shown_date(ctx)}**", *(f"- {x}" for x in listed)]
    if not hits:
        return None
    title = ctx.t(
        f"**Ärenden{_where(parsed, ctx)}**", f"**Items on the agenda{_where(parsed, ctx)}**"
    )
    return Answer("\n".join([title, *lines]), hits, len(hits))


_RX_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentences_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence holding [start, end) and the sentences before it that fit in `limit`
    characters: "… arbeta enligt F-ACT för den yngre målgruppen. … Vid nästa styrgruppsmöte
    kan denna fråga tas upp" says what "denna fråga" is."""
    bounds = [0] + [m.end() for m in _RX_SENTENCE_END.finditer(text)] + [len(text)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b >= end), default=len(text))
    if last - first > limit:
        return people.window(text, start, end)
    while True:
        earlier = [b for b in bounds if b < first]
        if not earlier or last - earlier[-1] > limit:
            break
        first = earlier[-1]
    return text[first:last].strip()


async def _about_next(ctx: CommandContext, parsed: Parsed, visible: Visible) -> Answer | None:
    """What each body's newest minutes say of their next meeting, as written ("Vid nästa
    styrgruppsmöte kan denna fråga tas upp", "På nästa träff är en dialog om rådets
    arbetssätt på agendan", "avrapporterar till nästa möte"): the answer to "Vad ska tas upp
    på nästa möte?", "What should we have done by the next meeting?" — a question about the
    next meeting that asks what, not when. Each mention once, with the sentences before it
    that fit; None when the minutes say nothing of it."""
    body_ids = parsed.body_ids or list(visible.bodies)
    newest = await _newest_per_body(ctx, parsed, body_ids)
    if not newest:
        return None
    order = {m.id: n for n, m in enumerate(newest)}
    rows = sorted(
        await _meetings_text(ctx, visible, newest),
        key=lambda r: (order.get(r.meeting_id, len(order)), r.id),
    )
    hits: list[Hit] = []
    seen: set[str] = set()
    for row, text, folded in people.readable(rows, ("narvaro", "motesfakta")):
        for m in _RX_NEXT_IN_TEXT.finditer(folded):
            said = _sentences_around(text, m.start(), m.end())
            if any(said in s for s in seen):  # the same mention, or one inside another's
                continue
            seen.add(said)
            hits.append(_text_hit(ctx, people.TextFind(row, said, 0, False), visible))
        if len(hits) >= 5:
            break
    hits = hits[:5]
    if not hits:
        return None
    return _answer(
        ctx,
        ctx.t(
            f"**Om nästa möte{_where(parsed, ctx)}, ur de senaste protokollen**",
            f"**About the next meeting{_where(parsed, ctx)}, from the latest minutes**",
        ),
        hits,
    )


async def _next_meeting(
    ctx: CommandContext, question: str, parsed: Parsed, visible: Visible
) -> Answer:
    today = ctx.turn.today
    body_ids = parsed.body_ids or list(visible.bodies)
    session = ctx.session
    # Planned meetings from today on, and each body's latest word on its next meeting: two
    # queries for all bodies.
    first_planned = (
        select(Meeting.body_id, func.min(Meeting.date).label("d"))
        .where(
            Meeting.tenant_id == ctx.turn.tenant_id,
            Meeting.body_id.in_(body_ids or [-1]),
            Meeting.date >= today,
            # An imported meeting is a past record (dated the import day when its date was
            # not found), never a planned one.
            Meeting.source != "import",
        )
        .group_by(Meeting.body_id)
        .subquery()
    )
    planned_rows = (
        await session.scalars(
            select(Meeting)
            .join(
                first_planned,
                (first_planned.c.body_id == Meeting.body_id) & (first_planned.c.d == Meeting.date),
            )
            .order_by(Meeting.date, Meeting.id)
        )
    ).all()
    last_stated = (
        select(Meeting.body_id, func.max(Meeting.date).label("d"))
        .where(
            Meeting.tenant_id == ctx.turn.tenant_id,
            Meeting.body_id.in_(body_ids or [-1]),
            Meeting.date <= today,
            Meeting.next_meeting_date.is_not(None) | Meeting.next_meeting_text.is_not(None),
        )
        .group_by(Meeting.body_id)
        .subquery()
    )
    stated_rows = (
        await session.scalars(
            select(Meeting)
            .join(
                last_stated,
                (last_stated.c.body_id == Meeting.body_id) & (last_stated.c.d == Meeting.date),
            )
            .where(Meeting.next_meeting_date.is_not(None) | Meeting.next_meeting_text.is_not(None))
            .order_by(Meeting.id.desc())
        )
    ).all()
    planned_of: dict[int, Meeting] = {}
    for m in planned_rows:
        planned_of.setdefault(m.body_id, m)
    plan_of = await _planned(ctx, body_ids)
    stated_of: dict[int, Meeting] = {}
    asked_kind = _meeting_kind(_prepare(question)[1])
    for m in stated_rows:
        # A board meeting's word on the next board meeting is no answer about the next
        # general meeting.
        if not _other_kind(asked_kind, m):
            stated_of.setdefault(m.body_id, m)
    hits: list[Hit] = []
    past: list[Hit] = []
    for body_id in body_ids:
        body = visible.bodies[body_id]
        planned = planned_of.get(body_id)
        latest = stated_of.get(body_id)
        candidates: list[tuple[dt.date, Hit]] = []
        if planned is not None:
            candidates.append(
                (
                    planned.date,
                    Hit(
                        body.name,
                        planned.date.isoformat(),
                        None,
                        planned.title or ctx.t("Planerat möte", "Planned meeting"),
                        (planned.place or "").strip()
                        or ctx.t("Inlagt i registret.", "In the record."),
                        planned.id,
                        "meeting",
                    ),
                )
            )
        plan = plan_of.get(body_id)
        if plan is not None:
            candidates.append((plan[0], Hit(body.name, plan[0].isoformat(), None, *plan[1:])))
        if latest is not None and latest.next_meeting_date and latest.next_meeting_date >= today:
            candidates.append(
                (
                    latest.next_meeting_date,
                    Hit(
                        body.name,
                        latest.next_meeting_date.isoformat(),
                        None,
                        ctx.t("Nästa möte", "Next meeting"),
                        _clip(latest.next_meeting_text or "", 300)
                        or ctx.t(
                            f"Enligt mötet {latest.date.isoformat()}.",
                            f"According to the meeting of {latest.date.isoformat()}.",
                        ),
                        latest.id,
                        "meeting",
                    ),
                )
            )
        if candidates:
            candidates.sort(key=lambda c: c[0])
            hits.append(candidates[0][1])
        elif latest is not None:
            when = latest.next_meeting_date.isoformat() if latest.next_meeting_date else ""
            past.append(
                Hit(
                    body.name,
                    when or latest.date.isoformat(),
                    None,
                    ctx.t(
                        "Senast angivna nästa möte (passerat)", "Last stated next meeting (past)"
                    ),
                    ctx.t(
                        f"{_clip(latest.next_meeting_text or '', 300)} (angivet vid mötet {latest.date.isoformat()})",
                        f"{_clip(latest.next_meeting_text or '', 300)} (stated at the meeting of {latest.date.isoformat()})",
                    ).strip(),
                    latest.id,
                    "meeting",
                )
            )
    # Without a body the record can tell, the bodies whose names share the question's word
    # stems first ("regional council" before "Regionrådet"'s neighbours), then the newest.
    near = _name_nearness(question, visible) if not parsed.body_ids else {}
    past.sort(key=lambda h: (near.get(h.body, 0), h.date), reverse=True)
    past = past[:MAX_BODIES_LISTED]
    if not hits:
        # What the latest minutes say of the next meeting in their own words, where the record
        # kept no date for it ("Styrelsen har preliminärt bokat in 31:a 10:00 för nästa möte").
        stated = {h.meeting_id for h in past}
        if not parsed.body_ids and len(visible.bodies) > 1:
            # No body named (or named in words the record keeps otherwise, as an English
            # question does): each body's newest minutes, not the three newest of the tenant,
            # which may all be another body's.
            each = await _newest_per_body(ctx, parsed, body_ids)
            recent = [m for m in each if m.id not in stated][:MAX_BODIES_LISTED]
        else:
            recent = [m for m in await _meetings(ctx, parsed, visible, 3) if m.id not in stated]
        if recent:
            rows = await _meetings_text(ctx, visible, recent)
            found = people.find_in_text(
                rows, _RX_NEXT_IN_TEXT, skip_kinds=("narvaro", "motesfakta"), near=_RX_DIGIT
            )
            if not found:
                # A heading of its own in the body's newest minutes says it, dated or not
                # ("Nästa möte" over "Samma tid nästa vecka."); an older meeting's word on its
                # own next meeting is no answer once a newer meeting is in the record.
                newest: dict[int, int] = {}
                for m in sorted(recent, key=lambda m: (m.date, m.id), reverse=True):
                    newest.setdefault(m.body_id, m.id)
                found = people.find_in_text(
                    [r for r in rows if r.meeting_id in newest.values()],
                    _RX_NEXT_HEADING,
                    skip_kinds=("narvaro", "motesfakta"),
                    title_says_all=True,
                )
            firsts: dict[int, people.TextFind] = {}
            for f in found:
                firsts.setdefault(f.row.meeting_id, f)
            past += [_text_hit(ctx, f, visible) for f in firsts.values()]
    hits.sort(key=lambda h: h.date)
    hits = hits[:MAX_BODIES_LISTED]
    if hits:
        return _answer(
            ctx,
            ctx.t(f"**Nästa möte{_where(parsed, ctx)}**", f"**Next meeting{_where(parsed, ctx)}**"),
            hits,
        )
    if past:
        answer = _answer(
            ctx,
            ctx.t(
                f"**Inget kommande möte är inlagt{_where(parsed, ctx)}.** Senast angivet:",
                f"**No upcoming meeting is in the record{_where(parsed, ctx)}.** Last stated:",
            ),
            past,
        )
        return answer
    sv = f"Inget kommande möte är inlagt{_where(parsed, ctx)} för de organ du kan se."
    en = f"No upcoming meeting is in the record{_where(parsed, ctx)} for the bodies you can see."
    # Where the record leaves off, so the asker knows how old it is (a notice imported for a
    # meeting long past is its newest meeting). A meeting whose date the import did not find
    # stands at the import's day: not it.
    held = await _newest_per_body(ctx, parsed, body_ids, dated_only=True)
    one_body = len(body_ids) == 1
    if held and one_body:
        day = held[0].date
        where = (held[0].place or "").strip()
        place = f", {where}" if where else ""
        sv += f" Senaste mötet i registret: {long_date(day)} ({day.isoformat()}){place}."
        en += (
            f" The latest meeting in the record: {day.day} "
            f"{calendar.month_name[day.month]} {day.year} ({day.isoformat()}){place}."
        )
    elif held:
        # Several bodies and none named (or a name the question gives in other words, as an
        # English question does for a Swedish body): each body's newest meeting, the nearest
        # names first, then the newest.
        near = _name_nearness(question, visible)
        listed = sorted(
            held,
            key=lambda m: (near.get(visible.bodies[m.body_id].name, 0), m.date),
            reverse=True,
        )[:MAX_BODIES_LISTED]
        sv += (
            " Senaste mötena i registret: "
            + "; ".join(
                f"{visible.bodies[m.body_id].name} {long_date(m.date)} ({m.date.isoformat()})"
                for m in listed
            )
            + "."
        )
        en += (
            " The latest meetings in the record: "
            + "; ".join(
                f"{visible.bodies[m.body_id].name} {m.date.day} {calendar.month_name[m.date.month]} "
                f"{m.date.year} ({m.date.isoformat()})"
                for m in listed
            )
            + "."
        )
    return _none(ctx, sv, en)


# Kinds of meeting a question and a meeting's title may name (folded): an association's general
# meeting and its board's meeting are different meetings of the same body.
_MEETING_KINDS = {
    "general": re.compile(
        r"\b(?:arsmot\w*|hostmot\w*|varmot\w*|medlemsmot\w*|(?:extra\s+)?stamm\w*|foreningsstamm\w*"
        r"|general\s+meeting|agm|annual\s+(?:general\s+)?meeting|autumn\s+meeting|spring\s+meeting)\b"
    ),
    "board": re.compile(r"\b(?:styrelsemot\w*|styrelsesammantrade\w*|board\s+meeting)\b"),
}


def _meeting_kind(text: str) -> str | None:
    """The kind of meeting a folded text names, when it names exactly one."""
    kinds = [k for k, rx in _MEETING_KINDS.items() if rx.search(text)]
    return kinds[0] if len(kinds) == 1 else None


def _other_kind(asked: str | None, meeting: Any) -> bool:
    """Whether the meeting's title names another kind of meeting than the question asks for."""
    if asked is None:
        return False
    own = _meeting_kind(fold((getattr(meeting, "title", None) or "").lower()))
    return own is not None and own != asked


def _name_nearness(question: str, visible: Visible) -> dict[str, int]:
    """How many of the question's longer words begin like a word of each body's name (their
    first five letters, folded): a name given in other words or another language still shares
    its stems ("regional" / "Regionrådet", "pensioners" / "pensionärsorganisationer",
    "social" / "Socialberedningen"). It orders the bodies of a next-meeting answer, and chooses
    a body only where one name alone shares the most (_asked_meetings)."""
    words = {w[:5] for w in name_key(question).split() if len(w) >= 5}
    out: dict[str, int] = {}
    for body in visible.bodies.values():
        stems = {t[:5] for t in name_key(body.name).split() if len(t) >= 5}
        out[body.name] = len(words & stems)
    return out


async def _newest_per_body(
    ctx: CommandContext, parsed: Parsed, body_ids: Sequence[int], *, dated_only: bool = False
) -> list[Meeting]:
    """Each body's newest meeting held (an imported one counts though it stands at its import
    day; with dated_only, only meetings whose minutes gave their date), newest first: one
    grouped query, whatever the bodies' meetings number."""
    held = [
        Meeting.tenant_id == ctx.turn.tenant_id,
        Meeting.body_id.in_(list(body_ids) or [-1]),
        (Meeting.date <= ctx.turn.today) | (Meeting.source == "import"),
    ]
    if dated_only:
        held.append(Meeting.date_stated.is_(True))
    newest = (
        _in_dates(select(Meeting.body_id, func.max(Meeting.date).label("d")).where(*held), parsed)
        .group_by(Meeting.body_id)
        .subquery()
    )
    rows = await ctx.session.scalars(
        select(Meeting)
        .join(newest, (newest.c.body_id == Meeting.body_id) & (newest.c.d == Meeting.date))
        .where(*held)
        .order_by(Meeting.date.desc(), Meeting.id.desc())
    )
    out: dict[int, Meeting] = {}
    for m in rows:
        out.setdefault(m.body_id, m)
    return list(out.values())


async def _planned(ctx: CommandContext, body_ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """Each body's next meeting on its plan (`mötesplan`, `nästa möte`; storage.rhythm), as
    (date, title, text, meeting id, kind) of a hit: time and place as written."""
    from dialogs.context import STOCKHOLM
    from storage.rhythm import PlannedMeeting

    rows = (
        await ctx.session.scalars(
            select(PlannedMeeting)
            .where(
                PlannedMeeting.tenant_id == ctx.turn.tenant_id,
                PlannedMeeting.body_id.in_(list(body_ids) or [-1]),
                PlannedMeeting.status == "planned",
                PlannedMeeting.starts_at > ctx.turn.now,
            )
            .order_by(PlannedMeeting.starts_at, PlannedMeeting.id)
            .limit(500)
        )
    ).all()
    out: dict[int, tuple[Any, ...]] = {}
    for plan in rows:
        if plan.body_id in out:
            continue
        start = plan.starts_at
        start = (start if start.tzinfo else start.replace(tzinfo=dt.UTC)).astimezone(STOCKHOLM)
        when = start.strftime("%H:%M")
        if plan.ends_at is not None:
            end = plan.ends_at if plan.ends_at.tzinfo else plan.ends_at.replace(tzinfo=dt.UTC)
            when += "–" + end.astimezone(STOCKHOLM).strftime("%H:%M")
        text = f"{start.date().isoformat()} {ctx.t('kl.', 'at')} {when}"
        if plan.place:
            text += f", {plan.place.strip()}"
        out[plan.body_id] = (
            start.date(),
            ctx.t("Enligt mötesplanen", "On the meeting plan"),
            text,
            plan.meeting_id or 0,
            "meeting",
        )
    return out


# --- the chat side -----------------------------------------------------------------------------


# Marks, beside the question's language in ask_state, that its first page came from the passages.
_FROM_PASSAGES = ":p"


def _speaker_key(ctx: CommandContext) -> str:
    sp = ctx.turn.speaker
    return f"{sp.provider}:{sp.subject}" if sp else "-"


async def answer_question(ctx: CommandContext, text: str) -> None:
    """Answer a question in the chat (the router set ctx.lang from the question)."""
    answer = await ask(ctx, text)
    ctx.replies.append(Reply(text=answer.text))
    if answer.pageable:
        await search.remember_question(
            ctx.session,
            ctx.turn.tenant_id,
            ctx.turn.binding_id,
            _speaker_key(ctx),
            text,
            ctx.lang + (_FROM_PASSAGES if answer.plan.startswith("passages") else ""),
            answer.offset + len(answer.hits),
        )


@command(
    "fler",
    "visa fler",
    "mer",
    en=("more", "show more"),
    group="Frågor",
    help_en="More answers to your last question",
)
async def cmd_more(ctx: CommandContext, arg: str) -> None:
    """Fler svar på din senaste fråga"""
    last = await search.last_question(
        ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id, _speaker_key(ctx)
    )
    if last is None:
        ctx.say(
            "Det finns ingen tidigare fråga att visa fler svar på. Fråga t.ex. `vad beslutades om F-ACT?`",
            "There is no earlier question to show more of. Ask e.g. `what was decided about FACT?`",
        )
        return
    # The reply follows the language of `more`/`fler`, the message that caused it.
    question, lang, shown = last
    answer = await ask(ctx, question, offset=shown, from_passages=lang.endswith(_FROM_PASSAGES))
    ctx.replies.append(Reply(text=answer.text))
    if answer.hits:
        await search.remember_question(
            ctx.session,
            ctx.turn.tenant_id,
            ctx.turn.binding_id,
            _speaker_key(ctx),
            question,
            lang,
            shown + len(answer.hits),
        )


__all__ = ["Answer", "Hit", "answer_question", "ask", "parse_question", "visible_scope"]
