"""Structured questions (who chaired, who was absent, who replaces whom, the next meeting) in
Swedish and English, on SQLite and PostgreSQL: the structured record first, the minutes' text
where it says what the record does not, and no hits where neither holds an answer."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.db import Database
from storage.rhythm import PlannedMeeting
from tests.ask.conftest import Ask
from tests.ask.record import Record, _Builder


async def _imported_meeting(
    database: Database, record: Record, date: dt.date, items: list[tuple[str, str, str]]
) -> None:
    """An imported LSVO meeting with these items (label, title, text) and no attendance."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        held = await b.meeting(date.isoformat(), record.bodies["lsvo"], date, source="import")
        for label, title, text in items:
            await b.item(f"{date}-{label}", held, title, label=label, text=text)


async def _undated_meeting(database: Database, record: Record, title: str, text: str) -> None:
    """An imported LSVO meeting whose minutes gave no date (stored at 2026-03-09, the import's
    day), with one item."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        held = await b.meeting(
            "undated",
            record.bodies["lsvo"],
            dt.date(2026, 3, 9),
            source="import",
            date_stated=False,
        )
        await b.item("undated-1", held, title, label="1", text=text)


async def _replacement_decision(database: Database, record: Record) -> None:
    async with database.transaction() as session:
        b = _Builder(session, record)
        meeting = await b.meeting(
            "2026-03-06", record.bodies["lsvo"], dt.date(2026, 3, 6), source="import"
        )
        item = await b.item("140", meeting, "Ny ledamot i ledningsgruppen", number=140)
        await b.decision(
            "140",
            item,
            phrase="LSVO:s ledningsgrupp beslutar",
            clauses=[
                "Karin Lindqvist ersätter Olof Berg som ledamot i ledningsgruppen från 1 april"
            ],
        )


async def test_who_replaces_whom_answers_with_the_decision_naming_both(
    record: Record, asking: Ask, database: Database
) -> None:
    await _replacement_decision(database, record)
    sv = await asking("Vem ersätter Olof Berg?")
    en = await asking("Who replaces Olof Berg?")
    for answer in (sv, en):
        assert answer.hits, answer.text
        hit = answer.hits[0]
        assert hit.kind == "decision" and hit.paragraph == "§ 140"
        assert "Karin Lindqvist" in hit.text and "Olof Berg" in hit.text
    assert sv.text.startswith("**Ersättare för Olof Berg**")
    assert en.text.startswith("**Substitutes for Olof Berg**")
    # The attendance's own "ersätter" link still answers first.
    linked = await asking("Who replaces Mayvor Källgren?")
    assert [h.text for h in linked.hits] == ["Ingela Sundberg, Degerfors kommun"]


async def test_who_replaced_whom_with_nobody_named_lists_the_substitutions(
    record: Record, asking: Ask
) -> None:
    """Nobody named: every 'X ersätter Y' of the attendance, never 'nobody called …'."""
    sv = await asking("Vem ersatte vem?")
    en = await asking("Who stood in for whom?")
    assert [h.text for h in sv.hits] == ["Ingela Sundberg ersätter Mayvor Källgren"], sv.text
    assert [h.text for h in en.hits] == ["Ingela Sundberg for Mayvor Källgren"], en.text
    assert en.text.startswith("**Who stood in for whom**")


async def test_assignments_asked_without_a_name_are_listed(record: Record, asking: Ask) -> None:
    """A question about assignments that names nobody lists them: its first word's capital is
    no name ('Vilka uppdrag delades ut?' was read as a person called so)."""
    for question in ("Vilka uppdrag delades ut?", "What action points came out of the meeting?"):
        answer = await asking(question)
        assert answer.hits and all(h.kind == "assignment" for h in answer.hits), answer.text


async def test_what_they_concluded_lists_the_decisions(record: Record, asking: Ask) -> None:
    """'Vad kom man fram till?', 'What were the outcomes?' ask for the decisions, as 'Vad
    beslutades?' does; with a topic, about the topic."""
    for question in ("Vad kom man fram till?", "What were the outcomes of the meeting?"):
        answer = await asking(question)
        assert answer.hits and all(h.kind == "decision" for h in answer.hits), answer.text


async def test_how_many_came_is_answered_by_a_count_in_the_text(
    record: Record, asking: Ask, database: Database
) -> None:
    """An annual meeting's members are seldom listed: a count the minutes write answers."""
    await _opening(database, record, "Ordföranden hälsade välkommen. Ca 42 medlemmar deltog.")
    for question in (
        "Hur många medlemmar kom till LSVO:s möte 6 mars 2026?",
        "How many people came to the LSVO meeting on 6 March 2026?",
    ):
        answer = await asking(question)
        assert answer.hits and "42 medlemmar" in answer.hits[0].text, answer.text


async def test_how_many_attended_counts_the_attendance(record: Record, asking: Ask) -> None:
    for question, counted in (
        ("Hur många var på LSVO:s möte i juni 2021?", "personer)"),
        ("How many people were at the LSVO meeting in June 2021?", "people)"),
    ):
        answer = await asking(question)
        assert answer.hits and answer.hits[0].kind == "attendance", answer.text
        shown = answer.hits[0].text.count(";") + 1
        assert answer.hits[0].title.endswith(f"({shown} {counted}"), answer.hits[0].title


