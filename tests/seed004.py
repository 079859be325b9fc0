"""The LSVO meeting of 2021-06-04 (shared/seeds/004_029c77288144ec65.txt), written out by hand.

People as "Namn, organisation och titel" exactly as the protocol lists them; paragraphs with
title, föredragande and the "att" clauses of each decision (without the leading "att").
"""

from __future__ import annotations

from dataclasses import dataclass

BODY = "LSVO ledningsgrupp"
SHORT = "LSVO"
DATE = "2021-06-04"
PHRASE = "LSVO:s ledningsgrupp beslutar"

CHAIR = "Bodil Sundlöf, Enheten för kvalitet och utveckling, Region Blekinge"
SECRETARY = "Mats Wennstig, Enheten för kvalitet och utveckling, Region Blekinge"

# "Närvarande ledamöter", the chair first, in the protocol's order.
PRESENT = [
    CHAIR,
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

ABSENT = [
    "Gunilla Råberg, förvaltningschef Äldreförvaltningen, Karlskrona kommun",
    "Robert Schelin, förvaltningschef Socialförvaltningen, Olofströms kommun",
    "Thomas Svensson, förvaltningschef Arbete och välfärd, Karlshamns kommun",
    "Martin Åsman, förvaltningschef Barn- och utbildningsförvaltningen, Sölvesborgs kommun",
    "Tobias Ekblad, förvaltningschef utbildningsförvaltningen, Ronneby kommun",
    "Yvonne Strandh, förvaltningschef kunskapsförvaltningen, Karlskrona kommun",
    "Tomas Ringberg, förvaltningschef utbildningsförvaltningen, Karlshamns kommun",
]

MEMBERS = PRESENT + ABSENT  # the 21 seats of the ledningsgrupp


def name_of(entry: str) -> str:
    return entry.split(",", 1)[0].strip()


def details_of(entry: str) -> str:
    return entry.split(",", 1)[1].strip()


@dataclass(frozen=True)
class Paragraph:
    number: int
    title: str
    presenters: str | None
    clauses: tuple[str, ...]
    phrase: str | None = PHRASE  # None: the protocol gives the clause without the phrase


PARAGRAPHS = [
    Paragraph(
        113,
        "Godkännande av föredragningslista",
        None,
        ("med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista",),
    ),
    Paragraph(
        114,
        "Föregående sammanträdesprotokoll",
        None,
        ("godkänna för 2021-05-07 upprättat sammanträdesprotokoll.",),
    ),
    Paragraph(
        115,
        "Struktur läns gemensamma satsningar (se PPT)",
        "Kristina Borén och Bert Bengtsson",
        (
            "under perioden 20210901 - 2022 04 01 arbeta för att nå visionen logik läns "
            "gemensamma satsningar",
            "under perioden 2021 09 01 - 2022 04 01 testa förslaget i UPH enligt följande: "
            "ramverk för satsningar, grundförutsättningar för läns gemensamma satsningar, "
            "arbetsgång för beredning av satsningar, roll och ansvar samt utformning av "
            "samordningsgruppens sammansättning",
            "under perioden 2021 09 01 - 2022 06 01 vidareutveckla hittills identifierade "
            "områden inom tilltänkt struktur för att nå långsiktigt hållbara strukturer",
            "prioritera följande inriktningsområdena för kommande satsningar 2021-2022: "
            "Gemensam kunskapsutveckling inom målområdet samsjuklighet, målgruppen äldre samt "
            "den psykisk hälsan bland barn och unga",
        ),
    ),
    Paragraph(
        116,
        "Samsjuklighet: Projektplan, fortsatt arbete (se utskickad projektplan inför mötet "
        "samt PPT x 2)",
        "Farhad Haddad-Nik och Margareta Jansson",
        (
            "ge samverkansgrupp vuxna i uppdrag att till LSVO:s möte i september ta fram "
            "förslag till prioritering av insatserna i projektplanen med utgångspunkt från "
            "samsjuklighetsutredningen",
            "rekrytering av ny projektledare inleds efter LSVO:s beslut om prioritering av "
            "insatserna i projektplanen i september",
        ),
    ),
    Paragraph(
        117,
        "FoU-avtal 2022- (se utskickat förslag inför mötet)",
        "Torill Skaar-Magnusson, Kjell Ivarsson och Mats Wennstig",
        (
            "avtalstexten kring avtalstid justeras till 2 år med option på förlängning med "
            "ytterligare 1 + 1 år.",
            "avtalet som helhet beslutas vid mötet 210611.",
        ),
    ),
    Paragraph(
        118,
        "Länsdialoger med Strategi för hälsa (se utskick inför mötet)",
        "Kjell Ivarsson",
        (
            "Cecilia Grefve-Lang tar en inledande kontakt med Jesper Ekberg på SKR och "
            "återkopplar därefter till LSVO",
            "region och kommuner utser representanter till en grupp som ska planera den "
            "kommande länsdialogen. Dessa meddelas vid LSVO:s möte den 3 september",
        ),
    ),
    Paragraph(
        119,
        "Arbetet med barn och unga inom FoU (se även PPT)",
        "Helen Sjöblom-Andersson och Birgitta Nilsson",
        ("lägga informationen till protokollet",),
    ),
    Paragraph(
        120,
        "Kvinnofridsatsningen",
        "Birgitta Nilsson",
        ("lägga informationen till protokollet",),
        phrase=None,
    ),
    Paragraph(
        121,
        "Utvecklingsdag för LSVO hösten -21",
        "Bodil Sundlöf",
        ("LSVO:s möts till en utvecklingsdag den 29 oktober kl 09.00 – 15.00",),
    ),
    Paragraph(
        122,
        "Provtagning skolan",
        "Kjell Ivarsson",
        (
            "utveckla samarbetet mellan smittskyddet och skolorna/elevhälsan samt tydliggöra "
            "hur detta kan genomföras rent praktiskt.",
        ),
    ),
    Paragraph(
        123,
        "Övriga frågor: a/ Upphandling transport",
        None,
        ("lägga informationen till protokollet",),
    ),
]


def heading_command(p: Paragraph) -> str:
    """`§ 116 Titel; föredragande …` as a secretary types it."""
    line = f"§ {p.number} {p.title}"
    return f"{line}; föredragande {p.presenters}" if p.presenters else line


def block_command(p: Paragraph) -> str:
    """The protocol's own form: the phrase on the first line, one "att" clause a line."""
    return "\n".join([p.phrase or PHRASE, *(f"att {c}" for c in p.clauses)])


def colon_command(p: Paragraph) -> str:
    """`beslut: att …; att …`."""
    return "beslut: " + "; ".join(f"att {c}" for c in p.clauses)
