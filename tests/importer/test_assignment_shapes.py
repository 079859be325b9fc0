"""Who is to do what, in the ways secretaries write it (the layouts of real/items 130–135):
each test parses short minutes of our own and asserts the tasks found, and that the discussion
and the reports of earlier tasks beside them are not tasks."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedMinutes


def _tasks(minutes: ParsedMinutes) -> list[tuple[str, str, str | None]]:
    return [(", ".join(a.assignees), a.what, a.due_text) for a in minutes.assignments]


def _decisions(minutes: ParsedMinutes) -> list[str]:
    return [d.text for d in minutes.decisions]


def test_a_line_taking_on_what_the_paragraph_before_says() -> None:
    """'X ansvarar för detta.' on its own paragraph takes on the paragraph before it; inside a
    paragraph, the sentences before it; initials stand for a name, and 'Ansvar Olle.' is the
    same line without a verb. A task of the same owner found already is not stored twice."""
    text = (
        "Styrelsemöte 2015-03-02\n\n"
        "1. Byggnaden\n\n"
        "Torsten visade en skiss på utbyggnad av entrén med handikapptoalett. "
        "Styrelsen tyckte att det såg bra ut.\n\n"
        "Gunnar ansvarar för detta.\n\n"
        "2. Marken\n\n"
        "Grannarna är positiva till att sälja mark. Vi får se på andra lösningar som servitut. "
        "PE ansvarar för detta.\n\n"
        "3. Fönster\n\n"
        "Dorthe skänker fönster till föreningen. Olle besöker Dorthe och tar mått.\n\n"
        "Ansvar Olle.\n\n"
        "4. Dammen\n\n"
        "Nu när vi vet var avloppet ska ligga så tar Lasse kontakt med Niklas och ber om ett "
        "pris.\n\n"
        "Lasse ansvarar för detta.\n"
    )
    tasks = _tasks(parse_minutes(text, "m.txt"))
    owners = [owner for owner, _, _ in tasks]
    assert sorted(owners) == ["Gunnar", "Lasse", "Olle", "PE"]
    by_owner = {owner: what for owner, what, _ in tasks}
    assert "utbyggnad av entrén" in by_owner["Gunnar"]
    assert "andra lösningar som servitut" in by_owner["PE"]
    assert "besöker Dorthe och tar mått" in by_owner["Olle"]
    assert by_owner["Lasse"] == "tar kontakt med Niklas och ber om ett pris"
    assert not any("ansvarar för detta" in what for _, what, _ in tasks)
    # The discussion sentences name no owner of their own.
    assert "Styrelsen" not in owners and "Torsten" not in owners


def test_reports_of_earlier_tasks_in_the_pluperfect_are_not_new_ones() -> None:
    """'X hade fått i uppdrag …' and 'X hade uppdraget att …' tell of an earlier meeting's
    tasks; the same sentence's present-tense task after them is this meeting's."""
    text = (
        "Styrelsemöte 2014-11-12\n\n"
        "1. Vatten och avlopp\n\n"
        "Torsten hade fått i uppdrag av Gunnar att undersöka storleken på anläggningen. "
        "Lasse hade uppdraget att kontakta Niklas. Karin tar fram blanketter till nästa "
        "styrelsemöte.\n"
    )
    tasks = _tasks(parse_minutes(text, "m.txt"))
    assert tasks == [("Karin", "tar fram blanketter till nästa styrelsemöte", None)]


def test_two_tasks_in_one_sentence_and_asking_people() -> None:
    """'A gör X och B gör Y senast …' holds two tasks, the time the second's; 'Tobias frågar
    dem.' asks people to do something, 'Anna frågar om budgeten' is a question; a passive
    negated ('valdes inte') decides nothing."""
    text = (
        "Styrelsemöte 2024-03-20\n\n"
        "§ 1 Festkommitté\n"
        "Festkommitté valdes inte på årsmötet. Förslag att fråga Moa och Julia. Tobias frågar "
        "dem.\n"
        "Anna frågar om budgeten räcker.\n"
        "§ 2 Valborg\n"
        "Johan kontaktar brandvakten och Albin beställer fyrverkeri senast 15 april.\n"
        "§ 3 Lokalen\n"
        "Mats och Sven tar fram ett förslag på ny hyra.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    tasks = _tasks(minutes)
    assert ("Tobias", "frågar dem", None) in tasks
    assert ("Johan", "kontaktar brandvakten", None) in tasks
    assert ("Albin", "beställer fyrverkeri", "senast 15 april") in tasks
    assert ("Mats, Sven", "tar fram ett förslag på ny hyra", None) in tasks
    assert len(tasks) == 4
    assert not any("Anna" in owner for owner, _, _ in tasks)
    assert not any("valdes inte" in d for d in _decisions(minutes))


def test_tasks_inside_a_decision_paragraph() -> None:
    """'Beslut: … . Kansliet återkommer med …' and 'Utifrån … ska kansliet återkomma med …'
    (the verb before its subject) are tasks of the decision paragraph; '1§ Title' is an item;
    a time inside the task's words stays in them."""
    text = (
        "Protokoll onsdagen 26 mars 2014\n\n"
        "1§ Mötets öppnande\n"
        "Ordförande öppnade mötet.\n\n"
        "2§ Verksamhetsstrategi\n"
        "Beslut: Delegationen antog kansliets förslag. Utifrån synpunkterna ska kansliet "
        "återkomma med ett reviderat förslag.\n\n"
        "3§ Sammanträden\n"
        "Beslut: Datum för nästa sammanträde bekräftades. Ett antal datum under hösten är "
        "skuggade. Kansliet återkommer med förslag på hur dessa datum ska användas.\n\n"
        "4§ Konferenser\n"
        "Beslut: Delegationen deltar inte i Almedalen. Kanslichefen undersöker till nästa "
        "sammanträde möjligheten att medverka i ett seminarium.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Verksamhetsstrategi"),
        ("3", "Sammanträden"),
        ("4", "Konferenser"),
    ]
    tasks = _tasks(minutes)
    assert ("kansliet", "återkomma med ett reviderat förslag", None) in tasks
    assert ("Kansliet", "återkommer med förslag på hur dessa datum ska användas", None) in tasks
    assert (
        "Kanslichefen",
        "undersöker till nästa sammanträde möjligheten att medverka i ett seminarium",
        "till nästa sammanträde",
    ) in tasks
    assert len(tasks) == 3
    assert not any("Delegationen" in owner or "skuggade" in what for owner, what, _ in tasks)