async def test_nothing_is_invented_for_people_or_meetings_not_in_the_record(
    record: Record, asking: Ask
) -> None:
    for question, opening in (
        ("vem var ordförande 2019?", "Inget möte hittades"),
        ("Who chaired the meeting in 2019?", "No meeting found"),
        ("Vem ersätter Greta Okänd?", "Jag hittar ingen som heter ”Greta Okänd”"),
        ("Who replaces Greta Okänd?", "I can't find anyone called “Greta Okänd”"),
    ):
        answer = await asking(question)
        assert answer.hits == [], question
        assert answer.text.startswith(opening), answer.text


async def test_a_role_the_attendance_lacks_is_read_from_the_minutes_text(
    record: Record, asking: Ask, database: Database
) -> None:
    await _imported_meeting(
        database,
        record,
        dt.date(2026, 3, 6),
        [
            ("2", "Val av mötesordförande", "Mötet valde Eva Lind till mötesordförande."),
            ("9", "Mötets avslutande", "Ordföranden tackade. Mötet förklarades avslutat 15:40."),
        ],
    )
    await _imported_meeting(
        database, record, dt.date(2026, 4, 10), [("3", "Budget", "Budgeten gicks igenom.")]
    )
    for question in (
        "Vem var mötesordförande 2026-03-06?",
        "Who chaired the 6 March meeting?",
        "Vem ledde mötet 2026-03-06?",
        "Who ran the meeting on 6 March 2026?",
        "Who led the 6 March meeting?",
    ):
        answer = await asking(question)
        assert answer.hits and "Eva Lind" in answer.hits[0].text, answer.text
        assert answer.hits[0].date == "2026-03-06"
    for question, opening in (
        ("vem var ordförande 2026-04-10?", "Protokollet från mötet 2026-04-10 anger ingen"),
        ("Who chaired the meeting on 10 April 2026?", "The minutes of the meeting of 2026-04-10"),
    ):
        answer = await asking(question)
        assert answer.hits == [] and answer.text.startswith(opening), answer.text
    # When the meeting ran: the record's date, and the minutes' own words beside a time.
    for question in (
        "När avslutades mötet den 6 mars?",
        "What time did the 6 March meeting close?",
    ):
        answer = await asking(question)
        assert answer.hits[0].kind == "meeting" and answer.hits[0].date == "2026-03-06"
        assert any("avslutat 15:40" in h.text for h in answer.hits[:3]), answer.text


async def test_a_meeting_known_only_to_have_closed_is_shown_so(
    record: Record, asking: Ask, database: Database
) -> None:
    """The minutes say when the meeting closed but not when it opened: the answer says it
    closed then, and shows no '?' for the opening."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        await b.meeting(
            "2026-03-06",
            record.bodies["lsvo"],
            dt.date(2026, 3, 6),
            source="import",
            end_at=dt.datetime(2026, 3, 6, 14, 40, tzinfo=dt.UTC),
        )
    for question, said in (
        ("När hölls LSVO:s möte 6 mars 2026?", "avslutat kl. "),
        ("When was the LSVO meeting on 6 March 2026?", "closed at "),
    ):
        answer = await asking(question)
        assert answer.hits and said in answer.hits[0].text, answer.text
        assert "?" not in answer.hits[0].text, answer.text


async def test_the_meeting_before_or_after_a_day_is_the_one_beside_it(
    record: Record, asking: Ask, database: Database
) -> None:
    """'Mötet före 8 maj' is the body's meeting before the one that day, not that meeting."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        for day in (dt.date(2026, 4, 24), dt.date(2026, 5, 8), dt.date(2026, 5, 29)):
            await b.meeting(day.isoformat(), record.bodies["lsvo"], day, source="import")
    for question, want, not_want in (
        ("När hölls LSVO:s möte före 8 maj?", "2026-04-24", "2026-05-08"),
        ("When was the LSVO meeting before 8 May?", "2026-04-24", "2026-05-08"),
        ("När hölls LSVO:s möte efter 8 maj?", "2026-05-29", "2026-05-08"),
        ("När hölls LSVO:s möte 8 maj?", "2026-05-08", "2026-04-24"),
    ):
        answer = await asking(question)
        assert answer.hits and answer.hits[0].date == want, answer.text
        assert all(h.date != not_want for h in answer.hits), answer.text


