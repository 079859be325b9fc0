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
