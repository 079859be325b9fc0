"""Items, decisions and assignments in the layouts of public minutes outside the corpus
(tests/importer/shapes/items/): each short text of our own comes with what a reader finds in
it. The parser must find exactly those (nothing invented, nothing left out); the texts it does
not read right yet are listed in KNOWN_GAPS, strictly, so a fix has to take its entry out."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedMinutes

SHAPES = Path(__file__).parent / "shapes" / "items"
# stem -> what the parser still gets wrong there.
KNOWN_GAPS: dict[str, str] = {
    "02_beslutar_spaced_att": "flattened text, unnumbered headings, letter-spaced 'A t t'",
}


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"[*_~`]+", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold().rstrip(" .;:,")


def _found(first: ParsedMinutes) -> dict[str, list[Any]]:
    """What all the text's meetings hold, the first and those after it."""
    items, decisions, assignments = [], [], []
    for minutes in (first, *first.following):
        _found_in(minutes, items, decisions, assignments)
    return {"items": items, "decisions": decisions, "assignments": assignments}


def _found_in(
    minutes: ParsedMinutes, items: list[Any], decisions: list[Any], assignments: list[Any]
) -> None:
    for item in minutes.items:
        items.append((_fold(item.number), _fold(item.title)))
        for d in item.decisions:
            decisions.append(_fold(d.text or " ".join([d.phrase, *d.clauses])))
        for a in item.assignments:
            assignments.append((_fold(", ".join(a.assignees)), _fold(a.what)))
    decisions += [_fold(d.text or d.phrase) for d in minutes.decisions]
    assignments += [(_fold(", ".join(a.assignees)), _fold(a.what)) for a in minutes.assignments]


def _same(kind: str, want: Any, got: Any) -> bool:
    if kind == "items":
        return (not want[0] or want[0] == got[0]) and got[1].startswith(want[1])
    if kind == "decisions":
        return want in got
    owner_ok = f" {want[0]} " in f" {got[0]} " or f" {got[0]} " in f" {want[0]} "
    return owner_ok and (want[1] in got[1] or got[1] in want[1])


def _wanted(meetings: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {
        "items": [(_fold(i["number"]), _fold(i["title"])) for m in meetings for i in m["items"]],
        "decisions": [_fold(d["text"]) for m in meetings for d in m["decisions"]],
        "assignments": [
            (_fold(a["owner"]), _fold(a["text"])) for m in meetings for a in m["assignments"]
        ],
    }


def _cases() -> list[Any]:
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(reason=KNOWN_GAPS[path.stem], strict=True)]
            if path.stem in KNOWN_GAPS
            else [],
        )
        for path in sorted(SHAPES.glob("*.txt"))
    ]


def test_every_shape_has_its_expectation_and_source() -> None:
    texts = sorted(SHAPES.glob("*.txt"))
    assert len(texts) >= 12
    for path in texts:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert expected["split"] == "shapes"
        assert expected["source"].startswith("http")
    assert set(KNOWN_GAPS) <= {p.stem for p in texts}


@pytest.mark.parametrize("path", _cases())
def test_item_shape(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    # A document with two meetings is compared as one: the parser must at least find every
    # item, decision and assignment of both, and invent none.
    want = _wanted(expected["meetings"])
    got = _found(parse_minutes(path.read_text(encoding="utf-8"), path.name))
    problems = []
    for kind in ("items", "decisions", "assignments"):
        problems += [
            f"missing {kind}: {w}"
            for w in want[kind]
            if not any(_same(kind, w, g) for g in got[kind])
        ]
        problems += [
            f"extra {kind}: {g}"
            for g in got[kind]
            if not any(_same(kind, w, g) for w in want[kind])
        ]
    assert not problems, "\n".join(problems)


def test_a_second_set_of_minutes_is_a_meeting_of_its_own() -> None:
    """Two minutes in one text: the first meeting's items take nothing of the second, which is
    parsed as a meeting of its own, with a warning (shapes/items 13)."""
    text = (SHAPES / "13_two_meetings.txt").read_text(encoding="utf-8")
    minutes = parse_minutes(text, "13_two_meetings.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Budget"),
    ]
    assert [d.text for d in minutes.decisions] == [
        "Styrelsen beslutade att anta budgeten för 2023."
    ]
    assert "hyresavtalet" not in minutes.leftover_text
    assert any("möte till" in w for w in minutes.warnings)
    (second,) = minutes.following
    assert second.date == dt.date(2023, 2, 12)
    assert [(i.number, i.title) for i in second.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Lokalhyra"),
    ]
    assert [d.text for d in second.decisions] == ["Styrelsen beslutade att säga upp hyresavtalet."]
    assert [p.name for p in second.people] == ["Per A", "Li B"]


def test_a_flattened_protocol_attached_to_a_kallelse_is_its_meeting() -> None:
    """A kallelse whose agenda runs in one flattened line, then the last meeting's protocol
    on a page that opens with its word and lists who decided (corpus 15's layout)."""
    text = (
        "1 Kallelse till sammanträde för Beredningen Tid: Torsdagen den 3 mars 2011 Plats: "
        "Stadshuset Dagordning 1. Val av justerare 2. Dagordning 3. Föregående protokoll "
        "4. Budget 5. Övriga frågor\n\n"
        "2 Enligt uppdrag Anna Berg\n\n"
        "3 SAMMANTRÄDESPROTOKOLL Sida Sammanträdesdatum Beredningen Plats Stadshuset "
        "Beslutande Bo Nilsson, (s), Älvsbyn, Eva Ström, (m), Luleå Övriga deltagande "
        "Ingrid Ek, kansliet\n"
    )
    minutes = parse_minutes(text, "kallelse.txt")
    assert not minutes.people
    (attached,) = minutes.following
    assert {p.name for p in attached.people} >= {"Bo Nilsson", "Eva Ström", "Ingrid Ek"}
    assert attached.date is None  # its own date is lost; the kallelse's is not taken


def test_a_running_page_header_with_attendance_is_no_second_meeting() -> None:
    """A header printed on every page is the same document, even where a page lists people."""
    page = "PROTOKOLL Sida {n} Sammanträdesdatum 2011-03-03 Beredningen"
    text = (
        f"{page.format(n=1)} Beslutande Bo Nilsson (s), Eva Ström (m)\n\n"
        f"{page.format(n=2)} § 1. Budget Beredningen beslutar att anta budgeten. "
        "§ 2. Lokaler Beredningen beslutar att hyra lokalen.\n\n"
        f"{page.format(n=3)} Närvarolista Bo Nilsson Ja Eva Ström Ja\n"
    )
    minutes = parse_minutes(text, "protokoll.txt")
    assert minutes.following == []


def test_a_report_of_the_last_minutes_is_no_second_meeting() -> None:
    minutes = parse_minutes(
        "Protokoll 2021-06-01\n\n§ 13 Dagordning\nGodkändes.\n\n§ 14 Föregående protokoll\n"
        "Återkoppling protokoll 2021-05-07:\n§ 5 Lokalfrågan är löst.\n\n§ 15 Avslut\nKlart.\n"
    )
    assert [i.number for i in minutes.items] == ["13", "14", "15"]
    assert not any("möte till" in w for w in minutes.warnings)


def test_a_body_acting_inside_a_decision_is_its_task() -> None:
    minutes = parse_minutes(
        "Protokoll 2022-03-01\n\n§ 4 Revision\nBeslut att kansliet kontaktar en revisor.\n\n"
        "§ 5 Lokaler\nStyrelsen diskuterar lokalerna. Förvaltningen bokar ofta för stora rum.\n"
    )
    assert [(a.assignees, a.what) for a in minutes.assignments] == [
        (["kansliet"], "kontaktar en revisor")
    ]


def test_letter_spaced_att_clauses_in_a_flattened_line() -> None:
    """A PDF's "A t t" and att-clauses run into one paragraph (the layout of shapes/items 02)."""
    minutes = parse_minutes(
        "Protokoll 2022-03-02\n\n§ 3 Val av arbetsutskott\nGruppen ska välja nytt utskott. "
        "Samrådsgruppen BESLUTAR: A t t mandatperioden fastställes till två år. "
        "A t t utse Per Holm till valberedning.\n\n§ 4 Avslut\nKlart.\n"
    )
    [decision] = minutes.decisions
    assert decision.clauses == [
        # As the prose decisions keep it: the sentence's full stop.
        "mandatperioden fastställes till två år.",
        "utse Per Holm till valberedning.",
    ]


def test_title_and_text_on_one_paragraph_line() -> None:
    """'§N. Title. Text' and '§ N/ Sentence. More.' (the layouts of real/items 02 and 09)."""
    minutes = parse_minutes(
        "Protokoll 2023-05-04\n\n§1. Mötets öppnande. Ordförande öppnar mötet.\n\n"
        "§2. Godkännande av dagordning. Dagordningen godkänns.\n\n"
        "§ 3/ Fastställdes städlistan för våren. Två datum saknas.\n\n"
        "§ 4/ Till justerare valdes Ola\n"
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Godkännande av dagordning"),
        ("3", "Fastställdes städlistan för våren"),
        ("4", "Till justerare valdes Ola"),
    ]
    assert [d.text for d in minutes.decisions] == [
        "Dagordningen godkänns.",
        "Fastställdes städlistan för våren.",
        "Till justerare valdes Ola",
    ]


def test_tasks_in_a_decision_a_passive_with_its_doer_and_a_task_table() -> None:
    """Real/items 05, 06 and 07: 'beslutar att NN representerar …', '… skickas av NN', and a
    task table flattened to 'what WHO WHEN' lines under 'Handlingsplan'."""
    minutes = parse_minutes(
        "Protokoll 2023-05-05\n\n§ 1 Övrigt\nBeslut: Styrelsen beslutar att Anna Berg "
        "representerar föreningen.\nPåminnelse om rapporterna skickas av Ola.\n\n"
        "§ 2 Nästa möte\nHandlingsplan:\nAtt göra Vem gör När\n"
        "1. Prata med kommunen om vägen Pia 25 okt\n2. Boka lokal Helen, Johan nov\n"
    )
    assert [(a.assignees, a.what, a.due_text) for a in minutes.assignments] == [
        (["Anna Berg"], "representerar föreningen", None),
        (["Ola"], "Påminnelse om rapporterna skickas", None),
        (["Pia"], "Prata med kommunen om vägen", "25 okt"),
        (["Helen", "Johan"], "Boka lokal", "nov"),
    ]


def _paragraphs(*paragraphs: str) -> ParsedMinutes:
    """Minutes whose paragraphs are separated by blank lines, as web pages and Word give them."""
    return parse_minutes("\n\n".join(paragraphs) + "\n")


def test_an_earlier_decision_quoted_as_background_assigns_nothing() -> None:
    """'Tidigare beslut / X beslutade den …, § N, att uppdra åt …' (the layout of real/items
    48): the quoted decision's task was given at the earlier meeting; this meeting's is kept."""
    minutes = _paragraphs(
        "Protokoll 2023-02-07",
        "§ 12 Budget\nFörslag till budget bifogas.",
        "Tidigare beslut",
        "Rådet beslutade den 6 december 2022, § 4,",
        "att uppdra åt presidiet att ta fram en budget till nästa möte.",
        "Beslut",
        "Rådet beslutar",
        "att uppdra åt Eva Holm att skicka budgeten till kommunen.",
    )
    assert [(a.assignees, a.what) for a in minutes.assignments] == [
        (["Eva Holm"], "skicka budgeten till kommunen")
    ]
    assert [c for d in minutes.decisions for c in d.clauses] == [
        "uppdra åt Eva Holm att skicka budgeten till kommunen."
    ]


