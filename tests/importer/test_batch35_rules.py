"""Rules that batch 35 of real excerpts (tests/importer/real/complete/real_430–432 and
items/real_433–435: regional boards, a kommun's utskott on a joint committee, a kommunförbund's
summons with two agendas, a care committee's contents list) asked for, each on a short text of
our own with invented names."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedItem


def _items(text: str) -> list[ParsedItem]:
    return parse_minutes(text, "protokoll.txt").items


def test_a_board_taking_letters_to_its_minutes_decides() -> None:
    # "Regionstyrelsen antecknar skrivelserna till protokollet." (real/complete 431).
    text = (
        "Protokoll 2022-03-04\n\nNärvarande: Maja Holm, Tor Berg\n\n"
        "§ 12 Anmälan av skrivelser\n\nNämnden antecknar breven till protokollet.\n\n"
        "§ 13 Rapporter\n\nStyrelsen antecknade rapporterna till handlingarna.\n"
    )
    said = {item.number: [d.text for d in item.decisions] for item in _items(text)}
    assert said["12"] == ["Nämnden antecknar breven till protokollet."]
    assert said["13"] == ["Styrelsen antecknade rapporterna till handlingarna."]


def test_a_bound_of_presence_is_no_item_number() -> None:
    # "Kjell Gustafsson (C), t o m 13 Annelill Davidsson …", "… fr.o.m. 14 Eva Johnsson" in a
    # flattened attendance list (real/complete 432).
    text = (
        "1 PROTOKOLL Styrelsen Tid Tisdagen den 8 mars 2022 Plats Närvarande ledamöter Stora "
        "salen, Växjö Maja Holm (M), ordf. Tor Berg (C), t o m 13 Lisa Ek (C) ersättare för Tor "
        "Berg, fr.o.m. 14 Per Ås (S) Nils Ro (V)\n\n"
        "2 2(9) 4 Val av justerare Att jämte ordföranden justera protokollet utsågs Per Ås.\n"
    )
    numbers = [item.number for item in _items(text)]
    assert "13" not in numbers and "14" not in numbers


def test_a_short_page_opening_with_its_own_page_mark_and_an_opening_item() -> None:
    # "2 2(23) 4 Val av protokolljusterare samt justeringsdatum Att jämte ordföranden …": a
    # short page after a flattened first page, numbered twice (the transcript's number and the
    # PDF's "2(23)"), holding one paragraph that opens the minutes (real/complete 432).
    text = (
        "1 PROTOKOLL Styrelsen (9) Tid Tisdagen den 8 mars 2022 Plats Närvarande ledamöter "
        "Stora salen, Växjö Maja Holm (M), ordf. Tor Berg (C) Lisa Ek (C) Per Ås (S) Nils Ro "
        "(V) Övriga närvarande Eva Lund, Kim Falk (delvis), Bo Ek, Siv Ahl, Ulla Berg, Ann Sten, "
        "Jan Dahl, Åsa Frid, Lars Gran, Pia Holm, Rut Is, Olle Jon, Stina Karl, Tage Lind\n\n"
        "2 2(9) 4 Val av protokolljusterare Att jämte ordföranden justera protokollet utsågs "
        "Per Ås. Justering beslutades ske den 10 mars\n"
    )
    items = _items(text)
    assert [item.number for item in items] == ["4"]
    assert items[0].title == "Val av protokolljusterare"
    said = [d.text for d in items[0].decisions]
    assert said[0] == "Att jämte ordföranden justera protokollet utsågs Per Ås."


def test_the_count_after_n_av_is_no_item_number() -> None:
    # "Protokoll 2 av 2 Innehåll 3 Justering … 3-4 4 …": the second "2" counts the parts of
    # the minutes, not an item "Innehåll" (real/items 435).
    text = (
        "Protokoll 2 av 2 Innehåll 3 Justering och fastställande av föredragningslista 3-4 "
        "4 Hemtjänstens kvalitet 5 5 Budget för nästa år 6 6 Kontaktpolitiker 2019 7-8 "
        "7 Redovisning av delegeringsbeslut 2019 9 8 Utestående uppdrag från förra året 10 "
        "9 Uppföljning av internkontroll 2018 11 10 Sammanställning av synpunkter och klagomål "
        "12 11 Rapportering ej verkställda beslut 13 12 Val av ombud 14-15 2\n"
        "1 av 2 3 Justering och fastställande av föredragningslista Per Ås (M) utses tillsammans "
        "med ordföranden att justera protokollet. Föredragningslistan fastställs enligt "
        "följande: 1B. Justering 2A. Hemtjänstens kvalitet 3B. Budget\n"
    )
    numbers = [item.number for item in _items(text)]
    assert "2" not in numbers
    assert numbers[:2] == ["3", "4"]


def test_one_filed_paragraph_of_a_kommun_page_with_caps_sections() -> None:
    # "… Sammanträdesdatum 2014-09-30 15 (36) 179 D nr 2014/241 Avtal … i Västmanland
    # INLEDNING … BESLUT Ledningsutskottet föreslår att …": one page of a kommun's minutes, its
    # paragraph with a file number (the "Dnr" split by OCR), sections in capitals, the decision
    # under a "BESLUT" label (real/items 433).
    text = (
        "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL SOCIALUTSKOTTET Sammanträdesdatum 2023-05-16 7 (20) "
        "42 D nr 2023/118 Överenskommelse om hemsjukvård mellan regionen och kommunerna i länet "
        "INLEDNING Regionen har tagit initiativ till en ny överenskommelse om hemsjukvården. "
        "Syftet är att tydliggöra ansvaret mellan huvudmännen och att förenkla samarbetet i "
        "vardagen för alla som arbetar nära patienterna. Beredning Förslag till överenskommelse. "
        "Yrkanden Eva Lund (S) yrkar att utskottet föreslår att kommunstyrelsen godkänner "
        "överenskommelsen. BESLUT Socialutskottet föreslår att kommunstyrelsen godkänner "
        "överenskommelsen om hemsjukvård. Justerandes sign Utdragsbestyrkande\n"
    )
    items = _items(text)
    assert [item.number for item in items] == ["42"]
    assert items[0].title == (
        "Överenskommelse om hemsjukvård mellan regionen och kommunerna i länet"
    )
    said = [d.text for d in items[0].decisions]
    assert len(said) == 1
    assert "Socialutskottet föreslår att kommunstyrelsen godkänner" in said[0]


def test_a_summons_for_two_sittings_holds_two_meetings() -> None:
    # "Dagordning för sammanträde för A samt B gemensamt 1. … 9. …" on page 1 and "Dagordning
    # för Bs sammanträde 1. … 8. …" on page 2: two sittings the same day (real/items 434).
    text = (
        "1 Omsorgsberedningen Kallelse till sammanträde Plats: Hotell Norr Tid: Den 5 maj 2021 "
        "Program Gemensamt sammanträde Lunch Separata sammanträden Dagordning för sammanträde "
        "för Skolberedningen samt Omsorgsberedningen gemensamt 1. Välkomna Inledning av Eva Lund "
        "2. Val av justerare 3. Dagordning 4. Föregående protokoll Bilaga: protokoll 5. Rapport "
        "om arbetet med förbundet Muntlig information av Per Ås, kansliet 6. Övriga frågor\n\n"
        "2 Omsorgsberedningen Dagordning för Omsorgsberedningens sammanträde 1. Val av justerare "
        "2. Dagordning 3. Föregående protokoll Bilaga: protokoll 4. Missbruksvård Information "
        "av Per Ås, kansliet 5. Hemsjukvård, uppföljning Bilagor: a) PM 6. Övriga frågor\n"
    )
    minutes = parse_minutes(text, "kallelse.txt")
    assert [item.number for item in minutes.items] == ["1", "2", "3", "4", "5", "6"]
    # "1. Välkomna Inledning …" keeps its title; with "!" the title keeps the "!".
    assert minutes.items[0].title.startswith("Välkomna")
    assert len(minutes.following) == 1
    second = [item.title for item in minutes.following[0].items]
    assert second[0] == "Val av justerare" and second[3].startswith("Missbruksvård")
    # The same day, and the summons' body.
    assert minutes.following[0].date == minutes.date is not None
    assert minutes.following[0].body_name == minutes.body_name


def test_a_replaced_member_with_a_middle_initial_and_its_point_is_absent() -> None:
    # "Ola Gustafsson (S), ersättare för RosMarie J. Neckö (S)" in a flattened list
    # (real/complete 432).
    text = (
        "1 PROTOKOLL Styrelsen Tid Tisdagen den 8 mars 2022 Plats Närvarande ledamöter Stora "
        "salen, Växjö Maja Holm (M), ordf. Tor Berg (C) Lisa Ek (C) Per Ås (S), ersättare för "
        "AnnMari K. Lindqvist (S) Nils Ro (V) Övriga närvarande Eva Lund, Kim Falk, Bo Ek, "
        "Siv Ahl, Ulla Berg, Ann Sten, Jan Dahl, Åsa Frid, Lars Gran, Pia Holm, Rut Is, Olle "
        "Jon, Stina Karl, Tage Lind, Mats Sand, Gun Vik\n\n"
        "2 2(9) 4 Val av justerare Att jämte ordföranden justera protokollet utsågs Per Ås.\n"
    )
    people = {p.name: p.status for p in parse_minutes(text, "protokoll.txt").people}
    assert people.get("AnnMari K. Lindqvist") == "absent"
    assert people.get("Per Ås") == "present"


def test_an_exclamation_ending_a_flattened_title_stays_in_it() -> None:
    # "1. Välkommen! Inledning av mötesordförande …" (real/items 434).
    text = (
        "1 Omsorgsberedningen Kallelse till sammanträde Plats: Hotell Norr Tid: Den 5 maj 2021 "
        "Program Gemensamt sammanträde Lunch och sedan separata sammanträden för beredningarna "
        "Dagordning 1. Välkommen! Inledning av Eva Lund 2. Val av justerare 3. Dagordning "
        "4. Föregående protokoll Bilaga: protokoll 5. Rapport om arbetet med förbundet Muntlig "
        "information av Per Ås, kansliet 6. Övriga frågor\n"
    )
    titles = [item.title for item in _items(text)]
    assert titles[0] == "Välkommen!"
    assert titles[1] == "Val av justerare"


def test_lost_dash_ranges_before_the_roles_column_are_partial_presence() -> None:
    # "Margit Bik (S), 65 81, 83 87 ordförande 1:e vice ordförande …": the last member's
    # ranges, their dashes lost, run into the roles' column (real/complete 430).
    text = (
        "Protokoll Sammanträdesdatum 2022-04-30 Styrelsen 10 30 Tid Onsdag 30 april 2022, kl "
        "09:00 14:30 Plats Regionens Hus, Storgatan 1, Ekby Ledamöter Maja Holm (M) Tor Berg (S) "
        "Lisa Ek (C) Per Ås (S), 10 20, 22 30 Nils Rodin (V), 10 15, 17 30 ordförande 1:e vice "
        "ordförande 2:e vice ordförande Ersättare Eva Lund (M) Kim Falk (S) Tjänstemän Bo Ek "
        "Siv Ahl regiondirektör sekreterare\n\n"
        "2 10 Justering Styrelsen utser Tor Berg att jämte ordföranden justera protokollet. "
        "11 Godkännande av föredragningslista Styrelsen godkänner föredragningslistan.\n"
    )
    people = {p.name: p.status for p in parse_minutes(text, "protokoll.txt").people}
    assert people.get("Per Ås") == "partial"
    assert people.get("Nils Rodin") == "partial"
    assert people.get("Maja Holm") == "present"
