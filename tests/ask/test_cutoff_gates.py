"""The gates on what the asker sees (dialogs.ask_passages.extract_holds): the question's names
and numbers in the first hit (anchors), the shown hits' nearness in meaning (extract_dense), and
the bench's calibration grid over them (bench/ask_quality.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dialogs import ask_passages as AP
from tests.ask.conftest import Ask
from tests.ask.record import Record

ROOT = Path(__file__).resolve().parents[2]


def _with_cutoff(monkeypatch: pytest.MonkeyPatch, **values: float) -> None:
    base = {"lexical": 0.7, "dense_z": 99.0, "dense": 99.0, "extract": 0.0}
    base.update(values)
    monkeypatch.setattr(AP, "_cutoffs", lambda: {"sv": dict(base), "en": dict(base)})
    monkeypatch.delenv("SVB_ASK_CUTOFF", raising=False)


def test_anchors_are_the_names_and_numbers_of_a_question() -> None:
    # Names inside the sentence, with a possessive 's taken off, and tokens with digits.
    assert AP.anchors("By how much is Kungälv hospital's deficit being reduced in 2019?") == [
        "kungälv",
        "2019",
    ]
    assert AP.anchors("What does the rental car from OKQ8 cost?") == ["okq8"]
    assert AP.anchors("How big was NU-sjukvården's deficit?") == ["nu-sjukvården"]
    # The first word, short abbreviations of the asker's own language, stop words and month
    # names (met by the hit's date instead) are not anchors.
    assert AP.anchors("Who chaired the AGM on 28 October 2010?") == ["28", "2010"]
    assert AP.anchors("Vem blev ordförande i Stacken i Maj 2020?") == ["stacken", "2020"]
    assert AP.anchors("Vad beslutades om hyran?") == []


def test_an_anchor_counts_inflected_spelt_otherwise_or_as_the_hit_date() -> None:
    q = "By how much is Kungälv hospital's deficit being reduced?"
    assert AP.anchors_missing(q, "Underskottet för Kungälvs sjukhus minskas.") == 0
    assert AP.anchors_missing(q, "Underskottet för Alingsås lasarett minskas.") == 1
    # A name spelt a little otherwise is the same name.
    assert AP.anchors_missing("What did Sahlgrenska report?", "Sahlgrenksa rapporterade") == 0
    # The numbers of a date are met by the hit's date as the asker sees it.
    day = dt.date(2010, 10, 28)
    assert AP.date_words(day) == "2010-10-28 28 oktober 2010"
    q = "Who's checking the minutes of the 28 October 2010 meeting?"
    assert AP.anchors_missing(q, f"Styrelsen {AP.date_words(day)} Justering") == 0
    assert AP.anchors_missing(q, f"Styrelsen {AP.date_words(dt.date(2011, 3, 2))}") == 2
    # A number must stand as it is and whole: 2018 is not 2019, and holds no 8.
    assert AP.anchors_missing("the 2019 budget?", "Budget 2018 antogs.") == 1
    assert AP.anchors_missing("the meeting of 8 May?", "Mötet 2018-05-18") == 1
    assert AP.anchors_missing("the meeting of 8 May?", "Mötet 2018-05-08 8 maj 2018") == 0


def test_the_gates_hold_back_what_misses_the_question(monkeypatch: pytest.MonkeyPatch) -> None:
    r = AP.Retrieval([], {}, 1.0, 0.9, True)
    _with_cutoff(monkeypatch, anchors=1.0, extract_dense=0.83)
    assert AP.extract_holds(r, "en")  # nothing set yet: nothing is held back
    r.anchors_missing = 1
    assert not AP.extract_holds(r, "en")
    r.anchors_missing = 0
    r.extract_dense = 0.82
    assert not AP.extract_holds(r, "en")
    r.extract_dense = 0.84
    assert AP.extract_holds(r, "en") and AP.wants_extract_dense("en")
    # Off (0), neither is checked, and the shown hits are not embedded at all.
    _with_cutoff(monkeypatch, anchors=0.0, extract_dense=0.0)
    r.anchors_missing, r.extract_dense = 3, 0.5
    assert AP.extract_holds(r, "en") and not AP.wants_extract_dense("en")
    # The bench's calibration (cut-off off) sees every hit and needs every value.
    monkeypatch.setenv("SVB_ASK_CUTOFF", "off")
    assert AP.extract_holds(r, "en") and AP.wants_extract_dense("en")
    # The bench reads both from the answer's confidence.
    assert r.features()[7:9] == (0.5, 3)


def test_a_question_asking_what_was_decided_has_its_own_dense_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its frame words dilute the question's vector: `dense_decision` applies to it, `dense`
    to every other question; a language without `dense_decision` uses `dense` for both."""
    _with_cutoff(monkeypatch, dense=0.84, dense_decision=0.79)
    r = AP.Retrieval([object()], {}, 0.0, 0.80, True)  # type: ignore[list-item]
    assert not AP.confident(r, "en")
    r.decision_frame = True
    assert AP.confident(r, "en")
    assert r.features()[9] == 1.0
    r.best_dense = 0.78
    assert not AP.confident(r, "en")
    _with_cutoff(monkeypatch, dense=0.84)
    r.best_dense = 0.80
    assert not AP.confident(r, "en")