def test_a_decision_quoted_under_its_dated_lead() -> None:
    """'Nämnden beslutade 12 april 2018 att:' over full sentences: the sentence is the decision,
    'X ges i uppdrag att …' and 'X ska fortlöpande informera …' are tasks, and 'Analysen ska
    vara genomförd senast …' gives the first its time. The lead is no decision of its own."""
    text = (
        "Utredningsuppdraget\n\n"
        "Beslut i hälso- och sjukvårdsnämnden\n\n"
        "Hälso- och sjukvårdsnämnden beslutade 12 april 2018 att:\n\n"
        "Hälso- och sjukvårdsdirektören ges i uppdrag att genomföra en fördjupad analys av "
        "rehabiliteringen. Hälso- och sjukvårdsdirektören ska fortlöpande informera nämnden om "
        "arbetet. Analysen ska vara genomförd senast 30 november 2018.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    decisions = _decisions(minutes)
    assert len(decisions) == 1
    assert "Hälso- och sjukvårdsdirektören ges i uppdrag att genomföra" in decisions[0]
    assert "12 april 2018 att" not in decisions[0]
    tasks = _tasks(minutes)
    assert (
        "Hälso- och sjukvårdsdirektören",
        "genomföra en fördjupad analys av rehabiliteringen",
        "senast 30 november 2018",
    ) in tasks
    assert (
        "Hälso- och sjukvårdsdirektören",
        "fortlöpande informera nämnden om arbetet",
        None,
    ) in tasks
    assert not any(owner.startswith("Analysen") for owner, _, _ in tasks)


def test_a_body_that_shall_do_something_in_the_discussion() -> None:
    """In the discussion a body's 'ska återkomma med …' is its task; 'Förvaltningen ska arbeta
    för …' states a duty, and a relative clause 'som ska …' names no owner."""
    text = (
        "Styrgruppen 2022-05-10\n\n"
        "1. Samverkan\n"
        "Förvaltningen ska arbeta för en bättre samverkan. Kansliet ska återkomma med ett "
        "underlag. Det är rapporten som ska Anna läsa.\n"
    )
    tasks = _tasks(parse_minutes(text, "m.txt"))
    assert tasks == [("Kansliet", "återkomma med ett underlag", None)]


def test_a_flattened_task_table_and_owners_in_parentheses() -> None:
    """'Åtgärd Ansvarig Klart' over rows 'what OWNER WHEN' (initials, a body, a quarter, the
    next meeting); in running text an imperative with its owner in parentheses, 'kallar till
    nästa möte' (the meeting is the object, not the time) and a subject shared by two verb
    phrases. A statement with a name in parentheses and a party's letters are no tasks."""
    text = (
        "Styrgruppsmöte 2023-02-14\n\n"
        "1. Lokaler\n"
        "Diskussion om lokalerna. Ta fram en tidplan för flytten (PE).\n"
        "- Boka lokal för workshop (Anna, Lisa)\n"
        "Anna kallar till nästa möte.\n"
        "Vi behöver fler lokaler (PE).\n"
        "Anna Berg (S) frågade om budgeten.\n"
        "Axel har mottagit underlaget, och kommer gå igenom det med revisorn.\n"
        "Föreslagen lagändring kommer beslutas i maj och kommer att träda i kraft i juli.\n\n"
        "2. Åtgärdslista\n"
        "Åtgärd Ansvarig Klart\n"
        "Uppdatera hemsidan Lisa 2023-03-01\n"
        "Skicka inbjudan till kommunerna PE Q2\n"
        "Ta fram förslag på rutin Kansliet till nästa möte\n"
    )
    tasks = _tasks(parse_minutes(text, "m.txt"))
    assert tasks == [
        ("PE", "Ta fram en tidplan för flytten", None),
        ("Anna, Lisa", "Boka lokal för workshop", None),
        ("Anna", "kallar till nästa möte", None),
        ("Axel", "gå igenom det med revisorn", None),
        ("Lisa", "Uppdatera hemsidan", "2023-03-01"),
        ("PE", "Skicka inbjudan till kommunerna", "Q2"),
        ("Kansliet", "Ta fram förslag på rutin", "till nästa möte"),
    ]


def test_items_numbered_with_a_colon_and_a_wide_gap() -> None:
    """'2:         Title' lines in a chain are items (real/items 130's layout); a clock time
    '19:00' and 'Kl.19.00.' are not."""
    text = (
        "Protokoll fört vid styrelsemöte\n\n"
        "2014-11-12.  Kl.19.00.\n\n"
        "1:         Mötets öppnande.\n\n"
        "2:         Vatten och avlopp\n\n"
        "            Gunnar kontaktar räddningstjänsten ang utrymningsvägar.\n\n"
        "3:         Julmarknad.\n\n"
        "            Julmarknaden börjar 19:00 i Byalokalen.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Vatten och avlopp"),
        ("3", "Julmarknad"),
    ]
    assert _tasks(minutes) == [("Gunnar", "kontaktar räddningstjänsten ang utrymningsvägar", None)]


