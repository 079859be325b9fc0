"""Attendance in the layouts of public minutes outside the corpus (tests/importer/shapes/attendance/):
each short text of our own comes with the people it lists, their status and, where the text
states it, their role. The importer must find exactly those people (nothing invented) with
those statuses and roles."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from dialogs.importer import parse_minutes

SHAPES = Path(__file__).parent / "shapes" / "attendance"
# Expected roles are written as the annotation README spells them; the parser's role keys.
ROLE_KEYS = {
    "ordförande": "ordforande",
    "vice ordförande": "vice_ordforande",
    "sekreterare": "sekreterare",
    "justerare": "justerare",
    "ledamot": "ledamot",
    "ersättare": "ersattare",
    "tjänsteperson": "tjansteperson",
    "adjungerad": "ovrig",
    "föredragande": "foredragande",
    "övrig": "ovrig",
}


def _fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _cases() -> list[Any]:
    return [
        pytest.param(path, id=path.stem)
        for path in sorted(SHAPES.glob("*.txt"))
        if path.with_suffix(".json").exists()
    ]


def test_every_shape_has_its_expectation_and_source() -> None:
    texts = sorted(SHAPES.glob("*.txt"))
    assert len(texts) >= 12
    for path in texts:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert expected["split"] == "shapes"
        assert expected["source"].startswith("http")


@pytest.mark.parametrize("path", _cases())
def test_attendance_shape(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    want = expected["meetings"][0]["people"]
    minutes = parse_minutes(path.read_text(encoding="utf-8"), path.name)
    got = {_fold(p.name): p for p in minutes.people}
    assert sorted((_fold(p["name"]), p["status"]) for p in want) == sorted(
        (key, p.status) for key, p in got.items()
    )
    for person in want:
        if person["role"]:
            found = got[_fold(person["name"])]
            assert ROLE_KEYS[person["role"]] in found.roles, (person["name"], found.roles)
