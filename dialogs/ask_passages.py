"""Answers from passages: retrieval (lexical + dense, fused) and the cited extracts the asker sees.

Retrieval: the lexical ranking (storage.passages: Snowball stems, compounds against the tenant's
own words) and the dense ranking (storage.vectors: multilingual-e5-small over the whole visible
scope) are fused by reciprocal rank fusion. Scope (tenant, visible bodies, sekretess only where
the asker may see it, the question's dates and §) is part of both queries, before any ranking.
A question is answered only when the best passage clears the cut-off (lexical coverage or dense
similarity, calibrated on the dev split of bench/ask_corpus: resources/ask_cutoff.json); otherwise it
gets no hits and the nearest words of the record.

Answer: each hit is an extract of at most ~300 characters (the sentences holding most of the
question's words), labelled with what it is ("Beslut", "Ur protokollets text", "Närvaro",
"Uppdrag", "Mötesfakta"), and cited with body, date and § or punkt. Discussion is never labelled
a decision; a withdrawn decision is shown once, as withdrawn.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from dialogs.context import CommandContext
from storage import passages as P
from storage import vectors
from storage.passage_text import base_forms, damaged, passage_terms, question_terms, stop_words

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "resources"
RRF_K = 60
EXTRACT = 300


@lru_cache(maxsize=1)
def _cutoffs() -> dict[str, dict[str, float]]:
    data = json.loads((DATA / "ask_cutoff.json").read_text("utf-8"))
    return {
        lang: {k: float(v) for k, v in values.items()}
        for lang, values in data.items()
        if isinstance(values, dict)
    }


def cutoff(lang: str) -> dict[str, float]:
    found = _cutoffs()
    return found.get(lang) or found["sv"]


LABELS = {
    P.BESLUT: ("Beslut", "Decision"),
    P.INFORMATION: ("Ur protokollets text", "From the minutes"),
    P.DISKUSSION: ("Ur protokollets text", "From the minutes"),
    P.NARVARO: ("Närvaro", "Attendance"),
    P.UPPDRAG: ("Uppdrag", "Assignment"),
    P.MOTESFAKTA: ("Mötesfakta", "Meeting details"),
}
# The hit kinds of `ask --json` (kept from before passages).
JSON_KIND = {
    P.BESLUT: "decision",
    P.INFORMATION: "item",
    P.DISKUSSION: "item",
    P.NARVARO: "attendance",
    P.UPPDRAG: "assignment",
    P.MOTESFAKTA: "meeting",
}
STANDING = {
    "withdrawn": ("upphävt", "revoked"),
    "superseded": ("upphävt (ersatt)", "revoked (superseded)"),
    "amended": ("ändrat (ersatt av ett nyare beslut)", "amended (replaced by a newer decision)"),
    "utgar": ("utgår", "struck"),
    "bordlagd": ("bordlagd", "tabled"),
    "aterremitterad": ("återremitterad", "referred back"),
    "done": ("klart", "done"),
}


@dataclass
class Found:
    row: Any
    score: float
    lexical: float  # coverage of the question's terms, 0..1
    dense: float  # cosine, or 0 when no vector


@dataclass
class Retrieval:
    found: list[Found]
    dfs: dict[str, int]
    best_lexical: float
    best_dense: float
    used_vectors: bool
    # The best passage's similarity in standard deviations above the scope's mean.
    dense_z: float = 0.0
    # How far the best passage stands above the next nine.
    dense_gap: float = 0.0
    # The best dense similarity less the second's.
    dense_margin: float = 0.0
    # Whether the two rankers agree: the best fused passage is among the first three of both.
    agree: float = 0.0
    # The question's vector (None when the vectors are off): extracts are chosen by it too.
    qvec: Any = None
    # The share of the question's words in the first extract shown (set once it is chosen;
    # 1.0 until then, and when the question has no words of its own).
    extract_share: float = 1.0
    # The question's nearness in meaning to what the asker sees (the best of the first three
    # hits' title and extract, cosine; set once they are chosen, 1.0 until then and when the
    # vectors are off or the language's `extract_dense` is off).
    extract_dense: float = 1.0
    # How many of the question's names and numbers (anchors()) the first hit shown lacks.
    anchors_missing: float = 0.0
    # The question asks what was decided ("What did the board decide about …?"): its own
    # dense threshold (`dense_decision`), since its frame words dilute the question's vector.
    decision_frame: bool = False
    # The question asks who ("Vem …?", "Who …?"): the extract shown must name a person (or a
    # group given a task), a check of its own, so it has its own dense threshold (`dense_who`).
    asks_who: bool = False
    # How many names and numbers the question holds (anchors()): written alike in any language,
    # they are evidence across languages where the words are not (`dense_anchored`).
    anchor_count: float = 0.0

    def features(self) -> tuple[float, ...]:
        """What the cut-off reads (and the bench calibrates on)."""
        return (
            self.best_lexical,
            self.best_dense,
            self.dense_z,
            self.dense_gap,
            self.dense_margin,
            self.agree,
            self.extract_share,
            self.extract_dense,
            self.anchors_missing,
            float(self.decision_frame),
            float(self.asks_who),
            self.anchor_count,
        )


def passage_bonus(kind: str, text: str, kind_bias: Sequence[str], asks_who: bool) -> float:
    """The factor a passage's fused score is weighed by: the kind of text the question asks
    for (decisions for "vad beslutades", attendance for "vem deltog"), and for a "vem/who"
    question a passage that names someone by full name, so that of an item's decision (naming
    nobody) and its text ("Maria Appelskog lyfte frågan …") the text comes first. Dev, session
    12: English 160 -> 162/247 right, Swedish 215 -> 214, no-answer questions unchanged."""
    bonus = 1.0 + (0.15 if kind in kind_bias else 0.0)
    if asks_who and _RX_FULL_NAME.search(text):
        bonus += 0.15
    return bonus


async def retrieve(
    ctx: CommandContext,
    scope: P.PassageScope,
    question: str,
    lexical_text: str,
    *,
    kind_bias: Sequence[str] = (),
    limit: int = 40,
    asks_who: bool = False,
) -> Retrieval:
    session = ctx.session
    await P.bring_up_to_date(session)
    # The question is embedded (in a worker thread) while the lexical side reads the index.
    embedding = asyncio.ensure_future(vectors.embed_query(question))
    try:
        lex, dfs = await P.lexical(session, scope, lexical_text, limit=limit * 2)
    except BaseException:
        embedding.cancel()
        raise
    qvec = await embedding
    dense: list[tuple[int, float]] = []
    stats = vectors.DenseStats()
    if qvec is not None:
        dense = await vectors.dense(session, scope, qvec, k=limit * 2, stats=stats)
    best_dense = max((s for _, s in dense), default=0.0)
    z = (best_dense - stats.mean) / stats.std if stats.std > 0 and stats.count >= 5 else 0.0
    fused: dict[int, float] = {}
    lex_cov = {h.passage_id: h.coverage for h in lex}
    dense_sim = dict(dense)
    for rank, h in enumerate(lex):
        fused[h.passage_id] = fused.get(h.passage_id, 0.0) + 1.0 / (RRF_K + rank + 1)
    for rank, (pid, _s) in enumerate(dense):
        fused[pid] = fused.get(pid, 0.0) + 1.0 / (RRF_K + rank + 1)
    rows = await P.load(session, list(fused))
    found: list[Found] = []
    for pid, score in fused.items():
        row = rows.get(pid)
        if row is None:
            continue
        bonus = passage_bonus(row.kind, row.text or "", kind_bias, asks_who)
        found.append(Found(row, score * bonus, lex_cov.get(pid, 0.0), dense_sim.get(pid, 0.0)))
    found.sort(key=lambda f: (-f.score, -f.row.meeting_date.toordinal(), f.row.id))
    top = found[0].row.id if found else None
    agree = float(
        top is not None
        and top in {h.passage_id for h in lex[:3]}
        and top in {pid for pid, _ in dense[:3]}
    )
    return Retrieval(
        found[:limit],
        dfs,
        max((h.coverage for h in lex), default=0.0),
        best_dense,
        bool(dense),
        z,
        best_dense - sum(s for _, s in dense[1:10]) / max(1, len(dense[1:10])) if dense else 0.0,
        dense[0][1] - dense[1][1] if len(dense) > 1 else 0.0,
        agree,
        qvec,
        decision_frame=P.BESLUT in kind_bias,
        asks_who=asks_who,
        anchor_count=float(len(anchors(question))),
    )


def confident(r: Retrieval, lang: str) -> bool:
    """Whether the record answers at all (the cut-off of resources/ask_cutoff.json)."""
    c = cutoff(lang)
    if _cutoff_off():
        return bool(r.found)
    if not r.found:
        return False
    if r.best_lexical >= c["lexical"]:
        return True
    dense = c["dense"]
    if r.decision_frame:
        dense = c.get("dense_decision", dense)
    elif r.asks_who:
        dense = c.get("dense_who", dense)
    return r.used_vectors and (r.dense_z >= c["dense_z"] or r.best_dense >= dense)


def anchored(r: Retrieval, lang: str) -> bool:
    """Whether the passages may answer on the strength of the question's names and numbers:
    the question has some, and the best dense similarity reaches `dense_anchored` (99 or
    absent = off), a little under `dense`. extract_holds then asks that the first hit shown
    holds every one of them. A name or a number is written alike in Swedish and English, so
    it is evidence where an English question shares no word with the Swedish record."""
    c = cutoff(lang)
    return (
        r.used_vectors
        and bool(r.found)
        and r.anchor_count >= 1
        and r.best_dense >= c.get("dense_anchored", 99.0)
    )


def answers_at_all(r: Retrieval, lang: str) -> bool:
    """Past the cut-off, or past it on the question's names and numbers (anchored)."""
    return confident(r, lang) or anchored(r, lang)


