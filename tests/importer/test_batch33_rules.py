"""Rules that batch 33 of real excerpts (tests/importer/real/complete/real_410–414: the board
minutes of three associations and two annual meetings of a hackerspace) asked for, each on a
short text of our own with invented names and handles."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedMinutes


def _parse(text: str) -> ParsedMinutes:
    return parse_minutes(text, "protokoll.txt")


def test_roll_of_member_handles_in_the_head() -> None:
    # A club's annual meeting lists its voters by their handles, one a bullet, under
    # "Röstlängd:", and those without a vote under "Icke röstberättigade:" (real/complete 414).
    minutes = _parse(
        "Årsmöte 2021\n\nMötet öppnades 2021-03-02 kl 19:00.\n\nRöstlängd:\n\n- qwerty\n"
        "- b-ost\n- k9\n- Lodjuret\n\nIcke röstberättigade:\n\n- visitorbot\n\n"
        "1. Val av mötesordförande\n\nAnna Ek valdes till mötesordförande.\n\n"
        "2. Övriga frågor\n\nInga.\n"
    )
    people = {p.name: (p.status, p.roles) for p in minutes.people}
    assert people == {
        "qwerty": ("present", []),
        "b-ost": ("present", []),
        "k9": ("present", []),
        "Lodjuret": ("present", []),
        "visitorbot": ("present", ["ovrig"]),
    }


def test_bullets_that_are_no_handles_stay_out_of_the_roll() -> None:
    # A word that names an organisation, a role or a label is no member's handle.
    minutes = _parse(
        "Styrelsemöte 2021-03-02\n\nDeltagare:\n\n- Kansliet\n- sekreterare\n- Frånvarande\n\n"
        "1. Mötets öppnande\n\nMötet öppnades.\n"
    )
    assert [p.name for p in minutes.people] == []
