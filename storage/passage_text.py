"""Words of passages and questions for the lexical side of passage search.

Swedish and English words are stemmed with the published Snowball stemmers (snowballstemmer, with
PyStemmer's C implementation when installed); stop words are Snowball's own lists
(storage/resources/stopwords.json names the source). Nothing here is chosen from our questions or
minutes: compounds are met at question time against the tenant's own vocabulary (storage.passages).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from storage.search_text import is_stop

DATA = Path(__file__).resolve().parent / "resources"
MAX_WORD = 40

# A letter the text lost (U+FFFD where a document's bytes could not be read, "�rsm�tet") stays
# part of its word, so that the word is kept whole and found by its readable spelling
# (damaged()).
_WORD = re.compile(r"(?:[^\W_]|\ufffd)+(?:[-:](?:[^\W_]|\ufffd)+)*")
_LOST = re.compile(r"[åäöéüæø]")


def damaged(term: str) -> str | None:
    """The term as a text that lost its non-ASCII letters spells it ("årsmöt" -> "�rsm�t"), or
    None when it has none: old minutes converted with the wrong encoding keep U+FFFD where å, ä
    and ö stood, and are found by the words as the asker types them."""
    out = _LOST.sub("\ufffd", term)
    return out if out != term else None


@lru_cache(maxsize=1)
def _stop() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads((DATA / "stopwords.json").read_text("utf-8"))
    return frozenset(data["sv"]), frozenset(data["en"])


def stop_words() -> frozenset[str]:
    sv, en = _stop()
    return sv | en


_SV = snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Swedish Snowball stem of a lower-case word (numbers and codes as they are)."""
    if not word.isalpha():
        return word
    return str(_SV.stemWord(word))


def tokens(text: str) -> list[str]:
    """Lower-case words of a text, NFC, codes such as F-ACT and 2021:3 kept whole."""
    text = unicodedata.normalize("NFC", text or "").lower()
    return [w for w in _WORD.findall(text) if len(w) <= MAX_WORD]


def _parts(word: str) -> list[str]:
    out = [word]
    if "-" in word or ":" in word:
        out += [p for p in re.split(r"[-:]", word) if p]
    return out


def passage_terms(text: str) -> list[str]:
    """The distinct terms a passage is found by (stems; stop words left out)."""
    stop = stop_words()
    seen: dict[str, None] = {}
    for word in tokens(text):
        for part in _parts(word):
            if part in stop or (len(part) < 2 and not part.isdigit()):
                continue
            seen.setdefault(stem(part), None)
    return list(seen)


_VOWELS = "aeiouyåäöé"


@lru_cache(maxsize=50_000)
def base_forms(term: str) -> tuple[str, ...]:
    """Stems of the indefinite form of a definite noun that Snowball's Swedish stemmer leaves
    whole: "-n" after a vowel ("strategin", "kassan", "skolan") and the neuter "-et"
    ("protokollet", "underskottet"), so a question's "projektet" meets the record's
    "projekt" (Snowball: "projek"). The record's definite forms are met the other way by prefix
    (storage.passages). General Swedish noun inflection, nothing chosen from our texts."""
    if len(term) < 6 or not term.isalpha():
        return ()
    out: list[str] = []
    if term[-1] == "n" and term[-2] in _VOWELS:
        out.append(stem(term[:-1]))
    elif term.endswith("et"):
        out.append(stem(term[:-2]))
    out = [b for b in out if len(b) >= 3]
    # A noun made of a verb with -ing/-ning, which Snowball keeps whole, meets the verb's
    # stem: "rekrytering" the record's "rekrytera" ("rekryter"), "anställning" "anställa",
    # "samordning" "samordna". A root shorter than five letters is left out ("ordning" is no
    # "ord", "tidning" no "tid").
    if term.endswith("ing") and len(term) >= 8:
        out += [r for r in (term[:-3], term[:-4] if term.endswith("ning") else "") if len(r) >= 5]
    return tuple(b for b in dict.fromkeys(out) if b != term)


def question_terms(text: str) -> list[str]:
    """The terms of a question: as a passage's, less the words that say how it asks ("vad
    sades om", "vem beslutade", "what was decided about": storage.search_text.QUERY_STOP, the
    list the question's topic is read with too). Such a verb is no sign of the answer: "sades"
    stems like every "sade" of the record and made a question about a topic the record holds
    look half-answered. English words stay as they are and match names, numbers and codes; their
    meaning is met by the dense vectors."""
    return passage_terms(" ".join(w for w in tokens(text) if not is_stop(w)))


__all__ = [
    "base_forms",
    "damaged",
    "passage_terms",
    "question_terms",
    "stem",
    "stop_words",
    "tokens",
]