def extract_holds(r: Retrieval, lang: str) -> bool:
    """Whether what the asker sees first holds the question: enough of its words in the first
    hit (the `extract` value of resources/ask_cutoff.json; 0 = not checked), the first three
    hits as near in meaning as `extract_dense` (0 = not checked), and, where `anchors` is 1,
    every name and number of the question in the first hit. A passage can clear the cut-off
    with the question's words spread over a long text, or near in meaning as a whole, while
    the ~300 characters the asker sees are about something beside it: a near miss, such as a
    cost asked about a project the record only names."""
    if _cutoff_off():
        return True
    c = cutoff(lang)
    return (
        r.extract_share >= c.get("extract", 0.0)
        and r.extract_dense >= c.get("extract_dense", 0.0)
        and not (c.get("anchors", 0.0) and r.anchors_missing)
        # Let through on its names and numbers alone (anchored): the first hit shown holds
        # them all.
        and not (
            c.get("dense_anchored", 99.0) < 99.0 and r.anchors_missing and not confident(r, lang)
        )
    )


def wants_extract_dense(lang: str) -> bool:
    """Whether the shown extracts' nearness to the question is needed (its cut-off is on, or
    the bench calibrates): it costs one embedding of up to three short texts."""
    return _cutoff_off() or cutoff(lang).get("extract_dense", 0.0) > 0


