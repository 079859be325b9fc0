"""Reading and writing planned meetings: "2025-05-06 09–12 i Eken", "6 maj kl 13–15, fysiskt i
Eken". Dates come from dialogs.dates (python-dateutil and our Swedish date words), times from
python-dateutil; the place is kept as written. Times are Europe/Stockholm."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

from dialogs.context import STOCKHOLM
from dialogs.dates import find_date
from dialogs.minutes.render import _MONTHS

_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?"
TIME_RANGE = re.compile(
    rf"(?:\bkl(?:ockan)?\.?\s*)?\b{_CLOCK}\s*(?:[-–—]|\btill\b|\bto\b)\s*{_CLOCK}\b", re.IGNORECASE
)
TIME_ONE = re.compile(
    rf"\bkl(?:ockan)?\.?\s*{_CLOCK}\b|\b(\d{{1,2}})[:.](\d{{2}})\b", re.IGNORECASE
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
LEADING_PREPOSITION = re.compile(r"^(?:i|på|pa|in|at)\s+", re.IGNORECASE)

MONTH_NAMES = ("", *_MONTHS)
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


class PlanFormatError(ValueError):
    def __init__(self, entry: str, sv: str, en: str) -> None:
        super().__init__(sv)
        self.entry = entry
        self.sv = sv
        self.en = en


@dataclass(frozen=True)
class PlanEntry:
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime | None  # UTC
    place: str | None


def _at(day: dt.date, hour: str, minute: str | None) -> dt.datetime:
    # python-dateutil reads the clock; the date and the zone are ours.
    parsed = dateutil_parser.parse(
        f"{int(hour):02d}:{minute or '00'}", default=dt.datetime(day.year, day.month, day.day)
    )
    return parsed.replace(tzinfo=STOCKHOLM).astimezone(dt.UTC)


def parse_entry(entry: str, today: dt.date) -> PlanEntry:
    text = entry.strip().rstrip(".")
    found = find_date(text, today)
    if found is None:
        raise PlanFormatError(
            entry,
            f"Jag hittar inget datum i ”{entry}”. Skriv t.ex. `2025-05-06 09–12 i Eken` eller `6 maj kl 13–15`.",
            f"I find no date in “{entry}”. Write e.g. `2025-05-06 09–12 in Eken` or `6 May 13–15`.",
        )
    day, (start, end) = found
    if not YEAR.search(text[start:end]) and day < today:
        day = day.replace(year=day.year + 1)  # "6 maj" said in June: next year's
    rest = text[end:]
    m = TIME_RANGE.search(rest)
    try:
        if m:
            if int(m.group(1)) > 23 or int(m.group(3)) > 24:
                raise ValueError("hour")
            starts = _at(day, m.group(1), m.group(2))
            ends = _at(day, m.group(3), m.group(4)) if int(m.group(3)) < 24 else None
            if ends is not None and ends <= starts:
                raise ValueError("end before start")
        else:
            m = TIME_ONE.search(rest)
            if m is None:
                raise PlanFormatError(
                    entry,
                    f"Jag hittar ingen tid i ”{entry}”. Skriv t.ex. `{day.isoformat()} 13–15`.",
                    f"I find no time in “{entry}”. Write e.g. `{day.isoformat()} 13–15`.",
                )
            hour, minute = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if int(hour) > 23:
                raise ValueError("hour")
            starts, ends = _at(day, hour, minute), None
    except (ValueError, OverflowError) as err:
        if isinstance(err, PlanFormatError):
            raise
        raise PlanFormatError(
            entry,
            f"Tiden i ”{entry}” går inte att läsa. Skriv t.ex. `13–15` eller `kl 9.30–12`.",
            f"The time in “{entry}” cannot be read. Write e.g. `13–15` or `9:30–12`.",
        ) from None
    place = rest[m.end() :].strip(" ,;.–-")
    place = (
        LEADING_PREPOSITION.sub("", place)
        if place.split(" ")[0].lower()
        in (
            "i",
            "på",
            "pa",
            "in",
            "at",
        )
        else place
    )
    if len(place) > 300:
        raise PlanFormatError(
            entry, "Platsen får vara högst 300 tecken.", "The place may be at most 300 characters."
        )
    return PlanEntry(starts, ends, place or None)


def split_entries(arg: str) -> list[str]:
    return [e.strip() for e in re.split(r"[;\n]", arg) if e.strip()]


def local(when: dt.datetime) -> dt.datetime:
    return when.astimezone(STOCKHOLM)


def _clock(when: dt.datetime) -> str:
    return local(when).strftime("%H.%M")


def when_sv(starts: dt.datetime, ends: dt.datetime | None) -> str:
    d = local(starts)
    span = f"kl {_clock(starts)}" + (f"–{_clock(ends)}" if ends else "")
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTH_NAMES[d.month]} {d.year} {span}"


def when_en(starts: dt.datetime, ends: dt.datetime | None) -> str:
    d = local(starts)
    span = local(starts).strftime("%H:%M") + (f"–{local(ends).strftime('%H:%M')}" if ends else "")
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B')} {d.year}, {span}"


def local_date(when: dt.datetime) -> dt.date:
    return local(when).date()


def at_local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A wall-clock time in Stockholm on a given day, as UTC (zoneinfo handles summer time)."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM).astimezone(
        dt.UTC
    )
