"""Which language a question is in: English and Swedish function words weighed, names ignored."""

from __future__ import annotations

import pytest

from dialogs.router import detect_language


@pytest.mark.parametrize(
    "question",
    [
        "Who replaces Åsa Öberg on the board?",
        "When is the next meeting in Östra Göinge?",
        "Was Björn Ärlig present at the meeting in May?",
        "What did Region Skåne say about the budget?",
        "How much money is there for Närvård?",
    ],
)
def test_english_question_with_swedish_names_is_english(question: str) -> None:
    assert detect_language(question) == "en"


@pytest.mark.parametrize(
    "question",
    [
        "Vem ersätter Åsa Öberg i styrgruppen?",
        "vad beslutades om F-ACT?",
        "När är nästa möte?",
        "närvaro i maj",
        "Hur mycket pengar finns för kvinnofrid?",
        "') OR 1=1 --",
    ],
)
def test_swedish_question_stays_swedish(question: str) -> None:
    assert detect_language(question) == "sv"


def test_a_tie_follows_the_senders_locale() -> None:
    assert detect_language("F-ACT 2022", "en-US") == "en"
    assert detect_language("F-ACT 2022", "sv-SE") == "sv"
