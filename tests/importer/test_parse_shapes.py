"""Shapes real minutes have (../shared/corpus/), each on a small text of our own: markup
headings, presence columns, attendance flattened from a PDF, passive decisions, lists under
"Beslut:", 'Name fixar …' assignments, dates."""

from __future__ import annotations

import datetime as dt

from dialogs.importer import parse_minutes, read_bytes


def test_latex_sections_are_numbered_items_and_author_is_the_body() -> None:
    tex = r"""% a comment
\documentclass{article}
\title{Styrelsemöte 3}
\author{Föreningen Exempel}
\date{2022-02-02}
\begin{document}
\maketitle
\section{Mötets öppnande}
Mötet öppnades.
\section{Formalia}
\subsection{Val av justerare}
\subsubsection*{Förslag}
\begin{itemize}
  \item Eva Ek väljs till justerare.
\end{itemize}
\subsubsection*{Beslut}
\begin{itemize}
  \item förslaget bifalles
\end{itemize}
\appendix
\section{Stadgar}
Föreningens namn är Exempel.
\end{document}
"""
    text = read_bytes(tex.encode(), "m.tex").text
    m = parse_minutes(text, "m.tex")
    assert (m.body_name, m.date) == ("Föreningen Exempel", dt.date(2022, 2, 2))
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Formalia"),
        ("2.1", "Val av justerare"),
    ]
    # The proposal is not a decision; the Beslut list is; the appendix is no item.
    assert [c for d in m.items[2].decisions for c in d.clauses] == ["förslaget bifalles"]


def test_presence_column_rows_and_kallade() -> None:
    m = parse_minutes(
        "# Styrelsemöte\n\nDatum: 2021-03-04\n\nKallade: Anna Berg, Bo Ek, Cecilia Dahl\n\n"
        "Närvarande: Anna Berg, Cecilia Dahl\n\nÖvriga:\nDan Lund, Ja\nEva Holm, Nej\n"
        "Fia Ro, Ja, lämnade vid 2.1\n\n## 1. Öppnande\nMötet öppnades.\n\n## 2. Avslut\nKlart.\n"
    )
    assert [(p.name, p.status) for p in m.people] == [
        ("Anna Berg", "present"),
        ("Bo Ek", "absent"),
        ("Cecilia Dahl", "present"),
        ("Dan Lund", "present"),
        ("Eva Holm", "absent"),
        ("Fia Ro", "partial"),
    ]


def test_attendance_flattened_into_one_line() -> None:
    line = (
        "1 1 (4) Protokoll Tid: 13.00 Närvarande Ledamöter Karin Lund (S), ordförande "
        "Olof Berg (M) Sara Nyström (C) ersätter Per Holm Anders Ek (S), tjg ersättare, 104 "
        "Övriga Lena Fors, nämndsekreterare Ej närvarande Mats Ahl Utses att justera Olof Berg"
    )
    m = parse_minutes(line + "\n\nMer text.\n")
    assert [(p.name, p.status) for p in m.people] == [
        ("Karin Lund", "present"),
        ("Olof Berg", "present"),
        ("Sara Nyström", "present"),
        ("Per Holm", "absent"),
        ("Anders Ek", "partial"),
        ("Lena Fors", "present"),
        ("Mats Ahl", "absent"),
    ]
    assert "ordforande" in m.people[0].roles


def test_decisions_in_any_phrasing_and_lists_under_beslut() -> None:
    m = parse_minutes(
        "Protokoll årsmöte Föreningen Exempel 2020-05-05\n\n"
        "§ 1 Dagordning\nDagordningen godkändes.\n\n"
        "§ 2 Val av ordförande\nÅrsmötet valde Anna Berg till ordförande.\n\n"
        "§ 3 Revisor\nNy revisor behöver utses. Det beslutades att frågan bordläggs.\n\n"
        "§ 4 Budget\nBeslut:\n1. Budgeten fastställs.\n2. Avgiften blir 100 kr.\n\n"
        "§ 5 Övrigt\nGustav fixar lokalen. Föredragande informerar om läget.\n"
    )
    texts = {i.number: [d.text for d in i.decisions] for i in m.items}
    assert texts["1"] == ["Dagordningen godkändes."]
    assert texts["2"] == ["Årsmötet valde Anna Berg till ordförande."]
    assert texts["3"] == ["Det beslutades att frågan bordläggs."]
    assert [c for d in m.items[3].decisions for c in d.clauses] == [
        "Budgeten fastställs.",
        "Avgiften blir 100 kr.",
    ]
    assert [(a.assignees, a.what) for a in m.assignments] == [(["Gustav"], "fixar lokalen")]


