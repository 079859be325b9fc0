"""The body named in the minutes' opening lines when no title line, letterhead or "Protokoll fört
vid …" names it (invented texts in the layouts of real minutes)."""

from __future__ import annotations

import pytest

from dialogs.importer import parse_minutes
from dialogs.importer.decisions import OwnBody, prose_decision
from dialogs.importer.parse import body_in_opening


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Protokoll Fritidsnämnden. 12 mars 2019\n\nText", "Fritidsnämnden"),
        ("Meny\nGå till innehållet\nKulturstyrelsen 4 maj 2021\n\nÄrende 1", "Kulturstyrelsen"),
        ("Landstingsfullmäktige\n\nSpara som PDF", "Landstingsfullmäktige"),
        ("Anteckningar\nAnteckningar från möte i ABC-gruppen över Zoom\n", "ABC-gruppen"),
        ("ÅSBY BYALAGSFÖRENING\n\nÅrsmöte", "ÅSBY BYALAGSFÖRENING"),
        ("Kommunala trafikrådet 3 april 2020 1 (9)\n", "Kommunala trafikrådet"),
        (
            "1 PROTOKOLL 1(12) Kansliet KS 3/2020 Ekonomistyrelsen Tid Tisdagen den 3 mars, "
            "kl 13 Plats Rådhuset Närvarande ledamöter Anna Berg (M), ordförande",
            "Ekonomistyrelsen",
        ),
        # The head opening the name, and what the body is for, to a number or a date.
        ("Nämnden för kultur och fritid 18-27\n\n1 PROTOKOLL", "Nämnden för kultur och fritid"),
        ("Rådet för miljö, klimat och energi 2021-03-04\n", "Rådet för miljö, klimat och energi"),
        # The body before "protokoll" in one word, in its definite form.
        ("Direktionsprotokoll 2015-01-30\n1 Plats och tid Borås", "Direktionen"),
        ("Utskottsprotokoll 2015-01-30\n", "Utskottet"),
        # The owner of the meeting, in the genitive, in a flattened line of any length.
        (
            "Centrum för hälsa 2008-01-02 Eva Ek Minnesanteckningar från Trafikberedningens möte "
            "den 19 december 2007 Närvarande Anna Berg (S) ordförande Bo Ek (M) Cilla Holm (C)",
            "Trafikberedningen",
        ),
        ("Kallelse till kulturnämndens sammanträde: Datum: 3 mars\n", "Kulturnämnden"),
        # The body after the meeting word, or in one word before it, lower case as prose has it.
        (
            "från sammanträde med styrgruppen för barn och unga Dag och tid: Torsdag",
            "Styrgruppen för barn och unga",
        ),
        (
            "1 Minnesanteckningar från styrgruppsmöte för det regionala nätverket, 23 januari",
            "Styrgruppen för det regionala nätverket",
        ),
        ("Möte med sektionens styrelse den 16-17 okt. 1993\n", "Sektionens styrelse"),
        # The body in the notice of posting or a header field, further down the first page.
        (
            "Transkript\n\n1 PROTOKOLL 1 (28) Sammanträdestid kl 09:00-12:30 Beslutande Enligt "
            "närvarolista BEVIS OM ANSLAG Justering har tillkännagivits genom anslag. Myndighet "
            "Kulturutskottet Anslagsdatum 2024-01-01",
            "Kulturutskottet",
        ),
        ("Anteckningar\nDatum: 3 mars\nTid: 13.00\nOrgan: Fritidsnämnden\n", "Fritidsnämnden"),
    ],
)
def test_a_body_in_the_opening_lines(text: str, body: str) -> None:
    assert body_in_opening(text) == body


@pytest.mark.parametrize(
    "text",
    [
        # A topic heading further down, with no word of minutes or a date, names no body.
        "Start: 12:15\nFörslag på diskussion efter varje uppgift.\n\nDiskussionsgrupp ABC\n",
        # A sentence about another body.
        "Vi har fått svar. Kommunstyrelsen har beslutat att bevilja medel för lokalen i år.\n",
        "ärenden till regionfullmäktige\n",
    ],
)
def test_no_body_where_the_opening_names_none(text: str) -> None:
    assert body_in_opening(text) is None


def test_the_parsed_minutes_name_the_body_from_their_opening() -> None:
    parsed = parse_minutes("Fritidsnämnden 12 mars 2019\n\n§ 1 Budget\n\nNämnden godkänner.\n")
    assert (parsed.body_name, parsed.body_source) == ("Fritidsnämnden", "document")


def test_a_kallelse_title_names_the_body_after_it() -> None:
    parsed = parse_minutes(
        "# Kallelse till sammanträde för Fritidsberedningen\n\nTid: 2010-10-28\n\n"
        "§ 1 Budget\n\nBeredningen godkänner budgeten.\n"
    )
    assert parsed.body_name == "Fritidsberedningen"


