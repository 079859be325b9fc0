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


def personnummer_spans(text: str) -> list[tuple[int, int]]:
    """Where text holds something shaped like a personnummer (start, end)."""
    spans: list[tuple[int, int]] = []
    for match in _PERSONNUMMER.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        # Ten bare digits starting with 0 are far more often a phone number (070…).
        if "-" in raw or "+" in raw or len(digits) == 12 or not digits.startswith("0"):
            spans.append((match.start(), match.end()))
    return spans


def has_personnummer(text: str) -> bool:
    return bool(personnummer_spans(text))


def mask_personnummer(text: str) -> tuple[str, list[int]]:
    """Text with every personnummer's digits replaced by X, and the (1-based) lines they were on."""
    spans = personnummer_spans(text)
    if not spans:
        return text, []
    parts: list[str] = []
    lines: list[int] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(re.sub(r"\d", "X", text[start:end]))
        lines.append(text.count("\n", 0, start) + 1)
        last = end
    parts.append(text[last:])
    return "".join(parts), lines


def split_people(text: str) -> list[str]:
    """`;` or a new line separates people in a list."""
    return [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]


def split_name(entry: str) -> tuple[str, str | None]:
    """The first `,` separates a name from organisation and title."""
    name, _, rest = entry.partition(",")
    return squash(name), (squash(rest) or None)
