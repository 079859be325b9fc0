"""Our Swedish analyzer: the terms both search engines index and are queried with.

SQLite FTS5 and PostgreSQL see only what this module produces, so they behave alike:

- lower case (NFC); å/ä/ö stay in the indexed terms, and a folded copy (vård → vard) goes to a
  field of its own, so "vard" finds "vård" while a match with the right diacritics ranks higher;
- hyphenated words are indexed joined and split: F-ACT → fact, act; F-ACT-samordnare → fact,
  samordnare, factsamordnare, so F-ACT, FACT and F-ACT-samordnare find each other;
- a light Swedish stemmer: beslut/beslutet/beslutade/beslutades → beslut, medel/medlen → medl,
  samordnare/samordnaren → samordn, samsjuklighet → samsjuklig;
- compounds are split at query time against the vocabulary of the index itself (see
  storage.search), so "prevention" finds "suicidprevention".

Terms are plain lower-case letters and digits: nothing that FTS5 or tsquery could read as syntax.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MAX_WORD = 40
MAX_TERMS_PER_FIELD = 4000

_FOLD = str.maketrans(
    {
        "å": "a",
        "ä": "a",
        "ö": "o",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ü": "u",
        "æ": "a",
        "ø": "o",
        "á": "a",
        "à": "a",
        "í": "i",
        "ó": "o",
        "ú": "u",
        "ñ": "n",
        "ç": "c",
    }
)
# A word: letters and digits, hyphen-joined parts kept together ("F-ACT-samordnare").
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_VOWELS = set("aeiouyåäöéü")
_CONSONANTS = set("bcdfghjklmnpqrstvwxz")


def fold(text: str) -> str:
    """å/ä/ö (and a few other accents) to their plain letters."""
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").lower()


def words(text: str) -> list[str]:
    """The words of a text, lower case, hyphenated words kept whole."""
    return [w for w in _WORD.findall(normalize(text)) if len(w) <= 3 * MAX_WORD]


# --- stop words --------------------------------------------------------------------------------

# Function words that carry no meaning in a search: not indexed, never queried.
INDEX_STOP = frozenset(
    """
    och att i på som det den de en ett av med till är för om var har hade inte ej så men eller
    vi ni man sig sin sitt sina dess han hon hen vid från då när där här nu ju också även
    samt under över efter före mellan utan mot hos kan ska skall skulle kunde blir blev bli vara
    varit detta dessa denna deras vår vårt våra er ert era min mitt mina din ditt dina
    the of and to in for on at by is are was were be been it its this that with as an or
    """.split()
)

# Words of a question that say what is asked, not what it is about.
QUERY_STOP = (
    INDEX_STOP
    | frozenset(
        """
    vad vem vilka vilken vilket hur varför vems finns fanns någon något några ngn alla allt
    visa lista berätta ge mig jag du dig oss ni er kring angående gällande rörande beträffande
    inom om har hade ha fått få fick gjort gör gjorde tagit tog togs tas tagits fattat fattade
    fattades fattats beslut beslutet besluten besluts besluta beslutar beslutas beslutade
    beslutades beslutat beslutats beslutad beslutades sagt sades sa sade säga sägs
    möte mötet möten mötena mötets sammanträde sammanträdet sammanträdena
    ärende ärendet ärenden frågan fråga angående tidigare senaste senast sista första förra
    förrförra nästa kommande året år åren nyligen just igen än ännu mer mest fler flera
    vet veta vill känner kände hände hänt sades sagts gäller gällde står stod handlade handlar
    sägas nytt nya något
    what who whom whose which when where why how did do does done has have had about any some
    all there show me list tell give my i we you our your regarding concerning decided decide
    decides decision decisions decided resolved resolution made make taken take took
    meeting meetings year years last latest recent recently since ago past previous next
    from into during before after between than then were was been being anything something
    know knew known happened happen say said says mention mentioned
    kom fram överens enades enats enig eniga landade mycket många much many
    agree agreed outcome outcomes conclusion conclusions conclude concluded
    rapporterade rapporterades rapporterat rapporterats rapporterar berättade berättat berättar
    informerade informerades informerat informerar
    reported report reports informed inform told
    """.split()
    )
    | frozenset(
        # Every function word of Snowball's Swedish and English lists (storage/resources/
        # stopwords.json names them), which the passages already leave out: a question's "they",
        # "their" or "honom" is no topic ("What did they say about …" was read as about "they").
        w
        for lang in ("sv", "en")
        for w in json.loads(
            (Path(__file__).parent / "resources" / "stopwords.json").read_text("utf-8")
        )[lang]
    )
)


def is_stop(word: str) -> bool:
    return word in QUERY_STOP or fold(word) in _QUERY_STOP_FOLDED


_QUERY_STOP_FOLDED = frozenset(fold(w) for w in QUERY_STOP)


# --- the stemmer -------------------------------------------------------------------------------

# Longest first. Each suffix with the shortest stem it may leave.
_SUFFIXES: tuple[tuple[str, int], ...] = tuple(
    sorted(
        (
            ("heternas", 3),
            ("hetens", 3),
            ("heterna", 3),
            ("heten", 3),
            ("heter", 3),
            ("het", 3),
            ("arnas", 3),
            ("ernas", 3),
            ("ornas", 3),
            ("arens", 3),
            ("andes", 3),
            ("andet", 3),
            ("arna", 3),
            ("ena", 3),
            ("erna", 3),
            ("orna", 3),
            ("ande", 3),
            ("ades", 3),
            ("aren", 3),
            ("arne", 3),
            ("aste", 3),
            ("ade", 3),
            ("are", 3),
            ("ast", 3),
            ("ens", 3),
            ("ets", 3),
            ("ats", 3),
            ("ern", 3),
            ("ad", 3),
            ("at", 3),
            ("et", 3),
            ("en", 3),
            ("an", 4),
            ("ar", 3),
            ("er", 3),
            ("or", 3),
            ("as", 3),
            ("es", 3),
            ("a", 3),
            ("e", 3),
            ("s", 3),
        ),
        key=lambda s: -len(s[0]),
    )
)
# A genitive/passive -s is removed only after these letters (as in the Snowball stemmer).
_S_ENDING = set("bcdfghjklmnoprtvy")
# Words that end like an inflection but are not one ("organ" is not "org" + "an").
_KEEP_ENDINGS = ("organ", "plan", "program", "region", "process", "status", "kurs", "hus")


def _has_vowel(text: str) -> bool:
    return any(ch in _VOWELS for ch in text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light Swedish stemmer: definite, plural, genitive and past-tense endings go, so that
    beslut/beslutet/beslutade/beslutades, medel/medlen and samordnare/samordnaren meet."""
    if len(word) < 4 or not word.isalpha():
        return word
    if word.endswith(_KEEP_ENDINGS):
        return word
    stemmed = word
    for suffix, min_stem in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        if len(base) < min_stem or not _has_vowel(base):
            continue
        if suffix == "s" and base[-1] not in _S_ENDING:
            continue
        if suffix in ("et", "ets") and base.endswith("h"):
            # enhet, frihet: "-het" is the word, not "enh" + "et".
            continue
        if base.endswith(_KEEP_ENDINGS):
            # regionen → region, organet → organ: the kept word, not a further cut.
            stemmed = base
            break
        stemmed = base
        break
    # medel → medl (as medlen → medl), nyckel → nyckl, vatten → vattn, vinter → vintr.
    if (
        len(stemmed) >= 5
        and stemmed[-1] in "lnr"
        and stemmed[-2] == "e"
        and stemmed[-3] in _CONSONANTS
        and not stemmed.endswith(_KEEP_ENDINGS)
    ):
        stemmed = stemmed[:-2] + stemmed[-1]
    # gemensamma → gemensamm → gemensam; grupp/gruppen → grup.
    if len(stemmed) >= 4 and stemmed[-1] == stemmed[-2] and stemmed[-1] in _CONSONANTS:
        stemmed = stemmed[:-1]
    return stemmed


