"""Rendering of minutes, checked against the 004 seed (LSVO ledningsgrupp, 2021-06-04).

The document is built by hand with the seed's header, people and "att" clauses verbatim. A few
things the seed lacks are added so that every part of the form is exercised, each marked
"added": an ersättare, a partial attendee, a justerare, justering in Teams, a correction, and
§ 119 marked as sekretess.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from dialogs.minutes import (
    CARD_MAX_BYTES,
    SECRECY_TEXT,
    AssignmentDoc,
    Attachment,
    AttendeeLine,
    CorrectionDoc,
    DecisionDoc,
    JusteringInfo,
    MinutesDocument,
    ParagraphDoc,
    ParagraphNotFoundError,
    card_size,
    render_docx,
    render_extract,
    render_html,
    render_markdown,
    render_text,
    summary_card,
)
from tests import seed004
from tests.shared import SEED_004, shared

PHRASE = "LSVO:s ledningsgrupp beslutar"
REGION = "Region Blekinge"
KVALITET = "Enheten för kvalitet och utveckling"

# The seed's "att" clauses per §, verbatim (tests/seed004.py).
CLAUSES: dict[int, list[str]] = {p.number: list(p.clauses) for p in seed004.PARAGRAPHS}

TITLES: dict[int, str] = {
    113: "Godkännande av föredragningslista",
    114: "Föregående sammanträdesprotokoll",
    115: "Struktur läns gemensamma satsningar",
    116: "Samsjuklighet: Projektplan, fortsatt arbete",
    117: "FoU-avtal 2022- (se utskickat förslag inför mötet)",
    118: "Länsdialoger med Strategi för hälsa (se utskick inför mötet)",
    119: "Arbetet med barn och unga inom FoU (se även PPT)",
    120: "Kvinnofridsatsningen",
    121: "Utvecklingsdag för LSVO hösten -21",
    122: "Provtagning skolan",
    123: "Övriga frågor: a/ Upphandling transport",
}

TEXT_116 = (
    "Farhad Haddad-Nik, som fungerat som projektledare i den inledande arbetet, presenterar "
    "huvuddragen i Sammanhållen Vårdprocess för personer med Samsjuklighet i Blekinge "
    "(SVS i Blekinge).\n"
    "Vidare presenterade Margareta Jansson samsjuklighetsutredningen där Anders Printz är "
    "regeringens särskilda utredare. Inriktningen på förslagen är enligt följande;\n"
    "- Verksamhet som bedrivs utifrån den enskildes behov, mål och resurser\n"
    "- Varje person som får insatser i verksamheten har tillgång till en vård-och "
    "stödsamordnare"
)
TEXT_117 = (
    "Föredragande beskriver den förändring i §1 som gjorts avseende skolans inkludering i "
    "avtalet. Vidare har tydliggörande gjorts kring §6 Redovisning samt §9 Uppsägning."
)
# § 119 is public in the seed; marked sekretess here (added), so these must never leak.
TEXT_119 = (
    "Föredragande gav en beskrivning kring en workshop kring Barnkonventionen. Vidare "
    "informerades om en studie kring placerade barns hälsa."
)
NOTE_119 = "Uppgifterna om enskilda placerade barn omfattas av sekretess."
PRESENTER_119 = "Helen Sjöblom-Andersson"


LEDAMOTER = [
    ("Torill Skaar Magnusson", "förvaltningschef Omsorgsförvaltningen", "Karlshamns kommun"),
    ("Annelie Kjellström", "förvaltningschef Omsorgsförvaltningen", "Sölvesborgs kommun"),
    ("Elina Tyrberg", "förvaltningschef, Funktionsstödsförvaltningen", "Karlskrona kommun"),
    ("Cecilia Grefve-Lang", "förvaltningschef Socialförvaltningen", "Karlskrona kommun"),
    ("Maria Appelskog", "förvaltningschef Vård- och omsorgsförvaltningen", "Ronneby kommun"),
    ("Birgitta Ratcovich", "förvaltningschef Socialförvaltningen", "Ronneby kommun"),
    ("Patrik Håkansson", "förvaltningschef utbildningsförvaltningen", "Olofströms kommun"),
    ("Kjell Ivarsson", "hälso- och sjukvårdsdirektör", REGION),
    ("Håkan Friberg", "medicinsk rådgivare, Hälsovalsavdelningen", REGION),
    ("Annika Mellqvist", "tf hälso- och sjukvårdschef Nära vård", REGION),
    ("Birgitta Friberg", "hälso- och sjukvårdschef Specialiserad vård", REGION),
    (
        "Maria Arvidsson-Karlsson",
        "hälso- och sjukvårdschef Medicinska serviceverksamheter",
        REGION,
    ),
    ("Carina Andersson", KVALITET, REGION),
]

FRANVARANDE = [
    ("Gunilla Råberg", "förvaltningschef Äldreförvaltningen", "Karlskrona kommun"),
    ("Robert Schelin", "förvaltningschef Socialförvaltningen", "Olofströms kommun"),
    ("Thomas Svensson", "förvaltningschef Arbete och välfärd", "Karlshamns kommun"),
    ("Martin Åsman", "förvaltningschef Barn- och utbildningsförvaltningen", "Sölvesborgs kommun"),
    ("Tobias Ekblad", "förvaltningschef utbildningsförvaltningen", "Ronneby kommun"),
    ("Yvonne Strandh", "förvaltningschef kunskapsförvaltningen", "Karlskrona kommun"),
    ("Tomas Ringberg", "förvaltningschef utbildningsförvaltningen", "Karlshamns kommun"),
]

PARTIAL_NAME = "Håkan Friberg"  # added: present for §§ 113–118 only
ERSATTARE_NAME = "Eva Lindqvist"  # added: stands in for an absent ledamot


def seed_document() -> MinutesDocument:
    people = [
        AttendeeLine("Bodil Sundlöf", REGION, KVALITET, group="ordforande"),
    ]
    for name, title, org in LEDAMOTER:
        partial = name == PARTIAL_NAME
        people.append(
            AttendeeLine(
                name,
                org,
                title,
                group="ledamot",
                status="partial" if partial else "present",
                partial_note="§§ 113–118" if partial else None,
            )
        )
    people.append(
        AttendeeLine(
            ERSATTARE_NAME,
            "Karlskrona kommun",
            "verksamhetschef Äldreförvaltningen",
            group="ersattare",
            serving_for="Gunilla Råberg",
        )
    )
    for name, title, org in FRANVARANDE:
        people.append(AttendeeLine(name, org, title, group="ledamot", status="absent"))
    people.append(AttendeeLine("Mats Wennstig", REGION, KVALITET, group="sekreterare"))
    people.append(
        AttendeeLine(
            "Cecilia Grefve-Lang",
            "Karlskrona kommun",
            "förvaltningschef Socialförvaltningen",
            group="justerare",
        )
    )

    def decided(number: int) -> list[DecisionDoc]:
        return [DecisionDoc(PHRASE, list(CLAUSES[number]))]

    paragraphs = [
        ParagraphDoc(113, TITLES[113], decisions=decided(113)),
        ParagraphDoc(
            114,
            TITLES[114],
            text="Återkoppling protokoll 2021-05-07:",
            decisions=decided(114),
        ),
        ParagraphDoc(
            115,
            TITLES[115],
            presenters=["Kristina Borén", "Bert Bengtsson"],
            attachments=[Attachment("PPT")],
            decisions=decided(115),
        ),
        ParagraphDoc(
            116,
            TITLES[116],
            presenters=["Farhad Haddad-Nik", "Margareta Jansson"],
            attachments=[
                Attachment("Projektplan", "https://example.org/lsvo/projektplan.pdf"),
                Attachment("PPT x 2"),
            ],
            text=TEXT_116,
            decisions=decided(116),
        ),
        ParagraphDoc(
            117,
            TITLES[117],
            presenters=["Torill Skaar-Magnusson", "Kjell Ivarsson", "Mats Wennstig"],
            diarienummer="LSVO 2021/17",  # added
            text=TEXT_117,
            decisions=decided(117),
        ),
        ParagraphDoc(
            118,
            TITLES[118],
            presenters=["Kjell Ivarsson"],
            decisions=decided(118),
            assignments=[
                AssignmentDoc(
                    "Cecilia Grefve-Lang",
                    "ta en inledande kontakt med Jesper Ekberg på SKR",
                    "till LSVO:s möte den 3 september",
                )
            ],
        ),
        ParagraphDoc(
            119,
            TITLES[119],
            presenters=[PRESENTER_119, "Birgitta Nilsson"],
            text=TEXT_119,
            confidential=True,  # added
            decisions=[DecisionDoc(PHRASE, list(CLAUSES[119]), notes=[NOTE_119])],
        ),
        ParagraphDoc(120, TITLES[120], presenters=["Birgitta Nilsson"], decisions=decided(120)),
        ParagraphDoc(121, TITLES[121], presenters=["Bodil Sundlöf"], decisions=decided(121)),
        ParagraphDoc(122, TITLES[122], presenters=["Kjell Ivarsson"], decisions=decided(122)),
        ParagraphDoc(123, TITLES[123], decisions=decided(123)),
    ]
    return MinutesDocument(
        body_name="LSVO ledningsgrupp",
        body_short="LSVO",
        form="protokoll",
        meeting_title="Sammanträdesprotokoll",
        date=dt.date(2021, 6, 4),
        start=dt.time(13, 0),
        end=dt.time(15, 30),
        place="via Teams",
        status="justerat",
        justering=JusteringInfo(
            dt.date(2021, 6, 11), "Teams", ["Bodil Sundlöf", "Cecilia Grefve-Lang"]
        ),
        people=people,
        paragraphs=paragraphs,
        corrections=[
            CorrectionDoc(
                when=dt.datetime(2021, 6, 14, 9, 30),
                who="Mats Wennstig",
                paragraph=117,
                what="Föredragandes namn rättat till Torill Skaar-Magnusson.",
                why="Namnet var felstavat i det justerade protokollet.",
            )
        ],
        send_to=[
            "Diariet",
            "Ledamöter",
            "Sammanställande i verksamhetsgrupperna",
            "Peter Lilja",
            "Lars Ericsson",
        ],
        letterhead="Samverkan Blekinge - Hälsa, vård, lärande och social välfärd",
    )


@pytest.fixture
def doc() -> MinutesDocument:
    return seed_document()


# ------------------------------------------------------------------------------------------
# Reading the rendered formats back into (heading → list items) structure


def _sections(entries: list[tuple[str, str]]) -> dict[str, list[str]]:
    """entries: ("heading", text) or ("item", text), in document order."""
    out: dict[str, list[str]] = {}
    current = ""
    for kind, text in entries:
        if kind == "heading":
            current = text
            out.setdefault(current, [])
        elif kind == "item":
            out.setdefault(current, []).append(text)
    return out


def md_sections(md: str) -> dict[str, list[str]]:
    entries = []
    for line in md.splitlines():
        if line.startswith("#"):
            entries.append(("heading", line.lstrip("#").strip()))
        elif line.startswith("- "):
            entries.append(("item", line[2:].replace("\\", "")))
    return _sections(entries)


def text_sections(text: str) -> dict[str, list[str]]:
    lines = text.splitlines()
    entries = []
    for i, line in enumerate(lines):
        if line.startswith("- "):
            entries.append(("item", line[2:]))
        elif line and not set(line) <= {"=", "-"}:
            following = next((ln for ln in lines[i + 1 :] if ln), "")
            if following.startswith("- ") or (following and set(following) <= {"=", "-"}):
                entries.append(("heading", line))
    return _sections(entries)


class _HtmlStructure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, str]] = []
        self._kind: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "li"}:
            self._kind = "item" if tag == "li" else "heading"
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if self._kind and tag in {"h1", "h2", "h3", "h4", "h5", "h6", "li"}:
            self.entries.append((self._kind, "".join(self._buffer).strip()))
            self._kind = None

    def handle_data(self, data: str) -> None:
        if self._kind:
            self._buffer.append(data)


def html_sections(page: str) -> dict[str, list[str]]:
    parser = _HtmlStructure()
    parser.feed(page)
    return _sections(parser.entries)


def docx_entries(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    entries = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading"):
            entries.append(("heading", paragraph.text))
        elif style == "List Bullet":
            entries.append(("item", paragraph.text))
        else:
            entries.append(("para", paragraph.text))
    return entries


def _names(items: list[str]) -> list[str]:
    return [item.split(",", 1)[0].strip() for item in items]


def assert_people_grouped(sections: dict[str, list[str]]) -> None:
    assert _names(sections["Ordförande"]) == ["Bodil Sundlöf"]
    assert sections["Ordförande"][0] == f"Bodil Sundlöf, {KVALITET}, {REGION}"
    assert _names(sections["Ledamöter"]) == [name for name, _, _ in LEDAMOTER]
    assert (
        "Torill Skaar Magnusson, förvaltningschef Omsorgsförvaltningen, Karlshamns kommun"
        in (sections["Ledamöter"])
    )
    partial = [i for i in sections["Ledamöter"] if i.startswith(PARTIAL_NAME)]
    assert partial == [
        f"{PARTIAL_NAME}, medicinsk rådgivare, Hälsovalsavdelningen, {REGION} "
        "(del av mötet, §§ 113–118)"
    ]
    assert sections["Ersättare"] == [
        f"{ERSATTARE_NAME}, verksamhetschef Äldreförvaltningen, Karlskrona kommun "
        "(tjänstgörande för Gunilla Råberg)"
    ]
    assert _names(sections["Frånvarande"]) == [name for name, _, _ in FRANVARANDE]
    assert "Återbud" not in sections
    assert sections["Sekreterare"] == [f"Mats Wennstig, {KVALITET}, {REGION}"]
    assert _names(sections["Justerare"]) == ["Cecilia Grefve-Lang"]
    assert sections["Protokollet ska skickas till"] == [
        "Diariet",
        "Ledamöter",
        "Sammanställande i verksamhetsgrupperna",
        "Peter Lilja",
        "Lars Ericsson",
    ]


# ------------------------------------------------------------------------------------------
# The fixture itself is faithful to the seed


def test_fixture_clauses_are_the_seeds_verbatim() -> None:
    seed_clauses = re.findall(
        r"^\*\*att\*\* (.+?)\s*$", shared(SEED_004).read_text(encoding="utf-8"), re.MULTILINE
    )
    ours = [clause for number in sorted(CLAUSES) for clause in CLAUSES[number]]
    assert ours == seed_clauses


# ------------------------------------------------------------------------------------------
# Markdown


def test_markdown_header_people_and_paragraphs(doc: MinutesDocument) -> None:
    md = render_markdown(doc)
    assert md.startswith("*Samverkan Blekinge - Hälsa, vård, lärande och social välfärd*")
    assert "# LSVO ledningsgrupp\n" in md
    assert "## Protokoll\n" in md
    assert "**Datum:** 2021-06-04" in md
    assert "**Tid och plats:** Fredagen den 4 juni 2021 kl. 13.00–15.30 via Teams" in md
    assert "**Paragrafer:** § 113 – § 123" in md
    assert_people_grouped(md_sections(md))

    for number, title in TITLES.items():
        assert f"\n## § {number}\n" in md
        assert f"\n### {title}\n" in md
        for clause in CLAUSES[number]:
            assert f"**att** {clause}\n" in md
    assert f"**{PHRASE}**" in md
    # Teams renders three heading levels; nothing deeper may appear.
    assert not re.search(r"^####", md, re.MULTILINE)
    assert "*Föredragande: Farhad Haddad-Nik och Margareta Jansson*" in md
    assert "*Föredragande: Torill Skaar-Magnusson, Kjell Ivarsson och Mats Wennstig*" in md
    assert "**Diarienummer:** LSVO 2021/17" in md
    assert "**Bilagor:** [Projektplan](https://example.org/lsvo/projektplan.pdf), PPT x 2" in md
    assert "- Verksamhet som bedrivs utifrån den enskildes behov, mål och resurser" in md
    assert (
        "**Uppdrag:** Cecilia Grefve-Lang – ta en inledande kontakt med Jesper Ekberg på SKR "
        "(till LSVO:s möte den 3 september)"
    ) in md
    assert f"**Protokollsanteckning:** {NOTE_119}" in md


def test_markdown_corrections_justering_and_signatures(doc: MinutesDocument) -> None:
    md = render_markdown(doc)
    assert "## Rättelser" in md
    assert (
        "- 2021-06-14 09.30, Mats Wennstig, § 117: "
        "Föredragandes namn rättat till Torill Skaar-Magnusson. *Skäl:* "
        "Namnet var felstavat i det justerade protokollet."
    ) in md
    assert "**Status:** Justerat den 2021-06-11 i Teams" in md
    assert (
        "## Justering\n\nJusterat den 2021-06-11 i Teams av Bodil Sundlöf och Cecilia Grefve-Lang."
    ) in md
    signatures = md.split("## Underskrifter", 1)[1].split("## § 113", 1)[0]
    assert f".....  \nBodil Sundlöf, {KVALITET}, {REGION}  \nOrdförande" in signatures
    assert f".....  \nMats Wennstig, {KVALITET}, {REGION}  \nSekreterare" in signatures
    assert ".....  \nCecilia Grefve-Lang" in signatures
    assert signatures.rstrip().endswith("Justerare")
    # The order of the 004 seed's form: people, Paragrafer, Underskrifter, the §§, then
    # Rättelser, Justering and the recipients.
    positions = [
        md.index(h)
        for h in (
            "## Närvarande",
            "## Frånvarande",
            "## Sekreterare",
            "## Justerare",
            "**Paragrafer:** § 113 – § 123",
            "## Underskrifter",
            "## § 113",
            "## § 123",
            "## Rättelser",
            "## Justering",
            "## Protokollet ska skickas till",
        )
    ]
    assert positions == sorted(positions)


def test_markdown_escapes_what_would_break_formatting() -> None:
    doc = MinutesDocument(
        body_name="Grupp *A*",
        body_short="A",
        form="protokoll",
        date=dt.date(2024, 5, 17),
        people=[AttendeeLine("Anna_Berg [gäst]", "Kommun <X>", group="ovrig")],
        paragraphs=[
            ParagraphDoc(
                1,
                "Budget *preliminär* [utkast]_v2",
                text="# inte en rubrik\n1. inte en lista",
                decisions=[DecisionDoc("Gruppen beslutar", ["anta `budgeten` ~~nu~~"])],
            )
        ],
    )
    md = render_markdown(doc)
    assert "# Grupp \\*A\\*" in md
    assert "### Budget \\*preliminär\\* \\[utkast\\]\\_v2" in md
    assert "- Anna\\_Berg \\[gäst\\], Kommun \\<X\\>" in md
    assert "\n\\# inte en rubrik\n" in md
    assert "\n1\\. inte en lista\n" in md
    assert "**att** anta \\`budgeten\\` \\~\\~nu\\~\\~" in md


# ------------------------------------------------------------------------------------------
# Plain text and HTML


def test_text_holds_people_headings_and_clauses(doc: MinutesDocument) -> None:
    text = render_text(doc)
    assert text.startswith("Samverkan Blekinge")
    assert "LSVO ledningsgrupp\n==================" in text
    assert "Tid och plats: Fredagen den 4 juni 2021 kl. 13.00–15.30 via Teams" in text
    assert_people_grouped(text_sections(text))
    for number, title in TITLES.items():
        assert f"\n§ {number}\n-----\n\n{title}\n" in text
        for clause in CLAUSES[number]:
            assert f"\natt {clause}\n" in text
    assert "Projektplan <https://example.org/lsvo/projektplan.pdf>" in text
    assert "**" not in text


def test_html_is_a_standalone_escaped_page(doc: MinutesDocument) -> None:
    page = render_html(doc)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in page
    assert '<meta charset="utf-8">' in page
    assert "<title>LSVO ledningsgrupp – Protokoll 2021-06-04</title>" in page
    assert "@media print" in page
    assert page.rstrip().endswith("</html>")

    sections = html_sections(page)
    assert_people_grouped(sections)
    for number, title in TITLES.items():
        assert f"<h2>§ {number}</h2>" in page
        assert f"<h3>{html.escape(title)}</h3>" in page
        for clause in CLAUSES[number]:
            assert f'<p class="clause"><strong>att</strong> {html.escape(clause)}</p>' in page
    assert f"<h4>{html.escape(PHRASE)}</h4>" in page
    assert '<a href="https://example.org/lsvo/projektplan.pdf">Projektplan</a>' in page


def test_html_escapes_names_text_and_refuses_script_links() -> None:
    doc = MinutesDocument(
        body_name="Råd <b>&</b>",
        body_short="R",
        form="minnesanteckningar",
        date=dt.date(2024, 5, 17),
        people=[AttendeeLine('Eva "<script>alert(1)</script>"', group="ledamot")],
        paragraphs=[
            ParagraphDoc(
                1,
                "Titel <img src=x onerror=alert(1)>",
                attachments=[Attachment("Bilaga", "javascript:alert(1)")],
                text="a < b & c",
            )
        ],
    )
    page = render_html(doc)
    assert "<script>" not in page
    assert "<img" not in page
    assert "javascript:" not in page
    assert "<title>Råd &lt;b&gt;&amp;&lt;/b&gt; – Minnesanteckningar 2024-05-17</title>" in page
    assert "&lt;script&gt;" in page
    assert "<p>a &lt; b &amp; c</p>" in page


# ------------------------------------------------------------------------------------------
# The public version


def _assert_no_secret(rendered: str) -> None:
    assert TITLES[119] not in rendered
    assert "Arbetet med barn och unga" not in rendered
    assert "placerade barns hälsa" not in rendered
    assert NOTE_119 not in rendered
    assert PRESENTER_119 not in rendered
    assert "§ 119 Sekretess" in rendered
    assert SECRECY_TEXT in rendered


def test_public_versions_leave_out_the_confidential_paragraph(doc: MinutesDocument) -> None:
    # The clause of § 119 is shared with §§ 120 and 123, so count its occurrences.
    shared = "lägga informationen till protokollet"
    md_full, md_public = render_markdown(doc), render_markdown(doc, public=True)
    assert md_full.count(f"**att** {shared}") == 3
    assert md_public.count(f"**att** {shared}") == 2
    assert TITLES[119] in md_full
    _assert_no_secret(md_public)
    assert "## § 119 Sekretess" in md_public
    assert "Offentlig version" in md_public

    text_public = render_text(doc, public=True)
    _assert_no_secret(text_public)
    assert text_public.count(f"att {shared}") == 2

    html_public = render_html(doc, public=True)
    _assert_no_secret(html_public)
    assert "<h2>§ 119 Sekretess</h2>" in html_public

    # Every other § is still there.
    for number, title in TITLES.items():
        if number != 119:
            assert f"### {title}" in md_public
            for clause in CLAUSES[number]:
                assert clause in md_public


def test_public_hides_what_a_correction_to_a_secret_paragraph_says() -> None:
    doc = seed_document()
    doc.corrections.append(
        CorrectionDoc(
            when=dt.datetime(2021, 6, 15, 8, 0),
            who="Mats Wennstig",
            paragraph=119,
            what="Namnet på placerade barns hälsa-studien rättat.",
            why="Fel studie angavs.",
        )
    )
    public = render_markdown(doc, public=True)
    _assert_no_secret(public)
    assert "Fel studie angavs" not in public
    assert "2021-06-15 08.00, Mats Wennstig, § 119: rättelse i paragraf med sekretess." in public
    assert "Fel studie angavs." in render_markdown(doc)


def test_corrections_are_in_swedish_time_and_in_order() -> None:
    doc = seed_document()
    # Stored in UTC by one source and as naive local time by another.
    doc.corrections.insert(
        0,
        CorrectionDoc(
            when=dt.datetime(2021, 6, 14, 10, 0, tzinfo=dt.UTC),
            who="Bodil Sundlöf",
            paragraph=None,
            what="Justeringsdatum förtydligat.",
            why="Oklart datum.",
        ),
    )
    md = render_markdown(doc)
    first = md.index("- 2021-06-14 09.30, Mats Wennstig, § 117:")
    second = md.index("- 2021-06-14 12.00, Bodil Sundlöf: Justeringsdatum förtydligat.")
    assert first < second


# ------------------------------------------------------------------------------------------
# DOCX


def test_docx_reads_back_with_headings_lists_and_clauses(doc: MinutesDocument) -> None:
    data = render_docx(doc)
    entries = docx_entries(data)
    headings = [text for kind, text in entries if kind == "heading"]
    paragraphs = [text for kind, text in entries if kind == "para"]
    assert headings[:2] == ["LSVO ledningsgrupp", "Protokoll"]
    for number, title in TITLES.items():
        index = headings.index(f"§ {number}")
        assert headings[index + 1] == title
        for clause in CLAUSES[number]:
            assert f"att {clause}" in paragraphs
    assert PHRASE in headings
    assert_people_grouped(_sections(entries))
    assert "Rättelser" in headings
    assert "Justerat den 2021-06-11 i Teams av Bodil Sundlöf och Cecilia Grefve-Lang." in (
        paragraphs
    )
    signature = next(p for p in paragraphs if p.startswith(".....") and "Ordförande" in p)
    assert signature == f".....\nBodil Sundlöf, {KVALITET}, {REGION}\nOrdförande"

    document = docx.Document(io.BytesIO(data))
    # Real Word styles, so the navigation pane and a table of contents work.
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet"} <= styles
    bold_att = [
        run for p in document.paragraphs for run in p.runs if run.text == "att" and run.bold
    ]
    assert len(bold_att) == sum(len(c) for c in CLAUSES.values())
    assert document.core_properties.title == "LSVO ledningsgrupp – Protokoll 2021-06-04"
    assert document.core_properties.author == "Mats Wennstig"
    assert document.core_properties.language == "sv-SE"
    links = [h for p in document.paragraphs for h in p.hyperlinks]
    assert [(h.text, h.address) for h in links] == [
        ("Projektplan", "https://example.org/lsvo/projektplan.pdf")
    ]


def test_docx_footer_has_page_fields(doc: MinutesDocument) -> None:
    document = docx.Document(io.BytesIO(render_docx(doc)))
    footer = document.sections[0].footer
    instructions = [el.text.strip() for el in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [el.get(qn("w:fldCharType")) for el in footer._element.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    text = footer.paragraphs[0].text
    assert text.startswith("LSVO – Protokoll 2021-06-04 · Sida 1 av 1")


def test_docx_public_version_leaves_out_the_secret(doc: MinutesDocument) -> None:
    document = docx.Document(io.BytesIO(render_docx(doc, public=True)))
    everything = "\n".join(p.text for p in document.paragraphs)
    everything += "\n" + (document.core_properties.title or "")
    everything += "\n" + "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    _assert_no_secret(everything)
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 2"]
    assert "§ 119 Sekretess" in headings


def test_docx_survives_control_characters() -> None:
    doc = seed_document()
    doc.paragraphs[0].text = "Rad med\x0bvertikal tab och\x00nolla"
    data = render_docx(doc)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "Rad medvertikal tab ochnolla" in texts


def office_to_pdf(office: str, outdir: Path, *sources: Path) -> None:
    """Convert DOCX files to PDF (beside them in outdir) with LibreOffice, in its own profile."""
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{outdir / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed; the DOCX-to-PDF check needs it",
)
def test_libreoffice_converts_the_docx_to_pdf(doc: MinutesDocument, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office is not None
    source = tmp_path / "protokoll.docx"
    source.write_bytes(render_docx(doc))
    office_to_pdf(office, tmp_path, source)
    pdf = tmp_path / "protokoll.pdf"
    assert pdf.exists()
    assert pdf.stat().st_size > 0


# ------------------------------------------------------------------------------------------
# Protokollsutdrag


OTHER_NUMBERS = [n for n in TITLES if n != 117]


def test_extract_markdown_holds_only_that_paragraph(doc: MinutesDocument) -> None:
    md = render_extract(doc, 117)
    assert md.startswith("# Utdrag ur protokoll\n")
    assert "**LSVO ledningsgrupp**" in md
    assert "**Datum:** 2021-06-04" in md
    assert "**Tid och plats:** Fredagen den 4 juni 2021 kl. 13.00–15.30 via Teams" in md
    assert "## § 117\n\n### " + TITLES[117] in md
    for clause in CLAUSES[117]:
        assert f"**att** {clause}" in md
    assert "Justerat den 2021-06-11 i Teams" in md
    assert "Föredragandes namn rättat till Torill Skaar-Magnusson." in md  # its correction
    assert ".....  \nMats Wennstig" in md
    for number in OTHER_NUMBERS:
        assert f"§ {number}" not in md
        assert TITLES[number] not in md
        for clause in CLAUSES[number]:
            assert clause not in md
    # The extract is not the minutes: no attendance, no other signatures.
    assert "Närvarande" not in md
    assert "Bodil Sundlöf" not in md


def test_extract_text_and_docx(doc: MinutesDocument) -> None:
    text = render_extract(doc, "§ 117", fmt="text")
    assert text.startswith("Utdrag ur protokoll\n")
    assert f"att {CLAUSES[117][0]}" in text
    assert "§ 116" not in text

    data = render_extract(doc, 117, fmt="docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Utdrag ur protokoll"
    assert "§ 117" in texts
    assert TITLES[117] in texts
    for clause in CLAUSES[117]:
        assert f"att {clause}" in texts
    assert "Status: Justerat den 2021-06-11 i Teams" in texts
    assert not any(TITLES[n] in t for n in OTHER_NUMBERS for t in texts)
    instructions = [
        el.text.strip() for el in document.sections[0].footer._element.iter(qn("w:instrText"))
    ]
    assert "PAGE" in instructions


def test_extract_of_unjusted_minutes_says_so(doc: MinutesDocument) -> None:
    doc.status, doc.justering, doc.corrections = "ej_justerat", None, []
    md = render_extract(doc, 113)
    assert "**Status:** Ej justerat" in md
    assert "## Justering\n\nEj justerat." in md


def test_extract_of_unknown_paragraph_raises_a_clear_error(doc: MinutesDocument) -> None:
    with pytest.raises(ParagraphNotFoundError) as caught:
        render_extract(doc, 999)
    assert isinstance(caught.value, KeyError)
    assert str(caught.value) == (
        "§ 999 finns inte i protokollet från 2021-06-04 (LSVO ledningsgrupp)."
    )
    with pytest.raises(KeyError):
        render_extract(doc, "999", fmt="docx")


def test_public_extract_of_secret_paragraph_shows_nothing_of_it(doc: MinutesDocument) -> None:
    _assert_no_secret(render_extract(doc, 119, public=True))
    assert TITLES[119] in render_extract(doc, 119)


# ------------------------------------------------------------------------------------------
# The form's remaining parts, on a small document


def test_statuses_reported_decisions_reservations_jav_and_absence_kinds() -> None:
    doc = MinutesDocument(
        body_name="Specifika samverkansrådet social välfärd samt vård och omsorg",
        body_short="SSR",
        form="protokoll",
        date=dt.date(2024, 5, 17),
        start=dt.time(13, 0),
        end=dt.time(16, 0),
        place="Lokal Eken, Eklundavägen 1",
        status="justerat",
        justering=JusteringInfo(dt.date(2024, 6, 14), "via e-post", []),
        people=[
            AttendeeLine("Jenny Steen", "Region Örebro län", group="ordforande"),
            AttendeeLine("Jonas Hansen", "Lekeberg kommun"),
            AttendeeLine("Jessica Ekerbring", "Örebro kommun", status="absent"),
            AttendeeLine(
                "Erik Sjöberg",
                "Örebro kommun",
                group="ersattare",
                status="absent",
                absence_kind="aterbud",
            ),
            AttendeeLine("Ingmar Ångman", "Region Örebro län", "områdeschef", "tjansteperson"),
            AttendeeLine("Kim Nilsson", "Brukarrådet", group="brukarrepresentant"),
            AttendeeLine("Siv Liedholm", "Effektiv styrning", group="adjungerad"),
            AttendeeLine("Lennart Wittberg", "Effektiv styrning", group="ovrig", status="partial"),
            AttendeeLine("Malin Duckert Ek", "Region Örebro län", group="sekreterare"),
            AttendeeLine("Tina Johansson", "Laxå kommun", group="justerare"),
        ],
        paragraphs=[
            ParagraphDoc(9, "Nära vård årsberättelse 2023", status="utgar"),
            ParagraphDoc(10, "Länsdialog", status="bordlagd"),
            ParagraphDoc(11, "Remissvar", status="aterremitterad", remit_to="chefsgruppen"),
            ParagraphDoc(
                12,
                "Stimulansmedel",
                jav=["Jonas Hansen"],
                decisions=[
                    DecisionDoc(
                        "Rådet beslutar",
                        ["att fördela medlen enligt förslaget"],
                        reservations=["Jonas Hansen reserverar sig mot beslutet."],
                        notes=["Ärendet följs upp i september."],
                    ),
                    DecisionDoc(
                        "",
                        ["ta fram en gemensam rutin", "återrapportera i juni"],
                        decided_by_body="Styrgrupp närvård",
                    ),
                    DecisionDoc("", ["införa SIP-samordnare"], decided_by_body="Chefsgruppen"),
                    DecisionDoc("Rådet beslutar", ["upphävt förslag"], status="withdrawn"),
                ],
                assignments=[
                    AssignmentDoc("Ingmar Ångman", "sammanställa medlen", "nästa möte", "done")
                ],
            ),
        ],
        next_meeting="2024-09-20 kl. 09.00–12.00",
    )
    md = render_markdown(doc)
    assert "Fredagen den 17 maj 2024 kl. 13.00–16.00, Lokal Eken, Eklundavägen 1" in md
    assert "**Status:** Justerat den 2024-06-14 via e-post" in md
    assert "## Justering\n\nJusterat den 2024-06-14 via e-post." in md
    sections = md_sections(md)
    assert sections["Frånvarande"] == ["Jessica Ekerbring, Örebro kommun"]
    assert sections["Återbud"] == ["Erik Sjöberg, Örebro kommun (ersättare)"]
    assert sections["Tjänstepersoner"] == ["Ingmar Ångman, områdeschef, Region Örebro län"]
    assert sections["Brukarrepresentanter"] == ["Kim Nilsson, Brukarrådet"]
    assert sections["Adjungerade"] == ["Siv Liedholm, Effektiv styrning"]
    assert sections["Övriga deltagare"] == ["Lennart Wittberg, Effektiv styrning (del av mötet)"]
    assert "**Ärendet utgår.**" in md
    assert "**Ärendet bordläggs.**" in md
    assert "**Ärendet återremitteras till chefsgruppen.**" in md
    assert "**Jäv:** Jonas Hansen deltar inte i handläggningen." in md
    # A clause stored with its "att" is not doubled.
    assert "**att** fördela medlen enligt förslaget" in md
    assert "att att" not in md
    assert "**Reservation:** Jonas Hansen reserverar sig mot beslutet." in md
    assert "**Protokollsanteckning:** Ärendet följs upp i september." in md
    assert (
        "**Rapporterat beslut (Styrgrupp närvård):**\n\n**att** ta fram en gemensam rutin\n\n"
        "**att** återrapportera i juni"
    ) in md
    assert "**Rapporterat beslut (Chefsgruppen):** **att** införa SIP-samordnare" in md
    assert "**att** ~~upphävt förslag~~" in md
    assert "*Beslutet har återkallats.*" in md
    assert "**Uppdrag (klart):** Ingmar Ångman – sammanställa medlen (nästa möte)" in md
    assert "## Nästa möte\n\n2024-09-20 kl. 09.00–12.00" in md
    assert "**Paragrafer:** § 9 – § 12" in md

    text = render_text(doc)
    assert "Rapporterat beslut (Chefsgruppen): att införa SIP-samordnare" in text


def test_minnesanteckningar_have_no_justering_or_signatures(doc: MinutesDocument) -> None:
    doc.form, doc.status, doc.justering = "minnesanteckningar", "ej_justerat", None
    doc.corrections = []
    for rendered in (render_markdown(doc), render_text(doc), render_html(doc)):
        assert "Minnesanteckningar" in rendered
        assert "Justering" not in rendered
        assert "Underskrifter" not in rendered
        assert "Justerare" not in rendered
        assert "Ej justerat" not in rendered
        assert "Minnesanteckningarna ska skickas till" in rendered
    headings = [t for kind, t in docx_entries(render_docx(doc)) if kind == "heading"]
    assert "Underskrifter" not in headings
    assert headings[1] == "Minnesanteckningar"


# ------------------------------------------------------------------------------------------
# Summary card

ACTIONS: list[dict[str, Any]] = [
    {"type": "Action.Execute", "title": "Granska", "verb": "minutes.review", "data": {"id": 7}},
    {"type": "Action.Execute", "title": "Skicka till justering", "verb": "minutes.justify"},
    {"type": "Action.OpenUrl", "title": "Ladda ner", "url": "https://bot.example/d/abc"},
]


def _card_text(card: dict[str, object]) -> str:
    return json.dumps(card, ensure_ascii=False)


def test_card_summarises_the_meeting(doc: MinutesDocument) -> None:
    card = summary_card(doc, public=False, actions=ACTIONS)
    assert json.loads(json.dumps(card)) == card
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.5"
    assert card["actions"] == ACTIONS
    assert card_size(card) <= CARD_MAX_BYTES
    facts = {f["title"]: f["value"] for f in card["body"][2]["facts"]}
    # 14 present in the seed plus the added ersättare and the secretary; Cecilia Grefve-Lang
    # is ledamot and justerare but one person.
    assert facts == {
        "Datum": "2021-06-04",
        "Tid och plats": "Fredagen den 4 juni 2021 kl. 13.00–15.30 via Teams",
        "Form": "Protokoll",
        "Närvarande": "16",
        "Status": "Justerat den 2021-06-11 i Teams",
    }
    text = _card_text(card)
    assert "LSVO ledningsgrupp" in text
    for number, title in TITLES.items():
        assert f"§ {number} {title}" in text
        for clause in CLAUSES[number]:
            assert f"**att** {clause}" in text
    assert "Öppna uppdrag" in text
    assert "Cecilia Grefve-Lang: ta en inledande kontakt med Jesper Ekberg på SKR" in text


def test_public_card_leaves_out_the_secret(doc: MinutesDocument) -> None:
    card = summary_card(doc, public=True, actions=ACTIONS)
    text = _card_text(card)
    assert "§ 119 Sekretess" in text
    assert TITLES[119] not in text
    assert NOTE_119 not in text
    assert PRESENTER_119 not in text
    assert text.count("**att** lägga informationen till protokollet") == 2
    assert card["actions"] == ACTIONS


def _huge_meeting(paragraphs: int, clauses: int, clause_length: int) -> MinutesDocument:
    doc = seed_document()
    filler = "och vidare utreda frågan om samverkan mellan kommuner och region " * 40
    doc.paragraphs = [
        ParagraphDoc(
            number,
            f"Ärende nummer {number} om gemensam planering för hälsa och omsorg",
            decisions=[
                DecisionDoc(
                    PHRASE,
                    [f"{number}.{k} {filler}"[:clause_length] for k in range(clauses)],
                )
            ],
            assignments=[AssignmentDoc("Kommunerna", f"återkomma om § {number}", "i höst")],
        )
        for number in range(1, paragraphs + 1)
    ]
    return doc


def _shown_and_left_out(card: dict[str, object], total: int) -> tuple[list[int], int]:
    text = _card_text(card)
    shown = [n for n in range(1, total + 1) if f"§ {n} Ärende nummer {n} " in text]
    more = re.search(r"… och (\d+) paragrafe?r? till — öppna hela protokollet", text)
    return shown, int(more.group(1)) if more else 0


def test_card_for_a_huge_meeting_stays_under_the_limit() -> None:
    doc = _huge_meeting(400, 5, 2000)
    card = summary_card(doc, public=False, actions=ACTIONS)
    assert card_size(card) <= CARD_MAX_BYTES
    assert card["version"] == "1.5"
    assert card["actions"] == ACTIONS
    json.loads(_card_text(card))
    shown, left_out = _shown_and_left_out(card, 400)
    # Every § is accounted for: listed in order, or counted in the closing line.
    assert shown == list(range(1, len(shown) + 1))
    assert len(shown) + left_out == 400
    assert len(shown) > 0


def test_card_for_a_giant_meeting_says_how_many_are_left_out() -> None:
    doc = _huge_meeting(2000, 3, 500)
    card = summary_card(doc, public=False, actions=ACTIONS)
    assert card_size(card) <= CARD_MAX_BYTES
    assert card["actions"] == ACTIONS
    shown, left_out = _shown_and_left_out(card, 2000)
    assert left_out > 0
    assert shown == list(range(1, len(shown) + 1))
    assert len(shown) + left_out == 2000
    # The search packs the card: one more § line would not have fitted by much.
    assert card_size(card) > CARD_MAX_BYTES - 1_000
    assert "… och 1995 uppdrag till" in _card_text(card)


def test_card_for_a_large_meeting_keeps_every_paragraph() -> None:
    # Big enough that clauses must be cut, small enough that every § still gets its line.
    doc = _huge_meeting(60, 5, 1500)
    card = summary_card(doc, public=False, actions=ACTIONS)
    assert card_size(card) <= CARD_MAX_BYTES
    text = _card_text(card)
    assert "paragrafer till" not in text
    for number in range(1, 61):
        assert f"§ {number} Ärende nummer {number} " in text


def test_card_never_raises() -> None:
    doc = seed_document()
    doc.paragraphs = [object()]  # type: ignore[list-item]
    card = summary_card(doc, public=False, actions=ACTIONS)
    assert card["version"] == "1.5"
    assert card["actions"] == ACTIONS

    # Actions too big for any card: still a card back, not an exception.
    huge_actions: list[dict[str, Any]] = [
        {"type": "Action.Submit", "title": "x", "data": {"blob": "y" * 100_000}}
    ]
    card = summary_card(_huge_meeting(50, 2, 200), public=True, actions=huge_actions)
    assert card["type"] == "AdaptiveCard"
