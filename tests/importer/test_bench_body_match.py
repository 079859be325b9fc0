"""The import bench's body-name match (bench/import_quality.same_body)."""

from __future__ import annotations

import pytest

from bench.import_quality import same_body


@pytest.mark.parametrize(
    ("want", "got", "same"),
    [
        ("Socialberedningen", "Socialberedningen", True),
        ("Socialberedningen i Norrbotten", "Socialberedningen", True),
        # A comma or a bracket beside a word leaves it a whole word.
        ("Direktionen, Medelpads Räddningstjänstförbund", "Direktionen", True),
        ("Partsgemensamt forum (PGF)", "PGF", True),
        ("hälso- och sjukvårdsnämnden", "Hälso- och sjukvårdsnämnden", True),
        # Part of a word is not the word; another body is not the body.
        ("Styrelsens arbetsutskott", "Styrelsen", False),
        ("Regionstyrelsen", "Regionfullmäktige", False),
        ("Kommunstyrelsen", None, False),
    ],
)
def test_a_body_is_named_right_when_one_name_holds_the_other_as_whole_words(
    want: str, got: str | None, same: bool
) -> None:
    assert same_body(want, got) is same