def test_dates_as_minutes_write_them() -> None:
    assert parse_minutes("# Möte 24-10-21\n\nText.\n").date == dt.date(2024, 10, 21)
    assert parse_minutes(
        "Minnesanteckningar\n\nTisdagen den 12 juni 2012\n\n1. Öppnande\nText.\n2. Avslut\nSlut.\n"
    ).date == dt.date(2012, 6, 12)
    undated = parse_minutes("Bara text utan datum.\n", "styrgrupp-2019-03-26.txt")
    assert undated.date == dt.date(2019, 3, 26)
    assert "Mötets datum togs från filnamnet." in undated.warnings


def test_markdown_of_html_blocks_with_letters_lost_to_replacement_characters() -> None:
    # A CMS export saved in the wrong encoding: every å, ä, ö and § became U+FFFD.
    md = (
        "---\ntitle: Medlemsm\ufffdte\n---\n"
        "<p><strong>Datum:</strong> 2011-05-02</p>\n"
        "<p><strong>N\ufffdrvarande</strong>:</p>\n"
        "<ul>\n<li>G\ufffdsta Berg, ordf\ufffdrande</li>\n<li>Lisa Holm, sekreterare</li>\n</ul>\n"
        "<p><strong>\ufffd 1 M\ufffdtet \ufffdppnas</strong>\nOrdf. h\ufffdlsade alla.</p>\n"
        "<p><strong>\ufffd 2 Dagordning</strong>\n"
        "<strong>\ufffdrsm\ufffdtet beslutar</strong> att fastst\ufffdlla dagordningen.</p>\n"
    )
    minutes = parse_minutes(read_bytes(md.encode("utf-8"), "m.md").text, "m.md")
    assert [(p.name, p.status) for p in minutes.people] == [
        ("G\ufffdsta Berg", "present"),
        ("Lisa Holm", "present"),
    ]
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "M\ufffdtet \ufffdppnas"),
        ("2", "Dagordning"),
    ]
    assert [d.text for d in minutes.items[1].decisions] == [
        "\ufffdrsm\ufffdtet beslutar att fastst\ufffdlla dagordningen."
    ]
    assert "<p>" not in (minutes.leftover_text or "")


def test_roll_call_over_a_page_break_and_its_exceptions_in_prose() -> None:
    first = (
        "1 PROTOKOLL 1 (9) Nämnden Tid: Tisdagen den 3 maj 2011 Plats: Stadshuset 12 Upprop "
        "Upprop genomfördes av nämndens ledamöter: Förnamn Efternamn Parti Eva Ek s "
        "Per Holm m Lars Lind c Karin Berg v"
    )
    second = (
        "2 2(9) Olof Strand s Maja Fors m Vid uppropet var samtliga ordinarie ledamöter "
        "närvarande förutom Per Holm och Olof Strand. I deras ställe hade kallats in Sten Ros "
        "och Ulla Vik. Ulla Vik var inte närvarande vid uppropet utan deltog från och med 15."
    )
    minutes = parse_minutes(first + "\n\n" + second + "\n")
    status = {p.name: p.status for p in minutes.people}
    assert status == {
        "Eva Ek": "present",
        "Per Holm": "absent",
        "Lars Lind": "present",
        "Karin Berg": "present",
        "Olof Strand": "absent",
        "Maja Fors": "present",
        "Sten Ros": "present",
        "Ulla Vik": "partial",
    }