def test_decisions_in_the_head_before_the_first_paragraph() -> None:
    """Justerare and agenda settled in the head, before '§ N' (the layout of real/items 48):
    an unnumbered item before the first paragraph holds them, and a warning says so."""
    minutes = _paragraphs(
        "Protokoll 2023-03-14",
        "Närvarande:\nKarin Lund ordf.\nPer Ek",
        "Till att jämte ordföranden justera protokollet utsågs Per Ek.",
        "Dagordningen godkändes.",
        "Paragrafer: 7-8",
        "§ 7\nBudget\nRådet beslutar att godkänna budgeten.",
        "§ 8\nInformation\nKarin Lund informerar om lokalerna.",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        (None, "Beslut före första paragrafen"),
        ("7", "Budget"),
        ("8", "Information"),
    ]
    assert [d.text for d in minutes.items[0].decisions] == [
        "Till att jämte ordföranden justera protokollet utsågs Per Ek.",
        "Dagordningen godkändes.",
    ]
    assert any("före första paragrafen" in w for w in minutes.warnings)


def test_head_decisions_inside_a_flattened_run_and_the_form_label() -> None:
    """A flattened first page runs names, organisations and the head's sentences into one line
    (real/items 49); the form's 'Utses att justera Name …' label is no decision (real/items 13,
    51)."""
    flat = (
        "1 Närvarande: Karin Lund ordf. Per Ek Lisa Holm Anna Berg Kommunstyrelsen "
        "Omsorgsnämnden Tekniska nämnden Personalavdelningen Till jämte ordföranden justera "
        "protokollet utsågs Lisa Holm. Dagordningen godkändes. Paragrafer: 3-4\n\n"
    )
    minutes = parse_minutes(flat + "§ 3 Budget\nRådet beslutar att godkänna budgeten.\n")
    assert [d.text for d in minutes.items[0].decisions] == [
        "Till jämte ordföranden justera protokollet utsågs Lisa Holm.",
        "Dagordningen godkändes.",
    ]
    form = (
        "Kommunstyrelsen SAMMANTRÄDESPROTOKOLL Plats och tid Kommunhuset Utses att justera "
        "Lisa Holm Justeringens plats och tid Kommunhuset Sekreterare Per Ek Ordförande Karin "
        "Lund Justerande Lisa Holm Paragrafer 3-4\n\n"
    )
    minutes = parse_minutes(form + "§ 3 Budget\nRådet beslutar att godkänna budgeten.\n")
    assert [(i.number, i.title) for i in minutes.items] == [("3", "Budget")]


def test_a_running_page_header_and_the_paragraph_sign_of_flattened_pages() -> None:
    """Each flattened page opens 'N Rådet SAMMANTRÄDESPROTOKOLL N KPR 12 Title Text…' (the
    layout of real/items 50, 51): the page number and header number no items, and the code
    'KPR' before the paragraph number is left out of the text before it (real/items 49)."""
    names = "Karin Lund Per Ek Lisa Holm Anna Berg Olof Dahl Eva Ström Jan Nord Siv Ek Bo Alm"
    pages = [
        f"1 Pensionärsrådet SAMMANTRÄDESPROTOKOLL 1 Plats och tid Rådhuset Beslutande {names} "
        f"Övriga deltagande {names} Utses att justera Per Ek Justeringens plats och tid "
        "Rådhuset Sekreterare Lisa Holm Ordförande Karin Lund Justerande Per Ek",
        "2 Pensionärsrådet SAMMANTRÄDESPROTOKOLL 2 KPR 12 Bostäder för äldre Anna Berg berättar "
        "om planerna för nya trygghetsboenden i kommunen. Två hus byggs under året. Rådet "
        "diskuterar hyrorna och tillgängligheten i husen. Frågan tas upp igen i höst KPR 13 "
        "Färdtjänst Per Ek redovisar väntetiderna.",
        "3 Pensionärsrådet SAMMANTRÄDESPROTOKOLL 3 KPR 14 Övriga frågor Lisa Holm tackar för "
        "året. Rådet önskar alla en god jul och ett gott nytt år. Inga övriga frågor anmäldes "
        "till mötet denna gång.",
    ]
    minutes = parse_minutes("\n\n".join(pages) + "\n")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("12", "Bostäder för äldre"),
        ("13", "Färdtjänst"),
        ("14", "Övriga frågor"),
    ]
    assert minutes.items[0].text.endswith("Frågan tas upp igen i höst")
    # One item a page: the pages' numbers 1, 2, 3 are the longer chain.
    last = pages[2].replace("KPR 14 Övriga frågor", "KPR 13 Färdtjänst")
    minutes = parse_minutes("\n\n".join([pages[0], pages[1].split(" KPR 13")[0], last]))
    assert [(i.number, i.title) for i in minutes.items] == [
        ("12", "Bostäder för äldre"),
        ("13", "Färdtjänst"),
    ]


def test_a_contents_list_with_page_numbers_before_the_paragraph_headings() -> None:
    """'§ N Title page' lines, then the same '§ N Title' headings with their text (the layout
    of real/items 53): the list makes no items; a § it names that no heading follows (the text
    ends before it) is an item without text."""
    minutes = _paragraphs(
        "Protokoll från rådets möte 2 mars 2023",
        "Innehåll",
        "§ 4 Budget för 2024 2\n§ 5 Lokaler 4\n§ 6 Övriga frågor 6",
        "§ 4 Budget för 2024",
        "Rådet beslutar att godkänna budgeten.",
        "§ 5 Lokaler",
        "Karin Lund informerar om lokalerna.",
    )
    assert [(i.number, i.title, i.text) for i in minutes.items] == [
        ("4", "Budget för 2024", "Rådet beslutar att godkänna budgeten."),
        ("5", "Lokaler", "Karin Lund informerar om lokalerna."),
        ("6", "Övriga frågor", ""),
    ]
    assert any("Innehållsförteckningen nämner § 6" in w for w in minutes.warnings)


def test_a_bare_att_clause_after_a_sentence_naming_the_proposals() -> None:
    """'FHR N Title Text … Det har kommit in tre förslag, A, B samt C. att utse A …' (the layout
    of real/items 49): the bare att-clause is the decision; the noun 'förslag' inside the
    sentence before only says what the choice was among. A proposal label before it still
    makes it a proposal."""
    text = (
        "1 Närvarande: Karin Lund ordf. Per Ek Lisa Holm Anna Berg Olof Dahl Eva Ström Jan Nord "
        "Siv Ek Bo Alm Kommunstyrelsen Omsorgsnämnden Tekniska nämnden Personalavdelningen\n\n"
        "2 KPR 7 Kulturpriset Det är dags att utse årets pristagare. Det har kommit in tre "
        "förslag, Eva Ström, ledare för en körgrupp, Jan Nord samt Siv Ek, aktiv i "
        "hembygdsföreningen. att utse Eva Ström till årets kulturpristagare KPR 8 Budget Kansliet "
        "redovisar budgeten. Arbetsutskottets förslag. att godkänna budgeten för nästa år KPR 9 "
        "Avslutning Ordföranden tackar alla för året.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, [c for d in i.decisions for c in d.clauses]) for i in minutes.items] == [
        ("7", ["utse Eva Ström till årets kulturpristagare"]),
        ("8", []),
        ("9", []),
    ]
    # The title ends where a pronoun opens the text's first sentence ('Det är dags …').
    assert [i.title for i in minutes.items] == ["Kulturpriset", "Budget", "Avslutning"]


def test_spaced_att_after_a_lost_subject_and_a_one_word_title() -> None:
    """'N Title beslutar a t t …' in flattened pages (the layout of real/items 68): the spaced
    'a t t' is the word 'att', a one-word title that names no body ends before the lost
    subject's 'beslutar', and abbreviations written with spaces ('t o m') stay as they are."""
    text = (
        "2 RÅDET FÖR SAMVERKAN (8) 7 Inledning Ordföranden hälsar alla välkomna till dagens "
        "möte. Därefter följer en kort presentation av de närvarande ledamöterna. 8 Justering "
        "beslutar a t t utse Olle Berg att jämte ordföranden justera dagens protokoll. 9 "
        "Avtal Kansliet redovisar avtalet. beslutar a t t förlänga avtalet t o m den 31 mars.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("7", "Inledning"),
        ("8", "Justering"),
        ("9", "Avtal"),
    ]
    assert [d.text for i in minutes.items for d in i.decisions] == [
        "beslutar att utse Olle Berg att jämte ordföranden justera dagens protokoll",
        "beslutar att förlänga avtalet t o m den 31 mars",
    ]


def test_pages_numbered_on_with_a_running_header_each_holding_a_paragraph() -> None:
    """'N HEADER N(M) CODE N Dnr Title …' one paragraph a page, the pages numbered from 5 on and
    none of them long (the layout of real/items 69): the shared running header makes them
    pages, the bare 'Dnr' whose number was lost is not part of the title."""
    pages = [
        "5 PROTOKOLL 5(12) KN 31 Dnr Val av justerare Lisa Holm valdes att justera protokollet.",
        "6 PROTOKOLL 6(12) KN 32 Dnr Budget för nästa år Kansliet redovisade förslaget.",
        "7 PROTOKOLL 7(12) KN 33 Dnr Övriga frågor Inga övriga frågor togs upp.",
    ]
    minutes = parse_minutes("Sammanträdesdatum 2023-04-12\n\n" + "\n\n".join(pages) + "\n")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("31", "Val av justerare"),
        ("32", "Budget för nästa år"),
        ("33", "Övriga frågor"),
    ]
    # Numbered paragraphs whose titles differ, or whose like openings are no running header,
    # are items, not pages.
    minutes = parse_minutes("3 Budget\n\nText om budgeten.\n\n4 Lokaler\n\nText.\n\n5 Övrigt\n")
    assert [i.number for i in minutes.items] == ["3", "4", "5"]
    minutes = parse_minutes(
        "3 Information om budgeten\n\nKansliet informerade.\n\n4 Information om lokalerna\n\n"
        "Kansliet informerade.\n\n5 Information om hemsidan\n\nKansliet informerade.\n"
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("3", "Information om budgeten"),
        ("4", "Information om lokalerna"),
        ("5", "Information om hemsidan"),
    ]


def test_a_decision_opening_with_its_infinitive_after_the_title() -> None:
    """'CODE N Dnr Title godkänna …': the body's '… beslutar att' was lost, so the decision
    opens with its infinitive right after the title (the layout of real/items 69). An
    infinitive after 'att' or 'om' belongs to the title."""
    pages = [
        "2 PROTOKOLL 2(9) KN 4 Dnr Meddelanden lägga inkomna meddelanden till handlingarna.",
        "3 PROTOKOLL 3(9) KN 5 Dnr Förslag om att anta riktlinjer anta riktlinjerna för "
        "lokalbokning, samt att uppdra åt kansliet att följa upp dem i höst.",
        "4 PROTOKOLL 4(9) KN 6 Dnr Delårsrapport per den 31 augusti godkänna delårsrapporten.",
    ]
    minutes = parse_minutes("\n\n".join(pages) + "\n")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("4", "Meddelanden"),
        ("5", "Förslag om att anta riktlinjer"),
        ("6", "Delårsrapport per den 31 augusti"),
    ]
    assert [d.text for i in minutes.items for d in i.decisions] == [
        "lägga inkomna meddelanden till handlingarna",
        "anta riktlinjerna för lokalbokning, samt att uppdra åt kansliet att följa upp dem i höst",
        "godkänna delårsrapporten",
    ]
    assert [(a.assignees, a.what) for i in minutes.items for a in i.assignments] == [
        (["kansliet"], "följa upp dem i höst")
    ]


