"""Questions about people at meetings: which role a question asks for (chair, secretary,
justerare), which part of the attendance (absent, partly present, serving substitutes, present),
and where the minutes' own text names someone in that role or in someone's place.

The words come from resources/meeting_roles.json (the roles the record keeps, with the words of
Swedish meeting procedure and their English equivalents; its "source" says where from). Swedish
words match as the head of a compound ("mötesordförande", "nämndsekreterare", "justeringsmän")
and with one typo ("ordförnade"); English words through Snowball stems ("chaired" → chair) and as
a verb with its object ("took the minutes", "checked the minutes"). The structured record
(attendance, the meeting's chair and secretary) is read first, in dialogs.ask; what it does not
hold is looked for here, in the text of the same meetings, as extracts around the role word that
name a person. Nothing is answered from a role word without a name beside it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer
from sqlalchemy import select

from storage import passages as P
from storage.models import Meeting
from storage.search_text import fold

DATA = Path(__file__).resolve().parent / "resources" / "meeting_roles.json"
_EN = snowballstemmer.stemmer("english")
# How near a name must stand to the role word for the text to say who held it (characters).
NAME_REACH = 60
WINDOW = 300
FUZZY = 0.88

# A time of day as minutes write it: 13.00, 09:00, kl 9.15.
TIME = re.compile(r"\b\d{1,2}[:.][0-5]\d\b")
# Words that say when and where a meeting ran (folded): "Mötet förklarades öppnat 19:54",
# "Sammanträdestid kl 09:00-12:30", "Ajournering kl 10:45-11:30", "Start: 12:15"; and where:
# "Plats: Konserthuset i Växjö", "Sammanträdesplats Tallen".
# Not "kl" or "börjar" alone: the minutes give those times for many other things.
MEETING_TIME_WORDS = re.compile(
    r"\b(?:\w*oppna\w*|\w*avslut\w*|\w*tid\b|\w*tider\b|ajourn\w*|start\b|datum\b)"
)
# Not the place of the justering ("Justeringens plats och tid") nor a "förvaringsplats".
MEETING_PLACE_WORDS = re.compile(
    r"(?<!justeringens )(?<!justerings )\b(?:sammantrades|motes|)plats\b|\blokal\b"
)

# What ends a label: a colon, or the dots of a form's line to sign on.
_RX_LABEL_END = re.compile(r"\s*(?::|\.{2,}|…)")


def _is_label(text: str, end: int, near: re.Pattern[str] | None) -> bool:
    """Whether the role word ending at `end` is a label ("Ordförande:", "Ordförande...", a
    signature line's "Justerare.... Kjell Asp"), which names the one written after it."""
    return near is None and bool(_RX_LABEL_END.match(text, end))


WHO = re.compile(r"\b(?:vem|vems|vilka|vilken|vilket|who|whom|whose|which)\b")
# A person's name as minutes write it: two or more capitalised words ("Mona-Lisa Fjellström").
NAME = re.compile(
    r"\b[A-ZÅÄÖÉÜØÆ][\w'’-]*[a-zåäöéüøæ][\w'’-]*"
    r"(?:\s+(?:(?:af|av|von|van|de|la|del)\s+)*[A-ZÅÄÖÉÜØÆ][\w'’-]*[a-zåäöéüøæ][\w'’-]*)+"
)


@dataclass(frozen=True)
class _Words:
    sv_single: tuple[str, ...]  # folded single words, matched as compound heads
    sv_phrases: tuple[str, ...]  # folded phrases, matched as they stand
    en_stems: frozenset[str]
    en_phrases: tuple[str, ...]
    en_verbs: frozenset[str]
    en_objects: frozenset[str]
    # Forms that share the stem but not the sense: "Who presented …" asks no attendance.
    en_not: frozenset[str] = frozenset()


def _words(entry: dict[str, Any]) -> _Words:
    sv = [fold(w.lower()) for w in entry.get("sv", [])]
    en = [w.lower() for w in entry.get("en", [])]
    return _Words(
        tuple(w for w in sv if " " not in w),
        tuple(w for w in sv if " " in w),
        frozenset(_EN.stemWord(w) for w in en if " " not in w and "-" not in w),
        tuple(w for w in en if " " in w or "-" in w),
        frozenset(entry.get("en_verbs", [])),
        frozenset(entry.get("en_objects", [])),
        frozenset(w.lower() for w in entry.get("en_not", [])),
    )


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, _Words], dict[str, _Words]]:
    raw = json.loads(DATA.read_text("utf-8"))
    roles = {k: _words(v) for k, v in raw["roles"].items()}
    attendance = {k: _words(v) for k, v in raw["attendance"].items()}
    return roles, attendance