def test_common_ways_to_take_a_task_on() -> None:
    """'tar på sig', 'ser till att', 'håller i', 'tar hand om', 'stämmer av med', 'pratar med',
    'lägger upp' with a first name are tasks; a full name presenting ('Kerstin Elias återkopplar
    till de diskussioner …') and a name reporting ('Eva berättar …') are not."""
    text = (
        "Styrelsemöte 2023-05-02\n\n"
        "1. Sommarfesten\n"
        "Lisa tar på sig att boka dansbandet. Per ser till att lokalen är städad. Eva håller i "
        "lotteriet. Olle tar hand om parkeringen.\n"
        "Kerstin Elias återkopplar till de diskussioner som styrelsen tidigare haft.\n"
        "Eva berättar om förra årets fest.\n"
        "2. Hemsidan\n"
        "Anna stämmer av med webbyrån om priset. Per pratar med kommunen om bidraget. Lisa "
        "lägger upp protokollet på hemsidan.\n"
    )
    tasks = _tasks(parse_minutes(text, "m.txt"))
    assert tasks == [
        ("Lisa", "tar på sig att boka dansbandet", None),
        ("Per", "ser till att lokalen är städad", None),
        ("Eva", "håller i lotteriet", None),
        ("Olle", "tar hand om parkeringen", None),
        ("Anna", "stämmer av med webbyrån om priset", None),
        ("Per", "pratar med kommunen om bidraget", None),
        ("Lisa", "lägger upp protokollet på hemsidan", None),
    ]


def test_a_time_label_after_a_task() -> None:
    """'Klart: v. 12' after 'Ansvarig: Per.' gives Per's task its time; a 'Klart:' line with no
    task before it gives none."""
    text = (
        "Arbetsgruppen 2023-02-01\n\n"
        "1. Ekonomi\n"
        "Klart: v. 3\n"
        "Att göra: ta fram en budget. Ansvarig: Per. Klart: v. 12\n"
    )
    assert _tasks(parse_minutes(text, "m.txt")) == [("Per", "ta fram en budget", "v. 12")]


def test_task_lists_under_their_heading_name_the_owner_after_a_dash_or_first() -> None:
    """Under "Action points"/"Att göra" the owner stands after a dash or the last comma, or
    first before a colon; each entry is one task, its time split off, and the list is not read
    again as sentences (an entry with its owner in brackets was stored twice)."""
    text = (
        "Möte 2024-03-01\n\n1. Inledning\n\nMötet öppnades.\n\n2. Kommunikation\n\n"
        "Vi diskuterade webben och nyhetsbrevet.\n\n"
        "Action points\n"
        "* Ta fram underlag inför budget – Karin\n"
        "* Kontakta regionen, Olle\n"
        "* Boka lokal till nästa möte (Per)\n"
        "* Kansliet: skicka ut kallelsen senast 1 april\n"
    )
    assert _tasks(parse_minutes(text, "m.txt")) == [
        ("Karin", "Ta fram underlag inför budget", None),
        ("Olle", "Kontakta regionen", None),
        ("Per", "Boka lokal", "till nästa möte"),
        ("Kansliet", "skicka ut kallelsen", "senast 1 april"),
    ]


def test_a_task_table_that_kept_its_cells() -> None:
    """A Markdown/HTML task table keeps its cells: what, who and when by the header's words,
    in any order; the separator row and a row without an owner are no tasks."""
    text = (
        "Möte 2024-03-01\n\n1. Inledning\n\nMötet öppnades.\n\n2. Åtgärder\n\n"
        "| Ansvarig | Åtgärd | Klart |\n|---|---|---|\n"
        "| Maria | Revidera rutinen | 2024-04-01 |\n"
        "| Kansliet / Per | Skicka inbjudan | v 12 |\n"
        "|  | Fundera vidare |  |\n"
    )
    assert _tasks(parse_minutes(text, "m.txt")) == [
        ("Maria", "Revidera rutinen", "2024-04-01"),
        ("Kansliet, Per", "Skicka inbjudan", "v 12"),
    ]


# Batch 14 (real/items 180–186) and the shapes the assignments issue lists -----------------


