"""Text helpers shared by the grammar, name matching and search."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"}
)
_SPACE = re.compile(r"\s+")
# ÅÅMMDD-NNNN / ÅÅÅÅMMDD-NNNN / ÅÅÅÅMMDDNNNN with a plausible month and day.
_PERSONNUMMER = re.compile(
    r"(?<![\d-])(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-+]?\d{4}(?![\d-])"
)


def fold(text: str) -> str:
    """Lower case with å/ä/ö folded, for matching what people type without diacritics."""
    text = unicodedata.normalize("NFC", text).lower()
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def name_key(name: str) -> str:
    """Key for matching a person's or body's name: folded, punctuation-insensitive."""
    return re.sub(r"[^\w ]+", "", fold(name).replace("-", " ")).strip()


def has_personnummer(text: str) -> bool:
    for match in _PERSONNUMMER.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        if "-" in raw or "+" in raw or len(digits) == 12:
            return True
        # Ten bare digits starting with 0 are far more often a phone number (070…).
        if len(digits) == 10 and not digits.startswith("0"):
            return True
    return False


def split_people(text: str) -> list[str]:
    """`;` or a new line separates people in a list."""
    return [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]


def split_name(entry: str) -> tuple[str, str | None]:
    """The first `,` separates a name from organisation and title."""
    name, _, rest = entry.partition(",")
    return squash(name), (squash(rest) or None)
