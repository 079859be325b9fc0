"""Decisions as written, impossible dates and near misses, without a server (issue 13).

The phrasings are the corpus's own (../shared/corpus/INDEX.md lists them per document)."""

from __future__ import annotations

import pytest

from dialogs.dates import impossible_date
from dialogs.errors import UserError
from dialogs.nearmiss import DECISION_LIKE, _is_question
from dialogs.paragraphs import Wording, parse_decision

AS_WRITTEN = [
    "Protokollet läggs till handlingarna.",
    "Beredningen godkänner rapporten.",
    "Preliminär föredragningslista fastställs som slutlig föredragningslista.",
    "Dagordningen godkändes.",
    "Anteckningarna godkändes och lades till handlingarna.",
    "förslaget till beslut bifalles",
    "Fastställdes.",
    "Beslut att styrelsen kontaktar banken",
    "Årsmötet beslutar enligt förslaget",
    "enligt förslag",
    "that the minutes are approved",
]


@pytest.mark.parametrize("text", AS_WRITTEN)
def test_a_decision_without_att_is_stored_as_written(text: str) -> None:
    assert parse_decision(text) == Wording(None, [], text)


def test_att_clauses_are_split_out_when_present() -> None:
    assert parse_decision("att godkänna dagordningen; att lägga rapporten till handlingarna") == (
        Wording(None, ["godkänna dagordningen", "lägga rapporten till handlingarna"], None)
    )
    assert parse_decision("**att** godkänna\n**att** avslå motionen") == Wording(
        None, ["godkänna", "avslå motionen"], None
    )


def test_a_phrase_before_the_clauses_is_kept_as_the_phrase() -> None:
    assert parse_decision("Årsmötet beslutar att välja styrelsen") == Wording(
        "Årsmötet beslutar", ["välja styrelsen"], None
    )
    assert parse_decision("Mötet beslutade att uppdra arbetsutskottet att ta fram en plan") == (
        Wording("Mötet beslutade", ["uppdra arbetsutskottet att ta fram en plan"], None)
    )
    assert parse_decision("LSVO:s ledningsgrupp beslutar\natt A\natt B") == Wording(
        "LSVO:s ledningsgrupp beslutar", ["A", "B"], None
    )
    # The phrase on its own line and prose under it (corpus 18): the prose as written.
    # "beslutar att" ending the line, the clause on the next (corpus 18).
    assert parse_decision(
        "Regionstyrelsen beslutar att\nFöreslå regionfullmäktige besluta att anta planen."
    ) == Wording(
        "Regionstyrelsen beslutar", ["Föreslå regionfullmäktige besluta att anta planen."], None
    )
    # The phrase on its own line and prose under it: the prose as written.
    assert parse_decision("Nämnden beslutar\nEnligt förslaget.") == Wording(
        "Nämnden beslutar", [], "Enligt förslaget."
    )


@pytest.mark.parametrize("text", ["", "   ", "att", "att; att"])
def test_an_empty_decision_is_refused_with_the_accepted_form(text: str) -> None:
    with pytest.raises(UserError) as err:
        parse_decision(text)
    assert "`beslut: att …; att …`" in err.value.sv
    assert "`decision: att …; att …`" in err.value.en


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("till 31 februari", "31 februari"),
        ("Sammanträde 31 april 2008", "31 april 2008"),
        ("senast 2021-02-30", "2021-02-30"),
        ("den 30 februari 2024", "30 februari 2024"),
        ("återkommer 31/2", "31/2"),
    ],
)
def test_impossible_dates_are_found(text: str, bad: str) -> None:
    assert impossible_date(text) == bad


@pytest.mark.parametrize(
    "text",
    [
        "3 september",
        "29 februari",
        "2024-02-29",
        "under perioden 20210901 - 2022 04 01",
        "i höst",
        "2/3 av medlen",
        "50/50",
    ],
)
def test_real_dates_are_not_flagged(text: str) -> None:
    assert impossible_date(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "Beredningen godkänner rapporten.",
        "Nämnden beslutar att anta planen",
        "Protokollet läggs till handlingarna.",
        "Anna Berg valdes till ordförande",
    ],
)
def test_decision_like_lines(line: str) -> None:
    assert DECISION_LIKE.search(line) and not _is_question(line)


@pytest.mark.parametrize(
    "line",
    [
        "vad beslutades om FoU-avtalet?",
        "Vilka beslut fattades i maj",
        "Godkänner vi rapporten?",
        "what was decided about the budget",
    ],
)
def test_questions_are_not_offered_as_decisions(line: str) -> None:
    assert _is_question(line)