def test_an_owner_column_kept_by_spacing() -> None:
    """A line ending in 'Ansvarig' after a wide gap labels an owner column; the rows below end
    with their owners after a wide gap (first names, a surname's initial, two joined by a
    comma), a status note stays in the row's wording, and a row without an owner is no task
    (real/items 180). Without the column's label a wide gap before a name is not read so."""
    rows = (
        "3. Folkets Hus\n\n"
        "– Räcket på balkongen måste åtgärdas. Är på gång.                  Peter E\n"
        "– Nya skyltar nödutgång, nytt lås för nödutgången.            Lena, Jonas\n"
        "– Städdag i Folkets Hus söndagen den 21/10.\n"
    )
    head = "Protokoll styrelsemöte 2007-10-02\n\n1. Öppnande\n\nMötet öppnades.\n\n"
    labelled = head.replace(
        "1. Öppnande", "Protokoll/dagordning                          Ansvarig\n\n1. Öppnande"
    )
    assert _tasks(parse_minutes(labelled + rows, "m.txt")) == [
        ("Peter E", "Räcket på balkongen måste åtgärdas. Är på gång", None),
        ("Lena, Jonas", "Nya skyltar nödutgång, nytt lås för nödutgången", None),
    ]
    assert _tasks(parse_minutes(head + rows, "m.txt")) == []


def test_an_adverb_between_the_modal_and_the_task() -> None:
    """'Birgit kommer omg att ta in kostnadsförslag', 'Per ska snarast boka …' are tasks;
    'kommer inte att', 'ska kanske' are not, nor a fronted word before 'kommer vi'
    (real/items 181, seed 003)."""
    text = (
        "Styrelsemöte 2021-02-11\n\n1. Renovering\n\n"
        "Birgit kommer omg att ta in kostnadsförslag. Per ska snarast boka hantverkare. "
        "Lena kommer inte att boka lokalen. Olle ska kanske måla staketet. Framåt kommer vi "
        "försöka ha en timme för gemensamma ärenden.\n"
    )
    assert _tasks(parse_minutes(text, "m.txt")) == [
        ("Birgit", "ta in kostnadsförslag", None),
        ("Per", "boka hantverkare", None),
    ]


def test_a_person_responsible_for_a_task_after_a_flattened_label() -> None:
    """'Inköp av mikrofon Sven Hedlund ansvarar för att undersöka …': a full name whose first
    word is a given name, after a topic label the flattening ran in; a body is no person, and
    the spoken 'Dom' is a pronoun, no owner (real/items 182, 184)."""
    text = (
        "Styrelsemöte 2016-02-25\n\n1. Konstituering\n\n"
        "Inköp av mikrofon Sven Hedlund ansvarar för att undersöka vilka krav som finns.\n\n"
        "2. Avtal\n\n"
        "Region Gotland ansvarar för att kalla till mötet. Dom tar kontakt med banken.\n"
    )
    assert _tasks(parse_minutes(text, "m.txt")) == [
        ("Sven Hedlund", "undersöka vilka krav som finns", None)
    ]


def test_notes_flattened_to_one_run_without_items_keep_their_tasks() -> None:
    """A PDF flattened to one run: its title, then 'Närvarande: …' and the prose. The run is
    one unnumbered item titled by the title, so its tasks are stored (real/items 183); a run
    that hands out no task and decides nothing makes no item."""
    prose = (
        "Johanna lämnar en lägesrapport om projektets första fas och om de intervjuer som har "
        "gjorts med ett antal nyckelpersoner i bygden under sommaren och hösten. "
        "Petra och Johanna pratar med LEADER-kontoret om det. "
        "Mikael tar fram en lista på kommunens kontaktpersoner till nästa möte."
    )
    run = (
        "1 Styrgrupp för projekt Turism i bygden Minnesanteckningar från möte Närvarande: "
        "Karin Sundqvist, Eva Brandt, Mikael Ås, Petra Wiik, Johanna Sten. "
    )
    # The transcript page's own lines above the run (docplayer, as real/items 183 keeps them).
    page = "Närvarande: Karin Sundqvist, Eva Brandt.\n\nSave this PDF as:\n\nTranskript\n\n"
    minutes = parse_minutes(page + run + prose + "\n", "m.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        (None, "Styrgrupp för projekt Turism i bygden Minnesanteckningar från möte")
    ]
    assert _tasks(minutes) == [
        ("Petra, Johanna", "pratar med LEADER-kontoret om det", None),
        ("Mikael", "tar fram en lista på kommunens kontaktpersoner", "till nästa möte"),
    ]
    plain = run + "Johanna lämnar en lägesrapport om projektets första fas. " * 5
    assert parse_minutes(page + plain + "\n", "m.txt").items == []


def test_action_ansvar_tid_tables_flat_and_with_cells() -> None:
    """The column labels 'Åtgärd Ansvar Tid' head a task table as 'Åtgärd Ansvarig Klart'
    does, flattened to lines or with its cells (the issue's 'Åtgärd/Ansvar/Tid' tables)."""
    head = "Möte 2024-03-01\n\n1. Inledning\n\nMötet öppnades.\n\n2. Åtgärder\n\n"
    flat = "Åtgärd Ansvar Tid\nUppdatera hemsidan AB v. 12\nSkicka inbjudan Kansliet 15/3\n"
    assert _tasks(parse_minutes(head + flat, "m.txt")) == [
        ("AB", "Uppdatera hemsidan", "v. 12"),
        ("Kansliet", "Skicka inbjudan", "15/3"),
    ]
    cells = "| Åtgärd | Ansvar | Tid |\n|---|---|---|\n| Uppdatera hemsidan | AB | v. 12 |\n"
    assert _tasks(parse_minutes(head + cells, "m.txt")) == [("AB", "Uppdatera hemsidan", "v. 12")]


