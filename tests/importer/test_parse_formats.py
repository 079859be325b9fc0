"""Formats beyond the seeds: the grammar secretaries type (DESIGN.md), Markdown headings, and
text with no structure at all."""

from __future__ import annotations

import datetime as dt

from dialogs.importer import (
    ParsedAmount,
    ParsedAssignment,
    ParsedJustering,
    ParsedNextMeeting,
    ParsedPerson,
    parse_minutes,
)

PLAIN_PROTOCOL = """\
Protokoll Äldrenämndens beredning 2024-02-01
Tid: kl. 9-12
Närvarande: Anna Berg (ordförande); Bertil Ek, nämndsekreterare, Lunds kommun
Ersättare: Cecilia Dahl (ersättare för David Fors)
Frånvarande: David Fors

§ 5 Budget; föredragande Anna Berg
Beredningen beslutar
att godkänna budgeten om 2,5 mkr
att ge förvaltningen i uppdrag att till nästa möte redovisa utfallet

§ 6 Övrigt
Informationen läggs till handlingarna.

Justeras: Cecilia Dahl
Nästa möte: 2024-03-07
"""


def test_plain_text_protocol() -> None:
    m = parse_minutes(PLAIN_PROTOCOL)
    assert (m.body_name, m.meeting_kind, m.date) == (
        "Äldrenämndens beredning",
        "protokoll",
        dt.date(2024, 2, 1),
    )
    assert (m.start_time, m.end_time, m.place) == (dt.time(9, 0), dt.time(12, 0), None)
    assert m.people == [
        ParsedPerson(name="Anna Berg", roles=["ordforande", "foredragande"]),
        ParsedPerson(name="Bertil Ek", organisation="Lunds kommun", title="nämndsekreterare"),
        ParsedPerson(name="Cecilia Dahl", roles=["ersattare"], substitute_for="David Fors"),
        ParsedPerson(name="David Fors", status="absent", absence_kind="franvarande"),
    ]
    assert [(i.number, i.is_paragraph, i.title, i.presenters) for i in m.items] == [
        ("5", True, "Budget", ["Anna Berg"]),
        ("6", True, "Övrigt", []),
    ]
    budget, other = m.items
    assert [(d.phrase, d.clauses) for d in budget.decisions] == [
        (
            "Beredningen beslutar",
            [
                "godkänna budgeten om 2,5 mkr",
                "ge förvaltningen i uppdrag att till nästa möte redovisa utfallet",
            ],
        )
    ]
    assert budget.assignments == [
        ParsedAssignment(["förvaltningen"], "redovisa utfallet", "till nästa möte")
    ]
    assert budget.amounts == [ParsedAmount("2,5 mkr", 2_500_000)]
    assert (other.decisions, other.outcome) == ([], "Informationen läggs till handlingarna")
    assert m.justering == ParsedJustering(justerare=["Cecilia Dahl"])
    assert m.next_meeting == ParsedNextMeeting(dt.date(2024, 3, 7), "Nästa möte: 2024-03-07")
    assert m.warnings == []


def test_markdown_headings_without_numbers() -> None:
    m = parse_minutes(
        "# Minnesanteckningar Arbetsgrupp barn och unga\n\n"
        "Datum: 12 mars 2023\n\n"
        "## Läget i kommunerna\n\n"
        "Kommunerna rapporterar om läget. Alla har påbörjat arbetet med handlingsplanen.\n\n"
        "## Ekonomi\n\n"
        "Gruppen godkänner förslaget om fördelning av 120 000 kr till utbildning.\n"
    )
    assert (m.body_name, m.meeting_kind, m.date) == (
        "Arbetsgrupp barn och unga",
        "minnesanteckningar",
        dt.date(2023, 3, 12),
    )
    assert [(i.number, i.title) for i in m.items] == [
        (None, "Läget i kommunerna"),
        (None, "Ekonomi"),
    ]
    assert [(d.phrase, d.clauses) for d in m.items[1].decisions] == [
        (
            "Gruppen godkänner",
            ["förslaget om fördelning av 120 000 kr till utbildning."],
        )
    ]
    assert m.items[1].amounts == [ParsedAmount("120 000 kr", 120_000)]
    assert "Punkterna saknar nummer; 2 rubriker tolkades som punkter" in m.warnings[0]


def test_text_without_structure_is_kept_with_warnings() -> None:
    text = "bara några rader\nutan rubriker, datum eller deltagare"
    m = parse_minutes(text)
    assert m.items == []
    assert m.people == []
    assert m.leftover_text == text
    assert m.warnings == [
        "Ingen punktindelning hittades; texten sparas som mötets text.",
        "Mötets datum hittades inte.",
        "Organets namn hittades inte; ange det vid importen.",
        "Det framgår inte om det är protokoll eller minnesanteckningar.",
        "Ingen närvarolista hittades.",
    ]