def test_röstlängd_item_lists_who_was_present() -> None:
    md = (
        "# Årsmöte 2020-03-01\n\n## 1. Mötets öppnande\n\nMötet öppnades.\n\n"
        "## 2. Fastställande av röstlängd\n\nSamtliga närvarande har rösträtt.\n\n"
        "- Eva Ek\n- Per Holm\n\n"
        "## 3. Tillkännagivande av deltagare\n\nFöljande var närvarande och röstberättigade:\n\n"
        "```\nkaj\nLisa Berg\n```\n\n"
        "## 4. Val av styrelse\n\n- Ordförande: kaj\n- Kassör: tom\n\nMötet antog förslaget.\n"
    )
    minutes = parse_minutes(md)
    assert [(p.name, p.status) for p in minutes.people] == [
        ("Eva Ek", "present"),
        ("Per Holm", "present"),
        ("kaj", "present"),
        ("Lisa Berg", "present"),
    ]


def test_decided_following_list_and_numbered_decisions_under_beslut() -> None:
    press = (
        "Nyheter\n\nNämnden beslutade vid sitt sammanträde den 3 maj 2011 om följande:\n\n"
        "* att godkänna budgeten.\n* att uppdra åt förvaltningen att utreda taxan.\n\n"
        "Kansliet i Staden\n\nKontakt: Eva Ek\n"
    )
    decisions = [d for item in parse_minutes(press).items for d in item.decisions]
    assert [d.clauses for d in decisions] == [
        ["godkänna budgeten.", "uppdra åt förvaltningen att utreda taxan."]
    ]
    listed = (
        "Styrelsen 3 maj 2011\n\n1. Årsredovisning 2010\n\nRedovisningen visar ett överskott.\n\n"
        "Beslut:\n\nStyrelsen föreslår att fullmäktige beslutar följande:\n\n"
        "  1. Fullmäktige godkänner årsredovisningen.\n  2. Fullmäktige noterar överskottet.\n"
    )
    minutes = parse_minutes(listed)
    assert [(i.number, i.title) for i in minutes.items] == [("1", "Årsredovisning 2010")]
    assert minutes.items[0].decisions[0].text.split("\n")[1:] == [
        "Fullmäktige godkänner årsredovisningen.",
        "Fullmäktige noterar överskottet.",
    ]


def test_assignments_with_ska_kommer_and_a_task_taken_from_the_sentence_before() -> None:
    from dialogs.importer.decisions import find_assignments

    def found(sentence: str, previous: str | None = None) -> list[tuple[list[str], str]]:
        return [(a.assignees, a.what) for a in find_assignments(sentence, [], previous=previous)]

    assert found("Annie ska försöka ge tid åt appen imorgon.") == [
        (["Annie"], "försöka ge tid åt appen imorgon")
    ]
    assert found("Speciellt kommer Olle skriva en text till sidan.") == [
        (["Olle"], "skriva en text till sidan")
    ]
    assert found("Gustav och Victor fixar.", "Marknadsför evenemanget.") == [
        (["Gustav", "Victor"], "Marknadsför evenemanget")
    ]
    assert found("Victor kör söndag kl 10.") == [(["Victor"], "kör söndag kl 10")]
    # Not tasks: a statute, someone who cannot log in, a role noun.
    assert found("Föreningen skall ha sin hemvist i Staden.") == []
    assert found("Gustav kommer inte in till sitt konto.") == []
    assert found("Ordföranden ska vara med.") == []
    assert found("Gustav fixar.") == []


def test_flattened_items_keep_their_number_style_past_a_numbered_decision_list() -> None:
    page = (
        "3 3 (8) 1 Val av justerare Beslut 1. Eva Ek (PRO) utses att justera protokollet. "
        "2. Per Holm (SPF) utses att justera protokollet. 2 Den nationella strategin Lisa Berg "
        "berättar om strategin och hur den tas fram i länet under året som kommer. "
        "3 Övriga frågor Inga övriga frågor togs upp vid dagens möte och ordföranden tackade."
    )
    minutes = parse_minutes("Protokoll\n\n" + page + "\n")
    assert [i.number for i in minutes.items] == ["1", "2", "3"]
    assert minutes.items[0].title == "Val av justerare"
    assert minutes.items[1].title.startswith("Den nationella strategin")
    assert any("Per Holm" in d.text for d in minutes.items[0].decisions)