def _sv_hit(words: _Words, tokens: Sequence[str], f: str, *, fuzzy: bool) -> int | None:
    """Where (token index) a Swedish word of the entry stands in the question, else None."""
    for phrase in words.sv_phrases:
        m = re.search(rf"\b{re.escape(phrase)}\w*", f)
        if m:
            return len(re.findall(r"\w+", f[: m.start()]))
    for i, token in enumerate(tokens):
        for w in words.sv_single:
            if token == w or (len(w) >= 6 and w in token):
                return i
    if fuzzy:
        for i, token in enumerate(tokens):
            if len(token) < 7:
                continue
            for w in words.sv_single:
                if len(w) >= 7 and difflib.SequenceMatcher(None, token, w).ratio() >= FUZZY:
                    return i
    return None


# English function words between a verb and its object ("checked and signed the minutes").
_EN_FUNCTION = frozenset("the a an and or its their his her our this that of s".split())
_EN_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def _en_hit(words: _Words, tokens: Sequence[str], f: str) -> int | None:
    for phrase in words.en_phrases:
        m = re.search(rf"\b{re.escape(phrase)}\b", f)
        if m:
            return len(re.findall(r"\w+", f[: m.start()]))
    for i, token in enumerate(tokens):
        if token not in words.en_not and _EN.stemWord(token) in words.en_stems:
            return i
        # "took the minutes", "led the 6 March meeting": the object within a few words, a
        # date between them not counted.
        after = [
            t
            for t in tokens[i + 1 : i + 10]
            if not t.isdigit() and t not in _EN_MONTHS and t not in _EN_FUNCTION
        ]
        if token in words.en_verbs and any(t in words.en_objects for t in after[:4]):
            return i
    return None


def _position(words: _Words, f: str, *, fuzzy: bool) -> int | None:
    tokens = re.findall(r"\w+", f)
    found = [
        p
        for p in (_sv_hit(words, tokens, f, fuzzy=fuzzy), _en_hit(words, tokens, f))
        if p is not None
    ]
    return min(found) if found else None


def roles_in(f: str) -> list[str]:
    """The roles a folded, lower-case question names, in the order it names them."""
    roles, _ = _data()
    found: list[tuple[int, str]] = []
    vice = _position(roles["vice_ordforande"], f, fuzzy=False)
    for role, words in roles.items():
        if role == "ordforande" and vice is not None:
            continue
        at = vice if role == "vice_ordforande" else _position(words, f, fuzzy=True)
        if at is not None:
            found.append((at, role))
    return [r for _, r in sorted(found)]


def attendance_in(f: str) -> str | None:
    """Which part of the attendance a question asks for: absent, partial, substitutes, present."""
    _, parts = _data()
    for part in ("absent", "partial", "substitutes", "present"):
        if _position(parts[part], f, fuzzy=False) is not None:
            return part
    return None


def role_pattern(role: str) -> re.Pattern[str]:
    """The role's Swedish words in folded record text, compounds and inflections included."""
    roles, _ = _data()
    words = roles[role]
    alts = [re.escape(p).replace(r"\ ", r"\s+") + r"\w*" for p in words.sv_phrases]
    for w in words.sv_single:
        alts.append(rf"\w*{re.escape(w)}\w*" if len(w) >= 6 else rf"{re.escape(w)}\b")
    return re.compile(r"\b(?:" + "|".join(alts) + ")", re.IGNORECASE)