def test_a_decision_after_a_letter_list_and_one_after_a_lost_full_stop() -> None:
    """'N Title Text' with the § sign lost (the layout of real/items 65): 'bilagorna A och B.'
    ends a sentence (the letter labels, it is no initial), and a body's decision that runs on
    after a sentence whose full stop was lost ('… den 4 maj Fullmäktige beslutade …') is one;
    'enligt vad Fullmäktige beslutade' inside a sentence and 'Det antecknades att …' are not."""
    text = (
        "Protokoll Kommunfullmäktige 2022-05-03\n\n"
        "1 PROTOKOLL Kommunfullmäktige 12 Upprop Upprop hölls enligt bilagda listor, bilagorna "
        "A och B. Fullmäktige godkände de anmälda förhindren. 13 Kungörelse Kungörelse sändes "
        "till ledamöterna enligt vad fullmäktige beslutat. Det antecknades att sammanträdet "
        "utlysts i laga ordning. 14 Justering Att jämte ordföranden justera protokollet utsågs "
        "Eva Lind. Protokollet ska justeras senast den 4 maj "
        "Fullmäktige beslutade att ersättare fick tjänstgöra under sammanträdet. 15 Avtal "
        "Avtalet tecknades enligt vad Fullmäktige beslutade om taxan.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("12", "Upprop"),
        ("13", "Kungörelse"),
        ("14", "Justering"),
        ("15", "Avtal"),
    ]
    assert [(i.number, d.text) for i in minutes.items for d in i.decisions] == [
        ("12", "Fullmäktige godkände de anmälda förhindren"),
        ("14", "Att jämte ordföranden justera protokollet utsågs Eva Lind."),
        ("14", "Fullmäktige beslutade att ersättare fick tjänstgöra under sammanträdet"),
    ]


def test_two_paragraphs_numbered_alike_under_capital_section_headings() -> None:
    """'N Title Text' paragraphs in one flattened run, two numbered alike, capital section
    headings between them (the layout of real/items 67): both are items, the headings are no
    item's text, and a title whose last words are capitalised ('insatsen Steget ut') ends before
    the subject nearer the verb ('Styrelsen behandlade')."""
    text = (
        "2 20 Mötets öppnande Ordföranden förklarade mötet öppnat och hälsade alla välkomna. 21 "
        "Val av justerare Till justerare valdes Eva Lind och mötet godkände valet. 21 Budget "
        "Kansliet redovisade budgeten för året och styrelsen diskuterade den. BESLUTSÄRENDEN 22 "
        "Ansökan om medel till projektet Vägen in Styrelsen behandlade ansökan från kommunen. "
        "Styrelsen beslutade att bevilja projektet 100 000 kronor. 23 Övrigt Inga övriga "
        "frågor togs upp.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("20", "Mötets öppnande"),
        ("21", "Val av justerare"),
        ("21", "Budget"),
        ("22", "Ansökan om medel till projektet Vägen in"),
        ("23", "Övrigt"),
    ]
    assert "BESLUTSÄRENDEN" not in minutes.items[2].text
    # A list inside an item repeats no item's number: '3. Ekonomi … 1. … 2. … 3. …' then '4.'.
    minutes = parse_minutes(
        "1. Öppnande\n\nMötet öppnades.\n\n2. Val av justerare\n\nEva Lind valdes.\n\n"
        "3. Ekonomi\n\nVi gick igenom\n\n1. Intäkter\n\n2. Kostnader\n\n3. Resultat\n\n"
        "4. Övrigt\n\nInget.\n"
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Öppnande"),
        ("2", "Val av justerare"),
        ("3", "Ekonomi"),
        ("4", "Övrigt"),
    ]


def _tasks(minutes: ParsedMinutes) -> list[tuple[list[str], str]]:
    return [(a.assignees, a.what) for i in minutes.items for a in i.assignments]


def test_flattened_dash_bullets_after_the_title_and_after_a_full_stop() -> None:
    """'N. Title - Bullet. - Bullet.' in a flattened run (the layout of real/items 92): a spaced
    dash before a capitalised sentence with its verb ends the title, a full stop before a dash
    bullet ends a sentence, and a role in parentheses after an owner's name is no part of it.
    A dash before presenters' names keeps the title whole (real/items 66)."""
    text = (
        "1 Anteckningar från arbetsgruppens möte 2018 Plats: Sundsvall Närvarande: Eva Nordin, "
        "Maria Ljung, Lotta Berg. 2. Regional uppföljning i höst - Jojje (sammankallande) och "
        "Henrik ordnar ett möte för samordnarna. - Dagordningen skickas ut en vecka innan. - Eva "
        "kontaktar Cecilia om samverkan med Skogsstyrelsen. 3. Webbplatsen - Maria uppdaterar "
        "sidan om regionala mål. 4. Arbetsordning - Arbetsordningen fastställdes med ändringarna. "
        "- Lotta skickar ut arbetsordningen till länen. 5. Information från Länsstyrelsen - Anna "
        "Rönn och Jenny Holm Länsstyrelsen berättade om tillsynen.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, i.title) for i in minutes.items][:3] == [
        ("2", "Regional uppföljning i höst"),
        ("3", "Webbplatsen"),
        ("4", "Arbetsordning"),
    ]
    assert minutes.items[3].title.startswith("Information från Länsstyrelsen - Anna Rönn och")
    assert _tasks(minutes) == [
        (["Jojje", "Henrik"], "ordnar ett möte för samordnarna"),
        (["Eva"], "kontaktar Cecilia om samverkan med Skogsstyrelsen"),
        (["Maria"], "uppdaterar sidan om regionala mål"),
        (["Lotta"], "skickar ut arbetsordningen till länen"),
    ]
    assert [c for d in minutes.items[2].decisions for c in d.clauses] == [
        "Arbetsordningen fastställdes med ändringarna."
    ]


def test_tasks_grouped_under_their_owners_names() -> None:
    """'Eva: - Kollar upp … Olof: - Lämnar … - Verkar för …' (the layout of real/items 91):
    each dash bullet under a first name (or 'Alla') is that owner's task, one sentence each;
    the text after a bullet's full stop is the notes' own again. A field label or a topic before
    a dash ('Beslut: - …', 'Ekonomi: - Budgeten håller') names no owner."""
    text = (
        "Närvarande: Eva Nordin, Olof Hedman, Sara Lind\n\n"
        "1. Uppföljning: Genomgång av vårens arbete Alla: - Ser över indikatorerna. Eva: - "
        "Kollar upp frågan om betesmarker. Olof: - Lämnar förslaget till NV. - Verkar för ett "
        "möte i oktober. 2. Tidplan Uppföljningen ska vara klar i december. Sara: - Skickar ut "
        "mallen senast 1 oktober. PASS 2 3. Arbetsformer Petra redogjorde för förra årets "
        "uppdrag.\n"
    )
    minutes = parse_minutes(text)
    assert [i.number for i in minutes.items] == ["1", "2", "3"]
    assert _tasks(minutes) == [
        (["Alla"], "Ser över indikatorerna"),
        (["Eva"], "Kollar upp frågan om betesmarker"),
        (["Olof"], "Lämnar förslaget till NV"),
        (["Olof"], "Verkar för ett möte i oktober"),
        (["Sara"], "Skickar ut mallen"),
    ]
    assert minutes.items[1].assignments[0].due_text == "senast 1 oktober"
    lone = parse_minutes("1. Budget\n\nBeslut: - Budgeten godkändes.\n")
    assert _tasks(lone) == []
    # Topics over their notes are no owners: the bullets open with no verb.
    topics = parse_minutes(
        "1. Läget\n\nEkonomi: - Budgeten håller. Personal: - Två nya har anställts.\n"
    )
    assert _tasks(topics) == []


def test_a_full_name_with_a_verb_of_what_they_will_do_is_a_task() -> None:
    """In the discussion, 'Name Surname undersöker …', '… bjuder in.' are tasks; a particle verb
    split by a companion ('tar tillsammans med Johanna Ek fram …') too (the layout of
    real/items 90). 'Name Surname kontaktar …' and past reports stay none, and a passive in a
    condition ('… om den efterfrågas av gymnasiecheferna', real/items 28) is no task."""
    text = (
        "1. Projekt\n\nAnnika Bengtsson undersöker om Länsstyrelsen kan bidra med en "
        "handläggare. Per Holm kontaktar ofta kommunerna. Eva Lind redovisade läget. Mats Holm "
        "och Sven-Olof Nyberg tar tillsammans med Johanna Ek fram ett program till nästa möte. "
        "Konferensen genomförs om den efterfrågas av gymnasiecheferna.\n\n2. Nästa möte\n\n"
        "Nästa möte hålls i Lund. Gunnar Lindqvist bjuder in.\n"
    )
    assert _tasks(parse_minutes(text)) == [
        (["Annika Bengtsson"], "undersöker om Länsstyrelsen kan bidra med en handläggare"),
        (["Mats Holm", "Sven-Olof Nyberg"], "tar tillsammans med Johanna Ek fram ett program"),
        (["Gunnar Lindqvist"], "bjuder in"),
    ]


def test_numbers_that_count_a_noun_and_titles_opening_with_an_acronym() -> None:
    """In flattened text a number after a counting noun ('… i pass 1. Förhinder: …') or after
    an attachment list's label ('Bilagor: 1. …') is no item; a title may open with an acronym
    compound ('ESF-projektet …') or an acronym and its colon ('VVP: Aktuella åtgärder') (the
    layouts of real/items 90, 91, 94)."""
    text = (
        "1 PROTOKOLL 1 (9) Närvarande: Bengt Alm, Lena Ottosson Deltog på telefon i pass 1. "
        "Förhinder: Birgitta Holm Bilagor: 1. Verksamhetsberättelse VVP: Aktuella åtgärder 3. "
        "Budgetuppföljning\n\n"
        "2 2 (9) 1. Val av justerare Eva Lind utsågs att justera. 2. ESF-projektet Effektiv "
        "tillsyn Johanna Ek berättade om projektet. 3. VVP: Aktuella åtgärder Ulrika Mårtensson "
        "redovisar läget. 4. Övriga frågor Inga.\n"
    )
    assert [(i.number, i.title) for i in parse_minutes(text).items] == [
        ("1", "Val av justerare"),
        ("2", "ESF-projektet Effektiv tillsyn"),
        ("3", "VVP: Aktuella åtgärder"),
        ("4", "Övriga frågor Inga"),
    ]


def test_lines_wrapped_by_a_pdf_rendering_are_one_sentence() -> None:
    """A long line without a closing stop whose next line goes on in lower case (an HTML
    rendering of a PDF, the layout of real/items 95) is one sentence: '… till Malin K' / 'att
    det är önskvärt …' is a task, not a bare att-decision; a short lead over 'att …' is not
    joined."""
    text = (
        "Minnesanteckningar från enhetsmöte 2021-10-14 \n"
        "Närvarande: Malin, Sofia, Lena \n"
        "Föregående minnesanteckningar \n"
        "•  Avdelningsmöte 7 respektive 8 oktober. Malin ska framföra till Malin K \n"
        "att det är önskvärt med mer tid för frågor och diskussion. \n"
        "•  Frågan ställs om vi vill ha information om OneNote. Alla funderar på vad vi vill ta upp och \n"
        "mejlar till Malin. \n"
        "Info \n"
        "•  En kurs i statistik ges i november. \n"
    )
    minutes = parse_minutes(text)
    assert [i.title for i in minutes.items] == ["Föregående minnesanteckningar", "Info"]
    assert not [d for i in minutes.items for d in i.decisions]
    assert _tasks(minutes) == [
        (
            ["Malin"],
            "framföra till Malin K att det är önskvärt med mer tid för frågor och diskussion",
        ),
        (["Alla"], "funderar på vad vi vill ta upp och mejlar till Malin"),
    ]


def test_a_heading_over_a_date_alone_and_a_sub_heading_run_into_its_task() -> None:
    """'Nästa möte' over '21 oktober 2021' after the notes' other headings is an item and gives
    the next meeting; the title over the meeting's own date is none (the layout of real/items
    95). A flattened sub-heading without a verb runs into the sentence naming the owner:
    'Kalkning av biflöden Hanna kommer att sammankalla …' (the layout of real/items 93)."""
    text = (
        "Minnesanteckningar från enhetsmöte \n2021-10-14 \nNärvarande:  \n"
        "Malin, Sofia och Noor \n(sekreterare) \nFöregående minnesanteckningar \n"
        "Gicks igenom och kommentarer och åtgärder återfinns under rubrikerna nedan.\n"
        "Info\n•  Malin ska kolla upp om det finns en kurs i statistik i Östersund i höst.\n"
        "Nästa möte\n21 oktober 2021\n"
    )
    minutes = parse_minutes(text)
    assert [i.title for i in minutes.items] == [
        "Föregående minnesanteckningar",
        "Info",
        "Nästa möte",
    ]
    assert minutes.next_meeting is not None
    assert minutes.next_meeting.date == dt.date(2021, 10, 21)
    flat = parse_minutes(
        "1 Ekonomi Inget nytt sedan förra mötet. 2 Delprojekten Delprojekt 1: Kalkning av "
        "biflöden Hanna kommer att sammankalla arbetsgruppen. Lena Berg har börjat titta på "
        "kartorna. 3 Nästa möte Sofia bokar lokal.\n"
    )
    assert _tasks(flat) == [
        (["Hanna"], "sammankalla arbetsgruppen"),
        (["Sofia"], "bokar lokal"),
    ]