def test_date_from_filename_when_the_text_has_none() -> None:
    m = parse_minutes(
        "Minnesanteckningar\n\nNärvarande: Anna Berg, Bertil Ek\n", "2023-11-02 AU.txt"
    )
    assert m.date == dt.date(2023, 11, 2)
    assert "Mötets datum togs från filnamnet." in m.warnings


# Headings without written numbers (Typst, Org, Markdown source; the layout of real/formats 70,
# 71 and corpus 01): numbered as the renderer numbers them only where the document shows it
# numbers them.
TYPST_NUMBERED = """\
#let today = datetime(year: 2025, month: 5, day: 6)
#set heading(numbering: "1.")

= Formalia
== Mötets öppnande
Mötet öppnades 18:02.
== Val av justerare
Maja Lund kandiderar och väljs.
= Arbetsdagar
== Städdag
=== Datum
Vi tittar på maj.
=== Lokal
Lokalen är bokad.
=== Beslut
Städdagen hålls den 20 maj.
= Avslutning
"""


def _read(text: str, name: str) -> list[tuple[str | None, str]]:
    from dialogs.importer.readers import read_bytes

    minutes = parse_minutes(read_bytes(text.encode(), name).text)
    return [(i.number, i.title) for i in minutes.items]


def test_typst_headings_numbered_by_their_set_rule_and_sub_headings_as_parts() -> None:
    """'#set heading(numbering: "1.")': '=' and '==' headings are items 1, 1.1 …; the '==='
    headings under a '==' item are parts of it, not items, and '=== Beslut' still heads its
    decision; 'X kandiderar och väljs' is an election."""
    from dialogs.importer.readers import read_bytes

    assert _read(TYPST_NUMBERED, "protokoll.typ") == [
        ("1", "Formalia"),
        ("1.1", "Mötets öppnande"),
        ("1.2", "Val av justerare"),
        ("2", "Arbetsdagar"),
        ("2.1", "Städdag"),
        ("3", "Avslutning"),
    ]
    minutes = parse_minutes(read_bytes(TYPST_NUMBERED.encode(), "protokoll.typ").text)
    decided = {i.number: [d.text for d in i.decisions] for i in minutes.items if i.decisions}
    assert decided["1.2"] == ["Maja Lund kandiderar och väljs."]
    assert any("20 maj" in text for text in decided["2.1"])
    assert "Lokalen är bokad." in minutes.items[4].text


def test_typst_strings_bound_with_let_are_read_where_the_text_uses_them() -> None:
    """'#let time = "17:23"' and 'Mötet öppnades #time' render 'Mötet öppnades 17:23' (corpus
    01's template); a call ('#time(…)') or a name never bound stays as it was."""
    from dialogs.importer.readers import read_bytes

    text = (
        '#let time = "17:23"\n#let lokal = "Sal A1"\n#set heading(numbering: "1.")\n\n'
        "Protokoll styrelsemöte 2024-10-10\n\n= Öppnande av möte\n"
        "Mötet öppnades #time i #lokal.\n\n= Avslutning\nMötet avslutades 18:05. #okänd\n"
    )
    read = read_bytes(text.encode(), "protokoll.typ").text
    assert "Mötet öppnades 17:23 i Sal A1." in read and "#okänd" in read
    minutes = parse_minutes(read)
    assert (str(minutes.start_time), str(minutes.end_time)) == ("17:23:00", "18:05:00")


def test_typst_headings_without_numbering_stay_unnumbered_unless_the_text_names_numbers() -> None:
    """Without a numbering rule Typst renders no numbers: the headings are items with titles
    only. A template may number them; the text then names the rendered numbers ('Hoppade till
    1.2'), and they are numbered as rendered."""
    plain = (
        "#let today = datetime(year: 2025, month: 5, day: 6)\n#let x = 1\n\n"
        + (TYPST_NUMBERED.split("\n", 2)[2])
    )
    assert _read(plain, "protokoll.typ") == [
        (None, "Formalia"),
        (None, "Mötets öppnande"),
        (None, "Val av justerare"),
        (None, "Arbetsdagar"),
        (None, "Städdag"),
        (None, "Avslutning"),
    ]
    referred = plain.replace("Vi tittar på maj.", "Vi tittar på maj. Hoppade till 1.2.")
    referred = referred.replace("#let x = 1", '#show: mall.with(titel: "Möte")')
    assert [n for n, _ in _read(referred, "protokoll.typ")] == ["1", "1.1", "1.2", "2", "2.1", "3"]
    off = TYPST_NUMBERED.replace('numbering: "1."', "numbering: none")
    assert {n for n, _ in _read(off, "protokoll.typ")} == {None}


