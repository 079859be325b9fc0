"""Rules that batch 31 of real excerpts (tests/importer/real/items/real_390–393: a network's
notes, an EU programme's decision group, two kommunalförbund boards) asked for, each on a short
text of our own with invented names."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedItem


def _items(text: str) -> list[ParsedItem]:
    return parse_minutes(text, "protokoll.txt").items


def _flat(*pages: str) -> str:
    # A flattened PDF transcript: one paragraph a page, each opening with its page number.
    return "\n\n".join(pages) + "\n"


def test_agenda_point_dropped_or_moved_is_a_decision_and_ends_the_title() -> None:
    # "Punkt 7 utgår helt och punkt 9 delvis." and "Punkten om X tas informellt senare …" run
    # into the agenda item's title in flattened text (real/items 390, 391).
    text = _flat(
        "1 Anteckningar från nätverksmötet den 4 mars 2024 Närvarande: Maja Holm, ordf Tor Berg, "
        "sekr. 1 Mötets öppnande Maja öppnade mötet. 2 Godkännande av dagordningen Punkten om "
        "Fiskevård tas informellt senare under dagen. I övrigt godkändes dagordningen. "
        "3 Fastställande av dagordning för hösten Punkt 7 utgår helt och punkt 9 delvis. "
        "Efter dessa ändringar fastställdes dagordningen. 4 Övrigt Inget att ta upp.",
        "2 Nätverket 5 Nästa möte Mötet hålls i maj hos Tor Berg i Umeå med lunch.",
        "3 Nätverket 6 Avslutning Maja tackade för ett bra möte och avslutade mötet.",
    )
    items = {item.number: item for item in _items(text)}
    assert items["2"].title == "Godkännande av dagordningen"
    assert items["3"].title == "Fastställande av dagordning för hösten"
    said = {n: [d.text for d in item.decisions] for n, item in items.items()}
    assert said["2"][0] == "Punkten om Fiskevård tas informellt senare under dagen."
    assert said["3"][0] == "Punkt 7 utgår helt och punkt 9 delvis."
    # The item's own point dropped stays its outcome, no decision ("Punkten utgår").
    own = _items(
        "Protokoll 2024-03-12\n\nNärvarande: Maja Holm, Tor Berg\n\n1. Budget\n\nPunkten utgår.\n\n"
        "2. Övrigt\n\nInget.\n"
    )
    assert own[0].decisions == [] and own[0].outcome == "Punkten utgår"


def test_dash_phrase_of_nouns_stays_in_the_title() -> None:
    # "5 Rapporter - Regionala möten och träffar": "träffar" after "och" is a noun, no verb of a
    # sentence after the dash (real/items 390); "- Jojje och Henrik ordnar …" still opens one.
    text = _flat(
        "1 Minnesanteckningar från gruppen den 9 maj 2024 Närvarande: Maja Holm, Tor Berg. "
        "1 Mötets öppnande Maja öppnade mötet. 2 Rapporter - Regionala möten och träffar",
        "2 Väst: Det blir möte i höst. 3 Uppföljning i höst - Maja och Tor ordnar ett möte i "
        "oktober. 4 Övrigt Inget. 5 Nästa möte Mötet hålls i juni hos Tor Berg i Umeå.",
        "3 Gruppen 6 Avslutning Maja tackade för ett bra möte och avslutade mötet.",
    )
    titles = {item.number: item.title for item in _items(text)}
    assert titles["2"] == "Rapporter - Regionala möten och träffar"
    assert titles["3"] == "Uppföljning i höst"


def test_measure_number_after_its_noun_is_no_sub_point() -> None:
    # "Åtgärd 4.1 Stärk kulturen …" inside item 4's text names a programme's measure, not a
    # sub-point 4.1 (real/items 391).
    text = _flat(
        "1 Beslutsgruppen 2/24 1 Protokoll från beslutsgruppens möte den 13 februari 2024 "
        "Närvarande: Maja Holm, ordf. 1. Fastställande av dagordning Dagordningen fastställdes. "
        "2. Föregående protokoll Protokollet lades till handlingarna. 3. Val av justerare Tor "
        "Berg valdes till justerare.",
        "2 Beslutsgruppen 2/24 2 4. Beslut om bidrag Förbrukningen är låg. Åtgärd 4.1 Stärk "
        "kulturen i skärgården är nästan helt intecknad. 5. Övrigt Inga övriga frågor.",
    )
    numbers = [item.number for item in _items(text)]
    assert numbers == ["1", "2", "3", "4", "5"]


def test_matter_section_heading_is_no_topic() -> None:
    # Web minutes of a board whose paragraph headings were lost: "Ärendebeskrivning" over the
    # matter's background is a section of it, no topic (real/items 325, 392).
    text = (
        "Direktionens protokoll 6 februari 2024\n\nBeslutande:\n\nMaja Holm (S)\n\nTor Berg (M)\n\n"
        "Direktionens beslut\n\nDagordningen godkänns.\n\nDirektionens beslut\n\nDirektionen antar "
        "nytt förslag till datum för sammanträden 2024.\n\nÄrendebeskrivning\n\nFöreligger nytt "
        "förslag från beredningen om sammanträdesdatum under 2024.\n"
    )
    titles = [item.title for item in _items(text)]
    assert "Ärendebeskrivning" not in titles


def test_running_header_that_ate_the_item_number() -> None:
    # Page 2's header lost its year, its page number and the number of the item that opens the
    # page: "2 Beslutsgruppen … 2/ Val av justerare …" after page 1's "… 2/98 1 …"; the item
    # takes the number its neighbours leave for it (real/items 20, 391).
    text = _flat(
        "1 Beslutsgruppen för mål 9 kusten 2/24 1 Protokoll från beslutsgruppsmöte den 13 "
        "februari 2024 Närvarande: Maja Holm, ordf. Ledamöter: Tor Berg Lisa Sand Maja Holm "
        "öppnade mötet. 1. Fastställande av dagordning Dagordningen fastställdes. 2. Föregående "
        "protokoll Protokollet lades till handlingarna.",
        "2 Beslutsgruppen för mål 9 kusten 2/ Val av justerare Lisa Sand valdes till justerare. "
        "4. Beslut om bidrag Kansliet redogjorde för läget. 5. Övrigt Inga övriga frågor.",
    )
    items = {item.number: item for item in _items(text)}
    assert list(items) == ["1", "2", "3", "4", "5"]
    assert items["3"].title == "Val av justerare"
    assert [d.text for d in items["3"].decisions] == ["Lisa Sand valdes till justerare"]


def test_plural_title_over_its_text_in_the_singular() -> None:
    # "4 Rapporter Rapport från länsträffen …": the text opens with the title's noun in the
    # singular (real/items 20).
    text = _flat(
        "1 Gruppen 1/24 1 Protokoll från gruppens möte den 5 oktober 2024 Närvarande: Maja "
        "Holm, ordf. 1. Fastställande av dagordning Dagordningen fastställdes. 2. Rapporter "
        "Rapport från länsträffen den 2 oktober lämnades av Tor Berg. 3. Övrigt Inget.",
        "2 Gruppen 1/24 2 4. Nästa möte Mötet hålls i november hos Tor Berg i Umeå.",
    )
    titles = {item.number: item.title for item in _items(text)}
    assert titles["2"] == "Rapporter"


def test_flattened_contents_entries_are_titles_only() -> None:
    # A contents list without leaders or page numbers after a page's running header: each
    # entry up to the next number is a title, even one that reads as a sentence or runs on in
    # capitals (real/items 394, batch 31b).
    text = _flat(
        "Rådet för äldre Sammanträdesprotokoll Sammanträdesdatum Plats och tid: Kommunhuset, kl. "
        "18.00 20.00 Beslutande ledamöter: Övriga närvarande: Plats och tid för justering: Maja "
        "Holm (C), ordförande Tor Berg (S) Lisa Sand (M) Per Ek, PRO Anna Lind, SPF Eva Berg, "
        "planchef Lisa Sand, sekreterare 2016-09-29, kommunhuset Underskrifter: Sekreterare: "
        "Lisa Sand Paragrafer 31-37 Ordförande: Maja Holm Justerande: Per Ek Anslag/bevis Organ",
        "KOMMUNEN Sammanträdesprotokoll Sida 2(5) Innehållsförteckning 31 Godkännande av "
        "dagordningen 32 Planchef Eva Berg besöker rådet för att informera om bostäder 33 Val av "
        "justerare 34 Diskussion kring samverkansformer 35 Information från Pensionärsalliansen "
        "36 Genomgång av föregående protokoll Rådet för äldre 37 Nästa möte",
        "KOMMUNEN Sammanträdesprotokoll Sida 3(5) 31 Godkännande av dagordningen Dagordningen "
        "godkänns. 32 Planchef Eva Berg besöker rådet för att informera om bostäder",
    )
    titles = {item.number: item.title for item in _items(text)}
    assert titles["32"] == "Planchef Eva Berg besöker rådet för att informera om bostäder"
    assert titles["36"] == "Genomgång av föregående protokoll Rådet för äldre"
    assert titles["37"] == "Nästa möte"
