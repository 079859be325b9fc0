"""Swedish dates as people write them: python-dateutil for the numeric forms, our own words
for the rest ("4 juni", "vecka 25", "t o m 2024-12-31", "till mötet i september", "i höst")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from dialogs.text import fold

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
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    # English, for questions asked in English.
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "oct": 10,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO = re.compile(r"\b((?:19|20)\d{2})[-/. ](\d{1,2})[-/. ](\d{1,2})\b")
COMPACT = re.compile(r"\b((?:19|20)\d{2})(\d{2})(\d{2})\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:e|:e|a)?\s+({_MONTH_RE})\.?(?:\s+((?:19|20)\d{{2}}))?\b")
MONTH_DAY_EN = re.compile(
    rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d{{2}}))?\b"
)
NUMERIC_DM = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:[/-]((?:19|20)?\d{2}))?\b")
WEEK = re.compile(r"\b(?:vecka|v\.?|week)\s*(\d{1,2})(?:\s+((?:19|20)\d{2}))?\b")
MONTH_ONLY = re.compile(rf"\b(?:i|in|under)\s+({_MONTH_RE})(?:\s+((?:19|20)\d{{2}}))?\b")
SEASONS = {
    "var": (5, 31),
    "vår": (5, 31),
    "sommar": (8, 31),
    "host": (11, 30),
    "höst": (11, 30),
    "vinter": (2, 28),
}


@dataclass(frozen=True)
class Due:
    date: dt.date | None
    text: str | None
    understood: bool


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _forward(candidate: dt.date | None, today: dt.date, year_given: bool) -> dt.date | None:
    # "3 september" said in November means next year's, for something due.
    if candidate is not None and not year_given and candidate < today - dt.timedelta(days=31):
        return _safe(candidate.year + 1, candidate.month, candidate.day)
    return candidate


def find_date(
    text: str, today: dt.date, *, future: bool = False
) -> tuple[dt.date, tuple[int, int]] | None:
    """The first date written in the text and where it stands; None if there is none."""
    low = fold(text)
    for rx in (ISO, COMPACT):
        m = rx.search(low)
        if m:
            d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d, m.span()
    m = DAY_MONTH.search(low)
    if m:
        year = int(m.group(3)) if m.group(3) else today.year
        d = _safe(year, MONTHS[m.group(2)], int(m.group(1)))
        if d:
            return (_forward(d, today, bool(m.group(3))) if future else d) or d, m.span()
    m = MONTH_DAY_EN.search(low)
    if m:
        year = int(m.group(3)) if m.group(3) else today.year
        d = _safe(year, MONTHS[m.group(1)], int(m.group(2)))
        if d:
            return (_forward(d, today, bool(m.group(3))) if future else d) or d, m.span()
    m = NUMERIC_DM.search(low)
    if m:
        try:
            d = dateutil_parser.parse(
                m.group(0), dayfirst=True, default=dt.datetime(today.year, 1, 1)
            ).date()
            return d, m.span()
        except (ValueError, OverflowError):
            pass
    for word, delta in (
        ("idag", 0),
        ("i dag", 0),
        ("imorgon", 1),
        ("i morgon", 1),
        ("igar", -1),
        ("i gar", -1),
    ):
        idx = low.find(word)
        if idx >= 0 and (idx == 0 or not low[idx - 1].isalpha()):
            return today + dt.timedelta(days=delta), (idx, idx + len(word))
    return None


def parse_date(text: str, today: dt.date) -> dt.date | None:
    found = find_date(text, today)
    if found:
        return found[0]
    try:
        return dateutil_parser.parse(text, dayfirst=True, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        return None


DUE_PREFIX = re.compile(r"\b(?:t\s*o\s*m|tom|till och med|senast|innan|före|fore|by|until|due)\s*$")


def find_due(
    text: str, today: dt.date, next_meeting: dt.date | None = None
) -> tuple[Due, tuple[int, int] | None]:
    """A due date in an assignment's text, with the span it was read from."""
    low = fold(text)
    m = re.search(
        r"\b(?:till\s+)?(?:nasta|kommande)\s+(?:mote|sammantrade)\b|\bnext meeting\b", low
    )
    if m:
        return Due(next_meeting, text[m.start() : m.end()], True), m.span()
    m = re.search(
        rf"\b(?:till|vid|pa)\s+(?:motet|sammantradet)\s+i\s+({_MONTH_RE})(?:\s+((?:19|20)\d{{2}}))?\b",
        low,
    )
    if m:
        month = MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else today.year
        if not m.group(2) and month < today.month:
            year += 1
        return Due(_month_end(year, month), text[m.start() : m.end()], True), m.span()
    m = WEEK.search(low)
    if m:
        week = int(m.group(1))
        year = int(m.group(2)) if m.group(2) else today.year
        try:
            friday = dt.date.fromisocalendar(year, week, 5)
        except ValueError:
            return Due(None, text[m.start() : m.end()], False), m.span()
        if not m.group(2) and friday < today - dt.timedelta(days=7):
            friday = dt.date.fromisocalendar(year + 1, min(week, 52), 5)
        return Due(friday, text[m.start() : m.end()], True), m.span()
    m = re.search(r"\bi\s+(var|vår|sommar|host|höst|vinter)\b", low)
    if m:
        month, day = SEASONS[m.group(1)]
        year = today.year + (1 if m.group(1) == "vinter" and today.month > 2 else 0)
        d = _safe(year, month, day) or _month_end(year, month)
        if d < today:
            d = _safe(year + 1, month, day) or _month_end(year + 1, month)
        return Due(d, text[m.start() : m.end()], True), m.span()
    found = find_date(text, today, future=True)
    if found:
        date, (start, end) = found
        prefix = DUE_PREFIX.search(low[:start])
        start = prefix.start() if prefix else start
        return Due(date, text[start:end].strip(), True), (start, end)
    m = re.search(r"\b(?:t\s*o\s*m|senast|till och med|by)\s+(\S.*)$", low)
    if m:
        return Due(None, text[m.start() :].strip(), False), m.span()
    return Due(None, None, True), None


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def add_months(d: dt.date, n: int) -> dt.date:
    return d + relativedelta(months=n)