def test_english_labels_and_a_responsibility_label_in_running_text() -> None:
    """'Action: X verb …' and 'ToDo:' label tasks as 'Åtgärd:' does; '(Ansvar: Eva)',
    '(ansvarig: Eva Lind)' and '– ansvar AB' at a sentence's end name its owner whatever the
    verb; initials as a subject name the attendee they are the initials of, letters nobody
    present has are an organisation (the issue's shapes)."""
    text = (
        "Minnesanteckningar arbetsgruppen 2024-03-12\n\n"
        "Närvarande: Anna Berg, Per Holm, Eva Lind\n\n"
        "1. Uppföljning\n\n"
        "Action: Lisa skickar ut protokollet.\n\n"
        "Ta fram en kommunikationsplan (Ansvar: Eva).\n\n"
        "Planen för hösten tas fram till maj (ansvarig: Eva Lind).\n\n"
        "Uppdatera hemsidan – ansvar AB.\n\n"
        "AB kontaktar kommunen om lokalen.\n\n"
        "KS tar fram ett nytt förslag.\n"
    )
    assert _tasks(parse_minutes(text, "m.txt")) == [
        ("Lisa", "skickar ut protokollet", None),
        ("Eva", "Ta fram en kommunikationsplan", None),
        ("Eva Lind", "Planen för hösten tas fram till maj", None),
        ("AB", "Uppdatera hemsidan", None),
        ("AB", "kontaktar kommunen om lokalen", None),
    ]


def _in_item(body: str) -> list[tuple[str, str, str | None]]:
    text = (
        "Minnesanteckningar 2019-03-12\n\nNärvarande: Anna Berg, Josef Ek, Lena Holm\n\n"
        "1. Inledning\n\nMötet öppnades.\n\n2. Uppföljning\n\n" + body
    )
    return _tasks(parse_minutes(text, "m.txt"))


def test_task_lists_with_the_owner_first_a_box_or_an_english_label() -> None:
    """Under a task heading the owner may stand first before a dash or a comma ('Lena –
    skicka …', 'Josef, bjuda in …'); after 'TODO:'/'AP:'/'Uppdrag:' or a Markdown task box the
    owner first is read too, the English 'Anna to send …' as well (the issue's shapes)."""
    assert _in_item(
        "Actionpoints:\n- Lena – skicka ut kallelsen\n- Josef, bjuda in till nästa möte\n"
    ) == [("Lena", "skicka ut kallelsen", None), ("Josef", "bjuda in", "till nästa möte")]
    assert _in_item(
        "TODO: Josef – skicka enkäten\n\nAP: Anna skickar ut protokollet.\n\n"
        "Uppdrag: Lena att sammankalla gruppen\n\nAction: Anna to send the minutes.\n\n"
        "- [ ] Boka lokal (Josef)\n- [x] Lena: boka fika\n"
    ) == [
        ("Josef", "skicka enkäten", None),
        ("Anna", "skickar ut protokollet", None),
        ("Lena", "sammankalla gruppen", None),
        ("Anna", "send the minutes", None),
        ("Josef", "Boka lokal", None),
        ("Lena", "boka fika", None),
    ]


def test_a_task_list_flattened_into_its_paragraph() -> None:
    """'… Actionpoints inför nästa gång: Rensa upp förslaget (Josef) Bjuda in till nästa möte
    (Josef)': each entry ends with its owner in parentheses, '•' kept or lost, and the entries
    are not read again as sentences; a party's letters are no owner list."""
    expected = [("Josef", "Rensa upp förslaget", None), ("Josef", "Bjuda in", "till nästa möte")]
    assert (
        _in_item(
            "Gruppen diskuterade samverkan. Actionpoints inför nästa gång: Rensa upp förslaget "
            "(Josef) Bjuda in till nästa möte (Josef)\n"
        )
        == expected
    )
    assert (
        _in_item(
            "Gruppen diskuterade samverkan. Actionpoints inför nästa gång: • Rensa upp "
            "förslaget (Josef) • Bjuda in till nästa möte (Josef)\n"
        )
        == expected
    )


def test_more_ways_to_hand_out_a_task() -> None:
    """'ges uppdraget att', 'uppdras att', 'uppdrog åt', 'utses att' (not 'utses att justera'),
    'ber X att', 'har ansvar för att', 'sätter X på det' (corpus 10), and a short topic label
    before the owner ('Lokal: Josef fixar …'); a body's 'ska' without a deciding clause, a
    general exhortation ('uppmanas') and a report are no tasks."""
    assert _in_item(
        "Josef ges uppdraget att sammankalla gruppen. Anna uppdras att skriva ett svar. "
        "Ledningsgruppen uppdrog åt Lena att boka lokal. Anna utses att ta fram ett förslag. "
        "Anna Berg utses att justera protokollet. Vi ber Lena att kontakta kommunen. "
        "Josef har ansvar för att kalla till mötet. FDF: vi sätter Josef på det. "
        "Lokal: Josef fixar lokal till nästa möte. Ledamöterna uppmanas att läsa handlingarna. "
        "Anna har tagit fram ett underlag.\n"
    ) == [
        ("Josef", "sammankalla gruppen", None),
        ("Anna", "skriva ett svar", None),
        ("Lena", "boka lokal", None),
        ("Anna", "ta fram ett förslag", None),
        ("Lena", "kontakta kommunen", None),
        ("Josef", "kalla till mötet", None),
        ("Josef", "FDF: vi sätter Josef på det", None),
        ("Josef", "fixar lokal", "till nästa möte"),
    ]