async def test_the_meeting_before_the_first_one_recorded_is_read_from_its_minutes(
    record: Record, asking: Ask, database: Database
) -> None:
    """The record holds no meeting of the body before 8 May, but that day's minutes say when
    the one before was: that sentence answers, as the meeting before."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("ngp", "NGP-gruppen", "NGP")
        held = await b.meeting("ngp", body, dt.date(2026, 5, 8), source="import")
        await b.item(
            "ngp-1",
            held,
            "Föregående protokoll",
            label="1",
            text="Föregående möte hölls 2026-04-24 och protokollet lades till handlingarna.",
        )
    for question in ("När hölls NGP:s möte före 8 maj?", "When was the NGP meeting before 8 May?"):
        answer = await asking(question)
        assert answer.hits and "2026-04-24" in answer.hits[0].text, answer.text
        assert answer.text.startswith(("**Mötet före**", "**The meeting before**")), answer.text


async def test_when_the_minutes_were_signed_is_the_meetings_justering(
    record: Record, asking: Ask, database: Database
) -> None:
    """'När justerades protokollet …?', 'When were the … minutes signed off?': the day the record
    keeps; where it keeps none, not the meeting's own day."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("ngp", "NGP-gruppen", "NGP")
        await b.meeting(
            "ngp", body, dt.date(2026, 5, 8), source="import", justerat_on=dt.date(2026, 5, 20)
        )
        await b.meeting("ngp2", body, dt.date(2026, 6, 12), source="import")
    for question in (
        "När justerades NGP:s protokoll från 8 maj?",
        "When were the NGP minutes of 8 May signed off?",
    ):
        answer = await asking(question)
        assert answer.hits and "2026-05-20" in answer.hits[0].text, answer.text
    # A matter approved is no question about the minutes.
    from dialogs.ask import parse_question

    assert parse_question("When was the budget approved?", dt.date(2026, 12, 2), []).intent != (
        "meeting_when"
    )
    unknown = await asking("När justerades NGP:s protokoll från 12 juni?")
    assert not any(h.text.startswith("2026-06-12") for h in unknown.hits), unknown.text


async def test_two_justerare_elected_in_two_paragraphs_are_both_shown(
    record: Record, asking: Ask, database: Database
) -> None:
    await _imported_meeting(
        database,
        record,
        dt.date(2026, 5, 8),
        [
            ("1", "Val av justerare", "Maja Ek (PRO) utses att justera protokollet."),
            ("1b", "Val av justerare", "Olle Sand (SPF) utses att justera protokollet."),
            ("2", "Budget", "Budgeten gicks igenom."),
        ],
    )
    for question in (
        "Vilka utsågs att justera protokollet från 8 maj?",
        "Who was appointed to check the minutes of 8 May?",
    ):
        answer = await asking(question)
        shown = " ".join(h.text for h in answer.hits[:3])
        assert "Maja Ek" in shown and "Olle Sand" in shown, answer.text


async def test_who_left_or_came_late_is_the_partial_attendance(
    record: Record, asking: Ask, database: Database
) -> None:
    async with database.transaction() as session:
        b = _Builder(session, record)
        held = await b.meeting(
            "2026-01-15", record.bodies["lsvo"], dt.date(2026, 1, 15), source="import"
        )
        await b.attend(
            held, await b.person("Nils Berg"), status="partial", partial_note="lämnade vid 5.1"
        )
        await b.attend(held, await b.person("Lisa Holm"))
    for question in (
        "Vilka gick från mötet i januari 2026?",
        "Who left the meeting in January 2026?",
    ):
        answer = await asking(question)
        shown = " ".join(h.text for h in answer.hits)
        assert "Nils Berg" in shown and "Lisa Holm" not in shown, answer.text


async def test_attendance_questions_in_english(record: Record, asking: Ask) -> None:
    missed = await asking("Who missed the LSVO meeting in June 2021?")
    assert "Gunilla Råberg" in missed.hits[0].text and "Bodil Sundlöf" not in missed.hits[0].text
    assert missed.text.startswith("**Absent")
    minutes = await asking("Who took the minutes at LSVO in June 2021?")
    assert [h.text for h in minutes.hits] == ["Mats Wennstig, Region Blekinge"]
    there = await asking("Was Gunilla Råberg at the LSVO meeting in June 2021?")
    assert there.text.startswith("No – Gunilla Råberg was absent")
    assert there.hits[0].date == "2021-06-04"
    svar = await asking("Var Gunilla Råberg med på LSVO i juni 2021?")
    assert svar.text.startswith("Nej – Gunilla Råberg var frånvarande")


