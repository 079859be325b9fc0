"""The analyzer both engines index: stems, hyphens, folding, stop words, query words."""

from __future__ import annotations

import pytest

from storage.search_text import (
    StoredTerms,
    doc_terms,
    fold,
    is_stop,
    query_words,
    stem,
    word_terms,
)


@pytest.mark.parametrize(
    "forms",
    [
        ("beslut", "beslutet", "beslutade", "beslutades", "beslutats", "beslutar"),
        ("medel", "medlen", "medlet", "medlens"),
        ("samordnare", "samordnaren", "samordnarens", "samordnarna"),
        ("samsjuklighet", "samsjukligheten"),
        ("kommun", "kommuner", "kommunerna", "kommunernas"),
        ("fråga", "frågan", "frågor", "frågorna"),
        ("enhet", "enheten"),
        ("organ", "organet"),
        ("region", "regionen"),
        ("möte", "mötet"),
        ("gemensam", "gemensamma"),
    ],
)
def test_inflections_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1, {f: stem(f) for f in forms}


@pytest.mark.parametrize(("a", "b"), [("beslut", "besök"), ("vård", "värd"), ("medel", "mellan")])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_hyphenated_words_are_indexed_joined_and_split() -> None:
    assert set(word_terms("f-act")) == {"fact", "act"}
    terms = set(word_terms("f-act-samordnarens"))
    assert {"fact", "samordnarens", "samordn", "factsamordnarens"} <= terms
    assert "f" not in terms
    assert set(word_terms("covid-19")) >= {"covid19", "covid"}


def test_query_words_drop_question_words_and_keep_content() -> None:
    assert [w.text for w in query_words("Vad beslutades om F-ACT?")] == ["fact"]
    assert [w.text for w in query_words("what was decided about FACT last year?")] == ["fact"]
    assert query_words("vem var det som beslutade vad?") == []
    hyphen = query_words("F-ACT-samordnare")[0]
    weights = dict(hyphen.terms)
    assert weights["factsamordnare"] == 1.0 and weights["fact"] > weights["samordnare"]


def test_folded_copies_are_kept_apart() -> None:
    doc = doc_terms("Vård för äldre", "Lund är värd")
    parsed = StoredTerms.parse(doc.stored())
    assert "vård" in parsed.title and "vard" in parsed.title_folded
    assert "värd" in parsed.text and "vard" in parsed.text_folded
    assert "vard" not in parsed.title | parsed.text
    assert fold("överenskommelse för vård") == "overenskommelse for vard"
    assert is_stop("för") and is_stop("for") and is_stop("vad")


@pytest.mark.parametrize(
    "junk", ['"', "*", "NEAR(", ":", "-", "') OR 1=1 --", "{a b}: c", "\\'\x00"]
)
def test_terms_are_only_letters_and_digits(junk: str) -> None:
    for word in query_words(junk + " samverkan " + junk):
        assert all(t.isalnum() for t, _ in word.terms), word
    columns = doc_terms(junk, junk + " F-ACT").fts_columns()
    assert all(ch.isalnum() or ch == " " for col in columns for ch in col)


def test_function_words_of_a_question_are_no_topic() -> None:
    """Snowball's function words (storage/resources/stopwords.json) are never what a question
    is about: 'What did they say about their budget?' is about the budget."""
    from storage.search_text import query_words

    assert [w.text for w in query_words("What did they say about their budget?")] == ["budget"]
    assert [w.text for w in query_words("Vad sa hon om honom och budgeten?")] == ["budgeten"]