def test_bullets_under_a_decisions_section_that_opens_the_notes() -> None:
    """Notes that open with the meeting's decisions ('… Besluten: I Uppföljning' before the
    first item, the layout of real/items 92): a dash bullet that hands out no task is a decision,
    one that names its doer a task. Without that label the same bullet is only text."""
    body = (
        "2. Regional uppföljning - Henrik ordnar ett möte för samordnarna. - Dagordningen "
        "skickas ut en vecka innan. 3. Arbetsordning - Arbetsordningen fastställdes. - Lotta "
        "skickar ut arbetsordningen.\n"
    )
    head = "1 Anteckningarna inleds med mötets beslut. Besluten: I Uppföljning och utvärdering "
    minutes = parse_minutes(head + body)
    assert [c for i in minutes.items for d in i.decisions for c in d.clauses] == [
        "Dagordningen skickas ut en vecka innan",
        "Arbetsordningen fastställdes.",
    ]
    assert _tasks(minutes) == [
        (["Henrik"], "ordnar ett möte för samordnarna"),
        (["Lotta"], "skickar ut arbetsordningen"),
    ]
    plain = parse_minutes("1 Anteckningar från mötet Plats: Sundsvall " + body)
    assert [c for i in plain.items for d in i.decisions for c in d.clauses] == [
        "Arbetsordningen fastställdes."
    ]


# A kommun's protocol converted from PDF to Markdown (the layout of real/formats 72, 73): front
# matter, page comments, a running header on every page, a contents list whose '§ N Dnr …'
# lines have their titles below, wrapped, ending in dot leaders and the page; then the
# paragraphs, '§ N   Dnr …' over the title.
DNR_PROTOCOL = """\
---
kommun: exempelby
organ: tekniska-nämnden
datum: 2025-04-08
---

<!-- sida 1 -->

EXEMPELBY KOMMUN                 SAMMANTRÄDESPROTOKOLL
Tekniska nämnden
Datum
2025-04-08

<!-- sida 2 -->

EXEMPELBY KOMMUN                 SAMMANTRÄDESPROTOKOLL          2 (9)
Tekniska nämnden
Datum
2025-04-08

Innehåll

§ 41 Dnr TN-2025-00012
Val av justerare ........................................................ 3

§ 42 Dnr TN-2025-00140
Upphandling av vinterväghållning för de östra
kommundelarna ........................................................... 4

§ 43 Dnr TN-2025-00151
Taxa för parkering - ändring av
avgifterna .. 7

§ 44 Dnr TN-2024-00977

Svar på medborgarförslag om fler bänkar vid ån ............ 8

<!-- sida 3 -->

EXEMPELBY KOMMUN                 SAMMANTRÄDESPROTOKOLL          3 (9)
Tekniska nämnden
Datum
2025-04-08

§ 41                      Dnr TN-2025-00012
Val av justerare

Beslut
Nämnden utser Lars Holm att justera protokollet.

<!-- sida 4 -->

EXEMPELBY KOMMUN                 SAMMANTRÄDESPROTOKOLL          4 (9)
Tekniska nämnden
Datum
2025-04-08

§ 42                      Dnr TN-2025-00140
Upphandling av vinterväghållning för de östra
kommundelarna

Beslut
Tekniska nämnden godkänner förfrågningsunderlaget för upphandling av
vinterväghållning.

Kontraktet ska gälla i tre år med möjlighet till förlängning.

Sammanfattning av ärendet
Förvaltningen har tagit fram ett underlag. Nuvarande avtal löper ut i oktober.
"""


def test_paragraphs_with_the_file_number_on_the_paragraph_line_and_a_contents_list() -> None:
    """'§ N Dnr …' with the title on the next line (wrapped: the line after carries it on), the
    contents list's entries with dot leaders make no items of their own but the §s the text
    never heads (it was cut short), and the running header and page comments make none."""
    from dialogs.importer.readers import read_bytes

    read = read_bytes(DNR_PROTOCOL.encode(), "protokoll.txt")
    minutes = parse_minutes(read.text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("41", "Val av justerare"),
        ("42", "Upphandling av vinterväghållning för de östra kommundelarna"),
        ("43", "Taxa för parkering - ändring av avgifterna"),
        ("44", "Svar på medborgarförslag om fler bänkar vid ån"),
    ]
    # The title's lines are no text of the item, nor is the running header of the next page.
    assert minutes.items[0].text == ""
    assert minutes.items[1].text == (
        "Sammanfattning av ärendet\nFörvaltningen har tagit fram ett underlag. Nuvarande avtal "
        "löper ut i oktober."
    )
    # Under 'Beslut': the sentence wrapped over two lines, and the paragraph after it up to the
    # next section heading.
    assert [d.text for d in minutes.items[1].decisions] == [
        "Beslut\nTekniska nämnden godkänner förfrågningsunderlaget för upphandling av "
        "vinterväghållning.\nKontraktet ska gälla i tre år med möjlighet till förlängning."
    ]
    assert [i.text for i in minutes.items[2:]] == ["", ""]


def test_a_dnr_line_of_its_own_and_a_bare_paragraph_sign() -> None:
    """'§ 5' over 'Dnr 2024/118' over the title: the title is the next line that is no file
    number; a bare '§ 6.' over a sentence keeps its own reading (the sentence's start)."""
    minutes = _paragraphs(
        "Protokoll styrelsen 2024-09-12",
        "§ 5\nDnr 2024/118\nÅrsredovisning för 2023\n\nBeslut\nStyrelsen godkänner årsredovisningen.",
        "§ 6.\nTill att justera protokollet valdes Eva Lind.",
    )
    assert [(i.number, i.title) for i in minutes.items][:1] == [("5", "Årsredovisning för 2023")]
    assert minutes.items[1].title.startswith("Till att justera protokollet")


def test_a_plain_decision_paragraph_without_a_closing_heading_stays_one_sentence() -> None:
    """Under 'Beslut' a plain sentence is the decision; the prose after it that runs on to the
    item's end with no section heading closing it is the item's text, not more decisions."""
    minutes = _paragraphs(
        "Protokoll styrelsen 2024-09-12",
        "§ 7 Lokaler\n\nBeslut\nStyrelsen hyr lokalen på Storgatan.",
        "Ordföranden berättade om visningen. Flera hade synpunkter på ventilationen.",
        "§ 8 Övrigt\nInga övriga frågor.",
    )
    assert [d.text for d in minutes.items[0].decisions] == [
        "Beslut\nStyrelsen hyr lokalen på Storgatan."
    ]


def test_a_portal_bullet_holding_only_the_number_takes_the_title_below() -> None:
    """A meeting portal writes each item as a bullet with its number alone, the title on the
    next line and the text in a bullet after it (the layout of real/items 111, 115); a
    numbered list of questions inside an item's bullet stays its text."""
    text = (
        "Möte 2023-05-23\n\nUtvecklingsutskottet\n"
        " •   1\n\n  Val av justerare\n\n"
        " •   2\n\n  Frågor från ledamöterna\n\n"
        " • 1. Eva Lund (L) frågar hur väntetiderna har utvecklats.\n\n"
        "   2. Per Ek (M) frågar om avtalet.\n\n"
        " •   3\n\n  Projekt Besöksnäring\n\n"
        " • Regionen söker stöd för projektet.\n\n  Beslut\n\n"
        "  Utvecklingsutskottet beslutar att bevilja projektet stöd med högst 300 000 kronor.\n"
    )
    minutes = parse_minutes(text)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Val av justerare"),
        ("2", "Frågor från ledamöterna"),
        ("3", "Projekt Besöksnäring"),
    ]
    assert [d.text.split("\n")[-1] for d in minutes.items[2].decisions] == [
        "Utvecklingsutskottet beslutar att bevilja projektet stöd med högst 300 000 kronor."
    ]
    assert minutes.items[1].decisions == []


def test_a_forum_decides_and_ansvar_names_the_owner_of_the_sentence_before() -> None:
    """'Forumet ställer sig bakom …' is the meeting body deciding; 'Ansvar: X.' after a
    sentence makes it X's task, as 'Ansvarig: X' does (the layout of real/items 110). A unit's
    'återkommer med … i december' has its time set, as '… till nästa möte' does, while
    'Förvaltningen bokar ofta …' stays a habit (the layout of real/items 113)."""
    flat = parse_minutes(
        "MINNESANTECKNINGAR Forum för regional utveckling Tid: Torsdagen den 12 november "
        "klockan 13:00 Plats: Härnösand\n\n2 2 1 Mötets öppnande Ordförande Anders Nyberg "
        "hälsade välkommen. 2 Tillväxtprogram Helena Byström redovisar uppföljningen. Forumet "
        "ställer sig bakom inriktningen för uppföljningen. 3 Kompetens Cecilia Forsberg berättar "
        "om plattformen. Ett seminarium i mars förbereds. Ansvar: Cecilia Forsberg. 4 Övriga "
        "frågor Inga övriga frågor anmäldes.\n"
    )
    assert [(i.number, [d.text for d in i.decisions]) for i in flat.items] == [
        ("1", []),
        ("2", ["Forumet ställer sig bakom inriktningen för uppföljningen"]),
        ("3", []),
        ("4", []),
    ]
    assert _tasks(flat) == [(["Cecilia Forsberg"], "Ett seminarium i mars förbereds")]
    paged = _paragraphs(
        "Protokoll regionstyrelsen 2017-04-19",
        "§ 26",
        "Regional handlingsplan för kompetensförsörjning",
        "Regionstyrelsen beslutar",
        "att anta regional handlingsplan för kompetensförsörjning.",
        "Utvecklingsavdelningen återkommer med en första uppföljning av handlingsplanen i december.",
        "§ 27",
        "Information",
        "Förvaltningen bokar ofta lokaler i Karlskrona.",
    )
    assert _tasks(paged) == [
        (
            ["Utvecklingsavdelningen"],
            "återkommer med en första uppföljning av handlingsplanen i december",
        )
    ]


def test_pages_whose_paragraph_number_and_file_number_were_lost() -> None:
    """One paragraph a page, each opening with the page number, the running header and an
    emptied '(Dnr , )' (the layout of real/items 112): every page is an unnumbered item whose
    title ends at its full stop or where the page's first sentence starts; the head's page is
    none."""
    minutes = _paragraphs(
        "1 Arbetsutskottet (19) Plats och tid Förbundskansliet, Lund Närvarande Ledamöter "
        "Gunnar Dahl (m), ordförande",
        "2 Arbetsutskottet (Dnr ) Plats för sammanträdet Arbetsutskottet beslutar att "
        "sammanträdet hålles på förbundskansliet.",
        "3 Arbetsutskottet (Dnr , ) Ekonomisk rapport. Rapporten t.o.m. december föreligger. "
        "Arbetsutskottet beslutar att lägga rapporten till handlingarna.",
        "4 Arbetsutskottet (Dnr ) Nästa sammanträde Arbetsutskottet beslutar att nästa "
        "sammanträde hålles den 13 mars.",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        (None, "Plats för sammanträdet"),
        (None, "Ekonomisk rapport"),
        (None, "Nästa sammanträde"),
    ]
    assert [len(i.decisions) for i in minutes.items] == [1, 1, 1]