async def test_a_title_in_its_definite_form_finds_the_person_who_holds_it(
    record: Record, asking: Ask, database: Database
) -> None:
    """ "Satt regiondirektören med?": the imported list gives the title ("regiondirektör") where
    the question uses the definite form; "satt … med" asks whether someone was there."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        held = await b.meeting(
            "2026-02-06", record.bodies["lsvo"], dt.date(2026, 2, 6), source="import"
        )
        director = await b.person("Vera Lindholm")
        director.title = "regiondirektör"
        await b.attend(held, director, status="partial", partial_note="§ 12")
    for question in (
        "Satt regiondirektören med på LSVO i februari 2026?",
        "Var regiondirektören med på mötet i februari 2026?",
    ):
        answer = await asking(question)
        assert answer.text.startswith("Ja – Vera Lindholm var närvarande en del av mötet"), (
            question,
            answer.text,
        )
        assert answer.hits[0].kind == "attendance"
    # A word the title does not hold finds no one.
    other = await asking("Var ekonomichefen med på mötet i februari 2026?")
    assert "Vera Lindholm" not in other.text


async def test_the_next_meeting_is_read_from_the_meeting_plan(
    record: Record, asking: Ask, database: Database
) -> None:
    async with database.transaction() as session:
        session.add(
            PlannedMeeting(
                tenant_id=record.tenant,
                body_id=record.bodies["lsvo"].id,
                starts_at=dt.datetime(2026, 12, 10, 12, 0, tzinfo=dt.UTC),
                ends_at=dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC),
                place="fysiskt i Eken",
            )
        )
    sv = await asking("när är nästa möte för LSVO?")
    assert [(h.body, h.date) for h in sv.hits] == [("LSVO ledningsgrupp", "2026-12-10")]
    assert "13:00–15:00" in sv.hits[0].text and "fysiskt i Eken" in sv.hits[0].text
    en = await asking("When is the next LSVO meeting?")
    assert en.text.startswith("**Next meeting") and en.hits[0].date == "2026-12-10"


@pytest.mark.parametrize(
    "said",
    [
        "Vi har bokat 31:a 10:00.",
        # A heading of its own answers even without a date.
        "Samma tid nästa vecka.",
    ],
)
async def test_the_next_meeting_in_the_minutes_own_words(
    said: str, record: Record, asking: Ask, database: Database
) -> None:
    await _imported_meeting(database, record, dt.date(2026, 3, 6), [("8", "Nästa möte", said)])
    for question, lsvo_only in (
        ("När är nästa möte för LSVO?", True),
        ("When is the next LSVO meeting?", True),
        # All bodies: the others' last stated next meetings are listed too.
        ("När ses vi nästa gång?", False),
        ("When do we meet again?", False),
        # What was said of it, with no other word to search by: the next meeting itself.
        ("Vad sades om nästa möte?", False),
        ("What did they say about the next meeting?", False),
        ("When's the next one?", False),
    ):
        answer = await asking(question)
        assert any(said.rstrip(".") in h.text for h in answer.hits), answer.text
        assert not lsvo_only or answer.hits[0].date == "2026-03-06", answer.text


async def test_what_the_newest_minutes_say_of_the_next_meeting_answers_what_not_when(
    record: Record, asking: Ask, database: Database
) -> None:
    """ "Vad ska tas upp på nästa möte?" asks what, not when: the sentences of the body's newest
    minutes that speak of the next meeting, with the sentence before when it says what "this
    question" is; an older meeting's word on its own next meeting is not among them."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("arb", "Arbetsgruppen för äldre")
        old = await b.meeting("arb-1", body, dt.date(2020, 2, 7), source="import")
        await b.item("arb-1-4", old, "Övrigt", label="4", text="Till nästa möte bjuds Kim in.")
        held = await b.meeting("arb-2", body, dt.date(2020, 5, 8), source="import")
        await b.item(
            "arb-2-5",
            held,
            "Hemtjänstens larm",
            label="5",
            text=(
                "Gruppen diskuterade nattpatrullens larmkedja. Vid nästa möte tas denna fråga "
                "upp igen."
            ),
        )
        await b.item(
            "arb-2-6", held, "Övrigt", label="6", text="Alla avrapporterar till nästa möte."
        )
    for question in (
        "Vad ska tas upp på nästa möte i arbetsgruppen för äldre?",
        "What is on the agenda for the next meeting of the working group?",
        "What should we have done by the next meeting?",
    ):
        answer = await asking(question)
        texts = " ".join(h.text for h in answer.hits)
        assert "nattpatrullens larmkedja" in texts, (question, answer.text)
        assert "avrapporterar till nästa möte" in texts, (question, answer.text)
        assert "bjuds Kim in" not in texts, (question, answer.text)
    sv = await asking("Vad sades om nästa möte?")
    assert sv.text.startswith("**Om nästa möte"), sv.text


def test_sentences_around_a_mention_keep_what_it_refers_back_to() -> None:
    from dialogs.ask import _sentences_around

    text = "Ett. Frågan om F-ACT för yngre lyftes. Vid nästa möte tas denna fråga upp. Tre."
    start = text.index("nästa möte")
    said = _sentences_around(text, start, start + len("nästa möte"), limit=80)
    assert said.startswith("Ett.") and said.endswith("upp."), said
    short = _sentences_around(text, start, start + len("nästa möte"), limit=74)
    assert short == "Frågan om F-ACT för yngre lyftes. Vid nästa möte tas denna fråga upp.", short


async def test_the_next_meeting_in_each_bodys_newest_minutes_when_no_body_is_named(
    record: Record, asking: Ask, database: Database
) -> None:
    """Asked without a body the record can tell (an English name for a Swedish body), each
    body's newest minutes are read for what they say of the next meeting, not only the
    tenant's three newest, which here are other bodies'."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("ngp", "NGP-gruppen", "NGP")
        held = await b.meeting("ngp", body, dt.date(2020, 5, 8), source="import")
        await b.item(
            "ngp-9", held, "Övrigt", label="9", text="Nästa möte hålls den 12 juni 2020 i Uppsala."
        )
    answer = await asking("When does the national working group meet next?")
    assert any("12 juni 2020" in h.text for h in answer.hits), answer.text


async def test_a_body_named_in_other_words_orders_the_last_stated_next_meetings(
    record: Record, asking: Ask, database: Database
) -> None:
    """No body resolved ('the social committee' for Socialberedningen): the bodies whose names
    share the question's word stems come first among the last stated next meetings."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        social = await b.body("sb", "Socialberedningen")
        region = await b.body("rr", "Regionrådet")
        await b.meeting(
            "sb",
            social,
            dt.date(2010, 9, 2),
            source="import",
            next_meeting_date=dt.date(2010, 10, 28),
            next_meeting_text="Nästa möte 28 oktober.",
        )
        await b.meeting(
            "rr",
            region,
            dt.date(2012, 6, 12),
            source="import",
            next_meeting_date=dt.date(2012, 9, 4),
            next_meeting_text="Nästa möte 4 september.",
        )
    answer = await asking("When does the social committee meet next?")
    bodies = [h.body for h in answer.hits]
    assert "Socialberedningen" in bodies and "Regionrådet" in bodies, answer.text
    assert bodies.index("Socialberedningen") < bodies.index("Regionrådet"), answer.text


