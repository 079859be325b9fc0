"""Questions in plain Swedish and English over the seed record, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.ask import Hit
from storage import search
from storage.db import Database
from tests.ask.conftest import Ask
from tests.ask.record import (
    FACT_DECISION_1,
    FACT_DECISION_2,
    FACT_TEAM_TEXT,
    Record,
    _Builder,
)


def _keys(hits: list[Hit]) -> list[tuple[str, str, str]]:
    return [(h.body, h.date, h.text) for h in hits]


async def test_fact_question_finds_the_three_decisions_with_citations(
    record: Record, asking: Ask
) -> None:
    answer = await asking("vad beslutades om F-ACT?")
    top = answer.hits[:3]
    assert {(h.body, h.date) for h in top} == {
        ("Delregional samverkan Mellersta Skåne", "2022-02-11"),
        ("Uppdragsgrupp Psykisk hälsa", "2025-04-03"),
    }
    texts = {h.text for h in top}
    assert FACT_DECISION_1 in texts and FACT_DECISION_2 in texts and FACT_TEAM_TEXT in texts
    assert all(h.kind == "decision" for h in top)
    reported = next(h for h in top if h.date == "2025-04-03")
    assert reported.paragraph == "punkt 5" and reported.title == "Integrerad beroendemottagning"
    assert "fattat av Styrgrupp närvård" in reported.standing
    mellersta = next(h for h in top if h.date == "2022-02-11")
    assert mellersta.title == "F-ACT" and mellersta.meeting_id == record.meetings["2022-02-11"].id
    # The text a user sees cites body, date, § or item, the decision and its standing.
    assert answer.text.startswith("**Beslut om ”F-ACT”**")
    assert "Uppdragsgrupp Psykisk hälsa · 2025-04-03 · punkt 5" in answer.text
    assert "rapporterat beslut, fattat av Styrgrupp närvård" in answer.text
    assert "Delregional samverkan Mellersta Skåne · 2022-02-11" in answer.text


async def test_english_question_is_answered_in_english(record: Record, asking: Ask) -> None:
    answer = await asking("what was decided about FACT?")
    assert answer.text.startswith("**Decisions about “FACT”**")
    assert "reported decision, taken by Styrgrupp närvård" in answer.text
    assert "rapporterat" not in answer.text and "Beslut om" not in answer.text
    assert {h.date for h in answer.hits[:3]} == {"2022-02-11", "2025-04-03"}
    # "last year" is 2025 when asked in November 2026.
    last_year = await asking("what was decided about FACT last year?")
    assert [h.text for h in last_year.hits] == [FACT_TEAM_TEXT]
    assert "2025-01-01 – 2025-12-31" in last_year.text


async def test_nothing_found_is_said_plainly_with_nearby_words(record: Record, asking: Ask) -> None:
    sv = await asking("vad beslutades om kärnkraftverk?")
    assert sv.hits == [] and sv.text.startswith("Inga beslut hittades")
    en = await asking("what was decided about nuclear power?")
    assert en.hits == [] and en.text.startswith("No decisions found")
    # Far from any word: nothing, and the nearby words of the index.
    typo = await asking("vad beslutades om suicidprevntn?")
    assert typo.hits == [] and typo.text.startswith("Inga beslut hittades")
    assert "”suicidprevention”" in typo.text
    # A question that does not ask what was decided is not told that no decision was found:
    # the whole record was searched.
    other = await asking("vem ansvarar för kärnkraftverket?")
    assert other.hits == [] and other.text.startswith("Inget hittades om ”")
    other_en = await asking("who is in charge of the nuclear power plant?")
    assert other_en.hits == [] and other_en.text.startswith("Nothing found about “")
    # One letter off a long word: read as that word, and the answer says so.
    near = await asking("vad beslutades om suicidpreventon?")
    assert near.hits and "(visar träffar för ”suicidprevention”)" in near.text
    assert all("suicidprevention" in (h.title + h.text).lower() for h in near.hits)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Inflections: medel/medlen, samordnare/samordnaren.
        ("beslut om fördelningen av medel", "fördelningen av de länsgemensamma medlen"),
        ("vad beslutades om F-ACT-samordnaren", FACT_DECISION_2),
        # Compounds: prevention → suicidprevention; samsjuklighet → samsjuklighetsutredningen;
        # an unknown compound is split at its linking -s- against the index's own words.
        ("prevention", "suicidprevention"),
        ("samsjuklighetsarbete i LSVO", "samsjuklighetsutredningen"),
        # F-ACT, FACT and F-ACT-samordnare find each other.
        ("FACT", FACT_DECISION_2),
        ("F-ACT", FACT_TEAM_TEXT),
        ("F-ACT-samordnare", FACT_DECISION_2),
        # Question words do not throw results away.
        ("vad beslutades om samsjuklighetsutredningen?", "samsjuklighetsutredningen"),
        ("vem beslutade vad om avtalstid?", "avtalstid justeras till 2 år"),
        # Filters: body short name, year, "sedan", "i våras", explicit date.
        ("vad har LSVO beslutat om samsjuklighet?", "samsjuklighetsutredningen"),
        ("beslut om länsgemensamma medel 2022", "fördelningen av de länsgemensamma medlen"),
        ("beslut sedan 2025 om FACT", FACT_TEAM_TEXT),
        ("beslut 2025-04-03 om det röda snöret", "pausas under veckorna 25–32"),
    ],
)
async def test_words_find_their_decisions(
    record: Record, asking: Ask, question: str, expected: str
) -> None:
    answer = await asking(question)
    assert answer.hits, answer.text
    assert any(expected in h.text for h in answer.hits[:3]), _keys(answer.hits)


@pytest.mark.parametrize(
    ("budget", "walk", "fts_bodies"),
    [
        (0, 3000, 32),  # every word "common": newest first, the engine's own walk
        (0, 1, 32),  # PostgreSQL: the bounded walk comes short, the GIN index intersects
        (0, 3000, 0),  # SQLite: bodies filtered after FTS5 (tenant token only)
        (10**9, 3000, 0),  # ranked, bodies filtered after FTS5
    ],
)
async def test_every_plan_gives_the_same_answers(
    record: Record,
    asking: Ask,
    monkeypatch: pytest.MonkeyPatch,
    budget: int,
    walk: int,
    fts_bodies: int,
) -> None:
    """Which plan runs depends on how common the words are; what is found must not."""
    questions = [
        "vad beslutades om F-ACT?",
        "vad har LSVO beslutat om samsjuklighet?",
        "beslut om länsgemensamma medel 2022",
        "what was decided about FACT last year?",
    ]
    ranked = {q: _keys((await asking(q)).hits) for q in questions}
    monkeypatch.setattr(search, "RANK_BUDGET", {"sqlite": budget, "postgresql": budget})
    monkeypatch.setattr(search, "PG_WALK", walk)
    monkeypatch.setattr(search, "FTS_BODIES", fts_bodies)
    for q in questions:
        answer = await asking(q)
        assert answer.plan.startswith("newest" if budget == 0 else "rank"), answer.plan
        assert sorted(_keys(answer.hits)) == sorted(ranked[q]), q


async def test_samsjuklighet_finds_the_compound_only_document(
    record: Record, asking: Ask, database: Database
) -> None:
    # A decision that says only "samsjuklighetsutredningen", never "samsjuklighet".
    async with database.transaction() as session:
        b = _Builder(session, record)
        meeting = await b.meeting("2023", record.bodies["lsvo"], dt.date(2023, 3, 10))
        item = await b.item("x", meeting, "Remiss", number=12)
        await b.decision(
            "x",
            item,
            phrase="LSVO:s ledningsgrupp beslutar",
            clauses=["yttra sig över samsjuklighetsutredningen"],
        )
    answer = await asking("vad beslutades om samsjuklighet 2023?")
    assert [h.text for h in answer.hits] == [
        "LSVO:s ledningsgrupp beslutar\natt yttra sig över samsjuklighetsutredningen"
    ]


async def test_filters_narrow_and_exclude(record: Record, asking: Ask) -> None:
    in_2021 = await asking("vad beslutades om samsjuklighet 2021?")
    assert {h.date for h in in_2021.hits} == {"2021-06-04"}
    before = await asking("beslut om FACT sedan mars 2026")
    assert before.hits == [] and before.text.startswith("Inga beslut hittades")
    spring = await asking("vad beslutades i våras om FACT?")  # spring 2026: nothing
    assert spring.hits == []
    other_body = await asking("vad har LSVO beslutat om F-ACT?")
    assert all(h.body == "LSVO ledningsgrupp" for h in other_body.hits)


async def test_diacritics_fold_but_exact_ranks_first(
    record: Record, asking: Ask, database: Database
) -> None:
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("dia", "Diakritgruppen", "DIA")
        meeting = await b.meeting("dia", body, dt.date(2024, 1, 15))
        host = await b.item("host", meeting, "Värd för konferensen", number=1)
        await b.decision(
            "host", host, phrase="DIA beslutar", clauses=["Lund är värd för konferensen"]
        )
        care = await b.item("care", meeting, "Vård för äldre", number=2)
        await b.decision(
            "care", care, phrase="DIA beslutar", clauses=["vård för äldre ska samordnas"]
        )
    # Written with å: "vård", and "värd" (the same letters folded) does not count as a match.
    exact = await asking("beslut om vård i DIA")
    assert [h.title for h in exact.hits] == ["Vård för äldre"]
    other = await asking("beslut om värd i DIA")
    assert [h.title for h in other.hits] == ["Värd för konferensen"]
    # Typed without diacritics: both are found ("vard" may mean either).
    folded = await asking("beslut om vard i DIA")
    assert {h.title for h in folded.hits} == {"Vård för äldre", "Värd för konferensen"}


async def test_people_attendance_assignments_and_dates(record: Record, asking: Ask) -> None:
    chair = await asking("vem var ordförande 2024-05-17?")
    assert [h.text for h in chair.hits] == ["Jenny Steen, Region Örebro län"]
    assert chair.text.startswith("**Ordförande 2024-05-17**")

    present = await asking("vilka var närvarande på LSVO i juni 2021?")
    assert len(present.hits) == 1 and present.hits[0].date == "2021-06-04"
    assert "Bodil Sundlöf" in present.hits[0].text and "Cecilia Grefve-Lang" in present.hits[0].text
    assert "Gunilla Råberg" not in present.hits[0].text
    absent = await asking("vilka var frånvarande på LSVO i juni 2021?")
    assert "Gunilla Råberg" in absent.hits[0].text and "Bodil Sundlöf" not in absent.hits[0].text

    sub = await asking("vem ersätter Mayvor Källgren?")
    assert [h.text for h in sub.hits] == ["Ingela Sundberg, Degerfors kommun"]
    assert sub.hits[0].date == "2024-05-17"
    nobody = await asking("vem ersätter Bodil Sundlöf?")
    assert nobody.hits == [] and nobody.text.startswith("Ingen har ersatt Bodil Sundlöf")
    unknown = await asking("vem ersätter Greta Okänd?")
    assert unknown.hits == [] and "Greta Okänd" in unknown.text

    tasks = await asking("vilka uppdrag har Cecilia Grefve-Lang?")
    assert len(tasks.hits) == 1 and "Jesper Ekberg på SKR" in tasks.hits[0].text
    assert tasks.hits[0].paragraph == "§ 118"
    late = await asking("vilka uppdrag är försenade?")
    assert [h.paragraph for h in late.hits] == ["§ 118"]
    assert "försenat" in late.text

    nxt = await asking("när är nästa möte?")
    assert nxt.text.startswith("**Inget kommande möte är inlagt.**")
    assert {h.date for h in nxt.hits} == {"2025-05-06", "2024-09-20"}
    en = await asking("when is the next meeting?")
    assert en.text.startswith("**No upcoming meeting is in the record.**")


async def test_a_planned_meeting_is_the_next_one(
    record: Record, asking: Ask, database: Database
) -> None:
    async with database.transaction() as session:
        b = _Builder(session, record)
        await b.meeting(
            "planned", record.bodies["lsvo"], dt.date(2026, 12, 4), status="planned", place="Teams"
        )
    answer = await asking("när är nästa möte för LSVO?")
    assert [(h.body, h.date) for h in answer.hits] == [("LSVO ledningsgrupp", "2026-12-04")]


async def test_no_next_meeting_of_several_bodies_lists_each_ones_newest_meeting(
    record: Record, asking: Ask, database: Database
) -> None:
    """Asked about several bodies with nothing upcoming and no next meeting stated, the answer
    lists each body's newest dated meeting, newest first; a body named by a compound of two
    words of its name ('pensionärssamrådet') is that body."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        imported = {"source": "import", "status": "closed"}
        sb = await b.body("sb", "Socialberedningen")
        pr = await b.body("pr", "Samråd för pensionärsorganisationer")
        await b.meeting("sb-old", sb, dt.date(2010, 10, 28), **imported)
        await b.meeting("sb-older", sb, dt.date(2010, 9, 2), **imported)
        # Within the last year of the asking day: each body's newest meeting is listed, not
        # only those of the year the newest fall in.
        await b.meeting("pr-old", pr, dt.date(2026, 9, 19), **imported)
    both = await asking(
        "När är nästa möte i Socialberedningen och Samråd för pensionärsorganisationer?"
    )
    assert both.hits == []
    assert both.text.endswith(
        "Senaste mötena i registret: Samråd för pensionärsorganisationer 19 september 2026 "
        "(2026-09-19); Socialberedningen 28 oktober 2010 (2010-10-28)."
    ), both.text
    compound = await asking("När är nästa möte i pensionärssamrådet?")
    assert compound.hits == []
    assert compound.text.endswith("Senaste mötet i registret: 19 september 2026 (2026-09-19)."), (
        compound.text
    )