def test_a_plan_as_the_topic_is_read_as_prose_and_a_task_list_as_entries() -> None:
    """An item titled 'Handlingsplan' whose text is prose is a plan as the topic: a body's timed
    task in it is read ('Länsstyrelsen återkommer med … till nästa möte'); under a task-list
    title entries with an owner stay the tasks and ownerless ones name nobody."""

    def tasks(title: str, body: str) -> list[tuple[list[str], str]]:
        minutes = parse_minutes(
            f"Minnesanteckningar 2017-04-19\n\n1. Tillväxt\nHelena redovisar.\n\n"
            f"2. {title}\n{body}\n\n3. Övrigt\nInget.\n"
        )
        return [(a.assignees, a.what) for a in minutes.items[1].assignments]

    assert tasks(
        "Handlingsplan",
        "Planen har tagits fram med kommunerna. Länsstyrelsen återkommer med en uppföljning "
        "till nästa möte.",
    ) == [(["Länsstyrelsen"], "återkommer med en uppföljning")]
    assert tasks("Att göra", "- Boka lokal\n- Skicka kallelsen till alla") == []
    assert tasks("Åtgärder", "- Eva bokar lokal\n- Per skickar kallelsen") == [
        (["Eva"], "bokar lokal"),
        (["Per"], "skickar kallelsen"),
    ]


def test_an_attachment_list_in_a_flattened_head_is_no_items_and_sub_points_are() -> None:
    """A flattened head lists 'Bilagor: 1. … 5.' (one number lost in the conversion) before the
    minutes' own '1 Formalia … 1.1 … 1.2 …' (the layout of real/items 155): the papers are no
    items, the sections and their sub-points are, and a page number printed after docplayer's
    ('3 3 …') is none."""
    minutes = _paragraphs(
        "1 1 PROTOKOLL FÖRT VID RÅDETS STYRELSEMÖTE DEN 3 MARS 2015",
        "2 2 Förslag till dagordning Datum: Tisdagen den 3 mars 2015 Plats: Stadshuset "
        "Närvarande: Karin Berg, ordförande Olle Lund Bilagor: 1. Budgetuppföljning januari "
        "Remissvar om kollektivtrafiken 3. Ang. valberedningen 4. Verksamhetsplan 2016 "
        "5. Inbjudan till länsträffen Ärende Beslut 1 Formalia Ordföranden öppnade mötet och "
        "hälsade alla välkomna till stadshuset.",
        "3 3 1.1 Val av justerare Att utse Olle Lund att justera protokollet 1.2 Dagordning "
        "Att godkänna dagordningen 2 Ekonomi Kassören gav en kort lägesbild för alla. "
        "2.1 Budgetuppföljning Rapporten visar ett mindre överskott mot budgeten. Att lägga "
        "rapporten till handlingarna 3 Remissvar Förslaget till svar diskuterades länge av "
        "styrelsen. Förslaget antogs.",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Formalia"),
        ("1.1", "Val av justerare"),
        ("1.2", "Dagordning"),
        ("2", "Ekonomi"),
        ("2.1", "Budgetuppföljning"),
        ("3", "Remissvar"),
    ]


def test_flattened_capital_titles_may_hold_a_short_word_or_a_year() -> None:
    """'4. VERKSAMHETSPLAN FÖR 2016 En plan …', '5. MÖTE I HÖST Anders …' (the layout of
    real/items 151) are items; the page number and paragraph sign before 'FHR 1 Title' are not
    a title in capitals (real/items 38)."""
    minutes = _paragraphs(
        "1 SJÖNS VATTENRÅD Protokoll NÄRVARANDE Eva Holm Per Dahl 1. MÖTETS ÖPPNANDE "
        "Ordförande Eva Holm förklarade mötet öppnat. 2. VAL AV JUSTERARE Per Dahl valdes "
        "som justerare. 3. FÖREGÅENDE PROTOKOLL Protokollet godkändes och lades till "
        "handlingarna. 4. VERKSAMHETSPLAN FÖR 2016 En plan för året har sammanställts och "
        "gicks igenom punkt för punkt.",
        "2 SJÖNS 5. MÖTE I HÖST Anders redogjorde för planeringen av höstens möte. 6. ÖVRIGA "
        "FRÅGOR Inga övriga frågor anmäldes till mötet. Vid protokollet Per Dahl",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "MÖTETS ÖPPNANDE"),
        ("2", "VAL AV JUSTERARE"),
        ("3", "FÖREGÅENDE PROTOKOLL"),
        ("4", "VERKSAMHETSPLAN FÖR 2016"),
        ("5", "MÖTE I HÖST"),
        ("6", "ÖVRIGA FRÅGOR"),
    ]


def test_numbered_sentences_without_titles_keep_their_first_sentence() -> None:
    """A flattened run of points 'N. sentence' with no title (the layout of real/items 153):
    each title is the first sentence, whole when it opens with its verb in the past, an
    abbreviation ('Ordf.') and a given name before a surname do not end it."""
    minutes = _paragraphs(
        "Protokoll styrelsemöte 3 Plats: Bygdegården Närvarande: Anna Berg, Per Holm, Eva Lind. "
        "1. Ordf. hälsade alla välkomna och förklarade mötet öppnat. 2. Karin Dahl valdes att "
        "jämte ordförande justera dagens protokoll. 3. Dagordningen godkändes med tillägg av en "
        "fråga om hemsidan under punkt 7 i dagordningen. 4. Konstaterades att mötet var "
        "beslutsmässigt med nio ordinarie ledamöter och tre suppleanter. 5. Nästa möte hålls "
        "den 4 maj i bygdegården.",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Ordf. hälsade alla välkomna och förklarade mötet öppnat"),
        ("2", "Karin Dahl valdes att jämte ordförande justera dagens protokoll"),
        (
            "3",
            "Dagordningen godkändes med tillägg av en fråga om hemsidan under punkt 7 i "
            "dagordningen",
        ),
        (
            "4",
            "Konstaterades att mötet var beslutsmässigt med nio ordinarie ledamöter och tre "
            "suppleanter",
        ),
        ("5", "Nästa möte hålls den 4 maj i bygdegården"),
    ]
    # A participle opening a title is its adjective, not a point's verb: the title is not
    # taken to the sentence's end.
    planned = _paragraphs(
        "Protokoll 1. Mötets öppnande Ordföranden öppnade mötet och hälsade alla välkomna. "
        "2. Planerade aktiviteter för hösten och vintern i samverkan med kommunerna och "
        "regionen i länet. Kansliet redogjorde för planen.",
    )
    assert not planned.items[1].title.endswith("i länet")


def test_a_flattened_title_ends_where_its_text_takes_up_its_noun() -> None:
    """'Stämman 2016 Stämman hålls …', 'Information från grupperna Grupperna …' (the layout of
    real/items 150): the text's first word repeats a noun of the title, the same or in its
    definite form, and starts the text."""
    minutes = _paragraphs(
        "1 Nr 1/2016 Sida 1/3 Förbundet Protokoll 1. Mötets öppnande Ordföranden hälsade alla "
        "välkomna och öppnade mötet. 2. Information från grupperna Grupperna för fisk och "
        "vattenkvalitet redovisade kort sitt arbete. 3. Stämman 2016 Stämman hålls den 24 maj i "
        "Motala. 4. Ekonomisk rapport för halvåret Rapporten visar ett litet överskott.",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Information från grupperna"),
        ("3", "Stämman 2016"),
        ("4", "Ekonomisk rapport för halvåret"),
    ]


def test_a_flattened_contents_list_gives_whole_titles_and_starts_no_items() -> None:
    """A contents list with no 'Innehållsförteckning' heading, its entries ending in leaders and
    a page number, before one paragraph a page (the layout of real/items 152): the paragraphs
    are the items, a title cut at its colon is made whole from the list, an item the list names
    after the last paragraph is kept; a numbered att-list under a lead-in that does not decide
    is no decision, a 'Beslut:' label inside the run labels its sentence."""
    minutes = _paragraphs(
        "1(6) Plats och tid Kommunhuset 09.00-11.00 Beslutande Eva Holm (S) Per Dahl (M) "
        "Paragrafer 11 -- 14 Sekreterare Anna Lind",
        "2(6) Arbetsutskottet Ärendelista 11 Dnr KS 2020/10 Information... 3 12 Dnr KS "
        "2020/22 Svar på motion: Fler laddstolpar i centrum... 4 13 Dnr KS 2020/31 Remiss om "
        "länsplanen... 5 14 Dnr KS 2020/40 Sammanträdesplan 2021... 6",
        "3(6) Arbetsutskottet 11 Dnr KS 2020/10 Information Kommunchefen informerar om läget i "
        "lokalfrågan och om rekryteringen. Arbetsutskottet noterar informationen. Justerare",
        "4(6) Arbetsutskottet 12 Dnr KS 2020/22 Svar på motion: Fler laddstolpar i centrum "
        "Ärendebeskrivning En motion föreslår fler laddstolpar i centrum. Förvaltningen har "
        "sett över behovet. Beslut: Motionen anses besvarad. Justerare",
        "5(6) Arbetsutskottet 13 Dnr KS 2020/31 Remiss om länsplanen Ärendebeskrivning "
        "Förvaltningen har tagit fram ett yttrande där kommunen framför: 1. att banan måste "
        "rustas, 2. att väg 50 bör prioriteras, 3. att busshållplatserna bör bli fler. "
        "Arbetsutskottets beslut Yttrandet antas som kommunens svar. Justerare",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("11", "Information"),
        ("12", "Svar på motion: Fler laddstolpar i centrum"),
        ("13", "Remiss om länsplanen"),
        ("14", "Sammanträdesplan 2021"),
    ]
    decided = [d.text for i in minutes.items for d in i.decisions]
    assert any("Motionen anses besvarad" in d for d in decided)
    assert not any("väg 50" in d or "busshållplatserna" in d for d in decided)
    assert any("Yttrandet antas" in d for d in decided)


def test_a_numbered_list_under_a_decision_label_and_a_deciding_sentence_point() -> None:
    """'Nämndens beslut 1. … 2. Ärendet överlämnas …' in a flattened run (the layout of
    real/items 152): each entry is a decision, and the numbered Beslutsunderlag before it is
    none; a point with no title that opens 'Beslöts att …' keeps that decision besides those
    of its text (real/items 153)."""
    minutes = _paragraphs(
        "3(9) Nämnden 21 Dnr SN 2021/4 Årsredovisning 2020 Ärendebeskrivning Resultatet är "
        "positivt och balanskravet är uppfyllt. Beslutsunderlag 1. Tjänsteskrivelse "
        "2021-02-01 2. Årsredovisning 2020 Nämndens beslut 1. Nämnden godkänner "
        "årsredovisningen. 2. Ärendet överlämnas till kommunstyrelsen. Justerare",
        "4(9) Nämnden 22 Dnr SN 2021/9 Sammanträdesplan Ärendebeskrivning Ett förslag till "
        "plan för hösten har tagits fram av kansliet. Nämndens beslut Förslaget godkänns. "
        "Justerare",
    )
    decided = [d.text.rstrip(".") for d in minutes.items[0].decisions]
    assert decided == [
        "Nämnden godkänner årsredovisningen",
        "Ärendet överlämnas till kommunstyrelsen",
    ]
    points = _paragraphs(
        "Protokoll styrelsemöte 4 Plats: Bygdegården Närvarande: Anna Berg, Per Holm. 1. Ordf. "
        "hälsade alla välkomna och förklarade mötet öppnat. 2. Beslöts att kassören får "
        "attestera utbetalningar upp till 5 000 kr. Beslöts att firman tecknas av ordföranden "
        "och kassören var för sig. 3. Nästa möte hålls den 4 maj i bygdegården.",
    )
    assert [d.text.rstrip(".") for d in points.items[1].decisions] == [
        "Beslöts att kassören får attestera utbetalningar upp till 5 000 kr",
        "Beslöts att firman tecknas av ordföranden och kassören var för sig",
    ]