def test_a_body_proposing_what_another_decides_is_a_proposal() -> None:
    own = OwnBody(["Regionstyrelsen"])
    sentence = "Regionstyrelsen föreslår att regionfullmäktige godkänner förslaget till budget."
    assert prose_decision(sentence, own) is None
    decided = prose_decision("Regionstyrelsen godkänner förslaget till budget.", own)
    assert decided is not None


def test_a_kommun_letterhead_names_the_organisation_and_the_line_below_the_body() -> None:
    parsed = parse_minutes(
        "EXEMPELBY KOMMUN                  SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nDatum\n"
        "2024-01-30\n\n§ 1 Budget\n\nKommunstyrelsen godkänner budgeten.\n"
    )
    assert (parsed.body_name, parsed.parent_body) == ("Kommunstyrelsen", "EXEMPELBY KOMMUN")
    # A letterhead naming a body keeps it.
    kept = parse_minutes("Kulturnämnden sammanträdesprotokoll 2024-01-30\n\n§ 1 Budget\n\nText.\n")
    assert kept.body_name == "Kulturnämnden"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Protokoll fört vid möte med Gullmarns vattenråd , Dagsholms konferens, Ellenö",
            "Gullmarns vattenråd",
        ),
        ("Protokoll fört vid sammanträde med Kustrådet 20120314, Lysekil", "Kustrådet"),
    ],
)
def test_protokoll_fort_vid_mote_med_a_body(title: str, body: str) -> None:
    """'Protokoll fört vid möte med Gullmarns vattenråd , Dagsholms konferens, Ellenö' (the
    layout of real/items 93): the body after 'möte med', up to the place or the date; 'Protokoll
    fört vid styrelsens sammanträde' still names the board."""
    minutes = parse_minutes(title + "\n\n1 Val av ordförande Stefan öppnade mötet.\n")
    assert (minutes.body_name, minutes.body_source) == (body, "recorded_at")
    board = parse_minutes("Protokoll fört vid styrelsens sammanträde 2023-02-01\n\n§ 1 Öppnande\n")
    assert (board.body_name or "").lower() == "styrelsen"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A body word sharing its head with the word before "och".
        ("1 Vård- och omsorgsnämnden Plats och tid Beslutande Ledamöter: Anna Berg (S)", None),
        ("Hoppa över navigering\nMöte 2023-02-22\nBarn- och utbildningsnämnd\n", None),
        # Among a flattened header's first labels.
        (
            "1 SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Kulturnämnden Tid Plats 18:30-19:30 "
            "Folkets hus Beslutande ledamöter Anna Berg (S) ordförande Bo Ek (M) Cilla Holm (C)",
            "Kulturnämnden",
        ),
        # The notice's "Organ" label with the next labels between it and its value.
        (
            "1 22 Organ Plats och tid Kommunförbundets styrelse Förbundet i Östby län Torsdagen "
            "den 10 mars 2011, kl 13 Beslutande Anna Berg ordförande Bo Ek Cilla Holm",
            "Kommunförbundets styrelse",
        ),
        ("Nämnd:Fritidsnämnden\nTitel:2021-03-24 Protokoll\n", "Fritidsnämnden"),
        # A caps line under a kommun's name, and a meeting "MED" a body in caps.
        ("Plats och tid:\nÖSTBY KOMMUN\nTRAFIKRÅD\nMINNESANTECKNINGAR\n", "TRAFIKRÅD"),
        (
            "1 ÖSTBY KOMMUN PROTOKOLL KS 7 214(268) PROTOKOLL FRÅN SAMMANTRÄDE MED "
            "KOMMUNSTYRELSEN Plats och tid: Rådhuset, kl 13.00-16.40 Närvarande: Anna Berg",
            "Kommunstyrelsen",
        ),
    ],
)
def test_more_layouts_of_the_opening(text: str, body: str | None) -> None:
    if body is None:
        # The coordinated name, whole.
        body = "Vård- och omsorgsnämnden" if "Vård-" in text else "Barn- och utbildningsnämnd"
    assert body_in_opening(text) == body


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A flattened title runs into the header's labels: the labels are no part of the name.
        (
            "SAMMANTRÄDESPROTOKOLL Förbundsstyrelsen Sammanträdesdatum 2009-12-16 1 (23)\n\n"
            "§ 1 Budget\n\nStyrelsen godkänner budgeten.\n",
            "Förbundsstyrelsen",
        ),
        # A title that is labels only, or a date range, names no body: the opening does.
        (
            "SAMMANTRÄDESPROTOKOLL Sammanträdesdatum\n1 SAMMANTRÄDESPROTOKOLL Sammanträdesdatum "
            "Kommunfullmäktige Tid Plats 18:30-19:30 Aulan Beslutande ledamöter Anna Berg (S) "
            "ordförande Bo Ek (M)\n\n§ 1 Budget\n\nFullmäktige godkänner budgeten.\n",
            "Kommunfullmäktige",
        ),
        # An acronym in the title, spelt out in the opening.
        (
            "Minnesanteckningar ABU 2015-08\nMinnesanteckningar\nArbetsgruppen för barn och "
            "unga (ABU)\nTid: 31 augusti\n\n1. Information\n\nText.\n",
            "Arbetsgruppen för barn och unga (ABU)",
        ),
        # A body named by its head alone, with its owner where the opening gives one.
        (
            "Protokoll Styrelsen\n(1)\nOrgan: Regionförbundets styrelse Plats och tid: Östby\n\n"
            "§ 1 Budget\n\nStyrelsen godkänner budgeten.\n",
            "Regionförbundets styrelse",
        ),
        # The meeting "med" the association, on a line of its own (real/items 08, 04).
        (
            "Styrelseprotokoll 20160827\nPROTOKOLL\nStyrelsesammanträde med Västby Vägförening\n"
            "Dag 2016 08 27\n\n1. Öppnande\nMötet öppnades av ordföranden.\n",
            "Västby Vägförening",
        ),
        # A quoted name runs to its closing quote, digits and all.
        (
            "Styrelsemöte 1990-08-28\n\nStyrelsemöte med ”Östby Bygd 1891” tisd. 28 aug 1990.\n\n"
            "§ 1.\nNärvarande var: Anna Berg, Bo Ek.\n",
            "Östby Bygd 1891",
        ),
        # The association's name just before "Protokoll" on a flattened first page (real/items
        # 150, 151): one word, or a name in capitals (kept as written).
        (
            "Protokoll vid styrelsesammanträde\n\nTranskript\n\n1 Nr 1/2012 Sida 1/6 Anna Berg "
            "Östbyvårdsförbundet Protokoll vid styrelsesammanträde på Länsstyrelsen i Östby "
            "PROTOKOLL 1. Mötets öppnande Mötet öppnades av ordförande Bo Ek. Beslut: Mötet var "
            "behörigt utlyst och styrelsen konstaterades vara beslutför.",
            "Östbyvårdsförbundet",
        ),
        (
            "Protokoll. ÖSTBYSJÖNs VATTENVÅRDSFÖRBUND. styrelsemöte 4 juni 2013 Östby kl 1 o\n\n"
            "Transkript\n\n1 "
            "ÖSTBYSJÖNs VATTENVÅRDSFÖRBUND Protokoll NÄRVARANDE Anna Berg Bo Ek 1. Mötets "
            "öppnande Ordföranden öppnade mötet. Styrelsen beslutade att godkänna dagordningen.",
            "ÖSTBYSJÖNs VATTENVÅRDSFÖRBUND",
        ),
        # A body named by its head alone, whose whole name a flattened line prints in capitals
        # (real/items 167).
        (
            "1 ÖSTBY KOMMUN Tid: 9:00 - 12:30 KOMMUNSTYRELSENS SOCIALA UTSKOTT Plats: Rodret "
            "Ledamöter Anna Berg (m) Ordförande Bo Ek (s)\n\n2 § 37 Dnr 2020/1 Budget Utskottet "
            "beslutar att godkänna budgeten.\n",
            "Kommunstyrelsens sociala utskott",
        ),
        # A participle before the body ("Brottsförebyggande rådet") on a flattened page whose
        # header field is "Sammanträdesdag" (real/samverkan 190).
        (
            "Protokoll 150217\n\nTranskript\n\nProtokoll 150217\n\nPROTOKOLL "
            "Stadsdelsförvaltningen Väster Brottsförebyggande rådet (BRÅ) Sammanträdesdag "
            "2015-02-17 Tid: 9:00 – 11.15 Plats: Stora rummet Närvarande Anna Berg, ordförande Bo "
            "Ek, polisen Cilla Lind, fritid Dan Holm, skola 1. Mötets öppnande Anna Berg öppnade "
            "mötet.\n",
            "Brottsförebyggande rådet",
        ),
        # A docplayer title with no field but the meeting's date (real/samverkan 197).
        (
            "1 (6) Kommunala Pensionärsrådet Östbygården, Östby Måndag den 20 april 2009, kl 13.00 "
            "16.30\n\nTranskript\n\n1 1 (6) Plats och tid Östbygården Närvarande Anna Berg, SN, "
            "ordförande Bo Ek, BN Cilla Lind, PRO Dan Holm, SPF 1 Mötets öppnande Ordföranden "
            "öppnade mötet.\n",
            "Pensionärsrådet",
        ),
        # "-organet" in a compound is a body's head (real/samverkan 198).
        (
            "Samverkansorganet Barn och Unga (SBU) 1 Plats och tid Rådhuset, Östby, kl. 13:00 "
            "16:25 Beslutande Anna Berg (KD), ordförande Bo Ek (M) Cilla Lind (S) Övriga "
            "närvarande Dan Holm, fritidsdirektör 1 Mötets öppnande Ordföranden öppnade mötet.\n",
            "Samverkansorganet",
        ),
        # A kommun's letterhead and a page count run into the title (real/items 13).
        (
            "VÄSTBY KOMMUN PROTOKOLL 1(54) Socialnämnden\n\n1 VÄSTBY KOMMUN PROTOKOLL 1(54) Plats "
            "och tid Folkets Hus, Västby, torsdagen den 9 juni 2016, kl Beslutande Anna Berg, "
            "ordf. Bo Ek Cilla Lind Dan Holm Eva Ek\n\n2 § 1 Budget Socialnämnden godkänner "
            "budgeten.\n",
            "Socialnämnden",
        ),
        # A flattened page further down whose fields hold the date (real/samverkan 194).
        (
            "Östbyenheten FU 2/08 Justerat Tid Tisdagen den 26 februari 2008 kl\n\nTranskript\n\n"
            "1 1 (6) Östbyenheten Uppdragsavdelningen, Justerat Folkhälsoutskottet Tid Tisdagen "
            "den 26 februari 2008 kl Plats Närvarande ledamöter Anna Berg, ordförande (c) Bo Ek "
            "(s) Cilla Lind (m) 1 Mötets öppnande Ordföranden öppnade mötet.\n",
            "Folkhälsoutskottet",
        ),
    ],
)
def test_title_names_cleaned_and_completed(text: str, body: str) -> None:
    assert parse_minutes(text).body_name == body


