"""The name lexicon (dialogs/importer/names.py, name statistics from faker's person providers)
and the importer's use of it as soft evidence where flattened lists run names together."""

from __future__ import annotations

import pytest

from dialogs.importer import parse_minutes
from dialogs.importer.names import (
    LOCALES,
    common_in,
    given_evidence,
    is_given_name,
    is_surname,
    surname_evidence,
    unlike_a_name,
)
from dialogs.importer.people import _name_runs, _split_run, _without_org_tail, first_names

FLAT_HEAD = "1 Socialnämnden PROTOKOLL 1(9) Plats och tid Kommunhuset, kl 13.00-15.00 "


def _pieces(run: str, text: str = "") -> list[str]:
    words = run.split()
    out, at = [], 0
    for size in _split_run(words, text or run):
        out.append(" ".join(words[at : at + size]))
        at += size
    return out


def test_the_lexicon_reads_the_swedish_statistics_first() -> None:
    assert LOCALES[0] == "sv_SE"
    # Isof's top 500 per gender and Skatteverket's top 500: hundreds of each, not a handful.
    assert sum(map(is_given_name, ["Anna", "Lars", "Örjan", "Åsa", "Mohammed"])) == 5
    assert sum(map(is_surname, ["Andersson", "Lindqvist", "Öberg", "Åberg"])) == 4


@pytest.mark.parametrize(
    ("word", "given", "surname"),
    [
        ("Anna-Lena", True, False),  # each part known
        ("Lars-Göran", True, False),
        ("Andersson-Molina", False, True),  # one part known is enough for a surname
        ("Attendo", False, False),
        ("Region", False, False),
        ("Ordförande", False, False),
        ("Paragrafer", False, False),
    ],
)
def test_known_given_names_and_surnames(word: str, given: bool, surname: bool) -> None:
    assert is_given_name(word) is given
    assert is_surname(word) is surname


def test_a_given_name_the_document_uses_as_an_ordinary_word_is_weaker_evidence() -> None:
    text = "Sammanträde den 14 maj 2024. Närvarande Maj Hellström, Bo Ek"
    assert common_in("Maj", text) and not common_in("Bo", text)
    assert given_evidence("Maj", text) < given_evidence("Maj", "") == 1.0
    assert given_evidence("Bo", text) == 1.0
    assert surname_evidence("Andersson") == 1.0 and surname_evidence("Anna") == 0.0


@pytest.mark.parametrize(
    ("run", "want"),
    [
        # Known given names start the pieces; "Strand" (a surname) ends one, "Olof" does not.
        ("Per Olof Strand Siv Edlund", ["Per Olof Strand", "Siv Edlund"]),
        (
            "Anna Berg Bo Lennart Sundqvist Maj Hellström",
            ["Anna Berg", "Bo Lennart Sundqvist", "Maj Hellström"],
        ),
        # Double surname: the second word is no given name, so the three stay one name.
        ("Karin Holt Sandberg Ulf Nyberg", ["Karin Holt Sandberg", "Ulf Nyberg"]),
        # Surname first throughout: every piece starts with a known surname.
        (
            "Andersson Anna Berg Per Lindqvist Eva Nilsson Karin",
            ["Andersson Anna", "Berg Per", "Lindqvist Eva", "Nilsson Karin"],
        ),
        # The shape rule still holds where the lexicon has nothing to say.
        ("Britt-Marie Andrén Karlsson Per Pellby", ["Britt-Marie Andrén Karlsson", "Per Pellby"]),
    ],
)
def test_a_run_of_names_splits_at_known_given_names(run: str, want: list[str]) -> None:
    assert _pieces(run) == want