def part_pattern(part: str) -> re.Pattern[str]:
    _, parts = _data()
    words = parts[part]
    alts = [re.escape(p).replace(r"\ ", r"\s+") for p in words.sv_phrases]
    alts += [rf"\w*{re.escape(w)}\w*" for w in words.sv_single]
    return re.compile(r"\b(?:" + "|".join(alts) + ")", re.IGNORECASE)


# --- extracts from the text ---------------------------------------------------------------------


@dataclass
class TextFind:
    row: Any
    text: str
    distance: int  # from the role word to the nearest name; 0 when the title names the role
    in_title: bool


def _name_start(text: str, lo: int) -> int:
    """A cut at `lo` that falls inside or just after a capitalised name moves back to the
    name's first word ("… Svarén, vice ordförande" becomes "Jesper Svarén, vice ordförande"),
    at most two words and 40 characters back."""
    if lo <= 0 or lo >= len(text):
        return lo
    start = lo
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    if not text[start].isupper():
        return lo
    for _ in range(2):
        m = re.search(r"([A-ZÅÄÖÉÜ][\w'’-]*)\s+$", text[max(0, start - 40) : start])
        if m is None:
            break
        start -= len(m.group(0))
    return start if lo - start <= 40 else lo


def window(text: str, start: int, end: int) -> str:
    """The clause around [start, end), at most WINDOW characters, cut at word boundaries."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    lo = left + 1 if left >= 0 and start - left <= WINDOW // 2 else max(0, start - 110)
    right_dot = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_dot) + 1 if right_dot else len(text)
    hi = right if right - lo <= WINDOW else min(len(text), lo + WINDOW)
    if hi <= end:
        hi = min(len(text), end + 180)
    lo = _name_start(text, lo)
    while lo > 0 and text[lo - 1].isalnum():
        lo += 1
    while hi < len(text) and text[hi - 1].isalnum() and text[hi].isalnum():
        hi -= 1
    piece = text[lo:hi].strip()
    return ("… " if lo > 0 else "") + piece + (" …" if hi < len(text) else "")


def _nearest_name(
    text: str,
    start: int,
    end: int,
    exclude: str | Sequence[str] = "",
    near: re.Pattern[str] | None = None,
) -> int | None:
    best: int | None = None
    lo = end if _is_label(text, end, near) else max(0, start - NAME_REACH - 40)
    keys = [fold(x.lower()) for x in ([exclude] if isinstance(exclude, str) else exclude) if x]
    for m in (near or NAME).finditer(text, lo, min(len(text), end + NAME_REACH + 40)):
        if any(k in fold(m.group(0).lower()) for k in keys):
            continue
        if m.end() <= start:
            d = start - m.end()
        elif m.start() >= end:
            d = m.start() - end
        elif near is not None:
            d = 0
        else:
            # The role word is inside the capitalised run ("Sekreterare Mona-Lisa Fjellström"):
            # a name when at least two capitalised words stand outside it.
            rest = (text[m.start() : start] + " " + text[end : m.end()]).split()
            if len([w for w in rest if w[:1].isupper()]) < 2:
                continue
            d = 0
        if best is None or d < best:
            best = d
    return best if best is not None and best <= NAME_REACH else None


async def passage_rows(
    session: Any, scope: P.PassageScope, *where: Any, limit: int = 2000
) -> list[Any]:
    """The passages the asker may read (scope before anything else) that meet `where`."""
    await P.bring_up_to_date(session)
    t = P.ask_passage
    rows = await session.execute(
        select(
            t.c.id,
            t.c.body_id,
            t.c.meeting_id,
            t.c.item_id,
            t.c.decision_id,
            t.c.meeting_date,
            t.c.kind,
            t.c.label,
            t.c.title,
            t.c.standing,
            t.c.position,
            t.c.text,
            # False where the import found no date: meeting_date is then the day it ran, and a
            # hit must not be cited by it.
            Meeting.date_stated,
        )
        .select_from(t.outerjoin(Meeting, Meeting.id == t.c.meeting_id))
        .where(*P.scope_clause(scope), *where)
        .order_by(t.c.meeting_date.desc(), t.c.id)
        .limit(limit)
    )
    return list(rows)


async def meeting_passages(
    session: Any, scope: P.PassageScope, meeting_ids: Sequence[int]
) -> list[Any]:
    """Every passage of these meetings the asker may read."""
    if not meeting_ids:
        return []
    return await passage_rows(session, scope, P.ask_passage.c.meeting_id.in_(list(meeting_ids)))


def readable(rows: Sequence[Any], skip_kinds: Sequence[str] = ()) -> Any:
    """(row, text, folded text) of the passages whose folded text keeps the text's offsets."""
    for row in rows:
        if row.kind in skip_kinds:
            continue
        text = row.text or ""
        folded = fold(text.lower())
        if len(folded) == len(text):
            yield row, text, folded