async def test_a_body_whose_name_alone_shares_the_questions_stems_is_the_one_asked_about(
    record: Record, asking: Ask, database: Database
) -> None:
    """'Who chaired the pensioners' council?' names Pensionärsrådet in English: of the visible
    bodies only its name shares a stem with the question, so its meeting answers, not the
    tenant's newest. Two bodies sharing it ('social') choose none."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        council = await b.body("pr", "Pensionärsrådet")
        held = await b.meeting("pr", council, dt.date(2010, 10, 28), source="import")
        await b.attend(held, await b.person("Eva Ek", "Luleå kommun"), role="ordforande")
    answer = await asking("Who chaired the pensioners' council?")
    assert answer.hits and answer.hits[0].body == "Pensionärsrådet", answer.text
    assert "Eva Ek" in answer.hits[0].text, answer.text


async def test_a_board_meeting_does_not_answer_a_question_about_the_general_meeting(
    record: Record, asking: Ask, database: Database
) -> None:
    """'När hölls årsmötet 2026?' is not answered by that year's board meeting; asked for the
    board meeting, it is."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        club = await b.body("club", "Östby IF")
        await b.meeting(
            "club", club, dt.date(2026, 8, 22), source="import", title="Styrelsemöte 5 2026"
        )
    general = await asking("När hölls Östby IF:s årsmöte 2026?")
    assert not any(h.kind == "meeting" and h.date == "2026-08-22" for h in general.hits), (
        general.text
    )
    board = await asking("När hölls Östby IF:s styrelsemöte 2026?")
    assert board.hits and board.hits[0].date == "2026-08-22", board.text


_ASKED = {
    # A role at the meeting however the noun phrase runs, and the verbs for it with words between.
    "role": (
        "Who was secretary for the section board meeting?",
        "Who checked and signed the care committee minutes from March 2021?",
        "Who opened and ran the FUB board meeting on 7 October?",
    ),
    "substitute": ("Who filled in for Lennart Holmgren at the committee?",),
    "meeting_when": (
        "Var hölls förra sammanträdet med socialberedningen?",
        "Var höll samordningsförbundet sitt sammanträde den 21 september 2012?",
        "What date was the AGM?",
        "Which day did the council meet in 2023?",
        "Vilken dag hölls mötet i maj?",
        "When was the last session?",
    ),
    # Members ask for the next meeting in many words.
    "assignments": (
        "What action points came out of the meeting?",
        "What tasks were handed out?",
        "Who is responsible for what?",
        "Vilka uppdrag delades ut?",
        "Vad ska göras till nästa gång?",
        "What needs to be done?",
        "Who has to do something before the next meeting?",
        "Vem gör vad?",
    ),
    "attendance": (
        "Who was at the meeting?",
        "Vilka var på mötet?",
        "How many attended?",
        "Hur många deltog?",
    ),
    "next_meeting": (
        "When will the board next meet?",
        "When do they meet up again?",
        "When's the next get-together?",
        "When does the council reconvene?",
        "When will the steering group convene next?",
        "Is there another meeting planned?",
        "When is the following meeting?",
        "When's the next time the group meets?",
        "When's the next sitting of the committee?",
        "When is the next AGM?",
        "When are they getting together again?",
        "När träffas styrgruppen igen?",
        "När är nästkommande möte?",
        "När är det efterföljande sammanträdet?",
        "Finns det något nytt möte inplanerat?",
        "When's the next one?",
        "What's the date of the follow-up meeting?",
        "När är nästa?",
        "Is there a date for the next one?",
        "When's the follow-up?",
        "When will we see each other again?",
    ),
}
# A question about what happens at the next meeting is no question of when it is.
_NOT_NEXT = (
    "Vilka beslut togs på mötet?",
    "What will be discussed at the next meeting?",
    "Vad ska diskuteras på nästa möte?",
    "Vem ska kalla till nästa möte?",
    "Who will present at the next meeting?",
    "When did the board meet in May?",
    "When was the last meeting?",
)


@pytest.mark.parametrize(("question", "intent"), [(q, i) for i, qs in _ASKED.items() for q in qs])
def test_a_question_about_meetings_however_it_is_asked(question: str, intent: str) -> None:
    from dialogs.ask import parse_question

    assert parse_question(question, dt.date(2026, 12, 2), []).intent == intent