def test_topic_labels_with_a_colon_are_items_and_a_time_field_is_not() -> None:
    text = (
        "Start: 12:15\nFörslag på att vi ses efter varje omgång och fikar tillsammans i salen.\n\n"
        "Evenemang:\nSal A1 bokad kl 17:00 tisdag. Gustav fixar evenemang utifrån mailet.\n\n"
        "Lagerstatus:\nBallonger, helium och muggar finns. Victor kör söndag kl 10.\n"
    )
    minutes = parse_minutes(text)
    assert [i.title.rstrip(":") for i in minutes.items] == ["Evenemang", "Lagerstatus"]
    assert [(a.assignees, a.what) for a in minutes.items[1].assignments] == [
        (["Victor"], "kör söndag kl 10")
    ]


def test_bold_paragraphs_are_sub_headings_and_an_earlier_promise_is_no_task() -> None:
    md = (
        "Anteckningar från arbetsmöte\n============================\n\nDatum: 2020-05-08\n\n"
        "Anteckningar\n------------\n\n**Rekapitulering**\\\nVi rekapitulerade förra mötet.\n\n"
        "**Avrapportering**\\\nDe som hade uppgifter avrapporterade.\n\n"
        "***Nyckelhantering***\\\nVid mötet den 24:e frågade Per om nycklar. Tomas åtog sig att "
        "ge den en tanke. Lisa ska skriva ett förslag till nästa möte.\n\n"
        "Övrigt\n------\n\nInget.\n"
    )
    minutes = parse_minutes(read_bytes(md.encode(), "a.md").text, "a.md")
    titles = [i.title for i in minutes.items]
    assert titles[-4:] == ["Rekapitulering", "Avrapportering", "Nyckelhantering", "Övrigt"]
    owners = [a.assignees for i in minutes.items for a in i.assignments]
    assert owners == [["Lisa"]]


def test_task_list_entries_name_their_owner_in_parentheses() -> None:
    md = (
        "# Möte 2024-10-21\n\n## Läget\n\nVi pratade om läget och var överens om det mesta.\n\n"
        "## Actionpoints inför nästa gång\n\n"
        "- Rensa upp i förslaget om roller (Josef)\n"
        "- Samla in fler åsikter om diarieföring (alla)\n"
        "- En ny tid för mötet behövs\n"
    )
    minutes = parse_minutes(md)
    tasks = [(a.assignees, a.what) for i in minutes.items for a in i.assignments]
    assert tasks == [
        (["Josef"], "Rensa upp i förslaget om roller"),
        (["alla"], "Samla in fler åsikter om diarieföring"),
    ]


def test_short_answer_under_a_beslut_om_item_is_the_decision() -> None:
    md = (
        "# Årsmöte 2014-01-08\n\n## 1. Beslut om mandatperiod\n\n1 år.\n\n"
        "## 2. Beslut om arvode\n\nFrågan diskuterades och tas upp på nästa möte.\n\n"
        "## 3. Övriga frågor\n\nInga.\n"
    )
    minutes = parse_minutes(md)
    assert [[d.text for d in i.decisions] for i in minutes.items] == [["1 år."], [], []]


def test_a_repeated_paragraph_number_is_still_an_item() -> None:
    text = (
        "Protokoll årsmöte 2010-07-15\n\n§ 1 Mötet öppnas\nOrdföranden öppnade mötet.\n\n"
        "§ 2 Övriga frågor\nInga.\n\n§ 2 Mötets avslutande\nOrdföranden avslutade mötet.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötet öppnas"),
        ("2", "Övriga frågor"),
        ("2", "Mötets avslutande"),
    ]


def test_flattened_pages_lose_the_deciding_subject_and_carry_file_numbers() -> None:
    # Invented text in the layout of a flattened PDF whose bold subjects were lost and whose §
    # numbers carry a file number (real/items 14, 19).
    page = (
        "2 12 41 Godkännande av dagordning godkänner föreliggande dagordning med ett tillägg. "
        "42 Läget i länet Eva Ek informerar om läget i länet och svarar på frågor från "
        "ledamöterna om det fortsatta arbetet. tar informationen till protokollet. "
        "43 D 2020/ Delårsrapport januari - juni Per Lind redogör för delårsrapporten. "
        "44 KS/ Föredragningslistan Godkändes upprättad föredragningslista."
    )
    minutes = parse_minutes(page + "\n", "flat.txt")
    items = {item.number: item for item in minutes.items}
    assert items["41"].title == "Godkännande av dagordning"
    assert items["41"].decisions[0].clauses[0].startswith("godkänner föreliggande dagordning")
    assert items["42"].decisions[0].clauses == ["tar informationen till protokollet"]
    assert items["43"].title.startswith("Delårsrapport januari - juni")
    assert items["44"].title == "Föredragningslistan"
    assert items["44"].decisions[0].clauses == ["Godkändes upprättad föredragningslista"]
    assert [item.number for item in minutes.items] == ["41", "42", "43", "44"]