# --- terms of one word -------------------------------------------------------------------------


def _units(parts: list[str]) -> list[str]:
    """Hyphen parts with the short ones (F in F-ACT, 19 in covid-19) joined to a neighbour."""
    units: list[str] = []
    pending = ""
    for part in parts:
        if len(part) <= 2:
            pending += part
            continue
        units.append(pending + part)
        pending = ""
    if pending:
        if units:
            units[-1] += pending
        else:
            units.append(pending)
    return units


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The exact terms a word is indexed under: itself, its stem, and for hyphenated words the
    joined form and the parts."""
    if "-" not in word:
        if len(word) < 2 or len(word) > MAX_WORD or word in INDEX_STOP:
            return ()
        st = stem(word)
        return (word,) if st == word or len(st) < 2 else (word, st)
    parts = [p for p in word.split("-") if p]
    out: list[str] = []

    def add(term: str) -> None:
        if 2 <= len(term) <= MAX_WORD and term not in out:
            out.append(term)
            st = stem(term)
            if st != term and len(st) >= 2 and st not in out:
                out.append(st)

    units = _units(parts)
    joined = "".join(parts)
    add(joined)
    running = ""
    for unit in units:
        running += unit
        add(unit)
        add(running)
    for part in parts:
        if len(part) >= 3 and part not in INDEX_STOP:
            add(part)
    return tuple(out)


@dataclass
class FieldTerms:
    """The terms of one field: exact (with diacritics) and folded (only where they differ)."""

    exact: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)


def field_terms(text: str | None) -> FieldTerms:
    out = FieldTerms()
    if not text:
        return out
    for word in words(text):
        for term in word_terms(word):
            out.exact.append(term)
            f = fold(term)
            if f != term:
                out.folded.append(f)
        if len(out.exact) >= MAX_TERMS_PER_FIELD:
            break
    return out


@dataclass
class DocTerms:
    """What one search row holds: title terms, text terms, and the folded copies of both."""

    title: FieldTerms
    text: FieldTerms

    def fts_columns(self) -> tuple[str, str, str]:
        """(title, text, folded) as space-separated terms for FTS5."""
        return (
            " ".join(self.title.exact),
            " ".join(self.text.exact),
            " ".join(self.title.folded + self.text.folded),
        )

    def tsvector_literal(self) -> str:
        """A tsvector literal with weights: A title, B text, C folded. Positions count terms."""
        positions: dict[str, list[str]] = {}
        pos = 0
        for terms, weight in (
            (self.title.exact, "A"),
            (self.text.exact, "B"),
            (self.title.folded + self.text.folded, "C"),
        ):
            for term in terms:
                pos = min(pos + 1, 16383)
                entry = positions.setdefault(term, [])
                if len(entry) < 255:
                    entry.append(f"{pos}{weight}")
        return " ".join(f"'{_tsquote(t)}':{','.join(p)}" for t, p in positions.items())

    def stored(self) -> str:
        """Compact form kept with the row: the reranker reads it, maintenance diffs it."""
        return "\n".join(
            " ".join(sorted(set(terms)))
            for terms in (self.title.exact, self.text.exact, self.title.folded, self.text.folded)
        )

    def distinct(self) -> set[str]:
        return (
            set(self.title.exact)
            | set(self.text.exact)
            | set(self.title.folded)
            | set(self.text.folded)
        )

    def surface(self) -> set[str]:
        """Words as written (no stems, no folded copies): what may be suggested to users."""
        return {t for t in set(self.title.exact) | set(self.text.exact) if t.isalpha()}


def _tsquote(term: str) -> str:
    return term.replace("\\", "\\\\").replace("'", "''")


def doc_terms(title: str | None, text: str | None) -> DocTerms:
    return DocTerms(title=field_terms(title), text=field_terms(text))


@dataclass(frozen=True)
class StoredTerms:
    """A row's stored terms, parsed: sets per field."""

    title: frozenset[str]
    text: frozenset[str]
    title_folded: frozenset[str]
    text_folded: frozenset[str]

    @classmethod
    def parse(cls, stored: str | None) -> StoredTerms:
        lines = (stored or "").split("\n")
        lines += [""] * (4 - len(lines))
        sets = [frozenset(line.split()) for line in lines[:4]]
        return cls(sets[0], sets[1], sets[2], sets[3])

    def all(self) -> frozenset[str]:
        return self.title | self.text | self.title_folded | self.text_folded