def test_an_organisation_named_first_owns_the_body_that_met() -> None:
    parsed = parse_minutes(
        "Friluftsnätverket\nMycket att ta ställning till\nDen 2 december samlades "
        "Friluftsnätverkets styrgrupp i Östby.\n\nStyrgruppen beslutade att anta planen.\n"
    )
    assert parsed.body_name == "Friluftsnätverkets styrgrupp"


def test_a_label_before_the_deciding_body_is_not_its_name() -> None:
    parsed = parse_minutes(
        "2022-03-01\n\n1. Budget\n\nBeslut: Styrgruppen beslutade att anta budgeten.\n"
    )
    assert parsed.body_name == "Styrgruppen"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # The first line opens with its meeting and its number, then whom it is for.
        ("Styrelsemöte nr. 2 för Östby Schackklubb den 11/04-2013\n\nText", None),
        # An organisation before the minutes' words names whose group met.
        ("ABC. Anteckningar från arbetsgruppens möte 4-5 september 2013\n", "ABC arbetsgrupp"),
        (
            "FoU Välfärd – Minnesanteckningar från ledningsgruppens möte 3 maj\n",
            "FoU Välfärds ledningsgrupp",
        ),
    ],
)
def test_whose_meeting_the_first_line_names(text: str, body: str | None) -> None:
    found = body_in_opening(text)
    if body is None:
        assert found == "Styrelsen för Östby Schackklubb"
        # "för den 11/4" is a time, not whom the body is for.
        assert (
            body_in_opening("1 Protokoll nummer 2 för den 11/ Styrelsemöte nr. 2 för den 11/")
            == "Styrelsen"
        )
    else:
        assert found == body