def test_a_question_asking_who_has_its_own_dense_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its extract must name a person, a check of its own: `dense_who` applies to it, but not to
    a question that asks what was decided as well (that one's threshold wins)."""
    _with_cutoff(monkeypatch, dense=0.84, dense_who=0.80, dense_decision=0.82)
    r = AP.Retrieval([object()], {}, 0.0, 0.81, True, asks_who=True)  # type: ignore[list-item]
    assert AP.confident(r, "en") and r.features()[10] == 1.0
    r.asks_who = False
    assert not AP.confident(r, "en")
    r.asks_who = r.decision_frame = True
    assert not AP.confident(r, "en")


def test_a_question_with_names_or_numbers_may_pass_a_little_lower_if_the_hit_holds_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`dense_anchored`: a question with a name or a number passes at that similarity, under
    `dense`, and only when the first hit shown holds every one of them; a question without
    any, or a language without the value, keeps `dense`."""
    _with_cutoff(monkeypatch, dense=0.84, dense_anchored=0.83)
    r = AP.Retrieval([object()], {}, 0.0, 0.835, True)  # type: ignore[list-item]
    assert not AP.confident(r, "en") and not AP.answers_at_all(r, "en")
    r.anchor_count = 1.0
    assert AP.answers_at_all(r, "en") and r.features()[11] == 1.0
    r.anchors_missing = 1
    assert not AP.extract_holds(r, "en")  # the hit lacks the name: held back
    r.anchors_missing = 0
    assert AP.extract_holds(r, "en")
    # Past the ordinary cut-off, a missing name is not held against it (anchors is off).
    r.best_dense, r.anchors_missing = 0.85, 1
    assert AP.confident(r, "en") and AP.extract_holds(r, "en")
    r.best_dense = 0.82
    assert not AP.answers_at_all(r, "en")
    _with_cutoff(monkeypatch, dense=0.84)
    r.best_dense = 0.835
    assert not AP.answers_at_all(r, "en")


async def test_seen_similarity_without_vectors_holds_nothing_back() -> None:
    assert await AP.seen_similarity(["Budget 2018 antogs."], None) == 1.0
    assert await AP.seen_similarity([], np.ones(384, dtype=np.float32)) == 1.0


@pytest.mark.usefixtures("embeddings")
async def test_seen_similarity_is_the_nearest_shown_hit() -> None:
    from storage import vectors

    q = "How much did the new school cost?"
    seen = ["Nya skolan kostade 40 miljoner kronor.", "Mötet avslutades kl 16.00."]
    qvec = (await vectors.embed_query(q)) if vectors.enabled() else None
    assert qvec is not None
    each = [await AP.seen_similarity([s], qvec) for s in seen]
    assert each[0] > each[1]
    assert await AP.seen_similarity(seen, qvec) == pytest.approx(max(each), abs=1e-5)


async def test_a_hit_without_the_question_names_is_held_back(
    record: Record, asking: Ask, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The record decided about F-ACT, never anything about F-ACT in Kiruna.
    question = "vad beslutades om F-ACT i Kiruna?"
    _with_cutoff(monkeypatch, lexical=0.3, anchors=0.0)
    shown = await asking(question)
    assert shown.hits and "Kiruna" not in " ".join(h.text for h in shown.hits)
    assert shown.confidence is not None and shown.confidence[8] == 1
    _with_cutoff(monkeypatch, lexical=0.3, anchors=1.0)
    held = await asking(question)
    assert held.hits == []
    # Without the name, the same passages are shown with the gate on.
    answered = await asking("vad beslutades om F-ACT?")
    assert answered.hits


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("ask_quality", ROOT / "bench" / "ask_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_calibration_grid_scores_the_gates() -> None:
    bench = _bench()

    def row(answerable: bool, ok: bool, conf: tuple[float, ...] | None) -> tuple[Any, ...]:
        q = {"answerable": answerable, "organisation": "x", "split": "dev"}
        return (q, "en", ok, conf, True)

    near = (0.0, 0.85, 0.0, 0.0, 0.0, 0.0, 1.0)
    dev = [
        row(True, True, (*near, 0.86, 0)),  # answered right, names there
        row(False, True, (*near, 0.84, 1)),  # no answer in the record, a name missing
        row(True, True, None),  # a structured answer: always shown
    ]
    values = {"lexical": 0.7, "dense_z": 99.0, "dense": 0.84, "extract": 0.0}
    assert bench._score(dev, {**values, "extract_dense": 0.0, "anchors": 0.0}) == (1.0, 0.0)
    assert bench._score(dev, {**values, "extract_dense": 0.0, "anchors": 1.0}) == (1.0, 1.0)
    assert bench._score(dev, {**values, "extract_dense": 0.85, "anchors": 0.0}) == (1.0, 1.0)
    assert bench._score(dev, {**values, "extract_dense": 0.9, "anchors": 0.0}) == (0.5, 1.0)
    # Answers from before these values (a shorter confidence) pass both gates.
    assert bench._score([row(True, True, near)], {**values, "anchors": 1.0})[0] == 1.0
    best = bench._balanced(bench._cutoff_options(dev))
    assert best[0] + best[1] == 2.0


def test_the_bench_judges_a_clock_and_a_span_of_time_however_written() -> None:
    """A fact is the same whichever way a clock or a span is written; other text is not."""
    bench = _bench()
    q = {"answerable": True, "facts": [["13.00 – 15.30"], ["12:49"]]}
    assert bench.judge(q, {"answer": "kl. 13.00-15.30, öppnat 12.49", "hits": []})
    assert not bench.judge(q, {"answer": "kl. 13.00-15.45, öppnat 12.49", "hits": []})
    assert not bench.judge(q, {"answer": "kl. 13.00-15.30", "hits": []})