async def test_no_next_meeting_says_where_the_record_leaves_off(
    record: Record, asking: Ask, database: Database
) -> None:
    """Asked about one body with nothing upcoming and no next meeting stated, the answer says
    its newest meeting (an imported notice's meeting long past), never one whose date the
    import did not find; asked in English, in English."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("sb", "Socialberedningen", "SB")
        imported = {"source": "import", "status": "closed"}
        await b.meeting(
            "sb-old", body, dt.date(2010, 10, 28), place="Stadshotellet i Luleå", **imported
        )
        # An import without a date stands at the day it ran.
        await b.meeting("sb-undated", body, dt.date(2026, 11, 30), date_stated=False, **imported)
    sv = await asking("när är nästa möte i Socialberedningen?")
    assert sv.hits == []
    assert sv.text.endswith(
        "Senaste mötet i registret: 28 oktober 2010 (2010-10-28), Stadshotellet i Luleå."
    )
    en = await asking("when is the next meeting of Socialberedningen?")
    assert en.hits == [] and "The latest meeting in the record: 28 October 2010" in en.text


async def test_standing_struck_and_justerat(record: Record, asking: Ask) -> None:
    answer = await asking("vad hände med årsberättelsen om nära vård?")
    hit = next(h for h in answer.hits if h.title.startswith("Nära vård årsberättelse"))
    assert hit.kind == "item" and "Ärendet utgår på grund av tidsbrist." in hit.text
    assert "utgår" in hit.standing and "justerat 2024-06-14" in hit.standing


async def test_paragraph_answers_say_how_to_open_them(record: Record, asking: Ask) -> None:
    answer = await asking("§ 117 2021")
    assert answer.hits[0].paragraph == "§ 117"
    assert "`visa § 117 2021`" in answer.text


HOSTILE = [
    '"',
    "*",
    "NEAR(",
    ":",
    "-",
    "') OR 1=1 --",
    "'; DROP TABLE decision; --",
    '"F-ACT" OR *',
    "{title text}: fact",
    "fact AND NOT medel",
    "^fact",
    "fact*",
    "\\",
    "\x00",
    "()",
    "NEAR(fact medel, 2)",
    "title:fact",
    "'fact' & !medel | <->",
]


@pytest.mark.parametrize("question", HOSTILE)
async def test_hostile_input_is_answered_without_error(
    record: Record, asking: Ask, question: str
) -> None:
    answer = await asking(question)
    assert answer.text
    if "act" not in question.lower():
        # The empty answer speaks of decisions only where the question does.
        empty = (
            ("Inga beslut hittades", "No decisions found")
            if "decision" in question.lower()
            else ("Inget hittades", "Nothing found")
        )
        assert answer.hits == [] and answer.text.startswith(empty)


async def test_long_input_is_answered_without_error(record: Record, asking: Ask) -> None:
    question = ('vad beslutades om F-ACT "* ( :- ') * 250
    assert len(question) >= 5000
    answer = await asking(question[:5000])
    assert answer.text
    assert any(h.text == FACT_DECISION_2 for h in answer.hits)
    junk = await asking(("x" * 97 + " ") * 50)
    assert junk.hits == [] and junk.text.startswith("Inget hittades")


async def test_user_text_never_reaches_the_engine(record: Record, asking: Ask) -> None:
    """Quotes, stars and operators are not syntax: 'F-ACT"*' finds what "F-ACT" finds."""
    plain = await asking("F-ACT")
    noisy = await asking('F-ACT"* OR (')
    assert _keys(noisy.hits) == _keys(plain.hits)


async def test_other_tenant_sees_nothing_of_this_one(record: Record, asking: Ask) -> None:
    answer = await asking("vad beslutades om F-ACT?", tenant="tenant-nobody")
    assert answer.hits == [] and answer.text.startswith("Inga beslut hittades")


async def test_nearby_words_are_words_never_stems(
    record: Record, asking: Ask, database: Database
) -> None:
    async with database.transaction() as session:
        b = _Builder(session, record)
        meeting = await b.meeting("rekr", record.bodies["lsvo"], dt.date(2023, 4, 2))
        item = await b.item("rekr", meeting, "Bemanning", number=30)
        await b.decision(
            "rekr", item, phrase="Ledningsgruppen beslutar", clauses=["rekrytera en samordnare"]
        )
    answer = await asking("vad beslutades om rekryterng och bristyrken?")
    assert answer.hits == [] and "Närliggande ord i registret" in answer.text, answer.text
    assert "”rekrytera”" in answer.text and "rekrytr”" not in answer.text, answer.text


def test_a_who_question_is_answered_by_the_one_given_a_task_even_without_a_name() -> None:
    """ "Vem fick i uppdrag …?": a group or an office given the task answers it, though it is
    no capitalised name; a text naming neither a person nor a task does not."""
    from dialogs.ask_answer import fits

    for text in (
        "LSVO:s ledningsgrupp beslutar att ge samverkansgrupp vuxna i uppdrag att ta fram förslag",
        "Kansliet har fått uppdraget att utarbeta förslag till handlingsplan.",
        "Uppdrag till kansliet: ta fram en tidplan",
    ):
        assert fits("who", text), text
    assert not fits("who", "handlingsplanen diskuterades och läggs till handlingarna.")
    # A given name opening a sentence names a person, as notes name their members.
    assert fits("who", "Servrarna står nära. Fredrik jobbar med att sätta upp en ny server.")
    assert not fits("who", "Servrarna står nära. Driftsgruppen jobbar vidare med saken.")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("ett underskott på 915 miljoner kronor", True),
        ("ca 65 medlemmar kom", True),
        ("Film i Västs produktioner har tilldelats åtta Guldbaggar.", True),
        ("avgiften är 5 000 kr per kommun", True),
        # A diary number, a date, a clock, a year or a paragraph is no amount.
        ("beslutar enligt förslag i ärende RS 2018–06226 om att reducera underskottet", False),
        ("Mötet hölls 2019-11-28 (28 november 2019). Tid: 19.30-20.36.", False),
        ("Register SON 108 SON 109 § 12 punkt 5", False),
    ],
)
def test_a_how_much_question_needs_an_amount_not_any_number(text: str, quantity: bool) -> None:
    from dialogs.ask_answer import has_quantity

    assert has_quantity(text) is quantity


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("Årsavgiften för 2012 skall vara 100 kr/fastighet.", True),
        ("Budgeten fastställdes till 1 234 567:- för verksamhetsåret.", True),
        ("ett underskott på 249,2 miljoner kronor", True),
        ("För medlemmar i sektionen: gratis. Övriga: 120 kr.", True),
        ("Ledamöterna får ingen ersättning för sina möten.", True),
        # A length of time, a count or a bare budget line is no price.
        ("avtalstiden justeras till 2 år med option på förlängning", False),
        ("Rådet ska träffas 2 ggr per termin.", False),
        ("hårdvara: -15000", False),
    ],
)
def test_a_cost_question_needs_an_amount_of_money(text: str, money: bool) -> None:
    from dialogs.ask_answer import has_money

    assert has_money(text) is money


def test_a_cost_question_asks_for_money_and_a_budget_question_for_any_amount() -> None:
    """ "Vad kostar …", "What's the fee …" need money in what is shown; a budget line is often
    a bare number, so "hur mycket budgeterades" needs only an amount."""
    import datetime as dt

    from dialogs.ask import _prepare, parse_question
    from dialogs.ask_answer import answer_type

    def kind(q: str) -> str | None:
        return answer_type(parse_question(q, dt.date(2026, 1, 1), []), _prepare(q)[1])

    assert kind("Hur mycket kostar den nya skrivaren?") == "money"
    assert kind("What will the new printer cost?") == "money"
    assert kind("Hur mycket ersättning får varje förening?") == "money"
    assert kind("Hur mycket budgeterades för resor?") == "amount"
    assert kind("Hur många deltog i utbildningen?") == "amount"
    # The question word decides: the cost is the task's subject, a person is asked for.
    assert kind("Vem ska undersöka vad föreläsaren kostar?") == "who"
    assert kind("Who is checking what the speaker costs?") == "who"