# An existential "there" asks whether something was in the minutes, not who was there; with a
# word for being away it still asks for the absent.
_THERE = (
    ("Who was invited but didn't show up?", "attendance", True),
    ("Vilka kom inte på mötet?", "attendance", True),
    ("Who wasn't there?", "attendance", True),
    ("Who showed up?", "attendance", False),
    ("Was there an item on recruiting for hard-to-fill jobs?", "decisions", False),
    ("Were there any objections to the budget?", "decisions", False),
    ("Fanns det något ärende om bristyrken?", "decisions", False),
    ("Were there any absentees at the meeting?", "attendance", True),
    ("Was anyone absent?", "attendance", True),
    ("Was anybody missing?", "attendance", True),
    ("Fanns det några frånvarande?", "attendance", True),
    ("Was Anna there?", "attended", False),
)


@pytest.mark.parametrize(("question", "intent", "absent"), _THERE)
def test_an_existential_there_is_no_attendance(question: str, intent: str, absent: bool) -> None:
    from dialogs.ask import parse_question

    parsed = parse_question(question, dt.date(2026, 12, 2), [])
    assert (parsed.intent, parsed.absent) == (intent, absent)


@pytest.mark.parametrize("question", _NOT_NEXT)
def test_what_happens_at_the_next_meeting_is_not_when_it_is(question: str) -> None:
    from dialogs.ask import parse_question

    assert parse_question(question, dt.date(2026, 12, 2), []).intent != "next_meeting"


async def _opening(database: Database, record: Record, text: str) -> None:
    """An imported LSVO meeting on 6 March 2026, no time or place, whose first § says this."""
    await _imported_meeting(database, record, dt.date(2026, 3, 6), [("1", "Mötets öppnande", text)])


async def test_a_time_or_place_the_minutes_do_not_give_is_not_answered_by_the_day(
    record: Record, asking: Ask, database: Database
) -> None:
    await _opening(database, record, "Ordföranden hälsade välkommen.")
    for question, said in (
        ("Vilken tid började LSVO:s möte 6 mars 2026?", "ingen tid"),
        ("What time did the LSVO meeting on 6 March 2026 start?", "no time"),
        ("Var hölls LSVO:s möte 6 mars 2026?", "ingen plats"),
        ("Where was the LSVO meeting on 6 March 2026 held?", "no place"),
    ):
        answer = await asking(question)
        assert not answer.hits and said in answer.text and "2026-03-06" in answer.text, question
    # The day alone is still answered.
    answer = await asking("När hölls LSVO:s möte i mars 2026?")
    assert answer.hits and answer.hits[0].date == "2026-03-06", answer.text


async def test_a_text_hit_of_an_undated_meeting_is_not_cited_by_its_import_day(
    record: Record, asking: Ask, database: Database
) -> None:
    """The minutes' own words beside a time come from a meeting whose date the import did not
    find: the hit says the date is missing, as a search hit does."""
    await _undated_meeting(database, record, "Mötets öppnande", "Mötet öppnades 13:05.")
    answer = await asking("Vilken tid öppnades LSVO:s möte?")
    said = [h for h in answer.hits if "13:05" in h.text]
    assert said and all(h.date_stated is False for h in said), answer.text
    assert "13:05" in answer.text and "2026-03-09**" not in answer.text


async def test_the_time_in_the_minutes_own_words_answers_a_time_question(
    record: Record, asking: Ask, database: Database
) -> None:
    await _opening(database, record, "Ordföranden förklarade mötet öppnat 13:05.")
    answer = await asking("Vilken tid öppnades LSVO:s möte 6 mars 2026?")
    assert any("13:05" in h.text for h in answer.hits), answer.text


async def test_a_first_name_in_the_text_is_the_attendee_with_that_first_name(
    record: Record, asking: Ask, database: Database
) -> None:
    """Minutes write "Susann presenterade …": a "who" question is answered with the whole name
    of the one attendee of that meeting called so; a first name two attendees share, or none
    has, is left as written."""
    date = dt.date(2026, 3, 6)
    async with database.transaction() as session:
        b = _Builder(session, record)
        held = await b.meeting(date.isoformat(), record.bodies["lsvo"], date, source="import")
        await b.item(
            "5",
            held,
            "Familjecentraler",
            label="5",
            text="Susann presenterade utkastet till ny överenskommelse om familjecentraler. "
            "Anna och Bertil kommenterade utkastet om familjecentraler.",
        )
        for name in ("Susann Cederlund", "Anna Lind", "Anna Berg", "Carl Ek"):
            await b.attend(held, await b.person(name))
    sv = await asking("Vem presenterade utkastet om familjecentraler?")
    # (No vectors here: the English question keeps the record's words to be found by them; it
    # asks who presented, not who was present.)
    en = await asking("Who presented the utkastet om familjecentraler?")
    assert "_Susann: Susann Cederlund enligt närvarolistan_" in sv.text, sv.text
    assert "_Susann: Susann Cederlund, per the attendance_" in en.text, en.text
    for answer in (sv, en):
        assert answer.hits[0].names == {"Susann": "Susann Cederlund"}
        assert answer.hits[0].as_json()["names"] == {"Susann": "Susann Cederlund"}
        assert "Anna Lind" not in answer.text and "Anna Berg" not in answer.text


