"""Items and decisions in the layouts of real/items batch 12 (regional health-care bodies'
notices, agendas and notes): each rule the batch asked for, on short texts of our own."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedMinutes


def _text(*lines: str) -> ParsedMinutes:
    return parse_minutes("\n".join(lines) + "\n")


def _items(minutes: ParsedMinutes) -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in minutes.items]


def _decisions(minutes: ParsedMinutes) -> list[str]:
    return [d.text.rstrip(".") for i in minutes.items for d in i.decisions]


NOTICE = (
    "1 Kallelse Sammanträde med: Omsorgsnämnden Plats: Nämndrummet, Stadshuset. Meddela "
    "förhinder till sekreteraren. Ledamöter kallas Eva Holm (S), ordförande Per Dahl (M) "
    "Ersättare underrättas Lisa Berg (C) Postadress Box 12, Bergby 1 (9) E-post:",
    "2 Föredragningslista 1. Val av justerare Förslag till beslut Omsorgsnämnden beslutar "
    "att utse Per Dahl att justera protokollet. Protokollet justeras senast den 3 maj "
    "Fyllnadsval till pensionärsrådet Diarienummer: 21ON0012 Förslag till beslut "
    "Omsorgsnämnden beslutar att utse Anna Ek till ersättare i pensionärsrådet. 3. "
    "Delårsrapport för omsorgsnämnden januari-april 2021 Diarienummer: 21ON0450 Förslag till "
    "beslut Omsorgsnämnden beslutar att godkänna delårsrapporten. Sammanfattning Resultatet "
    "visar ett överskott. 2 (9)",
    "3 Föredragningslista 4. Yttrande över remiss om en samlad plan för kompetensförsörjning "
    "inom äldreomsorgen i länet Diarienummer: 21ON0511 Förslag till beslut Omsorgsnämnden "
    "beslutar att 1. anta förvaltningens yttrande, 2. skicka yttrandet till regionen. 5. "
    "Information Förslag till beslut Omsorgsnämnden beslutar att lägga informationen till "
    "handlingarna. Vid dagens sammanträde informeras om: 1. Bemanningen i sommar 2. "
    "Hemtjänstens nya lokaler 3 (9)",
)


def test_a_lost_number_after_the_first_and_lists_inside_later_items() -> None:
    """'1. Val av justerare … [2 lost] Fyllnadsval … 3. … 4. … 5. …' with '1. anta … 2.
    skicka …' and '1. Bemanningen 2. …' inside items 4 and 5 (the layout of real/items 161):
    the lost number's '2.' comes only inside a later item, so the chain goes 1, 3, 4, 5; a
    section's heading word ends a title ('Diarienummer', 'Förslag till beslut'), even a long
    one."""
    minutes = _text(*NOTICE)
    assert _items(minutes) == [
        ("1", "Val av justerare"),
        ("3", "Delårsrapport för omsorgsnämnden januari-april 2021"),
        (
            "4",
            "Yttrande över remiss om en samlad plan för kompetensförsörjning inom äldreomsorgen "
            "i länet",
        ),
        ("5", "Information"),
    ]


def test_a_notice_holds_proposals_and_names_its_body_by_them() -> None:
    """A document that opens 'Kallelse' / 'Föredragningslista' and has no signatures, no
    justering and no anslag is sent before the meeting: its 'Förslag till beslut …' and bare
    'godkänna …' are no decisions, 'uppdra åt X att …' in them no task; the body proposed to
    decide names the body (real/items 161, 163, 164)."""
    minutes = _text(*NOTICE)
    assert _decisions(minutes) == []
    assert minutes.body_name == "Omsorgsnämnden"
    agenda = _text(
        "Föredragningslista Sammanträdesdatum 2007-02-05 Landstingsstyrelsen Plats: "
        "Landstingshuset 1 Justering utse Eva Holm att jämte ordföranden justera protokollet. "
        "2 Godkännande av föredragningslista godkänna den utsända föredragningslistan. 3 Avtal "
        "om hemsjukvård godkänna avtalet om hemsjukvård, samt att uppdra åt direktören att "
        "underteckna avtalet. 4 Övriga frågor (4)",
    )
    assert [i.title for i in agenda.items] == [
        "Justering",
        "Godkännande av föredragningslista",
        "Avtal om hemsjukvård",
        "Övriga frågor",
    ]
    assert _decisions(agenda) == []
    assert not agenda.assignments
    # The same opening over a protocol that was signed keeps what it decided.
    signed = _text(
        "Föredragningslista och protokoll",
        "1. Val av justerare",
        "Per Dahl utses att justera protokollet.",
        "2. Avtal om hemsjukvård",
        "Styrelsen beslutar att godkänna avtalet.",
        "Underskrifter",
        "Sekreterare Eva Holm",
    )
    assert _decisions(signed) == [
        "Per Dahl utses att justera protokollet",
        "Styrelsen beslutar att godkänna avtalet",
    ]


def test_numbered_proposals_restarting_at_one_are_not_the_items() -> None:
    """'2 Närvaro … 4 Information 1. Informationen noteras. 5 … 1. … fastställs. … 7 …' (the
    layout of real/items 164): the '1.' of each item's proposal restarts the list and is no
    chain of items however often it comes; the bare-numbered items go on over a lost '6' when
    the chain goes on after it, and a title ends before its list ('Information 1. …',
    'Anmälningsärenden a) …')."""
    minutes = _text(
        "1 FÖREDRAGNINGSLISTA 1 (3) Organ Regionfullmäktige Plats Stadshuset 2 Närvaro Närvaron "
        "kontrolleras vid sammanträdets början av ordföranden. 3 Utseende av två justerare att "
        "tillsammans med ordföranden justera dagens protokoll 4 Information 1. Informationen "
        "noteras. 5 Sammanträdesdagar 2022 1. Sammanträdesdagarna för 2022 fastställs. "
        "Avsägelser a) Eva Holm avsäger sig uppdraget. 1. "
        "Avsägelsen beviljas.",
        "2 FÖREDRAGNINGSLISTA 2 (3) 7 Anmälningar från Länsstyrelsen 8 Anmälningsärenden a) "
        "Revisionsrapport om vårdplatser. 1. Anmälningarna läggs till handlingarna. 9 "
        "Årsredovisning 2021 för samordningsförbundet 1. Årsredovisningen godkänns. 2. "
        "Styrelsen beviljas ansvarsfrihet.",
    )
    assert _items(minutes) == [
        ("2", "Närvaro"),
        ("3", "Utseende av två justerare att tillsammans med ordföranden justera dagens protokoll"),
        ("4", "Information"),
        ("5", "Sammanträdesdagar 2022"),
        ("7", "Anmälningar från Länsstyrelsen"),
        ("8", "Anmälningsärenden"),
        ("9", "Årsredovisning 2021 för samordningsförbundet"),
    ]
    assert _decisions(minutes) == []


def test_a_lost_second_number_in_numbered_lines() -> None:
    """'1. Title' lines with '2.' lost and a list '1. … 2. …' inside item 4: the lines go on
    at 3 (the line-by-line form of real/items 161's rule)."""
    minutes = _text(
        "Protokoll styrgruppen 2021-05-04",
        "1. Val av justerare",
        "Eva Holm valdes att justera protokollet.",
        "Fyllnadsval",
        "Per Dahl valdes till ersättare.",
        "3. Budget",
        "Budgeten godkändes.",
        "4. Information",
        "Vi fick höra om:",
        "1. Bemanningen",
        "2. Lokalerna",
        "5. Övriga frågor",
        "Inga övriga frågor.",
    )
    assert [n for n, _ in _items(minutes)] == ["1", "3", "4", "5"]


def test_a_wrapped_sentence_goes_on_with_a_number() -> None:
    """'… mötas den 15 september, 20 oktober och 8 december' / '2016, kl. 13.00–15.30.' (the
    layout of real/items 160): a long line without a stop whose next line goes on with a
    number inside the sentence is one sentence; '3. Title' on the next line is not."""
    minutes = _text(
        "Minnesanteckningar från samrådet den 14 april 2016",
        "1. Mötestider hösten 2016",
        "Samrådet beslutade att mötas den 15 september, 20 oktober och 8 december",
        "2016, kl. 13.00–15.30.",
        "2. Övriga frågor",
        "Inga övriga frågor anmäldes vid dagens möte med samrådet i regionhuset",
        "3. Avslutning",
        "Mötet avslutades.",
    )
    assert _decisions(minutes) == [
        "Samrådet beslutade att mötas den 15 september, 20 oktober och 8 december 2016, "
        "kl. 13.00–15.30"
    ]
    assert [n for n, _ in _items(minutes)] == ["1", "2", "3"]


def test_paragraphs_numbered_with_their_year_and_a_contents_list_titles_first() -> None:
    """'Protokoll 3 (9) 12/21 Dnr … Title s beslut Att …' (the layout of real/items 162): a page
    per paragraph numbered '12/21' (§ 12 of 2021) is item 12; the remnant 's beslut' of a label
    whose body name was lost ends the title and opens the decision, one per 'Att' clause, up to
    the next section's heading; the contents list writes each title before its number, and its
    entries after the last paragraph are kept as items."""
    minutes = _text(
        "Protokoll 1 (9) Plats och tid: Regionens hus, den 4 maj 2021 Underskrifter: Sekreterare "
        "Eva Holm Paragraf 12-15 Ordförande Per Dahl",
        "Protokoll 2 (9) Innehållsförteckning Val av justerare 12/21 Fastställelse av "
        "föredragningslista 13/21 Månadsrapport april 2021 14/21 Anmälan av delegationsbeslut 15/21",
        "Protokoll 3 (9) 12/21 Dnr NMD2021-0002 Val av justerare s beslut Att jämte ordföranden "
        "justera dagens protokoll utse Lisa Berg (C).",
        "Protokoll 4 (9) 13/21 Dnr NMD2021-0003 Fastställelse av föredragningslista s beslut Att "
        "fastställa föredragningslistan.",
        "Protokoll 5 (9) 14/21 Dnr NMD2021-0004 Månadsrapport april 2021 s beslut Att godkänna "
        "månadsrapporten, Att överlämna rapporten till regionstyrelsen. Sammanfattning Resultatet "
        "visar ett underskott på 12 miljoner kronor.",
    )
    assert _items(minutes) == [
        ("12", "Val av justerare"),
        ("13", "Fastställelse av föredragningslista"),
        ("14", "Månadsrapport april 2021"),
        ("15", "Anmälan av delegationsbeslut"),
    ]
    clauses = [[c.rstrip(".") for c in d.clauses] for i in minutes.items for d in i.decisions]
    assert clauses == [
        ["jämte ordföranden justera dagens protokoll utse Lisa Berg (C)"],
        ["fastställa föredragningslistan"],
        ["godkänna månadsrapporten", "överlämna rapporten till regionstyrelsen"],
    ]
    # A fraction in the text is no paragraph number: "2/3 av kommunerna" twice in a year's text.
    plain = _text(
        "Protokoll styrgruppen 2021-05-04",
        "1. Läget",
        "2/3 av kommunerna har svarat. 3/21 av enkäterna saknas.",
        "2. Övrigt",
        "Inga övriga frågor.",
    )
    assert [n for n, _ in _items(plain)] == ["1", "2"]


def test_a_proposal_then_enligt_forslag_or_its_own_decision() -> None:
    """'Förslag …' / 'Ordförandens förslag: …' is the proposal and no decision; 'Enligt
    förslag.' (with or without 'Beslut:') adopts it and is the decision, as written; a 'Beslut'
    whose colon the conversion lost labels its sentence ('Beslut Ärendet bordläggs …'); the
    proposal's label ends a title ('… föredragningslistan Förslag …'), and a colon after a
    title's one word does not ('Utlåtande: Ny lag om familjevård') (the layouts of real/items
    165, 166)."""
    minutes = _text(
        "1 AGENDA Agenda för styrelsemöte vid kommunförbundet. Tid: Fredag 10 oktober 2014 "
        "Plats: Förbundskansliet Protokollet framläggs till allmänt påseende",
        "2 PROTOKOLL Beslutande X Eva Holm X Per Dahl Protokolljustering Eva Holm, "
        "mötesordförande Utdragets riktighet intygas: Sid nr 2",
        "3 67 Sammanträdets laglighet och beslutförhet Förslag Sammanträdet förklaras lagligen "
        "sammankallat och beslutfört. Enligt förslag. 68 Godkännande av föredragningslistan "
        "Förslag Föredragningslistan godkänns. Beslut Föredragningslistan godkändes med ett "
        "tillägg. 69 Utlåtande: Ny lag om familjevård Landskapsregeringen har begärt ett "
        "utlåtande. Förslag Styrelsen ger utlåtande enligt bilaga 1. Enligt förslag. 70 "
        "Bolagsbildning Diskussion. Beslut Ärendet bordläggs till nästa möte. Sid nr 3",
        "4 71 Ram för socialvården Socialchefens förslag: Nämnden utökar ramen med 25 000 euro. "
        "Beslut: Enligt socialchefens förslag. 72 Mötets avslutande Ordföranden avslutade "
        "mötet kl. 15.10. Sid nr 4",
    )
    assert [t for _, t in _items(minutes)][:3] == [
        "Sammanträdets laglighet och beslutförhet",
        "Godkännande av föredragningslistan",
        "Utlåtande: Ny lag om familjevård",
    ]
    assert _decisions(minutes) == [
        "Enligt förslag",
        "Beslut Föredragningslistan godkändes med ett tillägg",
        "Enligt förslag",
        "Ärendet bordläggs till nästa möte",
        "Enligt socialchefens förslag",
    ]


def test_a_title_in_capitals_with_a_span_of_years_not_a_file_number() -> None:
    """'81 SKOLSKJUTSAR LÄSÅRET 2017-2018 Skoldirektören …' is an item in capitals (the layout
    of real/items 166); 'SON 2017/27' after a page's number is a file number, no title."""
    minutes = _text(
        "1 KOMMUNEN NÄMNDEN SAMMANTRÄDESPROTOKOLL Ärenden 80-82 Utdragsbestyrkande",
        "2 80 FÖREDRAGNINGSLISTAN Ordförandens förslag: Föredragningslistan godkänns. Beslut: "
        "Enligt förslag. 81 SKOLSKJUTSAR LÄSÅRET 2017-2018 Skoldirektören har tagit fram ett "
        "förslag. Beslut: Enligt förslag. 82 ANMÄLNINGSÄRENDEN Protokollen anmäldes. Beslut: "
        "Antecknas för kännedom.",
    )
    assert [t for _, t in _items(minutes)] == [
        "FÖREDRAGNINGSLISTAN",
        "SKOLSKJUTSAR LÄSÅRET 2017-2018",
        "ANMÄLNINGSÄRENDEN",
    ]
    filed = _text(
        "2 SON 2017/27 Plats och tid Rådhuset, 20 september 2017. Närvarande Beslutande Maria "
        "Berg, ordförande (S) Jonas Ek (C). Utsedd att justera Jonas Ek.",
        "3 SON 2017/27 Register SON 108 SON 109 Information. Hemtjänst i egen regi. Uppdrag "
        "om insatser för barn.",
    )
    assert all("2017/27" not in t for _, t in _items(filed))


def test_the_notes_title_dates_the_meeting_not_the_letterhead() -> None:
    """'Minnesanteckningar från samrådet den 14 april 2016' under a letterhead with the date the
    notes were written alone on its line (the layout of real/items 160): the title's date is
    the meeting's; a labelled 'Datum: …' still is."""
    notes = _text(
        "2016-04-29",
        "Ledningsstaben",
        "Minnesanteckningar från samrådet den 14 april 2016",
        "Närvarande:",
        "Lars Nyqvist",
        "1. Spelberoende",
        "Samrådet diskuterade frågan.",
    )
    assert str(notes.date) == "2016-04-14"
    labelled = _text(
        "Minnesanteckningar från samrådet den 14 april 2016",
        "Datum: 2016-04-15",
        "1. Spelberoende",
        "Samrådet diskuterade frågan.",
    )
    assert str(labelled.date) == "2016-04-15"


def test_a_committees_decision_label_after_its_proposal() -> None:
    """'NN Diarienummer 0412/11 Title … Förslag till beslut X föreslås besluta att … Sociala
    utskottets beslut Sociala utskottet beslutar att …' (the layout of real/items 167): the
    word 'Diarienummer' and its number are no title; after the proposal the committee's label
    (its colon lost) opens the decision again, also before a sentence without a deciding
    verb ('Ärendet återremitteras …')."""
    minutes = _text(
        "1 KOMMUNEN Tid: 9:00 - 12:00 SOCIALA UTSKOTTET Plats: Rodret Ledamöter Eva Holm (m) "
        "Ordförande Justerare BEVIS Justeringen har tillkännagivits via anslag Justerar",
        "2 35 Diarienummer 0412/11 Ekonomisk uppföljning Hemtjänsten har ett underskott i år. "
        "Förslag till beslut Sociala utskottet föreslås besluta att godkänna uppföljningen. "
        "Sociala utskottets beslut Sociala utskottet beslutar att godkänna uppföljningen. 36 "
        "Diarienummer 0460/11 Ansökan om medel Förslag till beslut Sociala utskottet föreslås "
        "besluta att bevilja medlen. Sociala utskottets beslut Ärendet återremitteras till "
        "förvaltningen. Justerare",
    )
    assert _items(minutes) == [("35", "Ekonomisk uppföljning"), ("36", "Ansökan om medel")]
    assert _decisions(minutes) == [
        "Sociala utskottet beslutar att godkänna uppföljningen",
        "Ärendet återremitteras till förvaltningen",
    ]


def test_a_head_with_its_labels_in_a_row_then_their_values() -> None:
    """'Sammanträdesdatum Nr Paragrafer 16.5.2018 7 65-72' (the head of real/items 168): the
    date after the labels that stand in a row is the meeting's."""
    minutes = _text(
        "Sammanträdesdatum Nr Paragrafer 16.5.2018 7 65-72",
        "Plats och tid Kommunkansliet",
        "65 Sammanträdets konstituerande",
        "Föredragningslistan godkänns.",
        "66 Sammanträdets avslutande",
        "Ordföranden avslutade sammanträdet.",
    )
    assert str(minutes.date) == "2018-05-16"


def test_batch23_prose_wrapped_inside_a_sentence_is_no_heading() -> None:
    # Notes kept with a PDF's line breaks: a line ending mid-sentence, the next going on in
    # lower case, is prose, not an unnumbered heading (real/complete 310).
    minutes = _text(
        "Minnesanteckningar från styrgruppen 2016-03-04",
        "Närvarande: Per Holm, Lotta Berg",
        "",
        "Uppföljning av projektet",
        "Per Holm berättar om träffen i kommunen, han beskriver",
        "en tröghet i starten och brist på läkare.",
        "I Storby listas patienterna om men det kan kanske inte vara en modell som",
        "blir styrande.",
        "",
        "Ekonomi",
        "Lotta Berg redovisar läget. Budgeten håller.",
    )
    titles = [title for _, title in _items(minutes)]
    assert "Ekonomi" in titles, titles
    assert not any(t.startswith(("Per Holm", "I Storby")) for t in titles), titles


def test_batch23_genitive_name_before_a_noun_in_te_stays_in_the_title() -> None:
    # 'Kommunförbundet Norrbottens folkhälsoarbete i framtiden' in a flattened agenda: the
    # genitive owns the noun ('-arbete' only looks like a verb in the past), the title goes on
    # (real/complete 312).
    minutes = _text(
        "SAMMANTRÄDESPROTOKOLL Styrelsen",
        "",
        "2 Styrelsen Sida 3 (9) Utsänd föredragningslista 1. Val av justerare 2. "
        "Föredragningslista 3. Delårsredovisning Bilagor: a) PM 4. Förbundet Västlands "
        "folkhälsoarbete i framtiden Bilagor: a) PM 5. Skoldatatek Bilagor: a) PM",
    )
    titles = [title for _, title in _items(minutes)]
    assert any(t.startswith("Förbundet Västlands folkhälsoarbete i framtiden") for t in titles), (
        titles
    )


def test_batch23_agreed_lead_in_over_a_list_decides_each_entry() -> None:
    # '… för kommande års planering. Vi har kommit överens om att:' closing a paragraph, over
    # a bulleted list: each entry is what was agreed (real/complete 313); the sentence before
    # the lead-in stays the item's text.
    minutes = _text(
        "Minnesanteckningar ledningsgruppen 2019-10-08",
        "",
        "1. Samverkansplan",
        "",
        "Underlaget har tagits fram gemensamt. Vi har kommit överens om att:",
        "",
        "  • Byta namn på verksamhetsplanen.",
        "  • Planen ska bygga på gällande lagar.",
        "",
        "2. Övrigt",
        "",
        "Inget att rapportera.",
    )
    decided = " ".join(_decisions(minutes))
    assert "Byta namn på verksamhetsplanen" in decided, decided
    assert "Planen ska bygga på gällande lagar" in decided, decided
    assert "Underlaget har tagits fram gemensamt" in minutes.items[0].text


def test_batch23_agreed_list_in_a_web_summary_without_items_is_kept() -> None:
    # A web summary with no items whose only decision is an agreed list: the text becomes one
    # item so the decisions are stored (real/complete 313).
    minutes = _text(
        "Gruppen 8 oktober",
        "",
        "På gruppens senaste möte talade vi om:",
        "",
        "Samverkan framåt: Underlaget är klart. Vi har kommit överens om att:",
        "",
        "  • Byta namn på verksamhetsplanen.",
        "  • Planen ska bygga på gällande lagar.",
    )
    decided = " ".join(_decisions(minutes))
    assert "Byta namn på verksamhetsplanen" in decided, decided


def test_batch23_topic_before_the_colon_names_the_summary_item() -> None:
    # A web summary headed by the body and the day ('Gruppen 8 oktober'): the item holding the
    # agreed list is named by the topic its paragraph opens with, not by the headline
    # (real/complete 313).
    minutes = _text(
        "Gruppen 8 oktober",
        "",
        "På gruppens senaste möte talade vi om:",
        "",
        "Samverkan framåt: Underlaget är klart. Vi har kommit överens om att:",
        "",
        "  • Byta namn på verksamhetsplanen.",
        "  • Planen ska bygga på gällande lagar.",
    )
    assert [title for _, title in _items(minutes)] == ["Samverkan framåt"]