async def seen_similarity(seen: Sequence[str], qvec: Any) -> float:
    """The best cosine between the question and what the asker sees of each hit (title and
    extract, embedded as passages, off the event loop); 1.0 when there is nothing to compare."""
    if qvec is None or not seen:
        return 1.0
    try:
        mat = await asyncio.to_thread(vectors.Model.encode, list(seen), query=False)
    except Exception:
        logger.exception("could not embed the extracts shown; their nearness is not checked")
        return 1.0
    return float(max((mat @ qvec).tolist()))


# Names and numbers: what a question says the same way in any language ("Kungälv", "OKQ8",
# "2018"). A capitalised word inside a sentence is a name; month names are dates, met by the
# hit's date (date_words) rather than spelt alike.
_ANCHOR = re.compile(r"[^\W_]+(?:[-:.'’&][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_EN_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_SV_MONTHS = (
    "januari februari mars april maj juni juli augusti september oktober november december"
).split()
ANCHOR_MIN = 4  # a capitalised word shorter than this is often an abbreviation of the asker's
# The rapidfuzz ratio at which a name is the same name inflected or spelt otherwise.
ANCHOR_SPELLING = 80


def anchors(question: str) -> list[str]:
    """The question's names and numbers, lower case: tokens with a digit, and capitalised
    words of at least ANCHOR_MIN letters that are not the sentence's first word, a stop word
    or a month."""
    out: list[str] = []
    first = True
    stop = stop_words()
    for m in _ANCHOR.finditer(question):
        word = _POSSESSIVE.sub("", m.group(0))
        low = word.lower()
        start, first = first, False
        if any(c.isdigit() for c in word):
            out.append(low)
            continue
        if start or not word[:1].isupper() or len(word) < ANCHOR_MIN:
            continue
        if low in stop or low in _EN_MONTHS or low in _SV_MONTHS:
            continue
        out.append(low)
    return list(dict.fromkeys(out))