async def test_a_meeting_without_a_date_is_not_cited_by_its_import_day(
    record: Record, asking: Ask, database: Database
) -> None:
    """Minutes that give no date stand at the day they were imported; a hit from them says the
    date is missing (the import's day in brackets), and `ask --json` marks it."""
    await _undated_meeting(database, record, "Kalkning", "Kalkningen av Östbyån skjuts upp.")
    answer = await asking("vad sades om kalkningen av Östbyån?")
    assert answer.hits and answer.hits[0].date_stated is False
    assert "LSVO ledningsgrupp · datum saknas (importerat 2026-03-09)" in answer.text
    assert answer.hits[0].as_json()["date_stated"] is False
    en = await asking("what was said about the liming of Östbyån?")
    assert "no date (imported 2026-03-09)" in en.text


async def test_a_meetings_agenda_is_listed_item_by_item(
    record: Record, asking: Ask, database: Database
) -> None:
    """ "Vilka ärenden behandlades …?", "What was on the agenda …?": the items of the meeting
    asked about, in their order, with their §; a sekretess § only where the asker may see
    sekretess (here not). A question with a topic of its own is no agenda question."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("aru", "Arbetsutskottet", "AU")
        held = await b.meeting("aru-1", body, dt.date(2019, 3, 12), source="import")
        await b.item("aru-1-1", held, "Val av justerare", number=41, position=1)
        await b.item("aru-1-2", held, "Hemtjänst i egen regi", number=42, position=2)
        await b.item(
            "aru-1-3", held, "Placering av barn i HVB", number=43, position=3, confidential=True
        )
        await b.item("aru-1-4", held, "Heltid som norm", number=44, position=4)
    for question in (
        "Vilka ärenden behandlades i arbetsutskottet i mars 2019?",
        "Vad togs upp på AU:s möte i mars 2019?",
        "What was on the agenda of the committee in March 2019?",
    ):
        answer = await asking(question)
        assert answer.hits and answer.hits[0].date == "2019-03-12", (question, answer.text)
        text = answer.text
        assert "§ 42 Hemtjänst i egen regi" in text and "§ 44 Heltid som norm" in text, text
        assert text.index("§ 42") < text.index("§ 44"), text
        assert "HVB" not in text, text
    for other in (
        "Vad diskuterades om heltid som norm i mars 2019?",
        "Vad beslutades om dagordningen i mars 2019?",
    ):
        answer = await asking(other)
        assert "§ 41 Val av justerare" not in answer.text, answer.text


async def test_attendance_asked_by_organisation_lists_those_who_came_from_it(
    record: Record, asking: Ask, database: Database
) -> None:
    """A samverkan body's members come from its kommuner and the region: "Vem deltog från
    Tingsryds kommun?", "Who attended from Region Kronoberg?" list those whose organisation it
    is; "Vilka kommuner var med?" everyone, with their organisations;
    a question naming none lists everyone present."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        body = await b.body("lg", "Ledningsgruppen för vård och omsorg", "LGVO")
        held = await b.meeting("lg-1", body, dt.date(2022, 3, 4), source="import")
        for name, org in (
            ("Asta Ek", "Tingsryds kommun"),
            ("Bo Ring", "Socialförvaltningen, Tingsryds kommun"),
            ("Cai Holm", "Ljungby kommun"),
            ("Dan Vik", "Region Kronoberg"),
            ("Eva Berg", "Psykiatrin, Region Kronoberg"),
        ):
            await b.attend(held, await b.person(name, org), role="ledamot")
    tingsryd = await asking("Vem deltog från Tingsryds kommun på LGVO i mars 2022?")
    assert "Asta Ek" in tingsryd.text and "Bo Ring" in tingsryd.text, tingsryd.text
    assert "Cai Holm" not in tingsryd.text and "Dan Vik" not in tingsryd.text, tingsryd.text
    region = await asking("Who attended LGVO from Region Kronoberg in March 2022?")
    assert "Dan Vik" in region.text and "Eva Berg" in region.text, region.text
    assert "Asta Ek" not in region.text, region.text
    # A kind of organisation chooses no one (a kommun may be "Trollhättans stad"): everyone,
    # with their organisations.
    kommuner = await asking("Vilka kommuner var med på LGVO i mars 2022?")
    assert "Cai Holm (Ljungby kommun)" in kommuner.text, kommuner.text
    assert "Dan Vik (Region Kronoberg)" in kommuner.text, kommuner.text
    everyone = await asking("Vilka var närvarande på LGVO i mars 2022?")
    assert all(n in everyone.text for n in ("Asta Ek", "Cai Holm", "Eva Berg")), everyone.text
    # "Var någon från … med?": those from it, and nobody listed when nobody came from it.
    anyone = await asking("Var någon från Ljungby kommun med på LGVO i mars 2022?")
    assert "Cai Holm" in anyone.text and "Asta Ek" not in anyone.text, anyone.text
    nobody = await asking("Var någon från Försäkringskassan med på LGVO i mars 2022?")
    assert not any(h.kind == "attendance" for h in nobody.hits), nobody.text
    assert "Asta Ek" not in nobody.text, nobody.text
    # The body's secretariat listed with the body's name is no reason to list only it, when
    # the question names the body but asks by no organisation.
    async with database.transaction() as session:
        b = _Builder(session, record)
        council = await b.body("vs", "Vårdsamverkan Södra", "VS")
        held = await b.meeting("vs-1", council, dt.date(2022, 4, 1), source="import")
        await b.attend(held, await b.person("Gun Lind", "Kansliet, Vårdsamverkan Södra"))
        await b.attend(held, await b.person("Hans Ek", "Växjö kommun"))
    named = await asking("Vilka var närvarande på Vårdsamverkan Södras möte i april 2022?")
    assert "Gun Lind" in named.text and "Hans Ek" in named.text, named.text