def test_a_page_that_opens_with_its_own_number_keeps_that_item() -> None:
    """'2 2 Title' is docplayer's and the printed page number only where pages open so more
    than once; a single page whose first item has the page's number keeps it."""
    minutes = _paragraphs(
        "Protokoll",
        "1 Styrelsen Protokoll 1 Mötets öppnande Ordföranden öppnade mötet och hälsade alla "
        "välkomna till dagens möte i stadshuset. Dagordningen godkändes utan ändringar.",
        "2 2 Ekonomi Kassören redogjorde för ekonomin och resultatet som är bättre än väntat. "
        "Styrelsen godkände rapporten. 3 Övrigt Inga övriga frågor anmäldes till mötet.",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Ekonomi"),
        ("3", "Övrigt"),
    ]


def test_a_contents_list_before_one_paragraph_and_names_said_again() -> None:
    """A contents list with leaders, then one paragraph whose text opens with a numbered
    decision (the layout of real/attendance 38): the paragraph is an item titled as the list
    has it, and the list's later entries are kept. A name said again in a flattened title
    ('… ersätter Sara Lund (C)') and a title named inside parentheses end no title early."""
    minutes = _paragraphs(
        "1 Plats och tid Stadshuset 13:30-16:00 Beslutande: Eva Holm (S), ordförande, Per Dahl, "
        "FUB Justerare Utdragsbestyrkande 1",
        "2 Innehåll 35 Tillgänglighetspriset 2020... 3 36 Utbildning i universell "
        "utformning... 4 37 Mötesplan 2021... 5 Justerare Utdragsbestyrkande 2",
        "35 Tillgänglighetspriset 2020 1. Tillgänglighetspriset 2020 tilldelas biblioteket i "
        "Bergby. Rådet delar varje år ut ett pris till en verksamhet som blivit tillgänglig. "
        "Justerare Utdragsbestyrkande 3",
    )
    assert [(i.number, i.title) for i in minutes.items] == [
        ("35", "Tillgänglighetspriset 2020"),
        ("36", "Utbildning i universell utformning"),
        ("37", "Mötesplan 2021"),
    ]
    flat = _paragraphs(
        "1 Rådet Protokoll 1. Mötets öppnande Ordföranden hälsade alla välkomna och öppnade "
        "mötet. 2. Lägesrapport ekonomi (Se underlag Lägesrapport ekonomi ) Utbetalningarna "
        "har släpat efter i år. 3. Val av ledamot Marita Grahn (C) ersätter Sara Lund (C) "
        "under året. 4. Övrigt Inga övriga frågor anmäldes.",
    )
    titles = [i.title for i in flat.items]
    assert not titles[1].endswith("(Se underlag")
    assert not titles[2].endswith("ersätter Sara")


@pytest.mark.parametrize(
    "subject",
    ["Regionens samverkansråd", "Regionstyrelsens arbetsutskott", "NSVO:s ledningsgrupp"],
)
def test_a_body_owned_in_the_genitive_decides(subject: str) -> None:
    """After an owner's genitive a Swedish noun takes no definite ending ("Regionens
    samverkansråd", not "samverkansrådet"): the body still decides, where the minutes name no
    body of their own to compare it with. A possessive pronoun owns no body."""
    text = f"Protokoll 2023-05-29\n\n§ 31 Handlingsplan\n{subject} beslutar att godkänna planen.\n"
    (item,) = parse_minutes(text).items
    assert [d.text for d in item.decisions] == [f"{subject} beslutar att godkänna planen."]
    other = "Protokoll 2023-05-29\n\n§ 31 Handlingsplan\nDeras grupp beslutar att vänta.\n"
    assert parse_minutes(other).items[0].decisions == []


def test_decisions_worded_without_a_decision_verb_of_the_meeting() -> None:
    """Real/items 251, 253, 254, 256: 'omvaldes', 'bibehålles', 'hänsköts', 'Mötet bestämde
    att …', a board's 'stödjer', 'Även beslut att …', and a '§ N.' sentence title that elects
    over a second paragraph. A present 'omväljs' after a yrkande stays a proposal's wording
    (real/items 47), and 'läggs till handlingarna' stays the item's outcome (shapes/items 03)."""
    minutes = parse_minutes(
        "Protokoll 2011-04-09\n\n"
        "§ 2. Till ordförande för mötet valdes Per Ek och till sekreterare Ola Berg.\n\n"
        "Till protokolljusterare valdes Eva Lund.\n\n"
        "§ 6. De ledamöter som står i tur att avgå, Ann Ek och Bo Lind, omvaldes.\n\n"
        "Övriga ledamöter är Stig Holm.\n\n"
        "§ 7. Hyran för stugan bibehålles oförändrad.\n\n"
        "§ 8. Beträffande vandringen hänsköts frågan till styrelsen. Mötet bestämde att vi ska "
        "ordna ett kalas den 4 augusti.\n\n"
        "§ 9. Motioner diskuterades.\n\nStyrelsen stödjer motion om hemsidan\n\n"
        "§ 10. Vi gick igenom priset. Även beslut att vi tar upp en kollekt i augusti.\n\n"
        "§ 11. Föregående protokoll läggs till handlingarna.\n"
    )
    texts = [d.text.rstrip(".") for d in minutes.decisions]
    assert "Till ordförande för mötet valdes Per Ek och till sekreterare Ola Berg" in texts
    assert "Till protokolljusterare valdes Eva Lund" in texts
    assert "De ledamöter som står i tur att avgå, Ann Ek och Bo Lind, omvaldes" in texts
    assert "Hyran för stugan bibehålles oförändrad" in texts
    assert "Beträffande vandringen hänsköts frågan till styrelsen" in texts
    assert any(t.startswith("Mötet bestämde att vi ska ordna") for t in texts)
    assert "Styrelsen stödjer motion om hemsidan" in texts
    assert any("vi tar upp en kollekt i augusti" in t for t in texts)
    assert not any("handlingarna" in t for t in texts)
    proposal = parse_minutes(
        "Protokoll 2001-02-12\n\n§ 16 Val av ledamot\nYrkande Ek, s: Bo Arvidsson omväljs som "
        "ledamot.\n"
    )
    assert proposal.decisions == []


def test_a_flattened_title_ends_before_its_bare_decision() -> None:
    """Real/items 252: 'NN Title' run into a bare 'att fastställa …', a name with its party
    elected in the passive, and an 'att' after the abbreviation 'bl.a.' that is no decision."""
    minutes = parse_minutes(
        "Direktionsprotokoll 2013-09-20\n\n"
        "3 44 Fastställande av dagordning att fastställa dagordningen 45 Val av justerare Eva "
        "Johansson (C) utses att jämte ordförande justera dagens protokoll. 46 Samverkan med "
        "högskolan Per Ek från högskolan informerar. Högskolan kommer bl.a. att skicka "
        "nyhetsbrev till de förtroendevalda. att ta informationen till dagens protokoll 47 "
        "Medarbetarcentrum Ola Berg informerar om verksamheten. att ta informationen till "
        "dagens protokoll\n"
    )
    titles = [i.title for i in minutes.items]
    assert titles[:2] == ["Fastställande av dagordning", "Val av justerare"]
    texts = [d.text for d in minutes.decisions]
    assert "att fastställa dagordningen" in texts[0]
    assert any(t.startswith("Eva Johansson (C) utses att jämte ordförande") for t in texts)
    assert not any("nyhetsbrev" in t for t in texts)
    assert sum("att ta informationen till dagens protokoll" in t for t in texts) == 2
    # "Förslag om att anta …" keeps its "att" in the title.
    keep = parse_minutes("Protokoll 2013-09-20\n\n§ 5 Förslag om att anta planen\nDiskuterades.\n")
    assert keep.items[0].title == "Förslag om att anta planen"


def test_lettered_sub_items_and_those_of_a_major_without_its_heading() -> None:
    """Real/items 257: '1.a', '1.b', '1.c' after '1.' and '2.a' with no '2.' heading, in a
    flattened line and as lines; an election 'Till X … utses' ends a one-word title."""
    flat = parse_minutes(
        "1 Protokoll vid Förbundsstyrelsens sammanträde den 3 maj 2006, Stockholm. "
        "1. Sammanträdets öppnande Ordf öppnar mötet. 1.a Protokolljusterare Till "
        "protokolljusterare utses Ola Lund. 1.b Anmälan av föregående protokoll Protokollen "
        "noteras. 1.c Godkännande av föredragningslistan Förslaget till föredragningslista "
        "godkänns. 2.a Finansiering av kurserna Ordf föredrar ärendet.\n"
    )
    assert [(i.number, i.title) for i in flat.items] == [
        ("1", "Sammanträdets öppnande"),
        ("1.a", "Protokolljusterare"),
        ("1.b", "Anmälan av föregående protokoll"),
        ("1.c", "Godkännande av föredragningslistan"),
        ("2.a", "Finansiering av kurserna"),
    ]
    lines = parse_minutes(
        "Protokoll 2006-05-03\n\n1. Formalia\n\n1.a Val av justerare\n\nOla valdes.\n\n"
        "1.b Dagordning\n\nGodkändes.\n\n2.a Ekonomi\n\nRapporten lades till handlingarna.\n"
    )
    assert [i.number for i in lines.items] == ["1", "1.a", "1.b", "2.a"]
    # "1.1", "1.2" keep working, and a "2.a" with its own "2." heading belongs to it.
    both = parse_minutes(
        "Protokoll 2006-05-03\n\n1. Formalia\n\n1.1 Val av justerare\n\nOla valdes.\n\n"
        "2. Ekonomi\n\n2.a Budget\n\nGodkändes.\n"
    )
    assert [i.number for i in both.items] == ["1", "1.1", "2", "2.a"]


def test_a_decision_wrapped_before_a_conjunction_is_one_sentence() -> None:
    """Real/items 250: a web post's indented lines wrap a decision before 'eller'; a short lead
    over 'att …' stays apart as before."""
    minutes = parse_minutes(
        "Protokoll 2023-05-23\n\n 7. Val av fullmaktspersoner\n"
        "  Styrelsen beslutade att utse Martin I,Ludvig A\n"
        "  eller den de sätter i sitt ställe att företräda föreningen var för sig.\n"
        " 8. Övrigt\n  Inget.\n"
    )
    assert [d.text for d in minutes.decisions] == [
        "Styrelsen beslutade att utse Martin I,Ludvig A eller den de sätter i sitt ställe att "
        "företräda föreningen var för sig."
    ]


def test_batch17_short_page_marked_n_of_m_continues_the_flattened_items() -> None:
    # A flattened page 'Plats och tid … 1/5 … Ärende 1 … 9 Title' and a short page '2/5 10 …
    # 13 Övrigt': the short page is a page too (its marker is the first page's '1/5'), so the
    # numbers go on there (real/complete 230).
    head = (
        "Plats och tid Ordförande Mötesdatum Dnr. KS/2018:6-103 1/5 Rådhuset kl. 10:00-12:00 "
        "Anna Berg (S) Närvarande Bo Lund, PRO Åby Cilla Ek, SPF Åby Övriga deltagare Dan "
        "Holm, kommunsekreterare Innehållsförteckning Ärende "
    )
    titles = [
        "Mötets öppnande",
        "Fastställande av dagordningen",
        "Förra mötets anteckningar",
        "Uppföljning av äldreplanen",
        "Dagcenterverksamhet",
        "Information om hemsjukvården",
        "Uppföljning av broddar",
        "Planering av Äldredagen",
        "Busshållplatser",
        "Snöröjning vid övergångsställen",
        "Digitalisering av information",
        "Remiss, kulturprogram",
        "Övrigt",
    ]
    first = " ".join(f"{n} {t}" for n, t in enumerate(titles[:9], start=1))
    second = " ".join(f"{n} {t}" for n, t in enumerate(titles[9:], start=10))
    text = f"{head}{first}\n2/5 {second}\n"
    items = parse_minutes(text, "anteckningar.txt").items
    assert [(i.number, i.title) for i in items] == [
        (str(n), t) for n, t in enumerate(titles, start=1)
    ]
    # A short line whose 'N/M' is no page of the first page's count stays out.
    other = f"{head}{first}\n2/7 {second}\n"
    assert [i.number for i in parse_minutes(other, "anteckningar.txt").items][-1] == "9"