def test_proposals_of_an_agenda_are_not_decisions_and_a_lost_lead_att_is() -> None:
    # Invented texts in the layouts of an agenda with "Förslag till beslut:" lines and of a
    # flattened page whose bold "Styrgruppen beslutar" was lost (real/items 22, 25).
    agenda = parse_minutes(
        "1. Årsredovisning 2016\nFörslag till beslut:\nStyrelsen beslutar att godkänna "
        "årsredovisningen.\n\n2. Firmateckning\nFörslag till beslut:\nStyrelsen beslutar i "
        "enlighet med förslaget.\n",
        "agenda.txt",
    )
    assert [item.decisions for item in agenda.items] == [[], []]
    flat = parse_minutes(
        "1 Justering Eva Ek utses att justera protokollet. 2 Rapport från nätverket Gruppen "
        "anser att mötet var givande och att samarbetet bör fortsätta under nästa år. "
        "att anteckna informationen och dialogen. 3 Verksamhetsplan Förslaget har skickats ut "
        "inför mötet och diskuterades av ledamöterna. att ställa sig bakom förslaget.\n",
        "flat.txt",
    )
    items = {item.number: item for item in flat.items}
    assert items["2"].decisions[0].clauses == ["anteckna informationen och dialogen"]
    assert items["3"].decisions[0].clauses == ["ställa sig bakom förslaget"]


def test_a_numbered_list_inside_an_item_is_not_a_run_of_items() -> None:
    # The list restarts at 1 under item 2 and the items' numbering resumes after it; in the
    # second text the list follows a colon in the last item and is longer than the items.
    resumed = (
        "Minnesanteckningar styrgruppen 2024-03-05\n\n"
        "1. Föregående anteckningar\nAnteckningarna godkändes.\n"
        "2. Budget 2025\nVi gick igenom tre delar\n"
        "1. Intäkter från kommunerna\n2. Regionens andel\n3. Projektmedel\n"
        "Beslut: Budgeten fastställdes.\n"
        "3. Nästa möte\nAnna bjuder in till nästa möte i maj.\n"
    )
    minutes = parse_minutes(resumed)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Föregående anteckningar"),
        ("2", "Budget 2025"),
        ("3", "Nästa möte"),
    ]
    assert [d.text for d in minutes.items[1].decisions] == ["Budgeten fastställdes."]
    after_colon = (
        "Anteckningar ledningsgruppen 2024-04-10\n\n"
        "1. Inledning\nOrdföranden hälsade alla välkomna till mötet.\n"
        "2. Handlingsplan\nGruppen diskuterade planen. Följande punkter lyftes:\n"
        "1. Gemensamma rutiner\n2. Kompetens\n3. Uppföljning\n4. Kommunikation\n"
    )
    minutes = parse_minutes(after_colon)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Inledning"),
        ("2", "Handlingsplan"),
    ]