@pytest.mark.parametrize(
    "text",
    [
        # docplayer.se makes a flattened PDF's first words its title: a run of names and roles,
        # or the first item's sentence, is no body's name (real/bodies 172, 180).
        "Kommunchef Eva Ek Ekonom Bo Berg, del av möte Nämnd- och utredningssekreterare Li Holm\n"
        "\n1 1(9) Fritidsutskottet Plats och tid Rådhuset, kl Beslutande Anna Berg (S)\n",
        "1 Mötets öppnande Ordförande Eva Ek öppnade mötet och hälsade alla välkomna till höstens "
        "första möte.\n\n1 Fritidsutskottet Plats och tid Rådhuset Beslutande Anna Berg (S)\n",
    ],
)
def test_a_title_that_is_no_name_leaves_the_body_to_the_opening(text: str) -> None:
    assert parse_minutes(text).body_name == "Fritidsutskottet"


@pytest.mark.parametrize(
    "title",
    ["Protokoll vid styrelsemöte på Hotell Östby i Västby", "Protokoll styrelsemöte klockan 1700"],
)
def test_a_place_or_a_time_in_the_title_is_no_body(title: str) -> None:
    """ "på Länsstyrelsen i Örebro" after the meeting word is where it met (real/items 150, 07)."""
    named = parse_minutes(title + "\n\n1. Öppnande\n\nMötet öppnades.\n").body_name or ""
    assert "på Hotell" not in named and "klockan" not in named


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # The meeting's kind between "vid" and "möte med", and the body up to the weekday.
        (
            "Protokoll fört vid ordinarie årsmöte med Östby Hembygds- och fornminnesförening "
            "lördagen den 25 maj 2019 klockan 13.00",
            "Östby Hembygds- och fornminnesförening",
        ),
        # The body in one word with its meeting, and the organisation it belongs to.
        (
            "Protokoll fört vid förbundsstyrelsemöte i Sveriges schackförbund, SSF",
            "Förbundsstyrelsen i Sveriges schackförbund, SSF",
        ),
        (
            "1 Protokoll fört vid LAG-sammanträde i Leader Östbygd Tid: Fredag den 6 december 2013 "
            "Plats: Bygdegården Närvarande: Anna Berg, Bo Ek",
            "LAG i Leader Östbygd",
        ),
    ],
)
def test_protokoll_fort_vid_names_the_body_and_its_owner(text: str, body: str) -> None:
    minutes = parse_minutes(text + "\n\n1. Öppnande\n\nMötet öppnades.\n")
    assert (minutes.body_name, minutes.body_source) == (body, "recorded_at")