def test_batch17_lone_paragraph_signed_with_the_bodys_initials_is_an_item() -> None:
    # '3 Folkhälsorådet FHR 1 Besök av …' after the contents page: an excerpt ending inside its
    # first paragraph; the sign is the initials of the body named before it (Folk-hälso-rådet),
    # so the lone number is the item (real/complete 233). A code that is no such initials stays
    # text.
    head = (
        "ÅBY KOMMUN. SAMMANTRÄDESPROTOKOLL Sammanträdesdatum. Folkhälsorådet\n\nTranskript\n\n"
        "1 Folkhälsorådet Plats och tid Kommunhuset 21 februari 2013 kl Beslutande Irma Berg "
        "(C), BIN, ordförande Ulf Lind (M), HSN Rosa Mohr (S), HSN Övriga deltagande Emma Holm, "
        "folkhälsoplanerare Justerare Rosa Mohr Justeringens plats och tid Kommunhuset den 1 "
        "mars 2013 Underskrifter Sekreterare Paragrafer 1-13 Emma Holm Ordförande Justerare "
        "Organ Irma Berg Rosa Mohr ANSLAG/BEVIS Protokollet är justerat. Justeringen har "
        "tillkännagivits genom anslag Folkhälsorådet\n\n"
        "2 Innehållsförteckning Besök av socialchefen... 2 Verksamhetsberättelse... 3 "
        "Övrigt... 4\n\n"
    )
    page = (
        "3 Folkhälsorådet {sign} 1 Besök av socialchefen Socialchefen berättade om det "
        "förebyggande arbetet med äldre och om samverkan med vårdcentralen i kommunen. Rådet "
        "tackade för informationen och diskuterade hur arbetet kan följas upp under året.\n"
    )
    items = parse_minutes(head + page.format(sign="FHR"), "protokoll.txt").items
    assert [i.number for i in items] == ["1"]
    assert items[0].title.startswith("Besök av socialchefen")
    other = parse_minutes(head + page.format(sign="KSU"), "protokoll.txt").items
    assert [i.number for i in other] != ["1"]


def test_batch17_agenda_change_stated_in_the_passive_is_a_decision() -> None:
    # '2. Fastställande av föredragningslista Remiss, kulturpolitiskt program läggs in som
    # ärende 12.': the meeting changed its agenda (real/complete 230). Putting a question on a
    # later meeting's list is decided too; a report of what the chair may add is not.
    text = (
        "Minnesanteckningar 2018-03-01\n\n"
        "1. Mötets öppnande\nOrdföranden förklarar mötet öppnat.\n\n"
        "2. Fastställande av föredragningslista\n"
        "Remiss, kulturpolitiskt program läggs in som ärende 12.\n\n"
        "3. Övrigt\nFrågan om snöröjning lades till som punkt på nästa möte. Ordföranden kan "
        "lägga till punkter i dagordningen.\n"
    )
    items = parse_minutes(text, "anteckningar.txt").items
    decided = {i.number: [d.text for d in i.decisions] for i in items}
    assert decided["2"] == ["Remiss, kulturpolitiskt program läggs in som ärende 12."]
    assert decided["3"] == ["Frågan om snöröjning lades till som punkt på nästa möte."]
    assert decided["1"] == []


def test_batch19_first_item_in_another_style_elections_and_a_future_election() -> None:
    """' 1. Mötets öppnande' (a dot and an indent) over '2 Val av …', '3 …' is the chain's first
    item; 'omvaldes' (re-elected) decides as 'valdes' does; 'Eventuellt kommer en ny att utses
    senare.' is a possible election to come, no decision (real/items 274)."""
    text = (
        "Protokoll från styrelsemöte 2015-06-04\n\n"
        "Närvarande   Anna Ek Indal\nBo Lund Alnö\n\n"
        " 1. Mötets öppnande\n\nOrdförande Anna Ek öppnade mötet.\n\n"
        "2 Val av kassör\n\nSom kassör omvaldes Bo Lund.\n\n"
        "3 Val av representanter\n\nAnna Ek och Bo Lund omvaldes. Eventuellt kommer en ny att "
        "utses senare.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Val av kassör"),
        ("3", "Val av representanter"),
    ]
    assert [d.text for d in minutes.decisions] == [
        "Som kassör omvaldes Bo Lund.",
        "Anna Ek och Bo Lund omvaldes.",
    ]
    # A numbered line before the chain whose number is not the one before its first is no
    # first item of it.
    text = (
        "Protokoll 2015-06-04\n\nBilagor\n 1. Budget för året\n\n"
        "3 Val av kassör\n\nSom kassör omvaldes Bo Lund.\n\n4 Övrigt\n\nInga frågor.\n"
    )
    assert [i.number for i in parse_minutes(text, "m.txt").items] == ["3", "4"]


def test_batch19_a_decision_named_as_a_noun_and_taken() -> None:
    """'Det togs också ett inriktningsbeslut om att …' and 'Ett beslut fattades om att …' are
    decisions of the meeting (real/items 271); 'inget beslut' and one taken at an earlier
    meeting are not."""
    from dialogs.importer.decisions import OwnBody, prose_decision

    own = OwnBody([])
    decided = prose_decision(
        "Det togs också ett inriktningsbeslut om att till nästa år införa en bidragsmodell.", own
    )
    assert decided is not None
    assert decided.clauses == ["till nästa år införa en bidragsmodell."]
    other = prose_decision("Ett beslut fattades om att införa en modell.", own)
    assert other is not None and other.clauses == ["införa en modell."]
    assert prose_decision("Det togs inget beslut om att införa en modell.", own) is None
    assert prose_decision("På förra mötet togs ett beslut om att införa en modell.", own) is None


def test_batch24_number_before_a_spaced_paragraph_sign() -> None:
    """'56 § Sammanträdets öppnande …' on a line of its own (web minutes of a kommunalförbund,
    real/items 326, 327): the number before the sign, a space between, is the paragraph's; a
    law reference in running text ('enligt 6 § förvaltningslagen') and a lower-case word after
    the sign make no item."""
    text = (
        "Protokoll 2023-03-10\n\n"
        "12 § Val av justerare\n\nTill justerare valdes Eva Ek.\n\n"
        "13 § Budget 2024\n\nDirektionen beslutar\n\natt godkänna budgeten.\n\n"
        "Ärendet har beretts enligt 6 § förvaltningslagen.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    assert [(i.number, i.title) for i in minutes.items] == [
        ("12", "Val av justerare"),
        ("13", "Budget 2024"),
    ]
    text = "Protokoll 2023-03-10\n\n3 § lagen om kommunal samverkan gäller.\n"
    assert [i.number for i in parse_minutes(text, "m.txt").items] == []


def test_batch24_an_earlier_decision_dated_after_its_agent_or_at_its_meeting() -> None:
    """Background in a paragraph tells an earlier decision with its time after the agent or the
    object: 'MRP 2022 godkändes av direktionen den 10 december 2021.', 'Nämnden antog planen
    vid sitt sammanträde den 12 december 2023 § 84.' (real/items 325, 326): none of this
    meeting's; a protocol dated before the verb, and this meeting's decisions, stay."""
    from dialogs.importer.decisions import OwnBody, prose_decision, reports_earlier_decision

    assert reports_earlier_decision("Planen godkändes av nämnden den 3 maj 2021.")
    assert reports_earlier_decision(
        "Styrelsen antog budget för år 2024 vid sitt sammanträde den 12 december 2023 § 84."
    )
    assert not reports_earlier_decision("Protokollet från den 9 november 2017 godkändes.")
    assert not reports_earlier_decision("Styrelsen godkände budgeten för 2024.")
    own = OwnBody(["Styrelsen"])
    assert prose_decision("Budgeten godkändes av styrelsen den 4 maj 2020.", own) is None
    assert prose_decision("Dagordningen godkändes.", own) is not None


def test_batch24_a_form_label_on_its_own_line_is_no_decision() -> None:
    """'Utses att justera:' as a label of the head on a line of its own (real/items 325) records
    no decision; 'Tonny Svensson (M) utses att justera dagens protokoll.' does."""
    from dialogs.importer.decisions import OwnBody, prose_decision

    own = OwnBody([])
    assert prose_decision("Utses att justera:", own) is None
    assert prose_decision("Anna Ek (M) utses att justera dagens protokoll.", own) is not None