def test_org_headings_unnumbered_under_num_nil_and_markdown_numbered_by_its_front_matter() -> None:
    """Org's export numbers headings unless '#+OPTIONS: num:nil'; Markdown is numbered only when
    its front matter asks Pandoc to ('numbersections: true', '{-}' leaves one out)."""
    org = (
        "#+TITLE: Styrelsemöte 2025-05-06\n#+OPTIONS: toc:nil num:nil\n"
        "* Formalia\n** Val av justerare\nMaja Lund valdes.\n* Övrigt\nInget.\n"
    )
    assert _read(org, "protokoll.org") == [
        (None, "Formalia"),
        (None, "Val av justerare"),
        (None, "Övrigt"),
    ]
    assert [n for n, _ in _read(org.replace("num:nil", "num:t"), "protokoll.org")] == [
        "1",
        "1.1",
        "2",
    ]
    md = (
        "---\ntitle: Styrelsemöte 2025-05-06\nnumbersections: true\n---\n\n"
        "# Formalia\n\n## Val av justerare\n\nMaja Lund valdes.\n\n# Övrigt\n\nInget.\n\n"
        "# Bilagor {-}\n\nInga.\n"
    )
    assert _read(md, "protokoll.md") == [
        ("1", "Formalia"),
        ("1.1", "Val av justerare"),
        ("2", "Övrigt"),
        (None, "Bilagor"),
    ]
    plain_md = md.replace("numbersections: true\n", "")
    assert {n for n, _ in _read(plain_md, "protokoll.md")} == {None}


def test_running_header_and_footer_of_pages_marked_in_markdown_are_dropped() -> None:
    """A PDF converted to Markdown with '<!-- sida N -->' comments (the layout of real/formats
    72, 73): the lines that open or close every page, page numbers aside, are the running
    header and footer, not text; the first page keeps its letterhead; a line that closes only
    some pages stays."""
    from dialogs.importer.markup import markdown

    head = "EXEMPELBY KOMMUN    PROTOKOLL    {n} (5)\nMiljönämnden\n2025-03-11\n"
    foot = "Justerandes signatur\n"
    pages = ["EXEMPELBY KOMMUN    PROTOKOLL\nMiljönämnden\n2025-03-11\n\nNärvarande: Eva Lind\n"]
    for n, body in enumerate(["§ 1 Öppnande", "§ 2 Budget", "§ 3 Taxor", "§ 4 Övrigt"], 2):
        closing = "Beslutet fattades enhälligt.\n" if n % 2 else ""
        pages.append(f"{head.format(n=n)}\n{body}\nText om {body[4:]}.\n{closing}\n{foot}")
    text = "".join(f"<!-- sida {n} -->\n\n{page}\n" for n, page in enumerate(pages, 1))
    lines = [line for line in markdown(text).split("\n") if line.strip()]
    assert lines[:3] == ["EXEMPELBY KOMMUN    PROTOKOLL", "Miljönämnden", "2025-03-11"]
    assert not any("(5)" in line or line == foot.strip() for line in lines)
    assert lines.count("Miljönämnden") == 1
    assert lines.count("Beslutet fattades enhälligt.") == 2
    assert "§ 4 Övrigt" in lines


ASCIIDOC = """\
= Styrelsemöte 2025-05-06
Anna Berg <anna@example.se>
:revdate: 2025-05-06
:sectnums:

// intern kommentar, inget protokoll

== Formalia

=== Mötets öppnande
Mötet öppnades 18.00.

=== Val av justerare
*Beslut:* Maja Lund valdes till justerare.

== Ekonomi

=== Budget
.Utfall
|===
| Post | Belopp
| Hyra | 2000
|===

==== Hyra
Hyran höjs.

== Övrigt
. Städdag i maj
. Inköp av kaffe
"""


def test_asciidoc_sections_numbered_under_sectnums_and_read_from_a_text_file() -> None:
    """AsciiDoc (.adoc, or saved as .txt with its title and attributes): '==' and '===' sections
    are items numbered as Asciidoctor renders them under ':sectnums:', the '====' section under
    an item is part of it, the title and ':revdate:' are the letterhead, comments, block titles
    and table delimiters are dropped, and a '. ' list is no chain of numbered items."""
    from dialogs.importer.readers import read_bytes

    read = read_bytes(ASCIIDOC.encode(), "protokoll.txt")
    assert read.format == "asciidoc"
    minutes = parse_minutes(read.text)
    assert minutes.date == dt.date(2025, 5, 6)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Formalia"),
        ("1.1", "Mötets öppnande"),
        ("1.2", "Val av justerare"),
        ("2", "Ekonomi"),
        ("2.1", "Budget"),
        ("3", "Övrigt"),
    ]
    assert [d.text for d in minutes.items[2].decisions] == ["Maja Lund valdes till justerare."]
    assert "kommentar" not in read.text and "|===" not in read.text
    assert "Hyra, 2000" in minutes.items[4].text and "Hyran höjs." in minutes.items[4].text
    unnumbered = ASCIIDOC.replace(":sectnums:\n", "")
    assert {n for n, _ in _read(unnumbered, "protokoll.adoc")} == {None}