# A flattened first page whose header names no body before the notice of posting.
_FLAT = (
    "Transkript\n\n1 PROTOKOLL 1 (28) Sammanträdestid kl 09:00 Beslutande Anna Berg, ordförande, "
    "Östby kommun Bo Ek, ledamot, Västby kommun Justeringen har tillkännagivits genom anslag "
)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # "Organ och §§:" over its value, a head opening the name and the proper name after it.
        (
            "Plats och tid: Hotellet\n\nANSLAG/BEVIS\n\nOrgan och §§:\n\nSamordningsförbundet "
            "Östby\n\nSammanträdesdatum: 2016-12-16\n",
            "Samordningsförbundet Östby",
        ),
        # Capitalised words ending in a head, and labels between the label and its value.
        (
            _FLAT + "Organ Norra Östbys Samordningsförbund Datum för anslags uppsättande",
            "Norra Östbys Samordningsförbund",
        ),
        (
            _FLAT + "Organ Kommunala Trafikrådet Datum för anslags uppsättande",
            "Kommunala Trafikrådet",
        ),
        (
            _FLAT + "Paragrafer nr Organ Sammanträdesdatum Folkhälsoråd Datum för anslags",
            "Folkhälsoråd",
        ),
        # A label's next labels are no part of the name.
        (_FLAT + "Myndighet Arbetsutskottet Anslagsdatum 2024-01-01", "Arbetsutskottet"),
    ],
)
def test_the_notice_of_posting_names_the_body(text: str, body: str) -> None:
    assert body_in_opening(text) == body


def test_a_body_named_by_its_head_takes_the_pages_heading() -> None:
    """ "Protokoll utskottssammanträde" names an utskott; the heading "KULTURUTSKOTTET" names
    which (real/bodies 170). A word inside a sentence does not."""
    text = (
        "Protokoll utskottssammanträde 2010/11:21\n\nUtskottens protokoll\n\nKULTURUTSKOTTET\n\n"
        "PROTOKOLL\n\nDATUM\n\nTorsdagen den 3 mars 2011\n\n§ 1\n\nJustering av protokoll\n"
    )
    assert parse_minutes(text).body_name == "Kulturutskottet"
    other = (
        "Protokoll utskottssammanträde 2011-03-03\n\nMötet hölls hos Kulturutskottet i Östby.\n\n"
        "§ 1\n\nJustering av protokoll\n"
    )
    assert parse_minutes(other).body_name == "Utskottet"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A caps title's name after the minutes' word, though no body's head is in it.
        (
            "PROTOKOLL LAG ÖSTBY OCH VÄSTBY. Datum: sida 1 (5) Hotellet, Östby Tid: 18:00 20:30 "
            "Närvarande: Anna Berg, ordförande Bo Ek",
            "LAG ÖSTBY OCH VÄSTBY",
        ),
        # An organisation's short name in capitals before its body's meeting.
        (
            "1 ABCD styrelsemöte, möte nr 5 år 2013 Östby förening protokoll från styrelsemöte",
            "ABCD styrelse",
        ),
        # A reader that lost the letters outside ASCII: "F\ufffdRENING" is still an association.
        ("# Årsmöte 2010\n## \ufffdSTBY BYALAGSF\ufffdRENING\n", "\ufffdSTBY BYALAGSF\ufffdRENING"),
    ],
)
def test_names_in_capitals(text: str, body: str) -> None:
    assert body_in_opening(text) == body


def test_no_caps_title_from_the_minutes_word_alone() -> None:
    # "SAMMANTRÄDESPROTOKOLL" holds "RÄD", not the head "råd"; "PROTOKOLL FRÅN …" is no name.
    assert body_in_opening("1 SAMMANTRÄDESPROTOKOLL\n") is None
    assert body_in_opening("PROTOKOLL FRÅN ÅRSMÖTET\n") is None


def test_a_caps_body_takes_the_form_its_text_uses() -> None:
    parsed = parse_minutes(
        "ÖSTBY KOMMUN\nTRAFIKRÅD\nMINNESANTECKNINGAR\n\n1. Mötestider\n\nBeslutas att godkänna "
        "trafikrådets nya tider. Trafikrådet träffas i maj.\n"
    )
    assert parsed.body_name == "Trafikrådet"