def test_a_role_with_a_verb_of_what_it_will_do() -> None:
    """'Sekreteraren skickar ut …', 'Ordföranden sammankallar …' are tasks of the role;
    'Ordföranden meddelar att …' is information ('Ordföranden' is a role noun as
    'Föredragande' is)."""
    assert _in_item(
        "Sekreteraren skickar ut minnesanteckningarna. Ordföranden sammankallar "
        "arbetsgruppen. Ordföranden meddelar att mötet är beslutsfört.\n"
    ) == [
        ("Sekreteraren", "skickar ut minnesanteckningarna", None),
        ("Ordföranden", "sammankallar arbetsgruppen", None),
    ]


def test_task_tables_saved_with_tabs_or_wide_spaces() -> None:
    """A table row's cells between tabs or runs of spaces, mapped by the header's words: a full
    name stays whole, a number column is no part of the task, a two-column 'Åtgärd Ansvarig'
    table has no time, and a line of prose after the table names no owner."""
    assert _in_item(
        "Nr\tÅtgärd\tAnsvarig\tKlart\n1\tTa fram förslag\tAnna Berg\t2019-05-01\n"
        "2\tSkicka ut kallelse\tJosef\tv. 20\n"
    ) == [("Anna Berg", "Ta fram förslag", "2019-05-01"), ("Josef", "Skicka ut kallelse", "v. 20")]
    assert _in_item(
        "Åtgärd                       Ansvarig\n"
        "Ta fram förslag              Anna Berg\n"
        "Skicka ut kallelse           Josef\n"
        "Mötet avslutades.  Nästa möte blir i maj\n"
    ) == [("Anna Berg", "Ta fram förslag", None), ("Josef", "Skicka ut kallelse", None)]


def test_a_task_table_known_by_its_task_column() -> None:
    """A header with an owner column and a column labelled as the task ('Åtgärd',
    'Beslut/åtgärd') is a task table without a time column, its task column the labelled one
    ('Punkt' is not); a table of names and their areas is none."""
    assert _in_item(
        "| Punkt | Åtgärd | Ansvarig |\n|---|---|---|\n| 3 | Ta fram förslag | Anna |\n\n"
        "| Ärende | Beslut/åtgärd | Ansvarig |\n|---|---|---|\n| Budget | Revidera budgeten | Josef |\n"
    ) == [("Anna", "Ta fram förslag", None), ("Josef", "Revidera budgeten", None)]
    assert _in_item("| Namn | Ansvarsområde |\n|---|---|\n| Anna Berg | Ekonomi |\n") == []


def test_a_task_for_everyone_or_each_member() -> None:
    """'Alla läser igenom … till nästa möte' (any verb with a time), 'Var och en kollar med …',
    'Respektive kommun återkommer med …' (an action verb) are tasks of everyone or of each;
    'Alla var överens', 'Alla tycker att …' are not."""
    assert _in_item(
        "Alla läser igenom underlaget till nästa möte. Var och en kollar med sin chef. "
        "Respektive kommun återkommer med namn på kontaktperson. Alla var överens om "
        "förslaget. Alla tycker att det är bra.\n"
    ) == [
        ("Alla", "läser igenom underlaget", "till nästa möte"),
        ("Var och en", "kollar med sin chef", None),
        ("Respektive kommun", "återkommer med namn på kontaktperson", None),
    ]


def test_a_task_given_at_an_earlier_time_is_background() -> None:
    """'Regionfullmäktige gav 2017 regionstyrelsen i uppdrag att …' and 'I mars fick kansliet i
    uppdrag …' tell of earlier tasks; 'Kansliet fick i uppdrag att återkomma senast 2019-05-01'
    is this meeting's (the year is the task's time)."""
    assert _in_item(
        "Regionfullmäktige gav 2017 regionstyrelsen i uppdrag att ta fram en plan. I mars fick "
        "kansliet i uppdrag att utreda frågan. Kansliet fick i uppdrag att återkomma senast "
        "2019-05-01.\n"
    ) == [("Kansliet", "återkomma", "senast 2019-05-01")]