def test_flattened_notes_with_colon_numbers_a_nested_list_and_a_lost_number() -> None:
    # "N:Title" items run into one line, with the contents of a strategy numbered 1-5 inside
    # the last item (real/items 29); a "3." lost in conversion between "2." and "4." (real/items
    # 30); page numbers opening each page's line are not items (real/items 33).
    colon = (
        "1 PROTOKOLL 1 (6) Närvarande: Eva Ek, Per Holm 1:Mötet öppnas Ordförande förklarade "
        "mötet öppnat och hälsade alla välkomna. 2:Val av justerare Per-Erik Sandberg utsågs att "
        "justera dagens protokoll. 3: Regional strategi Eva informerade om arbetet med strategin "
        "och hur den ska tas fram. Mer om innehållet: 1. Syftet med strategin 2. Bakgrund och "
        "nuläge 3. Framtida samverkan 4. Insatsområden"
    )
    minutes = parse_minutes(colon + "\n")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötet öppnas"),
        ("2", "Val av justerare"),
        ("3", "Regional strategi"),
    ]
    assert [d.text for d in minutes.items[1].decisions] == [
        "Per-Erik Sandberg utsågs att justera dagens protokoll"
    ]
    lost = (
        "1 Minnesanteckningar från styrgruppens möte Närvarande Eva Ek Per Holm 1. Mötets "
        "öppnande Ordförande förklarade mötet öppnat. 2. Sekreterare Till sekreterare utsågs Eva "
        "Ek. Kallelse Kallelsen godkändes av gruppen. 4. Föregående mötes anteckningar "
        "Anteckningarna godkändes utan synpunkter. 5. Ekonomi Kansliet redovisade läget för "
        "året och utfallet hittills."
    )
    minutes = parse_minutes(lost + "\n")
    assert [i.number for i in minutes.items] == ["1", "2", "4", "5"]
    assert minutes.items[1].title == "Sekreterare"
    pages = (
        "1 Eva Ek Minnesanteckningar från beredningens möte den 12 maj 2004 Närvarande Eva Ek "
        "Per Holm 1. Gemensam information Ordföranden hälsade alla välkomna till mötet. Per Holm "
        "informerade om arbetet i länet och om planerna för året. I 1\n\n"
        "2 Reglemente och arbetsplan för utskottet beskriver arbetet. Foldern delades ut. Flera "
        "ting har genomförts i länet under året och fler planeras till hösten."
    )
    minutes = parse_minutes(pages + "\n")
    assert [i.number for i in minutes.items] == ["1"]
    assert minutes.items[0].title.startswith("Gemensam information")


def test_an_action_label_makes_a_name_and_its_present_verb_a_task() -> None:
    from dialogs.importer.decisions import find_assignments

    def found(sentence: str, previous: str | None = None) -> list[tuple[list[str], str]]:
        return [(a.assignees, a.what) for a in find_assignments(sentence, [], previous=previous)]

    # Without the label, "Lisa sammanfattar …" in a discussion is not a task given at the meeting.
    assert found("Lisa sammanfattar diskussionen.") == []
    assert found("Åtgärd: Lisa sammanfattar diskussionen.") == [
        (["Lisa"], "sammanfattar diskussionen")
    ]
    assert found("Per Alm skickar ut nyhetsbrevet i april.") == []
    assert found("Uppdrag: Per Alm skickar ut nyhetsbrevet i april.") == [
        (["Per Alm"], "skickar ut nyhetsbrevet i april")
    ]
    # The label is no part of the task an "Ansvarig:" line names an owner for.
    assert found("Ansvarig: Anna Ek", "Åtgärd: Planera utbildningsdagen.") == [
        (["Anna Ek"], "Planera utbildningsdagen")
    ]
    # A label with nobody named gives no task; a person named Inga still gets hers.
    assert found("Åtgärd: Inga åtgärder behövs.") == []
    assert found("Åtgärd: Inga Berg bokar lokalen.") == [(["Inga Berg"], "bokar lokalen")]
    assert found("Åtgärder: se bilaga 2.") == []


def test_decisions_in_a_second_verb_an_agreement_and_a_body_setting_up_a_group() -> None:
    from dialogs.importer.decisions import OwnBody, find_assignments, prose_decision

    def said(sentence: str) -> str | None:
        found = prose_decision(sentence, OwnBody([]))
        return found.text if found else None

    # A body discusses and then delegates: the delegating half is the decision and a task
    # (real/items 42).
    sentence = "Rådet diskuterar bemanningen och delegerar till ordföranden att bevaka frågan."
    assert said(sentence) == "delegerar till ordföranden att bevaka frågan"
    assert [(a.assignees, a.what) for a in find_assignments(sentence, [])] == [
        (["ordföranden"], "bevaka frågan")
    ]
    # "…, varför man beslöt …" keeps its subject (real/items 37); a person's own resolve is
    # no decision.
    assert said("Underlaget var inte klart, varför man beslöt hålla ett extra möte.") == (
        "man beslöt hålla ett extra möte"
    )
    assert said("Han gick hem och beslutade sig för att stanna.") is None
    # "Vi kom överens om att …" (real/items 45); a body sets up a group or cancels a meeting
    # (real/items 46, 36).
    assert said("Vi kom överens om att allt material skickas per post.")
    assert said("Årsmötet inrättade en arbetsgrupp för stadgarna.")
    assert said("Styrelsen ställer in nästa sammanträde 19 april.")
    # Minutes filed stay an outcome, as the seeds have it.
    assert said("Föregående mötesanteckningar läggs till handlingarna.") is None