def date_words(day: Any) -> str:
    """A meeting date as the asker may name it: 2017-09-20 and 20 september 2017."""
    return f"{day.isoformat()} {day.day} {_SV_MONTHS[day.month - 1]} {day.year}"


def anchors_missing(question: str, seen: str) -> int:
    """How many of the question's anchors the text lacks. A number counts only as a whole
    token ("8" is not in "2018"); a name counts at the start of a word with an ending
    ("Kungälv" in "Kungälvs"), inside a longer word, or spelt a little otherwise."""
    text = seen.lower()
    words: list[str] | None = None
    missing = 0
    for a in anchors(question):
        end = r"(?![^\W_])" if any(c.isdigit() for c in a) else ""
        if re.search(rf"(?<![^\W_]){re.escape(a)}{end}", text):
            continue
        if len(a) >= 5:
            words = words if words is not None else _ANCHOR.findall(text)
            stem_ = a[: max(4, len(a) - 2)]
            if any(
                (len(w) > len(a) and stem_ in w)
                or (abs(len(w) - len(a)) <= 3 and fuzz.ratio(a, w) >= ANCHOR_SPELLING)
                for w in words
            ):
                continue
        missing += 1
    return missing


def _cutoff_off() -> bool:
    """Bench calibration (SVB_ASK_CUTOFF=off): every hit is shown."""
    return os.environ.get("SVB_ASK_CUTOFF") == "off"


def extract_share(first: str, question: str) -> float:
    wanted = list(dict.fromkeys(question_terms(question)))
    if not wanted:
        return 1.0
    return _term_share(set(passage_terms(first)), wanted)


# Sentence ends, line breaks, and the dash or bullet of a list flattened into one line ("…
# föreslår att regionfullmäktige: - avslår … - avslår …"), where a dash opens words (not a time
# range "13.00 – 15.30").
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+|\s+(?=[-–•]\s+[^\W\d_])")
# A cut inside a long sentence does not part a number from what it counts ("249,2 | miljoner
# kronor").
_NUMBER_AT_END = re.compile(r"\s\d[\d\s.,:]*$")
# Weights of an extract sentence's score: the question's words it holds (share, 0..1), how near
# it is in meaning to the question (cosine above the passage's own mean, which spans a few
# hundredths) and whether it can answer this kind of question at all (a number for "how much",
# a name for "who"). Chosen on the dev split of bench/ask_corpus.
W_DENSE = 10.0
W_FITS = 0.5
# An extract grows towards the sentence after the best one before the one before it, unless
# that scores this much better: minutes name a subject, then say what became of it ("Möte med
# Donna hölls i måndags. De är positivt inställda till …"). Chosen on the dev split (0.3 of 0,
# 0.3, 1, 9: +2 right Swedish answers, +1 empty no-answer question, English unchanged).
_FOLLOW = 0.3