async def test_who_succeeds_a_named_role_holder_is_read_from_the_text_not_the_holder(
    record: Record, asking: Ask, database: Database
) -> None:
    """A who-holds-a-role question that names a person of the record asks for someone else
    (a successor): the named holder is not the answer, the text beside the role word is."""
    async with database.transaction() as session:
        b = _Builder(session, record)
        await b.item(
            "byte",
            record.meetings["2024-05-17"],
            "Övriga frågor",
            label="12",
            position=12,
            text=(
                "Byte av ordförande. Jenny Steen slutar i rådet och därmed som ordförande. "
                "Ny ordförande behöver utses. Per Holm blir ordförande efter årsskiftet."
            ),
        )
    for question in (
        "Vem blir ny ordförande efter Jenny Steen?",
        "Who takes over as chair when Jenny Steen leaves?",
    ):
        answer = await asking(question)
        assert answer.hits and "Per Holm blir ordförande" in answer.hits[0].text, answer.text
        assert all(not h.text.startswith("Jenny Steen") for h in answer.hits), answer.text
    # Asked without a name, the holder in the attendance still answers first.
    answer = await asking("Vem var ordförande i samverkansrådet 2024-05-17?")
    assert answer.hits and answer.hits[0].text.startswith("Jenny Steen"), answer.text


# Who was away or there for part of it, in the words members use (dialogs/resources/
# meeting_roles.json): "förhindrade", "en del av sammanträdet", "för sent", "was late".
_PARTS = (
    ("Vilka var förhindrade att komma på styrelsemötet?", "absent"),
    ("Vilka tjänstemän var bara med en del av sammanträdet?", "partial"),
    ("Vilka var med en del av dagen?", "partial"),
    ("Kom någon för sent till arbetsutskottets sammanträde?", "partial"),
    ("Who was late to the board meeting?", "partial"),
    ("Who was there for part of the session?", "partial"),
    ("Did anyone arrive late to the working committee meeting?", "partial"),
    ("Who was unable to attend the September board meeting?", "absent"),
    ("Var någon från Varbergs kommun med på direktionen?", "present"),
    ("Who took part in the board meeting on 19 November?", "present"),
)


@pytest.mark.parametrize(("question", "part"), _PARTS)
def test_the_part_of_the_attendance_asked_for(question: str, part: str) -> None:
    from dialogs.ask import parse_question

    parsed = parse_question(question, dt.date(2026, 12, 2), [])
    assert (parsed.intent, parsed.part) == ("attendance", part)


def test_an_extract_cut_inside_a_name_shows_the_whole_name() -> None:
    from dialogs.ask_people import window

    text = (
        "Mötet inleddes med en presentationsrunda av alla deltagare i rummet och på länk. "
        "Jesper Svarén, vice ordförande, öppnade mötet och hälsade välkommen. "
        "Ann-Katrin Persson, ordförande, var inte närvarande på grund av sjukdom."
    )
    at = text.index("vice ordförande")
    shown = window(text, at, at + len("vice ordförande"))
    assert "Jesper Svarén, vice ordförande" in shown, shown


@pytest.mark.parametrize(
    "question",
    (
        "Vem var mötesordförande på styrelsens möte 24-25 januari 1998?",
        "Who chaired the section board's meeting on 24–25 January 1998?",
        "Who chaired the meeting on January 24-25, 1998?",
    ),
)
def test_a_span_of_days_asks_for_the_meetings_on_those_days(question: str) -> None:
    from dialogs.ask import parse_question

    parsed = parse_question(question, dt.date(2026, 12, 2), [])
    assert (parsed.date_from, parsed.date_to) == (dt.date(1998, 1, 24), dt.date(1998, 1, 25))
    assert "1998" not in parsed.rest and "24" not in parsed.rest


def test_a_role_written_as_a_label_names_the_one_after_it() -> None:
    """A signature line flattened ("Sekreterare... Agneta Holmqvist Ordförande... Bengt Lindh
    Justerare.... Kjell Asp"): the name after the label, not the one before it."""
    from dialogs.ask_people import find_in_text, role_pattern

    class Row:
        kind, title, meeting_id, id = "information", "", 1, 1
        meeting_date = dt.date(2017, 3, 14)
        text = (
            "Underskrift Sekreterare... Agneta Holmqvist Ordförande... Bengt Lindh (L) "
            "Justerare.... Kjell Asp ANSLAG/BEVIS Protokollet är justerat."
        )

    for role, name in (("ordforande", "Bengt Lindh"), ("justerare", "Kjell Asp")):
        found = find_in_text([Row()], role_pattern(role))
        assert found, role
        after = found[0].text.split("...", 1)[-1] if role == "ordforande" else found[0].text
        assert name in after, (role, found[0].text)
