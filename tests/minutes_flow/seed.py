"""The LSVO ledningsgrupp meeting of 2021-06-04 (shared/seeds/004_029c77288144ec65.txt).

The people, titles, föredragande and "att" clauses come from tests/seed004.py (the one
transcription of the seed), three discussion texts are copied here verbatim; `parse_seed()` reads the same things out of the seed file so a test can prove
the copy and the seed agree, and compare rendered minutes with the seed itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests import seed004
from tests.shared import SEED_004

BODY = seed004.BODY
SHORT = seed004.SHORT
DATE = seed004.DATE
PHRASE = seed004.PHRASE

CHAIR = seed004.CHAIR
SECRETARY = seed004.SECRETARY

# "Närvarande ledamöter" after the chair, in the protocol's order.
LEDAMOTER = seed004.PRESENT[1:]
FRANVARANDE = seed004.ABSENT

# Not in the seed (it has no justerare); added so that justering has two approvers.
JUSTERARE = LEDAMOTER[3]  # Cecilia Grefve-Lang


def name_of(entry: str) -> str:
    return entry.split(",", 1)[0].strip()


@dataclass
class Paragraph:
    number: int
    title: str
    presenters: str | None = None
    clauses: list[str] = field(default_factory=list)
    text: str | None = None


# Discussion texts of three §§, verbatim from the seed (the rest comes from tests/seed004.py).
TEXTS = {
    115: "Föredragande beskriver en möjlig arbetsgång för beredning av strategiska satsningar inom Uppdrag psykisk hälsa (UPH). Vidare beskrivs roller och ansvar för LSVO, samverkansgrupper och samordningsgrupp UPH med koppling till arbetsgången. Föredragande beskriver även förslag på inriktningsområden för 2021-22. Den föreslagna strukturen testas inom UPH för att sedan vidareutvecklas till att kunna appliceras i kommande satsningar.",
    117: "Föredragande beskriver den förändring i §1 som gjorts avseende skolans inkludering i avtalet. Vidare har tydliggörande gjorts kring §6 Redovisning samt §9 Uppsägning. Vidare lyftes frågan om avtalstid. Ett förslag om att ha ett avtal på två år med option på ytterligare 1 + 1 år lyftes fram.",
    121: "Föredragande lyfter fram ett förslag om att ha en utvecklingsdag för LSVO under hösten. Förslagsvis kan LSVO:s möte den 29 oktober förlängas till 15.00. Samtliga ledamöter funderar på angeläget innehåll för en sådan dag.",
}

PARAGRAPHS = [
    Paragraph(p.number, p.title, p.presenters, list(p.clauses), TEXTS.get(p.number))
    for p in seed004.PARAGRAPHS
]

# § 119 is public in the seed; the tests mark it sekretess (added) for the public version.
SECRET = 119


# --- reading the seed file -------------------------------------------------------------------


@dataclass
class SeedMinutes:
    chair: str
    ledamoter: list[str]
    franvarande: list[str]
    sekreterare: list[str]
    titles: dict[int, str]
    presenters: dict[int, str]
    clauses: dict[int, list[str]]


def _strip_md(line: str) -> str:
    return line.strip().lstrip("#").strip().replace("**", "").strip().rstrip(":").strip()


def _section(lines: list[str], start: str, stop: str) -> list[str]:
    i = next(n for n, ln in enumerate(lines) if ln.strip().startswith(start))
    j = next(n for n, ln in enumerate(lines) if n > i and ln.strip().startswith(stop))
    return [ln.strip() for ln in lines[i + 1 : j] if ln.strip() and not ln.lstrip().startswith("#")]


def parse_seed(path: Path = SEED_004) -> SeedMinutes:
    """People, § titles, föredragande and "att" clauses as the seed prints them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    present = _section(lines, "#### Närvarande ledamöter", "**Frånvarande:**")
    titles: dict[int, str] = {}
    presenters: dict[int, str] = {}
    clauses: dict[int, list[str]] = {}
    current: int | None = None
    headings: list[str] = []
    for line in lines:
        m = re.match(r"^#+\s*(?:\*\*)?§\s*(\d+)", line.strip())
        if m:
            if current is not None:
                titles[current] = ": ".join(headings)
            current, headings = int(m.group(1)), []
            continue
        if current is None:
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            text = _strip_md(stripped)
            if text.endswith("beslutar"):
                continue
            if text.startswith("Protokollet ska skickas till"):
                titles[current] = ": ".join(headings)
                current = None
                continue
            headings.append(text)
        elif stripped.startswith("**att** "):
            clauses.setdefault(current, []).append(stripped[len("**att** ") :])
        elif stripped.startswith("*Föredragande:"):
            presenters[current] = stripped.strip("*").split(":", 1)[1].strip()
    if current is not None:
        titles[current] = ": ".join(headings)
    return SeedMinutes(
        chair=present[0],
        ledamoter=present[1:],
        franvarande=_section(lines, "**Frånvarande:**", "**Sekreterare:**"),
        sekreterare=_section(lines, "**Sekreterare:**", "**Paragrafer:**"),
        titles=titles,
        presenters=presenters,
        clauses=clauses,
    )