def test_a_web_summary_without_items_keeps_its_decisions_on_one_item() -> None:
    text = """Styrelsemötet 240315

Styrelsen beslutade att avvakta med beslut om medel till en ny verksamhet i området tills ett extra möte 240410.

Under mötet presenterade beredningsgruppen sina tankar, varför man beslöt hålla ett extra möte om frågan.

Samordningsgruppen tar med sig detta i det kommande arbetet. Till nästa möte ska de få en redovisning över hur medlen används.
"""
    m = parse_minutes(text, "web.txt")
    # A decision is stored on an item: the headline names the one item (real/items 37, 46).
    assert [(i.number, i.title) for i in m.items] == [(None, "Styrelsemötet 240315")]
    assert [d.text for d in m.decisions] == [
        "Styrelsen beslutade att avvakta med beslut om medel till en ny verksamhet i området "
        "tills ett extra möte 240410.",
        "man beslöt hålla ett extra möte om frågan",
    ]
    # "de" names no owner (real/items 41).
    assert [(a.assignees, a.what) for a in m.assignments] == [
        (["Samordningsgruppen"], "tar med sig detta i det kommande arbetet")
    ]
    # The deciding sentence is no title of the minutes.
    assert m.title != m.decisions[0].text


def test_web_and_transcript_lines_are_no_topic_headings() -> None:
    text = """Styrelsesammanträdet 2024-03-15

Bild av pch.vector från Freepik

Förbundet hade ett styrelsesammanträde den 15 mars. Här kan du läsa en kort summering.

Styrelsen gav följande beslut

Styrelsen beslutade att skriva en avsiktsförklaring om samverkan med regionen.

Styrgrupp_Hyssna_opt

Styrgruppens ledamöter diskuterar innehållet i planen fram till år 2030 och dess budget.
"""
    m = parse_minutes(text, "web.txt")
    # An image's credit or file name and a label announcing a list name no topic (real/items
    # 36, 41); the headline names the one item that holds the decision.
    assert [i.title for i in m.items] == ["Styrelsesammanträdet 2024-03-15"]
    assert [d.phrase for d in m.decisions] == ["Styrelsen beslutade"]


def test_transcript_pages_with_a_paragraph_each_and_titles_in_capitals() -> None:
    text = """Transkript

1 EXEMPELS KOMMUN SAMMANTRÄDESPROTOKOLL Folkhälsorådet Sida 11 Plats och tid Kommunhuset kl Beslutande För Kommunstyrelsen Eva Ek (S) Per Alm (M) För Socialnämnden Lena Berg (C) Övriga deltagande Ola Ström Folkhälsosamordnare Utses att justera Per Alm Justeringens plats och tid Kommunhuset Underskrifter Sekreterare Ordförande Justerande Paragraf Eva Ek, Ordförande Ola Ström, Sekreterare

2 12 Innehållsförteckning FHR 4 Upprop FHR 5 Föregående protokoll FHR 6 Val av justerare

3 13 FHR 4 UPPROP Ordförande öppnar mötet och genomför upprop.

4 14 FHR 5 FÖREGÅENDE MÖTESPROTOKOLL Inga synpunkter på protokollet. Att lägga föregående protokoll till handlingarna.

5 15 FHR 6 VAL AV JUSTERARE Per Alm föreslås justera protokollet. Att välja Per Alm för justering av protokoll.
"""
    m = parse_minutes(text, "transcript.txt")
    # Each short page opens with its page number and the protocol's page (real/items 38,
    # 39); the contents page lists the items, "Sida 11" is a page label.
    assert [(i.number, i.title) for i in m.items] == [
        ("4", "UPPROP"),
        ("5", "FÖREGÅENDE MÖTESPROTOKOLL"),
        ("6", "VAL AV JUSTERARE"),
    ]
    # An item closing on a bare "Att …" clause decided it.
    assert [d.text.rstrip(".") for d in m.decisions] == [
        "Att lägga föregående protokoll till handlingarna",
        "Att välja Per Alm för justering av protokoll",
    ]


