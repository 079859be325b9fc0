"""Rules that batch 32 of real excerpts (tests/importer/real/items/real_400–402 and
complete/real_403–404: a nämnd, an artists' board, village and local-history associations) asked
for, each on a short text of our own with invented names."""

from __future__ import annotations

import datetime as dt

from dialogs.importer import parse_minutes
from dialogs.importer.dates import find_dates


def test_heading_dagordning_with_attendance_is_held_minutes() -> None:
    # A board's notes headed "Dagordning Styrelsemöte …" that list who was present record a
    # meeting held: its decisions and tasks are kept (real/complete 403). A notice that calls
    # members ("Kallade:") stays an agenda whose proposals are no decisions.
    held = parse_minutes(
        "Dagordning Styrelsemöte 3/9 -21\nNärvarande: Lisa, Omar och Tove\n\n"
        "1. Mötet öppnas\n– Lisa öppnar mötet\n2. Höstfesten\n"
        "– Vi beslutar att hyra bygdegården den 9 oktober. Omar kontaktar spelmanslaget.\n",
        "anteckningar.txt",
    )
    fest = held.items[1]
    assert [d.text for d in fest.decisions] == ["Vi beslutar att hyra bygdegården den 9 oktober."]
    assert [(a.assignees, a.what) for a in fest.assignments] == [
        (["Omar"], "kontaktar spelmanslaget")
    ]
    notice = parse_minutes(
        "Dagordning Styrelsemöte 3/9 -21\nKallade: Lisa, Omar och Tove\n\n"
        "1. Mötet öppnas\n2. Höstfesten\nFörslag: Styrelsen beslutar att hyra bygdegården.\n",
        "kallelse.txt",
    )
    assert all(not item.decisions for item in notice.items)


def test_day_slash_month_dash_two_digit_year() -> None:
    # "19/7 -20" and "3/9-21": day/month, then a dash and the year's two digits (real/complete
    # 403); a slash date without the dash before two digits is not read as one.
    assert [d.date for d in find_dates("Styrelsemöte 3/9 -21")] == [dt.date(2021, 9, 3)]
    assert [d.date for d in find_dates("möte 14/2-19 kl 18")] == [dt.date(2019, 2, 14)]
    assert find_dates("sida 3/9 21 rader") == []


def test_number_alone_on_its_line_over_a_title_line() -> None:
    # A converted table's number column: "1" alone over "MÖTETS ÖPPNANDE", and the last item
    # with both on one line in capitals (real/items 402).
    text = (
        "STYRELSEMÖTE I BJÖRKBY BYALAG\nPROTOKOLL 2023-05-04\n"
        "Närvarande: Lisa Ek, Omar Berg och Tove Lund.\n"
        "1\nMÖTETS ÖPPNANDE\nLisa Ek förklarade mötet öppnat.\n"
        "2\nVAL AV JUSTERARE\nTove Lund valdes att justera protokollet.\n"
        "3\nEKONOMI\nKassan är god.\n"
        "4 ÖVRIGA FRÅGOR\nOmar åtog sig att klippa gräset.\n"
    )
    items = parse_minutes(text, "protokoll.txt").items
    assert [(i.number, i.title) for i in items] == [
        ("1", "MÖTETS ÖPPNANDE"),
        ("2", "VAL AV JUSTERARE"),
        ("3", "EKONOMI"),
        ("4", "ÖVRIGA FRÅGOR"),
    ]
    # Page numbers alone on their lines over the same running header are no items.
    pages = (
        "Protokoll styrelsen 2023-05-04\n\nNärvarande: Lisa Ek, Omar Berg\n\n"
        "1. Mötets öppnande\nLisa öppnade.\n\n1\nBjörkby byalag styrelsen\n"
        "2. Ekonomi\nKassan är god.\n\n2\nBjörkby byalag styrelsen\n"
        "3. Avslutning\nLisa avslutade.\n\n3\nBjörkby byalag styrelsen\n"
    )
    assert [i.title for i in parse_minutes(pages, "p.txt").items] == [
        "Mötets öppnande",
        "Ekonomi",
        "Avslutning",
    ]