def test_batch24_bare_lettered_points_under_one_numbered_heading_in_flattened_text() -> None:
    """'1. Föredragningslista enligt stadgarna a) Årsmötet öppnas … b) … c) …' in one flattened
    line (an annual meeting's statutory points, real/items 323): three or more lettered points
    in turn are items '1.a', '1.b' …; a lone 'a)' in a sentence is none."""
    text = (
        "1 Protokoll från årsmöte (4) Fiskevårdsförbundet i Norrdalen PROTOKOLL FÖRT VID "
        "FISKEVÅRDSFÖRBUNDETS ÅRSMÖTE Tid: 2019-04-11 kl 18:00 Plats: Bygdegården i Norrdal "
        "1. Föredragningslista enligt stadgarna a) Mötets öppnande Ordföranden Per Ek hälsade "
        "alla välkomna och förklarade mötet öppnat. b) Val av ordförande för mötet Till "
        "ordförande valdes Eva Lund. c) Val av justerare Till justerare valdes Bo Ström och "
        "Ida Berg. d) Styrelsens berättelse Per Ek redogjorde för verksamheten under året som "
        "gått och berättelsen lades till handlingarna efter en kort diskussion om fisket.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    assert [i.number for i in minutes.items] == ["1", "1.a", "1.b", "1.c", "1.d"]
    assert [d.text for d in minutes.decisions] == [
        "Till ordförande valdes Eva Lund",
        "Till justerare valdes Bo Ström och Ida Berg",
    ]
    text = (
        "1 Protokoll från årsmöte (4) Fiskevårdsförbundet i Norrdalen PROTOKOLL FÖRT VID "
        "FISKEVÅRDSFÖRBUNDETS ÅRSMÖTE Tid: 2019-04-11 kl 18:00 Plats: Bygdegården i Norrdal "
        "1. Föredragningslista enligt stadgarna Mötet gick igenom punkterna a) Mötets öppnande "
        "och valde sedan Eva Lund till ordförande för mötet och Bo Ström till justerare av "
        "protokollet efter en kort diskussion om hur fisket i sjön har gått under året.\n"
    )
    assert [i.number for i in parse_minutes(text, "m.txt").items] == ["1"]


def test_batch24_head_entries_and_body_decision_headings_are_no_topic_headings() -> None:
    """Web minutes whose § headings were lost (real/items 325): a member line 'Eva Ek (C)' or
    'Bo Lund, sekreterare' over the next, a field's value under its label ('Justeringens
    plats:' over 'Måndag den 3 juni …') and 'Styrelsens beslut' over each decision are no
    topic headings; the decisions are still read."""
    text = (
        "Styrelsens protokoll\n\nProtokoll från styrelsens sammanträde den 3 juni 2024.\n\n"
        "Beslutande:\n\nAnna Berg (S) ordf.\n\nEva Ek (C)\n\nOlle Ny (M) vice ordf.\n\n"
        "Deltagande:\n\nBo Lund, sekreterare\n\nKim Ås, ekonom, avdelningschef för ekonomi.\n\n"
        "Justeringens plats:\n\nMåndag den 3 juni 2024 kl 15.00 - digital justering\n\n"
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n\n"
        "Styrelsens beslut\n\nDagordningen godkänns.\n\n"
        "Styrelsens beslut\n\nStyrelsen beslutar att godkänna årsredovisningen.\n"
    )
    minutes = parse_minutes(text, "m.txt")
    titles = [i.title for i in minutes.items if i.number is None]
    assert not any(t in titles for t in ("Eva Ek (C)", "Bo Lund, sekreterare", "Styrelsens beslut"))
    assert not any(t.startswith("Måndag den 3 juni") for t in titles)
    assert [d.text for d in minutes.decisions] == [
        "Dagordningen godkänns.",
        "Styrelsen beslutar att godkänna årsredovisningen.",
    ]


def test_batch24_the_heads_record_of_the_adjuster_elected_in_the_first_paragraph() -> None:
    """'Justering och sekreterare / Att jämte ordförande Eva Ek justera dagens protokoll valdes
    Bo Lund.' in the head and 'Till justeringsperson valdes Bo Lund.' in the first paragraph
    (real/items 327): the head tells the paragraph's election again, no decision before the
    first paragraph; another head decision stays."""

    def minutes_with(head: str) -> ParsedMinutes:
        return parse_minutes(
            "Direktionens protokoll 31 maj 2024\n\n"
            "Direktionens ledamöter\nEva Ek (S), ordförande\nBo Lund (M)\n\n"
            f"Justering och sekreterare\n{head}\n\n"
            "12 § Sammanträdets öppnande och val av justeringsperson\n\n"
            "Dagordningen fastställdes.\n\nTill justeringsperson valdes Bo Lund.\n\n"
            "13 § Föregående protokoll\n\nProtokollet lades till handlingarna.\n",
            "m.txt",
        )

    minutes = minutes_with(
        "Att jämte ordförande Eva Ek justera dagens protokoll valdes Bo Lund. "
        "Sekreterare är Kim Ås."
    )
    assert [i.number for i in minutes.items] == ["12", "13"]
    assert not any("före första" in w for w in minutes.warnings)
    minutes = minutes_with(
        "Att jämte ordförande Eva Ek justera dagens protokoll valdes Kim Ås. Sekreterare är Kim Ås."
    )
    assert [i.number for i in minutes.items] == [None, "12", "13"]


def test_batch24_a_topic_heading_under_an_agenda_label_stays_one() -> None:
    """Only a head field's label ('Justeringens plats:', 'Utses att justera:') makes the line
    under it its value; under 'Dagordning:' a topic heading over its text stays an item."""
    text = (
        "Minnesanteckningar 2024-03-05\n\nDagordning:\n\nVal av justerare\n\n"
        "Till justerare valdes Eva Ek.\n\nBudget för hösten\n\nStyrelsen godkände budgeten.\n"
    )
    titles = [i.title for i in parse_minutes(text, "m.txt").items]
    assert "Val av justerare" in titles and "Budget för hösten" in titles
    # A bare name over what that person told stays a heading; only a name with a party's
    # letters or a role after a comma is a member line.
    text = (
        "Minnesanteckningar 2024-03-05\n\nAnna Ek\n\nAnna berättade om läget i kommunen.\n\n"
        "Bo Lund\n\nBo berättade om budgeten.\n"
    )
    titles = [i.title for i in parse_minutes(text, "m.txt").items]
    assert "Anna Ek" in titles and "Bo Lund" in titles


def test_batch27_a_paragraph_reference_wrapped_to_its_own_line_is_no_item() -> None:
    """A head's note of when an official took part, wrapped after its comma ('… § 12–13, kl
    9.00–9.40,' over '§ 15, kl 10.10–10.30.'), is no paragraph heading: a heading's title
    never opens with a comma (real/items 352)."""
    text = (
        "Socialnämnden\n\nSammanträdesdatum 2021-03-04\n\n"
        "Tjänstemän Eva Ek, enhetschef, § 12–13, kl 09.00–09.40,\n\n§ 15, kl 10.10–10.30.\n\n"
        "Paragrafer 11–16\n\nSN § 11\n\nVal av justerare\n\nSocialnämndens beslut\n\n"
        "Bo Lund utses att justera protokollet.\n"
    )
    items = parse_minutes(text, "m.txt").items
    assert [(i.number, i.title) for i in items] == [("11", "Val av justerare")]


def test_batch27_a_long_title_after_a_bare_number_keeps_the_chain() -> None:
    """'1 Title' lines with no point, as web pages of a nämnd's meeting write them: a title of
    up to 150 characters keeps its place in the chain (real/items 354)."""
    long_title = (
        "Uppföljning av granskningen av mat- och måltidssituationen på kommunens "
        "särskilda boenden för äldre i norra och södra kommundelen"
    )
    text = (
        "Sammanträde 2021-02-04\n\n1 Information om brukarundersökningen\n\n"
        "Förslag till beslut\n- Informationen noteras.\n\n"
        f"2 {long_title}\n\nFörslag till beslut\n- Granskningen noteras.\n\n"
        "3 Sammanträdesplan 2022\n\nFörslag till beslut\n- Planen fastställs.\n"
    )
    items = parse_minutes(text, "m.txt").items
    assert [i.number for i in items] == ["1", "2", "3"]
    assert items[1].title == long_title


def test_batch27_a_body_decision_heading_over_a_plain_sentence() -> None:
    """'Barn- och utbildningsnämndens beslut' alone on a line labels the sentence under it as
    the decision, whatever its verb ('… noterar informationen till protokollet'); over a
    list of 'Nämnden beslutar att …' lines each line stays a decision of its own, and a
    proposal's label ('Ordförandens förslag till beslut') is no such heading (real/items 351,
    352)."""
    text = (
        "Barn- och utbildningsnämnden\n\nSammanträdesdatum 2021-03-04\n\n"
        "BUN § 20\n\nFörvaltningschefen informerar\n\nBarn- och utbildningsnämndens beslut\n\n"
        "Barn- och utbildningsnämnden noterar informationen till protokollet.\n\n"
        "Ärendet\n\nTvå rektorer slutar.\n\n"
        "BUN § 21\n\nBudget 2022\n\nBarn- och utbildningsnämndens beslut\n\n"
        " 1. Nämnden beslutar att fastställa budgeten.\n"
        " 2. Nämnden beslutar att fastställa prislistan.\n"
    )
    items = parse_minutes(text, "m.txt").items
    assert [i.number for i in items] == ["20", "21"]
    assert (
        items[0]
        .decisions[0]
        .text.endswith("Barn- och utbildningsnämnden noterar informationen till protokollet.")
    )
    assert len(items[1].decisions) == 2
    from dialogs.importer.decisions import decision_heading

    assert decision_heading("Ordförandens förslag till beslut") is None
    assert decision_heading("Folkhälsorådets beslut") == "Folkhälsorådets beslut"


def test_batch27_a_list_of_items_over_paragraphs_cut_short() -> None:
    """A web page lists the meeting's items ('1 Title' … without a point, under section
    headings) and then gives the paragraphs, which stop after '§1' where the page was cut: the
    listed items no paragraph reached are items, the repeated one is the paragraph; '4 a) …'
    over 'b) …' lines are items 4.a, 4.b (real/items 353). With every paragraph there, the
    list stays out."""
    listing = (
        "Sammanträde 2022-05-12\n\n1 Sammanträdets öppnande\n\n2 Val av justerare\n\n"
        "Beslutsärenden\n\n3 Riktlinjer för ekonomiskt bistånd\n\nDnr 1.2-0042/2022\n\n"
        "Anmälningsärenden\n\n4 a) Anmälan av delegationsbeslut\n\nb) Anmälan av inkomna "
        "handlingar\n\n5 Nämndens frågor\n\n"
    )
    items = parse_minutes(
        listing + "§1 Sammanträdets öppnande\n\nOrdföranden öppnade sammanträdet.\n", "m.txt"
    ).items
    assert sorted((i.number or "", i.title) for i in items) == [
        ("1", "Sammanträdets öppnande"),
        ("2", "Val av justerare"),
        ("3", "Riktlinjer för ekonomiskt bistånd"),
        ("4.a", "Anmälan av delegationsbeslut"),
        ("4.b", "Anmälan av inkomna handlingar"),
        ("5", "Nämndens frågor"),
    ]
    full = listing + "".join(
        f"§{n} {t}\n\nNämnden beslutar att godkänna punkten.\n\n"
        for n, t in (
            (1, "Sammanträdets öppnande"),
            (2, "Val av justerare"),
            (3, "Riktlinjer för ekonomiskt bistånd"),
            (4, "Anmälningar"),
            (5, "Nämndens frågor"),
        )
    )
    items = parse_minutes(full, "m.txt").items
    assert [i.number for i in items] == ["1", "2", "3", "4", "5"]
    assert all(i.decisions for i in items)


def test_batch28_paragraph_numbers_with_the_year_in_a_contents_list() -> None:
    """A flattened contents list numbers paragraphs with their year ('§ 63/20 Title', § 63 of
    2020) and runs the last entries into one line ('§ 71/20 … § 72/20 … § 73/20 …'): each is
    an item with its number alone and a title without the '/20' (real/items 360). A '§ 6' that
    a title mentions without the year mark stays in the title."""
    text = (
        "Protokoll Arbetsutskottet 2020-08-18\n\nInnehållsförteckning\n\n"
        "§ 63/20 Fastställande av dagordning\n\nBeslutspunkter\n\n"
        "§ 64/20 Nytt bidragsreglemente\n\nInformationsärenden\n\n"
        "§ 65/20 Uppföljning av åtgärdsplan - hemtjänst § 66/20 Övriga informationsärenden "
        "§ 67/20 Övriga frågor\n"
    )
    items = parse_minutes(text, "m.txt").items
    assert [(i.number, i.title) for i in items] == [
        ("63", "Fastställande av dagordning"),
        ("64", "Nytt bidragsreglemente"),
        ("65", "Uppföljning av åtgärdsplan - hemtjänst"),
        ("66", "Övriga informationsärenden"),
        ("67", "Övriga frågor"),
    ]
    plain = "§ 1 Val av justerare\n\n§ 2 Ändring enligt § 3 Kommunallagen\n\nText.\n"
    assert [i.title for i in parse_minutes(plain, "m.txt").items] == [
        "Val av justerare",
        "Ändring enligt § 3 Kommunallagen",
    ]


def test_batch28_portal_bullet_with_paragraph_sign_over_its_title() -> None:
    """A meeting portal's page writes some points as a bullet holding only '§ N' over a title
    line, others as a bullet with their summary alone (real/items 361): the former are items
    '§ N Title'."""
    text = (
        " • § 1\n\n  Protokollsjustering\n\n"
        " • Uppföljningen i verksamhetsberättelse utgår från verksamhetsplanen.\n\n"
        " • § 3\n\n  Anmälan av delegationsbeslut\n\n"
        " • Anna Ek informerar om patientnämndens uppdrag.\n\n"
        " • § 7\n\n  Övriga frågor\n"
    )
    items = parse_minutes(text, "m.txt").items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Protokollsjustering"),
        ("3", "Anmälan av delegationsbeslut"),
        ("7", "Övriga frågor"),
    ]
    # A page that mixes the bare bullet number with the signed one reads all of them alike.
    mixed = " •   1\n\n  Val av justerare\n\n • § 2\n\n  Dagordning\n\n •   3\n\n  Rapporter\n"
    assert [(i.number, i.title) for i in parse_minutes(mixed, "m.txt").items] == [
        ("1", "Val av justerare"),
        ("2", "Dagordning"),
        ("3", "Rapporter"),
    ]


def test_batch28_bare_number_titles_with_a_quote_or_a_break_tag() -> None:
    """A web archive's list of items as 'N Title' lines (real/items 369): a title may open with
    a quoted name ('3 ”Bortglömda gröna plättar” Svar på medborgarförslag'), and a title line
    closed by a literal '<br>' keeps a comma in it ('Hornsberg 10, Lars Forsells Gata<br>…')."""
    text = (
        "Sammanträde 2010-06-16\n\n1 Utseende av justerare <br>Tidpunkt för protokollsjustering\n\n"
        "2 Anmälan av medborgarförslag\n\n3 ”Bortglömda gröna plättar” Svar på medborgarförslag\n\n"
        "Dnr: 1.2.3-214-2010\n\n4 Ny förskola i kv Hornsberg 10, Lars Forsells Gata<br>"
        "Genomförandebeslut\n\n5 Riktlinjer om mutor och representation\n"
    )
    items = parse_minutes(text, "m.txt").items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Utseende av justerare"),
        ("2", "Anmälan av medborgarförslag"),
        ("3", "”Bortglömda gröna plättar” Svar på medborgarförslag"),
        ("4", "Ny förskola i kv Hornsberg 10, Lars Forsells Gata"),
        ("5", "Riktlinjer om mutor och representation"),
    ]
