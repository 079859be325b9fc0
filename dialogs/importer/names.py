"""Evidence from published statistics of personal names: is a word a known given name or a
known surname?

Source: the name lists of the person providers of the `faker` package (MIT licence), read as
data only (no Faker instance is built):

- sv_SE: given names from the Institute for Language and Folklore's (Isof) statistics of the 500
  most common given names of men and of women; surnames from the Swedish Tax Agency's
  (Skatteverket) 500 most common surnames;
- no_NO, da_DK, fi_FI: given names and surnames common in the neighbouring countries, which are
  common among people living in Sweden too (Norwegian, Danish and Finnish names at
  cooperation bodies along the borders, Sweden Finns).

Measured on the annotated people of DEV, SHAPES and REAL (about 1,800 names; the test split not
read): the Swedish lists alone know the given name of 91 % of them and the surname of 58 %; the
three neighbouring locales add about 20 given names and 25 surnames at no cost in common words.
Other locales were left out: German and Icelandic given names add "Till", "Alla", "Val", "Har",
"Kalla", English surnames "Day", "Frost", "Small", Polish and Estonian surnames "Och", "Han",
"Eller", "Post" — ordinary Swedish words — for a handful of names more.

A name is evidence, not proof: Swedish given names include ordinary words ("Bo", "Dag", "Maj",
"Per", "Inga", "Mark", "My"), and half of all surnames are outside the top 500. Callers weigh
these answers against the shape of the text; `common_in` tells when a given name is used as an
ordinary word in the document at hand, and so is weaker evidence there.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable

# Locales whose name lists are read, Swedish first (see the module's docstring for the choice).
LOCALES = ("sv_SE", "no_NO", "da_DK", "fi_FI")

_GIVEN_ATTRIBUTES = ("first_names", "first_names_female", "first_names_male")
_SURNAME_ATTRIBUTES = ("last_names",)


def _words(values: Iterable[object]) -> set[str]:
    """The names of a provider list (a tuple, or an OrderedDict of name → weight), casefolded."""
    return {value.casefold() for value in values if isinstance(value, str) and value}


@functools.cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), read once from the providers' data."""
    given: set[str] = set()
    surnames: set[str] = set()
    for locale in LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ImportError:  # an older faker without the locale: the others still count
            continue
        provider = module.Provider
        for attribute in _GIVEN_ATTRIBUTES:
            given |= _words(getattr(provider, attribute, ()))
        for attribute in _SURNAME_ATTRIBUTES:
            surnames |= _words(getattr(provider, attribute, ()))
    return frozenset(given), frozenset(surnames)


def _parts(word: str) -> list[str]:
    word = word.strip(".,;:()").casefold()
    return [part for part in word.split("-") if part]


def is_given_name(word: str) -> bool:
    """A known given name: "Anna", "Örjan"; a hyphenated one when each part is known
    ("Anna-Lena", "Lars-Göran")."""
    given = _lexicon()[0]
    parts = _parts(word)
    return bool(parts) and ("-".join(parts) in given or all(part in given for part in parts))


def is_surname(word: str) -> bool:
    """A known surname: "Andersson", "Lindqvist"; a double-barrelled one when a part is known
    ("Andersson-Molina")."""
    surnames = _lexicon()[1]
    parts = _parts(word)
    return bool(parts) and ("-".join(parts) in surnames or any(part in surnames for part in parts))


@functools.lru_cache(maxsize=64)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w-])[a-zåäöéü]+(?![\w-])", text))


def common_in(word: str, text: str) -> bool:
    """The text uses the word as an ordinary lower-case word ("maj" in a date, "per" in
    "per capita", "dag" in "Dag och tid" → "dag och tid"): as a given name it is weak evidence
    there."""
    return bool(text) and word.casefold() in _lower_words(text)


def given_evidence(word: str, text: str = "") -> float:
    """How much a word says "a given name": 1 for a known given name that is no surname and no
    ordinary word of the text, less when it is one of those too, 0 for an unknown word."""
    if not is_given_name(word):
        return 0.0
    weight = 1.0
    if is_surname(word):
        weight -= 0.5  # "Dahl", "Holm", "Berg" are given names too in some locales
    if common_in(word, text):
        weight -= 0.5
    return max(weight, 0.0)


def surname_evidence(word: str) -> float:
    """1 for a known surname that is no given name, 0.5 for one that is both (a few are, in one
    locale or another), 0 for an unknown word."""
    if not is_surname(word):
        return 0.0
    return 0.5 if is_given_name(word) else 1.0


def unlike_a_name(words: list[str], text: str, particles: Iterable[str] = ()) -> bool:
    """Capitalised words that no name list knows, one of them an ordinary word of the document
    ("Ekonomisk Uppföljning" where the text also writes "uppföljning"; "Rindöborna Total"): a
    heading or an organisation's name rather than a person's. Unknown names ("Tekla Siesjö")
    are not used as ordinary words, so they stay names."""
    skip = {particle.casefold() for particle in particles}
    words = [word for word in words if word.casefold() not in skip]
    return (
        bool(words)
        and not any(is_given_name(word) or is_surname(word) for word in words)
        and any(common_in(word, text) for word in words)
    )