def test_whose_meeting_owns_a_group_named_by_its_head() -> None:
    parsed = parse_minutes(
        "1 Mötets öppnande Ordföranden hälsade alla välkomna till ABCnäras första möte för "
        "hösten.\n\nTranskript\n\n1 Ideell förening Sida 1 av 7 Protokoll öppet LAG-gruppsmöte "
        "Tid: 22 augusti 2017, kl Plats: Östby 1 Mötets öppnande Ordföranden öppnade mötet.\n"
    )
    assert parsed.body_name == "ABCnäras LAG-grupp"
    # A definite noun before "möte" is no owner.
    plain = parse_minutes(
        "Protokoll öppet LAG-gruppsmöte 2017-08-22\n\n1 Öppnande Välkomna till Föreningens möte.\n"
    )
    assert plain.body_name == "LAG-gruppen"


def test_a_village_association_is_a_body() -> None:
    """Real/items 251, 256: 'Tönnånger Byalag' over the minutes' title, 'Protokoll fört vid
    Årsmötet för Östersocknens Byalag r.f.'."""
    named = parse_minutes(
        "Östby Byalag\n\nProtokoll från årsmöte den 27 april 2019\n\n§ 1 Mötets öppnande\n"
        "Mötet öppnades.\n"
    )
    # Only the head is read from a name line of two words so far (the bench's body check
    # accepts it, as one name holds the other); the association's own name is left (README).
    assert named.body_name is not None and named.body_name.endswith("Byalag")
    fort = parse_minutes(
        "Protokoll fört vid Årsmötet för Västbyns Byalag r.f.\n\nPlats och tid: Bystugan den 9 "
        "april 2011\n\n§ 1. Mötet öppnades.\n"
    )
    assert fort.body_name is not None and fort.body_name.startswith("Västbyns Byalag")
    board = parse_minutes(
        "Protokoll fört vid styrelsemötet för Västbyns hembygdsförening\n\n§ 1. Mötet öppnades.\n"
    )
    assert board.body_name == "Västbyns hembygdsförening"


def test_kommun_letterhead_gives_way_to_the_body_its_decisions_name() -> None:
    # 'ÅBY KOMMUN PROTOKOLL 1(9)' with no body in the opening, '59 Val av ordförande
    # Handikapprådet beslutar att …': the kommun is the parent, the council the body
    # (real/complete 231).
    text = (
        "ÅBY KOMMUN PROTOKOLL 1(9)\n\nTranskript\n\n"
        "1 ÅBY KOMMUN PROTOKOLL 1(9) Tid: Klockan Plats: Annegården Närvarande: Berg Anna HSO "
        "Lund Bo SRF Åby Holm Dan LKF, adjungerad Övriga närvarande: Ek Cilla HSO\n\n"
        "2 ÅBY KOMMUN PROTOKOLL 2(9) 58 Mötets öppnande Vice ordförande Bo Lund hälsar alla "
        "välkomna. 59 Val av ordförande Handikapprådet beslutar att utse Anna Berg till "
        "ordförande för sammanträdet.\n"
    )
    parsed = parse_minutes(text, "protokoll.txt")
    assert parsed.body_name == "Handikapprådet"
    assert parsed.parent_body == "ÅBY KOMMUN"
    # A kommun's own board deciding keeps the kommun as parent too; no body word, no change.
    plain = parse_minutes(text.replace("Handikapprådet beslutar", "Vi beslutar"), "p.txt")
    assert plain.body_name == "ÅBY KOMMUN"


def test_batch19_two_kinds_of_meeting_joined_by_a_slash_name_no_body() -> None:
    # "Protokoll från styrelsemöte/konstituerande styrelsemöte" under the association's name
    # (real/items 274): the slash's first kind of meeting is no body ('/konstituerande').
    parsed = parse_minutes(
        "Styrelseprotokoll 2015-06-04\n\nÅsby Hembygdsförbund\n\nProtokoll från styrelsemöte/"
        "konstituerande styrelsemöte\n\nByns hembygdsgård 2015-06-04\n\n1. Mötets öppnande\n\n"
        "Ordförande Anna Ek öppnade mötet.\n\n2. Val\n\nBo Lund valdes.\n",
        "p.txt",
    )
    assert parsed.body_name and "/" not in parsed.body_name
    assert "Hembygdsförbund" in parsed.body_name