def find_in_text(
    rows: Sequence[Any],
    pattern: re.Pattern[str],
    *,
    exclude_name: str | Sequence[str] = "",
    skip_kinds: Sequence[str] = (),
    near: re.Pattern[str] | None = None,
    title_says_all: bool = False,
) -> list[TextFind]:
    """Passages where the pattern stands next to a person's name, nearest first; a passage
    whose title names the role ("Val av mötesordförande") and whose short text names a person
    first of all. `title_says_all`: a short text under a title that matches is the answer
    whatever it holds ("Nästa möte" over "Samma tid nästa vecka.")."""
    out: list[TextFind] = []
    for row, text, folded in readable(rows, skip_kinds):
        title = fold((row.title or "").lower())
        if (
            title
            and pattern.search(title)
            and len(text) <= WINDOW
            and (title_says_all or (near or NAME).search(text))
        ):
            out.append(TextFind(row, text.strip(), 0, True))
            continue
        best: TextFind | None = None
        for m in pattern.finditer(folded):
            d = _nearest_name(text, m.start(), m.end(), exclude_name, near)
            if d is None:
                continue
            if best is None or d < best.distance:
                end = m.end()
                if _is_label(text, end, near):
                    # The extract holds the name written after the label.
                    named = NAME.search(text, end)
                    end = named.end() if named else end
                best = TextFind(row, window(text, m.start(), end), d, False)
        if best is not None:
            out.append(best)
    out.sort(key=lambda t: (not t.in_title, t.distance, -t.row.meeting_date.toordinal()))
    return out


__all__ = [
    "MEETING_PLACE_WORDS",
    "MEETING_TIME_WORDS",
    "TIME",
    "WHO",
    "TextFind",
    "attendance_in",
    "find_in_text",
    "find_near",
    "meeting_passages",
    "part_pattern",
    "passage_rows",
    "readable",
    "role_pattern",
    "roles_in",
    "window",
]


def find_near(
    rows: Sequence[Any],
    names: set[str],
    pattern: re.Pattern[str],
    *,
    skip_kinds: Sequence[str] = (),
    reach: int = 80,
) -> list[TextFind]:
    """Passages where one of these people's names stands within reach of the pattern (a word
    for being there, for taking someone's place), nearest first, one extract per passage."""
    keys = [fold(n.lower()) for n in names if n and len(n.split()) >= 2]
    out: list[TextFind] = []
    for row, text, folded in readable(rows, skip_kinds):
        best: TextFind | None = None
        for key in keys:
            for m in re.finditer(re.escape(key), folded):
                for w in pattern.finditer(folded, max(0, m.start() - reach), m.end() + reach):
                    d = w.start() - m.end() if w.start() >= m.end() else m.start() - w.end()
                    d = max(d, 0)
                    if best is None or d < best.distance:
                        lo, hi = min(m.start(), w.start()), max(m.end(), w.end())
                        best = TextFind(row, window(text, lo, hi), d, False)
        if best is not None:
            out.append(best)
    out.sort(key=lambda t: (t.distance, -t.row.meeting_date.toordinal()))
    return out
