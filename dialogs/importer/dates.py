"""Swedish dates and times as minutes write them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_END = r"(?![\d]|[.,:/-]\d)"
_START = r"(?<![\d.,:/-])"
# "2016 08 27", "2012.06.12", "2012/06/12", "20160827": a four-digit year first (real_08).
_YEAR_FIRST = re.compile(_START + r"(\d{4})(?:([ ./])(\d{2})\2(\d{2})|(\d{2})(\d{2}))" + _END)
# "12/6 2012", "12/6-2012", "12/6/2012": day and month with a slash, then the year.
_SLASH = re.compile(_START + r"(\d{1,2})/(\d{1,2})(?:/|-|\s|,\s?)(\d{4})" + _END)
# "19/7 -20", "19/7-20": day and month with a slash, then a dash and a two-digit year (a board's
# notes, real/complete 403). The dash is required: "19/7 20" could be a date and a number.
_SLASH_TWO_DIGIT = re.compile(_START + r"(\d{1,2})/(\d{1,2})[ \t]?[-–][ \t]?(\d{2})" + _END)
# "12.06.2012", "12-06-2012": the day first, a four-digit year.
_DAY_FIRST = re.compile(_START + r"(\d{1,2})([.-])(\d{1,2})\2(\d{4})" + _END)
# Three groups of two digits, "24-10-21" (corpus 06), "04.04.21" (real_03), "12.6.12", or six
# digits, "180414" (real_05): yy-mm-dd or dd-mm-yy, see _two_digit_date.
_TWO_DIGIT = re.compile(
    _START + r"(?:(\d{1,2})([.-])(\d{1,2})\2(\d{2})|(\d{2})(\d{2})(\d{2}))" + _END
)
# "18 05 02" (real/items 253): three groups of two digits with spaces, only as a line of its
# own or after the meeting's word ("Skypemöte 18 05 02 kl. 10-11"); elsewhere spaced numbers
# are paragraph or page numbers run together by a conversion.
_SPACED_TWO_DIGIT = re.compile(
    r"(?im)(?:^[ \t]*|(?<=möte[ \t]))(\d{2}) (\d{2}) (\d{2})(?=[ \t]*$|[ \t]+kl\b)"
)
# "12 juni 2012", "den 12:e juni", a range "26-27 januari 2002", "22-23 sep 2015" (real_21):
# a range is its first day.
_LONG = re.compile(
    r"(?<![\w])(\d{1,2})(?::[ae])?(?:\s*[-–]\s*\d{1,2}(?::[ae])?)?\.?\s+("
    + _MONTH_ALT
    + r")\.?(?:\s+(\d{4}))?(?![\w])",
    re.IGNORECASE,
)
WEEKDAY_STEMS = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
_WEEKDAY = re.compile(
    rf"(?:(?:{'|'.join(WEEKDAY_STEMS)})dag(?:en)?\s+(?:den\s+)?)",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass
class DateMatch:
    date: dt.date
    start: int
    end: int
    has_year: bool


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_year() -> int:
    return dt.date.today().year + 1


def _plausible(date: dt.date | None, earliest: int = 1900) -> dt.date | None:
    return date if date and earliest <= date.year <= _latest_year() else None


def _century(yy: int) -> int:
    year = 2000 + yy
    return year if year <= _latest_year() else 1900 + yy


def _two_digit_date(
    first: str, month: str, last: str, context_years: Sequence[int] = ()
) -> dt.date | None:
    """ "04.04.21": 2004-04-21 (yy-mm-dd, Swedish numeric order, as six-digit "yymmdd") or
    2021-04-04 (dd-mm-yy, as dotted dates are also written). A reading must be a valid date
    between 1990 and next year; when both are, the one whose year lies nearest the years the
    document states wins, else year first."""
    readings: list[dt.date] = []
    if len(first) == 2:
        year_first = _plausible(_make(_century(int(first)), int(month), int(last)), 1990)
        if year_first:
            readings.append(year_first)
    day_first = _plausible(_make(_century(int(last)), int(month), int(first)), 1990)
    if day_first and day_first not in readings:
        readings.append(day_first)
    if len(readings) == 2 and context_years:
        return min(readings, key=lambda d: min(abs(d.year - y) for y in context_years))
    return readings[0] if readings else None


def years_in(text: str) -> list[int]:
    """The four-digit years a text states (dates, "år 2005", "budget 2018"): the context that
    resolves a two-digit year and gives a date without a year its year."""
    latest = _latest_year()
    return [int(y) for y in _BARE_YEAR.findall(text) if 1900 <= int(y) <= latest]


def find_dates(
    text: str, reference: dt.date | None = None, context_years: Sequence[int] = ()
) -> list[DateMatch]:
    """All dates in text, in order. A date without a year ("6 maj") takes reference's year, or
    the next year when that would put it before the reference (next meeting in January); with
    no reference, the year the context states most often."""
    found: list[DateMatch] = []

    def add(date: dt.date | None, m: re.Match[str], has_year: bool = True) -> None:
        if date and not any(d.start < m.end() and m.start() < d.end for d in found):
            found.append(DateMatch(date, m.start(), m.end(), has_year))

    for m in _ISO.finditer(text):
        iso = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        add(iso if iso and 1900 <= iso.year <= 2200 else None, m)
    for m in _YEAR_FIRST.finditer(text):
        month, day = (m.group(3), m.group(4)) if m.group(2) else (m.group(5), m.group(6))
        add(_plausible(_make(int(m.group(1)), int(month), int(day))), m)
    for m in _SLASH.finditer(text):
        add(_plausible(_make(int(m.group(3)), int(m.group(2)), int(m.group(1)))), m)
    for m in _SLASH_TWO_DIGIT.finditer(text):
        date = _make(_century(int(m.group(3))), int(m.group(2)), int(m.group(1)))
        add(_plausible(date, 1990), m)
    for m in _DAY_FIRST.finditer(text):
        add(_plausible(_make(int(m.group(4)), int(m.group(3)), int(m.group(1)))), m)
    for m in _TWO_DIGIT.finditer(text):
        if m.group(2):
            add(_two_digit_date(m.group(1), m.group(3), m.group(4), context_years), m)
        else:
            add(_two_digit_date(m.group(5), m.group(6), m.group(7), context_years), m)
    for m in _SPACED_TWO_DIGIT.finditer(text):
        add(_two_digit_date(m.group(1), m.group(2), m.group(3), context_years), m)
    if reference is None and context_years:
        year = Counter(context_years).most_common(1)[0][0]
        reference = dt.date(year, 1, 1)
    for m in _LONG.finditer(text):
        day = int(m.group(1))
        month = MONTHS[m.group(2).lower()]
        if m.group(3):
            add(_make(int(m.group(3)), month, day), m)
        elif reference is not None:
            date = _make(reference.year, month, day)
            if date and date < reference:
                date = _make(reference.year + 1, month, day)
            add(date, m, has_year=False)
    found.sort(key=lambda d: d.start)
    return found


def date_in_filename(name: str) -> dt.date | None:
    """ "19_vgr-regionstyrelsen-2019-03-26.txt", "protokoll_20190326.docx",
    "protokoll_190326.docx" → the date."""
    stem = re.sub(r"\.\w{1,5}$", "", name)
    for m in re.finditer(r"(?<!\d)(\d{4})[-_. ]?(\d{2})[-_. ]?(\d{2})(?!\d)", stem):
        date = _plausible(_make(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        if date:
            return date
    for m in re.finditer(r"(?<!\d)(\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)", stem):
        date = _two_digit_date(m.group(1), m.group(2), m.group(3))
        if date:
            return date
    return None


def find_date(
    text: str, reference: dt.date | None = None, context_years: Sequence[int] = ()
) -> DateMatch | None:
    dates = find_dates(text, reference, context_years)
    return dates[0] if dates else None


# Words before a date that make it some other day than the meeting's: the justering, the notice
# on the board, the next meeting, a deadline, the day the text was printed or written
# (docplayer.se transcripts of kommunstyrelse protocols: "Justeringens plats och tid …",
# "Anslaget uppsatt den …"; test_dates_real).
_NOT_MEETING = re.compile(
    r"(?i)\b(?:juster\w*|anslag\w*|tillkännag\w*|nästa\s+\w*(?:möte|sammanträde|träff)\w*|"
    r"kommande\s+\w*(?:möte|sammanträde)\w*|senast|deadline|sista\s+(?:dag|datum)\w*|"
    r"utskri\w*|upprätta\w*|uppdatera\w*|skickad\w*|utsänd\w*|inkom\w*|diarie\w*|"
    r"ska\s+vara\s+inne|lämnas\s+(?:in\s+)?(?:till|före))\b"
)
# Labels that name the meeting's day ("Datum:", "Sammanträdesdatum", "Tid och plats",
# "Plats och tid", "Dag"), with a weekday between label and date.
_MEETING_LABEL = re.compile(
    r"(?i)\b(?:datum|sammanträdesdatum|sammanträdesdag|mötesdatum|mötesdag|dag|tid|"
    r"tid\s+och\s+plats|plats\s+och\s+tid)\s*:?\s*(?:[^\W\d]+dag(?:en)?\s+)?(?:den\s+)?$"
)
_KIND_WORD = re.compile(r"(?i)protokoll|anteckning|\w*(?:möte|sammanträde)(?:t|s)?\b")


# The words just before a date that make it the day a meeting was held, anywhere in a text:
# "Styrelsemötet 230412", "nämndens sammanträde 2018-04-12", "protokollet från mötet den 3 maj
# 2022", "Hälso- och sjukvårdsnämnden beslutade 12 april 2018 att:" (real/items 37, 135) — and
# not another meeting than this one ("ett extra möte 230508", "nästa möte", "föregående möte").
_HELD_CUE = re.compile(
    r"(?i)(?:\w*(?:möte|sammanträde)(?:t|s)?|protokoll(?:et)?\s+(?:från|fört\s+vid)\s+\S+(?:\s+\S+)?"
    r"|beslutade|beslöt|beslutades|hölls|sammanträdde)"
    r"(?:\s+(?:den|på|i|vid))?\s*:?\s*(?:[^\W\d]+dag(?:en)?\s+)?(?:den\s+)?$"
)
_OTHER_MEETING = re.compile(
    r"(?i)\b(?:extra|nytt|ytterligare|följande|efterföljande|nästkommande|tidigare|förra|"
    r"föregående|senaste|kommande|nästa)\s+\w*(?:möte|sammanträde)\w*\s*$"
)


def excluded_before(before: str) -> bool:
    """Whether the words just before a date ("Justeringen gjordes ", "Nästa möte: ") say it is
    not the meeting's day. Only the clause the date is in counts: a label in between ("Datum:")
    starts a new one."""
    clause = re.split(
        r"[.;!?]\s|\n|\b(?=(?:datum|tid|plats)\s*:|(?:sammanträdes|mötes)dat)",
        before[-90:],
        flags=re.I,
    )[-1]
    return bool(_NOT_MEETING.search(clause))


def meeting_date_in(
    text: str,
    context_years: Sequence[int] = (),
    *,
    labelled_only: bool = False,
    kind_only: bool = False,
) -> DateMatch | None:
    """The meeting's date in a header's text: a date after a label that names the meeting's
    day first, then one on a line that names the minutes or the meeting, then the first other
    date; never one after a justering, anslag, next-meeting or deadline cue. For text the
    header lines did not read, flattened PDF pages among them (real_23). `labelled_only`: only a
    date after such a label; `kind_only`: only one after a label or on a line that names the
    minutes or the meeting before it."""
    best: tuple[int, int, DateMatch] | None = None
    for found in find_dates(text, None, context_years):
        before = text[: found.start]
        line = before[before.rfind("\n") + 1 :]
        if excluded_before(before) or _OTHER_MEETING.search(line[-80:]):
            continue
        if _MEETING_LABEL.search(line[-45:]):
            rank = 0
        elif labelled_only:
            continue
        elif _KIND_WORD.search(line):
            rank = 1
        elif kind_only:
            continue
        else:
            rank = 2
        if best is None or (rank, found.start) < best[:2]:
            best = (rank, found.start, found)
    return best[2] if best else None


def meeting_date_in_text(text: str, context_years: Sequence[int] = ()) -> DateMatch | None:
    """The meeting's date where no header gave it: a date with a year right after words that
    say a meeting was held on it (a meeting noun, "beslutade", "protokollet från …"), anywhere
    in the text; the day most such dates name (the first of equals). None when there is none."""
    seen: list[DateMatch] = []
    for found in find_dates(text, None, context_years):
        if not found.has_year:
            continue
        before = text[max(0, found.start - 80) : found.start]
        before = before[before.rfind("\n") + 1 :]
        if excluded_before(before) or _OTHER_MEETING.search(before):
            continue
        if _HELD_CUE.search(before):
            seen.append(found)
    if not seen:
        return None
    count = Counter(d.date for d in seen)
    top = max(count.values())
    return next(d for d in seen if count[d.date] == top)


_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE = re.compile(
    r"(?P<kl>\bkl(?:ockan)?\.?\s*)?(?<![\d.:])"
    + _CLOCK
    + r"\s*(?:-|–|—|till)\s*(?:kl(?:ockan)?\.?\s*)?"
    + _CLOCK
    + r"(?![\d.:]\d)",
    re.IGNORECASE,
)
_SINGLE_TIME = re.compile(r"\bkl(?:ockan)?\.?\s*" + _CLOCK + r"(?![\d])", re.IGNORECASE)
# "kl 0900-1530": hours and minutes written as four digits (real/complete 375).
_FOUR_DIGIT_RANGE = re.compile(
    r"\bkl(?:ockan)?\.?\s*([01]\d|2[0-3])([0-5]\d)\s*(?:-|–|—|till)\s*([01]\d|2[0-3])([0-5]\d)\b",
    re.IGNORECASE,
)
# "Tid: 20230118 9.0010.00": a range whose dash the flattening lost, after a "Tid:" label
# (real/complete 370).
_GLUED_RANGE = re.compile(r"(?<![\d.:])(\d{1,2})[.:](\d{2})(\d{1,2})[.:](\d{2})(?![\d])")
# "14:30" after a "Tid:" label, with no "kl" (corpus 07).
_BARE_CLOCK = re.compile(r"(?<![\d.:/-])(\d{1,2})[.:](\d{2})(?![\d]|[.:/-]\d)")


@dataclass
class TimeMatch:
    start_time: dt.time | None
    end_time: dt.time | None
    start: int
    end: int


def _time(hour: str | None, minute: str | None) -> dt.time | None:
    if hour is None:
        return None
    h, m = int(hour), int(minute or 0)
    if 0 <= h <= 23 and 0 <= m <= 59:
        return dt.time(h, m)
    return None


def find_time(text: str, labelled: bool = False) -> TimeMatch | None:
    """A meeting's time: "kl. 13.00 – 15.30", "13.00-15.00", "kl 9-12" or "kl. 13.00"; after a
    "Tid:" label (labelled) also a bare "14:30".

    A bare "1–10" is not a time: a range needs "kl" or minutes on both ends. Blank out a date
    first: "12.06" in "12.06.2012" reads as a clock.
    """
    for m in _TIME_RANGE.finditer(text):
        has_minutes = m.group(3) is not None and m.group(5) is not None
        if not (m.group("kl") or has_minutes):
            continue
        start, end = _time(m.group(2), m.group(3)), _time(m.group(4), m.group(5))
        if start and end:
            return TimeMatch(start, end, m.start(), m.end())
    for m in _FOUR_DIGIT_RANGE.finditer(text):
        start, end = _time(m.group(1), m.group(2)), _time(m.group(3), m.group(4))
        if start and end and start < end:
            return TimeMatch(start, end, m.start(), m.end())
    for m in _SINGLE_TIME.finditer(text):
        start = _time(m.group(1), m.group(2))
        if start:
            return TimeMatch(start, None, m.start(), m.end())
    if labelled:
        for m in _GLUED_RANGE.finditer(text):
            start, end = _time(m.group(1), m.group(2)), _time(m.group(3), m.group(4))
            if start and end and start < end:
                return TimeMatch(start, end, m.start(), m.end())
        for m in _BARE_CLOCK.finditer(text):
            start = _time(m.group(1), m.group(2))
            if start:
                return TimeMatch(start, None, m.start(), m.end())
    return None


# A sentence saying when the meeting was opened or closed: "Mötet förklaras öppnat 19:54",
# "Ordföranden förklarade mötet avslutat kl. 20.36", "Mötet avslutades 12:49", "Sammanträdet
# stängdes 16.05". Swedish protocol phrasing of the first and last § (corpus 01, 03, 04, 08).
_OPENED = re.compile(r"\b(?:öppna(?:t|de|des|s|r)?|förklara\w*\s+(?:\w+\s+){0,2}öppnat)\b", re.I)
_CLOSED = re.compile(
    r"\b(?:avsluta(?:t|de|des|s|r)?|stängdes|stängt|stänger|slutade|förklara\w*\s+(?:\w+\s+){0,2}"
    r"avslutat)\b",
    re.I,
)
_MEETING_NOUN = re.compile(r"\b(?:möte\w*|sammanträde\w*|stämma\w*|årsmöte\w*)\b", re.I)


def opened_closed(text: str) -> tuple[dt.time | None, dt.time | None]:
    """When a meeting's text says it was opened and closed: the clock in the same sentence as
    "öppnades"/"förklaras öppnat" or "avslutades"/"förklarades avslutat", in a sentence that
    names the meeting (or a short one such as "Mötet öppnas 12:10")."""
    opened = closed = None
    for sentence in re.split(r"(?<=[!?])\s+|\n+|(?<=\.)\s+(?=[A-ZÅÄÖ])", text):
        if len(sentence) > 200 or not _MEETING_NOUN.search(sentence):
            continue
        for verb, which in ((_OPENED, "opened"), (_CLOSED, "closed")):
            m = verb.search(sentence)
            if m is None:
                continue
            # The clock after the verb, near it: "öppnades av NN kl 14:30" (not a planned
            # time before it: "planeras att öppnas 17:00, öppnades #time").
            after = sentence[m.end() : m.end() + 60]
            clock = find_time(after) or find_time(after, labelled=True)
            if clock is None or clock.start_time is None:
                continue
            if which == "opened" and opened is None:
                opened = clock.start_time
            elif which == "closed" and closed is None:
                closed = clock.start_time
    return opened, closed


def strip_weekday(text: str) -> str:
    return _WEEKDAY.sub("", text)
