"""The false-trigger bench (bench/false_triggers.py) holds its target on SQLite and PostgreSQL:
at most 1 % of the seed and corpus sentences, sent unaddressed by a recorder during an open
meeting, are acted on."""

from __future__ import annotations

from bench.false_triggers import TARGET, measure


async def test_at_most_one_percent_of_ordinary_sentences_are_acted_on(db_url: str) -> None:
    acted, total = await measure(db_url)
    assert total > 1500  # the four seeds and the 24 corpus documents
    assert len(acted) <= TARGET * total, acted
    # What is acted on is a recorder's command line, never a prose sentence.
    for _, text in acted:
        assert text[0] in "§" or ":" in text.split("\n")[0] or text.lower() == "närvarande", text