def _notes(*lines: str) -> str:
    return "Protokoll styrelsemöte 2023-05-04\nNärvarande: Lisa Ek, Omar Berg\n\n" + "\n".join(
        lines
    )


def test_body_named_after_och_decides_in_the_present() -> None:
    # "… lyfts och styrelsen beslutar att vi ska fatta beslut i frågan på nästa möte"
    # (real/complete 403).
    item = parse_minutes(
        _notes(
            "1. Övrigt",
            "Frågan om nya skyltar lyfts och styrelsen beslutar att vi tar upp den i augusti.",
        ),
        "p.txt",
    ).items[0]
    assert [d.text for d in item.decisions] == ["styrelsen beslutar att vi tar upp den i augusti"]
    # A person's "och hon beslutar att …" is no body's decision.
    other = parse_minutes(
        _notes("1. Övrigt", "Lisa läste brevet och hon beslutar att svara själv."), "p.txt"
    ).items[0]
    assert other.decisions == []


def test_alagga_imposes_a_task_and_decides() -> None:
    # "Det ålades sekreteraren att …" (a nämnd's protocol, real/items 400).
    item = parse_minutes(
        _notes(
            "1. Meddelanden",
            "Det ålades kassören att skicka ut påminnelser om medlemsavgiften före sommaren.",
        ),
        "p.txt",
    ).items[0]
    assert len(item.decisions) == 1
    assert [(a.assignees, a.what) for a in item.assignments] == [
        (["kassören"], "skicka ut påminnelser om medlemsavgiften före sommaren")
    ]


def test_tasks_sharing_one_verb_and_fortsatter_before_an_infinitive() -> None:
    # "Janne bakar småkakor, Yvonne bullar, Tomas sockerkakor." and "Thijs fortsätter söka
    # Kjell …" (a local-history association's notes, real/complete 404).
    item = parse_minutes(
        _notes(
            "1. Julmarknaden",
            "Karin bakar pepparkakor, Johan lussekatter, Eva saffransbröd.",
            "Omar fortsätter leta efter en tomte.",
            "Kaffeserveringen fortsätter liksom förra året.",
        ),
        "p.txt",
    ).items[0]
    assert [(a.assignees, a.what) for a in item.assignments] == [
        (["Karin"], "bakar pepparkakor"),
        (["Johan"], "lussekatter"),
        (["Eva"], "saffransbröd"),
        (["Omar"], "fortsätter leta efter en tomte"),
    ]


def test_word_after_names_over_prose_is_the_first_topic() -> None:
    # "Närvarande:" / "Christer, Ulf, Tomas." / "Julisöndagarna" / prose: the word that could
    # name an organisation heads the first topic, and gives the people no organisation
    # (real/complete 404). "Det planeras för ca 30 pers" is a sentence, no heading.
    minutes = parse_minutes(
        "120314\n\nStyrelsemöte Byalaget\n\nNärvarande:\n\nKarin, Johan, Eva.\n\n"
        "Midsommarfesterna\n\n"
        "Karins förslag att flytta dansen till ängen ger plats för fler besökare och ett "
        "större dansgolv.\n\n"
        "Höstmötet den 3e oktober\n\n"
        "Inför mötet skickas kallelsen ut av Johan.\n\n"
        "Det planeras för ca 40 pers\n\n"
        "Eva kontaktar spelmännen om musik till mötet.\n",
        "anteckningar.txt",
    )
    assert [i.title for i in minutes.items] == ["Midsommarfesterna", "Höstmötet den 3e oktober"]
    assert [(p.name, p.organisation) for p in minutes.people] == [
        ("Karin", None),
        ("Johan", None),
        ("Eva", None),
    ]