def test_batch19_the_body_among_field_labels_after_a_letterhead() -> None:
    # "KOMMUNFÖRBUNDET NORRBOTTEN SAMMANTRÄDESPROTOKOLL Sida Sammanträdesdatum Styrelsen
    # 2006-02-09 1(19)" (real attendance 277): the labels came before their values; the body
    # word among them is the body, the letterhead its organisation.
    parsed = parse_minutes(
        "KOMMUNFÖRBUNDET VÄSTBYGDEN SAMMANTRÄDESPROTOKOLL Sida Sammanträdesdatum Styrelsen "
        "2006-02-09 1(19) )\n\n1 1(19 Plats och tid Beslutande Kommunhuset Bo Ek, Västby, (s, "
        "ordförande Åsa Lind, Östby, (s\n\n2 1 Delgivningar\n",
        "p.txt",
    )
    assert parsed.body_name == "Styrelsen"
    assert parsed.parent_body == "KOMMUNFÖRBUNDET VÄSTBYGDEN"
    # Without a body word among the labels the letterhead stays the name.
    plain = parse_minutes(
        "KOMMUNFÖRBUNDET VÄSTBYGDEN SAMMANTRÄDESPROTOKOLL Sida Sammanträdesdatum 2006-02-09 "
        "1(19)\n\n1 Delgivningar\n",
        "p.txt",
    )
    assert plain.body_name == "KOMMUNFÖRBUNDET VÄSTBYGDEN"


def test_batch20_a_caps_body_after_the_minutes_word_on_a_flattened_page() -> None:
    # "1 Sammanträdesprotokoll OMSORGSSTYRELSEN Plats och tid …" (real/bodies 290): the body in
    # capitals between the minutes' word and the first field, given as a name.
    text = (
        "Sammanträdesprotokoll\n\nTranskript\n\n1 Sammanträdesprotokoll BYGGNADSNÄMNDEN Plats "
        "och tid Kommunhuset, kl 14:00-15:55 Beslutande Övriga deltagande Utses att justera "
        "Anna Ek (S), ordförande Bo Lund (M) Eva Sjö (C) Per Ås (V) Ola Berg (L)\n\n"
        "2 Ärendelista 1 Rapport\n"
    )
    assert body_in_opening(text) == "Byggnadsnämnden"
    # A caps word that is no body's name stays out.
    assert body_in_opening(text.replace("BYGGNADSNÄMNDEN", "KOMMUNHUSET")) != "Kommunhuset"


def test_batch20_the_notice_label_forum_and_an_owner_with_adjectives() -> None:
    # "ANSLAGSBEVIS … Forum Kommunstyrelsens allmänna utskott Sammanträdesdatum" (real/bodies
    # 296): the notice's label 'Forum' names the organ, an owner's genitive with adjectives in
    # -a before the head.
    text = (
        "1 Plats och tid Rummet, Förvaltningshuset klockan 9:00-13:40 Beslutande: Anna Ek (S) "
        "Bo Lund (M) Övriga deltagande Eva Sjö, kommunchef Utses att justera Bo Lund\n\n"
        "2 ANSLAGSBEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag "
        "Forum Regionstyrelsens sociala beredning Sammanträdesdatum för anslags upprättande\n"
    )
    assert body_in_opening(text) == "Regionstyrelsens sociala beredning"
    # After 'Forum', a name that is no body's names none.
    assert (
        body_in_opening(text.replace("Regionstyrelsens sociala beredning", "Västbygdens Stad"))
        is None
    )


def test_batch20_an_association_line_owns_a_bare_board() -> None:
    # "Sturge Weber föreningen Sverige" on its own line over "Styrelsemöte §822-836" (real/
    # bodies 294): the board met, the association is the body's name.
    parsed = parse_minutes(
        "Styrelsemöte 21 juni 2021\n\nPosted in Styrelseprotokoll\n\nVästby Syndrom föreningen "
        "Sverige\n\nStyrelsemöte §822-836"
        "\n\n21 juni 2021\n\n§ 822. Mötets öppnande\nOrdförande Anna Ek öppnar mötet.\n\n"
        "§ 823. Närvarande\nAnna Ek, Bo Lund och Eva Sjö.\n",
        "p.txt",
    )
    assert parsed.body_name == "Västby Syndrom föreningen Sverige"
    # A sentence that mentions an association is no name line.
    parsed = parse_minutes(
        "Styrelsemöte 21 juni 2021\n\nPosted in Styrelseprotokoll\n\nVi träffade föreningen "
        "Sverige idag.\n\n§ 1. Mötets "
        "öppnande\nAnna Ek öppnar mötet.\n",
        "p.txt",
    )
    assert parsed.body_name == "Styrelsen"


def test_batch23_caps_title_broken_before_its_last_words_and_date() -> None:
    # 'MINNESANTECKNINGAR FRÅN STYRGRUPP HÄLSOSAMVERKAN' / 'NORRDAL 20160304': the title's last
    # word is on the date's line; the body's name keeps it (real/complete 310).
    text = (
        "minnesanteckningar 20160304\n\nSIDAN 1 AV 3\n"
        "MINNESANTECKNINGAR FRÅN STYRGRUPP HÄLSOSAMVERKAN\nNORRDAL 20160304\n"
        "Närvarande:\nPer Holm, Lotta Berg\n"
    )
    named = body_in_opening(text)
    assert named is not None and named.endswith("HÄLSOSAMVERKAN NORRDAL"), named