def test_task_phrasings_of_samverkan_notes() -> None:
    from dialogs.importer.decisions import find_assignments

    def found(sentence: str) -> list[tuple[list[str], str, str | None]]:
        return [(a.assignees, a.what, a.due_text) for a in find_assignments(sentence, [])]

    # "Uppdrag till X att …" as a noun phrase.
    assert found("Uppdrag till Per Holm att ta fram en tidplan.") == [
        (["Per Holm"], "ta fram en tidplan", None)
    ]
    # "Till nästa möte:" labels a task and gives its time.
    assert found("Till nästa möte: Eva tar fram siffror.") == [
        (["Eva"], "tar fram siffror", "Till nästa möte")
    ]
    # A body's "återkommer med …" is a task when a time is set, not otherwise (its habit).
    assert found("Kansliet återkommer med ett förslag till nästa möte.") == [
        (["Kansliet"], "återkommer med ett förslag", "till nästa möte")
    ]
    assert found("Kansliet återkommer med ett förslag.") == []
    assert found("Förvaltningen bokar ofta lokaler till nästa möte.") == []


def test_agreements_and_short_decisions_of_a_group() -> None:
    from dialogs.importer.decisions import OwnBody, prose_decision

    def clauses(sentence: str) -> list[str] | None:
        found = prose_decision(sentence, OwnBody(["Styrgruppen"]))
        return found.clauses if found else None

    assert clauses("Styrgruppen enas om att arbeta vidare med förslaget.") == [
        "arbeta vidare med förslaget."
    ]
    assert clauses("Arbetsgruppen är överens om att fortsätta.") == ["fortsätta."]
    assert clauses("Styrgruppen tar beslut om att införa rutinen.") == ["införa rutinen."]
    assert clauses("Beslut enligt förslag.")
    # A report of what a person thinks is none.
    assert clauses("Anna är överens med Per om tidplanen.") is None


def test_a_flattened_title_ends_where_its_decision_or_att_clause_begins() -> None:
    text = (
        "Protokoll fört vid styrelsemöte nr 3 i Bygdegården 1 Mötets öppnande Öppnande "
        "Ordföranden förklarade mötet öppnat. 2 Godkännande av dagordning Dagordning Förslaget "
        "till dagordning godkändes med tillägg av en punkt. 3 Justering Justering Att "
        "tillsammans med ordföranden justera protokollet valdes Eva Ek. 4 Övrigt Inga övriga "
        "frågor fanns och mötet avslutades.\n"
    )
    m = parse_minutes(text, "flat.txt")
    # Margin labels repeat the title; the deciding sentence and a capital "Att" clause are
    # the item's text (real/items 10).
    assert [i.title for i in m.items][1:3] == [
        "Godkännande av dagordning Dagordning",
        "Justering Justering",
    ]
    assert [d.text.rstrip(".") for d in m.decisions] == [
        "Förslaget till dagordning godkändes med tillägg av en punkt",
        "Att tillsammans med ordföranden justera protokollet valdes Eva Ek",
    ]


def test_a_group_agreeing_with_conclusions_decides() -> None:
    from dialogs.importer.decisions import OwnBody, prose_decision

    own = OwnBody(["Styrgruppen"])
    assert prose_decision("Styrgruppen instämmer i slutsatserna.", own)
    assert prose_decision("Styrgruppen kommer sammanfattningsvis fram till att vi väntar.", own)
    # A person agreeing, or a report's finding, is no decision.
    assert prose_decision("Anna instämmer i det.", own) is None
    assert prose_decision("Utredningen kom fram till att kostnaderna ökar.", own) is None


def test_a_topic_named_bild_is_still_a_topic() -> None:
    from dialogs.importer.parse import _NOT_A_TOPIC

    assert _NOT_A_TOPIC.match("Bild av pch.vector från Freepik")
    assert _NOT_A_TOPIC.match("Foto: Anna Ek")
    assert not _NOT_A_TOPIC.match("Bild av läget i regionen")