def sentences(text: str, limit: int = EXTRACT) -> list[str]:
    """A text's sentences; one longer than half an extract is cut at word boundaries, so an
    extract can hold the piece that answers and what stands beside it."""
    out: list[str] = []
    for s in _SENTENCE.split(text.strip()):
        s = s.strip() if s else ""
        while len(s) > limit // 2:
            cut = s[: limit // 2].rsplit(" ", 1)[0] or s[: limit // 2]
            number = _NUMBER_AT_END.search(cut)
            if number and number.start() > limit // 6:
                cut = cut[: number.start()]
            out.append(cut)
            s = s[len(cut) :].strip()
        if s:
            out.append(s)
    return out


# A person's full name: two capitalised words in a row ("Maria Appelskog lyfte …").
_RX_FULL_NAME = re.compile(r"\b[A-ZÅÄÖÉ][a-zåäöéü]+[ -][A-ZÅÄÖÉ][a-zåäöéü]+\b")
SPELLING = 88  # rapidfuzz ratio at which a long word is the same word spelt otherwise


def _term_share(have: set[str], wanted: Sequence[str]) -> float:
    """The share of the question's terms a sentence holds; a term found inside a compound
    ("screening" in "skolscreening") counts too, and so does a long word spelt a little
    otherwise ("kvinnofridssatsning" for the record's "kvinnofridsatsning")."""
    if not wanted:
        return 0.0
    got = 0.0
    for term in wanted:
        if term in have:
            got += 1.0
        elif any(b in have for b in base_forms(term)):
            got += 0.9
        elif len(term) >= 4 and any(term in h for h in have if len(h) > len(term)):
            got += 0.8
        elif len(term) >= 8 and any(
            abs(len(h) - len(term)) <= 2 and fuzz.ratio(term, h) >= SPELLING for h in have
        ):
            got += 0.8
        elif (lost := damaged(term)) is not None and any(h.startswith(lost) for h in have):
            got += 0.9  # the text lost its å, ä, ö ("�rsm�tet" for "årsmötet")
        elif _first_part_in(term, have):
            got += 0.6
    return got / len(wanted)


def _first_part_in(term: str, have: set[str]) -> bool:
    """A compound the text does not write whose last part only says how the question asks,
    met by its first part: "kvinnofridsfråg" by "kvinnofridsatsning"
    (storage.passages.frame_compound; storage.passages._decompound finds such passages)."""
    from storage.passages import frame_compound

    head = frame_compound(term)
    return head is not None and any(h.startswith(head) for h in have)


def extract(
    text: str,
    question: str,
    limit: int = EXTRACT,
    near: dict[str, float] | None = None,
    fit: Callable[[str], bool] | None = None,
) -> str:
    """The sentence of a passage that best answers the question, with the sentences beside it
    while they fit, ≤ limit. `near`: each sentence's dense similarity to the question; `fit`:
    whether a sentence can answer this kind of question."""
    text = text.strip()
    if len(text) <= limit:
        return text
    wanted = list(dict.fromkeys(question_terms(question)))
    parts = sentences(text, limit)
    if not parts:
        return text[: limit - 1].rsplit(" ", 1)[0] + " …"
    sims = [near.get(p) for p in parts] if near else []
    known = [x for x in sims if x is not None]
    mean = sum(known) / len(known) if known else 0.0
    scores = []
    for i, part in enumerate(parts):
        score = _term_share(set(passage_terms(part)), wanted)
        if sims and sims[i] is not None:
            score += W_DENSE * (sims[i] - mean)  # type: ignore[operator]
        if fit is not None and fit(part):
            score += W_FITS
        scores.append(score)
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    lo = hi = best
    size = len(parts[best])
    # Grow around the best sentence, the better neighbour first, while it fits.
    while True:
        options = [j for j in (lo - 1, hi + 1) if 0 <= j < len(parts)]
        options = [j for j in options if size + 1 + len(parts[j]) <= limit]
        if not options:
            break
        j = max(options, key=lambda j: (scores[j] + (_FOLLOW if j > hi else 0.0), -j))
        size += 1 + len(parts[j])
        lo, hi = min(lo, j), max(hi, j)
    out = " ".join(parts[lo : hi + 1])
    if len(out) > limit:
        out = out[: limit - 1].rsplit(" ", 1)[0] + " …"
    return out


EMBED_TEXTS = 3  # the hits judged first; later ones are chosen by words


def _words_decide(parts: Sequence[str], wanted: Sequence[str]) -> bool:
    """Whether exactly one sentence holds all of the question's words."""
    if not wanted:
        return False
    full = [p for p in parts if _term_share(set(passage_terms(p)), wanted) >= 1.0]
    return len(full) == 1


async def extracts(
    texts: Sequence[str],
    question: str,
    qvec: Any,
    fit: Callable[[str], bool] | None = None,
    limit: int = EXTRACT,
) -> list[str]:
    """The extract of each text; the sentences of texts longer than an extract are embedded
    (off the event loop) to find the one nearest the question in meaning, whatever its
    language. Embedding a sentence takes ~60 ms on one core, so only the first EMBED_TEXTS
    texts are read that way, and not a text where one sentence alone holds every word of the
    question (the words decide); the others are chosen by words."""
    wanted = list(dict.fromkeys(question_terms(question)))
    chosen: set[str] = set()
    for t in [t for t in texts if len(t.strip()) > limit][:EMBED_TEXTS]:
        parts = sentences(t, limit)
        if not _words_decide(parts, wanted):
            chosen.update(parts)
    pieces = sorted(chosen)
    near: dict[str, float] = {}
    if qvec is not None and pieces:
        try:
            mat = await asyncio.to_thread(vectors.Model.encode, pieces, query=False)
            near = dict(zip(pieces, (mat @ qvec).tolist(), strict=True))
        except Exception:
            logger.exception("could not embed extract sentences; choosing them by words")
    return [extract(t, question, limit, near, fit) for t in texts]


LEXICAL_STRONG = 0.75  # the question's words are there: show what holds them
LEXICAL_KEEP = 0.6  # of the best coverage
DENSE_MARGIN = 0.03  # below the best similarity


def trim(r: Retrieval) -> list[Found]:
    """The passages worth showing: those that hold the question's words nearly as well as the
    best; when the words are not there (another language, other words), those nearly as near
    in meaning as the best."""
    if r.best_lexical >= LEXICAL_STRONG:
        return [f for f in r.found if f.lexical >= LEXICAL_KEEP * r.best_lexical]
    return [
        f
        for f in r.found
        if (f.lexical > 0 and f.lexical >= LEXICAL_KEEP * r.best_lexical)
        or (f.dense > 0 and f.dense >= r.best_dense - DENSE_MARGIN)
    ]


def dedupe(found: Sequence[Found]) -> list[Found]:
    """One hit per decision and per passage text; item text after its own decision only once."""
    out: list[Found] = []
    seen: set[tuple[Any, ...]] = set()
    for f in found:
        r = f.row
        key: tuple[Any, ...] = (
            ("d", r.decision_id) if r.decision_id else ("t", r.meeting_id, r.kind, r.text[:200])
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def label_of(ctx: CommandContext, row: Any) -> str:
    sv, en = LABELS.get(row.kind, ("Ur protokollets text", "From the minutes"))
    label = ctx.t(sv, en)
    standing = STANDING.get(row.standing or "")
    if row.kind == P.BESLUT and standing:
        label += f" ({ctx.t(*standing)})"
    return label


__all__ = [
    "Found",
    "Retrieval",
    "anchors",
    "anchors_missing",
    "confident",
    "date_words",
    "dedupe",
    "extract",
    "extract_holds",
    "extract_share",
    "extracts",
    "label_of",
    "retrieve",
    "seen_similarity",
    "wants_extract_dense",
]