def test_batch24_a_body_in_the_genitive_owns_the_minutes_and_adopts() -> None:
    """'Direktionens protokoll 31 maj 2024' (web notice boards of kommunalförbund, real/items
    325-327) names the body 'Direktionen'; its 'Direktionen antar …' is still a decision, while
    the meeting's own 'Mötet antar …' keeps its passive reading."""
    minutes = parse_minutes(
        "Styrelsens protokoll 2024-03-05\n\n§ 4 Sammanträdesdagar\n\n"
        "Styrelsen antar det nya förslaget till sammanträdesdagar.\n",
        "m.txt",
    )
    assert minutes.body_name == "Styrelsen"
    assert [d.text for d in minutes.decisions] == [
        "Styrelsen antar det nya förslaget till sammanträdesdagar."
    ]
    own = OwnBody(["Styrelsen"])
    adopted = prose_decision("Styrelsen antar förslaget.", own)
    assert adopted is not None and adopted.phrase == "Styrelsen antar"
    meeting = prose_decision("Mötet antar förslaget.", OwnBody(["Mötet"]))
    assert meeting is None or meeting.phrase != "Mötet antar"


def test_batch27_a_web_archives_navigation_line_as_the_title() -> None:
    """'Din position: Hem > Ekby kommun > Kultur- och fritidsnämnden > Sammanträde 2021-05-12'
    (the title line of real/items 351, 353, 354): the body is the step before the meeting, the
    organisation the step before it; the site's home is neither."""
    minutes = parse_minutes(
        "Din position: Hem > Ekby kommun > Kultur- och fritidsnämnden > Sammanträde 2021-05-12\n\n"
        "Sammanträde 2021-05-12\n\n1 Information om lovaktiviteter\n\n"
        "2 Bidrag till föreningar\n\n3 Sammanträdesplan 2022\n",
        "m.txt",
    )
    assert minutes.body_name == "Kultur- och fritidsnämnden"
    assert minutes.parent_body == "Ekby kommun"
    assert minutes.date is not None and minutes.date.isoformat() == "2021-05-12"


def test_batch28_beslutsinstans_names_the_body() -> None:
    """'Beslutsinstans: Arbetsutskottet 2019-2022 Sammanträdesdatum: 2020-08-18', the notice's
    label in a kommun's nämnd protocol (real/items 360), names the body as 'Organ:' does."""
    minutes = parse_minutes(
        "Anslag\n\nBeslutsinstans: Arbetsutskottet 2019-2022 Sammanträdesdatum: 2020-08-18\n\n"
        "Plats och tid\n\nÖrngrund, 2020-08-18 kl. 09.00-10:05\n\n"
        "§ 63 Fastställande av dagordning\n\nDagordningen fastställs.\n",
        "m.txt",
    )
    assert minutes.body_name is not None and minutes.body_name.startswith("Arbetsutskottet")


def test_batch28_body_line_under_a_short_dated_title() -> None:
    """A Word letterhead opens with a template date, a page count and the sender; the line
    right under 'Minnesanteckningar 2015-09-16' names the body, a head noun with its proper
    name in capitals after it, all of which is the name (real/items 368)."""
    text = (
        "2015-05-11\n1 (4)\nAnna Ek\nSamordnare Samverkan Ekby\n"
        "Minnesanteckningar 2015-09-16\nLedningsgrupp Samverkan Ekby\n"
        "Närvarande\nAnna Ek\nBo Lund\n1. Genomgång av dagordning\nDagordningen gicks igenom.\n"
    )
    assert parse_minutes(text, "m.txt").body_name == "Ledningsgrupp Samverkan Ekby"
    assert body_in_opening("Minnesanteckningar\nStyrgrupp Närvård Södra Älvsborg\n") == (
        "Styrgrupp Närvård Södra Älvsborg"
    )
    # A heading further down that names no meeting stays a topic.
    assert body_in_opening("Anna Ek\nBo Lund\nEva Berg\nDiskussionsgrupp IMPA\n") is None


def test_an_organisation_with_its_short_name_before_its_meeting() -> None:
    # 'Protokoll. SamNordisk Skogsforskning (SNS) Styrelsemöte 1/2007. Datum: …' (real
    # attendance 423): the organisation between the minutes' word and its board's meeting.
    parsed = parse_minutes(
        "Protokoll. Nordisk Vattenforskning (NVF) Styrelsemöte 2/2009. Datum: 3 mars 2009\n\n"
        "1 Nordisk Vattenforskning (NVF) Styrelsemöte 2/2009 Datum: 3 mars 2009 Plats: Oslo\n"
    )
    assert parsed.body_name == "Nordisk Vattenforskning (NVF) styrelse"