def test_diary_number_is_no_part_of_the_body_name() -> None:
    # "Riksarkivets nämnd PROTOKOLL Dnr 62-2008/3887 för enskilda arkiv Sammanträdesdatum …"
    # (a nämnd's protocol, real/items 400).
    minutes = parse_minutes(
        "Länsmuseets råd PROTOKOLL Dnr 14-2019/212 för samlingar Sammanträdesdatum 2019-11-05\n\n"
        "1 1 Länsmuseets råd PROTOKOLL Dnr /212 för samlingar Sammanträdesdatum Tid: kl Plats: "
        "Museet Närvarande: Per Holm (ordförande) Eva Lind Karin Berg (sekreterare) "
        "1 Sammanträdet öppnas Ordföranden förklarade sammanträdet öppnat. 2 Val av justerare "
        "Eva Lind utsågs att justera protokollet. 3 Övrigt Inga övriga frågor togs upp.\n",
        "protokoll.txt",
    )
    assert minutes.body_name == "Länsmuseets råd för samlingar"


def test_passive_task_with_inverted_subject_and_purpose_after_the_doer() -> None:
    # "Inför Årsmötet kontaktas styrelsen av Yvonne för ev. omval." (real/complete 404); the
    # past "kontaktades av …" reports, and "… ska ersättas av riktlinjer för …" names no one.
    from dialogs.importer.decisions import find_assignments

    found = find_assignments("Före sommaren kontaktas kommunen av Omar för ett möte.", [])
    assert [(a.assignees, a.what) for a in found] == [
        (["Omar"], "Före sommaren kontaktas kommunen")
    ]
    assert find_assignments("Kommunen kontaktades av Omar för ett möte.", []) == []
    assert find_assignments("Policyn ska ersättas av riktlinjer för varje skola.", []) == []


def test_approval_item_whose_whole_text_says_ok() -> None:
    # "12. Godkännande av dagordning Dagordning OK 13. …" flattened (real/items 401), and a
    # bare "OK." under "Dagordningens godkännande"; an "OK" under another title decides nothing.
    flat = parse_minutes(
        "Protokoll styrelsemöte 2024-02-01\n\n1 Protokoll styrelsemöte Närvarande: Lisa Ek, "
        "Omar Berg 1. Mötets öppnande Lisa öppnade mötet 2. Godkännande av dagordning "
        "Dagordning OK 3. Ekonomi Kassan redovisades och lades till handlingarna.\n",
        "p.txt",
    ).items
    approval = next(i for i in flat if i.number == "2")
    assert approval.title == "Godkännande av dagordning"
    assert [d.text for d in approval.decisions] == ["Dagordning OK"]
    lines = parse_minutes(
        _notes("1. Dagordningens godkännande", "OK.", "", "2. Lokalen", "OK."), "p.txt"
    ).items
    assert [d.text for d in lines[0].decisions] == ["OK."]
    assert lines[1].decisions == []


def test_attendance_label_glued_to_the_date_before_it() -> None:
    # "Minnesanteckningar från mötet 2009-03-16Närvarande: Rolf …" (a village council's
    # notes, real/complete 406).
    minutes = parse_minutes(
        "Anteckningar från mötet 2021-04-07Närvarande: Lisa Ek, Omar Berg och Tove Lund.\n\n"
        "1. Lisa hälsade välkommen.\n2. Rådet beslutar att söka bidrag.\n",
        "anteckningar.txt",
    )
    assert minutes.date == dt.date(2021, 4, 7)
    assert [p.name for p in minutes.people] == ["Lisa Ek", "Omar Berg", "Tove Lund"]


def test_chain_takes_the_items_written_in_another_style_before_it() -> None:
    # "2: … justerar protokollet.", "3: Avloppet." over "4. Fönster." … "7. …" (a village
    # association's board, real/items 405).
    items = parse_minutes(
        _notes(
            "2: Tove Lund justerar protokollet.",
            "3: Ekonomin.",
            "Kassan är god.",
            "4. Lokalen.",
            "Taket läcker.",
            "5. Midsommar.",
            "Lisa ordnar stången.",
            "6. Övrigt.",
            "Inget.",
            "7. Nästa möte.",
            "I juni.",
        ),
        "p.txt",
    ).items
    assert [i.number for i in items] == ["2", "3", "4", "5", "6", "7"]
