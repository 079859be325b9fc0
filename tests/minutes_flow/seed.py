"""The LSVO ledningsgrupp meeting of 2021-06-04 (shared/seeds/004_029c77288144ec65.txt).

The people, titles, föredragande, "att" clauses and three discussion texts are copied from the
seed verbatim; `parse_seed()` reads the same things out of the seed file so a test can prove
the copy and the seed agree, and compare rendered minutes with the seed itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.shared import SEED_004

BODY = "LSVO ledningsgrupp"
SHORT = "LSVO"
DATE = "2021-06-04"
PHRASE = "LSVO:s ledningsgrupp beslutar"

CHAIR = "Bodil Sundlöf, Enheten för kvalitet och utveckling, Region Blekinge"
SECRETARY = "Mats Wennstig, Enheten för kvalitet och utveckling, Region Blekinge"

# "Närvarande ledamöter" after the chair, in the protocol's order.
LEDAMOTER = [
    "Torill Skaar Magnusson, förvaltningschef Omsorgsförvaltningen, Karlshamns kommun",
    "Annelie Kjellström, förvaltningschef Omsorgsförvaltningen, Sölvesborgs kommun",
    "Elina Tyrberg, förvaltningschef, Funktionsstödsförvaltningen, Karlskrona kommun",
    "Cecilia Grefve-Lang, förvaltningschef Socialförvaltningen, Karlskrona kommun",
    "Maria Appelskog, förvaltningschef Vård- och omsorgsförvaltningen, Ronneby kommun",
    "Birgitta Ratcovich, förvaltningschef Socialförvaltningen, Ronneby kommun",
    "Patrik Håkansson, förvaltningschef utbildningsförvaltningen, Olofströms kommun",
    "Kjell Ivarsson, hälso- och sjukvårdsdirektör, Region Blekinge",
    "Håkan Friberg, medicinsk rådgivare, Hälsovalsavdelningen, Region Blekinge",
    "Annika Mellqvist, tf hälso- och sjukvårdschef Nära vård, Region Blekinge",
    "Birgitta Friberg, hälso- och sjukvårdschef Specialiserad vård, Region Blekinge",
    "Maria Arvidsson-Karlsson, hälso- och sjukvårdschef Medicinska serviceverksamheter, Region Blekinge",
    "Carina Andersson, Enheten för kvalitet och utveckling, Region Blekinge",
]

FRANVARANDE = [
    "Gunilla Råberg, förvaltningschef Äldreförvaltningen, Karlskrona kommun",
    "Robert Schelin, förvaltningschef Socialförvaltningen, Olofströms kommun",
    "Thomas Svensson, förvaltningschef Arbete och välfärd, Karlshamns kommun",
    "Martin Åsman, förvaltningschef Barn- och utbildningsförvaltningen, Sölvesborgs kommun",
    "Tobias Ekblad, förvaltningschef utbildningsförvaltningen, Ronneby kommun",
    "Yvonne Strandh, förvaltningschef kunskapsförvaltningen, Karlskrona kommun",
    "Tomas Ringberg, förvaltningschef utbildningsförvaltningen, Karlshamns kommun",
]

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


PARAGRAPHS = [
    Paragraph(
        113,
        "Godkännande av föredragningslista",
        clauses=[
            "med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista"
        ],
    ),
    Paragraph(
        114,
        "Föregående sammanträdesprotokoll",
        clauses=["godkänna för 2021-05-07 upprättat sammanträdesprotokoll."],
    ),
    Paragraph(
        115,
        "Struktur läns gemensamma satsningar (se PPT)",
        "Kristina Borén och Bert Bengtsson",
        [
            "under perioden 20210901 - 2022 04 01 arbeta för att nå visionen logik läns gemensamma satsningar",
            "under perioden 2021 09 01 - 2022 04 01 testa förslaget i UPH enligt följande: ramverk för satsningar, grundförutsättningar för läns gemensamma satsningar, arbetsgång för beredning av satsningar, roll och ansvar samt utformning av samordningsgruppens sammansättning",
            "under perioden 2021 09 01 - 2022 06 01 vidareutveckla hittills identifierade områden inom tilltänkt struktur för att nå långsiktigt hållbara strukturer",
            "prioritera följande inriktningsområdena för kommande satsningar 2021-2022: Gemensam kunskapsutveckling inom målområdet samsjuklighet, målgruppen äldre samt den psykisk hälsan bland barn och unga",
        ],
        "Föredragande beskriver en möjlig arbetsgång för beredning av strategiska satsningar inom Uppdrag psykisk hälsa (UPH). Vidare beskrivs roller och ansvar för LSVO, samverkansgrupper och samordningsgrupp UPH med koppling till arbetsgången. Föredragande beskriver även förslag på inriktningsområden för 2021-22. Den föreslagna strukturen testas inom UPH för att sedan vidareutvecklas till att kunna appliceras i kommande satsningar.",
    ),
    Paragraph(
        116,
        "Samsjuklighet: Projektplan, fortsatt arbete (se utskickad projektplan inför mötet samt PPT x 2)",
        "Farhad Haddad-Nik och Margareta Jansson",
        [
            "ge samverkansgrupp vuxna i uppdrag att till LSVO:s möte i september ta fram förslag till prioritering av insatserna i projektplanen med utgångspunkt från samsjuklighetsutredningen",
            "rekrytering av ny projektledare inleds efter LSVO:s beslut om prioritering av insatserna i projektplanen i september",
        ],
    ),
    Paragraph(
        117,
        "FoU-avtal 2022- (se utskickat förslag inför mötet)",
        "Torill Skaar-Magnusson, Kjell Ivarsson och Mats Wennstig",
        [
            "avtalstexten kring avtalstid justeras till 2 år med option på förlängning med ytterligare 1 + 1 år.",
            "avtalet som helhet beslutas vid mötet 210611.",
        ],
        "Föredragande beskriver den förändring i §1 som gjorts avseende skolans inkludering i avtalet. Vidare har tydliggörande gjorts kring §6 Redovisning samt §9 Uppsägning. Vidare lyftes frågan om avtalstid. Ett förslag om att ha ett avtal på två år med option på ytterligare 1 + 1 år lyftes fram.",
    ),
    Paragraph(
        118,
        "Länsdialoger med Strategi för hälsa (se utskick inför mötet)",
        "Kjell Ivarsson",
        [
            "Cecilia Grefve-Lang tar en inledande kontakt med Jesper Ekberg på SKR och återkopplar därefter till LSVO",
            "region och kommuner utser representanter till en grupp som ska planera den kommande länsdialogen. Dessa meddelas vid LSVO:s möte den 3 september",
        ],
    ),
    Paragraph(
        119,
        "Arbetet med barn och unga inom FoU (se även PPT)",
        "Helen Sjöblom-Andersson och Birgitta Nilsson",
        ["lägga informationen till protokollet"],
    ),
    Paragraph(
        120,
        "Kvinnofridsatsningen",
        "Birgitta Nilsson",
        ["lägga informationen till protokollet"],
    ),
    Paragraph(
        121,
        "Utvecklingsdag för LSVO hösten -21",
        "Bodil Sundlöf",
        ["LSVO:s möts till en utvecklingsdag den 29 oktober kl 09.00 – 15.00"],
        "Föredragande lyfter fram ett förslag om att ha en utvecklingsdag för LSVO under hösten. Förslagsvis kan LSVO:s möte den 29 oktober förlängas till 15.00. Samtliga ledamöter funderar på angeläget innehåll för en sådan dag.",
    ),
    Paragraph(
        122,
        "Provtagning skolan",
        "Kjell Ivarsson",
        [
            "utveckla samarbetet mellan smittskyddet och skolorna/elevhälsan samt tydliggöra hur detta kan genomföras rent praktiskt."
        ],
    ),
    Paragraph(
        123,
        "Övriga frågor: a/ Upphandling transport",
        clauses=["lägga informationen till protokollet"],
    ),
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
