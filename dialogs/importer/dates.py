"""Swedish dates and times as minutes write them."""

from __future__ import annotations

import datetime as dt
import re
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
# "24-10-21": a two-digit year first, as Swedish dates are written (corpus 06).
_SHORT_ISO = re.compile(r"(?<![\d.:/-])(\d{2})-(\d{2})-(\d{2})(?![\d.:/-])")
_LONG = re.compile(
    r"(?<![\w])(\d{1,2})(?::[ae])?\s+(" + _MONTH_ALT + r")\.?(?:\s+(\d{4}))?(?![\w])",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+(?:den\s+)?)",
    re.IGNORECASE,
)


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


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMatch]:
    """All dates in text, in order. A date without a year ("6 maj") takes reference's year, or
    the next year when that would put it before the reference (next meeting in January)."""
    found: list[DateMatch] = []
    for m in _ISO.finditer(text):
        date = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date and 1900 <= date.year <= 2200:
            found.append(DateMatch(date, m.start(), m.end(), True))
    for m in _SHORT_ISO.finditer(text):
        date = _make(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date:
            found.append(DateMatch(date, m.start(), m.end(), True))
    for m in _LONG.finditer(text):
        if any(d.start <= m.start() < d.end for d in found):
            continue
        day = int(m.group(1))
        month = MONTHS[m.group(2).lower()]
        if m.group(3):
            date = _make(int(m.group(3)), month, day)
            if date:
                found.append(DateMatch(date, m.start(), m.end(), True))
        elif reference is not None:
            date = _make(reference.year, month, day)
            if date and date < reference:
                date = _make(reference.year + 1, month, day)
            if date:
                found.append(DateMatch(date, m.start(), m.end(), False))
    found.sort(key=lambda d: d.start)
    return found


def date_in_filename(name: str) -> dt.date | None:
    """ "19_vgr-regionstyrelsen-2019-03-26.txt", "protokoll_20190326.docx" → the date."""
    for pattern in (r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"):
        for m in re.finditer(pattern, name):
            date = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if date and 1900 <= date.year <= 2200:
                return date
    return None


def find_date(text: str, reference: dt.date | None = None) -> DateMatch | None:
    dates = find_dates(text, reference)
    return dates[0] if dates else None


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


def find_time(text: str) -> TimeMatch | None:
    """A meeting's time: "kl. 13.00 – 15.30", "13.00-15.00", "kl 9-12" or "kl. 13.00".

    A bare "1–10" is not a time: a range needs "kl" or minutes on both ends.
    """
    for m in _TIME_RANGE.finditer(text):
        has_minutes = m.group(3) is not None and m.group(5) is not None
        if not (m.group("kl") or has_minutes):
            continue
        start, end = _time(m.group(2), m.group(3)), _time(m.group(4), m.group(5))
        if start and end:
            return TimeMatch(start, end, m.start(), m.end())
    for m in _SINGLE_TIME.finditer(text):
        start = _time(m.group(1), m.group(2))
        if start:
            return TimeMatch(start, None, m.start(), m.end())
    return None


def strip_weekday(text: str) -> str:
    return _WEEKDAY.sub("", text)
