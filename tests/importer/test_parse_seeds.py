"""The four real minutes in shared/seeds/, parsed and compared with structures written by hand
from reading each document: every attendee, item, decision clause and assignment."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.importer import (
    ParsedAmount,
    ParsedAssignment,
    ParsedJustering,
    ParsedMinutes,
    ParsedNextMeeting,
    ParsedPerson,
    parse_minutes,
    read_document,
)
from tests.shared import SEEDS, shared


@pytest.fixture(autouse=True)
def _seeds_present() -> None:
    shared(SEEDS)


def parsed(name: str) -> ParsedMinutes:
    result = read_document(SEEDS / name)
    assert result.format == "txt"
    return parse_minutes(result.text, name)


def present(
    name: str, *roles: str, org: str | None = None, title: str | None = None
) -> ParsedPerson:
    return ParsedPerson(name=name, organisation=org, title=title, roles=list(roles))


def struck(
    name: str, *roles: str, org: str | None = None, title: str | None = None
) -> ParsedPerson:
    """Struck through in the minutes: not present, reason not given."""
    return ParsedPerson(
        name=name, organisation=org, title=title, roles=list(roles), status="absent"
    )


def absent(
    name: str, kind: str, *roles: str, org: str | None = None, title: str | None = None
) -> ParsedPerson:
    return ParsedPerson(
        name=name,
        organisation=org,
        title=title,
        roles=list(roles),
        status="absent",
        absence_kind=kind,
    )


def decisions(minutes: ParsedMinutes) -> dict[str, list[tuple[str, list[str], str | None]]]:
    """Decisions per item title as (phrase, clauses, reported_by_body)."""
    return {
        item.title: [(d.phrase, d.clauses, d.reported_by_body) for d in item.decisions]
        for item in minutes.items
        if item.decisions
    }


def assignments(minutes: ParsedMinutes) -> dict[str, list[ParsedAssignment]]:
    return {item.title: item.assignments for item in minutes.items if item.assignments}


def assert_no_noise(minutes: ParsedMinutes, *noise: str) -> None:
    everything = "\n".join(
        [minutes.leftover_text]
        + [i.title + "\n" + i.text for i in minutes.items]
        + [p.name + str(p.organisation) + str(p.title) for p in minutes.people]
    )
    for word in noise:
        assert word not in everything


# 000: Delregional samverkan Mellersta Skåne -------------------------------------------------


def test_000_meeting() -> None:
    m = parsed("000_b7b55e712c217c7b.txt")
    assert m.body_name == "Delregional samverkan, Mellersta Skåne"
    assert m.body_short is None
    assert m.parent_body is None
    assert m.title == "Delregional samverkan, Mellersta Skåne, styrgruppsmöte"
    # The header does not say; the text calls itself "minnesanteckningen".
    assert m.meeting_kind == "minnesanteckningar"
    assert m.date == dt.date(2022, 2, 11)
    assert (m.start_time, m.end_time) == (None, None)
    assert m.place == "Teams"
    assert m.justering is None
    assert m.next_meeting is None
    assert m.distribution == []
    assert m.leftover_text == "Förvaltning/nämnd\nSocialförvaltningen"
    assert m.warnings == [
        "Kommatecken saknas? ”Christina Håkansson Catharina Petersson” tolkades som två "
        "personer: Christina Håkansson och Catharina Petersson.",
        "Yvonne Rosberg står två gånger i samma närvarolista.",
        "Punkterna saknar nummer; 10 rubriker tolkades som punkter — kontrollera indelningen.",
    ]


def test_000_people() -> None:
    m = parsed("000_b7b55e712c217c7b.txt")
    assert m.people == [
        present("Jörgen Larsson"),
        # "Christina Håkansson Catharina Petersson": a comma is missing in the minutes.
        present("Christina Håkansson"),
        present("Catharina Petersson"),
        # Listed twice in the minutes; one person.
        present("Yvonne Rosberg"),
        present("Elin Cervin"),
        present("Jonas Bredford"),
        present("Stefan Wallerek"),
        present("Kristin Obad"),
        present("Kent Björklund"),
        present("Johan Larsson Boström"),
        present("Anna Burston"),
        present("Malin Friberg"),
        present("Emma Lundgren"),
        present("Eva-Lena Palm"),
        present("Jennie Göransson Skarp", "sekreterare"),  # "(antecknar)"
        absent("Gunilla Ahlstrand", "aterbud"),
        absent("Jeanette Horst", "aterbud"),
        absent("Pierina Ligander", "aterbud"),
        absent("Lucia Prieto De La Fuente", "aterbud"),
    ]


def test_000_items() -> None:
    m = parsed("000_b7b55e712c217c7b.txt")
    assert [(i.number, i.is_paragraph, i.title) for i in m.items] == [
        (None, False, "F-ACT"),
        (None, False, "Integrerade arbetssätt/samsjuklighet"),
        (None, False, "Lokal överenskommelse"),
        (None, False, "Workshop Barn och Unga"),
        (None, False, "Samverkansforum missbruk och beroende"),
        (
            None,
            False,
            "Arbetsgrupper vuxen/missbruk och beroende och vuxna med psykisk funktionsnedsättning",
        ),
        (None, False, "Suicidprevention"),
        (None, False, "Brukarrepresentation"),
        (None, False, "Redovisning av Länsgemensamma medel 2021"),
        (None, False, "Länsgemensamma medel för 2022"),
    ]
    texts = [(i.text[:40], i.text[-40:]) for i in m.items]
    assert texts == [
        ("Vid styrgruppsmötet i december fattades ", "ensamma medlen utgår för ett år i taget."),
        ("Vid styrgruppsmötet i december beslutade", "t till styrgruppen när den är upprättad."),
        ("För att ta fram den lokala överenskommel", "tecknas av behöriga i kommun och region."),
        ("Jörgen Larsson - Den planerade workshope", "nna fråga tas upp för vidare diskussion."),
        ("Vid föregående styrgruppsmöte beslutades", " ca 2-3 personer från kommun och region."),
        ("Det framkom under hösten att de två arbe", "nsnedsättning och missbruk och beroende."),
        ("Vid föregående styrgruppsmöte i december", "ensam aktivitet inom området under 2022."),
        ("Stefan Wallerek- Information om brukarrå", "ningar och inte till enskilda deltagare."),
        ("Kommunerna har skickat in sina respektiv", "om de Länsgemensamma medlen syftar till."),
        # The money table stays with the item it belongs to.
        (
            "De Länsgemensamma medlen för 2022 är i s",
            "\n25 396\n317789\n\nTotalt\n292 119\n3 655 387",
        ),
    ]
    assert [i.presenters for i in m.items] == [[]] * 10
    assert [i.outcome for i in m.items] == [None] * 10
    assert {i.title: i.attachments for i in m.items if i.attachments} == {
        "Arbetsgrupper vuxen/missbruk och beroende och vuxna med psykisk funktionsnedsättning": [
            "bildspel"
        ],
        "Länsgemensamma medel för 2022": [
            "förslag om fördelning av medel se beräkningsmodell nedan"
        ],
    }
    assert {i.title: i.amounts for i in m.items if i.amounts} == {
        "Länsgemensamma medel för 2022": [
            ParsedAmount("ca 9 miljoner kronor", 9_000_000),
            ParsedAmount("8 930 774 kr", 8_930_774),
            ParsedAmount("-1 620 000 kr", -1_620_000),
            ParsedAmount("7 310 774 kr", 7_310_774),
        ]
    }


def test_000_decisions_and_assignments() -> None:
    m = parsed("000_b7b55e712c217c7b.txt")
    # Decisions taken "vid styrgruppsmötet i december" are history, not this meeting's.
    assert decisions(m) == {
        "F-ACT": [
            (
                "Styrgruppen ställer sig bakom",
                [
                    "förslaget med tillägget att förtydliga kring att målgruppen även är personer "
                    "med missbruk/beroende."
                ],
                None,
            ),
            (
                "Styrgruppen ställer sig bakom",
                [
                    "Vuxenpsykiatrin ställer sig positiva till att ansvara för F-ACT-samordnarens anställning"
                ],
                None,
            ),
        ],
        "Integrerade arbetssätt/samsjuklighet": [
            (
                "Styrgruppen ställer sig positiva till",
                [
                    "Lund tar ansvaret för utredning och kartläggning av målgruppen och att detta "
                    "finansieras av de länsgemensamma medlen."
                ],
                None,
            )
        ],
        "Länsgemensamma medel för 2022": [
            (
                "Styrgruppen beslutar",
                ["i enlighet med förslaget om fördelningen av de länsgemensamma medlen."],
                None,
            )
        ],
    }
    assert m.items[0].decisions[1].text == (
        "Vuxenpsykiatrin ställer sig positiva till att ansvara för F-ACT-samordnarens anställning, "
        "vilket styrgruppen ställer sig bakom."
    )
    assert assignments(m) == {
        "Arbetsgrupper vuxen/missbruk och beroende och vuxna med psykisk funktionsnedsättning": [
            ParsedAssignment(
                assignees=["Anna Burston", "Jennie Göransson Skarp"],
                what="ta hem frågan och utforma en grupp som är lämplig för ändamålet med "
                "representation och kompetens från både vuxna med psykisk funktionsnedsättning "
                "och missbruk och beroende",
            )
        ]
    }


# 002: Uppdragsgrupp Psykisk hälsa ------------------------------------------------------------


def test_002_meeting() -> None:
    m = parsed("002_2b326370a8816104.txt")
    assert m.body_name == "Uppdragsgrupp Psykisk hälsa"
    assert m.body_short is None
    assert m.title == "Mötesanteckning Uppdragsgrupp Psykisk hälsa 2025-04-03"
    assert m.meeting_kind == "minnesanteckningar"
    assert m.date == dt.date(2025, 4, 3)
    assert (m.start_time, m.end_time) == (dt.time(13, 0), dt.time(15, 0))
    assert m.place == "Digitalt via Teams"
    assert m.justering is None
    assert m.next_meeting == ParsedNextMeeting(
        dt.date(2025, 5, 6), "Nästa möte blir den 6 maj och genomförs fysiskt"
    )
    assert m.leftover_text == "Omfattning: 1–10"
    assert m.warnings == []


def test_002_people() -> None:
    m = parsed("002_2b326370a8816104.txt")
    assert m.people == [
        present("Anna-Lena Ingelhag", "ordforande", org="Regional primärvård"),
        present("Lars-Magnus Hallsten", org="Psykiatrin, SÄS"),
        present("Mikael Szanto", org="Samsjuklighet, Kommunalförbundet"),
        ParsedPerson(
            name="Hans Abrahamsson",
            organisation="Kommunerna",
            status="partial",
            note="Del av mötet",
        ),
        present("Johanna Jaring", "brukarrepresentant"),
        # "Närårdskontoret" (sic) as the minutes spell it.
        present("Charlotte Bliesener Falkenström", org="Närårdskontoret"),
        present("Anna-Lena Hardtmann", "sekreterare", org="Närårdskontoret"),
        absent("Sven Gardell", "franvarande", org="Polisen"),
        absent("Jojs Ishak", "franvarande", "brukarrepresentant"),
    ]


def test_002_items() -> None:
    m = parsed("002_2b326370a8816104.txt")
    assert [(i.number, i.is_paragraph, i.title) for i in m.items] == [
        ("1", False, "Mötets öppnande"),
        ("2", False, "Godkännande av dagordning och föregående mötesanteckning"),
        ("3", False, "Samverkansavtal"),
        ("4", False, "Centrum för kunskap och säkerhet"),
        ("5", False, "Integrerad beroendemottagning"),
        ("6", False, "Suicidprevention"),
        ("7", False, "Annan information"),
        ("8", False, "Övriga frågor"),
        ("9", False, "Tvister"),
        ("10", False, "Avslut och nästa möte"),
    ]
    starts_ends = [
        ("Ordförande öppnar mötet och hälsar", "nya deltagare är med på mötet."),
        ("Dagordningen godkänns. Föregående", "en vecka på sig att inkomma med justeringar."),
        ("Samverkansöverenskommelse mellan polisen", "kommer vara en senare lösning i ett ärende."),
        (
            "Niclas Persgård, verksamhetsutvecklare",
            "att komma ut och ha dialog även i andra kommuner.",
        ),
        ("Mikael Szanto presenterar arbetet", "från och med hösten 50% var med frågan."),
        ("Ett förslag på rutin är framtaget", "Information till skolan behöver också ske på sikt."),
        (
            "Samverkan mellan regionens verksamheter\n\nSpecialistvården",
            "efter vårdtillfället viktigt.",
        ),
        ("Byte av ordförande\n\nAnna-Lena Ingelhag kommer sluta", "egna mål som man arbetar med."),
        (
            "Karin Jensen som har ett uppdrag",
            "Underlag till tillämpningarna bifogas mötesanteckningen.",
        ),
        (
            "Ordförande tackar alla och mötet avslutas.",
            "Nästa möte blir den 6 maj och genomförs fysiskt.",
        ),
    ]
    for item, (start, end) in zip(m.items, starts_ends, strict=True):
        assert item.text.startswith(start), item.title
        assert item.text.endswith(end), item.title
    assert m.items[1].text.endswith(
        "har uppdragsgruppen en vecka på sig att inkomma med justeringar."
    )
    # A page break split a sentence into two paragraphs; the text joins them again.
    assert '"det röda snöret i samverkan" som kommer att ske i juni.' in m.items[2].text
    assert "FACT är ett återhämtningsinriktat arbetsätt, där man" in m.items[4].text
    assert m.items[8].text.endswith("Underlag till tillämpningarna bifogas mötesanteckningen.")
    assert m.items[9].text == (
        "Ordförande tackar alla och mötet avslutas. Nästa möte blir den 6 maj och genomförs fysiskt."
    )
    assert [i.outcome for i in m.items] == [
        None,
        "Föregående mötesanteckningar läggs till handlingarna och finns publicerade på "
        "Närårdssamverkans hemsida",
        *[None] * 8,
    ]
    assert {i.number: i.attachments for i in m.items if i.attachments} == {
        "8": ["Närvårdssamverkan - Public VardsamverkanVG"],
        "9": ["Underlag till tillämpningarna"],
    }
    assert all(i.amounts == [] and i.presenters == [] for i in m.items)


def test_002_decisions_and_assignments() -> None:
    m = parsed("002_2b326370a8816104.txt")
    assert decisions(m) == {
        "Godkännande av dagordning och föregående mötesanteckning": [
            ("Beslut", ["Dagordningen godkänns."], None)
        ],
        # Decisions of Styrgrupp närvård, reported in prose ("närård" as written in item 3).
        "Samverkansavtal": [
            (
                "Styrgrupp närård har beslutat",
                [
                    'möjligheten att dra i "det röda snöret i samverkan" ska pausas under veckorna '
                    "25–32, 2025."
                ],
                "Styrgrupp närård",
            )
        ],
        "Integrerad beroendemottagning": [
            (
                "Styrgrupp närvård har tagit beslut",
                [
                    "se över möjligheterna för att inrätta ett FACT-team i Sjuhärad och se över "
                    "möjligheterna för projektfinansiering vid uppstart av FACT-team."
                ],
                "Styrgrupp närvård",
            )
        ],
    }
    assert m.items[4].decisions[0].text == (
        "Styrgrupp närvård har tagit beslut att se över möjligheterna för att inrätta ett "
        "FACT-team i Sjuhärad och se över möjligheterna för projektfinansiering vid uppstart av "
        "FACT-team."
    )
    assert assignments(m) == {
        "Centrum för kunskap och säkerhet": [
            ParsedAssignment(["Lars-Magnus Hallsten"], "tar med frågan för att utse någon")
        ],
        "Tvister": [
            ParsedAssignment(
                ["alla"], "läsa de bifogade dokumenten för fortsatt dialog", "Till nästa möte"
            )
        ],
    }


# 003: Specifika samverkansrådet, Region Örebro län ------------------------------------------


def test_003_meeting() -> None:
    m = parsed("003_f8156a3ad2c09575.txt")
    assert m.body_name == "Specifika samverkansrådet för social välfärd samt vård och omsorg"
    assert m.title == "Protokoll Specifika samverkansrådet för social välfärd samt vård och omsorg"
    assert m.meeting_kind == "protokoll"
    assert m.date == dt.date(2024, 5, 17)
    assert (m.start_time, m.end_time) == (dt.time(13, 0), dt.time(16, 0))
    assert m.place == "Lokal Eken, Eklundavägen 1"
    assert m.justering == ParsedJustering(dt.date(2024, 6, 14), "via e-post", ["Tina Johansson"])
    assert m.next_meeting == ParsedNextMeeting(
        dt.date(2024, 9, 20),
        "Nästa träff är den 20 september klockan 09-12 och är gemensamt för det här rådet och "
        "specifika samverkansrådet för folkhälsa",
    )
    assert m.leftover_text == (
        "Specifika samverkansrådet\nsocial välfärd samt vård och omsorg\nTjänsteställe\n"
        "Förvaltningen regional\nutveckling"
    )
    assert m.warnings == [
        # Four copies of the 17-line letterhead footer.
        "Upprepade sidhuvuden/sidfötter och sidnummer togs bort (68 rader).",
        "Tina Johansson (ersättare, Laxå kommun) antas tjänstgöra för Jerry Karjalainen, som "
        "inte var närvarande.",
    ]
    assert_no_noise(m, "POSTADRESS", "Box 1613", "019-602", "PLUSGIRO", "regionorebrolan.se")


def test_003_people() -> None:
    m = parsed("003_f8156a3ad2c09575.txt")
    region = "Region Örebro län"
    assert m.people == [
        present(
            "Malin Duckert Ek",
            "sekreterare",
            "tjansteperson",
            org=f"Välfärd och Folkhälsa, Regional utveckling, {region}",
            title="utvecklingsledare",
        ),
        present("Jenny Steen", "ordforande", org=region),
        # Justerare, and listed among the ersättare for Laxå, whose ledamot is struck through.
        ParsedPerson(
            name="Tina Johansson",
            organisation="Laxå kommun",
            roles=["justerare", "ersattare"],
            substitute_for="Jerry Karjalainen",
        ),
        struck("Jessica Ekerbring", "ledamot", org="Örebro kommun"),
        present("Jonas Hansen", "ledamot", org="Lekeberg kommun"),
        present("Jari Mehtalainen", "ledamot", org="Lindesberg kommun"),
        present("Christina Kuurne", "ledamot", org="Hällefors"),
        present("Lena Jonsson Arndt", "ledamot", org="Karlskoga kommun"),
        present("Siw Lunander", "ledamot", org="Hallsberg kommun"),
        struck("Niina Linatti", "ledamot", org="Askersund kommun"),
        present("Torbjörn Holm", "ledamot", org="Degerfors kommun"),
        struck("Jerry Karjalainen", "ledamot", org="Laxå kommun"),
        present("Annica Sjöqvist", "ledamot", org="Kumla kommun"),
        struck("Natalie Ström", "ledamot", org="Ljusnarsberg kommun"),
        present("Anna Karlsson", "ledamot", org="Nora kommun"),
        struck("Erik Sjöberg", "ersattare", org="Örebro kommun"),
        present("Yvonne Hagström", "ersattare", org="Lekeberg kommun"),
        struck("Monika Klockars", "ersattare", org="Lindesberg kommun"),
        present("Wilhelm Tham", "ersattare", org="Hällefors"),
        struck("Liselott Eriksson", "ersattare", org="Karlskoga kommun"),
        struck("Ann-Christine Appelqvist", "ersattare", org="Hallsberg kommun"),
        struck("Erik König", "ersattare", org="Askersund kommun"),
        present("Ingela Sundberg", "ersattare", org="Degerfors kommun"),
        struck("Jan Engman", "ersattare", org="Kumla kommun"),
        struck("Mathias Eriksson", "ersattare", org="Ljusnarsberg kommun"),
        present("Eva Karlsson", "ersattare", org="Nora kommun"),
        present(
            "Ingmar Ångman",
            "tjansteperson",
            org=f"Regional utveckling, {region}",
            title="områdeschef Välfärd och Folkhälsa",
        ),
        present(
            "Panagiota Lazarido",
            "tjansteperson",
            org=f"Hälso- och, {region}",
            title="specialistläkare och medicinsk rådgivare välfärd och folkhälsa",
        ),
        present(
            "Jan Sundelius",
            "tjansteperson",
            org=f"Område nära vård, Hälso- och sjukvårdsförvaltningen, {region}",
            title="samordnare nära vård",
        ),
        present(
            "Ewa Slätmo",
            "tjansteperson",
            org=f"Område nära vård, {region}",
            title="utredare medicintekniska produkter",
        ),
        present(
            "Charlotte Dahlbom",
            "tjansteperson",
            org=f"Välfärd och folkhälsa, Regional utveckling, {region}",
            title="utredare medicintekniska produkter",
        ),
        present(
            "Daniel Berglund",
            "tjansteperson",
            org=f"Utbildning och arbetsmarknad, Regional utveckling, {region}",
            title="utvecklingsledare och projektledare Tillsammans för alla barns bästa (TABB)",
        ),
        present(
            "Susann Cederlund",
            "tjansteperson",
            org=region,
            title="projektledare för revidering av överenskommelse gällande samverkan för länets "
            "familjecentraler",
        ),
        struck(
            "Maria Gunnarsson",
            "tjansteperson",
            org=region,
            title="verksamhetutvecklare hälso- och sjukvårdsförvaltningen",
        ),
    ]


def test_003_items() -> None:
    m = parsed("003_f8156a3ad2c09575.txt")
    assert [(i.number, i.is_paragraph, i.title) for i in m.items] == [
        ("1", False, "Mötet öppnas och justerare utses"),
        ("2", False, "Fastställande av dagordning"),
        ("3", False, "Föregående möte och protokoll"),
        ("4", False, "Rapport från chefsgrupp social välfärd samt vård och omsorg"),
        (
            "5",
            False,
            "Regional samverkan för familjecentral - Överenskommelse mellan Region Örebro län "
            "och kommunerna i Örebro län",
        ),
        ("6", False, "TABB 2.0"),
        (
            "7",
            False,
            "Systemanalys av primärvårdens rehabilitering – en del av nära vård omställningen",
        ),
        ("8", False, "Remissvar ny överenskommelse för hälso-och sjukvård i hemmet"),
        ("9", False, "Nära vård årsberättelse 2023 och exempel"),
        ("10", False, "Länsdialog 4 september om ny socialtjänstlag"),
        ("11", False, "Tema till kommande möten"),
        ("12", False, "Organisationsöversyn av välfärd och folkhälsa"),
        ("13", False, "Avslut"),
    ]
    items = {i.number: i for i in m.items}
    assert items["1"].text == "Till justerare utsågs Tina Johansson, Laxå kommun. Tina Johansson"
    assert items["2"].text == (
        "Ingmar Ångman anmäler organisationsöversyn till dagordningen. Mötet antar tillägget och "
        "dagordningen fastställs."
    )
    # HTML list items become lines; the footer between two halves of item 5 is gone.
    assert (
        "- att tydliggöra uppdrag och förväntningar\n- att skapa likvärdigt innehåll i "
        "verksamheterna\n" in items["5"].text
    )
    assert "i lokalerna.\n- Med en familjecentralsliknande verksamhet avses" in items["5"].text
    assert items["9"].text.startswith(
        "Se bilagor\n\n- Fördelning kommunala nära vård medel\n- SPOT team (exempel)\n\n"
    )
    assert items["13"].text == "Jenny tackar för deltagande och avslutar mötet."
    assert "<" not in "".join(i.text + i.title for i in m.items)
    assert {n: i.outcome for n, i in items.items() if i.outcome} == {
        "4": "Informationen läggs till handlingarna",
        "7": "Informationen läggs till handlingarna",
        "8": "Information läggs till handlingarna",
        "9": "Ärendet utgår på grund av tidsbrist",
        # After the fourth footer, on its own line.
        "10": "Informationen läggs till handlingarna",
    }
    assert {n: i.attachments for n, i in items.items() if i.attachments} == {
        "3": ["tidigare minnesanteckningar Länk"],
        "4": ["tidigare minnesanteckningar via Länk"],
        "5": ["ppt"],
        "6": ["ppt"],
        "7": ["rapport som skickats ut inför mötet"],
        "8": ["implementeringsplan", "ppt"],
        "9": ["bilagor"],
    }
    assert all(not i.amounts and not i.presenters and not i.assignments for i in m.items)


def test_003_decisions() -> None:
    m = parsed("003_f8156a3ad2c09575.txt")
    assert decisions(m) == {
        # Electing the justerare is a decision, written as its outcome.
        "Mötet öppnas och justerare utses": [
            ("Beslut", ["Till justerare utsågs Tina Johansson, Laxå kommun."], None)
        ],
        "Fastställande av dagordning": [
            ("Beslut", ["Mötet antar tillägget och dagordningen fastställs."], None)
        ],
        "Föregående möte och protokoll": [
            (
                "Beslut",
                ["Protokollet från föregående möte fastställdes och lades till handlingarna."],
                None,
            )
        ],
        "Systemanalys av primärvårdens rehabilitering – en del av nära vård omställningen": [
            (
                "Chefsgruppen har beslutat om",
                ["ett inriktningsbeslut att se över gränssnittsfrågan."],
                "Chefsgruppen",
            )
        ],
    }


# 004: LSVO ledningsgrupp, Samverkan Blekinge -------------------------------------------------


def test_004_meeting() -> None:
    m = parsed("004_029c77288144ec65.txt")
    assert m.body_name == "LSVO ledningsgrupp"  # from "LSVO:s ledningsgrupp beslutar"
    assert m.body_short == "LSVO"
    assert m.parent_body == "Samverkan Blekinge - Hälsa, vård, lärande och social välfärd"
    assert m.title == "Sammanträdesprotokoll"
    assert m.meeting_kind == "protokoll"
    assert m.date == dt.date(2021, 6, 4)
    assert (m.start_time, m.end_time) == (dt.time(13, 0), dt.time(15, 30))
    assert m.place == "via Teams"
    assert m.justering is None
    assert m.next_meeting is None
    assert m.distribution == [
        "Diariet",
        "Ledamöter",
        "Sammanställande i verksamhetsgrupperna",
        "Peter Lilja",
        "Lars Ericsson",
    ]
    assert m.leftover_text == ""
    assert m.warnings == [
        "§ 120: att-sats utan beslutsformel; tolkad som ”LSVO:s ledningsgrupp beslutar”."
    ]


def test_004_people() -> None:
    m = parsed("004_029c77288144ec65.txt")
    kvalitet = "Enheten för kvalitet och utveckling, Region Blekinge"
    chef = "förvaltningschef"
    assert m.people == [
        present("Bodil Sundlöf", "ordforande", "foredragande", org=kvalitet),
        present(
            "Torill Skaar Magnusson",
            "ledamot",
            "foredragande",  # as "Torill Skaar-Magnusson" in § 117
            org="Karlshamns kommun",
            title=f"{chef} Omsorgsförvaltningen",
        ),
        present(
            "Annelie Kjellström",
            "ledamot",
            org="Sölvesborgs kommun",
            title=f"{chef} Omsorgsförvaltningen",
        ),
        present(
            "Elina Tyrberg",
            "ledamot",
            org="Funktionsstödsförvaltningen, Karlskrona kommun",
            title=chef,
        ),
        present(
            "Cecilia Grefve-Lang",
            "ledamot",
            org="Karlskrona kommun",
            title=f"{chef} Socialförvaltningen",
        ),
        present(
            "Maria Appelskog",
            "ledamot",
            org="Ronneby kommun",
            title=f"{chef} Vård- och omsorgsförvaltningen",
        ),
        present(
            "Birgitta Ratcovich",
            "ledamot",
            org="Ronneby kommun",
            title=f"{chef} Socialförvaltningen",
        ),
        present(
            "Patrik Håkansson",
            "ledamot",
            org="Olofströms kommun",
            title=f"{chef} utbildningsförvaltningen",
        ),
        present(
            "Kjell Ivarsson",
            "ledamot",
            "foredragande",
            org="Region Blekinge",
            title="hälso- och sjukvårdsdirektör",
        ),
        present(
            "Håkan Friberg",
            "ledamot",
            org="Hälsovalsavdelningen, Region Blekinge",
            title="medicinsk rådgivare",
        ),
        present(
            "Annika Mellqvist",
            "ledamot",
            org="Region Blekinge",
            title="tf hälso- och sjukvårdschef Nära vård",
        ),
        present(
            "Birgitta Friberg",
            "ledamot",
            org="Region Blekinge",
            title="hälso- och sjukvårdschef Specialiserad vård",
        ),
        present(
            "Maria Arvidsson-Karlsson",
            "ledamot",
            org="Region Blekinge",
            title="hälso- och sjukvårdschef Medicinska serviceverksamheter",
        ),
        present("Carina Andersson", "ledamot", org=kvalitet),
        absent(
            "Gunilla Råberg",
            "franvarande",
            "ledamot",
            org="Karlskrona kommun",
            title=f"{chef} Äldreförvaltningen",
        ),
        absent(
            "Robert Schelin",
            "franvarande",
            "ledamot",
            org="Olofströms kommun",
            title=f"{chef} Socialförvaltningen",
        ),
        absent(
            "Thomas Svensson",
            "franvarande",
            "ledamot",
            org="Karlshamns kommun",
            title=f"{chef} Arbete och välfärd",
        ),
        absent(
            "Martin Åsman",
            "franvarande",
            "ledamot",
            org="Sölvesborgs kommun",
            title=f"{chef} Barn- och utbildningsförvaltningen",
        ),
        absent(
            "Tobias Ekblad",
            "franvarande",
            "ledamot",
            org="Ronneby kommun",
            title=f"{chef} utbildningsförvaltningen",
        ),
        absent(
            "Yvonne Strandh",
            "franvarande",
            "ledamot",
            org="Karlskrona kommun",
            title=f"{chef} kunskapsförvaltningen",
        ),
        absent(
            "Tomas Ringberg",
            "franvarande",
            "ledamot",
            org="Karlshamns kommun",
            title=f"{chef} utbildningsförvaltningen",
        ),
        present("Mats Wennstig", "sekreterare", "foredragande", org=kvalitet),
    ]
    # Föredragande not on the attendance lists are not participants (they stay the items'
    # presenters): the minutes list 15 present, not 21.
    assert not {"Kristina Borén", "Birgitta Nilsson"} & {p.name for p in m.people}
    # Recipients of the minutes are not attendees.
    assert not {"Peter Lilja", "Lars Ericsson"} & {p.name for p in m.people}


def test_004_items() -> None:
    m = parsed("004_029c77288144ec65.txt")
    assert [(i.number, i.is_paragraph, i.title, i.presenters, i.attachments) for i in m.items] == [
        ("113", True, "Godkännande av föredragningslista", [], []),
        ("114", True, "Föregående sammanträdesprotokoll", [], []),
        (
            "115",
            True,
            "Struktur läns gemensamma satsningar",
            ["Kristina Borén", "Bert Bengtsson"],
            ["PPT"],
        ),
        (
            "116",
            True,
            "Samsjuklighet: Projektplan, fortsatt arbete",
            ["Farhad Haddad-Nik", "Margareta Jansson"],
            ["utskickad projektplan inför mötet samt PPT x 2"],
        ),
        (
            "117",
            True,
            "FoU-avtal 2022-",
            ["Torill Skaar-Magnusson", "Kjell Ivarsson", "Mats Wennstig"],
            ["utskickat förslag inför mötet"],
        ),
        (
            "118",
            True,
            "Länsdialoger med Strategi för hälsa",
            ["Kjell Ivarsson"],
            ["utskick inför mötet"],
        ),
        (
            "119",
            True,
            "Arbetet med barn och unga inom FoU",
            ["Helen Sjöblom-Andersson", "Birgitta Nilsson"],
            ["PPT"],
        ),
        ("120", True, "Kvinnofridsatsningen", ["Birgitta Nilsson"], []),
        ("121", True, "Utvecklingsdag för LSVO hösten -21", ["Bodil Sundlöf"], []),
        ("122", True, "Provtagning skolan", ["Kjell Ivarsson"], []),
        ("123", True, "Övriga frågor: a/ Upphandling transport", [], []),
    ]
    items = {i.number: i for i in m.items}
    assert items["113"].text == ""
    # "§105 …" recalled from the last meeting stays text of § 114; it is not an item.
    assert items["114"].text.startswith(
        "Återkoppling protokoll 2021-05-07:\n\n§105 God och nära vård - Rekrytering "
        "utvecklingssamordnare: Frågan om en av kommunerna"
    )
    assert items["114"].text.endswith(
        "§109 LSVO:s möten - Mötesplan hösten -21/Mötetid: Ingen meddelar att LSVO:s nya "
        "mötetid är något hinder."
    )
    assert items["116"].text.endswith(
        "- Varje person som får insatser i verksamheten har tillgång till en vård-och "
        "stödsamordnare"
    )
    assert items["123"].text.endswith(
        "Arbetsgruppen ska utses vid mötet med samverkansgrupp äldre måndag 7 juni."
    )
    assert "Protokollet ska skickas till" not in items["123"].text
    assert "beslutar" not in "".join(i.text for i in m.items)
    assert items["120"].amounts == [
        ParsedAmount("ca 550 000 kr", 550_000),
        ParsedAmount("400 000 kr", 400_000),
    ]
    assert [n for n, i in items.items() if i.amounts] == ["120"]
    assert all(i.outcome is None for i in m.items)


def test_004_decisions_verbatim() -> None:
    m = parsed("004_029c77288144ec65.txt")
    phrase = "LSVO:s ledningsgrupp beslutar"
    expected = {
        "113": [
            "med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista"
        ],
        "114": ["godkänna för 2021-05-07 upprättat sammanträdesprotokoll."],
        "115": [
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
        ],
        "116": [
            "ge samverkansgrupp vuxna i uppdrag att till LSVO:s möte i september ta fram "
            "förslag till prioritering av insatserna i projektplanen med utgångspunkt från "
            "samsjuklighetsutredningen",
            "rekrytering av ny projektledare inleds efter LSVO:s beslut om prioritering av "
            "insatserna i projektplanen i september",
        ],
        "117": [
            "avtalstexten kring avtalstid justeras till 2 år med option på förlängning med "
            "ytterligare 1 + 1 år.",
            "avtalet som helhet beslutas vid mötet 210611.",
        ],
        "118": [
            "Cecilia Grefve-Lang tar en inledande kontakt med Jesper Ekberg på SKR och "
            "återkopplar därefter till LSVO",
            "region och kommuner utser representanter till en grupp som ska planera den "
            "kommande länsdialogen. Dessa meddelas vid LSVO:s möte den 3 september",
        ],
        "119": ["lägga informationen till protokollet"],
        # No "beslutar" heading in the minutes; the body's phrase is assumed (with a warning).
        "120": ["lägga informationen till protokollet"],
        "121": ["LSVO:s möts till en utvecklingsdag den 29 oktober kl 09.00 – 15.00"],
        "122": [
            "utveckla samarbetet mellan smittskyddet och skolorna/elevhälsan samt tydliggöra "
            "hur detta kan genomföras rent praktiskt."
        ],
        "123": ["lägga informationen till protokollet"],
    }
    actual = {
        i.number: [(d.phrase, d.clauses, d.reported_by_body) for d in i.decisions] for i in m.items
    }
    assert actual == {n: [(phrase, clauses, None)] for n, clauses in expected.items()}
    assert m.items[0].decisions[0].text == (
        "LSVO:s ledningsgrupp beslutar\natt med tillägg under övriga frågor godkänna för "
        "sammanträdet upprättad föredragningslista"
    )


def test_004_assignments() -> None:
    m = parsed("004_029c77288144ec65.txt")
    # § 114 reports on the previous meeting ("Kommunerna tar med sig frågan" in 2021-05-07's
    # § 105): that is no new assignment.
    assert {i.number: i.assignments for i in m.items if i.assignments} == {
        "116": [
            ParsedAssignment(
                ["samverkansgrupp vuxna"],
                "ta fram förslag till prioritering av insatserna i projektplanen med "
                "utgångspunkt från samsjuklighetsutredningen",
                "till LSVO:s möte i september",
            )
        ],
        "118": [
            ParsedAssignment(
                ["Cecilia Grefve-Lang"],
                "tar en inledande kontakt med Jesper Ekberg på SKR och återkopplar därefter till LSVO",
            )
        ],
    }