def surface_words_of(stored: str | None) -> set[str]:
    parsed = StoredTerms.parse(stored)
    return {t for t in parsed.title | parsed.text if t.isalpha()}


# --- query words -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    """One content word of a question and the exact terms it may match, with their weights."""

    text: str  # as the user wrote it, lower case
    terms: tuple[tuple[str, float], ...]  # strongest first
    typed_diacritics: bool  # the user wrote å/ä/ö (or other marks)


def query_words(text: str) -> list[QueryWord]:
    """The content words of a question, stop words and question words dropped.

    A hyphenated word is one concept: its joined form counts fully, its parts less, the first
    part (F-ACT in F-ACT-samordnare) more than the last (samordnare)."""
    out: list[QueryWord] = []
    seen: set[tuple[str, ...]] = set()
    for word in words(text)[:64]:
        if is_stop(word):
            continue
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            joined = "".join(parts)
            if len(joined) > MAX_WORD:
                continue
            terms: list[tuple[str, float]] = [(joined, 1.0), (stem(joined), 0.9)]
            units = [u for u in _units(parts) if not is_stop(u) and len(u) >= 2]
            if len(units) > 1:
                for i, unit in enumerate(units):
                    weight = 0.8 if i == 0 else 0.6
                    terms += [(unit, weight), (stem(unit), round(weight - 0.05, 2))]
            _append(out, seen, joined, _weighted(terms))
            continue
        if len(word) < 2 or len(word) > MAX_WORD:
            continue
        _append(out, seen, word, _weighted([(word, 1.0), (stem(word), 0.9)]))
    return out


def _weighted(terms: list[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    best: dict[str, float] = {}
    for term, weight in terms:
        if len(term) >= 2 and weight > best.get(term, 0.0):
            best[term] = weight
    return tuple(sorted(best.items(), key=lambda tw: -tw[1]))


def _append(
    out: list[QueryWord],
    seen: set[tuple[str, ...]],
    word: str,
    terms: tuple[tuple[str, float], ...],
) -> None:
    key = tuple(t for t, _ in terms)
    if not terms or key in seen:
        return
    seen.add(key)
    out.append(QueryWord(text=word, terms=terms, typed_diacritics=fold(word) != word))