def impossible_date(text: str) -> str | None:
    """A date written in the text that is not in the calendar ("31 februari", "2021-02-30"),
    as written; None when every date in it exists (or there is none)."""
    low = fold(text)
    for rx in (ISO, COMPACT):
        for m in rx.finditer(low):
            month, day = int(m.group(2)), int(m.group(3))
            if 1 <= month <= 12 and 1 <= day <= 31 and _safe(int(m.group(1)), month, day) is None:
                return m.group(0)
            if rx is ISO and (month > 12 or day > 31 or day == 0 or month == 0):
                return m.group(0)
    for m in NUMERIC_DM.finditer(low):
        day, month = int(m.group(1)), int(m.group(2))
        # Only what reads as day/month ("31/2"); "50/50" and "2/3 av medlen" are not dates.
        if 1 <= day <= 31 and 1 <= month <= 12 and _safe(2000, month, day) is None:
            return m.group(0)
    for m in DAY_MONTH.finditer(low):
        # Without a year, 29 februari may be right: judge it in a leap year.
        year = int(m.group(3)) if m.group(3) else 2000
        if _safe(year, MONTHS[m.group(2)], int(m.group(1))) is None:
            return m.group(0)
    return None


def refuse_impossible_date(text: str, form_sv: str, form_en: str) -> None:
    """Raise with the accepted form when the text names a date that does not exist."""
    from dialogs.errors import UserError

    bad = impossible_date(text)
    if bad is not None:
        raise UserError(
            f"Datumet ”{bad}” finns inte i kalendern. Skriv ett datum som finns, t.ex. {form_sv}. "
            "Inget sparades.",
            f"The date “{bad}” does not exist. Write a real date, e.g. {form_en}. "
            "Nothing was saved.",
        )