def test_a_promise_in_the_second_clause_about_the_same_person() -> None:
    """'Lisa Berg utsågs till kassör och åtog sig att …' elects and gives a task at once; the
    passive-looking 'åtogs att' some secretaries write is the same promise. Another person's
    promise after a report names that person, not the first."""
    text = (
        "Protokoll styrelsemöte 2018-05-07\n\n"
        "§ 1 Val av kassör\nLisa Berg utsågs till kassör och åtog sig att sköta bokföringen.\n\n"
        "§ 2 Dataskydd\nPer Ek utsågs till dataskyddsombud och åtogs att ta fram en policy.\n\n"
        "§ 3 Lokal\nAnna Berg informerade om läget och Bo Ek lovade att återkomma.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    tasks = _tasks(minutes)
    assert ("Lisa Berg", "sköta bokföringen", None) in tasks
    assert ("Per Ek", "ta fram en policy", None) in tasks
    assert not [t for t in tasks if t[0] == "Anna Berg"]
    assert "Lisa Berg utsågs till kassör och åtog sig att sköta bokföringen." in _decisions(minutes)


def test_shopping_names_joined_by_plus_a_pronoun_after_the_comma_and_leaving() -> None:
    """Real/items 250, 253, 254: 'X och Y handlar …' (not 'handlar om'), 'Styrelsen
    beslutade:Lars+Martin I ordnar …', ', han kommer att ringa runt' after a first name's
    clause; 'Björn kommer att lämna styrelsen' is a resignation, no task."""
    minutes = parse_minutes(
        "Protokoll 2023-05-23\n\n1. Byggprojektet\n"
        "Styrelsen beslutade:Lars+Martin I ordnar offert på kök\n\n"
        "2. Konsert\nBritt-Mari och Astrid handlar det som behövs till fikat. Arvet handlar om "
        "pengar.\n\n"
        "3. Styrelsen\nVåge framhöll vikten av nya ledamöter, han kommer att ringa runt.\n\n"
        "4. Avgång\nBjörn kommer att lämna styrelsen.\n"
    )
    got = [(a.assignees, a.what.rstrip(".")) for a in minutes.assignments]
    assert (["Lars+Martin I"], "ordnar offert på kök") in got
    assert any(w == ["Britt-Mari", "Astrid"] and t.startswith("handlar det som") for w, t in got)
    assert any(w == ["Våge"] and t.startswith("ringa runt") for w, t in got)
    assert not any("pengar" in t or "lämna styrelsen" in t for _, t in got)


def test_a_role_acting_at_once_is_its_task() -> None:
    """Real/items 253: 'Ordföranden skriver … omgående.' is the chair's task; 'Ordföranden
    skriver i sin rapport …' with no time stays information."""
    minutes = parse_minutes(
        "Protokoll 2018-05-02\n\n§ 56. Ordföranden skriver verksamhetsberättelse och plan "
        "omgående.\n\n§ 57. Ordföranden skriver i sin rapport att läget är gott.\n"
    )
    assert [(a.assignees, a.what) for a in minutes.assignments] == [
        (["Ordföranden"], "skriver verksamhetsberättelse och plan omgående")
    ]


def test_batch19_a_role_after_the_verb_following_a_fronted_clause() -> None:
    """'Då det endast finns en förening …, tar ordföranden kontakt med föreningen och förklarar
    detta.' (real/items 274): after a fronted clause the verb stands before the role, and the
    role's forward task is a task; a body there ('tar styrelsen upp frågan') reports, and a
    role's verb that is no task ('informerar') stays none."""
    text = (
        "Styrelsemöte 2015-06-04\n\n"
        "1. Medlemsavgifter\n"
        "Då det endast finns en förening som berörs av detta tar ordföranden kontakt med "
        "föreningen och förklarar detta.\n\n"
        "2. Ekonomi\nEfter genomgången tar styrelsen upp frågan om bidrag. Därefter informerar "
        "kassören om läget.\n"
    )
    tasks = _tasks(parse_minutes(text, "m.txt"))
    assert tasks == [("ordföranden", "tar kontakt med föreningen och förklarar detta", None)]


def test_batch19_a_decision_opening_inside_a_flattened_run_gives_its_task() -> None:
    """A flattened run lost the full stop before 'Beslutades att kansliet tar fram …' (real/items
    272): the decision and its task open there; a short sentence with the words is read whole."""
    text = (
        "Minnesanteckningar 2009-12-18\n\n"
        "4. Förberedelser\n"
        "Gruppen förberedde sig för mötet med departementet och ett referat från mötet återfinns "
        "i Bilaga Förslag på ledamot och suppleant från Ordförandegruppen till "
        "Övervakningskommittén för det svenska Landsbygdsprogrammet (ÖK) som diskuterades länge "
        "Beslutades att kansliet tar fram ett brev med förfrågan till alla ordföranden.\n\n"
        "5. Övrigt\nInga frågor.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    assert _decisions(minutes) == [
        "Beslutades att kansliet tar fram ett brev med förfrågan till alla ordföranden."
    ]
    assert _tasks(minutes) == [
        ("kansliet", "tar fram ett brev med förfrågan till alla ordföranden", None)
    ]


def test_batch24_a_duty_from_now_on_inside_a_sentence() -> None:
    """'… där Ann-Sofie Weimarsson blir ansvarig för utskick och tryckning', '… är att Linda
    Englund kommer framgent att ansvara för protokollskrivning …' (real/items 321): a person
    given a duty from now on takes on a task, inside a longer sentence too; a body ('Region
    Gotland blir ansvarig för …') and a negation are none."""
    from dialogs.importer.decisions import find_assignments

    got = find_assignments(
        "Nya rutiner införs på kansliet där Karin Berg blir ansvarig för utskick av kallelser.", []
    )
    assert [(a.assignees, a.what) for a in got] == [
        (["Karin Berg"], "ansvarig för utskick av kallelser")
    ]
    got = find_assignments(
        "Nytt är att Olle Ek kommer framgent att ansvara för protokollen i båda utskotten.", []
    )
    assert [(a.assignees, a.what) for a in got] == [
        (["Olle Ek"], "ansvara för protokollen i båda utskotten")
    ]
    assert find_assignments("Region Gotland blir ansvarig för utskicket.", []) == []
    assert find_assignments("Karin blir ansvarig för inte mycket.", []) == []


def test_batch24_an_election_after_a_known_name_is_no_task() -> None:
    """'Stefan Sjögren valdes att jämte ordförande signera dagens protokoll' (real/items 320):
    after a name from the attendance list, an election to sign or to a role is the meeting's
    decision, not a task; 'Anna Ek tar fram ett förslag' after a known name still is one."""
    from dialogs.importer.decisions import find_assignments

    known = ["Anna Ek"]
    assert (
        find_assignments(
            "Anna Ek valdes att jämte ordförande signera dagens protokoll", known, clause=True
        )
        == []
    )
    assert find_assignments("Anna Ek utsågs till sekreterare", known, clause=True) == []
    got = find_assignments("Anna Ek tar fram ett förslag", known, clause=True)
    assert [(a.assignees, a.what) for a in got] == [(["Anna Ek"], "tar fram ett förslag")]


def test_batch27_a_body_wishing_that_a_person_reports() -> None:
    """'Nämnden önskar att Eva Lund, rektor för Ekskolan, för nämnden i mars redovisar hur …'
    (real/items 351): the body's wish hands the named person the task, the role between commas
    and the words before the verb left aside; a wish of a person, and one with no named person
    after it, are none."""
    from dialogs.importer.decisions import find_assignments

    got = find_assignments(
        "Nämnden önskar att Eva Lund, rektor för Ekskolan, för nämnden i mars redovisar hur "
        "skolan arbetar med närvaron.",
        [],
    )
    assert [a.assignees for a in got] == [["Eva Lund"]]
    assert got[0].what.endswith("redovisar hur skolan arbetar med närvaron")
    assert find_assignments("Styrelsen önskar att Bo Ek återkommer med ett förslag.", [])
    assert find_assignments("Nämnden önskar att informationen sprids till skolorna.", []) == []
    assert find_assignments("Anna Berg önskar att Bo Ek skriver till kommunen.", []) == []


def test_batch28_a_task_told_in_a_relative_clause_is_none() -> None:
    """'Av sammanställningen framgår 38 ärenden som nämnden uppdragit åt förvaltningschefen att
    bereda eller handlägga.' (real/items 362): the relative clause describes tasks given before,
    with or without 'har'; the body giving the task in a main clause still does."""
    from dialogs.importer.decisions import find_assignments

    assert (
        find_assignments(
            "Av sammanställningen framgår 38 ärenden som nämnden uppdragit åt "
            "förvaltningschefen att bereda eller handlägga.",
            [],
        )
        == []
    )
    assert find_assignments("De frågor som styrelsen har gett Bo i uppdrag att utreda.", []) == []
    got = find_assignments("Nämnden uppdrar åt förvaltningschefen att bereda ärendet.", [])
    assert [a.assignees for a in got] == [["förvaltningschefen"]]


def test_batch28_people_of_a_body_reported_deciding_are_no_body() -> None:
    """'Politikerna i stadsdelsnämnden Öster har beslutat att mångfaldsveckan ska återkomma …'
    (real/items 365, a council following up other bodies' decisions): the subject's head
    stands before the preposition and names people, so the sentence is no decision of the
    meeting; 'Styrelsen i föreningen har beslutat …' keeps its body."""
    from dialogs.importer.decisions import OwnBody, prose_decision

    own = OwnBody(names=["Brottsförebyggande rådet"])
    assert (
        prose_decision(
            "Politikerna i stadsdelsnämnden Öster har beslutat att mångfaldsveckan ska "
            "återkomma under hösten 2015.",
            own,
        )
        is None
    )
    found = prose_decision("Styrelsen i föreningen har beslutat att höja avgiften.", own)
    assert found is not None and found.reported_by_body == "Styrelsen i föreningen"


def test_batch28_notes_with_detached_point_numbers_a_form_id_and_a_wrapped_name() -> None:
    """A kommun's council's notes printed in two columns (real/items 366): the point numbers
    '1' and '2' stand on lines of their own away from their texts, a form's id line
    'UBK2001, v1.0, 2014-05-15' sits in the text, and a name is wrapped at a line break
    ('… tidsram. Kaj' / 'Söder gör en sammanställning …'). Neither the numbers nor the id line
    are topics; the agenda addition 'läggs till under Övriga frågor' is decided; the full name
    doing 'gör en sammanställning' takes the task."""
    text = (
        "Minnesanteckningar Brottsförebyggande rådet, BRÅ, den 24 september 2015\n"
        "Närvarande: Anna Ek, Brandförsvaret\n"
        "1\n2\n"
        "Dagordningen godkänns. Punkterna Grannstöd och Rapport från\n"
        "chefssamråd läggs till under Övriga frågor.\n"
        "Utveckling av BRÅ, Workshop med Kaj Söder.\n"
        "UBK2001, v1.0, 2014-05-15\n"
        "Steg 3 - Definiera vad som ska prioriteras. Vad ska ske och inom vilken tidsram. Kaj\n"
        "Söder gör en sammanställning över hur arbetet ser ut idag och vad behöver\n"
        "göras. Utkast skickas till var och en.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    titles = [i.title for i in minutes.items]
    assert "2" not in titles and "UBK2001, v1.0, 2014-05-15" not in titles
    decisions = [d.text for i in minutes.items for d in i.decisions]
    assert any("läggs till under Övriga frågor" in d for d in decisions)
    tasks = [(a.assignees, a.what) for i in minutes.items for a in i.assignments]
    assert (
        ["Kaj Söder"],
        "gör en sammanställning över hur arbetet ser ut idag och vad behöver göras",
    ) in tasks