def test_an_organisations_last_word_before_a_known_given_name_is_dropped() -> None:
    assert _without_org_tail("Attendo Jan Erik Wiklund".split(), "") == ["Jan", "Erik", "Wiklund"]
    assert _without_org_tail("Växjö Suzanne Frank".split(), "") == ["Suzanne", "Frank"]
    # A known given name first, or nothing known second: the run is left whole.
    assert _without_org_tail("Bo Lennart Sundqvist".split(), "") == ["Bo", "Lennart", "Sundqvist"]
    assert _without_org_tail("Tekla Siesjö Ekdahl".split(), "") == ["Tekla", "Siesjö", "Ekdahl"]


def test_a_heading_of_capitalised_ordinary_words_is_not_a_person() -> None:
    text = "Ekonomisk Uppföljning Nämnden fick en uppföljning av den ekonomiska rapporten."
    assert unlike_a_name(["Ekonomisk", "Uppföljning"], text)
    # Unknown names are not ordinary words of the text, known ones are names whatever the text.
    assert not unlike_a_name(["Tekla", "Siesjö"], text)
    assert not unlike_a_name(["Per", "Berg"], "per capita och berg")
    assert not unlike_a_name(["Wim", "de", "Vries"], "de", particles=("de",))


def test_a_flattened_list_is_read_with_the_lexicon() -> None:
    # Names without separators, a double given name among them, and a guest whose
    # organisation's last word runs into her name (layouts of real attendance 120, 121).
    text = (
        "Protokoll 2024-03-01\n\n"
        + FLAT_HEAD
        + "Beslutande Per Olof Strand Siv Edlund Bo Lennart Sundqvist Maj Hellström Ulf Nyberg "
        "Övriga deltagande Helena Lind, Vårdbolaget Attendo Jan Erik Wiklund, Norrby kommun "
        "Utses att justera Siv Edlund\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    names = {p.name for p in parse_minutes(text, "protokoll.txt").people}
    assert {"Per Olof Strand", "Siv Edlund", "Bo Lennart Sundqvist", "Maj Hellström"} <= names
    assert {"Ulf Nyberg", "Helena Lind", "Jan Erik Wiklund"} <= names
    assert not names & {"Per Olof", "Strand Siv Edlund", "Attendo Jan", "Erik Wiklund"}


def test_a_heading_in_a_flattened_list_is_not_read_as_a_person() -> None:
    # "Ekonomisk Uppföljning" stands where a name could; the text writes "uppföljning" too.
    text = (
        "Protokoll 2024-03-01\n\n"
        + FLAT_HEAD
        + "Beslutande Anna Ek Bo Lund Ekonomisk Uppföljning Utses att justera Bo Lund\n\n"
        "§ 1 Ekonomisk uppföljning\nNämnden fick en uppföljning av ekonomin.\n"
    )
    names = {p.name for p in parse_minutes(text, "protokoll.txt").people}
    assert {"Anna Ek", "Bo Lund"} <= names
    assert "Ekonomisk Uppföljning" not in names


def test_a_known_surname_before_a_lower_case_title_stays_in_the_name() -> None:
    # "Strand" has no surname ending but is a known surname: the three words are one name; the
    # adjective of "Administrativ chef" is still no part of a name (real 28).
    segment = "Närvarande Anna Lind Strand sekreterare Per Ek"
    assert [" ".join(r[2]) for r in _name_runs(segment, segment)] == ["Anna Lind Strand", "Per Ek"]
    segment = "Närvarande Malin Åkerlund Administrativ chef Göran Berglöf"
    assert [" ".join(r[2]) for r in _name_runs(segment, segment)] == [
        "Malin Åkerlund",
        "Göran Berglöf",
    ]


def test_a_list_of_given_names_must_be_mostly_known_given_names() -> None:
    # Places have the shape of given names; the lexicon tells them apart (real attendance 78
    # is the given-names-only layout).
    assert first_names("Malin, Sofia, Ingrid, Camilla och Nasrin") == [
        "Malin",
        "Sofia",
        "Ingrid",
        "Camilla",
        "Nasrin",
    ]
    assert first_names("Bollnäs, Hudiksvall, Ljusdal och Söderhamn") == []
